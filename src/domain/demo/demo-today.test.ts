import { describe, expect, it } from 'vitest';
import { slotNow, todaySession } from './demo-today';

describe('the demo conferences of today', () => {
  it('puts the session around the moment of seeding, within the day', () => {
    expect(todaySession('13:47')).toEqual({ startTime: '12:45', endTime: '16:45' });
    expect(todaySession('00:20')).toEqual({ startTime: '00:00', endTime: '04:00' });
    expect(todaySession('22:10')).toEqual({ startTime: '21:10', endTime: '23:55' });
  });
  it('finds the slot that is on now', () => {
    expect(slotNow({ startTime: '12:45' }, '13:47', 10)).toBe(3);
    expect(slotNow({ startTime: '00:00' }, '00:05', 10)).toBe(0);
    expect(slotNow({ startTime: '21:10' }, '23:59', 10)).toBe(8);
  });
});

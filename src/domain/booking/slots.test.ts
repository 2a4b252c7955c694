import { describe, expect, it } from 'vitest';
import { instantOf, sessionProblems, slotsOf, wallClockOf, type SessionSpec } from './slots';

const friday: SessionSpec = { id: 'fri', date: '2026-10-23', startTime: '15:30', endTime: '17:30', breaks: [{ start: '16:30', end: '16:45' }] };
const monday: SessionSpec = { ...friday, id: 'mon', date: '2026-10-26' };
const iso = (slots: ReturnType<typeof slotsOf>) => slots.map((s) => s.startsAt.toISOString());

describe('slotsOf', () => {
  it('steps slot + buffer from the session start, starts again after a break, and ends by the end', () => {
    const slots = slotsOf({ sessions: [friday], timeZone: 'Europe/London', slotMinutes: 20, bufferMinutes: 5 });
    expect(slots.map((s) => wallClockOf(s.startsAt, 'Europe/London').time)).toEqual(['15:30', '15:55', '16:45', '17:10']);
    expect(slots.every((s) => s.endsAt.getTime() - s.startsAt.getTime() === 20 * 60_000)).toBe(true);
  });

  it('keeps the wall clock across the clock change: 15:30 is 14:30Z in BST and 15:30Z in GMT', () => {
    const slots = slotsOf({ sessions: [friday, monday], timeZone: 'Europe/London', slotMinutes: 20, bufferMinutes: 5 });
    expect(iso(slots)[0]).toBe('2026-10-23T14:30:00.000Z');
    expect(iso(slots)[4]).toBe('2026-10-26T15:30:00.000Z');
  });

  it('does the same for New York (1 November 2026) and Sydney (5 April 2026)', () => {
    const ny = ['2026-10-30', '2026-11-02'].map((date, i) => ({ id: `n${i}`, date, startTime: '15:30', endTime: '16:00', breaks: [] }));
    expect(iso(slotsOf({ sessions: ny, timeZone: 'America/New_York', slotMinutes: 30, bufferMinutes: 0 }))).toEqual(['2026-10-30T19:30:00.000Z', '2026-11-02T20:30:00.000Z']);
    const syd = ['2026-04-03', '2026-04-06'].map((date, i) => ({ id: `s${i}`, date, startTime: '15:30', endTime: '16:00', breaks: [] }));
    expect(iso(slotsOf({ sessions: syd, timeZone: 'Australia/Sydney', slotMinutes: 30, bufferMinutes: 0 }))).toEqual(['2026-04-03T04:30:00.000Z', '2026-04-06T05:30:00.000Z']);
  });

  it('offers only the windows a person gave, and nothing on sessions they did not', () => {
    const slots = slotsOf({ sessions: [friday, monday], timeZone: 'Europe/London', slotMinutes: 20, bufferMinutes: 5, availability: [{ sessionId: 'mon', start: '16:40', end: '17:30' }] });
    expect(slots.map((s) => wallClockOf(s.startsAt, 'Europe/London'))).toEqual([
      { date: '2026-10-26', time: '16:45' },
      { date: '2026-10-26', time: '17:10' },
    ]);
  });

  it('moves a time the spring change skips on by the gap', () => {
    expect(instantOf('2026-03-29', '01:30', 'Europe/London').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });
});

describe('sessionProblems', () => {
  it('names the field and the reason', () => {
    expect(sessionProblems({ startTime: '17:00', endTime: '15:30', breaks: [] }, 20)).toEqual({ endTime: 'times_reversed' });
    expect(sessionProblems({ startTime: '15:30', endTime: '15:40', breaks: [] }, 20)).toEqual({ endTime: 'shorter_than_a_slot' });
    expect(sessionProblems({ startTime: '25:00', endTime: '15:40', breaks: [] }, 20)).toEqual({ startTime: 'invalid_time' });
    expect(sessionProblems({ startTime: '15:30', endTime: '19:00', breaks: [{ start: '19:30', end: '19:45' }, { start: '17:00', end: '16:00' }] }, 20)).toEqual({
      'breaks.0': 'outside_session',
      'breaks.1': 'times_reversed',
    });
    expect(sessionProblems(friday, 20)).toBeNull();
  });
});

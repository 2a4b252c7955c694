import { describe, expect, it } from 'vitest';
import { freeTimes, isActive, offerProblem, statusAfterMessage, statusAfterSchedule, type FollowupStatus } from './followup';

const at = (hhmm: string) => new Date(`2026-10-23T${hhmm}:00.000Z`);
const slot = (start: string, end: string) => ({ startsAt: at(start), endsAt: at(end) });

describe('a private follow-up thread', () => {
  it('follows whose turn it is (the worked example)', () => {
    let s: FollowupStatus = 'open';
    s = statusAfterMessage(s, 'school')!;
    expect(s).toBe('answered');
    s = statusAfterMessage(s, 'family')!;
    expect(s).toBe('open');
    s = statusAfterSchedule(s)!;
    expect(s).toBe('scheduled');
    expect(statusAfterMessage(s, 'family')).toBe('scheduled');
    expect(statusAfterMessage(s, 'school')).toBe('scheduled');
    expect(statusAfterMessage('answered', 'school')).toBe('answered');
  });

  it('takes nothing more once closed', () => {
    expect(statusAfterMessage('closed', 'family')).toBeNull();
    expect(statusAfterMessage('closed', 'school')).toBeNull();
    expect(statusAfterSchedule('closed')).toBeNull();
    expect(['open', 'answered', 'scheduled', 'closed'].map((x) => isActive(x as FollowupStatus))).toEqual([true, true, true, false]);
  });

  it('refuses a time that has passed or that the teacher has taken', () => {
    const busy = [slot('15:30', '15:50')];
    expect(offerProblem(slot('15:45', '16:00'), at('15:00'), busy)).toBe('teacher_busy');
    expect(offerProblem(slot('14:00', '14:15'), at('15:00'), busy)).toBe('in_past');
    expect(offerProblem(slot('15:50', '16:05'), at('15:00'), busy)).toBeNull();
  });

  it('suggests the teacher’s free slots after the conference and after now', () => {
    const slots = [slot('16:45', '17:05'), slot('15:30', '15:50'), slot('15:55', '16:15'), slot('16:20', '16:40')];
    const busy = [slot('15:30', '15:50'), slot('16:20', '16:40')];
    const hhmm = (xs: Array<{ startsAt: Date }>) => xs.map((x) => x.startsAt.toISOString().slice(11, 16));
    expect(hhmm(freeTimes(slots, busy, at('15:40'), at('15:30')))).toEqual(['15:55', '16:45']);
    // Not before the conference itself (from), nor more than the limit.
    expect(hhmm(freeTimes(slots, [], at('12:00'), at('16:00')))).toEqual(['16:20', '16:45']);
    expect(hhmm(freeTimes(slots, [], at('12:00'), at('12:00'), 2))).toEqual(['15:30', '15:55']);
  });
});

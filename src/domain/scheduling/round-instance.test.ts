import { describe, expect, it } from 'vitest';
import { readInstance } from './format';
import { meetingsOf, parseRequestId, requestId, roundInstance, type RoundForScheduling } from './round-instance';
import { solve } from './solve';
import { validate } from './validate';

const session = { id: 's1', date: '2026-11-03', startTime: '16:00', endTime: '18:00', breaks: [{ start: '17:00', end: '17:10' }] };

function round(change: Partial<RoundForScheduling> = {}): RoundForScheduling {
  return {
    slotMinutes: 20,
    bufferMinutes: 5,
    walkMinutes: 5,
    sessions: [session],
    teachers: [
      { id: 'ahn', room: 'R1', languages: ['en-GB'], availability: null },
      { id: 'bell', room: 'R2', languages: ['en', 'ko'], availability: null },
    ],
    interpreters: [{ id: 'i1', languages: ['ar'], availability: null }, { id: 'i2', languages: ['ko-KR'], availability: [{ sessionId: 's1', start: '16:00', end: '17:00' }] }],
    families: [
      { id: 'kim', language: 'ko', oneEvening: true, windows: [{ sessionId: 's1', start: '16:00', end: '18:00' }], requests: [{ studentId: 'c1', party: 'family', teacherId: 'ahn' }, { studentId: 'c2', party: 'family', teacherId: 'bell' }] },
      { id: 'haddad', language: 'ar-LB', oneEvening: true, windows: [{ sessionId: 's1', start: '17:03', end: '18:00' }], requests: [{ studentId: 'c3', party: 'family', teacherId: 'ahn' }] },
    ],
    taken: [],
    ...change,
  };
}

describe('a round as a scheduling instance', () => {
  it('gives each teacher one window per slot of the round grid (the worked example), on a 5-minute grid', () => {
    const inst = roundInstance(round());
    expect(readInstance(inst).ok).toBe(true);
    expect(inst.slotMinutes).toBe(5);
    expect(inst.teachers[0]!.available).toEqual([
      { evening: 's1', start: '16:00', end: '16:20' },
      { evening: 's1', start: '16:25', end: '16:45' },
      { evening: 's1', start: '17:10', end: '17:30' },
      { evening: 's1', start: '17:35', end: '17:55' },
    ]);
    // Languages by primary subtag; the Haddads' 17:03 rounds in to 17:05.
    expect(inst.teachers[0]!.languages).toEqual(['en']);
    expect(inst.families[1]).toMatchObject({ language: 'ar', available: [{ evening: 's1', start: '17:05', end: '18:00' }] });
    expect(inst.families[0]!.requests.map((q) => q.id)).toEqual([requestId('c1', 'family'), requestId('c2', 'family')]);
    expect(parseRequestId('c1:user-9')).toEqual({ studentId: 'c1', party: 'user-9' });
  });

  it('leaves out slots already booked, and schedules on the grid: siblings back to back, the interpreter with the Haddads', () => {
    const inst = roundInstance(round({ taken: [{ person: 'teacher:ahn', sessionId: 's1', start: 16 * 60, end: 16 * 60 + 20 }] }));
    expect(inst.teachers[0]!.available.map((w) => w.start)).toEqual(['16:25', '17:10', '17:35']);
    const { solution } = solve(inst, { seed: 1, maxIterations: 100 });
    const v = validate(inst, solution);
    expect(v.violations).toEqual([]);
    expect(v.measures.coverage).toBe(1);
    const meetings = meetingsOf(inst, solution);
    const starts = new Set(['16:00', '16:25', '17:10', '17:35']);
    for (const m of meetings) expect(starts.has(m.start), m.start).toBe(true);
    // The Kims: Mr Bell speaks Korean (no interpreter), then Ms Ahn one slot on — 5 minutes to
    // walk — with the Korean interpreter, who is there until 17:00.
    const kims = meetings.filter((m) => m.householdUserId === 'kim').sort((a, b) => a.start.localeCompare(b.start));
    expect(kims.map((m) => [m.teacherId, m.start, m.end, m.interpreterId])).toEqual([
      ['bell', '16:00', '16:20', null],
      ['ahn', '16:25', '16:45', 'i2'],
    ]);
    expect(meetings.find((m) => m.householdUserId === 'haddad')).toMatchObject({ teacherId: 'ahn', interpreterId: 'i1', studentId: 'c3', party: 'family' });
  });
});

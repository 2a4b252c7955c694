import { describe, expect, it } from 'vitest';
import { adjacentStarts, speaks, suggestSequences, type ChildTimes } from './family';
import { slotsOf, type SessionSpec } from './slots';

const session: SessionSpec = { id: 's', date: '2026-10-23', startTime: '15:00', endTime: '18:00', breaks: [] };
const grid = slotsOf({ sessions: [session], timeZone: 'UTC', slotMinutes: 20, bufferMinutes: 5 });
const at = (hhmm: string) => new Date(`2026-10-23T${hhmm}:00Z`).getTime();
const only = (...times: string[]) => grid.filter((s) => times.includes(s.startsAt.toISOString().slice(11, 16)));
const hhmm = (d: Date) => d.toISOString().slice(11, 16);

describe('suggestSequences', () => {
  it('puts siblings back to back with the walk between rooms, one suggestion per hour', () => {
    const ana: ChildTimes = { studentId: 'ana', teacherId: 'a', room: 'Room 4', free: grid };
    const leo: ChildTimes = { studentId: 'leo', teacherId: 'b', room: 'Room 9', free: grid };
    const seqs = suggestSequences([ana, leo], { walkMinutes: 5 });
    expect(seqs.map((s) => s.meetings.map((m) => hhmm(m.startsAt)))).toEqual([
      ['15:00', '15:25'],
      ['16:15', '16:40'],
      ['17:05', '17:30'],
    ]);
    expect(seqs.every((s) => s.waitMinutes === 0)).toBe(true);
  });

  it('waits as little as possible, in either order, and offers nothing when a child has no time', () => {
    const ana: ChildTimes = { studentId: 'ana', teacherId: 'a', room: 'Room 4', free: only('16:15') };
    const leo: ChildTimes = { studentId: 'leo', teacherId: 'b', room: 'Room 9', free: only('15:00', '15:50', '17:05') };
    const [best] = suggestSequences([ana, leo], { walkMinutes: 5 });
    expect(best!.meetings.map((m) => `${m.studentId}@${hhmm(m.startsAt)}`)).toEqual(['leo@15:50', 'ana@16:15']);
    expect(best!.waitMinutes).toBe(0);
    expect(suggestSequences([ana, { ...leo, free: [] }], { walkMinutes: 5 })).toEqual([]);
  });

  it('does not ask a family to wait longer than the limit between meetings', () => {
    const ana: ChildTimes = { studentId: 'ana', teacherId: 'a', room: 'R1', free: only('15:00') };
    const leo: ChildTimes = { studentId: 'leo', teacherId: 'b', room: 'R2', free: only('17:30') };
    expect(suggestSequences([ana, leo], { walkMinutes: 5, maxWaitMinutes: 40 })).toEqual([]);
  });

  it('puts first the sequences that sit next to the interpreter’s other meetings', () => {
    const free = only('15:00', '16:40');
    const ana: ChildTimes = { studentId: 'ana', teacherId: 'a', room: 'R1', free, nextToInterpreter: new Set([at('16:40')]) };
    const [first] = suggestSequences([ana], { walkMinutes: 5 });
    expect(hhmm(first!.meetings[0]!.startsAt)).toBe('16:40');
  });
});

describe('adjacentStarts and speaks', () => {
  it('finds the slots right before and after a booked meeting', () => {
    const booked = [{ startsAt: new Date(at('16:15')), endsAt: new Date(at('16:35')) }];
    expect([...adjacentStarts(grid, booked, 5)].map((t) => hhmm(new Date(t))).sort()).toEqual(['15:50', '16:40']);
  });
  it('compares languages on their primary subtag', () => {
    expect(speaks(['pt'], 'pt-BR')).toBe(true);
    expect(speaks(['en', 'es'], 'ko')).toBe(false);
  });
});

/**
 * A round of the product as a scheduling instance (`confer-schedule/1`), and the solution back as
 * meetings. Pure: the caller reads the round, its people and their answers, and passes them in.
 *
 * How the round's rules become the format's:
 *  - Each session is an evening. Meetings keep to the round's own grid (a slot every
 *    `slotMinutes + bufferMinutes` from the session's start and again after each break — the grid
 *    self-booking uses, so a published meeting can later be moved like any other): each of a
 *    teacher's or interpreter's slots is one availability window of exactly one meeting. Windows
 *    that touch do not join (FORMAT.md: a meeting lies inside ONE window), so no meeting starts
 *    between two slots.
 *  - The format's grid is the greatest common divisor of every length and offset involved
 *    (usually 5 minutes), so families' own windows ("from 16:10") need not fall on slot starts.
 *  - A meeting lasts `slotMinutes`; the buffer is the gap to the teacher's next slot. Two meetings
 *    of a family in different rooms need `walkMinutes` between them — met by the buffer when it is
 *    long enough, otherwise the family's next meeting is a slot later.
 *  - A teacher's or interpreter's slot already taken by a live booking (this round or another) is
 *    left out, and a child who already has a meeting is not asked for again: a second run after
 *    late answers schedules only the rest.
 *  - Languages compare by their primary subtag, as self-booking does (`en-GB` speaks `en`).
 *
 * Worked example: a session 16:00–18:00 with a break 17:00–17:10, 20-minute meetings and a 5-minute
 * buffer gives slots 16:00, 16:25 and 17:10, 17:35 (16:50 would run into the break). The grid is
 * gcd(20, 25, 70, 120) = 5 minutes; Ms Ahn's windows are 16:00–16:20, 16:25–16:45, 17:10–17:30 and
 * 17:35–17:55.
 */
import { segments, wallSlotsOf, type Availability, type SessionSpec } from '../booking/slots';
import { clockOf, INSTANCE_FORMAT, minutesOf, type Instance, type Solution } from './format';

export interface RoundForScheduling {
  slotMinutes: number;
  bufferMinutes: number;
  walkMinutes: number;
  sessions: SessionSpec[];
  teachers: Array<{ id: string; room: string | null; languages: string[]; availability: Availability; maxMeetings?: number }>;
  interpreters: Array<{ id: string; languages: string[]; availability: Availability }>;
  families: Array<{
    /** The household's user id. */
    id: string;
    language: string;
    oneEvening: boolean;
    windows: Array<{ sessionId: string; start: string; end: string }>;
    requests: Array<{ studentId: string; party: string; teacherId: string; priority?: number }>;
  }>;
  /** Slots taken already, as wall-clock minutes of a session: `teacher:<id>` or `interpreter:<id>`. */
  taken: Array<{ person: string; sessionId: string; start: number; end: number }>;
  locked?: Instance['locked'];
}

/** A request's id in the instance: the child and the party whose meeting it is. */
export const requestId = (studentId: string, party: string) => `${studentId}:${party}`;
export function parseRequestId(id: string): { studentId: string; party: string } {
  const i = id.indexOf(':');
  return { studentId: id.slice(0, i), party: id.slice(i + 1) };
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const primary = (tag: string) => tag.toLowerCase().split('-')[0] ?? '';

export function roundInstance(round: RoundForScheduling): Instance {
  const sessions = new Map(round.sessions.map((s) => [s.id, s]));
  let grid = gcd(round.slotMinutes, round.slotMinutes + round.bufferMinutes);
  if (round.walkMinutes > 0) grid = gcd(grid, round.walkMinutes);
  for (const s of round.sessions) {
    const start = minutesOf(s.startTime);
    grid = gcd(grid, minutesOf(s.endTime) - start);
    for (const [from] of segments(s)) grid = gcd(grid, from - start);
  }
  // Families' windows, cut to their session and rounded inwards to 5 minutes (the grid stays coarse).
  const familyWindows = round.families.map((f) =>
    f.windows.flatMap((w) => {
      const s = sessions.get(w.sessionId);
      if (!s) return [];
      const from = Math.ceil(Math.max(minutesOf(w.start), minutesOf(s.startTime)) / 5) * 5;
      const to = Math.floor(Math.min(minutesOf(w.end), minutesOf(s.endTime)) / 5) * 5;
      return to > from ? [{ evening: s.id, from, to }] : [];
    }),
  );
  for (const ws of familyWindows) for (const w of ws) grid = gcd(gcd(grid, w.from - minutesOf(sessions.get(w.evening)!.startTime)), w.to - w.from);

  const takenBy = new Map<string, Array<{ sessionId: string; start: number; end: number }>>();
  for (const t of round.taken) takenBy.set(t.person, [...(takenBy.get(t.person) ?? []), t]);
  const slotWindows = (person: string, availability: Availability) =>
    round.sessions.flatMap((s) =>
      wallSlotsOf(s, round.slotMinutes, round.bufferMinutes, availability)
        .filter((t) => !(takenBy.get(person) ?? []).some((b) => b.sessionId === s.id && b.start < t + round.slotMinutes && t < b.end))
        .map((t) => ({ evening: s.id, start: clockOf(t), end: clockOf(t + round.slotMinutes) })),
    );
  const teachers = new Set(round.teachers.map((t) => t.id));
  return {
    format: INSTANCE_FORMAT,
    slotMinutes: grid,
    walkMinutes: round.walkMinutes,
    evenings: round.sessions.map((s) => ({ id: s.id, date: s.date, start: s.startTime, end: s.endTime })),
    teachers: round.teachers.map((t) => ({
      id: t.id,
      room: t.room ?? `teacher:${t.id}`,
      languages: [...new Set(t.languages.map(primary))],
      available: slotWindows(`teacher:${t.id}`, t.availability),
      ...(t.maxMeetings === undefined ? {} : { maxMeetings: t.maxMeetings }),
    })),
    interpreters: round.interpreters.map((i) => ({ id: i.id, languages: [...new Set(i.languages.map(primary))], available: slotWindows(`interpreter:${i.id}`, i.availability) })),
    families: round.families.map((f, k) => ({
      id: f.id,
      language: primary(f.language),
      oneEvening: f.oneEvening,
      available: familyWindows[k]!.map((w) => ({ evening: w.evening, start: clockOf(w.from), end: clockOf(w.to) })),
      requests: f.requests
        .filter((q) => teachers.has(q.teacherId))
        .map((q) => ({ id: requestId(q.studentId, q.party), teacher: q.teacherId, student: q.studentId, minutes: round.slotMinutes, priority: q.priority ?? 1 })),
    })),
    locked: round.locked ?? [],
  };
}

/** The solution's meetings as the product books them: who, which session, the wall-clock start and end. */
export function meetingsOf(instance: Instance, solution: Solution) {
  const familyOf = new Map<string, { family: Instance['families'][number]; request: Instance['families'][number]['requests'][number] }>();
  for (const family of instance.families) for (const request of family.requests) familyOf.set(request.id, { family, request });
  return solution.assignments.flatMap((a) => {
    const found = familyOf.get(a.request);
    if (!found) return [];
    const { studentId, party } = parseRequestId(a.request);
    const start = minutesOf(a.start);
    return [{ request: a.request, householdUserId: found.family.id, studentId, party, teacherId: found.request.teacher, sessionId: a.evening, start: a.start, end: clockOf(start + found.request.minutes), interpreterId: a.interpreter }];
  });
}

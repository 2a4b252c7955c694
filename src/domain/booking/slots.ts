/**
 * The times a round offers: sessions are wall-clock stretches of a school day in the school's zone
 * ("15:30–19:00" on 2026-10-26, Europe/London); meetings fall on a grid from each stretch's start
 * (and again after each break), one slot plus the buffer apart. A teacher's or interpreter's own
 * availability only removes slots from that grid, so every teacher of a round shares the same
 * times — which is what lets a family walk from one sibling's teacher to the next, and an
 * interpreter go from one meeting straight into another.
 *
 * Wall-clock times become instants here (luxon, the zone's own rules), so a round across a
 * daylight-saving change gives 15:30 on both sides of it.
 */
import { DateTime } from 'luxon';

export type WallTime = string; // 'HH:MM', 24-hour
export interface SessionSpec {
  id: string;
  /** The school's local date, 'YYYY-MM-DD'. */
  date: string;
  startTime: WallTime;
  endTime: WallTime;
  breaks: ReadonlyArray<{ start: WallTime; end: WallTime }>;
}
/** Per session, a window of the session the person is there for; null = every session, whole. */
export type Availability = ReadonlyArray<{ sessionId: string; start: WallTime; end: WallTime }> | null;

export interface Slot {
  sessionId: string;
  startsAt: Date;
  endsAt: Date;
}

export const SLOT_MINUTES = { min: 10, max: 30, default: 20 } as const;
const WALL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isWallTime(value: string): boolean {
  return WALL_TIME.test(value);
}

export function minutesOf(time: WallTime): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** The instant of a wall-clock time on a local date in a zone (a time skipped by a spring-forward change moves on by the gap). */
export function instantOf(date: string, time: WallTime, timeZone: string): Date {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone: timeZone });
  if (!dt.isValid) throw new Error(`invalid local time ${date} ${time} in ${timeZone}: ${dt.invalidExplanation ?? ''}`);
  return dt.toJSDate();
}

/** The session's start and end as instants. */
export function sessionInstants(session: Pick<SessionSpec, 'date' | 'startTime' | 'endTime'>, timeZone: string): { startsAt: Date; endsAt: Date } {
  return { startsAt: instantOf(session.date, session.startTime, timeZone), endsAt: instantOf(session.date, session.endTime, timeZone) };
}

/** What is wrong with a session as typed (field → code), or null. */
export function sessionProblems(session: Pick<SessionSpec, 'startTime' | 'endTime' | 'breaks'>, slotMinutes: number): Record<string, string> | null {
  const problems: Record<string, string> = {};
  if (!isWallTime(session.startTime)) problems.startTime = 'invalid_time';
  if (!isWallTime(session.endTime)) problems.endTime = 'invalid_time';
  if (Object.keys(problems).length) return problems;
  const start = minutesOf(session.startTime);
  const end = minutesOf(session.endTime);
  if (end - start < slotMinutes) problems.endTime = end <= start ? 'times_reversed' : 'shorter_than_a_slot';
  session.breaks.forEach((b, i) => {
    if (!isWallTime(b.start) || !isWallTime(b.end)) problems[`breaks.${i}`] = 'invalid_time';
    else if (minutesOf(b.end) <= minutesOf(b.start)) problems[`breaks.${i}`] = 'times_reversed';
    else if (minutesOf(b.start) < start || minutesOf(b.end) > end) problems[`breaks.${i}`] = 'outside_session';
  });
  return Object.keys(problems).length ? problems : null;
}

/**
 * Every slot of the sessions for someone with the given availability, in time order. Slots step
 * by `slotMinutes + bufferMinutes` from the session's start and start again at the end of each
 * break; a slot must end by the session's end (or the break's start) and lie inside the person's window.
 */
export function slotsOf(options: {
  sessions: readonly SessionSpec[];
  timeZone: string;
  slotMinutes: number;
  bufferMinutes: number;
  availability?: Availability;
}): Slot[] {
  const { sessions, timeZone, slotMinutes, bufferMinutes, availability = null } = options;
  const out: Slot[] = [];
  for (const session of sessions) {
    for (const t of wallSlotsOf(session, slotMinutes, bufferMinutes, availability)) {
      out.push({ sessionId: session.id, startsAt: atMinutes(session.date, t, timeZone), endsAt: atMinutes(session.date, t + slotMinutes, timeZone) });
    }
  }
  return out.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** The starts (minutes after local midnight) of one session's slots for someone with this availability. */
export function wallSlotsOf(session: SessionSpec, slotMinutes: number, bufferMinutes: number, availability: Availability = null): number[] {
  const step = slotMinutes + bufferMinutes;
  const windows = availability === null ? [{ start: session.startTime, end: session.endTime }] : availability.filter((a) => a.sessionId === session.id);
  const out: number[] = [];
  if (windows.length === 0) return out;
  for (const [from, to] of segments(session)) {
    for (let t = from; t + slotMinutes <= to; t += step) {
      if (windows.some((w) => minutesOf(w.start) <= t && t + slotMinutes <= minutesOf(w.end))) out.push(t);
    }
  }
  return out;
}

/** The session minus its breaks, as [from, to) minutes after midnight. */
export function segments(session: SessionSpec): Array<[number, number]> {
  const breaks = [...session.breaks].map((b) => [minutesOf(b.start), minutesOf(b.end)] as const).sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  let from = minutesOf(session.startTime);
  const end = minutesOf(session.endTime);
  for (const [bs, be] of breaks) {
    if (bs > from) out.push([from, Math.min(bs, end)]);
    from = Math.max(from, be);
  }
  if (from < end) out.push([from, end]);
  return out;
}

/**
 * Minutes after local midnight → instant. Counted on the wall clock, not in elapsed time, so a
 * session on the day of a change still starts at 15:30 (changes happen at night).
 */
function atMinutes(date: string, minutes: number, timeZone: string): Date {
  const h = String(Math.floor(minutes / 60)).padStart(2, '0');
  const m = String(minutes % 60).padStart(2, '0');
  return instantOf(date, `${h}:${m}`, timeZone);
}

/** The local date and time of an instant in a zone, for display and for matching a typed time. */
export function wallClockOf(instant: Date, timeZone: string): { date: string; time: WallTime } {
  const dt = DateTime.fromJSDate(instant, { zone: timeZone });
  return { date: dt.toISODate() ?? '', time: dt.toFormat('HH:mm') };
}

export function overlaps(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

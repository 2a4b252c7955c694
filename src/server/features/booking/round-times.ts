/**
 * A round's times as the booking use cases need them: the sessions, each teacher's and
 * interpreter's slots, who is busy when (from the live bookings), and for a child, their teacher
 * and whether the family needs an interpreter with them.
 */
import { slotsOf, type Availability, type SessionSpec, type Slot } from '../../../domain/booking/slots';
import { speaks } from '../../../domain/booking/family';
import type { Db } from '../../db/client';
import {
  busyOf,
  listRoundInterpreters,
  listRoundTeachers,
  listSessions,
  liveBookings,
  type BookingRound,
  type BookingRow,
  type RoundInterpreterRow,
  type RoundTeacherRow,
  type SessionRow,
} from './booking.repo';

export interface RoundTimes {
  round: BookingRound;
  sessions: SessionRow[];
  teachers: Map<string, RoundTeacherRow & { slots: Slot[]; languages: string[] }>;
  interpreters: Array<RoundInterpreterRow & { slots: Slot[]; starts: Set<number> }>;
  live: BookingRow[];
  /** person key → their live meetings' times (see domain/booking/rules peopleOf). */
  busy: Map<string, Array<{ bookingId: string; startsAt: Date; endsAt: Date }>>;
  firstMeetingAt: Date | null;
}

export function sessionSpecs(sessions: readonly SessionRow[]): SessionSpec[] {
  return sessions.map((s) => ({ id: s.id, date: s.date, startTime: s.startTime, endTime: s.endTime, breaks: s.breaks }));
}

/** Rounds' whole slot grids by their set-up (shared, never changed by anyone: read-only). */
const grids = new Map<string, Slot[]>();
function wholeGrid(grid: { sessions: SessionSpec[]; timeZone: string; slotMinutes: number; bufferMinutes: number }): Slot[] {
  const key = JSON.stringify(grid);
  let slots = grids.get(key);
  if (!slots) {
    if (grids.size >= 100) grids.clear();
    slots = slotsOf({ ...grid, availability: null });
    grids.set(key, slots);
  }
  return slots;
}

/** `live: false` reads no bookings (the set-up and slots only; see `addBusyOf`); otherwise every live booking of the round. */
export async function loadRoundTimes(db: Db, round: BookingRound, now: Date, options: { live?: boolean } = {}): Promise<RoundTimes> {
  const [sessions, teacherRows, interpreterRows, live] = await Promise.all([
    listSessions(db, round.id),
    listRoundTeachers(db, round.id),
    listRoundInterpreters(db, round.id),
    options.live === false ? Promise.resolve([] as BookingRow[]) : liveBookings(db, round.id, now),
  ]);
  const specs = sessionSpecs(sessions);
  const grid = { sessions: specs, timeZone: round.timeZone, slotMinutes: round.slotMinutes, bufferMinutes: round.bufferMinutes };
  // Everyone there for the whole round has the same slots: worked out once (and kept, see
  // wholeGrid), not once a person. Each slot is two wall-clock→instant conversions in the zone
  // (~20 µs each): 50 teachers and 5 interpreters over 3 evenings of 10-minute slots took ~165 ms
  // of CPU per call — twice a hold, once a family page.
  const slotsFor = (availability: Availability) => (availability === null ? wholeGrid(grid) : slotsOf({ ...grid, availability }));
  const teachers = new Map(teacherRows.map((t) => [t.userId, { ...t, slots: slotsFor(t.availability), languages: t.spokenLanguages ?? [round.schoolLocale] }]));
  const interpreters = interpreterRows.map((i) => {
    const slots = slotsFor(i.availability);
    return { ...i, slots, starts: new Set(slots.map((s) => s.startsAt.getTime())) };
  });
  const busy = new Map<string, Array<{ bookingId: string; startsAt: Date; endsAt: Date }>>();
  const add = (key: string, b: BookingRow) => {
    const list = busy.get(key) ?? [];
    list.push({ bookingId: b.id, startsAt: b.startsAt, endsAt: b.endsAt });
    busy.set(key, list);
  };
  for (const b of live) {
    add(`teacher:${b.teacherId}`, b);
    add(`student:${b.studentId}`, b);
    add(`guardian:${b.householdUserId}`, b);
    if (b.interpreterId) add(`interpreter:${b.interpreterId}`, b);
    for (const a of b.attendees) if (a.kind === 'guardian') add(`guardian:${a.userId}`, b);
  }
  return { round, sessions, teachers, interpreters, live, busy, firstMeetingAt: sessions[0]?.startsAt ?? null };
}

/**
 * Fills `busy` with the live meetings of just these people (in every round), for times loaded
 * with `live: false`: a family's page and an interpreter's choice need a few people, not the round.
 */
export async function addBusyOf(db: Db, times: RoundTimes, people: string[], now: Date): Promise<RoundTimes> {
  const wanted = people.filter((p) => !times.busy.has(p));
  for (const p of wanted) times.busy.set(p, []);
  for (const r of await busyOf(db, wanted, now)) times.busy.get(r.person)!.push({ bookingId: r.bookingId, startsAt: r.startsAt, endsAt: r.endsAt });
  return times;
}

/** Is the person free for this time (ignoring the meetings given, e.g. the one being moved)? */
export function isFree(times: RoundTimes, person: string, slot: { startsAt: Date; endsAt: Date }, ignore: ReadonlySet<string> = new Set()): boolean {
  return !(times.busy.get(person) ?? []).some((b) => !ignore.has(b.bookingId) && b.startsAt < slot.endsAt && slot.startsAt < b.endsAt);
}

/** Interpreters of the language who are there and free then, the one whose evening it keeps most compact first. */
export function interpretersFor(times: RoundTimes, language: string, slot: Slot, ignore: ReadonlySet<string> = new Set()): RoundTimes['interpreters'] {
  const gapMs = (times.round.bufferMinutes + 1) * 60_000;
  const adjacency = (i: RoundTimes['interpreters'][number]) =>
    (times.busy.get(`interpreter:${i.interpreterId}`) ?? []).filter(
      (b) => Math.abs(b.endsAt.getTime() - slot.startsAt.getTime()) <= gapMs || Math.abs(slot.endsAt.getTime() - b.startsAt.getTime()) <= gapMs,
    ).length;
  return times.interpreters
    .filter((i) => speaks(i.languages, language) && i.starts.has(slot.startsAt.getTime()) && isFree(times, `interpreter:${i.interpreterId}`, slot, ignore))
    .map((i) => ({ i, score: adjacency(i), load: (times.busy.get(`interpreter:${i.interpreterId}`) ?? []).length }))
    .sort((a, b) => b.score - a.score || b.load - a.load || a.i.name.localeCompare(b.i.name))
    .map((x) => x.i);
}

export function teacherNeedsInterpreter(times: RoundTimes, teacherId: string, language: string): boolean {
  const t = times.teachers.get(teacherId);
  return t ? !speaks(t.languages, language) : false;
}

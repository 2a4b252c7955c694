/**
 * Booking: hold a family's chosen times, extend or release the hold, confirm it with who comes;
 * change, move and cancel meetings. Correct under a rush by construction: every write inserts the
 * meeting's people into `booking_people` and lets the database's exclusion constraint refuse a
 * person who is already somewhere else then, and the unique index refuse a child's second meeting.
 * Nothing here checks and then inserts; the reads before a write only choose what to try (which
 * interpreter) and give a clearer error first.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { bookingDetails, bookingDetailsChange, BookingView, HoldView } from '../../../contracts/booking';
import { bookingState, canFamilyChange, peopleOf, type AttendeeInput } from '../../../domain/booking/rules';
import { DomainError } from '../../../domain/errors';
import type { Actor } from '../../../domain/permissions/index';
import type { Db } from '../../db/client';
import type { Deps } from '../../deps';
import { authorize } from '../school/authorize';
import {
  bookingsOfGroup,
  confirmGroup,
  currentHold,
  deletePeople,
  endBookings,
  extendGroup,
  findBooking,
  findBookingRound,
  insertBooking,
  insertPeople,
  lockPeople,
  releaseLapsedHolds,
  updateBooking,
  waitingOf,
  updateWaitlist,
  type BookingRound,
  type BookingRow,
} from './booking.repo';
import { accessToBooking, assignTeachers, loadHousehold, partyOf, resolveHousehold, type Household } from './household';
import { queueBookingMail, queueHoldRelease, queueReminder } from './notify';
import { queueFreedSlot } from './waitlist';
import { presentBookings } from './present';
import { addBusyOf, interpretersFor, loadRoundTimes, teacherNeedsInterpreter, type RoundTimes } from './round-times';
import { speaks } from '../../../domain/booking/family';

const MINUTE = 60_000;

export async function bookingRound(deps: Deps, actor: Actor, roundId: string): Promise<BookingRound> {
  const round = await findBookingRound(deps.db, roundId);
  if (!round) throw new DomainError('not_found');
  authorize(actor, 'round.read', { type: 'school', schoolId: round.schoolId });
  return round;
}

/** Refuses a family outside the booking window (the school can book for them at any time). */
function checkOpen(round: BookingRound, times: RoundTimes, household: Household, now: Date): void {
  if (household.onBehalf) return;
  // In an availability round the school gives the times (it can still book for a family).
  if (round.bookingMode === 'availability') throw new DomainError('availability_round');
  const state = bookingState({ bookingOpensAt: round.bookingOpensAt, bookingClosesAt: round.bookingClosesAt, firstMeetingAt: times.firstMeetingAt }, now);
  if (state === 'not_open') throw new DomainError('booking_not_open');
  if (state === 'closed') throw new DomainError('booking_closed');
}

/** The database's refusal, told apart: a person already elsewhere then, or a child's second meeting. */
export function refusal(err: unknown): { kind: 'overlap'; person: string | null } | { kind: 'duplicate' } | null {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, detail } = e as { code?: string; detail?: string };
    if (code === '23P01') return { kind: 'overlap', person: /=\(([^,]+),/.exec(detail ?? '')?.[1] ?? null };
    if (code === '23505') return { kind: 'duplicate' };
  }
  return null;
}

/**
 * Runs a booking transaction again when PostgreSQL ended it as the victim of a deadlock (40P01):
 * the other transaction went ahead, and this one, run again, sees what it did (and is refused
 * with a 409 if that took its time). Taking things in a fixed order (see holdMeetings) makes
 * deadlocks rare, not impossible: a move, or a hold that ran out being freed while another family
 * books, can still cross another transaction.
 */
async function retryingDeadlocks<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (attempt >= attempts || !isDeadlock(err)) throw err;
    }
  }
}

function isDeadlock(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === '40P01') return true;
  }
  return false;
}

/** (No savepoint: a refusal ends the whole transaction, which is rolled back.) */
async function insertMeetingPeople(tx: Db, booking: BookingRow, people: string[]): Promise<void> {
  try {
    await insertPeople(tx, booking.id, people, booking.startsAt, booking.endsAt);
  } catch (err) {
    const r = refusal(err);
    if (r) throw new DomainError('slot_taken');
    throw err;
  }
}

/**
 * Reserves an interpreter for the meeting: tries those free then, the most compact first, each in a
 * savepoint; the constraint decides. Throws no_interpreter when none can take it.
 */
async function reserveInterpreter(tx: Db, times: RoundTimes, booking: BookingRow, prefer: string | null, ignore: ReadonlySet<string>): Promise<string> {
  const slot = { sessionId: '', startsAt: booking.startsAt, endsAt: booking.endsAt };
  const candidates = interpretersFor(times, booking.language, slot, ignore).map((i) => i.interpreterId);
  if (prefer && candidates.includes(prefer)) candidates.sort((a, b) => Number(b === prefer) - Number(a === prefer));
  for (const interpreterId of candidates) {
    try {
      await tx.transaction((sp) => insertPeople(sp, booking.id, [`interpreter:${interpreterId}`], booking.startsAt, booking.endsAt));
      await updateBooking(tx, booking.id, { interpreterId });
      return interpreterId;
    } catch (err) {
      if (refusal(err)?.kind === 'overlap') continue; // taken a moment ago: the next one
      throw err;
    }
  }
  throw new DomainError('no_interpreter');
}

/** The round's times with the live meetings of the interpreters of a language (read inside the transaction). */
function interpretersBusy(tx: Db, times: RoundTimes, language: string, now: Date): Promise<RoundTimes> {
  const keys = times.interpreters.filter((i) => speaks(i.languages, language)).map((i) => `interpreter:${i.interpreterId}`);
  return addBusyOf(tx, { ...times, busy: new Map() }, keys, now);
}

function slotOf(times: RoundTimes, teacherId: string, startsAt: Date, now: Date) {
  const slot = times.teachers.get(teacherId)?.slots.find((s) => s.startsAt.getTime() === startsAt.getTime());
  return slot && slot.startsAt > now ? slot : null;
}

export async function holdMeetings(
  deps: Deps,
  actor: Actor,
  roundId: string,
  input: { householdUserId?: string | undefined; meetings: Array<{ studentId: string; startsAt: string }> },
): Promise<HoldView> {
  const now = deps.now();
  const round = await bookingRound(deps, actor, roundId);
  const times = await loadRoundTimes(deps.db, round, now, { live: false });
  const household = await assignTeachers(deps, round, await resolveHousehold(deps, actor, round, input.householdUserId), times);
  checkOpen(round, times, household, now);

  const fields: Record<string, string> = {};
  const seen = new Set<string>();
  const planned = input.meetings.map((m, i) => {
    const child = household.children.find((c) => c.studentId === m.studentId);
    if (!child) fields[`meetings.${i}.studentId`] = 'not_your_child';
    else if (!child.teacherId) fields[`meetings.${i}.studentId`] = 'not_in_round';
    else if (seen.has(m.studentId)) fields[`meetings.${i}.studentId`] = 'duplicate';
    seen.add(m.studentId);
    const slot = child?.teacherId ? slotOf(times, child.teacherId, new Date(m.startsAt), now) : null;
    return { child, slot, index: i };
  });
  if (Object.keys(fields).length) throw new DomainError('validation_failed', { fields });
  const missing = planned.find((p) => !p.slot);
  if (missing) throw new DomainError('not_a_slot', { fields: { [`meetings.${missing.index}.startsAt`]: 'not_a_slot' } });

  const groupId = randomUUID();
  const expiresAt = new Date(now.getTime() + round.holdMinutes * MINUTE);
  await releaseLapsedHolds(deps.db, round.id, now);
  const held = await retryingDeadlocks(() => deps.db.transaction(async (tx) => {
    // One hold at a time per household: choosing again lets go of the times held before. The
    // people of those times and of the new ones are locked first, together (see lockPeople).
    const before = await currentHold(tx, round.id, household.householdUserId, now);
    await lockPeople(tx, [
      ...before.flatMap((b) => peopleOf(b).map((person) => ({ person, startsAt: b.startsAt }))),
      ...planned.flatMap(({ child, slot }) =>
        peopleOf({ teacherId: child!.teacherId!, studentId: child!.studentId, interpreterId: null, householdUserId: household.householdUserId, attendees: [] }).map((person) => ({ person, startsAt: slot!.startsAt })),
      ),
    ]);
    await endBookings(tx, before.map((b) => b.id), 'expired', now, actor.kind === 'user' ? actor.userId : null);
    // Who is busy when (every live booking of the round) is needed only to choose an
    // interpreter: read then, not in every hold. In a 1,500-child round it was most of a hold's
    // work — done while the hold's locks are held.
    let live: RoundTimes | null = null;
    // A fixed order of taking things, whatever order the meetings came in: the children's rows
    // first (by child), then the people, in time order. Two families racing for the same times
    // (or two parents for the same children) then wait for each other instead of deadlocking —
    // e.g. one holding 16:00 with Ms A then 16:20 with Mr B while the other holds 16:20 with
    // Mr B then 16:00 with Ms A, each waiting on the other's first insert.
    const inserted = new Map<string, BookingRow>();
    for (const { child, slot } of [...planned].sort((a, b) => (a.child!.studentId < b.child!.studentId ? -1 : 1))) {
      const teacherId = child!.teacherId!;
      let booking: BookingRow;
      try {
        booking = await insertBooking(tx, {
            schoolId: round.schoolId,
            roundId: round.id,
            teacherId,
            studentId: child!.studentId,
            party: child!.party,
            householdUserId: household.householdUserId,
            groupId,
            status: 'held',
            holdExpiresAt: expiresAt,
            startsAt: slot!.startsAt,
            endsAt: slot!.endsAt,
            language: household.language,
            attendees: [{ kind: 'guardian', userId: household.householdUserId }],
            bookedBy: actor.kind === 'user' ? actor.userId : null,
            createdAt: now,
            updatedAt: now,
          });
      } catch (err) {
        if (refusal(err)?.kind === 'duplicate') throw new DomainError('already_booked');
        throw err;
      }
      inserted.set(child!.studentId, booking);
    }
    const rows: BookingRow[] = [];
    for (const { child } of [...planned].sort((a, b) => a.slot!.startsAt.getTime() - b.slot!.startsAt.getTime())) {
      let booking = inserted.get(child!.studentId)!;
      await insertMeetingPeople(tx, booking, peopleOf({ ...booking, interpreterId: null }));
      if (teacherNeedsInterpreter(times, booking.teacherId, household.language)) {
        live ??= await interpretersBusy(tx, times, household.language, now);
        booking = { ...booking, interpreterId: await reserveInterpreter(tx, live, booking, null, new Set()) };
      }
      rows.push(booking);
    }
    await queueHoldRelease({ db: tx, now: deps.now }, groupId, expiresAt);
    return rows;
  }));
  return { groupId, expiresAt: expiresAt.toISOString(), bookings: await presentBookings(deps.db, round, held, now, [...times.teachers.values()]) };
}

/** The household's held group, checked: theirs (or the school's to handle). */
async function heldGroup(deps: Deps, actor: Actor, groupId: string) {
  const rows = await bookingsOfGroup(deps.db, groupId);
  const first = rows[0];
  if (!first) throw new DomainError('not_found');
  const round = await bookingRound(deps, actor, first.roundId);
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  if (first.householdUserId !== actor.userId) authorize(actor, 'booking.manage', { type: 'school', schoolId: round.schoolId });
  return { rows, round };
}

export async function extendHold(deps: Deps, actor: Actor, groupId: string): Promise<HoldView> {
  const now = deps.now();
  const { round } = await heldGroup(deps, actor, groupId);
  const until = new Date(now.getTime() + round.holdMinutes * MINUTE);
  const rows = await deps.db.transaction(async (tx) => {
    const extended = await extendGroup(tx, groupId, now, until);
    if (extended.length === 0) throw new DomainError('hold_expired');
    await queueHoldRelease({ db: tx, now: deps.now }, groupId, until);
    return extended;
  });
  return { groupId, expiresAt: until.toISOString(), bookings: await presentBookings(deps.db, round, rows, now) };
}

export async function releaseHold(deps: Deps, actor: Actor, groupId: string): Promise<void> {
  const { rows } = await heldGroup(deps, actor, groupId);
  await deps.db.transaction((tx) =>
    endBookings(
      tx,
      rows.filter((r) => r.status === 'held').map((r) => r.id),
      'expired',
      deps.now(),
      actor.kind === 'user' ? actor.userId : null,
    ),
  );
}

/** Guardians named must be adults of the household; a substitute is named with how they know the child. */
function cleanAttendees(household: Household, attendees: readonly AttendeeInput[]): AttendeeInput[] {
  const fields: Record<string, string> = {};
  const out: AttendeeInput[] = [];
  const seen = new Set<string>();
  attendees.forEach((a, i) => {
    if (a.kind === 'guardian') {
      if (!household.guardians.some((g) => g.userId === a.userId)) fields[`attendees.${i}`] = 'not_of_family';
      else if (!seen.has(a.userId)) out.push(a);
      seen.add(a.userId);
    } else out.push({ kind: 'substitute', name: a.name.trim(), relationship: a.relationship.trim() });
  });
  if (Object.keys(fields).length) throw new DomainError('validation_failed', { fields });
  return out;
}

/** Puts the people of the meeting's attendee guardians in line with its attendees (the household stays). */
async function syncAttendeePeople(tx: Db, booking: BookingRow, attendees: readonly AttendeeInput[]): Promise<void> {
  const want = new Set(peopleOf({ ...booking, attendees }).filter((p) => p.startsWith('guardian:')));
  const have = new Set(peopleOf(booking).filter((p) => p.startsWith('guardian:')));
  const gone = [...have].filter((p) => !want.has(p));
  const added = [...want].filter((p) => !have.has(p));
  if (gone.length) await deletePeople(tx, booking.id, gone);
  if (added.length) await insertMeetingPeople(tx, booking, added);
}

export async function confirmHold(deps: Deps, actor: Actor, groupId: string, details: z.output<typeof bookingDetails>): Promise<{ bookings: BookingView[] }> {
  const now = deps.now();
  const { rows, round } = await heldGroup(deps, actor, groupId);
  const household = await resolveHousehold(deps, actor, round, rows[0]!.householdUserId);
  const attendees = cleanAttendees(household, details.attendees);
  if (details.mode === 'video' && !round.allowVideo) throw new DomainError('validation_failed', { fields: { mode: 'video_not_offered' } });
  const confirmedRows = await retryingDeadlocks(() => deps.db.transaction(async (tx) => {
    const held = rows.filter((r) => r.status === 'held' && r.holdExpiresAt && r.holdExpiresAt > now);
    const done = await confirmGroup(tx, groupId, now, { attendees, mode: details.mode, note: details.note, privateTime: details.privateTime });
    if (done.length === 0 || done.length < held.length) throw new DomainError('hold_expired');
    // In time order, like a hold takes its people (see holdMeetings).
    done.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    for (const b of done) {
      await syncAttendeePeople(tx, { ...b, attendees: [{ kind: 'guardian', userId: b.householdUserId }] }, attendees);
      await queueBookingMail({ db: tx, now: deps.now }, b, 'confirmed');
      await queueReminder({ db: tx, now: deps.now }, b);
    }
    // Waiting for a time no more.
    for (const w of await waitingOf(tx, round.id, done.map((b) => b.studentId))) {
      if (w.householdUserId === household.householdUserId) await updateWaitlist(tx, w.id, { status: 'booked', updatedAt: now });
    }
    return done;
  }));
  return { bookings: await presentBookings(deps.db, round, confirmedRows, now) };
}

/** The booking and who is asking: the family (until the cut-off), its teacher, or the school. */
async function bookingFor(deps: Deps, actor: Actor, bookingId: string) {
  const booking = await findBooking(deps.db, bookingId);
  if (!booking) throw new DomainError('not_found');
  const round = await bookingRound(deps, actor, booking.roundId);
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  const party = await partyOf(deps, actor, round, booking.studentId);
  const access = accessToBooking(actor, booking, party);
  // Someone else's meeting: refused like any other right they lack (not_found outside the school).
  if (!access) authorize(actor, 'booking.manage', { type: 'school', schoolId: round.schoolId });
  if (booking.status !== 'confirmed') throw new DomainError('conflict');
  if (access === 'family' && !canFamilyChange(booking.startsAt, round.changeCutoffHours, deps.now())) throw new DomainError('change_cutoff_passed');
  return { booking, round, access, actor };
}

export async function changeBookingDetails(deps: Deps, actor: Actor, bookingId: string, change: z.output<typeof bookingDetailsChange>): Promise<BookingView> {
  const now = deps.now();
  const { booking, round } = await bookingFor(deps, actor, bookingId);
  if (change.mode === 'video' && !round.allowVideo) throw new DomainError('validation_failed', { fields: { mode: 'video_not_offered' } });
  // bookingFor has decided who may change it (the family, its teacher, the school): the meeting's
  // household is read, not asked for again as if on someone's behalf (which only the school may).
  const household = change.attendees ? await loadHousehold(deps.db, round, booking.householdUserId) : null;
  if (change.attendees && !household) throw new DomainError('not_found');
  const attendees = change.attendees && household ? cleanAttendees(household, change.attendees) : undefined;
  const updated = await deps.db.transaction(async (tx) => {
    if (attendees) await syncAttendeePeople(tx, booking, attendees);
    const row = await updateBooking(tx, booking.id, {
      ...(attendees ? { attendees } : {}),
      ...(change.mode ? { mode: change.mode } : {}),
      ...(change.note !== undefined ? { note: change.note } : {}),
      ...(change.privateTime !== undefined ? { privateTime: change.privateTime } : {}),
      sequence: booking.sequence + 1,
      updatedAt: now,
    });
    await queueBookingMail({ db: tx, now: deps.now }, row!, 'changed');
    return row!;
  });
  return (await presentBookings(deps.db, round, [updated], now))[0]!;
}

export async function moveBooking(deps: Deps, actor: Actor, bookingId: string, startsAtIso: string): Promise<BookingView> {
  const now = deps.now();
  const { booking, round, access } = await bookingFor(deps, actor, bookingId);
  const times = await loadRoundTimes(deps.db, round, now, { live: false });
  const slot = slotOf(times, booking.teacherId, new Date(startsAtIso), now);
  if (!slot) throw new DomainError('not_a_slot', { fields: { startsAt: 'not_a_slot' } });
  if (slot.startsAt.getTime() === booking.startsAt.getTime()) return (await presentBookings(deps.db, round, [booking], now))[0]!;
  await releaseLapsedHolds(deps.db, round.id, now);
  const moved = await retryingDeadlocks(() => deps.db.transaction(async (tx) => {
    const people = peopleOf(booking).filter((p) => !p.startsWith('interpreter:'));
    // The old time's people and the new time's, together, before freeing any (see lockPeople).
    await lockPeople(tx, [...peopleOf(booking).map((person) => ({ person, startsAt: booking.startsAt })), ...people.map((person) => ({ person, startsAt: slot.startsAt }))]);
    await deletePeople(tx, booking.id);
    // A new time: any running-late notice was about the old one, so the count starts again.
    const row = (await updateBooking(tx, booking.id, { startsAt: slot.startsAt, endsAt: slot.endsAt, interpreterId: null, lateNotifiedMinutes: 0, sequence: booking.sequence + 1, updatedAt: now }))!;
    await insertMeetingPeople(tx, row, people);
    let interpreterId: string | null = null;
    if (teacherNeedsInterpreter(times, row.teacherId, row.language)) {
      const live = await interpretersBusy(tx, times, row.language, now);
      interpreterId = await reserveInterpreter(tx, live, row, booking.interpreterId, new Set([booking.id]));
    }
    const final = { ...row, interpreterId };
    await queueBookingMail({ db: tx, now: deps.now }, final, access === 'family' ? 'moved' : 'moved_by_school');
    await queueReminder({ db: tx, now: deps.now }, final);
    await queueFreedSlot({ db: tx, now: deps.now }, booking);
    return final;
  }));
  return (await presentBookings(deps.db, round, [moved], now))[0]!;
}

export async function cancelBooking(deps: Deps, actor: Actor, bookingId: string): Promise<BookingView> {
  const now = deps.now();
  const { booking, round, access } = await bookingFor(deps, actor, bookingId);
  const [cancelled] = await deps.db.transaction(async (tx) => {
    const rows = await endBookings(tx, [booking.id], 'cancelled', now, actor.kind === 'user' ? actor.userId : null);
    if (rows[0]) {
      await queueBookingMail({ db: tx, now: deps.now }, rows[0], access === 'family' ? 'cancelled' : 'cancelled_by_school');
      await queueFreedSlot({ db: tx, now: deps.now }, booking);
    }
    return rows;
  });
  if (!cancelled) throw new DomainError('conflict');
  return (await presentBookings(deps.db, round, [cancelled], now))[0]!;
}

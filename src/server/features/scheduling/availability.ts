/**
 * A family's answer in an availability round: which of the round's times they can come (per
 * session, from–until), whether all their meetings must be on one evening, and a note. The
 * meetings they need follow from their children and the children's teachers, as in self-booking.
 * A guardian answers for their household while collection is open; the school can answer for a
 * family at any time (on the phone). Another adult of the family who answered is shown.
 */
import type { z } from 'zod';
import type { availabilityInput, AvailabilityView } from '../../../contracts/scheduling';
import { bookingState } from '../../../domain/booking/rules';
import { minutesOf, wallSlotsOf } from '../../../domain/booking/slots';
import { DomainError } from '../../../domain/errors';
import type { Actor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { clockOf } from '../../../domain/scheduling/format';
import { guardiansOfStudents, liveBookingsOfStudents, type BookingRound } from '../booking/booking.repo';
import { bookingRound } from '../booking/book';
import { assignTeachers, resolveHousehold } from '../booking/household';
import { loadRoundTimes, sessionSpecs, teacherNeedsInterpreter, type RoundTimes } from '../booking/round-times';
import { responsesOf, saveResponse } from './scheduling.repo';

function stateOf(round: BookingRound, times: RoundTimes, now: Date) {
  return bookingState({ bookingOpensAt: round.bookingOpensAt, bookingClosesAt: round.bookingClosesAt, firstMeetingAt: times.firstMeetingAt }, now);
}

export async function readAvailability(deps: Deps, actor: Actor, roundId: string, householdUserId?: string): Promise<AvailabilityView> {
  const now = deps.now();
  const round = await bookingRound(deps, actor, roundId);
  const times = await loadRoundTimes(deps.db, round, now, { live: false });
  const household = await assignTeachers(deps, round, await resolveHousehold(deps, actor, round, householdUserId), times);
  const studentIds = household.children.map((c) => c.studentId);
  const [booked, guardians] = await Promise.all([liveBookingsOfStudents(deps.db, round.id, studentIds, now), guardiansOfStudents(deps.db, studentIds)]);
  // The family's other adults who share its meetings (not those who book on their own).
  const partners = guardians.filter((g) => g.userId !== household.householdUserId && !g.archived && household.children.some((c) => c.studentId === g.studentId && c.party === 'family') && !g.attendsSeparately);
  const responses = await responsesOf(deps.db, round.id, [household.householdUserId, ...new Set(partners.map((g) => g.userId))]);
  const own = responses.find((r) => r.householdUserId === household.householdUserId) ?? null;
  const other = responses.find((r) => r.householdUserId !== household.householdUserId) ?? null;
  const isBooked = (studentId: string, party: string) => booked.some((b) => b.studentId === studentId && b.party === party && b.status === 'confirmed');
  const specs = sessionSpecs(times.sessions);
  return {
    round: {
      id: round.id,
      name: round.name,
      timeZone: round.timeZone,
      bookingMode: round.bookingMode,
      state: stateOf(round, times, now),
      opensAt: round.bookingOpensAt?.toISOString() ?? null,
      closesAt: (round.bookingClosesAt ?? times.firstMeetingAt)?.toISOString() ?? null,
      slotMinutes: round.slotMinutes,
    },
    householdUserId: household.householdUserId,
    language: household.language,
    sessions: specs.map((s) => {
      const starts = wallSlotsOf(s, round.slotMinutes, round.bufferMinutes);
      return { id: s.id, date: s.date, startTime: s.startTime, endTime: s.endTime, starts: starts.map(clockOf), ends: starts.map((t) => clockOf(t + round.slotMinutes)) };
    }),
    children: household.children.map((c) => {
      const teacher = c.teacherId ? times.teachers.get(c.teacherId) : undefined;
      return {
        studentId: c.studentId,
        name: c.name,
        className: c.className,
        teacher: c.teacherId && teacher ? { id: c.teacherId, name: teacher.name } : null,
        needsInterpreter: c.teacherId ? teacherNeedsInterpreter(times, c.teacherId, household.language) : false,
        booked: isBooked(c.studentId, c.party),
      };
    }),
    response: own ? { windows: own.windows, oneEvening: own.oneEvening, note: own.note, updatedAt: own.updatedAt.toISOString() } : null,
    answeredBy: other ? { name: partners.find((g) => g.userId === other.householdUserId)?.name ?? '', updatedAt: other.updatedAt.toISOString() } : null,
    published: household.children.some((c) => isBooked(c.studentId, c.party)),
  };
}

export async function answerAvailability(deps: Deps, actor: Actor, roundId: string, input: z.output<typeof availabilityInput>): Promise<AvailabilityView> {
  const now = deps.now();
  const round = await bookingRound(deps, actor, roundId);
  if (round.bookingMode !== 'availability') throw new DomainError('not_availability_round');
  const times = await loadRoundTimes(deps.db, round, now, { live: false });
  const household = await resolveHousehold(deps, actor, round, input.householdUserId);
  if (!household.onBehalf) {
    const state = stateOf(round, times, now);
    if (state === 'not_open') throw new DomainError('booking_not_open');
    if (state === 'closed') throw new DomainError('booking_closed');
  }
  const sessions = new Map(times.sessions.map((s) => [s.id, s]));
  const fields: Record<string, string> = {};
  if (input.windows.length === 0) fields.windows = 'no_times';
  input.windows.forEach((w, i) => {
    const s = sessions.get(w.sessionId);
    const start = minutesOf(w.start);
    const end = minutesOf(w.end);
    if (!s) fields[`windows.${i}.sessionId`] = 'unknown_session';
    else if (end <= start) fields[`windows.${i}.end`] = 'times_reversed';
    else if (start % 5 || end % 5) fields[`windows.${i}.start`] = 'invalid_time';
    else if (start < minutesOf(s.startTime) || end > minutesOf(s.endTime)) fields[`windows.${i}.start`] = 'outside_session';
    else if (end - start < round.slotMinutes) fields[`windows.${i}.end`] = 'shorter_than_a_slot';
  });
  if (Object.keys(fields).length) throw new DomainError('validation_failed', { fields });
  await saveResponse(deps.db, {
    roundId: round.id,
    householdUserId: household.householdUserId,
    windows: input.windows,
    oneEvening: input.oneEvening,
    note: input.note,
    submittedBy: actor.kind === 'user' ? actor.userId : null,
    updatedAt: now,
  });
  return readAvailability(deps, actor, roundId, input.householdUserId);
}

/**
 * What the family's booking page shows: each child's teacher and the times that really work for
 * everyone needed (teacher, child, the family's adults, an interpreter when the teacher does not
 * speak the family's language), suggested back-to-back sequences across siblings, what is already
 * booked, and the household's current hold.
 */
import { DateTime } from 'luxon';
import type { FamilyOptions } from '../../../contracts/booking';
import { adjacentStarts, speaks, suggestSequences, type ChildTimes } from '../../../domain/booking/family';
import { bookingState } from '../../../domain/booking/rules';
import type { Slot } from '../../../domain/booking/slots';
import type { Actor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { liveBookingsOfStudents, setGuardianLanguage, waitingOf } from './booking.repo';
import { bookingRound } from './book';
import { assignTeachers, resolveHousehold } from './household';
import { presentBookings } from './present';
import { addBusyOf, interpretersFor, isFree, loadRoundTimes, teacherNeedsInterpreter } from './round-times';

export async function familyOptions(deps: Deps, actor: Actor, roundId: string, householdUserId?: string): Promise<FamilyOptions> {
  const now = deps.now();
  const round = await bookingRound(deps, actor, roundId);
  const times = await loadRoundTimes(deps.db, round, now, { live: false });
  const household = await assignTeachers(deps, round, await resolveHousehold(deps, actor, round, householdUserId), times);
  const studentIds = household.children.map((c) => c.studentId);
  // Only the people this family's meetings need: its children's teachers, the children, the
  // family's adults, and the interpreters of its language.
  await addBusyOf(
    deps.db,
    times,
    [
      ...household.children.flatMap((c) => [`student:${c.studentId}`, ...(c.teacherId ? [`teacher:${c.teacherId}`] : [])]),
      `guardian:${household.householdUserId}`,
      ...household.guardians.map((g) => `guardian:${g.userId}`),
      ...times.interpreters.filter((i) => speaks(i.languages, household.language)).map((i) => `interpreter:${i.interpreterId}`),
    ],
    now,
  );
  const [booked, waiting] = await Promise.all([liveBookingsOfStudents(deps.db, round.id, studentIds, now), waitingOf(deps.db, round.id, studentIds)]);
  const hold = booked.filter((b) => b.status === 'held' && b.householdUserId === household.householdUserId);
  const holdIds = new Set(hold.map((b) => b.id));
  const familyPeople = [`guardian:${household.householdUserId}`, ...household.guardians.map((g) => `guardian:${g.userId}`)];

  const childTimes: Array<ChildTimes & { needsInterpreter: boolean }> = [];
  const children = household.children.map((c) => {
    const mine = booked.find((b) => b.studentId === c.studentId && b.party === c.party && b.status === 'confirmed');
    const teacher = c.teacherId ? times.teachers.get(c.teacherId) : undefined;
    const needsInterpreter = c.teacherId ? teacherNeedsInterpreter(times, c.teacherId, household.language) : false;
    // Times that work: the teacher's, in the future, nobody needed busy (a held time of this
    // household counts as free: choosing again lets go of it), an interpreter free if needed.
    const ignore = new Set([...holdIds, ...(mine ? [mine.id] : [])]);
    const free: Slot[] = (teacher?.slots ?? []).filter(
      (s) =>
        s.startsAt > now &&
        isFree(times, `teacher:${c.teacherId}`, s, ignore) &&
        isFree(times, `student:${c.studentId}`, s, ignore) &&
        familyPeople.every((p) => isFree(times, p, s, ignore)) &&
        (!needsInterpreter || interpretersFor(times, household.language, s, ignore).length > 0),
    );
    const interpreterBooked = needsInterpreter
      ? times.interpreters.filter((i) => speaks(i.languages, household.language)).flatMap((i) => (times.busy.get(`interpreter:${i.interpreterId}`) ?? []).filter((b) => !ignore.has(b.bookingId)))
      : [];
    const nextToInterpreter = needsInterpreter ? adjacentStarts(free, interpreterBooked, round.bufferMinutes) : new Set<number>();
    if (c.teacherId && !mine) childTimes.push({ studentId: c.studentId, teacherId: c.teacherId, room: teacher?.room ?? null, free, nextToInterpreter, needsInterpreter });
    return { c, mine, teacher, needsInterpreter, free, nextToInterpreter };
  });

  const hourOf = (d: Date) => DateTime.fromJSDate(d, { zone: round.timeZone }).toFormat('yyyy-MM-dd HH');
  const sequences = suggestSequences(childTimes, { walkMinutes: round.walkMinutes, timeZoneHour: hourOf });
  const presented = await presentBookings(deps.db, round, [...booked.filter((b) => b.status === 'confirmed'), ...hold], now, [...times.teachers.values()]);
  const view = new Map(presented.map((b) => [b.id, b]));
  const state = bookingState({ bookingOpensAt: round.bookingOpensAt, bookingClosesAt: round.bookingClosesAt, firstMeetingAt: times.firstMeetingAt }, now);
  return {
    round: {
      id: round.id,
      name: round.name,
      timeZone: round.timeZone,
      state,
      bookingOpensAt: round.bookingOpensAt?.toISOString() ?? null,
      bookingClosesAt: (round.bookingClosesAt ?? times.firstMeetingAt)?.toISOString() ?? null,
      holdMinutes: round.holdMinutes,
      walkMinutes: round.walkMinutes,
      changeCutoffHours: round.changeCutoffHours,
      allowVideo: round.allowVideo,
      bookingMode: round.bookingMode,
    },
    householdUserId: household.householdUserId,
    language: household.language,
    guardians: household.guardians.map((g) => ({ userId: g.userId, name: g.name })),
    children: children.map(({ c, mine, teacher, needsInterpreter, free, nextToInterpreter }) => ({
      studentId: c.studentId,
      name: c.name,
      className: c.className,
      teacher: c.teacherId && teacher ? { id: c.teacherId, name: teacher.name, room: teacher.room } : null,
      needsInterpreter,
      booking: mine ? (view.get(mine.id) ?? null) : null,
      waitlisted: waiting.some((w) => w.studentId === c.studentId && w.householdUserId === household.householdUserId),
      free: free.map((s) => ({ startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), nextToInterpreter: nextToInterpreter.has(s.startsAt.getTime()) })),
    })),
    sequences: sequences.map((s) => ({
      meetings: s.meetings.map((m) => ({ studentId: m.studentId, teacherId: m.teacherId, startsAt: m.startsAt.toISOString(), endsAt: m.endsAt.toISOString() })),
      waitMinutes: s.waitMinutes,
      interpreterAdjacent: s.interpreterAdjacent,
    })),
    hold: hold.length ? { groupId: hold[0]!.groupId, expiresAt: hold[0]!.holdExpiresAt!.toISOString(), bookings: hold.map((b) => view.get(b.id)!).filter(Boolean) } : null,
  };
}

export async function setFamilyLanguage(deps: Deps, actor: Actor, roundId: string, input: { language: string; householdUserId?: string | undefined }): Promise<FamilyOptions> {
  const round = await bookingRound(deps, actor, roundId);
  const household = await resolveHousehold(deps, actor, round, input.householdUserId);
  await setGuardianLanguage(deps.db, household.householdUserId, input.language);
  return familyOptions(deps, actor, roundId, input.householdUserId);
}

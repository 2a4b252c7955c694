/**
 * A round's booking set-up (the admin's): settings, days and sessions, the classes that take
 * part, the teachers with their rooms and availability, the interpreters with theirs. Changes that
 * would strand booked meetings (a session removed or shortened under them, a teacher taken out)
 * are refused with `has_bookings`: the admin moves or cancels those meetings first.
 */
import type { z } from 'zod';
import type { bookingSettingsChange, RoundSetup, sessionInput } from '../../../contracts/booking';
import { bookingState } from '../../../domain/booking/rules';
import { sessionInstants, sessionProblems, slotsOf, minutesOf } from '../../../domain/booking/slots';
import type { Availability } from '../../db/schema/index';
import { DomainError } from '../../../domain/errors';
import type { Actor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { authorize } from '../school/authorize';
import {
  deleteRoundInterpreter,
  deleteRoundTeacher,
  findBookingRound,
  findInterpreter,
  isStaffOf,
  listInterpreters,
  listRoundClassIds,
  replaceSessions,
  schoolClassesWithLeads,
  schoolStaff,
  setRoundClasses,
  updateBookingSettings,
  upsertRoundInterpreter,
  upsertRoundTeacher,
  type BookingRound,
} from './booking.repo';
import { loadRoundTimes, sessionSpecs } from './round-times';

export async function managedRound(deps: Deps, actor: Actor, roundId: string): Promise<BookingRound> {
  const round = await findBookingRound(deps.db, roundId);
  if (!round) throw new DomainError('not_found');
  authorize(actor, 'round.manage', { type: 'school', schoolId: round.schoolId });
  return round;
}

export async function readRoundSetup(deps: Deps, actor: Actor, roundId: string): Promise<RoundSetup> {
  const round = await managedRound(deps, actor, roundId);
  return presentSetup(deps, round);
}

async function presentSetup(deps: Deps, round: BookingRound): Promise<RoundSetup> {
  const now = deps.now();
  const [times, classIds, classes, staff, interpreters] = await Promise.all([
    loadRoundTimes(deps.db, round, now),
    listRoundClassIds(deps.db, round.id),
    schoolClassesWithLeads(deps.db, round.schoolId),
    schoolStaff(deps.db, round.schoolId),
    listInterpreters(deps.db, round.schoolId),
  ]);
  const taking = new Set(classIds);
  const confirmedOf = (key: string) => (times.busy.get(key) ?? []).length;
  return {
    round: {
      id: round.id,
      schoolId: round.schoolId,
      name: round.name,
      startsOn: round.startsOn,
      endsOn: round.endsOn,
      timeZone: round.timeZone,
      state: bookingState({ bookingOpensAt: round.bookingOpensAt, bookingClosesAt: round.bookingClosesAt, firstMeetingAt: times.firstMeetingAt }, now),
    },
    settings: {
      slotMinutes: round.slotMinutes,
      bufferMinutes: round.bufferMinutes,
      walkMinutes: round.walkMinutes,
      holdMinutes: round.holdMinutes,
      bookingOpensAt: round.bookingOpensAt?.toISOString() ?? null,
      bookingClosesAt: round.bookingClosesAt?.toISOString() ?? null,
      changeCutoffHours: round.changeCutoffHours,
      separatedGuardians: round.separatedGuardians,
      allowVideo: round.allowVideo,
      lateNoticeMinutes: round.lateNoticeMinutes,
      bookingMode: round.bookingMode,
    },
    sessions: times.sessions.map((s) => ({ id: s.id, date: s.date, startTime: s.startTime, endTime: s.endTime, breaks: s.breaks, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })),
    classes: classes.map((c) => ({ ...c, takingPart: taking.has(c.id) })),
    teachers: [...times.teachers.values()].map((t) => ({
      userId: t.userId,
      name: t.name,
      room: t.room,
      videoUrl: t.videoUrl,
      availability: t.availability,
      languages: t.languages,
      classes: classes.filter((c) => taking.has(c.id) && c.leadTeacherIds.includes(t.userId)).map((c) => ({ id: c.id, name: c.name })),
      slotCount: t.slots.length,
      bookedCount: confirmedOf(`teacher:${t.userId}`),
    })),
    staff: staff.filter((s) => !times.teachers.has(s.userId)).map((s) => ({ userId: s.userId, name: s.name })),
    interpreters: interpreters.map((i) => {
      const inRound = times.interpreters.find((r) => r.interpreterId === i.id);
      return {
        id: i.id,
        name: i.name,
        email: i.email,
        languages: i.languages,
        archived: i.archivedAt !== null,
        takingPart: Boolean(inRound),
        availability: inRound?.availability ?? null,
        bookedCount: confirmedOf(`interpreter:${i.id}`),
      };
    }),
  };
}

export async function changeBookingSettings(deps: Deps, actor: Actor, roundId: string, change: z.output<typeof bookingSettingsChange>): Promise<RoundSetup> {
  const round = await managedRound(deps, actor, roundId);
  const opens = change.bookingOpensAt === undefined ? round.bookingOpensAt : change.bookingOpensAt ? new Date(change.bookingOpensAt) : null;
  const closes = change.bookingClosesAt === undefined ? round.bookingClosesAt : change.bookingClosesAt ? new Date(change.bookingClosesAt) : null;
  if (opens && closes && closes <= opens) throw new DomainError('validation_failed', { fields: { bookingClosesAt: 'times_reversed' } });
  const slotMinutes = change.slotMinutes ?? round.slotMinutes;
  const bufferMinutes = change.bufferMinutes ?? round.bufferMinutes;
  if (slotMinutes !== round.slotMinutes || bufferMinutes !== round.bufferMinutes) {
    // A new grid must keep every booked meeting on it.
    const times = await loadRoundTimes(deps.db, round, deps.now());
    const grid = { sessions: sessionSpecs(times.sessions), timeZone: round.timeZone, slotMinutes, bufferMinutes };
    const stranded = times.live.some((b) => {
      const t = times.teachers.get(b.teacherId);
      return !slotsOf({ ...grid, availability: t?.availability ?? null }).some((s) => s.startsAt.getTime() === b.startsAt.getTime() && s.endsAt.getTime() === b.endsAt.getTime());
    });
    if (stranded) throw new DomainError('has_bookings', { fields: { slotMinutes: 'has_bookings' } });
  }
  await updateBookingSettings(deps.db, round.id, {
    ...change,
    bookingOpensAt: opens,
    bookingClosesAt: closes,
  });
  return presentSetup(deps, (await findBookingRound(deps.db, round.id))!);
}

export async function saveSessions(deps: Deps, actor: Actor, roundId: string, input: Array<z.output<typeof sessionInput>>): Promise<RoundSetup> {
  const round = await managedRound(deps, actor, roundId);
  const times = await loadRoundTimes(deps.db, round, deps.now());
  const known = new Set(times.sessions.map((s) => s.id));
  const fields: Record<string, string> = {};
  input.forEach((s, i) => {
    if (s.id && !known.has(s.id)) fields[`sessions.${i}.id`] = 'unknown_session';
    if (s.date < round.startsOn || s.date > round.endsOn) fields[`sessions.${i}.date`] = 'outside_round_dates';
    for (const [k, v] of Object.entries(sessionProblems(s, round.slotMinutes) ?? {})) fields[`sessions.${i}.${k}`] = v;
  });
  // Two sessions of one day must not overlap.
  input.forEach((a, i) =>
    input.forEach((b, j) => {
      if (j <= i || a.date !== b.date || fields[`sessions.${j}.startTime`]) return;
      if (minutesOf(a.startTime) < minutesOf(b.endTime) && minutesOf(b.startTime) < minutesOf(a.endTime)) fields[`sessions.${j}.startTime`] = 'overlapping_sessions';
    }),
  );
  if (Object.keys(fields).length) throw new DomainError('validation_failed', { fields });
  const rows = input.map((s) => ({ ...s, breaks: s.breaks, ...sessionInstants(s, round.timeZone) }));
  // Booked meetings must stay on the new sessions' grid.
  const specs = rows.map((s, i) => ({ id: s.id ?? `new-${i}`, date: s.date, startTime: s.startTime, endTime: s.endTime, breaks: s.breaks }));
  const grid = { sessions: specs, timeZone: round.timeZone, slotMinutes: round.slotMinutes, bufferMinutes: round.bufferMinutes };
  const stranded = times.live.find((b) => !slotsOf(grid).some((s) => s.startsAt.getTime() === b.startsAt.getTime()));
  if (stranded) throw new DomainError('has_bookings');
  await replaceSessions(deps.db, round.id, rows);
  return presentSetup(deps, round);
}

export async function saveRoundClasses(deps: Deps, actor: Actor, roundId: string, classIds: string[]): Promise<RoundSetup> {
  const round = await managedRound(deps, actor, roundId);
  const classes = await schoolClassesWithLeads(deps.db, round.schoolId);
  const fields: Record<string, string> = {};
  classIds.forEach((id, i) => {
    if (!classes.some((c) => c.id === id)) fields[`classIds.${i}`] = 'unknown_class';
  });
  if (Object.keys(fields).length) throw new DomainError('validation_failed', { fields });
  await setRoundClasses(deps.db, round.id, [...new Set(classIds)]);
  return presentSetup(deps, round);
}

/** Windows must be inside their session, on a known session. */
function checkAvailability(availability: Availability | null, sessions: ReadonlyArray<{ id: string; startTime: string; endTime: string }>): Record<string, string> {
  const fields: Record<string, string> = {};
  (availability ?? []).forEach((w, i) => {
    const s = sessions.find((x) => x.id === w.sessionId);
    if (!s) fields[`availability.${i}.sessionId`] = 'unknown_session';
    else if (minutesOf(w.end) <= minutesOf(w.start)) fields[`availability.${i}.end`] = 'times_reversed';
    else if (minutesOf(w.start) < minutesOf(s.startTime) || minutesOf(w.end) > minutesOf(s.endTime)) fields[`availability.${i}.start`] = 'outside_session';
  });
  return fields;
}

export async function saveRoundTeacher(
  deps: Deps,
  actor: Actor,
  roundId: string,
  userId: string,
  input: { room: string | null; videoUrl: string | null; availability: Availability | null; languages?: string[] | undefined },
): Promise<RoundSetup> {
  const round = await managedRound(deps, actor, roundId);
  if (!(await isStaffOf(deps.db, round.schoolId, userId))) throw new DomainError('validation_failed', { fields: { userId: 'unknown_staff' } });
  const times = await loadRoundTimes(deps.db, round, deps.now());
  const fields = checkAvailability(input.availability, times.sessions);
  if (Object.keys(fields).length) throw new DomainError('validation_failed', { fields });
  const slots = slotsOf({ sessions: sessionSpecs(times.sessions), timeZone: round.timeZone, slotMinutes: round.slotMinutes, bufferMinutes: round.bufferMinutes, availability: input.availability });
  const stranded = times.live.some((b) => b.teacherId === userId && !slots.some((s) => s.startsAt.getTime() === b.startsAt.getTime()));
  if (stranded) throw new DomainError('has_bookings', { fields: { availability: 'has_bookings' } });
  await upsertRoundTeacher(deps.db, { roundId: round.id, userId, room: input.room?.trim() || null, videoUrl: input.videoUrl, availability: input.availability }, input.languages);
  return presentSetup(deps, round);
}

export async function removeRoundTeacher(deps: Deps, actor: Actor, roundId: string, userId: string): Promise<RoundSetup> {
  const round = await managedRound(deps, actor, roundId);
  const times = await loadRoundTimes(deps.db, round, deps.now());
  if (times.live.some((b) => b.teacherId === userId)) throw new DomainError('has_bookings');
  await deleteRoundTeacher(deps.db, round.id, userId);
  return presentSetup(deps, round);
}

export async function saveRoundInterpreter(deps: Deps, actor: Actor, roundId: string, interpreterId: string, availability: Availability | null): Promise<RoundSetup> {
  const round = await managedRound(deps, actor, roundId);
  const interpreter = await findInterpreter(deps.db, interpreterId);
  if (!interpreter || interpreter.schoolId !== round.schoolId || interpreter.archivedAt) throw new DomainError('not_found');
  const times = await loadRoundTimes(deps.db, round, deps.now());
  const fields = checkAvailability(availability, times.sessions);
  if (Object.keys(fields).length) throw new DomainError('validation_failed', { fields });
  const slots = slotsOf({ sessions: sessionSpecs(times.sessions), timeZone: round.timeZone, slotMinutes: round.slotMinutes, bufferMinutes: round.bufferMinutes, availability });
  if (times.live.some((b) => b.interpreterId === interpreterId && !slots.some((s) => s.startsAt.getTime() === b.startsAt.getTime()))) {
    throw new DomainError('has_bookings', { fields: { availability: 'has_bookings' } });
  }
  await upsertRoundInterpreter(deps.db, { roundId: round.id, interpreterId, availability });
  return presentSetup(deps, round);
}

export async function removeRoundInterpreter(deps: Deps, actor: Actor, roundId: string, interpreterId: string): Promise<RoundSetup> {
  const round = await managedRound(deps, actor, roundId);
  const times = await loadRoundTimes(deps.db, round, deps.now());
  if (times.live.some((b) => b.interpreterId === interpreterId)) throw new DomainError('has_bookings');
  await deleteRoundInterpreter(deps.db, round.id, interpreterId);
  return presentSetup(deps, round);
}

/**
 * Running late on conference day. When a conference of a teacher starts, ends, has its start
 * corrected or its attendance changed, `dayChanged` nudges every live page of that teacher's
 * evening (families' status pages, interpreters') and tells the families further down — and their
 * interpreters — by email (and text message, when a provider is configured) once their meeting's
 * delay reaches the round's threshold, and again each time it grows by as much again.
 *
 * A conference that simply runs on, with nobody pressing anything, still moves everyone after it:
 * while one is in progress, a delayed job looks again at the first moment a notice could become due
 * (delays grow at most as fast as the clock), so families are told within a minute of crossing.
 *
 * Worked example (threshold 10): Amir's 16:00 conference started at 16:00 and is still going at
 * 16:30. The job looking again at 16:30 sees Bea (16:20) and Cai (16:40) 10 minutes late, records
 * `lateNotifiedMinutes = 10` for both and queues one notice each: Bea's guardian reads, in Spanish,
 * "now expected about 16:30", with the link to her status page. At 16:35 nothing is sent (15 < 20);
 * at 16:40, 20 minutes late, they are told again.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ConferenceStatusView, ExpectedTimesView, InterpreterStatusView, TeacherDayStatusView } from '../../../contracts/late';
import { matchLocale, type LocaleTag } from '../../../contracts/locales';
import { instantOf, wallClockOf } from '../../../domain/booking/slots';
import { expectedTimes, minutesToNextNotice, noticeDue, runningLateMinutes, type DayMeeting, type ExpectedMeeting } from '../../../domain/conference/late';
import { DomainError } from '../../../domain/errors';
import { can, type Actor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { defineJob, enqueue } from '../../jobs/runner';
import { randomToken } from '../../lib/secrets';
import { streamSnapshots } from '../../live/hub';
import { topics } from '../../live/topics';
import { feedOf, findBooking, findBookingRound, findFeed, findInterpreter, guardiansOfStudents, listRoundTeachers, replaceFeed, studentNames, userNames } from '../booking/booking.repo';
import { meetingFacts } from '../booking/notify';
import { findSchool } from '../school/school.repo';
import { conferenceAccess, need } from './access';
import { ensureConferences } from './conference.repo';
import { interpreterMeetingsBetween, phonesOf, recordLateNotice, staffSchoolsOf, teacherMeetingsBetween, type LateMeetingRow } from './late.repo';
import { smsSenderOf } from './sms';

const MINUTE = 60_000;

// ---- a day, worked out

/** The school's day `date` as instants: [its midnight, the next midnight). */
function dayWindow(date: string, timeZone: string): { from: Date; to: Date } {
  const from = instantOf(date, '00:00', timeZone);
  const next = wallClockOf(new Date(from.getTime() + 36 * 3_600_000), timeZone).date;
  return { from, to: instantOf(next, '00:00', timeZone) };
}

const dayMeetingOf = (r: LateMeetingRow): DayMeeting => ({
  id: r.booking.id,
  startsAt: r.booking.startsAt,
  endsAt: r.booking.endsAt,
  status: r.conference?.status ?? 'scheduled',
  startedAt: r.conference?.startedAt ?? null,
  endedAt: r.conference?.endedAt ?? null,
  attendance: r.conference?.attendance ?? null,
});

export interface WorkedDay {
  date: string;
  timeZone: string;
  /** The date is the school's today: only then are delays projected from the clock. */
  today: boolean;
  rows: LateMeetingRow[];
  /** By booking id. */
  expected: Map<string, ExpectedMeeting>;
  runningLateMinutes: number;
}

function workDay(rows: LateMeetingRow[], date: string, timeZone: string, now: Date): WorkedDay {
  const todayDate = wallClockOf(now, timeZone).date;
  const list = expectedTimes(rows.map(dayMeetingOf), now, { dayOver: date < todayDate });
  return { date, timeZone, today: date === todayDate, rows, expected: new Map(list.map((m) => [m.id, m])), runningLateMinutes: runningLateMinutes(list) };
}

/**
 * A teacher's confirmed meetings of one date at one school (today, in the school's zone, unless
 * given), with their expected times. The facilitator's day list uses `runningLateMinutes`.
 */
export async function teacherDayExpected(deps: Pick<Deps, 'db' | 'now'>, teacherId: string, school: { id: string; timeZone: string }, date?: string): Promise<WorkedDay> {
  const now = deps.now();
  const day = date ?? wallClockOf(now, school.timeZone).date;
  const { from, to } = dayWindow(day, school.timeZone);
  const rows = (await teacherMeetingsBetween(deps.db, teacherId, from, to)).filter((r) => r.booking.schoolId === school.id);
  return workDay(rows, day, school.timeZone, now);
}

/** The teacher's days that are today somewhere (one per school they hold meetings at). */
async function teacherToday(deps: Pick<Deps, 'db' | 'now'>, teacherId: string): Promise<WorkedDay[]> {
  const now = deps.now();
  const rows = await teacherMeetingsBetween(deps.db, teacherId, new Date(now.getTime() - 36 * 3_600_000), new Date(now.getTime() + 36 * 3_600_000));
  const bySchool = new Map<string, LateMeetingRow[]>();
  for (const r of rows) {
    if (wallClockOf(r.booking.startsAt, r.timeZone).date !== wallClockOf(now, r.timeZone).date) continue;
    bySchool.set(r.booking.schoolId, [...(bySchool.get(r.booking.schoolId) ?? []), r]);
  }
  return [...bySchool.values()].map((list) => workDay(list, wallClockOf(now, list[0]!.timeZone).date, list[0]!.timeZone, now));
}

const timesView = (m: ExpectedMeeting): ExpectedTimesView => ({
  startsAt: m.startsAt.toISOString(),
  endsAt: m.endsAt.toISOString(),
  expectedStartsAt: m.expectedStartsAt.toISOString(),
  expectedEndsAt: m.expectedEndsAt.toISOString(),
  delayMinutes: m.delayMinutes,
  state: m.state,
  familiesBefore: m.before,
});

// ---- after every change

/**
 * Called after a conference of `teacherId` starts, ends, or changes attendance or start: the live
 * pages re-read, families past the threshold are told, and while a conference is in progress a
 * job looks again when the next notice could become due.
 */
export async function dayChanged(deps: Deps, teacherId: string): Promise<void> {
  deps.live.publish(topics.teacherDay(teacherId));
  const now = deps.now();
  for (const day of await teacherToday(deps, teacherId)) {
    const due = day.rows.filter((r) => noticeDue(day.expected.get(r.booking.id)!, r.lateNoticeMinutes, r.booking.lateNotifiedMinutes));
    const conferenceOf = new Map((await ensureConferences(deps.db, due.map((r) => r.booking))).map((c) => [c.bookingId, c.id]));
    const told = new Map<string, number>();
    for (const r of due) {
      const m = day.expected.get(r.booking.id)!;
      const queued = await deps.db.transaction(async (tx) => {
        if (!(await recordLateNotice(tx, r.booking.id, r.booking.lateNotifiedMinutes, m.delayMinutes))) return false;
        await enqueue(
          { db: tx, now: deps.now },
          lateNoticeJob,
          { bookingId: r.booking.id, conferenceId: conferenceOf.get(r.booking.id)!, delayMinutes: m.delayMinutes, expectedStartsAt: m.expectedStartsAt.toISOString() },
          { idempotencyKey: `late-notice:${r.booking.id}:${m.delayMinutes}` },
        );
        return true;
      });
      if (queued) told.set(r.booking.id, m.delayMinutes);
    }
    if (![...day.expected.values()].some((m) => m.state === 'in_progress')) continue;
    const rules = new Map(day.rows.map((r) => [r.booking.id, { every: r.lateNoticeMinutes, lastTold: told.get(r.booking.id) ?? r.booking.lateNotifiedMinutes }]));
    const wait = minutesToNextNotice([...day.expected.values()], rules);
    if (wait === null) continue;
    // On a whole minute, so the looks queued by several presses in a row fall on one job.
    const runAt = new Date(Math.ceil((now.getTime() + wait * MINUTE) / MINUTE) * MINUTE);
    await enqueue(deps, lateRecheckJob, { teacherId }, { idempotencyKey: `late-recheck:${teacherId}:${runAt.getTime()}`, runAt });
  }
}

/** Looks at the teacher's day again (a conference is running on): tells whoever is now due, and books the next look. */
export const lateRecheckJob = defineJob({
  kind: 'late-recheck',
  version: 1,
  payload: z.object({ teacherId: z.uuid() }),
  async run(deps, { teacherId }) {
    await dayChanged(deps, teacherId);
    return { checked: true };
  },
});

// ---- the notices

export const lateNoticeJob = defineJob({
  kind: 'late-notice',
  version: 1,
  payload: z.object({ bookingId: z.uuid(), conferenceId: z.uuid(), delayMinutes: z.number().int().min(1), expectedStartsAt: z.iso.datetime({ offset: true }) }),
  async run(deps, payload) {
    const booking = await findBooking(deps.db, payload.bookingId);
    if (!booking || booking.status !== 'confirmed') return { sent: 0, gone: true };
    const round = await findBookingRound(deps.db, booking.roundId);
    if (!round) return { sent: 0, gone: true };
    const facts = await meetingFacts(deps, round, booking);
    const expected = new Date(payload.expectedStartsAt);
    const time = (locale: LocaleTag, at: Date) => new Intl.DateTimeFormat(locale, { timeZone: round.timeZone, hour: 'numeric', minute: '2-digit' }).format(at);
    const key = `late-notice:${booking.id}:${payload.delayMinutes}`;
    const statusUrl = `${deps.config.publicUrl}/conferences/${payload.conferenceId}/status`;
    let sent = 0;

    for (const r of facts.recipients) {
      const values = {
        name: r.name.split(' ')[0] ?? r.name,
        child: facts.studentName.split(' ')[0] ?? facts.studentName,
        teacher: facts.teacher.name,
        booked: time(r.locale, booking.startsAt),
        expected: time(r.locale, expected),
        minutes: payload.delayMinutes,
        url: statusUrl,
        school: round.schoolName,
      };
      await deps.mailer.send(
        { to: r.email, subject: deps.i18n.t(r.locale, 'late.mail.family_subject', values), text: deps.i18n.t(r.locale, 'late.mail.family_text', values) },
        { dedupeKey: `${key}:${r.userId}` },
      );
      sent += 1;
    }

    const sms = smsSenderOf(deps.config);
    if (sms) {
      // Every guardian of the meeting with a phone number — also those the school has no email for.
      const ids = [...new Set([booking.householdUserId, ...booking.attendees.flatMap((a) => (a.kind === 'guardian' ? [a.userId] : []))])];
      const phones = await phonesOf(deps.db, ids);
      const people = await guardiansOfStudents(deps.db, [booking.studentId]);
      for (const userId of ids) {
        const phone = phones.get(userId);
        const person = people.find((p) => p.userId === userId);
        if (!phone || !person || person.archived) continue;
        const locale = matchLocale([person.preferredLocale, person.language, round.schoolLocale]) ?? 'en';
        await sms.send(phone, deps.i18n.t(locale, 'late.sms.family', { teacher: facts.teacher.name, booked: time(locale, booking.startsAt), expected: time(locale, expected), minutes: payload.delayMinutes, url: statusUrl }));
        sent += 1;
      }
    }

    if (booking.interpreterId && facts.interpreter?.email) {
      const locale = matchLocale([round.schoolLocale]) ?? 'en';
      const token = await interpreterToken(deps, round.schoolId, booking.interpreterId);
      const values = {
        name: facts.interpreter.name,
        child: facts.studentName,
        teacher: facts.teacher.name,
        booked: time(locale, booking.startsAt),
        expected: time(locale, expected),
        minutes: payload.delayMinutes,
        url: `${deps.config.publicUrl}/interpreter-status/${token}`,
        school: round.schoolName,
      };
      await deps.mailer.send(
        { to: facts.interpreter.email, subject: deps.i18n.t(locale, 'late.mail.interpreter_subject', values), text: deps.i18n.t(locale, 'late.mail.interpreter_text', values) },
        { dedupeKey: `${key}:interpreter` },
      );
      sent += 1;
    }
    return { sent };
  },
});

/** The interpreter's calendar-feed secret (made if they have none yet): it also opens their status page. */
async function interpreterToken(deps: Deps, schoolId: string, interpreterId: string): Promise<string> {
  const owner = { schoolId, interpreterId };
  const feed = await feedOf(deps.db, owner);
  if (feed) return feed.token;
  await replaceFeed(deps.db, owner, randomToken());
  return (await feedOf(deps.db, owner))!.token;
}

// ---- the pages

async function roomOf(deps: Deps, rooms: Map<string, Map<string, string | null>>, roundId: string, teacherId: string): Promise<string | null> {
  if (!rooms.has(roundId)) rooms.set(roundId, new Map((await listRoundTeachers(deps.db, roundId)).map((t) => [t.userId, t.room])));
  return rooms.get(roundId)!.get(teacherId) ?? null;
}

/** The family's (or a facilitator's) view of one meeting: booked, expected, how many before, started or not. */
export async function conferenceStatus(deps: Deps, actor: Actor, conferenceId: string): Promise<ConferenceStatusView> {
  const access = await conferenceAccess(deps, actor, conferenceId);
  need(access.family || access.facilitate);
  const { booking: b, conference: c } = access;
  const school = await findSchool(deps.db, b.schoolId);
  if (!school) throw new DomainError('not_found');
  const day = await teacherDayExpected(deps, b.teacherId, school, wallClockOf(b.startsAt, school.timeZone).date);
  const mine = day.expected.get(b.id);
  // A booking the day no longer holds (cancelled a moment ago): on its own, as booked.
  const meeting = mine ?? expectedTimes([dayMeetingOf({ booking: b, conference: c, lateNoticeMinutes: 0, timeZone: school.timeZone })], deps.now(), { dayOver: !day.today })[0]!;
  const [teacher] = await userNames(deps.db, [b.teacherId]);
  const [student] = await studentNames(deps.db, [b.studentId]);
  return {
    conferenceId: c.id,
    date: day.date,
    today: day.today,
    timeZone: school.timeZone,
    student: { givenName: student?.givenName ?? '' },
    teacher: { name: teacher?.name ?? '', room: b.mode === 'video' ? null : await roomOf(deps, new Map(), b.roundId, b.teacherId) },
    mode: b.mode,
    status: c.status,
    startedAt: c.startedAt?.toISOString() ?? null,
    endedAt: c.endedAt?.toISOString() ?? null,
    meeting: timesView(meeting),
  };
}

/** The same, as server-sent events: a new snapshot whenever the teacher's evening or this conference changes (and as the clock moves it). */
export async function streamConferenceStatus(deps: Deps, actor: Actor, conferenceId: string, request: FastifyRequest, reply: FastifyReply, once = false): Promise<void> {
  const access = await conferenceAccess(deps, actor, conferenceId);
  need(access.family || access.facilitate);
  await streamSnapshots(deps.live, request, reply, {
    topics: [topics.teacherDay(access.booking.teacherId), topics.conference(conferenceId)],
    load: () => conferenceStatus(deps, actor, conferenceId),
    once,
  });
}

/** An interpreter's meetings today, by the secret of their calendar feed (`not_found` for any other secret). */
export async function interpreterStatus(deps: Deps, token: string): Promise<InterpreterStatusView> {
  const feed = await findFeed(deps.db, token);
  if (!feed?.interpreterId) throw new DomainError('not_found');
  const [interpreter, school] = await Promise.all([findInterpreter(deps.db, feed.interpreterId), findSchool(deps.db, feed.schoolId)]);
  if (!interpreter || interpreter.archivedAt || !school) throw new DomainError('not_found');
  const date = wallClockOf(deps.now(), school.timeZone).date;
  const { from, to } = dayWindow(date, school.timeZone);
  const mine = (await interpreterMeetingsBetween(deps.db, interpreter.id, from, to)).filter((r) => r.booking.schoolId === school.id);
  const days = new Map<string, WorkedDay>();
  for (const teacherId of new Set(mine.map((r) => r.booking.teacherId))) days.set(teacherId, await teacherDayExpected(deps, teacherId, school, date));
  const [teachers, students] = await Promise.all([userNames(deps.db, [...days.keys()]), studentNames(deps.db, [...new Set(mine.map((r) => r.booking.studentId))])]);
  const teacherName = new Map(teachers.map((t) => [t.userId, t.name]));
  const studentName = new Map(students.map((s) => [s.studentId, `${s.givenName} ${s.familyName}`]));
  const rooms = new Map<string, Map<string, string | null>>();
  const meetings: InterpreterStatusView['meetings'] = [];
  for (const r of mine) {
    const b = r.booking;
    const m = days.get(b.teacherId)?.expected.get(b.id);
    if (!m) continue;
    meetings.push({
      ...timesView(m),
      bookingId: b.id,
      teacher: { name: teacherName.get(b.teacherId) ?? '', room: b.mode === 'video' ? null : await roomOf(deps, rooms, b.roundId, b.teacherId) },
      student: { name: studentName.get(b.studentId) ?? '' },
      language: b.language,
      mode: b.mode,
    });
  }
  return { interpreter: { name: interpreter.name }, date, timeZone: school.timeZone, meetings };
}

export async function streamInterpreterStatus(deps: Deps, token: string, request: FastifyRequest, reply: FastifyReply, once = false): Promise<void> {
  const first = await interpreterStatus(deps, token);
  // The teachers of today's meetings, as they were when the page opened (a meeting added later is found by the slow poll).
  const feed = (await findFeed(deps.db, token))!;
  const { from, to } = dayWindow(first.date, first.timeZone);
  const teacherIds = new Set((await interpreterMeetingsBetween(deps.db, feed.interpreterId!, from, to)).map((r) => r.booking.teacherId));
  await streamSnapshots(deps.live, request, reply, { topics: [...teacherIds].map((id) => topics.teacherDay(id)), load: () => interpreterStatus(deps, token), once });
}

/** The same, as server-sent events: a new snapshot whenever the teacher's day changes (and as the clock moves it). */
export async function streamTeacherDayStatus(deps: Deps, actor: Actor, teacherId: string, request: FastifyRequest, reply: FastifyReply, once = false): Promise<void> {
  await teacherDayStatus(deps, actor, teacherId);
  await streamSnapshots(deps.live, request, reply, { topics: [topics.teacherDay(teacherId)], load: () => teacherDayStatus(deps, actor, teacherId), once });
}

/**
 * A teacher's meetings of one day with expected times: for the school's staff (the teacher's own
 * colleagues at the front desk too), and the teacher themself.
 */
export async function teacherDayStatus(deps: Deps, actor: Actor, teacherId: string, date?: string): Promise<TeacherDayStatusView> {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  const schoolIds = await staffSchoolsOf(deps.db, teacherId);
  const schoolId = schoolIds.find((id) => can(actor, 'booking.staff', { type: 'school', schoolId: id }));
  if (!schoolId) {
    const ofSchool = schoolIds.some((id) => can(actor, 'school.read', { type: 'school', schoolId: id }));
    throw new DomainError(ofSchool ? 'forbidden' : 'not_found');
  }
  const school = await findSchool(deps.db, schoolId);
  if (!school) throw new DomainError('not_found');
  const day = await teacherDayExpected(deps, teacherId, school, date);
  const students = await studentNames(deps.db, [...new Set(day.rows.map((r) => r.booking.studentId))]);
  const studentName = new Map(students.map((s) => [s.studentId, `${s.givenName} ${s.familyName}`]));
  return {
    teacherId,
    date: day.date,
    timeZone: day.timeZone,
    runningLateMinutes: day.runningLateMinutes,
    meetings: day.rows.map((r) => ({
      ...timesView(day.expected.get(r.booking.id)!),
      bookingId: r.booking.id,
      conferenceId: r.conference?.id ?? null,
      student: { id: r.booking.studentId, name: studentName.get(r.booking.studentId) ?? '' },
      status: r.conference?.status ?? 'scheduled',
      attendance: r.conference?.attendance ?? null,
    })),
  };
}

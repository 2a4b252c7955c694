/**
 * The school's side of booking: interpreters, teachers' day sheets, the coverage board with its
 * nudge to families who have not booked, and the secret calendar feeds of teachers and interpreters.
 */
import { z } from 'zod';
import type { Coverage, DaySheet } from '../../../contracts/booking';
import { matchLocale } from '../../../contracts/locales';
import { bookingState } from '../../../domain/booking/rules';
import { wallClockOf } from '../../../domain/booking/slots';
import { DomainError } from '../../../domain/errors';
import type { Actor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { defineJob, enqueue } from '../../jobs/runner';
import { randomToken } from '../../lib/secrets';
import { calendarFeed, type IcsMeeting } from '../calendar/ics';
import { authorize } from '../school/authorize';
import { findSchool } from '../school/school.repo';
import {
  childrenOfRound,
  confirmedMeetingsOf,
  feedOf,
  findBookingRound,
  findFeed,
  findInterpreter,
  guardiansOfStudents,
  insertInterpreter,
  listInterpreters,
  replaceFeed,
  updateInterpreter,
  waitingOf,
  type InterpreterRow,
} from './booking.repo';
import { bookingRound } from './book';
import { icsMeetingOf, meetingFacts } from './notify';
import { presentBookings } from './present';
import { loadRoundTimes } from './round-times';

// ---- interpreters

function presentInterpreter(i: InterpreterRow) {
  return { id: i.id, name: i.name, email: i.email, languages: i.languages, archived: i.archivedAt !== null };
}

export async function listSchoolInterpreters(deps: Deps, actor: Actor, schoolId: string) {
  authorize(actor, 'booking.manage', { type: 'school', schoolId });
  return { interpreters: (await listInterpreters(deps.db, schoolId, { includeArchived: true })).map(presentInterpreter) };
}

export async function addInterpreter(deps: Deps, actor: Actor, schoolId: string, input: { name: string; email: string | null; languages: string[] }) {
  authorize(actor, 'booking.manage', { type: 'school', schoolId });
  const row = await insertInterpreter(deps.db, { schoolId, name: input.name, email: input.email?.toLowerCase() ?? null, languages: [...new Set(input.languages)] });
  return presentInterpreter(row);
}

async function managedInterpreter(deps: Deps, actor: Actor, id: string): Promise<InterpreterRow> {
  const row = await findInterpreter(deps.db, id);
  if (!row) throw new DomainError('not_found');
  authorize(actor, 'booking.manage', { type: 'school', schoolId: row.schoolId });
  return row;
}

export async function changeInterpreter(deps: Deps, actor: Actor, id: string, change: { name?: string | undefined; email?: string | null | undefined; languages?: string[] | undefined; archived?: boolean | undefined }) {
  const row = await managedInterpreter(deps, actor, id);
  await updateInterpreter(deps.db, row.id, {
    ...(change.name !== undefined ? { name: change.name } : {}),
    ...(change.email !== undefined ? { email: change.email?.toLowerCase() ?? null } : {}),
    ...(change.languages ? { languages: [...new Set(change.languages)] } : {}),
    ...(change.archived !== undefined ? { archivedAt: change.archived ? (row.archivedAt ?? deps.now()) : null } : {}),
  });
  return presentInterpreter((await findInterpreter(deps.db, row.id))!);
}

// ---- calendar feeds

const feedUrl = (deps: Deps, token: string) => `${deps.config.publicUrl}/calendar/${token}.ics`;

export async function interpreterFeed(deps: Deps, actor: Actor, id: string) {
  const row = await managedInterpreter(deps, actor, id);
  const owner = { schoolId: row.schoolId, interpreterId: row.id };
  let feed = await feedOf(deps.db, owner);
  if (!feed) {
    await replaceFeed(deps.db, owner, randomToken());
    feed = await feedOf(deps.db, owner);
  }
  return { url: feedUrl(deps, feed!.token) };
}

/** The member of staff's own feed, in the (first) school they work at; `renew` makes a new secret. */
export async function myFeed(deps: Deps, actor: Actor, renew: boolean) {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  const schoolId = actor.staff[0]?.schoolId;
  if (!schoolId) throw new DomainError('forbidden');
  authorize(actor, 'booking.staff', { type: 'school', schoolId });
  const owner = { schoolId, userId: actor.userId };
  let feed = await feedOf(deps.db, owner);
  if (!feed || renew) {
    await replaceFeed(deps.db, owner, randomToken());
    feed = await feedOf(deps.db, owner);
  }
  return { url: feedUrl(deps, feed!.token) };
}

/** The feed's calendar: confirmed meetings of the teacher or interpreter, in the school's zone. Null for an unknown secret. */
export async function feedCalendar(deps: Deps, token: string): Promise<string | null> {
  const feed = await findFeed(deps.db, token);
  if (!feed) return null;
  const school = await findSchool(deps.db, feed.schoolId);
  if (!school) return null;
  const rows = await confirmedMeetingsOf(deps.db, feed.userId ? { teacherId: feed.userId } : { interpreterId: feed.interpreterId! });
  const locale = matchLocale([school.locale]) ?? 'en';
  const meetings: IcsMeeting[] = [];
  const rounds = new Map<string, Awaited<ReturnType<typeof findBookingRound>>>();
  for (const b of rows) {
    if (!rounds.has(b.roundId)) rounds.set(b.roundId, await findBookingRound(deps.db, b.roundId));
    const round = rounds.get(b.roundId);
    if (!round || round.schoolId !== feed.schoolId) continue;
    const facts = await meetingFacts(deps, round, b);
    meetings.push(icsMeetingOf(facts, deps.config.publicUrl, deps.i18n.t(locale, 'mail.booking.feed_summary', { child: facts.studentName })));
  }
  const owner = feed.interpreterId ? (await findInterpreter(deps.db, feed.interpreterId))?.name : undefined;
  return calendarFeed(deps.i18n.t(locale, 'mail.booking.feed_name', { school: school.name, who: owner ?? '' }), school.timeZone, meetings);
}

// ---- day sheet

export async function daySheet(deps: Deps, actor: Actor, roundId: string, teacherId: string): Promise<DaySheet> {
  const now = deps.now();
  const round = await bookingRound(deps, actor, roundId);
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  if (teacherId === actor.userId) authorize(actor, 'booking.staff', { type: 'school', schoolId: round.schoolId });
  else authorize(actor, 'booking.manage', { type: 'school', schoolId: round.schoolId });
  const times = await loadRoundTimes(deps.db, round, now);
  const teacher = times.teachers.get(teacherId);
  if (!teacher) throw new DomainError('not_found');
  const mine = times.live.filter((b) => b.teacherId === teacherId && b.status === 'confirmed');
  const views = await presentBookings(deps.db, round, mine, now);
  const classes = await childrenOfRound(deps.db, round.id);
  const childOf = new Map(classes.map((c) => [c.studentId, c]));
  const days = new Map<string, DaySheet['days'][number]>();
  for (const slot of teacher.slots) {
    const date = wallClockOf(slot.startsAt, round.timeZone).date;
    const day = days.get(date) ?? { date, slots: [] };
    const b = views.find((v) => v.startsAt === slot.startsAt.toISOString());
    day.slots.push({
      startsAt: slot.startsAt.toISOString(),
      endsAt: slot.endsAt.toISOString(),
      meeting: b
        ? {
            bookingId: b.id,
            startsAt: b.startsAt,
            endsAt: b.endsAt,
            student: { id: b.student.id, name: b.student.name, givenName: childOf.get(b.student.id)?.givenName ?? b.student.name, familyName: childOf.get(b.student.id)?.familyName ?? '', className: childOf.get(b.student.id)?.className ?? '' },
            attendees: b.attendees,
            interpreter: b.interpreter,
            language: b.language,
            mode: b.mode,
            note: b.note,
            privateTime: b.privateTime,
            status: b.status,
          }
        : null,
    });
    days.set(date, day);
  }
  return {
    round: { id: round.id, name: round.name, timeZone: round.timeZone },
    teacher: { id: teacherId, name: teacher.name, room: teacher.room, videoUrl: teacher.videoUrl },
    days: [...days.values()],
  };
}

// ---- coverage and nudges

export async function coverageBoard(deps: Deps, actor: Actor, roundId: string): Promise<Coverage> {
  const now = deps.now();
  const round = await bookingRound(deps, actor, roundId);
  authorize(actor, 'booking.manage', { type: 'school', schoolId: round.schoolId });
  const [times, children, waiting] = await Promise.all([loadRoundTimes(deps.db, round, now), childrenOfRound(deps.db, round.id), waitingOf(deps.db, round.id)]);
  const guardians = await guardiansOfStudents(deps.db, [...new Set(children.map((c) => c.studentId))]);
  const confirmed = new Set(times.live.filter((b) => b.status === 'confirmed').map((b) => b.studentId));
  const held = new Set(times.live.filter((b) => b.status === 'held').map((b) => b.studentId));
  const waitlisted = new Set(waiting.map((w) => w.studentId));
  const interpretersOf = (lang: string) => times.interpreters.filter((i) => i.languages.some((l) => l.split('-')[0] === lang.split('-')[0])).length;
  const familyLanguages = (studentId: string) => [...new Set(guardians.filter((g) => g.studentId === studentId && !g.archived).map((g) => g.language ?? g.preferredLocale ?? round.schoolLocale))];
  const byClass = new Map<string, Coverage['classes'][number]>();
  const byLanguage = new Map<string, Coverage['languages'][number]>();
  const seen = new Set<string>();
  for (const c of children) {
    const entry = byClass.get(c.classId) ?? { classId: c.classId, name: c.className, children: 0, booked: 0, unbooked: [] };
    if (entry.unbooked.some((u) => u.studentId === c.studentId)) continue;
    entry.children += 1;
    const languages = familyLanguages(c.studentId);
    const isBooked = confirmed.has(c.studentId);
    if (isBooked) entry.booked += 1;
    else
      entry.unbooked.push({
        studentId: c.studentId,
        name: `${c.givenName} ${c.familyName}`,
        languages,
        waitlisted: waitlisted.has(c.studentId),
        guardians: guardians.filter((g) => g.studentId === c.studentId && !g.archived).map((g) => ({ userId: g.userId, name: g.name })),
      });
    byClass.set(c.classId, entry);
    if (seen.has(c.studentId)) continue;
    seen.add(c.studentId);
    for (const language of languages.length ? languages : [round.schoolLocale]) {
      const l = byLanguage.get(language) ?? { language, unbooked: 0, booked: 0, interpreters: interpretersOf(language) };
      if (isBooked) l.booked += 1;
      else l.unbooked += 1;
      byLanguage.set(language, l);
    }
  }
  return {
    round: { id: round.id, name: round.name, state: bookingState({ bookingOpensAt: round.bookingOpensAt, bookingClosesAt: round.bookingClosesAt, firstMeetingAt: times.firstMeetingAt }, now) },
    totals: { children: seen.size, booked: [...seen].filter((s) => confirmed.has(s)).length, waitlisted: [...seen].filter((s) => waitlisted.has(s)).length, held: [...seen].filter((s) => held.has(s) && !confirmed.has(s)).length },
    classes: [...byClass.values()],
    languages: [...byLanguage.values()].sort((a, b) => b.unbooked - a.unbooked || a.language.localeCompare(b.language)),
  };
}

export const nudgeFamilyJob = defineJob({
  kind: 'booking-nudge',
  version: 1,
  payload: z.object({ roundId: z.uuid(), userId: z.uuid(), day: z.string() }),
  async run(deps, { roundId, userId, day }) {
    const round = await findBookingRound(deps.db, roundId);
    const guardian = (await guardiansOfStudents(deps.db, (await childrenOfRound(deps.db, roundId)).map((c) => c.studentId))).find((g) => g.userId === userId);
    if (!round || !guardian?.email || guardian.archived) return { sent: false };
    const locale = matchLocale([guardian.preferredLocale, guardian.language, round.schoolLocale]) ?? 'en';
    await deps.mailer.send(
      {
        to: guardian.email,
        subject: deps.i18n.t(locale, 'mail.booking.nudge_subject', { round: round.name }),
        text: deps.i18n.t(locale, 'mail.booking.nudge_text', { name: guardian.name.split(' ')[0] ?? guardian.name, round: round.name, school: round.schoolName, url: `${deps.config.publicUrl}/rounds/${round.id}/book` }),
      },
      { dedupeKey: `booking-nudge:${roundId}:${userId}:${day}` },
    );
    return { sent: true };
  },
});

/** Emails the families (not yet booked) of a class, of a language, or all: once a day per family. */
export async function nudgeFamilies(deps: Deps, actor: Actor, roundId: string, filter: { classId?: string | undefined; language?: string | undefined }) {
  const board = await coverageBoard(deps, actor, roundId);
  const round = (await findBookingRound(deps.db, roundId))!;
  const day = wallClockOf(deps.now(), round.timeZone).date;
  const families = new Set<string>();
  for (const c of board.classes) {
    if (filter.classId && c.classId !== filter.classId) continue;
    for (const u of c.unbooked) {
      if (u.waitlisted) continue;
      if (filter.language && !u.languages.some((l) => l.split('-')[0] === filter.language!.split('-')[0])) continue;
      for (const g of u.guardians) families.add(g.userId);
    }
  }
  for (const userId of families) await enqueue(deps, nudgeFamilyJob, { roundId, userId, day }, { idempotencyKey: `booking-nudge:${roundId}:${userId}:${day}` });
  return { families: families.size };
}

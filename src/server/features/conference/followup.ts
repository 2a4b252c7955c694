/**
 * Private follow-up (rules in domain/conference/followup.ts): a guardian of the conference's
 * family asks its teacher for some time about their child; the teacher replies or offers a time
 * (the guardian is emailed, with a calendar invitation for a time); either side closes it.
 *
 * Who takes part in a thread: the guardian who asked (not the other parent: it is their private
 * word with the teacher), and whoever facilitates the conference — the booking's teacher, the
 * child's teachers, the admin. The child never learns that a thread exists: every refusal to a
 * pupil is `not_found`, and nothing of it is in any view a child reads (conference, record).
 *
 * Worked example: Luis asks about Ana's reading after her conference with Ms Okafor. It is in Ms
 * Okafor's queue (/followups) as open, and in the admin's. She offers Friday 15:55 (a free slot of
 * the round, suggested to her) in Room 4; Luis gets an email with `followup.ics`. Ana, signed in,
 * gets 404 for the thread and sees nothing of it on her conference page.
 */
import { z } from 'zod';
import type { followupOffer, FollowupList, FollowupView } from '../../../contracts/followup';
import { matchLocale, type LocaleTag } from '../../../contracts/locales';
import { freeTimes, isActive, offerProblem, statusAfterMessage, statusAfterSchedule, type FollowupSide, type FollowupStatus } from '../../../domain/conference/followup';
import { DomainError } from '../../../domain/errors';
import { can, type Actor, type UserActor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { defineJob, enqueue } from '../../jobs/runner';
import { busyOf, findBookingRound, guardiansOfStudents, studentNames, userNames } from '../booking/booking.repo';
import { loadRoundTimes } from '../booking/round-times';
import { meetingInvite } from '../calendar/ics';
import { conferenceAccess, type ConferenceAccess } from './access';
import {
  activeFollowupOf,
  classesOfStudents,
  findFollowup,
  findMessage,
  followupQueue,
  followupsOfConference,
  insertFollowup,
  insertFollowupMessage,
  lockFollowup,
  messagesOf,
  offeredTimesOf,
  updateFollowup,
  type FollowupContext,
} from './followup.repo';
import { lockConference } from './sharing.repo';

// ---- who may see a thread

/** Only a pupil (no staff role, no child of their own): a refusal must not confirm the thread exists. */
function onlyPupil(actor: Actor): boolean {
  return actor.kind === 'user' && actor.student !== null && actor.staff.length === 0 && actor.guardianOf.length === 0;
}

/** The conference, refusing a pupil with not_found (the child themself included: they present, but never see this). */
async function followupConference(deps: Deps, actor: Actor, conferenceId: string): Promise<ConferenceAccess> {
  let access: ConferenceAccess;
  try {
    access = await conferenceAccess(deps, actor, conferenceId);
  } catch (err) {
    if (err instanceof DomainError && err.code === 'forbidden' && onlyPupil(actor)) throw new DomainError('not_found');
    throw err;
  }
  if (!access.family && !access.facilitate) throw new DomainError(access.isChild || onlyPupil(actor) ? 'not_found' : 'forbidden');
  return access;
}

/** The school's side answers: whoever facilitates the conference (its teacher, the child's teachers, the admin). */
function answers(access: ConferenceAccess): boolean {
  return access.facilitate && (can(access.actor, 'followup.answer', access.subject) || access.booking.teacherId === access.actor.userId);
}

function asksFor(access: ConferenceAccess): boolean {
  return access.family && can(access.actor, 'followup.request', access.subject);
}

/** The thread and the reader's side in it; anyone without a part is refused (a pupil: not_found). */
async function thread(deps: Deps, actor: Actor, requestId: string): Promise<{ found: FollowupContext; access: ConferenceAccess; side: FollowupSide }> {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  const found = await findFollowup(deps.db, requestId);
  if (!found) throw new DomainError('not_found');
  const access = await followupConference(deps, actor, found.request.conferenceId);
  if (found.request.requestedBy === actor.userId && asksFor(access)) return { found, access, side: 'family' };
  if (answers(access)) return { found, access, side: 'school' };
  throw new DomainError('forbidden');
}

// ---- what a page gets

type Suggest = (found: FollowupContext) => Promise<Array<{ startsAt: Date; endsAt: Date }>>;

/**
 * The teacher's free times to offer: their slots in the conference's round from the conference on
 * (that evening first), not booked in any round and not given to another follow-up. None when the
 * round has gone or has no slots left.
 */
function suggester(deps: Deps): Suggest {
  const rounds = new Map<string, Promise<Awaited<ReturnType<typeof loadRoundTimes>> | null>>();
  return async (found) => {
    const { request } = found;
    const now = deps.now();
    let times = rounds.get(found.roundId);
    if (!times) {
      times = findBookingRound(deps.db, found.roundId).then((round) => (round ? loadRoundTimes(deps.db, round, now, { live: false }) : null));
      rounds.set(found.roundId, times);
    }
    const loaded = await times;
    const slots = loaded?.teachers.get(request.teacherId)?.slots ?? [];
    if (slots.length === 0) return [];
    const busy = [...(await busyOf(deps.db, [`teacher:${request.teacherId}`], now)), ...(await offeredTimesOf(deps.db, request.teacherId, request.id, now))];
    return freeTimes(slots, busy, now, found.conferenceStartsAt);
  };
}

async function present(deps: Deps, actor: UserActor, rows: FollowupContext[], sideOf: (row: FollowupContext) => FollowupSide, suggest: Suggest | null): Promise<FollowupView[]> {
  const messages = await messagesOf(deps.db, rows.map((r) => r.request.id));
  const people = new Map((await userNames(deps.db, [...new Set(rows.flatMap((r) => [r.request.requestedBy, r.request.teacherId]))])).map((p) => [p.userId, p.name]));
  const children = new Map((await studentNames(deps.db, [...new Set(rows.map((r) => r.request.studentId))])).map((s) => [s.studentId, `${s.givenName} ${s.familyName}`.trim()]));
  return Promise.all(
    rows.map(async (row) => {
      const r = row.request;
      const side = sideOf(row);
      const active = isActive(r.status);
      return {
        id: r.id,
        conferenceId: r.conferenceId,
        status: r.status,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
        student: { id: r.studentId, name: children.get(r.studentId) ?? '' },
        guardian: { id: r.requestedBy, name: people.get(r.requestedBy) ?? '' },
        teacher: { id: r.teacherId, name: people.get(r.teacherId) ?? '' },
        round: { name: row.roundName },
        conferenceStartsAt: row.conferenceStartsAt.toISOString(),
        timeZone: row.timeZone,
        meeting: r.startsAt && r.endsAt ? { startsAt: r.startsAt.toISOString(), endsAt: r.endsAt.toISOString(), place: r.place } : null,
        messages: messages
          .filter((m) => m.message.requestId === r.id)
          .map((m) => ({
            id: m.message.id,
            side: m.message.authorId === r.requestedBy ? ('family' as const) : ('school' as const),
            author: m.authorName ?? '',
            body: m.message.body,
            createdAt: m.message.createdAt.toISOString(),
            mine: m.message.authorId === actor.userId,
          })),
        suggestedTimes: side === 'school' && active && suggest ? (await suggest(row)).map((s) => ({ startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })) : [],
        can: { write: active, schedule: active && side === 'school', close: active },
      };
    }),
  );
}

// ---- the use cases

export async function requestFollowup(deps: Deps, actor: Actor, conferenceId: string, message: string): Promise<{ id: string }> {
  const access = await followupConference(deps, actor, conferenceId);
  if (!asksFor(access)) throw new DomainError('forbidden');
  const now = deps.now();
  const created = await deps.db.transaction(async (tx) => {
    // One request at a time per guardian and conference: two taps at once make one.
    await lockConference(tx, conferenceId);
    if (await activeFollowupOf(tx, conferenceId, access.actor.userId)) throw new DomainError('conflict', { fields: { message: 'already_open' } });
    const request = await insertFollowup(tx, {
      schoolId: access.conference.schoolId,
      conferenceId,
      studentId: access.conference.studentId,
      teacherId: access.booking.teacherId,
      requestedBy: access.actor.userId,
      status: 'open',
      createdAt: now,
      updatedAt: now,
    });
    const first = await insertFollowupMessage(tx, { requestId: request.id, authorId: access.actor.userId, body: message, createdAt: now });
    await queueFollowupMail({ db: tx, now: deps.now }, request.id, 'requested', first.id);
    return request;
  });
  return { id: created.id };
}

export async function conferenceFollowups(deps: Deps, actor: Actor, conferenceId: string): Promise<FollowupList> {
  const access = await followupConference(deps, actor, conferenceId);
  const school = answers(access);
  if (!school && !asksFor(access)) throw new DomainError('forbidden');
  const rows = await followupsOfConference(deps.db, conferenceId, school ? undefined : access.actor.userId);
  const sideOf = (row: FollowupContext): FollowupSide => (row.request.requestedBy === access.actor.userId ? 'family' : 'school');
  return { requests: await present(deps, access.actor, rows, sideOf, school ? suggester(deps) : null) };
}

/** The queue of a member of staff (see followupQueue); each request checked again against the permissions. */
export async function followupQueueOf(deps: Deps, actor: Actor, status: FollowupStatus | undefined): Promise<FollowupList> {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  if (onlyPupil(actor)) throw new DomainError('not_found');
  if (actor.staff.length === 0) throw new DomainError('forbidden');
  const adminSchoolIds = actor.staff.filter((s) => s.role === 'admin').map((s) => s.schoolId);
  const candidates = await followupQueue(deps.db, { userId: actor.userId, adminSchoolIds, classIds: actor.teaches.map((t) => t.classId) }, status);
  const classes = await classesOfStudents(deps.db, candidates.map((c) => c.request.studentId));
  const rows = candidates.filter(({ request: r }) => {
    const subject = { type: 'student' as const, studentId: r.studentId, schoolId: r.schoolId, classIds: classes.get(r.studentId) ?? [] };
    return can(actor, 'followup.answer', subject) || (r.teacherId === actor.userId && actor.staff.some((s) => s.schoolId === r.schoolId));
  });
  return { requests: await present(deps, actor, rows, () => 'school', suggester(deps)) };
}

async function viewOf(deps: Deps, actor: UserActor, requestId: string, side: FollowupSide): Promise<FollowupView> {
  const found = await findFollowup(deps.db, requestId);
  const [view] = await present(deps, actor, [found!], () => side, side === 'school' ? suggester(deps) : null);
  return view!;
}

export async function writeFollowup(deps: Deps, actor: Actor, requestId: string, body: string): Promise<FollowupView> {
  const { access, side } = await thread(deps, actor, requestId);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const current = await lockFollowup(tx, requestId);
    const next = current ? statusAfterMessage(current.status, side) : null;
    if (!next) throw new DomainError('followup_closed');
    const message = await insertFollowupMessage(tx, { requestId, authorId: access.actor.userId, body, createdAt: now });
    await updateFollowup(tx, requestId, { status: next }, now);
    await queueFollowupMail({ db: tx, now: deps.now }, requestId, side === 'family' ? 'family_wrote' : 'school_wrote', message.id);
  });
  return viewOf(deps, access.actor, requestId, side);
}

export async function offerFollowupTime(deps: Deps, actor: Actor, requestId: string, offer: z.output<typeof followupOffer>): Promise<FollowupView> {
  const { found, access, side } = await thread(deps, actor, requestId);
  if (side !== 'school') throw new DomainError('forbidden');
  const now = deps.now();
  const startsAt = new Date(offer.startsAt);
  const endsAt = new Date(startsAt.getTime() + offer.minutes * 60_000);
  const busy = [...(await busyOf(deps.db, [`teacher:${found.request.teacherId}`], now)), ...(await offeredTimesOf(deps.db, found.request.teacherId, requestId, now))];
  const problem = offerProblem({ startsAt, endsAt }, now, busy);
  if (problem) throw new DomainError('validation_failed', { fields: { startsAt: problem } });
  await deps.db.transaction(async (tx) => {
    const current = await lockFollowup(tx, requestId);
    const next = current ? statusAfterSchedule(current.status) : null;
    if (!next) throw new DomainError('followup_closed');
    if (offer.message) await insertFollowupMessage(tx, { requestId, authorId: access.actor.userId, body: offer.message, createdAt: now });
    await updateFollowup(tx, requestId, { status: next, startsAt, endsAt, place: offer.place }, now);
    await queueFollowupMail({ db: tx, now: deps.now }, requestId, 'scheduled', String(now.getTime()), { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), place: offer.place });
  });
  return viewOf(deps, access.actor, requestId, side);
}

/** Either side closes the thread (closing it again changes nothing). */
export async function closeFollowup(deps: Deps, actor: Actor, requestId: string): Promise<FollowupView> {
  const { found, access, side } = await thread(deps, actor, requestId);
  if (found.request.status !== 'closed') await updateFollowup(deps.db, requestId, { status: 'closed' }, deps.now());
  return viewOf(deps, access.actor, requestId, side);
}

// ---- the emails

const mailKinds = ['requested', 'family_wrote', 'school_wrote', 'scheduled'] as const;
type MailKind = (typeof mailKinds)[number];

/**
 * Tells the other side, in their language: a new request or the guardian's message → the teacher
 * (with the words, and the way to the queue); the school's reply → the guardian; an offered time →
 * the guardian, with a calendar invitation. `ref` is the message's id, or when the time was offered
 * (each offer is its own email; one replaced before it went says nothing).
 */
export const followupMailJob = defineJob({
  kind: 'followup-mail',
  version: 1,
  payload: z.object({
    requestId: z.uuid(),
    kind: z.enum(mailKinds),
    ref: z.string().min(1).max(100),
    /** For `scheduled`: the time offered (a newer offer made before this email went makes it stale). */
    offer: z.object({ startsAt: z.iso.datetime(), endsAt: z.iso.datetime(), place: z.string() }).optional(),
  }),
  async run(deps, { requestId, kind, ref, offer }) {
    const found = await findFollowup(deps.db, requestId);
    if (!found) return { sent: 0, gone: true };
    const r = found.request;
    if (kind === 'scheduled' && (r.status !== 'scheduled' || r.startsAt?.toISOString() !== offer?.startsAt || r.endsAt?.toISOString() !== offer?.endsAt || r.place !== offer?.place)) return { sent: 0, stale: true };
    const message = kind === 'scheduled' ? null : await findMessage(deps.db, ref);
    if (kind !== 'scheduled' && !message) return { sent: 0, gone: true };
    const [people, children, guardianRows] = await Promise.all([userNames(deps.db, [r.requestedBy, r.teacherId]), studentNames(deps.db, [r.studentId]), guardiansOfStudents(deps.db, [r.studentId])]);
    const teacher = people.find((p) => p.userId === r.teacherId);
    const guardian = people.find((p) => p.userId === r.requestedBy);
    const child = children[0] ? `${children[0].givenName} ${children[0].familyName}`.trim() : '';
    const toTeacher = kind === 'requested' || kind === 'family_wrote';
    const to = toTeacher ? teacher : guardian;
    if (!to?.email || !teacher || !guardian) return { sent: 0, noEmail: true };
    const language = toTeacher ? null : guardianRows.find((g) => g.userId === guardian.userId)?.language;
    const locale: LocaleTag = matchLocale([to.preferredLocale, language, found.schoolLocale]) ?? 'en';
    const say = (key: string, values: Record<string, string | number> = {}) => deps.i18n.t(locale, `followup.mail.${key}`, values);
    const first = (name: string) => name.split(' ')[0] ?? name;
    const url = toTeacher ? `${deps.config.publicUrl}/followups` : `${deps.config.publicUrl}/conferences/${r.conferenceId}/family`;
    const values = { name: first(to.name), guardian: guardian.name, teacher: teacher.name, child, round: found.roundName, school: found.schoolName, url };
    if (kind !== 'scheduled') {
      await deps.mailer.send(
        { to: to.email, subject: say(`${kind}_subject`, values), text: [say(`${kind}_text`, values), '', message!.body, '', say(toTeacher ? 'answer_teacher' : 'answer_family', values)].join('\n') },
        { dedupeKey: `followup-mail:${requestId}:${kind}:${ref}` },
      );
      return { sent: 1 };
    }
    const when = new Intl.DateTimeFormat(locale, { timeZone: found.timeZone, weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' }).format(r.startsAt!);
    const summary = say('summary', values);
    const ics = meetingInvite(
      {
        uid: `followup-${r.id}@confer`,
        // Each time offered is a later change of the same meeting: seconds since the request was made only grow.
        sequence: Math.max(0, Math.floor((r.updatedAt.getTime() - r.createdAt.getTime()) / 1000)),
        start: r.startsAt!,
        end: r.endsAt!,
        timeZone: found.timeZone,
        summary,
        description: [child, teacher.name].join('\n'),
        location: r.place || null,
        url,
        organizer: { name: found.schoolName, email: teacher.email },
        attendees: [
          { name: guardian.name, email: guardian.email },
          { name: teacher.name, email: teacher.email },
        ],
        lastModified: r.updatedAt,
      },
      {},
    );
    const lines = [say('scheduled_text', { ...values, when }), r.place ? say('where', { place: r.place }) : null, '', say('answer_family', values)].filter((l): l is string => l !== null);
    await deps.mailer.send(
      { to: to.email, subject: say('scheduled_subject', { ...values, when }), text: lines.join('\n'), attachments: [{ filename: 'followup.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: ics }] },
      { dedupeKey: `followup-mail:${requestId}:scheduled:${ref}` },
    );
    return { sent: 1 };
  },
});

async function queueFollowupMail(deps: Pick<Deps, 'db' | 'now'>, requestId: string, kind: MailKind, ref: string, offer?: { startsAt: string; endsAt: string; place: string }): Promise<void> {
  await enqueue(deps, followupMailJob, { requestId, kind, ref, offer }, { idempotencyKey: `followup-mail:${requestId}:${kind}:${ref}` });
}

/**
 * Reflections afterwards. Once a conference has ended with the family there, the child and each
 * guardian of the family answer a short survey for themselves — "Was it worthwhile?" (1–5), what
 * did you learn, what would make it better — in their own language; a guardian may also post a
 * reflection to the child's portfolio, as the family's. The class's teachers read the results of
 * their class per round, the admin every class of a round with totals, with the comments and who
 * wrote them (role and first name).
 *
 * Who answers is `conferenceAccess`'s: the child (`isChild`) and the booking's family (`family`:
 * when separated guardians each booked their own meeting, each answers only about their own), and
 * only they: a teacher reads results, they do not answer.
 *
 * Worked example: Ms Okafor presses "Conference ended" on Ana's conference (Luis came). The
 * invitation job mails Luis — in Spanish, his language — a link to /conferences/<id>/survey?lang=es;
 * Ana's other guardian, who attends separately and booked her own meeting, is not mailed about this
 * one. Ana answers with the faces on the class tablet (4, "I showed my story"); Luis answers 5 and
 * posts "Estamos muy orgullosos" to Ana's portfolio, shown there as "From Ana's family". The Owls
 * results page for the round then counts 2 answers of 2 who could (Ana, Luis), mean 4.5, and lists
 * Ana's words as "Ana (child)".
 */
import { z } from 'zod';
import type { ClassSurveysView, RoundSurveysView, SurveyCommentView, SurveyView, SummariesView } from '../../../contracts/surveys';
import { matchLocale, type LocaleTag } from '../../../contracts/locales';
import { checkAnswer, FAMILY_REFLECTION_MAX, summariseByRole, type SurveyRole } from '../../../domain/conference/survey';
import { wallClockOf } from '../../../domain/booking/slots';
import { DomainError } from '../../../domain/errors';
import { can, type Actor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { defineJob, enqueue } from '../../jobs/runner';
import { guardiansOfStudents, studentNames, userNames, type BookingRow, type ChildGuardian } from '../booking/booking.repo';
import { insertPost } from '../portfolio/portfolio.repo';
import { authorize } from '../school/authorize';
import { findSchool } from '../school/school.repo';
import { conferenceAccess, type ConferenceAccess } from './access';
import { findConferenceWithBooking, type ConferenceRow } from './conference.repo';
import {
  answersOf,
  classesOfRound,
  endedConferencesOfRound,
  findAnswer,
  findClass,
  findRound,
  roundsOfClass,
  saveAnswer,
  type SurveyRow,
} from './surveys.repo';

/** The survey is open once the conference has ended, unless the family did not come. */
const isOpen = (c: Pick<ConferenceRow, 'status' | 'attendance'>) => c.status === 'ended' && c.attendance !== 'no_show';

/**
 * The guardians a booking's survey is for: the household that booked, and — for a family's shared
 * meeting — the child's other guardians who do not attend separately; for a separated guardian's
 * own meeting, that guardian only. (The same people the family's booking names as its adults.)
 */
export function familyOf(booking: Pick<BookingRow, 'party' | 'householdUserId'>, guardians: ReadonlyArray<ChildGuardian>): ChildGuardian[] {
  const seen = new Set<string>();
  return guardians.filter((g) => {
    if (g.archived || seen.has(g.userId)) return false;
    const ofFamily = booking.party === 'family' ? g.userId === booking.householdUserId || !g.attendsSeparately : g.userId === booking.party || g.userId === booking.householdUserId;
    if (ofFamily) seen.add(g.userId);
    return ofFamily;
  });
}

/** Whether the reader answers as the child or as one of the family; anyone else may not. */
function answererOf(access: ConferenceAccess): SurveyRole {
  if (!can(access.actor, 'survey.answer', access.subject)) throw new DomainError('forbidden');
  if (access.isChild) return 'student';
  if (access.family) return 'guardian';
  throw new DomainError('forbidden');
}

const answerView = (row: SurveyRow | undefined) =>
  row ? { worthwhile: row.worthwhile, learned: row.learned, better: row.better, language: row.language, updatedAt: row.updatedAt.toISOString() } : null;

export async function getSurvey(deps: Deps, actor: Actor, conferenceId: string): Promise<SurveyView> {
  const access = await conferenceAccess(deps, actor, conferenceId);
  const role = answererOf(access);
  const { conference: c, booking: b } = access;
  const [[student], [teacher], school, answer] = await Promise.all([
    studentNames(deps.db, [c.studentId]),
    userNames(deps.db, [b.teacherId]),
    findSchool(deps.db, c.schoolId),
    findAnswer(deps.db, c.id, access.actor.userId),
  ]);
  return {
    conferenceId: c.id,
    role,
    student: { id: c.studentId, givenName: student?.givenName ?? '' },
    teacher: { name: teacher?.name ?? '' },
    startsAt: b.startsAt.toISOString(),
    timeZone: school?.timeZone ?? 'UTC',
    status: c.status,
    attendance: c.attendance,
    canAnswer: isOpen(c),
    answer: answerView(answer),
    canReflect: role === 'guardian' && isOpen(c),
  };
}

/** Open: the conference has ended (else `conference_not_ended`) with the family there (else `forbidden`). */
function needOpen(c: ConferenceRow): void {
  if (c.status !== 'ended') throw new DomainError('conference_not_ended');
  if (!isOpen(c)) throw new DomainError('forbidden');
}

/** My answer, in the language of the page I answered on; answering again changes it. */
export async function answerSurvey(deps: Deps, actor: Actor, conferenceId: string, body: { worthwhile: number; learned?: string | undefined; better?: string | undefined }, language: LocaleTag): Promise<SurveyView> {
  const access = await conferenceAccess(deps, actor, conferenceId);
  const role = answererOf(access);
  needOpen(access.conference);
  const checked = checkAnswer(body);
  if (checked.problems) throw new DomainError('validation_failed', { fields: checked.problems });
  await saveAnswer(deps.db, { conferenceId, userId: access.actor.userId, role, language, ...checked.answer }, deps.now());
  return getSurvey(deps, actor, conferenceId);
}

/**
 * A guardian's reflection on the child's portfolio: a post by them (`authorRole: 'guardian'`),
 * approved at once (the family's own words need no teacher's approval to reach the family), so the
 * child, the family and the child's teachers see it "From Ana's family". It is not in any class's
 * approval queue (no class) and does not start a daily digest (it is not the child's new work).
 */
export async function postFamilyReflection(deps: Deps, actor: Actor, conferenceId: string, text: string): Promise<string> {
  const access = await conferenceAccess(deps, actor, conferenceId);
  if (answererOf(access) !== 'guardian') throw new DomainError('forbidden');
  needOpen(access.conference);
  const words = text.trim();
  if (!words) throw new DomainError('validation_failed', { fields: { text: 'required' } });
  if ([...words].length > FAMILY_REFLECTION_MAX) throw new DomainError('validation_failed', { fields: { text: 'too_big' } });
  const now = deps.now();
  const c = access.conference;
  return insertPost(deps.db, {
    post: {
      schoolId: c.schoolId,
      studentId: c.studentId,
      classId: null,
      authorId: access.actor.userId,
      authorRole: 'guardian',
      status: 'approved',
      approvedAt: now,
      createdAt: now,
      updatedAt: now,
    },
    items: [{ kind: 'text', text: words }],
    tagIds: [],
  });
}

// ---- the invitation emails

export const surveyInvitationJob = defineJob({
  kind: 'survey-invitation',
  version: 1,
  payload: z.object({ conferenceId: z.uuid() }),
  async run(deps, { conferenceId }) {
    const found = await findConferenceWithBooking(deps.db, conferenceId);
    if (!found) return { sent: 0, gone: true };
    const { conference: c, booking: b } = found;
    if (c.status !== 'ended' || c.attendance !== 'attended') return { sent: 0, notHeld: true };
    const [[student], [teacher], school, guardians] = await Promise.all([
      studentNames(deps.db, [c.studentId]),
      userNames(deps.db, [b.teacherId]),
      findSchool(deps.db, c.schoolId),
      guardiansOfStudents(deps.db, [c.studentId]),
    ]);
    let sent = 0;
    for (const g of familyOf(b, guardians)) {
      if (!g.email) continue;
      // Answered already (the job ran late, or again): nothing to ask.
      if (await findAnswer(deps.db, c.id, g.userId)) continue;
      const locale = matchLocale([g.preferredLocale, g.language, school?.locale]) ?? 'en';
      const values = {
        name: g.givenName,
        child: student?.givenName ?? '',
        teacher: teacher?.name ?? '',
        school: school?.name ?? '',
        date: new Intl.DateTimeFormat(locale, { timeZone: school?.timeZone ?? 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(b.startsAt),
        url: `${deps.config.publicUrl}/conferences/${c.id}/survey?lang=${locale}`,
      };
      await deps.mailer.send(
        { to: g.email, subject: deps.i18n.t(locale, 'surveys.mail.subject', values), text: deps.i18n.t(locale, 'surveys.mail.text', values) },
        { dedupeKey: `survey-invitation:${c.id}:${g.userId}` },
      );
      sent += 1;
    }
    return { sent };
  },
});

/** Called once a conference has ended (features/conference/conference.ts): invites the family, if they came. */
export async function conferenceEnded(deps: Deps, conferenceId: string): Promise<void> {
  const found = await findConferenceWithBooking(deps.db, conferenceId);
  if (!found || found.conference.status !== 'ended' || found.conference.attendance !== 'attended') return;
  await enqueue(deps, surveyInvitationJob, { conferenceId }, { idempotencyKey: `survey-invitation:${conferenceId}` });
}

// ---- results

type EndedRow = Awaited<ReturnType<typeof endedConferencesOfRound>>[number];

interface Results {
  summary: SummariesView;
  comments: SurveyCommentView[];
}

const noResults = (): Results => ({ summary: summariseByRole([], { student: 0, guardian: 0 }), comments: [] });

/** What some ended conferences' answers add up to: each conference invites the child and its family's guardians. */
async function resultsOf(deps: Deps, rows: ReadonlyArray<EndedRow>): Promise<Results> {
  const byConference = new Map(rows.map((r) => [r.conferenceId, r]));
  if (byConference.size === 0) return noResults();
  const studentIds = [...new Set(rows.map((r) => r.studentId))];
  const [guardians, answers, children] = await Promise.all([guardiansOfStudents(deps.db, studentIds), answersOf(deps.db, [...byConference.keys()]), studentNames(deps.db, studentIds)]);
  let guardianInvites = 0;
  for (const r of byConference.values()) guardianInvites += familyOf(r, guardians.filter((g) => g.studentId === r.studentId)).length;
  const childName = new Map(children.map((s) => [s.studentId, s.givenName]));
  return {
    summary: summariseByRole(answers, { student: byConference.size, guardian: guardianInvites }),
    comments: answers
      .filter((a) => a.learned || a.better)
      .map((a) => ({
        role: a.role,
        firstName: a.givenName,
        child: childName.get(byConference.get(a.conferenceId)!.studentId) ?? '',
        language: a.language,
        worthwhile: a.worthwhile,
        learned: a.learned,
        better: a.better,
        at: a.updatedAt.toISOString(),
      })),
  };
}

/** A class's results for one round (the latest that has begun, unless given): its teachers and the admin. */
export async function classSurveys(deps: Deps, actor: Actor, classId: string, roundId?: string): Promise<ClassSurveysView> {
  const cls = await findClass(deps.db, classId);
  if (!cls) throw new DomainError('not_found');
  authorize(actor, 'survey.results', { type: 'class', classId, schoolId: cls.schoolId });
  const rounds = (await roundsOfClass(deps.db, classId)).filter((r) => r.schoolId === cls.schoolId).map(({ id, name, startsOn }) => ({ id, name, startsOn }));
  // Unless asked for one: the latest round that has begun (a round still to come has no answers yet).
  const today = wallClockOf(deps.now(), (await findSchool(deps.db, cls.schoolId))?.timeZone ?? 'UTC').date;
  const round = roundId ? rounds.find((r) => r.id === roundId) : (rounds.find((r) => r.startsOn <= today) ?? rounds[0]);
  if (roundId && !round) throw new DomainError('validation_failed', { fields: { 'querystring.roundId': 'unknown_round' } });
  const results = round ? await resultsOf(deps, await endedConferencesOfRound(deps.db, round.id, classId)) : noResults();
  return { class: { id: cls.id, name: cls.name }, rounds, round: round ?? null, ...results };
}

/** Every class of a round, and the round as a whole: the school's admin. */
export async function roundSurveys(deps: Deps, actor: Actor, roundId: string): Promise<RoundSurveysView> {
  const round = await findRound(deps.db, roundId);
  if (!round) throw new DomainError('not_found');
  authorize(actor, 'survey.results', { type: 'school', schoolId: round.schoolId });
  const [classList, rows] = await Promise.all([classesOfRound(deps.db, roundId), endedConferencesOfRound(deps.db, roundId)]);
  const classes: RoundSurveysView['classes'] = [];
  for (const cls of classList) classes.push({ class: cls, ...(await resultsOf(deps, rows.filter((r) => r.classId === cls.id))) });
  const totals = await resultsOf(deps, rows);
  return { round: { id: round.id, name: round.name, startsOn: round.startsOn }, totals: totals.summary, classes };
}

/**
 * Conferencing at a glance: the teacher's follow-ups due (their home), a class's overview (when each
 * child last conferenced, their open next steps, requests waiting, pupils' notes to review,
 * pairings), a pupil's own (the children they conference, their requests), and a child's learning
 * journey — posts, conferences and goals in one timeline, each as far as the reader may see it.
 */
import type { ClassConferencing, Journey, JourneyEntry, MyConferencing } from '../../../contracts/conferencing';
import { followUpsDue, type FollowUp } from '../../../domain/conferencing/log';
import { defaultsFor } from '../../../domain/conferencing/stages';
import { DomainError } from '../../../domain/errors';
import { schoolToday } from '../../../domain/goals/periods';
import { can, type Actor } from '../../../domain/permissions/index';
import { canSeePost } from '../../../domain/portfolio/posts';
import type { Deps } from '../../deps';
import { accessOf } from '../portfolio/access';
import { authorize } from '../school/authorize';
import { childConferencing, mayRead, stagesOf } from './access';
import {
  activePairingsOf,
  checkinsOfStudent,
  childrenOfClasses,
  conferencesOfStudent,
  findChildren,
  findClass,
  findConferencingSettings,
  followUpsUpTo,
  goalsOf,
  latestConferences,
  openRequestsOf,
  pendingNotesFor,
  postsOfStudentForJourney,
  pupilsFromGrade,
  requestsOfStudent,
  stepsOf,
} from './conferencing.repo';
import { pairingsOfChildren } from './pairings';
import { childRefOf, presentCards, presentSummaries, stepViewOf } from './present';
import { presentRequests } from './requests';

const JOURNEY_PAGE = 30;

function latestByChild(rows: Awaited<ReturnType<typeof latestConferences>>) {
  const latest = new Map<string, (typeof rows)[number]>();
  const counts = new Map<string, number>();
  for (const r of rows) {
    if (!latest.has(r.studentId)) latest.set(r.studentId, r);
    counts.set(r.studentId, (counts.get(r.studentId) ?? 0) + 1);
  }
  return { latest, counts };
}

export async function getMyConferencing(deps: Deps, actor: Actor): Promise<MyConferencing> {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  const empty: MyConferencing = { followUps: [], openRequests: 0, notesToReview: 0, partners: [], canRequest: false, requests: [] };
  const result = { ...empty };
  const classIds = actor.teaches.map((t) => t.classId);
  if (classIds.length) {
    const schoolId = actor.teaches[0]!.schoolId;
    const settings = await findConferencingSettings(deps.db, schoolId);
    const today = schoolToday(deps.now(), settings?.timeZone ?? 'UTC');
    const kids = [...new Map((await childrenOfClasses(deps.db, classIds)).map((c) => [c.id, c])).values()];
    const ids = kids.map((k) => k.id);
    const horizon = new Date(`${today}T12:00:00Z`);
    horizon.setUTCDate(horizon.getUTCDate() + 7);
    const [candidates, latest, requests, pending] = await Promise.all([
      followUpsUpTo(deps.db, ids, horizon.toISOString().slice(0, 10)),
      latestConferences(deps.db, ids),
      openRequestsOf(deps.db, ids),
      pendingNotesFor(deps.db, ids),
    ]);
    const { latest: latestOf } = latestByChild(latest);
    const due = followUpsDue(candidates as Array<FollowUp & { subject: string }>, new Map([...latestOf].map(([k, v]) => [k, { heldOn: v.heldOn, conferenceId: v.id }])), today);
    const byId = new Map(kids.map((k) => [k.id, k]));
    result.followUps = due.map((d) => ({ conferenceId: d.conferenceId, student: childRefOf(byId.get(d.studentId)!), followUpOn: d.followUpOn, daysLate: d.daysLate, subject: d.subject }));
    result.openRequests = requests.filter((r) => r.status === 'open').length;
    result.notesToReview = pending.length;
  }
  if (actor.student) {
    const me = actor.student;
    const pairings = (await activePairingsOf(deps.db, [me.studentId])).filter((p) => p.conferencerId === me.studentId);
    const partners = await findChildren(deps.db, pairings.map((p) => p.partnerId));
    const byId = new Map(partners.map((c) => [c.id, c]));
    result.partners = pairings.flatMap((p) => (byId.has(p.partnerId) ? [{ pairingId: p.id, partner: childRefOf(byId.get(p.partnerId)!) }] : []));
    const access = await childConferencing(deps, actor, me.studentId, 'conferencing.read');
    result.canRequest = access.request;
    result.requests = await presentRequests(deps, (await requestsOfStudent(deps.db, me.studentId, 5)).filter((r) => r.status !== 'done' || r.createdAt.getTime() > deps.now().getTime() - 14 * 86_400_000));
  }
  return result;
}

export async function getClassConferencing(deps: Deps, actor: Actor, classId: string): Promise<ClassConferencing> {
  const klass = await findClass(deps.db, classId);
  if (!klass) throw new DomainError('not_found');
  authorize(actor, 'conferencing.class', { type: 'class', schoolId: klass.schoolId, classId });
  const settings = await findConferencingSettings(deps.db, klass.schoolId);
  const { stages } = stagesOf(settings?.stages);
  const today = schoolToday(deps.now(), settings?.timeZone ?? 'UTC');
  const kids = await childrenOfClasses(deps.db, [classId]);
  const ids = kids.map((k) => k.id);
  const [latest, requests, pending, pairings, published] = await Promise.all([
    latestConferences(deps.db, ids),
    openRequestsOf(deps.db, ids),
    pendingNotesFor(deps.db, ids),
    pairingsOfChildren(deps, ids),
    Promise.all(ids.map((id) => conferencesOfStudent(deps.db, id, { limit: 50 }))),
  ]);
  const { latest: latestOf, counts } = latestByChild(latest);
  const publishedIds = published.flat().filter((c) => c.status === 'published');
  const steps = await stepsOf(deps.db, publishedIds.map((c) => c.id));
  const studentOf = new Map(publishedIds.map((c) => [c.id, c.studentId]));
  const byId = new Map(kids.map((k) => [k.id, k]));
  const pendingSummaries = await presentSummaries(deps, pending);
  const youngest = kids.length ? Math.min(...kids.map((k) => k.gradeLevel)) : 0;
  const classIds = new Set(ids);
  const candidates = (await pupilsFromGrade(deps.db, klass.schoolId, youngest)).map((c) => ({ ...childRefOf(c), gradeLevel: c.gradeLevel, inClass: classIds.has(c.id) }));
  return {
    class: { id: klass.id, name: klass.name, yearGroup: klass.yearGroup },
    today,
    children: kids.map((k) => {
      const last = latestOf.get(k.id);
      return {
        student: childRefOf(k),
        stage: defaultsFor(stages, k.gradeLevel).stage?.name ?? null,
        lastHeldOn: last?.heldOn ?? null,
        lastType: last?.type ?? null,
        conferences: counts.get(k.id) ?? 0,
        openSteps: steps.filter((s) => !s.doneAt && studentOf.get(s.conferenceId) === k.id).map((s) => ({ ...stepViewOf(s), conferenceId: s.conferenceId })),
        followUpOn: last?.followUpOn ?? null,
        openRequests: requests.filter((r) => r.studentId === k.id && r.status === 'open').length,
      };
    }),
    requests: await presentRequests(deps, requests),
    toReview: pending.flatMap((p, i) => (byId.has(p.studentId) ? [{ ...pendingSummaries[i]!, student: childRefOf(byId.get(p.studentId)!) }] : [])),
    pairings,
    // Older pupils first; the class's own children (peers) last.
    candidates: [...candidates.filter((c) => !c.inClass), ...candidates.filter((c) => c.inClass)].map(({ inClass: _i, ...c }) => c),
  };
}

/**
 * A child's learning journey, newest first, a page at a time. Entries are in one fixed order —
 * by time, newest first, then by kind and id — so a page ends at a place, not only a moment: a
 * cursor names the last entry shown ("2026-11-20T12:00:00.000Z conference <id>"), and the next
 * page starts right after it even when entries share its moment (two conferences on one day both
 * sit at its noon). `before` (a time) gives the entries strictly earlier than it.
 */
export async function getJourney(deps: Deps, actor: Actor, studentId: string, page: { before?: string | undefined; cursor?: string | undefined } = {}): Promise<Journey> {
  const access = await childConferencing(deps, actor, studentId, 'journey.read');
  const portfolio = accessOf(access.actor, access.subject);
  const statuses = (['approved', 'pending', 'returned'] as const).filter((s) => canSeePost(portfolio, s));
  const [postRows, conferenceRows, goalRows, checkins] = await Promise.all([
    postsOfStudentForJourney(deps.db, studentId, [...statuses]),
    can(access.actor, 'conferencing.read', access.subject) ? conferencesOfStudent(deps.db, studentId) : Promise.resolve([]),
    can(access.actor, 'goals.read', access.subject) ? goalsOf(deps.db, studentId) : Promise.resolve([]),
    can(access.actor, 'goals.read', access.subject) ? checkinsOfStudent(deps.db, studentId) : Promise.resolve([]),
  ]);
  const conferences = conferenceRows.filter((c) => c.status === 'published' && mayRead(access, c));
  const steps = await stepsOf(deps.db, conferences.map((c) => c.id));
  const cards = new Map((await presentCards(deps, postRows.map((p) => p.id), () => true)).map((c) => [c.id, c]));
  const entries: JourneyEntry[] = [
    ...postRows.map((p): JourneyEntry => ({ kind: 'post', at: p.createdAt.toISOString(), id: p.id, caption: p.caption, text: cards.get(p.id)?.text ?? null, thumbnail: cards.get(p.id)?.thumbnail ?? null })),
    // A conference sits at noon of the day it was held (it has a day, not a time).
    ...conferences.map((c): JourneyEntry => ({ kind: 'conference', at: `${c.heldOn}T12:00:00.000Z`, id: c.id, type: c.type, subject: c.subject, barriers: c.barriers, steps: steps.filter((s) => s.conferenceId === c.id).map(stepViewOf) })),
    ...goalRows.map((g): JourneyEntry => ({ kind: 'goal_set', at: g.createdAt.toISOString(), id: g.id, what: g.what, status: g.status })),
    ...goalRows.filter((g) => g.status === 'achieved' && g.statusChangedAt).map((g): JourneyEntry => ({ kind: 'goal_achieved', at: g.statusChangedAt!.toISOString(), id: g.id, what: g.what })),
    ...checkins.map((c): JourneyEntry => ({ kind: 'checkin', at: c.createdAt.toISOString(), id: c.id, goalId: c.goalId, what: c.what, note: c.note })),
  ];
  const place = (e: JourneyEntry) => `${e.at} ${e.kind} ${e.id}`;
  entries.sort((a, b) => (place(a) < place(b) ? 1 : place(a) > place(b) ? -1 : 0));
  let from = entries;
  if (page.before) from = from.filter((e) => e.at < new Date(page.before!).toISOString());
  if (page.cursor) from = from.filter((e) => place(e) < page.cursor!);
  const shown = from.slice(0, JOURNEY_PAGE);
  const more = from.length > JOURNEY_PAGE;
  return { student: childRefOf(access.child), entries: shown, more, next: more ? place(shown.at(-1)!) : null };
}


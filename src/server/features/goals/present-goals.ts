/**
 * Rows → what the pages show: each goal with its check-ins and evidence, everyone's commitments,
 * the goals it continues, and what the reader may do; the commitment boxes. A guardian sees the
 * commitments of the family members they may see (not those of a parent who attends separately,
 * as on the child's page); evidence is shown only as far as the reader may see the post.
 */
import type { CheckinView, CommitmentView, EvidenceView, GoalView, PeriodView, StakeholderView } from '../../../contracts/goals';
import { chainBefore } from '../../../domain/goals/carry-forward';
import { stakeholderBoxes, type CommitmentRole } from '../../../domain/goals/commitments';
import { goalIsSet, isWritable, nextStatuses } from '../../../domain/goals/goals';
import { can } from '../../../domain/permissions/index';
import { canSeePost } from '../../../domain/portfolio/posts';
import type { Deps } from '../../deps';
import { presentMedia } from '../portfolio/present-posts';
import { familyView } from '../school/read-school';
import { listGuardiansOfStudent } from '../school/school.repo';
import type { GoalsAccess } from './access';
import { findPeople, findStudentPerson, listCheckins, listCommitments, listEvidence, teachersOfStudent, type GoalRow, type PeriodRow } from './goals.repo';

const TEXT_PREVIEW = 200;

export function presentPeriod(p: Pick<PeriodRow, 'id' | 'name' | 'startsOn' | 'endsOn'>): PeriodView {
  return { id: p.id, name: p.name, startsOn: p.startsOn, endsOn: p.endsOn };
}

/** The people who commit to this child's goals as this reader may see them, with names. */
export async function loadPeople(deps: Deps, access: GoalsAccess) {
  const child = await findStudentPerson(deps.db, access.subject.studentId);
  if (!child) throw new Error('student vanished');
  const teachers = await teachersOfStudent(deps.db, access.subject.studentId);
  const guardians = await listGuardiansOfStudent(deps.db, access.subject.studentId);
  // Staff and the child see every guardian; a guardian, those familyView lets them see.
  const seeAll = can(access.actor, 'student.contacts.read', access.subject) || access.role === 'student';
  const seen = seeAll ? guardians : (() => {
    const ids = new Set(familyView(guardians, access.actor.userId).map((g) => g.guardianId));
    return guardians.filter((g) => ids.has(g.guardianId));
  })();
  return { child, teachers, guardians: seen, seeAll };
}
export type People = Awaited<ReturnType<typeof loadPeople>>;

type CommitmentRowView = Awaited<ReturnType<typeof listCommitments>>[number];

/** Commitments the reader may see: a guardian does not see those of guardians hidden from them (nor of former guardians). */
function visibleCommitments(rows: CommitmentRowView[], people: People): CommitmentRowView[] {
  if (people.seeAll) return rows;
  const shown = new Set(people.guardians.map((g) => g.userId));
  return rows.filter((c) => c.role !== 'guardian' || shown.has(c.userId));
}

/** The boxes of the commitment area: one per person (the reader's own too, if they have a role). */
export async function presentStakeholders(deps: Deps, access: GoalsAccess, people: People, written: ReadonlyArray<{ userId: string; role: CommitmentRole; givenName: string; familyName: string }>, options: { includeMe?: boolean } = {}): Promise<StakeholderView[]> {
  const includeMe = (options.includeMe ?? true) && access.commit && access.role !== null;
  const me = access.actor.userId;
  const names = new Map<string, { givenName: string; familyName: string }>();
  names.set(people.child.userId, people.child);
  for (const t of people.teachers) names.set(t.userId, t);
  for (const g of people.guardians) names.set(g.userId, g);
  for (const w of written) names.set(w.userId, w);
  const extra = [...written.map((w) => ({ userId: w.userId, role: w.role }))];
  if (includeMe && !names.has(me)) {
    const [mine] = await findPeople(deps.db, [me]);
    if (mine) names.set(me, mine);
  }
  if (includeMe && access.role) extra.push({ userId: me, role: access.role });
  const boxes = stakeholderBoxes({ child: people.child.userId, teachers: people.teachers.map((t) => t.userId), guardians: people.guardians.map((g) => g.userId) }, extra);
  return boxes.map((b) => ({ userId: b.userId, role: b.role, givenName: names.get(b.userId)?.givenName ?? '', familyName: names.get(b.userId)?.familyName ?? '', me: b.userId === me }));
}

/**
 * The views of `shown` (goals of one child), given all that child's goals (for the chains) and the
 * school's periods. Returns the views and every visible commitment's writer (for the boxes).
 */
export async function presentGoals(deps: Deps, access: GoalsAccess, people: People, shown: GoalRow[], all: GoalRow[], periods: PeriodRow[]) {
  const byId = new Map(all.map((g) => [g.id, g]));
  const chains = new Map(shown.map((g) => [g.id, chainBefore(g, byId)]));
  const involved = [...new Set([...shown, ...[...chains.values()].flat()].map((g) => g.id))];
  const checkins = await listCheckins(deps.db, involved);
  const evidence = await listEvidence(deps.db, checkins.map((c) => c.id));
  const mediaById = new Map(evidence.mediaRows.map((m) => [m.id, presentMedia(m)]));
  const evidenceOf = (checkinId: string): EvidenceView[] =>
    evidence.links
      .filter((l) => l.checkinId === checkinId && canSeePost(access.portfolio, l.status))
      .map((l) => {
        const items = evidence.items.filter((i) => i.postId === l.postId);
        const picture = items.find((i) => (i.kind === 'photo' || i.kind === 'drawing') && i.mediaId && mediaById.has(i.mediaId));
        const text = items.find((i) => i.kind === 'text')?.text ?? null;
        return { id: l.postId, caption: l.caption, text: text ? text.slice(0, TEXT_PREVIEW) : null, thumbnail: picture?.mediaId ? (mediaById.get(picture.mediaId) ?? null) : null };
      });
  const checkinsOf = (goalId: string): CheckinView[] =>
    checkins
      .filter((c) => c.goalId === goalId)
      .map((c) => ({ id: c.id, note: c.note, createdAt: c.createdAt.toISOString(), author: { id: c.authorId, givenName: c.givenName ?? '', familyName: c.familyName ?? '' }, posts: evidenceOf(c.id) }));
  const commitments = await listCommitments(deps.db, shown.map((g) => g.id));
  const visible = visibleCommitments(commitments, people);
  const periodById = new Map(periods.map((p) => [p.id, presentPeriod(p)]));
  const periodOf = (id: string | null) => (id ? (periodById.get(id) ?? null) : null);
  const creators = new Map((await findPeople(deps.db, [...new Set(shown.map((g) => g.createdBy).filter((x): x is string => Boolean(x)))])).map((p) => [p.id, p]));

  const views: GoalView[] = shown.map((g) => {
    const writable = isWritable(g.status);
    const mine: CommitmentView[] = visible
      .filter((c) => c.goalId === g.id)
      .map((c) => ({ userId: c.userId, role: c.role, text: c.text, updatedAt: c.updatedAt.toISOString(), writer: { givenName: c.givenName, familyName: c.familyName } }));
    const creator = g.createdBy ? creators.get(g.createdBy) : undefined;
    return {
      id: g.id,
      studentId: g.studentId,
      reportPeriod: periodOf(g.reportPeriodId),
      roundId: g.roundId,
      what: g.what,
      measure: g.measure,
      status: g.status,
      statusChangedAt: g.statusChangedAt?.toISOString() ?? null,
      createdAt: g.createdAt.toISOString(),
      createdBy: creator ? { id: creator.id, givenName: creator.givenName, familyName: creator.familyName } : { id: null, givenName: '', familyName: '' },
      previousGoalId: g.previousGoalId,
      continuedBy: (() => {
        const next = all.find((x) => x.previousGoalId === g.id);
        return next ? { id: next.id, reportPeriod: periodOf(next.reportPeriodId) } : null;
      })(),
      history: (chains.get(g.id) ?? []).map((h) => ({ id: h.id, reportPeriod: periodOf(h.reportPeriodId), what: h.what, measure: h.measure, status: h.status, checkins: checkinsOf(h.id) })),
      checkins: checkinsOf(g.id),
      commitments: mine,
      set: goalIsSet(g, commitments.filter((c) => c.goalId === g.id)),
      can: {
        edit: access.manage && writable,
        statuses: access.changer ? nextStatuses(g.status, access.changer) : [],
        checkIn: access.manage && writable,
        commit: access.commit && writable,
      },
    };
  });
  return { views, writers: visible.map((c) => ({ userId: c.userId, role: c.role, givenName: c.givenName, familyName: c.familyName })) };
}

/** Rows → what the pages show: a child's card, a conference with its people, steps and links, post cards. */
import type { ChildRef, ConferenceSummary, PupilConferenceView, StepView } from '../../../contracts/conferencing';
import type { EvidenceView } from '../../../contracts/goals';
import type { MediaView } from '../../../contracts/portfolio';
import { can } from '../../../domain/permissions/index';
import { canSeePost } from '../../../domain/portfolio/posts';
import type { Deps } from '../../deps';
import { accessOf } from '../portfolio/access';
import { presentMedia } from '../portfolio/present-posts';
import type { ChildConferencing } from './access';
import { findChildren, findMediaRows, goalsOf, linksOf, peopleOf, postCards, stepsOf, conferencesOfGroup, findPeople, type PupilConferenceRow, type StepRow } from './conferencing.repo';

const TEXT_PREVIEW = 140;

export function childRefOf(c: { id: string; givenName: string; familyName: string; avatar: ChildRef['avatar']; yearGroup: string }): ChildRef {
  return { id: c.id, givenName: c.givenName, familyName: c.familyName, avatar: c.avatar, yearGroup: c.yearGroup };
}

export function stepViewOf(s: StepRow): StepView {
  return { id: s.id, text: s.text, owner: s.owner, dueOn: s.dueOn, done: s.doneAt !== null, goalId: s.goalId };
}

/** Small cards of these posts, in the order given, keeping only those `visible` says the reader may see. */
export async function presentCards(deps: Deps, postIds: string[], visible: (post: { id: string; studentId: string; status: 'pending' | 'approved' | 'returned' }) => boolean): Promise<Array<EvidenceView & { createdAt: string }>> {
  const cards = await postCards(deps.db, postIds);
  const mediaById = new Map(cards.mediaRows.map((m) => [m.id, presentMedia(m)]));
  const byId = new Map(cards.rows.map((r) => [r.id, r]));
  const out: Array<EvidenceView & { createdAt: string }> = [];
  for (const id of postIds) {
    const row = byId.get(id);
    if (!row || !visible(row)) continue;
    const items = cards.items.filter((i) => i.postId === id);
    const picture = items.find((i) => (i.kind === 'photo' || i.kind === 'drawing') && i.mediaId && mediaById.has(i.mediaId));
    const text = items.find((i) => i.kind === 'text')?.text ?? null;
    out.push({ id, caption: row.caption, text: text ? text.slice(0, TEXT_PREVIEW) : null, thumbnail: picture?.mediaId ? (mediaById.get(picture.mediaId) ?? null) : null, createdAt: row.createdAt.toISOString() });
  }
  return out;
}

async function mediaMap(deps: Deps, ids: Array<string | null>): Promise<Map<string, MediaView>> {
  return new Map((await findMediaRows(deps.db, ids.filter((x): x is string => Boolean(x)))).map((m) => [m.id, presentMedia(m)]));
}

export async function presentSummaries(deps: Deps, rows: PupilConferenceRow[]): Promise<ConferenceSummary[]> {
  const ids = rows.map((r) => r.id);
  const [people, steps, media] = await Promise.all([peopleOf(deps.db, ids), stepsOf(deps.db, ids), mediaMap(deps, rows.map((r) => r.stimulusMediaId))]);
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    heldOn: r.heldOn,
    subject: r.subject,
    status: r.status,
    authorRole: r.authorRole,
    conferencers: people.filter((p) => p.conferenceId === r.id).map((p) => ({ id: p.userId, givenName: p.givenName, familyName: p.familyName, role: p.role })),
    openSteps: steps.filter((s) => s.conferenceId === r.id && !s.doneAt).length,
    followUpOn: r.followUpOn,
    stimulus: r.stimulusMediaId ? (media.get(r.stimulusMediaId) ?? null) : null,
  }));
}

export async function presentConference(deps: Deps, access: ChildConferencing, row: PupilConferenceRow): Promise<PupilConferenceView> {
  const [[summary], links, steps, media, groupRows, authors] = await Promise.all([
    presentSummaries(deps, [row]),
    linksOf(deps.db, row.id),
    stepsOf(deps.db, [row.id]),
    mediaMap(deps, [row.childWordsAudioId]),
    row.groupId ? conferencesOfGroup(deps.db, row.groupId) : Promise.resolve([]),
    findPeople(deps.db, [row.authorId].filter((x): x is string => Boolean(x))),
  ]);
  const portfolio = accessOf(access.actor, access.subject);
  // The pupil who wrote it saw the pieces shared with them; anyone else sees a link as far as the portfolio lets them.
  const posts = await presentCards(deps, links.postIds, (p) => p.status === 'approved' && (canSeePost(portfolio, p.status) || row.authorId === access.actor.userId));
  const goalRows = can(access.actor, 'goals.read', access.subject) ? await goalsOf(deps.db, row.studentId, links.goalIds) : [];
  const others = await findChildren(deps.db, groupRows.filter((g) => g.studentId !== row.studentId).map((g) => g.studentId));
  const author = authors[0];
  return {
    ...summary!,
    student: childRefOf(access.child),
    stage: row.stage,
    focus: row.focus,
    childWords: row.childWords,
    childWordsAudio: row.childWordsAudioId ? (media.get(row.childWordsAudioId) ?? null) : null,
    stimulusPostId: row.stimulusPostId,
    strengths: row.strengths,
    barriers: row.barriers,
    steps: steps.map(stepViewOf),
    posts,
    goals: goalRows.map((g) => ({ id: g.id, what: g.what, status: g.status })),
    // Families and classmates are not told who else was in a group: only staff see the group.
    group: access.log ? others.map(childRefOf) : [],
    author: author ? { id: author.id, givenName: author.givenName, familyName: author.familyName } : null,
    reviewComment: row.authorId === access.actor.userId || access.log ? row.reviewComment : null,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    requestId: row.requestId,
    createdAt: row.createdAt.toISOString(),
    can: {
      edit: access.log,
      review: access.log && row.authorRole === 'pupil' && row.status === 'pending',
      makeGoal: row.status === 'published' && can(access.actor, 'goals.manage', access.subject),
    },
  };
}

/**
 * A child's preparation for a round: for each prompt of their classes, the pieces they picked from
 * their own approved posts, their answers (typed or recorded), and their "think pink" strengths
 * and "green for growth" next steps against the criteria they work to. Only the child picks and
 * answers; their teachers (and the admin) see it all, to help. Families see it at the conference.
 */
import type { ChildPreparation, PostSummary, SelectionView } from '../../../contracts/preparation';
import { DomainError } from '../../../domain/errors';
import { can, type Actor, type UserActor } from '../../../domain/permissions/index';
import { checkPicks } from '../../../domain/preparation/prompts';
import { isAnswered, readiness, type Readiness } from '../../../domain/preparation/readiness';
import type { Deps } from '../../deps';
import { findMedia } from '../media/media.repo';
import { presentMedia } from '../portfolio/present-posts';
import { loadPostDetails } from '../portfolio/portfolio.repo';
import { findStudentSubject } from '../school/school.repo';
import {
  answersOf,
  approvedPostIdsOf,
  criteriaOfChild,
  findChild,
  findPostsByIds,
  findPrompt,
  findRound,
  findSelection,
  listPrompts,
  listRounds,
  marksOf,
  preparationsOf,
  replaceMarks,
  replacePicks,
  roundGoalsOf,
  saveAnswer,
  savePreparation,
  selectionsOf,
  type AnswerRow,
  type PromptRow,
  type SelectionRow,
} from './preparation.repo';
import { presentPrompt } from './prompts';
import { languagesOfSchool, presentRound, roundInSchool } from './rounds';

interface ChildAccess {
  actor: UserActor;
  subject: { type: 'student'; studentId: string; schoolId: string; classIds: string[] };
  prepare: boolean;
  review: boolean;
}

/** The child's own preparation (`prepare`) or their teacher's view of it (`review`); anyone else: 403 in the school, else 404. */
export async function preparationAccess(deps: Deps, actor: Actor, studentId: string): Promise<ChildAccess> {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  const found = await findStudentSubject(deps.db, studentId);
  if (!found) throw new DomainError('not_found');
  const subject = { type: 'student' as const, studentId, ...found };
  const prepare = can(actor, 'preparation.own', subject);
  const review = can(actor, 'preparation.review', subject);
  if (!prepare && !review) throw new DomainError(can(actor, 'school.read', { type: 'school', schoolId: found.schoolId }) ? 'forbidden' : 'not_found');
  return { actor, subject, prepare, review };
}

/** Readiness of some children from rows already read: prompts of their classes, their selections and answers, goals, flags. */
export function readinessOf(
  child: { id: string; classIds: readonly string[] },
  prompts: readonly PromptRow[],
  rows: readonly SelectionRow[],
  answers: readonly AnswerRow[],
  goalSet: boolean,
  needsHelp: boolean,
): Readiness {
  const mine = prompts.filter((p) => child.classIds.includes(p.classId));
  return readiness({
    prompts: mine.map((p) => ({ id: p.id, pickCount: p.pickCount, questionIds: p.questions.map((q) => q.id) })),
    selections: rows
      .filter((s) => s.studentId === child.id)
      .map((s) => ({
        promptId: s.promptId,
        answeredQuestionIds: answers.filter((a) => a.selectionId === s.id && isAnswered(a)).map((a) => a.questionId),
        sentBack: s.returnedAt !== null,
      })),
    goalSet,
    needsHelp,
  });
}

async function summaries(deps: Deps, postIds: string[]): Promise<Map<string, PostSummary>> {
  const rows = await findPostsByIds(deps.db, postIds);
  const { items, mediaRows } = await loadPostDetails(deps.db, rows);
  const media = new Map(mediaRows.map((m) => [m.id, presentMedia(m)]));
  return new Map(
    rows.map((p) => {
      const mine = items.filter((i) => i.postId === p.id);
      const pictured = mine.find((i) => (i.kind === 'photo' || i.kind === 'drawing') && i.mediaId);
      const first = mine[0];
      return [
        p.id,
        {
          id: p.id,
          caption: p.caption,
          createdAt: p.createdAt.toISOString(),
          cover: pictured?.mediaId ? (media.get(pictured.mediaId) ?? null) : null,
          firstKind: first?.kind ?? 'text',
          firstText: first?.text ?? null,
        },
      ];
    }),
  );
}

export async function getStudentRounds(deps: Deps, actor: Actor, studentId: string) {
  const access = await preparationAccess(deps, actor, studentId);
  const rounds = await listRounds(deps.db, access.subject.schoolId);
  const out = [];
  for (const round of rounds) {
    const prompts = await listPrompts(deps.db, round.id, access.subject.classIds);
    out.push({ ...presentRound(round), promptCount: prompts.length, readiness: prompts.length ? await childReadiness(deps, round.id, { id: studentId, classIds: access.subject.classIds }, prompts) : null });
  }
  return { rounds: out };
}

async function childReadiness(deps: Deps, roundId: string, child: { id: string; classIds: string[] }, prompts: PromptRow[]): Promise<Readiness> {
  const rows = await selectionsOf(deps.db, prompts.map((p) => p.id), [child.id]);
  const answers = await answersOf(deps.db, rows.map((r) => r.id));
  const goals = await roundGoalsOf(deps.db, roundId, [child.id]);
  const [flags] = await preparationsOf(deps.db, roundId, [child.id]);
  return readinessOf(child, prompts, rows, answers, goals.some((g) => g.childCommitted && g.what.trim()), flags?.needsHelp ?? false);
}

export async function getChildPreparation(deps: Deps, actor: Actor, studentId: string, roundId: string): Promise<ChildPreparation> {
  const access = await preparationAccess(deps, actor, studentId);
  const round = await roundInSchool(deps, actor, roundId);
  if (round.schoolId !== access.subject.schoolId) throw new DomainError('not_found');
  const child = await findChild(deps.db, studentId);
  const prompts = await listPrompts(deps.db, roundId, access.subject.classIds);
  const rows = await selectionsOf(deps.db, prompts.map((p) => p.id), [studentId]);
  const answers = await answersOf(deps.db, rows.map((r) => r.id));
  const marks = await marksOf(deps.db, rows.map((r) => r.id));
  const posts = await summaries(deps, rows.map((r) => r.postId));
  const audioIds = answers.map((a) => a.audioMediaId).filter((x): x is string => Boolean(x));
  const audio = new Map<string, ReturnType<typeof presentMedia>>();
  for (const mediaId of audioIds) {
    const m = await findMedia(deps.db, mediaId);
    if (m) audio.set(mediaId, presentMedia(m));
  }
  const goals = await roundGoalsOf(deps.db, roundId, [studentId]);
  const [flags] = await preparationsOf(deps.db, roundId, [studentId]);
  const criteriaRows = await criteriaOfChild(deps.db, access.subject.schoolId, access.subject.classIds);
  const mediaUrl = async (id: string | null, variant: string) => {
    if (!id) return null;
    const m = await findMedia(deps.db, id);
    return m?.status === 'ready' && m.variants[variant] ? `/api/media/${id}/${variant}` : m?.status === 'ready' ? `/api/media/${id}` : null;
  };
  const criteria = [];
  for (const c of criteriaRows) {
    criteria.push({ id: c.id, listTitle: c.listTitle, wording: c.wording, picture: c.picture, imageUrl: await mediaUrl(c.imageMediaId, 'sm.webp'), audioUrl: await mediaUrl(c.audioMediaId, 'original') });
  }
  const selectionView = (s: SelectionRow): SelectionView => ({
    id: s.id,
    post: posts.get(s.postId) as PostSummary,
    answers: answers.filter((a) => a.selectionId === s.id).map((a) => ({ questionId: a.questionId, text: a.text, audio: a.audioMediaId ? (audio.get(a.audioMediaId) ?? null) : null })),
    marks: marks.filter((m) => m.selectionId === s.id).map((m) => ({ criterionId: m.criterionId, kind: m.kind })),
    sentBack: s.returnedAt && s.returnComment ? { comment: s.returnComment, at: s.returnedAt.toISOString() } : null,
  });
  const { schoolLocale } = await languagesOfSchool(deps, access.subject.schoolId);
  return {
    round: presentRound(round),
    schoolLocale,
    student: { id: studentId, givenName: child?.givenName ?? '', familyName: child?.familyName ?? '' },
    prompts: prompts.map((p) => {
      const { pickedBy: _unused, ...view } = presentPrompt(p, 0);
      void _unused;
      return { ...view, selections: rows.filter((s) => s.promptId === p.id && posts.has(s.postId)).map(selectionView) };
    }),
    criteria,
    goals: goals.map((g) => ({ id: g.id, what: g.what, childCommitted: g.childCommitted })),
    readiness: readinessOf({ id: studentId, classIds: access.subject.classIds }, prompts, rows, answers, goals.some((g) => g.childCommitted && g.what.trim()), flags?.needsHelp ?? false),
    scaffoldingNote: flags?.scaffoldingNote ?? null,
    can: { prepare: access.prepare, review: access.review },
  };
}

/** The prompt, if it is for one of the child's classes in this round; the child themself only. */
async function ownPrompt(deps: Deps, actor: Actor, studentId: string, roundId: string, promptId: string) {
  const access = await preparationAccess(deps, actor, studentId);
  if (!access.prepare) throw new DomainError('forbidden');
  const prompt = await findPrompt(deps.db, promptId);
  if (!prompt || prompt.roundId !== roundId || !access.subject.classIds.includes(prompt.classId) || !(await findRound(deps.db, roundId))) throw new DomainError('not_found');
  return { access, prompt };
}

export async function setPicks(deps: Deps, actor: Actor, studentId: string, roundId: string, promptId: string, postIds: string[]): Promise<void> {
  const { prompt } = await ownPrompt(deps, actor, studentId, roundId, promptId);
  const problem = checkPicks(prompt.pickCount, postIds, await approvedPostIdsOf(deps.db, studentId, postIds));
  if (problem) throw new DomainError('validation_failed', { fields: { [`postIds.${problem.index}`]: `pick_${problem.problem}` } });
  if (!(await replacePicks(deps.db, promptId, studentId, postIds, deps.now()))) throw new DomainError('not_found');
}

/** The selection, when it is the actor's own (the child's); with its prompt. */
async function ownSelection(deps: Deps, actor: Actor, selectionId: string) {
  const selection = await findSelection(deps.db, selectionId);
  if (!selection) throw new DomainError('not_found');
  const access = await preparationAccess(deps, actor, selection.studentId);
  if (!access.prepare) throw new DomainError('forbidden');
  const prompt = await findPrompt(deps.db, selection.promptId);
  // The prompt must still be for one of the child's classes, in a round that is still there.
  if (!prompt || !access.subject.classIds.includes(prompt.classId) || !(await findRound(deps.db, prompt.roundId))) throw new DomainError('not_found');
  return { selection, prompt, access };
}

export async function answerQuestion(deps: Deps, actor: Actor, selectionId: string, questionId: string, value: { text: string; audioMediaId: string | null }): Promise<void> {
  const { prompt, access } = await ownSelection(deps, actor, selectionId);
  if (!prompt.questions.some((q) => q.id === questionId)) throw new DomainError('not_found');
  if (value.audioMediaId) {
    // The child's own recording, in their school: someone else's upload cannot be passed off as theirs.
    const m = await findMedia(deps.db, value.audioMediaId);
    const existing = (await answersOf(deps.db, [selectionId])).find((a) => a.questionId === questionId);
    const reused = existing?.audioMediaId === value.audioMediaId;
    if (!m || m.schoolId !== access.subject.schoolId || (!reused && m.uploadedBy !== access.actor.userId) || m.kind !== 'audio' || m.status !== 'ready') {
      throw new DomainError('validation_failed', { fields: { audioMediaId: 'media_unknown' } });
    }
  }
  await saveAnswer(deps.db, selectionId, questionId, value, deps.now());
}

export async function markCriteria(deps: Deps, actor: Actor, selectionId: string, marks: Array<{ criterionId: string; kind: 'strength' | 'next_step' }>): Promise<void> {
  const { access } = await ownSelection(deps, actor, selectionId);
  const allowed = new Set((await criteriaOfChild(deps.db, access.subject.schoolId, access.subject.classIds)).map((c) => c.id));
  const seen = new Set<string>();
  for (const [i, m] of marks.entries()) {
    if (!allowed.has(m.criterionId) || seen.has(m.criterionId)) throw new DomainError('validation_failed', { fields: { [`marks.${i}.criterionId`]: 'unknown_criterion' } });
    seen.add(m.criterionId);
  }
  await replaceMarks(deps.db, selectionId, marks);
}

/** "I need help": the child asks; their teacher sees it on the board. */
export async function askForHelp(deps: Deps, actor: Actor, studentId: string, roundId: string, needsHelp: boolean): Promise<void> {
  const access = await preparationAccess(deps, actor, studentId);
  if (!access.prepare) throw new DomainError('forbidden');
  const round = await roundInSchool(deps, actor, roundId);
  if (round.schoolId !== access.subject.schoolId) throw new DomainError('not_found');
  await savePreparation(deps.db, roundId, studentId, { needsHelp }, deps.now());
}

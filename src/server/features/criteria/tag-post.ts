/**
 * Tagging work: which success criteria a piece shows (the child on their own portfolio's posts,
 * or their teacher), and which standards (their teachers). The criteria must be the child's — of
 * the lists of their classes — or already on the post.
 *
 * Tags do not send a post back for approval: a child who ticks "I used capital letters" on an
 * approved post changes no words or pictures a family sees unchecked — only which of the class's
 * own criteria (written by the teacher) are shown with it. Editing words or media still does (see
 * portfolio/edit-post.ts).
 */
import { checkTicks } from '../../../domain/criteria/lists';
import { DomainError } from '../../../domain/errors';
import { can, type Actor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { visiblePost } from '../portfolio/read-portfolio';
import { checkStandards } from './check-links';
import { criterionIdsOfPost, findLiveClass, replacePostCriteria, replacePostStandards, standardIdsOfPost } from './criteria.repo';
import { criterionIdsOfClass, criterionIdsOfStudent } from './read-criteria';

const fail = (fields: Record<string, string>) => {
  if (Object.keys(fields).length) throw new DomainError('validation_failed', { fields });
};

export async function setPostCriteria(deps: Deps, actor: Actor, postId: string, criterionIds: string[]): Promise<void> {
  const { row, access } = await visiblePost(deps, actor, postId);
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  if (!can(actor, 'post.criteria.tag', access.subject)) throw new DomainError('forbidden');
  const allowed = await criterionIdsOfStudent(deps, row.schoolId, row.studentId);
  const { ids, fields } = checkTicks(allowed, new Set(await criterionIdsOfPost(deps.db, postId)), criterionIds);
  fail(fields);
  await deps.db.transaction((tx) => replacePostCriteria(tx, postId, ids, actor.userId, deps.now()));
}

export async function setPostStandards(deps: Deps, actor: Actor, postId: string, identifiers: string[]): Promise<void> {
  const { row, access } = await visiblePost(deps, actor, postId);
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  if (!can(actor, 'post.standards.tag', access.subject)) throw new DomainError('forbidden');
  const wanted = await checkStandards(deps, row.schoolId, identifiers, new Set(await standardIdsOfPost(deps.db, postId)));
  await deps.db.transaction((tx) => replacePostStandards(tx, postId, row.schoolId, wanted, actor.userId, deps.now()));
}

/** For a new post: the criteria ticked, each once, after checking they are the child's (400 otherwise). */
export async function checkNewPostCriteria(deps: Deps, schoolId: string, studentId: string, criterionIds: readonly string[]): Promise<string[]> {
  if (criterionIds.length === 0) return [];
  const { ids, fields } = checkTicks(await criterionIdsOfStudent(deps, schoolId, studentId), new Set(), criterionIds);
  fail(fields);
  return ids;
}

/** For a group post: the criteria must be the class's (every child chosen is in it, so they are each child's). */
export async function checkGroupPostCriteria(deps: Deps, classId: string, criterionIds: readonly string[]): Promise<string[]> {
  if (criterionIds.length === 0) return [];
  const cls = await findLiveClass(deps.db, classId);
  const { ids, fields } = checkTicks(cls ? await criterionIdsOfClass(deps, cls) : new Set(), new Set(), criterionIds);
  fail(fields);
  return ids;
}

/**
 * A check-in on a goal: a note on how it is going, with some of the child's approved posts as
 * evidence (a post still waiting for approval, returned, or another child's is refused — the
 * family could not see it, or it is not this child's work). Only while the goal is being worked on.
 */
import { DomainError } from '../../../domain/errors';
import { isWritable } from '../../../domain/goals/goals';
import type { Actor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { goalWithAccess } from './access';
import { approvedPostsOf, insertCheckin } from './goals.repo';

export async function addCheckin(deps: Deps, actor: Actor, goalId: string, input: { note: string; postIds: string[] }): Promise<string> {
  const { goal, access } = await goalWithAccess(deps, actor, goalId);
  if (!access.manage) throw new DomainError('forbidden');
  if (!isWritable(goal.status)) throw new DomainError('conflict');
  const postIds = [...new Set(input.postIds)];
  const ok = await approvedPostsOf(deps.db, goal.studentId, postIds);
  const fields = Object.fromEntries(input.postIds.map((id, i) => [`postIds.${i}`, id] as const).filter(([, id]) => !ok.has(id)).map(([k]) => [k, 'not_childs_post']));
  if (Object.keys(fields).length) throw new DomainError('validation_failed', { fields });
  return insertCheckin(deps.db, { goalId, authorId: access.actor.userId, note: input.note, createdAt: deps.now() }, postIds);
}

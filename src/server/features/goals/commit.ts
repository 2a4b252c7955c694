/**
 * Writing, changing and removing one's own commitment to a child's goal. The address names whose
 * commitment it is (`me`, or a person's id) so that the rule is visible at the edge: anyone else's
 * is refused, whoever asks (domain/goals/commitments.ts). Only while the goal is being worked on.
 */
import { DomainError } from '../../../domain/errors';
import { mayWriteCommitment } from '../../../domain/goals/commitments';
import { isWritable } from '../../../domain/goals/goals';
import type { Actor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { goalWithAccess } from './access';
import { deleteCommitment, upsertCommitment } from './goals.repo';

async function ownCommitment(deps: Deps, actor: Actor, goalId: string, owner: string) {
  const { goal, access } = await goalWithAccess(deps, actor, goalId);
  const userId = owner === 'me' ? access.actor.userId : owner;
  if (!access.commit || !access.role || !mayWriteCommitment(access.actor, access.subject, userId)) throw new DomainError('forbidden');
  if (!isWritable(goal.status)) throw new DomainError('conflict');
  return { userId, role: access.role };
}

export async function writeCommitment(deps: Deps, actor: Actor, goalId: string, owner: string, text: string): Promise<void> {
  const { userId, role } = await ownCommitment(deps, actor, goalId, owner);
  await upsertCommitment(deps.db, { goalId, userId, role, text, at: deps.now() });
}

export async function removeCommitment(deps: Deps, actor: Actor, goalId: string, owner: string): Promise<void> {
  const { userId } = await ownCommitment(deps, actor, goalId, owner);
  await deleteCommitment(deps.db, goalId, userId);
}

/**
 * Comments on an approved post: a guardian of the child or one of their teachers writes one; the
 * child and the family read them; a teacher can hide one (families and the child stop seeing it;
 * staff still see it, marked hidden, and can show it again).
 */
import { DomainError } from '../../../domain/errors';
import type { Actor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { visiblePost } from './read-portfolio';
import { findComment, insertComment, updateComment } from './portfolio.repo';

export async function addComment(deps: Deps, actor: Actor, postId: string, body: string): Promise<string> {
  const { row, access } = await visiblePost(deps, actor, postId);
  if (!access.comment || actor.kind !== 'user') throw new DomainError('forbidden');
  if (row.status !== 'approved') throw new DomainError('conflict');
  return insertComment(deps.db, { postId, authorId: actor.userId, body, createdAt: deps.now() });
}

export async function setCommentHidden(deps: Deps, actor: Actor, commentId: string, hidden: boolean): Promise<void> {
  const comment = await findComment(deps.db, commentId);
  if (!comment) throw new DomainError('not_found');
  // Whoever cannot see the post learns nothing of its comments either.
  const { access } = await visiblePost(deps, actor, comment.postId);
  if (!access.review || actor.kind !== 'user') throw new DomainError('forbidden');
  await updateComment(deps.db, commentId, hidden ? { hiddenAt: deps.now(), hiddenBy: actor.userId } : { hiddenAt: null, hiddenBy: null });
}

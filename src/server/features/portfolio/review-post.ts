/**
 * A teacher's review: approve a pupil's post (families see it, and the day's digest lists it), or
 * return it with a comment the child sees. Only a post still waiting can be approved or returned;
 * if two teachers act at once, the second gets `conflict` and nothing changes twice.
 * Also: the class setting that approves pupils' posts automatically.
 */
import { DomainError } from '../../../domain/errors';
import type { Actor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { authorize } from '../school/authorize';
import { visiblePost } from './read-portfolio';
import { scheduleDigests } from './portfolio-digest';
import { findClassSettings, moveStatus, setClassAutoApprove } from './portfolio.repo';

async function reviewable(deps: Deps, actor: Actor, postId: string) {
  const { row, access } = await visiblePost(deps, actor, postId);
  if (!access.review || actor.kind !== 'user') throw new DomainError('forbidden');
  return { row, actor };
}

export async function approvePost(deps: Deps, actor: Actor, postId: string): Promise<void> {
  const { row, actor: reviewer } = await reviewable(deps, actor, postId);
  const now = deps.now();
  const moved = await moveStatus(deps.db, postId, ['pending', 'returned'], { status: 'approved', approvedAt: now, reviewedBy: reviewer.userId, reviewedAt: now, returnComment: null, updatedAt: now });
  if (!moved) throw new DomainError('conflict');
  await scheduleDigests(deps, row.schoolId, [row.studentId], now);
}

export async function returnPost(deps: Deps, actor: Actor, postId: string, comment: string): Promise<void> {
  const { actor: reviewer } = await reviewable(deps, actor, postId);
  const now = deps.now();
  // An approved post can be taken back too (something was wrong with it): families stop seeing it.
  const moved = await moveStatus(deps.db, postId, ['pending', 'approved'], { status: 'returned', returnComment: comment, reviewedBy: reviewer.userId, reviewedAt: now, updatedAt: now });
  if (!moved) throw new DomainError('conflict');
}

export async function setAutoApprove(deps: Deps, actor: Actor, classId: string, on: boolean): Promise<void> {
  const cls = await findClassSettings(deps.db, classId);
  if (!cls) throw new DomainError('not_found');
  authorize(actor, 'class.portfolio.manage', { type: 'class', classId, schoolId: cls.schoolId });
  await setClassAutoApprove(deps.db, classId, on);
}

/**
 * Editing a post: the child edits their own (a returned post goes back to the queue — so does an
 * approved one, unless the class approves automatically: families never see words a teacher has
 * not; changing only its subjects keeps its status); a teacher of the child may edit any post of
 * theirs, keeping its status.
 */
import type { z } from 'zod';
import type { postChange } from '../../../contracts/portfolio';
import { DomainError } from '../../../domain/errors';
import type { Actor } from '../../../domain/permissions/index';
import { statusAfterEdit } from '../../../domain/portfolio/posts';
import type { Deps } from '../../deps';
import { checkContent } from './post-content';
import { visiblePost } from './read-portfolio';
import { scheduleDigests } from './portfolio-digest';
import { findClassSettings, loadPostDetails, replaceItemsAndTags, updatePost } from './portfolio.repo';

export async function editPost(deps: Deps, actor: Actor, postId: string, change: z.output<typeof postChange>): Promise<void> {
  const { row, access } = await visiblePost(deps, actor, postId);
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  const mine = row.authorId === actor.userId;
  if (!access.review && !(access.own && mine)) throw new DomainError('forbidden');
  const details = await loadPostDetails(deps.db, [row]);
  const already = new Set<string>([
    ...details.items.map((i) => i.mediaId).filter((x): x is string => Boolean(x)),
    ...(row.reflectionAudioId ? [row.reflectionAudioId] : []),
    ...details.tags.map((t) => `tag:${t.id}`),
  ]);
  const content = await checkContent(deps, actor, row.schoolId, change, already);
  const editor = access.review ? ('staff' as const) : ('student' as const);
  const autoApproves = row.classId ? ((await findClassSettings(deps.db, row.classId))?.autoApprovePosts ?? false) : false;
  // Only words and media send a child's post back for approval: changing its subjects (like
  // ticking criteria, features/criteria/tag-post.ts) shows families nothing a teacher has not seen.
  const wordsOrMedia = change.caption !== undefined || change.reflection !== undefined || change.reflectionAudioId !== undefined || change.items !== undefined;
  const status = wordsOrMedia ? statusAfterEdit(row.status, editor, autoApproves) : row.status;
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await updatePost(tx, postId, {
      ...(change.caption !== undefined ? { caption: change.caption } : {}),
      ...(change.reflection !== undefined ? { reflection: change.reflection } : {}),
      ...(change.reflectionAudioId !== undefined ? { reflectionAudioId: change.reflectionAudioId } : {}),
      status,
      ...(status === 'approved' && row.status !== 'approved' ? { approvedAt: now } : {}),
      updatedAt: now,
    });
    await replaceItemsAndTags(tx, postId, content.items, content.tagIds);
  });
  if (status === 'approved' && row.status !== 'approved') await scheduleDigests(deps, row.schoolId, [row.studentId], now);
}

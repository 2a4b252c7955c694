/**
 * Who may see a media item, checked on every request for it: its uploader (before and after it is
 * posted), and whoever may see a post that uses it in that post's current status. Anyone else —
 * including someone who guessed or was sent the address — gets not_found, the same as for an id
 * that does not exist. Records of other features that use media (a criterion's spoken version, a
 * child's recorded reflection, a pupil conference's picture) answer for theirs in their own `media-use.ts`.
 */
import { DomainError } from '../../../domain/errors';
import type { Actor } from '../../../domain/permissions/index';
import { canSeePost } from '../../../domain/portfolio/posts';
import type { Deps } from '../../deps';
import { conferencingMediaVisible } from '../conferencing/media-use';
import { criteriaMediaVisible } from '../criteria/media-use';
import { accessOf } from '../portfolio/access';
import { preparationMediaVisible } from '../preparation/media-use';
import { findStudentSubject } from '../school/school.repo';
import { findMedia, postsUsingMedia, type MediaRow } from './media.repo';

export async function readableMedia(deps: Deps, actor: Actor, mediaId: string): Promise<MediaRow> {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  const row = await findMedia(deps.db, mediaId);
  if (!row) throw new DomainError('not_found');
  if (row.uploadedBy === actor.userId) return row;
  for (const post of await postsUsingMedia(deps.db, mediaId)) {
    const subject = await findStudentSubject(deps.db, post.studentId);
    if (subject && canSeePost(accessOf(actor, { type: 'student', studentId: post.studentId, ...subject }), post.status)) return row;
  }
  if (await criteriaMediaVisible(deps, actor, mediaId)) return row;
  if (await preparationMediaVisible(deps, actor, mediaId)) return row;
  if (await conferencingMediaVisible(deps, actor, mediaId)) return row;
  throw new DomainError('not_found');
}

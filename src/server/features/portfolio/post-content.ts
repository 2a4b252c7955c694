/**
 * Checks what a post is made of before anything is written: each item's media was uploaded by the
 * person posting (or is already in the post being edited), is of the school, and fits the item's
 * kind; each tag is one of the school's current subjects or strands. A wrong id is reported on its
 * field (`items.2.mediaId`), and nothing is saved.
 */
import type { z } from 'zod';
import type { newItem } from '../../../contracts/portfolio';
import { DomainError } from '../../../domain/errors';
import type { UserActor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { findMediaMany } from '../media/media.repo';
import { listTags, type NewPost } from './portfolio.repo';

type Item = z.output<typeof newItem>;

const fits: Record<Exclude<Item['kind'], 'text'>, ReadonlyArray<string>> = {
  photo: ['image'],
  drawing: ['image'],
  video: ['video'],
  audio: ['audio'],
  file: ['file', 'image', 'video', 'audio'],
};

export async function checkContent(
  deps: Deps,
  actor: UserActor,
  schoolId: string,
  content: { items?: Item[] | undefined; reflectionAudioId?: string | null | undefined; tagIds?: string[] | undefined },
  alreadyInPost: ReadonlySet<string> = new Set(),
): Promise<{ items: NewPost['items'] | null; tagIds: string[] | null }> {
  const fields: Record<string, string> = {};
  const wanted = [...(content.items ?? []).flatMap((i) => (i.kind === 'text' ? [] : [i.mediaId])), ...(content.reflectionAudioId ? [content.reflectionAudioId] : [])];
  const found = new Map((await findMediaMany(deps.db, [...new Set(wanted)])).map((m) => [m.id, m]));
  const usable = (mediaId: string) => {
    const m = found.get(mediaId);
    if (!m || m.schoolId !== schoolId || (m.uploadedBy !== actor.userId && !alreadyInPost.has(mediaId))) return { m: null, code: 'media_unknown' };
    if (m.status === 'failed') return { m: null, code: 'media_failed' };
    return { m, code: null };
  };
  content.items?.forEach((item, i) => {
    if (item.kind === 'text') return;
    const { m, code } = usable(item.mediaId);
    if (code) fields[`items.${i}.mediaId`] = code;
    else if (m && !fits[item.kind].includes(m.kind)) fields[`items.${i}.mediaId`] = 'media_kind_mismatch';
  });
  if (content.reflectionAudioId) {
    const { m, code } = usable(content.reflectionAudioId);
    if (code) fields.reflectionAudioId = code;
    else if (m && m.kind !== 'audio') fields.reflectionAudioId = 'media_kind_mismatch';
  }
  let tagIds: string[] | null = null;
  if (content.tagIds) {
    const tags = await listTags(deps.db, schoolId);
    const current = new Map(tags.map((t) => [t.id, t]));
    tagIds = [...new Set(content.tagIds)];
    // `i` is the place in the list as sent, duplicates and all.
    content.tagIds.forEach((tagId, i) => {
      const t = current.get(tagId);
      // A tag archived since the post was made may stay on it; it cannot be added anew.
      if (!t || (t.archivedAt && !alreadyInPost.has(`tag:${tagId}`))) fields[`tagIds.${i}`] = 'unknown_tag';
    });
  }
  if (Object.keys(fields).length) throw new DomainError('validation_failed', { fields });
  const items = content.items ? content.items.map((i) => (i.kind === 'text' ? { kind: i.kind, text: i.text, mediaId: null } : { kind: i.kind, mediaId: i.mediaId, text: null })) : null;
  return { items, tagIds };
}

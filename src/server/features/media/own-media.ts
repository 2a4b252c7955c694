/**
 * Media a person attaches to something they write (a picture, a recording): it must be in the
 * school, of the right kind, not failed, and their own upload — or already on the thing, so an edit
 * keeps what was there. Someone else's upload cannot be passed off as theirs. Problems come back as
 * field codes (`audioMediaId: media_unknown`), so nothing is saved.
 */
import type { UserActor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { findMediaMany } from './media.repo';

export interface WantedMedia {
  field: string;
  mediaId: string | null | undefined;
  kind: 'image' | 'audio' | 'video' | 'file';
}

export async function checkOwnMedia(deps: Deps, actor: UserActor, schoolId: string, wanted: readonly WantedMedia[], already: ReadonlySet<string>): Promise<Record<string, string>> {
  const ids = wanted.map((w) => w.mediaId).filter((x): x is string => Boolean(x));
  const found = new Map((await findMediaMany(deps.db, ids)).map((m) => [m.id, m]));
  const fields: Record<string, string> = {};
  for (const { field, mediaId, kind } of wanted) {
    if (!mediaId) continue;
    const m = found.get(mediaId);
    if (!m || m.schoolId !== schoolId || (m.uploadedBy !== actor.userId && !already.has(mediaId))) fields[field] = 'media_unknown';
    else if (m.status === 'failed') fields[field] = 'media_failed';
    else if (m.kind !== kind) fields[field] = 'media_kind_mismatch';
  }
  return fields;
}

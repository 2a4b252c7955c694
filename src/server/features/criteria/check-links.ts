/**
 * Checks what a list or criterion points at before anything is written: its subject is one of the
 * school's subjects; its picture is an image and its recording a sound the person uploaded (or
 * already on the criterion); standards are items of the school's frameworks. A wrong id is
 * reported on its field (`identifiers.2: unknown_standard`), and nothing is saved.
 */
import { DomainError } from '../../../domain/errors';
import type { UserActor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { checkOwnMedia } from '../media/own-media';
import { findStandardItems, findSubjectTag } from './criteria.repo';

export async function checkSubject(deps: Deps, schoolId: string, subjectTagId: string | null | undefined, current: string | null = null): Promise<Record<string, string>> {
  if (!subjectTagId || subjectTagId === current) return {};
  const tag = await findSubjectTag(deps.db, subjectTagId);
  return !tag || tag.schoolId !== schoolId || tag.kind !== 'subject' || tag.archivedAt ? { subjectTagId: 'unknown_tag' } : {};
}

export async function checkCriterionMedia(
  deps: Deps,
  actor: UserActor,
  schoolId: string,
  wanted: { imageMediaId?: string | null | undefined; audioMediaId?: string | null | undefined },
  already: ReadonlySet<string>,
): Promise<Record<string, string>> {
  return checkOwnMedia(
    deps,
    actor,
    schoolId,
    [
      { field: 'imageMediaId', mediaId: wanted.imageMediaId, kind: 'image' },
      { field: 'audioMediaId', mediaId: wanted.audioMediaId, kind: 'audio' },
    ],
    already,
  );
}

/**
 * The standards wanted, each once, after checking each is an item of the school's frameworks
 * (one removed from its framework since may stay where it already is, not be added anew).
 */
export async function checkStandards(deps: Deps, schoolId: string, identifiers: readonly string[], already: ReadonlySet<string>): Promise<string[]> {
  const found = new Map((await findStandardItems(deps.db, schoolId, [...new Set(identifiers)])).map((s) => [s.identifier, s]));
  const fields: Record<string, string> = {};
  identifiers.forEach((identifier, i) => {
    const item = found.get(identifier);
    if (!item || (item.removedAt && !already.has(identifier))) fields[`identifiers.${i}`] = 'unknown_standard';
  });
  if (Object.keys(fields).length) throw new DomainError('validation_failed', { fields });
  return [...new Set(identifiers)];
}

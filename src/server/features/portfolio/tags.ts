/**
 * The school's subjects and strands. Every member of the school reads the list (to tag and to
 * filter); the admin edits it. A school that has none yet starts with the default list, once.
 */
import { DomainError } from '../../../domain/errors';
import type { Actor } from '../../../domain/permissions/index';
import { defaultTags } from '../../../domain/portfolio/default-tags';
import type { Deps } from '../../deps';
import { authorize } from '../school/authorize';
import { findSchool } from '../school/school.repo';
import { findTag, insertTags, listTags, lockSchoolTags, updateTag, type TagRow } from './portfolio.repo';

const view = (t: TagRow) => ({ id: t.id, kind: t.kind, name: t.name, parentId: t.parentId, archived: t.archivedAt !== null });

export async function listSchoolTags(deps: Deps, actor: Actor, schoolId: string) {
  const school = await findSchool(deps.db, schoolId);
  if (!school) throw new DomainError('not_found');
  authorize(actor, 'school.read', { type: 'school', schoolId });
  let tags = await listTags(deps.db, schoolId);
  if (tags.length === 0) {
    await addDefaultTags(deps, schoolId, school.locale);
    tags = await listTags(deps.db, schoolId);
  }
  return tags.map(view);
}

/** The default subjects and strands, for a new school (the demo seed calls it too). */
export async function addDefaultTags(deps: Pick<Deps, 'db'>, schoolId: string, locale: string): Promise<void> {
  const list = defaultTags[locale] ?? defaultTags.en!;
  await deps.db.transaction(async (tx) => {
    await lockSchoolTags(tx, schoolId);
    if ((await listTags(tx, schoolId)).length > 0) return;
    let position = 0;
    for (const subject of list) {
      const [parentId] = await insertTags(tx, [{ schoolId, kind: 'subject', name: subject.name, position: position++ }]);
      await insertTags(tx, (subject.strands ?? []).map((name) => ({ schoolId, kind: 'strand' as const, name, parentId: parentId ?? null, position: position++ })));
    }
  });
}

export async function createTag(deps: Deps, actor: Actor, schoolId: string, body: { kind: 'subject' | 'strand'; name: string; parentId: string | null }) {
  if (!(await findSchool(deps.db, schoolId))) throw new DomainError('not_found');
  authorize(actor, 'portfolio.tags.manage', { type: 'school', schoolId });
  const tags = await listTags(deps.db, schoolId);
  if (body.parentId && !tags.some((t) => t.id === body.parentId && t.kind === 'subject')) throw new DomainError('validation_failed', { fields: { parentId: 'unknown_tag' } });
  if (tags.some((t) => t.kind === body.kind && t.name.toLowerCase() === body.name.toLowerCase())) throw new DomainError('validation_failed', { fields: { name: 'tag_exists' } });
  const position = Math.max(0, ...tags.map((t) => t.position + 1));
  const [id] = await insertTags(deps.db, [{ schoolId, kind: body.kind, name: body.name, parentId: body.kind === 'strand' ? body.parentId : null, position }]);
  return id as string;
}

export async function changeTag(deps: Deps, actor: Actor, tagId: string, change: { name?: string | undefined; archived?: boolean | undefined; position?: number | undefined }) {
  const tag = await findTag(deps.db, tagId);
  if (!tag) throw new DomainError('not_found');
  authorize(actor, 'portfolio.tags.manage', { type: 'school', schoolId: tag.schoolId });
  if (change.name && (await listTags(deps.db, tag.schoolId)).some((t) => t.id !== tagId && t.kind === tag.kind && t.name.toLowerCase() === change.name!.toLowerCase())) {
    throw new DomainError('validation_failed', { fields: { name: 'tag_exists' } });
  }
  await updateTag(deps.db, tagId, {
    ...(change.name !== undefined ? { name: change.name } : {}),
    ...(change.position !== undefined ? { position: change.position } : {}),
    ...(change.archived !== undefined ? { archivedAt: change.archived ? deps.now() : null } : {}),
  });
}

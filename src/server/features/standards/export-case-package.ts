/** A framework as a CASE 1.1 package (src/domain/standards/case-export.ts): the school's own, or an imported one given back. */
import { DomainError } from '../../../domain/errors';
import type { Actor } from '../../../domain/permissions/index';
import { exportCasePackage } from '../../../domain/standards/case-export';
import type { Deps } from '../../deps';
import { standardsSchool } from './access';
import { findFramework, listAssociations, listItems } from './standards.repo';

export async function exportFramework(deps: Deps, actor: Actor, schoolId: string, identifier: string) {
  await standardsSchool(deps, actor, schoolId, 'standards.read');
  const framework = await findFramework(deps.db, schoolId, identifier);
  if (!framework) throw new DomainError('not_found');
  const all = await listItems(deps.db, schoolId, identifier);
  const pkg = exportCasePackage({
    framework,
    items: all.filter((i) => i.removedAt === null),
    associations: await listAssociations(deps.db, schoolId, identifier),
    removed: new Set(all.filter((i) => i.removedAt !== null).map((i) => i.identifier)),
    fallbackDateTime: framework.updatedAt.toISOString(),
  });
  return { title: framework.title, pkg };
}

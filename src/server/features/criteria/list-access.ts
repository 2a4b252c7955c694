/**
 * A list and the reader's right to it. A year-group list is managed by whoever may manage any
 * current class of that year group (domain/criteria/access.ts), so this reads those classes.
 * Someone of another school (or of none) gets not_found: a list id is not even confirmed to exist.
 */
import { mayOnList } from '../../../domain/criteria/access';
import { DomainError } from '../../../domain/errors';
import { can, type Actor, type UserActor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { findList, liveClassesOfSchool, type ClassRow, type ListRow } from './criteria.repo';

/** The current classes of a year group in a school. */
export function yearGroupClassIds(classes: readonly ClassRow[], yearGroup: string | null): string[] {
  return yearGroup === null ? [] : classes.filter((c) => c.yearGroup === yearGroup).map((c) => c.id);
}

export async function listAccess(deps: Deps, actor: Actor, listId: string, action: 'criteria.read' | 'criteria.manage'): Promise<{ actor: UserActor; list: ListRow; schoolClasses: ClassRow[] }> {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  const list = await findList(deps.db, listId);
  if (!list) throw new DomainError('not_found');
  const schoolClasses = await liveClassesOfSchool(deps.db, list.schoolId);
  if (!mayOnList(actor, action, list, yearGroupClassIds(schoolClasses, list.yearGroup))) {
    // Someone who may read it but not change it is refused; someone with no place near it does not learn it exists.
    const sees = action === 'criteria.manage' && mayOnList(actor, 'criteria.read', list, yearGroupClassIds(schoolClasses, list.yearGroup));
    const inSchool = can(actor, 'school.read', { type: 'school', schoolId: list.schoolId });
    throw new DomainError(sees || inSchool ? 'forbidden' : 'not_found');
  }
  return { actor, list, schoolClasses };
}

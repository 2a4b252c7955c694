/**
 * Who may read or write a success-criteria list, from `can()` (the rules stay in the permission
 * table): a class's own list goes with `criteria.read` / `criteria.manage` on that class; a list
 * shared by a year group with the same right on ANY class of that year group — so each Year 1
 * teacher may improve the Year 1 list. A year group with no current classes (its list outlived
 * them) is left to whoever manages the school.
 *
 *   Ms Okafor teaches Owls (Year 1); Mr Hale teaches Hedgehogs (Year 1); Ms Ruiz teaches Kestrels (Year 5)
 *   Owls' own list              → Okafor (and the admin)
 *   Year 1's shared list        → Okafor, Hale (and the admin); not Ruiz
 */
import { can, type Actor } from '../permissions/index';
import type { ListLike } from './lists';

export function mayOnList(
  actor: Actor,
  action: 'criteria.read' | 'criteria.manage',
  list: Pick<ListLike, 'schoolId' | 'classId'>,
  /** For a year-group list: the current classes of that year group in the list's school. */
  yearGroupClassIds: readonly string[],
): boolean {
  const onClass = (classId: string) => can(actor, action, { type: 'class', schoolId: list.schoolId, classId });
  if (list.classId) return onClass(list.classId);
  if (yearGroupClassIds.length === 0) return can(actor, 'school.manage', { type: 'school', schoolId: list.schoolId });
  return yearGroupClassIds.some(onClass);
}

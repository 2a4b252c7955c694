/** Whom the standards are for: the school's staff read them, its admin manages them (domain/permissions). */
import { DomainError } from '../../../domain/errors';
import type { Actor, UserActor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { authorize } from '../school/authorize';
import { findSchool } from '../school/school.repo';

/** The school, once the actor may do `action` with its standards; `not_found` for an unknown school or someone from another. */
export async function standardsSchool(deps: Pick<Deps, 'db'>, actor: Actor, schoolId: string, action: 'standards.read' | 'standards.manage') {
  const school = await findSchool(deps.db, schoolId);
  if (!school) throw new DomainError('not_found');
  authorize(actor, action, { type: 'school', schoolId });
  return { school, actor: actor as UserActor };
}

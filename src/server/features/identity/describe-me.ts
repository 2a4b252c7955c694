import { rolesOf, type UserActor } from '../../../domain/permissions/index';
import { matchLocale } from '../../../contracts/locales';
import type { Me } from '../../../contracts/api';
import type { Deps } from '../../deps';
import { findSchools } from '../school/school.repo';
import { DomainError } from '../../../domain/errors';
import { findUserById, loadActor, type UserRow } from './identity.repo';

/** Who is signed in, in the shape every page starts from. */
export async function describeMe(deps: Deps, actor: UserActor, user: UserRow): Promise<Me> {
  const schoolIds = new Set<string>([
    ...actor.staff.map((s) => s.schoolId),
    ...actor.guardianOf.map((g) => g.schoolId),
    ...(actor.student ? [actor.student.schoolId] : []),
  ]);
  return {
    id: user.id,
    givenName: user.givenName,
    familyName: user.familyName,
    email: user.email,
    preferredLocale: matchLocale([user.preferredLocale]),
    roles: rolesOf(actor),
    schools: await findSchools(deps.db, [...schoolIds]),
    studentId: actor.student?.studentId ?? null,
  };
}

/** The same, from a user id (after a sign-in or a change to one's own settings). */
export async function describeUser(deps: Deps, userId: string): Promise<Me> {
  const user = await findUserById(deps.db, userId);
  const actor = user ? await loadActor(deps.db, user) : null;
  if (!user || !actor) throw new DomainError('unauthenticated');
  return describeMe(deps, actor, user);
}

import { DomainError } from '../../../domain/errors';
import { can, type Action, type Actor, type Subject, type UserActor } from '../../../domain/permissions/index';

/**
 * Throws `unauthenticated` for nobody and, for someone without the right, `forbidden` — or
 * `not_found` when they have no place in the subject's school at all, so ids from another school
 * cannot even be confirmed to exist. Narrows the actor.
 */
export function authorize(actor: Actor, action: Action, subject: Subject): asserts actor is UserActor {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  if (can(actor, action, subject)) return;
  const inSchool = subject.type === 'user' || can(actor, 'school.read', { type: 'school', schoolId: subject.schoolId });
  throw new DomainError(inSchool ? 'forbidden' : 'not_found');
}

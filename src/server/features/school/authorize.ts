import { DomainError } from '../../../domain/errors';
import { can, type Action, type Actor, type Subject, type UserActor } from '../../../domain/permissions/index';

/** Throws `unauthenticated` for nobody and `forbidden` for someone without the right; narrows the actor. */
export function authorize(actor: Actor, action: Action, subject: Subject): asserts actor is UserActor {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  if (!can(actor, action, subject)) throw new DomainError('forbidden');
}

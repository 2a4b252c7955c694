/** What a person may do with one child's portfolio, from `can()` (the only place rules live). */
import { DomainError } from '../../../domain/errors';
import { can, type Actor } from '../../../domain/permissions/index';
import type { PortfolioAccess } from '../../../domain/portfolio/posts';
import type { Deps } from '../../deps';
import { findStudentSubject } from '../school/school.repo';

export interface ChildAccess extends PortfolioAccess {
  post: boolean;
  comment: boolean;
  subject: { type: 'student'; studentId: string; schoolId: string; classIds: string[] };
}

export function accessOf(actor: Actor, subject: ChildAccess['subject']): ChildAccess {
  return {
    read: can(actor, 'portfolio.read', subject),
    review: can(actor, 'portfolio.review', subject),
    own: can(actor, 'portfolio.own', subject),
    post: can(actor, 'portfolio.post', subject),
    comment: can(actor, 'portfolio.comment', subject),
    subject,
  };
}

/**
 * The reader's access to a child's portfolio; `not_found` for a child they have no place near
 * (another school, or unknown), `forbidden` for someone of the school with no right to it.
 */
export async function childAccess(deps: Deps, actor: Actor, studentId: string): Promise<ChildAccess> {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  const found = await findStudentSubject(deps.db, studentId);
  if (!found) throw new DomainError('not_found');
  const access = accessOf(actor, { type: 'student', studentId, ...found });
  if (!access.read && !access.review && !access.own) {
    throw new DomainError(can(actor, 'school.read', { type: 'school', schoolId: found.schoolId }) ? 'forbidden' : 'not_found');
  }
  return access;
}

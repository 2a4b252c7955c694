/** A child's recorded answer to a reflection question: the child and whoever reviews their preparation may hear it. */
import { can, type UserActor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { findStudentSubject } from '../school/school.repo';
import { studentsWithAnswerMedia } from './preparation.repo';

export async function preparationMediaVisible(deps: Deps, actor: UserActor, mediaId: string): Promise<boolean> {
  for (const studentId of await studentsWithAnswerMedia(deps.db, mediaId)) {
    const found = await findStudentSubject(deps.db, studentId);
    if (!found) continue;
    const subject = { type: 'student' as const, studentId, ...found };
    if (can(actor, 'preparation.own', subject) || can(actor, 'preparation.review', subject)) return true;
  }
  return false;
}

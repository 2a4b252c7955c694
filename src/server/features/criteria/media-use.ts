/**
 * Media a success criterion uses (its picture, its spoken version): whoever may read the criterion
 * may see it — the teachers of a class the list applies to (criteria.read), and the children of
 * those classes and their families (student.criteria.read) — and whoever may see a post on which
 * the criterion is ticked (so old work keeps its pictures after a child changes class). Called by
 * features/media/read-media.ts.
 */
import { mayOnList } from '../../../domain/criteria/access';
import { canSeePost } from '../../../domain/portfolio/posts';
import { can, type UserActor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { accessOf } from '../portfolio/access';
import { findStudentSubject } from '../school/school.repo';
import { enrollmentsAmong, listsUsingMedia, liveClassesOfSchool, postsTickedWithMedia } from './criteria.repo';
import { yearGroupClassIds } from './list-access';

export async function criteriaMediaVisible(deps: Deps, actor: UserActor, mediaId: string): Promise<boolean> {
  for (const list of await listsUsingMedia(deps.db, mediaId)) {
    const yearGroupClasses = list.classId ? [] : yearGroupClassIds(await liveClassesOfSchool(deps.db, list.schoolId), list.yearGroup);
    if (mayOnList(actor, 'criteria.read', list, yearGroupClasses)) return true;
    const classIds = list.classId ? [list.classId] : yearGroupClasses;
    // The child themself, or a child of the family, in one of the list's classes.
    const children = [...(actor.student?.schoolId === list.schoolId ? [actor.student.studentId] : []), ...actor.guardianOf.filter((g) => g.schoolId === list.schoolId).map((g) => g.studentId)];
    for (const { studentId } of await enrollmentsAmong(deps.db, children, classIds)) {
      const subject = await findStudentSubject(deps.db, studentId);
      if (subject && can(actor, 'student.criteria.read', { type: 'student', studentId, ...subject })) return true;
    }
  }
  for (const post of await postsTickedWithMedia(deps.db, mediaId)) {
    const subject = await findStudentSubject(deps.db, post.studentId);
    if (subject && canSeePost(accessOf(actor, { type: 'student', studentId: post.studentId, ...subject }), post.status)) return true;
  }
  return false;
}

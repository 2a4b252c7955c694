/**
 * Reading criteria: a class's lists (its own and those its year group shares) for its teachers,
 * and the criteria a child works to (every list of all their classes) for the child, their family
 * and their teachers — what the composer's checklist and the post view show.
 */
import type { ClassCriteria, StudentCriteria } from '../../../contracts/criteria';
import { mayOnList } from '../../../domain/criteria/access';
import { appliesTo, criteriaForStudent, listsForClass, listsForClasses, liveCriteria, yearGroupsOf } from '../../../domain/criteria/lists';
import { DomainError } from '../../../domain/errors';
import { can, type Actor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { findStudentName } from '../portfolio/portfolio.repo';
import { authorize } from '../school/authorize';
import { findSchool, findStudentSubject } from '../school/school.repo';
import { criteriaOfLists, findLiveClass, listsFor, liveClassesOfSchool, liveClassesOfStudent, tagNames, type ClassRow } from './criteria.repo';
import { yearGroupClassIds } from './list-access';
import { presentCriteria, presentLists } from './present-criteria';

export async function getClassCriteria(deps: Deps, actor: Actor, classId: string, query: { include?: 'archived' | undefined } = {}): Promise<ClassCriteria> {
  const cls = await findLiveClass(deps.db, classId);
  if (!cls) throw new DomainError('not_found');
  authorize(actor, 'criteria.read', { type: 'class', classId, schoolId: cls.schoolId });
  const schoolClasses = await liveClassesOfSchool(deps.db, cls.schoolId);
  const rows = await listsFor(deps.db, cls.schoolId, { classIds: [cls.id], yearGroups: [cls.yearGroup] });
  const lists = query.include === 'archived' ? [...listsForClass(cls, rows), ...rows.filter((l) => l.archivedAt && appliesTo(l, cls)).map((l) => ({ ...l, shared: !l.classId }))] : listsForClass(cls, rows);
  const manages = (l: { schoolId: string; classId: string | null; yearGroup: string | null }) => mayOnList(actor, 'criteria.manage', l, yearGroupClassIds(schoolClasses, l.yearGroup));
  const criteria = await criteriaOfLists(deps.db, lists.map((l) => l.id));
  const school = await findSchool(deps.db, cls.schoolId);
  const targets = schoolClasses.filter((c) => can(actor, 'criteria.manage', { type: 'class', classId: c.id, schoolId: c.schoolId }));
  return {
    class: { id: cls.id, name: cls.name, yearGroup: cls.yearGroup, schoolId: cls.schoolId },
    locale: school?.locale ?? 'en',
    lists: await presentLists(deps, lists, criteria, manages),
    can: { manage: can(actor, 'criteria.manage', { type: 'class', classId, schoolId: cls.schoolId }) },
    copyTargets: { classes: targets.map((c) => ({ id: c.id, name: c.name, yearGroup: c.yearGroup })), yearGroups: yearGroupsOf(targets) },
  };
}

/** The live lists (and their live criteria) of a child's current classes. */
async function studentLists(deps: Deps, schoolId: string, classes: ClassRow[]) {
  const rows = await listsFor(deps.db, schoolId, { classIds: classes.map((c) => c.id), yearGroups: yearGroupsOf(classes) });
  const lists = listsForClasses(classes, rows);
  const criteria = await criteriaOfLists(deps.db, lists.map((l) => l.id));
  return criteriaForStudent(classes, lists, criteria);
}

export async function getStudentCriteria(deps: Deps, actor: Actor, studentId: string): Promise<StudentCriteria> {
  const subject = await findStudentSubject(deps.db, studentId);
  if (!subject) throw new DomainError('not_found');
  authorize(actor, 'student.criteria.read', { type: 'student', studentId, ...subject });
  const student = await findStudentName(deps.db, studentId);
  const groups = (await studentLists(deps, subject.schoolId, await liveClassesOfStudent(deps.db, studentId))).filter((g) => g.criteria.length > 0);
  const views = new Map((await presentCriteria(deps, groups.flatMap((g) => g.criteria))).map((c) => [c.id, c]));
  const names = await tagNames(deps.db, [...new Set(groups.map((g) => g.list.subjectTagId).filter((x): x is string => Boolean(x)))]);
  const school = await findSchool(deps.db, subject.schoolId);
  return {
    student: { id: studentId, givenName: student?.givenName ?? '' },
    locale: school?.locale ?? 'en',
    lists: groups.map(({ list, criteria }) => ({
      id: list.id,
      title: list.title,
      subject: list.subjectTagId && names.has(list.subjectTagId) ? { id: list.subjectTagId, name: names.get(list.subjectTagId) as string } : null,
      criteria: criteria.map((c) => views.get(c.id)!),
    })),
  };
}

/** The ids of the criteria a child works to now (what may be ticked on their work). */
export async function criterionIdsOfStudent(deps: Deps, schoolId: string, studentId: string): Promise<Set<string>> {
  const groups = await studentLists(deps, schoolId, await liveClassesOfStudent(deps.db, studentId));
  return new Set(groups.flatMap((g) => g.criteria.map((c) => c.id)));
}

/** The ids of a class's live criteria (for a group post: every child chosen is in the class). */
export async function criterionIdsOfClass(deps: Deps, cls: ClassRow): Promise<Set<string>> {
  const lists = listsForClass(cls, await listsFor(deps.db, cls.schoolId, { classIds: [cls.id], yearGroups: [cls.yearGroup] }));
  const criteria = await criteriaOfLists(deps.db, lists.map((l) => l.id));
  return new Set(lists.flatMap((l) => liveCriteria(l.id, criteria).map((c) => c.id)));
}

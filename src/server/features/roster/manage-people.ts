/**
 * Managing a school's roster by hand (the admin), and resetting a child's picture password (the
 * admin or the child's teacher). Each use case checks `can()` on the school the thing belongs to,
 * and checks that every id it is given belongs to that school too.
 */
import type { z } from 'zod';
import type { classChange, guardianLink, guardianLinkChange, newClass, newStaff, newStudent, newTerm, staffChange, studentChange } from '../../../contracts/roster';
import { DomainError } from '../../../domain/errors';
import type { Actor } from '../../../domain/permissions/index';
import { avatarKeys, picturePasswordSecret, type AvatarKey, type PasswordPictureKey } from '../../../domain/pictures';
import type { Deps } from '../../deps';
import { hashSecret } from '../../lib/secrets';
import { authorize } from '../school/authorize';
import { findClassSubject, findStudentSubject } from '../school/school.repo';
import { newClassCode } from './roster-import';
import * as repo from './people.repo';

const manage = (actor: Actor, schoolId: string) => authorize(actor, 'roster.manage', { type: 'school', schoolId });

async function classSchool(deps: Deps, classId: string): Promise<string> {
  const subject = await findClassSubject(deps.db, classId, { includeArchived: true });
  if (!subject) throw new DomainError('not_found');
  return subject.schoolId;
}

async function studentSchool(deps: Deps, studentId: string, options: { includeArchived?: boolean } = {}) {
  const subject = await findStudentSubject(deps.db, studentId, options);
  if (!subject) throw new DomainError('not_found');
  return subject;
}

async function checkTeachers(deps: Deps, schoolId: string, teachers: Array<{ userId: string }>) {
  const ok = await repo.currentStaffIds(deps.db, schoolId, teachers.map((t) => t.userId));
  const bad = teachers.findIndex((t) => !ok.has(t.userId));
  if (bad >= 0) throw new DomainError('validation_failed', { fields: { [`teachers.${bad}.userId`]: 'not_staff' } });
}

async function checkClasses(deps: Deps, schoolId: string, classIds: string[]) {
  const ok = await repo.classIdsOfSchool(deps.db, schoolId, classIds);
  const bad = classIds.findIndex((id) => !ok.has(id));
  if (bad >= 0) throw new DomainError('validation_failed', { fields: { [`classIds.${bad}`]: 'unknown_class' } });
}

// Classes ---------------------------------------------------------------------------------------

export async function listClasses(deps: Deps, actor: Actor, schoolId: string) {
  manage(actor, schoolId);
  return repo.listSchoolClasses(deps.db, schoolId);
}

export async function createClass(deps: Deps, actor: Actor, schoolId: string, input: z.output<typeof newClass>): Promise<string> {
  manage(actor, schoolId);
  await checkTeachers(deps, schoolId, input.teachers);
  return deps.db.transaction(async (tx) => {
    const classCode = newClassCode(await repo.takenClassCodes(tx));
    const id = await repo.insertClass(tx, { schoolId, name: input.name, yearGroup: input.yearGroup, classCode });
    await repo.replaceClassTeachers(tx, id, input.teachers);
    return id;
  });
}

export async function changeClass(deps: Deps, actor: Actor, classId: string, input: z.output<typeof classChange>): Promise<void> {
  manage(actor, await classSchool(deps, classId));
  const { archived, ...rest } = input;
  await repo.updateClass(deps.db, classId, { ...rest, ...(archived === undefined ? {} : { archivedAt: archived ? deps.now() : null }) });
}

export async function setClassTeachers(deps: Deps, actor: Actor, classId: string, teachers: Array<{ userId: string; role: 'lead' | 'co_teacher' | 'assistant' }>): Promise<void> {
  const schoolId = await classSchool(deps, classId);
  manage(actor, schoolId);
  await checkTeachers(deps, schoolId, teachers);
  await deps.db.transaction((tx) => repo.replaceClassTeachers(tx, classId, teachers));
}

// Children --------------------------------------------------------------------------------------

export async function createStudent(deps: Deps, actor: Actor, schoolId: string, input: z.output<typeof newStudent>): Promise<string> {
  manage(actor, schoolId);
  await checkClasses(deps, schoolId, input.classIds);
  const avatar: AvatarKey = input.avatar ?? (avatarKeys[Math.floor(Math.random() * avatarKeys.length)] as AvatarKey);
  const picturePasswordHash = input.pictures ? await hashSecret(picturePasswordSecret(input.pictures)) : null;
  return deps.db.transaction((tx) => repo.insertStudent(tx, { schoolId, ...input, avatar, picturePasswordHash }));
}

export async function changeStudent(deps: Deps, actor: Actor, studentId: string, input: z.output<typeof studentChange>): Promise<void> {
  const { schoolId } = await studentSchool(deps, studentId, { includeArchived: true });
  manage(actor, schoolId);
  const { archived, ...rest } = input;
  await deps.db.transaction((tx) => repo.updateStudent(tx, studentId, { ...rest, ...(archived === undefined ? {} : { archivedAt: archived ? deps.now() : null }) }));
}

/** Moves a child: their classes become exactly these. */
export async function moveStudent(deps: Deps, actor: Actor, studentId: string, classIds: string[]): Promise<void> {
  const { schoolId } = await studentSchool(deps, studentId);
  manage(actor, schoolId);
  await checkClasses(deps, schoolId, classIds);
  await deps.db.transaction((tx) => repo.setStudentClasses(tx, studentId, classIds));
}

/** A forgotten picture password is reset by the child's teacher (or the admin), with the child. */
export async function resetPicturePassword(deps: Deps, actor: Actor, studentId: string, pictures: readonly PasswordPictureKey[]): Promise<void> {
  const subject = await studentSchool(deps, studentId);
  authorize(actor, 'student.pictures.reset', { type: 'student', studentId, ...subject });
  await repo.setPicturePasswordHash(deps.db, studentId, await hashSecret(picturePasswordSecret(pictures)));
}

// Families --------------------------------------------------------------------------------------

export async function linkGuardian(deps: Deps, actor: Actor, studentId: string, input: z.output<typeof guardianLink>): Promise<string> {
  const { schoolId } = await studentSchool(deps, studentId);
  manage(actor, schoolId);
  return deps.db.transaction((tx) => repo.linkGuardian(tx, studentId, input));
}

export async function changeGuardianLink(deps: Deps, actor: Actor, studentId: string, guardianId: string, input: z.output<typeof guardianLinkChange>): Promise<void> {
  const { schoolId } = await studentSchool(deps, studentId);
  manage(actor, schoolId);
  if (!(await deps.db.transaction((tx) => repo.updateGuardianLink(tx, studentId, guardianId, input)))) throw new DomainError('not_found');
}

export async function unlinkGuardian(deps: Deps, actor: Actor, studentId: string, guardianId: string): Promise<void> {
  const { schoolId } = await studentSchool(deps, studentId);
  manage(actor, schoolId);
  if (!(await repo.unlinkGuardian(deps.db, studentId, guardianId))) throw new DomainError('not_found');
}

// Staff ----------------------------------------------------------------------------------------

export async function listStaff(deps: Deps, actor: Actor, schoolId: string) {
  manage(actor, schoolId);
  return repo.listStaff(deps.db, schoolId);
}

export async function addStaff(deps: Deps, actor: Actor, schoolId: string, input: z.output<typeof newStaff>): Promise<string> {
  manage(actor, schoolId);
  return deps.db.transaction((tx) => repo.addStaff(tx, schoolId, input));
}

export async function changeStaff(deps: Deps, actor: Actor, schoolId: string, userId: string, input: z.output<typeof staffChange>): Promise<void> {
  manage(actor, schoolId);
  // An admin cannot take away their own admin role or archive themselves: a school keeps an admin.
  if (actor.kind === 'user' && actor.userId === userId) throw new DomainError('conflict');
  if (!(await deps.db.transaction((tx) => repo.updateStaff(tx, schoolId, userId, input)))) throw new DomainError('not_found');
}

// Terms ----------------------------------------------------------------------------------------

export async function listTerms(deps: Deps, actor: Actor, schoolId: string) {
  authorize(actor, 'school.read', { type: 'school', schoolId });
  return repo.listTerms(deps.db, schoolId);
}

export async function createTerm(deps: Deps, actor: Actor, schoolId: string, input: z.output<typeof newTerm>): Promise<string> {
  manage(actor, schoolId);
  return repo.insertTerm(deps.db, { schoolId, ...input });
}

export async function createReportPeriod(deps: Deps, actor: Actor, termId: string, input: z.output<typeof newTerm>): Promise<string> {
  const schoolId = await repo.findTermSchool(deps.db, termId);
  if (!schoolId) throw new DomainError('not_found');
  manage(actor, schoolId);
  return repo.insertReportPeriod(deps.db, { schoolId, termId, ...input });
}

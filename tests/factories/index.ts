/**
 * Factories for medium tests: `buildX(db, overrides)` inserts a row through the same insert
 * helpers the seed uses and returns what a test needs. Each call makes unique emails and codes.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/server/db/client';
import { insert } from '../../src/server/features/demo/demo.repo';
import { hashSecret } from '../../src/server/lib/secrets';
import { picturePasswordSecret, type PasswordPictureKey } from '../../src/domain/pictures';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | null = null;
const hashedPassword = () => (passwordHash ??= hashSecret(TEST_PASSWORD));
const unique = () => randomUUID().slice(0, 8);

export async function buildSchool(db: Db, overrides: Partial<{ name: string; timeZone: string; locale: string }> = {}) {
  const slug = `school-${unique()}`;
  const id = await insert.school(db, { name: overrides.name ?? `Test School ${slug}`, slug, timeZone: overrides.timeZone ?? 'Europe/London', locale: overrides.locale ?? 'en' });
  return { id, slug };
}

export async function buildUser(db: Db, overrides: Partial<{ givenName: string; familyName: string; email: string | null; username: string | null; preferredLocale: string | null; password: boolean }> = {}) {
  const email = overrides.email === undefined ? `person-${unique()}@test.example` : overrides.email;
  const [id] = await insert.users(db, [
    {
      givenName: overrides.givenName ?? 'Test',
      familyName: overrides.familyName ?? `Person ${unique()}`,
      email,
      username: overrides.username ?? null,
      preferredLocale: overrides.preferredLocale ?? null,
      passwordHash: overrides.password === false ? null : await hashedPassword(),
    },
  ]);
  return { id: id as string, email };
}

export async function buildStaff(db: Db, schoolId: string, role: 'admin' | 'teacher' | 'assistant', overrides: Parameters<typeof buildUser>[1] = {}) {
  const user = await buildUser(db, overrides);
  await insert.staffMemberships(db, [{ schoolId, userId: user.id, role }]);
  return user;
}

export async function buildClass(db: Db, schoolId: string, overrides: Partial<{ name: string; yearGroup: string; teacherIds: string[] }> = {}) {
  const classCode = `T-${unique().toUpperCase()}`;
  const [id] = await insert.classes(db, [{ schoolId, name: overrides.name ?? `Class ${classCode}`, yearGroup: overrides.yearGroup ?? 'Year 1', classCode }]);
  if (overrides.teacherIds?.length) {
    await insert.classTeachers(db, overrides.teacherIds.map((userId, i) => ({ classId: id as string, userId, role: i === 0 ? ('lead' as const) : ('co_teacher' as const) })));
  }
  return { id: id as string, classCode };
}

export async function buildStudent(
  db: Db,
  schoolId: string,
  classIds: string[],
  overrides: Partial<{ givenName: string; pictures: [PasswordPictureKey, PasswordPictureKey]; username: string; preferredLocale: string }> = {},
) {
  const user = await buildUser(db, { givenName: overrides.givenName ?? 'Child', email: null, username: overrides.username ?? null, password: Boolean(overrides.username) });
  const pictures = overrides.pictures ?? (['cat', 'sun'] as [PasswordPictureKey, PasswordPictureKey]);
  const [id] = await insert.students(db, [
    { schoolId, userId: user.id, yearGroup: 'Year 1', gradeLevel: 1, keyStage: 'KS1', avatar: 'fox', picturePasswordHash: await hashSecret(picturePasswordSecret(pictures)) },
  ]);
  if (classIds.length) await insert.enrollments(db, classIds.map((classId) => ({ classId, studentId: id as string })));
  return { id: id as string, userId: user.id, pictures, username: overrides.username ?? null };
}

export async function buildGuardian(
  db: Db,
  studentIds: string[],
  overrides: Parameters<typeof buildUser>[1] & { attendsSeparately?: boolean; relationship?: string } = {},
) {
  const user = await buildUser(db, overrides);
  const [guardianId] = await insert.guardians(db, [{ userId: user.id, phone: null }]);
  if (studentIds.length) {
    await insert.guardianStudents(
      db,
      studentIds.map((studentId) => ({ guardianId: guardianId as string, studentId, relationship: overrides.relationship ?? 'parent', attendsSeparately: overrides.attendsSeparately ?? false })),
    );
  }
  return { ...user, guardianId: guardianId as string };
}

/**
 * The people of the authorization matrix, in two schools: Ana (the child) is in class A taught by
 * teacherA; her guardian is guardianA. Ben is in class B (same school) with guardianB and teacherB.
 * Cleo is in class A too (another student). A second school has its own admin.
 */
export async function buildWorld(db: Db) {
  const school = await buildSchool(db);
  const otherSchool = await buildSchool(db);
  const admin = await buildStaff(db, school.id, 'admin');
  const teacherA = await buildStaff(db, school.id, 'teacher');
  const teacherB = await buildStaff(db, school.id, 'teacher');
  const classA = await buildClass(db, school.id, { teacherIds: [teacherA.id] });
  const classB = await buildClass(db, school.id, { teacherIds: [teacherB.id] });
  const ana = await buildStudent(db, school.id, [classA.id], { givenName: 'Ana', pictures: ['moon', 'fish'] });
  const cleo = await buildStudent(db, school.id, [classA.id], { givenName: 'Cleo' });
  const ben = await buildStudent(db, school.id, [classB.id], { givenName: 'Ben' });
  const guardianA = await buildGuardian(db, [ana.id], { givenName: 'Luis' });
  const guardianB = await buildGuardian(db, [ben.id]);
  const otherAdmin = await buildStaff(db, otherSchool.id, 'admin');
  const otherClass = await buildClass(db, otherSchool.id, { teacherIds: [otherAdmin.id] });
  return { school, otherSchool, admin, teacherA, teacherB, classA, classB, ana, cleo, ben, guardianA, guardianB, otherAdmin, otherClass };
}
export type World = Awaited<ReturnType<typeof buildWorld>>;

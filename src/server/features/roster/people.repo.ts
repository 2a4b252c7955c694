/** Writes for managing a school's people by hand. The only such code that touches Drizzle. */
import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { AvatarKey } from '../../../domain/pictures';
import type { Db } from '../../db/client';
import {
  classTeachers,
  classes,
  enrollments,
  guardianStudents,
  guardians,
  reportPeriods,
  staffMemberships,
  students,
  terms,
  users,
} from '../../db/schema/index';

export async function listSchoolClasses(db: Db, schoolId: string) {
  const rows = await db
    .select({ id: classes.id, name: classes.name, yearGroup: classes.yearGroup, classCode: classes.classCode, archivedAt: classes.archivedAt })
    .from(classes)
    .where(eq(classes.schoolId, schoolId))
    .orderBy(asc(classes.yearGroup), asc(classes.name));
  const ids = rows.map((r) => r.id);
  const [countsRows, teacherRows] = ids.length
    ? await Promise.all([
        db
          .select({ classId: enrollments.classId, n: count() })
          .from(enrollments)
          .innerJoin(students, eq(students.id, enrollments.studentId))
          .where(and(inArray(enrollments.classId, ids), isNull(students.archivedAt)))
          .groupBy(enrollments.classId),
        db
          .select({ classId: classTeachers.classId, userId: users.id, givenName: users.givenName, familyName: users.familyName, role: classTeachers.role })
          .from(classTeachers)
          .innerJoin(users, eq(users.id, classTeachers.userId))
          .where(inArray(classTeachers.classId, ids))
          .orderBy(asc(classTeachers.role), asc(users.familyName)),
      ])
    : [[], []];
  const countOf = new Map(countsRows.map((c) => [c.classId, Number(c.n)]));
  return rows.map(({ archivedAt, ...r }) => ({
    ...r,
    archived: archivedAt !== null,
    studentCount: countOf.get(r.id) ?? 0,
    teachers: teacherRows.filter((t) => t.classId === r.id).map(({ classId: _c, ...t }) => t),
  }));
}

export async function takenClassCodes(db: Db): Promise<Set<string>> {
  return new Set((await db.select({ code: sql<string>`upper(${classes.classCode})` }).from(classes)).map((r) => r.code));
}

export async function insertClass(db: Db, row: { schoolId: string; name: string; yearGroup: string; classCode: string }): Promise<string> {
  const id = randomUUID();
  await db.insert(classes).values({ id, ...row });
  return id;
}

export async function updateClass(db: Db, classId: string, values: { name?: string; yearGroup?: string; archivedAt?: Date | null }): Promise<void> {
  await db.update(classes).set(values).where(eq(classes.id, classId));
}

export async function replaceClassTeachers(db: Db, classId: string, teachers: Array<{ userId: string; role: 'lead' | 'co_teacher' | 'assistant' }>): Promise<void> {
  await db.delete(classTeachers).where(eq(classTeachers.classId, classId));
  if (teachers.length) await db.insert(classTeachers).values(teachers.map((t) => ({ classId, ...t })));
}

/** Of these user ids, the ones on the school's current staff. */
export async function currentStaffIds(db: Db, schoolId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ userId: staffMemberships.userId })
    .from(staffMemberships)
    .where(and(eq(staffMemberships.schoolId, schoolId), inArray(staffMemberships.userId, userIds), isNull(staffMemberships.archivedAt)));
  return new Set(rows.map((r) => r.userId));
}

/** Of these class ids, the ones of this school (not archived). */
export async function classIdsOfSchool(db: Db, schoolId: string, classIds: string[]): Promise<Set<string>> {
  if (classIds.length === 0) return new Set();
  const rows = await db.select({ id: classes.id }).from(classes).where(and(eq(classes.schoolId, schoolId), inArray(classes.id, classIds), isNull(classes.archivedAt)));
  return new Set(rows.map((r) => r.id));
}

export async function insertStudent(
  db: Db,
  row: { schoolId: string; givenName: string; familyName: string; yearGroup: string; gradeLevel: number; keyStage: string | null; avatar: AvatarKey; picturePasswordHash: string | null; classIds: string[] },
): Promise<string> {
  const userId = randomUUID();
  const studentId = randomUUID();
  await db.insert(users).values({ id: userId, givenName: row.givenName, familyName: row.familyName });
  await db.insert(students).values({
    id: studentId,
    schoolId: row.schoolId,
    userId,
    yearGroup: row.yearGroup,
    gradeLevel: row.gradeLevel,
    keyStage: row.keyStage,
    avatar: row.avatar,
    picturePasswordHash: row.picturePasswordHash,
  });
  if (row.classIds.length) await db.insert(enrollments).values(row.classIds.map((classId) => ({ classId, studentId })));
  return studentId;
}

export async function updateStudent(
  db: Db,
  studentId: string,
  values: { givenName?: string; familyName?: string; yearGroup?: string; gradeLevel?: number; keyStage?: string | null; avatar?: AvatarKey; archivedAt?: Date | null },
): Promise<void> {
  const { givenName, familyName, archivedAt, ...studentValues } = values;
  const [row] = await db.select({ userId: students.userId }).from(students).where(eq(students.id, studentId)).limit(1);
  if (!row) return;
  const userValues = { ...(givenName ? { givenName } : {}), ...(familyName ? { familyName } : {}), ...(archivedAt !== undefined ? { archivedAt } : {}) };
  if (Object.keys(userValues).length) await db.update(users).set(userValues).where(eq(users.id, row.userId));
  const sv = { ...studentValues, ...(archivedAt !== undefined ? { archivedAt } : {}) };
  if (Object.keys(sv).length) await db.update(students).set(sv).where(eq(students.id, studentId));
}

export async function setStudentClasses(db: Db, studentId: string, classIds: string[]): Promise<void> {
  await db.delete(enrollments).where(eq(enrollments.studentId, studentId));
  if (classIds.length) await db.insert(enrollments).values(classIds.map((classId) => ({ classId, studentId })));
}

export async function setPicturePasswordHash(db: Db, studentId: string, hash: string): Promise<void> {
  await db.update(students).set({ picturePasswordHash: hash }).where(eq(students.id, studentId));
}

/**
 * Links a guardian to a child: the person is found by email if they already have an account (a
 * parent of two children, a teacher who is also a parent), else created. Linking twice updates.
 */
export async function linkGuardian(
  db: Db,
  studentId: string,
  g: { givenName: string; familyName: string; email: string | null; phone: string | null; preferredLocale: string | null; relationship: string; attendsSeparately: boolean },
): Promise<string> {
  const email = g.email?.toLowerCase() ?? null;
  let userId: string | undefined;
  if (email) [{ id: userId } = { id: undefined }] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email)).limit(1);
  if (!userId) {
    userId = randomUUID();
    await db.insert(users).values({ id: userId, givenName: g.givenName, familyName: g.familyName, email, preferredLocale: g.preferredLocale });
  }
  await db.insert(guardians).values({ userId, phone: g.phone }).onConflictDoNothing({ target: guardians.userId });
  const [guardian] = await db.select({ id: guardians.id }).from(guardians).where(eq(guardians.userId, userId)).limit(1);
  const guardianId = (guardian as { id: string }).id;
  await db
    .insert(guardianStudents)
    .values({ guardianId, studentId, relationship: g.relationship, attendsSeparately: g.attendsSeparately })
    .onConflictDoUpdate({ target: [guardianStudents.guardianId, guardianStudents.studentId], set: { relationship: g.relationship, attendsSeparately: g.attendsSeparately } });
  return guardianId;
}

export async function updateGuardianLink(
  db: Db,
  studentId: string,
  guardianId: string,
  values: { relationship?: string; attendsSeparately?: boolean; phone?: string | null; preferredLocale?: string | null },
): Promise<boolean> {
  const { phone, preferredLocale, ...link } = values;
  const [linked] = await db.select({ g: guardianStudents.guardianId }).from(guardianStudents).where(and(eq(guardianStudents.studentId, studentId), eq(guardianStudents.guardianId, guardianId))).limit(1);
  if (!linked) return false;
  if (Object.keys(link).length) await db.update(guardianStudents).set(link).where(and(eq(guardianStudents.studentId, studentId), eq(guardianStudents.guardianId, guardianId)));
  if (phone !== undefined) await db.update(guardians).set({ phone }).where(eq(guardians.id, guardianId));
  if (preferredLocale !== undefined) {
    const [g] = await db.select({ userId: guardians.userId }).from(guardians).where(eq(guardians.id, guardianId)).limit(1);
    if (g) await db.update(users).set({ preferredLocale }).where(eq(users.id, g.userId));
  }
  return true;
}

export async function unlinkGuardian(db: Db, studentId: string, guardianId: string): Promise<boolean> {
  const rows = await db.delete(guardianStudents).where(and(eq(guardianStudents.studentId, studentId), eq(guardianStudents.guardianId, guardianId))).returning({ g: guardianStudents.guardianId });
  return rows.length > 0;
}

export async function listStaff(db: Db, schoolId: string) {
  const rows = await db
    .select({ userId: users.id, givenName: users.givenName, familyName: users.familyName, email: users.email, role: staffMemberships.role, archivedAt: staffMemberships.archivedAt })
    .from(staffMemberships)
    .innerJoin(users, eq(users.id, staffMemberships.userId))
    .where(eq(staffMemberships.schoolId, schoolId))
    .orderBy(asc(users.familyName), asc(users.givenName));
  return rows.map(({ archivedAt, ...r }) => ({ ...r, archived: archivedAt !== null }));
}

/** Adds a member of staff (an existing account by email, or a new one). */
export async function addStaff(db: Db, schoolId: string, s: { givenName: string; familyName: string; email: string; role: 'admin' | 'teacher' | 'assistant'; preferredLocale: string | null }): Promise<string> {
  const email = s.email.toLowerCase();
  let [{ id: userId } = { id: undefined as string | undefined }] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email)).limit(1);
  if (!userId) {
    userId = randomUUID();
    await db.insert(users).values({ id: userId, givenName: s.givenName, familyName: s.familyName, email, preferredLocale: s.preferredLocale });
  }
  await db
    .insert(staffMemberships)
    .values({ schoolId, userId, role: s.role })
    .onConflictDoUpdate({ target: [staffMemberships.schoolId, staffMemberships.userId, staffMemberships.role], set: { archivedAt: null } });
  return userId;
}

export async function updateStaff(db: Db, schoolId: string, userId: string, values: { role?: 'admin' | 'teacher' | 'assistant'; archived?: boolean }): Promise<boolean> {
  const where = and(eq(staffMemberships.schoolId, schoolId), eq(staffMemberships.userId, userId));
  const existing = await db.select({ role: staffMemberships.role }).from(staffMemberships).where(where);
  if (existing.length === 0) return false;
  if (values.role && !existing.some((e) => e.role === values.role)) {
    // One role at a school: changing it replaces the membership (history of classes is kept).
    await db.delete(staffMemberships).where(where);
    await db.insert(staffMemberships).values({ schoolId, userId, role: values.role });
  }
  if (values.archived !== undefined) await db.update(staffMemberships).set({ archivedAt: values.archived ? new Date() : null }).where(where);
  return true;
}

export async function listTerms(db: Db, schoolId: string) {
  const termRows = await db.select().from(terms).where(eq(terms.schoolId, schoolId)).orderBy(asc(terms.startsOn));
  const periods = await db.select().from(reportPeriods).where(eq(reportPeriods.schoolId, schoolId)).orderBy(asc(reportPeriods.startsOn));
  return termRows.map((t) => ({
    id: t.id,
    name: t.name,
    startsOn: t.startsOn,
    endsOn: t.endsOn,
    reportPeriods: periods.filter((p) => p.termId === t.id).map((p) => ({ id: p.id, name: p.name, startsOn: p.startsOn, endsOn: p.endsOn })),
  }));
}

export async function insertTerm(db: Db, row: { schoolId: string; name: string; startsOn: string; endsOn: string }): Promise<string> {
  const id = randomUUID();
  await db.insert(terms).values({ id, ...row });
  return id;
}

export async function findTermSchool(db: Db, termId: string): Promise<string | undefined> {
  const [row] = await db.select({ schoolId: terms.schoolId }).from(terms).where(eq(terms.id, termId)).limit(1);
  return row?.schoolId;
}

export async function insertReportPeriod(db: Db, row: { schoolId: string; termId: string; name: string; startsOn: string; endsOn: string }): Promise<string> {
  const id = randomUUID();
  await db.insert(reportPeriods).values({ id, ...row });
  return id;
}

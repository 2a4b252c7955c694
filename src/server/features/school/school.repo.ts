/** Reads of schools, classes, students and families. The only school code that touches Drizzle. */
import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  classTeachers,
  classes,
  enrollments,
  guardianStudents,
  guardians,
  schools,
  staffMemberships,
  students,
  users,
} from '../../db/schema/index';

/** A child who is on roll: neither the student record nor their account is archived. */
const activeStudent = and(isNull(students.archivedAt), isNull(users.archivedAt));

export async function findSchool(db: Db, id: string) {
  const [row] = await db
    .select({ id: schools.id, name: schools.name, timeZone: schools.timeZone, locale: schools.locale })
    .from(schools)
    .where(eq(schools.id, id))
    .limit(1);
  return row;
}

export async function findSchools(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: schools.id, name: schools.name, timeZone: schools.timeZone, locale: schools.locale })
    .from(schools)
    .where(inArray(schools.id, ids))
    .orderBy(asc(schools.name));
}

export async function findClassSubject(db: Db, classId: string, options: { includeArchived?: boolean } = {}) {
  const [row] = await db
    .select({ schoolId: classes.schoolId })
    .from(classes)
    .where(and(eq(classes.id, classId), options.includeArchived ? undefined : isNull(classes.archivedAt)))
    .limit(1);
  return row;
}

export async function findStudentSubject(db: Db, studentId: string, options: { includeArchived?: boolean } = {}) {
  const [row] = await db
    .select({ schoolId: students.schoolId })
    .from(students)
    .innerJoin(users, eq(users.id, students.userId))
    .where(and(eq(students.id, studentId), options.includeArchived ? undefined : activeStudent))
    .limit(1);
  if (!row) return undefined;
  const enrolled = await db.select({ classId: enrollments.classId }).from(enrollments).where(eq(enrollments.studentId, studentId));
  return { schoolId: row.schoolId, classIds: enrolled.map((e) => e.classId) };
}

const classSummary = {
  id: classes.id,
  name: classes.name,
  yearGroup: classes.yearGroup,
  classCode: classes.classCode,
  schoolId: classes.schoolId,
};

async function withCounts<T extends { id: string }>(db: Db, rows: T[]): Promise<Array<T & { studentCount: number }>> {
  if (rows.length === 0) return [];
  const counts = await db
    .select({ classId: enrollments.classId, n: count() })
    .from(enrollments)
    .innerJoin(students, eq(students.id, enrollments.studentId))
    .innerJoin(users, eq(users.id, students.userId))
    .where(and(inArray(enrollments.classId, rows.map((r) => r.id)), activeStudent))
    .groupBy(enrollments.classId);
  const byClass = new Map(counts.map((c) => [c.classId, Number(c.n)]));
  return rows.map((r) => ({ ...r, studentCount: byClass.get(r.id) ?? 0 }));
}

/** Classes the person teaches, co-teaches or assists in. */
export async function listClassesTaughtBy(db: Db, userId: string) {
  const rows = await db
    .select({ ...classSummary, role: classTeachers.role })
    .from(classTeachers)
    .innerJoin(classes, eq(classes.id, classTeachers.classId))
    // Only while on the staff of the class's school (same rule as loadActor's `teaches`).
    .innerJoin(staffMemberships, and(eq(staffMemberships.userId, classTeachers.userId), eq(staffMemberships.schoolId, classes.schoolId), isNull(staffMemberships.archivedAt)))
    .where(and(eq(classTeachers.userId, userId), isNull(classes.archivedAt)))
    .orderBy(asc(classes.yearGroup), asc(classes.name));
  return withCounts(db, [...new Map(rows.map((r) => [r.id, r])).values()]);
}

export async function listClassesOfSchool(db: Db, schoolId: string) {
  const rows = await db
    .select(classSummary)
    .from(classes)
    .where(and(eq(classes.schoolId, schoolId), isNull(classes.archivedAt)))
    .orderBy(asc(classes.yearGroup), asc(classes.name));
  return withCounts(db, rows);
}

async function teachersOf(db: Db, classIds: string[]) {
  if (classIds.length === 0) return [];
  return db
    .select({ classId: classTeachers.classId, userId: users.id, givenName: users.givenName, familyName: users.familyName, role: classTeachers.role })
    .from(classTeachers)
    .innerJoin(users, eq(users.id, classTeachers.userId))
    .where(and(inArray(classTeachers.classId, classIds), isNull(users.archivedAt)))
    .orderBy(asc(classTeachers.role), asc(users.familyName));
}

export async function findClassWithMembers(db: Db, classId: string) {
  const [klass] = await db.select(classSummary).from(classes).where(eq(classes.id, classId)).limit(1);
  if (!klass) return undefined;
  const [teachers, roster] = await Promise.all([
    teachersOf(db, [classId]),
    db
      .select({
        id: students.id,
        givenName: users.givenName,
        familyName: users.familyName,
        avatar: students.avatar,
        yearGroup: students.yearGroup,
        keyStage: students.keyStage,
      })
      .from(enrollments)
      .innerJoin(students, eq(students.id, enrollments.studentId))
      .innerJoin(users, eq(users.id, students.userId))
      .where(and(eq(enrollments.classId, classId), activeStudent))
      .orderBy(asc(users.familyName), asc(users.givenName)),
  ]);
  return { ...klass, teachers: teachers.map(({ classId: _c, ...t }) => t), students: roster };
}

export async function findStudentProfile(db: Db, studentId: string) {
  const [row] = await db
    .select({
      id: students.id,
      schoolId: students.schoolId,
      givenName: users.givenName,
      familyName: users.familyName,
      yearGroup: students.yearGroup,
      gradeLevel: students.gradeLevel,
      keyStage: students.keyStage,
      avatar: students.avatar,
      archivedAt: students.archivedAt,
      userArchivedAt: users.archivedAt,
    })
    .from(students)
    .innerJoin(users, eq(users.id, students.userId))
    .where(eq(students.id, studentId))
    .limit(1);
  if (!row) return undefined;
  const enrolled = await db
    .select(classSummary)
    .from(enrollments)
    .innerJoin(classes, eq(classes.id, enrollments.classId))
    .where(and(eq(enrollments.studentId, studentId), isNull(classes.archivedAt)))
    .orderBy(asc(classes.name));
  const teachers = await teachersOf(db, enrolled.map((c) => c.id));
  const { archivedAt, userArchivedAt, ...profile } = row;
  return {
    ...profile,
    archived: archivedAt !== null || userArchivedAt !== null,
    classes: enrolled.map((c) => ({
      id: c.id,
      name: c.name,
      yearGroup: c.yearGroup,
      teachers: teachers.filter((t) => t.classId === c.id).map(({ classId: _c, ...t }) => t),
    })),
  };
}

export async function listGuardiansOfStudent(db: Db, studentId: string) {
  return db
    .select({
      guardianId: guardians.id,
      userId: users.id,
      givenName: users.givenName,
      familyName: users.familyName,
      email: users.email,
      phone: guardians.phone,
      preferredLocale: users.preferredLocale,
      relationship: guardianStudents.relationship,
      attendsSeparately: guardianStudents.attendsSeparately,
    })
    .from(guardianStudents)
    .innerJoin(guardians, eq(guardians.id, guardianStudents.guardianId))
    .innerJoin(users, eq(users.id, guardians.userId))
    .where(and(eq(guardianStudents.studentId, studentId), isNull(users.archivedAt)))
    .orderBy(asc(users.familyName), asc(users.givenName));
}

export async function listStaffOfSchool(db: Db, schoolId: string) {
  return db
    .select({ userId: users.id, givenName: users.givenName, familyName: users.familyName, role: staffMemberships.role })
    .from(staffMemberships)
    .innerJoin(users, eq(users.id, staffMemberships.userId))
    .where(and(eq(staffMemberships.schoolId, schoolId), isNull(users.archivedAt)))
    .orderBy(asc(users.familyName));
}

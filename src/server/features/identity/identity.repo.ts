/** Accounts, sessions, sign-in links and failures. The only identity code that touches Drizzle. */
import { and, count, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { UserActor, StaffRole } from '../../../domain/permissions/index';
import type { Db } from '../../db/client';
import {
  classTeachers,
  classes,
  conferencePairings,
  enrollments,
  guardianStudents,
  guardians,
  sessions,
  signInAttempts,
  signInTokens,
  staffMemberships,
  students,
  users,
} from '../../db/schema/index';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(sql`lower(${users.email})`, email.trim().toLowerCase())).limit(1);
  return row;
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(sql`lower(${users.username})`, username.trim().toLowerCase())).limit(1);
  return row;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function updateUserLocale(db: Db, userId: string, locale: string | null): Promise<void> {
  await db.update(users).set({ preferredLocale: locale }).where(eq(users.id, userId));
}

/** Everything `can()` needs about a person, read in a few small queries. Null for archived people. */
export async function loadActor(db: Db, user: UserRow): Promise<UserActor | null> {
  if (user.archivedAt) return null;
  const userId = user.id;
  const [staff, teaches, guardianOf, studentRows] = await Promise.all([
    db
      .select({ schoolId: staffMemberships.schoolId, role: staffMemberships.role })
      .from(staffMemberships)
      .where(and(eq(staffMemberships.userId, userId), isNull(staffMemberships.archivedAt))),
    // Teaching counts only while the person is on the staff of the class's school: a teacher who
    // left keeps no access through class rows nobody removed.
    db
      .selectDistinct({ schoolId: classes.schoolId, classId: classes.id })
      .from(classTeachers)
      .innerJoin(classes, eq(classes.id, classTeachers.classId))
      .innerJoin(staffMemberships, and(eq(staffMemberships.userId, classTeachers.userId), eq(staffMemberships.schoolId, classes.schoolId), isNull(staffMemberships.archivedAt)))
      .where(and(eq(classTeachers.userId, userId), isNull(classes.archivedAt))),
    db
      .select({ schoolId: students.schoolId, studentId: students.id })
      .from(guardians)
      .innerJoin(guardianStudents, eq(guardianStudents.guardianId, guardians.id))
      .innerJoin(students, eq(students.id, guardianStudents.studentId))
      .innerJoin(users, eq(users.id, students.userId))
      .where(and(eq(guardians.userId, userId), isNull(students.archivedAt), isNull(users.archivedAt))),
    db
      .select({ schoolId: students.schoolId, studentId: students.id })
      .from(students)
      .where(and(eq(students.userId, userId), isNull(students.archivedAt))),
  ]);
  const studentRow = studentRows[0];
  let student: UserActor['student'] = null;
  let partnerOf: UserActor['partnerOf'] = [];
  if (studentRow) {
    const [enrolled, pairings] = await Promise.all([
      db.select({ classId: enrollments.classId }).from(enrollments).where(eq(enrollments.studentId, studentRow.studentId)),
      db
        .select({ schoolId: conferencePairings.schoolId, studentId: conferencePairings.partnerId })
        .from(conferencePairings)
        .where(and(eq(conferencePairings.conferencerId, studentRow.studentId), isNull(conferencePairings.endedAt))),
    ]);
    student = { ...studentRow, classIds: enrolled.map((e) => e.classId) };
    partnerOf = pairings;
  }
  return {
    kind: 'user',
    userId,
    staff: staff.map((s) => ({ schoolId: s.schoolId, role: s.role as StaffRole })),
    teaches,
    guardianOf,
    student,
    partnerOf,
  };
}

// Sessions -------------------------------------------------------------------------------------

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(db: Db, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function findLiveSession(db: Db, id: string, now: Date): Promise<SessionRow | undefined> {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)))
    .limit(1);
  return row;
}

export async function touchSession(db: Db, id: string, now: Date, expiresAt: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id));
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteSessionsOfUser(db: Db, userId: string): Promise<number> {
  const rows = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return rows.length;
}

// Sign-in links ---------------------------------------------------------------------------------

export async function insertSignInToken(db: Db, row: typeof signInTokens.$inferInsert): Promise<void> {
  await db.insert(signInTokens).values(row);
}

/** Marks the link used and returns its user, in one statement, so a link signs in only once even when clicked twice at once. */
export async function consumeSignInToken(db: Db, id: string, now: Date): Promise<string | null> {
  const [row] = await db
    .update(signInTokens)
    .set({ usedAt: now })
    .where(and(eq(signInTokens.id, id), isNull(signInTokens.usedAt), gt(signInTokens.expiresAt, now)))
    .returning({ userId: signInTokens.userId });
  return row?.userId ?? null;
}

// Attempts -------------------------------------------------------------------------------------

/**
 * Records an attempt as pending and returns its id with the number of unresolved attempts
 * (pending or failed) on the account since `since`, this one included. Because the row is written
 * before the count, simultaneous guesses see each other: the k-th to be written counts at least k.
 */
export async function beginSignInAttempt(db: Db, accountKey: string, ip: string, at: Date, since: Date): Promise<{ id: string; unresolved: number }> {
  const [row] = await db.insert(signInAttempts).values({ accountKey, ip, at }).returning({ id: signInAttempts.id });
  const [n] = await db
    .select({ n: count() })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.accountKey, accountKey), gt(signInAttempts.at, since), inArray(signInAttempts.outcome, ['pending', 'failed'])));
  return { id: (row as { id: string }).id, unresolved: Number(n?.n ?? 0) };
}

export async function failSignInAttempt(db: Db, id: string): Promise<void> {
  await db.update(signInAttempts).set({ outcome: 'failed' }).where(eq(signInAttempts.id, id));
}

/** A success: this attempt succeeded and the account's earlier failures are cleared (kept, not deleted). */
export async function succeedSignInAttempt(db: Db, id: string, accountKey: string): Promise<void> {
  await db
    .update(signInAttempts)
    .set({ outcome: 'cleared' })
    .where(and(eq(signInAttempts.accountKey, accountKey), inArray(signInAttempts.outcome, ['pending', 'failed']), ne(signInAttempts.id, id)));
  await db.update(signInAttempts).set({ outcome: 'succeeded' }).where(eq(signInAttempts.id, id));
}

// Picture sign-in -------------------------------------------------------------------------------

export async function findClassByCode(db: Db, code: string) {
  const [row] = await db
    .select({ id: classes.id, name: classes.name, schoolId: classes.schoolId })
    .from(classes)
    .where(and(eq(sql`upper(${classes.classCode})`, code.trim().toUpperCase()), isNull(classes.archivedAt)))
    .limit(1);
  return row;
}

/** The children of a class as the sign-in page shows them: first name and picture only. */
export async function listClassForPictureSignIn(db: Db, classId: string) {
  return db
    .select({ studentId: students.id, givenName: users.givenName, familyInitial: sql<string>`left(${users.familyName}, 1)`, avatar: students.avatar })
    .from(enrollments)
    .innerJoin(students, eq(students.id, enrollments.studentId))
    .innerJoin(users, eq(users.id, students.userId))
    .where(and(eq(enrollments.classId, classId), isNull(students.archivedAt), isNull(users.archivedAt)))
    .orderBy(users.givenName, users.familyName);
}

export async function findEnrolledStudentSecret(db: Db, classId: string, studentId: string) {
  const [row] = await db
    .select({ userId: students.userId, picturePasswordHash: students.picturePasswordHash })
    .from(enrollments)
    .innerJoin(students, eq(students.id, enrollments.studentId))
    .innerJoin(users, eq(users.id, students.userId))
    .where(and(eq(enrollments.classId, classId), eq(enrollments.studentId, studentId), isNull(students.archivedAt), isNull(users.archivedAt)))
    .limit(1);
  return row;
}

/** Records the first time a person signed in (their "joined" date); later sign-ins leave it. */
export async function markJoined(db: Db, userId: string, now: Date): Promise<void> {
  await db.update(users).set({ joinedAt: now }).where(and(eq(users.id, userId), isNull(users.joinedAt)));
}

/** Invitations and "who has joined". The only invitation code that touches Drizzle. */
import { and, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { groupBy } from '../roster/roster.repo';
import { classes, enrollments, guardianStudents, guardians, invitations, schools, staffMemberships, students, users } from '../../db/schema/index';

/**
 * The families of a school (or of some classes): each guardian with their children there, whether
 * they have joined, and their latest invitation.
 */
export async function listFamilies(db: Db, schoolId: string, classIds: string[] | null) {
  const childRows = await db
    .select({
      userId: users.id,
      givenName: users.givenName,
      familyName: users.familyName,
      email: users.email,
      preferredLocale: users.preferredLocale,
      joinedAt: users.joinedAt,
      studentId: students.id,
      childUserId: students.userId,
    })
    .from(guardianStudents)
    .innerJoin(guardians, eq(guardians.id, guardianStudents.guardianId))
    .innerJoin(users, eq(users.id, guardians.userId))
    .innerJoin(students, eq(students.id, guardianStudents.studentId))
    .where(and(eq(students.schoolId, schoolId), isNull(students.archivedAt), isNull(users.archivedAt)));
  const studentIds = [...new Set(childRows.map((r) => r.studentId))];
  const childNames = new Map<string, { givenName: string; classIds: string[]; classNames: string[] }>();
  if (studentIds.length) {
    const names = await db.select({ id: students.id, givenName: users.givenName }).from(students).innerJoin(users, eq(users.id, students.userId)).where(inArray(students.id, studentIds));
    const cls = await db
      .select({ studentId: enrollments.studentId, classId: classes.id, name: classes.name })
      .from(enrollments)
      .innerJoin(classes, eq(classes.id, enrollments.classId))
      .where(and(inArray(enrollments.studentId, studentIds), isNull(classes.archivedAt)));
    const byStudent = groupBy(cls, (c) => c.studentId);
    for (const n of names) {
      const mine = byStudent.get(n.id) ?? [];
      childNames.set(n.id, { givenName: n.givenName, classIds: mine.map((c) => c.classId), classNames: mine.map((c) => c.name) });
    }
  }
  const userIds = [...new Set(childRows.map((r) => r.userId))];
  const latest = new Map<string, typeof invitations.$inferSelect>();
  if (userIds.length) {
    for (const inv of await db.select().from(invitations).where(and(eq(invitations.schoolId, schoolId), inArray(invitations.userId, userIds))).orderBy(desc(invitations.createdAt))) {
      if (!latest.has(inv.userId)) latest.set(inv.userId, inv);
    }
  }
  const families = new Map<string, { userId: string; givenName: string; familyName: string; email: string | null; preferredLocale: string | null; joinedAt: Date | null; children: Array<{ studentId: string; givenName: string; classIds: string[]; classNames: string[] }> }>();
  for (const r of childRows) {
    const child = childNames.get(r.studentId);
    if (!child) continue;
    if (classIds && !child.classIds.some((c) => classIds.includes(c))) continue;
    const f = families.get(r.userId) ?? { userId: r.userId, givenName: r.givenName, familyName: r.familyName, email: r.email, preferredLocale: r.preferredLocale, joinedAt: r.joinedAt, children: [] };
    f.children.push({ studentId: r.studentId, ...child });
    families.set(r.userId, f);
  }
  return [...families.values()].map((f) => ({ ...f, invitation: latest.get(f.userId) ?? null })).sort((a, b) => a.familyName.localeCompare(b.familyName) || a.givenName.localeCompare(b.givenName));
}

/** Students (with their school) whose guardian this user is — to check who may invite them. */
export async function childrenOfGuardianUser(db: Db, userId: string, schoolId: string) {
  return db
    .select({ studentId: students.id })
    .from(guardianStudents)
    .innerJoin(guardians, eq(guardians.id, guardianStudents.guardianId))
    .innerJoin(students, eq(students.id, guardianStudents.studentId))
    .where(and(eq(guardians.userId, userId), eq(students.schoolId, schoolId), isNull(students.archivedAt)));
}

export async function findUserBasics(db: Db, userId: string) {
  const [row] = await db
    .select({ id: users.id, givenName: users.givenName, familyName: users.familyName, email: users.email, preferredLocale: users.preferredLocale, joinedAt: users.joinedAt, hasPassword: sql<boolean>`${users.passwordHash} is not null` })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row;
}

/**
 * May this account be given a password through an invitation? Only if nobody has ever used it:
 * no password, never signed in, not staff anywhere, not a pupil. Anyone else already has a way in,
 * and an invitation must never become a way into their account.
 */
export async function isUnclaimedFamilyAccount(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.id, userId),
        isNull(users.passwordHash),
        isNull(users.joinedAt),
        sql`not exists (select 1 from ${staffMemberships} where ${staffMemberships.userId} = ${users.id})`,
        sql`not exists (select 1 from ${students} where ${students.userId} = ${users.id})`,
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** Sets the password only on an account nobody has claimed yet (see isUnclaimedFamilyAccount). */
export async function claimAccount(db: Db, userId: string, passwordHash: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ passwordHash, joinedAt: now })
    .where(and(eq(users.id, userId), isNull(users.passwordHash), isNull(users.joinedAt)))
    .returning({ id: users.id });
  return rows.length > 0;
}

export async function revokeOpenInvitations(db: Db, schoolId: string, userId: string, now: Date): Promise<void> {
  await db
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.schoolId, schoolId), eq(invitations.userId, userId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
}

export async function insertInvitation(db: Db, row: typeof invitations.$inferInsert): Promise<string> {
  const [r] = await db.insert(invitations).values(row).returning({ id: invitations.id });
  return (r as { id: string }).id;
}

export async function markInvitationSent(db: Db, id: string, secretHash: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ secretHash, sentAt: now })
    .where(and(eq(invitations.id, id), isNull(invitations.sentAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  return rows.length > 0;
}

export async function findInvitation(db: Db, id: string) {
  const [row] = await db.select().from(invitations).where(eq(invitations.id, id)).limit(1);
  return row;
}

/** A live invitation by its secret: not accepted, not revoked, not expired — with whom and where. */
export async function findLiveInvitation(db: Db, secretHash: string, now: Date) {
  const [row] = await db
    .select({ id: invitations.id, userId: invitations.userId, schoolId: invitations.schoolId, schoolName: schools.name, givenName: users.givenName, preferredLocale: users.preferredLocale })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .innerJoin(schools, eq(schools.id, invitations.schoolId))
    .where(and(eq(invitations.secretHash, secretHash), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now), isNull(users.archivedAt)))
    .limit(1);
  return row;
}

/** Accepts once: the update only matches an invitation nobody accepted yet. */
export async function acceptInvitationRow(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db.update(invitations).set({ acceptedAt: now }).where(and(eq(invitations.id, id), isNull(invitations.acceptedAt))).returning({ id: invitations.id });
  return rows.length > 0;
}


export async function childFirstNames(db: Db, userId: string, schoolId: string): Promise<string[]> {
  const rows = await db
    .select({ givenName: users.givenName })
    .from(guardianStudents)
    .innerJoin(guardians, eq(guardians.id, guardianStudents.guardianId))
    .innerJoin(students, eq(students.id, guardianStudents.studentId))
    .innerJoin(users, eq(users.id, students.userId))
    .where(and(eq(guardians.userId, userId), eq(students.schoolId, schoolId), isNull(students.archivedAt)));
  return rows.map((r) => r.givenName).sort();
}

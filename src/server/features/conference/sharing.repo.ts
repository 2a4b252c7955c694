/**
 * Sharing records by link: the only Drizzle code of it. The links of a record with how often and
 * when they were last opened, each opening, and the school's and classes' switches.
 */
import { and, count, desc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { classes, conferences, enrollments, guardians, guardianStudents, recordShares, recordShareViews, schools, users } from '../../db/schema/index';

export type ShareRow = typeof recordShares.$inferSelect;
export type ShareWithViews = ShareRow & { creatorName: string | null; views: number; lastViewedAt: Date | null };

const fullName = sql<string>`${users.givenName} || ' ' || ${users.familyName}`;

/** The school's switch and those of the classes the child is in now (archived classes do not count). */
export async function sharingSwitchesOf(db: Db, schoolId: string, studentId: string): Promise<{ school: boolean; classes: boolean[] }> {
  const [school] = await db.select({ on: schools.recordSharing }).from(schools).where(eq(schools.id, schoolId)).limit(1);
  const rows = await db
    .select({ on: classes.recordSharing })
    .from(enrollments)
    .innerJoin(classes, eq(classes.id, enrollments.classId))
    .where(and(eq(enrollments.studentId, studentId), isNull(classes.archivedAt)));
  return { school: school?.on ?? false, classes: rows.map((r) => r.on) };
}

/** Holds the conference row until the transaction ends, so two requests at once count the same links. */
export async function lockConference(tx: Db, conferenceId: string): Promise<void> {
  await tx.select({ id: conferences.id }).from(conferences).where(eq(conferences.id, conferenceId)).for('update');
}

export async function sharesOfConference(db: Db, conferenceId: string): Promise<ShareWithViews[]> {
  const rows = await db
    .select({ share: recordShares, creatorName: fullName })
    .from(recordShares)
    .leftJoin(users, eq(users.id, recordShares.createdBy))
    .where(eq(recordShares.conferenceId, conferenceId))
    .orderBy(desc(recordShares.createdAt));
  const tallies = await viewTallies(db, rows.map((r) => r.share.id));
  return rows.map((r) => ({ ...r.share, creatorName: r.creatorName, views: tallies.get(r.share.id)?.views ?? 0, lastViewedAt: tallies.get(r.share.id)?.last ?? null }));
}

async function viewTallies(db: Db, shareIds: string[]) {
  if (shareIds.length === 0) return new Map<string, { views: number; last: Date | null }>();
  const rows = await db
    .select({ shareId: recordShareViews.shareId, views: count(), last: max(recordShareViews.viewedAt) })
    .from(recordShareViews)
    .where(inArray(recordShareViews.shareId, shareIds))
    .groupBy(recordShareViews.shareId);
  // node-postgres gives max() of a timestamptz as a Date; PGlite may give the text.
  return new Map(rows.map((r) => [r.shareId, { views: Number(r.views), last: r.last ? new Date(r.last) : null }]));
}

export async function shareWithViews(db: Db, id: string): Promise<ShareWithViews | undefined> {
  const [row] = await db.select({ share: recordShares, creatorName: fullName }).from(recordShares).leftJoin(users, eq(users.id, recordShares.createdBy)).where(eq(recordShares.id, id)).limit(1);
  if (!row) return undefined;
  const tally = (await viewTallies(db, [id])).get(id);
  return { ...row.share, creatorName: row.creatorName, views: tally?.views ?? 0, lastViewedAt: tally?.last ?? null };
}

export async function insertShare(db: Db, row: { conferenceId: string; createdBy: string; recipient: string; tokenHash: string; expiresAt: Date; createdAt: Date }): Promise<ShareRow> {
  const [inserted] = await db.insert(recordShares).values(row).returning();
  return inserted!;
}

export async function findShare(db: Db, id: string): Promise<ShareRow | undefined> {
  const [row] = await db.select().from(recordShares).where(eq(recordShares.id, id)).limit(1);
  return row;
}

export async function findShareByTokenHash(db: Db, tokenHash: string): Promise<ShareRow | undefined> {
  const [row] = await db.select().from(recordShares).where(eq(recordShares.tokenHash, tokenHash)).limit(1);
  return row;
}

/** Withdraws a link (a second withdrawal keeps the first time). */
export async function revokeShare(db: Db, id: string, now: Date): Promise<void> {
  await db.update(recordShares).set({ revokedAt: now }).where(and(eq(recordShares.id, id), isNull(recordShares.revokedAt)));
}

export async function insertShareView(db: Db, shareId: string, viewedAt: Date, userAgent: string): Promise<void> {
  await db.insert(recordShareViews).values({ shareId, viewedAt, userAgent });
}

/** A link's openings, the newest first (at most `limit`). */
export async function viewsOfShare(db: Db, shareId: string, limit: number) {
  return db
    .select({ viewedAt: recordShareViews.viewedAt, userAgent: recordShareViews.userAgent })
    .from(recordShareViews)
    .where(eq(recordShareViews.shareId, shareId))
    .orderBy(desc(recordShareViews.viewedAt))
    .limit(limit);
}

/** Whether the person is still one of the child's guardians (not removed, account not archived). */
export async function isGuardianOf(db: Db, userId: string, studentId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: users.id })
    .from(guardianStudents)
    .innerJoin(guardians, eq(guardians.id, guardianStudents.guardianId))
    .innerJoin(users, eq(users.id, guardians.userId))
    .where(and(eq(guardianStudents.studentId, studentId), eq(users.id, userId), isNull(users.archivedAt)))
    .limit(1);
  return Boolean(row);
}

export async function personName(db: Db, userId: string): Promise<string> {
  const [row] = await db.select({ name: fullName }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.name ?? '';
}

export async function findSchoolSharing(db: Db, schoolId: string): Promise<boolean | undefined> {
  const [row] = await db.select({ on: schools.recordSharing }).from(schools).where(eq(schools.id, schoolId)).limit(1);
  return row?.on;
}

export async function setSchoolSharing(db: Db, schoolId: string, enabled: boolean): Promise<void> {
  await db.update(schools).set({ recordSharing: enabled }).where(eq(schools.id, schoolId));
}

export async function findClassSharing(db: Db, classId: string): Promise<{ schoolId: string; enabled: boolean; schoolEnabled: boolean } | undefined> {
  const [row] = await db
    .select({ schoolId: classes.schoolId, enabled: classes.recordSharing, schoolEnabled: schools.recordSharing })
    .from(classes)
    .innerJoin(schools, eq(schools.id, classes.schoolId))
    .where(eq(classes.id, classId))
    .limit(1);
  return row;
}

export async function setClassSharing(db: Db, classId: string, enabled: boolean): Promise<void> {
  await db.update(classes).set({ recordSharing: enabled }).where(eq(classes.id, classId));
}

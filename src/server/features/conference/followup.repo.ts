/**
 * Private follow-up: the only Drizzle code of it. Requests with what a page shows of their
 * conference (the round's name, the school's zone), their messages, and the teacher's queue.
 */
import { and, asc, desc, eq, inArray, isNotNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { FollowupStatus } from '../../../domain/conference/followup';
import type { Db } from '../../db/client';
import { bookings, conferenceRounds, conferences, enrollments, followupMessages, followupRequests, schools, users } from '../../db/schema/index';

export type FollowupRow = typeof followupRequests.$inferSelect;
export type FollowupMessageRow = typeof followupMessages.$inferSelect;

const fullName = sql<string>`${users.givenName} || ' ' || ${users.familyName}`;

/** A request with its conference's round, booking time and school (for its page and its emails). */
export interface FollowupContext {
  request: FollowupRow;
  roundId: string;
  roundName: string;
  conferenceStartsAt: Date;
  timeZone: string;
  schoolName: string;
  schoolLocale: string;
}

function withContext(db: Db) {
  return db
    .select({
      request: followupRequests,
      roundId: conferences.roundId,
      roundName: conferenceRounds.name,
      conferenceStartsAt: bookings.startsAt,
      timeZone: schools.timeZone,
      schoolName: schools.name,
      schoolLocale: schools.locale,
    })
    .from(followupRequests)
    .innerJoin(conferences, eq(conferences.id, followupRequests.conferenceId))
    .innerJoin(bookings, eq(bookings.id, conferences.bookingId))
    .innerJoin(conferenceRounds, eq(conferenceRounds.id, conferences.roundId))
    .innerJoin(schools, eq(schools.id, followupRequests.schoolId));
}

export async function findFollowup(db: Db, id: string): Promise<FollowupContext | undefined> {
  const [row] = await withContext(db).where(eq(followupRequests.id, id)).limit(1);
  return row;
}

/** A conference's requests (only this guardian's, when `requestedBy`), the newest first. */
export async function followupsOfConference(db: Db, conferenceId: string, requestedBy?: string): Promise<FollowupContext[]> {
  return withContext(db)
    .where(and(eq(followupRequests.conferenceId, conferenceId), requestedBy ? eq(followupRequests.requestedBy, requestedBy) : undefined))
    .orderBy(desc(followupRequests.createdAt));
}

/**
 * The requests a member of staff answers: every one of the schools they administer, those of the
 * conferences they are the teacher of, and those of children in classes they teach. Without a
 * status: all that are not closed. Oldest waiting first (the queue is worked from the top).
 */
export async function followupQueue(db: Db, who: { userId: string; adminSchoolIds: string[]; classIds: string[] }, status: FollowupStatus | undefined): Promise<FollowupContext[]> {
  const mine: SQL[] = [eq(followupRequests.teacherId, who.userId)];
  if (who.adminSchoolIds.length) mine.push(inArray(followupRequests.schoolId, who.adminSchoolIds));
  if (who.classIds.length) mine.push(inArray(followupRequests.studentId, db.select({ id: enrollments.studentId }).from(enrollments).where(inArray(enrollments.classId, who.classIds))));
  return withContext(db)
    .where(and(or(...mine), status ? eq(followupRequests.status, status) : ne(followupRequests.status, 'closed')))
    .orderBy(asc(followupRequests.updatedAt));
}

/** The guardian's request of this conference that is not closed, if any. */
export async function activeFollowupOf(db: Db, conferenceId: string, requestedBy: string): Promise<FollowupRow | undefined> {
  const [row] = await db
    .select()
    .from(followupRequests)
    .where(and(eq(followupRequests.conferenceId, conferenceId), eq(followupRequests.requestedBy, requestedBy), ne(followupRequests.status, 'closed')))
    .limit(1);
  return row;
}

export async function insertFollowup(db: Db, row: typeof followupRequests.$inferInsert): Promise<FollowupRow> {
  const [inserted] = await db.insert(followupRequests).values(row).returning();
  return inserted!;
}

export async function updateFollowup(db: Db, id: string, change: Partial<typeof followupRequests.$inferInsert>, now: Date): Promise<FollowupRow | undefined> {
  const [row] = await db.update(followupRequests).set({ ...change, updatedAt: now }).where(eq(followupRequests.id, id)).returning();
  return row;
}

/** Locks the request until the transaction ends (a message and a close at once: one goes first). */
export async function lockFollowup(tx: Db, id: string): Promise<FollowupRow | undefined> {
  const [row] = await tx.select().from(followupRequests).where(eq(followupRequests.id, id)).for('update');
  return row;
}

export async function insertFollowupMessage(db: Db, row: { requestId: string; authorId: string; body: string; createdAt: Date }): Promise<FollowupMessageRow> {
  const [inserted] = await db.insert(followupMessages).values(row).returning();
  return inserted!;
}

export async function messagesOf(db: Db, requestIds: string[]) {
  if (requestIds.length === 0) return [];
  return db
    .select({ message: followupMessages, authorName: fullName })
    .from(followupMessages)
    .leftJoin(users, eq(users.id, followupMessages.authorId))
    .where(inArray(followupMessages.requestId, requestIds))
    .orderBy(asc(followupMessages.createdAt), asc(followupMessages.id));
}

export async function findMessage(db: Db, id: string): Promise<FollowupMessageRow | undefined> {
  const [row] = await db.select().from(followupMessages).where(eq(followupMessages.id, id)).limit(1);
  return row;
}

/** The times a teacher has given to other follow-ups still to happen (not this one). */
export async function offeredTimesOf(db: Db, teacherId: string, except: string, now: Date) {
  return db
    .select({ startsAt: followupRequests.startsAt, endsAt: followupRequests.endsAt })
    .from(followupRequests)
    .where(
      and(
        eq(followupRequests.teacherId, teacherId),
        eq(followupRequests.status, 'scheduled'),
        ne(followupRequests.id, except),
        isNotNull(followupRequests.startsAt),
        sql`${followupRequests.endsAt} > ${now.toISOString()}::timestamptz`,
      ),
    ) as Promise<Array<{ startsAt: Date; endsAt: Date }>>;
}

/** The classes of these children (to check a teacher's part in each). */
export async function classesOfStudents(db: Db, studentIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (studentIds.length === 0) return out;
  for (const r of await db.select({ studentId: enrollments.studentId, classId: enrollments.classId }).from(enrollments).where(inArray(enrollments.studentId, [...new Set(studentIds)]))) {
    out.set(r.studentId, [...(out.get(r.studentId) ?? []), r.classId]);
  }
  return out;
}

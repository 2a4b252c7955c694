/**
 * Running late's queries: a teacher's (or an interpreter's) confirmed meetings between two
 * instants with how far each conference has got, recording the delay a family was last told of,
 * and guardians' phone numbers. The only Drizzle code of running late.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { bookings, conferenceRounds, conferences, guardians, schools, staffMemberships, users } from '../../db/schema/index';

/** A confirmed meeting with its conference (null until someone first opened it), its round's notice threshold and its school's zone. */
export type LateMeetingRow = Awaited<ReturnType<typeof meetingsBetween>>[number];

async function meetingsBetween(db: Db, who: { teacherId: string } | { interpreterId: string }, from: Date, to: Date) {
  return db
    .select({
      booking: bookings,
      conference: conferences,
      lateNoticeMinutes: conferenceRounds.lateNoticeMinutes,
      timeZone: schools.timeZone,
    })
    .from(bookings)
    .innerJoin(conferenceRounds, eq(conferenceRounds.id, bookings.roundId))
    .innerJoin(schools, eq(schools.id, bookings.schoolId))
    .leftJoin(conferences, eq(conferences.bookingId, bookings.id))
    .where(
      and(
        'teacherId' in who ? eq(bookings.teacherId, who.teacherId) : eq(bookings.interpreterId, who.interpreterId),
        eq(bookings.status, 'confirmed'),
        isNull(conferenceRounds.archivedAt),
        sql`${bookings.startsAt} >= ${from.toISOString()}::timestamptz`,
        sql`${bookings.startsAt} < ${to.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(bookings.startsAt));
}

export function teacherMeetingsBetween(db: Db, teacherId: string, from: Date, to: Date) {
  return meetingsBetween(db, { teacherId }, from, to);
}

export function interpreterMeetingsBetween(db: Db, interpreterId: string, from: Date, to: Date) {
  return meetingsBetween(db, { interpreterId }, from, to);
}

/**
 * Records that the family was told of `delay` minutes, if they were last told of `lastTold` (two
 * processes noticing the same delay at once: one of them wins and queues the notice).
 */
export async function recordLateNotice(db: Db, bookingId: string, lastTold: number, delay: number): Promise<boolean> {
  const rows = await db
    .update(bookings)
    .set({ lateNotifiedMinutes: delay })
    .where(and(eq(bookings.id, bookingId), eq(bookings.lateNotifiedMinutes, lastTold)))
    .returning({ id: bookings.id });
  return rows.length > 0;
}

/** The schools a person works at now (their staff memberships that are not archived). */
export async function staffSchoolsOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ schoolId: staffMemberships.schoolId })
    .from(staffMemberships)
    .innerJoin(users, eq(users.id, staffMemberships.userId))
    .where(and(eq(staffMemberships.userId, userId), isNull(staffMemberships.archivedAt), isNull(users.archivedAt)));
  return rows.map((r) => r.schoolId);
}

/** Guardians' phone numbers (those who have one), for a text message. */
export async function phonesOf(db: Db, userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.select({ userId: guardians.userId, phone: guardians.phone }).from(guardians).where(inArray(guardians.userId, userIds));
  return new Map(rows.flatMap((r) => (r.phone?.trim() ? [[r.userId, r.phone.trim()] as const] : [])));
}

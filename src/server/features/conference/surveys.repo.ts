/**
 * The surveys after conferences: answers (one per person per conference, saved again to change
 * it) and what the results pages read (who may answer comes from booking.repo's guardians). The only Drizzle code of the
 * surveys (the family's reflection is written with the portfolio's own `insertPost`).
 */
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { bookings, classes, conferenceRounds, conferenceSurveys, conferences, enrollments, roundClasses, users } from '../../db/schema/index';

export type SurveyRow = typeof conferenceSurveys.$inferSelect;

export async function findAnswer(db: Db, conferenceId: string, userId: string): Promise<SurveyRow | undefined> {
  const [row] = await db
    .select()
    .from(conferenceSurveys)
    .where(and(eq(conferenceSurveys.conferenceId, conferenceId), eq(conferenceSurveys.userId, userId)))
    .limit(1);
  return row;
}

/** Saves my answer, or replaces the one I gave before (same person, same conference: one row). */
export async function saveAnswer(db: Db, row: Omit<typeof conferenceSurveys.$inferInsert, 'createdAt' | 'updatedAt'>, now: Date): Promise<SurveyRow> {
  const [saved] = await db
    .insert(conferenceSurveys)
    .values({ ...row, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [conferenceSurveys.conferenceId, conferenceSurveys.userId],
      set: { role: row.role, worthwhile: row.worthwhile, learned: row.learned ?? '', better: row.better ?? '', language: row.language, updatedAt: now },
    })
    .returning();
  return saved!;
}

// ---- results

const roundRef = { id: conferenceRounds.id, name: conferenceRounds.name, startsOn: conferenceRounds.startsOn, schoolId: conferenceRounds.schoolId };

export async function findRound(db: Db, roundId: string) {
  const [row] = await db.select(roundRef).from(conferenceRounds).where(eq(conferenceRounds.id, roundId)).limit(1);
  return row;
}

/** A class (archived ones too: last year's results are still worth reading). */
export async function findClass(db: Db, classId: string) {
  const [row] = await db.select({ id: classes.id, name: classes.name, schoolId: classes.schoolId }).from(classes).where(eq(classes.id, classId)).limit(1);
  return row;
}

/** The rounds a class takes part in, latest first. */
export async function roundsOfClass(db: Db, classId: string) {
  return db
    .select(roundRef)
    .from(roundClasses)
    .innerJoin(conferenceRounds, eq(conferenceRounds.id, roundClasses.roundId))
    .where(and(eq(roundClasses.classId, classId), isNull(conferenceRounds.archivedAt)))
    .orderBy(desc(conferenceRounds.startsOn), asc(conferenceRounds.name));
}

/** The classes taking part in a round, by name. */
export async function classesOfRound(db: Db, roundId: string) {
  return db
    .select({ id: classes.id, name: classes.name })
    .from(roundClasses)
    .innerJoin(classes, eq(classes.id, roundClasses.classId))
    .where(eq(roundClasses.roundId, roundId))
    .orderBy(asc(classes.name));
}

/**
 * The round's conferences that ended with the family there, each with the class(es) of the round
 * the child is in (`classId`; one row per class), and whose family the booking is.
 */
export async function endedConferencesOfRound(db: Db, roundId: string, classId?: string) {
  return db
    .select({
      conferenceId: conferences.id,
      studentId: conferences.studentId,
      classId: enrollments.classId,
      party: bookings.party,
      householdUserId: bookings.householdUserId,
    })
    .from(conferences)
    .innerJoin(bookings, eq(bookings.id, conferences.bookingId))
    .innerJoin(enrollments, eq(enrollments.studentId, conferences.studentId))
    .innerJoin(roundClasses, and(eq(roundClasses.roundId, conferences.roundId), eq(roundClasses.classId, enrollments.classId)))
    .where(and(eq(conferences.roundId, roundId), eq(conferences.status, 'ended'), eq(conferences.attendance, 'attended'), classId ? eq(enrollments.classId, classId) : undefined));
}

/** The answers given about these conferences, with the answerer's first name, newest first. */
export async function answersOf(db: Db, conferenceIds: string[]) {
  if (conferenceIds.length === 0) return [];
  return db
    .select({
      conferenceId: conferenceSurveys.conferenceId,
      userId: conferenceSurveys.userId,
      role: conferenceSurveys.role,
      worthwhile: conferenceSurveys.worthwhile,
      learned: conferenceSurveys.learned,
      better: conferenceSurveys.better,
      language: conferenceSurveys.language,
      updatedAt: conferenceSurveys.updatedAt,
      givenName: users.givenName,
    })
    .from(conferenceSurveys)
    .innerJoin(users, eq(users.id, conferenceSurveys.userId))
    .where(inArray(conferenceSurveys.conferenceId, conferenceIds))
    .orderBy(desc(conferenceSurveys.updatedAt));
}

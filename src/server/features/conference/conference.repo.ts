/**
 * Conferences on the day and their records: the only Drizzle code of conference day's core.
 * A conference row is made for a confirmed booking the first time anyone needs it (`ensure…`):
 * insert-if-absent, so two pages opening it at once get the same row.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { bookings, conferenceRecords, conferenceRounds, conferences, goalCommitments, goals, guardians, guardianStudents, media, selectionAnswers, selectionPrompts, selections, type ConferenceNote } from '../../db/schema/index';
import type { AgendaStep } from '../../../domain/conference/agenda';

export type ConferenceRow = typeof conferences.$inferSelect;
export type RecordRow = typeof conferenceRecords.$inferSelect;

/** The conferences of these confirmed bookings, made where missing (one query each way). */
export async function ensureConferences(db: Db, rows: ReadonlyArray<{ id: string; schoolId: string; roundId: string; studentId: string; teacherId: string }>): Promise<ConferenceRow[]> {
  if (rows.length === 0) return [];
  await db
    .insert(conferences)
    .values(rows.map((b) => ({ schoolId: b.schoolId, bookingId: b.id, roundId: b.roundId, studentId: b.studentId, teacherId: b.teacherId })))
    .onConflictDoNothing({ target: conferences.bookingId });
  const found = await db.select().from(conferences).where(inArray(conferences.bookingId, rows.map((b) => b.id)));
  // A booking moved to another teacher (by the school) takes its conference along.
  const stale = found.filter((c) => rows.some((b) => b.id === c.bookingId && b.teacherId !== c.teacherId));
  for (const c of stale) {
    const b = rows.find((r) => r.id === c.bookingId)!;
    await db.update(conferences).set({ teacherId: b.teacherId }).where(eq(conferences.id, c.id));
    c.teacherId = b.teacherId;
  }
  return found;
}

export async function findConference(db: Db, id: string): Promise<ConferenceRow | undefined> {
  const [row] = await db.select().from(conferences).where(eq(conferences.id, id)).limit(1);
  return row;
}

export async function findConferenceWithBooking(db: Db, id: string) {
  const [row] = await db.select({ conference: conferences, booking: bookings }).from(conferences).innerJoin(bookings, eq(bookings.id, conferences.bookingId)).where(eq(conferences.id, id)).limit(1);
  return row;
}

export async function conferencesOfBookings(db: Db, bookingIds: string[]): Promise<ConferenceRow[]> {
  if (bookingIds.length === 0) return [];
  return db.select().from(conferences).where(inArray(conferences.bookingId, bookingIds));
}

export async function updateConference(db: Db, id: string, change: Partial<typeof conferences.$inferInsert>, now: Date): Promise<ConferenceRow | undefined> {
  const [row] = await db.update(conferences).set({ ...change, updatedAt: now }).where(eq(conferences.id, id)).returning();
  return row;
}

/** Starts the conference unless it already started; returns the row either way. */
export async function startConference(db: Db, id: string, now: Date): Promise<ConferenceRow | undefined> {
  const [row] = await db
    .update(conferences)
    .set({ status: 'in_progress', startedAt: sql`coalesce(${conferences.startedAt}, ${now.toISOString()}::timestamptz)`, attendance: 'attended', updatedAt: now })
    .where(and(eq(conferences.id, id), eq(conferences.status, 'scheduled')))
    .returning();
  return row ?? findConference(db, id);
}

export async function endConference(db: Db, id: string, now: Date): Promise<ConferenceRow | undefined> {
  const [row] = await db
    .update(conferences)
    .set({ status: 'ended', startedAt: sql`coalesce(${conferences.startedAt}, ${now.toISOString()}::timestamptz)`, endedAt: now, updatedAt: now })
    .where(and(eq(conferences.id, id), sql`${conferences.status} <> 'ended'`))
    .returning();
  return row ?? findConference(db, id);
}

/** Appends a note atomically (two devices of the teacher writing at once both keep theirs). */
export async function appendNote(db: Db, id: string, note: ConferenceNote, now: Date): Promise<void> {
  await db
    .update(conferences)
    .set({ notes: sql`${conferences.notes} || ${JSON.stringify([note])}::jsonb`, updatedAt: now })
    .where(eq(conferences.id, id));
}

export async function saveAgenda(db: Db, id: string, agenda: AgendaStep[] | null, now: Date): Promise<void> {
  await db.update(conferences).set({ agenda, updatedAt: now }).where(eq(conferences.id, id));
}

/** Writes version n+1 of the record, if the conference is still at version n (two finalising at once: one wins). */
export async function insertRecordVersion(db: Db, conferenceId: string, expected: number, content: Record<string, unknown>, by: string, now: Date): Promise<number | null> {
  return db.transaction(async (tx) => {
    const [bumped] = await tx
      .update(conferences)
      .set({ recordVersion: expected + 1, finalisedAt: now, updatedAt: now })
      .where(and(eq(conferences.id, conferenceId), eq(conferences.recordVersion, expected)))
      .returning({ version: conferences.recordVersion });
    if (!bumped) return null;
    await tx.insert(conferenceRecords).values({ conferenceId, version: bumped.version, content, finalisedBy: by, finalisedAt: now });
    return bumped.version;
  });
}

export async function findRecord(db: Db, conferenceId: string, version: number): Promise<RecordRow | undefined> {
  const [row] = await db.select().from(conferenceRecords).where(and(eq(conferenceRecords.conferenceId, conferenceId), eq(conferenceRecords.version, version))).limit(1);
  return row;
}

export async function recordVersions(db: Db, conferenceId: string) {
  return db
    .select({ version: conferenceRecords.version, finalisedAt: conferenceRecords.finalisedAt, finalisedBy: conferenceRecords.finalisedBy })
    .from(conferenceRecords)
    .where(eq(conferenceRecords.conferenceId, conferenceId))
    .orderBy(desc(conferenceRecords.version));
}

/** A teacher's confirmed meetings between two instants, in order. */
export async function confirmedBookingsOfTeacher(db: Db, teacherId: string, from: Date, to: Date) {
  return db
    .select()
    .from(bookings)
    .where(and(eq(bookings.teacherId, teacherId), eq(bookings.status, 'confirmed'), sql`${bookings.startsAt} >= ${from.toISOString()}::timestamptz`, sql`${bookings.startsAt} < ${to.toISOString()}::timestamptz`))
    .orderBy(asc(bookings.startsAt));
}

/** The child's goals for the conference: those set for its round, and those still being worked on. */
export async function goalsOfConference(db: Db, roundId: string, studentId: string) {
  return db
    .select({ id: goals.id, what: goals.what, measure: goals.measure, status: goals.status })
    .from(goals)
    .where(and(eq(goals.studentId, studentId), sql`(${goals.roundId} = ${roundId} or ${goals.status} = 'working')`))
    .orderBy(asc(goals.createdAt));
}

/**
 * Changes whenever the child's picks or answers for the round change, or a recording of theirs
 * finishes processing: a piece picked or a reflection recorded during the conference reaches the
 * screens that are open.
 */
async function preparationStamp(db: Db, roundId: string, studentId: string): Promise<string> {
  const [row] = await db
    .select({
      // A digest of every pick and answer with when it changed (not a maximum: any edit shows).
      picks: sql<string>`coalesce(md5(string_agg(distinct ${selections.id}::text || '@' || ${selections.updatedAt}::text, ',')), '')`,
      answers: sql<string>`coalesce(md5(string_agg(${selectionAnswers.selectionId}::text || ${selectionAnswers.questionId}::text || '@' || ${selectionAnswers.updatedAt}::text || coalesce(${media.status}, ''), ',' order by ${selectionAnswers.selectionId}, ${selectionAnswers.questionId})), '')`,
    })
    .from(selections)
    .innerJoin(selectionPrompts, eq(selectionPrompts.id, selections.promptId))
    .leftJoin(selectionAnswers, eq(selectionAnswers.selectionId, selections.id))
    .leftJoin(media, eq(media.id, selectionAnswers.audioMediaId))
    .where(and(eq(selections.studentId, studentId), eq(selectionPrompts.roundId, roundId)));
  return `${row?.picks ?? ''}:${row?.answers ?? ''}`;
}

/** Changes whenever the conference's goals or anyone's commitment to them change, or the child's preparation does (for live pages). */
export async function liveStamp(db: Db, roundId: string, studentId: string): Promise<string> {
  const [row] = await db
    .select({
      goals: sql<string>`count(distinct ${goals.id})::text || '.' || coalesce(max(${goals.updatedAt})::text, '')`,
      commitments: sql<string>`count(${goalCommitments.userId})::text || '.' || coalesce(max(${goalCommitments.updatedAt})::text, '')`,
    })
    .from(goals)
    .leftJoin(goalCommitments, eq(goalCommitments.goalId, goals.id))
    .where(and(eq(goals.studentId, studentId), sql`(${goals.roundId} = ${roundId} or ${goals.status} = 'working')`));
  return `${row?.goals ?? ''}:${row?.commitments ?? ''}:${await preparationStamp(db, roundId, studentId)}`;
}

/** Whether this guardian books apart from the child's other guardians in this round: separated, and the round has them book on their own. */
export async function booksSeparately(db: Db, roundId: string, studentId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ apart: guardianStudents.attendsSeparately, mode: conferenceRounds.separatedGuardians })
    .from(guardianStudents)
    .innerJoin(guardians, eq(guardians.id, guardianStudents.guardianId))
    .innerJoin(conferenceRounds, eq(conferenceRounds.id, roundId))
    .where(and(eq(guardians.userId, userId), eq(guardianStudents.studentId, studentId)))
    .limit(1);
  return Boolean(row?.apart && row.mode === 'separate');
}

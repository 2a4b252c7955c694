/** Availability answers and scheduler runs, in the database. */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { availabilityResponses, scheduleRuns } from '../../db/schema/index';

export type ResponseRow = typeof availabilityResponses.$inferSelect;
export type RunRow = typeof scheduleRuns.$inferSelect;

export async function responsesOfRound(db: Db, roundId: string): Promise<ResponseRow[]> {
  return db.select().from(availabilityResponses).where(eq(availabilityResponses.roundId, roundId)).orderBy(desc(availabilityResponses.updatedAt));
}

export async function responsesOf(db: Db, roundId: string, householdUserIds: string[]): Promise<ResponseRow[]> {
  if (householdUserIds.length === 0) return [];
  return db
    .select()
    .from(availabilityResponses)
    .where(and(eq(availabilityResponses.roundId, roundId), inArray(availabilityResponses.householdUserId, householdUserIds)))
    .orderBy(desc(availabilityResponses.updatedAt));
}

export async function saveResponse(db: Db, row: Pick<ResponseRow, 'roundId' | 'householdUserId' | 'windows' | 'oneEvening' | 'note' | 'submittedBy' | 'updatedAt'>): Promise<ResponseRow> {
  const [saved] = await db
    .insert(availabilityResponses)
    .values({ ...row, createdAt: row.updatedAt })
    .onConflictDoUpdate({
      target: [availabilityResponses.roundId, availabilityResponses.householdUserId],
      set: { windows: row.windows, oneEvening: row.oneEvening, note: row.note, submittedBy: row.submittedBy, updatedAt: row.updatedAt },
    })
    .returning();
  return saved!;
}

export async function insertRun(db: Db, row: typeof scheduleRuns.$inferInsert): Promise<RunRow> {
  const [run] = await db.insert(scheduleRuns).values(row).returning();
  return run!;
}

export async function findRun(db: Db, id: string): Promise<RunRow | undefined> {
  const [run] = await db.select().from(scheduleRuns).where(eq(scheduleRuns.id, id)).limit(1);
  return run;
}

export async function latestRun(db: Db, roundId: string): Promise<RunRow | undefined> {
  const [run] = await db.select().from(scheduleRuns).where(eq(scheduleRuns.roundId, roundId)).orderBy(desc(scheduleRuns.createdAt)).limit(1);
  return run;
}

export async function runningRuns(db: Db, roundId: string): Promise<RunRow[]> {
  return db.select().from(scheduleRuns).where(and(eq(scheduleRuns.roundId, roundId), eq(scheduleRuns.status, 'running')));
}

export async function updateRun(db: Db, id: string, change: Partial<typeof scheduleRuns.$inferInsert>): Promise<void> {
  await db.update(scheduleRuns).set(change).where(eq(scheduleRuns.id, id));
}

/** done → published, once: false when the run was not done (or another request published it first). */
export async function markPublished(db: Db, id: string, by: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(scheduleRuns)
    .set({ status: 'published', publishedAt: at, publishedBy: by })
    .where(and(eq(scheduleRuns.id, id), eq(scheduleRuns.status, 'done')))
    .returning({ id: scheduleRuns.id });
  return rows.length === 1;
}

/** The job table: queueing, claiming with FOR UPDATE SKIP LOCKED, and finishing. */
import { and, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { jobs } from '../db/schema/index';

export type JobRow = typeof jobs.$inferSelect;

export async function insertJob(db: Db, row: typeof jobs.$inferInsert): Promise<string | null> {
  const [inserted] = await db.insert(jobs).values(row).onConflictDoNothing({ target: jobs.idempotencyKey }).returning({ id: jobs.id });
  return inserted?.id ?? null;
}

/**
 * Claims the next runnable job for this worker: a queued job whose time has come, or a running one
 * whose worker stopped renewing its lease (it died mid-job). SKIP LOCKED lets several workers claim
 * different jobs at once without waiting on each other.
 */
export async function claimJob(db: Db, workerId: string, now: Date, leaseMs: number, kinds: string[]): Promise<JobRow | null> {
  const staleBefore = new Date(now.getTime() - leaseMs);
  const next = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        inArray(jobs.kind, kinds),
        or(and(eq(jobs.status, 'queued'), lte(jobs.runAt, now)), and(eq(jobs.status, 'running'), lt(jobs.lockedAt, staleBefore))),
      ),
    )
    .orderBy(jobs.runAt)
    .limit(1)
    .for('update', { skipLocked: true });
  const [claimed] = await db
    .update(jobs)
    .set({ status: 'running', lockedAt: now, lockedBy: workerId, attempts: sql`${jobs.attempts} + 1` })
    .where(inArray(jobs.id, next))
    .returning();
  return claimed ?? null;
}

export async function renewLease(db: Db, id: string, workerId: string, now: Date, progress?: unknown): Promise<void> {
  await db
    .update(jobs)
    .set({ lockedAt: now, ...(progress === undefined ? {} : { progress }) })
    .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId)));
}

export async function finishJob(db: Db, id: string, now: Date, result: unknown): Promise<void> {
  await db.update(jobs).set({ status: 'done', finishedAt: now, result: result ?? null, lockedBy: null }).where(eq(jobs.id, id));
}

export async function failJob(db: Db, job: JobRow, now: Date, error: string, retryAt: Date | null): Promise<void> {
  await db
    .update(jobs)
    .set(
      retryAt
        ? { status: 'queued', runAt: retryAt, lastError: error, lockedBy: null, lockedAt: null }
        : { status: 'failed', finishedAt: now, lastError: error, lockedBy: null },
    )
    .where(eq(jobs.id, job.id));
}

export async function findJob(db: Db, id: string): Promise<JobRow | undefined> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id)).limit(1);
  return row;
}

export async function findJobByKey(db: Db, idempotencyKey: string): Promise<JobRow | undefined> {
  const [row] = await db.select().from(jobs).where(eq(jobs.idempotencyKey, idempotencyKey)).limit(1);
  return row;
}

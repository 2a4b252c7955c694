import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { mailOutbox } from '../../db/schema/index';

export type OutboxRow = typeof mailOutbox.$inferSelect;

/** Returns the new row's id, or null when a message with the same dedupe key is already there. */
export async function insertOutboxMail(db: Db, row: typeof mailOutbox.$inferInsert): Promise<string | null> {
  const [inserted] = await db.insert(mailOutbox).values(row).onConflictDoNothing({ target: mailOutbox.dedupeKey }).returning({ id: mailOutbox.id });
  return inserted?.id ?? null;
}

export async function findOutboxByKey(db: Db, dedupeKey: string): Promise<OutboxRow | undefined> {
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.dedupeKey, dedupeKey)).limit(1);
  return row;
}

export async function setOutboxTransport(db: Db, id: string, transport: unknown): Promise<void> {
  await db.update(mailOutbox).set({ transport }).where(eq(mailOutbox.id, id));
}

export async function listOutbox(db: Db, limit: number): Promise<OutboxRow[]> {
  return db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(limit);
}

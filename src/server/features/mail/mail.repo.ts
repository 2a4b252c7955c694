import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { mailOutbox } from '../../db/schema/index';

export type OutboxRow = typeof mailOutbox.$inferSelect;

export async function insertOutboxMail(db: Db, row: typeof mailOutbox.$inferInsert): Promise<string> {
  const [inserted] = await db.insert(mailOutbox).values(row).returning({ id: mailOutbox.id });
  if (!inserted) throw new Error('outbox insert returned nothing');
  return inserted.id;
}

export async function setOutboxTransport(db: Db, id: string, transport: unknown): Promise<void> {
  await db.update(mailOutbox).set({ transport }).where(eq(mailOutbox.id, id));
}

export async function listOutbox(db: Db, limit: number): Promise<OutboxRow[]> {
  return db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(limit);
}

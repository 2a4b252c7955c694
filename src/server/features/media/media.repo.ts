/** The media table, and which posts use a media item (to decide who may see it). */
import { eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { media, postItems, posts } from '../../db/schema/index';

export type MediaRow = typeof media.$inferSelect;

export async function insertMedia(db: Db, row: typeof media.$inferInsert): Promise<void> {
  await db.insert(media).values(row);
}

export async function findMedia(db: Db, id: string): Promise<MediaRow | undefined> {
  const [row] = await db.select().from(media).where(eq(media.id, id)).limit(1);
  return row;
}

export async function findMediaMany(db: Db, ids: string[]): Promise<MediaRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(media).where(inArray(media.id, ids));
}

export async function updateMedia(db: Db, id: string, change: Partial<typeof media.$inferInsert>): Promise<void> {
  await db.update(media).set(change).where(eq(media.id, id));
}

/** The posts that show this media item (as an item, or as the recorded reflection), with their child. */
export async function postsUsingMedia(db: Db, mediaId: string) {
  const viaItems = db.select({ postId: postItems.postId }).from(postItems).where(eq(postItems.mediaId, mediaId));
  return db
    .select({ id: posts.id, studentId: posts.studentId, schoolId: posts.schoolId, status: posts.status })
    .from(posts)
    .where(or(inArray(posts.id, viaItems), eq(posts.reflectionAudioId, mediaId)));
}

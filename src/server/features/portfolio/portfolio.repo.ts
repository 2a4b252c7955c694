/** Posts, their items, tags and comments; the school's tag list. The only Drizzle code of the portfolio. */
import { and, asc, desc, eq, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { classes, enrollments, guardianStudents, guardians, media, portfolioTags, postComments, postCriteria, postItems, postTags, posts, schools, students, users } from '../../db/schema/index';

export type PostRow = typeof posts.$inferSelect;
export type TagRow = typeof portfolioTags.$inferSelect;
export type MediaRow = typeof media.$inferSelect;

// ---- tags

export async function listTags(db: Db, schoolId: string): Promise<TagRow[]> {
  return db.select().from(portfolioTags).where(eq(portfolioTags.schoolId, schoolId)).orderBy(asc(portfolioTags.position), asc(portfolioTags.name));
}

/**
 * Locks the school's row until the transaction ends, so that two first reads of a school's tags at
 * once (two pages, two people) add the default list once: the second waits here, then finds it.
 */
export async function lockSchoolTags(db: Db, schoolId: string): Promise<void> {
  await db.select({ id: schools.id }).from(schools).where(eq(schools.id, schoolId)).for('update');
}

export async function insertTags(db: Db, rows: Array<typeof portfolioTags.$inferInsert>): Promise<string[]> {
  if (rows.length === 0) return [];
  return (await db.insert(portfolioTags).values(rows).returning({ id: portfolioTags.id })).map((r) => r.id);
}

export async function findTag(db: Db, id: string): Promise<TagRow | undefined> {
  const [row] = await db.select().from(portfolioTags).where(eq(portfolioTags.id, id)).limit(1);
  return row;
}

export async function updateTag(db: Db, id: string, change: Partial<typeof portfolioTags.$inferInsert>): Promise<void> {
  await db.update(portfolioTags).set(change).where(eq(portfolioTags.id, id));
}

// ---- posts

export interface NewPost {
  post: typeof posts.$inferInsert;
  items: Array<Omit<typeof postItems.$inferInsert, 'postId' | 'position'>>;
  tagIds: string[];
  /** Success criteria the piece shows, ticked by the author as they post. */
  criterionIds?: string[];
}

export async function insertPost(db: Db, p: NewPost): Promise<string> {
  const [row] = await db.insert(posts).values(p.post).returning({ id: posts.id });
  const id = (row as { id: string }).id;
  if (p.items.length) await db.insert(postItems).values(p.items.map((it, position) => ({ ...it, postId: id, position })));
  if (p.tagIds.length) await db.insert(postTags).values(p.tagIds.map((tagId) => ({ postId: id, tagId })));
  if (p.criterionIds?.length) {
    await db.insert(postCriteria).values(p.criterionIds.map((criterionId) => ({ postId: id, criterionId, taggedBy: p.post.authorId ?? null, createdAt: p.post.createdAt ?? new Date() })));
  }
  return id;
}

export async function findPost(db: Db, id: string): Promise<PostRow | undefined> {
  const [row] = await db.select().from(posts).where(eq(posts.id, id)).limit(1);
  return row;
}

export async function updatePost(db: Db, id: string, change: Partial<typeof posts.$inferInsert>): Promise<void> {
  await db.update(posts).set(change).where(eq(posts.id, id));
}

/**
 * Changes a post's status only if it is still in one of `from` — so two teachers approving and
 * returning the same post at once cannot both win. Returns whether it changed.
 */
export async function moveStatus(db: Db, id: string, from: PostRow['status'][], change: Partial<typeof posts.$inferInsert>): Promise<boolean> {
  const rows = await db.update(posts).set(change).where(and(eq(posts.id, id), inArray(posts.status, from))).returning({ id: posts.id });
  return rows.length > 0;
}

export async function replaceItemsAndTags(db: Db, postId: string, items: NewPost['items'] | null, tagIds: string[] | null): Promise<void> {
  if (items) {
    await db.delete(postItems).where(eq(postItems.postId, postId));
    if (items.length) await db.insert(postItems).values(items.map((it, position) => ({ ...it, postId, position })));
  }
  if (tagIds) {
    await db.delete(postTags).where(eq(postTags.postId, postId));
    if (tagIds.length) await db.insert(postTags).values(tagIds.map((tagId) => ({ postId, tagId })));
  }
}

export interface TimelineQuery {
  studentId: string;
  statuses: PostRow['status'][];
  /** Only posts with one of these tags. */
  tagIds?: string[];
  /** Posts older than this (createdAt, id): the keyset cursor of the page before. */
  before?: { createdAt: Date; id: string };
  limit: number;
}

/** One page of a child's posts, newest first (keyset paging: a page costs the same at post 12 or 300). */
export async function listPosts(db: Db, q: TimelineQuery): Promise<PostRow[]> {
  const tagged = q.tagIds?.length ? inArray(posts.id, db.select({ id: postTags.postId }).from(postTags).where(inArray(postTags.tagId, q.tagIds))) : undefined;
  const older = q.before ? or(lt(posts.createdAt, q.before.createdAt), and(eq(posts.createdAt, q.before.createdAt), lt(posts.id, q.before.id))) : undefined;
  return db
    .select()
    .from(posts)
    .where(and(eq(posts.studentId, q.studentId), inArray(posts.status, q.statuses), tagged, older))
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(q.limit);
}

/** The posts waiting in a class's approval queue, oldest first. */
export async function listClassPosts(db: Db, classId: string, status: PostRow['status']): Promise<PostRow[]> {
  return db.select().from(posts).where(and(eq(posts.classId, classId), eq(posts.status, status))).orderBy(asc(posts.createdAt)).limit(200);
}

export async function countPendingByClass(db: Db, classIds: string[]): Promise<Map<string, number>> {
  if (classIds.length === 0) return new Map();
  const rows = await db
    .select({ classId: posts.classId, n: sql<number>`count(*)::int` })
    .from(posts)
    .where(and(inArray(posts.classId, classIds), eq(posts.status, 'pending')))
    .groupBy(posts.classId);
  return new Map(rows.map((r) => [r.classId as string, r.n]));
}

/** Everything a page of posts shows besides the rows themselves: items, media, tags, comments. */
export async function loadPostDetails(db: Db, rows: ReadonlyArray<Pick<PostRow, 'id' | 'reflectionAudioId'>>) {
  const postIds = rows.map((r) => r.id);
  const items = await db.select().from(postItems).where(inArray(postItems.postId, postIds)).orderBy(asc(postItems.postId), asc(postItems.position));
  const mediaIds = [...new Set([...items.map((i) => i.mediaId), ...rows.map((p) => p.reflectionAudioId)].filter((x): x is string => Boolean(x)))];
  const mediaRows = mediaIds.length ? await db.select().from(media).where(inArray(media.id, mediaIds)) : [];
  const tags = await db
    .select({ postId: postTags.postId, id: portfolioTags.id, kind: portfolioTags.kind, name: portfolioTags.name })
    .from(postTags)
    .innerJoin(portfolioTags, eq(portfolioTags.id, postTags.tagId))
    .where(inArray(postTags.postId, postIds))
    .orderBy(asc(portfolioTags.position), asc(portfolioTags.name));
  const comments = await db.select().from(postComments).where(inArray(postComments.postId, postIds)).orderBy(asc(postComments.createdAt));
  return { items, mediaRows, tags, comments };
}

export async function findPeople(db: Db, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db.select({ id: users.id, givenName: users.givenName, familyName: users.familyName }).from(users).where(inArray(users.id, userIds));
}

// ---- comments

export async function insertComment(db: Db, row: typeof postComments.$inferInsert): Promise<string> {
  const [r] = await db.insert(postComments).values(row).returning({ id: postComments.id });
  return (r as { id: string }).id;
}

export async function findComment(db: Db, id: string) {
  const [row] = await db.select().from(postComments).where(eq(postComments.id, id)).limit(1);
  return row;
}

export async function updateComment(db: Db, id: string, change: Partial<typeof postComments.$inferInsert>): Promise<void> {
  await db.update(postComments).set(change).where(eq(postComments.id, id));
}

// ---- classes and families

export async function findClassSettings(db: Db, classId: string) {
  const [row] = await db.select({ id: classes.id, schoolId: classes.schoolId, autoApprovePosts: classes.autoApprovePosts }).from(classes).where(and(eq(classes.id, classId), isNull(classes.archivedAt))).limit(1);
  return row;
}

export async function setClassAutoApprove(db: Db, classId: string, on: boolean): Promise<void> {
  await db.update(classes).set({ autoApprovePosts: on }).where(eq(classes.id, classId));
}

/** A child's current classes with their approval setting, by name. */
export async function classesOfStudent(db: Db, studentId: string) {
  return db
    .select({ id: classes.id, name: classes.name, autoApprovePosts: classes.autoApprovePosts })
    .from(enrollments)
    .innerJoin(classes, eq(classes.id, enrollments.classId))
    .where(and(eq(enrollments.studentId, studentId), isNull(classes.archivedAt)))
    .orderBy(asc(classes.name));
}

/** The children of a class who are still at school (for a group post). */
export async function studentsOfClass(db: Db, classId: string): Promise<string[]> {
  const rows = await db
    .select({ id: students.id })
    .from(enrollments)
    .innerJoin(students, eq(students.id, enrollments.studentId))
    .where(and(eq(enrollments.classId, classId), isNull(students.archivedAt)));
  return rows.map((r) => r.id);
}

/** The guardians (accounts) of some children, with what the digest needs. */
export async function guardianUsersOf(db: Db, studentIds: string[]) {
  if (studentIds.length === 0) return [];
  return db
    .select({ userId: users.id, studentId: guardianStudents.studentId, portfolioDigest: users.portfolioDigest, email: users.email })
    .from(guardianStudents)
    .innerJoin(guardians, eq(guardians.id, guardianStudents.guardianId))
    .innerJoin(users, eq(users.id, guardians.userId))
    .where(and(inArray(guardianStudents.studentId, studentIds), isNull(users.archivedAt)));
}

export async function findStudentName(db: Db, studentId: string) {
  const [row] = await db
    .select({ id: students.id, schoolId: students.schoolId, userId: students.userId, givenName: users.givenName, familyName: users.familyName })
    .from(students)
    .innerJoin(users, eq(users.id, students.userId))
    .where(eq(students.id, studentId))
    .limit(1);
  return row;
}

// ---- the daily digest

export async function findDigestRecipient(db: Db, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      givenName: users.givenName,
      preferredLocale: users.preferredLocale,
      portfolioDigest: users.portfolioDigest,
      through: users.portfolioDigestThrough,
      token: users.digestUnsubscribeToken,
      archivedAt: users.archivedAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row;
}

/** A guardian's children still at school, with their school's language. */
export async function childrenOfGuardianUser(db: Db, userId: string) {
  return db
    .select({ studentId: students.id, schoolId: students.schoolId, givenName: users.givenName })
    .from(guardians)
    .innerJoin(guardianStudents, eq(guardianStudents.guardianId, guardians.id))
    .innerJoin(students, eq(students.id, guardianStudents.studentId))
    .innerJoin(users, eq(users.id, students.userId))
    .where(and(eq(guardians.userId, userId), isNull(students.archivedAt), isNull(users.archivedAt)))
    .orderBy(asc(users.givenName));
}

/** Posts approved in (after, until], oldest first. */
export async function approvedPostsBetween(db: Db, studentIds: string[], after: Date | null, until: Date) {
  if (studentIds.length === 0) return [];
  return db
    .select({ id: posts.id, studentId: posts.studentId, caption: posts.caption, approvedAt: posts.approvedAt })
    .from(posts)
    .where(
      and(
        inArray(posts.studentId, studentIds),
        eq(posts.status, 'approved'),
        // The digest tells families of new work; a family's own reflection is not news to send them.
        ne(posts.authorRole, 'guardian'),
        after ? sql`${posts.approvedAt} > ${after.toISOString()}` : undefined,
        sql`${posts.approvedAt} <= ${until.toISOString()}`,
      ),
    )
    .orderBy(asc(posts.approvedAt));
}

export async function setDigestFields(db: Db, userId: string, change: Partial<Pick<typeof users.$inferInsert, 'portfolioDigest' | 'portfolioDigestThrough' | 'digestUnsubscribeToken'>>) {
  await db.update(users).set(change).where(eq(users.id, userId));
}

export async function findUserByDigestToken(db: Db, token: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.digestUnsubscribeToken, token)).limit(1);
  return row;
}

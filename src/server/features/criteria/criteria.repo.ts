/**
 * Success-criteria lists and criteria, the standards linked to them, and the criteria and
 * standards tagged on posts. The only Drizzle code of the criteria area.
 */
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { classes, criteria, criteriaLists, criterionStandards, enrollments, portfolioTags, postCriteria, postStandards, posts, standardFrameworks, standardItems } from '../../db/schema/index';

export type ListRow = typeof criteriaLists.$inferSelect;
export type CriterionRow = typeof criteria.$inferSelect;
export type ClassRow = { id: string; schoolId: string; name: string; yearGroup: string };

const classCols = { id: classes.id, schoolId: classes.schoolId, name: classes.name, yearGroup: classes.yearGroup };

// ---- classes

export async function findLiveClass(db: Db, classId: string): Promise<ClassRow | undefined> {
  const [row] = await db.select(classCols).from(classes).where(and(eq(classes.id, classId), isNull(classes.archivedAt))).limit(1);
  return row;
}

/** The school's current classes, by year group and name. */
export async function liveClassesOfSchool(db: Db, schoolId: string): Promise<ClassRow[]> {
  return db.select(classCols).from(classes).where(and(eq(classes.schoolId, schoolId), isNull(classes.archivedAt))).orderBy(asc(classes.yearGroup), asc(classes.name));
}

/** A child's current classes. */
export async function liveClassesOfStudent(db: Db, studentId: string): Promise<ClassRow[]> {
  return db
    .select(classCols)
    .from(enrollments)
    .innerJoin(classes, eq(classes.id, enrollments.classId))
    .where(and(eq(enrollments.studentId, studentId), isNull(classes.archivedAt)))
    .orderBy(asc(classes.name));
}

/** Which of these children are enrolled in which of these classes. */
export async function enrollmentsAmong(db: Db, studentIds: string[], classIds: string[]): Promise<Array<{ studentId: string; classId: string }>> {
  if (studentIds.length === 0 || classIds.length === 0) return [];
  return db
    .select({ studentId: enrollments.studentId, classId: enrollments.classId })
    .from(enrollments)
    .where(and(inArray(enrollments.studentId, studentIds), inArray(enrollments.classId, classIds)));
}

// ---- lists

/** The school's lists that belong to one of these classes or year groups (archived ones too). */
export async function listsFor(db: Db, schoolId: string, scope: { classIds: string[]; yearGroups: string[] }): Promise<ListRow[]> {
  const conditions = [
    scope.classIds.length ? inArray(criteriaLists.classId, scope.classIds) : undefined,
    scope.yearGroups.length ? inArray(criteriaLists.yearGroup, scope.yearGroups) : undefined,
  ].filter((c) => c !== undefined);
  if (conditions.length === 0) return [];
  return db
    .select()
    .from(criteriaLists)
    .where(and(eq(criteriaLists.schoolId, schoolId), or(...conditions)))
    .orderBy(sql`lower(${criteriaLists.title})`, asc(criteriaLists.createdAt), asc(criteriaLists.id));
}

export async function findList(db: Db, id: string): Promise<ListRow | undefined> {
  const [row] = await db.select().from(criteriaLists).where(eq(criteriaLists.id, id)).limit(1);
  return row;
}

export async function findListsByIds(db: Db, ids: string[]): Promise<ListRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(criteriaLists).where(inArray(criteriaLists.id, ids));
}

export async function insertList(db: Db, row: typeof criteriaLists.$inferInsert): Promise<string> {
  const [r] = await db.insert(criteriaLists).values(row).returning({ id: criteriaLists.id });
  return (r as { id: string }).id;
}

export async function updateList(db: Db, id: string, change: Partial<typeof criteriaLists.$inferInsert>): Promise<void> {
  await db.update(criteriaLists).set(change).where(eq(criteriaLists.id, id));
}

/**
 * Locks a list's row until the transaction ends, so that two teachers adding a criterion or
 * reordering at once take turns (positions stay 0, 1, 2… without gaps or twins).
 */
export async function lockList(db: Db, id: string): Promise<void> {
  await db.select({ id: criteriaLists.id }).from(criteriaLists).where(eq(criteriaLists.id, id)).for('update');
}

export async function findSubjectTag(db: Db, id: string) {
  const [row] = await db.select({ id: portfolioTags.id, schoolId: portfolioTags.schoolId, kind: portfolioTags.kind, name: portfolioTags.name, archivedAt: portfolioTags.archivedAt }).from(portfolioTags).where(eq(portfolioTags.id, id)).limit(1);
  return row;
}

export async function tagNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: portfolioTags.id, name: portfolioTags.name }).from(portfolioTags).where(inArray(portfolioTags.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ---- criteria

export async function criteriaOfLists(db: Db, listIds: string[]): Promise<CriterionRow[]> {
  if (listIds.length === 0) return [];
  return db.select().from(criteria).where(inArray(criteria.listId, listIds)).orderBy(asc(criteria.listId), asc(criteria.position), asc(criteria.id));
}

export async function findCriterion(db: Db, id: string): Promise<CriterionRow | undefined> {
  const [row] = await db.select().from(criteria).where(eq(criteria.id, id)).limit(1);
  return row;
}

export async function insertCriterion(db: Db, row: typeof criteria.$inferInsert): Promise<string> {
  const [r] = await db.insert(criteria).values(row).returning({ id: criteria.id });
  return (r as { id: string }).id;
}

export async function updateCriterion(db: Db, id: string, change: Partial<typeof criteria.$inferInsert>): Promise<void> {
  await db.update(criteria).set(change).where(eq(criteria.id, id));
}

/** Gives each criterion its place: ids[0] → 0, ids[1] → 1… */
export async function setPositions(db: Db, listId: string, ids: string[]): Promise<void> {
  for (const [position, id] of ids.entries()) await db.update(criteria).set({ position }).where(and(eq(criteria.id, id), eq(criteria.listId, listId)));
}

// ---- standards

/** Which of these identifiers are items of the school's frameworks (with whether they were removed from their framework since). */
export async function findStandardItems(db: Db, schoolId: string, identifiers: string[]) {
  if (identifiers.length === 0) return [];
  return db
    .select({ identifier: standardItems.identifier, removedAt: standardItems.removedAt })
    .from(standardItems)
    .where(and(eq(standardItems.schoolId, schoolId), inArray(standardItems.identifier, identifiers)));
}

const standardCols = {
  identifier: standardItems.identifier,
  frameworkIdentifier: standardItems.frameworkIdentifier,
  humanCodingScheme: standardItems.humanCodingScheme,
  fullStatement: standardItems.fullStatement,
  frameworkTitle: standardFrameworks.title,
};
const frameworkOfItem = and(eq(standardFrameworks.schoolId, standardItems.schoolId), eq(standardFrameworks.identifier, standardItems.frameworkIdentifier));

export async function standardsOfCriteria(db: Db, criterionIds: string[]) {
  if (criterionIds.length === 0) return [];
  return db
    .select({ criterionId: criterionStandards.criterionId, ...standardCols })
    .from(criterionStandards)
    .innerJoin(standardItems, and(eq(standardItems.schoolId, criterionStandards.schoolId), eq(standardItems.identifier, criterionStandards.itemIdentifier)))
    .innerJoin(standardFrameworks, frameworkOfItem)
    .where(inArray(criterionStandards.criterionId, criterionIds))
    .orderBy(asc(standardFrameworks.title), asc(standardItems.frameworkIdentifier), asc(standardItems.position));
}

export async function replaceCriterionStandards(db: Db, criterionId: string, schoolId: string, identifiers: string[]): Promise<void> {
  await db.delete(criterionStandards).where(eq(criterionStandards.criterionId, criterionId));
  if (identifiers.length) await db.insert(criterionStandards).values(identifiers.map((itemIdentifier) => ({ criterionId, schoolId, itemIdentifier })));
}

// ---- posts

/** The criteria ticked on some posts, with their list's title, in list and criterion order. */
export async function criteriaOfPosts(db: Db, postIds: string[]) {
  if (postIds.length === 0) return [];
  return db
    .select({
      postId: postCriteria.postId,
      id: criteria.id,
      wording: criteria.wording,
      picture: criteria.picture,
      imageMediaId: criteria.imageMediaId,
      audioMediaId: criteria.audioMediaId,
      listId: criteriaLists.id,
      listTitle: criteriaLists.title,
    })
    .from(postCriteria)
    .innerJoin(criteria, eq(criteria.id, postCriteria.criterionId))
    .innerJoin(criteriaLists, eq(criteriaLists.id, criteria.listId))
    .where(inArray(postCriteria.postId, postIds))
    .orderBy(sql`lower(${criteriaLists.title})`, asc(criteriaLists.id), asc(criteria.position));
}

export async function criterionIdsOfPost(db: Db, postId: string): Promise<string[]> {
  return (await db.select({ id: postCriteria.criterionId }).from(postCriteria).where(eq(postCriteria.postId, postId))).map((r) => r.id);
}

export async function insertPostCriteria(db: Db, postId: string, criterionIds: string[], taggedBy: string | null, at: Date): Promise<void> {
  if (criterionIds.length) await db.insert(postCriteria).values(criterionIds.map((criterionId) => ({ postId, criterionId, taggedBy, createdAt: at })));
}

/** The post's ticks become `criterionIds`: those kept keep who ticked them and when. */
export async function replacePostCriteria(db: Db, postId: string, criterionIds: string[], taggedBy: string | null, at: Date): Promise<void> {
  const before = new Set(await criterionIdsOfPost(db, postId));
  const gone = [...before].filter((id) => !criterionIds.includes(id));
  if (gone.length) await db.delete(postCriteria).where(and(eq(postCriteria.postId, postId), inArray(postCriteria.criterionId, gone)));
  await insertPostCriteria(db, postId, criterionIds.filter((id) => !before.has(id)), taggedBy, at);
}

export async function standardsOfPosts(db: Db, postIds: string[]) {
  if (postIds.length === 0) return [];
  return db
    .select({ postId: postStandards.postId, ...standardCols })
    .from(postStandards)
    .innerJoin(standardItems, and(eq(standardItems.schoolId, postStandards.schoolId), eq(standardItems.identifier, postStandards.itemIdentifier)))
    .innerJoin(standardFrameworks, frameworkOfItem)
    .where(inArray(postStandards.postId, postIds))
    .orderBy(asc(standardFrameworks.title), asc(standardItems.frameworkIdentifier), asc(standardItems.position));
}

export async function standardIdsOfPost(db: Db, postId: string): Promise<string[]> {
  return (await db.select({ id: postStandards.itemIdentifier }).from(postStandards).where(eq(postStandards.postId, postId))).map((r) => r.id);
}

export async function replacePostStandards(db: Db, postId: string, schoolId: string, identifiers: string[], taggedBy: string | null, at: Date): Promise<void> {
  const before = new Set(await standardIdsOfPost(db, postId));
  const gone = [...before].filter((id) => !identifiers.includes(id));
  if (gone.length) await db.delete(postStandards).where(and(eq(postStandards.postId, postId), inArray(postStandards.itemIdentifier, gone)));
  const added = identifiers.filter((id) => !before.has(id));
  if (added.length) await db.insert(postStandards).values(added.map((itemIdentifier) => ({ postId, schoolId, itemIdentifier, taggedBy, createdAt: at })));
}

// ---- media

/** The lists whose criteria use a media item as their picture or recording. */
export async function listsUsingMedia(db: Db, mediaId: string): Promise<ListRow[]> {
  const using = db.select({ listId: criteria.listId }).from(criteria).where(or(eq(criteria.imageMediaId, mediaId), eq(criteria.audioMediaId, mediaId)));
  return db.select().from(criteriaLists).where(inArray(criteriaLists.id, using));
}

/** The posts with a criterion ticked whose picture or recording is this media item. */
export async function postsTickedWithMedia(db: Db, mediaId: string) {
  const using = db.select({ id: criteria.id }).from(criteria).where(or(eq(criteria.imageMediaId, mediaId), eq(criteria.audioMediaId, mediaId)));
  const ticked = db.select({ postId: postCriteria.postId }).from(postCriteria).where(inArray(postCriteria.criterionId, using));
  return db.select({ id: posts.id, studentId: posts.studentId, status: posts.status }).from(posts).where(inArray(posts.id, ticked));
}

// ---- the demo

/** A child's post by its caption (the demo seed ticks criteria on posts it made). */
export async function findPostByCaption(db: Db, studentId: string, caption: string) {
  const [row] = await db.select({ id: posts.id, authorId: posts.authorId, createdAt: posts.createdAt }).from(posts).where(and(eq(posts.studentId, studentId), eq(posts.caption, caption))).limit(1);
  return row;
}

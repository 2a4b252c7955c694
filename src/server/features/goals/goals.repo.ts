/** Goals, check-ins and their evidence, commitments, report periods as goals use them. The only Drizzle code of goals. */
import { and, asc, eq, inArray, isNull, lt, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  classTeachers,
  conferenceRounds,
  enrollments,
  classes,
  goalCheckinPosts,
  goalCheckins,
  goalCommitments,
  goals,
  media,
  postItems,
  posts,
  reportPeriods,
  students,
  users,
} from '../../db/schema/index';

export type GoalRow = typeof goals.$inferSelect;
export type PeriodRow = typeof reportPeriods.$inferSelect;
export type CommitmentRow = typeof goalCommitments.$inferSelect;

// ---- periods and rounds

export async function listReportPeriods(db: Db, schoolId: string): Promise<PeriodRow[]> {
  return db.select().from(reportPeriods).where(eq(reportPeriods.schoolId, schoolId)).orderBy(asc(reportPeriods.startsOn), asc(reportPeriods.endsOn), asc(reportPeriods.id));
}

export async function findReportPeriod(db: Db, id: string): Promise<PeriodRow | undefined> {
  const [row] = await db.select().from(reportPeriods).where(eq(reportPeriods.id, id)).limit(1);
  return row;
}

export async function findRound(db: Db, id: string) {
  const [row] = await db
    .select({ id: conferenceRounds.id, schoolId: conferenceRounds.schoolId, reportPeriodId: conferenceRounds.reportPeriodId })
    .from(conferenceRounds)
    .where(and(eq(conferenceRounds.id, id), isNull(conferenceRounds.archivedAt)))
    .limit(1);
  return row;
}

// ---- goals

export async function findGoal(db: Db, id: string): Promise<GoalRow | undefined> {
  const [row] = await db.select().from(goals).where(eq(goals.id, id)).limit(1);
  return row;
}

/** All of a child's goals, oldest first (a child has a few a period: the chain and the counts need them all). */
export async function listGoalsOfStudent(db: Db, studentId: string): Promise<GoalRow[]> {
  return db.select().from(goals).where(eq(goals.studentId, studentId)).orderBy(asc(goals.createdAt), asc(goals.id));
}

export async function insertGoal(db: Db, row: typeof goals.$inferInsert): Promise<string> {
  const [r] = await db.insert(goals).values(row).returning({ id: goals.id });
  return (r as { id: string }).id;
}

/** Changes a goal only while it is in one of `from` (two people at once: the second gets nothing). */
export async function updateGoalIf(db: Db, id: string, from: GoalRow['status'][], change: Partial<typeof goals.$inferInsert>): Promise<boolean> {
  const rows = await db.update(goals).set(change).where(and(eq(goals.id, id), inArray(goals.status, from))).returning({ id: goals.id });
  return rows.length > 0;
}

// ---- check-ins and evidence

export async function insertCheckin(db: Db, row: typeof goalCheckins.$inferInsert, postIds: string[]): Promise<string> {
  const [r] = await db.insert(goalCheckins).values(row).returning({ id: goalCheckins.id });
  const id = (r as { id: string }).id;
  if (postIds.length) await db.insert(goalCheckinPosts).values(postIds.map((postId) => ({ checkinId: id, postId })));
  return id;
}

export async function listCheckins(db: Db, goalIds: string[]) {
  if (goalIds.length === 0) return [];
  return db
    .select({ id: goalCheckins.id, goalId: goalCheckins.goalId, note: goalCheckins.note, createdAt: goalCheckins.createdAt, authorId: goalCheckins.authorId, givenName: users.givenName, familyName: users.familyName })
    .from(goalCheckins)
    .leftJoin(users, eq(users.id, goalCheckins.authorId))
    .where(inArray(goalCheckins.goalId, goalIds))
    .orderBy(asc(goalCheckins.createdAt), asc(goalCheckins.id));
}

/** The posts linked to check-ins, with what a small card of each needs: caption, first text, first picture. */
export async function listEvidence(db: Db, checkinIds: string[]) {
  if (checkinIds.length === 0) return { links: [], items: [], mediaRows: [] };
  const links = await db
    .select({ checkinId: goalCheckinPosts.checkinId, postId: posts.id, studentId: posts.studentId, status: posts.status, caption: posts.caption })
    .from(goalCheckinPosts)
    .innerJoin(posts, eq(posts.id, goalCheckinPosts.postId))
    .where(inArray(goalCheckinPosts.checkinId, checkinIds))
    .orderBy(asc(posts.createdAt));
  const postIds = [...new Set(links.map((l) => l.postId))];
  const items = postIds.length ? await db.select().from(postItems).where(inArray(postItems.postId, postIds)).orderBy(asc(postItems.postId), asc(postItems.position)) : [];
  const mediaIds = [...new Set(items.filter((i) => i.kind === 'photo' || i.kind === 'drawing').map((i) => i.mediaId).filter((x): x is string => Boolean(x)))];
  const mediaRows = mediaIds.length ? await db.select().from(media).where(inArray(media.id, mediaIds)) : [];
  return { links, items, mediaRows };
}

/** Of these posts, the ones that are the child's work and approved (what may be evidence; not a family's reflection). */
export async function approvedPostsOf(db: Db, studentId: string, postIds: string[]): Promise<Set<string>> {
  if (postIds.length === 0) return new Set();
  const rows = await db.select({ id: posts.id }).from(posts).where(and(inArray(posts.id, postIds), eq(posts.studentId, studentId), eq(posts.status, 'approved'), ne(posts.authorRole, 'guardian')));
  return new Set(rows.map((r) => r.id));
}

// ---- commitments

export async function listCommitments(db: Db, goalIds: string[]) {
  if (goalIds.length === 0) return [];
  return db
    .select({ goalId: goalCommitments.goalId, userId: goalCommitments.userId, role: goalCommitments.role, text: goalCommitments.text, updatedAt: goalCommitments.updatedAt, givenName: users.givenName, familyName: users.familyName })
    .from(goalCommitments)
    .innerJoin(users, eq(users.id, goalCommitments.userId))
    .where(inArray(goalCommitments.goalId, goalIds))
    .orderBy(asc(goalCommitments.createdAt));
}

export async function upsertCommitment(db: Db, row: { goalId: string; userId: string; role: CommitmentRow['role']; text: string; at: Date }): Promise<void> {
  await db
    .insert(goalCommitments)
    .values({ goalId: row.goalId, userId: row.userId, role: row.role, text: row.text, createdAt: row.at, updatedAt: row.at })
    .onConflictDoUpdate({ target: [goalCommitments.goalId, goalCommitments.userId], set: { role: row.role, text: row.text, updatedAt: row.at } });
}

export async function deleteCommitment(db: Db, goalId: string, userId: string): Promise<void> {
  await db.delete(goalCommitments).where(and(eq(goalCommitments.goalId, goalId), eq(goalCommitments.userId, userId)));
}

// ---- the people around a child

/** The child's own account, name, picture and year group. */
export async function findStudentPerson(db: Db, studentId: string) {
  const [row] = await db
    .select({ id: students.id, schoolId: students.schoolId, userId: students.userId, givenName: users.givenName, familyName: users.familyName, avatar: students.avatar, yearGroup: students.yearGroup })
    .from(students)
    .innerJoin(users, eq(users.id, students.userId))
    .where(eq(students.id, studentId))
    .limit(1);
  return row;
}

/** The lead and co-teachers of the child's current classes (assistants commit too, but get no empty box). */
export async function teachersOfStudent(db: Db, studentId: string) {
  return db
    .selectDistinct({ userId: users.id, givenName: users.givenName, familyName: users.familyName, role: classTeachers.role })
    .from(enrollments)
    .innerJoin(classes, eq(classes.id, enrollments.classId))
    .innerJoin(classTeachers, eq(classTeachers.classId, classes.id))
    .innerJoin(users, eq(users.id, classTeachers.userId))
    .where(and(eq(enrollments.studentId, studentId), isNull(classes.archivedAt), isNull(users.archivedAt), inArray(classTeachers.role, ['lead', 'co_teacher'])))
    .orderBy(asc(classTeachers.role), asc(users.familyName), asc(users.givenName));
}

export async function findPeople(db: Db, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db.select({ id: users.id, givenName: users.givenName, familyName: users.familyName }).from(users).where(inArray(users.id, userIds));
}

// ---- carrying forward

/**
 * The open goals of a period (of one child, or all), locked until the transaction ends: a second
 * carry-forward running at the same time waits here, then finds them no longer working.
 */
export async function lockOpenGoals(db: Db, periodId: string, studentId?: string): Promise<GoalRow[]> {
  return db
    .select()
    .from(goals)
    .where(and(eq(goals.reportPeriodId, periodId), eq(goals.status, 'working'), studentId ? eq(goals.studentId, studentId) : undefined))
    .orderBy(asc(goals.createdAt), asc(goals.id))
    .for('update');
}

/** Of these goals, those some goal already continues. */
export async function continuedGoals(db: Db, goalIds: string[]): Promise<Set<string>> {
  if (goalIds.length === 0) return new Set();
  const rows = await db.select({ previousGoalId: goals.previousGoalId }).from(goals).where(inArray(goals.previousGoalId, goalIds));
  return new Set(rows.map((r) => r.previousGoalId as string));
}

/** Inserts the goal that continues another, unless one already does (the unique index decides); returns its id or null. */
export async function insertContinuation(db: Db, row: typeof goals.$inferInsert): Promise<string | null> {
  const [r] = await db.insert(goals).values(row).onConflictDoNothing({ target: goals.previousGoalId }).returning({ id: goals.id });
  return r?.id ?? null;
}

export async function insertCommitments(db: Db, rows: Array<typeof goalCommitments.$inferInsert>): Promise<void> {
  if (rows.length) await db.insert(goalCommitments).values(rows).onConflictDoNothing();
}

export async function markCarried(db: Db, goalIds: string[], at: Date): Promise<number> {
  if (goalIds.length === 0) return 0;
  const rows = await db
    .update(goals)
    .set({ status: 'carried_forward', statusChangedAt: at, updatedAt: at })
    .where(and(inArray(goals.id, goalIds), eq(goals.status, 'working')))
    .returning({ id: goals.id });
  return rows.length;
}

const periodColumns = {
  id: reportPeriods.id,
  schoolId: reportPeriods.schoolId,
  termId: reportPeriods.termId,
  name: reportPeriods.name,
  startsOn: reportPeriods.startsOn,
  endsOn: reportPeriods.endsOn,
  createdAt: reportPeriods.createdAt,
};

/** The periods in which this child still has working goals though the period ended before `today`. */
export async function endedPeriodsWithOpenGoals(db: Db, studentId: string, today: string): Promise<PeriodRow[]> {
  return db
    .selectDistinct({ ...periodColumns })
    .from(goals)
    .innerJoin(reportPeriods, eq(reportPeriods.id, goals.reportPeriodId))
    .where(and(eq(goals.studentId, studentId), eq(goals.status, 'working'), lt(reportPeriods.endsOn, today)))
    .orderBy(asc(reportPeriods.startsOn), asc(reportPeriods.id));
}

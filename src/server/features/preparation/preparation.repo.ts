/** Rounds, selection prompts, the children's picks, answers and marks, preparation flags. The only Drizzle code of preparation. */
import { and, asc, desc, eq, inArray, isNull, max, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  classes,
  conferenceRounds,
  criteria,
  criteriaLists,
  enrollments,
  goalCommitments,
  goals,
  guardianStudents,
  guardians,
  posts,
  preparations,
  reportPeriods,
  selectionAnswers,
  selectionMarks,
  selectionPrompts,
  selections,
  staffMemberships,
  students,
  users,
  type PromptQuestion,
} from '../../db/schema/index';

export type RoundRow = typeof conferenceRounds.$inferSelect;
export type PromptRow = typeof selectionPrompts.$inferSelect;
export type SelectionRow = typeof selections.$inferSelect;
export type AnswerRow = typeof selectionAnswers.$inferSelect;

// ---- rounds

const roundColumns = {
  id: conferenceRounds.id,
  schoolId: conferenceRounds.schoolId,
  name: conferenceRounds.name,
  startsOn: conferenceRounds.startsOn,
  endsOn: conferenceRounds.endsOn,
  reportPeriodId: conferenceRounds.reportPeriodId,
  reportPeriodName: reportPeriods.name,
};

export async function listRounds(db: Db, schoolId: string) {
  return db
    .select(roundColumns)
    .from(conferenceRounds)
    .leftJoin(reportPeriods, eq(reportPeriods.id, conferenceRounds.reportPeriodId))
    .where(and(eq(conferenceRounds.schoolId, schoolId), isNull(conferenceRounds.archivedAt)))
    .orderBy(desc(conferenceRounds.startsOn), asc(conferenceRounds.name));
}

export async function findRound(db: Db, id: string) {
  const [row] = await db
    .select(roundColumns)
    .from(conferenceRounds)
    .leftJoin(reportPeriods, eq(reportPeriods.id, conferenceRounds.reportPeriodId))
    .where(and(eq(conferenceRounds.id, id), isNull(conferenceRounds.archivedAt)))
    .limit(1);
  return row;
}
export type RoundWithPeriod = NonNullable<Awaited<ReturnType<typeof findRound>>>;

export async function insertRound(db: Db, row: typeof conferenceRounds.$inferInsert): Promise<string> {
  const [r] = await db.insert(conferenceRounds).values(row).returning({ id: conferenceRounds.id });
  return (r as { id: string }).id;
}

export async function updateRound(db: Db, id: string, change: Partial<typeof conferenceRounds.$inferInsert>): Promise<void> {
  await db.update(conferenceRounds).set(change).where(eq(conferenceRounds.id, id));
}

export async function reportPeriodInSchool(db: Db, schoolId: string, id: string): Promise<boolean> {
  const [row] = await db.select({ id: reportPeriods.id }).from(reportPeriods).where(and(eq(reportPeriods.id, id), eq(reportPeriods.schoolId, schoolId))).limit(1);
  return Boolean(row);
}

export async function reportPeriodByName(db: Db, schoolId: string, name: string): Promise<string | undefined> {
  const [row] = await db.select({ id: reportPeriods.id }).from(reportPeriods).where(and(eq(reportPeriods.schoolId, schoolId), eq(reportPeriods.name, name))).limit(1);
  return row?.id;
}

// ---- prompts

export async function listPrompts(db: Db, roundId: string, classIds: string[]): Promise<PromptRow[]> {
  if (classIds.length === 0) return [];
  return db
    .select()
    .from(selectionPrompts)
    .where(and(eq(selectionPrompts.roundId, roundId), inArray(selectionPrompts.classId, classIds)))
    .orderBy(asc(selectionPrompts.classId), asc(selectionPrompts.position), asc(selectionPrompts.createdAt));
}

export async function countPickers(db: Db, promptIds: string[]): Promise<Map<string, number>> {
  if (promptIds.length === 0) return new Map();
  const rows = await db
    .select({ promptId: selections.promptId, n: sql<number>`count(distinct ${selections.studentId})::int` })
    .from(selections)
    .where(inArray(selections.promptId, promptIds))
    .groupBy(selections.promptId);
  return new Map(rows.map((r) => [r.promptId, r.n]));
}

export async function findPrompt(db: Db, id: string): Promise<PromptRow | undefined> {
  const [row] = await db.select().from(selectionPrompts).where(eq(selectionPrompts.id, id)).limit(1);
  return row;
}

export async function insertPrompt(db: Db, row: Omit<typeof selectionPrompts.$inferInsert, 'position'>): Promise<string> {
  return db.transaction(async (tx) => {
    // One prompt list per class and round: lock the class row so two new prompts get different places.
    await tx.execute(sql`select id from ${classes} where id = ${row.classId} for update`);
    const [last] = await tx
      .select({ n: max(selectionPrompts.position) })
      .from(selectionPrompts)
      .where(and(eq(selectionPrompts.roundId, row.roundId), eq(selectionPrompts.classId, row.classId)));
    const [r] = await tx
      .insert(selectionPrompts)
      .values({ ...row, position: (last?.n ?? -1) + 1 })
      .returning({ id: selectionPrompts.id });
    return (r as { id: string }).id;
  });
}

export async function updatePrompt(db: Db, id: string, change: { title?: Record<string, string>; pickCount?: number; questions?: PromptQuestion[] }, now: Date): Promise<void> {
  await db.update(selectionPrompts).set({ ...change, updatedAt: now }).where(eq(selectionPrompts.id, id));
}

/** Moves a prompt to `position` among its class's prompts for the round, renumbering the rest. */
export async function movePrompt(db: Db, prompt: PromptRow, position: number): Promise<void> {
  await db.transaction(async (tx) => {
    const siblings = await tx
      .select({ id: selectionPrompts.id })
      .from(selectionPrompts)
      .where(and(eq(selectionPrompts.roundId, prompt.roundId), eq(selectionPrompts.classId, prompt.classId)))
      .orderBy(asc(selectionPrompts.position), asc(selectionPrompts.createdAt))
      .for('update');
    const order = siblings.map((s) => s.id).filter((x) => x !== prompt.id);
    order.splice(Math.min(position, order.length), 0, prompt.id);
    for (const [i, pid] of order.entries()) await tx.update(selectionPrompts).set({ position: i }).where(eq(selectionPrompts.id, pid));
  });
}

/**
 * Removes a prompt nobody has picked for; false when someone has (then it stays). The prompt row
 * is locked first, so a child's picks being saved at the same moment (which share-lock it) either
 * finish before the check — and the prompt stays — or wait and then find it gone.
 */
export async function deletePromptIfUnpicked(db: Db, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.select({ id: selectionPrompts.id }).from(selectionPrompts).where(eq(selectionPrompts.id, id)).for('update');
    const [picked] = await tx.select({ id: selections.id }).from(selections).where(eq(selections.promptId, id)).limit(1);
    if (picked) return false;
    await tx.delete(selectionPrompts).where(eq(selectionPrompts.id, id));
    return true;
  });
}

/** The languages the people of a school read (guardians of its children, and its staff). */
export async function schoolReaderLocales(db: Db, schoolId: string): Promise<Array<string | null>> {
  const guardianLocales = await db
    .selectDistinct({ locale: users.preferredLocale })
    .from(students)
    .innerJoin(guardianStudents, eq(guardianStudents.studentId, students.id))
    .innerJoin(guardians, eq(guardians.id, guardianStudents.guardianId))
    .innerJoin(users, eq(users.id, guardians.userId))
    .where(and(eq(students.schoolId, schoolId), isNull(students.archivedAt)));
  const staffLocales = await db
    .selectDistinct({ locale: users.preferredLocale })
    .from(staffMemberships)
    .innerJoin(users, eq(users.id, staffMemberships.userId))
    .where(and(eq(staffMemberships.schoolId, schoolId), isNull(staffMemberships.archivedAt)));
  return [...guardianLocales, ...staffLocales].map((r) => r.locale);
}

export async function findClass(db: Db, classId: string) {
  const [row] = await db
    .select({ id: classes.id, schoolId: classes.schoolId, name: classes.name, yearGroup: classes.yearGroup })
    .from(classes)
    .where(and(eq(classes.id, classId), isNull(classes.archivedAt)))
    .limit(1);
  return row;
}

// ---- children

/** The children on roll in a class, with each one's classes (their prompts may come from several). */
export async function childrenOfClass(db: Db, classId: string) {
  const rows = await db
    .select({ id: students.id, givenName: users.givenName, familyName: users.familyName, avatar: students.avatar })
    .from(enrollments)
    .innerJoin(students, eq(students.id, enrollments.studentId))
    .innerJoin(users, eq(users.id, students.userId))
    .where(and(eq(enrollments.classId, classId), isNull(students.archivedAt), isNull(users.archivedAt)))
    .orderBy(asc(users.givenName), asc(users.familyName));
  const ids = rows.map((r) => r.id);
  const enrolled = ids.length ? await db.select({ studentId: enrollments.studentId, classId: enrollments.classId }).from(enrollments).where(inArray(enrollments.studentId, ids)) : [];
  return rows.map((r) => ({ ...r, classIds: enrolled.filter((e) => e.studentId === r.id).map((e) => e.classId) }));
}

export async function findChild(db: Db, studentId: string) {
  const [row] = await db
    .select({ id: students.id, schoolId: students.schoolId, givenName: users.givenName, familyName: users.familyName })
    .from(students)
    .innerJoin(users, eq(users.id, students.userId))
    .where(eq(students.id, studentId))
    .limit(1);
  return row;
}

/** Which of these posts are the child's own approved work (the only pieces they may pick; a family's reflection is not one). */
export async function approvedPostIdsOf(db: Db, studentId: string, postIds: string[]): Promise<Set<string>> {
  if (postIds.length === 0) return new Set();
  const rows = await db
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.studentId, studentId), eq(posts.status, 'approved'), ne(posts.authorRole, 'guardian'), inArray(posts.id, postIds)));
  return new Set(rows.map((r) => r.id));
}

export async function findPostsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(posts).where(inArray(posts.id, ids));
}

// ---- selections

/**
 * The children's picks for these prompts — of pieces still approved: a post taken back by the
 * teacher, or changed by the child (waiting again), drops out until it is approved again.
 */
export async function selectionsOf(db: Db, promptIds: string[], studentIds: string[]): Promise<SelectionRow[]> {
  if (promptIds.length === 0 || studentIds.length === 0) return [];
  const rows = await db
    .select({ selection: selections })
    .from(selections)
    .innerJoin(posts, eq(posts.id, selections.postId))
    .where(and(inArray(selections.promptId, promptIds), inArray(selections.studentId, studentIds), eq(posts.status, 'approved')))
    .orderBy(asc(selections.position), asc(selections.createdAt));
  return rows.map((r) => r.selection);
}

export async function answersOf(db: Db, selectionIds: string[]): Promise<AnswerRow[]> {
  if (selectionIds.length === 0) return [];
  return db.select().from(selectionAnswers).where(inArray(selectionAnswers.selectionId, selectionIds));
}

export async function marksOf(db: Db, selectionIds: string[]) {
  if (selectionIds.length === 0) return [];
  return db.select().from(selectionMarks).where(inArray(selectionMarks.selectionId, selectionIds));
}

/**
 * Makes the child's picks for a prompt exactly `postIds`, in that order: pieces no longer picked
 * go (with their answers), pieces still picked keep their answers.
 */
export async function replacePicks(db: Db, promptId: string, studentId: string, postIds: string[], now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    // One save at a time per child (two devices at once must not leave more picks than asked for),
    // and the prompt cannot be removed half-way (its removal locks it for update).
    await tx.select({ id: students.id }).from(students).where(eq(students.id, studentId)).for('update');
    const [prompt] = await tx.select({ id: selectionPrompts.id }).from(selectionPrompts).where(eq(selectionPrompts.id, promptId)).for('share');
    if (!prompt) return false;
    const current = await tx
      .select({ id: selections.id, postId: selections.postId })
      .from(selections)
      .where(and(eq(selections.promptId, promptId), eq(selections.studentId, studentId)))
      .for('update');
    const gone = current.filter((c) => !postIds.includes(c.postId)).map((c) => c.id);
    if (gone.length) await tx.delete(selections).where(inArray(selections.id, gone));
    for (const [position, postId] of postIds.entries()) {
      await tx
        .insert(selections)
        .values({ promptId, studentId, postId, position })
        .onConflictDoUpdate({ target: [selections.promptId, selections.studentId, selections.postId], set: { position, updatedAt: now } });
    }
    return true;
  });
}

export async function findSelection(db: Db, id: string): Promise<SelectionRow | undefined> {
  const [row] = await db.select().from(selections).where(eq(selections.id, id)).limit(1);
  return row;
}

/**
 * Saves an answer. A *changed* answer also ends a "sent back" (the child has worked on it); saving
 * the same words again does not. The selection is locked, so a send-back and a save do not cross.
 */
export async function saveAnswer(db: Db, selectionId: string, questionId: string, value: { text: string; audioMediaId: string | null }, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.select({ id: selections.id }).from(selections).where(eq(selections.id, selectionId)).for('update');
    const [before] = await tx
      .select()
      .from(selectionAnswers)
      .where(and(eq(selectionAnswers.selectionId, selectionId), eq(selectionAnswers.questionId, questionId)));
    const changed = !before || before.text !== value.text || before.audioMediaId !== value.audioMediaId;
    if (!changed) return;
    await tx
      .insert(selectionAnswers)
      .values({ selectionId, questionId, ...value, updatedAt: now })
      .onConflictDoUpdate({ target: [selectionAnswers.selectionId, selectionAnswers.questionId], set: { ...value, updatedAt: now } });
    await tx.update(selections).set({ returnedAt: null, updatedAt: now }).where(eq(selections.id, selectionId));
  });
}

export async function replaceMarks(db: Db, selectionId: string, marks: Array<{ criterionId: string; kind: 'strength' | 'next_step' }>): Promise<void> {
  await db.transaction(async (tx) => {
    // Two saves of one piece's marks at once take turns (else both insert after both deleted).
    await tx.select({ id: selections.id }).from(selections).where(eq(selections.id, selectionId)).for('update');
    await tx.delete(selectionMarks).where(eq(selectionMarks.selectionId, selectionId));
    if (marks.length) await tx.insert(selectionMarks).values(marks.map((m) => ({ selectionId, ...m })));
  });
}

export async function sendBackSelection(db: Db, id: string, comment: string, by: string, now: Date): Promise<void> {
  await db
    .update(selections).set({ returnComment: comment, returnedAt: now, returnedBy: by, updatedAt: now }).where(eq(selections.id, id));
}

// ---- the child's criteria and goals

/** Criteria of every list the child works to: their classes' own and those their year groups share. */
export async function criteriaOfChild(db: Db, schoolId: string, classIds: string[]) {
  if (classIds.length === 0) return [];
  const yearGroups = (await db.selectDistinct({ yearGroup: classes.yearGroup }).from(classes).where(inArray(classes.id, classIds))).map((r) => r.yearGroup);
  return db
    .select({
      id: criteria.id,
      listId: criteriaLists.id,
      listTitle: criteriaLists.title,
      wording: criteria.wording,
      picture: criteria.picture,
      imageMediaId: criteria.imageMediaId,
      audioMediaId: criteria.audioMediaId,
    })
    .from(criteria)
    .innerJoin(criteriaLists, eq(criteriaLists.id, criteria.listId))
    .where(
      and(
        eq(criteriaLists.schoolId, schoolId),
        isNull(criteriaLists.archivedAt),
        isNull(criteria.archivedAt),
        or(inArray(criteriaLists.classId, classIds), yearGroups.length ? and(isNull(criteriaLists.classId), inArray(criteriaLists.yearGroup, yearGroups)) : undefined),
      ),
    )
    .orderBy(asc(criteriaLists.title), asc(criteriaLists.id), asc(criteria.position));
}

/** The goals set for a round, with whether the child has written their own commitment. */
export async function roundGoalsOf(db: Db, roundId: string, studentIds: string[]) {
  if (studentIds.length === 0) return [];
  return db
    .select({
      id: goals.id,
      studentId: goals.studentId,
      what: goals.what,
      childCommitted: sql<boolean>`exists (select 1 from ${goalCommitments} where ${goalCommitments.goalId} = ${goals.id} and ${goalCommitments.role} = 'student' and length(trim(${goalCommitments.text})) > 0)`,
    })
    .from(goals)
    .where(and(eq(goals.roundId, roundId), inArray(goals.studentId, studentIds)))
    .orderBy(asc(goals.createdAt));
}

// ---- preparation flags

export async function preparationsOf(db: Db, roundId: string, studentIds: string[]) {
  if (studentIds.length === 0) return [];
  return db.select().from(preparations).where(and(eq(preparations.roundId, roundId), inArray(preparations.studentId, studentIds)));
}

export async function savePreparation(db: Db, roundId: string, studentId: string, change: { needsHelp?: boolean; scaffoldingNote?: string | null; scaffoldingNoteBy?: string }, now: Date): Promise<void> {
  await db
    .insert(preparations)
    .values({ roundId, studentId, ...change, updatedAt: now })
    .onConflictDoUpdate({ target: [preparations.roundId, preparations.studentId], set: { ...change, updatedAt: now } });
}

// ---- media

/** The children whose recorded answers use this media item. */
export async function studentsWithAnswerMedia(db: Db, mediaId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ studentId: selections.studentId })
    .from(selectionAnswers)
    .innerJoin(selections, eq(selections.id, selectionAnswers.selectionId))
    .where(eq(selectionAnswers.audioMediaId, mediaId));
  return rows.map((r) => r.studentId);
}

/**
 * Copies a round's prompts for some classes, with the children's picks, answers and marks, into
 * another round (the demo's conferences of today reuse the children's preparation for next week's).
 */
export async function copyPreparation(db: Db, fromRoundId: string, toRoundId: string, classIds: string[]): Promise<void> {
  const prompts = await listPrompts(db, fromRoundId, classIds);
  for (const p of prompts) {
    const [copy] = await db
      .insert(selectionPrompts)
      .values({ schoolId: p.schoolId, roundId: toRoundId, classId: p.classId, position: p.position, title: p.title, pickCount: p.pickCount, questions: p.questions, createdBy: p.createdBy })
      .returning({ id: selectionPrompts.id });
    const picks = await db.select().from(selections).where(eq(selections.promptId, p.id));
    for (const s of picks) {
      const [pick] = await db.insert(selections).values({ promptId: copy!.id, studentId: s.studentId, postId: s.postId, position: s.position }).returning({ id: selections.id });
      const answers = await db.select().from(selectionAnswers).where(eq(selectionAnswers.selectionId, s.id));
      if (answers.length) await db.insert(selectionAnswers).values(answers.map((a) => ({ selectionId: pick!.id, questionId: a.questionId, text: a.text, audioMediaId: a.audioMediaId })));
      const marks = await db.select().from(selectionMarks).where(eq(selectionMarks.selectionId, s.id));
      if (marks.length) await db.insert(selectionMarks).values(marks.map((m) => ({ selectionId: pick!.id, criterionId: m.criterionId, kind: m.kind })));
    }
  }
}

/** A child's newest approved posts (for the demo's picks). */
export async function newestApprovedPosts(db: Db, studentId: string, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.studentId, studentId), eq(posts.status, 'approved'), ne(posts.authorRole, 'guardian')))
    .orderBy(desc(posts.approvedAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Pupil conferencing's rows: stages, the log, next steps, requests, pairings. The only Drizzle code of conferencing. */
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { Stage } from '../../../domain/conferencing/stages';
import type { Db } from '../../db/client';
import {
  classTeachers,
  classes,
  conferencePairings,
  conferenceRequests,
  enrollments,
  goalCheckins,
  goals,
  media,
  pairingPosts,
  postItems,
  posts,
  pupilConferenceGoals,
  pupilConferencePeople,
  pupilConferencePosts,
  pupilConferenceSteps,
  pupilConferences,
  schools,
  students,
  users,
} from '../../db/schema/index';

export type PupilConferenceRow = typeof pupilConferences.$inferSelect;
export type StepRow = typeof pupilConferenceSteps.$inferSelect;
export type RequestRow = typeof conferenceRequests.$inferSelect;
export type PairingRow = typeof conferencePairings.$inferSelect;
export type MediaRow = typeof media.$inferSelect;

const activeStudent = and(isNull(students.archivedAt), isNull(users.archivedAt));

// ---- settings

export async function findConferencingSettings(db: Db, schoolId: string) {
  const [row] = await db
    .select({ stages: schools.conferenceStages, familiesRead: schools.familiesReadPupilConferences, timeZone: schools.timeZone })
    .from(schools)
    .where(eq(schools.id, schoolId))
    .limit(1);
  return row;
}

export async function saveConferencingSettings(db: Db, schoolId: string, change: { stages?: Stage[] | null; familiesRead: boolean }): Promise<void> {
  await db
    .update(schools)
    .set({ ...(change.stages !== undefined ? { conferenceStages: change.stages } : {}), familiesReadPupilConferences: change.familiesRead })
    .where(eq(schools.id, schoolId));
}

// ---- children

const childColumns = {
  id: students.id,
  userId: students.userId,
  schoolId: students.schoolId,
  givenName: users.givenName,
  familyName: users.familyName,
  avatar: students.avatar,
  yearGroup: students.yearGroup,
  gradeLevel: students.gradeLevel,
};

/** Children by id (active ones), with what a small card of them shows. */
export async function findChildren(db: Db, studentIds: string[]) {
  if (studentIds.length === 0) return [];
  return db.select(childColumns).from(students).innerJoin(users, eq(users.id, students.userId)).where(and(inArray(students.id, studentIds), activeStudent));
}

export async function findChildByUser(db: Db, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db.select(childColumns).from(students).innerJoin(users, eq(users.id, students.userId)).where(inArray(students.userId, userIds));
}

/** The children of these classes, by class. */
export async function childrenOfClasses(db: Db, classIds: string[]) {
  if (classIds.length === 0) return [];
  return db
    .select({ classId: enrollments.classId, ...childColumns })
    .from(enrollments)
    .innerJoin(students, eq(students.id, enrollments.studentId))
    .innerJoin(users, eq(users.id, students.userId))
    .where(and(inArray(enrollments.classId, classIds), activeStudent))
    .orderBy(asc(users.givenName), asc(users.familyName));
}

/** The school's pupils from a grade up, for choosing a pupil conferencer (oldest first). */
export async function pupilsFromGrade(db: Db, schoolId: string, minGrade: number) {
  return db
    .select(childColumns)
    .from(students)
    .innerJoin(users, eq(users.id, students.userId))
    .where(and(eq(students.schoolId, schoolId), sql`${students.gradeLevel} >= ${minGrade}`, activeStudent))
    .orderBy(desc(students.gradeLevel), asc(students.yearGroup), asc(users.givenName), asc(users.familyName))
    .limit(2000);
}

/** The teachers and assistants of these classes. */
export async function staffOfClasses(db: Db, classIds: string[]) {
  if (classIds.length === 0) return [];
  return db
    .selectDistinct({ id: users.id, givenName: users.givenName, familyName: users.familyName, role: classTeachers.role })
    .from(classTeachers)
    .innerJoin(users, eq(users.id, classTeachers.userId))
    .where(and(inArray(classTeachers.classId, classIds), isNull(users.archivedAt)));
}

export async function findClass(db: Db, classId: string) {
  const [row] = await db.select({ id: classes.id, name: classes.name, yearGroup: classes.yearGroup, schoolId: classes.schoolId }).from(classes).where(and(eq(classes.id, classId), isNull(classes.archivedAt))).limit(1);
  return row;
}

export async function findPeople(db: Db, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db.select({ id: users.id, givenName: users.givenName, familyName: users.familyName }).from(users).where(inArray(users.id, userIds));
}

// ---- posts and goals to link

/** The child's approved posts, newest first, with their first picture and text. */
export async function approvedPostsOfChild(db: Db, studentId: string, limit: number) {
  const rows = await db
    .select({ id: posts.id, caption: posts.caption, createdAt: posts.createdAt })
    .from(posts)
    .where(and(eq(posts.studentId, studentId), eq(posts.status, 'approved'), ne(posts.authorRole, 'guardian')))
    .orderBy(desc(posts.createdAt))
    .limit(limit);
  return rows;
}

/** Of these posts, the child's own approved work (what may be linked or shared). */
export async function approvedOf(db: Db, studentId: string, postIds: string[]): Promise<Set<string>> {
  if (postIds.length === 0) return new Set();
  const rows = await db
    .select({ id: posts.id })
    .from(posts)
    .where(and(inArray(posts.id, postIds), eq(posts.studentId, studentId), eq(posts.status, 'approved'), ne(posts.authorRole, 'guardian')));
  return new Set(rows.map((r) => r.id));
}

/** What a small card of each post shows: caption, first text, first picture (with the post's status). */
export async function postCards(db: Db, postIds: string[]) {
  if (postIds.length === 0) return { rows: [], items: [], mediaRows: [] };
  const rows = await db.select({ id: posts.id, studentId: posts.studentId, caption: posts.caption, status: posts.status, createdAt: posts.createdAt }).from(posts).where(inArray(posts.id, postIds));
  const items = await db.select().from(postItems).where(inArray(postItems.postId, postIds)).orderBy(asc(postItems.postId), asc(postItems.position));
  const mediaIds = [...new Set(items.map((i) => i.mediaId).filter((x): x is string => Boolean(x)))];
  const reflectionAudio = await db.select({ id: posts.reflectionAudioId }).from(posts).where(and(inArray(posts.id, postIds), isNotNull(posts.reflectionAudioId)));
  const allMedia = [...new Set([...mediaIds, ...reflectionAudio.map((r) => r.id as string)])];
  const mediaRows = allMedia.length ? await db.select().from(media).where(inArray(media.id, allMedia)) : [];
  return { rows, items, mediaRows };
}

export async function postsFull(db: Db, postIds: string[]) {
  if (postIds.length === 0) return [];
  return db.select().from(posts).where(inArray(posts.id, postIds));
}

export async function goalsOf(db: Db, studentId: string, goalIds?: string[]) {
  if (goalIds && goalIds.length === 0) return [];
  return db
    .select({ id: goals.id, what: goals.what, status: goals.status, createdAt: goals.createdAt, statusChangedAt: goals.statusChangedAt })
    .from(goals)
    .where(and(eq(goals.studentId, studentId), goalIds ? inArray(goals.id, goalIds) : undefined))
    .orderBy(desc(goals.createdAt));
}

export async function findMediaRows(db: Db, ids: string[]): Promise<MediaRow[]> {
  const wanted = ids.filter(Boolean);
  if (wanted.length === 0) return [];
  return db.select().from(media).where(inArray(media.id, wanted));
}

// ---- the log

export interface ConferenceInsert {
  row: typeof pupilConferences.$inferInsert;
  people: Array<{ userId: string; role: 'teacher' | 'assistant' | 'pupil' }>;
  steps: Array<{ text: string; owner: StepRow['owner']; dueOn: string | null; doneAt?: Date | null }>;
  postIds: string[];
  goalIds: string[];
}

export async function insertConference(db: Db, c: ConferenceInsert): Promise<string> {
  const [row] = await db.insert(pupilConferences).values(c.row).returning({ id: pupilConferences.id });
  const id = row!.id;
  await writeLinks(db, id, c);
  return id;
}

async function writeLinks(db: Db, id: string, c: Partial<Omit<ConferenceInsert, 'row'>>): Promise<void> {
  if (c.people) {
    await db.delete(pupilConferencePeople).where(eq(pupilConferencePeople.conferenceId, id));
    const unique = [...new Map(c.people.map((p) => [p.userId, p])).values()];
    if (unique.length) await db.insert(pupilConferencePeople).values(unique.map((p) => ({ conferenceId: id, ...p })));
  }
  if (c.steps) {
    // Steps keep their ids (and any goal made from them) where the text is the same at the same place.
    const old = await db.select().from(pupilConferenceSteps).where(eq(pupilConferenceSteps.conferenceId, id));
    const keep = new Set<string>();
    for (const [position, s] of c.steps.entries()) {
      const same = old.find((o) => !keep.has(o.id) && o.text === s.text);
      if (same) {
        keep.add(same.id);
        await db.update(pupilConferenceSteps).set({ position, owner: s.owner, dueOn: s.dueOn }).where(eq(pupilConferenceSteps.id, same.id));
      } else {
        const [ins] = await db.insert(pupilConferenceSteps).values({ conferenceId: id, position, text: s.text, owner: s.owner, dueOn: s.dueOn, doneAt: s.doneAt ?? null }).returning({ id: pupilConferenceSteps.id });
        keep.add(ins!.id);
      }
    }
    const drop = old.filter((o) => !keep.has(o.id)).map((o) => o.id);
    if (drop.length) await db.delete(pupilConferenceSteps).where(inArray(pupilConferenceSteps.id, drop));
  }
  if (c.postIds) {
    await db.delete(pupilConferencePosts).where(eq(pupilConferencePosts.conferenceId, id));
    if (c.postIds.length) await db.insert(pupilConferencePosts).values([...new Set(c.postIds)].map((postId) => ({ conferenceId: id, postId })));
  }
  if (c.goalIds) {
    await db.delete(pupilConferenceGoals).where(eq(pupilConferenceGoals.conferenceId, id));
    if (c.goalIds.length) await db.insert(pupilConferenceGoals).values([...new Set(c.goalIds)].map((goalId) => ({ conferenceId: id, goalId })));
  }
}

export async function updateConference(db: Db, id: string, change: Partial<typeof pupilConferences.$inferInsert>, links: Partial<Omit<ConferenceInsert, 'row'>> = {}): Promise<void> {
  if (Object.keys(change).length) await db.update(pupilConferences).set(change).where(eq(pupilConferences.id, id));
  await writeLinks(db, id, links);
}

/** A review: only from the status it was read in (two teachers reviewing at once: one wins). */
export async function updateConferenceIf(db: Db, id: string, from: PupilConferenceRow['status'][], change: Partial<typeof pupilConferences.$inferInsert>): Promise<boolean> {
  const rows = await db.update(pupilConferences).set(change).where(and(eq(pupilConferences.id, id), inArray(pupilConferences.status, from))).returning({ id: pupilConferences.id });
  return rows.length > 0;
}

export async function findConference(db: Db, id: string): Promise<PupilConferenceRow | undefined> {
  const [row] = await db.select().from(pupilConferences).where(eq(pupilConferences.id, id)).limit(1);
  return row;
}

export async function conferencesOfStudent(db: Db, studentId: string, options: { before?: Date; limit?: number } = {}) {
  return db
    .select()
    .from(pupilConferences)
    .where(and(eq(pupilConferences.studentId, studentId), options.before ? lt(pupilConferences.createdAt, options.before) : undefined))
    .orderBy(desc(pupilConferences.heldOn), desc(pupilConferences.createdAt))
    .limit(options.limit ?? 200);
}

export async function conferencesOfGroup(db: Db, groupId: string) {
  return db.select({ id: pupilConferences.id, studentId: pupilConferences.studentId }).from(pupilConferences).where(eq(pupilConferences.groupId, groupId));
}

export async function peopleOf(db: Db, conferenceIds: string[]) {
  if (conferenceIds.length === 0) return [];
  return db
    .select({ conferenceId: pupilConferencePeople.conferenceId, userId: users.id, role: pupilConferencePeople.role, givenName: users.givenName, familyName: users.familyName })
    .from(pupilConferencePeople)
    .innerJoin(users, eq(users.id, pupilConferencePeople.userId))
    .where(inArray(pupilConferencePeople.conferenceId, conferenceIds))
    .orderBy(asc(pupilConferencePeople.role), asc(users.givenName));
}

export async function stepsOf(db: Db, conferenceIds: string[]): Promise<StepRow[]> {
  if (conferenceIds.length === 0) return [];
  return db.select().from(pupilConferenceSteps).where(inArray(pupilConferenceSteps.conferenceId, conferenceIds)).orderBy(asc(pupilConferenceSteps.conferenceId), asc(pupilConferenceSteps.position));
}

export async function linksOf(db: Db, conferenceId: string) {
  const [postRows, goalRows] = await Promise.all([
    db.select({ postId: pupilConferencePosts.postId }).from(pupilConferencePosts).where(eq(pupilConferencePosts.conferenceId, conferenceId)),
    db.select({ goalId: pupilConferenceGoals.goalId }).from(pupilConferenceGoals).where(eq(pupilConferenceGoals.conferenceId, conferenceId)),
  ]);
  return { postIds: postRows.map((r) => r.postId), goalIds: goalRows.map((r) => r.goalId) };
}

export async function findStep(db: Db, conferenceId: string, stepId: string): Promise<StepRow | undefined> {
  const [row] = await db.select().from(pupilConferenceSteps).where(and(eq(pupilConferenceSteps.id, stepId), eq(pupilConferenceSteps.conferenceId, conferenceId))).limit(1);
  return row;
}

export async function updateStep(db: Db, stepId: string, change: Partial<typeof pupilConferenceSteps.$inferInsert>): Promise<void> {
  await db.update(pupilConferenceSteps).set(change).where(eq(pupilConferenceSteps.id, stepId));
}

/** Link a goal to a step, unless another request did first (then that goal's id). */
export async function linkStepGoal(db: Db, stepId: string, goalId: string): Promise<boolean> {
  const rows = await db.update(pupilConferenceSteps).set({ goalId }).where(and(eq(pupilConferenceSteps.id, stepId), isNull(pupilConferenceSteps.goalId))).returning({ id: pupilConferenceSteps.id });
  return rows.length > 0;
}

/** Each child's latest published conference (heldOn, id), and how many they have had. */
export async function latestConferences(db: Db, studentIds: string[]) {
  if (studentIds.length === 0) return [];
  return db
    .select({ id: pupilConferences.id, studentId: pupilConferences.studentId, heldOn: pupilConferences.heldOn, type: pupilConferences.type, followUpOn: pupilConferences.followUpOn, createdAt: pupilConferences.createdAt })
    .from(pupilConferences)
    .where(and(inArray(pupilConferences.studentId, studentIds), eq(pupilConferences.status, 'published')))
    .orderBy(asc(pupilConferences.studentId), desc(pupilConferences.heldOn), desc(pupilConferences.createdAt));
}

/** Published conferences asking for a follow-up on or before a day, of these children. */
export async function followUpsUpTo(db: Db, studentIds: string[], day: string) {
  if (studentIds.length === 0) return [];
  return db
    .select({ conferenceId: pupilConferences.id, studentId: pupilConferences.studentId, heldOn: pupilConferences.heldOn, followUpOn: pupilConferences.followUpOn, subject: pupilConferences.subject })
    .from(pupilConferences)
    .where(and(inArray(pupilConferences.studentId, studentIds), eq(pupilConferences.status, 'published'), isNotNull(pupilConferences.followUpOn), lte(pupilConferences.followUpOn, day)));
}

/** Notes of pupil conferencers waiting for review, for children of these classes. */
export async function pendingNotesFor(db: Db, studentIds: string[]) {
  if (studentIds.length === 0) return [];
  return db.select().from(pupilConferences).where(and(inArray(pupilConferences.studentId, studentIds), eq(pupilConferences.status, 'pending'))).orderBy(asc(pupilConferences.createdAt));
}

// ---- requests

export async function insertRequest(db: Db, row: typeof conferenceRequests.$inferInsert): Promise<string> {
  const [r] = await db.insert(conferenceRequests).values(row).returning({ id: conferenceRequests.id });
  return r!.id;
}

export async function findRequest(db: Db, id: string): Promise<RequestRow | undefined> {
  const [row] = await db.select().from(conferenceRequests).where(eq(conferenceRequests.id, id)).limit(1);
  return row;
}

export async function updateRequest(db: Db, id: string, change: Partial<typeof conferenceRequests.$inferInsert>): Promise<void> {
  await db.update(conferenceRequests).set(change).where(eq(conferenceRequests.id, id));
}

export async function requestsOfStudent(db: Db, studentId: string, limit = 20) {
  return db.select().from(conferenceRequests).where(eq(conferenceRequests.studentId, studentId)).orderBy(desc(conferenceRequests.createdAt)).limit(limit);
}

/** Requests of these children still to deal with: open, or scheduled and not yet held. */
export async function openRequestsOf(db: Db, studentIds: string[]) {
  if (studentIds.length === 0) return [];
  return db
    .select()
    .from(conferenceRequests)
    .where(and(inArray(conferenceRequests.studentId, studentIds), inArray(conferenceRequests.status, ['open', 'scheduled', 'paired'])))
    .orderBy(asc(conferenceRequests.createdAt));
}

/** How many requests the child made since a moment (a limit on asking again and again). */
/** When the child made the requests after `since`, oldest first. */
export async function requestTimesSince(db: Db, studentId: string, since: Date): Promise<Date[]> {
  const rows = await db
    .select({ at: conferenceRequests.createdAt })
    .from(conferenceRequests)
    .where(and(eq(conferenceRequests.studentId, studentId), sql`${conferenceRequests.createdAt} > ${since}`))
    .orderBy(asc(conferenceRequests.createdAt));
  return rows.map((r) => r.at);
}

// ---- pairings

export async function insertPairing(db: Db, row: typeof conferencePairings.$inferInsert, postIds: string[]): Promise<string | null> {
  const [r] = await db.insert(conferencePairings).values(row).onConflictDoNothing().returning({ id: conferencePairings.id });
  if (!r) return null;
  if (postIds.length) await db.insert(pairingPosts).values([...new Set(postIds)].map((postId, position) => ({ pairingId: r.id, postId, position })));
  return r.id;
}

export async function findActivePairing(db: Db, conferencerId: string, partnerId: string): Promise<PairingRow | undefined> {
  const [row] = await db
    .select()
    .from(conferencePairings)
    .where(and(eq(conferencePairings.conferencerId, conferencerId), eq(conferencePairings.partnerId, partnerId), isNull(conferencePairings.endedAt)))
    .limit(1);
  return row;
}

export async function findPairing(db: Db, id: string): Promise<PairingRow | undefined> {
  const [row] = await db.select().from(conferencePairings).where(eq(conferencePairings.id, id)).limit(1);
  return row;
}

export async function setPairingPosts(db: Db, pairingId: string, postIds: string[]): Promise<void> {
  await db.delete(pairingPosts).where(eq(pairingPosts.pairingId, pairingId));
  if (postIds.length) await db.insert(pairingPosts).values([...new Set(postIds)].map((postId, position) => ({ pairingId, postId, position })));
}

export async function endPairing(db: Db, id: string, at: Date): Promise<boolean> {
  const rows = await db.update(conferencePairings).set({ endedAt: at }).where(and(eq(conferencePairings.id, id), isNull(conferencePairings.endedAt))).returning({ id: conferencePairings.id });
  return rows.length > 0;
}

export async function postsOfPairings(db: Db, pairingIds: string[]) {
  if (pairingIds.length === 0) return [];
  return db
    .select({ pairingId: pairingPosts.pairingId, postId: pairingPosts.postId, status: posts.status })
    .from(pairingPosts)
    .innerJoin(posts, eq(posts.id, pairingPosts.postId))
    .where(inArray(pairingPosts.pairingId, pairingIds))
    .orderBy(asc(pairingPosts.pairingId), asc(pairingPosts.position));
}

/** Active pairings where these children are the partner or the conferencer. */
export async function activePairingsOf(db: Db, studentIds: string[]) {
  if (studentIds.length === 0) return [];
  return db
    .select()
    .from(conferencePairings)
    .where(and(isNull(conferencePairings.endedAt), or(inArray(conferencePairings.partnerId, studentIds), inArray(conferencePairings.conferencerId, studentIds))))
    .orderBy(asc(conferencePairings.createdAt));
}

export async function pendingCountByPairing(db: Db, pairingIds: string[]) {
  if (pairingIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ pairingId: pupilConferences.pairingId, n: count() })
    .from(pupilConferences)
    .where(and(inArray(pupilConferences.pairingId, pairingIds), eq(pupilConferences.status, 'pending')))
    .groupBy(pupilConferences.pairingId);
  return new Map(rows.map((r) => [r.pairingId as string, Number(r.n)]));
}

export async function notesOfPairing(db: Db, pairingId: string, authorId: string) {
  return db
    .select()
    .from(pupilConferences)
    .where(and(eq(pupilConferences.pairingId, pairingId), eq(pupilConferences.authorId, authorId)))
    .orderBy(desc(pupilConferences.createdAt));
}

// ---- media

/** Conferences and requests that use this media item (as a stimulus, the child's words, a request's voice note). */
export async function usesOfMedia(db: Db, mediaId: string) {
  const [conferenceRows, requestRows, pairingRows] = await Promise.all([
    db
      .select({ id: pupilConferences.id, studentId: pupilConferences.studentId, status: pupilConferences.status, authorId: pupilConferences.authorId })
      .from(pupilConferences)
      .where(or(eq(pupilConferences.stimulusMediaId, mediaId), eq(pupilConferences.childWordsAudioId, mediaId))),
    db.select({ studentId: conferenceRequests.studentId }).from(conferenceRequests).where(eq(conferenceRequests.audioMediaId, mediaId)),
    // A shared piece's pictures and recordings, to its pupil conferencer.
    db
      .selectDistinct({ conferencerId: conferencePairings.conferencerId, partnerId: conferencePairings.partnerId })
      .from(pairingPosts)
      .innerJoin(conferencePairings, eq(conferencePairings.id, pairingPosts.pairingId))
      .innerJoin(posts, eq(posts.id, pairingPosts.postId))
      .leftJoin(postItems, eq(postItems.postId, posts.id))
      .where(and(isNull(conferencePairings.endedAt), eq(posts.status, 'approved'), or(eq(postItems.mediaId, mediaId), eq(posts.reflectionAudioId, mediaId)))),
  ]);
  return { conferenceRows, requestRows, pairingRows };
}

// ---- journey

export async function checkinsOfStudent(db: Db, studentId: string) {
  return db
    .select({ id: goalCheckins.id, goalId: goals.id, what: goals.what, note: goalCheckins.note, createdAt: goalCheckins.createdAt })
    .from(goalCheckins)
    .innerJoin(goals, eq(goals.id, goalCheckins.goalId))
    .where(eq(goals.studentId, studentId))
    .orderBy(desc(goalCheckins.createdAt))
    .limit(200);
}

export async function postsOfStudentForJourney(db: Db, studentId: string, statuses: Array<'approved' | 'pending' | 'returned'>) {
  return db
    .select({ id: posts.id, caption: posts.caption, createdAt: posts.createdAt, approvedAt: posts.approvedAt })
    .from(posts)
    .where(and(eq(posts.studentId, studentId), inArray(posts.status, statuses)))
    .orderBy(desc(posts.createdAt))
    .limit(200);
}

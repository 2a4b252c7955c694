/**
 * Rounds' booking set-up, bookings and the people in them, waitlists and calendar feeds. The only
 * Drizzle code of booking. The guarantee that nobody is in two meetings at once is the database's
 * (`booking_people_no_overlap`, an exclusion constraint): the writes here insert and let it refuse.
 */
import { and, asc, eq, gt, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  bookingPeople,
  bookings,
  calendarFeeds,
  classTeachers,
  classes,
  conferenceRounds,
  enrollments,
  goalCommitments,
  goals,
  guardianStudents,
  guardians,
  interpreters,
  roundClasses,
  roundInterpreters,
  roundSessions,
  roundTeachers,
  schools,
  staffMemberships,
  students,
  users,
  waitlistEntries,
  type Attendee,
  type Availability,
  type Break,
  type BookingStatus,
} from '../../db/schema/index';

export type BookingRow = typeof bookings.$inferSelect;
export type SessionRow = typeof roundSessions.$inferSelect;
export type InterpreterRow = typeof interpreters.$inferSelect;
export type WaitlistRow = typeof waitlistEntries.$inferSelect;

const fullName = sql<string>`${users.givenName} || ' ' || ${users.familyName}`;

// ---- rounds and set-up

export async function findBookingRound(db: Db, roundId: string) {
  const [row] = await db
    .select({
      id: conferenceRounds.id,
      schoolId: conferenceRounds.schoolId,
      name: conferenceRounds.name,
      startsOn: conferenceRounds.startsOn,
      endsOn: conferenceRounds.endsOn,
      slotMinutes: conferenceRounds.slotMinutes,
      bufferMinutes: conferenceRounds.bufferMinutes,
      walkMinutes: conferenceRounds.walkMinutes,
      holdMinutes: conferenceRounds.holdMinutes,
      bookingOpensAt: conferenceRounds.bookingOpensAt,
      bookingClosesAt: conferenceRounds.bookingClosesAt,
      changeCutoffHours: conferenceRounds.changeCutoffHours,
      separatedGuardians: conferenceRounds.separatedGuardians,
      allowVideo: conferenceRounds.allowVideo,
      lateNoticeMinutes: conferenceRounds.lateNoticeMinutes,
      bookingMode: conferenceRounds.bookingMode,
      timeZone: schools.timeZone,
      schoolLocale: schools.locale,
      schoolName: schools.name,
    })
    .from(conferenceRounds)
    .innerJoin(schools, eq(schools.id, conferenceRounds.schoolId))
    .where(and(eq(conferenceRounds.id, roundId), isNull(conferenceRounds.archivedAt)))
    .limit(1);
  return row;
}
export async function findRoundByName(db: Db, schoolId: string, name: string) {
  const [row] = await db.select({ id: conferenceRounds.id }).from(conferenceRounds).where(and(eq(conferenceRounds.schoolId, schoolId), eq(conferenceRounds.name, name))).limit(1);
  return row;
}

/** Rounds of these schools that have sessions and end today or later, soonest first. */
export async function upcomingRounds(db: Db, schoolIds: string[], today: string) {
  if (schoolIds.length === 0) return [];
  return db
    .selectDistinct({ id: conferenceRounds.id, startsOn: conferenceRounds.startsOn })
    .from(conferenceRounds)
    .innerJoin(roundSessions, eq(roundSessions.roundId, conferenceRounds.id))
    .where(and(inArray(conferenceRounds.schoolId, schoolIds), isNull(conferenceRounds.archivedAt), sql`${conferenceRounds.endsOn} >= ${today}`))
    .orderBy(asc(conferenceRounds.startsOn));
}

export type BookingRound = NonNullable<Awaited<ReturnType<typeof findBookingRound>>>;

export async function updateBookingSettings(db: Db, roundId: string, change: Partial<typeof conferenceRounds.$inferInsert>): Promise<void> {
  if (Object.keys(change).length === 0) return;
  await db.update(conferenceRounds).set(change).where(eq(conferenceRounds.id, roundId));
}

export async function listSessions(db: Db, roundId: string): Promise<SessionRow[]> {
  return db.select().from(roundSessions).where(eq(roundSessions.roundId, roundId)).orderBy(asc(roundSessions.startsAt));
}

export async function replaceSessions(
  db: Db,
  roundId: string,
  sessions: Array<{ id?: string; date: string; startTime: string; endTime: string; breaks: Break[]; startsAt: Date; endsAt: Date }>,
): Promise<void> {
  await db.transaction(async (tx) => {
    const keep = sessions.flatMap((s) => (s.id ? [s.id] : []));
    await tx.delete(roundSessions).where(and(eq(roundSessions.roundId, roundId), keep.length ? sql`${roundSessions.id} not in ${keep}` : sql`true`));
    for (const s of sessions) {
      const values = { roundId, date: s.date, startTime: s.startTime, endTime: s.endTime, breaks: s.breaks, startsAt: s.startsAt, endsAt: s.endsAt };
      if (s.id) await tx.update(roundSessions).set(values).where(and(eq(roundSessions.id, s.id), eq(roundSessions.roundId, roundId)));
      else await tx.insert(roundSessions).values(values);
    }
  });
}

export async function listRoundClassIds(db: Db, roundId: string): Promise<string[]> {
  return (await db.select({ classId: roundClasses.classId }).from(roundClasses).where(eq(roundClasses.roundId, roundId))).map((r) => r.classId);
}

export async function setRoundClasses(db: Db, roundId: string, classIds: string[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(roundClasses).where(eq(roundClasses.roundId, roundId));
    if (classIds.length) await tx.insert(roundClasses).values(classIds.map((classId) => ({ roundId, classId })));
  });
}

/** The school's classes on roll, with their lead teachers. */
export async function schoolClassesWithLeads(db: Db, schoolId: string) {
  const rows = await db
    .select({ id: classes.id, name: classes.name, yearGroup: classes.yearGroup, teacherId: classTeachers.userId, role: classTeachers.role })
    .from(classes)
    .leftJoin(classTeachers, eq(classTeachers.classId, classes.id))
    .where(and(eq(classes.schoolId, schoolId), isNull(classes.archivedAt)))
    .orderBy(asc(classes.yearGroup), asc(classes.name));
  const out = new Map<string, { id: string; name: string; yearGroup: string; leadTeacherIds: string[] }>();
  for (const r of rows) {
    const c = out.get(r.id) ?? { id: r.id, name: r.name, yearGroup: r.yearGroup, leadTeacherIds: [] };
    if (r.teacherId && r.role === 'lead') c.leadTeacherIds.push(r.teacherId);
    out.set(r.id, c);
  }
  return [...out.values()];
}

/** Teachers and admins of the school (who can take part in a round). */
export async function schoolStaff(db: Db, schoolId: string) {
  const rows = await db
    .selectDistinct({ userId: users.id, name: fullName, givenName: users.givenName, familyName: users.familyName, spokenLanguages: users.spokenLanguages, email: users.email })
    .from(staffMemberships)
    .innerJoin(users, eq(users.id, staffMemberships.userId))
    .where(and(eq(staffMemberships.schoolId, schoolId), isNull(staffMemberships.archivedAt), isNull(users.archivedAt), ne(staffMemberships.role, 'assistant')))
    .orderBy(asc(users.familyName), asc(users.givenName));
  return rows;
}

export async function isStaffOf(db: Db, schoolId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: staffMemberships.id })
    .from(staffMemberships)
    .where(and(eq(staffMemberships.schoolId, schoolId), eq(staffMemberships.userId, userId), isNull(staffMemberships.archivedAt)))
    .limit(1);
  return Boolean(row);
}

export async function listRoundTeachers(db: Db, roundId: string) {
  return db
    .select({
      userId: roundTeachers.userId,
      room: roundTeachers.room,
      videoUrl: roundTeachers.videoUrl,
      availability: roundTeachers.availability,
      name: fullName,
      email: users.email,
      spokenLanguages: users.spokenLanguages,
    })
    .from(roundTeachers)
    .innerJoin(users, eq(users.id, roundTeachers.userId))
    .where(eq(roundTeachers.roundId, roundId))
    .orderBy(asc(users.familyName), asc(users.givenName));
}
export type RoundTeacherRow = Awaited<ReturnType<typeof listRoundTeachers>>[number];

export async function upsertRoundTeacher(db: Db, row: { roundId: string; userId: string; room: string | null; videoUrl: string | null; availability: Availability | null }, languages?: string[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(roundTeachers)
      .values(row)
      .onConflictDoUpdate({ target: [roundTeachers.roundId, roundTeachers.userId], set: { room: row.room, videoUrl: row.videoUrl, availability: row.availability } });
    if (languages) await tx.update(users).set({ spokenLanguages: languages }).where(eq(users.id, row.userId));
  });
}

export async function deleteRoundTeacher(db: Db, roundId: string, userId: string): Promise<void> {
  await db.delete(roundTeachers).where(and(eq(roundTeachers.roundId, roundId), eq(roundTeachers.userId, userId)));
}

// ---- interpreters

export async function listInterpreters(db: Db, schoolId: string, options: { includeArchived?: boolean } = {}): Promise<InterpreterRow[]> {
  return db
    .select()
    .from(interpreters)
    .where(and(eq(interpreters.schoolId, schoolId), options.includeArchived ? sql`true` : isNull(interpreters.archivedAt)))
    .orderBy(asc(interpreters.name));
}

export async function findInterpreter(db: Db, id: string): Promise<InterpreterRow | undefined> {
  const [row] = await db.select().from(interpreters).where(eq(interpreters.id, id)).limit(1);
  return row;
}

export async function insertInterpreter(db: Db, row: typeof interpreters.$inferInsert): Promise<InterpreterRow> {
  const [created] = await db.insert(interpreters).values(row).returning();
  return created!;
}

export async function updateInterpreter(db: Db, id: string, change: Partial<typeof interpreters.$inferInsert>): Promise<void> {
  if (Object.keys(change).length) await db.update(interpreters).set(change).where(eq(interpreters.id, id));
}

export async function listRoundInterpreters(db: Db, roundId: string) {
  return db
    .select({ interpreterId: roundInterpreters.interpreterId, availability: roundInterpreters.availability, name: interpreters.name, email: interpreters.email, languages: interpreters.languages })
    .from(roundInterpreters)
    .innerJoin(interpreters, eq(interpreters.id, roundInterpreters.interpreterId))
    .where(and(eq(roundInterpreters.roundId, roundId), isNull(interpreters.archivedAt)))
    .orderBy(asc(interpreters.name));
}
export type RoundInterpreterRow = Awaited<ReturnType<typeof listRoundInterpreters>>[number];

export async function upsertRoundInterpreter(db: Db, row: { roundId: string; interpreterId: string; availability: Availability | null }): Promise<void> {
  await db
    .insert(roundInterpreters)
    .values(row)
    .onConflictDoUpdate({ target: [roundInterpreters.roundId, roundInterpreters.interpreterId], set: { availability: row.availability } });
}

export async function deleteRoundInterpreter(db: Db, roundId: string, interpreterId: string): Promise<void> {
  await db.delete(roundInterpreters).where(and(eq(roundInterpreters.roundId, roundId), eq(roundInterpreters.interpreterId, interpreterId)));
}

// ---- families

/** A guardian's children on roll in the school, with how the guardian is linked to each. */
export async function householdChildren(db: Db, schoolId: string, guardianUserId: string) {
  return db
    .select({ studentId: students.id, givenName: users.givenName, familyName: users.familyName, attendsSeparately: guardianStudents.attendsSeparately })
    .from(guardians)
    .innerJoin(guardianStudents, eq(guardianStudents.guardianId, guardians.id))
    .innerJoin(students, eq(students.id, guardianStudents.studentId))
    .innerJoin(users, eq(users.id, students.userId))
    .where(and(eq(guardians.userId, guardianUserId), eq(students.schoolId, schoolId), isNull(students.archivedAt), isNull(users.archivedAt)))
    .orderBy(asc(users.givenName));
}

export async function guardianOf(db: Db, guardianUserId: string) {
  const [row] = await db
    .select({ userId: users.id, email: users.email, givenName: users.givenName, familyName: users.familyName, preferredLocale: users.preferredLocale, language: guardians.language, guardianId: guardians.id })
    .from(guardians)
    .innerJoin(users, eq(users.id, guardians.userId))
    .where(and(eq(guardians.userId, guardianUserId), isNull(users.archivedAt)))
    .limit(1);
  return row;
}

export async function setGuardianLanguage(db: Db, guardianUserId: string, language: string): Promise<void> {
  await db.update(guardians).set({ language }).where(eq(guardians.userId, guardianUserId));
}

/** All guardians of these children: for naming who comes, and for telling the family (and asking them how it went). */
export async function guardiansOfStudents(db: Db, studentIds: string[]) {
  if (studentIds.length === 0) return [];
  return db
    .select({
      studentId: guardianStudents.studentId,
      userId: users.id,
      name: fullName,
      givenName: users.givenName,
      email: users.email,
      preferredLocale: users.preferredLocale,
      language: guardians.language,
      attendsSeparately: guardianStudents.attendsSeparately,
      archived: sql<boolean>`${users.archivedAt} is not null`,
    })
    .from(guardianStudents)
    .innerJoin(guardians, eq(guardians.id, guardianStudents.guardianId))
    .innerJoin(users, eq(users.id, guardians.userId))
    .where(inArray(guardianStudents.studentId, studentIds));
}
export type ChildGuardian = Awaited<ReturnType<typeof guardiansOfStudents>>[number];

/** For each child, the participating class they are in (first by name) and its lead teachers. */
export async function roundClassesOfStudents(db: Db, roundId: string, studentIds: string[]) {
  if (studentIds.length === 0) return [];
  return db
    .select({ studentId: enrollments.studentId, classId: classes.id, className: classes.name, teacherId: classTeachers.userId, role: classTeachers.role })
    .from(enrollments)
    .innerJoin(roundClasses, and(eq(roundClasses.classId, enrollments.classId), eq(roundClasses.roundId, roundId)))
    .innerJoin(classes, eq(classes.id, enrollments.classId))
    .leftJoin(classTeachers, eq(classTeachers.classId, classes.id))
    .where(and(inArray(enrollments.studentId, studentIds), isNull(classes.archivedAt)))
    .orderBy(asc(classes.name));
}

/** Every child of the round's classes with their class (for the coverage board). */
export async function childrenOfRound(db: Db, roundId: string) {
  return db
    .select({ studentId: students.id, givenName: users.givenName, familyName: users.familyName, classId: classes.id, className: classes.name })
    .from(roundClasses)
    .innerJoin(classes, eq(classes.id, roundClasses.classId))
    .innerJoin(enrollments, eq(enrollments.classId, classes.id))
    .innerJoin(students, eq(students.id, enrollments.studentId))
    .innerJoin(users, eq(users.id, students.userId))
    .where(and(eq(roundClasses.roundId, roundId), isNull(classes.archivedAt), isNull(students.archivedAt), isNull(users.archivedAt)))
    .orderBy(asc(classes.name), asc(users.familyName), asc(users.givenName));
}

export async function studentNames(db: Db, studentIds: string[]) {
  if (studentIds.length === 0) return [];
  return db
    .select({ studentId: students.id, schoolId: students.schoolId, givenName: users.givenName, familyName: users.familyName })
    .from(students)
    .innerJoin(users, eq(users.id, students.userId))
    .where(inArray(students.id, studentIds));
}

export async function userNames(db: Db, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db.select({ userId: users.id, name: fullName, email: users.email, preferredLocale: users.preferredLocale }).from(users).where(inArray(users.id, userIds));
}

// ---- bookings

/** The round's meetings that hold a time now: confirmed ones, and holds that have not run out. */
export async function liveBookings(db: Db, roundId: string, now: Date): Promise<BookingRow[]> {
  return db
    .select()
    .from(bookings)
    .where(and(eq(bookings.roundId, roundId), or(eq(bookings.status, 'confirmed'), and(eq(bookings.status, 'held'), gt(bookings.holdExpiresAt, now)))))
    .orderBy(asc(bookings.startsAt));
}

/**
 * The live meetings of these people (person keys, as in booking_people), in every round: what
 * the family page and the choice of an interpreter need, without reading the whole round. Served
 * by the exclusion constraint's GiST index on (person, range).
 */
export async function busyOf(db: Db, people: string[], now: Date) {
  if (people.length === 0) return [];
  return db
    .select({ person: bookingPeople.person, bookingId: bookingPeople.bookingId, startsAt: bookingPeople.startsAt, endsAt: bookingPeople.endsAt })
    .from(bookingPeople)
    .innerJoin(bookings, eq(bookings.id, bookingPeople.bookingId))
    .where(and(inArray(bookingPeople.person, [...new Set(people)]), eq(bookingPeople.active, true), or(eq(bookings.status, 'confirmed'), and(eq(bookings.status, 'held'), gt(bookings.holdExpiresAt, now)))));
}

export async function findBooking(db: Db, id: string): Promise<BookingRow | undefined> {
  const [row] = await db.select().from(bookings).where(eq(bookings.id, id)).limit(1);
  return row;
}

export async function bookingsOfGroup(db: Db, groupId: string): Promise<BookingRow[]> {
  return db.select().from(bookings).where(eq(bookings.groupId, groupId)).orderBy(asc(bookings.startsAt));
}

/** A household's current hold in a round (the latest group still held and not run out). */
export async function currentHold(db: Db, roundId: string, householdUserId: string, now: Date): Promise<BookingRow[]> {
  return db
    .select()
    .from(bookings)
    .where(and(eq(bookings.roundId, roundId), eq(bookings.householdUserId, householdUserId), eq(bookings.status, 'held'), gt(bookings.holdExpiresAt, now)))
    .orderBy(asc(bookings.startsAt));
}

/**
 * Marks holds that have run out as expired and frees their people: done at the start of every
 * booking transaction (so a lapsed hold never blocks a time) and by the release job.
 */
/**
 * Ends the round's holds that ran out, in a short transaction of its own, before the caller's.
 *
 * Not inside a booking's transaction: ending a hold leaves its people rows changed but not
 * committed, and a family booking that time meanwhile (holding the advisory lock for it, see
 * insertPeople) waits in the exclusion check for this transaction to commit — while this one,
 * going on to book, waits for that family's lock. PostgreSQL breaks the circle only after
 * `deadlock_timeout`, failing one of them. Rows another caller is already ending are skipped
 * (`skip locked`): two families freeing the same lapsed holds at once never wait for each other.
 */
export async function releaseLapsedHolds(db: Db, roundId: string, now: Date): Promise<string[]> {
  return db.transaction(async (tx) => {
    const lapsed = await tx
      .select({ id: bookings.id })
      .from(bookings)
      .where(and(eq(bookings.roundId, roundId), eq(bookings.status, 'held'), lte(bookings.holdExpiresAt, now)))
      .orderBy(asc(bookings.id))
      .for('update', { skipLocked: true });
    const ids = lapsed.map((r) => r.id);
    if (ids.length === 0) return [];
    await tx.update(bookings).set({ status: 'expired', updatedAt: now }).where(inArray(bookings.id, ids));
    await tx.update(bookingPeople).set({ active: false }).where(inArray(bookingPeople.bookingId, ids));
    return ids;
  });
}

export async function insertBooking(db: Db, row: typeof bookings.$inferInsert): Promise<BookingRow> {
  const [created] = await db.insert(bookings).values(row).returning();
  return created!;
}

/**
 * Inserts the people of a meeting; the exclusion constraint refuses anyone already elsewhere then.
 *
 * First, a transaction-scoped advisory lock per person and start time, taken in a fixed order.
 * Without it, two transactions inserting the same teacher at the same time at the same moment
 * each find the other's uncommitted row and wait for each other: PostgreSQL documents this
 * deadlock for exclusion constraints (executor/execIndexing.c) and breaks it only after
 * `deadlock_timeout` (1 s) by failing one of them with 40P01. In a rush that is most attempts.
 * With the lock the second one waits for the first to commit, then meets its row and is refused
 * at once (23P01). The constraint stays the guarantee; the lock only orders who checks first.
 */
export async function insertPeople(db: Db, bookingId: string, people: string[], startsAt: Date, endsAt: Date): Promise<void> {
  if (people.length === 0) return;
  await lockPeople(db, people.map((person) => ({ person, startsAt })));
  await db.insert(bookingPeople).values(people.map((person) => ({ bookingId, person, startsAt, endsAt, active: true })));
}

/**
 * Takes the advisory locks of insertPeople for these people at these times, all at once, in the
 * one order every booking transaction keeps: by time, then by person. A transaction that frees
 * people (a family choosing again, a meeting moved) and then books others takes both sets first,
 * so it never waits for a lock while someone waits on the rows it changed. Taking a lock again
 * later in the same transaction (insertPeople does) costs nothing.
 */
export async function lockPeople(db: Db, entries: ReadonlyArray<{ person: string; startsAt: Date }>): Promise<void> {
  if (entries.length === 0) return;
  const keys = [...new Set(entries.map((e) => `${e.startsAt.toISOString()}|${e.person}`))].sort().map((k) => {
    const [at, person] = k.split('|') as [string, string];
    return `booking:${person}@${at}`;
  });
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(k, 0)) from (values ${sql.join(keys.map((k) => sql`(${k})`), sql`, `)}) as v(k)`);
}

export async function deletePeople(db: Db, bookingId: string, people?: string[]): Promise<void> {
  await db.delete(bookingPeople).where(and(eq(bookingPeople.bookingId, bookingId), people ? inArray(bookingPeople.person, people) : sql`true`));
}

export async function peopleOfBooking(db: Db, bookingId: string): Promise<string[]> {
  return (await db.select({ person: bookingPeople.person }).from(bookingPeople).where(eq(bookingPeople.bookingId, bookingId))).map((r) => r.person);
}

export async function updateBooking(db: Db, id: string, change: Partial<typeof bookings.$inferInsert>): Promise<BookingRow | undefined> {
  const [row] = await db.update(bookings).set(change).where(eq(bookings.id, id)).returning();
  return row;
}

/** Confirms a household's held group, if it is still held; returns the rows confirmed. */
export async function confirmGroup(db: Db, groupId: string, now: Date, change: Partial<typeof bookings.$inferInsert>): Promise<BookingRow[]> {
  return db
    .update(bookings)
    .set({ ...change, status: 'confirmed', holdExpiresAt: null, confirmedAt: now, updatedAt: now })
    .where(and(eq(bookings.groupId, groupId), eq(bookings.status, 'held'), gt(bookings.holdExpiresAt, now)))
    .returning();
}

export async function extendGroup(db: Db, groupId: string, now: Date, until: Date): Promise<BookingRow[]> {
  return db
    .update(bookings)
    .set({ holdExpiresAt: until, updatedAt: now })
    .where(and(eq(bookings.groupId, groupId), eq(bookings.status, 'held'), gt(bookings.holdExpiresAt, now)))
    .returning();
}

/**
 * Ends bookings (cancelled or expired) and frees their people. Only a hold expires: callers pick
 * the ids from rows read a moment before, and the family may have confirmed them since (choosing
 * again in another tab as they confirm) — that meeting stays booked. Cancelling ends either.
 */
export async function endBookings(db: Db, ids: string[], status: Extract<BookingStatus, 'cancelled' | 'expired'>, now: Date, by: string | null): Promise<BookingRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .update(bookings)
    .set({ status, updatedAt: now, ...(status === 'cancelled' ? { cancelledAt: now, cancelledBy: by, sequence: sql`${bookings.sequence} + 1` } : {}) })
    .where(and(inArray(bookings.id, ids), inArray(bookings.status, status === 'expired' ? ['held'] : ['held', 'confirmed'])))
    .returning();
  if (rows.length) await db.update(bookingPeople).set({ active: false }).where(inArray(bookingPeople.bookingId, rows.map((r) => r.id)));
  return rows;
}

/** Live bookings of these children (any household), for showing a family what is booked. */
export async function liveBookingsOfStudents(db: Db, roundId: string, studentIds: string[], now: Date): Promise<BookingRow[]> {
  if (studentIds.length === 0) return [];
  return db
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.roundId, roundId),
        inArray(bookings.studentId, studentIds),
        or(eq(bookings.status, 'confirmed'), and(eq(bookings.status, 'held'), gt(bookings.holdExpiresAt, now))),
      ),
    )
    .orderBy(asc(bookings.startsAt));
}

export async function interpreterNames(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: interpreters.id, name: interpreters.name, email: interpreters.email }).from(interpreters).where(inArray(interpreters.id, ids));
}

/** Confirmed meetings of a teacher or an interpreter across the school's rounds (for their calendar feed). */
export async function confirmedMeetingsOf(db: Db, who: { teacherId: string } | { interpreterId: string }): Promise<BookingRow[]> {
  return db
    .select()
    .from(bookings)
    .where(and(eq(bookings.status, 'confirmed'), 'teacherId' in who ? eq(bookings.teacherId, who.teacherId) : eq(bookings.interpreterId, who.interpreterId)))
    .orderBy(asc(bookings.startsAt));
}

/** The goals set for a round (at its conference or in its preparation), with everyone's commitments. */
export async function goalsOfRound(db: Db, roundId: string) {
  const rows = await db
    .select({ id: goals.id, studentId: goals.studentId, what: goals.what, measure: goals.measure, status: goals.status })
    .from(goals)
    .where(eq(goals.roundId, roundId))
    .orderBy(asc(goals.createdAt));
  const commitments = rows.length
    ? await db
        .select({ goalId: goalCommitments.goalId, role: goalCommitments.role, text: goalCommitments.text, name: fullName })
        .from(goalCommitments)
        .innerJoin(users, eq(users.id, goalCommitments.userId))
        .where(inArray(goalCommitments.goalId, rows.map((r) => r.id)))
        .orderBy(asc(goalCommitments.createdAt))
    : [];
  return rows.map((g) => ({ ...g, commitments: commitments.filter((c) => c.goalId === g.id) }));
}

// ---- waitlist

export async function insertWaitlist(db: Db, rows: Array<typeof waitlistEntries.$inferInsert>): Promise<WaitlistRow[]> {
  if (rows.length === 0) return [];
  await db.insert(waitlistEntries).values(rows).onConflictDoNothing();
  return db
    .select()
    .from(waitlistEntries)
    .where(
      and(
        eq(waitlistEntries.roundId, rows[0]!.roundId),
        eq(waitlistEntries.householdUserId, rows[0]!.householdUserId),
        inArray(waitlistEntries.studentId, rows.map((r) => r.studentId)),
        inArray(waitlistEntries.status, ['waiting', 'offered']),
      ),
    );
}

export async function waitingOf(db: Db, roundId: string, studentIds?: string[]): Promise<WaitlistRow[]> {
  return db
    .select()
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.roundId, roundId), inArray(waitlistEntries.status, ['waiting', 'offered']), studentIds ? inArray(waitlistEntries.studentId, studentIds.length ? studentIds : ['00000000-0000-0000-0000-000000000000']) : sql`true`))
    .orderBy(asc(waitlistEntries.queuedAt));
}

export async function findWaitlist(db: Db, id: string): Promise<WaitlistRow | undefined> {
  const [row] = await db.select().from(waitlistEntries).where(eq(waitlistEntries.id, id)).limit(1);
  return row;
}

/** The entry, locked until the transaction ends: a claim and the offer's expiry take turns. */
export async function lockWaitlist(db: Db, id: string): Promise<WaitlistRow | undefined> {
  const [row] = await db.select().from(waitlistEntries).where(eq(waitlistEntries.id, id)).limit(1).for('update');
  return row;
}

export async function findWaitlistByToken(db: Db, tokenHash: string): Promise<WaitlistRow | undefined> {
  const [row] = await db.select().from(waitlistEntries).where(eq(waitlistEntries.offerTokenHash, tokenHash)).limit(1);
  return row;
}

/** The next waiting entries of a round, oldest in the queue first, locked so two offers never take one. */
export async function lockWaiting(db: Db, roundId: string, limit: number): Promise<WaitlistRow[]> {
  return db
    .select()
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.roundId, roundId), eq(waitlistEntries.status, 'waiting')))
    .orderBy(asc(waitlistEntries.queuedAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function updateWaitlist(db: Db, id: string, change: Partial<typeof waitlistEntries.$inferInsert>): Promise<void> {
  await db.update(waitlistEntries).set(change).where(eq(waitlistEntries.id, id));
}

// ---- calendar feeds

export async function findFeed(db: Db, token: string) {
  const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.token, token)).limit(1);
  return row;
}

export async function feedOf(db: Db, owner: { schoolId: string; userId: string } | { schoolId: string; interpreterId: string }) {
  const [row] = await db
    .select()
    .from(calendarFeeds)
    .where('userId' in owner ? and(eq(calendarFeeds.schoolId, owner.schoolId), eq(calendarFeeds.userId, owner.userId)) : eq(calendarFeeds.interpreterId, owner.interpreterId))
    .limit(1);
  return row;
}

export async function replaceFeed(db: Db, owner: { schoolId: string; userId: string } | { schoolId: string; interpreterId: string }, token: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(calendarFeeds).where('userId' in owner ? and(eq(calendarFeeds.schoolId, owner.schoolId), eq(calendarFeeds.userId, owner.userId)) : eq(calendarFeeds.interpreterId, owner.interpreterId));
    await tx.insert(calendarFeeds).values({ token, schoolId: owner.schoolId, ...('userId' in owner ? { userId: owner.userId } : { interpreterId: owner.interpreterId }) });
  });
}

export type { Attendee };

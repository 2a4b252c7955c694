/**
 * The roster as the database holds it, for import: what the school already has from its
 * information system (read as a CurrentRoster, keyed by sourcedId) and writing an ImportPlan out.
 * The only roster code that touches Drizzle. Writes go in batches so 20,000 pupils stay quick.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, getTableColumns, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { avatarKeys, type AvatarKey } from '../../../domain/pictures';
import { gradeOf, type RosterClass, type RosterPerson, type RosterTerm } from '../../../domain/roster/model';
import { classFingerprint, enrollmentKey, linkKey, personFingerprint, termFingerprint, type CurrentRoster, type ImportPlan } from '../../../domain/roster/plan';
import type { Db } from '../../db/client';
import {
  classTeachers,
  classes,
  enrollments,
  guardianStudents,
  guardians,
  reportPeriods,
  rosterImports,
  rosterSources,
  staffMemberships,
  students,
  terms,
  users,
} from '../../db/schema/index';

const BATCH = 500;
function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
  return out;
}

export async function loadCurrentRoster(db: Db, schoolId: string): Promise<CurrentRoster & { matched: Set<string> }> {
  const sources = await db.select().from(rosterSources).where(eq(rosterSources.schoolId, schoolId));
  // "Archived" is about this school: a pupil whose record here is archived, a member of staff with
  // no active role here, a guardian with no child here. The account itself may live on elsewhere.
  const archivedPupils = new Set(
    (await db.select({ userId: students.userId }).from(students).where(and(eq(students.schoolId, schoolId), isNotNull(students.archivedAt)))).map((r) => r.userId),
  );
  const activeStaff = new Set(
    (await db.selectDistinct({ userId: staffMemberships.userId }).from(staffMemberships).where(and(eq(staffMemberships.schoolId, schoolId), isNull(staffMemberships.archivedAt)))).map((r) => r.userId),
  );
  const linkedGuardians = new Set(
    (
      await db
        .selectDistinct({ userId: guardians.userId })
        .from(guardianStudents)
        .innerJoin(guardians, eq(guardians.id, guardianStudents.guardianId))
        .innerJoin(students, eq(students.id, guardianStudents.studentId))
        .where(eq(students.schoolId, schoolId))
    ).map((r) => r.userId),
  );
  const archivedClasses = new Set(
    (await db.select({ id: classes.id }).from(classes).where(and(eq(classes.schoolId, schoolId), isNotNull(classes.archivedAt)))).map((r) => r.id),
  );
  const personArchived = (userId: string, role: string | null) =>
    role === 'student' ? archivedPupils.has(userId) : role === 'guardian' ? !linkedGuardians.has(userId) : !activeStaff.has(userId);
  const current: CurrentRoster = { schoolSourcedId: null, terms: new Map(), classes: new Map(), people: new Map(), enrollments: new Map(), guardianLinks: new Set() };
  const classSid = new Map<string, string>(); // class id → sourcedId
  const matched = new Set<string>(); // people whose accounts the import found rather than made
  const personSid = new Map<string, string>(); // user id → sourcedId
  for (const s of sources) {
    const base = { id: s.targetId, lastModified: s.lastModified, fingerprint: s.fingerprint };
    if (s.kind === 'org') current.schoolSourcedId = s.sourcedId;
    else if (s.kind === 'term') current.terms.set(s.sourcedId, { ...base, archived: false });
    else if (s.kind === 'class') {
      current.classes.set(s.sourcedId, { ...base, archived: archivedClasses.has(s.targetId) });
      classSid.set(s.targetId, s.sourcedId);
    } else if (s.kind === 'person') {
      current.people.set(s.sourcedId, { ...base, archived: personArchived(s.targetId, s.role), role: (s.role ?? 'student') as RosterPerson['role'] });
      if (!s.owned) matched.add(s.sourcedId);
      personSid.set(s.targetId, s.sourcedId);
    }
  }
  const enrollmentSids = new Map(sources.filter((s) => s.kind === 'enrollment').map((s) => [s.targetId, s.sourcedId]));
  const classIds = [...classSid.keys()];
  if (classIds.length) {
    const pupils = await db
      .select({ classId: enrollments.classId, userId: students.userId })
      .from(enrollments)
      .innerJoin(students, eq(students.id, enrollments.studentId))
      .where(inArray(enrollments.classId, classIds));
    const staff = await db.select({ classId: classTeachers.classId, userId: classTeachers.userId, role: classTeachers.role }).from(classTeachers).where(inArray(classTeachers.classId, classIds));
    const add = (classId: string, userId: string, role: string) => {
      const c = classSid.get(classId);
      const p = personSid.get(userId);
      if (!c || !p) return;
      const key = enrollmentKey({ classSourcedId: c, userSourcedId: p, role: role as 'student' | 'teacher' | 'aide' });
      current.enrollments.set(key, { sourcedId: enrollmentSids.get(key) ?? null });
    };
    for (const e of pupils) add(e.classId, e.userId, 'student');
    for (const e of staff) add(e.classId, e.userId, e.role === 'assistant' ? 'aide' : 'teacher');
  }
  const links = await db
    .select({ guardianUser: guardians.userId, studentUser: students.userId })
    .from(guardianStudents)
    .innerJoin(guardians, eq(guardians.id, guardianStudents.guardianId))
    .innerJoin(students, eq(students.id, guardianStudents.studentId))
    .where(eq(students.schoolId, schoolId));
  for (const l of links) {
    const g = personSid.get(l.guardianUser);
    const s = personSid.get(l.studentUser);
    if (g && s) current.guardianLinks.add(linkKey(g, s));
  }
  return Object.assign(current, { matched });
}

/** A picture for a child who has none yet, chosen from their id so it stays the same on re-import. */
function avatarFor(sourcedId: string): AvatarKey {
  let h = 0;
  for (const c of sourcedId) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return avatarKeys[h % avatarKeys.length] as AvatarKey;
}

export interface ApplyProgress {
  stage: 'terms' | 'classes' | 'people' | 'enrollments' | 'families' | 'done';
  done: number;
  total: number;
}

export interface ApplyResult {
  created: number;
  updated: number;
  archived: number;
  enrollmentsAdded: number;
  enrollmentsRemoved: number;
  linksAdded: number;
  linksRemoved: number;
}

/** Writes a plan inside the caller's transaction. `newCode()` gives a fresh class code. */
export async function applyPlan(
  tx: Db,
  schoolId: string,
  plan: ImportPlan,
  current: CurrentRoster & { matched?: Set<string> },
  options: { now: Date; newClassCode: (taken: Set<string>) => string; onProgress?: (p: ApplyProgress) => Promise<void> },
): Promise<ApplyResult> {
  const { now } = options;
  const total = plan.terms.create.length + plan.terms.update.length + plan.classes.create.length + plan.classes.update.length + plan.people.create.length + plan.people.update.length;
  let done = 0;
  const progress = async (stage: ApplyProgress['stage']) => options.onProgress?.({ stage, done, total });
  const sourceRows: Array<typeof rosterSources.$inferInsert> = [];
  const matched = new Set(current.matched ?? []);
  const source = (kind: 'org' | 'term' | 'class' | 'person' | 'enrollment', sourcedId: string, targetId: string, fingerprint: string, lastModified: string | null, role: string | null = null) =>
    sourceRows.push({ schoolId, kind, sourcedId, targetId, fingerprint, lastModified, role, owned: !matched.has(sourcedId), updatedAt: now });

  if (plan.schoolSourcedId) source('org', plan.schoolSourcedId, schoolId, '', null);

  // Terms and grading periods (report periods belong to a term).
  const termId = new Map([...current.terms].map(([sid, t]) => [sid, t.id]));
  const termRole = new Map<string, string>();
  const created = { terms: [...plan.terms.create].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'term' ? -1 : 1)) };
  for (const t of created.terms) {
    const parent = t.parentSourcedId ? termId.get(t.parentSourcedId) : undefined;
    if (t.kind === 'term' || !parent) {
      const id = randomUUID();
      await tx.insert(terms).values({ id, schoolId, name: t.title, startsOn: t.startDate, endsOn: t.endDate });
      if (t.kind === 'gradingPeriod') await tx.insert(reportPeriods).values({ schoolId, termId: id, name: t.title, startsOn: t.startDate, endsOn: t.endDate });
      termId.set(t.sourcedId, id);
      termRole.set(t.sourcedId, 'term');
    } else {
      const id = randomUUID();
      await tx.insert(reportPeriods).values({ id, schoolId, termId: parent, name: t.title, startsOn: t.startDate, endsOn: t.endDate });
      termId.set(t.sourcedId, id);
      termRole.set(t.sourcedId, 'gradingPeriod');
    }
    source('term', t.sourcedId, termId.get(t.sourcedId) as string, termFingerprint(t), t.dateLastModified, termRole.get(t.sourcedId));
    done++;
  }
  for (const t of plan.terms.update) {
    const id = termId.get(t.sourcedId) as string;
    const values = { name: t.title, startsOn: t.startDate, endsOn: t.endDate };
    const updated = await tx.update(reportPeriods).set(values).where(eq(reportPeriods.id, id)).returning({ id: reportPeriods.id });
    if (updated.length === 0) await tx.update(terms).set(values).where(eq(terms.id, id));
    source('term', t.sourcedId, id, termFingerprint(t), t.dateLastModified);
    done++;
  }
  await progress('terms');

  // Classes.
  const classId = new Map([...current.classes].map(([sid, c]) => [sid, c.id]));
  const taken = new Set((await tx.select({ code: sql<string>`upper(${classes.classCode})` }).from(classes)).map((r) => r.code));
  const codeFor = (c: RosterClass) => {
    const wanted = c.classCode?.toUpperCase();
    if (wanted && !taken.has(wanted)) {
      taken.add(wanted);
      return c.classCode as string;
    }
    const code = options.newClassCode(taken);
    taken.add(code.toUpperCase());
    return code;
  };
  for (const batch of chunks(plan.classes.create)) {
    const rows = batch.map((c) => ({ id: randomUUID(), schoolId, name: c.title, yearGroup: c.yearGroup ?? gradeOf(c.grades)?.yearGroup ?? '', classCode: codeFor(c) }));
    await tx.insert(classes).values(rows);
    batch.forEach((c, i) => {
      classId.set(c.sourcedId, rows[i]!.id);
      source('class', c.sourcedId, rows[i]!.id, classFingerprint(c), c.dateLastModified);
    });
    done += batch.length;
    await progress('classes');
  }
  for (const c of plan.classes.update) {
    const id = classId.get(c.sourcedId) as string;
    await tx.update(classes).set({ name: c.title, yearGroup: c.yearGroup ?? gradeOf(c.grades)?.yearGroup ?? '', archivedAt: null }).where(eq(classes.id, id));
    source('class', c.sourcedId, id, classFingerprint(c), c.dateLastModified);
    done++;
  }
  const archiveClassIds = plan.classes.archive.map((sid) => classId.get(sid)).filter((x): x is string => Boolean(x));
  for (const batch of chunks(archiveClassIds)) await tx.update(classes).set({ archivedAt: now }).where(inArray(classes.id, batch));

  // People. Staff and guardians whose email already has a Confer account (the admin doing the
  // import, a teacher who is also a parent) become that account rather than a second one.
  const userId = new Map([...current.people].map(([sid, p]) => [sid, p.id]));
  const creates = plan.people.create;
  const emails = creates.map((p) => p.email).filter((e): e is string => Boolean(e));
  const existingByEmail = new Map<string, string>();
  for (const batch of chunks(emails)) {
    for (const r of await tx.select({ id: users.id, email: sql<string>`lower(${users.email})` }).from(users).where(inArray(sql`lower(${users.email})`, batch))) existingByEmail.set(r.email, r.id);
  }
  const usernames = creates.map((p) => p.username?.toLowerCase()).filter((u): u is string => Boolean(u));
  const takenUsernames = new Set<string>();
  for (const batch of chunks(usernames)) {
    for (const r of await tx.select({ u: sql<string>`lower(${users.username})` }).from(users).where(inArray(sql`lower(${users.username})`, batch))) takenUsernames.add(r.u);
  }
  for (const batch of chunks(creates)) {
    const newUsers: Array<typeof users.$inferInsert> = [];
    for (const p of batch) {
      const reuse = p.role !== 'student' && p.email ? existingByEmail.get(p.email) : undefined;
      if (reuse) {
        userId.set(p.sourcedId, reuse);
        matched.add(p.sourcedId); // found, not made: the import never edits or archives the account itself
        continue;
      }
      const id = randomUUID();
      userId.set(p.sourcedId, id);
      const username = p.role === 'student' && p.username && !takenUsernames.has(p.username.toLowerCase()) ? p.username.toLowerCase() : null;
      if (username) takenUsernames.add(username);
      const email = p.email && !existingByEmail.has(p.email) ? p.email : null;
      if (email) existingByEmail.set(email, id);
      newUsers.push({ id, givenName: p.givenName, familyName: p.familyName, email, username, preferredLocale: p.preferredLanguage, createdAt: now });
    }
    if (newUsers.length) await tx.insert(users).values(newUsers);
    const pupils = batch.filter((p) => p.role === 'student');
    if (pupils.length) {
      await tx.insert(students).values(
        pupils.map((p) => {
          const grade = gradeOf(p.grades);
          return {
            schoolId,
            userId: userId.get(p.sourcedId) as string,
            yearGroup: p.yearGroup ?? grade?.yearGroup ?? '',
            gradeLevel: grade?.gradeLevel ?? 0,
            keyStage: p.keyStage ?? null,
            avatar: avatarFor(p.sourcedId),
          };
        }),
      );
    }
    const staffRows = batch
      .filter((p) => p.role === 'teacher' || p.role === 'aide' || p.role === 'administrator')
      .map((p) => ({ schoolId, userId: userId.get(p.sourcedId) as string, role: p.role === 'administrator' ? ('admin' as const) : p.role === 'aide' ? ('assistant' as const) : ('teacher' as const) }));
    if (staffRows.length) await tx.insert(staffMemberships).values(staffRows).onConflictDoNothing();
    const guardianRows = batch.filter((p) => p.role === 'guardian').map((p) => ({ userId: userId.get(p.sourcedId) as string, phone: p.phone }));
    if (guardianRows.length) await tx.insert(guardians).values(guardianRows).onConflictDoNothing({ target: guardians.userId });
    for (const p of batch) source('person', p.sourcedId, userId.get(p.sourcedId) as string, personFingerprint(p), p.dateLastModified, p.role);
    done += batch.length;
    await progress('people');
  }
  for (const p of plan.people.update) {
    const id = userId.get(p.sourcedId) as string;
    if (!matched.has(p.sourcedId)) {
      // An email another account already uses stays where it is (the update keeps the old one).
      const emailFree = p.email ? !(await tx.select({ id: users.id }).from(users).where(and(eq(sql`lower(${users.email})`, p.email), sql`${users.id} <> ${id}`)).limit(1)).length : false;
      await tx
        .update(users)
        .set({ givenName: p.givenName, familyName: p.familyName, ...(p.role === 'student' ? { archivedAt: null } : {}), ...(emailFree ? { email: p.email } : {}), ...(p.preferredLanguage ? { preferredLocale: p.preferredLanguage } : {}) })
        .where(eq(users.id, id));
    }
    if (p.role === 'student') {
      const grade = gradeOf(p.grades);
      await tx
        .update(students)
        .set({
          archivedAt: null,
          ...(grade ? { gradeLevel: grade.gradeLevel } : {}),
          ...(p.yearGroup || grade ? { yearGroup: p.yearGroup ?? grade?.yearGroup ?? '' } : {}),
          ...(p.keyStage ? { keyStage: p.keyStage } : {}),
        })
        .where(and(eq(students.userId, id), eq(students.schoolId, schoolId)));
    } else if (p.role !== 'guardian') {
      // The information system says what someone's role here is now (a principal who became a teacher).
      const role = p.role === 'administrator' ? ('admin' as const) : p.role === 'aide' ? ('assistant' as const) : ('teacher' as const);
      await tx.delete(staffMemberships).where(and(eq(staffMemberships.schoolId, schoolId), eq(staffMemberships.userId, id), sql`${staffMemberships.role} <> ${role}`));
      await tx
        .insert(staffMemberships)
        .values({ schoolId, userId: id, role })
        .onConflictDoUpdate({ target: [staffMemberships.schoolId, staffMemberships.userId, staffMemberships.role], set: { archivedAt: null } });
    }
    if (p.role === 'guardian' && p.phone && !matched.has(p.sourcedId)) await tx.update(guardians).set({ phone: p.phone }).where(eq(guardians.userId, id));
    source('person', p.sourcedId, id, personFingerprint(p), p.dateLastModified, p.role);
    done++;
  }
  // Archiving ends a person's place in this school only: a pupil's record here, a member of
  // staff's roles here, a guardian's links to children here. Their account, and anything they
  // are elsewhere, is left alone.
  const archivedPeople = plan.people.archive.map((sid) => ({ sid, id: userId.get(sid), role: current.people.get(sid)?.role })).filter((x): x is { sid: string; id: string; role: RosterPerson['role'] | undefined } => Boolean(x.id));
  const pupilsOut = archivedPeople.filter((x) => x.role === 'student').map((x) => x.id);
  for (const batch of chunks(pupilsOut)) {
    await tx.update(students).set({ archivedAt: now }).where(and(inArray(students.userId, batch), eq(students.schoolId, schoolId)));
    await tx.update(users).set({ archivedAt: now }).where(inArray(users.id, batch)); // a pupil's account is this school's
  }
  const staffOut = archivedPeople.filter((x) => x.role !== 'student' && x.role !== 'guardian').map((x) => x.id);
  for (const batch of chunks(staffOut)) await tx.update(staffMemberships).set({ archivedAt: now }).where(and(inArray(staffMemberships.userId, batch), eq(staffMemberships.schoolId, schoolId)));
  const guardiansOut = archivedPeople.filter((x) => x.role === 'guardian').map((x) => x.id);
  for (const batch of chunks(guardiansOut)) {
    const ids = (await tx.select({ id: guardians.id }).from(guardians).where(inArray(guardians.userId, batch))).map((r) => r.id);
    if (ids.length) await tx.delete(guardianStudents).where(and(inArray(guardianStudents.guardianId, ids), inArray(guardianStudents.studentId, tx.select({ id: students.id }).from(students).where(eq(students.schoolId, schoolId)))));
  }
  await progress('people');

  // Enrollments: pupils into enrollments, teachers and aides into class_teachers.
  const studentIdOf = new Map<string, string>();
  const neededUsers = [...new Set([...plan.enrollments.add, ...plan.enrollments.remove, ...plan.guardianLinks.add, ...plan.guardianLinks.remove].flatMap((e) => ('userSourcedId' in e ? [e.userSourcedId] : [e.guardianSourcedId, e.studentSourcedId])))]
    .map((sid) => userId.get(sid))
    .filter((x): x is string => Boolean(x));
  for (const batch of chunks(neededUsers)) {
    for (const r of await tx.select({ id: students.id, userId: students.userId }).from(students).where(inArray(students.userId, batch))) studentIdOf.set(r.userId, r.id);
  }
  const pupilAdds = plan.enrollments.add.filter((e) => e.role === 'student');
  for (const batch of chunks(pupilAdds)) {
    const rows = batch
      .map((e) => ({ classId: classId.get(e.classSourcedId), studentId: studentIdOf.get(userId.get(e.userSourcedId) ?? '') }))
      .filter((r): r is { classId: string; studentId: string } => Boolean(r.classId && r.studentId));
    if (rows.length) await tx.insert(enrollments).values(rows).onConflictDoNothing();
  }
  const staffAdds = plan.enrollments.add.filter((e) => e.role !== 'student');
  const leadOf = new Set<string>();
  for (const batch of chunks(staffAdds)) {
    const rows = batch
      .map((e) => {
        const cid = classId.get(e.classSourcedId);
        const role = e.role === 'aide' ? ('assistant' as const) : cid && !leadOf.has(cid) ? ('lead' as const) : ('co_teacher' as const);
        if (cid && role === 'lead') leadOf.add(cid);
        return { classId: cid, userId: userId.get(e.userSourcedId), role };
      })
      .filter((r): r is { classId: string; userId: string; role: 'lead' | 'co_teacher' | 'assistant' } => Boolean(r.classId && r.userId));
    if (rows.length) await tx.insert(classTeachers).values(rows).onConflictDoNothing();
  }
  for (const e of plan.enrollments.add) if (e.sourcedId) source('enrollment', e.sourcedId, enrollmentKey(e), '', null);
  for (const e of plan.enrollments.remove) {
    const cid = classId.get(e.classSourcedId);
    const uid = userId.get(e.userSourcedId);
    if (!cid || !uid) continue;
    if (e.role === 'student') {
      const sid = studentIdOf.get(uid);
      if (sid) await tx.delete(enrollments).where(and(eq(enrollments.classId, cid), eq(enrollments.studentId, sid)));
    } else await tx.delete(classTeachers).where(and(eq(classTeachers.classId, cid), eq(classTeachers.userId, uid)));
  }
  await progress('enrollments');

  // Families.
  const guardianIdOf = new Map<string, string>();
  for (const batch of chunks(neededUsers)) {
    for (const r of await tx.select({ id: guardians.id, userId: guardians.userId }).from(guardians).where(inArray(guardians.userId, batch))) guardianIdOf.set(r.userId, r.id);
  }
  for (const batch of chunks(plan.guardianLinks.add)) {
    const rows = batch
      .map((l) => ({
        guardianId: guardianIdOf.get(userId.get(l.guardianSourcedId) ?? ''),
        studentId: studentIdOf.get(userId.get(l.studentSourcedId) ?? ''),
        relationship: l.relationship,
      }))
      .filter((r): r is { guardianId: string; studentId: string; relationship: string } => Boolean(r.guardianId && r.studentId));
    if (rows.length) await tx.insert(guardianStudents).values(rows).onConflictDoNothing();
  }
  for (const l of plan.guardianLinks.remove) {
    const gid = guardianIdOf.get(userId.get(l.guardianSourcedId) ?? '');
    const sid = studentIdOf.get(userId.get(l.studentSourcedId) ?? '');
    if (gid && sid) await tx.delete(guardianStudents).where(and(eq(guardianStudents.guardianId, gid), eq(guardianStudents.studentId, sid)));
  }

  for (const batch of chunks(sourceRows)) {
    await tx
      .insert(rosterSources)
      .values(batch)
      .onConflictDoUpdate({
        target: [rosterSources.schoolId, rosterSources.kind, rosterSources.sourcedId],
        set: {
          targetId: sql`excluded.target_id`,
          fingerprint: sql`excluded.fingerprint`,
          lastModified: sql`excluded.last_modified`,
          role: sql`coalesce(excluded.role, ${rosterSources.role})`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
  }
  await progress('done');
  return {
    created: plan.terms.create.length + plan.classes.create.length + plan.people.create.length,
    updated: plan.terms.update.length + plan.classes.update.length + plan.people.update.length,
    archived: plan.classes.archive.length + plan.people.archive.length,
    enrollmentsAdded: plan.enrollments.add.length,
    enrollmentsRemoved: plan.enrollments.remove.length,
    linksAdded: plan.guardianLinks.add.length,
    linksRemoved: plan.guardianLinks.remove.length,
  };
}

// Import records -------------------------------------------------------------------------------

export type RosterImportRow = typeof rosterImports.$inferSelect;

export async function insertRosterImport(db: Db, row: typeof rosterImports.$inferInsert): Promise<string> {
  const [r] = await db.insert(rosterImports).values(row).returning({ id: rosterImports.id });
  return (r as { id: string }).id;
}

/** An import without its files (which may be megabytes): what the page polls. */
export async function findRosterImport(db: Db, id: string) {
  const { files: _files, ...columns } = getTableColumns(rosterImports);
  const [r] = await db.select(columns).from(rosterImports).where(eq(rosterImports.id, id)).limit(1);
  return r;
}

/** An import with its uploaded files, for the jobs that read them. */
export async function findRosterImportWithFiles(db: Db, id: string): Promise<RosterImportRow | undefined> {
  const [r] = await db.select().from(rosterImports).where(eq(rosterImports.id, id)).limit(1);
  return r;
}

/** planned → applying, once: two clicks (or two admins) cannot both start applying it. */
export async function markApplying(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .update(rosterImports)
    .set({ status: 'applying' })
    .where(and(eq(rosterImports.id, id), eq(rosterImports.status, 'planned')))
    .returning({ id: rosterImports.id });
  return rows.length > 0;
}

/** One import at a time per school: applies take turns (PostgreSQL advisory lock, held to commit). */
export async function lockSchoolRoster(tx: Db, schoolId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`roster:${schoolId}`}))`);
}

export async function updateRosterImport(db: Db, id: string, values: Partial<typeof rosterImports.$inferInsert>): Promise<void> {
  await db.update(rosterImports).set(values).where(eq(rosterImports.id, id));
}

export type { RosterTerm };

// Export -----------------------------------------------------------------------------------------

/** Every child on roll with their classes and guardians, for the roster export. */
export async function listRosterForExport(db: Db, schoolId: string) {
  const pupils = await db
    .select({
      studentId: students.id,
      givenName: users.givenName,
      familyName: users.familyName,
      yearGroup: students.yearGroup,
      gradeLevel: students.gradeLevel,
      keyStage: students.keyStage,
    })
    .from(students)
    .innerJoin(users, eq(users.id, students.userId))
    .where(and(eq(students.schoolId, schoolId), isNull(students.archivedAt), isNull(users.archivedAt)))
    .orderBy(users.familyName, users.givenName);
  const classRows = await db
    .select({ studentId: enrollments.studentId, name: classes.name })
    .from(enrollments)
    .innerJoin(classes, eq(classes.id, enrollments.classId))
    .innerJoin(students, eq(students.id, enrollments.studentId))
    .where(and(eq(students.schoolId, schoolId), isNull(classes.archivedAt)))
    .orderBy(classes.name);
  const guardianRows = await db
    .select({
      studentId: guardianStudents.studentId,
      givenName: users.givenName,
      familyName: users.familyName,
      email: users.email,
      phone: guardians.phone,
      language: users.preferredLocale,
      relationship: guardianStudents.relationship,
      attendsSeparately: guardianStudents.attendsSeparately,
    })
    .from(guardianStudents)
    .innerJoin(guardians, eq(guardians.id, guardianStudents.guardianId))
    .innerJoin(users, eq(users.id, guardians.userId))
    .innerJoin(students, eq(students.id, guardianStudents.studentId))
    .where(and(eq(students.schoolId, schoolId), isNull(users.archivedAt)))
    .orderBy(users.familyName, users.givenName);
  const classesOf = groupBy(classRows, (c) => c.studentId);
  const guardiansOf = groupBy(guardianRows, (g) => g.studentId);
  return pupils.map((p) => ({ ...p, classes: (classesOf.get(p.studentId) ?? []).map((c) => c.name), guardians: guardiansOf.get(p.studentId) ?? [] }));
}

export async function listStaffForExport(db: Db, schoolId: string) {
  const staff = await db
    .select({ userId: users.id, givenName: users.givenName, familyName: users.familyName, email: users.email, role: staffMemberships.role })
    .from(staffMemberships)
    .innerJoin(users, eq(users.id, staffMemberships.userId))
    .where(and(eq(staffMemberships.schoolId, schoolId), isNull(users.archivedAt)))
    .orderBy(users.familyName, users.givenName);
  const teaching = await db
    .select({ userId: classTeachers.userId, name: classes.name, role: classTeachers.role })
    .from(classTeachers)
    .innerJoin(classes, eq(classes.id, classTeachers.classId))
    .where(and(eq(classes.schoolId, schoolId), isNull(classes.archivedAt)))
    .orderBy(classes.name);
  return { staff, teaching };
}

/** Rows by key, in order: one pass, for joining in memory without a search per row. */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

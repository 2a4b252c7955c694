/**
 * Goals over HTTP: a goal set without a period targets the next one; the child, the teacher and
 * each guardian write their own commitment and nobody anyone else's; evidence is only the child's
 * approved work; the life cycle (achieved, reopened, read-only); carrying forward at the end of a
 * period (the job, the lazy read, running twice, and on PostgreSQL two runs at once); the
 * report-card goal page in the reader's language.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChildGoals, GoalPage, GoalView, OneGoal } from '../../src/contracts/goals';
import type { Database } from '../../src/server/db/client';
import { classTeachers, goalCommitments, goals, guardianStudents } from '../../src/server/db/schema/index';
import { carryForwardPeriod } from '../../src/server/features/goals/carry-forward-goals';
import { findReportPeriod } from '../../src/server/features/goals/goals.repo';
import { buildClass, buildGuardian, buildSchool, buildStaff, buildStudent, buildWorld, plainPng, uploadedMedia } from '../factories/index';
import { buildPost, buildRound, buildSchoolYear } from '../factories/goals';
import { buildTestApp, type TestApp, type TestClient } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';
import { expectError } from './support/expect-api';

/** 1 December 2026, 10:00 in London: in the Autumn report period (2 Sep – 18 Dec). */
const DEC_1 = new Date('2026-12-01T10:00:00Z');
/** 19 December 2026, 00:30 in London: Autumn has just ended. */
const DEC_19 = new Date('2026-12-19T00:30:00Z');

const localeFile = (tag: string) => JSON.parse(readFileSync(`locales/${tag}/goals.json`, 'utf8')) as { page: Record<string, string>; status: Record<string, string> };

describe.each(engines)('goals on %s', (engine) => {
  let database: Database;
  let t: TestApp;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    t = await buildTestApp(database);
  });
  afterAll(async () => {
    await t.app.close();
    await database.close();
  });
  beforeEach(() => t.setNow(DEC_1));

  /** A fresh school for each test, with a school year of report periods and Ana's second guardian. */
  async function world() {
    const w = await buildWorld(database.db);
    const year = await buildSchoolYear(database.db, w.school.id);
    const guardianA2 = await buildGuardian(database.db, [w.ana.id], { givenName: 'Marta' });
    const assistant = await buildStaff(database.db, w.school.id, 'assistant');
    const as = (userId: string) => t.clientAs(userId);
    return {
      w,
      year,
      guardianA2,
      ana: await as(w.ana.userId),
      cleo: await as(w.cleo.userId),
      teacherA: await as(w.teacherA.id),
      teacherB: await as(w.teacherB.id),
      guardianA: await as(w.guardianA.id),
      marta: await as(guardianA2.id),
      guardianB: await as(w.guardianB.id),
      admin: await as(w.admin.id),
      otherAdmin: await as(w.otherAdmin.id),
      assistantId: assistant.id,
    };
  }

  /** Clients signed in on the clock's current date (a session lasts 14 days). */
  const signedInAgain = async (w: Awaited<ReturnType<typeof buildWorld>>) => ({ teacherA: await t.clientAs(w.teacherA.id), guardianA: await t.clientAs(w.guardianA.id) });
  const ok = async <T = { id: string }>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200): Promise<T> => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r.json() as T;
  };
  const setGoal = async (client: TestClient, studentId: string, body: object) => (await ok(client.post(`/api/students/${studentId}/goals`, body), 201)).id;
  const goalsOf = (client: TestClient, studentId: string, period?: string) => ok<ChildGoals>(client.get(`/api/students/${studentId}/goals${period ? `?period=${period}` : ''}`));
  const goalOf = async (client: TestClient, goalId: string) => (await ok<OneGoal>(client.get(`/api/goals/${goalId}`))).goal;
  const commit = (client: TestClient, goalId: string, text: string, who = 'me') => client.put(`/api/goals/${goalId}/commitments/${who}`, { text });
  const texts = (g: GoalView) => Object.fromEntries(g.commitments.map((c) => [c.role === 'guardian' ? c.writer.givenName : c.role, c.text]));

  it('sets a goal for the next report period by default, or the one chosen; never an ended or unknown one', async () => {
    const { w, year, ana, teacherA, guardianA, guardianB, otherAdmin, admin } = await world();
    const goalId = await setGoal(ana, w.ana.id, { what: 'Write at least three sentences', measure: 'Three full stops in my writing book' });

    // Today is in Autumn: the goal is for Spring, and the page opens there (Autumn has no goals).
    const mine = await goalsOf(ana, w.ana.id);
    expect(mine.defaultPeriodId).toBe(year.spring.id);
    expect(mine.period?.id).toBe(year.spring.id);
    expect(mine.periods.map((p) => [p.name, p.current, p.ended, p.goalCount])).toEqual([
      ['Summer 2026 report', false, true, 0],
      ['Autumn 2026 report', true, false, 0],
      ['Spring 2027 report', false, false, 1],
      ['Summer 2027 report', false, false, 0],
    ]);
    expect(mine.goals).toHaveLength(1);
    expect(mine.goals[0]).toMatchObject({
      id: goalId,
      what: 'Write at least three sentences',
      measure: 'Three full stops in my writing book',
      status: 'working',
      reportPeriod: { id: year.spring.id, name: 'Spring 2027 report' },
      roundId: null,
      previousGoalId: null,
      history: [],
      set: false,
      createdBy: { id: w.ana.userId },
      can: { edit: true, statuses: ['achieved'], checkIn: true, commit: true },
    });
    expect(mine.can).toEqual({ manage: true, commit: true });
    expect(mine.myRole).toBe('student');

    // The teacher chooses Autumn; no period at all is allowed too.
    const autumnGoal = await setGoal(teacherA, w.ana.id, { what: 'Count to 100', reportPeriodId: year.autumn.id });
    expect((await goalsOf(teacherA, w.ana.id, year.autumn.id)).goals.map((g) => g.id)).toEqual([autumnGoal]);
    await setGoal(teacherA, w.ana.id, { what: 'Tie my shoes', reportPeriodId: null });

    // A period that has ended, one of another school, or nonsense: refused, nothing saved.
    expect(expectError(await teacherA.post(`/api/students/${w.ana.id}/goals`, { what: 'Late', reportPeriodId: year.lastSummer.id }), 400, 'validation_failed').fields).toEqual({ reportPeriodId: 'period_ended' });
    const elsewhere = await buildSchoolYear(database.db, w.otherSchool.id);
    expect(expectError(await teacherA.post(`/api/students/${w.ana.id}/goals`, { what: 'Far', reportPeriodId: elsewhere.spring.id }), 400, 'validation_failed').fields).toEqual({ reportPeriodId: 'unknown_period' });
    expect(expectError(await teacherA.post(`/api/students/${w.ana.id}/goals`, { what: '   ' }), 400, 'validation_failed').fields).toEqual({ what: 'too_small' });
    expectError(await teacherA.get(`/api/students/${w.ana.id}/goals?period=${elsewhere.spring.id}`), 400, 'validation_failed');

    // Only the child and their teachers set goals.
    expectError(await guardianA.post(`/api/students/${w.ana.id}/goals`, { what: 'Mine' }), 403, 'forbidden');
    expectError(await admin.post(`/api/students/${w.ana.id}/goals`, { what: 'Mine' }), 403, 'forbidden');
    expectError(await guardianB.get(`/api/students/${w.ana.id}/goals`), 403, 'forbidden');
    expectError(await otherAdmin.get(`/api/students/${w.ana.id}/goals`), 404, 'not_found');
    expectError(await otherAdmin.get(`/api/goals/${goalId}`), 404, 'not_found');
    expectError(await guardianB.get(`/api/goals/${goalId}`), 404, 'not_found');
    expect((await database.db.select({ n: count() }).from(goals).where(eq(goals.studentId, w.ana.id)))[0]?.n).toBe(3);
  });

  it('sets a goal for a conference round: it carries the round and targets the period after the one the round looks back on', async () => {
    const { w, year, teacherA } = await world();
    const roundId = await buildRound(database.db, w.school.id, year.autumn.id);
    const goalId = await setGoal(teacherA, w.ana.id, { what: 'Read every night', roundId });
    expect(await goalOf(teacherA, goalId)).toMatchObject({ roundId, reportPeriod: { id: year.spring.id } });
    const otherRound = await buildRound(database.db, w.otherSchool.id, null);
    expect(expectError(await teacherA.post(`/api/students/${w.ana.id}/goals`, { what: 'X', roundId: otherRound }), 400, 'validation_failed').fields).toEqual({ roundId: 'unknown_round' });
  });

  it('lets the child, the teacher and each guardian write their own commitment, and nobody write anyone else’s', async () => {
    const { w, guardianA2, ana, teacherA, guardianA, marta, guardianB, admin, otherAdmin, cleo, teacherB } = await world();
    const goalId = await setGoal(teacherA, w.ana.id, { what: 'Write at least three sentences' });

    // Before anyone writes: a box for the child, the teacher and each guardian.
    const before = await goalsOf(guardianA, w.ana.id);
    expect(before.stakeholders.map((s) => [s.role, s.givenName, s.me])).toEqual([
      ['student', 'Ana', false],
      ['teacher', 'Test', false],
      // Guardians by family name (random in these tests).
      ...[['guardian', 'Luis', true], ['guardian', 'Marta', false]].sort((a, b) => (before.stakeholders.findIndex((s) => s.givenName === a[1]) - before.stakeholders.findIndex((s) => s.givenName === b[1]))),
    ]);
    expect(before.myRole).toBe('guardian');
    expect(before.can).toEqual({ manage: false, commit: true });
    expect(before.goals[0]?.can).toEqual({ edit: false, statuses: [], checkIn: false, commit: true });

    await ok(commit(ana, goalId, 'I will write a sentence every day.'));
    await ok(commit(teacherA, goalId, 'I will check her writing book on Fridays.'));
    await ok(commit(guardianA, goalId, 'I will read with her every evening.'));
    await ok(commit(marta, goalId, 'I will ask her to write the shopping list.'));
    const all = await goalOf(teacherA, goalId);
    expect(all.set).toBe(true);
    expect(texts(all)).toEqual({
      student: 'I will write a sentence every day.',
      teacher: 'I will check her writing book on Fridays.',
      Luis: 'I will read with her every evening.',
      Marta: 'I will ask her to write the shopping list.',
    });
    expect(all.commitments.find((c) => c.role === 'teacher')?.userId).toBe(w.teacherA.id);

    // Nobody writes another's: not the teacher for a parent, a parent for the child, the child for a parent, the admin for anyone.
    expectError(await commit(teacherA, goalId, 'Written for Luis', w.guardianA.id), 403, 'forbidden');
    expectError(await commit(guardianA, goalId, 'Written for Ana', w.ana.userId), 403, 'forbidden');
    expectError(await commit(ana, goalId, 'Written for Marta', guardianA2.id), 403, 'forbidden');
    expectError(await commit(admin, goalId, 'Written for Luis', w.guardianA.id), 403, 'forbidden');
    expectError(await teacherA.request({ method: 'DELETE', url: `/api/goals/${goalId}/commitments/${w.guardianA.id}` }), 403, 'forbidden');
    // The admin reads the goals but has no commitment of their own to write.
    expectError(await commit(admin, goalId, 'I will help.'), 403, 'forbidden');
    // Those who may not see the child's goals learn nothing of the goal.
    for (const outsider of [guardianB, cleo, teacherB, otherAdmin]) expectError(await commit(outsider, goalId, 'Mine'), 404, 'not_found');
    expect(texts(await goalOf(ana, goalId))).toMatchObject({ Luis: 'I will read with her every evening.', student: 'I will write a sentence every day.' });

    // One's own can be changed and removed.
    await ok(commit(guardianA, goalId, 'I will read with her every evening, and at weekends.'));
    await ok(marta.request({ method: 'DELETE', url: `/api/goals/${goalId}/commitments/me` }));
    await ok(ana.request({ method: 'DELETE', url: `/api/goals/${goalId}/commitments/${w.ana.userId}` }));
    const after = await goalOf(guardianA, goalId);
    expect(texts(after)).toEqual({ teacher: 'I will check her writing book on Fridays.', Luis: 'I will read with her every evening, and at weekends.' });
    expect(after.set).toBe(false);
    expect((await database.db.select({ n: count() }).from(goalCommitments).where(eq(goalCommitments.goalId, goalId)))[0]?.n).toBe(2);
    expectError(await commit(guardianA, goalId, '   '), 400, 'validation_failed');
  });

  it('shows a guardian who attends separately only their own commitment, as the child’s page shows only them', async () => {
    const { w, guardianA2, teacherA, guardianA, marta, ana } = await world();
    await database.db.update(guardianStudents).set({ attendsSeparately: true }).where(and(eq(guardianStudents.guardianId, guardianA2.guardianId), eq(guardianStudents.studentId, w.ana.id)));
    const goalId = await setGoal(teacherA, w.ana.id, { what: 'Read every night' });
    await ok(commit(guardianA, goalId, 'Luis reads with her.'));
    await ok(commit(marta, goalId, 'Marta reads with her at weekends.'));
    expect(texts(await goalOf(marta, goalId))).toEqual({ Marta: 'Marta reads with her at weekends.' });
    expect((await goalsOf(marta, w.ana.id)).stakeholders.map((s) => s.givenName)).toEqual(['Ana', 'Test', 'Marta']);
    expect(texts(await goalOf(guardianA, goalId))).toEqual({ Luis: 'Luis reads with her.' });
    // The child and the teacher see both.
    expect(Object.keys(texts(await goalOf(ana, goalId))).sort()).toEqual(['Luis', 'Marta']);
    expect(Object.keys(texts(await goalOf(teacherA, goalId))).sort()).toEqual(['Luis', 'Marta']);
  });

  it('gives an assistant of the class their own box once they commit; the lead and co-teachers have one from the start', async () => {
    const { w, teacherA, assistantId } = await world();
    await database.db.insert(classTeachers).values({ classId: w.classA.id, userId: assistantId, role: 'assistant' });
    const goalId = await setGoal(teacherA, w.ana.id, { what: 'Read every night' });
    const assistant = await t.clientAs(assistantId);
    const seen = await goalsOf(assistant, w.ana.id);
    expect(seen.stakeholders.filter((s) => s.role === 'teacher').map((s) => [s.userId, s.me])).toEqual([[w.teacherA.id, false], [assistantId, true]]);
    await ok(commit(assistant, goalId, 'I will hear her read on Tuesdays.'));
    expect((await goalsOf(teacherA, w.ana.id)).stakeholders.filter((s) => s.role === 'teacher').map((s) => s.userId)).toEqual([w.teacherA.id, assistantId]);
  });

  it('takes only the child’s approved posts as evidence, and shows a family only evidence they may see', async () => {
    const { w, ana, teacherA, guardianA, cleo } = await world();
    const goalId = await setGoal(ana, w.ana.id, { what: 'Write at least three sentences' });
    const photo = await uploadedMedia(ana, w.school.id, { filename: 'page.png', content: await plainPng(), type: 'image/png' });
    await t.runJobs();
    const withPhoto = (await ok(ana.post(`/api/students/${w.ana.id}/posts`, { caption: 'My story', items: [{ kind: 'photo', mediaId: photo }, { kind: 'text', text: 'Once upon a time.' }] }), 201)).id;
    await ok(teacherA.post(`/api/posts/${withPhoto}/approve`));
    const written = await buildPost(database.db, { schoolId: w.school.id, studentId: w.ana.id, authorId: w.ana.userId, caption: '', text: 'I like frogs. They jump. They are green.', createdAt: new Date(DEC_1.getTime() + 3_600_000) });
    const pending = await buildPost(database.db, { schoolId: w.school.id, studentId: w.ana.id, authorId: w.ana.userId, status: 'pending' });
    const returned = await buildPost(database.db, { schoolId: w.school.id, studentId: w.ana.id, authorId: w.ana.userId, status: 'returned' });
    const cleos = await buildPost(database.db, { schoolId: w.school.id, studentId: w.cleo.id, authorId: w.cleo.userId });

    for (const [postIds, fields] of [
      [[pending], { 'postIds.0': 'not_childs_post' }],
      [[written, returned], { 'postIds.1': 'not_childs_post' }],
      [[cleos], { 'postIds.0': 'not_childs_post' }],
      [[randomUUID()], { 'postIds.0': 'not_childs_post' }],
    ] as const) {
      expect(expectError(await ana.post(`/api/goals/${goalId}/checkins`, { note: 'Look', postIds }), 400, 'validation_failed').fields).toEqual(fields);
    }
    expect(expectError(await ana.post(`/api/goals/${goalId}/checkins`, { note: ' ', postIds: [] }), 400, 'validation_failed').fields).toEqual({ note: 'checkin_empty' });
    expectError(await guardianA.post(`/api/goals/${goalId}/checkins`, { note: 'She wrote a lot' }), 403, 'forbidden');
    expectError(await cleo.post(`/api/goals/${goalId}/checkins`, { note: 'Hi' }), 404, 'not_found');

    await ok(ana.post(`/api/goals/${goalId}/checkins`, { note: 'I wrote two sentences!', postIds: [withPhoto, written] }), 201);
    t.setNow(new Date(DEC_1.getTime() + 7_200_000));
    await ok(teacherA.post(`/api/goals/${goalId}/checkins`, { note: 'Three sentences with full stops today.' }), 201);
    const seen = await goalOf(guardianA, goalId);
    expect(seen.checkins.map((c) => [c.note, c.author.id, c.posts.map((p) => p.id)])).toEqual([
      ['I wrote two sentences!', w.ana.userId, [withPhoto, written]],
      ['Three sentences with full stops today.', w.teacherA.id, []],
    ]);
    const [story, frogs] = seen.checkins[0]!.posts;
    expect(story).toMatchObject({ caption: 'My story', text: 'Once upon a time.', thumbnail: { id: photo, kind: 'image' } });
    expect(frogs).toMatchObject({ caption: '', text: 'I like frogs. They jump. They are green.', thumbnail: null });
    // The family can open the thumbnail: the post is approved.
    expect((await guardianA.get(story!.thumbnail!.urls['sm.webp']!)).statusCode).toBe(200);

    // The teacher takes the story back: the family no longer sees it as evidence; the teacher and Ana still do.
    await ok(teacherA.post(`/api/posts/${withPhoto}/return`, { comment: 'Add your name' }));
    expect((await goalOf(guardianA, goalId)).checkins[0]!.posts.map((p) => p.id)).toEqual([written]);
    expect((await goalOf(teacherA, goalId)).checkins[0]!.posts.map((p) => p.id)).toEqual([withPhoto, written]);
  });

  it('goes from working to achieved (child or teacher), back to working only by a teacher; an achieved goal is read-only', async () => {
    const { w, year, ana, teacherA, guardianA, admin } = await world();
    const goalId = await setGoal(ana, w.ana.id, { what: 'Count to 100' });
    await ok(commit(ana, goalId, 'I will count every morning.'));
    expectError(await guardianA.put(`/api/goals/${goalId}/status`, { status: 'achieved' }), 403, 'forbidden');
    expectError(await admin.put(`/api/goals/${goalId}/status`, { status: 'achieved' }), 403, 'forbidden');
    expectError(await ana.put(`/api/goals/${goalId}/status`, { status: 'carried_forward' }), 400, 'validation_failed');

    await ok(ana.put(`/api/goals/${goalId}/status`, { status: 'achieved' }));
    const done = await goalOf(ana, goalId);
    expect(done).toMatchObject({ status: 'achieved', statusChangedAt: DEC_1.toISOString(), can: { edit: false, statuses: [], checkIn: false, commit: false } });
    // Asking again changes nothing.
    await ok(ana.put(`/api/goals/${goalId}/status`, { status: 'achieved' }));

    // Read-only now: words, period, check-ins, commitments.
    expectError(await ana.patch(`/api/goals/${goalId}`, { what: 'Count to 200' }), 409, 'conflict');
    expectError(await teacherA.patch(`/api/goals/${goalId}`, { reportPeriodId: year.summer.id }), 409, 'conflict');
    expectError(await ana.post(`/api/goals/${goalId}/checkins`, { note: 'More' }), 409, 'conflict');
    expectError(await commit(guardianA, goalId, 'I will help.'), 409, 'conflict');
    expectError(await ana.request({ method: 'DELETE', url: `/api/goals/${goalId}/commitments/me` }), 409, 'conflict');

    // Only a teacher reopens it.
    expectError(await ana.put(`/api/goals/${goalId}/status`, { status: 'working' }), 403, 'forbidden');
    expect((await goalOf(teacherA, goalId)).can.statuses).toEqual(['working']);
    await ok(teacherA.put(`/api/goals/${goalId}/status`, { status: 'working' }));
    await ok(ana.patch(`/api/goals/${goalId}`, { what: 'Count to 100 and back', measure: 'I count to Mr Okafor', reportPeriodId: year.summer.id }));
    expect(await goalOf(ana, goalId)).toMatchObject({ status: 'working', what: 'Count to 100 and back', measure: 'I count to Mr Okafor', reportPeriod: { id: year.summer.id } });
    expect(expectError(await ana.patch(`/api/goals/${goalId}`, { reportPeriodId: year.lastSummer.id }), 400, 'validation_failed').fields).toEqual({ reportPeriodId: 'period_ended' });
    expectError(await ana.patch(`/api/goals/${goalId}`, {}), 400, 'validation_failed');
    expectError(await guardianA.patch(`/api/goals/${goalId}`, { what: 'Mine' }), 403, 'forbidden');
  });

  it('carries open goals forward when their period ends: the job at midnight, with their history and commitments, once', async () => {
    const { w, year, ana } = await world();
    let { teacherA, guardianA } = await signedInAgain(w);
    const open = await setGoal(teacherA, w.ana.id, { what: 'Write at least three sentences', measure: 'Three full stops', reportPeriodId: year.autumn.id });
    const achieved = await setGoal(teacherA, w.ana.id, { what: 'Count to 100', reportPeriodId: year.autumn.id });
    const cleosGoal = await setGoal(teacherA, w.cleo.id, { what: 'Read every night', reportPeriodId: year.autumn.id });
    await ok(teacherA.put(`/api/goals/${achieved}/status`, { status: 'achieved' }));
    await ok(commit(ana, open, 'I will write every day.'));
    await ok(commit(guardianA, open, 'I will read with her.'));
    await ok(ana.post(`/api/goals/${open}/checkins`, { note: 'Two sentences today.' }), 201);

    // 18 December, 23:00 in London: not yet.
    t.setNow(new Date('2026-12-18T23:00:00Z'));
    await t.runJobs();
    expect((await goalOf(await t.clientAs(w.teacherA.id), open)).status).toBe('working');

    // (The job table is shared by this file's tests: their jobs due now run too.)
    t.setNow(DEC_19);
    expect(await t.runJobs()).toBeGreaterThanOrEqual(1);
    // (Sessions last 14 days: sign in again on the new date.)
    ({ teacherA, guardianA } = await signedInAgain(w));
    const carried = await goalOf(teacherA, open);
    expect(carried).toMatchObject({ status: 'carried_forward', statusChangedAt: DEC_19.toISOString(), can: { edit: false, checkIn: false, commit: false, statuses: [] } });
    expect(carried.continuedBy?.reportPeriod?.id).toBe(year.spring.id);
    expect((await goalOf(teacherA, achieved)).status).toBe('achieved');
    expect((await goalOf(teacherA, cleosGoal)).status).toBe('carried_forward');

    const spring = await goalsOf(guardianA, w.ana.id, year.spring.id);
    expect(spring.goals).toHaveLength(1);
    const next = spring.goals[0]!;
    expect(next).toMatchObject({
      id: carried.continuedBy?.id,
      what: 'Write at least three sentences',
      measure: 'Three full stops',
      status: 'working',
      previousGoalId: open,
      roundId: null,
      reportPeriod: { id: year.spring.id },
      checkins: [],
      set: true,
    });
    expect(next.history.map((h) => [h.id, h.reportPeriod?.id, h.status, h.checkins.map((c) => c.note)])).toEqual([[open, year.autumn.id, 'carried_forward', ['Two sentences today.']]]);
    expect(texts(next)).toEqual({ student: 'I will write every day.', Luis: 'I will read with her.' });
    // The copy is the new period's own: changing it leaves the Autumn record as it was.
    await ok(commit(guardianA, next.id, 'I will read with her, and hear her write.'));
    expect(texts(await goalOf(guardianA, open))).toMatchObject({ Luis: 'I will read with her.' });

    // Again: nothing new (the job is done; running the carry-forward itself again carries nothing).
    expect(await t.runJobs()).toBe(0);
    const period = (await findReportPeriod(database.db, year.autumn.id))!;
    expect(await carryForwardPeriod(t.deps, period)).toEqual({ carried: 0, marked: 0 });
    expect((await database.db.select({ n: count() }).from(goals).where(eq(goals.studentId, w.ana.id)))[0]?.n).toBe(3);

    // Spring's end carries it on into Summer, the chain growing.
    t.setNow(new Date('2027-03-27T00:30:00Z'));
    expect(await t.runJobs()).toBeGreaterThanOrEqual(1);
    ({ teacherA } = await signedInAgain(w));
    const summer = await goalsOf(teacherA, w.ana.id, year.summer.id);
    expect(summer.goals.map((g) => g.history.map((h) => h.reportPeriod?.id))).toEqual([[year.autumn.id, year.spring.id]]);
    expect(texts(summer.goals[0]!)).toEqual({ student: 'I will write every day.', Luis: 'I will read with her, and hear her write.' });
  });

  it('carries forward on reading when the job has not run, and the job then finds nothing to do', async () => {
    const { w, year, ana } = await world();
    const goalId = await setGoal(ana, w.ana.id, { what: 'Tie my shoes', reportPeriodId: year.autumn.id });
    t.setNow(DEC_19);
    const spring = await goalsOf(await t.clientAs(w.ana.userId), w.ana.id);
    // Autumn has ended: the page opens on Spring, where the goal now is.
    expect(spring.period?.id).toBe(year.spring.id);
    expect(spring.goals.map((g) => [g.previousGoalId, g.status])).toEqual([[goalId, 'working']]);
    expect(await t.runJobs()).toBeGreaterThanOrEqual(1);
    expect((await database.db.select({ n: count() }).from(goals).where(eq(goals.studentId, w.ana.id)))[0]?.n).toBe(2);
  });

  it('keeps open goals open when no period follows', async () => {
    const { w, year } = await world();
    t.setNow(new Date('2027-05-01T09:00:00Z'));
    const goalId = await setGoal(await t.clientAs(w.teacherA.id), w.ana.id, { what: 'Swim a width', reportPeriodId: year.summer.id });
    t.setNow(new Date('2027-07-22T09:00:00Z'));
    await t.runJobs();
    const seen = await goalsOf(await t.clientAs(w.teacherA.id), w.ana.id, year.summer.id);
    expect(seen.goals.map((g) => [g.id, g.status])).toEqual([[goalId, 'working']]);
    expect(seen.defaultPeriodId).toBeNull();
  });

  it.runIf(engine === 'postgres')('carries each goal once when several carry-forwards run at the same time', async () => {
    const school = await buildSchool(database.db);
    const teacher = await buildStaff(database.db, school.id, 'teacher');
    const year = await buildSchoolYear(database.db, school.id);
    const client = await t.clientAs(teacher.id);
    const klass = await buildClass(database.db, school.id, { teacherIds: [teacher.id] });
    const children = await Promise.all(Array.from({ length: 6 }, (_, i) => buildStudent(database.db, school.id, [klass.id], { givenName: `Child ${i}` })));
    for (const c of children) {
      for (const what of ['Read every night', 'Write three sentences']) {
        const id = await setGoal(client, c.id, { what, reportPeriodId: year.autumn.id });
        await ok(commit(await t.clientAs(c.userId), id, 'I will.'));
      }
    }
    t.setNow(DEC_19);
    const period = (await findReportPeriod(database.db, year.autumn.id))!;
    // Four at once, as four servers' runners (or a runner and three readers) might.
    const results = await Promise.all([carryForwardPeriod(t.deps, period), carryForwardPeriod(t.deps, period), carryForwardPeriod(t.deps, period), carryForwardPeriod(t.deps, period)]);
    expect(results.reduce((n, r) => n + r.carried, 0)).toBe(12);
    expect(results.reduce((n, r) => n + r.marked, 0)).toBe(12);
    const inSpring = await database.db.select({ id: goals.id, previousGoalId: goals.previousGoalId }).from(goals).where(eq(goals.reportPeriodId, year.spring.id));
    expect(inSpring).toHaveLength(12);
    expect(new Set(inSpring.map((g) => g.previousGoalId)).size).toBe(12);
    const copied = await database.db.select({ n: count() }).from(goalCommitments).innerJoin(goals, eq(goals.id, goalCommitments.goalId)).where(eq(goals.reportPeriodId, year.spring.id));
    expect(copied[0]?.n).toBe(12);
    // And two job runners draining at once: the queued job runs once, carrying nothing more.
    await Promise.all([t.runJobs(), t.runJobs()]);
    expect(await database.db.select({ id: goals.id }).from(goals).where(eq(goals.reportPeriodId, year.spring.id))).toHaveLength(12);
  });

  it('gives the goal page in the reader’s language: the Korean guardian’s in Korean; the words people wrote as written', async () => {
    const { w, year, ana, teacherA, guardianA } = await world();
    const korean = await buildGuardian(database.db, [w.ana.id], { givenName: 'Ji-woo', preferredLocale: 'ko' });
    const koClient = await t.clientAs(korean.id);
    const goalId = await setGoal(teacherA, w.ana.id, { what: 'Write at least three sentences', measure: 'Three full stops', reportPeriodId: year.autumn.id });
    await setGoal(teacherA, w.ana.id, { what: 'Count to 100', reportPeriodId: year.spring.id });
    await ok(commit(ana, goalId, '매일 한 문장씩 쓸게요.'));
    await ok(commit(koClient, goalId, '매일 저녁 함께 읽을게요.'));
    await ok(ana.post(`/api/goals/${goalId}/checkins`, { note: 'Two sentences today.', postIds: [await buildPost(database.db, { schoolId: w.school.id, studentId: w.ana.id, authorId: w.ana.userId, caption: 'My story' })] }), 201);

    const ko = await ok<GoalPage>(koClient.get(`/api/students/${w.ana.id}/goals/page?period=${year.autumn.id}`));
    const koText = localeFile('ko');
    expect(ko.locale).toBe('ko');
    expect(ko.dir).toBe('ltr');
    expect(ko.messages['goals.page.title']).toBe(koText.page.title);
    expect(ko.messages['goals.status.working']).toBe(koText.status.working);
    expect(ko.messages['goals.page.title']).not.toBe(localeFile('en').page.title);
    expect(ko.school.name).toMatch(/^Test School/);
    expect(ko.student).toMatchObject({ id: w.ana.id, givenName: 'Ana' });
    expect(ko.period?.id).toBe(year.autumn.id);
    expect(ko.goals).toHaveLength(1);
    expect(ko.goals[0]).toMatchObject({ id: goalId, what: 'Write at least three sentences', measure: 'Three full stops', status: 'working', carriedFrom: [] });
    expect(ko.goals[0]?.checkins.map((c) => [c.note, c.evidence])).toEqual([['Two sentences today.', ['My story']]]);
    // A space per stakeholder, empty where nobody has written yet.
    const spaces = ko.goals[0]!.commitments.map((c) => [c.role, c.givenName, c.text]);
    expect(spaces.slice(0, 2)).toEqual([
      ['student', 'Ana', '매일 한 문장씩 쓸게요.'],
      ['teacher', 'Test', null],
    ]);
    expect(spaces.slice(2).sort()).toEqual([
      ['guardian', 'Ji-woo', '매일 저녁 함께 읽을게요.'],
      ['guardian', 'Luis', null],
      ['guardian', 'Marta', null],
    ]);

    // The teacher reads it in English, or prints the family's copy in Arabic.
    const en = await ok<GoalPage>(teacherA.get(`/api/students/${w.ana.id}/goals/page?period=${year.autumn.id}`));
    expect([en.locale, en.messages['goals.page.title']]).toEqual(['en', localeFile('en').page.title]);
    const ar = await ok<GoalPage>(teacherA.get(`/api/students/${w.ana.id}/goals/page?period=${year.autumn.id}&lang=ar`));
    expect([ar.locale, ar.dir, ar.messages['goals.page.measure']]).toEqual(['ar', 'rtl', localeFile('ar').page.measure]);
    // A guardian without a language of their own gets the page's (the language the page sends).
    const es = await ok<GoalPage>(guardianA.get(`/api/students/${w.ana.id}/goals/page?period=${year.autumn.id}`, { 'x-confer-locale': 'es' }));
    expect(es.locale).toBe('es');

    // After the period, the page of Spring says where the goal came from.
    t.setNow(DEC_19);
    const spring = await ok<GoalPage>((await t.clientAs(w.teacherA.id)).get(`/api/students/${w.ana.id}/goals/page?period=${year.spring.id}`));
    expect(spring.goals.map((g) => [g.what, g.carriedFrom])).toEqual([
      ['Count to 100', []],
      ['Write at least three sentences', ['Autumn 2026 report']],
    ]);
    expectError(await (await t.clientAs(w.guardianB.id)).get(`/api/students/${w.ana.id}/goals/page`), 403, 'forbidden');
  });
});

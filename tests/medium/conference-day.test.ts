/**
 * Conference day over HTTP: the agenda built from the child's preparation (and the teacher's
 * order), the child moving through it, the facilitator's controls (start, a corrected start, notes
 * only they see, attendance, end), the teacher's day list, and the record — finalised only after
 * the end, a snapshot, every version kept — read by the family and the child but not by the other
 * separated parent or another family.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MyConferences } from '../../src/contracts/booking';
import type { ConferenceDay, ConferenceView, RecordView } from '../../src/contracts/conference';
import type { Database } from '../../src/server/db/client';
import { conferenceRounds, goals, selectionAnswers } from '../../src/server/db/schema/index';
import { buildGuardian, buildWorld } from '../factories/index';
import { buildConference, bookMeeting } from '../factories/conference';
import { FRI_1530, FRI_1555 } from '../factories/booking';
import { buildTestApp, type TestApp, type TestClient } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';
import { expectError } from './support/expect-api';

/** Friday 23 October 2026, 15:25 in London: five minutes before Ana's conference. */
const BEFORE = new Date('2026-10-23T14:25:00Z');
const at = (iso: string, minutes: number) => new Date(new Date(iso).getTime() + minutes * 60_000);

describe.each(engines)('conference day on %s', (engine) => {
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
  beforeEach(() => t.setNow(BEFORE));

  async function world(options: { language?: string; party?: 'family' | 'self' } = {}) {
    const w = await buildWorld(database.db);
    const conf = await buildConference(database.db, w, { language: options.language ?? 'ko', ...(options.party === 'self' ? { party: w.guardianA.id } : {}) });
    const otherParent = await buildGuardian(database.db, [w.ana.id], { givenName: 'Marta' });
    const as = (id: string) => t.clientAs(id);
    return { w, conf, otherParent, teacher: await as(w.teacherA.id), ana: await as(w.ana.userId), luis: await as(w.guardianA.id), marta: await as(otherParent.id), ben: await as(w.guardianB.id), teacherB: await as(w.teacherB.id), cleo: await as(w.cleo.userId), admin: await as(w.admin.id) };
  }

  it('builds the agenda from the child’s picks, in the family’s language, with their reflections and goal', async () => {
    const { conf, ana, teacher } = await world();
    const res = await ana.get(`/api/conferences/${conf.conferenceId}`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json<ConferenceView>();
    expect(view.agenda.map((s) => s.kind)).toEqual(['welcome', 'piece', 'piece', 'strengths', 'goals', 'questions', 'commitments']);
    expect(view.language).toBe('ko');
    const first = view.agenda[1]!;
    expect(first.kind === 'piece' && first.piece.caption).toBe('My story about the sea');
    expect(first.kind === 'piece' && first.piece.reflections.map((r) => [r.questionKey, r.question?.text ?? null, r.text])).toEqual([
      ['did_well', null, 'I used describing words.'],
      [null, 'What would you change?', 'I would add an ending.'],
    ]);
    expect(view.goals.map((g) => g.what)).toEqual(['Use full stops in every sentence']);
    // The child sees no teacher's notes; the teacher does.
    expect(view.notes).toBeNull();
    expect(view.can).toMatchObject({ present: true, facilitate: false });
    expect((await teacher.get(`/api/conferences/${conf.conferenceId}`)).json<ConferenceView>().notes).toEqual([]);
  });

  it('tells open screens when the child changes an answer during the conference (a new revision)', async () => {
    const { w, conf, teacher } = await world();
    const url = `/api/conferences/${conf.conferenceId}`;
    const before = (await teacher.get(url)).json<ConferenceView>();
    const [answer] = await database.db.select().from(selectionAnswers).where(eq(selectionAnswers.selectionId, conf.selectionIds[0]!));
    t.setNow(new Date(t.deps.now().getTime() + 60_000));
    const saved = await (await t.clientAs(w.ana.userId)).put(`/api/selections/${conf.selectionIds[0]}/answers/${answer!.questionId}`, { text: 'I used describing words and a simile.' });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = (await teacher.get(url)).json<ConferenceView>();
    expect(after.live.revision).not.toBe(before.live.revision);
    const piece = after.agenda[1]!;
    expect(piece.kind === 'piece' && piece.piece.reflections.map((r) => r.text)).toContain('I used describing words and a simile.');
  });

  it('lets the teacher reorder the agenda and add a step; refuses dropping a built-in step or another child’s piece', async () => {
    const { conf, teacher, ana } = await world();
    const [s1, s2] = conf.selectionIds as [string, string];
    const steps = [
      { kind: 'welcome', id: 'welcome' },
      { kind: 'piece', id: 'x', selectionId: s2 },
      { kind: 'custom', id: 'log', title: 'Show us your reading log', text: 'The blue book' },
      { kind: 'piece', id: 'y', selectionId: s1 },
      { kind: 'strengths', id: 'strengths' },
      { kind: 'goals', id: 'goals' },
      { kind: 'questions', id: 'questions' },
      { kind: 'commitments', id: 'commitments' },
    ];
    expect((await teacher.put(`/api/conferences/${conf.conferenceId}/agenda`, { steps })).statusCode).toBe(200);
    const view = (await ana.get(`/api/conferences/${conf.conferenceId}`)).json<ConferenceView>();
    expect(view.agenda.map((s) => s.id)).toEqual(['welcome', `piece:${s2}`, 'custom:log', `piece:${s1}`, 'strengths', 'goals', 'questions', 'commitments']);
    expect(view.agendaCustomised).toBe(true);

    const dropped = await teacher.put(`/api/conferences/${conf.conferenceId}/agenda`, { steps: steps.filter((s) => s.kind !== 'commitments') });
    expect(expectError(dropped, 400, 'validation_failed').fields).toEqual({ 'steps.7': 'fixed_step_missing' });
    const foreign = await teacher.put(`/api/conferences/${conf.conferenceId}/agenda`, { steps: [...steps, { kind: 'piece', id: 'z', selectionId: crypto.randomUUID() }] });
    expect(expectError(foreign, 400, 'validation_failed').fields).toEqual({ 'steps.8': 'unknown_piece' });
    // The child cannot change the order.
    expectError(await ana.put(`/api/conferences/${conf.conferenceId}/agenda`, { steps }), 403, 'forbidden');
  });

  it('follows the child through the steps; refuses a step that is not in the agenda', async () => {
    const { conf, ana, luis } = await world();
    const stepId = `piece:${conf.selectionIds[0]}`;
    expect((await ana.put(`/api/conferences/${conf.conferenceId}/step`, { stepId })).statusCode).toBe(200);
    expect((await luis.get(`/api/conferences/${conf.conferenceId}`)).json<ConferenceView>().live.currentStepId).toBe(stepId);
    expect(expectError(await ana.put(`/api/conferences/${conf.conferenceId}/step`, { stepId: 'piece:nothing' }), 400, 'validation_failed').fields).toEqual({ stepId: 'unknown_step' });
    // The family follows on their phone but does not drive the child's screen.
    expectError(await luis.put(`/api/conferences/${conf.conferenceId}/step`, { stepId: 'goals' }), 403, 'forbidden');
  });

  it('starts, corrects the start, takes notes, ends; no-show only before it starts', async () => {
    const { w, conf } = await world();
    const url = `/api/conferences/${conf.conferenceId}`;
    t.setNow(at(FRI_1530, 2));
    let luis = await t.clientAs(w.guardianA.id);
    const teacherNow = await t.clientAs(w.teacherA.id);
    expect((await teacherNow.post(`${url}/start`)).statusCode).toBe(200);
    let view = (await teacherNow.get(url)).json<ConferenceView>();
    expect(view.live.status).toBe('in_progress');
    expect(view.attendance).toBe('attended');
    expect(view.live.startedAt).toBe(at(FRI_1530, 2).toISOString());
    // Pressed late: it really began at 15:30.
    expect((await teacherNow.put(`${url}/started-at`, { startedAt: FRI_1530 })).statusCode).toBe(200);
    expect(expectError(await teacherNow.put(`${url}/started-at`, { startedAt: at(FRI_1530, 30).toISOString() }), 400, 'validation_failed').fields).toEqual({ startedAt: 'in_future' });
    expect((await teacherNow.post(`${url}/notes`, { text: 'Ana explained fractions well' })).statusCode).toBe(201);
    expectError(await teacherNow.put(`${url}/attendance`, { attendance: 'no_show' }), 409, 'conflict');
    view = (await teacherNow.get(url)).json<ConferenceView>();
    expect(view.live.startedAt).toBe(new Date(FRI_1530).toISOString());
    expect(view.notes?.map((n) => n.text)).toEqual(['Ana explained fractions well']);
    expect((await luis.get(url)).json<ConferenceView>().notes).toBeNull();
    expectError(await luis.post(`${url}/notes`, { text: 'hi' }), 403, 'forbidden');

    t.setNow(at(FRI_1530, 24));
    const teacherLater = await t.clientAs(w.teacherA.id);
    luis = await t.clientAs(w.guardianA.id);
    expect((await teacherLater.post(`${url}/end`)).statusCode).toBe(200);
    view = (await teacherLater.get(url)).json<ConferenceView>();
    expect(view.live).toMatchObject({ status: 'ended', endedAt: at(FRI_1530, 24).toISOString() });
    expectError(await teacherLater.post(`${url}/start`), 409, 'conference_ended');
    expect((await luis.get(url)).json<ConferenceView>().live.status).toBe('ended');
  });

  it('lists the teacher’s day in order, with who comes', async () => {
    const { w, conf, teacher } = await world();
    await bookMeeting(database.db, w, { roundId: conf.roundId, teacherId: w.teacherA.id, studentId: w.cleo.id, guardianId: (await buildGuardian(database.db, [w.cleo.id], { givenName: 'Noor' })).id, startsAt: FRI_1555, language: 'ar' });
    const res = await teacher.get('/api/conference-day?date=2026-10-23');
    expect(res.statusCode, res.body).toBe(200);
    const day = res.json<ConferenceDay>();
    expect(day.conferences.map((c) => [c.student.name.split(' ')[0], c.language, c.startsAt])).toEqual([
      ['Ana', 'ko', new Date(FRI_1530).toISOString()],
      ['Cleo', 'ar', new Date(FRI_1555).toISOString()],
    ]);
    expect(day.conferences[0]!.attendees.map((a) => a.kind === 'guardian' && a.name.split(' ')[0])).toEqual(['Luis']);
    // Today (the clock's day) is the default.
    expect((await teacher.get('/api/conference-day')).json<ConferenceDay>().date).toBe('2026-10-23');
    expect((await teacher.get('/api/conference-day?date=2026-10-24')).json<ConferenceDay>().conferences).toEqual([]);
  });

  it('finalises the record after the end, keeps every version, and shows it to the family and the child only', async () => {
    const { w, conf } = await world();
    const url = `/api/conferences/${conf.conferenceId}`;
    t.setNow(at(FRI_1530, 1));
    let [teacher, luis, ana, ben, cleo] = await Promise.all([w.teacherA.id, w.guardianA.id, w.ana.userId, w.guardianB.id, w.cleo.userId].map((id) => t.clientAs(id))) as [TestClient, TestClient, TestClient, TestClient, TestClient];
    expect((await teacher.post(`${url}/start`)).statusCode).toBe(200);
    expectError(await teacher.post(`${url}/record`), 409, 'conference_not_ended');
    expect((await luis.put(`/api/goals/${conf.goalId}/commitments/me`, { text: 'I will read with her every evening' })).statusCode).toBe(200);
    expect((await teacher.put(`${url}/outcomes`, { summary: 'Ana led with confidence.', nextSteps: 'Practise full stops at home.' })).statusCode).toBe(200);
    // Sessions idle out when the clock jumps: the people sign in again.
    t.setNow(at(FRI_1530, 21));
    [teacher, luis, ana, ben, cleo] = (await Promise.all([w.teacherA.id, w.guardianA.id, w.ana.userId, w.guardianB.id, w.cleo.userId].map((id) => t.clientAs(id)))) as [TestClient, TestClient, TestClient, TestClient, TestClient];
    expect((await teacher.post(`${url}/end`)).statusCode).toBe(200);
    expectError(await luis.get(`${url}/record`), 409, 'record_not_finalised');
    const first = await teacher.post(`${url}/record`);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({ version: 1 });

    const record = (await luis.get(`${url}/record`)).json<RecordView>();
    expect(record.content.pieces.map((p) => p.caption)).toEqual(['My story about the sea', 'Fractions poster']);
    // Every language the teacher wrote the prompt and questions in travels with the record (each reader gets theirs).
    expect(record.content.pieces[0]).toMatchObject({ prompt: { text: 'Your best work', lang: 'en' }, promptTitles: { en: 'Your best work' } });
    expect(record.content.pieces[0]!.reflections[1]!.questionTexts).toEqual({ en: 'What would you change?' });
    expect(record.content.goals[0]!.commitments.map((c) => [c.role, c.text])).toEqual([['guardian', 'I will read with her every evening']]);
    expect(record.content).toMatchObject({ summary: 'Ana led with confidence.', nextSteps: 'Practise full stops at home.', attendance: 'attended' });
    expect(record.can).toEqual({ edit: false, share: true });
    expect((await ana.get(`${url}/record`)).json<RecordView>().can).toEqual({ edit: false, share: false });

    // The goal changes later; the record keeps what was agreed. Editing and finalising again adds a version.
    await database.db.update(goals).set({ what: 'Something else entirely' }).where(eq(goals.id, conf.goalId));
    expect((await teacher.put(`${url}/outcomes`, { nextSteps: 'Practise full stops and capital letters.' })).statusCode).toBe(200);
    expect((await luis.get(`${url}/record`)).json<RecordView>().content.goals[0]!.what).toBe('Use full stops in every sentence');
    expect((await teacher.post(`${url}/record`)).json()).toEqual({ version: 2 });
    const latest = (await luis.get(`${url}/record`)).json<RecordView>();
    expect(latest.version).toBe(2);
    expect(latest.content.nextSteps).toBe('Practise full stops and capital letters.');
    expect(latest.versions.map((v) => v.version)).toEqual([2, 1]);
    expect((await luis.get(`${url}/record?version=1`)).json<RecordView>().content.nextSteps).toBe('Practise full stops at home.');

    expectError(await ben.get(`${url}/record`), 403, 'forbidden');
    expectError(await cleo.get(`${url}/record`), 403, 'forbidden');

    // The round's results for the school's own records say who came and which record version is final.
    const csv = await (await t.clientAs(w.admin.id)).get(`/api/rounds/${conf.roundId}/results.csv`);
    expect(csv.statusCode, csv.body).toBe(200);
    const { parse } = await import('csv-parse/sync');
    const rows = parse(csv.body.replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;
    expect(rows.find((r) => r['Given name'] === 'Ana')).toMatchObject({ Attendance: 'Came', Record: 'Finalised (version 2)' });
    expect(rows.find((r) => r['Given name'] === 'Ben')).toMatchObject({ Booking: 'Not booked', Attendance: '', Record: '' });
  });

  it('puts the family’s conference on their home page, with the cards and, once finished, the record', async () => {
    const { conf, luis, ana: anaClient, cleo } = await world();
    const mine = (await luis.get('/api/me/conferences')).json<MyConferences>();
    const meetings = mine.family.flatMap((r) => r.meetings);
    expect(meetings).toEqual([{ conferenceId: conf.conferenceId, studentName: 'Ana', startsAt: new Date(FRI_1530).toISOString(), status: 'scheduled', recordVersion: 0 }]);
    expect(mine.presenting).toEqual([]);
    // Ana herself has it on her home page, to present; Cleo (another child of the class) has none.
    const ana = (await anaClient.get('/api/me/conferences')).json<MyConferences>();
    expect(ana).toEqual({ family: [], teaching: [], presenting: [{ conferenceId: conf.conferenceId, startsAt: new Date(FRI_1530).toISOString(), status: 'scheduled', recordVersion: 0 }] });
    expect((await cleo.get('/api/me/conferences')).json<MyConferences>().presenting).toEqual([]);
  });

  it('keeps a separated parent’s own conference from the other parent', async () => {
    const { conf, marta, luis } = await world({ party: 'self' });
    expect((await luis.get(`/api/conferences/${conf.conferenceId}`)).statusCode).toBe(200);
    expectError(await marta.get(`/api/conferences/${conf.conferenceId}`), 403, 'forbidden');
  });

  it('keeps the rest of the family’s conference from a parent who books on their own', async () => {
    const { w, conf, luis } = await world();
    const sofia = await buildGuardian(database.db, [w.ana.id], { givenName: 'Sofia', attendsSeparately: true });
    const asSofia = await t.clientAs(sofia.id);
    expect((await luis.get(`/api/conferences/${conf.conferenceId}`)).statusCode).toBe(200);
    for (const path of ['', '/status', '/record']) expectError(await asSofia.get(`/api/conferences/${conf.conferenceId}${path}`), 403, 'forbidden');
    // Where the round has separated parents come together, it is her meeting too.
    await database.db.update(conferenceRounds).set({ separatedGuardians: 'together' }).where(eq(conferenceRounds.id, conf.roundId));
    expect((await asSofia.get(`/api/conferences/${conf.conferenceId}`)).statusCode).toBe(200);
  });
});

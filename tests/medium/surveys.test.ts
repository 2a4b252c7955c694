/**
 * Reflections after a conference, over HTTP: the survey is closed until the conference has ended;
 * then the child and each guardian of the family answer for themselves (saving again changes the
 * answer), in the language of their page; a separated guardian's own conference is theirs alone;
 * ending a conference the family came to queues the invitation emails, each in the guardian's
 * language (and none for a family that did not come); the class's teacher and the admin read the
 * results per class and per round, with the comments and who wrote them; and a guardian's
 * reflection appears in the child's portfolio as the family's.
 *
 * Teacher A's Friday (23 October 2026, London): 15:30 Ana with Luis (reads Spanish) and Marta
 * (reads Korean) · 15:55 Ana with Sofia, who attends separately and booked her own · 16:20 Cleo,
 * whose family does not come. Teacher B: 15:30 Ben with his guardian.
 */
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Timeline } from '../../src/contracts/portfolio';
import type { ClassSurveysView, RoundSurveysView, SurveyView } from '../../src/contracts/surveys';
import type { Database } from '../../src/server/db/client';
import { conferenceRounds, conferenceSurveys, guardians, jobs, mailOutbox, roundClasses, selectionPrompts } from '../../src/server/db/schema/index';
import { updateConference } from '../../src/server/features/conference/conference.repo';
import { conferenceEnded, surveyInvitationJob } from '../../src/server/features/conference/surveys';
import { approvedPostsBetween } from '../../src/server/features/portfolio/portfolio.repo';
import { jobDefinitions } from '../../src/server/jobs/definitions';
import { createJobRunner, type JobDefinition } from '../../src/server/jobs/runner';
import { FRI_1530, FRI_1555 } from '../factories/booking';
import { bookMeeting, buildConference } from '../factories/conference';
import { buildGuardian, buildWorld } from '../factories/index';
import { buildTestApp, type TestApp, type TestClient } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';
import { expectError } from './support/expect-api';

const BEFORE = new Date('2026-10-23T14:25:00Z');
const AFTER = new Date('2026-10-23T16:45:00Z');
const CLEO_1620 = '2026-10-23T15:20:00.000Z';

describe.each(engines)('surveys after conferences on %s', (engine) => {
  let database: Database;
  let t: TestApp;
  let runJobs: () => Promise<number>;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    t = await buildTestApp(database);
    // Until app.ts and jobs/definitions.ts carry the surveys, this file adds them itself.
    const mine = jobDefinitions.some((d) => d.kind === surveyInvitationJob.kind) ? [] : [surveyInvitationJob as unknown as JobDefinition<never>];
    const runner = createJobRunner(t.deps, [...jobDefinitions, ...mine] as never);
    runJobs = () => runner.drain();
  });
  afterAll(async () => {
    await t.app.close();
    await database.close();
  });
  beforeEach(() => t.setNow(BEFORE));

  async function evening() {
    const db = database.db;
    const w = await buildWorld(db);
    const conf = await buildConference(db, w, { startsAt: FRI_1530 });
    await db.update(guardians).set({ language: 'es' }).where(eq(guardians.userId, w.guardianA.id));
    const marta = await buildGuardian(db, [w.ana.id], { givenName: 'Marta', preferredLocale: 'ko' });
    const sofia = await buildGuardian(db, [w.ana.id], { givenName: 'Sofia', attendsSeparately: true, preferredLocale: 'ar' });
    const sofias = await bookMeeting(db, w, { roundId: conf.roundId, teacherId: w.teacherA.id, studentId: w.ana.id, guardianId: sofia.id, party: sofia.id, startsAt: FRI_1555 });
    const cleoMum = await buildGuardian(db, [w.cleo.id], { givenName: 'Carmen' });
    const cleo = await bookMeeting(db, w, { roundId: conf.roundId, teacherId: w.teacherA.id, studentId: w.cleo.id, guardianId: cleoMum.id, startsAt: CLEO_1620 });
    const ben = await bookMeeting(db, w, { roundId: conf.roundId, teacherId: w.teacherB.id, studentId: w.ben.id, guardianId: w.guardianB.id, startsAt: FRI_1530 });
    return { w, conf, ana: conf.conferenceId, marta, sofia, sofias: sofias.conferenceId, cleoMum, cleo: cleo.conferenceId, ben: ben.conferenceId };
  }
  type Evening = Awaited<ReturnType<typeof evening>>;

  const ok = (res: { statusCode: number; body: string }, status = 200) => {
    expect(res.statusCode, res.body).toBe(status);
    return JSON.parse(res.body) as unknown;
  };
  const survey = async (client: TestClient, conferenceId: string) => ok(await client.get(`/api/conferences/${conferenceId}/survey`)) as SurveyView;
  const answer = (client: TestClient, conferenceId: string, body: object, lang = 'en') => client.put(`/api/conferences/${conferenceId}/survey`, body, { 'x-confer-locale': lang });

  /** The evening is over: the teachers end the conferences (Cleo's family did not come). */
  async function endAll(e: Evening) {
    t.setNow(AFTER);
    const teacherA = await t.clientAs(e.w.teacherA.id);
    ok(await teacherA.put(`/api/conferences/${e.cleo}/attendance`, { attendance: 'no_show' }));
    for (const id of [e.ana, e.sofias, e.cleo]) ok(await teacherA.post(`/api/conferences/${id}/end`));
    ok(await (await t.clientAs(e.w.teacherB.id)).post(`/api/conferences/${e.ben}/end`));
  }

  it('is closed until the conference has ended', async () => {
    const e = await evening();
    const ana = await t.clientAs(e.w.ana.userId);
    const before = await survey(ana, e.ana);
    expect(before).toMatchObject({ role: 'student', student: { id: e.w.ana.id, givenName: 'Ana' }, status: 'scheduled', canAnswer: false, canReflect: false, answer: null, startsAt: FRI_1530, timeZone: 'Europe/London' });
    expectError(await answer(ana, e.ana, { worthwhile: 4 }), 409, 'conference_not_ended');
    const luis = await t.clientAs(e.w.guardianA.id);
    expect((await survey(luis, e.ana)).role).toBe('guardian');
    expectError(await answer(luis, e.ana, { worthwhile: 5 }), 409, 'conference_not_ended');
    expectError(await luis.post(`/api/conferences/${e.ana}/family-reflection`, { text: 'Too soon' }), 409, 'conference_not_ended');
    // Started is not ended either.
    ok(await (await t.clientAs(e.w.teacherA.id)).post(`/api/conferences/${e.ana}/start`));
    expectError(await answer(ana, e.ana, { worthwhile: 4 }), 409, 'conference_not_ended');
    expect(await database.db.select().from(conferenceSurveys).where(eq(conferenceSurveys.conferenceId, e.ana))).toEqual([]);
  });

  it('lets the child and each guardian answer for themselves, in their page’s language; answering again changes it', async () => {
    const e = await evening();
    await endAll(e);
    const ana = await t.clientAs(e.w.ana.userId);
    const luis = await t.clientAs(e.w.guardianA.id);
    const open = await survey(ana, e.ana);
    expect(open).toMatchObject({ status: 'ended', attendance: 'attended', canAnswer: true, canReflect: false, teacher: { name: expect.stringMatching(/^Test /) } });

    const mine = ok(await answer(ana, e.ana, { worthwhile: 4, learned: '  I showed my story  ' })) as SurveyView;
    expect(mine.answer).toMatchObject({ worthwhile: 4, learned: 'I showed my story', better: '', language: 'en' });
    ok(await answer(luis, e.ana, { worthwhile: 5, learned: 'Aprendí cómo lee Ana' }, 'es'));
    expect((await survey(luis, e.ana))).toMatchObject({ role: 'guardian', canReflect: true, answer: { worthwhile: 5, language: 'es' } });
    // Luis changes his mind: one answer, the new one.
    ok(await answer(luis, e.ana, { worthwhile: 3, better: 'Más tiempo' }, 'es'));
    const rows = await database.db.select().from(conferenceSurveys).where(eq(conferenceSurveys.conferenceId, e.ana));
    expect(rows.map((r) => [r.role, r.worthwhile, r.learned, r.better, r.language]).sort()).toEqual([
      ['guardian', 3, '', 'Más tiempo', 'es'],
      ['student', 4, 'I showed my story', '', 'en'],
    ]);
    // Ana's own answer is hers: Luis does not see it as his.
    expect((await survey(luis, e.ana)).answer?.worthwhile).toBe(3);
    expect((await survey(ana, e.ana)).answer?.worthwhile).toBe(4);

    // Answers that cannot be: the rating outside 1–5, words over 2000 characters.
    expectError(await answer(ana, e.ana, { worthwhile: 6 }), 400, 'validation_failed');
    expectError(await answer(ana, e.ana, {}), 400, 'validation_failed');
    const long = expectError(await answer(luis, e.ana, { worthwhile: 4, learned: 'a'.repeat(2001) }), 400, 'validation_failed');
    expect(long.fields).toEqual({ learned: 'too_big' });
    expect((await survey(luis, e.ana)).answer?.worthwhile).toBe(3);

    // Nobody else answers: the teacher reads results instead; another family, another child, another school.
    expectError(await (await t.clientAs(e.w.teacherA.id)).get(`/api/conferences/${e.ana}/survey`), 403, 'forbidden');
    expectError(await answer(await t.clientAs(e.w.admin.id), e.ana, { worthwhile: 5 }), 403, 'forbidden');
    expectError(await answer(await t.clientAs(e.w.guardianB.id), e.ana, { worthwhile: 1 }), 403, 'forbidden');
    expectError(await answer(await t.clientAs(e.w.cleo.userId), e.ana, { worthwhile: 1 }), 403, 'forbidden');
    expectError(await (await t.clientAs(e.w.otherAdmin.id)).get(`/api/conferences/${e.ana}/survey`), 404, 'not_found');
    expect((await t.client().get(`/api/conferences/${e.ana}/survey`)).statusCode).toBe(401);

    // A family that did not come has no survey to answer.
    const carmen = await t.clientAs(e.cleoMum.id);
    expect(await survey(carmen, e.cleo)).toMatchObject({ status: 'ended', attendance: 'no_show', canAnswer: false, canReflect: false });
    expectError(await answer(carmen, e.cleo, { worthwhile: 1 }), 403, 'forbidden');
  });

  it('keeps a separated guardian’s own conference to them: the other parent is refused', async () => {
    const e = await evening();
    await endAll(e);
    const luis = await t.clientAs(e.w.guardianA.id);
    expectError(await luis.get(`/api/conferences/${e.sofias}/survey`), 403, 'forbidden');
    expectError(await answer(luis, e.sofias, { worthwhile: 2 }), 403, 'forbidden');
    expectError(await luis.post(`/api/conferences/${e.sofias}/family-reflection`, { text: 'Hola' }), 403, 'forbidden');
    const sofia = await t.clientAs(e.sofia.id);
    ok(await answer(sofia, e.sofias, { worthwhile: 3, better: 'More time' }, 'ar'));
    expect((await survey(sofia, e.sofias)).answer).toMatchObject({ worthwhile: 3, language: 'ar' });
    // The child answers about each of her conferences.
    ok(await answer(await t.clientAs(e.w.ana.userId), e.sofias, { worthwhile: 5 }));
  });

  it('emails the family’s guardians on the end, each in their language, once — and nobody when the family did not come', async () => {
    const e = await evening();
    await endAll(e);
    await runJobs();
    const sent = async (conferenceId: string) =>
      (await database.db.select().from(mailOutbox).where(like(mailOutbox.dedupeKey, `survey-invitation:${conferenceId}:%`))).sort((a, b) => a.to.localeCompare(b.to));
    const ana = await sent(e.ana);
    // Luis (guardian language Spanish) and Marta (reads Korean); not Sofia, who has her own meeting.
    expect(ana.map((m) => m.to).sort()).toEqual([e.w.guardianA.email, e.marta.email].sort());
    const luis = ana.find((m) => m.to === e.w.guardianA.email)!;
    const marta = ana.find((m) => m.to === e.marta.email)!;
    expect(luis.subject).toBe(t.deps.i18n.t('es', 'surveys.mail.subject', { child: 'Ana' }));
    expect(luis.subject).not.toBe(t.deps.i18n.t('en', 'surveys.mail.subject', { child: 'Ana' }));
    expect(luis.text).toContain(`/conferences/${e.ana}/survey?lang=es`);
    expect(luis.text).toMatch(/^Hola Luis/);
    expect(marta.subject).toBe(t.deps.i18n.t('ko', 'surveys.mail.subject', { child: 'Ana' }));
    expect(marta.text).toContain(`/conferences/${e.ana}/survey?lang=ko`);
    // Sofia is told about her own meeting, in Arabic.
    const sofias = await sent(e.sofias);
    expect(sofias.map((m) => [m.to, m.subject])).toEqual([[e.sofia.email, t.deps.i18n.t('ar', 'surveys.mail.subject', { child: 'Ana' })]]);
    // Cleo's family did not come: no job, no email.
    expect(await sent(e.cleo)).toEqual([]);
    expect(await database.db.select().from(jobs).where(eq(jobs.idempotencyKey, `survey-invitation:${e.cleo}`))).toEqual([]);

    // Ending again (a second press, a retried job) mails nobody twice.
    await conferenceEnded(t.deps, e.ana);
    ok(await (await t.clientAs(e.w.teacherA.id)).post(`/api/conferences/${e.ana}/end`));
    await runJobs();
    expect(await sent(e.ana)).toHaveLength(2);
  });

  it('does not ask a guardian who has already answered, and says nothing for a conference not held', async () => {
    const e = await evening();
    t.setNow(AFTER);
    // Ended straight in the database (as the lead's tests do), with the family there.
    await updateConference(database.db, e.ana, { status: 'ended', startedAt: new Date(FRI_1530), endedAt: AFTER, attendance: 'attended' }, AFTER);
    ok(await answer(await t.clientAs(e.marta.id), e.ana, { worthwhile: 4 }, 'ko'));
    await conferenceEnded(t.deps, e.ana);
    // A conference still scheduled is not ended: nothing is queued.
    await conferenceEnded(t.deps, e.ben);
    await runJobs();
    const mails = await database.db.select().from(mailOutbox).where(like(mailOutbox.dedupeKey, 'survey-invitation:%'));
    expect(mails.filter((m) => m.dedupeKey!.includes(e.ana)).map((m) => m.to)).toEqual([e.w.guardianA.email]);
    expect(mails.filter((m) => m.dedupeKey!.includes(e.ben))).toEqual([]);
  });

  it('shows the class’s teacher and the admin the results per class and per round, with the comments and who wrote them', async () => {
    const e = await evening();
    const before = ok(await (await t.clientAs(e.w.teacherA.id)).get(`/api/classes/${e.w.classA.id}/surveys`)) as ClassSurveysView;
    expect(before.summary.all).toMatchObject({ count: 0, invited: 0, mean: null, responseRate: null });
    await endAll(e);
    ok(await answer(await t.clientAs(e.w.ana.userId), e.ana, { worthwhile: 4, learned: 'I showed my story' }));
    ok(await answer(await t.clientAs(e.w.guardianA.id), e.ana, { worthwhile: 5, learned: 'Aprendí cómo lee Ana' }, 'es'));
    ok(await answer(await t.clientAs(e.marta.id), e.ana, { worthwhile: 2 }, 'ko'));
    ok(await answer(await t.clientAs(e.sofia.id), e.sofias, { worthwhile: 3, better: 'More time' }, 'ar'));
    ok(await answer(await t.clientAs(e.w.guardianB.id), e.ben, { worthwhile: 1, better: 'Shorter' }));

    const teacher = await t.clientAs(e.w.teacherA.id);
    const view = ok(await teacher.get(`/api/classes/${e.w.classA.id}/surveys`)) as ClassSurveysView;
    expect(view.round).toMatchObject({ id: e.conf.roundId, name: 'Autumn conferences' });
    expect(view.rounds.map((r) => r.id)).toEqual([e.conf.roundId]);
    // Class A: Ana's two conferences (Cleo's family did not come). Could answer: Ana twice; Luis, Marta; Sofia.
    expect(view.summary.all).toMatchObject({ count: 4, invited: 5, mean: 3.5, distribution: [0, 1, 1, 1, 1], worthwhileShare: 0.5, responseRate: 0.8 });
    expect(view.summary.student).toMatchObject({ count: 1, invited: 2, mean: 4, responseRate: 0.5 });
    expect(view.summary.guardian).toMatchObject({ count: 3, invited: 3, distribution: [0, 1, 1, 0, 1], responseRate: 1 });
    // Comments: answers with words (Marta wrote none), with who wrote them.
    expect(view.comments.map((c) => [c.role, c.firstName, c.child, c.worthwhile, c.learned, c.better, c.language]).sort()).toEqual([
      ['guardian', 'Luis', 'Ana', 5, 'Aprendí cómo lee Ana', '', 'es'],
      ['guardian', 'Sofia', 'Ana', 3, '', 'More time', 'ar'],
      ['student', 'Ana', 'Ana', 4, 'I showed my story', '', 'en'],
    ]);
    // Ben is not in class A.
    expect(view.comments.some((c) => c.better === 'Shorter')).toBe(false);
    // The same round, asked for by id; a round that is not the class's.
    expect((ok(await teacher.get(`/api/classes/${e.w.classA.id}/surveys?roundId=${e.conf.roundId}`)) as ClassSurveysView).summary.all.count).toBe(4);
    const unknown = expectError(await teacher.get(`/api/classes/${e.w.classA.id}/surveys?roundId=00000000-0000-4000-8000-000000000000`), 400, 'validation_failed');
    expect(unknown.fields).toEqual({ 'querystring.roundId': 'unknown_round' });

    // A round still to come (booking for spring) does not hide these: the page opens on the latest round that has begun.
    const [spring] = await database.db.insert(conferenceRounds).values({ schoolId: e.w.school.id, name: 'Spring conferences', startsOn: '2027-03-01', endsOn: '2027-03-05' }).returning();
    await database.db.insert(roundClasses).values({ roundId: spring!.id, classId: e.w.classA.id });
    const opened = ok(await teacher.get(`/api/classes/${e.w.classA.id}/surveys`)) as ClassSurveysView;
    expect(opened.rounds.map((r) => r.name)).toEqual(['Spring conferences', 'Autumn conferences']);
    expect(opened.round).toMatchObject({ id: e.conf.roundId });
    expect((ok(await teacher.get(`/api/classes/${e.w.classA.id}/surveys?roundId=${spring!.id}`)) as ClassSurveysView).summary.all.count).toBe(0);

    // Who may read them: the class's teachers and the admin.
    expect((ok(await (await t.clientAs(e.w.admin.id)).get(`/api/classes/${e.w.classA.id}/surveys`)) as ClassSurveysView).summary.all.count).toBe(4);
    expectError(await (await t.clientAs(e.w.teacherB.id)).get(`/api/classes/${e.w.classA.id}/surveys`), 403, 'forbidden');
    expectError(await (await t.clientAs(e.w.guardianA.id)).get(`/api/classes/${e.w.classA.id}/surveys`), 403, 'forbidden');
    expectError(await (await t.clientAs(e.w.otherAdmin.id)).get(`/api/classes/${e.w.classA.id}/surveys`), 404, 'not_found');

    // The round, for the admin: each class, and the totals.
    const round = ok(await (await t.clientAs(e.w.admin.id)).get(`/api/rounds/${e.conf.roundId}/surveys`)) as RoundSurveysView;
    const byClass = new Map(round.classes.map((c) => [c.class.id, c]));
    expect([...byClass.keys()].sort()).toEqual([e.w.classA.id, e.w.classB.id].sort());
    expect(byClass.get(e.w.classA.id)!.summary.all).toEqual(view.summary.all);
    expect(byClass.get(e.w.classB.id)!.summary.all).toMatchObject({ count: 1, invited: 2, mean: 1, distribution: [1, 0, 0, 0, 0], worthwhileShare: 0, responseRate: 0.5 });
    expect(byClass.get(e.w.classB.id)!.comments.map((c) => [c.firstName, c.better])).toEqual([[expect.any(String), 'Shorter']]);
    expect(round.totals.all).toMatchObject({ count: 5, invited: 7, mean: 3, distribution: [1, 1, 1, 1, 1], worthwhileShare: 0.4 });
    expectError(await teacher.get(`/api/rounds/${e.conf.roundId}/surveys`), 403, 'forbidden');
    expectError(await (await t.clientAs(e.w.otherAdmin.id)).get(`/api/rounds/${e.conf.roundId}/surveys`), 404, 'not_found');
  });

  it('puts a guardian’s reflection in the child’s portfolio as the family’s, for the family, the child and the teachers', async () => {
    const e = await evening();
    await endAll(e);
    const luis = await t.clientAs(e.w.guardianA.id);
    expectError(await luis.post(`/api/conferences/${e.ana}/family-reflection`, { text: '   ' }), 400, 'validation_failed');
    const posted = ok(await luis.post(`/api/conferences/${e.ana}/family-reflection`, { text: 'Estamos muy orgullosos de ti, Ana.' }), 201) as { id: string };
    // The child does not post as the family; another family cannot.
    expectError(await (await t.clientAs(e.w.ana.userId)).post(`/api/conferences/${e.ana}/family-reflection`, { text: 'Me' }), 403, 'forbidden');
    expectError(await (await t.clientAs(e.w.guardianB.id)).post(`/api/conferences/${e.ana}/family-reflection`, { text: 'Hi' }), 403, 'forbidden');

    for (const reader of [e.marta.id, e.w.ana.userId, e.w.teacherA.id, e.w.guardianA.id]) {
      const timeline = ok(await (await t.clientAs(reader)).get(`/api/students/${e.w.ana.id}/posts`)) as Timeline;
      const post = timeline.posts.find((p) => p.id === posted.id);
      expect(post, `seen by ${reader}`).toMatchObject({ status: 'approved', author: { role: 'guardian', givenName: 'Luis', id: e.w.guardianA.id }, caption: '', items: [{ kind: 'text', text: 'Estamos muy orgullosos de ti, Ana.' }] });
      // Nobody edits the family's words or ticks criteria on them; the family and the teacher may comment.
      expect(post!.can.edit).toBe(false);
      expect(post!.canTag).toEqual({ criteria: false, standards: false });
    }
    const one = ok(await (await t.clientAs(e.w.teacherA.id)).get(`/api/posts/${posted.id}`)) as Timeline['posts'][number];
    expect(one.can.comment).toBe(true);
    ok(await (await t.clientAs(e.w.teacherA.id)).post(`/api/posts/${posted.id}/comments`, { body: 'Thank you for coming!' }), 201);
    // Not in the class's approval queue (it needs no approval).
    const queue = ok(await (await t.clientAs(e.w.teacherA.id)).get(`/api/classes/${e.w.classA.id}/posts`)) as { posts: Array<{ id: string }> };
    expect(queue.posts.some((p) => p.id === posted.id)).toBe(false);
    // Another family of the school sees nothing of it.
    expectError(await (await t.clientAs(e.w.guardianB.id)).get(`/api/posts/${posted.id}`), 404, 'not_found');
    // It is the family's words, not the child's work: not a piece to present, not evidence for a goal, not in the digest.
    const [prompt] = await database.db.select({ id: selectionPrompts.id }).from(selectionPrompts).where(eq(selectionPrompts.roundId, e.conf.roundId));
    const picked = expectError(await (await t.clientAs(e.w.ana.userId)).put(`/api/students/${e.w.ana.id}/rounds/${e.conf.roundId}/prompts/${prompt!.id}/picks`, { postIds: [posted.id] }), 400, 'validation_failed');
    expect(picked.fields).toEqual({ 'postIds.0': 'pick_not_eligible' });
    const evidence = expectError(await (await t.clientAs(e.w.teacherA.id)).post(`/api/goals/${e.conf.goalId}/checkins`, { note: 'Her family wrote to her', postIds: [posted.id] }), 400, 'validation_failed');
    expect(evidence.fields).toEqual({ 'postIds.0': 'not_childs_post' });
    const news = await approvedPostsBetween(database.db, [e.w.ana.id], null, new Date('2100-01-01T00:00:00Z'));
    expect(news.map((p) => p.id)).not.toContain(posted.id);
    expect(news.length).toBeGreaterThan(0);
  });
});

/**
 * Conference preparation over HTTP: the admin's round; the teacher's prompts in the school's
 * languages; the child picks from their own approved work, answers by typing or recording, marks
 * strengths and next steps against their criteria; the teacher's readiness board, scaffolding
 * notes and sending a reflection back; and who may do which (only the child picks and answers).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { criteria, criteriaLists, goalCommitments, goals, posts, selections, users } from '../../src/server/db/schema/index';
import { buildGuardian, buildWorld, uploadedMedia, wavRecording } from '../factories/index';
import { buildTestApp, type TestApp, type TestClient } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';
import { expectError } from './support/expect-api';

interface Prep {
  round: { id: string; name: string };
  prompts: Array<{
    id: string;
    title: Record<string, string>;
    pickCount: number;
    questions: Array<{ id: string; key: string | null; text: Record<string, string> }>;
    selections: Array<{ id: string; post: { id: string; caption: string }; answers: Array<{ questionId: string; text: string; audio: { id: string } | null }>; marks: Array<{ criterionId: string; kind: string }>; sentBack: { comment: string } | null }>;
  }>;
  criteria: Array<{ id: string; wording: string }>;
  goals: Array<{ id: string; what: string; childCommitted: boolean }>;
  readiness: { picked: number; toPick: number; answered: number; toAnswer: number; goalSet: boolean; needsHelp: boolean; status: string };
  scaffoldingNote: string | null;
  can: { prepare: boolean; review: boolean };
}
interface Board {
  tally: Record<string, number>;
  students: Array<{ id: string; givenName: string; readiness: { status: string; picked: number }; scaffoldingNote: string | null }>;
}

describe.each(engines)('conference preparation on %s', (engine) => {
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

  const json = <T>(res: { statusCode: number; body: string; json(): unknown }, status = 200): T => {
    expect(res.statusCode, res.body).toBe(status);
    return res.json() as T;
  };

  /** A school with a round; Ana (class A) has two approved posts and a pending one; her class has a criteria list. */
  async function world() {
    const w = await buildWorld(database.db);
    const c = {
      admin: await t.clientAs(w.admin.id),
      teacherA: await t.clientAs(w.teacherA.id),
      teacherB: await t.clientAs(w.teacherB.id),
      ana: await t.clientAs(w.ana.userId),
      cleo: await t.clientAs(w.cleo.userId),
      guardianA: await t.clientAs(w.guardianA.id),
      otherAdmin: await t.clientAs(w.otherAdmin.id),
    };
    const roundId = json<{ id: string }>(await c.admin.post(`/api/schools/${w.school.id}/rounds`, { name: 'Autumn conferences', startsOn: '2026-11-16', endsOn: '2026-11-20' }), 201).id;
    const post = async (caption: string, approve: boolean) => {
      const id = json<{ id: string }>(await c.ana.post(`/api/students/${w.ana.id}/posts`, { caption, items: [{ kind: 'text', text: caption }] }), 201).id;
      if (approve) json(await c.teacherA.post(`/api/posts/${id}/approve`));
      return id;
    };
    const story = await post('My dragon story', true);
    const drawing = await post('My map of the park', true);
    const pending = await post('Not yet approved', false);
    const [list] = await database.db.insert(criteriaLists).values({ schoolId: w.school.id, classId: w.classA.id, title: 'What good writers do', createdBy: w.teacherA.id }).returning({ id: criteriaLists.id });
    const crit = await database.db
      .insert(criteria)
      .values([
        { listId: list!.id, position: 0, wording: 'Spaces between words' },
        { listId: list!.id, position: 1, wording: 'A capital letter at the start' },
      ])
      .returning({ id: criteria.id });
    return { w, c, roundId, story, drawing, pending, criteria: crit.map((x) => x.id) };
  }

  async function twoPrompts(x: Awaited<ReturnType<typeof world>>) {
    const url = `/api/classes/${x.w.classA.id}/rounds/${x.roundId}/prompts`;
    const writing = json<{ id: string }>(await x.c.teacherA.post(url, { title: { en: 'Your best writing', es: 'Tu mejor escritura' }, pickCount: 1, questions: [{ key: 'did_well' }, { key: 'make_better' }] }), 201).id;
    const representing = json<{ id: string }>(await x.c.teacherA.post(url, { title: { en: 'Your best representing' }, pickCount: 1, questions: [{ text: { en: 'What did you show?' } }] }), 201).id;
    return { writing, representing };
  }

  const prepOf = (client: TestClient, studentId: string, roundId: string) => client.get(`/api/students/${studentId}/rounds/${roundId}/preparation`);

  it('lets the admin create a round that everyone of the school sees, and refuses an end before the start', async () => {
    const x = await world();
    const rounds = json<{ rounds: Array<{ id: string; name: string }> }>(await x.c.guardianA.get(`/api/schools/${x.w.school.id}/rounds`));
    expect(rounds.rounds.map((r) => r.name)).toEqual(['Autumn conferences']);
    const bad = expectError(await x.c.admin.post(`/api/schools/${x.w.school.id}/rounds`, { name: 'Backwards', startsOn: '2026-11-20', endsOn: '2026-11-16' }), 400, 'validation_failed');
    expect(bad.fields).toHaveProperty('endsOn');
    expectError(await x.c.teacherA.post(`/api/schools/${x.w.school.id}/rounds`, { name: 'Mine', startsOn: '2026-11-16', endsOn: '2026-11-16' }), 403, 'forbidden');
    expectError(await x.c.otherAdmin.get(`/api/schools/${x.w.school.id}/rounds`), 404, 'not_found');
  });

  it('keeps the prompts in the languages the teacher wrote, lists the school’s languages, and needs the school’s own', async () => {
    const x = await world();
    await buildGuardian(database.db, [x.w.ana.id], { preferredLocale: 'ko' });
    await twoPrompts(x);
    const view = json<{ languages: string[]; prompts: Array<{ title: Record<string, string>; questions: Array<{ key: string | null }> }> }>(
      await x.c.teacherA.get(`/api/classes/${x.w.classA.id}/rounds/${x.roundId}/prompts`),
    );
    expect(view.languages).toEqual(['en', 'ko']);
    expect(view.prompts.map((p) => p.title)).toEqual([{ en: 'Your best writing', es: 'Tu mejor escritura' }, { en: 'Your best representing' }]);
    expect(view.prompts[0]!.questions.map((q) => q.key)).toEqual(['did_well', 'make_better']);
    const noEnglish = expectError(
      await x.c.teacherA.post(`/api/classes/${x.w.classA.id}/rounds/${x.roundId}/prompts`, { title: { es: 'Solo en español' }, pickCount: 1, questions: [{ key: 'learned' }] }),
      400,
      'validation_failed',
    );
    expect(noEnglish.fields).toHaveProperty(['title.en']);
    expectError(await x.c.teacherB.get(`/api/classes/${x.w.classA.id}/rounds/${x.roundId}/prompts`), 403, 'forbidden');
  });

  it('lets the child pick only their own approved work, no more than asked, and keeps answers of pieces still picked', async () => {
    const x = await world();
    const { writing } = await twoPrompts(x);
    const picksUrl = `/api/students/${x.w.ana.id}/rounds/${x.roundId}/prompts/${writing}/picks`;
    expect(expectError(await x.c.ana.put(picksUrl, { postIds: [x.pending] }), 400, 'validation_failed').fields).toEqual({ 'postIds.0': 'pick_not_eligible' });
    expect(expectError(await x.c.ana.put(picksUrl, { postIds: [x.story, x.drawing] }), 400, 'validation_failed').fields).toEqual({ 'postIds.1': 'pick_too_many' });
    // Cleo's approved post is not Ana's to pick.
    const cleoPost = json<{ id: string }>(await x.c.teacherA.post(`/api/students/${x.w.cleo.id}/posts`, { caption: 'Cleo', items: [{ kind: 'text', text: 'Cleo' }] }), 201).id;
    expect((await database.db.select({ status: posts.status }).from(posts).where(eq(posts.id, cleoPost)))[0]?.status).toBe('approved');
    expect(expectError(await x.c.ana.put(picksUrl, { postIds: [cleoPost] }), 400, 'validation_failed').fields).toEqual({ 'postIds.0': 'pick_not_eligible' });
    // A prompt of another class, or of another round, is not hers to pick for.
    const roundB = json<{ id: string }>(await x.c.admin.post(`/api/schools/${x.w.school.id}/rounds`, { name: 'Spring', startsOn: '2027-03-01', endsOn: '2027-03-05' }), 201).id;
    const classBPrompt = json<{ id: string }>(await x.c.teacherB.post(`/api/classes/${x.w.classB.id}/rounds/${x.roundId}/prompts`, { title: { en: 'B' }, pickCount: 1, questions: [{ key: 'learned' }] }), 201).id;
    expectError(await x.c.ana.put(`/api/students/${x.w.ana.id}/rounds/${x.roundId}/prompts/${classBPrompt}/picks`, { postIds: [x.story] }), 404, 'not_found');
    expectError(await x.c.ana.put(`/api/students/${x.w.ana.id}/rounds/${roundB}/prompts/${writing}/picks`, { postIds: [x.story] }), 404, 'not_found');
    // Her teacher cannot pick for her, nor can her guardian.
    expectError(await x.c.teacherA.put(picksUrl, { postIds: [x.story] }), 403, 'forbidden');
    expectError(await x.c.guardianA.put(picksUrl, { postIds: [x.story] }), 403, 'forbidden');

    json(await x.c.ana.put(picksUrl, { postIds: [x.story] }));
    let prep = json<Prep>(await prepOf(x.c.ana, x.w.ana.id, x.roundId));
    const selection = prep.prompts[0]!.selections[0]!;
    expect(selection.post.caption).toBe('My dragon story');
    const q = prep.prompts[0]!.questions[0]!.id;
    json(await x.c.ana.put(`/api/selections/${selection.id}/answers/${q}`, { text: 'I put spaces between my words.' }));
    json(await x.c.ana.put(picksUrl, { postIds: [x.story] }));
    prep = json<Prep>(await prepOf(x.c.ana, x.w.ana.id, x.roundId));
    expect(prep.prompts[0]!.selections[0]!.answers).toEqual([{ questionId: q, text: 'I put spaces between my words.', audio: null }]);
    // Picking another piece instead drops the first with its answers.
    json(await x.c.ana.put(picksUrl, { postIds: [x.drawing] }));
    prep = json<Prep>(await prepOf(x.c.ana, x.w.ana.id, x.roundId));
    expect(prep.prompts[0]!.selections.map((s) => [s.post.id, s.answers.length])).toEqual([[x.drawing, 0]]);
  });

  it('takes a recorded answer that only the child and their teachers can play', async () => {
    const x = await world();
    const { writing } = await twoPrompts(x);
    json(await x.c.ana.put(`/api/students/${x.w.ana.id}/rounds/${x.roundId}/prompts/${writing}/picks`, { postIds: [x.story] }));
    const prep = json<Prep>(await prepOf(x.c.ana, x.w.ana.id, x.roundId));
    const selectionId = prep.prompts[0]!.selections[0]!.id;
    const q = prep.prompts[0]!.questions[1]!.id;
    const audioId = await uploadedMedia(x.c.ana, x.w.school.id, { filename: 'answer.wav', content: wavRecording(), type: 'audio/wav' });
    await t.runJobs();
    // Someone else's upload cannot be passed off as the child's answer.
    const cleoAudio = await uploadedMedia(x.c.cleo, x.w.school.id, { filename: 'cleo.wav', content: wavRecording(), type: 'audio/wav' });
    expect(expectError(await x.c.ana.put(`/api/selections/${selectionId}/answers/${q}`, { audioMediaId: cleoAudio }), 400, 'validation_failed').fields).toEqual({ audioMediaId: 'media_unknown' });
    json(await x.c.ana.put(`/api/selections/${selectionId}/answers/${q}`, { audioMediaId: audioId }));
    const seen = json<Prep>(await prepOf(x.c.teacherA, x.w.ana.id, x.roundId));
    expect(seen.prompts[0]!.selections[0]!.answers[0]!.audio?.id).toBe(audioId);
    expect(seen.can).toEqual({ prepare: false, review: true });
    expect((await x.c.teacherA.get(`/api/media/${audioId}`)).statusCode).toBe(200);
    expect((await x.c.cleo.get(`/api/media/${audioId}`)).statusCode).toBe(404);
    expect((await x.c.teacherB.get(`/api/media/${audioId}`)).statusCode).toBe(404);
    // Families hear it at the conference, not before.
    expect((await x.c.guardianA.get(`/api/media/${audioId}`)).statusCode).toBe(404);
    expectError(await prepOf(x.c.guardianA, x.w.ana.id, x.roundId), 403, 'forbidden');
  });

  it('marks strengths and next steps only against the child’s own criteria', async () => {
    const x = await world();
    const { writing } = await twoPrompts(x);
    json(await x.c.ana.put(`/api/students/${x.w.ana.id}/rounds/${x.roundId}/prompts/${writing}/picks`, { postIds: [x.story] }));
    const prep = json<Prep>(await prepOf(x.c.ana, x.w.ana.id, x.roundId));
    expect(prep.criteria.map((c) => c.wording)).toEqual(['Spaces between words', 'A capital letter at the start']);
    const selectionId = prep.prompts[0]!.selections[0]!.id;
    const [spaces, capital] = x.criteria as [string, string];
    json(await x.c.ana.put(`/api/selections/${selectionId}/marks`, { marks: [{ criterionId: spaces, kind: 'strength' }, { criterionId: capital, kind: 'next_step' }] }));
    const after = json<Prep>(await prepOf(x.c.ana, x.w.ana.id, x.roundId));
    expect(after.prompts[0]!.selections[0]!.marks).toEqual(expect.arrayContaining([{ criterionId: spaces, kind: 'strength' }, { criterionId: capital, kind: 'next_step' }]));
    // Class B's criterion is not Ana's.
    const [listB] = await database.db.insert(criteriaLists).values({ schoolId: x.w.school.id, classId: x.w.classB.id, title: 'B list' }).returning({ id: criteriaLists.id });
    const [critB] = await database.db.insert(criteria).values({ listId: listB!.id, position: 0, wording: 'B only' }).returning({ id: criteria.id });
    expect(expectError(await x.c.ana.put(`/api/selections/${selectionId}/marks`, { marks: [{ criterionId: critB!.id, kind: 'strength' }] }), 400, 'validation_failed').fields).toEqual({ 'marks.0.criterionId': 'unknown_criterion' });
  });

  it('shows the class ready on the board once each child has picked, reflected and set a goal with their commitment', async () => {
    const x = await world();
    const { writing, representing } = await twoPrompts(x);
    const board = async () => json<Board>(await x.c.teacherA.get(`/api/classes/${x.w.classA.id}/rounds/${x.roundId}/readiness`));
    let b = await board();
    expect(b.students.map((s) => [s.givenName, s.readiness.status])).toEqual([
      ['Ana', 'not_started'],
      ['Cleo', 'not_started'],
    ]);

    json(await x.c.ana.put(`/api/students/${x.w.ana.id}/rounds/${x.roundId}/prompts/${writing}/picks`, { postIds: [x.story] }));
    json(await x.c.ana.put(`/api/students/${x.w.ana.id}/rounds/${x.roundId}/prompts/${representing}/picks`, { postIds: [x.drawing] }));
    const prep = json<Prep>(await prepOf(x.c.ana, x.w.ana.id, x.roundId));
    for (const p of prep.prompts) for (const q of p.questions) json(await x.c.ana.put(`/api/selections/${p.selections[0]!.id}/answers/${q.id}`, { text: `Answer to ${q.id}` }));
    b = await board();
    expect(b.students.find((s) => s.givenName === 'Ana')!.readiness).toMatchObject({ status: 'in_progress', picked: 2 });

    // A goal for the round counts once the child has written her own commitment.
    const [goal] = await database.db.insert(goals).values({ schoolId: x.w.school.id, studentId: x.w.ana.id, roundId: x.roundId, what: 'Write at least three sentences' }).returning({ id: goals.id });
    expect((await board()).students.find((s) => s.givenName === 'Ana')!.readiness.status).toBe('in_progress');
    await database.db.insert(goalCommitments).values({ goalId: goal!.id, userId: x.w.ana.userId, role: 'student', text: 'I will write every day' });
    b = await board();
    expect(b.students.find((s) => s.givenName === 'Ana')!.readiness.status).toBe('ready');
    expect(b.tally).toMatchObject({ ready: 1, not_started: 1 });
    expect(json<Prep>(await prepOf(x.c.ana, x.w.ana.id, x.roundId)).readiness).toMatchObject({ status: 'ready', goalSet: true, picked: 2, toPick: 2, answered: 3, toAnswer: 3 });

    // The teacher sends the writing reflection back: sent back until Ana changes an answer.
    const selectionId = prep.prompts[0]!.selections[0]!.id;
    json(await x.c.teacherA.post(`/api/selections/${selectionId}/send-back`, { comment: 'Tell us about your capital letters' }));
    expect((await board()).students.find((s) => s.givenName === 'Ana')!.readiness.status).toBe('sent_back');
    const back = json<Prep>(await prepOf(x.c.ana, x.w.ana.id, x.roundId));
    expect(back.prompts[0]!.selections[0]!.sentBack?.comment).toBe('Tell us about your capital letters');
    // Saving the same words again is not working on it: still sent back.
    json(await x.c.ana.put(`/api/selections/${selectionId}/answers/${prep.prompts[0]!.questions[0]!.id}`, { text: `Answer to ${prep.prompts[0]!.questions[0]!.id}` }));
    expect((await board()).students.find((s) => s.givenName === 'Ana')!.readiness.status).toBe('sent_back');
    json(await x.c.ana.put(`/api/selections/${selectionId}/answers/${prep.prompts[0]!.questions[0]!.id}`, { text: 'I used a capital letter for my name.' }));
    expect((await board()).students.find((s) => s.givenName === 'Ana')!.readiness.status).toBe('ready');

    // Her teacher takes the story back (something was wrong with it): it no longer counts as picked.
    json(await x.c.teacherA.post(`/api/posts/${x.story}/return`, { comment: 'Your name is missing' }));
    expect((await board()).students.find((s) => s.givenName === 'Ana')!.readiness).toMatchObject({ status: 'in_progress', picked: 1 });
    expect(json<Prep>(await prepOf(x.c.ana, x.w.ana.id, x.roundId)).prompts[0]!.selections).toEqual([]);
    expectError(await x.c.ana.post(`/api/selections/${selectionId}/send-back`, { comment: 'Me' }), 403, 'forbidden');
  });

  it('shows who needs help: the child asks, the teacher notes how to help and clears it', async () => {
    const x = await world();
    await twoPrompts(x);
    json(await x.c.cleo.put(`/api/students/${x.w.cleo.id}/rounds/${x.roundId}/help`, { needsHelp: true }));
    let b = json<Board>(await x.c.teacherA.get(`/api/classes/${x.w.classA.id}/rounds/${x.roundId}/readiness`));
    expect(b.students.find((s) => s.givenName === 'Cleo')!.readiness.status).toBe('needs_help');
    // The child cannot write the teacher's note, and cannot raise another child's hand.
    expectError(await x.c.cleo.put(`/api/students/${x.w.cleo.id}/rounds/${x.roundId}/note`, { scaffoldingNote: 'mine' }), 403, 'forbidden');
    expectError(await x.c.cleo.put(`/api/students/${x.w.ana.id}/rounds/${x.roundId}/help`, { needsHelp: true }), 403, 'forbidden');
    json(await x.c.teacherA.put(`/api/students/${x.w.cleo.id}/rounds/${x.roundId}/note`, { needsHelp: false, scaffoldingNote: 'Start with the picture: what did you draw first?' }));
    b = json<Board>(await x.c.teacherA.get(`/api/classes/${x.w.classA.id}/rounds/${x.roundId}/readiness`));
    expect(b.students.find((s) => s.givenName === 'Cleo')).toMatchObject({ readiness: { status: 'not_started' }, scaffoldingNote: 'Start with the picture: what did you draw first?' });
    expect(json<Prep>(await prepOf(x.c.cleo, x.w.cleo.id, x.roundId)).scaffoldingNote).toBe('Start with the picture: what did you draw first?');
  });

  it('keeps a prompt someone has picked for, and removes one nobody has', async () => {
    const x = await world();
    const { writing, representing } = await twoPrompts(x);
    json(await x.c.ana.put(`/api/students/${x.w.ana.id}/rounds/${x.roundId}/prompts/${writing}/picks`, { postIds: [x.story] }));
    expectError(await x.c.teacherA.delete(`/api/prompts/${writing}`), 409, 'prompt_in_use');
    json(await x.c.teacherA.delete(`/api/prompts/${representing}`));
    // Moving and rewording keep the picks.
    const changed = json<{ title: Record<string, string>; pickedBy: number }>(await x.c.teacherA.patch(`/api/prompts/${writing}`, { title: { en: 'Your very best writing' }, position: 0 }));
    expect(changed).toMatchObject({ title: { en: 'Your very best writing' }, pickedBy: 1 });
    expect(await database.db.select().from(selections).where(eq(selections.promptId, writing))).toHaveLength(1);
  });

  it('keeps the answers to a question through edits, even one switched off and on again', async () => {
    const x = await world();
    const { writing } = await twoPrompts(x);
    json(await x.c.ana.put(`/api/students/${x.w.ana.id}/rounds/${x.roundId}/prompts/${writing}/picks`, { postIds: [x.story] }));
    const before = json<Prep>(await prepOf(x.c.ana, x.w.ana.id, x.roundId)).prompts[0]!;
    const [didWell, makeBetter] = before.questions as [Prep['prompts'][0]['questions'][0], Prep['prompts'][0]['questions'][0]];
    const selectionId = before.selections[0]!.id;
    json(await x.c.ana.put(`/api/selections/${selectionId}/answers/${didWell.id}`, { text: 'Spaces' }));
    json(await x.c.ana.put(`/api/selections/${selectionId}/answers/${makeBetter.id}`, { text: 'A full stop' }));
    // As the page sends it: "did well" switched off and on again (no id), a question of the teacher's added, a made-up id ignored.
    const edited = json<{ questions: Array<{ id: string; key: string | null }> }>(
      await x.c.teacherA.patch(`/api/prompts/${writing}`, { questions: [{ id: makeBetter.id, key: 'make_better' }, { key: 'did_well' }, { id: 'made-up', text: { en: 'What was hard?' } }] }),
    );
    expect(edited.questions.map((q) => [q.key, q.id === didWell.id || q.id === makeBetter.id])).toEqual([
      ['make_better', true],
      ['did_well', true],
      [null, false],
    ]);
    expect(edited.questions[1]!.id).toBe(didWell.id);
    expect(edited.questions[2]!.id).not.toBe('made-up');
    const after = json<Prep>(await prepOf(x.c.ana, x.w.ana.id, x.roundId));
    expect(after.prompts[0]!.selections[0]!.answers.map((a) => a.text).sort()).toEqual(['A full stop', 'Spaces']);
    expect(after.readiness).toMatchObject({ answered: 2, toAnswer: 3 + 1 });
  });

  // PGlite runs one transaction at a time, so only PostgreSQL can show a race.
  it.runIf(engine === 'postgres')('never keeps more picks than asked for, nor fails, when saves cross', async () => {
    const x = await world();
    const { writing } = await twoPrompts(x);
    const picksUrl = `/api/students/${x.w.ana.id}/rounds/${x.roundId}/prompts/${writing}/picks`;
    // Two devices, saving different pieces at the same moment, again and again.
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => x.c.ana.put(picksUrl, { postIds: [i % 2 ? x.story : x.drawing] })));
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    expect(await database.db.select().from(selections).where(eq(selections.promptId, writing))).toHaveLength(1);
    // Marks tapped quickly: each save replaces the last, none fails.
    const selectionId = json<Prep>(await prepOf(x.c.ana, x.w.ana.id, x.roundId)).prompts[0]!.selections[0]!.id;
    const [spaces, capital] = x.criteria as [string, string];
    const marks = await Promise.all(
      Array.from({ length: 8 }, (_, i) => x.c.ana.put(`/api/selections/${selectionId}/marks`, { marks: [{ criterionId: i % 2 ? spaces : capital, kind: 'strength' }, { criterionId: i % 2 ? capital : spaces, kind: 'next_step' }] })),
    );
    expect(marks.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    expect(json<Prep>(await prepOf(x.c.ana, x.w.ana.id, x.roundId)).prompts[0]!.selections[0]!.marks).toHaveLength(2);
    // Removing the prompt while picks are saved: either it stays (someone picked) or it is gone — never a 500.
    const other = json<{ id: string }>(await x.c.teacherA.post(`/api/classes/${x.w.classA.id}/rounds/${x.roundId}/prompts`, { title: { en: 'Project' }, pickCount: 1, questions: [{ key: 'learned' }] }), 201).id;
    const [del, pick] = await Promise.all([x.c.teacherA.delete(`/api/prompts/${other}`), x.c.ana.put(`/api/students/${x.w.ana.id}/rounds/${x.roundId}/prompts/${other}/picks`, { postIds: [x.story] })]);
    expect([del.statusCode, pick.statusCode].sort()).toSatisfy((codes: number[]) => JSON.stringify(codes) === '[200,409]' || JSON.stringify(codes) === '[200,404]');
  });

  it('hides a round of another school and a child of another school', async () => {
    const x = await world();
    await twoPrompts(x);
    expectError(await prepOf(x.c.otherAdmin, x.w.ana.id, x.roundId), 404, 'not_found');
    expectError(await x.c.otherAdmin.get(`/api/classes/${x.w.otherClass.id}/rounds/${x.roundId}/readiness`), 404, 'not_found');
    // An archived child's account is no longer anyone's to prepare.
    await database.db.update(users).set({ archivedAt: new Date() }).where(eq(users.id, x.w.cleo.userId));
    const b = json<Board>(await x.c.teacherA.get(`/api/classes/${x.w.classA.id}/rounds/${x.roundId}/readiness`));
    expect(b.students.map((s) => s.givenName)).toEqual(['Ana']);
  });
});

/**
 * Ticking criteria and tagging standards on work over HTTP: a child ticks their own criteria as
 * they post and afterwards (without sending an approved post back to the queue), a teacher ticks
 * for them and tags standards, a group post carries the class's criteria to each child, families
 * see the ticks (and hear the criterion's recording) on the post; wrong ids say which field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostView } from '../../src/contracts/portfolio';
import type { Database } from '../../src/server/db/client';
import { buildStudent, buildWorld, uploadedMedia, wavRecording } from '../factories/index';
import { buildCriteriaList, buildStandards } from '../factories/criteria';
import { buildTestApp, type TestApp, type TestClient } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';
import { expectError } from './support/expect-api';

describe.each(engines)('tagging work with criteria and standards on %s', (engine) => {
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

  async function world() {
    const w = await buildWorld(database.db);
    const as = (userId: string) => t.clientAs(userId);
    const teacherA = await as(w.teacherA.id);
    const voice = await uploadedMedia(teacherA, w.school.id, { filename: 'spaces.wav', content: wavRecording(), type: 'audio/wav' });
    // Class A's own list (with a recording), Year 1's shared list, class B's own list, an archived one.
    const writers = await buildCriteriaList(database.db, w.school.id, { classId: w.classA.id }, { title: 'What good writers do', criteria: [{ wording: 'I put spaces between my words.', picture: 'spaces', audioMediaId: voice }, 'I start with a capital letter.', 'I put a full stop at the end.'] });
    const representers = await buildCriteriaList(database.db, w.school.id, { yearGroup: 'Year 1' }, { title: 'What good representers do', criteria: ['I use colours I can see.'] });
    const classB = await buildCriteriaList(database.db, w.school.id, { classId: w.classB.id }, { title: 'Hedgehogs’ list', criteria: ['I count carefully.'] });
    const archived = await buildCriteriaList(database.db, w.school.id, { classId: w.classA.id }, { title: 'Old', archived: true, criteria: ['Old one'] });
    return {
      w,
      voice,
      writers,
      representers,
      classB,
      archived,
      teacherA,
      ana: await as(w.ana.userId),
      cleo: await as(w.cleo.userId),
      teacherB: await as(w.teacherB.id),
      guardianA: await as(w.guardianA.id),
      guardianB: await as(w.guardianB.id),
      admin: await as(w.admin.id),
      otherAdmin: await as(w.otherAdmin.id),
    };
  }

  const text = (words: string) => ({ kind: 'text' as const, text: words });
  const created = async (res: Promise<{ statusCode: number; body: string; json(): unknown }>) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(201);
    return (r.json() as { id: string }).id;
  };
  const put = async (res: Promise<{ statusCode: number; body: string }>) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(200);
  };
  const postOf = async (client: TestClient, postId: string) => {
    const res = await client.get(`/api/posts/${postId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as PostView;
  };

  it('a child ticks their criteria as they post; the teacher sees them in the queue, the family on the approved post', async () => {
    const { w, voice, writers, representers, ana, teacherA, guardianA, guardianB } = await world();
    const [spaces, capital, stop] = writers.criterionIds as [string, string, string];
    const postId = await created(ana.post(`/api/students/${w.ana.id}/posts`, { caption: 'My weekend', items: [text('I went to the park.')], criterionIds: [stop, spaces, spaces, representers.criterionIds[0]] }));

    const queue = (await teacherA.get(`/api/classes/${w.classA.id}/posts`)).json().posts as PostView[];
    // By list (title), then in the list's order.
    expect(queue[0]!.criteria.map((c) => [c.wording, c.listTitle])).toEqual([
      ['I use colours I can see.', 'What good representers do'],
      ['I put spaces between my words.', 'What good writers do'],
      ['I put a full stop at the end.', 'What good writers do'],
    ]);
    expect(queue[0]!.canTag).toEqual({ criteria: true, standards: true });

    await put(teacherA.post(`/api/posts/${postId}/approve`));
    const seen = await postOf(guardianA, postId);
    expect(seen.criteria.map((c) => c.id)).toEqual([representers.criterionIds[0], spaces, stop]);
    expect(seen.criteria[1]).toMatchObject({ picture: 'spaces', audio: { id: voice, urls: { original: `/api/media/${voice}/original` } } });
    expect(seen.canTag).toEqual({ criteria: false, standards: false });
    // The family hears the teacher's recording of the criterion.
    expect((await guardianA.get(`/api/media/${voice}/original`)).statusCode).toBe(200);
    expectError(await guardianB.get(`/api/media/${voice}`), 404, 'not_found');

    // Ana changes her ticks on the approved post: it stays approved (only words and media go back to the queue).
    await put(ana.put(`/api/posts/${postId}/criteria`, { criterionIds: [capital, spaces] }));
    const after = await postOf(guardianA, postId);
    expect(after.status).toBe('approved');
    expect(after.criteria.map((c) => c.id)).toEqual([spaces, capital]);
    // …and an edit of its subjects only keeps it approved too.
    const tags = (await ana.get(`/api/schools/${w.school.id}/tags`)).json().tags as Array<{ id: string }>;
    await put(ana.patch(`/api/posts/${postId}`, { tagIds: [tags[0]!.id] }));
    expect((await postOf(ana, postId)).status).toBe('approved');
    // Words do send it back.
    await put(ana.patch(`/api/posts/${postId}`, { caption: 'My best weekend' }));
    expect((await postOf(ana, postId)).status).toBe('pending');
    // Untick everything.
    await put(ana.put(`/api/posts/${postId}/criteria`, { criterionIds: [] }));
    expect((await postOf(ana, postId)).criteria).toEqual([]);
  });

  it('takes only the child’s criteria, and only on their own portfolio', async () => {
    const { w, writers, classB, archived, ana, cleo, teacherA, teacherB, guardianA, admin, otherAdmin } = await world();
    const fields = async (res: Promise<Parameters<typeof expectError>[0]>) => expectError(await res, 400, 'validation_failed').fields;
    expect(await fields(ana.post(`/api/students/${w.ana.id}/posts`, { items: [text('Hi')], criterionIds: [writers.criterionIds[0], classB.criterionIds[0], archived.criterionIds[0]] }))).toEqual({
      'criterionIds.1': 'unknown_criterion',
      'criterionIds.2': 'unknown_criterion',
    });
    expect(((await ana.get(`/api/students/${w.ana.id}/posts`)).json() as { posts: unknown[] }).posts).toEqual([]);
    const postId = await created(ana.post(`/api/students/${w.ana.id}/posts`, { items: [text('Hi')] }));
    expect(await fields(ana.put(`/api/posts/${postId}/criteria`, { criterionIds: [classB.criterionIds[0]] }))).toEqual({ 'criterionIds.0': 'unknown_criterion' });
    expect(await fields(ana.put(`/api/posts/${postId}/criteria`, { criterionIds: ['not-an-id'] }))).toEqual({ 'criterionIds.0': 'invalid_format' });

    // Cleo (same class) cannot see Ana's waiting post at all; Ana's family sees it only once approved, and may not tick.
    expectError(await cleo.put(`/api/posts/${postId}/criteria`, { criterionIds: [] }), 404, 'not_found');
    expectError(await guardianA.put(`/api/posts/${postId}/criteria`, { criterionIds: [] }), 404, 'not_found');
    expectError(await teacherB.put(`/api/posts/${postId}/criteria`, { criterionIds: [] }), 404, 'not_found');
    expectError(await otherAdmin.put(`/api/posts/${postId}/criteria`, { criterionIds: [] }), 404, 'not_found');
    // The admin sees the queue but does not tick children's work.
    expectError(await admin.put(`/api/posts/${postId}/criteria`, { criterionIds: [] }), 403, 'forbidden');
    // Her teacher may.
    await put(teacherA.put(`/api/posts/${postId}/criteria`, { criterionIds: [writers.criterionIds[1]] }));
    await put(teacherA.post(`/api/posts/${postId}/approve`));
    expectError(await guardianA.put(`/api/posts/${postId}/criteria`, { criterionIds: [] }), 403, 'forbidden');

    // A criterion archived after it was ticked stays on the post, and may stay in a new set of ticks.
    await put(teacherA.patch(`/api/criteria/${writers.criterionIds[1]}`, { archived: true }));
    await put(ana.put(`/api/posts/${postId}/criteria`, { criterionIds: [writers.criterionIds[1], writers.criterionIds[0]] }));
    expect((await postOf(ana, postId)).criteria.map((c) => c.id)).toEqual([writers.criterionIds[0], writers.criterionIds[1]]);
  });

  it('a teacher posts for a child or a group with the class’s criteria, and tags standards', async () => {
    const { w, writers, representers, classB, teacherA, teacherB, ana, guardianA, admin } = await world();
    const single = await created(teacherA.post(`/api/students/${w.ana.id}/posts`, { caption: 'Adding up', items: [text('3 + 4 = 7')], criterionIds: [writers.criterionIds[2]] }));
    expect((await postOf(guardianA, single)).criteria.map((c) => c.id)).toEqual([writers.criterionIds[2]]);

    const group = await t.clientAs(w.teacherA.id);
    const res = await group.post(`/api/classes/${w.classA.id}/posts`, { caption: 'Class trip', items: [text('We went to the farm.')], studentIds: [w.ana.id, w.cleo.id], criterionIds: [representers.criterionIds[0]] });
    expect(res.statusCode, res.body).toBe(201);
    for (const id of (res.json() as { ids: string[] }).ids) expect((await postOf(teacherA, id)).criteria.map((c) => c.id)).toEqual([representers.criterionIds[0]]);
    expect(expectError(await group.post(`/api/classes/${w.classA.id}/posts`, { items: [text('x')], studentIds: [w.ana.id], criterionIds: [classB.criterionIds[0]] }), 400, 'validation_failed').fields).toEqual({ 'criterionIds.0': 'unknown_criterion' });

    // Standards: the child's teachers tag them from the school's frameworks.
    const standards = await buildStandards(database.db, w.school.id);
    const theirs = await buildStandards(database.db, w.otherSchool.id);
    expect(expectError(await teacherA.put(`/api/posts/${single}/standards`, { identifiers: [standards.identifiers[0], theirs.identifiers[0]] }), 400, 'validation_failed').fields).toEqual({ 'identifiers.1': 'unknown_standard' });
    await put(teacherA.put(`/api/posts/${single}/standards`, { identifiers: [standards.identifiers[1], standards.identifiers[0]] }));
    expect((await postOf(guardianA, single)).standards.map((s) => s.humanCodingScheme)).toEqual(['1.W.1', '1.W.2']);
    expectError(await ana.put(`/api/posts/${single}/standards`, { identifiers: [] }), 403, 'forbidden');
    expectError(await guardianA.put(`/api/posts/${single}/standards`, { identifiers: [] }), 403, 'forbidden');
    expectError(await admin.put(`/api/posts/${single}/standards`, { identifiers: [] }), 403, 'forbidden');
    expectError(await teacherB.put(`/api/posts/${single}/standards`, { identifiers: [] }), 404, 'not_found');
    await put(teacherA.put(`/api/posts/${single}/standards`, { identifiers: [standards.identifiers[1]] }));
    expect((await postOf(ana, single)).standards).toEqual([{ identifier: standards.identifiers[1], frameworkIdentifier: standards.frameworkIdentifier, frameworkTitle: 'Test framework', humanCodingScheme: '1.W.2', fullStatement: 'Leave spaces between words.' }]);
  });

  it('a child in two classes works to the lists of both', async () => {
    const { w, writers, representers, classB } = await world();
    const both = await buildStudent(database.db, w.school.id, [w.classA.id, w.classB.id], { givenName: 'Dara' });
    const dara = await t.clientAs(both.userId);
    const res = await dara.get(`/api/students/${both.id}/criteria`);
    expect(res.statusCode, res.body).toBe(200);
    const lists = (res.json() as { lists: Array<{ id: string }> }).lists.map((l) => l.id);
    expect(lists.sort()).toEqual([writers.id, representers.id, classB.id].sort());
    const postId = await created(dara.post(`/api/students/${both.id}/posts`, { items: [text('Both')], criterionIds: [writers.criterionIds[0], classB.criterionIds[0]] }));
    expect((await postOf(dara, postId)).criteria).toHaveLength(2);
  });
});

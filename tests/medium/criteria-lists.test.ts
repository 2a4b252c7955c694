/**
 * Success-criteria lists over HTTP: a teacher writes a list for their class or shares it with the
 * year group (then every teacher of that year group may change it), adds criteria with a picture
 * or their own image and a recording, reorders and archives them, copies a list to next year's
 * class or another year group, links criteria to standards; families and children hear the
 * recording; wrong input says which field; another school gets nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassCriteria, StudentCriteria } from '../../src/contracts/criteria';
import { loadMessages } from '../../src/server/i18n';
import { criteriaPictureKeys } from '../../src/domain/criteria/pictures';
import { localeTags } from '../../src/contracts/locales';
import type { Database } from '../../src/server/db/client';
import { buildClass, buildGuardian, buildStaff, buildStudent, buildWorld, plainPng, uploadedMedia, wavRecording } from '../factories/index';
import { buildCriteriaList, buildStandards } from '../factories/criteria';
import { buildTestApp, type TestApp, type TestClient } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';
import { expectError } from './support/expect-api';

describe.each(engines)('success-criteria lists on %s', (engine) => {
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

  /** A fresh school per test. Class A and B are Year 1; class C (teacherC) is Year 2, next year's class. */
  async function world() {
    const w = await buildWorld(database.db);
    const teacherC = await buildStaff(database.db, w.school.id, 'teacher');
    const classC = await buildClass(database.db, w.school.id, { yearGroup: 'Year 2', teacherIds: [teacherC.id], name: 'Year 2 Kites' });
    const as = (userId: string) => t.clientAs(userId);
    return {
      w,
      classC,
      teacherCId: teacherC.id,
      ana: await as(w.ana.userId),
      ben: await as(w.ben.userId),
      teacherA: await as(w.teacherA.id),
      teacherB: await as(w.teacherB.id),
      teacherC: await as(teacherC.id),
      guardianA: await as(w.guardianA.id),
      guardianB: await as(w.guardianB.id),
      admin: await as(w.admin.id),
      otherAdmin: await as(w.otherAdmin.id),
    };
  }

  const ok = async (res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r.json() as { id: string };
  };
  const classLists = async (client: TestClient, classId: string, query = '') => {
    const res = await client.get(`/api/classes/${classId}/criteria${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ClassCriteria;
  };
  const newList = async (client: TestClient, classId: string, body: object) => (await ok(client.post(`/api/classes/${classId}/criteria-lists`, body), 201)).id;
  const addCriterion = async (client: TestClient, listId: string, body: object) => (await ok(client.post(`/api/criteria-lists/${listId}/criteria`, body), 201)).id;

  it('a teacher writes a list for their class: criteria with pictures, their own image and recording, in order', async () => {
    const { w, teacherA, teacherB, ana, guardianA, guardianB } = await world();
    const tags = (await teacherA.get(`/api/schools/${w.school.id}/tags`)).json().tags as Array<{ id: string; name: string; kind: string }>;
    const writing = tags.find((x) => x.kind === 'subject')!;
    const listId = await newList(teacherA, w.classA.id, { title: 'What good writers do', subjectTagId: writing.id });
    const spaces = await addCriterion(teacherA, listId, { wording: 'I put spaces between my words.', picture: 'spaces' });
    const image = await uploadedMedia(teacherA, w.school.id, { filename: 'capital.png', content: await plainPng(), type: 'image/png' });
    const voice = await uploadedMedia(teacherA, w.school.id, { filename: 'capital.wav', content: wavRecording(), type: 'audio/wav' });
    await t.runJobs();
    const capital = await addCriterion(teacherA, listId, { wording: 'I start with a capital letter.', imageMediaId: image, audioMediaId: voice });
    const stop = await addCriterion(teacherA, listId, { wording: 'I put a full stop at the end.', picture: 'full_stop' });

    const page = await classLists(teacherA, w.classA.id);
    expect(page.class).toMatchObject({ id: w.classA.id, yearGroup: 'Year 1' });
    expect(page.locale).toBe('en');
    expect(page.can).toEqual({ manage: true });
    expect(page.lists).toHaveLength(1);
    const list = page.lists[0]!;
    expect(list).toMatchObject({ id: listId, title: 'What good writers do', subject: { id: writing.id, name: writing.name }, scope: 'class', classId: w.classA.id, shared: false, archived: false, can: { manage: true } });
    expect(list.criteria.map((c) => [c.id, c.position, c.wording, c.picture])).toEqual([
      [spaces, 0, 'I put spaces between my words.', 'spaces'],
      [capital, 1, 'I start with a capital letter.', null],
      [stop, 2, 'I put a full stop at the end.', 'full_stop'],
    ]);
    expect(list.criteria[1]).toMatchObject({ image: { id: image, urls: { 'sm.webp': `/api/media/${image}/sm.webp` } }, audio: { id: voice, urls: { original: `/api/media/${voice}/original` } } });

    // Reorder with the up/down buttons' result; then the full stop goes first.
    await ok(teacherA.put(`/api/criteria-lists/${listId}/order`, { criterionIds: [stop, spaces, capital] }));
    expect((await classLists(teacherA, w.classA.id)).lists[0]!.criteria.map((c) => c.id)).toEqual([stop, spaces, capital]);

    // Choosing a picture of the set takes the uploaded one away.
    await ok(teacherA.patch(`/api/criteria/${capital}`, { picture: 'capital', wording: 'I start my sentence with a capital letter.' }));
    expect((await classLists(teacherA, w.classA.id)).lists[0]!.criteria[2]).toMatchObject({ wording: 'I start my sentence with a capital letter.', picture: 'capital', image: null, audio: { id: voice } });

    // The class's children and families hear the recording; another family and another class's teacher do not.
    expect((await ana.get(`/api/media/${voice}/original`)).statusCode).toBe(200);
    expect((await guardianA.get(`/api/media/${voice}`)).statusCode).toBe(200);
    expectError(await guardianB.get(`/api/media/${voice}`), 404, 'not_found');
    expectError(await teacherB.get(`/api/media/${voice}`), 404, 'not_found');
    expectError(await teacherB.get(`/api/classes/${w.classA.id}/criteria`), 403, 'forbidden');
    expectError(await teacherB.patch(`/api/criteria/${capital}`, { wording: 'Mine now' }), 403, 'forbidden');

    // Ana's criteria: the lists of her classes.
    const mine = (await ana.get(`/api/students/${w.ana.id}/criteria`)).json() as StudentCriteria;
    expect(mine.lists.map((l) => [l.title, l.criteria.map((c) => c.id)])).toEqual([['What good writers do', [stop, spaces, capital]]]);
    expect(mine.locale).toBe('en');
  });

  it('archives and brings back criteria and lists; archived ones are not the children’s', async () => {
    const { w, teacherA, ana } = await world();
    const listId = await newList(teacherA, w.classA.id, { title: 'Maths' });
    const a = await addCriterion(teacherA, listId, { wording: 'I check my answer.' });
    const b = await addCriterion(teacherA, listId, { wording: 'I show my working.' });
    await ok(teacherA.patch(`/api/criteria/${a}`, { archived: true }));
    let list = (await classLists(teacherA, w.classA.id)).lists[0]!;
    expect(list.criteria.map((c) => [c.id, c.archived])).toEqual([
      [b, false],
      [a, true],
    ]);
    expect(((await ana.get(`/api/students/${w.ana.id}/criteria`)).json() as StudentCriteria).lists[0]!.criteria.map((c) => c.id)).toEqual([b]);
    // An order must name the live ones only, each once.
    expect(expectError(await teacherA.put(`/api/criteria-lists/${listId}/order`, { criterionIds: [b, a] }), 400, 'validation_failed').fields).toEqual({ 'criterionIds.1': 'unknown_criterion' });
    // Brought back, it goes to the end.
    await ok(teacherA.patch(`/api/criteria/${a}`, { archived: false }));
    list = (await classLists(teacherA, w.classA.id)).lists[0]!;
    expect(list.criteria.map((c) => c.id)).toEqual([b, a]);

    await ok(teacherA.patch(`/api/criteria-lists/${listId}`, { archived: true }));
    expect((await classLists(teacherA, w.classA.id)).lists).toEqual([]);
    expect((await classLists(teacherA, w.classA.id, '?include=archived')).lists.map((l) => [l.id, l.archived])).toEqual([[listId, true]]);
    expect(((await ana.get(`/api/students/${w.ana.id}/criteria`)).json() as StudentCriteria).lists).toEqual([]);
    await ok(teacherA.patch(`/api/criteria-lists/${listId}`, { archived: false }));
    expect((await classLists(teacherA, w.classA.id)).lists.map((l) => l.id)).toEqual([listId]);
  });

  it('a list shared by the year group is every Year 1 class’s, and any Year 1 teacher may change it', async () => {
    const { w, classC, teacherA, teacherB, teacherC, ben, admin } = await world();
    const listId = await newList(teacherA, w.classA.id, { title: 'What good representers do', scope: 'year_group' });
    const c1 = await addCriterion(teacherA, listId, { wording: 'I use colours that I can see.', picture: 'palette' });

    for (const [client, classId] of [[teacherA, w.classA.id], [teacherB, w.classB.id], [admin, w.classB.id]] as const) {
      const page = await classLists(client, classId);
      expect(page.lists.map((l) => [l.id, l.scope, l.yearGroup, l.shared, l.can.manage])).toEqual([[listId, 'year_group', 'Year 1', true, true]]);
    }
    expect((await classLists(teacherC, classC.id)).lists).toEqual([]);
    // Ben is in class B (Year 1): the list is his too.
    expect(((await ben.get(`/api/students/${w.ben.id}/criteria`)).json() as StudentCriteria).lists.map((l) => l.id)).toEqual([listId]);

    // Teacher B (Year 1) improves it; teacher C (Year 2) may not.
    await ok(teacherB.patch(`/api/criteria/${c1}`, { wording: 'I use colours I can really see.' }));
    await ok(teacherB.post(`/api/criteria-lists/${listId}/criteria`, { wording: 'I draw big.' }), 201);
    expectError(await teacherC.patch(`/api/criteria/${c1}`, { wording: 'No' }), 403, 'forbidden');
    expectError(await teacherC.patch(`/api/criteria-lists/${listId}`, { title: 'No' }), 403, 'forbidden');

    // Back to one class: it names a Year 1 class the teacher may write for.
    expect(expectError(await teacherB.patch(`/api/criteria-lists/${listId}`, { scope: 'class' }), 400, 'validation_failed').fields).toEqual({ classId: 'required' });
    expect(expectError(await teacherB.patch(`/api/criteria-lists/${listId}`, { scope: 'class', classId: classC.id }), 400, 'validation_failed').fields).toEqual({ classId: 'unknown_class' });
    expect(expectError(await teacherB.patch(`/api/criteria-lists/${listId}`, { scope: 'class', classId: w.classA.id }), 400, 'validation_failed').fields).toEqual({ classId: 'not_your_class' });
    await ok(teacherB.patch(`/api/criteria-lists/${listId}`, { scope: 'class', classId: w.classB.id }));
    expect((await classLists(teacherA, w.classA.id)).lists).toEqual([]);
    expect((await classLists(teacherB, w.classB.id)).lists.map((l) => [l.id, l.scope, l.classId, l.shared])).toEqual([[listId, 'class', w.classB.id, false]]);
    // And shared again.
    await ok(teacherB.patch(`/api/criteria-lists/${listId}`, { scope: 'year_group' }));
    expect((await classLists(teacherA, w.classA.id)).lists.map((l) => l.id)).toEqual([listId]);
  });

  it('copies a list to next year’s class or a year group: same criteria in order, pictures and recordings; archived ones stay', async () => {
    const { w, classC, teacherA, teacherC, admin } = await world();
    const voice = await uploadedMedia(teacherA, w.school.id, { filename: 'v.wav', content: wavRecording(), type: 'audio/wav' });
    const listId = await newList(teacherA, w.classA.id, { title: 'What good writers do' });
    const a = await addCriterion(teacherA, listId, { wording: 'I put spaces between my words.', picture: 'spaces', audioMediaId: voice });
    const gone = await addCriterion(teacherA, listId, { wording: 'Old one' });
    const b = await addCriterion(teacherA, listId, { wording: 'I sound out words.', picture: 'ear' });
    await ok(teacherA.patch(`/api/criteria/${gone}`, { archived: true }));
    const standards = await buildStandards(database.db, w.school.id);
    await ok(teacherA.put(`/api/criteria/${a}/standards`, { identifiers: [standards.identifiers[1]] }));
    void b;

    // Teacher A does not teach class C: the admin (or teacher C) copies it there; teacher A's own classes are offered.
    expect((await classLists(teacherA, w.classA.id)).copyTargets).toEqual({ classes: [{ id: w.classA.id, name: expect.any(String), yearGroup: 'Year 1' }], yearGroups: ['Year 1'] });
    expect(expectError(await teacherA.post(`/api/criteria-lists/${listId}/copy`, { scope: 'class', classId: classC.id }), 400, 'validation_failed').fields).toEqual({ classId: 'not_your_class' });
    expect((await classLists(admin, w.classA.id)).copyTargets.yearGroups).toEqual(['Year 1', 'Year 2']);
    const copyId = (await ok(admin.post(`/api/criteria-lists/${listId}/copy`, { scope: 'class', classId: classC.id }), 201)).id;
    const next = await classLists(teacherC, classC.id);
    expect(next.lists.map((l) => [l.id, l.title, l.scope, l.copiedFromId])).toEqual([[copyId, 'What good writers do', 'class', listId]]);
    expect(next.lists[0]!.criteria.map((c) => [c.position, c.wording, c.picture, c.audio?.id ?? null, c.standards.map((s) => s.humanCodingScheme)])).toEqual([
      [0, 'I put spaces between my words.', 'spaces', voice, ['1.W.2']],
      [1, 'I sound out words.', 'ear', null, []],
    ]);
    // Next year's teacher hears the recording made by last year's.
    expect((await teacherC.get(`/api/media/${voice}`)).statusCode).toBe(200);
    // The copy is independent: changing it leaves the original.
    await ok(teacherC.patch(`/api/criteria/${next.lists[0]!.criteria[0]!.id}`, { wording: 'I leave finger spaces.' }));
    expect((await classLists(teacherA, w.classA.id)).lists[0]!.criteria[0]!.wording).toBe('I put spaces between my words.');

    // To a year group: one the person teaches in.
    const shared = (await ok(teacherC.post(`/api/criteria-lists/${copyId}/copy`, { scope: 'year_group', yearGroup: 'Year 2' }), 201)).id;
    expect((await classLists(teacherC, classC.id)).lists.map((l) => [l.id, l.shared])).toEqual([
      [copyId, false],
      [shared, true],
    ]);
    expect(expectError(await teacherC.post(`/api/criteria-lists/${copyId}/copy`, { scope: 'year_group', yearGroup: 'Year 1' }), 400, 'validation_failed').fields).toEqual({ yearGroup: 'not_your_year_group' });
    expect(expectError(await teacherC.post(`/api/criteria-lists/${copyId}/copy`, { scope: 'year_group', yearGroup: 'Year 9' }), 400, 'validation_failed').fields).toEqual({ yearGroup: 'unknown_year_group' });
    expect(expectError(await teacherC.post(`/api/criteria-lists/${copyId}/copy`, { scope: 'class' }), 400, 'validation_failed').fields).toEqual({ classId: 'required' });
    // Someone who cannot read the list cannot copy it.
    expectError(await teacherC.post(`/api/criteria-lists/${listId}/copy`, { scope: 'class', classId: classC.id }), 403, 'forbidden');
  });

  it('says which field is wrong, and saves nothing', async () => {
    const { w, teacherA, ana, otherAdmin } = await world();
    const listId = await newList(teacherA, w.classA.id, { title: 'Writing' });
    const field = async (res: Promise<Parameters<typeof expectError>[0]>) => expectError(await res, 400, 'validation_failed').fields;
    expect(await field(teacherA.post(`/api/classes/${w.classA.id}/criteria-lists`, { title: '  ' }))).toEqual({ title: 'too_small' });
    expect(await field(teacherA.post(`/api/classes/${w.classA.id}/criteria-lists`, { title: 'x'.repeat(101) }))).toEqual({ title: 'too_big' });
    expect(await field(teacherA.post(`/api/classes/${w.classA.id}/criteria-lists`, { title: 'Writing', scope: 'school' }))).toEqual({ scope: 'invalid_value' });
    expect(await field(teacherA.post(`/api/criteria-lists/${listId}/criteria`, { wording: '' }))).toEqual({ wording: 'too_small' });
    expect(await field(teacherA.post(`/api/criteria-lists/${listId}/criteria`, { wording: 'x'.repeat(201) }))).toEqual({ wording: 'too_big' });
    expect(await field(teacherA.post(`/api/criteria-lists/${listId}/criteria`, { wording: 'I try', picture: 'dragon' }))).toEqual({ picture: 'invalid_value' });
    // Media: someone else's upload, a photo where a recording goes, both kinds of picture.
    const anasPhoto = await uploadedMedia(ana, w.school.id, { filename: 'a.png', content: await plainPng(), type: 'image/png' });
    const photo = await uploadedMedia(teacherA, w.school.id, { filename: 'b.png', content: await plainPng(), type: 'image/png' });
    const otherPhoto = await uploadedMedia(otherAdmin, w.otherSchool.id, { filename: 'c.png', content: await plainPng(), type: 'image/png' });
    expect(await field(teacherA.post(`/api/criteria-lists/${listId}/criteria`, { wording: 'I try', imageMediaId: anasPhoto }))).toEqual({ imageMediaId: 'media_unknown' });
    expect(await field(teacherA.post(`/api/criteria-lists/${listId}/criteria`, { wording: 'I try', imageMediaId: otherPhoto }))).toEqual({ imageMediaId: 'media_unknown' });
    expect(await field(teacherA.post(`/api/criteria-lists/${listId}/criteria`, { wording: 'I try', audioMediaId: photo }))).toEqual({ audioMediaId: 'media_kind_mismatch' });
    expect(await field(teacherA.post(`/api/criteria-lists/${listId}/criteria`, { wording: 'I try', imageMediaId: photo, picture: 'star' }))).toEqual({ imageMediaId: 'picture_or_image' });
    // Subjects: one of the school's subjects.
    const otherTags = (await otherAdmin.get(`/api/schools/${w.otherSchool.id}/tags`)).json().tags as Array<{ id: string; kind: string }>;
    expect(await field(teacherA.patch(`/api/criteria-lists/${listId}`, { subjectTagId: otherTags[0]!.id }))).toEqual({ subjectTagId: 'unknown_tag' });
    const strand = ((await teacherA.get(`/api/schools/${w.school.id}/tags`)).json().tags as Array<{ id: string; kind: string }>).find((x) => x.kind === 'strand')!;
    expect(await field(teacherA.patch(`/api/criteria-lists/${listId}`, { subjectTagId: strand.id }))).toEqual({ subjectTagId: 'unknown_tag' });
    expect(await field(teacherA.patch(`/api/criteria-lists/${listId}`, {}))).toEqual({ body: 'empty' });
    // Standards: the school's items only, each reported where it was sent.
    const c = await addCriterion(teacherA, listId, { wording: 'I try' });
    const ours = await buildStandards(database.db, w.school.id);
    const theirs = await buildStandards(database.db, w.otherSchool.id);
    expect(await field(teacherA.put(`/api/criteria/${c}/standards`, { identifiers: [ours.identifiers[0], theirs.identifiers[0], 'made-up'] }))).toEqual({ 'identifiers.1': 'unknown_standard', 'identifiers.2': 'unknown_standard' });
    expect((await classLists(teacherA, w.classA.id)).lists[0]!.criteria.map((x) => [x.wording, x.standards])).toEqual([['I try', []]]);
    await ok(teacherA.put(`/api/criteria/${c}/standards`, { identifiers: [ours.identifiers[0], ours.identifiers[0]] }));
    expect((await classLists(teacherA, w.classA.id)).lists[0]!.criteria[0]!.standards).toEqual([{ identifier: ours.identifiers[0], frameworkIdentifier: ours.frameworkIdentifier, frameworkTitle: 'Test framework', humanCodingScheme: '1.W.1', fullStatement: 'Write sentences with capital letters and full stops.' }]);
    // A list takes at most 30 live criteria.
    for (let i = 1; i < 30; i++) await addCriterion(teacherA, listId, { wording: `Criterion ${i}` });
    expect(await field(teacherA.post(`/api/criteria-lists/${listId}/criteria`, { wording: 'One too many' }))).toEqual({ wording: 'list_full' });
  });

  it('gives nothing to another school, a family or a pupil', async () => {
    const { w, teacherA, ana, guardianA, otherAdmin } = await world();
    const listId = await newList(teacherA, w.classA.id, { title: 'Writing' });
    const c = await addCriterion(teacherA, listId, { wording: 'I try' });
    expectError(await otherAdmin.get(`/api/classes/${w.classA.id}/criteria`), 404, 'not_found');
    expectError(await otherAdmin.patch(`/api/criteria-lists/${listId}`, { title: 'Mine' }), 404, 'not_found');
    expectError(await otherAdmin.patch(`/api/criteria/${c}`, { wording: 'Mine' }), 404, 'not_found');
    expectError(await otherAdmin.post(`/api/criteria-lists/${listId}/copy`, { scope: 'class', classId: w.otherClass.id }), 404, 'not_found');
    expectError(await otherAdmin.get(`/api/students/${w.ana.id}/criteria`), 404, 'not_found');
    expectError(await teacherA.post(`/api/criteria-lists/${listId}/copy`, { scope: 'class', classId: w.otherClass.id }), 400, 'validation_failed');
    expectError(await guardianA.get(`/api/classes/${w.classA.id}/criteria`), 403, 'forbidden');
    expectError(await ana.post(`/api/criteria-lists/${listId}/criteria`, { wording: 'I rule' }), 403, 'forbidden');
    expectError(await teacherA.get(`/api/classes/00000000-0000-4000-8000-000000000000/criteria`), 404, 'not_found');
    expectError(await teacherA.patch(`/api/criteria/00000000-0000-4000-8000-000000000000`, { wording: 'x' }), 404, 'not_found');
    // Another family's child, and a child of another class, see no one else's criteria.
    const other = await buildStudent(database.db, w.school.id, [w.classB.id]);
    await buildGuardian(database.db, [other.id]);
    expectError(await guardianA.get(`/api/students/${other.id}/criteria`), 403, 'forbidden');
  });

  it('names every picture of the set in every language', () => {
    for (const tag of localeTags) {
      const messages = loadMessages(tag);
      expect(criteriaPictureKeys.filter((k) => !messages[`criteria.pictures.${k}`]), tag).toEqual([]);
    }
  });

  it('keeps a year group’s list once its classes are gone for the admin only', async () => {
    const { w, admin, teacherA } = await world();
    const list = await buildCriteriaList(database.db, w.school.id, { yearGroup: 'Year 6' }, { title: 'Leavers' });
    await ok(admin.patch(`/api/criteria-lists/${list.id}`, { title: 'Leavers’ list' }));
    expectError(await teacherA.patch(`/api/criteria-lists/${list.id}`, { title: 'Mine' }), 403, 'forbidden');
  });
});

/**
 * Pupil conferencing over HTTP: a teacher logs a conference (picture stimulus, the child's recorded
 * words, barriers, next steps) that the child and family read, and bad input saves nothing; a next
 * step becomes a goal; a Year 5 pupil conferences a Year 1 child through a pairing, sees only the
 * shared pieces, and their note waits for the teacher before the child or family can read it;
 * children's requests and the queue; stages and the families' switch; group conferences;
 * follow-ups due; the learning journey. On PostgreSQL: two reviews of one note at once.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChildConferences, ClassConferencing, ConferencingSettings, Journey, MyConferencing, PartnerPage, PupilConferenceView, RequestView } from '../../src/contracts/conferencing';
import type { Database } from '../../src/server/db/client';
import { classTeachers } from '../../src/server/db/schema/index';
import { buildClass, buildStaff, buildStudent, buildWorld, plainPng, uploadedMedia, wavRecording } from '../factories/index';
import { buildPeriodsAround } from '../factories/goals';
import { buildTestApp, type TestApp, type TestClient } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';
import { expectError } from './support/expect-api';

/** Tuesday 1 December 2026, 10:00 in London. */
const DEC_1 = new Date('2026-12-01T10:00:00Z');

describe.each(engines)('pupil conferencing on %s', (engine) => {
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

  /** Ana (Year 1, class A, teacher A), her guardian Luis; Edward (Year 5, class C, teacher C); a Reception child. */
  async function world() {
    const w = await buildWorld(database.db);
    await buildPeriodsAround(database.db, w.school.id, DEC_1);
    const teacherC = await buildStaff(database.db, w.school.id, 'teacher');
    const classC = await buildClass(database.db, w.school.id, { name: 'Kestrels', yearGroup: 'Year 5', teacherIds: [teacherC.id] });
    const edward = await buildStudent(database.db, w.school.id, [classC.id], { givenName: 'Edward', yearGroup: 'Year 5', gradeLevel: 5 });
    const rosa = await buildStudent(database.db, w.school.id, [w.classA.id], { givenName: 'Rosa', yearGroup: 'Reception', gradeLevel: 0 });
    const teacher = await t.clientAs(w.teacherA.id);
    // Two photo pieces of Ana's, approved (posted by her teacher), and one of her writing.
    const photo = async (caption: string) => {
      const mediaId = await uploadedMedia(teacher, w.school.id, { filename: 'work.png', content: await plainPng(), type: 'image/png' });
      await t.runJobs();
      const res = await teacher.post(`/api/students/${w.ana.id}/posts`, { caption, items: [{ kind: 'photo', mediaId }] });
      expect(res.statusCode, res.body).toBe(201);
      return { postId: (res.json() as { id: string }).id, mediaId };
    };
    const building = await photo('Building a tower');
    const painting = await photo('My painting');
    return { ...w, teacherC, classC, edward, rosa, teacher, building, painting, as: (id: string) => t.clientAs(id) };
  }

  async function logFor(client: TestClient, body: Record<string, unknown>) {
    const res = await client.post('/api/pupil-conferences', { type: 'one_to_one', heldOn: '2026-12-01', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { ids: string[] }).ids;
  }

  it('logs an early-years conference from a photo, with the child’s recorded words; the child and family read it; bad input saves nothing', async () => {
    const w = await world();
    const audioId = await uploadedMedia(w.teacher, w.school.id, { filename: 'words.wav', content: wavRecording(), type: 'audio/wav' });
    const form = (await w.teacher.get(`/api/students/${w.rosa.id}/pupil-conferences/form`)).json() as { defaults: { stage: string; type: string; prompts: Array<{ key?: string }> } };
    expect(form.defaults).toMatchObject({ stage: 'EYFS', type: 'early_years' });
    expect(form.defaults.prompts.map((p) => p.key)).toEqual(['ey_doing', 'ey_proud', 'ey_next']);

    // Ana's photo is the stimulus; her words were recorded; a next step is hers, with a date.
    const [id] = await logFor(w.teacher, {
      studentIds: [w.ana.id],
      type: 'early_years',
      subject: 'Building',
      stimulusPostId: w.building.postId,
      childWords: 'I made it tall and it did not fall down.',
      childWordsAudioId: audioId,
      strengths: 'Kept trying when it wobbled',
      barriers: 'Gives up when the bricks fall',
      steps: [{ text: 'Build a bridge with a friend', owner: 'child', dueOn: '2026-12-15' }],
      postIds: [w.painting.postId],
      followUpOn: '2026-12-15',
    });
    const record = (await w.teacher.get(`/api/pupil-conferences/${id}`)).json() as PupilConferenceView;
    expect(record).toMatchObject({ type: 'early_years', status: 'published', subject: 'Building', barriers: 'Gives up when the bricks fall', followUpOn: '2026-12-15' });
    expect(record.stimulus?.id).toBe(w.building.mediaId);
    expect(record.childWordsAudio?.id).toBe(audioId);
    expect(record.steps).toEqual([expect.objectContaining({ text: 'Build a bridge with a friend', owner: 'child', dueOn: '2026-12-15', done: false })]);
    expect(record.posts.map((p) => p.id)).toEqual([w.painting.postId]);
    expect(record.conferencers).toEqual([expect.objectContaining({ id: w.teacherA.id, role: 'teacher' })]);

    // Ana and Luis read it, and hear the recording; Ben's family and Ben do not.
    for (const reader of [w.ana.userId, w.guardianA.id]) {
      const c = await w.as(reader);
      expect((await c.get(`/api/pupil-conferences/${id}`)).statusCode).toBe(200);
      expect((await c.get(`/api/media/${audioId}/original`)).statusCode).toBe(200);
      expect(((await c.get(`/api/students/${w.ana.id}/pupil-conferences`)).json() as ChildConferences).conferences.map((x) => x.id)).toEqual([id]);
    }
    for (const outsider of [w.guardianB.id, w.ben.userId]) {
      const c = await w.as(outsider);
      expect((await c.get(`/api/pupil-conferences/${id}`)).statusCode).toBe(404);
      expect((await c.get(`/api/media/${audioId}/original`)).statusCode).toBe(404);
    }

    // Bad input: each field named; nothing saved.
    const bad = await w.teacher.post('/api/pupil-conferences', {
      studentIds: [w.ana.id],
      type: 'one_to_one',
      heldOn: '2026-12-02',
      subject: 'x',
      followUpOn: '2026-11-01',
      postIds: [w.building.postId, '00000000-0000-4000-8000-000000000000'],
    });
    const err = expectError(bad, 400, 'validation_failed');
    expect(err.fields).toMatchObject({ heldOn: 'date_in_future', 'postIds.1': 'not_childs_post' });
    expectError(await w.teacher.post('/api/pupil-conferences', { studentIds: [w.ana.id], type: 'one_to_one', heldOn: '2026-12-01' }), 400, 'validation_failed');
    const other = await uploadedMedia(await w.as(w.teacherB.id), w.school.id, { filename: 'b.wav', content: wavRecording(), type: 'audio/wav' });
    expect(expectError(await w.teacher.post('/api/pupil-conferences', { studentIds: [w.ana.id], type: 'one_to_one', heldOn: '2026-12-01', subject: 'y', childWordsAudioId: other }), 400, 'validation_failed').fields).toEqual({ childWordsAudioId: 'media_unknown' });
    expect(((await w.teacher.get(`/api/students/${w.ana.id}/pupil-conferences`)).json() as ChildConferences).conferences).toHaveLength(1);

    // The school turns off families reading pupil conferences: Luis no longer sees it, Ana still does.
    const admin = await w.as(w.admin.id);
    expect((await admin.put(`/api/schools/${w.school.id}/conferencing`, { template: 'uk_primary', familiesRead: false })).statusCode).toBe(200);
    expect((await (await w.as(w.guardianA.id)).get(`/api/pupil-conferences/${id}`)).statusCode).toBe(404);
    expect((await (await w.as(w.ana.userId)).get(`/api/pupil-conferences/${id}`)).statusCode).toBe(200);
  });

  it('turns a next step into one of the child’s goals, once; the child ticks their own step off', async () => {
    const w = await world();
    const [id] = await logFor(w.teacher, { studentIds: [w.ana.id], subject: 'Reading', steps: [{ text: 'Read to my brother every night', owner: 'child' }, { text: 'Send a reading book home', owner: 'teacher' }] });
    const steps = ((await w.teacher.get(`/api/pupil-conferences/${id}`)).json() as PupilConferenceView).steps;
    const made = await w.teacher.post(`/api/pupil-conferences/${id}/steps/${steps[0]!.id}/goal`, { measure: 'Five nights a week' });
    expect(made.statusCode, made.body).toBe(201);
    const goalId = (made.json() as { id: string }).id;
    expectError(await w.teacher.post(`/api/pupil-conferences/${id}/steps/${steps[0]!.id}/goal`, {}), 409, 'conflict');
    const goal = (await w.teacher.get(`/api/goals/${goalId}`)).json() as { goal: { what: string; measure: string } };
    expect(goal.goal).toMatchObject({ what: 'Read to my brother every night', measure: 'Five nights a week' });
    const after = (await w.teacher.get(`/api/pupil-conferences/${id}`)).json() as PupilConferenceView;
    expect(after.steps[0]!.goalId).toBe(goalId);
    expect(after.goals.map((g) => g.id)).toEqual([goalId]);

    const ana = await w.as(w.ana.userId);
    expect((await ana.patch(`/api/pupil-conferences/${id}/steps/${steps[0]!.id}`, { done: true })).statusCode).toBe(200);
    expectError(await ana.patch(`/api/pupil-conferences/${id}/steps/${steps[1]!.id}`, { done: true }), 403, 'forbidden');
    expect(((await ana.get(`/api/pupil-conferences/${id}`)).json() as PupilConferenceView).steps.map((s) => s.done)).toEqual([true, false]);
  });

  it('lets a Year 5 pupil conference a Year 1 child: only the shared pieces; the note waits for the teacher before the child or family read it', async () => {
    const w = await world();
    const pairing = await w.teacher.post('/api/pupil-pairings', { conferencerId: w.edward.id, partnerId: w.ana.id, postIds: [w.building.postId] });
    expect(pairing.statusCode, pairing.body).toBe(201);
    const pairingId = (pairing.json() as { id: string }).id;
    expectError(await w.teacher.post('/api/pupil-pairings', { conferencerId: w.edward.id, partnerId: w.ana.id }), 409, 'already_paired');
    // Edward's teacher teaches him, not Ana: pairing her is for her teachers.
    expectError(await (await w.as(w.teacherC.id)).post('/api/pupil-pairings', { conferencerId: w.edward.id, partnerId: w.ana.id }), 403, 'forbidden');

    const edward = await w.as(w.edward.userId);
    const me = (await edward.get('/api/me/conferencing')).json() as MyConferencing;
    expect(me.partners).toEqual([{ pairingId, partner: expect.objectContaining({ id: w.ana.id, givenName: 'Ana' }) }]);
    const page = (await edward.get(`/api/pupil-pairings/${pairingId}/partner`)).json() as PartnerPage;
    expect(page.type).toBe('cross_age');
    expect(page.pieces.map((p) => p.caption)).toEqual(['Building a tower']);
    // The shared piece's photo, yes; the rest of her portfolio, her goals, her conferences: no.
    expect((await edward.get(`/api/media/${w.building.mediaId}/sm.webp`)).statusCode).toBe(200);
    expect((await edward.get(`/api/media/${w.painting.mediaId}/sm.webp`)).statusCode).toBe(404);
    expect((await edward.get(`/api/students/${w.ana.id}/posts`)).statusCode).toBe(403);
    expect((await edward.get(`/api/students/${w.ana.id}/goals`)).statusCode).toBe(403);
    expect((await edward.get(`/api/students/${w.ana.id}/pupil-conferences`)).statusCode).toBe(403);
    // Another pupil cannot open Edward's pairing.
    expect((await (await w.as(w.ben.userId)).get(`/api/pupil-pairings/${pairingId}/partner`)).statusCode).toBe(404);

    // The guided note: a piece not shared is refused; then it is written and waits.
    expect(expectError(await edward.post(`/api/pupil-pairings/${pairingId}/notes`, { subject: 'Her tower', postIds: [w.painting.postId] }), 400, 'validation_failed').fields).toEqual({ 'postIds.0': 'not_shared' });
    const note = await edward.post(`/api/pupil-pairings/${pairingId}/notes`, { subject: 'Her tower', childWords: 'It is the tallest', strengths: 'Think pink: strong base', nextStep: 'Try a roof', postIds: [w.building.postId] });
    expect(note.statusCode, note.body).toBe(201);
    const noteId = (note.json() as { id: string }).id;
    const ana = await w.as(w.ana.userId);
    const luis = await w.as(w.guardianA.id);
    for (const c of [ana, luis]) {
      expect((await c.get(`/api/pupil-conferences/${noteId}`)).statusCode).toBe(404);
      expect(((await c.get(`/api/students/${w.ana.id}/pupil-conferences`)).json() as ChildConferences).conferences).toEqual([]);
      expect(((await c.get(`/api/students/${w.ana.id}/journey`)).json() as Journey).entries.some((e) => e.id === noteId)).toBe(false);
    }
    const overview = (await w.teacher.get(`/api/classes/${w.classA.id}/conferencing`)).json() as ClassConferencing;
    expect(overview.toReview.map((n) => [n.id, n.type, n.status])).toEqual([[noteId, 'cross_age', 'pending']]);
    expect(overview.pairings.map((p) => [p.conferencer.givenName, p.partner.givenName, p.pending])).toEqual([['Edward', 'Ana', 1]]);

    // Returned with a comment: Edward sees it, changes the note, and it waits again.
    expectError(await w.teacher.post(`/api/pupil-conferences/${noteId}/review`, { decision: 'return' }), 400, 'validation_failed');
    expect((await w.teacher.post(`/api/pupil-conferences/${noteId}/review`, { decision: 'return', comment: 'Say what Ana said about the roof.' })).statusCode).toBe(200);
    expect(((await edward.get(`/api/pupil-pairings/${pairingId}/partner`)).json() as PartnerPage).notes[0]).toMatchObject({ status: 'returned', reviewComment: 'Say what Ana said about the roof.' });
    expect((await edward.put(`/api/pupil-pairings/${pairingId}/notes/${noteId}`, { subject: 'Her tower', childWords: 'She wants a red roof', strengths: 'Strong base', nextStep: 'Try a roof', postIds: [w.building.postId] })).statusCode).toBe(200);
    expect((await ana.get(`/api/pupil-conferences/${noteId}`)).statusCode).toBe(404);

    // Approved: now Ana and Luis read it.
    expect((await w.teacher.post(`/api/pupil-conferences/${noteId}/review`, { decision: 'approve' })).statusCode).toBe(200);
    // A double tap changes nothing; returning it once the family can read it is refused.
    expect((await w.teacher.post(`/api/pupil-conferences/${noteId}/review`, { decision: 'approve' })).statusCode).toBe(200);
    expectError(await w.teacher.post(`/api/pupil-conferences/${noteId}/review`, { decision: 'return', comment: 'Too late' }), 409, 'already_reviewed');
    expectError(await edward.put(`/api/pupil-pairings/${pairingId}/notes/${noteId}`, { subject: 'Changed after' }), 409, 'already_reviewed');
    for (const c of [ana, luis]) {
      const seen = (await c.get(`/api/pupil-conferences/${noteId}`)).json() as PupilConferenceView;
      expect(seen).toMatchObject({ status: 'published', childWords: 'She wants a red roof', authorRole: 'pupil' });
      expect(seen.steps.map((s) => s.text)).toEqual(['Try a roof']);
    }

    // The pairing ends: the piece is no longer Edward's to see.
    expect((await w.teacher.delete(`/api/pupil-pairings/${pairingId}`)).statusCode).toBe(200);
    const ended = await w.as(w.edward.userId);
    expectError(await ended.get(`/api/pupil-pairings/${pairingId}/partner`), 409, 'pairing_ended');
    expect((await ended.get(`/api/media/${w.building.mediaId}/sm.webp`)).statusCode).toBe(404);
  });

  it('takes a child’s request into the class queue; the teacher schedules it and a conference answers it; Reception children do not ask', async () => {
    const w = await world();
    const ana = await w.as(w.ana.userId);
    const voice = await uploadedMedia(ana, w.school.id, { filename: 'me.wav', content: wavRecording(), type: 'audio/wav' });
    expect(expectError(await ana.post(`/api/students/${w.ana.id}/conference-requests`, {}), 400, 'validation_failed').fields).toEqual({ about: 'request_empty' });
    const asked = await ana.post(`/api/students/${w.ana.id}/conference-requests`, { about: 'I want to talk about my maths', audioMediaId: voice });
    expect(asked.statusCode, asked.body).toBe(201);
    const requestId = (asked.json() as { id: string }).id;
    expectError(await (await w.as(w.rosa.userId)).post(`/api/students/${w.rosa.id}/conference-requests`, { about: 'Me too' }), 409, 'requests_off');
    // Nobody else asks for Ana.
    expectError(await (await w.as(w.guardianA.id)).post(`/api/students/${w.ana.id}/conference-requests`, { about: 'For her' }), 403, 'forbidden');

    const queue = (await w.teacher.get(`/api/classes/${w.classA.id}/conferencing`)).json() as ClassConferencing;
    expect(queue.requests.map((r) => [r.id, r.about, r.status, r.audio?.id])).toEqual([[requestId, 'I want to talk about my maths', 'open', voice]]);
    expect((await w.teacher.get(`/api/media/${voice}/original`)).statusCode).toBe(200);
    expect(((await w.teacher.get('/api/me/conferencing')).json() as MyConferencing).openRequests).toBe(1);

    const at = '2026-12-02T09:15:00.000Z';
    expect((await w.teacher.post(`/api/conference-requests/${requestId}/triage`, { action: 'schedule', at, reply: 'Tomorrow after register' })).statusCode).toBe(200);
    const mine = ((await ana.get('/api/me/conferencing')).json() as MyConferencing).requests;
    expect(mine.map((r: RequestView) => [r.status, r.scheduledFor, r.reply])).toEqual([['scheduled', at, 'Tomorrow after register']]);

    await logFor(w.teacher, { studentIds: [w.ana.id], subject: 'Maths', childWords: 'Take-away is tricky', requestId });
    const done = ((await ana.get(`/api/students/${w.ana.id}/conference-requests`)).json() as { requests: RequestView[] }).requests[0]!;
    expect(done.status).toBe('done');
    expect(done.conferenceId).not.toBeNull();
    expectError(await w.teacher.post(`/api/conference-requests/${requestId}/triage`, { action: 'close' }), 409, 'request_closed');

    // Three in 24 hours at most (the first was at DEC_1): asked again once the first is a day old.
    t.setNow(new Date(DEC_1.getTime() + 3_600_000));
    await ana.post(`/api/students/${w.ana.id}/conference-requests`, { about: 'Two' });
    await ana.post(`/api/students/${w.ana.id}/conference-requests`, { about: 'Three' });
    t.setNow(new Date(DEC_1.getTime() + 20 * 3_600_000));
    const four = await ana.post(`/api/students/${w.ana.id}/conference-requests`, { about: 'Four' });
    expectError(four, 429, 'rate_limited');
    expect(four.headers['retry-after']).toBe(String(4 * 3600));
    t.setNow(new Date(DEC_1.getTime() + 24 * 3_600_000));
    expect((await ana.post(`/api/students/${w.ana.id}/conference-requests`, { about: 'Four' })).statusCode).toBe(201);
    expectError(await ana.post(`/api/students/${w.ana.id}/conference-requests`, { about: 'Five' }), 429, 'rate_limited');
  });

  it('pairs a child with a pupil conferencer from a request', async () => {
    const w = await world();
    const ana = await w.as(w.ana.userId);
    const requestId = ((await ana.post(`/api/students/${w.ana.id}/conference-requests`, { about: 'My pink marking' })).json() as { id: string }).id;
    expect((await w.teacher.post(`/api/conference-requests/${requestId}/triage`, { action: 'pair', conferencerId: w.edward.id, postIds: [w.painting.postId] })).statusCode).toBe(200);
    const mine = ((await ana.get('/api/me/conferencing')).json() as MyConferencing).requests[0]!;
    expect(mine).toMatchObject({ status: 'paired', conferencer: expect.objectContaining({ givenName: 'Edward' }) });
    const pairingId = (((await (await w.as(w.edward.userId)).get('/api/me/conferencing')).json() as MyConferencing).partners[0]!).pairingId;
    expect(((await (await w.as(w.edward.userId)).get(`/api/pupil-pairings/${pairingId}/partner`)).json() as PartnerPage).pieces.map((p) => p.caption)).toEqual(['My painting']);
  });

  it('keeps the school’s stages: a template or its own, checked as a whole; staff read them', async () => {
    const w = await world();
    const admin = await w.as(w.admin.id);
    const initial = (await w.teacher.get(`/api/schools/${w.school.id}/conferencing`)).json() as ConferencingSettings;
    expect(initial.source).toBe('uk_primary');
    expect(initial.stages.map((s) => s.name)).toEqual(['EYFS', 'KS1', 'LKS2', 'UKS2']);
    expect((await (await w.as(w.guardianA.id)).get(`/api/schools/${w.school.id}/conferencing`)).statusCode).toBe(403);
    expectError(await w.teacher.put(`/api/schools/${w.school.id}/conferencing`, { template: 'us_elementary', familiesRead: true }), 403, 'forbidden');

    const overlap = await admin.put(`/api/schools/${w.school.id}/conferencing`, {
      familiesRead: true,
      stages: [
        { name: 'Little ones', minGrade: 0, maxGrade: 2, defaultType: 'early_years', types: ['early_years'], prompts: [{ key: 'ey_doing' }], requests: false },
        { name: 'Middle', minGrade: 2, maxGrade: 4, defaultType: 'group', types: ['one_to_one'], prompts: [{ text: { en: 'What are you proud of?' } }], requests: true },
      ],
    });
    expect(expectError(overlap, 400, 'validation_failed').fields).toEqual({ 'stages.1.minGrade': 'stage_overlap', 'stages.1.defaultType': 'default_type_not_allowed' });
    expect(((await admin.get(`/api/schools/${w.school.id}/conferencing`)).json() as ConferencingSettings).source).toBe('uk_primary');

    const own = [{ name: 'Little ones', minGrade: 0, maxGrade: 2, defaultType: 'early_years', types: ['early_years', 'one_to_one'], prompts: [{ text: { en: 'Tell me about this picture' } }], requests: false }];
    expect((await admin.put(`/api/schools/${w.school.id}/conferencing`, { familiesRead: true, stages: own })).statusCode).toBe(200);
    expect(((await admin.get(`/api/schools/${w.school.id}/conferencing`)).json() as ConferencingSettings).source).toBe('own');
    // Ana (Year 1) is now a little one: no requests, and the form starts from early years.
    expect(((await (await w.as(w.ana.userId)).get('/api/me/conferencing')).json() as MyConferencing).canRequest).toBe(false);
    expect(((await w.teacher.get(`/api/students/${w.ana.id}/pupil-conferences/form`)).json() as { defaults: { type: string; stage: string } }).defaults).toMatchObject({ type: 'early_years', stage: 'Little ones' });
  });

  it('logs a group conference as one record per child; a child the teacher does not teach is refused and nothing is saved', async () => {
    const w = await world();
    const ids = await logFor(w.teacher, { studentIds: [w.ana.id, w.cleo.id], type: 'group', subject: 'Our story map', strengths: 'Took turns' });
    expect(ids).toHaveLength(2);
    const [a, c] = await Promise.all(ids.map(async (id) => (await w.teacher.get(`/api/pupil-conferences/${id}`)).json() as PupilConferenceView));
    expect([a!.student.givenName, c!.student.givenName]).toEqual(['Ana', 'Cleo']);
    expect(a!.group.map((g) => g.givenName)).toEqual(['Cleo']);
    // Families are not told who else was in the group.
    expect(((await (await w.as(w.guardianA.id)).get(`/api/pupil-conferences/${ids[0]}`)).json() as PupilConferenceView).group).toEqual([]);

    const refused = await w.teacher.post('/api/pupil-conferences', { studentIds: [w.ana.id, w.ben.id], type: 'group', heldOn: '2026-12-01', subject: 'Not mine' });
    expect(expectError(refused, 400, 'validation_failed').fields).toEqual({ 'studentIds.1': 'not_in_class' });
    expect(((await w.teacher.get(`/api/students/${w.ana.id}/pupil-conferences`)).json() as ChildConferences).conferences).toHaveLength(1);
  });

  it('shows a follow-up as due on the teacher’s home until a later conference follows it up; the class overview has each child’s last one and open steps', async () => {
    const w = await world();
    t.setNow(new Date('2026-11-10T10:00:00Z'));
    const [first] = await logFor(w.teacher, { studentIds: [w.ana.id], heldOn: '2026-11-10', subject: 'Phonics', followUpOn: '2026-11-24', steps: [{ text: 'Practise "ai" words', owner: 'child' }] });
    t.setNow(new Date('2026-11-12T10:00:00Z'));
    expect(((await w.teacher.get('/api/me/conferencing')).json() as MyConferencing).followUps).toEqual([]);
    t.setNow(new Date('2026-11-20T10:00:00Z'));
    expect(((await w.teacher.get('/api/me/conferencing')).json() as MyConferencing).followUps.map((f) => [f.conferenceId, f.daysLate])).toEqual([[first, -4]]);
    t.setNow(new Date('2026-11-26T10:00:00Z'));
    expect(((await w.teacher.get('/api/me/conferencing')).json() as MyConferencing).followUps.map((f) => [f.student.givenName, f.daysLate, f.subject])).toEqual([['Ana', 2, 'Phonics']]);
    // Not on another class's teacher's home.
    expect(((await (await w.as(w.teacherB.id)).get('/api/me/conferencing')).json() as MyConferencing).followUps).toEqual([]);

    const overview = (await w.teacher.get(`/api/classes/${w.classA.id}/conferencing`)).json() as ClassConferencing;
    const row = overview.children.find((c) => c.student.id === w.ana.id)!;
    expect(row).toMatchObject({ stage: 'KS1', lastHeldOn: '2026-11-10', lastType: 'one_to_one', conferences: 1, followUpOn: '2026-11-24' });
    expect(row.openSteps.map((s) => s.text)).toEqual(['Practise "ai" words']);
    expect(overview.children.find((c) => c.student.id === w.cleo.id)).toMatchObject({ lastHeldOn: null, conferences: 0 });

    await logFor(w.teacher, { studentIds: [w.ana.id], heldOn: '2026-11-26', subject: 'Phonics again' });
    expect(((await w.teacher.get('/api/me/conferencing')).json() as MyConferencing).followUps).toEqual([]);
  });

  it('merges posts, conferences and goals into the learning journey, newest first, for the child, family and teachers', async () => {
    const w = await world();
    t.setNow(new Date('2026-12-01T15:00:00Z'));
    await logFor(w.teacher, { studentIds: [w.ana.id], subject: 'Writing', barriers: 'Forgets full stops', steps: [{ text: 'Check full stops', owner: 'child' }] });
    const goal = await w.teacher.post(`/api/students/${w.ana.id}/goals`, { what: 'Use full stops', measure: 'Every sentence' });
    expect(goal.statusCode).toBe(201);
    for (const reader of [w.teacherA.id, w.guardianA.id, w.ana.userId]) {
      const j = (await (await w.as(reader)).get(`/api/students/${w.ana.id}/journey`)).json() as Journey;
      expect(j.entries.map((e) => e.kind)).toEqual(['goal_set', 'conference', 'post', 'post']);
      const conference = j.entries.find((e) => e.kind === 'conference');
      expect(conference).toMatchObject({ subject: 'Writing', barriers: 'Forgets full stops' });
    }
    expect((await (await w.as(w.guardianB.id)).get(`/api/students/${w.ana.id}/journey`)).statusCode).toBe(403);
    expect((await (await w.as(w.edward.userId)).get(`/api/students/${w.ana.id}/journey`)).statusCode).toBe(403);
  });

  it('pages the journey with a cursor that loses nothing when many entries share one moment', async () => {
    const w = await world();
    t.setNow(new Date('2026-12-01T15:00:00Z'));
    // 31 conferences on one day all sit at its noon: a page (30) ends in the middle of them.
    for (let i = 0; i < 31; i++) await logFor(w.teacher, { studentIds: [w.ana.id], heldOn: '2026-11-30', subject: `Talk ${i}` });
    const first = (await w.teacher.get(`/api/students/${w.ana.id}/journey`)).json() as Journey;
    expect(first.entries).toHaveLength(30);
    expect(first.more).toBe(true);
    expect(first.next).not.toBeNull();
    const second = (await w.teacher.get(`/api/students/${w.ana.id}/journey?cursor=${encodeURIComponent(first.next!)}`)).json() as Journey;
    expect(second.more).toBe(false);
    expect(second.next).toBeNull();
    const all = [...first.entries, ...second.entries];
    // Every conference once, after the world's two posts (today's).
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    expect(all.map((e) => e.kind)).toEqual(['post', 'post', ...Array(31).fill('conference')]);
    // `before` a time is strict: the day's noon leaves out all 31.
    const earlier = (await w.teacher.get(`/api/students/${w.ana.id}/journey?before=2026-11-30T12:00:00.000Z`)).json() as Journey;
    expect(earlier.entries.filter((e) => e.kind === 'conference')).toEqual([]);
  });

  it.runIf(engine === 'postgres')('reviews a note once when two teachers approve it at the same moment', async () => {
    const w = await world();
    const coTeacher = await buildStaff(database.db, w.school.id, 'teacher');
    await database.db.insert(classTeachers).values({ classId: w.classA.id, userId: coTeacher.id, role: 'co_teacher' });
    const pairingId = ((await w.teacher.post('/api/pupil-pairings', { conferencerId: w.edward.id, partnerId: w.ana.id })).json() as { id: string }).id;
    const noteId = ((await (await w.as(w.edward.userId)).post(`/api/pupil-pairings/${pairingId}/notes`, { subject: 'Tower' })).json() as { id: string }).id;
    const other = await w.as(coTeacher.id);
    const results = await Promise.all([w.teacher.post(`/api/pupil-conferences/${noteId}/review`, { decision: 'approve' }), other.post(`/api/pupil-conferences/${noteId}/review`, { decision: 'return', comment: 'More' })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });
});

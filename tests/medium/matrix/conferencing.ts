/**
 * Authorization-matrix rows for pupil conferencing. A child's conferences answer like their
 * portfolio (403 to the rest of the school, 404 to another school); one record answers 404 to
 * whoever may not read it. Cleo (otherStudent) is paired to conference Ana, so the pairing's own
 * routes are hers alone — anyone else gets 404, not even the pairing is confirmed.
 *
 * Rows run actor by actor in the matrix's order (admin first), so a row that changes state says
 * what each later actor then finds: the admin approves Cleo's note, after which Ana and her family
 * may read it (and are refused reviewing it: 403); the teacher makes a goal of a step, after which
 * Ana finds it made (409); the admin pairs Ben with Ana, after which the teacher finds them paired.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { PupilConferenceView } from '../../../src/contracts/conferencing';
import { buildStudent, type World } from '../../factories/index';
import { anasReaders, only, seenBy, signedIn, withStatus, type Area } from './kit';

interface Fixture {
  conferenceId: string;
  stepId: string;
  goalStepId: string;
  noteId: string;
  note2Id: string;
  pairingId: string;
  endingPairingId: string;
  requestId: string;
}
const fixtures = new WeakMap<World, Fixture>();
const f = (w: World) => fixtures.get(w) as Fixture;
const staff = only(['admin', 'teacherOfClass']);

export const conferencingArea: Area = {
  cases: {
    'GET /api/schools/:id/conferencing': { url: (w) => `/api/schools/${w.school.id}/conferencing`, expect: only(['admin', 'teacherOfClass', 'otherTeacher']) },
    'PUT /api/schools/:id/conferencing': { url: (w) => `/api/schools/${w.school.id}/conferencing`, body: () => ({ template: 'uk_primary', familiesRead: true }), expect: only(['admin']) },
    'GET /api/me/conferencing': { url: () => '/api/me/conferencing', expect: signedIn(200) },
    'GET /api/students/:id/pupil-conferences': { url: (w) => `/api/students/${w.ana.id}/pupil-conferences`, expect: only(anasReaders) },
    'GET /api/students/:id/pupil-conferences/form': { url: (w) => `/api/students/${w.ana.id}/pupil-conferences/form`, expect: staff },
    'POST /api/pupil-conferences': { url: () => '/api/pupil-conferences', body: (w) => ({ studentIds: [w.ana.id], type: 'one_to_one', heldOn: '2026-09-10', subject: 'Matrix' }), expect: withStatus(staff, 201) },
    'GET /api/pupil-conferences/:id': { url: (w) => `/api/pupil-conferences/${f(w).conferenceId}`, expect: seenBy(anasReaders) },
    'PATCH /api/pupil-conferences/:id': { url: (w) => `/api/pupil-conferences/${f(w).conferenceId}`, body: () => ({ focus: 'Matrix focus' }), expect: seenBy(['admin', 'teacherOfClass'], ['guardianOfChild', 'studentSelf']) },
    'POST /api/pupil-conferences/:id/review': {
      url: (w) => `/api/pupil-conferences/${f(w).noteId}/review`,
      body: () => ({ decision: 'approve' }),
      expect: seenBy(['admin', 'teacherOfClass'], ['guardianOfChild', 'studentSelf', 'otherStudent']),
    },
    // The step is Ana's own: she ticks it too.
    'PATCH /api/pupil-conferences/:id/steps/:stepId': { url: (w) => `/api/pupil-conferences/${f(w).conferenceId}/steps/${f(w).stepId}`, body: () => ({ done: true }), expect: seenBy(['admin', 'teacherOfClass', 'studentSelf'], ['guardianOfChild']) },
    'POST /api/pupil-conferences/:id/steps/:stepId/goal': {
      url: (w) => `/api/pupil-conferences/${f(w).conferenceId}/steps/${f(w).goalStepId}/goal`,
      body: () => ({}),
      // Goals are set by the child and their teachers (not the admin); once made, it is made.
      expect: { admin: 403, teacherOfClass: 201, otherTeacher: 404, guardianOfChild: 403, otherGuardian: 404, studentSelf: 409, otherStudent: 404, anonymous: 401, otherSchool: 404 },
    },
    'GET /api/students/:id/conference-requests': { url: (w) => `/api/students/${w.ana.id}/conference-requests`, expect: only(['admin', 'teacherOfClass', 'studentSelf']) },
    'POST /api/students/:id/conference-requests': { url: (w) => `/api/students/${w.ana.id}/conference-requests`, body: () => ({ about: 'Matrix request' }), expect: withStatus(only(['studentSelf']), 201) },
    'POST /api/conference-requests/:id/triage': { url: (w) => `/api/conference-requests/${f(w).requestId}/triage`, body: () => ({ action: 'reply', reply: 'Matrix reply' }), expect: seenBy(['admin', 'teacherOfClass'], ['guardianOfChild', 'studentSelf']) },
    'GET /api/classes/:id/conferencing': { url: (w) => `/api/classes/${w.classA.id}/conferencing`, expect: staff },
    'POST /api/pupil-pairings': {
      url: () => '/api/pupil-pairings',
      body: (w) => ({ conferencerId: w.ben.id, partnerId: w.ana.id }),
      expect: { ...withStatus(staff, 201), teacherOfClass: 409 },
    },
    'PUT /api/pupil-pairings/:id/posts': { url: (w) => `/api/pupil-pairings/${f(w).pairingId}/posts`, body: () => ({ postIds: [] }), expect: staff },
    'DELETE /api/pupil-pairings/:id': { url: (w) => `/api/pupil-pairings/${f(w).endingPairingId}`, expect: staff },
    'GET /api/pupil-pairings/:id/partner': { url: (w) => `/api/pupil-pairings/${f(w).pairingId}/partner`, expect: seenBy(['otherStudent']) },
    'POST /api/pupil-pairings/:id/notes': { url: (w) => `/api/pupil-pairings/${f(w).pairingId}/notes`, body: () => ({ subject: 'Matrix note' }), expect: withStatus(seenBy(['otherStudent']), 201) },
    'PUT /api/pupil-pairings/:id/notes/:noteId': { url: (w) => `/api/pupil-pairings/${f(w).pairingId}/notes/${f(w).note2Id}`, body: () => ({ subject: 'Matrix note, changed' }), expect: seenBy(['otherStudent']) },
    'GET /api/students/:id/journey': { url: (w) => `/api/students/${w.ana.id}/journey`, expect: only(anasReaders) },
  },
  async setup(t, w) {
    const ok = (res: LightMyRequestResponse, status: number) => {
      expect(res.statusCode, res.body).toBe(status);
      return res.json() as { id: string; ids: string[] };
    };
    const teacher = await t.clientAs(w.teacherA.id);
    const conferenceId = ok(
      await teacher.post('/api/pupil-conferences', {
        studentIds: [w.ana.id],
        type: 'one_to_one',
        heldOn: '2026-09-09',
        subject: 'Reading',
        steps: [
          { text: 'Read every night', owner: 'child' },
          { text: 'Read to a friend', owner: 'child' },
        ],
      }),
      201,
    ).ids[0]!;
    const steps = ((await teacher.get(`/api/pupil-conferences/${conferenceId}`)).json() as PupilConferenceView).steps;
    // Cleo is shown one piece of writing, not Ana's photo (whose own rows say Cleo may not see it).
    const shared = ok(await teacher.post(`/api/students/${w.ana.id}/posts`, { caption: 'Shared writing', items: [{ kind: 'text', text: 'A leaf fell.' }] }), 201).id;
    const pairingId = ok(await teacher.post('/api/pupil-pairings', { conferencerId: w.cleo.id, partnerId: w.ana.id, postIds: [shared] }), 201).id;
    const dev = await buildStudent(t.deps.db, w.school.id, [w.classB.id], { givenName: 'Dev', yearGroup: 'Year 5', gradeLevel: 5 });
    const endingPairingId = ok(await teacher.post('/api/pupil-pairings', { conferencerId: dev.id, partnerId: w.ana.id }), 201).id;
    const cleo = await t.clientAs(w.cleo.userId);
    const noteId = ok(await cleo.post(`/api/pupil-pairings/${pairingId}/notes`, { subject: 'Her leaf' }), 201).id;
    const note2Id = ok(await cleo.post(`/api/pupil-pairings/${pairingId}/notes`, { subject: 'Her leaf again' }), 201).id;
    const requestId = ok(await (await t.clientAs(w.ana.userId)).post(`/api/students/${w.ana.id}/conference-requests`, { about: 'My maths' }), 201).id;
    fixtures.set(w, { conferenceId, stepId: steps[0]!.id, goalStepId: steps[1]!.id, noteId, note2Id, pairingId, endingPairingId, requestId });
  },
};

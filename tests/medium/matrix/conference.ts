/**
 * Authorization-matrix rows for conference day's core. The child presents (and their teacher for
 * them); the child's teachers and the admin facilitate; the family follows and reads the record;
 * the other teacher, family and child of the school get 403, the other school 404 (the ids are not
 * confirmed). The day list is every member of staff's own (the other school's admin has theirs).
 *
 * Calls that change a conference's state each get a conference of their own, in the state the call
 * needs: `start` a scheduled one, `started-at` one in progress, `end` and `record` ended ones, the
 * record's read a finalised one — so no row's answer depends on another row running first.
 */
import type { World } from '../../factories/index';
import { bookMeeting, buildConference } from '../../factories/conference';
import { updateConference } from '../../../src/server/features/conference/conference.repo';
import { insertRecordVersion } from '../../../src/server/features/conference/conference.repo';
import { only, withStatus, type Area } from './kit';

interface Fixture {
  main: string;
  selectionIds: string[];
  inProgress: string;
  ended: string;
  finalised: string;
}
const fixtures = new WeakMap<World, Fixture>();
const f = (w: World) => fixtures.get(w) as Fixture;
const facilitators = only(['admin', 'teacherOfClass']);
const readers = only(['admin', 'teacherOfClass', 'guardianOfChild', 'studentSelf']);
const presenters = only(['admin', 'teacherOfClass', 'studentSelf']);

export const conferenceArea: Area = {
  cases: {
    'GET /api/conference-day': {
      url: () => '/api/conference-day',
      expect: { admin: 200, teacherOfClass: 200, otherTeacher: 200, guardianOfChild: 403, otherGuardian: 403, studentSelf: 403, otherStudent: 403, anonymous: 401, otherSchool: 200 },
    },
    'GET /api/conferences/:id': { url: (w) => `/api/conferences/${f(w).main}`, expect: readers },
    'GET /api/conferences/:id/live': { url: (w) => `/api/conferences/${f(w).main}/live?once=1`, expect: readers },
    'PUT /api/conferences/:id/step': { url: (w) => `/api/conferences/${f(w).main}/step`, body: () => ({ stepId: 'welcome' }), expect: presenters },
    'PUT /api/conferences/:id/agenda': {
      url: (w) => `/api/conferences/${f(w).main}/agenda`,
      body: (w) => ({
        steps: [
          { kind: 'welcome', id: 'welcome' },
          ...[...f(w).selectionIds].reverse().map((selectionId) => ({ kind: 'piece', id: selectionId, selectionId })),
          ...['strengths', 'goals', 'questions', 'commitments'].map((kind) => ({ kind, id: kind })),
        ],
      }),
      expect: facilitators,
    },
    'POST /api/conferences/:id/start': { url: (w) => `/api/conferences/${f(w).main}/start`, expect: facilitators },
    'PUT /api/conferences/:id/started-at': { url: (w) => `/api/conferences/${f(w).inProgress}/started-at`, body: () => ({ startedAt: new Date(Date.now() - 60_000).toISOString() }), expect: facilitators },
    'POST /api/conferences/:id/end': { url: (w) => `/api/conferences/${f(w).ended}/end`, expect: facilitators },
    'PUT /api/conferences/:id/attendance': { url: (w) => `/api/conferences/${f(w).main}/attendance`, body: () => ({ attendance: 'attended' }), expect: facilitators },
    'POST /api/conferences/:id/notes': { url: (w) => `/api/conferences/${f(w).main}/notes`, body: () => ({ text: 'Confident today' }), expect: withStatus(facilitators, 201) },
    // No such note: the facilitators are told so (404); everyone else is refused first.
    'DELETE /api/conferences/:id/notes/:noteId': { url: (w) => `/api/conferences/${f(w).main}/notes/00000000-0000-4000-8000-000000000000`, expect: withStatus(facilitators, 404) },
    'PUT /api/conferences/:id/outcomes': { url: (w) => `/api/conferences/${f(w).main}/outcomes`, body: () => ({ summary: 'A good talk' }), expect: facilitators },
    'POST /api/conferences/:id/record': { url: (w) => `/api/conferences/${f(w).ended}/record`, expect: withStatus(facilitators, 201) },
    'GET /api/conferences/:id/record': { url: (w) => `/api/conferences/${f(w).finalised}/record`, expect: readers },
  },
  async setup(t, w) {
    const db = t.deps.db;
    const main = await buildConference(db, w, { startsAt: '2026-10-23T14:30:00Z' });
    // One meeting per child per round and household: each extra one is booked as its own party (Luis's household still).
    const more = async (startsAt: string) => (await bookMeeting(db, w, { roundId: main.roundId, teacherId: w.teacherA.id, studentId: w.ana.id, guardianId: w.guardianA.id, startsAt, party: `matrix-${startsAt}` })).conferenceId;
    const inProgress = await more('2026-10-23T15:00:00Z');
    const ended = await more('2026-10-23T15:30:00Z');
    const finalised = await more('2026-10-23T16:00:00Z');
    const now = t.deps.now();
    await updateConference(db, inProgress, { status: 'in_progress', startedAt: new Date(now.getTime() - 5 * 60_000), attendance: 'attended' }, now);
    await updateConference(db, ended, { status: 'ended', startedAt: new Date(now.getTime() - 30 * 60_000), endedAt: new Date(now.getTime() - 5 * 60_000), attendance: 'attended' }, now);
    await updateConference(db, finalised, { status: 'ended', startedAt: new Date(now.getTime() - 30 * 60_000), endedAt: new Date(now.getTime() - 5 * 60_000), attendance: 'attended' }, now);
    const content = {
      student: { id: w.ana.id, givenName: 'Ana', familyName: '', className: null },
      round: { id: main.roundId, name: 'Autumn conferences' },
      teacher: { id: w.teacherA.id, name: '' },
      startsAt: '2026-10-23T16:00:00.000Z',
      startedAt: null,
      endedAt: null,
      mode: 'in_person',
      language: 'en',
      attendance: 'attended',
      attendees: [],
      interpreter: null,
      pieces: [],
      strengths: [],
      workingOn: [],
      goals: [],
      summary: '',
      nextSteps: '',
    };
    await insertRecordVersion(db, finalised, 0, content, w.teacherA.id, now);
    fixtures.set(w, { main: main.conferenceId, selectionIds: main.selectionIds, inProgress, ended, finalised });
  },
};

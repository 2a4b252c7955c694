/**
 * Authorization-matrix rows for the surveys after conferences. Only the child and their family
 * answer about the child's conference (their own, each); only a guardian posts the family's
 * reflection; a class's results are its teachers' and the admin's, a round's the admin's. The
 * other teacher, family and child of the school get 403, the other school 404.
 *
 * Ana's conference here has ended with Luis there (set straight in the database), on a day of its
 * own (12 June 2026) so no other area's meetings of Ana or her teacher overlap it.
 */
import type { World } from '../../factories/index';
import { buildConference } from '../../factories/conference';
import { updateConference } from '../../../src/server/features/conference/conference.repo';
import { only, withStatus, type Area } from './kit';

interface Fixture {
  ended: string;
  roundId: string;
}
const fixtures = new WeakMap<World, Fixture>();
const f = (w: World) => fixtures.get(w) as Fixture;
const answerers = only(['guardianOfChild', 'studentSelf']);

export const surveysArea: Area = {
  cases: {
    'GET /api/conferences/:id/survey': { url: (w) => `/api/conferences/${f(w).ended}/survey`, expect: answerers },
    'PUT /api/conferences/:id/survey': { url: (w) => `/api/conferences/${f(w).ended}/survey`, body: () => ({ worthwhile: 4, learned: 'Matrix' }), expect: answerers },
    'POST /api/conferences/:id/family-reflection': { url: (w) => `/api/conferences/${f(w).ended}/family-reflection`, body: () => ({ text: 'From the matrix' }), expect: withStatus(only(['guardianOfChild']), 201) },
    'GET /api/classes/:id/surveys': { url: (w) => `/api/classes/${w.classA.id}/surveys?roundId=${f(w).roundId}`, expect: only(['admin', 'teacherOfClass']) },
    'GET /api/rounds/:id/surveys': { url: (w) => `/api/rounds/${f(w).roundId}/surveys`, expect: only(['admin']) },
  },
  async setup(t, w) {
    const db = t.deps.db;
    const conf = await buildConference(db, w, { days: ['2026-06-12'], startsAt: '2026-06-12T14:30:00.000Z' });
    const now = t.deps.now();
    await updateConference(db, conf.conferenceId, { status: 'ended', startedAt: new Date(now.getTime() - 30 * 60_000), endedAt: new Date(now.getTime() - 5 * 60_000), attendance: 'attended' }, now);
    fixtures.set(w, { ended: conf.conferenceId, roundId: conf.roundId });
  },
};

/**
 * Authorization-matrix rows for running late. A conference's status page (and its stream) is the
 * family's and the facilitators' — not the child's, nor another family's or teacher's (403); the
 * other school does not learn the id exists (404). A teacher's day with expected times is for the
 * school's staff (the front desk too); the other school's admin gets 404. The interpreter's page
 * is public: its secret (their calendar feed's) is the key.
 */
import type { World } from '../../factories/index';
import { buildBookingRound, buildInterpreter } from '../../factories/booking';
import { bookMeeting } from '../../factories/conference';
import { replaceFeed } from '../../../src/server/features/booking/booking.repo';
import { randomToken } from '../../../src/server/lib/secrets';
import { all, only, type Area } from './kit';

interface Fixture {
  conferenceId: string;
  token: string;
}
const fixtures = new WeakMap<World, Fixture>();
const f = (w: World) => fixtures.get(w) as Fixture;
const familyAndFacilitators = only(['admin', 'teacherOfClass', 'guardianOfChild']);

export const lateArea: Area = {
  cases: {
    'GET /api/conferences/:id/status': { url: (w) => `/api/conferences/${f(w).conferenceId}/status`, expect: familyAndFacilitators },
    'GET /api/conferences/:id/status/stream': { url: (w) => `/api/conferences/${f(w).conferenceId}/status/stream?once=1`, expect: familyAndFacilitators },
    'GET /api/interpreter-status/:token': { url: (w) => `/api/interpreter-status/${f(w).token}`, expect: all(200) },
    'GET /api/interpreter-status/:token/stream': { url: (w) => `/api/interpreter-status/${f(w).token}/stream?once=1`, expect: all(200) },
    'GET /api/teachers/:id/day-status': {
      url: (w) => `/api/teachers/${w.teacherA.id}/day-status`,
      expect: { admin: 200, teacherOfClass: 200, otherTeacher: 200, guardianOfChild: 403, otherGuardian: 403, studentSelf: 403, otherStudent: 403, anonymous: 401, otherSchool: 404 },
    },
    'GET /api/teachers/:id/day-status/stream': {
      url: (w) => `/api/teachers/${w.teacherA.id}/day-status/stream?once=1`,
      expect: { admin: 200, teacherOfClass: 200, otherTeacher: 200, guardianOfChild: 403, otherGuardian: 403, studentSelf: 403, otherStudent: 403, anonymous: 401, otherSchool: 404 },
    },
  },
  async setup(t, w) {
    const db = t.deps.db;
    // The matrix runs on the real clock: a round of days ahead, Ana's conference on the first.
    const day = new Date(t.deps.now().getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
    const round = await buildBookingRound(db, w, { days: [day] });
    const interpreter = await buildInterpreter(db, w.school.id, round.id, ['ko'], 'Matrix Interpreter');
    const conf = await bookMeeting(db, w, { roundId: round.id, teacherId: w.teacherA.id, studentId: w.ana.id, guardianId: w.guardianA.id, startsAt: `${day}T15:30:00.000Z`, interpreterId: interpreter.id });
    const token = randomToken();
    await replaceFeed(db, { schoolId: w.school.id, interpreterId: interpreter.id }, token);
    fixtures.set(w, { conferenceId: conf.conferenceId, token });
  },
};

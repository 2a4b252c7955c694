/**
 * Authorization-matrix rows for availability rounds. A family's answer is the household's (here
 * guardianA's, for Ana) and the admin's on their behalf; the scheduler — who has answered, runs,
 * their review and publishing — is the admin's alone. Within the school a refusal is 403, another
 * school gets 404.
 *
 * The round is on a day of its own (15 March 2027, ahead of the real clock the matrix runs on), so
 * the meetings the publish row books for Ana's family overlap nobody else's.
 */
import type { AvailabilityView, RunView } from '../../../src/contracts/scheduling';
import { updateBookingSettings } from '../../../src/server/features/booking/booking.repo';
import type { World } from '../../factories/index';
import { buildBookingRound } from '../../factories/booking';
import { only, withStatus, type Area } from './kit';

interface Fixture {
  roundId: string;
  sessionId: string;
  runId: string;
}
const fixtures = new WeakMap<World, Fixture>();
const f = (w: World) => fixtures.get(w) as Fixture;
const household = only(['admin', 'guardianOfChild']);
const admin = only(['admin']);

export const schedulingArea: Area = {
  cases: {
    'GET /api/rounds/:id/availability': { url: (w) => `/api/rounds/${f(w).roundId}/availability?household=${w.guardianA.id}`, expect: household },
    'PUT /api/rounds/:id/availability': {
      url: (w) => `/api/rounds/${f(w).roundId}/availability`,
      body: (w) => ({ householdUserId: w.guardianA.id, windows: [{ sessionId: f(w).sessionId, start: '15:30', end: '17:30' }], oneEvening: true }),
      expect: household,
    },
    'GET /api/rounds/:id/schedule': { url: (w) => `/api/rounds/${f(w).roundId}/schedule`, expect: admin },
    'POST /api/rounds/:id/schedule/runs': { url: (w) => `/api/rounds/${f(w).roundId}/schedule/runs`, body: () => ({ seconds: 1 }), expect: withStatus(admin, 202) },
    'GET /api/rounds/:id/schedule/runs/:runId': { url: (w) => `/api/rounds/${f(w).roundId}/schedule/runs/${f(w).runId}`, expect: admin },
    'POST /api/rounds/:id/schedule/runs/:runId/publish': { url: (w) => `/api/rounds/${f(w).roundId}/schedule/runs/${f(w).runId}/publish`, expect: admin },
  },
  async setup(t, w) {
    const round = await buildBookingRound(t.deps.db, w, { days: ['2027-03-15'] });
    await updateBookingSettings(t.deps.db, round.id, { bookingMode: 'availability' });
    const luis = await t.clientAs(w.guardianA.id);
    const sessionId = (await luis.get(`/api/rounds/${round.id}/availability`)).json<AvailabilityView>().sessions[0]!.id;
    await luis.put(`/api/rounds/${round.id}/availability`, { windows: [{ sessionId, start: '15:30', end: '17:30' }] });
    const started = await (await t.clientAs(w.admin.id)).post(`/api/rounds/${round.id}/schedule/runs`, { seconds: 1 });
    await t.runJobs();
    fixtures.set(w, { roundId: round.id, sessionId, runId: started.json<RunView>().id });
  },
};

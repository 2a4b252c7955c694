/** Availability rounds over HTTP: a family's answer, the admin's scheduler runs, review and publishing. Thin: parse → use case. */
import { errorBody, idParam } from '../../../contracts/api';
import { familyQuery } from '../../../contracts/booking';
import { availabilityInput, availabilityView, published, runInput, runParams, runView, scheduleView } from '../../../contracts/scheduling';
import type { Deps } from '../../deps';
import { answerAvailability, readAvailability } from '../../features/scheduling/availability';
import { publishRun, readRun, readSchedule, startRun } from '../../features/scheduling/schedule-round';
import type { TypedApp } from '../app';
import { signedIn } from './shared';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };
const tags = ['scheduling'];

export function registerSchedulingRoutes(app: TypedApp, deps: Deps): void {
  app.get(
    '/api/rounds/:id/availability',
    { config: signedIn, schema: { tags, summary: "A family's answer in an availability round: the round's times, their children and teachers, what they said", params: idParam, querystring: familyQuery, response: { 200: availabilityView, ...errors } } },
    async (req) => readAvailability(deps, req.actor, req.params.id, req.query.household),
  );
  app.put(
    '/api/rounds/:id/availability',
    { config: signedIn, schema: { tags, summary: 'When the family can come (per session, from–until), one evening or not, a note', params: idParam, body: availabilityInput, response: { 200: availabilityView, ...errors } } },
    async (req) => answerAvailability(deps, req.actor, req.params.id, req.body),
  );
  app.get('/api/rounds/:id/schedule', { config: signedIn, schema: { tags, summary: "The round's scheduler: who has answered, and the latest run", params: idParam, response: { 200: scheduleView, ...errors } } }, async (req) =>
    readSchedule(deps, req.actor, req.params.id),
  );
  app.post(
    '/api/rounds/:id/schedule/runs',
    { config: signedIn, schema: { tags, summary: 'Run the scheduler on the answers (optionally from a previous run, keeping locked meetings where they are)', params: idParam, body: runInput, response: { 202: runView, ...errors } } },
    async (req, reply) => reply.code(202).send(await startRun(deps, req.actor, req.params.id, req.body)),
  );
  app.get('/api/rounds/:id/schedule/runs/:runId', { config: signedIn, schema: { tags, summary: 'A run: its progress, then its schedule for review', params: runParams, response: { 200: runView, ...errors } } }, async (req) =>
    readRun(deps, req.actor, req.params.id, req.params.runId),
  );
  app.post(
    '/api/rounds/:id/schedule/runs/:runId/publish',
    { config: signedIn, schema: { tags, summary: "Publish a run: every meeting booked, each family emailed its times with the .ics", params: runParams, response: { 200: published, ...errors } } },
    async (req) => publishRun(deps, req.actor, req.params.id, req.params.runId),
  );
}

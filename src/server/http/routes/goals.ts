/** Goals, check-ins, commitments and the goal page over HTTP. Thin: parse → use case. */
import { errorBody, idParam } from '../../../contracts/api';
import { childGoals, commitmentBody, commitmentParams, goalChange, goalPage, goalPageQuery, goalsQuery, newCheckin, newGoal, oneGoal, statusChangeBody } from '../../../contracts/goals';
import type { Deps } from '../../deps';
import { addCheckin } from '../../features/goals/check-in';
import { removeCommitment, writeCommitment } from '../../features/goals/commit';
import { getChildGoals, getGoal, getGoalPage } from '../../features/goals/read-goals';
import { changeGoalStatus, createGoal, editGoal } from '../../features/goals/set-goal';
import type { TypedApp } from '../app';
import { created, done, ok, signedIn } from './shared';
import { requestLocale } from '../locale';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const tags = ['goals'];

export function registerGoalsRoutes(app: TypedApp, deps: Deps): void {
  app.get(
    '/api/students/:id/goals',
    { config: signedIn, schema: { tags, summary: "A child's goals for one report period, with check-ins, evidence, commitments and the goals they carry on", params: idParam, querystring: goalsQuery, response: { 200: childGoals, ...errors } } },
    async (req) => getChildGoals(deps, req.actor, req.params.id, req.query),
  );

  app.post(
    '/api/students/:id/goals',
    { config: signedIn, schema: { tags, summary: 'Set a goal (the child or their teacher); it targets the next report period unless another is given', params: idParam, body: newGoal, response: { 201: created, ...errors } } },
    async (req, reply) => reply.code(201).send({ id: await createGoal(deps, req.actor, req.params.id, req.body) }),
  );

  app.get(
    '/api/students/:id/goals/page',
    {
      config: signedIn,
      schema: { tags, summary: 'The report-card goal page of a child for a period, its fixed text in the reader’s language (or `lang`)', params: idParam, querystring: goalPageQuery, response: { 200: goalPage, ...errors } },
    },
    async (req) => getGoalPage(deps, req.actor, req.params.id, req.query, req.query.lang ?? requestLocale(req)),
  );

  app.get('/api/goals/:id', { config: signedIn, schema: { tags, summary: 'One goal with its history, check-ins and commitments', params: idParam, response: { 200: oneGoal, ...errors } } }, async (req) =>
    getGoal(deps, req.actor, req.params.id),
  );

  app.patch('/api/goals/:id', { config: signedIn, schema: { tags, summary: 'Change what a goal is, how it is measured, or its period (while it is being worked on)', params: idParam, body: goalChange, response: { 200: ok, ...errors } } }, async (req) => {
    await editGoal(deps, req.actor, req.params.id, req.body);
    return done;
  });

  app.put('/api/goals/:id/status', { config: signedIn, schema: { tags, summary: 'Mark a goal achieved, or (a teacher) working on it again', params: idParam, body: statusChangeBody, response: { 200: ok, ...errors } } }, async (req) => {
    await changeGoalStatus(deps, req.actor, req.params.id, req.body.status);
    return done;
  });

  app.post('/api/goals/:id/checkins', { config: signedIn, schema: { tags, summary: "Check in on a goal: a note, with the child's approved posts as evidence", params: idParam, body: newCheckin, response: { 201: created, ...errors } } }, async (req, reply) =>
    reply.code(201).send({ id: await addCheckin(deps, req.actor, req.params.id, req.body) }),
  );

  app.put(
    '/api/goals/:id/commitments/:userId',
    { config: signedIn, schema: { tags, summary: 'Write or change my own commitment to a goal (`me`; anyone else’s is refused)', params: commitmentParams, body: commitmentBody, response: { 200: ok, ...errors } } },
    async (req) => {
      await writeCommitment(deps, req.actor, req.params.id, req.params.userId, req.body.text);
      return done;
    },
  );

  app.delete('/api/goals/:id/commitments/:userId', { config: signedIn, schema: { tags, summary: 'Remove my own commitment to a goal', params: commitmentParams, response: { 200: ok, ...errors } } }, async (req) => {
    await removeCommitment(deps, req.actor, req.params.id, req.params.userId);
    return done;
  });
}

/** Reflections after a conference over HTTP: my survey, the family's portfolio reflection, and the results. Thin: parse → use case. */
import { errorBody, idParam } from '../../../contracts/api';
import { classSurveysQuery, classSurveysView, familyReflectionBody, roundSurveysView, surveyAnswerBody, surveyView } from '../../../contracts/surveys';
import type { Deps } from '../../deps';
import { answerSurvey, classSurveys, getSurvey, postFamilyReflection, roundSurveys } from '../../features/conference/surveys';
import type { TypedApp } from '../app';
import { requestLocale } from '../locale';
import { created, signedIn } from './shared';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const tags = ['surveys'];

export function registerSurveyRoutes(app: TypedApp, deps: Deps): void {
  app.get(
    '/api/conferences/:id/survey',
    { config: signedIn, schema: { tags, summary: 'My survey about a conference (the child, or one of its family): my answer or null, whose conference it was, and whether it is open', params: idParam, response: { 200: surveyView, ...errors } } },
    async (req) => getSurvey(deps, req.actor, req.params.id),
  );

  app.put(
    '/api/conferences/:id/survey',
    {
      config: signedIn,
      schema: { tags, summary: 'Answer (or change my answer): worthwhile 1–5, what I learned, what would make it better — once the conference has ended', params: idParam, body: surveyAnswerBody, response: { 200: surveyView, ...errors } },
    },
    async (req) => answerSurvey(deps, req.actor, req.params.id, req.body, requestLocale(req)),
  );

  app.post(
    '/api/conferences/:id/family-reflection',
    { config: signedIn, schema: { tags, summary: "A guardian posts a reflection to the child's portfolio, as the family's (after the conference)", params: idParam, body: familyReflectionBody, response: { 201: created, ...errors } } },
    async (req, reply) => reply.code(201).send({ id: await postFamilyReflection(deps, req.actor, req.params.id, req.body.text) }),
  );

  app.get(
    '/api/classes/:id/surveys',
    { config: signedIn, schema: { tags, summary: "A class's survey results for a round (its latest unless `roundId`), children and guardians, with comments", params: idParam, querystring: classSurveysQuery, response: { 200: classSurveysView, ...errors } } },
    async (req) => classSurveys(deps, req.actor, req.params.id, req.query.roundId),
  );

  app.get(
    '/api/rounds/:id/surveys',
    { config: signedIn, schema: { tags, summary: "A round's survey results for every class taking part, and in total (the school's admin)", params: idParam, response: { 200: roundSurveysView, ...errors } } },
    async (req) => roundSurveys(deps, req.actor, req.params.id),
  );
}

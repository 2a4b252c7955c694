/** Private follow-up over HTTP: a guardian's request, the teacher's queue, messages, an offered time, closing. Thin: parse → use case. */
import { errorBody, idParam } from '../../../contracts/api';
import { followupList, followupOffer, followupQuery, followupView, newFollowup, newFollowupMessage } from '../../../contracts/followup';
import type { Deps } from '../../deps';
import { closeFollowup, conferenceFollowups, followupQueueOf, offerFollowupTime, requestFollowup, writeFollowup } from '../../features/conference/followup';
import type { TypedApp } from '../app';
import { created, signedIn } from './shared';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const tags = ['follow-up'];

export function registerFollowupRoutes(app: TypedApp, deps: Deps): void {
  app.post(
    '/api/conferences/:id/followups',
    { config: signedIn, schema: { tags, summary: 'A guardian asks the teacher for private time about their child (one open request per conference; never shown to the child)', params: idParam, body: newFollowup, response: { 201: created, ...errors } } },
    async (req, reply) => reply.code(201).send(await requestFollowup(deps, req.actor, req.params.id, req.body.message)),
  );

  app.get(
    '/api/conferences/:id/followups',
    { config: signedIn, schema: { tags, summary: "A conference's follow-up requests: the guardian's own, or (facilitators) all", params: idParam, response: { 200: followupList, ...errors } } },
    async (req) => conferenceFollowups(deps, req.actor, req.params.id),
  );

  app.get(
    '/api/followups',
    { config: signedIn, schema: { tags, summary: "A teacher's queue of follow-up requests (the admin's: the school's); without `status`, all that are not closed", querystring: followupQuery, response: { 200: followupList, ...errors } } },
    async (req) => followupQueueOf(deps, req.actor, req.query.status),
  );

  app.post(
    '/api/followups/:id/messages',
    { config: signedIn, schema: { tags, summary: 'Write in the thread (the guardian who asked, or the school)', params: idParam, body: newFollowupMessage, response: { 200: followupView, ...errors } } },
    async (req) => writeFollowup(deps, req.actor, req.params.id, req.body.body),
  );

  app.post(
    '/api/followups/:id/schedule',
    { config: signedIn, schema: { tags, summary: 'The teacher offers a time (the guardian is emailed a calendar invitation)', params: idParam, body: followupOffer, response: { 200: followupView, ...errors } } },
    async (req) => offerFollowupTime(deps, req.actor, req.params.id, req.body),
  );

  app.post(
    '/api/followups/:id/close',
    { config: signedIn, schema: { tags, summary: 'Close the thread (either side)', params: idParam, response: { 200: followupView, ...errors } } },
    async (req) => closeFollowup(deps, req.actor, req.params.id),
  );
}

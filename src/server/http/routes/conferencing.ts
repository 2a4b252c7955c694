/** Pupil conferencing over HTTP: stages, the log, next steps, requests, pairings, the journey. Thin: parse → use case. */
import { z } from 'zod';
import { errorBody, idParam } from '../../../contracts/api';
import {
  childConferences,
  childRequests,
  classConferencing,
  conferenceChange,
  conferenceForm,
  conferencingSettings,
  conferencingSettingsBody,
  createdMany,
  journey,
  journeyQuery,
  myConferencing,
  newConference,
  newPairing,
  newRequest,
  noteParams,
  partnerPage,
  peerNoteBody,
  pupilConferenceView,
  reviewBody,
  stepChange,
  stepGoalBody,
  stepParams,
  triageBody,
} from '../../../contracts/conferencing';
import { LINKS_MAX } from '../../../domain/conferencing/log';
import type { Deps } from '../../deps';
import { editConference, getChildConferences, getConference, getConferenceForm, logConference, markStep, reviewNote, stepToGoal } from '../../features/conferencing/log';
import { getClassConferencing, getJourney, getMyConferencing } from '../../features/conferencing/overview';
import { editPeerNote, endPairingOf, getPartnerPage, pairPupils, sharePieces, writePeerNote } from '../../features/conferencing/pairings';
import { askForConference, getChildRequests, triageRequest } from '../../features/conferencing/requests';
import { getConferencingSettings, saveSettings } from '../../features/conferencing/settings';
import type { TypedApp } from '../app';
import { created, done, ok, signedIn } from './shared';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const tags = ['conferencing'];

export function registerConferencingRoutes(app: TypedApp, deps: Deps): void {
  app.get('/api/schools/:id/conferencing', { config: signedIn, schema: { tags, summary: "The school's conferencing stages (types, prompts, requests) and whether families read pupil conferences", params: idParam, response: { 200: conferencingSettings, ...errors } } }, (req) =>
    getConferencingSettings(deps, req.actor, req.params.id),
  );
  app.put('/api/schools/:id/conferencing', { config: signedIn, schema: { tags, summary: 'Use a template of stages, or the school’s own; and whether families read pupil conferences', params: idParam, body: conferencingSettingsBody, response: { 200: ok, ...errors } } }, async (req) => {
    await saveSettings(deps, req.actor, req.params.id, req.body);
    return done;
  });

  app.get('/api/me/conferencing', { config: signedIn, schema: { tags, summary: 'My conferencing: follow-ups due and queues (staff); the children I conference and my requests (a pupil)', response: { 200: myConferencing, ...errors } } }, (req) =>
    getMyConferencing(deps, req.actor),
  );

  app.get('/api/students/:id/pupil-conferences', { config: signedIn, schema: { tags, summary: "A child's pupil conferences, as far as the reader may see them, with their stage's defaults", params: idParam, response: { 200: childConferences, ...errors } } }, (req) =>
    getChildConferences(deps, req.actor, req.params.id),
  );
  app.get('/api/students/:id/pupil-conferences/form', { config: signedIn, schema: { tags, summary: 'What the log form offers for a child: defaults, conferencers, their work, goals and open requests', params: idParam, response: { 200: conferenceForm, ...errors } } }, (req) =>
    getConferenceForm(deps, req.actor, req.params.id),
  );
  app.post('/api/pupil-conferences', { config: signedIn, schema: { tags, summary: 'Log a pupil conference for a child, or a group (one record each)', body: newConference, response: { 201: createdMany, ...errors } } }, async (req, reply) =>
    reply.code(201).send({ ids: await logConference(deps, req.actor, req.body) }),
  );
  app.get('/api/pupil-conferences/:id', { config: signedIn, schema: { tags, summary: 'One pupil conference', params: idParam, response: { 200: pupilConferenceView, ...errors } } }, (req) => getConference(deps, req.actor, req.params.id));
  app.patch('/api/pupil-conferences/:id', { config: signedIn, schema: { tags, summary: 'Change a pupil conference (its teachers)', params: idParam, body: conferenceChange, response: { 200: ok, ...errors } } }, async (req) => {
    await editConference(deps, req.actor, req.params.id, req.body);
    return done;
  });
  app.post('/api/pupil-conferences/:id/review', { config: signedIn, schema: { tags, summary: "Approve a pupil conferencer's note (the child and family then see it) or return it with a comment", params: idParam, body: reviewBody, response: { 200: ok, ...errors } } }, async (req) => {
    await reviewNote(deps, req.actor, req.params.id, req.body.decision, req.body.comment);
    return done;
  });
  app.patch('/api/pupil-conferences/:id/steps/:stepId', { config: signedIn, schema: { tags, summary: 'Tick a next step done (or not)', params: stepParams, body: stepChange, response: { 200: ok, ...errors } } }, async (req) => {
    await markStep(deps, req.actor, req.params.id, req.params.stepId, req.body.done);
    return done;
  });
  app.post('/api/pupil-conferences/:id/steps/:stepId/goal', { config: signedIn, schema: { tags, summary: 'Make a next step one of the child’s goals', params: stepParams, body: stepGoalBody, response: { 201: created, ...errors } } }, async (req, reply) =>
    reply.code(201).send({ id: await stepToGoal(deps, req.actor, req.params.id, req.params.stepId, req.body.measure) }),
  );

  app.get('/api/students/:id/conference-requests', { config: signedIn, schema: { tags, summary: "A child's requests for a conference (the child and their teachers)", params: idParam, response: { 200: childRequests, ...errors } } }, (req) =>
    getChildRequests(deps, req.actor, req.params.id),
  );
  app.post('/api/students/:id/conference-requests', { config: signedIn, schema: { tags, summary: 'Ask for a conference (the child), in words or with a voice note', params: idParam, body: newRequest, response: { 201: created, ...errors } } }, async (req, reply) =>
    reply.code(201).send({ id: await askForConference(deps, req.actor, req.params.id, req.body) }),
  );
  app.post('/api/conference-requests/:id/triage', { config: signedIn, schema: { tags, summary: 'Answer a request: schedule it, pair the child with a pupil conferencer, reply, or close it', params: idParam, body: triageBody, response: { 200: ok, ...errors } } }, async (req) => {
    await triageRequest(deps, req.actor, req.params.id, req.body);
    return done;
  });

  app.get('/api/classes/:id/conferencing', { config: signedIn, schema: { tags, summary: "A class's conferencing: each child's last conference and open next steps, requests, notes to review, pairings", params: idParam, response: { 200: classConferencing, ...errors } } }, (req) =>
    getClassConferencing(deps, req.actor, req.params.id),
  );

  app.post('/api/pupil-pairings', { config: signedIn, schema: { tags, summary: 'Pair a pupil conferencer with a child, sharing chosen pieces of the child’s work', body: newPairing, response: { 201: created, ...errors } } }, async (req, reply) =>
    reply.code(201).send({ id: await pairPupils(deps, req.actor, { conferencerId: req.body.conferencerId, partnerId: req.body.partnerId, postIds: req.body.postIds }) }),
  );
  app.put('/api/pupil-pairings/:id/posts', { config: signedIn, schema: { tags, summary: 'Choose the pieces a pairing shares', params: idParam, body: z.object({ postIds: z.array(z.uuid()).max(LINKS_MAX) }).strict(), response: { 200: ok, ...errors } } }, async (req) => {
    await sharePieces(deps, req.actor, req.params.id, req.body.postIds);
    return done;
  });
  app.delete('/api/pupil-pairings/:id', { config: signedIn, schema: { tags, summary: 'End a pairing (the conferencer no longer sees the pieces)', params: idParam, response: { 200: ok, ...errors } } }, async (req) => {
    await endPairingOf(deps, req.actor, req.params.id);
    return done;
  });
  app.get('/api/pupil-pairings/:id/partner', { config: signedIn, schema: { tags, summary: "The pupil conferencer's page: their partner, the shared pieces, their own notes", params: idParam, response: { 200: partnerPage, ...errors } } }, (req) =>
    getPartnerPage(deps, req.actor, req.params.id),
  );
  app.post('/api/pupil-pairings/:id/notes', { config: signedIn, schema: { tags, summary: 'Write a peer-conference note (it waits for the partner’s teacher)', params: idParam, body: peerNoteBody, response: { 201: created, ...errors } } }, async (req, reply) =>
    reply.code(201).send({ id: await writePeerNote(deps, req.actor, req.params.id, req.body) }),
  );
  app.put('/api/pupil-pairings/:id/notes/:noteId', { config: signedIn, schema: { tags, summary: 'Change a peer note that waits or was returned (it waits for review again)', params: noteParams, body: peerNoteBody, response: { 200: ok, ...errors } } }, async (req) => {
    await editPeerNote(deps, req.actor, req.params.id, req.params.noteId, req.body);
    return done;
  });

  app.get('/api/students/:id/journey', { config: signedIn, schema: { tags, summary: "A child's learning journey: posts, conferences, goals and their outcomes, newest first", params: idParam, querystring: journeyQuery, response: { 200: journey, ...errors } } }, (req) =>
    getJourney(deps, req.actor, req.params.id, req.query),
  );
}

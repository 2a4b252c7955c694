/** Conference day over HTTP: the agenda and presenter, the facilitator's controls, the day list, the record. Thin: parse → use case. */
import { z } from 'zod';
import { errorBody, idParam } from '../../../contracts/api';
import { agendaChange, attendanceChange, conferenceDay, conferenceView, dayQuery, newNote, outcomesChange, recordQuery, recordView, stepChange } from '../../../contracts/conference';
import type { Deps } from '../../deps';
import { addNote, changeAgenda, correctStart, end, getConference, removeNote, saveOutcomes, setAttendance, setStep, start, streamConference } from '../../features/conference/conference';
import { conferenceDay as readDay } from '../../features/conference/day';
import { finaliseRecord, readRecord } from '../../features/conference/record';
import type { TypedApp } from '../app';
import { created, done, ok, signedIn } from './shared';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const tags = ['conference day'];
const noteParams = z.object({ id: z.uuid(), noteId: z.uuid() });

export function registerConferenceRoutes(app: TypedApp, deps: Deps): void {
  app.get(
    '/api/conference-day',
    {
      config: signedIn,
      schema: { tags, summary: "A teacher's conferences of one day (today unless `date`), in order, with who comes; the admin may ask for any teacher's", querystring: dayQuery.extend({ teacherId: z.uuid().optional(), schoolId: z.uuid().optional() }), response: { 200: conferenceDay, ...errors } },
    },
    async (req) => readDay(deps, req.actor, req.query),
  );

  app.get(
    '/api/conferences/:id',
    { config: signedIn, schema: { tags, summary: 'A conference as the reader may see it: agenda with the pieces and reflections, goals and commitments, and (facilitators) notes', params: idParam, response: { 200: conferenceView, ...errors } } },
    async (req) => getConference(deps, req.actor, req.params.id),
  );

  app.get(
    '/api/conferences/:id/live',
    { config: signedIn, schema: { tags, summary: 'Server-sent events: the step the child is on, started, ended, and a revision that changes when the agenda or goals do (`once=1`: the current state, then close)', params: idParam, querystring: z.object({ once: z.enum(['1']).optional() }), response: { 401: errorBody, 403: errorBody, 404: errorBody } } },
    async (req, reply) => streamConference(deps, req.actor, req.params.id, req, reply, req.query.once === '1'),
  );

  app.put('/api/conferences/:id/step', { config: signedIn, schema: { tags, summary: 'Move to a step of the agenda (the child presenting, or the teacher)', params: idParam, body: stepChange, response: { 200: ok, ...errors } } }, async (req) => {
    await setStep(deps, req.actor, req.params.id, req.body.stepId);
    return done;
  });

  app.put('/api/conferences/:id/agenda', { config: signedIn, schema: { tags, summary: 'The teacher reorders the agenda or adds steps of their own', params: idParam, body: agendaChange, response: { 200: ok, ...errors } } }, async (req) => {
    await changeAgenda(deps, req.actor, req.params.id, req.body);
    return done;
  });

  app.post('/api/conferences/:id/start', { config: signedIn, schema: { tags, summary: 'Start the conference (the timer runs; the family is marked as attending)', params: idParam, response: { 200: ok, ...errors } } }, async (req) => {
    await start(deps, req.actor, req.params.id);
    return done;
  });

  app.put(
    '/api/conferences/:id/started-at',
    { config: signedIn, schema: { tags, summary: 'Correct when the conference began (Start was pressed late)', params: idParam, body: z.object({ startedAt: z.iso.datetime({ offset: true }) }), response: { 200: ok, ...errors } } },
    async (req) => {
      await correctStart(deps, req.actor, req.params.id, req.body.startedAt);
      return done;
    },
  );

  app.post('/api/conferences/:id/end', { config: signedIn, schema: { tags, summary: 'End the conference', params: idParam, response: { 200: ok, ...errors } } }, async (req) => {
    await end(deps, req.actor, req.params.id);
    return done;
  });

  app.put('/api/conferences/:id/attendance', { config: signedIn, schema: { tags, summary: 'Attended, or the family did not come', params: idParam, body: attendanceChange, response: { 200: ok, ...errors } } }, async (req) => {
    await setAttendance(deps, req.actor, req.params.id, req.body.attendance);
    return done;
  });

  app.post('/api/conferences/:id/notes', { config: signedIn, schema: { tags, summary: "A quick note of the teacher's during the conference", params: idParam, body: newNote, response: { 201: created, ...errors } } }, async (req, reply) =>
    reply.code(201).send(await addNote(deps, req.actor, req.params.id, req.body.text)),
  );

  app.delete('/api/conferences/:id/notes/:noteId', { config: signedIn, schema: { tags, summary: 'Remove a quick note', params: noteParams, response: { 200: ok, ...errors } } }, async (req) => {
    await removeNote(deps, req.actor, req.params.id, req.params.noteId);
    return done;
  });

  app.put('/api/conferences/:id/outcomes', { config: signedIn, schema: { tags, summary: "The teacher's summary and the next steps agreed", params: idParam, body: outcomesChange, response: { 200: ok, ...errors } } }, async (req) => {
    await saveOutcomes(deps, req.actor, req.params.id, req.body);
    return done;
  });

  app.post(
    '/api/conferences/:id/record',
    { config: signedIn, schema: { tags, summary: 'Finalise the record (again after an edit: a new version; every version is kept)', params: idParam, response: { 201: z.object({ version: z.number().int() }), ...errors } } },
    async (req, reply) => reply.code(201).send(await finaliseRecord(deps, req.actor, req.params.id)),
  );

  app.get(
    '/api/conferences/:id/record',
    { config: signedIn, schema: { tags, summary: 'The finalised record (the latest version, or `version`), with its history', params: idParam, querystring: recordQuery, response: { 200: recordView, ...errors } } },
    async (req) => readRecord(deps, req.actor, req.params.id, req.query.version),
  );
}

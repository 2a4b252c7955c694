/** Running late over HTTP: a family's status page (and its live stream), an interpreter's, and a teacher's day with expected times. Thin: parse → use case. */
import { z } from 'zod';
import { errorBody, idParam } from '../../../contracts/api';
import { conferenceStatusView, dayStatusQuery, interpreterStatusView, interpreterTokenParams, teacherDayStatusView } from '../../../contracts/late';
import type { Deps } from '../../deps';
import { conferenceStatus, interpreterStatus, streamConferenceStatus, streamInterpreterStatus, streamTeacherDayStatus, teacherDayStatus } from '../../features/conference/late';
import type { TypedApp } from '../app';
import { signedIn } from './shared';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const tags = ['conference day'];
/** The interpreter's page: its secret is the only key (like their calendar feed); 60 requests a minute per address at most. */
/** `once=1`: the current snapshot, then close (a page polling instead of streaming). */
const streamQuery = z.object({ once: z.enum(['1']).optional() });
const publicAccess = { access: 'public' as const, rateLimit: { max: 60, timeWindow: '1 minute' } };

export function registerLateRoutes(app: TypedApp, deps: Deps): void {
  app.get(
    '/api/conferences/:id/status',
    { config: signedIn, schema: { tags, summary: 'The family’s meeting on the day: booked and expected time, how late, how many families before them, started or ended', params: idParam, response: { 200: conferenceStatusView, ...errors } } },
    async (req) => conferenceStatus(deps, req.actor, req.params.id),
  );

  app.get(
    '/api/conferences/:id/status/stream',
    { config: signedIn, schema: { tags, summary: 'Server-sent events: the status above, sent again whenever it changes (`once=1`: the current one, then close)', params: idParam, querystring: streamQuery, response: { 401: errorBody, 403: errorBody, 404: errorBody } } },
    async (req, reply) => streamConferenceStatus(deps, req.actor, req.params.id, req, reply, req.query.once === '1'),
  );

  app.get(
    '/api/interpreter-status/:token',
    { config: publicAccess, schema: { tags, summary: 'An interpreter’s meetings today with expected times (the secret of their calendar feed is the key)', params: interpreterTokenParams, response: { 200: interpreterStatusView, 400: errorBody, 404: errorBody, 429: errorBody } } },
    async (req) => interpreterStatus(deps, req.params.token),
  );

  app.get(
    '/api/interpreter-status/:token/stream',
    { config: publicAccess, schema: { tags, summary: 'Server-sent events: the interpreter’s meetings above, sent again whenever they change (`once=1`: the current ones, then close)', params: interpreterTokenParams, querystring: streamQuery, response: { 400: errorBody, 404: errorBody, 429: errorBody } } },
    async (req, reply) => streamInterpreterStatus(deps, req.params.token, req, reply, req.query.once === '1'),
  );

  app.get(
    '/api/teachers/:id/day-status',
    { config: signedIn, schema: { tags, summary: 'A teacher’s meetings of one day (today unless `date`) with expected times and how late they are running, for the school’s staff', params: idParam, querystring: dayStatusQuery, response: { 200: teacherDayStatusView, ...errors } } },
    async (req) => teacherDayStatus(deps, req.actor, req.params.id, req.query.date),
  );

  app.get(
    '/api/teachers/:id/day-status/stream',
    { config: signedIn, schema: { tags, summary: 'Server-sent events: the teacher’s day of today above, sent again whenever it changes (`once=1`: the current one, then close)', params: idParam, querystring: streamQuery, response: { 401: errorBody, 403: errorBody, 404: errorBody } } },
    async (req, reply) => streamTeacherDayStatus(deps, req.actor, req.params.id, req, reply, req.query.once === '1'),
  );
}

/**
 * Sharing conference records by link over HTTP: the family's links, the public page a link opens
 * (and its media), and the school's and classes' switches. Thin: parse → use case.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody, idParam } from '../../../contracts/api';
import { classSharing, createdShare, newShare, schoolSharing, sharedMediaParams, sharedRecord, shareList, shareOpenings, shareTokenParams, shareView, sharingSwitch } from '../../../contracts/sharing';
import type { Deps } from '../../deps';
import type { MediaRow } from '../../features/media/media.repo';
import {
  changeClassSharing,
  changeSchoolSharing,
  classSharing as readClassSharing,
  createShare,
  listShares,
  openSharedRecord,
  schoolSharing as readSchoolSharing,
  shareOpenings as readOpenings,
  sharedMedia,
  withdrawShare,
} from '../../features/conference/sharing';
import type { TypedApp } from '../app';
import { sendMediaVariant } from '../media-response';
import { signedIn } from './shared';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const publicErrors = { 400: errorBody, 403: errorBody, 404: errorBody, 410: errorBody, 429: errorBody };
const tags = ['record sharing'];
/**
 * The link's secret is the only key, so a few tries a minute per address: enough for a record and
 * its photos (each photo is one request), far too few to guess a 256-bit token.
 */
const publicPage = { access: 'public' as const, rateLimit: { max: 60, timeWindow: '1 minute' } };
const publicMedia = { access: 'public' as const, rateLimit: { max: 300, timeWindow: '1 minute' } };

/** A record's media: never kept by a cache, so a withdrawn link shows nothing more; not for search engines. */
const sendMedia = (deps: Deps, req: FastifyRequest, reply: FastifyReply, row: MediaRow, variantName: string) =>
  sendMediaVariant(deps, req, reply, row, variantName, { 'cache-control': 'no-store', 'x-robots-tag': 'noindex' });

export function registerRecordSharingRoutes(app: TypedApp, deps: Deps): void {
  app.get(
    '/api/conferences/:id/shares',
    { config: signedIn, schema: { tags, summary: "The family's links to the record: for whom, until when, how often opened and when last", params: idParam, response: { 200: shareList, ...errors } } },
    async (req) => listShares(deps, req.actor, req.params.id),
  );

  app.post(
    '/api/conferences/:id/shares',
    { config: signedIn, schema: { tags, summary: 'Make a read-only link to the record for another adult (its address is in this answer only)', params: idParam, body: newShare, response: { 201: createdShare, ...errors } } },
    async (req, reply) => reply.code(201).send(await createShare(deps, req.actor, req.params.id, req.body)),
  );

  app.delete(
    '/api/shares/:id',
    { config: signedIn, schema: { tags, summary: 'Withdraw a link (it stops working at once)', params: idParam, response: { 200: shareView, ...errors } } },
    async (req) => withdrawShare(deps, req.actor, req.params.id),
  );

  app.get(
    '/api/shares/:id/views',
    { config: signedIn, schema: { tags, summary: 'Each time the link was opened: when, and on what kind of device', params: idParam, response: { 200: shareOpenings, ...errors } } },
    async (req) => readOpenings(deps, req.actor, req.params.id),
  );

  app.get(
    '/api/shared/:token',
    { config: publicPage, schema: { tags, summary: 'What a shared link opens, with no sign-in: the record’s latest version, who shared it, until when (each opening is logged)', params: shareTokenParams, response: { 200: sharedRecord, ...publicErrors } } },
    async (req, reply) => {
      const shared = await openSharedRecord(deps, req.params.token, req.headers['user-agent']);
      return reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex').send(shared);
    },
  );

  app.get(
    '/api/shared/:token/media/:mediaId/:variant',
    { config: publicMedia, schema: { tags, summary: 'A photo or recording of the shared record (only those in it)', params: sharedMediaParams, produces: ['application/octet-stream'], response: publicErrors } },
    async (req, reply) => sendMedia(deps, req, reply, await sharedMedia(deps, req.params.token, req.params.mediaId), req.params.variant),
  );

  app.get(
    '/api/schools/:id/record-sharing',
    { config: signedIn, schema: { tags, summary: 'Whether families may share records by link in this school', params: idParam, response: { 200: schoolSharing, ...errors } } },
    async (req) => readSchoolSharing(deps, req.actor, req.params.id),
  );

  app.put(
    '/api/schools/:id/record-sharing',
    { config: signedIn, schema: { tags, summary: 'Turn sharing records by link on or off for the whole school (links made stop working while it is off)', params: idParam, body: sharingSwitch, response: { 200: schoolSharing, ...errors } } },
    async (req) => changeSchoolSharing(deps, req.actor, req.params.id, req.body.enabled),
  );

  app.get(
    '/api/classes/:id/record-sharing',
    { config: signedIn, schema: { tags, summary: "Whether the class's families may share records by link (and whether the school allows it)", params: idParam, response: { 200: classSharing, ...errors } } },
    async (req) => readClassSharing(deps, req.actor, req.params.id),
  );

  app.put(
    '/api/classes/:id/record-sharing',
    { config: signedIn, schema: { tags, summary: "Turn sharing records by link on or off for one class (the school's switch wins when off)", params: idParam, body: sharingSwitch, response: { 200: classSharing, ...errors } } },
    async (req) => changeClassSharing(deps, req.actor, req.params.id, req.body.enabled),
  );
}


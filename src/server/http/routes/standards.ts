/** CASE standards frameworks: import, browse, search, export, the school's own. Thin: parse → use case. */
import { z } from 'zod';
import { errorBody, idParam } from '../../../contracts/api';
import {
  frameworkChange,
  frameworkList,
  frameworkView,
  importResult,
  newFramework,
  newStandardItem,
  schoolFrameworkParams,
  schoolItemParams,
  searchQuery,
  searchResults,
  standardItemChange,
  standardSummaries,
  summariesQuery,
} from '../../../contracts/standards';
import { DomainError } from '../../../domain/errors';
import { MAX_PACKAGE_BYTES, UUID_SHAPE } from '../../../domain/standards/case-package';
import type { Deps } from '../../deps';
import { exportFramework } from '../../features/standards/export-case-package';
import { importCasePackage } from '../../features/standards/import-case-package';
import { addItem, changeFramework, changeItem, createFramework, removeItem } from '../../features/standards/own-framework';
import { getFramework, getFrameworks, getStandardSummaries, searchStandards } from '../../features/standards/read-standards';
import type { TypedApp } from '../app';
import { done, ok, signedIn } from './shared';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 413: errorBody };
const tags = ['standards'];
const createdIdentifier = z.object({ identifier: z.string() });

/** "Year 2 writing (Riverside)" → "year-2-writing-riverside" for a download's name (any script kept). */
const fileNameOf = (title: string) =>
  title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'framework';

export function registerStandardsRoutes(app: TypedApp, deps: Deps): void {
  app.get('/api/schools/:id/standards/frameworks', { config: signedIn, schema: { tags, summary: "The school's standards frameworks: imported and its own", params: idParam, response: { 200: frameworkList, ...errors } } }, async (req) =>
    getFrameworks(deps, req.actor, req.params.id),
  );

  app.post(
    '/api/schools/:id/standards/frameworks',
    { config: signedIn, schema: { tags, summary: "Start the school's own framework (its CASE identifier is a fresh UUID)", params: idParam, body: newFramework, response: { 201: createdIdentifier, ...errors } } },
    async (req, reply) => reply.code(201).send({ identifier: await createFramework(deps, req.actor, req.params.id, req.body) }),
  );

  app.post(
    '/api/schools/:id/standards/imports',
    {
      config: signedIn,
      schema: {
        tags,
        summary: `Import a CASE 1.0/1.1 CFPackage (JSON, at most ${MAX_PACKAGE_BYTES / 1024 / 1024} MB) in one go: all of it, or — with every problem and its JSON path — nothing`,
        consumes: ['multipart/form-data'],
        params: idParam,
        response: { 200: importResult, ...errors },
      },
    },
    async (req) => {
      if (!req.isMultipart()) throw new DomainError('bad_request');
      const part = await req.file({ limits: { fileSize: MAX_PACKAGE_BYTES + 1, files: 1 } });
      if (!part) throw new DomainError('validation_failed', { fields: { file: 'required' } });
      const data = await part.toBuffer().catch((err: unknown) => {
        // The plugin throws once the file passes the limit: say how large it may be.
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new DomainError('media_too_large', { limitMb: MAX_PACKAGE_BYTES / 1024 / 1024 });
        throw err;
      });
      if (part.file.truncated) throw new DomainError('media_too_large', { limitMb: MAX_PACKAGE_BYTES / 1024 / 1024 });
      return importCasePackage(deps, req.actor, req.params.id, data);
    },
  );

  app.get(
    '/api/schools/:id/standards/frameworks/:identifier',
    { config: signedIn, schema: { tags, summary: 'A framework and its tree (current items, depth-first)', params: schoolFrameworkParams, response: { 200: frameworkView, ...errors } } },
    async (req) => getFramework(deps, req.actor, req.params.id, req.params.identifier),
  );

  app.patch(
    '/api/schools/:id/standards/frameworks/:identifier',
    { config: signedIn, schema: { tags, summary: "Rename the school's own framework, or change who wrote it or its subject", params: schoolFrameworkParams, body: frameworkChange, response: { 200: ok, ...errors } } },
    async (req) => {
      await changeFramework(deps, req.actor, req.params.id, req.params.identifier, req.body);
      return done;
    },
  );

  app.get(
    '/api/schools/:id/standards/frameworks/:identifier/case.json',
    { config: signedIn, schema: { tags, summary: 'The framework as a CASE 1.1 CFPackage (valid against the official schema)', params: schoolFrameworkParams, produces: ['application/json'] } },
    async (req, reply) => {
      const { title, pkg } = await exportFramework(deps, req.actor, req.params.id, req.params.identifier);
      const name = `${fileNameOf(title)}.case.json`;
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(JSON.stringify(pkg, null, 2));
    },
  );

  app.post(
    '/api/schools/:id/standards/frameworks/:identifier/items',
    { config: signedIn, schema: { tags, summary: "Add a statement to the school's own framework (top level, or under another)", params: schoolFrameworkParams, body: newStandardItem, response: { 201: createdIdentifier, ...errors } } },
    async (req, reply) =>
      reply.code(201).send({ identifier: await addItem(deps, req.actor, req.params.id, req.params.identifier, { ...req.body, humanCodingScheme: req.body.humanCodingScheme || null }) }),
  );

  app.patch(
    '/api/schools/:id/standards/items/:identifier',
    { config: signedIn, schema: { tags, summary: "Edit a statement of the school's own framework, or move it", params: schoolItemParams, body: standardItemChange, response: { 200: ok, ...errors } } },
    async (req) => {
      await changeItem(deps, req.actor, req.params.id, req.params.identifier, req.body);
      return done;
    },
  );

  app.delete(
    '/api/schools/:id/standards/items/:identifier',
    { config: signedIn, schema: { tags, summary: "Remove a statement (and those under it) from the school's own framework; kept for what links to it", params: schoolItemParams, response: { 200: ok, ...errors } } },
    async (req) => {
      await removeItem(deps, req.actor, req.params.id, req.params.identifier);
      return done;
    },
  );

  app.get('/api/schools/:id/standards/search', { config: signedIn, schema: { tags, summary: "Search the school's standards by words or coding", params: idParam, querystring: searchQuery, response: { 200: searchResults, ...errors } } }, async (req) =>
    searchStandards(deps, req.actor, req.params.id, req.query),
  );

  app.get(
    '/api/schools/:id/standards/items',
    { config: signedIn, schema: { tags, summary: 'Standards by identifier (`ids=a,b`), as criteria and posts show them', params: idParam, querystring: summariesQuery, response: { 200: standardSummaries, ...errors } } },
    async (req) => {
      const ids = req.query.ids.split(',');
      if (!ids.every((id) => UUID_SHAPE.test(id))) throw new DomainError('validation_failed', { fields: { 'querystring.ids': 'invalid_format' } });
      return getStandardSummaries(deps, req.actor, req.params.id, ids);
    },
  );
}

import { z } from 'zod';
import { errorBody, idParam } from '../../../contracts/api';
import { DomainError } from '../../../domain/errors';
import type { Deps } from '../../deps';
import { applyRosterImport, chooseImportSchool, getRosterImport, getSimpleCsvTemplate, startRosterImport } from '../../features/roster/roster-import';
import { localeTags } from '../../../contracts/locales';
import { requestLocale } from '../locale';
import { unpackUpload, type UploadedPart } from '../../features/roster/unpack-upload';
import { exportRosterCsv, exportStaffCsv } from '../../features/roster/export-roster';
import type { TypedApp } from '../app';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 413: errorBody };

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

const problem = z.object({
  file: z.string(),
  line: z.number().int(),
  column: z.string().optional(),
  code: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  severity: z.enum(['error', 'warning']),
});

export const rosterImportView = z.object({
  id: z.uuid(),
  status: z.enum(['planning', 'planned', 'applying', 'applied', 'failed']),
  format: z.string().nullable(),
  /** Counts from the dry run; once applied, `applied` holds what was written. */
  summary: z.record(z.string(), z.unknown()).nullable(),
  /** The first 1,000 problems, errors first. */
  problems: z.array(problem),
  problemCount: z.number().int(),
  progress: z.object({ stage: z.string(), done: z.number(), total: z.number() }).nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
});

export function registerRosterRoutes(app: TypedApp, deps: Deps): void {
  registerRosterChoiceRoute(app, deps);

  for (const [file, make, summary] of [
    ['roster', exportRosterCsv, 'The roster: one child per row with classes and guardians (the simple CSV columns)'],
    ['staff', exportStaffCsv, 'The staff with their roles and classes'],
  ] as const) {
    app.get(
      `/api/schools/:id/exports/${file}.csv`,
      {
        config: { access: 'signed-in' },
        schema: { tags: ['roster'], summary, params: idParam, querystring: z.object({ lang: z.enum(localeTags).optional() }), produces: ['text/csv'], response: { 200: z.string(), ...errors } },
      },
      async (req, reply) => {
        const csv = await make(deps, req.actor, req.params.id, req.query.lang ?? requestLocale(req));
        const date = deps.now().toISOString().slice(0, 10);
        return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="confer-${file}-${date}.csv"`).send(csv);
      },
    );
  }

  app.get(
    '/api/schools/:id/roster-template.csv',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['roster'],
        summary: "The simple CSV template (one child per row, up to two guardians), with headers in the admin's language",
        params: idParam,
        querystring: z.object({ lang: z.enum(localeTags).optional() }),
        produces: ['text/csv'],
        response: { 200: z.string(), ...errors },
      },
    },
    async (req, reply) => {
      const csv = getSimpleCsvTemplate(deps, req.actor, req.params.id, req.query.lang ?? requestLocale(req));
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="confer-roster-template.csv"').send(csv);
    },
  );
  app.post(
    '/api/schools/:id/roster-imports',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['roster'],
        summary: 'Upload roster files (OneRoster 1.1/1.2 or SDS v2.1 CSVs, or a zip of them) for a dry run',
        consumes: ['multipart/form-data'],
        params: idParam,
        querystring: z.object({ schoolSourcedId: z.string().max(200).optional() }),
        response: { 202: z.object({ id: z.uuid() }), ...errors },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw new DomainError('bad_request');
      const parts: UploadedPart[] = [];
      let total = 0;
      for await (const part of req.files({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 30 } })) {
        const data = await part.toBuffer();
        total += data.length;
        if (part.file.truncated || total > MAX_UPLOAD_BYTES) throw new DomainError('payload_too_large');
        parts.push({ filename: part.filename, data });
      }
      const id = await startRosterImport(deps, req.actor, { schoolId: req.params.id, files: unpackUpload(parts), schoolSourcedId: req.query.schoolSourcedId ?? null });
      return reply.code(202).send({ id });
    },
  );

  app.get(
    '/api/roster-imports/:id',
    { config: { access: 'signed-in' }, schema: { tags: ['roster'], summary: 'An import: status, dry-run preview, problems and progress', params: idParam, response: { 200: rosterImportView, ...errors } } },
    async (req) => {
      const r = await getRosterImport(deps, req.actor, req.params.id);
      const problems = ((r.problems as z.infer<typeof problem>[] | null) ?? []).slice().sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
      return {
        id: r.id,
        status: r.status,
        format: r.format,
        summary: (r.summary as Record<string, unknown> | null) ?? null,
        problems: problems.slice(0, 1000),
        problemCount: problems.length,
        progress: (r.progress as { stage: string; done: number; total: number } | null) ?? null,
        error: r.error,
        createdAt: r.createdAt.toISOString(),
      };
    },
  );

  app.post(
    '/api/roster-imports/:id/apply',
    { config: { access: 'signed-in' }, schema: { tags: ['roster'], summary: 'Apply a planned import (one transaction: all or nothing)', params: idParam, response: { 202: z.object({ id: z.uuid() }), ...errors } } },
    async (req, reply) => {
      await applyRosterImport(deps, req.actor, req.params.id);
      return reply.code(202).send({ id: req.params.id });
    },
  );
}

export function registerRosterChoiceRoute(app: TypedApp, deps: Deps): void {
  app.post(
    '/api/roster-imports/:id/school',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['roster'],
        summary: 'Say which school in a multi-school upload is this one; the dry run is done again',
        params: idParam,
        body: z.object({ schoolSourcedId: z.string().min(1).max(200) }),
        response: { 202: z.object({ id: z.uuid() }), ...errors },
      },
    },
    async (req, reply) => {
      await chooseImportSchool(deps, req.actor, req.params.id, req.body.schoolSourcedId);
      return reply.code(202).send({ id: req.params.id });
    },
  );
}

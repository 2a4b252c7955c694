/**
 * The one place that knows HTTP status codes for errors. Anything that is not a DomainError or a
 * known Fastify error becomes `internal`, is logged with the request id, and leaks no detail.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type ErrorCode, type ErrorDetails } from '../../domain/errors';
import type { ErrorBody } from '../../contracts/api';
import type { Translator } from '../i18n';
import { requestLocale } from './locale';

export const statusOf: Record<ErrorCode, number> = {
  validation_failed: 400,
  bad_request: 400,
  payload_too_large: 413,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  csrf_failed: 403,
  rate_limited: 429,
  invalid_credentials: 401,
  link_invalid: 400,
  class_code_unknown: 404,
  media_type_not_allowed: 415,
  media_too_large: 413,
  conflict: 409,
  prompt_in_use: 409,
  slot_taken: 409,
  already_booked: 409,
  booking_not_open: 409,
  booking_closed: 409,
  change_cutoff_passed: 409,
  no_interpreter: 409,
  hold_expired: 409,
  not_a_slot: 422,
  has_bookings: 409,
  conference_ended: 409,
  conference_not_ended: 409,
  record_not_finalised: 409,
  sharing_off: 403,
  share_expired: 410,
  followup_closed: 409,
  availability_round: 409,
  not_availability_round: 409,
  schedule_running: 409,
  nothing_to_schedule: 422,
  run_not_ready: 409,
  schedule_out_of_date: 409,
  already_reviewed: 409,
  requests_off: 409,
  request_closed: 409,
  already_paired: 409,
  pairing_ended: 409,
  internal: 500,
};

/** Zod issue codes that have a message under `errors.fields.<code>`; any other becomes `invalid`. */
const FIELD_CODES = new Set(['invalid_format', 'too_small', 'too_big', 'invalid_value', 'invalid_type', 'custom']);

function fieldsOfValidation(err: FastifyError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of err.validation ?? []) {
    // fastify-type-provider-zod gives each zod issue as { keyword: issue.code, instancePath: '/a/b', message }.
    const where = err.validationContext ?? 'body';
    const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const key = path ? `${where === 'body' ? '' : `${where}.`}${path}` : where;
    const code = issue.keyword;
    // A refinement names its own code as the message (e.g. `dates_reversed`): pass that on.
    const custom = code === 'custom' && /^[a-z][a-z_]+$/.test(issue.message ?? '') ? (issue.message as string) : null;
    fields[key] = code === 'invalid_type' && /received undefined/.test(issue.message ?? '') ? 'required' : (custom ?? (FIELD_CODES.has(code) ? code : 'invalid'));
  }
  return fields;
}

/** Classifies anything thrown into a code and details. */
export function classify(err: unknown): { code: ErrorCode; details: ErrorDetails } {
  if (err instanceof DomainError) return { code: err.code, details: err.details };
  const e = err as FastifyError;
  if (hasZodFastifySchemaValidationErrors(e) || e?.code === 'FST_ERR_VALIDATION') {
    return { code: 'validation_failed', details: { fields: fieldsOfValidation(e) } };
  }
  switch (e?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'payload_too_large', details: {} };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { code: 'bad_request', details: {} };
  }
  if (e && typeof e.statusCode === 'number' && e.statusCode === 400 && e instanceof SyntaxError) return { code: 'bad_request', details: {} };
  return { code: 'internal', details: {} };
}

export function sendError(reply: FastifyReply, req: FastifyRequest, i18n: Translator, code: ErrorCode, details: ErrorDetails = {}): FastifyReply {
  const body: ErrorBody = {
    error: {
      code,
      message: i18n.t(requestLocale(req), `errors.${code}`, { seconds: details.retryAfterSeconds ?? 60, limitMb: details.limitMb ?? 0 }),
      ...(details.fields ? { fields: details.fields } : {}),
      ...(details.limitMb ? { limitMb: details.limitMb } : {}),
      ...(details.retryAfterSeconds ? { retryAfterSeconds: details.retryAfterSeconds } : {}),
      requestId: req.id,
    },
  };
  if (details.retryAfterSeconds) void reply.header('retry-after', String(details.retryAfterSeconds));
  return reply.code(statusOf[code]).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

export function errorHandler(i18n: Translator) {
  return (err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const { code, details } = classify(err);
    if (code === 'internal') req.log.error({ err }, 'unhandled error');
    else req.log.info({ code }, 'request refused');
    return sendError(reply, req, i18n, code, details);
  };
}

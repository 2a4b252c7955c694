/**
 * Small assertions shared by the medium tests of the HTTP API: the one error shape, and a way to
 * see which language the server chose while es/ko/ar are still word-for-word copies of en.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect, vi } from 'vitest';
import { errorCodes, type ErrorCode } from '../../../src/domain/errors';
import type { Deps } from '../../../src/server/deps';
import { SESSION_COOKIE } from '../../../src/server/http/session-cookies';

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface ApiError {
  code: ErrorCode;
  message: string;
  fields?: Record<string, string>;
  requestId: string;
  retryAfterSeconds?: number;
}

const errorKeys = ['code', 'message', 'fields', 'requestId', 'retryAfterSeconds'];

/**
 * Asserts that `res` is an API error with this status and code, in the shape every error has —
 * `{ error: { code, message, requestId, fields?, retryAfterSeconds? } }` as JSON and nothing else —
 * and returns the error.
 */
export function expectError(res: LightMyRequestResponse, status: number, code: ErrorCode): ApiError {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json() as { error: ApiError };
  expect(Object.keys(body)).toEqual(['error']);
  expect(errorCodes).toContain(body.error.code);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  // The translator answers a missing key with the key itself.
  expect(body.error.message).not.toMatch(/errors\./);
  expect(body.error.requestId).toMatch(UUID_PATTERN);
  for (const key of Object.keys(body.error)) expect(errorKeys).toContain(key);
  return body.error;
}

/** The session cookie a response sets, if any. */
export function sessionCookieOf(res: LightMyRequestResponse) {
  return res.cookies.find((c) => c.name === SESSION_COOKIE && c.value !== '');
}

/**
 * es, ko and ar are still copies of en, so the text alone cannot show which language the server
 * chose. This prefixes everything the translator writes with the locale it was asked for
 * (`ko|We could not find…`), so `message === deps.i18n.t('ko', key)` holds only when the server
 * really chose Korean. Undo with `vi.restoreAllMocks()`.
 */
export function tagMessagesWithLocale(deps: Deps) {
  const real = deps.i18n.t.bind(deps.i18n);
  return vi.spyOn(deps.i18n, 't').mockImplementation((locale, key, values) => `${locale}|${real(locale, key, values)}`);
}

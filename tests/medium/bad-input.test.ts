/**
 * What the API answers to requests it cannot or will not serve: unreadable bodies, wrong fields,
 * oversized bodies, unknown routes and bad path parameters, and unexpected exceptions. Every error
 * has one shape — `{ error: { code, message, requestId } }` — its message is in the reader's
 * language, nothing internal leaks, and a refused request changes nothing.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { users } from '../../src/server/db/schema/index';
import { buildStaff, buildWorld, type World } from '../factories/index';
import { buildTestApp, type TestApp, type TestClient } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';
import { expectError, tagMessagesWithLocale, type ApiError } from './support/expect-api';

describe.each(engines)('bad input on %s', (engine) => {
  let database: Database;
  let t: TestApp;
  let w: World;
  let admin: TestClient;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    t = await buildTestApp(database);
    // Two routes that fail the way real code can: an exception whose text names SQL, and a real database error.
    t.app.get('/api/test/boom', { config: { access: 'public' } }, async () => {
      throw new Error('select secret from users');
    });
    t.app.get('/api/test/sql-error', { config: { access: 'public' } }, async () => {
      await t.deps.db.execute(sql`select secret_column from no_such_table`);
      return { ok: true };
    });
    w = await buildWorld(database.db);
    await t.app.ready();
    admin = await t.clientAs(w.admin.id);
  });
  afterAll(async () => {
    await t.app.close();
    await database.close();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Every `fields` code must have a message for the form to show next to the field. */
  function expectFieldMessages(error: ApiError) {
    for (const code of Object.values(error.fields ?? {})) {
      expect(t.deps.i18n.t('en', `errors.fields.${code}`), code).not.toBe(`errors.fields.${code}`);
    }
  }

  describe('unreadable bodies', () => {
    it('answers malformed JSON with 400 bad_request', async () => {
      const res = await t.client().request({
        method: 'POST',
        url: '/api/auth/password',
        payload: '{"identifier": "a@test.example", "password": ',
        headers: { 'content-type': 'application/json' },
      });
      const error = expectError(res, 400, 'bad_request');
      expect(error.fields).toBeUndefined();
    });

    it('answers an empty JSON body and an unsupported content type with 400 bad_request', async () => {
      expectError(await t.client().request({ method: 'POST', url: '/api/auth/password', payload: '', headers: { 'content-type': 'application/json' } }), 400, 'bad_request');
      expectError(
        await t.client().request({ method: 'POST', url: '/api/auth/password', payload: '<identifier/>', headers: { 'content-type': 'application/xml' } }),
        400,
        'bad_request',
      );
    });

    it('answers a body over 256 KiB with 413 payload_too_large', async () => {
      const res = await t.client().post('/api/auth/password', { identifier: 'x'.repeat(300 * 1024), password: 'x' });
      expectError(res, 413, 'payload_too_large');
    });

    it('accepts a body just under the limit as far as reading it (it then fails validation)', async () => {
      const res = await t.client().post('/api/auth/password', { identifier: 'x'.repeat(250 * 1024), password: 'x' });
      expect(expectError(res, 400, 'validation_failed').fields).toEqual({ identifier: 'too_big' });
    });
  });

  describe('wrong fields', () => {
    it('names a missing field as required', async () => {
      const error = expectError(await t.client().post('/api/auth/password', { password: 'x' }), 400, 'validation_failed');
      expect(error.fields).toEqual({ identifier: 'required' });
      expectFieldMessages(error);
    });

    it('names each wrong field with what is wrong with it', async () => {
      const wrongType = expectError(await t.client().post('/api/auth/password', { identifier: 42, password: 'x' }), 400, 'validation_failed');
      expect(wrongType.fields).toEqual({ identifier: 'invalid_type' });

      const blank = expectError(await t.client().post('/api/auth/password', { identifier: '   ', password: 'x' }), 400, 'validation_failed');
      expect(blank.fields).toEqual({ identifier: 'too_small' });

      const pictures = expectError(
        await t.client().post('/api/auth/pictures', { classCode: w.classA.classCode, studentId: 'not-a-uuid', pictures: ['cat', 'cat'] }),
        400,
        'validation_failed',
      );
      expect(pictures.fields).toEqual({ studentId: 'invalid_format', pictures: 'pictures_must_differ' });

      const email = expectError(await t.client().post('/api/auth/link', { email: 'not an email' }), 400, 'validation_failed');
      expect(email.fields).toEqual({ email: 'invalid_format' });

      const locale = expectError(await admin.patch('/api/me', { preferredLocale: 'xx' }), 400, 'validation_failed');
      expect(locale.fields).toEqual({ preferredLocale: 'invalid_value' });

      for (const error of [wrongType, blank, pictures, email, locale]) expectFieldMessages(error);
    });

    it('names the body when there is none, or it is not an object', async () => {
      expect(expectError(await t.client().post('/api/auth/password'), 400, 'validation_failed').fields).toHaveProperty('body');
      expect(expectError(await t.client().post('/api/auth/password', [1, 2]), 400, 'validation_failed').fields).toHaveProperty('body');
    });
  });

  describe('routes and path parameters', () => {
    it('answers an unknown /api route with a JSON 404 not_found', async () => {
      expectError(await t.client().get('/api/no-such-thing'), 404, 'not_found');
      expectError(await admin.get('/api/classes'), 404, 'not_found');
      expectError(await admin.request({ method: 'DELETE', url: '/api/me' }), 404, 'not_found');
      expectError(await t.client().get('/dev/no-such-thing'), 404, 'not_found');
    });

    it('answers a path parameter that is not a UUID with 400, naming the parameter', async () => {
      const error = expectError(await admin.get('/api/classes/not-a-uuid'), 400, 'validation_failed');
      expect(error.fields).toEqual({ 'params.id': 'invalid_format' });
      expectError(await admin.get('/api/students/123'), 400, 'validation_failed');
      // A well-formed id of nothing is a 404, not a 400.
      expectError(await admin.get('/api/students/00000000-0000-4000-8000-000000000000'), 404, 'not_found');
    });

    it('asks an anonymous caller to sign in before it looks at their parameters', async () => {
      expectError(await t.client().get('/api/classes/not-a-uuid'), 401, 'unauthenticated');
    });

    it('answers a path that is not valid URL encoding, or an absurdly long parameter, in the same error shape', async () => {
      const badEncoding = await admin.get('/api/classes/%E0%A4%A');
      expectError(badEncoding, 400, 'bad_request');
      expect(badEncoding.body).not.toContain('%E0');
      const tooLong = await admin.get(`/api/classes/${'a'.repeat(200)}`);
      expectError(tooLong, 400, 'bad_request');
      expect(tooLong.body).not.toContain('aaaa');
    });
  });

  describe('unexpected failures', () => {
    it('turns an unexpected exception into 500 internal, with a request id and no detail', async () => {
      const res = await t.client().get('/api/test/boom');
      const error = expectError(res, 500, 'internal');
      expect(error.message).toBe(t.deps.i18n.t('en', 'errors.internal'));
      expect(res.body.toLowerCase()).not.toContain('select');
      expect(res.body).not.toContain('secret');
      expect(res.body).not.toMatch(/\bat .*\.ts:\d+/);
      expect(res.body).not.toContain('stack');
    });

    it('turns a database error into 500 internal without the SQL or the table', async () => {
      const res = await t.client().get('/api/test/sql-error');
      expectError(res, 500, 'internal');
      expect(res.body.toLowerCase()).not.toContain('select');
      expect(res.body).not.toContain('no_such_table');
      expect(res.body).not.toContain('secret_column');
      expect(res.body).not.toMatch(/relation|does not exist/);
    });

    it('gives every error its own request id', async () => {
      const responses = [
        await t.client().get('/api/test/boom'),
        await t.client().get('/api/test/boom'),
        await t.client().get('/api/no-such-thing'),
        await t.client().get('/api/me'),
        await t.client().request({ method: 'POST', url: '/api/auth/link', payload: { email: 'a@test.example' }, csrf: false }),
        await admin.get('/api/classes/not-a-uuid'),
      ];
      const codes = ['internal', 'internal', 'not_found', 'unauthenticated', 'csrf_failed', 'validation_failed'] as const;
      const statuses = [500, 500, 404, 401, 403, 400];
      const ids = responses.map((res, i) => expectError(res, statuses[i] as number, codes[i] as (typeof codes)[number]).requestId);
      expect(new Set(ids).size).toBe(ids.length);
    });
  });

  describe("in the reader's language", () => {
    it('writes the message in the language of Accept-Language', async () => {
      tagMessagesWithLocale(t.deps);
      const error = expectError(await t.client().get('/api/no-such-thing', { 'accept-language': 'ko' }), 404, 'not_found');
      expect(error.message).toBe(t.deps.i18n.t('ko', 'errors.not_found'));
      expect(error.message).not.toBe(t.deps.i18n.t('en', 'errors.not_found'));
    });

    it('takes the best shipped language from the header, and English when none is shipped', async () => {
      tagMessagesWithLocale(t.deps);
      const cases: Array<[Record<string, string>, 'en' | 'es' | 'ko' | 'ar']> = [
        [{ 'accept-language': 'ko-KR,ko;q=0.9,en;q=0.8' }, 'ko'],
        [{ 'accept-language': 'fr-FR, es;q=0.5, en;q=0.4' }, 'es'],
        [{ 'accept-language': 'en;q=0.1, ar;q=0.9' }, 'ar'],
        [{ 'accept-language': 'fr, de' }, 'en'],
        [{}, 'en'],
        // The page's own language wins over the browser's.
        [{ 'accept-language': 'ko', 'x-confer-locale': 'es' }, 'es'],
      ];
      for (const [headers, locale] of cases) {
        const error = expectError(await t.client().get('/api/no-such-thing', headers), 404, 'not_found');
        expect(error.message, JSON.stringify(headers)).toBe(t.deps.i18n.t(locale, 'errors.not_found'));
      }
    });

    it("writes a signed-in person's messages in their chosen language, over the browser's", async () => {
      const user = await buildStaff(database.db, w.school.id, 'teacher', { preferredLocale: 'ar' });
      const client = await t.clientAs(user.id);
      tagMessagesWithLocale(t.deps);
      const notFound = expectError(await client.get('/api/no-such-thing', { 'accept-language': 'ko' }), 404, 'not_found');
      expect(notFound.message).toBe(t.deps.i18n.t('ar', 'errors.not_found'));
      const forbidden = expectError(await client.get(`/api/classes/${w.classB.id}`, { 'accept-language': 'ko' }), 403, 'forbidden');
      expect(forbidden.message).toBe(t.deps.i18n.t('ar', 'errors.forbidden'));
      const invalid = expectError(await client.patch('/api/me', { preferredLocale: 'xx' }, { 'accept-language': 'ko' }), 400, 'validation_failed');
      expect(invalid.message).toBe(t.deps.i18n.t('ar', 'errors.validation_failed'));
    });
  });

  describe('a refused request changes nothing', () => {
    async function storedLocale(userId: string) {
      const [row] = await t.deps.db.select({ locale: users.preferredLocale }).from(users).where(eq(users.id, userId));
      return row?.locale;
    }

    it('keeps the stored language when PATCH /api/me is refused', async () => {
      const user = await buildStaff(database.db, w.school.id, 'teacher', { preferredLocale: 'ar' });
      const client = await t.clientAs(user.id);

      expectError(await client.patch('/api/me', { preferredLocale: 'xx' }), 400, 'validation_failed');
      expectError(await client.patch('/api/me', { preferredLocale: 'ko', extra: 'x'.repeat(300 * 1024) }), 413, 'payload_too_large');
      expectError(
        await client.request({ method: 'PATCH', url: '/api/me', payload: '{"preferredLocale": "ko"', headers: { 'content-type': 'application/json' } }),
        400,
        'bad_request',
      );
      expectError(await client.request({ method: 'PATCH', url: '/api/me', payload: { preferredLocale: 'ko' }, csrf: false }), 403, 'csrf_failed');

      expect(await storedLocale(user.id)).toBe('ar');
      expect((await client.get('/api/me')).json()).toMatchObject({ id: user.id, preferredLocale: 'ar' });

      // The same client can still change it with a good request: the refusals were about the requests.
      expect((await client.patch('/api/me', { preferredLocale: 'ko' })).statusCode).toBe(200);
      expect(await storedLocale(user.id)).toBe('ko');
    });
  });
});

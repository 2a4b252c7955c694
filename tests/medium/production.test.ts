/** In production the dev outbox is gone, cookies are Secure and HSTS is on. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { buildStaff, buildSchool, TEST_PASSWORD } from '../factories/index';
import { buildTestApp, type TestApp } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';

describe.each(engines)('production settings on %s', (engine) => {
  let database: Database;
  let t: TestApp;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    t = await buildTestApp(database, { NODE_ENV: 'production', LOG_LEVEL: 'silent', PUBLIC_URL: 'https://confer.example' });
    await t.app.ready();
  });
  afterAll(async () => {
    await t.app.close();
    await database.close();
  });

  it('has no /dev/mail and no /api/dev/mail', async () => {
    expect((await t.client().get('/dev/mail')).statusCode).toBe(404);
    expect((await t.client().get('/api/dev/mail')).statusCode).toBe(404);
    expect(t.app.routeTable.some((r) => r.url.includes('/dev/'))).toBe(false);
  });

  it('sets Secure, httpOnly, SameSite=Lax session cookies and HSTS', async () => {
    const school = await buildSchool(database.db);
    const teacher = await buildStaff(database.db, school.id, 'teacher');
    const res = await t.client().post('/api/auth/password', { identifier: teacher.email, password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie'] ?? '');
    expect(cookie).toMatch(/confer_session=[^;]+;.*Secure/);
    expect(cookie).toMatch(/confer_session=[^;]+;.*HttpOnly/);
    expect(cookie).toMatch(/confer_session=[^;]+;.*SameSite=Lax/);
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });
});

/** A session in use is extended — in the database and in the browser's cookie — up to 90 days. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { SESSION_MAX_DAYS } from '../../src/server/features/identity/resolve-session';
import { buildSchool, buildStaff, TEST_PASSWORD } from '../factories/index';
import { buildTestApp, type TestApp } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';

const DAY = 86_400_000;

describe.each(engines)('session renewal on %s', (engine) => {
  let database: Database;
  let t: TestApp;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    t = await buildTestApp(database);
  });
  afterAll(async () => {
    await t.app.close();
    await database.close();
  });

  it('sends the cookie again with the later expiry, and stops extending at 90 days', async () => {
    const school = await buildSchool(database.db);
    const teacher = await buildStaff(database.db, school.id, 'teacher');
    const start = Date.now();
    t.setNow(new Date(start));
    const client = t.client();
    expect((await client.post('/api/auth/password', { identifier: teacher.email, password: TEST_PASSWORD })).statusCode).toBe(200);

    // Used every 10 days: each use pushes the cookie's expiry on by SESSION_DAYS (14).
    let lastExpiry = 0;
    for (let day = 10; day < SESSION_MAX_DAYS; day += 10) {
      t.setNow(new Date(start + day * DAY));
      const res = await client.get('/api/me');
      expect(res.statusCode, `day ${day}`).toBe(200);
      const cookie = (res.cookies as Array<{ name: string; expires?: Date }>).find((c) => c.name === 'confer_session');
      expect(cookie?.expires, `day ${day}`).toBeDefined();
      const expiry = cookie!.expires!.getTime();
      expect(expiry).toBeGreaterThan(lastExpiry);
      expect(expiry).toBeLessThanOrEqual(start + SESSION_MAX_DAYS * DAY + 1000);
      lastExpiry = expiry;
    }
    t.setNow(new Date(start + (SESSION_MAX_DAYS + 1) * DAY));
    expect((await client.get('/api/me')).statusCode).toBe(401);
  });
});

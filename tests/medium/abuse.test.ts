/**
 * Ways someone could try to get in or get at others' data, and what stops them. The race tests
 * mean something only on PostgreSQL (PGlite runs one statement at a time); on PGlite they still
 * check the sequential behaviour.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '../../src/server/db/client';
import { classTeachers, staffMemberships, users } from '../../src/server/db/schema/index';
import { buildGuardian, buildStaff, buildWorld, TEST_PASSWORD, type World } from '../factories/index';
import { buildTestApp, type TestApp } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';

describe.each(engines)('abuse on %s', (engine) => {
  let database: Database;
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    t = await buildTestApp(database);
    w = await buildWorld(database.db);
    await t.app.ready();
  });
  afterAll(async () => {
    await t.app.close();
    await database.close();
  });

  it('checks at most 5 of 30 picture guesses sent at the same moment, so the right pair among them does not get in', async () => {
    const all = ['cat', 'dog', 'fish', 'bird', 'apple', 'banana', 'sun', 'star', 'tree', 'flower', 'car', 'ball', 'house', 'boat', 'heart'];
    const guesses = all.flatMap((a) => all.filter((b) => b !== a).map((b) => [a, b])).filter(([a, b]) => !(a === 'moon' && b === 'fish')).slice(0, 29);
    guesses.push(['moon', 'fish']); // Ana's real pictures, last
    const results = await Promise.all(
      guesses.map((pictures, i) =>
        t.client().request({ method: 'POST', url: '/api/auth/pictures', payload: { classCode: w.classA.classCode, studentId: w.ana.id, pictures }, remoteAddress: `203.0.113.${i + 1}` }),
      ),
    );
    const checked = results.filter((r) => r.statusCode === 401 || r.statusCode === 200).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r.statusCode === 429).length).toBeGreaterThanOrEqual(25);
  });

  it('refuses a state-changing request without the CSRF token however its path is spelt', async () => {
    const client = await t.clientAs(w.teacherA.id);
    for (const url of ['/api/auth/sign-out', '/%61pi/auth/sign-out', '/api/auth//sign-out']) {
      const res = await client.request({ method: 'POST', url, csrf: false });
      expect([403, 404], `${url}: ${res.body}`).toContain(res.statusCode);
      expect(res.statusCode === 200).toBe(false);
    }
    expect((await client.get('/api/me')).statusCode).toBe(200); // still signed in
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY says which proxies to believe', async () => {
    // 30 a minute per address: a client cannot reset that by inventing addresses.
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) {
      const res = await t.client().request({
        method: 'POST',
        url: '/api/auth/class-code',
        payload: { classCode: 'NO-SUCH' },
        remoteAddress: '198.51.100.200',
        headers: { 'x-forwarded-for': `10.0.${i}.1` },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);

    const behindProxy = await buildTestApp(database, { TRUST_PROXY: '1' });
    const proxied: number[] = [];
    for (let i = 0; i < 32; i++) {
      const res = await behindProxy.client().request({
        method: 'POST',
        url: '/api/auth/class-code',
        payload: { classCode: 'NO-SUCH' },
        remoteAddress: '198.51.100.201',
        headers: { 'x-forwarded-for': `10.1.${i}.1` },
      });
      proxied.push(res.statusCode);
    }
    expect(proxied.every((s) => s === 404)).toBe(true); // each client behind the proxy has its own count
    await behindProxy.app.close();
  });

  it('shows the dev outbox only to a browser on this machine', async () => {
    expect((await t.client().request({ method: 'GET', url: '/dev/mail', remoteAddress: '192.168.1.20' })).statusCode).toBe(404);
    expect((await t.client().request({ method: 'GET', url: '/api/dev/mail', remoteAddress: '192.168.1.20' })).statusCode).toBe(404);
    expect((await t.client().request({ method: 'GET', url: '/dev/mail', remoteAddress: '127.0.0.1' })).statusCode).toBe(200);
  });

  it('does not run the dev outbox at all when SMTP is configured', async () => {
    const withSmtp = await buildTestApp(database, { SMTP_URL: 'smtp://127.0.0.1:1' });
    expect((await withSmtp.client().get('/dev/mail')).statusCode).toBe(404);
    await withSmtp.app.close();
  });

  it('sends at most 5 sign-in links to one address in 15 minutes, answering the same every time', async () => {
    const guardian = await buildGuardian(database.db, [w.ana.id]);
    for (let i = 0; i < 8; i++) {
      const res = await t.client().request({ method: 'POST', url: '/api/auth/link', payload: { email: guardian.email }, remoteAddress: `198.51.100.${10 + i}` });
      expect(res.statusCode).toBe(202);
    }
    await t.runJobs();
    const mail = (await t.client().get('/api/dev/mail')).json().messages.filter((m: { to: string }) => m.to === guardian.email);
    expect(mail).toHaveLength(5);
  });

  it('signs in with an email typed in any case, and refuses a second account differing only in case', async () => {
    const staff = await buildStaff(database.db, w.school.id, 'teacher', { email: 'Mixed.Case@Test.Example'.toLowerCase() });
    const res = await t.client().post('/api/auth/password', { identifier: 'MIXED.case@test.EXAMPLE', password: TEST_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    await expect(database.db.insert(users).values({ givenName: 'X', familyName: 'Y', email: 'MIXED.CASE@test.example' })).rejects.toThrow();
    expect(staff.id).toBeDefined();
  });

  it('finds a class by its code in any case', async () => {
    const res = await t.client().post('/api/auth/class-code', { classCode: w.classA.classCode.toLowerCase() });
    expect(res.statusCode).toBe(200);
    expect(res.json().classId).toBe(w.classA.id);
  });

  it('takes a teacher’s class access away when they leave the school’s staff', async () => {
    const leaver = await buildStaff(database.db, w.school.id, 'teacher');
    await database.db.insert(classTeachers).values({ classId: w.classA.id, userId: leaver.id, role: 'co_teacher' });
    const client = await t.clientAs(leaver.id);
    expect((await client.get(`/api/students/${w.ana.id}`)).statusCode).toBe(200);
    await database.db.delete(staffMemberships).where(eq(staffMemberships.userId, leaver.id));
    expect((await client.get(`/api/students/${w.ana.id}`)).statusCode).toBe(404);
    expect((await client.get(`/api/classes/${w.classA.id}`)).statusCode).toBe(404);
  });
});

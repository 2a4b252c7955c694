/**
 * Signing in and out over real HTTP against a real database: password (email or a student's
 * username), emailed one-time links, a class code and pictures for young children, sessions and
 * CSRF. The clock the app sees is moved with `setNow`; the per-IP limiter runs on real time, so the
 * lock-out tests send from their own addresses (`remoteAddress`) to show the lock is per account.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PasswordPictureKey } from '../../src/domain/pictures';
import type { Database } from '../../src/server/db/client';
import { mailOutbox, sessions, signInTokens, users } from '../../src/server/db/schema/index';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../src/server/http/session-cookies';
import { randomToken, tokenDigest } from '../../src/server/lib/secrets';
import { buildClass, buildGuardian, buildStaff, buildStudent, buildUser, buildWorld, TEST_PASSWORD, type World } from '../factories/index';
import { buildTestApp, type TestApp, type TestClient } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';
import { expectError, sessionCookieOf, tagMessagesWithLocale } from './support/expect-api';

const MINUTE = 60_000;
const DAY = 86_400_000;

interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
}

describe.each(engines)('signing in on %s', (engine) => {
  let database: Database;
  let t: TestApp;
  let w: World;
  /** The instant the app's clock is frozen at for the current test. */
  let start: number;

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
  beforeEach(() => {
    start = Date.now();
    t.setNow(new Date(start));
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const at = (ms: number) => t.setNow(new Date(start + ms));

  function signInWithPassword(client: TestClient, identifier: string, password: string, remoteAddress?: string) {
    return client.request({ method: 'POST', url: '/api/auth/password', payload: { identifier, password }, ...(remoteAddress ? { remoteAddress } : {}) });
  }

  async function sessionRowsOf(userId: string) {
    return t.deps.db.select().from(sessions).where(eq(sessions.userId, userId));
  }

  async function outboxTo(address: string): Promise<OutboxMessage[]> {
    const res = await t.client().get('/api/dev/mail');
    expect(res.statusCode).toBe(200);
    return (res.json() as { messages: OutboxMessage[] }).messages.filter((m) => m.to === address);
  }

  function tokenIn(mail: OutboxMessage): string {
    const prefix = `${t.deps.config.publicUrl}/sign-in/link#token=`;
    const from = mail.text.indexOf(prefix);
    expect(from, mail.text).toBeGreaterThanOrEqual(0);
    const token = /^[A-Za-z0-9_-]+/.exec(mail.text.slice(from + prefix.length))?.[0];
    expect(token).toBeDefined();
    return token as string;
  }

  /** Each link request from its own address, so the per-IP limit (10 a minute) is not what a test meets. */
  let linkRequests = 0;
  async function requestLink(email: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    const remoteAddress = `192.0.2.${++linkRequests}`;
    const res = await t.client().request({ method: 'POST', url: '/api/auth/link', payload: { email, ...body }, headers, remoteAddress });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toEqual({ sent: true });
    // The link is mailed by a background job; run it as the server's runner would.
    await t.runJobs();
    return res;
  }

  async function archive(userId: string) {
    await t.deps.db.update(users).set({ archivedAt: new Date(start) }).where(eq(users.id, userId));
  }

  describe('with a password', () => {
    it('signs a teacher in by email: an httpOnly SameSite=Lax session cookie, the CSRF token, and me with their roles', async () => {
      const client = t.client();
      const res = await signInWithPassword(client, w.teacherA.email as string, TEST_PASSWORD);
      expect(res.statusCode, res.body).toBe(200);

      const cookie = sessionCookieOf(res);
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      // A cookie's expiry is written to the second.
      expect(cookie?.expires?.getTime()).toBe(Math.floor((start + t.deps.config.sessionDays * DAY) / 1000) * 1000);
      const csrf = res.cookies.find((c) => c.name === CSRF_COOKIE);
      expect(csrf?.httpOnly).not.toBe(true);

      const body = res.json() as { me: { id: string; email: string; roles: string[]; studentId: string | null; schools: Array<{ id: string }> }; csrfToken: string };
      expect(body.me).toMatchObject({ id: w.teacherA.id, email: w.teacherA.email, roles: ['teacher'], studentId: null });
      expect(body.me.schools.map((s) => s.id)).toEqual([w.school.id]);
      expect(body.csrfToken).toBe(csrf?.value);
      // The session token travels only in the httpOnly cookie, and the database keeps only its digest.
      const token = cookie?.value as string;
      expect(res.body).not.toContain(token);
      const rows = await sessionRowsOf(w.teacherA.id);
      expect(rows.map((r) => r.id)).toContain(tokenDigest(token));
      expect(rows.map((r) => r.id)).not.toContain(token);

      const me = await client.get('/api/me');
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ id: w.teacherA.id, roles: ['teacher'] });
    });

    it('reads the email case-insensitively and trims it, and gives an admin and a guardian their roles', async () => {
      const admin = await signInWithPassword(t.client(), `  ${(w.admin.email as string).toUpperCase()} `, TEST_PASSWORD);
      expect(admin.statusCode, admin.body).toBe(200);
      expect(admin.json().me).toMatchObject({ id: w.admin.id, roles: ['admin'] });

      const guardian = await signInWithPassword(t.client(), w.guardianA.email as string, TEST_PASSWORD);
      expect(guardian.statusCode, guardian.body).toBe(200);
      expect(guardian.json().me).toMatchObject({ id: w.guardianA.id, roles: ['guardian'], studentId: null });
    });

    it("signs an older student in with their username; me says they are that student", async () => {
      const username = `kai-${randomToken().slice(0, 6).toLowerCase()}`;
      const kai = await buildStudent(database.db, w.school.id, [w.classB.id], { givenName: 'Kai', username });
      const client = t.client();
      const res = await signInWithPassword(client, username, TEST_PASSWORD);
      expect(res.statusCode, res.body).toBe(200);
      expect(sessionCookieOf(res)).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
      expect(res.json().me).toMatchObject({ id: kai.userId, givenName: 'Kai', email: null, roles: ['student'], studentId: kai.id });
      expect((await client.get('/api/me')).json()).toMatchObject({ roles: ['student'], studentId: kai.id });
    });

    it('refuses a wrong password or an unknown account with the same 401 invalid_credentials, and starts no session', async () => {
      const before = (await sessionRowsOf(w.teacherB.id)).length;
      const wrong = await signInWithPassword(t.client(), w.teacherB.email as string, `${TEST_PASSWORD}!`);
      const wrongError = expectError(wrong, 401, 'invalid_credentials');
      expect(sessionCookieOf(wrong)).toBeUndefined();
      expect(await sessionRowsOf(w.teacherB.id)).toHaveLength(before);

      const unknown = await signInWithPassword(t.client(), 'nobody-at-all@test.example', TEST_PASSWORD);
      const unknownError = expectError(unknown, 401, 'invalid_credentials');
      expect(unknownError.message).toBe(wrongError.message);
    });

    it('locks the account after 10 failures in 15 minutes — even with the right password, from another address — until the window has passed', async () => {
      const user = await buildStaff(database.db, w.school.id, 'teacher');
      const email = user.email as string;
      for (let i = 0; i < 10; i++) {
        at(i * MINUTE);
        expectError(await signInWithPassword(t.client(), email, 'guess', '203.0.113.10'), 401, 'invalid_credentials');
      }
      at(14 * MINUTE);
      const locked = await signInWithPassword(t.client(), email, TEST_PASSWORD, '198.51.100.20');
      const error = expectError(locked, 429, 'rate_limited');
      expect(error.retryAfterSeconds).toBe(15 * 60);
      expect(locked.headers['retry-after']).toBe('900');
      expect(sessionCookieOf(locked)).toBeUndefined();
      expect(await sessionRowsOf(user.id)).toHaveLength(0);

      // 15 minutes after the last failure none of them counts any more.
      at(9 * MINUTE + 15 * MINUTE + 1000);
      const again = await signInWithPassword(t.client(), email, TEST_PASSWORD, '198.51.100.20');
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json().me.id).toBe(user.id);
    });

    it('counts failures only within the window: failures older than 15 minutes do not lock', async () => {
      const user = await buildStaff(database.db, w.school.id, 'teacher');
      const email = user.email as string;
      for (let i = 0; i < 5; i++) expectError(await signInWithPassword(t.client(), email, 'guess', '203.0.113.11'), 401, 'invalid_credentials');
      at(16 * MINUTE);
      for (let i = 0; i < 5; i++) expectError(await signInWithPassword(t.client(), email, 'guess', '203.0.113.11'), 401, 'invalid_credentials');
      const ok = await signInWithPassword(t.client(), email, TEST_PASSWORD, '203.0.113.11');
      expect(ok.statusCode, ok.body).toBe(200);
    });

    it('lets 9 failures through, and a successful sign-in clears the count', async () => {
      const user = await buildStaff(database.db, w.school.id, 'teacher');
      const email = user.email as string;
      for (let i = 0; i < 9; i++) expectError(await signInWithPassword(t.client(), email, 'guess', '203.0.113.12'), 401, 'invalid_credentials');
      expect((await signInWithPassword(t.client(), email, TEST_PASSWORD, '203.0.113.12')).statusCode).toBe(200);
      // Were the 9 still counted, this one would be the 10th and the next attempt locked.
      expectError(await signInWithPassword(t.client(), email, 'guess', '203.0.113.12'), 401, 'invalid_credentials');
      expect((await signInWithPassword(t.client(), email, TEST_PASSWORD, '203.0.113.12')).statusCode).toBe(200);
    });

    it('does not sign in an archived person, and ends the sessions they had', async () => {
      const user = await buildStaff(database.db, w.school.id, 'teacher');
      const earlier = t.client();
      expect((await signInWithPassword(earlier, user.email as string, TEST_PASSWORD)).statusCode).toBe(200);
      await archive(user.id);

      const res = await signInWithPassword(t.client(), user.email as string, TEST_PASSWORD);
      expectError(res, 401, 'invalid_credentials');
      expect(sessionCookieOf(res)).toBeUndefined();
      expectError(await earlier.get('/api/me'), 401, 'unauthenticated');
    });
  });

  describe('with an emailed link', () => {
    it('emails one link for a known address; the token in its #token= fragment signs in once', async () => {
      const person = await buildUser(database.db, { givenName: 'Mira', password: false });
      const email = person.email as string;
      await requestLink(email);

      const mails = await outboxTo(email);
      expect(mails).toHaveLength(1);
      const mail = mails[0] as OutboxMessage;
      expect(mail.subject).toBe(t.deps.i18n.t('en', 'mail.signInLink.subject'));
      expect(mail.text).toContain('Mira');
      const token = tokenIn(mail);
      // The database keeps only the token's digest: a leaked table signs nobody in.
      const stored = await t.deps.db.select().from(signInTokens).where(eq(signInTokens.userId, person.id));
      expect(stored.map((r) => r.id)).toEqual([tokenDigest(token)]);

      const client = t.client();
      const res = await client.post('/api/auth/link/verify', { token });
      expect(res.statusCode, res.body).toBe(200);
      expect(sessionCookieOf(res)).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
      expect(res.json().me).toMatchObject({ id: person.id, givenName: 'Mira' });
      expect((await client.get('/api/me')).json()).toMatchObject({ id: person.id });
      const rows = await sessionRowsOf(person.id);
      expect(rows.map((r) => r.method)).toEqual(['link']);

      const second = await t.client().post('/api/auth/link/verify', { token });
      expectError(second, 400, 'link_invalid');
      expect(sessionCookieOf(second)).toBeUndefined();
      expect(await sessionRowsOf(person.id)).toHaveLength(1);
    });

    it('refuses a link after its 15 minutes, and accepts it just before', async () => {
      const person = await buildUser(database.db, { password: false });
      const email = person.email as string;
      await requestLink(email);
      await requestLink(email);
      const tokens = (await outboxTo(email)).map(tokenIn);
      expect(tokens).toHaveLength(2);

      at(14 * MINUTE);
      expect((await t.client().post('/api/auth/link/verify', { token: tokens[0] })).statusCode).toBe(200);
      at(16 * MINUTE);
      expectError(await t.client().post('/api/auth/link/verify', { token: tokens[1] }), 400, 'link_invalid');
    });

    it('refuses a token it never sent', async () => {
      expectError(await t.client().post('/api/auth/link/verify', { token: randomToken() }), 400, 'link_invalid');
    });

    it('answers 202 for an unknown address and sends nothing', async () => {
      const countBefore = (await t.deps.db.select().from(mailOutbox)).length;
      await requestLink('no-such-person@test.example');
      expect(await t.deps.db.select().from(mailOutbox)).toHaveLength(countBefore);
    });

    it("writes the email in the person's own language, over the page's", async () => {
      tagMessagesWithLocale(t.deps);
      const guardian = await buildGuardian(database.db, [w.ana.id], { preferredLocale: 'ko', password: false });
      await requestLink(guardian.email as string, { locale: 'es' });
      const [mail] = await outboxTo(guardian.email as string);
      expect(mail?.subject).toBe(t.deps.i18n.t('ko', 'mail.signInLink.subject'));
      expect(mail?.text.startsWith('ko|')).toBe(true);
    });

    it("writes the email in the page's language (or the browser's) when the person has chosen none", async () => {
      tagMessagesWithLocale(t.deps);
      const fromPage = await buildUser(database.db, { password: false });
      await requestLink(fromPage.email as string, { locale: 'es' }, { 'accept-language': 'ar' });
      expect((await outboxTo(fromPage.email as string))[0]?.subject).toBe(t.deps.i18n.t('es', 'mail.signInLink.subject'));

      const fromBrowser = await buildUser(database.db, { password: false });
      await requestLink(fromBrowser.email as string, {}, { 'accept-language': 'ar-EG,ar;q=0.9,en;q=0.5' });
      expect((await outboxTo(fromBrowser.email as string))[0]?.subject).toBe(t.deps.i18n.t('ar', 'mail.signInLink.subject'));
    });

    it('answers the 11th link request from one address within a minute with 429 rate_limited, in the usual error shape', async () => {
      const send = () => t.client().request({ method: 'POST', url: '/api/auth/link', payload: { email: 'nobody-here@test.example' }, remoteAddress: '198.51.100.99' });
      for (let i = 0; i < 10; i++) expect((await send()).statusCode).toBe(202);
      const limited = await send();
      const error = expectError(limited, 429, 'rate_limited');
      expect(error.retryAfterSeconds).toBeGreaterThan(0);
      expect(error.retryAfterSeconds).toBeLessThanOrEqual(60);
      expect(limited.headers['retry-after']).toBe(String(error.retryAfterSeconds));
      // Another address is not held up.
      expect((await t.client().request({ method: 'POST', url: '/api/auth/link', payload: { email: 'nobody-here@test.example' }, remoteAddress: '198.51.100.98' })).statusCode).toBe(202);
    });

    it('sends no link to an archived person, and a link sent before archiving no longer works', async () => {
      const person = await buildUser(database.db, { password: false });
      const email = person.email as string;
      await requestLink(email);
      const token = tokenIn((await outboxTo(email))[0] as OutboxMessage);
      await archive(person.id);

      await requestLink(email);
      expect(await outboxTo(email)).toHaveLength(1);
      expectError(await t.client().post('/api/auth/link/verify', { token }), 400, 'link_invalid');
      expect(await sessionRowsOf(person.id)).toHaveLength(0);
    });
  });

  describe('with a class code and pictures', () => {
    interface SignInChild {
      studentId: string;
      givenName: string;
      familyInitial: string;
      avatar: string;
    }

    function signInWithPictures(client: TestClient, classCode: string, studentId: string, pictures: PasswordPictureKey[], remoteAddress?: string) {
      return client.request({ method: 'POST', url: '/api/auth/pictures', payload: { classCode, studentId, pictures }, ...(remoteAddress ? { remoteAddress } : {}) });
    }

    it("lists the class's children by first name and picture only", async () => {
      const res = await t.client().post('/api/auth/class-code', { classCode: `  ${w.classA.classCode.toLowerCase()} ` });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { classId: string; className: string; students: SignInChild[] };
      expect(body.classId).toBe(w.classA.id);
      expect(body.students.map((s) => s.studentId).sort()).toEqual([w.ana.id, w.cleo.id].sort());
      for (const child of body.students) {
        expect(Object.keys(child).sort()).toEqual(['avatar', 'familyInitial', 'givenName', 'studentId']);
        expect(child).not.toHaveProperty('familyName');
        expect(child).not.toHaveProperty('email');
        expect(child.familyInitial).toHaveLength(1);
      }
      expect(body.students.find((s) => s.studentId === w.ana.id)).toMatchObject({ givenName: 'Ana', avatar: 'fox' });
      // Nothing more about them is in the response at all.
      const [ana] = await t.deps.db.select().from(users).where(eq(users.id, w.ana.userId));
      expect(res.body).not.toContain(ana?.familyName);
      expect(res.body).not.toContain(w.ana.userId);
    });

    it('answers 404 class_code_unknown for a code no class has', async () => {
      const error = expectError(await t.client().post('/api/auth/class-code', { classCode: 'NO-SUCH-CLASS' }), 404, 'class_code_unknown');
      expect(error.fields).toEqual({ classCode: 'class_code_unknown' });
    });

    it("signs a child in with their two pictures in order: GET /api/me says they are that student", async () => {
      const client = t.client();
      const res = await signInWithPictures(client, w.classA.classCode, w.ana.id, ['moon', 'fish']);
      expect(res.statusCode, res.body).toBe(200);
      expect(sessionCookieOf(res)).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
      const me = await client.get('/api/me');
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ id: w.ana.userId, givenName: 'Ana', roles: ['student'], studentId: w.ana.id });
      expect((await sessionRowsOf(w.ana.userId)).map((r) => r.method)).toContain('pictures');
    });

    it('refuses the right pictures in the wrong order', async () => {
      const res = await signInWithPictures(t.client(), w.classA.classCode, w.ana.id, ['fish', 'moon']);
      expectError(res, 401, 'invalid_credentials');
      expect(sessionCookieOf(res)).toBeUndefined();
    });

    it("refuses a child's right pictures with another class's code", async () => {
      expectError(await signInWithPictures(t.client(), w.classA.classCode, w.ben.id, w.ben.pictures), 401, 'invalid_credentials');
      expect((await signInWithPictures(t.client(), w.classB.classCode, w.ben.id, w.ben.pictures)).statusCode).toBe(200);
    });

    it('locks a child after 5 wrong tries — the right pictures then get 429 — until 15 minutes have passed', async () => {
      const klass = await buildClass(database.db, w.school.id);
      const child = await buildStudent(database.db, w.school.id, [klass.id], { pictures: ['star', 'tree'] });
      for (let i = 0; i < 5; i++) {
        expectError(await signInWithPictures(t.client(), klass.classCode, child.id, ['tree', 'star'], '203.0.113.30'), 401, 'invalid_credentials');
      }
      const locked = await signInWithPictures(t.client(), klass.classCode, child.id, ['star', 'tree'], '198.51.100.30');
      expect(expectError(locked, 429, 'rate_limited').retryAfterSeconds).toBe(900);
      expect(sessionCookieOf(locked)).toBeUndefined();

      at(15 * MINUTE + 1000);
      expect((await signInWithPictures(t.client(), klass.classCode, child.id, ['star', 'tree'], '198.51.100.30')).statusCode).toBe(200);
    });
  });

  describe('sessions', () => {
    async function signedIn(userEmail: string): Promise<{ client: TestClient; token: string }> {
      const client = t.client();
      const res = await signInWithPassword(client, userEmail, TEST_PASSWORD);
      expect(res.statusCode, res.body).toBe(200);
      return { client, token: sessionCookieOf(res)?.value as string };
    }

    function clientWithSession(token: string): TestClient {
      const client = t.client();
      client.cookies.set(SESSION_COOKIE, token);
      return client;
    }

    it("signing out ends this browser's session on the server, not another browser's", async () => {
      const user = await buildStaff(database.db, w.school.id, 'teacher');
      const laptop = await signedIn(user.email as string);
      const phone = await signedIn(user.email as string);

      const out = await laptop.client.post('/api/auth/sign-out');
      expect(out.statusCode, out.body).toBe(200);
      expect(out.json()).toEqual({ signedOutSessions: 1 });
      expect(laptop.client.cookies.has(SESSION_COOKIE)).toBe(false);
      expectError(await laptop.client.get('/api/me'), 401, 'unauthenticated');
      // The old cookie, kept by someone, is dead too: the session is gone from the database.
      expectError(await clientWithSession(laptop.token).get('/api/me'), 401, 'unauthenticated');
      expect((await sessionRowsOf(user.id)).map((r) => r.id)).toEqual([tokenDigest(phone.token)]);

      const stillIn = await phone.client.get('/api/me');
      expect(stillIn.statusCode).toBe(200);
      expect(stillIn.json().id).toBe(user.id);
    });

    it("signing out everywhere ends every session of the person, and nobody else's", async () => {
      const user = await buildStaff(database.db, w.school.id, 'teacher');
      const laptop = await signedIn(user.email as string);
      const phone = await t.clientAs(user.id);
      const someoneElse = await t.clientAs(w.teacherB.id);

      const out = await laptop.client.post('/api/auth/sign-out-everywhere');
      expect(out.statusCode, out.body).toBe(200);
      expect(out.json()).toEqual({ signedOutSessions: 2 });
      expectError(await laptop.client.get('/api/me'), 401, 'unauthenticated');
      expectError(await phone.get('/api/me'), 401, 'unauthenticated');
      expect(await sessionRowsOf(user.id)).toHaveLength(0);
      expect((await someoneElse.get('/api/me')).statusCode).toBe(200);
    });

    it('treats a forged session cookie as signed out', async () => {
      const forged = clientWithSession(randomToken());
      expectError(await forged.get('/api/me'), 401, 'unauthenticated');
      const session = await forged.get('/api/session');
      expect(session.statusCode).toBe(200);
      expect(session.json().me).toBeNull();
      // A stored digest used as the cookie does not work either: the cookie must be the token itself.
      const real = await signedIn(w.teacherA.email as string);
      expectError(await clientWithSession(tokenDigest(real.token)).get('/api/me'), 401, 'unauthenticated');
    });

    it(`ends a session left unused for the configured number of days, and keeps one in use alive`, async () => {
      const days = t.deps.config.sessionDays;
      const idle = await t.clientAs(w.teacherA.id);
      const busy = await t.clientAs(w.teacherA.id);

      at((days - 1) * DAY);
      expect((await busy.get('/api/me')).statusCode).toBe(200);
      at(days * DAY + MINUTE);
      expectError(await idle.get('/api/me'), 401, 'unauthenticated');
      // Used a day before it ran out, the other one was extended from then (and again now).
      expect((await busy.get('/api/me')).statusCode).toBe(200);
      at(2 * days * DAY + 2 * MINUTE);
      expectError(await busy.get('/api/me'), 401, 'unauthenticated');
    });

    it('refuses a state-changing request without the CSRF header with 403 csrf_failed, and signs nobody in', async () => {
      const anonymous = t.client();
      await anonymous.get('/api/session');
      expect(anonymous.cookies.has(CSRF_COOKIE)).toBe(true);
      const res = await anonymous.request({
        method: 'POST',
        url: '/api/auth/password',
        payload: { identifier: w.teacherA.email, password: TEST_PASSWORD },
        csrf: false,
      });
      expectError(res, 403, 'csrf_failed');
      expect(sessionCookieOf(res)).toBeUndefined();

      const signedInClient = await t.clientAs(w.teacherA.id);
      expectError(await signedInClient.request({ method: 'POST', url: '/api/auth/sign-out', csrf: false }), 403, 'csrf_failed');
      expect((await signedInClient.get('/api/me')).statusCode).toBe(200);
    });

    it('refuses a wrong CSRF header, and one that matches a planted cookie rather than the session', async () => {
      const [before] = await t.deps.db.select({ locale: users.preferredLocale }).from(users).where(eq(users.id, w.teacherB.id));
      const client = await t.clientAs(w.teacherB.id);
      const wrong = await client.request({ method: 'PATCH', url: '/api/me', payload: { preferredLocale: 'ko' }, headers: { 'x-csrf-token': randomToken() }, csrf: false });
      expectError(wrong, 403, 'csrf_failed');

      // Another site may manage to set a cookie, but a signed-in request must echo the session's own token.
      const planted = randomToken();
      client.cookies.set(CSRF_COOKIE, planted);
      const tossed = await client.request({ method: 'PATCH', url: '/api/me', payload: { preferredLocale: 'ko' }, headers: { 'x-csrf-token': planted }, csrf: false });
      expectError(tossed, 403, 'csrf_failed');

      const [after] = await t.deps.db.select({ locale: users.preferredLocale }).from(users).where(eq(users.id, w.teacherB.id));
      expect(after?.locale).toBe(before?.locale);
      expect(after?.locale).not.toBe('ko');
    });

    it('gives a signed-in page the CSRF token of its session from GET /api/session', async () => {
      const { client, token } = await signedIn(w.teacherB.email as string);
      const res = await client.get('/api/session');
      const [row] = await t.deps.db.select().from(sessions).where(and(eq(sessions.userId, w.teacherB.id), eq(sessions.id, tokenDigest(token))));
      expect(res.json()).toMatchObject({ me: { id: w.teacherB.id }, csrfToken: row?.csrfToken });
      expect(client.cookies.get(CSRF_COOKIE)).toBe(row?.csrfToken);
    });
  });
});

/**
 * The families' daily digest: however many posts are approved in a day, one job per guardian for
 * 17:00 school time, one email listing them (in the guardian's language), sent once; its link
 * switches the digest off, and so does the account page.
 */
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { jobs, mailOutbox } from '../../src/server/db/schema/index';
import { portfolioDigestJob } from '../../src/server/features/portfolio/portfolio-digest';
import { loadMessages } from '../../src/server/i18n';
import { buildGuardian, buildWorld, type World } from '../factories/index';
import { buildTestApp, type TestApp } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';
import { expectError, tagMessagesWithLocale } from './support/expect-api';

const noJobContext = { job: {} as never, progress: async () => undefined };

describe.each(engines)('portfolio digest on %s', (engine) => {
  let database: Database;
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    t = await buildTestApp(database);
    w = await buildWorld(database.db);
  });
  afterAll(async () => {
    await t.app.close();
    await database.close();
  });

  const digestJobsOf = (userId: string) =>
    database.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, 'portfolio-digest'), like(jobs.idempotencyKey, `portfolio-digest:${userId}:%`)));
  const mailsTo = (email: string) => database.db.select().from(mailOutbox).where(eq(mailOutbox.to, email));

  /**
   * Ana posts and her teacher approves, each signed in afresh: the clock is moved back to October, and
   * a session renewed then would get a cookie the test client, on the real clock, takes as expired.
   */
  async function approvedPost(caption: string) {
    const ana = await t.clientAs(w.ana.userId);
    const teacher = await t.clientAs(w.teacherA.id);
    const res = await ana.post(`/api/students/${w.ana.id}/posts`, { caption, items: [{ kind: 'text', text: caption }] });
    expect(res.statusCode, res.body).toBe(201);
    expect((await teacher.post(`/api/posts/${res.json().id}/approve`)).statusCode).toBe(200);
    return res.json().id as string;
  }

  it('mails each family once at 17:00 school time with the day’s posts, in their language, with a link that stops it', async () => {
    // Tuesday 20 October 2026, 09:00 in London (BST): the digest goes at 17:00 BST = 16:00Z.
    t.setNow(new Date('2026-10-20T08:00:00Z'));
    const spanishSpeaker = await buildGuardian(database.db, [w.ana.id], { givenName: 'Rosa', preferredLocale: 'es' });
    await approvedPost('My leaf drawing');
    t.setNow(new Date('2026-10-20T10:30:00Z'));
    await approvedPost('Counting to twenty');
    // A post still waiting is not in anyone's digest.
    expect((await (await t.clientAs(w.ana.userId)).post(`/api/students/${w.ana.id}/posts`, { caption: 'Not yet approved', items: [{ kind: 'text', text: 'x' }] })).statusCode).toBe(201);

    const queued = await digestJobsOf(w.guardianA.id);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ status: 'queued', payload: { userId: w.guardianA.id, localDate: '2026-10-20' }, idempotencyKey: `portfolio-digest:${w.guardianA.id}:2026-10-20` });
    expect(queued[0]?.runAt.toISOString()).toBe('2026-10-20T16:00:00.000Z');
    expect(await digestJobsOf(spanishSpeaker.id)).toHaveLength(1);
    // Ben's family has nothing new: no job.
    expect(await digestJobsOf(w.guardianB.id)).toEqual([]);

    t.setNow(new Date('2026-10-20T15:59:00Z'));
    await t.runJobs();
    expect(await mailsTo(w.guardianA.email as string)).toEqual([]);
    expect((await digestJobsOf(w.guardianA.id))[0]?.status).toBe('queued');

    t.setNow(new Date('2026-10-20T16:00:30Z'));
    const spy = tagMessagesWithLocale(t.deps);
    try {
      await t.runJobs();
    } finally {
      spy.mockRestore();
    }
    const [mail, ...more] = await mailsTo(w.guardianA.email as string);
    expect(more).toEqual([]);
    expect(mail?.subject).toBe(`en|${t.deps.i18n.t('en', 'mail.portfolioDigest.subject', { children: 'Ana' })}`);
    expect(mail?.text).toContain('My leaf drawing');
    expect(mail?.text).toContain('Counting to twenty');
    expect(mail?.text).not.toContain('Not yet approved');
    expect(mail?.text).toContain(`en|${t.deps.i18n.t('en', 'mail.portfolioDigest.child', { name: 'Ana', count: 2 })}`);
    expect(mail?.text).toContain(`${t.deps.config.publicUrl}/students/${w.ana.id}/portfolio`);
    const token = new RegExp(`${t.deps.config.publicUrl}/unsubscribe#([\\w-]+)`).exec(mail?.text ?? '')?.[1];
    expect(token).toBeDefined();
    expect((await digestJobsOf(w.guardianA.id))[0]?.status).toBe('done');

    // Rosa reads Spanish: her email is written in es (es may still be a copy of en; the spy shows the choice).
    const [rosas] = await mailsTo(spanishSpeaker.email as string);
    expect(rosas?.subject).toBe(`es|${t.deps.i18n.t('es', 'mail.portfolioDigest.subject', { children: 'Ana' })}`);
    expect(rosas?.text).toContain('My leaf drawing');
    const spanish = loadMessages('es')['mail.portfolioDigest.subject'];
    if (spanish && spanish !== loadMessages('en')['mail.portfolioDigest.subject']) expect(rosas?.subject).not.toContain('New in');
    // Each family has its own link.
    expect(rosas?.text).not.toContain(token);

    // Sent once: the runner has nothing left, and the job run again (a restart) mails nothing more.
    await t.runJobs();
    await portfolioDigestJob.run(t.deps, { userId: w.guardianA.id, localDate: '2026-10-20' }, noJobContext);
    expect(await mailsTo(w.guardianA.email as string)).toHaveLength(1);

    // The link switches the digest off (it needs no sign-in), and no more digests are queued.
    expect((await (await t.clientAs(w.guardianA.id)).get('/api/me/notifications')).json()).toEqual({ portfolioDigest: true });
    const off = await t.client().post('/api/unsubscribe', { token });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toEqual({ ok: true });
    expect((await (await t.clientAs(w.guardianA.id)).get('/api/me/notifications')).json()).toEqual({ portfolioDigest: false });
    t.setNow(new Date('2026-10-21T09:00:00Z'));
    await approvedPost('Wednesday’s work');
    expect((await digestJobsOf(w.guardianA.id)).map((j) => j.idempotencyKey)).toEqual([`portfolio-digest:${w.guardianA.id}:2026-10-20`]);
    expect((await digestJobsOf(spanishSpeaker.id)).map((j) => (j.payload as { localDate: string }).localDate).sort()).toEqual(['2026-10-20', '2026-10-21']);
    // The link again: still off, still fine.
    expect((await t.client().post('/api/unsubscribe', { token })).statusCode).toBe(200);

    expectError(await t.client().post('/api/unsubscribe', { token: 'x'.repeat(43) }), 400, 'link_invalid');
    expectError(await t.client().post('/api/unsubscribe', { token: 'short' }), 400, 'validation_failed');
  });

  it('lets a person switch the digest off and on from their account page', async () => {
    const guardian = await buildGuardian(database.db, [w.ben.id]);
    const client = await t.clientAs(guardian.id);
    expect((await client.get('/api/me/notifications')).json()).toEqual({ portfolioDigest: true });
    const off = await client.put('/api/me/notifications', { portfolioDigest: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toEqual({ portfolioDigest: false });
    expect((await client.get('/api/me/notifications')).json()).toEqual({ portfolioDigest: false });
    // Only their own: another guardian's setting is untouched.
    expect((await (await t.clientAs(w.guardianB.id)).get('/api/me/notifications')).json()).toEqual({ portfolioDigest: true });
    expect((await client.put('/api/me/notifications', { portfolioDigest: true })).json()).toEqual({ portfolioDigest: true });
    expect((await client.get('/api/me/notifications')).json()).toEqual({ portfolioDigest: true });
    expectError(await client.put('/api/me/notifications', { portfolioDigest: 'yes' }), 400, 'validation_failed');
    expectError(await t.client().get('/api/me/notifications'), 401, 'unauthenticated');
  });
});

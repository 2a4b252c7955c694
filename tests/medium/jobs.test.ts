/** Background jobs survive a dead worker, and a job run twice does not mail twice. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { jobs, mailOutbox } from '../../src/server/db/schema/index';
import { sendSignInLinkJob } from '../../src/server/features/identity/request-sign-in-link';
import { createJobRunner, enqueue, LEASE_MS } from '../../src/server/jobs/runner';
import { jobDefinitions } from '../../src/server/jobs/definitions';
import { buildGuardian } from '../factories/index';
import { buildTestApp, type TestApp } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';

describe.each(engines)('durable jobs on %s', (engine) => {
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

  it('runs a job whose worker died mid-way once its lease has run out, without mailing twice', async () => {
    const guardian = await buildGuardian(database.db, []);
    const id = await enqueue(t.deps, sendSignInLinkJob, { email: guardian.email as string, locale: null });
    expect(id).not.toBeNull();
    // First run: it mails, then "the process dies" before marking the job done.
    expect(await t.runJobs()).toBe(1);
    await database.db.update(jobs).set({ status: 'running', lockedBy: 'dead-worker', lockedAt: new Date(Date.now() - LEASE_MS - 1000) }).where(eq(jobs.id, id as string));
    expect(await t.runJobs()).toBe(1);
    const [job] = await database.db.select().from(jobs).where(eq(jobs.id, id as string));
    expect(job?.status).toBe('done');
    expect(job?.attempts).toBe(2);
    const mails = await database.db.select().from(mailOutbox).where(eq(mailOutbox.to, guardian.email as string));
    expect(mails).toHaveLength(1);
  });

  it('does not take a job another worker is still working on', async () => {
    const guardian = await buildGuardian(database.db, []);
    const id = await enqueue(t.deps, sendSignInLinkJob, { email: guardian.email as string, locale: null });
    await database.db.update(jobs).set({ status: 'running', lockedBy: 'live-worker', lockedAt: new Date() }).where(eq(jobs.id, id as string));
    expect(await t.runJobs()).toBe(0);
  });

  it('makes one job of the same idempotency key', async () => {
    const a = await enqueue(t.deps, sendSignInLinkJob, { email: 'x@test.example', locale: null }, { idempotencyKey: 'same-key' });
    const b = await enqueue(t.deps, sendSignInLinkJob, { email: 'x@test.example', locale: null }, { idempotencyKey: 'same-key' });
    expect(a).not.toBeNull();
    expect(b).toBeNull();
  });

  it('retries a failing job later and keeps the error', async () => {
    await database.db.insert(jobs).values({ kind: 'send-sign-in-link', version: 1, payload: { email: 42 }, maxAttempts: 2 });
    expect(await t.runJobs()).toBeGreaterThanOrEqual(1);
    const broken = (await database.db.select().from(jobs)).find((j) => (j.payload as { email: unknown }).email === 42);
    expect(broken?.status).toBe('queued');
    expect(broken?.attempts).toBe(1);
    expect(broken?.lastError).toBeTruthy();
    expect(broken?.runAt.getTime()).toBeGreaterThan(Date.now());
    // Once its time has come it fails again, and after max attempts it stops, keeping the error.
    await database.db.update(jobs).set({ runAt: new Date(0) }).where(eq(jobs.id, broken!.id));
    expect(await t.runJobs()).toBe(1);
    const [final] = await database.db.select().from(jobs).where(eq(jobs.id, broken!.id));
    expect(final?.status).toBe('failed');
    expect(final?.finishedAt).not.toBeNull();
  });

  it('a job queued in this process wakes the running runner at once, not at its next poll', async () => {
    // Polling once a minute: only the wake-up can run the job within the few seconds allowed.
    const runner = createJobRunner(t.deps, jobDefinitions);
    runner.start(60_000);
    try {
      await new Promise((r) => setTimeout(r, 300)); // its first drain finds nothing and sleeps
      const guardian = await buildGuardian(database.db, []);
      const id = await enqueue(t.deps, sendSignInLinkJob, { email: guardian.email as string, locale: null });
      await expect
        .poll(async () => (await database.db.select().from(jobs).where(eq(jobs.id, id as string)))[0]?.status, { timeout: 5_000, interval: 100 })
        .toBe('done');
    } finally {
      await runner.stop();
    }
  });
});

/**
 * With SMTP_URL set, Confer sends mail through nodemailer to a real SMTP server (smtp-server on
 * loopback here) and still keeps it in the outbox; without it, mail stays in the outbox only.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { listOutbox } from '../../src/server/features/mail/mail.repo';
import { buildGuardian } from '../factories/index';
import { buildTestApp, type TestApp } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';

interface Received {
  from: string;
  to: string[];
  data: string;
}

describe.each(engines)('email over SMTP on %s', (engine) => {
  let database: Database;
  let server: SMTPServer;
  let port: number;
  const received: Received[] = [];

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
  });

  it('sends the sign-in link to the SMTP server and keeps a copy in the outbox', async () => {
    const t: TestApp = await buildTestApp(database, { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Riverside <office@riverside.example>' });
    const guardian = await buildGuardian(database.db, [], { preferredLocale: 'es' });
    const res = await t.client().post('/api/auth/link', { email: guardian.email });
    expect(res.statusCode).toBe(202);
    expect(received).toHaveLength(0); // nothing is sent inside the request…
    expect(await t.runJobs()).toBe(1); // …the job sends it
    expect(received).toHaveLength(1);
    expect(received[0]?.to).toEqual([guardian.email]);
    expect(received[0]?.from).toBe('office@riverside.example');
    expect(received[0]?.data).toContain('#token=');
    const outbox = (await listOutbox(database.db, 10)).filter((m) => m.to === guardian.email);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.subject).toBe(t.deps.i18n.t('es', 'mail.signInLink.subject'));
    expect(outbox[0]?.transport).toMatchObject({ accepted: [guardian.email] });
    // What went out has the token; the copy Confer keeps does not.
    expect(outbox[0]?.text).not.toMatch(/#token=[\w-]{20,}/);
    expect(outbox[0]?.text).toContain('#token=[sent]');
    await t.app.close();
  });

  it('keeps mail only in the outbox when SMTP_URL is not set', async () => {
    const before = received.length;
    const t = await buildTestApp(database);
    const guardian = await buildGuardian(database.db, []);
    expect((await t.client().post('/api/auth/link', { email: guardian.email })).statusCode).toBe(202);
    await t.runJobs();
    expect(received.length).toBe(before);
    const outbox = (await listOutbox(database.db, 10)).filter((m) => m.to === guardian.email);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.transport).toBeNull();
    expect(outbox[0]?.text).toMatch(/#token=[\w-]{20,}/); // kept whole: /dev/mail shows it to this machine
    await t.app.close();
  });
});

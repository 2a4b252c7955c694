/**
 * Running late on conference day, over HTTP: when Ana's conference overruns, the families after
 * her (Cleo's, whose mother reads Spanish, and Ben's, with an interpreter) see their new expected
 * times on their status pages and are told by email — once per threshold, in their language, the
 * interpreter too — but not the family after the break, and nobody when the round's notices are
 * off. A conference that just runs on, with nobody pressing anything, still tells them (a delayed
 * job looks again). The status page's stream sends the new times without being asked again.
 *
 * Teacher A's Friday (23 October 2026, London, BST = UTC+1), 20-minute meetings back to back:
 *   15:30 Ana (Luis)   15:50 Cleo (Marisol, es)   16:10 Ben (his guardian, Korean interpreter)   break   17:00 Dan
 */
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConferenceStatusView, InterpreterStatusView, TeacherDayStatusView } from '../../src/contracts/late';
import type { Database } from '../../src/server/db/client';
import { bookings, guardians, jobs, mailOutbox } from '../../src/server/db/schema/index';
import { updateConference } from '../../src/server/features/conference/conference.repo';
import { dayChanged, lateNoticeJob, lateRecheckJob } from '../../src/server/features/conference/late';
import { jobDefinitions } from '../../src/server/jobs/definitions';
import { createJobRunner, type JobDefinition } from '../../src/server/jobs/runner';
import { buildInterpreter } from '../factories/booking';
import { bookMeeting, buildConference } from '../factories/conference';
import { buildGuardian, buildStudent, buildWorld } from '../factories/index';
import { buildTestApp, type TestApp, type TestClient } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';
import { expectError } from './support/expect-api';

const ANA = '2026-10-23T14:30:00.000Z';
const CLEO = '2026-10-23T14:50:00.000Z';
const BEN = '2026-10-23T15:10:00.000Z';
const DAN = '2026-10-23T16:00:00.000Z';
const at = (iso: string, minutes: number) => new Date(new Date(iso).getTime() + minutes * 60_000);

describe.each(engines)('running late on %s', (engine) => {
  let database: Database;
  let t: TestApp;
  let runJobs: () => Promise<number>;
  let worlds = 0;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    t = await buildTestApp(database);
    // Until app.ts and jobs/definitions.ts carry running late, this file adds them itself.
    const kinds = new Set(jobDefinitions.map((d) => d.kind));
    const mine = [lateNoticeJob, lateRecheckJob].filter((d) => !kinds.has(d.kind)) as unknown as JobDefinition<never>[];
    const runner = createJobRunner(t.deps, [...jobDefinitions, ...mine] as never);
    runJobs = () => runner.drain();
  });
  afterAll(async () => {
    await t.app.close();
    await database.close();
  });
  beforeEach(() => t.setNow(at(ANA, -30)));

  async function evening() {
    const db = database.db;
    const w = await buildWorld(db);
    const conf = await buildConference(db, w, { startsAt: ANA });
    const marisol = await buildGuardian(db, [w.cleo.id], { givenName: 'Marisol', familyName: 'Ruiz', preferredLocale: 'es' });
    const interpreter = await buildInterpreter(db, w.school.id, conf.roundId, ['ko'], `Min-jun ${engine} ${++worlds}`);
    const dan = await buildStudent(db, w.school.id, [w.classA.id], { givenName: 'Dan' });
    const danMum = await buildGuardian(db, [dan.id], { givenName: 'Dora' });
    const book = (studentId: string, guardianId: string, startsAt: string, o: { interpreterId?: string; language?: string } = {}) =>
      bookMeeting(db, w, { roundId: conf.roundId, teacherId: w.teacherA.id, studentId, guardianId, startsAt, ...o });
    const cleo = await book(w.cleo.id, marisol.id, CLEO, { language: 'es' });
    const ben = await book(w.ben.id, w.guardianB.id, BEN, { interpreterId: interpreter.id, language: 'ko' });
    const danMeeting = await book(dan.id, danMum.id, DAN);
    return { w, conf, marisol, interpreter, danMum, ana: conf.conferenceId, cleo: cleo.conferenceId, ben: ben.conferenceId, dan: danMeeting.conferenceId, bookings: { cleo: cleo.booking.id, ben: ben.booking.id, dan: danMeeting.booking.id } };
  }

  const status = async (client: TestClient, conferenceId: string) => {
    const res = await client.get(`/api/conferences/${conferenceId}/status`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ConferenceStatusView>();
  };
  const mailsTo = (email: string | null) => database.db.select().from(mailOutbox).where(and(eq(mailOutbox.to, email!), like(mailOutbox.dedupeKey, 'late-notice:%'))).orderBy(mailOutbox.createdAt);

  /** The teacher starts Ana's conference at 15:30 and, at 15:45, says it really began at 15:42: it runs to 16:02, twelve minutes over. */
  async function overrun(world: Awaited<ReturnType<typeof evening>>) {
    t.setNow(new Date(ANA));
    expect((await (await t.clientAs(world.w.teacherA.id)).post(`/api/conferences/${world.ana}/start`)).statusCode).toBe(200);
    t.setNow(at(ANA, 15));
    const teacher = await t.clientAs(world.w.teacherA.id);
    const res = await teacher.put(`/api/conferences/${world.ana}/started-at`, { startedAt: at(ANA, 12).toISOString() });
    expect(res.statusCode, res.body).toBe(200);
    return teacher;
  }

  it('shows each family its booked and expected time, how late, and how many families before them', async () => {
    const world = await evening();
    const marisol = await t.clientAs(world.marisol.id);
    const before = await status(marisol, world.cleo);
    expect(before).toMatchObject({ today: true, date: '2026-10-23', timeZone: 'Europe/London', student: { givenName: 'Cleo' }, teacher: { room: 'Room 4' }, status: 'scheduled' });
    expect(before.meeting).toMatchObject({ startsAt: CLEO, expectedStartsAt: CLEO, delayMinutes: 0, state: 'waiting', familiesBefore: 1 });

    await overrun(world);
    const cleo = await status(await t.clientAs(world.marisol.id), world.cleo);
    expect(cleo.meeting).toMatchObject({ startsAt: CLEO, expectedStartsAt: at(CLEO, 12).toISOString(), expectedEndsAt: at(CLEO, 32).toISOString(), delayMinutes: 12, state: 'waiting', familiesBefore: 1 });
    const ben = await status(await t.clientAs(world.w.guardianB.id), world.ben);
    expect(ben.meeting).toMatchObject({ expectedStartsAt: at(BEN, 12).toISOString(), delayMinutes: 12, familiesBefore: 2 });
    // The break absorbs it: Dan's family is on time.
    expect((await status(await t.clientAs(world.danMum.id), world.dan)).meeting).toMatchObject({ expectedStartsAt: DAN, delayMinutes: 0, familiesBefore: 3 });
    const ana = await status(await t.clientAs(world.w.guardianA.id), world.ana);
    expect(ana).toMatchObject({ status: 'in_progress', startedAt: at(ANA, 12).toISOString(), meeting: { state: 'in_progress', delayMinutes: 12, familiesBefore: 0 } });

    // Ana's conference runs on to 16:10: everyone after her slips with it, minute by minute.
    t.setNow(at(ANA, 40));
    expect((await status(await t.clientAs(world.marisol.id), world.cleo)).meeting).toMatchObject({ expectedStartsAt: at(CLEO, 20).toISOString(), delayMinutes: 20 });

    // The teacher's day, for staff: running 20 minutes late.
    const day = await (await t.clientAs(world.w.admin.id)).get(`/api/teachers/${world.w.teacherA.id}/day-status?date=2026-10-23`);
    expect(day.statusCode, day.body).toBe(200);
    const view = day.json<TeacherDayStatusView>();
    expect(view.runningLateMinutes).toBe(20);
    expect(view.meetings.map((m) => [m.student.name.split(' ')[0], m.state, m.delayMinutes])).toEqual([
      ['Ana', 'in_progress', 12],
      ['Cleo', 'waiting', 20],
      ['Ben', 'waiting', 20],
      ['Dan', 'waiting', 0],
    ]);
    // Another day of the same teacher has nothing to say yet.
    expect((await (await t.clientAs(world.w.teacherA.id)).get(`/api/teachers/${world.w.teacherA.id}/day-status?date=2026-10-26`)).json<TeacherDayStatusView>().meetings).toEqual([]);
  });

  it('refuses the status page to another family and the child, and hides it from another school', async () => {
    const world = await evening();
    expectError(await (await t.clientAs(world.w.guardianB.id)).get(`/api/conferences/${world.cleo}/status`), 403, 'forbidden');
    expectError(await (await t.clientAs(world.w.cleo.userId)).get(`/api/conferences/${world.cleo}/status`), 403, 'forbidden');
    expectError(await (await t.clientAs(world.w.otherAdmin.id)).get(`/api/conferences/${world.cleo}/status`), 404, 'not_found');
    expect((await t.client().get(`/api/conferences/${world.cleo}/status`)).statusCode).toBe(401);
    // The teacher and the admin may follow it too.
    await status(await t.clientAs(world.w.teacherA.id), world.cleo);
    await status(await t.clientAs(world.w.admin.id), world.cleo);
  });

  it('emails the families past the threshold once, in their language, and their interpreter; again only when it grows by the threshold', async () => {
    const world = await evening();
    await overrun(world);
    await runJobs();

    const [toMarisol, ...moreMarisol] = await mailsTo(world.marisol.email);
    expect(moreMarisol).toEqual([]);
    expect(toMarisol!.subject).toMatch(/^Con retraso: su reunión con .+ es ahora hacia las 16:02$/);
    expect(toMarisol!.text).toContain('llevan 12 minutos de retraso');
    expect(toMarisol!.text).toContain('reservada para las 15:50');
    expect(toMarisol!.text).toContain(`/conferences/${world.cleo}/status`);
    const toBen = await mailsTo(world.w.guardianB.email);
    expect(toBen.map((m) => m.subject)).toEqual([expect.stringMatching(/^Running late: your meeting with .+ is now about 4:22 PM$/)]);
    const toInterpreter = await mailsTo(world.interpreter.email);
    expect(toInterpreter).toHaveLength(1);
    expect(toInterpreter[0]!.subject).toMatch(/^Running late: Ben .+ is now about 4:22 PM$/);
    const link = /\/interpreter-status\/([\w-]+)/.exec(toInterpreter[0]!.text)?.[1];
    expect(link).toBeDefined();
    // Ana's own family and the family after the break hear nothing.
    expect(await mailsTo(world.w.guardianA.email)).toEqual([]);
    expect(await mailsTo(world.danMum.email)).toEqual([]);
    const told = await database.db.select({ id: bookings.id, n: bookings.lateNotifiedMinutes }).from(bookings).where(eq(bookings.roundId, world.conf.roundId));
    expect(Object.fromEntries(told.map((b) => [b.id, b.n]))).toMatchObject({ [world.bookings.cleo]: 12, [world.bookings.ben]: 12, [world.bookings.dan]: 0 });

    // Pressing things again at 16:00 (22 late would be the next notice; it is 15): nothing new.
    t.setNow(at(ANA, 30));
    const teacher = await t.clientAs(world.w.teacherA.id);
    expect((await teacher.put(`/api/conferences/${world.ana}/started-at`, { startedAt: at(ANA, 12).toISOString() })).statusCode).toBe(200);
    await runJobs();
    expect(await mailsTo(world.marisol.email)).toHaveLength(1);

    // Nobody presses anything; at 16:14 Ana's conference is still going: the job looking again tells them of 24 minutes.
    t.setNow(at(ANA, 44));
    await runJobs();
    const again = await mailsTo(world.marisol.email);
    expect(again).toHaveLength(2);
    expect(again[1]!.subject).toContain('16:14');
    expect(again[1]!.text).toContain('24 minutos');
    expect(await mailsTo(world.w.guardianB.email)).toHaveLength(2);
    expect(await mailsTo(world.interpreter.email)).toHaveLength(2);
    expect(await mailsTo(world.danMum.email)).toEqual([]);
    // And still looking, while it runs on.
    const looks = await database.db.select().from(jobs).where(and(eq(jobs.kind, 'late-recheck'), eq(jobs.status, 'queued'), like(jobs.idempotencyKey, `late-recheck:${world.w.teacherA.id}:%`)));
    expect(looks).toHaveLength(1);
    expect(looks[0]!.runAt.getTime()).toBeGreaterThan(at(ANA, 44).getTime());

    // Once it has ended, nothing more is looked at.
    t.setNow(at(ANA, 46));
    expect((await (await t.clientAs(world.w.teacherA.id)).post(`/api/conferences/${world.ana}/end`)).statusCode).toBe(200);
    t.setNow(at(ANA, 200));
    await runJobs();
    expect(await database.db.select().from(jobs).where(and(eq(jobs.kind, 'late-recheck'), eq(jobs.status, 'queued'), like(jobs.idempotencyKey, `late-recheck:${world.w.teacherA.id}:%`)))).toEqual([]);
  });

  it('queues one notice per threshold even when two changes are looked at at once', async () => {
    const world = await evening();
    // Ana's conference is twelve minutes over, as saved by another process that has not looked yet; two look at once.
    t.setNow(at(ANA, 15));
    await updateConference(database.db, world.ana, { status: 'in_progress', startedAt: at(ANA, 12), attendance: 'attended' }, t.deps.now());
    await Promise.all([dayChanged(t.deps, world.w.teacherA.id), dayChanged(t.deps, world.w.teacherA.id), dayChanged(t.deps, world.w.teacherA.id)]);
    const queued = await database.db.select().from(jobs).where(like(jobs.idempotencyKey, `late-notice:${world.bookings.cleo}:%`));
    expect(queued.map((j) => j.idempotencyKey)).toEqual([`late-notice:${world.bookings.cleo}:12`]);
    await runJobs();
    expect(await mailsTo(world.marisol.email)).toHaveLength(1);
  });

  it('shows the interpreter their meetings of today by the secret of their calendar feed', async () => {
    const world = await evening();
    await overrun(world);
    await runJobs();
    const [mail] = await mailsTo(world.interpreter.email);
    const token = /\/interpreter-status\/([\w-]+)/.exec(mail!.text)![1]!;
    const res = await t.client().get(`/api/interpreter-status/${token}`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json<InterpreterStatusView>();
    expect(view.interpreter.name).toMatch(new RegExp(`^Min-jun ${engine} \\d+$`));
    expect(view.meetings.map((m) => [m.student.name.split(' ')[0], m.startsAt, m.expectedStartsAt, m.delayMinutes, m.language, m.teacher.room])).toEqual([['Ben', BEN, at(BEN, 12).toISOString(), 12, 'ko', 'Room 4']]);
    // The same secret as the calendar feed's.
    const feed = await (await t.clientAs(world.w.admin.id)).get(`/api/interpreters/${world.interpreter.id}/feed`);
    expect(feed.statusCode, feed.body).toBe(200);
    expect(feed.json<{ url: string }>().url).toContain(`/calendar/${token}.ics`);
    expectError(await t.client().get(`/api/interpreter-status/${'x'.repeat(43)}`), 404, 'not_found');
  });

  it('sends a text message through the configured provider (the log provider writes it to the log)', async () => {
    const world = await evening();
    await database.db.update(guardians).set({ phone: '+44 7700 900123' }).where(eq(guardians.userId, world.marisol.id));
    // Cleo's father comes too: the school has his phone number but no email.
    const father = await buildGuardian(database.db, [world.w.cleo.id], { givenName: 'Karim', email: null, preferredLocale: 'ar' });
    await database.db.update(guardians).set({ phone: '+44 7700 900456' }).where(eq(guardians.userId, father.id));
    await database.db
      .update(bookings)
      .set({ attendees: [{ kind: 'guardian', userId: world.marisol.id }, { kind: 'guardian', userId: father.id }] })
      .where(eq(bookings.id, world.bookings.cleo));
    const config = t.deps.config as { smsProvider?: string };
    const lines: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      // Off by default: nothing is texted.
      await overrun(world);
      await runJobs();
      expect(lines.filter((l) => l.includes('"sms'))).toEqual([]);
      // With SMS_PROVIDER=log, the next notice (at 24 minutes) is texted too.
      config.smsProvider = 'log';
      t.setNow(at(ANA, 44));
      await runJobs();
    } finally {
      delete config.smsProvider;
      write.mockRestore();
    }
    const texts = lines.filter((l) => l.includes('"sms')).map((l) => JSON.parse(l) as { to: string; text: string });
    expect(texts.map((x) => x.to)).toEqual(['+44 7700 900123', '+44 7700 900456']);
    expect(texts[0]!.text).toMatch(/lleva 24 min de retraso: su reunión de las 15:50 es ahora hacia las 16:14\. http.+\/status$/);
    expect(texts[1]!.text).toMatch(/متأخر 24 دقيقة/);
  });

  it('tells nobody when the round’s notices are off (0), and the setting is saved with the booking settings', async () => {
    const world = await evening();
    const admin = await t.clientAs(world.w.admin.id);
    const saved = await admin.request({ method: 'PATCH', url: `/api/rounds/${world.conf.roundId}/booking-settings`, payload: { lateNoticeMinutes: 0 } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<{ settings: { lateNoticeMinutes: number } }>().settings.lateNoticeMinutes).toBe(0);
    expect((await admin.get(`/api/rounds/${world.conf.roundId}/setup`)).json<{ settings: { lateNoticeMinutes: number } }>().settings.lateNoticeMinutes).toBe(0);
    expectError(await admin.request({ method: 'PATCH', url: `/api/rounds/${world.conf.roundId}/booking-settings`, payload: { lateNoticeMinutes: -5 } }), 400, 'validation_failed');

    await overrun(world);
    t.setNow(at(ANA, 60));
    await runJobs();
    expect((await status(await t.clientAs(world.marisol.id), world.cleo)).meeting.delayMinutes).toBe(40);
    for (const email of [world.marisol.email, world.w.guardianB.email, world.interpreter.email]) expect(await mailsTo(email)).toEqual([]);
    expect(await database.db.select().from(jobs).where(like(jobs.idempotencyKey, `late-recheck:${world.w.teacherA.id}:%`))).toEqual([]);
  });

  it('streams a new snapshot to the status page after a change, without it asking again', async () => {
    const world = await evening();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const marisol = await t.clientAs(world.marisol.id);
    const controller = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}/api/conferences/${world.cleo}/status/stream`, {
      headers: { cookie: [...marisol.cookies].map(([k, v]) => `${k}=${v}`).join('; '), accept: 'text/event-stream' },
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const nextSnapshot = async (): Promise<ConferenceStatusView> => {
      const deadline = Date.now() + 5000;
      for (;;) {
        const match = /event: snapshot\ndata: (.*)\n\n/.exec(buffer);
        if (match) {
          buffer = buffer.slice(match.index + match[0].length);
          return JSON.parse(match[1]!) as ConferenceStatusView;
        }
        if (Date.now() > deadline) throw new Error(`no snapshot in time: ${buffer}`);
        const { value, done } = await Promise.race([reader.read(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('stream read timed out')), 5000))]);
        if (done) throw new Error('stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    };
    try {
      expect((await nextSnapshot()).meeting).toMatchObject({ delayMinutes: 0, familiesBefore: 1 });
      await overrun(world);
      // Started on time (nothing changes for Cleo, so nothing is sent), then the corrected start: 12 minutes.
      let snapshot = await nextSnapshot();
      while (snapshot.meeting.delayMinutes !== 12) snapshot = await nextSnapshot();
      expect(snapshot.meeting).toMatchObject({ expectedStartsAt: at(CLEO, 12).toISOString(), delayMinutes: 12, familiesBefore: 1 });
    } finally {
      controller.abort();
      await reader.cancel().catch(() => undefined);
    }
  });
});

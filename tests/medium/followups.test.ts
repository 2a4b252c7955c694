/**
 * Private follow-up over HTTP: Luis (Ana's father, who reads Spanish) asks Ms Okafor for some time
 * about Ana without her. The request is in Ms Okafor's queue and the admin's, not another
 * teacher's; Ms Okafor is emailed, replies, and offers one of her free times that evening — Luis
 * is emailed in Spanish with a calendar invitation. Either side writes until it is closed. Ana
 * never sees any of it (404 everywhere, and nothing in the conference or record she reads); the
 * other separated parent, other families and the other school are refused.
 *
 * Ms Okafor's Friday (23 October 2026, London, BST): 20-minute slots with 5 minutes between from
 * 15:30 (14:30Z): Ana at 15:30, Cleo at 15:55 (14:55Z); the break 16:30–16:45 (so no 16:20 slot).
 */
import { and, eq, like } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FollowupList, FollowupView } from '../../src/contracts/followup';
import type { Database } from '../../src/server/db/client';
import { mailOutbox, users } from '../../src/server/db/schema/index';
import { followupMailJob } from '../../src/server/features/conference/followup';
import { jobDefinitions } from '../../src/server/jobs/definitions';
import { createJobRunner, type JobDefinition } from '../../src/server/jobs/runner';
import { bookMeeting, buildConference } from '../factories/conference';
import { buildGuardian, buildWorld } from '../factories/index';
import { buildTestApp, type TestApp, type TestClient } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';
import { expectError } from './support/expect-api';

/** 15:40 in London: Ana's conference has just ended. */
const NOW = new Date('2026-10-23T14:40:00Z');
const CLEO = '2026-10-23T14:55:00.000Z';
const MESSAGE = 'Could we talk about Ana’s reading at home, without her?';

describe.each(engines)('private follow-up on %s', (engine) => {
  let database: Database;
  let t: TestApp;
  let runJobs: () => Promise<number>;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    t = await buildTestApp(database);
    // Until app.ts and jobs/definitions.ts carry follow-up, this file adds them itself.
    const mine = jobDefinitions.some((d) => d.kind === followupMailJob.kind) ? [] : [followupMailJob as unknown as JobDefinition<never>];
    const runner = createJobRunner(t.deps, [...jobDefinitions, ...mine] as never);
    runJobs = () => runner.drain();
  });
  afterAll(async () => {
    await t.app.close();
    await database.close();
  });
  beforeEach(() => t.setNow(NOW));

  /** Luis booked Ana's conference for his household alone (separated parents: Marta books her own). */
  async function world() {
    const db = database.db;
    const w = await buildWorld(db);
    await db.update(users).set({ preferredLocale: 'es' }).where(eq(users.id, w.guardianA.id));
    const conf = await buildConference(db, w, { party: w.guardianA.id });
    const cleoMum = await buildGuardian(db, [w.cleo.id], { givenName: 'Rosa' });
    const cleoMeeting = await bookMeeting(db, w, { roundId: conf.roundId, teacherId: w.teacherA.id, studentId: w.cleo.id, guardianId: cleoMum.id, startsAt: CLEO });
    const marta = await buildGuardian(db, [w.ana.id], { givenName: 'Marta', attendsSeparately: true });
    const as = (id: string) => t.clientAs(id);
    return {
      w,
      conf,
      url: `/api/conferences/${conf.conferenceId}`,
      cleoUrl: `/api/conferences/${cleoMeeting.conferenceId}`,
      rosa: await as(cleoMum.id),
      luis: await as(w.guardianA.id),
      teacher: await as(w.teacherA.id),
      admin: await as(w.admin.id),
      teacherB: await as(w.teacherB.id),
      ana: await as(w.ana.userId),
      cleo: await as(w.cleo.userId),
      marta: await as(marta.id),
      ben: await as(w.guardianB.id),
      other: await as(w.otherAdmin.id),
    };
  }

  const ok = async <T,>(res: Promise<{ statusCode: number; body: string; json<X>(): X }>, status = 200): Promise<T> => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r.json<T>();
  };
  const queue = (client: TestClient, query = '') => ok<FollowupList>(client.get(`/api/followups${query}`));
  const mailsTo = (email: string | null) => database.db.select().from(mailOutbox).where(and(eq(mailOutbox.to, email!), like(mailOutbox.dedupeKey, 'followup-mail:%'))).orderBy(mailOutbox.createdAt);

  it('a guardian asks; the teacher is told, replies and offers one of her free times; the guardian is emailed in Spanish with a calendar invitation', async () => {
    const { url, cleoUrl, luis, rosa, teacher, admin, teacherB, w } = await world();
    const { id } = await ok<{ id: string }>(luis.post(`${url}/followups`, { message: MESSAGE }), 201);
    // One open request per conference and guardian: more goes in its thread.
    expect(expectError(await luis.post(`${url}/followups`, { message: 'And another thing' }), 409, 'conflict').fields).toEqual({ message: 'already_open' });
    expectError(await luis.post(`${url}/followups`, { message: '  ' }), 400, 'validation_failed');

    const mine = (await queue(teacher)).requests;
    expect(mine.map((r) => [r.id, r.status, r.student.name, r.guardian.id])).toEqual([[id, 'open', expect.stringMatching(/^Ana /), w.guardianA.id]]);
    expect(mine[0]!.messages.map((m) => [m.side, m.body, m.mine])).toEqual([['family', MESSAGE, false]]);
    expect(mine[0]!.can).toEqual({ write: true, schedule: true, close: true });
    // Her free times from that evening on: not Ana's (over) nor Cleo's 15:55; 16:45 and 17:10, then Monday's (GMT).
    expect(mine[0]!.suggestedTimes.map((s) => s.startsAt)).toEqual(['2026-10-23T15:45:00.000Z', '2026-10-23T16:10:00.000Z', '2026-10-26T15:30:00.000Z', '2026-10-26T15:55:00.000Z', '2026-10-26T16:45:00.000Z', '2026-10-26T17:10:00.000Z']);
    expect((await queue(admin)).requests.map((r) => r.id)).toEqual([id]);
    expect((await queue(teacherB)).requests).toEqual([]);

    await runJobs();
    const [told] = await mailsTo(w.teacherA.email);
    expect(told!.subject).toMatch(/^Luis .* asks for a follow-up about Ana/);
    expect(told!.text).toContain(MESSAGE);
    expect(told!.text).toContain(`${t.deps.config.publicUrl}/followups`);

    // (Each message a minute after the last: the thread is in the order written.)
    t.setNow(new Date(NOW.getTime() + 60_000));
    const replied = await ok<FollowupView>(teacher.post(`/api/followups/${id}/messages`, { body: 'Of course. Later this evening?' }));
    expect(replied.status).toBe('answered');
    expect(replied.messages.map((m) => [m.side, m.mine])).toEqual([['family', false], ['school', true]]);
    t.setNow(new Date(NOW.getTime() + 2 * 60_000));
    const back = await ok<FollowupView>(luis.post(`/api/followups/${id}/messages`, { body: 'Yes please.' }));
    expect(back.status).toBe('open');
    expect(back.suggestedTimes).toEqual([]);
    expect(back.can).toEqual({ write: true, schedule: false, close: true });
    // Only the school offers a time.
    expectError(await luis.post(`/api/followups/${id}/schedule`, { startsAt: '2026-10-23T15:45:00Z', minutes: 15, place: 'Room 4' }), 403, 'forbidden');

    // Not at a time she is booked, nor in the past.
    expect(expectError(await teacher.post(`/api/followups/${id}/schedule`, { startsAt: CLEO, minutes: 15, place: 'Room 4' }), 400, 'validation_failed').fields).toEqual({ startsAt: 'teacher_busy' });
    expect(expectError(await teacher.post(`/api/followups/${id}/schedule`, { startsAt: '2026-10-23T14:00:00Z', minutes: 15, place: 'Room 4' }), 400, 'validation_failed').fields).toEqual({ startsAt: 'in_past' });
    const offered = await ok<FollowupView>(teacher.post(`/api/followups/${id}/schedule`, { startsAt: '2026-10-23T15:45:00Z', minutes: 15, place: 'Room 4', message: 'See you at 16:45.' }));
    expect(offered).toMatchObject({ status: 'scheduled', meeting: { startsAt: '2026-10-23T15:45:00.000Z', endsAt: '2026-10-23T16:00:00.000Z', place: 'Room 4' } });
    // The time given is no longer suggested for another family's request.
    const rosasId = (await ok<{ id: string }>(rosa.post(`${cleoUrl}/followups`, { message: 'A word about Cleo?' }), 201)).id;
    const rosas = (await queue(teacher)).requests.find((r) => r.id === rosasId)!;
    expect(rosas.suggestedTimes[0]!.startsAt).toBe('2026-10-23T16:10:00.000Z');

    await runJobs();
    const toLuis = await mailsTo(w.guardianA.email);
    expect(toLuis.map((m) => m.subject)).toEqual([expect.stringMatching(/respondió/), expect.stringMatching(/ofrece/)]);
    const invitation = toLuis[1]!;
    expect(invitation.text).toContain('Room 4');
    const ics = invitation.attachments![0]!;
    expect(ics.contentType).toMatch(/text\/calendar.*method=REQUEST/);
    const cal = new ICAL.Component(ICAL.parse(ics.content));
    const event = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe(`followup-${id}@confer`);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-10-23T15:45:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-10-23T16:00:00.000Z');
    expect(event.location).toBe('Room 4');
    expect(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/London');
    // Luis's "Yes please." told Ms Okafor too.
    expect((await mailsTo(w.teacherA.email)).map((m) => m.subject)).toEqual([expect.stringMatching(/^Luis .* asks for a follow-up/), expect.stringMatching(/^Luis .* wrote about Ana/), expect.stringMatching(/^Rosa .* asks for a follow-up about Cleo/)]);

    // Still scheduled while they write; then closed, and nobody writes any more.
    expect((await ok<FollowupView>(luis.post(`/api/followups/${id}/messages`, { body: 'See you then.' }))).status).toBe('scheduled');
    expect((await ok<FollowupView>(luis.post(`/api/followups/${id}/close`))).status).toBe('closed');
    expect((await ok<FollowupView>(teacher.post(`/api/followups/${id}/close`))).status).toBe('closed');
    expectError(await teacher.post(`/api/followups/${id}/messages`, { body: 'One more thing' }), 409, 'followup_closed');
    expectError(await teacher.post(`/api/followups/${id}/schedule`, { startsAt: '2026-10-23T16:10:00Z', minutes: 15, place: '' }), 409, 'followup_closed');
    expect((await queue(teacher)).requests.map((r) => r.id)).toEqual([rosasId]);
    expect((await queue(teacher, '?status=closed')).requests.map((r) => r.id)).toEqual([id]);
    // Closed, a new request may be made.
    await ok(luis.post(`${url}/followups`, { message: 'A new question' }), 201);
    expect((await ok<FollowupList>(luis.get(`${url}/followups`))).requests.map((r) => r.status)).toEqual(['open', 'closed']);
  });

  it('never shows the thread to the child: 404 everywhere, and nothing in what she reads', async () => {
    const { url, luis, teacher, ana, cleo } = await world();
    // Two taps at once make one request (the other is told one is open).
    const both = await Promise.all([luis.post(`${url}/followups`, { message: MESSAGE }), luis.post(`${url}/followups`, { message: MESSAGE })]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const { id } = both.find((r) => r.statusCode === 201)!.json<{ id: string }>();
    await ok(teacher.post(`/api/followups/${id}/messages`, { body: 'Thursday after school works for me.' }));
    for (const child of [ana, cleo]) {
      expectError(await child.get(`${url}/followups`), 404, 'not_found');
      expectError(await child.post(`${url}/followups`, { message: 'Me too' }), 404, 'not_found');
      expectError(await child.get('/api/followups'), 404, 'not_found');
      expectError(await child.post(`/api/followups/${id}/messages`, { body: 'Hello' }), 404, 'not_found');
      expectError(await child.post(`/api/followups/${id}/schedule`, { startsAt: '2026-10-23T15:45:00Z', minutes: 15, place: '' }), 404, 'not_found');
      expectError(await child.post(`/api/followups/${id}/close`), 404, 'not_found');
    }
    // Her conference and her record show nothing of it.
    const conference = await ana.get(url);
    expect(conference.statusCode).toBe(200);
    expect(conference.body).not.toContain('reading at home');
    expect(conference.body).not.toContain('Thursday after school');
    expect(conference.body).not.toMatch(/followup/i);
    for (const path of ['/start', '/end']) expect((await teacher.post(`${url}${path}`)).statusCode).toBe(200);
    expect((await teacher.post(`${url}/record`)).statusCode).toBe(201);
    const record = await ana.get(`${url}/record`);
    expect(record.statusCode).toBe(200);
    expect(record.body).not.toContain('reading at home');
    expect(record.body).not.toMatch(/followup/i);
  });

  it('refuses the other separated parent, other families, other teachers and the other school; each guardian sees only their own request', async () => {
    const { url, conf, luis, teacher, admin, teacherB, marta, ben, other, w } = await world();
    const { id } = await ok<{ id: string }>(luis.post(`${url}/followups`, { message: MESSAGE }), 201);
    for (const client of [marta, ben, teacherB]) {
      expectError(await client.get(`${url}/followups`), 403, 'forbidden');
      expectError(await client.post(`${url}/followups`, { message: 'Hello' }), 403, 'forbidden');
      expectError(await client.post(`/api/followups/${id}/messages`, { body: 'Hello' }), 403, 'forbidden');
      expectError(await client.post(`/api/followups/${id}/close`), 403, 'forbidden');
    }
    expectError(await ben.get('/api/followups'), 403, 'forbidden');
    expectError(await other.get(`${url}/followups`), 404, 'not_found');
    expectError(await other.post(`/api/followups/${id}/messages`, { body: 'Hello' }), 404, 'not_found');
    expect((await queue(other)).requests).toEqual([]);
    expectError(await t.client().get('/api/followups'), 401, 'unauthenticated');
    expectError(await teacher.post('/api/followups/00000000-0000-4000-8000-000000000000/messages', { body: 'Hello' }), 404, 'not_found');

    // The admin answers for the school; the facilitators see every request of the conference.
    expect((await ok<FollowupView>(admin.post(`/api/followups/${id}/messages`, { body: 'Ms Okafor will be in touch.' }))).status).toBe('answered');
    expect((await ok<FollowupList>(teacher.get(`${url}/followups`))).requests.map((r) => r.id)).toEqual([id]);

    // A guardian of a family that books together asks too: each sees only their own thread.
    const together = await buildConference(database.db, w, { startsAt: '2026-10-26T15:30:00.000Z' });
    const gran = await buildGuardian(database.db, [w.ana.id], { givenName: 'Abuela' });
    const granClient = await t.clientAs(gran.id);
    const luisThere = await ok<{ id: string }>(luis.post(`/api/conferences/${together.conferenceId}/followups`, { message: 'From Luis' }), 201);
    await ok(granClient.post(`/api/conferences/${together.conferenceId}/followups`, { message: 'From Abuela' }), 201);
    const hers = await ok<FollowupList>(granClient.get(`/api/conferences/${together.conferenceId}/followups`));
    expect(hers.requests.map((r) => r.messages.map((m) => m.body))).toEqual([['From Abuela']]);
    expectError(await granClient.post(`/api/followups/${luisThere.id}/messages`, { body: 'Me too' }), 403, 'forbidden');
    expect(conf.conferenceId).not.toBe(together.conferenceId);
  });
});

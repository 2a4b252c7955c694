/**
 * Sharing a conference record by link, over HTTP: Luis (Ana's father) makes a link for "Aunt
 * Sofia" once Ms Okafor has finished the record; its address is shown once and opens the latest
 * version with no sign-in, each opening logged with the kind of device. A link runs out after the
 * days chosen and stops at once when withdrawn; while the school or Ana's class has sharing off,
 * no link is made and those made are paused (and work again when it is back on). A link serves the
 * record's own photos only. The other separated parent, other families, the teachers, the child
 * and the other school are refused.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RecordContent } from '../../src/contracts/conference';
import type { ClassSharing, CreatedShare, SharedRecord, ShareList, ShareOpenings, ShareView } from '../../src/contracts/sharing';
import type { Database } from '../../src/server/db/client';
import { guardianStudents, recordShares } from '../../src/server/db/schema/index';
import { insertRecordVersion } from '../../src/server/features/conference/conference.repo';
import { tokenDigest } from '../../src/server/lib/secrets';
import { buildConference } from '../factories/conference';
import { buildGuardian, buildWorld, plainPng, uploadedMedia } from '../factories/index';
import { buildTestApp, type TestApp, type TestClient } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';
import { expectError } from './support/expect-api';

/** Friday 23 October 2026, 16:00 in London (15:00Z): Ana's conference (15:30) is over. */
const AFTER = new Date('2026-10-23T15:00:00Z');
const later = (from: Date, minutes: number) => new Date(from.getTime() + minutes * 60_000);
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0';

describe.each(engines)('sharing a record by link on %s', (engine) => {
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
  beforeEach(() => t.setNow(AFTER));

  /** Ana's conference, ended and its record finished by Ms Okafor; Luis booked it for his household alone (separated parents). */
  async function world() {
    const w = await buildWorld(database.db);
    const conf = await buildConference(database.db, w, { party: w.guardianA.id });
    const marta = await buildGuardian(database.db, [w.ana.id], { givenName: 'Marta', attendsSeparately: true });
    const as = (id: string) => t.clientAs(id);
    const teacher = await as(w.teacherA.id);
    const url = `/api/conferences/${conf.conferenceId}`;
    return { w, conf, url, teacher, luis: await as(w.guardianA.id), marta: await as(marta.id), ben: await as(w.guardianB.id), ana: await as(w.ana.userId), admin: await as(w.admin.id), teacherB: await as(w.teacherB.id), other: await as(w.otherAdmin.id) };
  }

  async function finish(teacher: TestClient, url: string) {
    expect((await teacher.post(`${url}/start`)).statusCode).toBe(200);
    expect((await teacher.put(`${url}/outcomes`, { summary: 'Ana led with confidence.', nextSteps: 'Read together every evening.' })).statusCode).toBe(200);
    expect((await teacher.post(`${url}/end`)).statusCode).toBe(200);
    const res = await teacher.post(`${url}/record`);
    expect(res.statusCode, res.body).toBe(201);
  }

  async function share(client: TestClient, url: string, body: { recipient: string; days: number } = { recipient: 'Aunt Sofia', days: 7 }) {
    const res = await client.post(`${url}/shares`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<CreatedShare>();
  }
  const tokenOf = (s: CreatedShare) => new URL(s.url).pathname.split('/').pop()!;
  const open = (token: string, userAgent = IPHONE) => t.client().get(`/api/shared/${token}`, { 'user-agent': userAgent });
  const list = async (client: TestClient, url: string) => {
    const res = await client.get(`${url}/shares`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ShareList>();
  };

  it('makes a link once the record is finished, shows its address once, and opens the latest version without signing in, logging each opening', async () => {
    const first = await world();
    const { url, w } = first;
    let { teacher, luis } = first;
    expect((await list(luis, url)).shares).toEqual([]);
    expectError(await luis.post(`${url}/shares`, { recipient: 'Aunt Sofia', days: 7 }), 409, 'record_not_finalised');
    await finish(teacher, url);
    expectError(await luis.post(`${url}/shares`, { recipient: 'Aunt Sofia', days: 3 }), 400, 'validation_failed');
    expectError(await luis.post(`${url}/shares`, { recipient: '   ', days: 7 }), 400, 'validation_failed');

    const made = await share(luis, url);
    expect(made).toMatchObject({ recipient: 'Aunt Sofia', state: 'active', views: 0, lastViewedAt: null, expiresAt: later(AFTER, 7 * 24 * 60).toISOString() });
    expect(made.url).toMatch(new RegExp(`^${t.deps.config.publicUrl}/shared/[A-Za-z0-9_-]{43}$`));
    const token = tokenOf(made);
    // Only the token's digest is kept; the list never shows the address again.
    const [row] = await database.db.select().from(recordShares).where(eq(recordShares.id, made.id));
    expect(row!.tokenHash).toBe(tokenDigest(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(await list(luis, url))).not.toContain(token);

    t.setNow(later(AFTER, 60));
    const res = await open(token);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const shared = res.json<SharedRecord>();
    expect(shared).toMatchObject({ recipient: 'Aunt Sofia', expiresAt: made.expiresAt });
    expect(shared.sharedBy).toMatch(/^Luis /);
    expect(shared.record.content).toMatchObject({ summary: 'Ana led with confidence.', nextSteps: 'Read together every evening.' });
    expect(shared.record.can).toEqual({ edit: false, share: false });

    // The teacher edits and finishes again: the link shows version 2, and only it (not the history).
    // (A session renewed at a made-up time gets a cookie the test client thinks has expired: new clients after each jump.)
    teacher = await t.clientAs(w.teacherA.id);
    expect((await teacher.put(`${url}/outcomes`, { nextSteps: 'Read together for ten minutes every evening.' })).statusCode).toBe(200);
    expect((await teacher.post(`${url}/record`)).json()).toEqual({ version: 2 });
    t.setNow(later(AFTER, 120));
    const again = (await open(token, WINDOWS)).json<SharedRecord>();
    expect(again.record.version).toBe(2);
    expect(again.record.content.nextSteps).toBe('Read together for ten minutes every evening.');
    expect(again.record.versions.map((v) => v.version)).toEqual([2]);

    luis = await t.clientAs(w.guardianA.id);
    const [listed] = (await list(luis, url)).shares;
    expect(listed).toMatchObject({ id: made.id, views: 2, lastViewedAt: later(AFTER, 120).toISOString(), createdBy: { id: w.guardianA.id } });
    const views = (await luis.get(`/api/shares/${made.id}/views`)).json<ShareOpenings>();
    expect(views.views).toEqual([
      { viewedAt: later(AFTER, 120).toISOString(), device: { system: 'windows', browser: 'edge' } },
      { viewedAt: later(AFTER, 60).toISOString(), device: { system: 'ios', browser: 'safari' } },
    ]);
    // An address that was never made is not a link at all.
    expectError(await open('x'.repeat(43)), 404, 'not_found');
  });

  it('runs out after the days chosen, and stops at once when withdrawn', async () => {
    const { url, teacher, luis, w } = await world();
    await finish(teacher, url);
    const oneDay = await share(luis, url, { recipient: 'Grandma', days: 1 });
    const week = await share(luis, url, { recipient: 'Uncle Tomás', days: 7 });
    t.setNow(later(AFTER, 24 * 60 - 1));
    expect((await open(tokenOf(oneDay))).statusCode).toBe(200);
    t.setNow(later(AFTER, 24 * 60));
    expectError(await open(tokenOf(oneDay)), 410, 'share_expired');
    expect((await open(tokenOf(week))).statusCode).toBe(200);

    const luisNow = await t.clientAs(w.guardianA.id);
    const withdrawn = await luisNow.delete(`/api/shares/${week.id}`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json<ShareView>()).toMatchObject({ state: 'revoked', revokedAt: later(AFTER, 24 * 60).toISOString() });
    expectError(await open(tokenOf(week)), 410, 'share_expired');
    // Withdrawing again keeps the first time.
    t.setNow(later(AFTER, 25 * 60));
    const luisLater = await t.clientAs(w.guardianA.id);
    expect((await luisLater.delete(`/api/shares/${week.id}`)).json<ShareView>().revokedAt).toBe(later(AFTER, 24 * 60).toISOString());
    expect((await list(luisLater, url)).shares.map((s) => [s.recipient, s.state, s.views])).toEqual([
      ['Uncle Tomás', 'revoked', 1],
      ['Grandma', 'expired', 1],
    ]);
  });

  it('makes no link while the class or the school has sharing off, pauses the links made, and lets them work again when it is back on', async () => {
    const { url, teacher, luis, admin, teacherB, w } = await world();
    await finish(teacher, url);
    const made = await share(luis, url);
    const token = tokenOf(made);

    const off = await teacher.put(`/api/classes/${w.classA.id}/record-sharing`, { enabled: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json<ClassSharing>()).toEqual({ enabled: false, schoolEnabled: true });
    expectError(await open(token), 403, 'sharing_off');
    expectError(await luis.post(`${url}/shares`, { recipient: 'Grandma', days: 1 }), 403, 'sharing_off');
    const paused = await list(luis, url);
    expect(paused.sharingAllowed).toBe(false);
    expect(paused.shares.map((s) => s.state)).toEqual(['paused']);
    // Another class's teacher cannot change Owls; a teacher cannot change the school's switch.
    expectError(await teacherB.put(`/api/classes/${w.classA.id}/record-sharing`, { enabled: true }), 403, 'forbidden');
    expectError(await teacher.put(`/api/schools/${w.school.id}/record-sharing`, { enabled: true }), 403, 'forbidden');

    expect((await teacher.put(`/api/classes/${w.classA.id}/record-sharing`, { enabled: true })).statusCode).toBe(200);
    expect((await open(token)).statusCode).toBe(200);

    expect((await admin.put(`/api/schools/${w.school.id}/record-sharing`, { enabled: false })).json()).toEqual({ enabled: false });
    expect((await admin.get(`/api/schools/${w.school.id}/record-sharing`)).json()).toEqual({ enabled: false });
    expect((await teacher.get(`/api/classes/${w.classA.id}/record-sharing`)).json()).toEqual({ enabled: true, schoolEnabled: false });
    expectError(await open(token), 403, 'sharing_off');
    expectError(await luis.post(`${url}/shares`, { recipient: 'Grandma', days: 1 }), 403, 'sharing_off');
    expect((await admin.put(`/api/schools/${w.school.id}/record-sharing`, { enabled: true })).statusCode).toBe(200);
    expect((await open(token)).statusCode).toBe(200);

    // A paused link still runs out on time: back on after its days, it has expired.
    expect((await teacher.put(`/api/classes/${w.classA.id}/record-sharing`, { enabled: false })).statusCode).toBe(200);
    t.setNow(later(AFTER, 8 * 24 * 60));
    expect((await (await t.clientAs(w.teacherA.id)).put(`/api/classes/${w.classA.id}/record-sharing`, { enabled: true })).statusCode).toBe(200);
    expectError(await open(token), 410, 'share_expired');
  });

  it('keeps at most five links working at once', async () => {
    const { url, teacher, luis, w } = await world();
    await finish(teacher, url);
    const made: CreatedShare[] = [];
    for (const n of [1, 2, 3, 4]) made.push(await share(luis, url, { recipient: `Reader ${n}`, days: 1 }));
    // Two at once for the last place: one gets it.
    const race = await Promise.all([luis.post(`${url}/shares`, { recipient: 'Reader 5', days: 1 }), luis.post(`${url}/shares`, { recipient: 'Reader 5b', days: 1 })]);
    expect(race.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const sixth = expectError(await luis.post(`${url}/shares`, { recipient: 'Reader 6', days: 1 }), 409, 'conflict');
    expect(sixth.fields).toEqual({ recipient: 'too_many_links' });
    expect((await luis.delete(`/api/shares/${made[0]!.id}`)).statusCode).toBe(200);
    await share(luis, url, { recipient: 'Reader 6', days: 1 });
    // Run-out links do not count either.
    t.setNow(later(AFTER, 24 * 60));
    const luisNow = await t.clientAs(w.guardianA.id);
    for (const n of [7, 8, 9, 10, 11]) await share(luisNow, url, { recipient: `Reader ${n}`, days: 7 });
    expectError(await luisNow.post(`${url}/shares`, { recipient: 'Reader 12', days: 1 }), 409, 'conflict');
    expect((await list(luisNow, url)).shares.filter((s) => s.state === 'active')).toHaveLength(5);
  });
  it('serves the photos of the shared record only, and none once withdrawn', async () => {
    const { url, conf, teacher, luis, w } = await world();
    await finish(teacher, url);
    const inRecord = await uploadedMedia(teacher, w.school.id, { filename: 'sea.png', content: await plainPng(40, 30), type: 'image/png' });
    const notInRecord = await uploadedMedia(teacher, w.school.id, { filename: 'other.png', content: await plainPng(20, 20), type: 'image/png' });
    await t.runJobs();
    // Version 2 of the record shows the first photo (as a finished record with a photo would).
    const v1 = (await luis.get(`${url}/record`)).json<{ content: RecordContent }>().content;
    const content: RecordContent = { ...v1, pieces: [{ postId: conf.postIds[0]!, prompt: { text: 'Your best work', lang: 'en' }, promptTitles: {}, caption: 'The sea', firstText: null, mediaIds: [inRecord], reflections: [] }] };
    expect(await insertRecordVersion(database.db, conf.conferenceId, 1, content, w.teacherA.id, AFTER)).toBe(2);

    const token = tokenOf(await share(luis, url));
    const shared = (await open(token)).json<SharedRecord>();
    const photoUrl = shared.record.media[inRecord]!.urls['sm.webp']!;
    expect(photoUrl).toBe(`/api/shared/${token}/media/${inRecord}/sm.webp`);
    const photo = await t.client().get(photoUrl);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/webp');
    expect(photo.headers['cache-control']).toBe('no-store');
    const part = await t.client().get(photoUrl, { range: 'bytes=0-9' });
    expect(part.statusCode).toBe(206);
    expect(part.rawPayload.length).toBe(10);
    // Another photo of the school, through this link: as if it did not exist.
    expectError(await t.client().get(`/api/shared/${token}/media/${notInRecord}/sm.webp`), 404, 'not_found');
    // Nor does a photo of the record open without the link.
    expectError(await t.client().get(`/api/media/${inRecord}/sm.webp`), 401, 'unauthenticated');

    const made = (await list(luis, url)).shares[0]!;
    expect((await luis.delete(`/api/shares/${made.id}`)).statusCode).toBe(200);
    expectError(await t.client().get(photoUrl), 410, 'share_expired');
  });

  it('refuses the other separated parent, other families, the teachers, the child and the other school; a parent removed takes their links with them', async () => {
    const { url, teacher, luis, marta, ben, ana, admin, other, w } = await world();
    await finish(teacher, url);
    const made = await share(luis, url);
    for (const client of [marta, ben, ana, teacher, admin]) {
      expectError(await client.get(`${url}/shares`), 403, 'forbidden');
      expectError(await client.post(`${url}/shares`, { recipient: 'Someone', days: 1 }), 403, 'forbidden');
      expectError(await client.delete(`/api/shares/${made.id}`), 403, 'forbidden');
      expectError(await client.get(`/api/shares/${made.id}/views`), 403, 'forbidden');
    }
    expectError(await other.get(`${url}/shares`), 404, 'not_found');
    expectError(await other.delete(`/api/shares/${made.id}`), 404, 'not_found');
    expectError(await other.get(`/api/classes/${w.classA.id}/record-sharing`), 404, 'not_found');
    expectError(await other.put(`/api/schools/${w.school.id}/record-sharing`, { enabled: false }), 404, 'not_found');
    expectError(await t.client().get(`${url}/shares`), 401, 'unauthenticated');
    expect((await open(tokenOf(made))).statusCode).toBe(200);

    // The school removes Luis as Ana's guardian: what he shared stops working.
    await database.db.delete(guardianStudents).where(eq(guardianStudents.studentId, w.ana.id));
    expectError(await open(tokenOf(made)), 410, 'share_expired');
  });

  it('answers a flood of guesses at the public address with rate_limited', async () => {
    const guesses = await Promise.all(Array.from({ length: 70 }, (_, i) => open(`guess${String(i).padStart(20, '0')}`)));
    expect(guesses.filter((r) => r.statusCode === 404).length).toBeLessThanOrEqual(60);
    expectError(guesses.find((r) => r.statusCode === 429)!, 429, 'rate_limited');
  });
});

/**
 * Portfolio media over HTTP: an upload is typed from its bytes, refused (leaving nothing behind)
 * when it is not something Confer takes or is too large, and an image is processed by the job into
 * sizes that stand the right way up and carry no metadata — the GPS-bearing upload is deleted.
 * Recordings are served in byte ranges.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { jobs, media } from '../../src/server/db/schema/index';
import { processMediaJob } from '../../src/server/features/media/process-media';
import { enqueue } from '../../src/server/jobs/runner';
import { buildWorld, exifTags, noisyJpeg, phonePhoto, uploadFile, uploadedMedia, wavRecording, type World } from '../factories/index';
import { buildTestApp, type TestApp, type TestClient } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';
import { multipart } from '../setup/multipart';
import { expectError, tagMessagesWithLocale } from './support/expect-api';

const englishErrors = JSON.parse(readFileSync(path.resolve('locales/en/errors.json'), 'utf8')) as Record<string, string>;

/** Every file under a media folder, as paths relative to it. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Array<{ isFile(): boolean; name: string; parentPath: string }>)
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

const noJobContext = { job: {} as never, progress: async () => undefined };

describe.each(engines)('portfolio media on %s', (engine) => {
  let database: Database;
  let t: TestApp;
  let w: World;
  let ana: TestClient;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    t = await buildTestApp(database);
    w = await buildWorld(database.db);
    ana = await t.clientAs(w.ana.userId);
  });
  afterAll(async () => {
    await t.app.close();
    await database.close();
  });

  const mediaRow = async (id: string) => (await database.db.select().from(media).where(eq(media.id, id)))[0];
  const mediaCount = async () => (await database.db.select({ n: count() }).from(media))[0]?.n;

  it('turns a phone photo into upright WebP and JPEG sizes without EXIF, GPS, XMP or IPTC, and deletes the upload', async () => {
    const photo = await phonePhoto();
    // The input really carries what must go: otherwise this test would pass on any image.
    const input = await sharp(photo).metadata();
    expect(input).toMatchObject({ width: 400, height: 200, orientation: 6 });
    expect(input.exif?.includes('TestCam')).toBe(true);
    expect(exifTags(input.exif as Buffer).gps).toEqual(expect.arrayContaining([1, 2, 3, 4]));
    expect(input.xmp?.toString()).toContain('Test Parent');
    expect(input.iptc?.toString()).toContain('Elm Street');
    expect(input.icc).toBeDefined();

    const res = await uploadFile(ana, w.school.id, { filename: 'IMG_0042.jpg', content: photo, type: 'image/jpeg' });
    expect(res.statusCode, res.body).toBe(201);
    const uploaded = res.json();
    expect(uploaded).toMatchObject({ kind: 'image', mimeType: 'image/jpeg', status: 'processing', byteSize: photo.length, originalName: 'IMG_0042.jpg', urls: {} });
    const before = await mediaRow(uploaded.id);
    const uploadKey = before?.uploadKey as string;
    expect(uploadKey).toBeTruthy();
    expect(readFileSync(t.deps.media.localPath(uploadKey))).toEqual(photo);
    const [job] = await database.db.select().from(jobs).where(eq(jobs.idempotencyKey, `process-media:${uploaded.id}`));
    expect(job).toMatchObject({ kind: 'process-media', status: 'queued' });

    expect(await t.runJobs()).toBeGreaterThanOrEqual(1);
    const view = await ana.get(`/api/media/${uploaded.id}`);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ status: 'ready', width: 200, height: 400 });
    expect(Object.keys(view.json().urls).sort()).toEqual(['lg.jpg', 'lg.webp', 'sm.jpg', 'sm.webp']);
    expect(view.json().urls['sm.webp']).toBe(`/api/media/${uploaded.id}/sm.webp`);

    const row = await mediaRow(uploaded.id);
    expect(row?.uploadKey).toBeNull();
    expect(existsSync(t.deps.media.localPath(uploadKey))).toBe(false);
    for (const [name, format] of [
      ['sm.webp', 'webp'],
      ['sm.jpg', 'jpeg'],
      ['lg.webp', 'webp'],
      ['lg.jpg', 'jpeg'],
    ] as const) {
      const variant = row?.variants[name];
      expect(variant, name).toBeDefined();
      const stored = readFileSync(t.deps.media.localPath(variant!.key));
      // What the browser downloads is exactly the stored file.
      const served = await ana.get(`/api/media/${uploaded.id}/${name}`);
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toBe(format === 'webp' ? 'image/webp' : 'image/jpeg');
      expect(served.headers['cache-control']).toBe('private, max-age=3600');
      expect(served.rawPayload).toEqual(stored);
      const meta = await sharp(stored).metadata();
      expect(meta.format, name).toBe(format);
      expect(meta.exif, name).toBeUndefined();
      expect(meta.xmp, name).toBeUndefined();
      expect(meta.iptc, name).toBeUndefined();
      expect(meta.icc, name).toBeUndefined();
      expect(meta.orientation, name).toBeUndefined();
      // Orientation 6 applied: the 400×200 pixels stand up.
      expect(meta.height, name).toBeGreaterThan(meta.width as number);
      expect([meta.width, meta.height], name).toEqual([200, 400]);
      expect(stored.includes('TestCam'), name).toBe(false);
      expect(stored.includes('Elm Street'), name).toBe(false);
    }
    // There is no way to download the upload as it came (with its GPS position).
    expect((await ana.get(`/api/media/${uploaded.id}/original`)).statusCode).toBe(404);
    const files = filesUnder(t.deps.config.mediaDir).filter((f) => f.includes(uploaded.id));
    expect(files).toEqual(['lg.jpg', 'lg.webp', 'sm.jpg', 'sm.webp'].map((v) => path.join(w.school.id, uploaded.id, v)));

    // Restart safety: the job run again (as after a crash before it was marked done) changes nothing.
    const bytes = Object.fromEntries(Object.entries(row!.variants).map(([k, v]) => [k, readFileSync(t.deps.media.localPath(v.key))]));
    expect(await processMediaJob.run(t.deps, { mediaId: uploaded.id }, noJobContext)).toEqual({ skipped: true });
    expect(await enqueue(t.deps, processMediaJob, { mediaId: uploaded.id }, { idempotencyKey: `process-media:${uploaded.id}` })).toBeNull();
    expect(await mediaRow(uploaded.id)).toEqual(row);
    for (const [k, v] of Object.entries(row!.variants)) expect(readFileSync(t.deps.media.localPath(v.key)), k).toEqual(bytes[k]);

    // A run that stopped after marking the row ready but before deleting the upload: the next run deletes it.
    await t.deps.media.write(uploadKey, photo);
    await processMediaJob.run(t.deps, { mediaId: uploaded.id }, noJobContext);
    expect(existsSync(t.deps.media.localPath(uploadKey))).toBe(false);
    expect(await mediaRow(uploaded.id)).toEqual(row);
  });

  it('marks an image it cannot read as failed, keeps none of it, and will not post it', async () => {
    // JPEG's first bytes, then nothing a decoder can use.
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(600, 0x41)]);
    const res = await uploadFile(ana, w.school.id, { filename: 'broken.jpg', content: broken, type: 'image/jpeg' });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json();
    await t.runJobs();
    expect((await ana.get(`/api/media/${id}`)).json()).toMatchObject({ status: 'failed', urls: {} });
    expect(filesUnder(t.deps.config.mediaDir).filter((f) => f.includes(id))).toEqual([]);
    const post = await ana.post(`/api/students/${w.ana.id}/posts`, { items: [{ kind: 'photo', mediaId: id }] });
    expect(expectError(post, 400, 'validation_failed').fields).toEqual({ 'items.0.mediaId': 'media_failed' });
  });

  it('refuses a program named photo.jpg (415) in the reader’s language and keeps nothing of it', async () => {
    const program = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58, 0x90), Buffer.from('This program cannot be run in DOS mode.\r\n'), Buffer.alloc(400, 0x00)]);
    const rowsBefore = await mediaCount();
    const filesBefore = filesUnder(t.deps.config.mediaDir);

    const res = await uploadFile(ana, w.school.id, { filename: 'photo.jpg', content: program, type: 'image/jpeg' });
    const error = expectError(res, 415, 'media_type_not_allowed');
    expect(error.message).toBe(englishErrors.media_type_not_allowed);

    // The page's language decides the message (es may still be a copy of en: the spy shows which was chosen).
    const inSpanish = t.deps.i18n.t('es', 'errors.media_type_not_allowed');
    const spy = tagMessagesWithLocale(t.deps);
    try {
      const body = multipart([{ name: 'file', filename: 'photo.jpg', content: program, type: 'image/jpeg' }]);
      const spanish = await ana.request({ method: 'POST', url: `/api/schools/${w.school.id}/media`, payload: body.payload, headers: { ...body.headers, 'x-confer-locale': 'es' } });
      expect(spanish.statusCode).toBe(415);
      expect(spanish.json().error.message).toBe(`es|${inSpanish}`);
    } finally {
      spy.mockRestore();
    }
    expect(await mediaCount()).toBe(rowsBefore);
    expect(filesUnder(t.deps.config.mediaDir)).toEqual(filesBefore);
  });

  it('refuses an image over the configured limit (413, with the limit) and keeps nothing of it', async () => {
    const small = await buildTestApp(database, { MEDIA_MAX_IMAGE_MB: '0.01' });
    try {
      const big = await noisyJpeg(120, 120);
      expect(big.length).toBeGreaterThan(0.01 * 1024 * 1024);
      const rowsBefore = await mediaCount();
      const client = await small.clientAs(w.ana.userId);
      const res = await uploadFile(client, w.school.id, { filename: 'big.jpg', content: big, type: 'image/jpeg' });
      expect(res.statusCode, res.body).toBe(413);
      const { error } = res.json();
      expect(error).toMatchObject({ code: 'media_too_large', limitMb: 0.01 });
      expect(error.message).toBe(t.deps.i18n.t('en', 'errors.media_too_large', { limitMb: 0.01 }));
      expect(error.message).toContain('0.01');
      expect(await mediaCount()).toBe(rowsBefore);
      expect(filesUnder(small.deps.config.mediaDir)).toEqual([]);
      // A small image still goes through on that server.
      expect((await uploadFile(client, w.school.id, { filename: 'ok.jpg', content: await noisyJpeg(20, 20), type: 'image/jpeg' })).statusCode).toBe(201);
    } finally {
      await small.app.close();
    }
  });

  it('takes uploads from staff and pupils of the school only', async () => {
    const photo = await phonePhoto();
    const rowsBefore = await mediaCount();
    const guardian = await uploadFile(await t.clientAs(w.guardianA.id), w.school.id, { filename: 'a.jpg', content: photo, type: 'image/jpeg' });
    expectError(guardian, 403, 'forbidden');
    const other = await uploadFile(await t.clientAs(w.otherAdmin.id), w.school.id, { filename: 'a.jpg', content: photo, type: 'image/jpeg' });
    expectError(other, 404, 'not_found');
    expectError(await uploadFile(t.client(), w.school.id, { filename: 'a.jpg', content: photo, type: 'image/jpeg' }), 401, 'unauthenticated');
    expect(await mediaCount()).toBe(rowsBefore);
    // Someone else's upload that no post uses is not theirs to see, however they got its id.
    const id = await uploadedMedia(ana, w.school.id, { filename: 'mine.jpg', content: photo, type: 'image/jpeg' });
    for (const userId of [w.teacherA.id, w.cleo.userId, w.guardianA.id, w.otherAdmin.id]) {
      expectError(await (await t.clientAs(userId)).get(`/api/media/${id}`), 404, 'not_found');
    }
  });

  it('serves a recording in byte ranges', async () => {
    const wav = wavRecording(800);
    const res = await uploadFile(ana, w.school.id, { filename: 'voice.wav', content: wav, type: 'audio/wav' });
    expect(res.statusCode, res.body).toBe(201);
    // Nothing to process: a recording is ready as it came.
    expect(res.json()).toMatchObject({ kind: 'audio', mimeType: 'audio/wav', status: 'ready', byteSize: wav.length });
    const url = res.json().urls.original as string;
    expect(url).toBe(`/api/media/${res.json().id}/original`);

    const first = await ana.get(url, { range: 'bytes=0-9' });
    expect(first.statusCode).toBe(206);
    expect(first.headers['content-range']).toBe(`bytes 0-9/${wav.length}`);
    expect(first.headers['content-type']).toBe('audio/wav');
    expect(first.headers['accept-ranges']).toBe('bytes');
    expect(first.rawPayload).toEqual(wav.subarray(0, 10));
    expect(first.rawPayload.toString('latin1', 0, 4)).toBe('RIFF');

    const middle = await ana.get(url, { range: 'bytes=100-199' });
    expect(middle.statusCode).toBe(206);
    expect(middle.rawPayload).toEqual(wav.subarray(100, 200));
    const last = await ana.get(url, { range: 'bytes=-4' });
    expect(last.headers['content-range']).toBe(`bytes ${wav.length - 4}-${wav.length - 1}/${wav.length}`);
    expect(last.rawPayload).toEqual(wav.subarray(wav.length - 4));
    const whole = await ana.get(url);
    expect(whole.statusCode).toBe(200);
    expect(whole.rawPayload).toEqual(wav);
    const beyond = await ana.get(url, { range: `bytes=${wav.length}-` });
    expect(beyond.statusCode).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${wav.length}`);
  });
});

/**
 * npm run bench:media — how long a phone photo takes to reach a family, and what a child's
 * portfolio costs a phone to open. Prints figures; asserts nothing about time.
 *
 * A. Upload to visible: a 12-megapixel JPEG (4000×3000, quality 90, camera EXIF with GPS) is
 *    uploaded by the demo teacher (multipart POST /api/schools/:id/media), posted for a child
 *    (POST /api/students/:id/posts, approved at once: a teacher's post), and then the child's
 *    guardian polls GET /api/media/:id until it is ready and loads lg.webp. 10 runs after one warm-up.
 * B. The timeline of a child with 300 approved posts (most with a photo, 20 distinct photos reused;
 *    some writing only), opened by the guardian in Chromium at phone size (390×844): cold (a fresh
 *    browser profile) and warm (a reload), then "Show older posts" once. 5 runs each.
 *
 * The real server runs in this process (startServer, as `npm start` does) over the embedded
 * PGlite database, and over PostgreSQL too when TEST_DATABASE_URL or DATABASE_URL is set (a fresh
 * database confer_bench_media on that server). The web app is built first (production bundle).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { freePort } from '../../tests/setup/e2e-global-setup';
import os from 'node:os';
import path from 'node:path';
import { and, count, eq, inArray, lte, ne } from 'drizzle-orm';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import sharp from 'sharp';
import type { ClassDetail, MyChildren, MyClasses } from '../../src/contracts/api';
import type { MediaView } from '../../src/contracts/portfolio';
import { buildDemoSchool, DEMO_PASSWORD } from '../../src/domain/demo/demo-school';
import type { Db } from '../../src/server/db/client';
import { jobs, media, posts, students } from '../../src/server/db/schema/index';
import { demoSignIns } from '../../src/server/features/demo/seed-demo-school';
import { insertPost, listTags } from '../../src/server/features/portfolio/portfolio.repo';
import { findJobByKey } from '../../src/server/jobs/jobs.repo';
import { startServer, type Running } from '../../src/server/main';
import { HttpClient } from './http-client';
import { makePhoto } from './photo';

const CHROMIUM = '/usr/bin/chromium';
const PG_DATABASE = 'confer_bench_media';
const A_RUNS = Number(process.env.BENCH_A_RUNS ?? 10);
const B_RUNS = Number(process.env.BENCH_B_RUNS ?? 5);
const B_POSTS = 300;
const B_PHOTOS = 20;
const B_PHOTO_SIZE = { width: 1200, height: 900 };
const POLL_MS = 50;
const RUNNER_POLL_MS = 500; // startServer's job runner: runner.start(500); an enqueue in the same process wakes it sooner
const PHONE = { width: 390, height: 844 };

// ---------------------------------------------------------------- small helpers

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
function median(xs: number[]): number {
  const s = sorted(xs);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
/** Nearest rank: the smallest value with at least 90 % of the runs at or below it. */
const p90 = (xs: number[]) => sorted(xs)[Math.ceil(0.9 * xs.length) - 1]!;
const ms = (x: number) => `${Math.round(x)} ms`;
const kb = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} kB`);
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);


async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 60_000, everyMs = 100): Promise<T> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** No job runnable now (the demo drawings are processed right after start): runs start on a quiet server. */
async function jobsIdle(db: Db): Promise<void> {
  await waitFor('the job queue to drain', async () => {
    const [row] = await db
      .select({ n: count() })
      .from(jobs)
      .where(and(inArray(jobs.status, ['queued', 'running']), lte(jobs.runAt, new Date())));
    return row?.n === 0;
  });
}

// ---------------------------------------------------------------- the server and the demo people

interface Setup {
  engine: 'pglite' | 'postgres';
  running: Running;
  db: Db;
  teacher: HttpClient;
  guardian: HttpClient;
  guardianEmail: string;
  schoolId: string;
  /** Posted for by the teacher in A (a child of the guardian in the teacher's class). */
  childA: string;
  /** The 300-post timeline of B (the guardian's other child, so A's posts do not mix in). */
  childB: { id: string; classId: string | null };
  startMs: number;
}

async function start(engine: 'pglite' | 'postgres', dataDir: string, databaseUrl?: string): Promise<Setup> {
  rmSync(dataDir, { recursive: true, force: true });
  const port = await freePort();
  const t0 = performance.now();
  const running = await startServer(
    { NODE_ENV: 'test', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', SEED_DEMO: 'true', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
    process.cwd(),
    () => undefined,
  );
  const startMs = performance.now() - t0;
  const db = running.database.db;
  await jobsIdle(db);

  const signIns = demoSignIns(buildDemoSchool());
  const teacherEmail = signIns.teacher!.email;
  const guardianEmail = signIns.guardian!.email;
  const teacher = new HttpClient(running.url);
  const guardian = new HttpClient(running.url);
  await teacher.signIn(teacherEmail);
  await guardian.signIn(guardianEmail);

  const classes = await teacher.json<MyClasses>('GET', '/api/me/classes');
  const taught = classes.taught[0];
  if (!taught) throw new Error(`${teacherEmail} teaches no class`);
  const detail = await teacher.json<ClassDetail>('GET', `/api/classes/${taught.id}`);
  const inClass = new Set(detail.students.map((s) => s.id));
  const { children } = await guardian.json<MyChildren>('GET', '/api/me/children');
  const a = children.find((c) => inClass.has(c.id));
  if (!a) throw new Error(`${guardianEmail} has no child in ${detail.name}`);
  const b = children.find((c) => c.id !== a.id) ?? a;
  return { engine, running, db, teacher, guardian, guardianEmail, schoolId: detail.schoolId, childA: a.id, childB: { id: b.id, classId: b.classes[0]?.id ?? null }, startMs };
}

async function upload(client: HttpClient, schoolId: string, photo: Buffer, filename: string): Promise<MediaView> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), filename);
  return client.json<MediaView>('POST', `/api/schools/${schoolId}/media`, form);
}

// ---------------------------------------------------------------- A. upload to visible

interface UploadRun {
  totalMs: number;
  uploadMs: number;
  postMs: number;
  /** From the post answered to lg.webp loaded by the guardian. */
  waitMs: number;
  /** Server side, from the job row: enqueued → claimed by the runner, and claimed → done. */
  queueMs: number;
  processMs: number;
  /** Job done → the guardian had the large image (poll interval, one GET of the item, lg.webp). */
  seenMs: number;
  polls: number;
  lgBytes: number;
  lgSize: string;
  lgMetadata: string;
}

async function uploadToVisible(s: Setup, photo: Buffer, n: number): Promise<UploadRun> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), `IMG_${2040 + n}.jpg`);
  const t0 = performance.now();
  const uploaded = await s.teacher.json<MediaView>('POST', `/api/schools/${s.schoolId}/media`, form);
  const t1 = performance.now();
  await s.teacher.json('POST', `/api/students/${s.childA}/posts`, { caption: `Our pond, photo ${n}`, items: [{ kind: 'photo', mediaId: uploaded.id }] });
  const t2 = performance.now();
  let view: MediaView | undefined;
  let polls = 0;
  for (;;) {
    view = await s.guardian.json<MediaView>('GET', `/api/media/${uploaded.id}`);
    polls++;
    if (view.status === 'ready') break;
    if (view.status === 'failed') throw new Error(`media ${uploaded.id} failed to process`);
    if (performance.now() - t0 > 60_000) throw new Error(`media ${uploaded.id} not ready after 60 s`);
    await sleep(POLL_MS);
  }
  const lgUrl = view.urls['lg.webp'];
  if (!lgUrl) throw new Error(`media ${uploaded.id} is ready without lg.webp: ${JSON.stringify(view.urls)}`);
  const res = await s.guardian.request('GET', lgUrl);
  if (res.status !== 200) throw new Error(`GET ${lgUrl} as the guardian → ${res.status}`);
  const lg = Buffer.from(await res.arrayBuffer());
  const t3 = performance.now();
  const tSeen = Date.now();
  const job = await findJobByKey(s.db, `process-media:${uploaded.id}`);
  if (!job?.lockedAt || !job.finishedAt) throw new Error(`no finished job for ${uploaded.id}`);
  const meta = await sharp(lg).metadata();
  const kept = [meta.exif ? 'EXIF' : '', meta.xmp ? 'XMP' : '', meta.iptc ? 'IPTC' : '', meta.icc ? 'ICC' : ''].filter(Boolean);
  return {
    totalMs: t3 - t0,
    uploadMs: t1 - t0,
    postMs: t2 - t1,
    waitMs: t3 - t2,
    queueMs: job.lockedAt.getTime() - job.runAt.getTime(),
    processMs: job.finishedAt.getTime() - job.lockedAt.getTime(),
    seenMs: tSeen - job.finishedAt.getTime(),
    polls,
    lgBytes: lg.length,
    lgSize: `${meta.width}×${meta.height} ${meta.format}`,
    lgMetadata: kept.length ? kept.join('+') : 'none',
  };
}

async function benchUpload(s: Setup): Promise<void> {
  const t = performance.now();
  const photo = await makePhoto(4000, 3000, 12);
  const meta = await sharp(photo).metadata();
  console.log(`  photo: ${meta.width}×${meta.height} JPEG, ${kb(photo.length)} (quality 90, EXIF ${meta.exif?.length ?? 0} bytes with GPS), made in ${ms(performance.now() - t)}`);
  await uploadToVisible(s, photo, 0); // warm-up, not counted
  await jobsIdle(s.db);
  const runs: UploadRun[] = [];
  for (let i = 1; i <= A_RUNS; i++) {
    runs.push(await uploadToVisible(s, photo, i));
    await jobsIdle(s.db);
  }
  const row = (label: string, xs: number[]) =>
    console.log(`    ${pad(label, 34)} median ${lpad(ms(median(xs)), 8)}   min ${lpad(ms(Math.min(...xs)), 8)}   p90 ${lpad(ms(p90(xs)), 8)}   max ${lpad(ms(Math.max(...xs)), 8)}`);
  console.log(`  upload → visible to the family, ${A_RUNS} runs after 1 warm-up (p90: nearest rank):`);
  row('total (t0 → lg.webp loaded)', runs.map((r) => r.totalMs));
  row('  upload request (multipart POST)', runs.map((r) => r.uploadMs));
  row('  post request', runs.map((r) => r.postMs));
  row('  processing wait (post → lg.webp)', runs.map((r) => r.waitMs));
  row('    of which: queued (job waiting)', runs.map((r) => r.queueMs));
  row('    of which: job (decode+4 sizes)', runs.map((r) => r.processMs));
  row('    of which: seen by the family', runs.map((r) => r.seenMs));
  const last = runs[runs.length - 1]!;
  console.log(`    lg.webp: ${last.lgSize}, ${kb(last.lgBytes)}; metadata left in it: ${last.lgMetadata}; polls per run (every ${POLL_MS} ms): ${median(runs.map((r) => r.polls))} (median)`);
  const queued = median(runs.map((r) => r.queueMs));
  console.log(
    queued < RUNNER_POLL_MS / 5
      ? `    note: the job runner inside startServer polls every ${RUNNER_POLL_MS} ms, but the upload's enqueue woke it at once (queued ${ms(queued)}); a job queued by another process would wait up to ${RUNNER_POLL_MS} ms more.`
      : `    note: the job runner inside startServer polls the queue every ${RUNNER_POLL_MS} ms, so "queued" is 0–${RUNNER_POLL_MS} ms of every run.`,
  );
  console.log(`          "seen" includes up to ${POLL_MS} ms of this script's own polling (GET /api/media/:id every ${POLL_MS} ms, then lg.webp).`);
}

// ---------------------------------------------------------------- B. the timeline in Chromium

/** 20 distinct photos, uploaded and processed; 300 approved posts for child B (writing only every 5th). */
async function seedTimeline(s: Setup): Promise<{ photos: number; posts: number; setupMs: number }> {
  const t0 = performance.now();
  const ids: string[] = [];
  for (let k = 0; k < B_PHOTOS; k++) ids.push((await upload(s.teacher, s.schoolId, await makePhoto(B_PHOTO_SIZE.width, B_PHOTO_SIZE.height, 100 + k), `IMG_${3000 + k}.jpg`)).id);
  await waitFor(
    'the timeline photos to be processed',
    async () => {
      const [row] = await s.db
        .select({ n: count() })
        .from(media)
        .where(and(inArray(media.id, ids), ne(media.status, 'ready')));
      return row?.n === 0;
    },
    120_000,
  );
  const [student] = await s.db.select({ userId: students.userId }).from(students).where(eq(students.id, s.childB.id));
  const [existing] = await s.db
    .select({ n: count() })
    .from(posts)
    .where(and(eq(posts.studentId, s.childB.id), eq(posts.status, 'approved')));
  const tags = (await listTags(s.db, s.schoolId)).filter((t) => !t.archivedAt);
  const toAdd = B_POSTS - (existing?.n ?? 0);
  const now = Date.now();
  let photo = 0;
  await s.db.transaction(async (tx) => {
    for (let i = 0; i < toAdd; i++) {
      const at = new Date(now - (i + 1) * 20 * 3_600_000); // one every 20 hours: about 250 days
      const writing = { kind: 'text' as const, text: `Today I worked on part ${i + 1} of our topic. I tried hard and I asked a good question about it.`, mediaId: null };
      const items = i % 5 === 4 ? [writing] : i % 3 === 0 ? [{ kind: 'photo' as const, mediaId: ids[photo++ % ids.length]!, text: null }, writing] : [{ kind: 'photo' as const, mediaId: ids[photo++ % ids.length]!, text: null }];
      await insertPost(tx, {
        post: {
          schoolId: s.schoolId,
          studentId: s.childB.id,
          classId: s.childB.classId,
          authorId: student?.userId ?? null,
          authorRole: 'student',
          caption: `My work, week ${Math.ceil((toAdd - i) / 5)}`,
          reflection: i % 2 ? 'I am proud of this. Next time I will check my work before I finish.' : '',
          status: 'approved',
          approvedAt: new Date(at.getTime() + 3_600_000),
          createdAt: at,
          updatedAt: at,
        },
        items,
        tagIds: tags.length ? [tags[i % tags.length]!.id] : [],
      });
    }
  });
  const [total] = await s.db
    .select({ n: count() })
    .from(posts)
    .where(and(eq(posts.studentId, s.childB.id), eq(posts.status, 'approved')));
  return { photos: ids.length, posts: total?.n ?? 0, setupMs: performance.now() - t0 };
}

declare global {
  interface Window {
    /** [number of post cards laid out, performance.now()] each time the number changes. */
    __benchCards?: Array<[number, number]>;
  }
}

/**
 * Runs in the page before its scripts: notes, frame by frame, when post cards are laid out. A
 * string, not a function: tsx would wrap a function's inner functions in a helper the page lacks.
 */
const watchCards = `(() => {
  const seen = [];
  window.__benchCards = seen;
  let last = 0;
  const tick = () => {
    const cards = document.querySelectorAll('article.post');
    if (cards.length !== last && (cards.length === 0 || cards[cards.length - 1].getBoundingClientRect().height > 0)) {
      last = cards.length;
      seen.push([cards.length, performance.now()]);
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

interface Req {
  url: string;
  type: string;
  phase: string;
  fromCache: boolean;
  bytes: number;
  done: boolean;
}

/** Every request of the page, from the DevTools protocol, tagged with the phase it started in. */
class NetworkLog {
  readonly requests = new Map<string, Req>();
  phase = '';
  lastActivity = performance.now();

  static async attach(context: BrowserContext, page: Page): Promise<NetworkLog> {
    const log = new NetworkLog();
    const cdp: CDPSession = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    cdp.on('Network.requestWillBeSent', (e) => {
      log.lastActivity = performance.now();
      log.requests.set(e.requestId, { url: e.request.url, type: e.type ?? 'Other', phase: log.phase, fromCache: false, bytes: 0, done: false });
    });
    cdp.on('Network.requestServedFromCache', (e) => {
      const r = log.requests.get(e.requestId);
      if (r) r.fromCache = true;
    });
    cdp.on('Network.responseReceived', (e) => {
      const r = log.requests.get(e.requestId);
      if (r && (e.response.fromDiskCache || e.response.fromPrefetchCache)) r.fromCache = true;
    });
    cdp.on('Network.loadingFinished', (e) => {
      log.lastActivity = performance.now();
      const r = log.requests.get(e.requestId);
      if (r) Object.assign(r, { bytes: e.encodedDataLength, done: true });
    });
    cdp.on('Network.loadingFailed', (e) => {
      log.lastActivity = performance.now();
      const r = log.requests.get(e.requestId);
      if (r) r.done = true;
    });
    return log;
  }

  /** Network idle: nothing in flight for 500 ms (what Playwright calls networkidle). */
  async idle(quietMs = 500): Promise<void> {
    await waitFor('network idle', async () => [...this.requests.values()].every((r) => r.done) && performance.now() - this.lastActivity >= quietMs, 30_000, 25);
  }

  of(phase: string): Req[] {
    return [...this.requests.values()].filter((r) => r.phase === phase);
  }
}

interface PhaseFigures {
  /** Navigation start (or the click) → post cards laid out. */
  cardsMs: number;
  /** Navigation start (or the click) → the last response ended (Resource Timing responseEnd). */
  idleMs: number;
  requests: number;
  fromCache: number;
  /** Sum of Network.loadingFinished encodedDataLength (headers + body as received). */
  bytes: number;
  /** Sum of Resource Timing transferSize, as a cross-check. */
  rtBytes: number;
  imageRequests: number;
  imagesFromNetwork: number;
  imageBytes: number;
  byType: Record<string, number>;
  postsInDom: number;
  imgsInDom: number;
  imgsLoaded: number;
}

function typeGroup(r: Req): string {
  if (r.type === 'Image' && r.url.includes('/api/media/')) return 'photos';
  if (r.type === 'Fetch' || r.type === 'XHR') return 'api';
  if (r.type === 'Document' || r.type === 'Script' || r.type === 'Stylesheet') return 'app';
  return 'other';
}

async function figures(page: Page, net: NetworkLog, phase: string, since: number, cards: number): Promise<PhaseFigures> {
  const dom = await page.evaluate(
    ({ since, cards }) => {
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
      const mine = entries.filter((e) => e.startTime >= since);
      const at = (window.__benchCards ?? []).find(([n, t]) => n >= cards && t >= since);
      const imgs = [...document.querySelectorAll('article.post img')] as HTMLImageElement[];
      return {
        cardsAt: at ? at[1] : NaN,
        lastEnd: Math.max(...mine.map((e) => e.responseEnd)),
        rtBytes: mine.reduce((sum, e) => sum + e.transferSize, 0),
        postsInDom: document.querySelectorAll('article.post').length,
        imgsInDom: imgs.length,
        imgsLoaded: imgs.filter((i) => i.complete && i.naturalWidth > 0).length,
      };
    },
    { since, cards },
  );
  const reqs = net.of(phase);
  const byType: Record<string, number> = { app: 0, api: 0, photos: 0, other: 0 };
  for (const r of reqs) byType[typeGroup(r)] = (byType[typeGroup(r)] ?? 0) + r.bytes;
  const images = reqs.filter((r) => typeGroup(r) === 'photos');
  return {
    cardsMs: dom.cardsAt - since,
    idleMs: dom.lastEnd - since,
    requests: reqs.length,
    fromCache: reqs.filter((r) => r.fromCache).length,
    bytes: reqs.reduce((sum, r) => sum + r.bytes, 0),
    rtBytes: dom.rtBytes,
    imageRequests: images.length,
    imagesFromNetwork: images.filter((r) => !r.fromCache).length,
    imageBytes: images.reduce((sum, r) => sum + r.bytes, 0),
    byType,
    postsInDom: dom.postsInDom,
    imgsInDom: dom.imgsInDom,
    imgsLoaded: dom.imgsLoaded,
  };
}

async function openTimeline(page: Page, net: NetworkLog, phase: string, load: () => Promise<unknown>): Promise<PhaseFigures> {
  net.phase = phase;
  await load();
  await page.waitForFunction(() => (window.__benchCards ?? []).some(([n]) => n >= 1), undefined, { timeout: 30_000 });
  await net.idle();
  return figures(page, net, phase, 0, 1);
}

async function showOlder(page: Page, net: NetworkLog, phase: string): Promise<PhaseFigures> {
  const before = await page.locator('article.post').count();
  net.phase = phase;
  const clickedAt = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Show older posts' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('article.post').length > n, before, { timeout: 30_000 });
  await net.idle();
  return figures(page, net, phase, clickedAt, before + 1);
}

interface TimelineRun {
  cold: PhaseFigures;
  coldOlder: PhaseFigures;
  warm: PhaseFigures;
  warmOlder: PhaseFigures;
}

async function timelineRun(browser: Browser, s: Setup): Promise<TimelineRun> {
  const context = await browser.newContext({ baseURL: s.running.url, viewport: PHONE, locale: 'en-GB' });
  let page: Page | undefined;
  try {
    await context.addInitScript({ content: watchCards });
    // Signed in before the page opens (the sign-in page is not what is measured): same cookies as the page.
    const { csrfToken } = (await (await context.request.get('/api/session')).json()) as { csrfToken: string };
    const signedIn = await context.request.post('/api/auth/password', { headers: { 'x-csrf-token': csrfToken }, data: { identifier: s.guardianEmail, password: DEMO_PASSWORD } });
    if (!signedIn.ok()) throw new Error(`browser sign-in → ${signedIn.status()} ${await signedIn.text()}`);
    const tab = await context.newPage();
    page = tab;
    const net = await NetworkLog.attach(context, tab);
    const cold = await openTimeline(page, net, 'cold', () => tab.goto(`/students/${s.childB.id}/portfolio`, { waitUntil: 'load' }));
    const coldOlder = await showOlder(page, net, 'coldOlder');
    // Back to the top first, or the reload would restore the scroll position (and load other photos).
    await page.evaluate(() => window.scrollTo(0, 0));
    const warm = await openTimeline(page, net, 'warm', () => tab.reload({ waitUntil: 'load' }));
    const warmOlder = await showOlder(page, net, 'warmOlder');
    return { cold, coldOlder, warm, warmOlder };
  } catch (err) {
    // What the page showed, to tell a slow page from a broken one.
    if (page) console.log(`  the page at ${page.url()} said: ${(await page.locator('body').innerText().catch(() => '?')).replace(/\s+/g, ' ').slice(0, 400)}`);
    throw err;
  } finally {
    await context.close();
  }
}

async function benchTimeline(s: Setup, browser: Browser): Promise<void> {
  const seeded = await seedTimeline(s);
  console.log(`  timeline: ${seeded.posts} approved posts for one child (${seeded.photos} distinct ${B_PHOTO_SIZE.width}×${B_PHOTO_SIZE.height} photos reused across the photo posts; every 5th post writing only), set up in ${ms(seeded.setupMs)}`);
  console.log(`  opened by the child's guardian in Chromium ${browser.version()}, headless, ${PHONE.width}×${PHONE.height}; ${B_RUNS} runs after 1 warm-up, median (min–max)`);
  await timelineRun(browser, s); // warm-up, not counted
  const runs: TimelineRun[] = [];
  for (let i = 0; i < B_RUNS; i++) runs.push(await timelineRun(browser, s));

  const cols = ['cold', 'warm', 'coldOlder', 'warmOlder'] as const;
  // "median unit (min–max)", the range in the same unit.
  const inMs = { unit: 'ms', num: (x: number) => String(Math.round(x)) };
  const inKb = { unit: 'kB', num: (x: number) => (x / 1024).toFixed(1) };
  const plain = { unit: '', num: (x: number) => String(Math.round(x)) };
  const cell = (xs: number[], f: typeof plain) => `${f.num(median(xs))}${f.unit ? ` ${f.unit}` : ''} (${f.num(Math.min(...xs))}–${f.num(Math.max(...xs))})`;
  const line = (label: string, pick: (p: PhaseFigures) => number, f: typeof plain) =>
    console.log(`    ${pad(label, 30)}${cols.map((c) => lpad(cell(runs.map((r) => pick(r[c])), f), 24)).join('')}`);
  console.log(`    ${pad('', 30)}${['cold load', 'warm (reload)', '+ older, cold', '+ older, warm'].map((h) => lpad(h, 24)).join('')}`);
  line('first post card laid out', (p) => p.cardsMs, inMs);
  line('last response ended', (p) => p.idleMs, inMs);
  line('requests', (p) => p.requests, plain);
  line('  of them from the HTTP cache', (p) => p.fromCache, plain);
  line('transferred (CDP)', (p) => p.bytes, inKb);
  line('  app (html, js, css)', (p) => p.byType.app ?? 0, inKb);
  line('  api (json)', (p) => p.byType.api ?? 0, inKb);
  line('  photos', (p) => p.byType.photos ?? 0, inKb);
  line('  other (favicon…)', (p) => p.byType.other ?? 0, inKb);
  line('transferred (RT transferSize)', (p) => p.rtBytes, inKb);
  line('photo requests', (p) => p.imageRequests, plain);
  line('  of them over the network', (p) => p.imagesFromNetwork, plain);
  line('post cards in the DOM', (p) => p.postsInDom, plain);
  line('<img> in the DOM', (p) => p.imgsInDom, plain);
  line('<img> loaded (lazy)', (p) => p.imgsLoaded, plain);
  console.log(`    "first post card laid out": first animation frame with an article.post of non-zero height, ms from navigation start (performance.now());`);
  console.log(`    for "+ older" the times run from the click on "Show older posts" to the 13th card. "last response ended": latest Resource Timing responseEnd,`);
  console.log(`    measured once nothing was in flight for 500 ms. Transferred: the sum of CDP Network.loadingFinished encodedDataLength (headers + body as`);
  console.log(`    received, compressed); RT = Performance Resource Timing transferSize of the same page, a cross-check (0 for a cache hit).`);
  console.log(`    "+ older" columns are what the click adds, in the cold page and in the reloaded page.`);
}

// ---------------------------------------------------------------- one engine

async function runEngine(engine: 'pglite' | 'postgres', dataDir: string, browser: Browser | null, databaseUrl?: string): Promise<void> {
  console.log(`${engine}${databaseUrl ? ` (${PG_DATABASE})` : ' (embedded, DATA_DIR under .tmp/)'}`);
  const s = await start(engine, dataDir, databaseUrl);
  try {
    console.log(`  server up in ${ms(s.startMs)} (migrations, demo school, listening); demo drawings processed before measuring`);
    console.log('A. upload to visible');
    if (A_RUNS > 0) await benchUpload(s);
    console.log('B. timeline of a child with 300 posts');
    if (browser && B_RUNS > 0) await benchTimeline(s, browser);
    else console.log(`  skipped: no Chromium at ${CHROMIUM}`);
  } finally {
    await s.running.stop();
  }
  console.log('');
}

// ---------------------------------------------------------------- main

const began = performance.now();
const root = path.resolve('.tmp', `bench-media-${process.pid}`);
mkdirSync(root, { recursive: true });
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');
console.log(`bench:media — Node ${process.version}, ${os.cpus().length} CPU (${os.cpus()[0]?.model.trim() ?? '?'}), ${os.platform()}; load average ${load()}\n`);
const tb = performance.now();
execFileSync(process.execPath, [path.resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
console.log(`web app built (production bundle) in ${ms(performance.now() - tb)}\n`);

const browser = existsSync(CHROMIUM)
  ? await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
  : null;
try {
  await runEngine('pglite', path.join(root, 'pglite'), browser);
  const base = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (base) {
    let created = false;
    try {
      execFileSync('psql', [base, '-v', 'ON_ERROR_STOP=1', '-q', '-c', 'set client_min_messages to warning', '-c', `drop database if exists ${PG_DATABASE} with (force)`, '-c', `create database ${PG_DATABASE}`], { stdio: ['ignore', 'ignore', 'inherit'] });
      created = true;
      const url = new URL(base);
      url.pathname = `/${PG_DATABASE}`;
      await runEngine('postgres', path.join(root, 'postgres'), browser, url.toString());
    } finally {
      if (created) execFileSync('psql', [base, '-q', '-c', 'set client_min_messages to warning', '-c', `drop database if exists ${PG_DATABASE} with (force)`], { stdio: ['ignore', 'ignore', 'inherit'] });
    }
  } else {
    console.log('postgres: skipped (set TEST_DATABASE_URL or DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres, to run it too)\n');
  }
} finally {
  await browser?.close();
  rmSync(root, { recursive: true, force: true });
}
console.log(`done in ${((performance.now() - began) / 1000).toFixed(0)} s; load average now ${load()} (other work on this machine skews the times, not the bytes or counts)`);

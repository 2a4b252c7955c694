/**
 * npm run bench:booking — the opening minute of a big school's booking: 1,000 families (about
 * 1,500 children in 50 classes, some needing an interpreter), a round of three evenings
 * 15:30–19:00 in 10-minute slots (63 a teacher: enough for everyone), and every family booking
 * all its children at once from concurrent clients, as fast as the server answers: read the
 * options → take the first suggested sequence → hold → confirm, and on a 409 read fresh options
 * and try again (a random suggestion this time), up to BENCH_TRIES times.
 *
 * Runs against a `confer start` process on PostgreSQL (TEST_DATABASE_URL or DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/postgres; a scratch database, dropped after) and on the
 * embedded PGlite (a scratch data directory). Prints throughput, latency per request kind,
 * refusals, and what the database holds afterwards: double bookings and lost bookings (both must
 * be 0) and families fully booked. Asserts nothing about time; exits 1 if a booking was doubled or lost.
 *
 *   BENCH_FAMILIES (1000)  BENCH_CLASSES (50)  BENCH_WORKERS (64)  BENCH_TRIES (6)
 *   BENCH_PROCESSES (1: server processes on PostgreSQL; PGlite always has one)
 *   BENCH_ENGINES (postgres,pglite)  BENCH_CPU_PROF (a folder: the servers write V8 CPU profiles there)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import pg from 'pg';
import type { BookingView, FamilyOptions, HoldView } from '../../src/contracts/booking';
import { openDatabase, type Database } from '../../src/server/db/client';
import {
  buildBookingWorld,
  call,
  DOUBLE_CHILD_SQL,
  OVERLAPPING_BOOKINGS_SQL,
  OVERLAPPING_PEOPLE_SQL,
  percentile,
  seededRandom,
  signInAll,
  startConfer,
  type ApiAnswer,
  type BookingWorld,
  type ConferProcess,
  type SessionAuth,
} from '../../tests/support/booking-world';

const families = Number(process.env.BENCH_FAMILIES ?? 1000);
const classCount = Number(process.env.BENCH_CLASSES ?? 50);
const workers = Number(process.env.BENCH_WORKERS ?? 64);
const tries = Number(process.env.BENCH_TRIES ?? 6);
const pgProcesses = Number(process.env.BENCH_PROCESSES ?? 1);
const engines = (process.env.BENCH_ENGINES ?? 'postgres,pglite').split(',').map((e) => e.trim()) as Array<'postgres' | 'pglite'>;
const serverOptions = process.env.BENCH_CPU_PROF ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] } : {};
const baseUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const worldOptions = {
  families,
  classes: classCount,
  sessions: [1, 2, 3].map((d) => ({ daysAhead: 6 + d, startTime: '15:30', endTime: '19:00' })),
  slotMinutes: 10,
  walkMinutes: 5,
  holdMinutes: 10,
  siblings: { two: 0.35, three: 0.1 },
  secondGuardianShare: 0.1,
  // Korean and Arabic families need an interpreter (no teacher speaks either); two teachers speak Spanish.
  languages: [
    { language: 'ko', share: 0.06, interpreters: 2 },
    { language: 'ar', share: 0.04, interpreters: 2 },
    { language: 'es', share: 0.05, interpreters: 2 },
  ],
  teacherLanguages: { 0: ['es'], 1: ['es'] },
  seed: 2026,
};

type Kind = 'family' | 'hold' | 'confirm';

interface Replay {
  seconds: number;
  latency: Record<Kind, number[]>;
  answers: Map<string, number>;
  acknowledged: BookingView[];
  serverErrors: string[];
}

/** Every family books all its children from `workers` concurrent clients, each taking the next family. */
async function replay(world: BookingWorld, auth: Map<string, SessionAuth>, servers: ConferProcess[]): Promise<Replay> {
  const random = seededRandom(7);
  const latency: Record<Kind, number[]> = { family: [], hold: [], confirm: [] };
  const answers = new Map<string, number>();
  const acknowledged: BookingView[] = [];
  const note = (kind: Kind, a: ApiAnswer) => {
    latency[kind].push(a.ms);
    const key = `${kind} ${a.status}${a.code ? ` ${a.code}` : ''}`;
    answers.set(key, (answers.get(key) ?? 0) + 1);
  };
  const queue = world.families.map((f, i) => ({ f, i }));
  const started = performance.now();

  async function bookFamily(guardianUserId: string, server: string): Promise<void> {
    const who = auth.get(guardianUserId)!;
    for (let attempt = 1; attempt <= tries; attempt++) {
      const options = await call<FamilyOptions>(server, who, 'GET', `/api/rounds/${world.roundId}/family`);
      note('family', options);
      if (options.status !== 200) return;
      const open = options.body.children.filter((c) => !c.booking && c.teacher);
      if (open.length === 0) return; // all booked
      const suggested = options.body.sequences;
      let meetings = (attempt === 1 ? suggested[0] : suggested[Math.floor(random() * suggested.length)])?.meetings.map((m) => ({ studentId: m.studentId, startsAt: m.startsAt }));
      if (!meetings) {
        // No back-to-back sequence for everyone: a free time per child that does not overlap the others.
        const chosen: Array<{ studentId: string; startsAt: string; endsAt: string }> = [];
        for (const c of open) {
          const fits = c.free.filter((s) => chosen.every((m) => s.endsAt <= m.startsAt || s.startsAt >= m.endsAt));
          const slot = attempt === 1 ? fits[0] : fits[Math.floor(random() * fits.length)];
          if (slot) chosen.push({ studentId: c.studentId, startsAt: slot.startsAt, endsAt: slot.endsAt });
        }
        meetings = chosen.map((m) => ({ studentId: m.studentId, startsAt: m.startsAt }));
      }
      if (meetings.length === 0) return; // nothing free
      const hold = await call<HoldView>(server, who, 'POST', `/api/rounds/${world.roundId}/holds`, { meetings });
      note('hold', hold);
      if (hold.status !== 201) continue;
      const confirm = await call<{ bookings: BookingView[] }>(server, who, 'POST', `/api/holds/${hold.body.groupId}/confirm`, {
        attendees: [{ kind: 'guardian', userId: who.userId }],
        mode: 'in_person',
        note: '',
        privateTime: false,
      });
      note('confirm', confirm);
      if (confirm.status === 200) acknowledged.push(...confirm.body.bookings);
      // Booked some, or refused: the next turn reads what is left (and stops when all are booked).
    }
  }

  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await bookFamily(next.f.guardianUserId, servers[next.i % servers.length]!.url);
    }),
  );
  return { seconds: (performance.now() - started) / 1000, latency, answers, acknowledged, serverErrors: servers.flatMap((s) => s.unhandledErrors()) };
}

interface Stored {
  doubled: number;
  doubledPeople: number;
  doubleChild: number;
  confirmed: Array<{ id: string; student_id: string; starts_at: Date; ends_at: Date }>;
}

type Query = <R>(text: string, params?: unknown[]) => Promise<R[]>;

async function readStored(query: Query, roundId: string): Promise<Stored> {
  const overlapping = await query(OVERLAPPING_BOOKINGS_SQL, [roundId]);
  const people = await query(OVERLAPPING_PEOPLE_SQL);
  const doubleChild = await query(DOUBLE_CHILD_SQL, [roundId]);
  const confirmed = await query<{ id: string; student_id: string; starts_at: Date; ends_at: Date }>(`select id, student_id, starts_at, ends_at from bookings where round_id = $1 and status = 'confirmed'`, [roundId]);
  return { doubled: overlapping.length, doubledPeople: people.length, doubleChild: doubleChild.length, confirmed };
}

function report(engine: string, processes: number, world: BookingWorld, r: Replay, stored: Stored): boolean {
  const children = world.families.reduce((n, f) => n + f.children.length, 0);
  const byId = new Map(stored.confirmed.map((b) => [b.id, b]));
  const lost = r.acknowledged.filter((b) => {
    const s = byId.get(b.id);
    return !s || s.starts_at.getTime() !== new Date(b.startsAt).getTime() || s.ends_at.getTime() !== new Date(b.endsAt).getTime();
  }).length;
  const bookedChildren = new Set(stored.confirmed.map((b) => b.student_id));
  const fullyBooked = world.families.filter((f) => f.children.every((c) => bookedChildren.has(c.studentId))).length;
  const errors = [...r.answers].filter(([k]) => / 5\d\d/.test(k)).reduce((n, [, v]) => n + v, 0);
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  console.log(`\n${engine} — ${processes} server process${processes > 1 ? 'es' : ''}, ${workers} concurrent clients`);
  console.log(`  school: ${world.families.length} families, ${children} children, ${world.classes.length} classes, ${world.interpreters.length} interpreters, ${world.slots.length} slots a teacher`);
  console.log(`  replay: ${r.seconds.toFixed(1)} s — ${r.acknowledged.length} meetings booked: ${(r.acknowledged.length / r.seconds).toFixed(1)} bookings/s, ${(fullyBooked / r.seconds).toFixed(1)} families/s`);
  for (const kind of ['family', 'hold', 'confirm'] as const) {
    const l = r.latency[kind];
    console.log(`  ${(kind === 'family' ? 'GET family' : kind === 'hold' ? 'POST holds' : 'POST confirm').padEnd(13)} ${String(l.length).padStart(5)} requests  p50 ${ms(percentile(l, 50)).padStart(7)}  p95 ${ms(percentile(l, 95)).padStart(7)}  p99 ${ms(percentile(l, 99)).padStart(7)}`);
  }
  console.log(`  answers: ${[...r.answers].sort().map(([k, v]) => `${k} ×${v}`).join(', ')}`);
  console.log(`  double bookings: ${stored.doubled} (bookings), ${stored.doubledPeople} (booking_people), ${stored.doubleChild} (a child twice)`);
  console.log(`  lost bookings (acknowledged, not stored as confirmed): ${lost}`);
  console.log(`  families fully booked: ${fullyBooked} of ${world.families.length}; children booked: ${bookedChildren.size} of ${children}`);
  if (errors) console.log(`  server errors: ${errors}\n    ${r.serverErrors.slice(0, 3).join('\n    ')}`);
  return stored.doubled + stored.doubledPeople + stored.doubleChild + lost === 0;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function seed(database: Database): Promise<{ world: BookingWorld; auth: Map<string, SessionAuth>; seedSeconds: number }> {
  const t0 = performance.now();
  await database.migrate();
  const world = await buildBookingWorld(database.db, worldOptions);
  const auth = await signInAll(database.db, world.families.map((f) => f.guardianUserId));
  return { world, auth, seedSeconds: (performance.now() - t0) / 1000 };
}

async function onPostgres(): Promise<boolean> {
  const name = `confer_bench_booking_${process.pid}`;
  const admin = async (text: string) => {
    const c = new pg.Client({ connectionString: baseUrl });
    await c.connect();
    await c.query(text);
    await c.end();
  };
  await admin(`create database "${name}"`);
  const url = withDatabase(baseUrl, name);
  const servers: ConferProcess[] = [];
  try {
    const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
    const { world, auth, seedSeconds } = await seed(database);
    await database.close();
    console.log(`\npostgres: seeded in ${seedSeconds.toFixed(1)} s`);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'confer-bench-booking-'));
    servers.push(...(await Promise.all(Array.from({ length: pgProcesses }, () => startConfer({ DATABASE_URL: url, DATA_DIR: dataDir }, serverOptions)))));
    const r = await replay(world, auth, servers);
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dataDir, { recursive: true, force: true });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const stored = await readStored(async (text, params) => (await client.query(text, params)).rows, world.roundId);
    await client.end();
    return report('postgres', pgProcesses, world, r, stored);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await admin(`drop database if exists "${name}" with (force)`);
  }
}

async function onPglite(): Promise<boolean> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'confer-bench-booking-'));
  let server: ConferProcess | null = null;
  try {
    // The server opens DATA_DIR/pglite; seed it first, then hand it over (one process at a time).
    const database = await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
    const { world, auth, seedSeconds } = await seed(database);
    await database.close();
    console.log(`\npglite: seeded in ${seedSeconds.toFixed(1)} s`);
    server = await startConfer({ DATA_DIR: dataDir }, serverOptions);
    const r = await replay(world, auth, [server]);
    await server.stop();
    const after = new PGlite(path.join(dataDir, 'pglite'), { extensions: { btree_gist } });
    const stored = await readStored(async <R>(text: string, params?: unknown[]) => (await after.query<R>(text, params)).rows, world.roundId);
    await after.close();
    return report('pglite', 1, world, r, stored);
  } finally {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(`bench:booking — ${families} families, ${classCount} classes, ${workers} concurrent clients, up to ${tries} tries a family`);
let ok = true;
for (const engine of engines) ok = (engine === 'postgres' ? await onPostgres() : await onPglite()) && ok;
process.exit(ok ? 0 : 1);

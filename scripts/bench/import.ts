/**
 * npm run bench:import — a generated OneRoster set (20,000 pupils, 1,000 classes, 30,000 guardians
 * by default; BENCH_STUDENTS to change) imported into an empty school on PGlite and on PostgreSQL
 * (TEST_DATABASE_URL or DATABASE_URL, else the local server), then re-imported with 2 % changed.
 * Each engine runs in its own process so its peak memory is its own. Prints figures; asserts
 * nothing about time.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { planImport, summarise } from '../../src/domain/roster/plan';
import { readRosterUpload } from '../../src/domain/roster/read-upload';
import { openDatabase, type Database } from '../../src/server/db/client';
import { insert } from '../../src/server/features/demo/demo.repo';
import { newClassCode } from '../../src/server/features/roster/roster-import';
import { applyPlan, loadCurrentRoster } from '../../src/server/features/roster/roster.repo';
import { generateOneRoster } from './oneroster-generator';

const students = Number(process.env.BENCH_STUDENTS ?? 20_000);

async function importOnce(database: Database, schoolId: string, files: Record<string, string>) {
  const t0 = performance.now();
  const pkg = readRosterUpload(files);
  const t1 = performance.now();
  const current = await loadCurrentRoster(database.db, schoolId);
  const plan = planImport(pkg, current);
  const t2 = performance.now();
  if (plan.blocked) throw new Error(`blocked: ${JSON.stringify(plan.problems.slice(0, 3))}`);
  await database.db.transaction((tx) => applyPlan(tx, schoolId, plan, current, { now: new Date(), newClassCode: (taken) => newClassCode(taken) }));
  const t3 = performance.now();
  return { parseMs: t1 - t0, planMs: t2 - t1, applyMs: t3 - t2, totalMs: t3 - t0, summary: summarise(plan) };
}

async function runEngine(engine: 'pglite' | 'postgres') {
  let database: Database;
  let cleanup = async () => undefined as void;
  if (engine === 'pglite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'confer-bench-'));
    database = await openDatabase({ dataDir: dir });
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const base = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `confer_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    database = await openDatabase({ databaseUrl: url.toString() });
    cleanup = async () => {
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`drop database if exists "${name}" with (force)`);
      await a.end();
    };
  }
  await database.migrate();
  const schoolId = await insert.school(database.db, { name: 'Bench Primary', slug: `bench-${process.pid}`, timeZone: 'Europe/London', locale: 'en' });
  const gen = generateOneRoster({ students });
  const first = await importOnce(database, schoolId, gen.files);
  const changed = generateOneRoster({ students, changed: 0.02 });
  const second = await importOnce(database, schoolId, changed.files);
  await database.close();
  await cleanup();
  const peakMb = process.resourceUsage().maxRSS / 1024;
  return { engine, counts: gen.counts, first, second, peakMb };
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

if (process.argv[2] === '--engine') {
  const result = await runEngine(process.argv[3] as 'pglite' | 'postgres');
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const self = fileURLToPath(import.meta.url);
  console.log(`bench:import — ${students.toLocaleString('en')} pupils (generated OneRoster 1.1)\n`);
  for (const engine of ['pglite', 'postgres'] as const) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', self, '--engine', engine], { encoding: 'utf8', env: process.env, maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0) {
      console.log(`${engine}: failed\n${run.stderr.slice(-2000)}`);
      continue;
    }
    const r = JSON.parse(run.stdout.trim().split('\n').pop() as string);
    const s = r.first.summary;
    console.log(`${engine}`);
    console.log(`  data: ${r.counts.students} pupils, ${r.counts.classes} classes, ${r.counts.guardians} guardians, ${r.counts.teachers} teachers`);
    console.log(`  first import: ${fmt(r.first.totalMs)} (parse ${fmt(r.first.parseMs)}, plan ${fmt(r.first.planMs)}, write ${fmt(r.first.applyMs)}) — created ${s.people.create} people, ${s.classes.create} classes, ${s.enrollments.add} enrollments, ${s.guardianLinks.add} family links`);
    const c = r.second.summary;
    console.log(`  re-import, 2% changed: ${fmt(r.second.totalMs)} (write ${fmt(r.second.applyMs)}) — updated ${c.people.update}, unchanged ${c.people.unchanged}`);
    console.log(`  peak memory (RSS): ${Math.round(r.peakMb)} MB\n`);
  }
}

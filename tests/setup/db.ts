/**
 * A database for a medium test file, on each engine under test. PGlite: one data directory per
 * worker, copied from the run's migrated template the first time and emptied for every file.
 * PostgreSQL (when TEST_DATABASE_URL is set): one database per worker, cloned from the template.
 */
import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/server/db/client';
import { truncateAll } from '../../src/server/features/demo/demo.repo';

export type Engine = 'pglite' | 'postgres';

/** The engines this run tests on: always PGlite, and PostgreSQL when TEST_DATABASE_URL is set. */
export const engines: Engine[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

const workerId = process.env.VITEST_POOL_ID ?? '1';

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function openTestDatabase(engine: Engine): Promise<Database> {
  if (engine === 'pglite') {
    const template = inject('pgliteTemplate');
    const dir = path.join(path.dirname(template), `worker-${workerId}`);
    if (!existsSync(dir)) cpSync(template, dir, { recursive: true });
    const database = await openDatabase({ dataDir: dir });
    await truncateAll(database.db);
    return database;
  }
  const url = process.env.TEST_DATABASE_URL;
  const template = inject('pgTemplate');
  if (!url || !template) throw new Error('PostgreSQL tests need TEST_DATABASE_URL');
  const name = `${template}_w${workerId}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`create database "${name}" template "${template}"`);
  await admin.end();
  const database = await openDatabase({ databaseUrl: withDatabase(url, name), poolSize: 5 });
  await truncateAll(database.db);
  return database;
}

/**
 * Once per test run: a migrated PGlite data directory that workers copy (creating one costs ~3 s,
 * copying ~0.3 s), and — when TEST_DATABASE_URL is set — a migrated PostgreSQL template database
 * that workers clone with CREATE DATABASE … TEMPLATE.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/db/client';

declare module 'vitest' {
  export interface ProvidedContext {
    runId: string;
    pgliteTemplate: string;
    pgTemplate: string | null;
  }
}

/** Runs in one checkout may overlap (a second terminal, a helper): each has its own folder under here. */
export const tmpBase = path.resolve('.tmp/test-db');

export function adminUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  const tmpRoot = path.join(tmpBase, runId);
  rmSync(tmpRoot, { recursive: true, force: true });
  const pgliteTemplate = path.join(tmpRoot, 'template');
  mkdirSync(tmpRoot, { recursive: true });
  const template = await openDatabase({ dataDir: pgliteTemplate });
  await template.migrate();
  await template.close();

  let pgTemplate: string | null = null;
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    pgTemplate = `confer_t_${runId}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database "${pgTemplate}"`);
    await admin.end();
    const db = await openDatabase({ databaseUrl: adminUrl(url, pgTemplate), poolSize: 1 });
    await db.migrate();
    await db.close();
  }
  project.provide('runId', runId);
  project.provide('pgliteTemplate', pgliteTemplate);
  project.provide('pgTemplate', pgTemplate);

  return async () => {
    rmSync(tmpRoot, { recursive: true, force: true });
    if (url && pgTemplate) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`confer_t_${runId}%`]);
      for (const r of rows) await admin.query(`drop database if exists "${r.datname}" with (force)`);
      await admin.end();
    }
  };
}

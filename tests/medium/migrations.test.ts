/**
 * The schema in `src/server/db/schema` and the committed migrations agree (STYLE.md habit 8): a
 * change to the schema without `npm run db:generate -- --name …` fails here, and so does a
 * migration folder that would not build the tables the code uses.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generateDrizzleJson, generateMigration, type DrizzleSnapshotJSON } from 'drizzle-kit/api';
import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable, isPgEnum } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder, type Database } from '../../src/server/db/client';
import * as schemaModule from '../../src/server/db/schema/index';
import { engines, openTestDatabase } from '../setup/db';

interface Journal {
  entries: Array<{ idx: number; tag: string; when: number }>;
}

const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;
const latest = journal.entries.at(-1);
const exported: unknown[] = Object.values(schemaModule);
const tables = exported.filter((x): x is PgTable => is(x, PgTable));
const enumNames = exported.filter((x) => isPgEnum(x)).map((e) => e.enumName);

/** The rows of a raw query: both drivers answer `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

function latestSnapshot(): DrizzleSnapshotJSON {
  if (!latest) throw new Error('the migration journal has no entries');
  const file = path.join(migrationsFolder, 'meta', `${String(latest.idx).padStart(4, '0')}_snapshot.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as DrizzleSnapshotJSON;
}

describe('schema and migrations', () => {
  it('has a SQL file and a snapshot for every journal entry, numbered in order', () => {
    expect(journal.entries.length).toBeGreaterThan(0);
    journal.entries.forEach((entry, i) => {
      expect(entry.idx).toBe(i);
      expect(entry.tag.startsWith(String(i).padStart(4, '0'))).toBe(true);
      expect(existsSync(path.join(migrationsFolder, `${entry.tag}.sql`)), entry.tag).toBe(true);
      expect(existsSync(path.join(migrationsFolder, 'meta', `${entry.tag.slice(0, 4)}_snapshot.json`)), entry.tag).toBe(true);
    });
  });

  it('needs no new migration: the latest snapshot already describes the schema', async () => {
    const previous = latestSnapshot();
    const current = generateDrizzleJson(schemaModule, previous.id);
    // Sanity: the comparison sees the schema's tables and enums, so an empty diff means something.
    expect(Object.keys(current.tables).sort()).toEqual(tables.map((t) => `public.${getTableName(t)}`).sort());
    expect(Object.keys(current.enums).sort()).toEqual(enumNames.map((n) => `public.${n}`).sort());
    expect(await generateMigration(previous, current)).toEqual([]);
  });

  it('would notice a schema change the migrations lack', async () => {
    const previous = latestSnapshot();
    const current = generateDrizzleJson(schemaModule, previous.id);
    const [firstTable] = Object.keys(current.tables);
    const changed = structuredClone(current);
    delete changed.tables[firstTable as string];
    expect((await generateMigration(previous, changed)).join('\n')).toMatch(/DROP TABLE/i);
  });
});

describe.each(engines)('the migrated database on %s', (engine) => {
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database.close();
  });

  it('has every table and enum of the schema', async () => {
    const found = rowsOf<{ table_name: string }>(
      await database.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`),
    );
    const names = found.map((r) => r.table_name);
    for (const table of tables) expect(names, getTableName(table)).toContain(getTableName(table));

    const types = rowsOf<{ typname: string }>(
      await database.db.execute(sql`select t.typname from pg_type t join pg_enum e on e.enumtypid = t.oid group by t.typname`),
    );
    expect(types.map((r) => r.typname).sort()).toEqual([...enumNames].sort());
  });

  it('has the columns of each table as the schema declares them', async () => {
    const found = rowsOf<{ table_name: string; column_name: string }>(
      await database.db.execute(sql`select table_name, column_name from information_schema.columns where table_schema = 'public'`),
    );
    const snapshot = generateDrizzleJson(schemaModule);
    for (const table of Object.values(snapshot.tables as Record<string, { name: string; columns: Record<string, unknown> }>)) {
      const inDatabase = found.filter((r) => r.table_name === table.name).map((r) => r.column_name).sort();
      expect(inDatabase, table.name).toEqual(Object.keys(table.columns).sort());
    }
  });

  it('has applied every committed migration', async () => {
    const applied = rowsOf<{ n: number | string }>(await database.db.execute(sql`select count(*) as n from drizzle.__drizzle_migrations`));
    expect(Number(applied[0]?.n)).toBe(journal.entries.length);
  });
});

/**
 * The school's own framework over HTTP: the admin creates it, adds statements at the top and under
 * others, edits, reorders, moves and removes them; its identifiers are fresh UUIDs that never
 * change; it exports as a valid CASE 1.1 package that another school imports to the same tree.
 * Imported frameworks cannot be edited; teachers read but do not write.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameworkView, ImportResult } from '../../src/contracts/standards';
import type { Database } from '../../src/server/db/client';
import { standardAssociations, standardItems } from '../../src/server/db/schema/index';
import { buildSchool, buildStaff } from '../factories/index';
import { importPackage, sketchPackage } from '../factories/standards';
import { officialSchemaErrors } from '../fixtures/standards/official-schema';
import { buildTestApp, type TestApp, type TestClient } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';
import { expectError, UUID_PATTERN } from './support/expect-api';

describe.each(engines)("the school's own framework on %s", (engine) => {
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

  async function school() {
    const s = await buildSchool(database.db, { name: 'Riverside Test Primary' });
    const admin = await t.clientAs((await buildStaff(database.db, s.id, 'admin')).id);
    const teacher = await t.clientAs((await buildStaff(database.db, s.id, 'teacher')).id);
    return { id: s.id, admin, teacher };
  }
  const ok = (res: { statusCode: number; body: string }, status = 200) => {
    expect(res.statusCode, res.body).toBe(status);
    return JSON.parse(res.body) as { identifier: string };
  };
  const view = async (client: TestClient, schoolId: string, fw: string) => {
    const res = await client.get(`/api/schools/${schoolId}/standards/frameworks/${fw}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as FrameworkView;
  };
  const outline = (f: FrameworkView) => f.items.map((i) => `${'  '.repeat(i.depth)}${i.humanCodingScheme ? `${i.humanCodingScheme} ` : ''}${i.fullStatement}`);

  /** A framework with Y1 writing: W.1 and W.2 at the top, W.1.a under W.1. */
  async function framework() {
    const s = await school();
    const fw = ok(await s.admin.post(`/api/schools/${s.id}/standards/frameworks`, { title: 'Riverside writing', subject: 'English' }), 201).identifier;
    const add = async (body: object) => ok(await s.admin.post(`/api/schools/${s.id}/standards/frameworks/${fw}/items`, body), 201).identifier;
    const w1 = await add({ fullStatement: 'Leave spaces between words', humanCodingScheme: 'Y1.W.1' });
    const w2 = await add({ fullStatement: 'Begin a sentence with a capital letter', humanCodingScheme: 'Y1.W.2' });
    const w1a = await add({ fullStatement: 'Use a finger space', humanCodingScheme: 'Y1.W.1a', parentIdentifier: w1 });
    return { ...s, fw, w1, w2, w1a, add };
  }

  it('creates a framework whose identifiers are fresh UUIDs, and builds its tree', async () => {
    const f = await framework();
    expect(f.fw).toMatch(UUID_PATTERN);
    for (const id of [f.w1, f.w2, f.w1a]) expect(id).toMatch(UUID_PATTERN);
    const v = await view(f.teacher, f.id, f.fw);
    expect(v).toMatchObject({ title: 'Riverside writing', creator: 'Riverside Test Primary', source: 'school', caseVersion: '1.1', subject: ['English'], itemCount: 3, can: { edit: false } });
    expect((await view(f.admin, f.id, f.fw)).can.edit).toBe(true);
    expect(outline(v)).toEqual(['Y1.W.1 Leave spaces between words', '  Y1.W.1a Use a finger space', 'Y1.W.2 Begin a sentence with a capital letter']);
    // Each item has one isChildOf association with its place among its siblings.
    const links = await database.db.select().from(standardAssociations).where(and(eq(standardAssociations.schoolId, f.id), eq(standardAssociations.frameworkIdentifier, f.fw)));
    expect(links.map((l) => [l.originIdentifier, l.destinationIdentifier, l.sequenceNumber]).sort()).toEqual(
      [
        [f.w1, f.fw, 1],
        [f.w2, f.fw, 2],
        [f.w1a, f.w1, 1],
      ].sort(),
    );
    const list = (await f.teacher.get(`/api/schools/${f.id}/standards/frameworks`)).json() as { frameworks: Array<{ title: string; itemCount: number; source: string }> };
    expect(list.frameworks).toEqual([expect.objectContaining({ title: 'Riverside writing', itemCount: 3, source: 'school' })]);
  });

  it('adds at a place, edits, reorders and moves statements; identifiers stay the same', async () => {
    const f = await framework();
    const w0 = await f.add({ fullStatement: 'Hold a pencil', humanCodingScheme: 'Y1.W.0', index: 0 });
    expect(outline(await view(f.admin, f.id, f.fw))).toEqual(['Y1.W.0 Hold a pencil', 'Y1.W.1 Leave spaces between words', '  Y1.W.1a Use a finger space', 'Y1.W.2 Begin a sentence with a capital letter']);

    ok(await f.admin.patch(`/api/schools/${f.id}/standards/items/${f.w2}`, { fullStatement: 'Start a sentence with a capital letter', humanCodingScheme: 'Y1.W.3' }));
    ok(await f.admin.patch(`/api/schools/${f.id}/standards/items/${f.w2}`, { index: 0 }));
    expect(outline(await view(f.admin, f.id, f.fw))).toEqual(['Y1.W.3 Start a sentence with a capital letter', 'Y1.W.0 Hold a pencil', 'Y1.W.1 Leave spaces between words', '  Y1.W.1a Use a finger space']);

    // Move W.1 (with W.1a under it) under W.3, then W.1a to the top level at the end.
    ok(await f.admin.patch(`/api/schools/${f.id}/standards/items/${f.w1}`, { parentIdentifier: f.w2 }));
    expect(outline(await view(f.admin, f.id, f.fw))).toEqual(['Y1.W.3 Start a sentence with a capital letter', '  Y1.W.1 Leave spaces between words', '    Y1.W.1a Use a finger space', 'Y1.W.0 Hold a pencil']);
    ok(await f.admin.patch(`/api/schools/${f.id}/standards/items/${f.w1a}`, { parentIdentifier: null }));
    const v = await view(f.admin, f.id, f.fw);
    expect(outline(v)).toEqual(['Y1.W.3 Start a sentence with a capital letter', '  Y1.W.1 Leave spaces between words', 'Y1.W.0 Hold a pencil', 'Y1.W.1a Use a finger space']);
    expect(v.items.map((i) => i.identifier).sort()).toEqual([f.w1, f.w2, f.w1a, w0].sort());
    // Clearing the coding.
    ok(await f.admin.patch(`/api/schools/${f.id}/standards/items/${w0}`, { humanCodingScheme: '' }));
    expect((await view(f.admin, f.id, f.fw)).items.find((i) => i.identifier === w0)!.humanCodingScheme).toBeNull();
  });

  it('will not put a statement under itself or under one of its own, nor under another framework’s', async () => {
    const f = await framework();
    expect(expectError(await f.admin.patch(`/api/schools/${f.id}/standards/items/${f.w1}`, { parentIdentifier: f.w1a }), 400, 'validation_failed').fields).toEqual({ parentIdentifier: 'standard_inside_itself' });
    expect(expectError(await f.admin.patch(`/api/schools/${f.id}/standards/items/${f.w1}`, { parentIdentifier: f.w1 }), 400, 'validation_failed').fields).toEqual({ parentIdentifier: 'standard_inside_itself' });
    const other = await f.admin.post(`/api/schools/${f.id}/standards/frameworks`, { title: 'Maths' });
    const otherItem = ok(await f.admin.post(`/api/schools/${f.id}/standards/frameworks/${ok(other, 201).identifier}/items`, { fullStatement: 'Count to 20' }), 201).identifier;
    expect(expectError(await f.admin.patch(`/api/schools/${f.id}/standards/items/${f.w1}`, { parentIdentifier: otherItem }), 400, 'validation_failed').fields).toEqual({ parentIdentifier: 'unknown_standard' });
    expect(expectError(await f.admin.post(`/api/schools/${f.id}/standards/frameworks/${f.fw}/items`, { fullStatement: 'x', parentIdentifier: otherItem }), 400, 'validation_failed').fields).toEqual({ parentIdentifier: 'unknown_standard' });
    expectError(await f.admin.post(`/api/schools/${f.id}/standards/frameworks/${f.fw}/items`, { fullStatement: '   ' }), 400, 'validation_failed');
  });

  it('removes a statement with those under it; they are kept, marked removed', async () => {
    const f = await framework();
    ok(await f.admin.request({ method: 'DELETE', url: `/api/schools/${f.id}/standards/items/${f.w1}` }));
    ok(await f.admin.request({ method: 'DELETE', url: `/api/schools/${f.id}/standards/items/${f.w1}` }));
    const v = await view(f.admin, f.id, f.fw);
    expect(outline(v)).toEqual(['Y1.W.2 Begin a sentence with a capital letter']);
    expect(v.removedCount).toBe(2);
    const rows = await database.db.select().from(standardItems).where(eq(standardItems.schoolId, f.id));
    expect(rows.filter((r) => r.removedAt !== null).map((r) => r.identifier).sort()).toEqual([f.w1, f.w1a].sort());
    expectError(await f.admin.patch(`/api/schools/${f.id}/standards/items/${f.w1}`, { fullStatement: 'Back?' }), 404, 'not_found');
    // Adding after a removal puts the new one after the remaining sibling.
    await f.add({ fullStatement: 'Write a full stop', humanCodingScheme: 'Y1.W.4' });
    expect(outline(await view(f.admin, f.id, f.fw))).toEqual(['Y1.W.2 Begin a sentence with a capital letter', 'Y1.W.4 Write a full stop']);
  });

  it('renames the framework and changes its subject and creator', async () => {
    const f = await framework();
    ok(await f.admin.patch(`/api/schools/${f.id}/standards/frameworks/${f.fw}`, { title: 'Year 1 writing 𝑑', creator: 'Ms Whitfield', subject: null }));
    expect(await view(f.admin, f.id, f.fw)).toMatchObject({ title: 'Year 1 writing 𝑑', creator: 'Ms Whitfield', subject: [] });
    ok(await f.admin.patch(`/api/schools/${f.id}/standards/frameworks/${f.fw}`, { creator: '' }));
    expect((await view(f.admin, f.id, f.fw)).creator).toBe('Riverside Test Primary');
  });

  it('exports as a valid CASE 1.1 package that another school imports to the same tree — and again, unchanged', async () => {
    const f = await framework();
    ok(await f.admin.patch(`/api/schools/${f.id}/standards/items/${f.w2}`, { index: 0 }));
    const res = await f.teacher.get(`/api/schools/${f.id}/standards/frameworks/${f.fw}/case.json`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('riverside-writing.case.json');
    const pkg = JSON.parse(res.body) as { CFDocument: { identifier: string; caseVersion: string; subject: string[] }; CFItems: Array<{ identifier: string }> };
    expect(officialSchemaErrors(pkg)).toEqual([]);
    expect(pkg.CFDocument).toMatchObject({ identifier: f.fw, caseVersion: '1.1', subject: ['English'] });
    expect(pkg.CFItems.map((i) => i.identifier)).toEqual([f.w2, f.w1, f.w1a]);

    const other = await school();
    const imported = await importPackage(other.admin, other.id, res.body);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json() as ImportResult).toMatchObject({ identifier: f.fw, caseVersion: '1.1', added: 3, warnings: [] });
    const here = await view(f.admin, f.id, f.fw);
    const there = await view(other.admin, other.id, f.fw);
    expect(there.items).toEqual(here.items);
    expect(there.source).toBe('case');
    // Imported there, it is read-only there.
    expect(expectError(await other.admin.patch(`/api/schools/${other.id}/standards/items/${f.w1}`, { fullStatement: 'Changed' }), 409, 'conflict').fields).toEqual({ framework: 'imported_read_only' });
    expect((await importPackage(other.admin, other.id, res.body)).json()).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
  });

  it('an imported framework cannot be edited; teachers cannot write', async () => {
    const s = await school();
    const pkg = sketchPackage({ items: [{ code: 'I.1' }] });
    expect((await importPackage(s.admin, s.id, pkg.text)).statusCode).toBe(200);
    const item = pkg.ids.get('I.1')!;
    expect(expectError(await s.admin.patch(`/api/schools/${s.id}/standards/frameworks/${pkg.documentIdentifier}`, { title: 'Mine now' }), 409, 'conflict').fields).toEqual({ framework: 'imported_read_only' });
    expectError(await s.admin.post(`/api/schools/${s.id}/standards/frameworks/${pkg.documentIdentifier}/items`, { fullStatement: 'More' }), 409, 'conflict');
    expectError(await s.admin.request({ method: 'DELETE', url: `/api/schools/${s.id}/standards/items/${item}` }), 409, 'conflict');
    expectError(await s.teacher.post(`/api/schools/${s.id}/standards/frameworks`, { title: 'Mine' }), 403, 'forbidden');
    expectError(await s.admin.get(`/api/schools/${s.id}/standards/frameworks/00000000-0000-0000-0000-000000000000`), 404, 'not_found');
    expectError(await s.admin.get(`/api/schools/${s.id}/standards/frameworks/not-an-id`), 400, 'validation_failed');
  });
});

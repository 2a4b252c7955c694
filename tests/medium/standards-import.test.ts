/**
 * Importing CASE packages over HTTP: every OpenSALT fixture (tree, order, non-BMP text, item types,
 * adoption status, an empty framework), each exported back as a package valid against the official
 * CASE 1.1 schema that re-imports to the same tree; importing again changes nothing; a newer
 * version updates in place, marks what it dropped as removed (links to it kept) and brings it back;
 * a malformed package answers every problem with its JSON path and writes nothing; another school
 * sees none of it.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameworkView, ImportResult } from '../../src/contracts/standards';
import type { Database } from '../../src/server/db/client';
import { postStandards, standardAssociations, standardFrameworks, standardItems } from '../../src/server/db/schema/index';
import { buildSchool, buildStaff, buildWorld } from '../factories/index';
import { importPackage, sketchPackage } from '../factories/standards';
import { malformed, officialSchemaErrors, openSalt, openSaltFixtures } from '../fixtures/standards/official-schema';
import { buildTestApp, type TestApp, type TestClient } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';
import { expectError } from './support/expect-api';

describe.each(engines)('standards import on %s', (engine) => {
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

  /** A school with an admin and a teacher (every fixture shares document identifier d0000000-…, so each test has its own school). */
  async function school() {
    const s = await buildSchool(database.db);
    const admin = await t.clientAs((await buildStaff(database.db, s.id, 'admin')).id);
    const teacher = await t.clientAs((await buildStaff(database.db, s.id, 'teacher')).id);
    return { id: s.id, admin, teacher };
  }
  const imported = async (client: TestClient, schoolId: string, text: string | Buffer) => {
    const res = await importPackage(client, schoolId, text);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ImportResult;
  };
  const frameworkOf = async (client: TestClient, schoolId: string, identifier: string) => {
    const res = await client.get(`/api/schools/${schoolId}/standards/frameworks/${identifier}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as FrameworkView;
  };
  /** "  Item 1.1" per item, indented by depth. */
  const outline = (f: FrameworkView) => f.items.map((i) => `${'  '.repeat(i.depth)}${i.humanCodingScheme ?? i.fullStatement}`);
  const exported = async (client: TestClient, schoolId: string, identifier: string) => {
    const res = await client.get(`/api/schools/${schoolId}/standards/frameworks/${identifier}/case.json`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.case\.json"/);
    return res.body;
  };
  /** Everything stored for a school's standards, to compare before and after. */
  const snapshot = async (schoolId: string) => ({
    frameworks: await database.db.select().from(standardFrameworks).where(eq(standardFrameworks.schoolId, schoolId)).orderBy(standardFrameworks.identifier),
    items: await database.db.select().from(standardItems).where(eq(standardItems.schoolId, schoolId)).orderBy(standardItems.identifier),
    associations: await database.db.select().from(standardAssociations).where(eq(standardAssociations.schoolId, schoolId)).orderBy(standardAssociations.identifier),
  });
  const rowCount = async (schoolId: string) => {
    const s = await snapshot(schoolId);
    return s.frameworks.length + s.items.length + s.associations.length;
  };

  const D = 'd0000000-0000-0000-0000-000000000000';
  const expected: Record<string, { outline: string[]; title: string }> = {
    'AdoptedTestFramework.json': { title: 'Adopted Test', outline: ['Item 1'] },
    'EmptyExternalFramework.json': { title: 'Test Framework External Empty', outline: [] },
    'ItemTypeTestFramework.json': { title: 'Item Type Test', outline: ['Item 1'] },
    'MarkdownFramework.json': { title: 'Test Markdown Framework', outline: ['MD.Math', 'MD.Table'] },
    'SequenceNumberFramework.json': { title: 'Sequence Number Test', outline: ['SNT.2', 'SNT.1'] },
    'SmartLevelFramework.json': { title: 'SmartLevel Test', outline: ['Item 1', ...Array.from({ length: 10 }, (_, i) => `  Item 1.${i + 1}`), 'Item 2', '  Item 2.1', '  Item 2.2'] },
    'Utf8TestFramework.json': { title: 'UTF8 \u{1D451} Test', outline: ['Item \u{1D451} 1'] },
  };

  it.each(openSaltFixtures())('imports %s with its CASE identifiers, tree and order; its export is valid CASE 1.1 and re-imports to the same tree', async (name, text) => {
    const a = await school();
    const result = await imported(a.admin, a.id, text);
    const want = expected[name]!;
    expect(result).toMatchObject({ identifier: D, title: want.title, caseVersion: '1.0', added: want.outline.length, updated: 0, unchanged: 0, removed: 0, restored: 0, warnings: [] });
    // Staff read it; the identifiers are the package's, never ours.
    const f = await frameworkOf(a.teacher, a.id, D);
    expect(f).toMatchObject({ identifier: D, title: want.title, source: 'case', caseVersion: '1.0', itemCount: want.outline.length, removedCount: 0, can: { edit: false } });
    expect(outline(f)).toEqual(want.outline);
    const packageIds = (JSON.parse(text) as { CFItems: Array<{ identifier: string }> }).CFItems.map((i) => i.identifier).sort();
    expect(f.items.map((i) => i.identifier).sort()).toEqual(packageIds);

    const back = await exported(a.teacher, a.id, D);
    expect(officialSchemaErrors(JSON.parse(back))).toEqual([]);
    const b = await school();
    expect(await imported(b.admin, b.id, back)).toMatchObject({ identifier: D, caseVersion: '1.1', added: want.outline.length });
    const again = await frameworkOf(b.admin, b.id, D);
    expect(outline(again)).toEqual(want.outline);
    expect(again.items.map((i) => [i.identifier, i.parentIdentifier, i.depth])).toEqual(f.items.map((i) => [i.identifier, i.parentIdentifier, i.depth]));
    // And exporting that gives the same package again.
    expect(JSON.parse(await exported(b.admin, b.id, D)).CFItems).toEqual(JSON.parse(back).CFItems);
  });

  it('keeps what each fixture exercises: markdown and math as written, non-BMP characters, item types, adoption status', async () => {
    const a = await school();
    await imported(a.admin, a.id, openSalt('MarkdownFramework.json'));
    const md = await frameworkOf(a.admin, a.id, D);
    expect(md.items.find((i) => i.humanCodingScheme === 'MD.Table')!.fullStatement).toBe(
      'This contains a _table_ in markdown:\r\n\r\n| Column 1 | Column 2 |\r\n| --- | --- |\r\n| data 1 | data 2|\r\n\r\n Here is a math equation $x = {-b \\pm \\sqrt{b^2-4ac} \\over 2a}$',
    );

    const b = await school();
    await imported(b.admin, b.id, openSalt('Utf8TestFramework.json'));
    const utf = await frameworkOf(b.admin, b.id, D);
    expect(utf.title).toBe('UTF8 𝑑 Test');
    expect(utf.items[0]!.fullStatement).toBe('Item 𝑑 1');
    const [row] = await database.db.select({ n: sql<number>`char_length(${standardItems.fullStatement})::int` }).from(standardItems).where(eq(standardItems.schoolId, b.id));
    expect(row!.n).toBe(8); // one character, not two halves of a surrogate pair

    const c = await school();
    await imported(c.admin, c.id, openSalt('ItemTypeTestFramework.json'));
    expect((await frameworkOf(c.admin, c.id, D)).items[0]!.itemType).toBe('Standard');

    const d = await school();
    await imported(d.admin, d.id, openSalt('AdoptedTestFramework.json'));
    expect(await frameworkOf(d.admin, d.id, D)).toMatchObject({ adoptionStatus: 'Adopted', creator: 'OpenSALT Testing', lastChangeDateTime: '2017-09-22T23:13:54+00:00' });
    const list = (await d.teacher.get(`/api/schools/${d.id}/standards/frameworks`)).json() as { frameworks: Array<{ identifier: string; itemCount: number; source: string }>; can: { manage: boolean } };
    expect(list).toMatchObject({ frameworks: [{ identifier: D, itemCount: 1, source: 'case' }], can: { manage: false } });
  });

  it('importing the same package again changes nothing at all', async () => {
    const a = await school();
    await imported(a.admin, a.id, openSalt('SmartLevelFramework.json'));
    const before = await snapshot(a.id);
    t.setNow(new Date(Date.now() + 3_600_000));
    expect(await imported(a.admin, a.id, openSalt('SmartLevelFramework.json'))).toMatchObject({ added: 0, updated: 0, unchanged: 14, removed: 0, restored: 0 });
    t.setNow(new Date());
    expect(await snapshot(a.id)).toEqual(before);
  });

  it('a newer version updates in place by identifier; items it drops are kept as removed (with what links to them) and come back', async () => {
    const w = await buildWorld(database.db);
    const admin = await t.clientAs(w.admin.id);
    const v1 = sketchPackage({ title: 'Writing v1', items: [{ code: 'W.1', children: [{ code: 'W.1.a' }] }, { code: 'W.2' }, { code: 'W.3' }] });
    expect(await imported(admin, w.school.id, v1.text)).toMatchObject({ added: 4 });
    const fw = v1.documentIdentifier;
    // A teacher tagged a post with W.3 (the criteria and post features link by identifier).
    const teacher = await t.clientAs(w.teacherA.id);
    const post = await teacher.post(`/api/students/${w.ana.id}/posts`, { caption: 'Story', items: [{ kind: 'text', text: 'Once upon a time' }] });
    const postId = (post.json() as { id: string }).id;
    await database.db.insert(postStandards).values({ postId, schoolId: w.school.id, itemIdentifier: v1.ids.get('W.3')!, taggedBy: w.teacherA.id });

    // v2: W.2 reworded, W.1.a moved under W.2, W.3 gone, W.4 new; the title changed.
    const v2 = structuredClone(v1.json) as { CFDocument: Record<string, unknown>; CFItems: Array<Record<string, unknown>>; CFAssociations: Array<Record<string, unknown>> };
    v2.CFDocument.title = 'Writing v2';
    v2.CFItems.find((i) => i.humanCodingScheme === 'W.2')!.fullStatement = 'Write a full stop at the end of a sentence';
    const w3 = v1.ids.get('W.3')!;
    v2.CFItems = v2.CFItems.filter((i) => i.identifier !== w3);
    const w3Link = v2.CFAssociations.find((a) => (a.originNodeURI as { identifier: string }).identifier === w3)!;
    v2.CFAssociations = v2.CFAssociations.filter((a) => a !== w3Link);
    (v2.CFAssociations.find((a) => (a.originNodeURI as { identifier: string }).identifier === v1.ids.get('W.1.a'))!.destinationNodeURI as { identifier: string }).identifier = v1.ids.get('W.2')!;
    const w4 = sketchPackage({ identifier: fw, items: [{ code: 'W.4' }] }).json as typeof v2;
    v2.CFItems.push(...w4.CFItems);
    v2.CFAssociations.push(...w4.CFAssociations);
    expect(await imported(admin, w.school.id, JSON.stringify(v2))).toMatchObject({ title: 'Writing v2', added: 1, updated: 2, unchanged: 1, removed: 1, restored: 0 });
    const after = await frameworkOf(admin, w.school.id, fw);
    expect(outline(after)).toEqual(['W.1', 'W.2', '  W.1.a', 'W.4']);
    expect(after).toMatchObject({ title: 'Writing v2', itemCount: 4, removedCount: 1 });
    expect(after.items.find((i) => i.humanCodingScheme === 'W.2')!.fullStatement).toBe('Write a full stop at the end of a sentence');
    const [gone] = await database.db.select().from(standardItems).where(and(eq(standardItems.schoolId, w.school.id), eq(standardItems.identifier, w3)));
    expect(gone!.removedAt).not.toBeNull();
    expect(await database.db.select().from(postStandards).where(eq(postStandards.postId, postId))).toHaveLength(1);
    expect(JSON.parse(await exported(admin, w.school.id, fw)).CFItems.map((i: { humanCodingScheme: string }) => i.humanCodingScheme)).toEqual(['W.1', 'W.2', 'W.1.a', 'W.4']);

    // v3 has W.3 again: it comes back, in its place, with its links.
    const v3 = structuredClone(v2);
    v3.CFItems.push(v1.json.CFItems ? (v1.json.CFItems as Array<Record<string, unknown>>).find((i) => i.identifier === w3)! : {});
    v3.CFAssociations.push(w3Link);
    expect(await imported(admin, w.school.id, JSON.stringify(v3))).toMatchObject({ added: 0, restored: 1, removed: 0 });
    const back = await frameworkOf(admin, w.school.id, fw);
    expect(outline(back)).toEqual(['W.1', 'W.2', '  W.1.a', 'W.3', 'W.4']);
    expect(back.removedCount).toBe(0);
  });

  it('a malformed package answers every problem with its JSON path, and writes nothing', async () => {
    const a = await school();
    const res = await importPackage(a.admin, a.id, malformed('broken-framework.json'));
    const err = expectError(res, 400, 'validation_failed');
    expect(err.fields).toEqual({
      'CFDocument.title': 'required',
      'CFItems[1].identifier': 'not_uuid',
      'CFItems[2].fullStatement': 'required',
      'CFAssociations[0].sequenceNumber': 'not_integer',
      'CFItems[3].identifier': 'duplicate_identifier',
      'CFAssociations[0].destinationNodeURI.identifier': 'unknown_parent',
      'CFAssociations[1].originNodeURI.identifier': 'unknown_item',
      'CFAssociations[3]': 'cycle',
    });
    expect(expectError(await importPackage(a.admin, a.id, malformed('not-json.json')), 400, 'validation_failed').fields).toEqual({ $: 'not_json' });
    expect(expectError(await importPackage(a.admin, a.id, malformed('not-a-package.json')), 400, 'validation_failed').fields).toEqual({ $: 'not_a_package' });
    expect(expectError(await importPackage(a.admin, a.id, Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), 400, 'validation_failed').fields).toEqual({ $: 'not_utf8' });
    expect(expectError(await importPackage(a.admin, a.id, '{"CFDocument": {"identifier": "x"}}'), 400, 'validation_failed').fields).toEqual({ 'CFDocument.identifier': 'not_uuid', 'CFDocument.title': 'required' });
    expect(await rowCount(a.id)).toBe(0);
  });

  it('a broken newer version leaves the framework as it was', async () => {
    const a = await school();
    await imported(a.admin, a.id, openSalt('SmartLevelFramework.json'));
    const before = await snapshot(a.id);
    const broken = JSON.parse(openSalt('SmartLevelFramework.json')) as { CFItems: Array<Record<string, unknown>> };
    broken.CFItems[0]!.fullStatement = 'Item one, renamed';
    broken.CFItems[13]!.identifier = 'not-a-uuid';
    expect(expectError(await importPackage(a.admin, a.id, JSON.stringify(broken)), 400, 'validation_failed').fields).toEqual({ 'CFItems[13].identifier': 'not_uuid', 'CFAssociations[13].originNodeURI.identifier': 'unknown_item' });
    expect(await snapshot(a.id)).toEqual(before);
  });

  it('an identifier another framework of the school already has, or the school’s own framework, is refused and nothing is written', async () => {
    const a = await school();
    const first = sketchPackage({ items: [{ code: 'A.1' }] });
    await imported(a.admin, a.id, first.text);
    const other = sketchPackage({ items: [{ code: 'B.1', identifier: first.ids.get('A.1')! }, { code: 'B.2' }] });
    const before = await snapshot(a.id);
    expect(expectError(await importPackage(a.admin, a.id, other.text), 400, 'validation_failed').fields).toEqual({ 'CFItems[0].identifier': 'identifier_in_other_framework' });
    expect(await snapshot(a.id)).toEqual(before);

    const own = await a.admin.post(`/api/schools/${a.id}/standards/frameworks`, { title: 'Our writing' });
    const ownId = (own.json() as { identifier: string }).identifier;
    const sameDoc = sketchPackage({ identifier: ownId, items: [{ code: 'C.1' }] });
    expect(expectError(await importPackage(a.admin, a.id, sameDoc.text), 400, 'validation_failed').fields).toEqual({ 'CFDocument.identifier': 'framework_is_own' });
  });

  it('refuses a file larger than 25 MB, an empty upload, and anyone but the admin', async () => {
    const a = await school();
    const big = Buffer.alloc(25 * 1024 * 1024 + 10, 0x20);
    const res = await importPackage(a.admin, a.id, big);
    expect(res.statusCode).toBe(413);
    expect((res.json() as { error: unknown }).error).toMatchObject({ code: 'media_too_large', limitMb: 25, message: expect.stringContaining('25 MB') });
    expect(expectError(await a.admin.request({ method: 'POST', url: `/api/schools/${a.id}/standards/imports`, payload: {} }), 400, 'bad_request')).toBeTruthy();
    expectError(await importPackage(a.teacher, a.id, openSalt('AdoptedTestFramework.json')), 403, 'forbidden');
    expect(await rowCount(a.id)).toBe(0);
  });

  it('another school sees nothing of it, and may import the same package itself independently', async () => {
    const a = await school();
    const b = await school();
    await imported(a.admin, a.id, openSalt('SmartLevelFramework.json'));
    expectError(await b.admin.get(`/api/schools/${a.id}/standards/frameworks`), 404, 'not_found');
    expectError(await b.admin.get(`/api/schools/${a.id}/standards/frameworks/${D}`), 404, 'not_found');
    expectError(await b.admin.get(`/api/schools/${a.id}/standards/frameworks/${D}/case.json`), 404, 'not_found');
    expectError(await b.admin.get(`/api/schools/${b.id}/standards/frameworks/${D}`), 404, 'not_found');
    expect(((await b.admin.get(`/api/schools/${b.id}/standards/frameworks`)).json() as { frameworks: unknown[] }).frameworks).toEqual([]);
    expect(await imported(b.admin, b.id, openSalt('SmartLevelFramework.json'))).toMatchObject({ added: 14 });
    const renamed = JSON.parse(openSalt('SmartLevelFramework.json')) as { CFDocument: { title: string } };
    renamed.CFDocument.title = 'Renamed in B';
    await imported(b.admin, b.id, JSON.stringify(renamed));
    expect((await frameworkOf(a.admin, a.id, D)).title).toBe('SmartLevel Test');
  });
});

/**
 * Searching the school's standards over HTTP: by words (each must appear, case does not matter) or
 * by coding (the exact one first), across frameworks or in one, each result with its framework and
 * its path from the top; removed items and other schools' items are never found; `%` and `_` are
 * only characters. And the summaries by identifier that the picker's chips and other features use.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResult, StandardSummaryWithState } from '../../src/contracts/standards';
import type { Database } from '../../src/server/db/client';
import { buildSchool, buildStaff } from '../factories/index';
import { importPackage, sketchPackage } from '../factories/standards';
import { openSalt } from '../fixtures/standards/official-schema';
import { buildTestApp, type TestApp, type TestClient } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';
import { expectError } from './support/expect-api';

describe.each(engines)('standards search on %s', (engine) => {
  let database: Database;
  let t: TestApp;
  let schoolId: string;
  let admin: TestClient;
  let teacher: TestClient;
  let otherAdmin: TestClient;
  let otherSchoolId: string;
  const writing = sketchPackage({
    title: 'Riverside writing',
    items: [
      {
        code: 'Y1.W',
        statement: 'Year 1 writing',
        children: [
          { code: 'Y1.W.1', statement: 'Leave spaces between words' },
          { code: 'Y1.W.10', statement: 'Use 100% of the page, and the_underscore' },
          { code: 'Y1.W.2', statement: 'Begin sentences with a Capital letter', children: [{ code: 'Y1.W.2a', statement: 'Capital letters for names: Ava, Ōtautahi, 𝑑' }] },
        ],
      },
    ],
  });
  const maths = sketchPackage({ title: 'Riverside maths', items: [{ code: 'Y1.M.1', statement: 'Count forwards and backwards to 100 and write the numbers in words' }, { code: 'Y1.M.2', statement: 'Old statement about spaces' }] });

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    t = await buildTestApp(database);
    const s = await buildSchool(database.db);
    schoolId = s.id;
    admin = await t.clientAs((await buildStaff(database.db, s.id, 'admin')).id);
    teacher = await t.clientAs((await buildStaff(database.db, s.id, 'assistant')).id);
    const other = await buildSchool(database.db);
    otherSchoolId = other.id;
    otherAdmin = await t.clientAs((await buildStaff(database.db, other.id, 'admin')).id);
    for (const p of [writing.text, maths.text]) expect((await importPackage(admin, schoolId, p)).statusCode).toBe(200);
    // Y1.M.2 is removed by a newer version of the maths framework.
    const v2 = structuredClone(maths.json) as { CFItems: Array<{ identifier: string }>; CFAssociations: Array<{ originNodeURI: { identifier: string } }> };
    const removed = maths.ids.get('Y1.M.2')!;
    v2.CFItems = v2.CFItems.filter((i) => i.identifier !== removed);
    v2.CFAssociations = v2.CFAssociations.filter((a) => a.originNodeURI.identifier !== removed);
    expect((await importPackage(admin, schoolId, JSON.stringify(v2))).json()).toMatchObject({ removed: 1 });
    expect((await importPackage(otherAdmin, otherSchoolId, openSalt('SmartLevelFramework.json'))).statusCode).toBe(200);
  });
  afterAll(async () => {
    await t.app.close();
    await database.close();
  });

  const search = async (q: string, client = teacher, school = schoolId, extra = '') => {
    const res = await client.get(`/api/schools/${school}/standards/search?q=${encodeURIComponent(q)}${extra}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { results: SearchResult[] }).results;
  };
  const codes = (rs: SearchResult[]) => rs.map((r) => r.humanCodingScheme);

  it('finds words anywhere in a statement, all of them, whatever their case', async () => {
    expect(codes(await search('spaces'))).toEqual(['Y1.W.1']);
    expect(codes(await search('CAPITAL letter'))).toEqual(['Y1.W.2', 'Y1.W.2a']);
    expect(codes(await search('capital names'))).toEqual(['Y1.W.2a']);
    expect(codes(await search('count words'))).toEqual(['Y1.M.1']);
    expect(await search('capital nothing-like-this')).toEqual([]);
    expect(await search('   ')).toEqual([]);
  });

  it('finds by coding, the exact one first, then those starting with it', async () => {
    expect(codes(await search('Y1.W.1'))).toEqual(['Y1.W.1', 'Y1.W.10']);
    expect(codes(await search('y1.w.2'))).toEqual(['Y1.W.2', 'Y1.W.2a']);
    expect(codes(await search('Y1.M'))).toEqual(['Y1.M.1']);
  });

  it('gives each result its framework and its path from the top', async () => {
    const [r] = await search('Ōtautahi');
    expect(r).toEqual({
      identifier: writing.ids.get('Y1.W.2a'),
      frameworkIdentifier: writing.documentIdentifier,
      frameworkTitle: 'Riverside writing',
      humanCodingScheme: 'Y1.W.2a',
      fullStatement: 'Capital letters for names: Ava, Ōtautahi, 𝑑',
      path: [
        { identifier: writing.ids.get('Y1.W'), humanCodingScheme: 'Y1.W', fullStatement: 'Year 1 writing' },
        { identifier: writing.ids.get('Y1.W.2'), humanCodingScheme: 'Y1.W.2', fullStatement: 'Begin sentences with a Capital letter' },
      ],
    });
    expect(codes(await search('𝑑'))).toEqual(['Y1.W.2a']);
  });

  it('searches one framework when asked', async () => {
    expect(codes(await search('Y1', teacher, schoolId, `&framework=${maths.documentIdentifier}`))).toEqual(['Y1.M.1']);
  });

  it('never finds removed items, nor another school’s; other schools may not search here', async () => {
    expect(await search('Old statement')).toEqual([]);
    expect(await search('Item 1.1')).toEqual([]);
    expect(codes(await search('Item 1.1', otherAdmin, otherSchoolId)).length).toBeGreaterThan(0);
    expectError(await otherAdmin.get(`/api/schools/${schoolId}/standards/search?q=spaces`), 404, 'not_found');
  });

  it('takes % and _ as themselves', async () => {
    expect(codes(await search('100%'))).toEqual(['Y1.W.10']);
    expect(codes(await search('the_'))).toEqual(['Y1.W.10']);
    expect(await search('%')).toHaveLength(1);
    expect(await search('_')).toHaveLength(1);
  });

  it('summarises items by identifier, in the order asked, removed ones marked, unknown ones left out', async () => {
    const ids = [maths.ids.get('Y1.M.2')!, writing.ids.get('Y1.W.1')!, '00000000-0000-4000-8000-000000000000', writing.ids.get('Y1.W.1')!];
    const res = await teacher.get(`/api/schools/${schoolId}/standards/items?ids=${ids.join(',')}`);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { items: StandardSummaryWithState[] }).items).toEqual([
      { identifier: ids[0], frameworkIdentifier: maths.documentIdentifier, frameworkTitle: 'Riverside maths', humanCodingScheme: 'Y1.M.2', fullStatement: 'Old statement about spaces', removed: true },
      { identifier: ids[1], frameworkIdentifier: writing.documentIdentifier, frameworkTitle: 'Riverside writing', humanCodingScheme: 'Y1.W.1', fullStatement: 'Leave spaces between words', removed: false },
    ]);
    expectError(await teacher.get(`/api/schools/${schoolId}/standards/items?ids=nope`), 400, 'validation_failed');
    expectError(await otherAdmin.get(`/api/schools/${schoolId}/standards/items?ids=${ids[1]}`), 404, 'not_found');
  });
});

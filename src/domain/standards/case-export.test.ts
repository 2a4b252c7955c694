import { describe, expect, it } from 'vitest';
import { authoredDocument, authoredItem, childOfAssociation, descendantsOf, placeAmong, sameJson } from './authoring';
import { exportCasePackage, isDate, isDateTime, nodeTitle, type ExportItem } from './case-export';
import { readCasePackage } from './case-package';
import { planTree } from './tree';

const DOC = '7c1e0000-0000-4000-8000-000000000000';
const id = (n: number) => `7c1e0000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const NOW = '2026-03-02T10:00:00.000Z';

const exportItem = (n: number, extra: Partial<ExportItem> = {}): ExportItem => ({
  identifier: id(n),
  parentIdentifier: null,
  uri: null,
  fullStatement: `Statement ${n}`,
  abbreviatedStatement: null,
  humanCodingScheme: null,
  listEnumeration: null,
  itemType: null,
  educationLevel: [],
  language: null,
  item: {},
  ...extra,
});
const link = (n: number, origin: string, destination: string, sequenceNumber: number | null = null, associationType = 'isChildOf') => ({ identifier: id(1000 + n), associationType, originIdentifier: origin, destinationIdentifier: destination, sequenceNumber, association: {} });
const framework = { identifier: DOC, uri: null, title: 'Writing', creator: null, lastChangeDateTime: null, document: {} };

describe('exporting a framework as CASE 1.1', () => {
  it('writes only 1.1 properties, converting and filling in what 1.0 or an import lacked', () => {
    const pkg = exportCasePackage({
      framework: { ...framework, lastChangeDateTime: '2017-09-22T23:13:54+00:00', document: { subject: 'English', adoptionStatus: 'Adopted', sourcedId: 'x', licenseURI: { title: 'broken' } } },
      items: [exportItem(1, { humanCodingScheme: 'W.1', educationLevel: ['01'], item: { CFDocumentURI: { title: 'Writing', identifier: DOC, uri: 'x' }, lastChangeDateTime: 'yesterday', conceptKeywords: 'spaces', statusStartDate: '2017-02-30' } })],
      associations: [link(1, id(1), DOC, 1)],
      removed: new Set(),
      fallbackDateTime: NOW,
    });
    expect(pkg.CFDocument).toEqual({ identifier: DOC, uri: `urn:uuid:${DOC}`, subject: ['English'], adoptionStatus: 'Adopted', caseVersion: '1.1', creator: '', title: 'Writing', lastChangeDateTime: '2017-09-22T23:13:54+00:00' });
    expect(pkg.CFItems).toEqual([{ identifier: id(1), uri: `urn:uuid:${id(1)}`, fullStatement: 'Statement 1', conceptKeywords: ['spaces'], lastChangeDateTime: NOW, humanCodingScheme: 'W.1', educationLevel: ['01'] }]);
    expect(pkg.CFAssociations).toEqual([
      {
        identifier: id(1001),
        associationType: 'isChildOf',
        uri: `urn:uuid:${id(1001)}`,
        originNodeURI: { title: 'W.1', identifier: id(1), uri: `urn:uuid:${id(1)}` },
        destinationNodeURI: { title: 'Writing', identifier: DOC, uri: `urn:uuid:${DOC}` },
        lastChangeDateTime: NOW,
        sequenceNumber: 1,
      },
    ]);
  });

  it('leaves out associations that touch a removed item, and names unknown types as extensions', () => {
    const pkg = exportCasePackage({
      framework,
      items: [exportItem(1)],
      associations: [link(1, id(1), DOC), link(2, id(2), DOC), link(3, id(1), 'urn:x:far', null, 'isCloseTo'), link(4, id(1), 'urn:x:far', null, 'ext:closeTo')],
      removed: new Set([id(2)]),
      fallbackDateTime: NOW,
    });
    expect((pkg.CFAssociations as Array<{ identifier: string; associationType: string }>).map((a) => [a.identifier, a.associationType])).toEqual([
      [id(1001), 'isChildOf'],
      [id(1003), 'ext:isCloseTo'],
      [id(1004), 'ext:closeTo'],
    ]);
  });

  it('writes the isChildOf that places each item first, so a re-import builds the same tree', () => {
    // Item 2 is under item 1 in the tree, though another isChildOf (to the document) comes first as stored.
    const items = [exportItem(1), exportItem(2, { parentIdentifier: id(1) })];
    const pkg = exportCasePackage({ framework, items, associations: [link(3, id(2), DOC), link(1, id(1), DOC), link(2, id(2), id(1))], removed: new Set(), fallbackDateTime: NOW });
    const back = readCasePackage(JSON.stringify(pkg));
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    const tree = planTree(DOC, back.pkg.items, back.pkg.associations.map((a) => ({ origin: a.originIdentifier, destination: a.destinationIdentifier, sequenceNumber: a.sequenceNumber })));
    expect(tree.map((n) => [n.identifier, n.parentIdentifier])).toEqual([
      [id(1), null],
      [id(2), id(1)],
    ]);
  });

  it('checks dates as the schema does', () => {
    expect(isDateTime('2017-09-22T23:13:54+00:00')).toBe(true);
    expect(isDateTime('2026-03-02T10:00:00.000Z')).toBe(true);
    expect(isDateTime('2026-03-02T10:00:00')).toBe(false);
    expect(isDateTime('2026-02-30T10:00:00Z')).toBe(false);
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2023-02-29')).toBe(false);
  });

  it('names an item by its coding, else the start of its statement', () => {
    expect(nodeTitle({ humanCodingScheme: 'Y1.W.1', fullStatement: 'Leave spaces' })).toBe('Y1.W.1');
    expect(nodeTitle({ humanCodingScheme: null, fullStatement: `Line one\n${'x'.repeat(80)}` })).toHaveLength(60);
  });
});

describe('writing a framework here', () => {
  it('makes CASE objects with the identifiers it is given', () => {
    expect(authoredDocument({ identifier: DOC, title: 'Writing', creator: 'Riverside', subject: 'English', now: NOW })).toEqual({
      identifier: DOC,
      uri: `urn:uuid:${DOC}`,
      caseVersion: '1.1',
      creator: 'Riverside',
      title: 'Writing',
      lastChangeDateTime: NOW,
      subject: ['English'],
    });
    expect(authoredItem({ identifier: id(1), fullStatement: 'Leave spaces between words', humanCodingScheme: null, now: NOW })).toEqual({ identifier: id(1), uri: `urn:uuid:${id(1)}`, fullStatement: 'Leave spaces between words', lastChangeDateTime: NOW });
    const a = childOfAssociation({ identifier: id(9), child: { identifier: id(1), fullStatement: 'x', humanCodingScheme: 'Y1.W.1' }, parent: { identifier: DOC, fullStatement: 'Writing', humanCodingScheme: null }, sequenceNumber: 2, now: NOW });
    expect(a).toMatchObject({ associationType: 'isChildOf', sequenceNumber: 2, originNodeURI: { title: 'Y1.W.1' }, destinationNodeURI: { title: 'Writing', identifier: DOC } });
  });

  it('moves an item among its siblings', () => {
    expect(placeAmong(['a', 'b', 'c'], 'c', 0)).toEqual(['c', 'a', 'b']);
    expect(placeAmong(['a', 'b', 'c'], 'a', 1)).toEqual(['b', 'a', 'c']);
    expect(placeAmong(['a'], 'x', 9)).toEqual(['a', 'x']);
    expect(placeAmong([], 'x', 0)).toEqual(['x']);
  });

  it('finds what is under an item', () => {
    const parents = new Map<string, string | null>([
      ['a', null],
      ['b', 'a'],
      ['c', 'b'],
      ['d', null],
    ]);
    expect([...descendantsOf('a', parents)].sort()).toEqual(['b', 'c']);
    expect(descendantsOf('d', parents).size).toBe(0);
  });

  it('compares JSON by value whatever the key order', () => {
    expect(sameJson({ a: 1, b: [1, { c: 'x', d: null }] }, { b: [1, { d: null, c: 'x' }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: undefined }, {})).toBe(true);
  });
});

/**
 * The CASE reader against real packages (OpenSALT's test frameworks) and this project's malformed
 * ones, next to the official CASE 1.1 package schema: what the schema accepts, the reader accepts;
 * where the schema can see a problem (a missing value, an identifier that is not a UUID), the
 * reader reports it at the same path; an export of every fixture is valid against the schema.
 */
import { describe, expect, it } from 'vitest';
import { exportCasePackage } from '../../src/domain/standards/case-export';
import { readCasePackage, type CasePackage } from '../../src/domain/standards/case-package';
import { planTree } from '../../src/domain/standards/tree';
import { malformed, officialSchemaErrors, openSalt, openSaltFixtures } from '../fixtures/standards/official-schema';

function readOk(text: string) {
  const r = readCasePackage(text);
  if (!r.ok) throw new Error(`problems: ${JSON.stringify(r.problems)}`);
  return r;
}
const treeOf = (pkg: CasePackage) =>
  planTree(
    pkg.document.identifier,
    pkg.items,
    pkg.associations.filter((a) => a.associationType === 'isChildOf').map((a) => ({ origin: a.originIdentifier, destination: a.destinationIdentifier, sequenceNumber: a.sequenceNumber })),
  );
/** "  Item 1.1" per item: the tree as a reader sees it. */
const outline = (pkg: CasePackage) => {
  const byId = new Map(pkg.items.map((i) => [i.identifier, i]));
  return treeOf(pkg).map((n) => `${'  '.repeat(n.depth)}${byId.get(n.identifier)!.humanCodingScheme ?? byId.get(n.identifier)!.fullStatement}`);
};
const exportOf = (pkg: CasePackage) => {
  const tree = treeOf(pkg);
  const byId = new Map(pkg.items.map((i) => [i.identifier, i]));
  return exportCasePackage({
    framework: { ...pkg.document, document: pkg.document.raw },
    items: tree.map((n) => ({ ...byId.get(n.identifier)!, parentIdentifier: n.parentIdentifier, item: byId.get(n.identifier)!.raw })),
    associations: pkg.associations.map((a) => ({ ...a, association: a.raw })),
    removed: new Set(),
    fallbackDateTime: '2026-01-01T00:00:00.000Z',
  });
};

describe('OpenSALT test frameworks (CASE 1.0 style)', () => {
  it.each(openSaltFixtures())('%s is valid against the official CASE 1.1 package schema, and Confer reads it', (_name, text) => {
    expect(officialSchemaErrors(JSON.parse(text))).toEqual([]);
    const r = readOk(text);
    expect(r.pkg.document.caseVersion).toBe('1.0');
    expect(r.warnings).toEqual([]);
  });

  it.each(openSaltFixtures())('%s exports as a valid CASE 1.1 package that reads back to the same tree', (_name, text) => {
    const { pkg } = readOk(text);
    const exported = exportOf(pkg);
    expect(officialSchemaErrors(exported)).toEqual([]);
    const again = readOk(JSON.stringify(exported));
    expect(again.pkg.document.caseVersion).toBe('1.1');
    expect(outline(again.pkg)).toEqual(outline(pkg));
    expect(treeOf(again.pkg)).toEqual(treeOf(pkg));
  });

  it('SmartLevelFramework: 14 items, nested two levels, in package order ("Item 1.10" last of its level)', () => {
    const { pkg } = readOk(openSalt('SmartLevelFramework.json'));
    expect(outline(pkg)).toEqual(['Item 1', ...Array.from({ length: 10 }, (_, i) => `  Item 1.${i + 1}`), 'Item 2', '  Item 2.1', '  Item 2.2']);
  });

  it('SequenceNumberFramework: the item added second comes first (sequenceNumber 1)', () => {
    expect(outline(readOk(openSalt('SequenceNumberFramework.json')).pkg)).toEqual(['SNT.2', 'SNT.1']);
  });

  it('MarkdownFramework: statements kept as written (markdown table, math); without sequence numbers, by coding', () => {
    const { pkg } = readOk(openSalt('MarkdownFramework.json'));
    expect(outline(pkg)).toEqual(['MD.Math', 'MD.Table']);
    expect(pkg.items.find((i) => i.humanCodingScheme === 'MD.Table')!.fullStatement).toContain('| Column 1 | Column 2 |\r\n');
    expect(pkg.items.find((i) => i.humanCodingScheme === 'MD.Math')!.fullStatement).toBe('This contains math markdown: $x^2$');
  });

  it('Utf8TestFramework: U+1D451 survives in the title and the statement', () => {
    const { pkg } = readOk(openSalt('Utf8TestFramework.json'));
    expect(pkg.document.title).toBe('UTF8 \u{1D451} Test');
    expect(pkg.items[0]!.fullStatement).toBe('Item \u{1D451} 1');
    expect([...pkg.items[0]!.fullStatement]).toHaveLength(8);
  });

  it('ItemTypeTestFramework, AdoptedTestFramework, EmptyExternalFramework', () => {
    expect(readOk(openSalt('ItemTypeTestFramework.json')).pkg.items[0]!.itemType).toBe('Standard');
    expect(readOk(openSalt('AdoptedTestFramework.json')).pkg.document.adoptionStatus).toBe('Adopted');
    const empty = readOk(openSalt('EmptyExternalFramework.json')).pkg;
    expect(empty.items).toEqual([]);
    expect(officialSchemaErrors(exportOf(empty))).toEqual([]);
  });
});

describe('malformed packages', () => {
  it('not-json.json and not-a-package.json: one problem with the whole file', () => {
    expect(readCasePackage(malformed('not-json.json'))).toEqual({ ok: false, problems: [{ path: '$', code: 'not_json' }] });
    expect(readCasePackage(malformed('not-a-package.json'))).toEqual({ ok: false, problems: [{ path: '$', code: 'not_a_package' }] });
    expect(officialSchemaErrors(JSON.parse(malformed('not-a-package.json')))).not.toEqual([]);
  });

  it('broken-framework.json: every problem, each at its path', () => {
    const r = readCasePackage(malformed('broken-framework.json'));
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.problems).toEqual([
      { path: 'CFDocument.title', code: 'required' },
      { path: 'CFItems[1].identifier', code: 'not_uuid' },
      { path: 'CFItems[2].fullStatement', code: 'required' },
      { path: 'CFAssociations[0].sequenceNumber', code: 'not_integer' },
      { path: 'CFItems[3].identifier', code: 'duplicate_identifier' },
      { path: 'CFAssociations[0].destinationNodeURI.identifier', code: 'unknown_parent' },
      { path: 'CFAssociations[1].originNodeURI.identifier', code: 'unknown_item' },
      { path: 'CFAssociations[3]', code: 'cycle' },
    ]);
  });

  it('broken-framework.json: the official schema sees the same shape problems at the same places (the rest — duplicates, unknown ends, circles — no JSON Schema can see)', () => {
    const errors = officialSchemaErrors(JSON.parse(malformed('broken-framework.json')));
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/CFDocument must have required property 'title'/),
        expect.stringMatching(/^\/CFItems\/1\/identifier must match format "uuid"/),
        expect.stringMatching(/^\/CFItems\/2 must have required property 'fullStatement'/),
        expect.stringMatching(/^\/CFAssociations\/0\/sequenceNumber must be integer/),
      ]),
    );
    expect(errors.some((e) => e.startsWith('/CFItems/3'))).toBe(false);
  });

  it('an identifier the schema refuses, Confer refuses; a CASE 1.0 property the 1.1 schema refuses, Confer keeps', () => {
    const pkg = JSON.parse(openSalt('AdoptedTestFramework.json')) as { CFItems: Array<Record<string, unknown>> };
    pkg.CFItems[0]!.identifier = '00000000-0000-0000-0000-00000000000g';
    expect(officialSchemaErrors(pkg)).toEqual(expect.arrayContaining([expect.stringMatching(/^\/CFItems\/0\/identifier must match format "uuid"/)]));
    expect(readCasePackage(JSON.stringify(pkg))).toMatchObject({ ok: false, problems: expect.arrayContaining([{ path: 'CFItems[0].identifier', code: 'not_uuid' }]) });

    const legacy = JSON.parse(openSalt('AdoptedTestFramework.json')) as { CFItems: Array<Record<string, unknown>> };
    legacy.CFItems[0]!.CFDocumentURI = { title: 'Adopted Test', identifier: 'd0000000-0000-0000-0000-000000000000', uri: 'https://server/ims/case/v1p0/CFDocuments/d0000000-0000-0000-0000-000000000000' };
    expect(officialSchemaErrors(legacy)).toEqual(['/CFItems/0 must NOT have additional properties (CFDocumentURI)']);
    expect(readCasePackage(JSON.stringify(legacy)).ok).toBe(true);
    expect(officialSchemaErrors(exportOf(readOk(JSON.stringify(legacy)).pkg))).toEqual([]);
  });
});

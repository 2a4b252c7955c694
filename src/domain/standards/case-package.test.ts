import { describe, expect, it } from 'vitest';
import { findCycles, readCasePackage, type JsonObject } from './case-package';
import { MAX_PROBLEMS, problemFields } from './problems';

const DOC = '5b0c2a10-0000-4000-8000-000000000000';
const id = (n: number) => `5b0c2a10-0000-4000-8000-${String(n).padStart(12, '0')}`;
const when = '2026-01-10T09:00:00+00:00';

function item(n: number, extra: JsonObject = {}): JsonObject {
  return { identifier: id(n), uri: `urn:uuid:${id(n)}`, fullStatement: `Statement ${n}`, lastChangeDateTime: when, ...extra };
}
function childOf(n: number, child: string, parent: string, extra: JsonObject = {}): JsonObject {
  return {
    identifier: id(1000 + n),
    uri: `urn:uuid:${id(1000 + n)}`,
    associationType: 'isChildOf',
    originNodeURI: { title: 'child', identifier: child, uri: `urn:uuid:${child}` },
    destinationNodeURI: { title: 'parent', identifier: parent, uri: `urn:uuid:${parent}` },
    lastChangeDateTime: when,
    ...extra,
  };
}
const document = (extra: JsonObject = {}): JsonObject => ({ identifier: DOC, uri: `urn:uuid:${DOC}`, creator: 'Tests', title: 'Writing', lastChangeDateTime: when, ...extra });
const pkg = (p: JsonObject) => JSON.stringify({ CFDocument: document(), CFItems: [], CFAssociations: [], ...p });

const problemsOf = (text: string) => {
  const r = readCasePackage(text);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};
const read = (text: string) => {
  const r = readCasePackage(text);
  if (!r.ok) throw new Error(`expected a package, got ${JSON.stringify(r.problems)}`);
  return r;
};

describe('reading a CASE package', () => {
  it('reads a small 1.1 package: document, items and associations as given', () => {
    const r = read(pkg({ CFDocument: document({ caseVersion: '1.1', adoptionStatus: 'Adopted' }), CFItems: [item(1, { humanCodingScheme: 'W.1', educationLevel: ['01'] })], CFAssociations: [childOf(1, id(1), DOC, { sequenceNumber: 1 })] }));
    expect(r.pkg.document).toMatchObject({ identifier: DOC, title: 'Writing', creator: 'Tests', caseVersion: '1.1', adoptionStatus: 'Adopted' });
    expect(r.pkg.items).toEqual([expect.objectContaining({ identifier: id(1), humanCodingScheme: 'W.1', educationLevel: ['01'], fullStatement: 'Statement 1' })]);
    expect(r.pkg.associations[0]).toMatchObject({ associationType: 'isChildOf', originIdentifier: id(1), destinationIdentifier: DOC, sequenceNumber: 1 });
    expect(r.warnings).toEqual([]);
  });

  it('takes a package without caseVersion as CASE 1.0, a text subject or education level as a list, and keeps what it does not know', () => {
    const r = read(pkg({ CFDocument: document({ subject: 'English' }), CFItems: [item(1, { educationLevel: 'KG', CFDocumentURI: { title: 'Writing', identifier: DOC, uri: 'x' } })], CFAssociations: [childOf(1, id(1), DOC)] }));
    expect(r.pkg.document.caseVersion).toBe('1.0');
    expect(r.pkg.items[0]!.educationLevel).toEqual(['KG']);
    expect(r.pkg.items[0]!.raw.CFDocumentURI).toBeDefined();
  });

  it('accepts an empty framework and a byte-order mark', () => {
    expect(read(`\ufeff${JSON.stringify({ CFDocument: document() })}`).pkg.items).toEqual([]);
  });

  it('says the file is not JSON, or not a package', () => {
    expect(problemsOf('{"CFDocument": ')).toEqual([{ path: '$', code: 'not_json' }]);
    expect(problemsOf('[1, 2]')).toEqual([{ path: '$', code: 'not_a_package' }]);
    expect(problemsOf('"CFDocument"')).toEqual([{ path: '$', code: 'not_a_package' }]);
    expect(problemsOf('{"document": {}, "items": []}')).toEqual([{ path: '$', code: 'not_a_package' }]);
    expect(problemsOf('{"CFItems": []}')).toEqual([{ path: 'CFDocument', code: 'required' }]);
    expect(problemsOf(JSON.stringify({ CFDocument: [], CFItems: {} }))).toEqual([
      { path: 'CFDocument', code: 'not_object' },
      { path: 'CFItems', code: 'not_array' },
    ]);
  });

  it('gives every problem at once, each at its JSON path', () => {
    const problems = problemsOf(
      pkg({
        CFDocument: document({ title: '   ', caseVersion: '2.0' }),
        CFItems: [item(1), item(2, { identifier: 'W.2' }), item(3, { fullStatement: undefined as unknown as string }), item(1), item(4, { humanCodingScheme: 7 }), 'not an item'],
        CFAssociations: [childOf(1, id(1), id(99), { sequenceNumber: 1.5 }), childOf(2, id(98), DOC), childOf(3, id(4), id(4)), { identifier: id(1004), associationType: 'isChildOf' }],
      }),
    );
    expect(problems).toEqual([
      { path: 'CFDocument.title', code: 'empty' },
      { path: 'CFDocument.caseVersion', code: 'unsupported_version' },
      { path: 'CFItems[1].identifier', code: 'not_uuid' },
      { path: 'CFItems[2].fullStatement', code: 'required' },
      { path: 'CFItems[4].humanCodingScheme', code: 'not_string' },
      { path: 'CFItems[5]', code: 'not_object' },
      { path: 'CFAssociations[0].sequenceNumber', code: 'not_integer' },
      { path: 'CFAssociations[3].originNodeURI', code: 'required' },
      { path: 'CFAssociations[3].destinationNodeURI', code: 'required' },
      { path: 'CFItems[3].identifier', code: 'duplicate_identifier' },
      { path: 'CFAssociations[0].destinationNodeURI.identifier', code: 'unknown_parent' },
      { path: 'CFAssociations[1].originNodeURI.identifier', code: 'unknown_item' },
      { path: 'CFAssociations[2]', code: 'cycle' },
    ]);
  });

  it('finds circles of isChildOf, one problem per circle, at the association that closes it', () => {
    const problems = problemsOf(
      pkg({
        CFItems: [item(1), item(2), item(3), item(4), item(5)],
        CFAssociations: [childOf(1, id(1), id(2)), childOf(2, id(2), id(3)), childOf(3, id(3), id(1)), childOf(4, id(4), DOC), childOf(5, id(5), id(4))],
      }),
    );
    expect(problems).toEqual([{ path: 'CFAssociations[2]', code: 'cycle' }]);
    expect(findCycles([{ index: 0, origin: 'a', destination: 'b' }, { index: 1, origin: 'b', destination: 'a' }, { index: 2, origin: 'c', destination: 'c' }])).toEqual([1, 2]);
    expect(findCycles([{ index: 0, origin: 'a', destination: 'b' }, { index: 1, origin: 'c', destination: 'b' }])).toEqual([]);
  });

  it('wants UUIDs only where the package names its own things: the far end of another association may be anything', () => {
    const exact = { ...childOf(2, id(1), 'urn:example:elsewhere'), associationType: 'exactMatchOf' };
    expect(read(pkg({ CFItems: [item(1)], CFAssociations: [childOf(1, id(1), DOC), exact] })).pkg.associations).toHaveLength(2);
    expect(problemsOf(pkg({ CFItems: [item(1)], CFAssociations: [childOf(1, id(1), 'urn:example:elsewhere')] }))).toEqual([{ path: 'CFAssociations[0].destinationNodeURI.identifier', code: 'not_uuid' }]);
  });

  it('refuses texts no database can hold: a NUL, half a surrogate pair — but keeps characters beyond the BMP', () => {
    expect(problemsOf(pkg({ CFItems: [item(1, { fullStatement: 'a\u0000b' })] }))).toEqual([{ path: 'CFItems[0].fullStatement', code: 'invalid_characters' }]);
    expect(problemsOf(pkg({ CFItems: [item(1, { notes: 'x\ud835' })] }))).toEqual([{ path: 'CFItems[0].notes', code: 'invalid_characters' }]);
    const r = read(pkg({ CFDocument: document({ title: 'UTF8 𝑑 Test' }), CFItems: [item(1, { fullStatement: 'Item 𝑑 1 👩🏽‍🏫' })], CFAssociations: [childOf(1, id(1), DOC)] }));
    expect(r.pkg.document.title).toBe('UTF8 𝑑 Test');
    expect(r.pkg.items[0]!.fullStatement).toBe('Item 𝑑 1 👩🏽‍🏫');
  });

  it('refuses texts longer than it keeps', () => {
    expect(problemsOf(pkg({ CFItems: [item(1, { humanCodingScheme: 'x'.repeat(201) })] }))).toEqual([{ path: 'CFItems[0].humanCodingScheme', code: 'too_long' }]);
  });

  it('warns about what the official schema requires but Confer can do without, and about odd trees', () => {
    const r = read(
      pkg({
        CFDocument: { identifier: DOC, title: 'Bare' },
        CFItems: [{ identifier: id(1), fullStatement: 'No uri' }, item(2), item(3, { fullStatement: ' ' })],
        CFAssociations: [childOf(1, id(1), DOC), childOf(2, id(1), id(3)), childOf(3, id(3), DOC)],
      }),
    );
    expect(r.warnings).toEqual([
      { path: 'CFDocument.uri', code: 'recommended_missing' },
      { path: 'CFDocument.creator', code: 'recommended_missing' },
      { path: 'CFDocument.lastChangeDateTime', code: 'recommended_missing' },
      { path: 'CFItems[0].uri', code: 'recommended_missing' },
      { path: 'CFItems[0].lastChangeDateTime', code: 'recommended_missing' },
      { path: 'CFItems[2].fullStatement', code: 'empty_statement' },
      { path: 'CFItems[0]', code: 'several_parents' },
      { path: 'CFItems[1]', code: 'no_parent' },
    ]);
  });
});

describe('problems as error fields', () => {
  it('keeps the first problem of each path, at most 100, then says there are more', () => {
    const many = Array.from({ length: 150 }, (_, i) => ({ path: `CFItems[${i}].identifier`, code: 'not_uuid' as const }));
    const fields = problemFields([{ path: 'CFItems[0].identifier', code: 'required' }, ...many]);
    expect(Object.keys(fields)).toHaveLength(MAX_PROBLEMS + 1);
    expect(fields['CFItems[0].identifier']).toBe('required');
    expect(fields.$).toBe('more_problems');
    expect(problemFields([{ path: '$', code: 'not_json' }])).toEqual({ $: 'not_json' });
  });
});

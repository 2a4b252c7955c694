/** The demo school's own framework: a valid CASE 1.1 package, the same identifiers on every machine, two years of writing and maths. */
import { describe, expect, it } from 'vitest';
import { DEMO_FRAMEWORK_ID, demoStandardId, demoStandardsPackage } from '../../src/domain/demo/demo-standards';
import { readCasePackage } from '../../src/domain/standards/case-package';
import { planTree } from '../../src/domain/standards/tree';
import { officialSchemaErrors } from '../fixtures/standards/official-schema';

describe('demo standards', () => {
  const pkg = demoStandardsPackage('Riverside Primary School', '2026-09-01T08:00:00.000Z');

  it('is valid against the official CASE 1.1 package schema and Confer reads it without a warning', () => {
    expect(officialSchemaErrors(pkg)).toEqual([]);
    const r = readCasePackage(JSON.stringify(pkg));
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('has fixed identifiers, found by code', () => {
    expect(demoStandardId('Y1.W.1')).toBe('5a1d0c1e-0001-4000-8000-000000000003');
    expect(demoStandardsPackage('Another name', '2030-01-01T00:00:00.000Z').CFItems).toEqual(
      (pkg.CFItems as Array<Record<string, unknown>>).map((i) => ({ ...i, lastChangeDateTime: '2030-01-01T00:00:00.000Z' })),
    );
    expect(() => demoStandardId('Y9.Z.9')).toThrow();
  });

  it('is a tree of years, subjects and statements in the order written', () => {
    const r = readCasePackage(JSON.stringify(pkg));
    if (!r.ok) throw new Error('unreadable');
    const codes = new Map(r.pkg.items.map((i) => [i.identifier, i.humanCodingScheme]));
    const tree = planTree(DEMO_FRAMEWORK_ID, r.pkg.items, r.pkg.associations.map((a) => ({ origin: a.originIdentifier, destination: a.destinationIdentifier, sequenceNumber: a.sequenceNumber })));
    const outline = tree.map((n) => `${'  '.repeat(n.depth)}${codes.get(n.identifier)}`);
    expect(outline.slice(0, 4)).toEqual(['Y1', '  Y1.W', '    Y1.W.1', '    Y1.W.2']);
    expect(outline.filter((l) => !l.startsWith(' '))).toEqual(['Y1', 'Y2']);
    expect(tree).toHaveLength(23);
  });
});

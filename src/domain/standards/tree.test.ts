import { describe, expect, it } from 'vitest';
import { naturalCompare, planTree, type TreeItem } from './tree';

const item = (identifier: string, humanCodingScheme: string | null = null, listEnumeration: string | null = null): TreeItem => ({ identifier, humanCodingScheme, listEnumeration });
const link = (origin: string, destination: string, sequenceNumber: number | null = null) => ({ origin, destination, sequenceNumber });
const shape = (nodes: ReturnType<typeof planTree>) => nodes.map((n) => `${'  '.repeat(n.depth)}${n.identifier}`);

describe('natural order of codes', () => {
  it('reads numbers as numbers and ignores case', () => {
    const codes = ['1.10', '1.2', 'Y1.W.10', 'y1.w.9', '1.1', 'B', 'a', '10', '9', '1.1a', '01'];
    expect([...codes].sort(naturalCompare)).toEqual(['01', '1.1', '1.1a', '1.2', '1.10', '9', '10', 'a', 'B', 'y1.w.9', 'Y1.W.10']);
  });
  it('is a total order: equal only for the same text', () => {
    expect(naturalCompare('A.1', 'a.1')).not.toBe(0);
    expect(naturalCompare('x', 'x')).toBe(0);
    expect(naturalCompare('99999999999999999999.1', '99999999999999999999.2')).toBeLessThan(0);
  });
});

describe('planning the tree', () => {
  it('numbers depth-first with depths, the document being the top', () => {
    const nodes = planTree('doc', [item('a'), item('b'), item('a1'), item('a2'), item('b1'), item('a1x')], [link('a', 'doc'), link('b', 'doc'), link('a1', 'a'), link('a2', 'a'), link('b1', 'b'), link('a1x', 'a1')]);
    expect(shape(nodes)).toEqual(['a', '  a1', '    a1x', '  a2', 'b', '  b1']);
    expect(nodes.map((n) => n.position)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(nodes.find((n) => n.identifier === 'a1x')).toEqual({ identifier: 'a1x', parentIdentifier: 'a1', position: 2, depth: 2 });
    expect(nodes[0]!.parentIdentifier).toBeNull();
  });

  it('orders siblings by sequenceNumber, then listEnumeration, then coding, then package order — missing values last', () => {
    const items = [item('p'), item('q', 'C.2'), item('r', 'C.10'), item('s', null, '2'), item('t', null, '10'), item('u', 'A'), item('v')];
    const links = [link('p', 'doc'), link('q', 'doc'), link('r', 'doc'), link('s', 'doc'), link('t', 'doc'), link('u', 'doc', 2), link('v', 'doc', 1)];
    expect(shape(planTree('doc', items, links))).toEqual(['v', 'u', 's', 't', 'q', 'r', 'p']);
  });

  it('places an item with two parents under the first one, and one with none at the top level', () => {
    const nodes = planTree('doc', [item('a'), item('b'), item('c'), item('lost')], [link('a', 'doc'), link('b', 'doc'), link('c', 'b'), link('c', 'a')]);
    expect(shape(nodes)).toEqual(['a', 'b', '  c', 'lost']);
  });

  it('ignores links to unknown things and still places every item once, even in a circle', () => {
    const nodes = planTree('doc', [item('a'), item('b'), item('c')], [link('a', 'b'), link('b', 'a'), link('c', 'nowhere'), link('c', 'doc')]);
    expect(nodes.map((n) => n.identifier).sort()).toEqual(['a', 'b', 'c']);
    expect(shape(nodes)).toEqual(['c', 'a', '  b']);
  });

  it('copes with a very deep chain (no recursion)', () => {
    const n = 20_000;
    const items = Array.from({ length: n }, (_, i) => item(`i${i}`));
    const links = items.map((it, i) => link(it.identifier, i === 0 ? 'doc' : `i${i - 1}`));
    const nodes = planTree('doc', items, links);
    expect(nodes.at(-1)).toEqual({ identifier: `i${n - 1}`, parentIdentifier: `i${n - 2}`, position: n - 1, depth: n - 1 });
  });
});

/**
 * A framework's tree from its isChildOf associations: each item under its parent (another item, or
 * the document for the top level), siblings in order, then numbered depth-first.
 *
 * Siblings are ordered by the association's `sequenceNumber` (CASE prefers it), then the item's
 * `listEnumeration`, then its `humanCodingScheme` (both compared as people read them: "1.2" before
 * "1.10"), then the order of the package. Whatever has no value comes after whatever has one.
 *
 * Worked example (SequenceNumberFramework.json): SNT.1 is isChildOf the document with sequenceNumber
 * 2, SNT.2 with sequenceNumber 1 → SNT.2 (position 0, depth 0), SNT.1 (position 1, depth 0). An
 * item with two isChildOf associations is placed under the first, in package order (the tree has
 * one place for it); the others are kept as associations.
 */

export interface TreeItem {
  identifier: string;
  humanCodingScheme: string | null;
  listEnumeration: string | null;
}

export interface TreeLink {
  origin: string;
  destination: string;
  sequenceNumber: number | null;
}

export interface TreeNode {
  identifier: string;
  /** Null: directly under the document. */
  parentIdentifier: string | null;
  /** 0, 1, 2… depth-first. */
  position: number;
  /** 0 for the top level. */
  depth: number;
}

/** Splits "Y1.W.10" into ["Y", 1, ".W.", 10]: digits as numbers, the rest as lower-case text. */
function chunks(s: string): Array<string | bigint> {
  return (s.toLowerCase().match(/\d+|\D+/g) ?? []).map((part) => (/^\d/.test(part) ? BigInt(part) : part));
}

/**
 * Compares codes as people read them: numbers by value, text by character. "1.2" < "1.10",
 * "Y1.W.9" < "Y1.W.10", "a" < "B" (case does not count). Deterministic on every machine (no locale).
 */
export function naturalCompare(a: string, b: string): number {
  const x = chunks(a);
  const y = chunks(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p === q) continue;
    if (typeof p === 'bigint' && typeof q === 'bigint') return p < q ? -1 : 1;
    // A number sorts before text at the same place ("1" before "a").
    if (typeof p === 'bigint') return -1;
    if (typeof q === 'bigint') return 1;
    return p < q ? -1 : 1;
  }
  if (x.length !== y.length) return x.length - y.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

const byValue = <T>(a: T | null, b: T | null, cmp: (a: T, b: T) => number) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : cmp(a, b));

/**
 * Places every item: `documentIdentifier` is the top of the tree; `links` are the isChildOf
 * associations (origin = the child) in package order. Items with no parent, or caught in a circle
 * (which the reader refuses before this), go at the top level after the rest.
 */
export function planTree(documentIdentifier: string, items: readonly TreeItem[], links: readonly TreeLink[]): TreeNode[] {
  const order = new Map(items.map((item, i) => [item.identifier, i]));
  const byId = new Map(items.map((item) => [item.identifier, item]));
  // The first isChildOf of each item (to a known parent) decides its place.
  const parentOf = new Map<string, { parent: string | null; sequenceNumber: number | null }>();
  for (const l of links) {
    if (!byId.has(l.origin) || parentOf.has(l.origin)) continue;
    if (l.destination !== documentIdentifier && !byId.has(l.destination)) continue;
    if (l.destination === l.origin) continue;
    parentOf.set(l.origin, { parent: l.destination === documentIdentifier ? null : l.destination, sequenceNumber: l.sequenceNumber });
  }
  const children = new Map<string | null, string[]>();
  for (const item of items) {
    const parent = parentOf.get(item.identifier)?.parent ?? null;
    const list = children.get(parent) ?? [];
    list.push(item.identifier);
    children.set(parent, list);
  }
  const compare = (a: string, b: string) => {
    const x = byId.get(a)!;
    const y = byId.get(b)!;
    return (
      byValue(parentOf.get(a)?.sequenceNumber ?? null, parentOf.get(b)?.sequenceNumber ?? null, (p, q) => p - q) ||
      byValue(x.listEnumeration, y.listEnumeration, naturalCompare) ||
      byValue(x.humanCodingScheme, y.humanCodingScheme, naturalCompare) ||
      order.get(a)! - order.get(b)!
    );
  };
  for (const list of children.values()) list.sort(compare);

  const nodes: TreeNode[] = [];
  const placed = new Set<string>();
  const walk = (root: string | null, rootDepth: number) => {
    // Iterative depth-first walk (a very deep file must not overflow the stack).
    const stack: Array<{ id: string; parent: string | null; depth: number }> = [];
    const push = (parent: string | null, depth: number) => {
      const list = children.get(parent) ?? [];
      for (let i = list.length - 1; i >= 0; i--) stack.push({ id: list[i]!, parent, depth });
    };
    push(root, rootDepth);
    while (stack.length) {
      const { id, parent, depth } = stack.pop()!;
      if (placed.has(id)) continue;
      placed.add(id);
      nodes.push({ identifier: id, parentIdentifier: parent, position: nodes.length, depth });
      push(id, depth + 1);
    }
  };
  walk(null, 0);
  // Only items in a circle are left: each goes at the top level, with what hangs under it.
  for (const item of items) {
    if (placed.has(item.identifier)) continue;
    placed.add(item.identifier);
    nodes.push({ identifier: item.identifier, parentIdentifier: null, position: nodes.length, depth: 0 });
    walk(item.identifier, 1);
  }
  return nodes;
}

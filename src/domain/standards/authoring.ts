/**
 * A school's own framework, written in Confer the way a CASE authoring tool writes one: every
 * document, item and isChildOf association gets a fresh UUID when it is made (the caller passes
 * it in), and those UUIDs are its CASE identifiers from then on — so the school's framework
 * exports as a valid CASE package and re-imports to the same tree anywhere.
 */
import type { JsonObject } from './case-package';
import { nodeTitle, urnOf } from './case-export';

/** The CFDocument of a new framework (caseVersion 1.1). `now` is an ISO date-time. */
export function authoredDocument(d: { identifier: string; title: string; creator: string; subject: string | null; now: string }): JsonObject {
  return {
    identifier: d.identifier,
    uri: urnOf(d.identifier),
    caseVersion: '1.1',
    creator: d.creator,
    title: d.title,
    lastChangeDateTime: d.now,
    ...(d.subject ? { subject: [d.subject] } : {}),
  };
}

/** A CFItem: its statement and, if given, its human coding ("Y2.W.3"). */
export function authoredItem(i: { identifier: string; fullStatement: string; humanCodingScheme: string | null; now: string }): JsonObject {
  return {
    identifier: i.identifier,
    uri: urnOf(i.identifier),
    fullStatement: i.fullStatement,
    ...(i.humanCodingScheme ? { humanCodingScheme: i.humanCodingScheme } : {}),
    lastChangeDateTime: i.now,
  };
}

export interface AuthoredNode {
  identifier: string;
  /** The item's statement and coding, or the document's title (for the top level). */
  fullStatement: string;
  humanCodingScheme: string | null;
}

/** `child` isChildOf `parent` (an item, or the document), at `sequenceNumber` (1, 2, 3… among its siblings). */
export function childOfAssociation(a: { identifier: string; child: AuthoredNode; parent: AuthoredNode; sequenceNumber: number; now: string }): JsonObject {
  const link = (n: AuthoredNode) => ({ title: nodeTitle(n), identifier: n.identifier, uri: urnOf(n.identifier) });
  return {
    identifier: a.identifier,
    associationType: 'isChildOf',
    uri: urnOf(a.identifier),
    originNodeURI: link(a.child),
    destinationNodeURI: link(a.parent),
    sequenceNumber: a.sequenceNumber,
    lastChangeDateTime: a.now,
  };
}

/**
 * Siblings after moving `identifier` to `index` among them (it may come from another parent).
 * Worked example: move "c" to 0 in [a, b, c] → [c, a, b]; move "x" (new here) to 9 in [a] → [a, x].
 */
export function placeAmong(siblings: readonly string[], identifier: string, index: number): string[] {
  const rest = siblings.filter((s) => s !== identifier);
  const at = Math.max(0, Math.min(index, rest.length));
  return [...rest.slice(0, at), identifier, ...rest.slice(at)];
}

/** The identifiers under `identifier` (its children, theirs…), given each item's parent. */
export function descendantsOf(identifier: string, parentOf: ReadonlyMap<string, string | null>): Set<string> {
  const children = new Map<string, string[]>();
  for (const [child, parent] of parentOf) {
    if (parent === null) continue;
    const list = children.get(parent) ?? [];
    list.push(child);
    children.set(parent, list);
  }
  const out = new Set<string>();
  const stack = [...(children.get(identifier) ?? [])];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/** JSON compared by value, whatever the order of keys (PostgreSQL's jsonb gives them back reordered). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const y = b as unknown[];
    return a.length === y.length && a.every((v, i) => sameJson(v, y[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x).filter((k) => x[k] !== undefined);
  return keys.length === Object.keys(y).filter((k) => y[k] !== undefined).length && keys.every((k) => sameJson(x[k], y[k]));
}

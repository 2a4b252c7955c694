/**
 * Reading a CASE CFPackage (1EdTech Competencies and Academic Standards Exchange, 1.0 or 1.1):
 * JSON text in, a checked package out — or every problem, each with its JSON path.
 *
 * What is checked is what Confer relies on, in line with the official CASE 1.1 package schema
 * (decision 006): identifiers are present, UUID-shaped and unique; a document has a title and an
 * item a statement; texts are texts; isChildOf associations join items of the package to an item
 * or the document, without going round in a circle. What the official schema requires but Confer
 * does not need (`uri`, `lastChangeDateTime`, the document's `creator`) is a warning, and is filled
 * in on export. Properties Confer does not know — CASE 1.0 ones such as an item's `CFDocumentURI`,
 * or an extension — are kept as imported and not checked.
 *
 * Worked example: a package whose second item has the identifier "1.2" and whose first association
 * points at an item that is not there gives
 *   [{ path: 'CFItems[1].identifier', code: 'not_uuid' },
 *    { path: 'CFAssociations[0].destinationNodeURI.identifier', code: 'unknown_parent' }]
 * and nothing is imported.
 */
import type { CaseProblem, CaseProblemCode } from './problems';

/** The largest package accepted, in bytes (a whole US state's K-12 framework is a few MB). */
export const MAX_PACKAGE_BYTES = 25 * 1024 * 1024;
/** Longest texts kept: a statement (markdown tables included), a coding, a title. */
export const MAX_STATEMENT = 50_000;
export const MAX_CODE = 200;
export const MAX_TITLE = 1_000;

/** 8-4-4-4-12 hexadecimal digits, as the official schema's `format: uuid` (any version, either case). */
export const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface CaseDocument {
  identifier: string;
  title: string;
  creator: string | null;
  uri: string | null;
  lastChangeDateTime: string | null;
  adoptionStatus: string | null;
  /** "1.1" when the document says so (`caseVersion`), else "1.0" (a 1.1 package may omit it; both read alike). */
  caseVersion: '1.0' | '1.1';
  /** The CFDocument as given. */
  raw: JsonObject;
}

export interface CaseItem {
  identifier: string;
  fullStatement: string;
  abbreviatedStatement: string | null;
  humanCodingScheme: string | null;
  listEnumeration: string | null;
  itemType: string | null;
  educationLevel: string[];
  language: string | null;
  uri: string | null;
  /** The CFItem as given. */
  raw: JsonObject;
}

export interface CaseAssociation {
  identifier: string;
  associationType: string;
  originIdentifier: string;
  destinationIdentifier: string;
  sequenceNumber: number | null;
  /** The CFAssociation as given. */
  raw: JsonObject;
}

export interface CasePackage {
  document: CaseDocument;
  /** In package order. */
  items: CaseItem[];
  associations: CaseAssociation[];
}

export type ReadResult = { ok: true; pkg: CasePackage; warnings: CaseProblem[] } | { ok: false; problems: CaseProblem[] };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `CFItems` + 3 → `CFItems[3]`; `CFItems[3]` + `identifier` → `CFItems[3].identifier`. */
const at = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`);

/** True when the text holds a NUL or an unpaired UTF-16 surrogate (JSON allows both; PostgreSQL text neither). */
function hasInvalidCharacters(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return true;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/** Every string (and key) in the package that no database could store, with its path. Iterative: a deep file cannot overflow the stack. */
function invalidCharacterPaths(root: Json): string[] {
  const found: string[] = [];
  const stack: Array<[Json, string]> = [[root, '']];
  while (stack.length && found.length < 100) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (hasInvalidCharacters(value)) found.push(path || '$');
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i] as Json, at(path, i)]);
    } else if (isObject(value)) {
      for (const [k, v] of Object.entries(value).reverse()) {
        if (hasInvalidCharacters(k)) found.push(at(path, k));
        else stack.push([v, at(path, k)]);
      }
    }
  }
  return found.sort();
}

/** Field readers that note a problem and give back what there is. */
class Checker {
  readonly problems: CaseProblem[] = [];
  readonly warnings: CaseProblem[] = [];

  error(path: string, code: CaseProblemCode) {
    this.problems.push({ path, code });
  }
  warn(path: string, code: CaseProblemCode) {
    this.warnings.push({ path, code });
  }

  /** An optional text: absent or null → null; anything but a string → a problem. */
  text(obj: JsonObject, key: string, path: string, max = MAX_STATEMENT): string | null {
    const v = obj[key];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') {
      this.error(at(path, key), 'not_string');
      return null;
    }
    if (v.length > max) this.error(at(path, key), 'too_long');
    return v;
  }

  /** A text Confer needs: missing → `required`; only spaces → `empty` (or a warning, when `emptyWarns`). */
  requiredText(obj: JsonObject, key: string, path: string, max: number, emptyCode: 'empty' | 'empty_statement' = 'empty'): string | null {
    if (obj[key] === undefined || obj[key] === null) {
      this.error(at(path, key), 'required');
      return null;
    }
    const v = this.text(obj, key, path, max);
    if (v !== null && v.trim() === '') {
      if (emptyCode === 'empty') this.error(at(path, key), 'empty');
      else this.warn(at(path, key), 'empty_statement');
    }
    return v;
  }

  identifier(obj: JsonObject, key: string, path: string): string | null {
    const v = this.requiredText(obj, key, path, 100);
    if (v === null || v.trim() === '') return null;
    if (!UUID_SHAPE.test(v)) {
      this.error(at(path, key), 'not_uuid');
      return null;
    }
    return v;
  }

  /** Values the official schema requires that Confer can do without. */
  recommended(obj: JsonObject, keys: string[], path: string) {
    for (const key of keys) if (obj[key] === undefined || obj[key] === null) this.warn(at(path, key), 'recommended_missing');
  }

  /** A list of texts; CASE 1.0 files sometimes give one text instead. */
  texts(obj: JsonObject, key: string, path: string): string[] {
    const v = obj[key];
    if (v === undefined || v === null) return [];
    if (typeof v === 'string') return [v];
    if (!Array.isArray(v)) {
      this.error(at(path, key), 'not_array');
      return [];
    }
    const out: string[] = [];
    v.forEach((x, i) => {
      if (typeof x === 'string') out.push(x);
      else this.error(at(at(path, key), i), 'not_string');
    });
    return out;
  }

  list(obj: JsonObject, key: string): Json[] {
    const v = obj[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      this.error(key, 'not_array');
      return [];
    }
    return v;
  }
}

/** The document, or null when it has a problem; `identifier` is there whenever it is readable (to judge associations by). */
function readDocument(c: Checker, value: Json | undefined): { document: CaseDocument | null; identifier: string | null } {
  if (value === undefined || value === null) {
    c.error('CFDocument', 'required');
    return { document: null, identifier: null };
  }
  if (!isObject(value)) {
    c.error('CFDocument', 'not_object');
    return { document: null, identifier: null };
  }
  const path = 'CFDocument';
  const identifier = c.identifier(value, 'identifier', path);
  const title = c.requiredText(value, 'title', path, MAX_TITLE);
  const creator = c.text(value, 'creator', path, MAX_TITLE);
  const uri = c.text(value, 'uri', path, 2_000);
  const lastChangeDateTime = c.text(value, 'lastChangeDateTime', path, 100);
  const adoptionStatus = c.text(value, 'adoptionStatus', path, 200);
  for (const key of ['description', 'publisher', 'version', 'language', 'notes', 'officialSourceURL', 'frameworkType']) c.text(value, key, path);
  c.texts(value, 'subject', path);
  const version = value.caseVersion;
  if (version !== undefined && version !== null && version !== '1.1') c.error(at(path, 'caseVersion'), 'unsupported_version');
  c.recommended(value, ['uri', 'creator', 'lastChangeDateTime'], path);
  if (identifier === null || title === null) return { document: null, identifier };
  return { document: { identifier, title, creator, uri, lastChangeDateTime, adoptionStatus, caseVersion: version === '1.1' ? '1.1' : '1.0', raw: value }, identifier };
}

function readItem(c: Checker, value: Json, index: number): CaseItem | null {
  const path = at('CFItems', index);
  if (!isObject(value)) {
    c.error(path, 'not_object');
    return null;
  }
  const identifier = c.identifier(value, 'identifier', path);
  const fullStatement = c.requiredText(value, 'fullStatement', path, MAX_STATEMENT, 'empty_statement');
  const item = {
    abbreviatedStatement: c.text(value, 'abbreviatedStatement', path),
    humanCodingScheme: c.text(value, 'humanCodingScheme', path, MAX_CODE),
    listEnumeration: c.text(value, 'listEnumeration', path, MAX_CODE),
    itemType: c.text(value, 'CFItemType', path, MAX_TITLE),
    language: c.text(value, 'language', path, 100),
    uri: c.text(value, 'uri', path, 2_000),
    educationLevel: c.texts(value, 'educationLevel', path),
  };
  for (const key of ['alternativeLabel', 'notes', 'lastChangeDateTime', 'statusStartDate', 'statusEndDate']) c.text(value, key, path);
  c.texts(value, 'conceptKeywords', path);
  c.texts(value, 'subject', path);
  c.recommended(value, ['uri', 'lastChangeDateTime'], path);
  if (identifier === null || fullStatement === null) return null;
  return { identifier, fullStatement, ...item, raw: value };
}

/** An association's end: `originNodeURI` / `destinationNodeURI`, a link `{ title, identifier, uri }`. */
function readNode(c: Checker, obj: JsonObject, key: string, path: string, mustBeUuid: boolean): string | null {
  const node = obj[key];
  if (node === undefined || node === null) {
    c.error(at(path, key), 'required');
    return null;
  }
  if (!isObject(node)) {
    c.error(at(path, key), 'not_object');
    return null;
  }
  // The official schema allows any identifier for the far end of a link (it may be outside CASE);
  // the ends of an isChildOf are items of this package, so those must be UUIDs.
  const identifier = mustBeUuid ? c.identifier(node, 'identifier', at(path, key)) : c.requiredText(node, 'identifier', at(path, key), 2_000);
  c.text(node, 'title', at(path, key));
  c.text(node, 'uri', at(path, key), 2_000);
  return identifier;
}

function readAssociation(c: Checker, value: Json, index: number): CaseAssociation | null {
  const path = at('CFAssociations', index);
  if (!isObject(value)) {
    c.error(path, 'not_object');
    return null;
  }
  const identifier = c.identifier(value, 'identifier', path);
  const associationType = c.requiredText(value, 'associationType', path, 200);
  const childOf = associationType === 'isChildOf';
  const originIdentifier = readNode(c, value, 'originNodeURI', path, childOf);
  const destinationIdentifier = readNode(c, value, 'destinationNodeURI', path, childOf);
  let sequenceNumber: number | null = null;
  const seq = value.sequenceNumber;
  if (seq !== undefined && seq !== null) {
    if (typeof seq === 'number' && Number.isSafeInteger(seq)) sequenceNumber = seq;
    else c.error(at(path, 'sequenceNumber'), 'not_integer');
  }
  c.text(value, 'uri', path, 2_000);
  c.text(value, 'lastChangeDateTime', path, 100);
  c.recommended(value, ['uri', 'lastChangeDateTime'], path);
  if (identifier === null || associationType === null || originIdentifier === null || destinationIdentifier === null) return null;
  return { identifier, associationType, originIdentifier, destinationIdentifier, sequenceNumber, raw: value };
}

/**
 * The isChildOf associations that close a circle, in package order: one per circle. Edges go from
 * child to parent; a depth-first walk that meets an item still on its path has found a circle.
 * Worked example: A isChildOf B (association 0), B isChildOf A (association 1) → [1].
 */
export function findCycles(edges: ReadonlyArray<{ index: number; origin: string; destination: string }>): number[] {
  const out = new Map<string, Array<{ index: number; to: string }>>();
  for (const e of edges) {
    const list = out.get(e.origin) ?? [];
    list.push({ index: e.index, to: e.destination });
    out.set(e.origin, list);
  }
  const state = new Map<string, 'open' | 'done'>();
  const closing: number[] = [];
  for (const start of out.keys()) {
    if (state.has(start)) continue;
    // Iterative depth-first walk: a stack of (node, next edge to try).
    const stack: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    state.set(start, 'open');
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const edgesOut = out.get(top.node) ?? [];
      if (top.next >= edgesOut.length) {
        state.set(top.node, 'done');
        stack.pop();
        continue;
      }
      const edge = edgesOut[top.next++]!;
      const seen = state.get(edge.to);
      if (seen === 'open') closing.push(edge.index);
      else if (seen === undefined) {
        state.set(edge.to, 'open');
        stack.push({ node: edge.to, next: 0 });
      }
    }
  }
  return closing.sort((a, b) => a - b);
}

/** Reads and checks a package's JSON text. Nothing here knows any school: identifiers taken by another framework are checked when writing. */
export function readCasePackage(text: string): ReadResult {
  let root: Json;
  try {
    root = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as Json;
  } catch {
    return { ok: false, problems: [{ path: '$', code: 'not_json' }] };
  }
  if (!isObject(root)) return { ok: false, problems: [{ path: '$', code: 'not_a_package' }] };
  if (!('CFDocument' in root) && !('CFItems' in root)) return { ok: false, problems: [{ path: '$', code: 'not_a_package' }] };
  const bad = invalidCharacterPaths(root);
  if (bad.length) return { ok: false, problems: bad.map((path) => ({ path, code: 'invalid_characters' })) };

  const c = new Checker();
  const { document, identifier: documentId } = readDocument(c, root.CFDocument);
  const items = c
    .list(root, 'CFItems')
    .map((v, i) => [readItem(c, v, i), i] as const)
    .filter((x): x is readonly [CaseItem, number] => x[0] !== null);
  const associations = c
    .list(root, 'CFAssociations')
    .map((v, i) => [readAssociation(c, v, i), i] as const)
    .filter((x): x is readonly [CaseAssociation, number] => x[0] !== null);
  if (root.CFDefinitions !== undefined && root.CFDefinitions !== null && !isObject(root.CFDefinitions)) c.error('CFDefinitions', 'not_object');
  c.list(root, 'CFRubrics');

  // One identifier, one thing: the document, items and associations share the CASE namespace.
  const seen = new Set<string>();
  if (documentId) seen.add(documentId);
  for (const [item, i] of items) {
    if (seen.has(item.identifier)) c.error(`CFItems[${i}].identifier`, 'duplicate_identifier');
    seen.add(item.identifier);
  }
  for (const [a, i] of associations) {
    if (seen.has(a.identifier)) c.error(`CFAssociations[${i}].identifier`, 'duplicate_identifier');
    seen.add(a.identifier);
  }

  // isChildOf: from an item of the package to an item of the package or its document.
  const itemIds = new Set(items.map(([x]) => x.identifier));
  const edges: Array<{ index: number; origin: string; destination: string }> = [];
  const parents = new Map<string, number>();
  for (const [a, i] of associations) {
    if (a.associationType !== 'isChildOf') continue;
    const originOk = itemIds.has(a.originIdentifier);
    const destinationOk = itemIds.has(a.destinationIdentifier) || a.destinationIdentifier === documentId;
    if (!originOk) c.error(`CFAssociations[${i}].originNodeURI.identifier`, 'unknown_item');
    // Without the document's identifier, a destination cannot be judged; the document's own problem says enough.
    if (!destinationOk && documentId) c.error(`CFAssociations[${i}].destinationNodeURI.identifier`, 'unknown_parent');
    if (originOk && destinationOk) {
      parents.set(a.originIdentifier, (parents.get(a.originIdentifier) ?? 0) + 1);
      if (a.destinationIdentifier !== documentId) edges.push({ index: i, origin: a.originIdentifier, destination: a.destinationIdentifier });
    }
  }
  for (const i of findCycles(edges)) c.error(`CFAssociations[${i}]`, 'cycle');
  for (const [item, i] of items) {
    const n = parents.get(item.identifier) ?? 0;
    if (n === 0) c.warn(`CFItems[${i}]`, 'no_parent');
    else if (n > 1) c.warn(`CFItems[${i}]`, 'several_parents');
  }

  if (c.problems.length || !document) return { ok: false, problems: c.problems };
  return { ok: true, pkg: { document, items: items.map(([x]) => x), associations: associations.map(([x]) => x) }, warnings: c.warnings };
}

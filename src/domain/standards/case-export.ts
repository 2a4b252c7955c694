/**
 * A framework as a CASE 1.1 CFPackage: what a school's own framework gives another system, and what
 * an imported one gives back. The package is valid against the official 1.1 package schema
 * (`additionalProperties: false` everywhere), so only 1.1 properties are written: a CASE 1.0
 * property kept from an import (an item's `CFDocumentURI`, say) is left out, a 1.0 `subject` text
 * becomes a list, and what 1.1 requires but an import lacked is filled in (`uri` as
 * `urn:uuid:<identifier>`, `lastChangeDateTime` as the framework's last change).
 *
 * CFDefinitions and CFRubrics are not kept at import (decision 006), so none are exported.
 */
import { UUID_SHAPE, type Json, type JsonObject } from './case-package';

export interface ExportFramework {
  identifier: string;
  uri: string | null;
  title: string;
  creator: string | null;
  lastChangeDateTime: string | null;
  document: Record<string, unknown>;
}

export interface ExportItem {
  identifier: string;
  /** Its place in the tree (null: the top level): that isChildOf is written first, so a re-import places it the same. */
  parentIdentifier: string | null;
  uri: string | null;
  fullStatement: string;
  abbreviatedStatement: string | null;
  humanCodingScheme: string | null;
  listEnumeration: string | null;
  itemType: string | null;
  educationLevel: string[];
  language: string | null;
  item: Record<string, unknown>;
}

export interface ExportAssociation {
  identifier: string;
  associationType: string;
  originIdentifier: string;
  destinationIdentifier: string;
  sequenceNumber: number | null;
  association: Record<string, unknown>;
}

export const associationTypes = ['isChildOf', 'isPeerOf', 'isPartOf', 'exactMatchOf', 'precedes', 'isRelatedTo', 'replacedBy', 'exemplar', 'hasSkillLevel', 'isTranslationOf'] as const;

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):?[0-5]\d)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function realDay(y: string, m: string, d: string): boolean {
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1) return false;
  const year = Number(y);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** An RFC 3339 date-time with a time zone, as the schema's `format: date-time` wants. */
export function isDateTime(v: unknown): v is string {
  const m = typeof v === 'string' ? DATE_TIME.exec(v) : null;
  return m !== null && realDay(m[1]!, m[2]!, m[3]!);
}

export function isDate(v: unknown): v is string {
  const m = typeof v === 'string' ? DATE.exec(v) : null;
  return m !== null && realDay(m[1]!, m[2]!, m[3]!);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === 'string';
const strings = (v: unknown): string[] | undefined => (str(v) ? [v] : Array.isArray(v) ? v.filter(str) : undefined);

/** A LinkURI (`{ title, identifier: uuid, uri }`), or nothing when the stored one is not one. */
function linkUri(v: unknown): JsonObject | undefined {
  if (!isObject(v) || !str(v.title) || !str(v.identifier) || !UUID_SHAPE.test(v.identifier) || !str(v.uri)) return undefined;
  return { title: v.title, identifier: v.identifier, uri: v.uri };
}

/** Copies the properties of `keys` whose stored value has the right type. */
function pick(source: Record<string, unknown>, keys: Record<string, 'string' | 'strings' | 'link' | 'links' | 'date' | 'object' | 'integer'>): JsonObject {
  const out: JsonObject = {};
  for (const [key, kind] of Object.entries(keys)) {
    const v = source[key];
    if (v === undefined || v === null) continue;
    let value: Json | undefined;
    if (kind === 'string') value = str(v) ? v : undefined;
    else if (kind === 'strings') value = strings(v);
    else if (kind === 'link') value = linkUri(v);
    else if (kind === 'links') value = Array.isArray(v) ? v.map(linkUri).filter((x): x is JsonObject => x !== undefined) : undefined;
    else if (kind === 'date') value = isDate(v) ? v : undefined;
    else if (kind === 'integer') value = typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined;
    else value = isObject(v) ? (v as JsonObject) : undefined;
    if (value !== undefined) out[key] = value;
  }
  return out;
}

export const urnOf = (identifier: string) => `urn:uuid:${identifier}`;

/** How an association names an item it points at: its coding, else the start of its statement. */
export function nodeTitle(item: { humanCodingScheme: string | null; fullStatement: string }): string {
  if (item.humanCodingScheme) return item.humanCodingScheme;
  const s = item.fullStatement.replace(/\s+/g, ' ').trim();
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}

/** `ext:` plus the letters the schema allows, for a type 1.1 does not list. */
function exportedType(type: string): string {
  if ((associationTypes as readonly string[]).includes(type) || /ext:[a-zA-Z0-9|.\-_]/.test(type)) return type;
  return `ext:${type.replace(/[^a-zA-Z0-9.\-_]/g, '_') || 'unknown'}`;
}

/**
 * The package. `items` are the framework's current items in tree order; `associations` its
 * associations (those touching one of `removed` are left out); `fallbackDateTime` is used where a
 * date-time is required but none valid was kept.
 */
export function exportCasePackage(input: {
  framework: ExportFramework;
  items: readonly ExportItem[];
  associations: readonly ExportAssociation[];
  removed: ReadonlySet<string>;
  fallbackDateTime: string;
}): JsonObject {
  const { framework: fw, fallbackDateTime } = input;
  const when = (v: unknown) => (isDateTime(v) ? v : fallbackDateTime);
  const document: JsonObject = {
    identifier: fw.identifier,
    uri: fw.uri ?? urnOf(fw.identifier),
    ...pick(fw.document, {
      frameworkType: 'string',
      officialSourceURL: 'string',
      publisher: 'string',
      description: 'string',
      subject: 'strings',
      subjectURI: 'links',
      language: 'string',
      version: 'string',
      adoptionStatus: 'string',
      statusStartDate: 'date',
      statusEndDate: 'date',
      licenseURI: 'link',
      notes: 'string',
      extensions: 'object',
    }),
    caseVersion: '1.1',
    creator: fw.creator ?? (str(fw.document.creator) ? fw.document.creator : ''),
    title: fw.title,
    lastChangeDateTime: when(fw.lastChangeDateTime ?? fw.document.lastChangeDateTime),
  };

  const byId = new Map(input.items.map((i) => [i.identifier, i]));
  const items = input.items.map((i): JsonObject => {
    const out: JsonObject = {
      identifier: i.identifier,
      uri: i.uri ?? urnOf(i.identifier),
      fullStatement: i.fullStatement,
      ...pick(i.item, {
        alternativeLabel: 'string',
        conceptKeywords: 'strings',
        conceptKeywordsURI: 'link',
        notes: 'string',
        subject: 'strings',
        subjectURI: 'links',
        CFItemTypeURI: 'link',
        licenseURI: 'link',
        statusStartDate: 'date',
        statusEndDate: 'date',
        extensions: 'object',
      }),
      lastChangeDateTime: when(i.item.lastChangeDateTime),
    };
    if (i.humanCodingScheme !== null) out.humanCodingScheme = i.humanCodingScheme;
    if (i.listEnumeration !== null) out.listEnumeration = i.listEnumeration;
    if (i.abbreviatedStatement !== null) out.abbreviatedStatement = i.abbreviatedStatement;
    if (i.itemType !== null) out.CFItemType = i.itemType;
    if (i.language !== null) out.language = i.language;
    if (i.educationLevel.length) out.educationLevel = [...i.educationLevel];
    return out;
  });

  const node = (stored: unknown, identifier: string): JsonObject => {
    const s = isObject(stored) ? stored : {};
    const item = byId.get(identifier);
    // An end in this framework is named as it is now (its coding may have changed since); a far end as it was given.
    const own = item ? { title: nodeTitle(item), uri: item.uri ?? urnOf(identifier) } : identifier === fw.identifier ? { title: fw.title, uri: fw.uri ?? urnOf(identifier) } : null;
    const title = own ? own.title : str(s.title) ? s.title : identifier;
    const uri = own ? own.uri : str(s.uri) ? s.uri : urnOf(identifier);
    const out: JsonObject = { title, identifier, uri };
    if (str(s.targetType) && (s.targetType === 'CASE' || /ext:[a-zA-Z0-9|.\-_]/.test(s.targetType))) out.targetType = s.targetType;
    return out;
  };
  // The isChildOf that places each item, in tree order, then the rest as given.
  const placing = (a: ExportAssociation) => {
    const item = a.associationType === 'isChildOf' ? byId.get(a.originIdentifier) : undefined;
    return item && (item.parentIdentifier ?? fw.identifier) === a.destinationIdentifier ? order.get(item.identifier)! : Number.MAX_SAFE_INTEGER;
  };
  const order = new Map(input.items.map((i, n) => [i.identifier, n]));
  const associations = input.associations
    .filter((a) => !input.removed.has(a.originIdentifier) && !input.removed.has(a.destinationIdentifier))
    .map((a, n) => ({ a, n, rank: placing(a) }))
    .sort((x, y) => x.rank - y.rank || x.n - y.n)
    .map(({ a }) => a)
    .map((a): JsonObject => {
      const out: JsonObject = {
        identifier: a.identifier,
        associationType: exportedType(a.associationType),
        uri: str(a.association.uri) ? a.association.uri : urnOf(a.identifier),
        originNodeURI: node(a.association.originNodeURI, a.originIdentifier),
        destinationNodeURI: node(a.association.destinationNodeURI, a.destinationIdentifier),
        ...pick(a.association, { CFAssociationGroupingURI: 'link', notes: 'string', extensions: 'object' }),
        lastChangeDateTime: when(a.association.lastChangeDateTime),
      };
      if (a.sequenceNumber !== null) out.sequenceNumber = a.sequenceNumber;
      return out;
    });

  return { CFDocument: document, CFItems: items, CFAssociations: associations };
}

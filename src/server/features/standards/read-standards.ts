/** Browsing the school's standards: the frameworks, one framework's tree, search, and items by identifier (for chips). */
import { DomainError } from '../../../domain/errors';
import { can, type Actor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { standardsSchool } from './access';
import { ancestorsOf, countRemovedItems, findFramework, itemsWithFramework, listFrameworks, listItems, searchItems, type FrameworkRow, type ItemRow } from './standards.repo';

const text = (v: unknown) => (typeof v === 'string' ? v : null);
const texts = (v: unknown) => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function frameworkSummary(f: FrameworkRow, itemCount: number) {
  return {
    identifier: f.identifier,
    title: f.title,
    creator: f.creator,
    source: f.source,
    caseVersion: f.caseVersion,
    adoptionStatus: text(f.document.adoptionStatus),
    itemCount,
    lastChangeDateTime: f.lastChangeDateTime,
    updatedAt: f.updatedAt.toISOString(),
  };
}

export function itemView(i: ItemRow) {
  return {
    identifier: i.identifier,
    parentIdentifier: i.parentIdentifier,
    depth: i.depth,
    humanCodingScheme: i.humanCodingScheme,
    fullStatement: i.fullStatement,
    abbreviatedStatement: i.abbreviatedStatement,
    listEnumeration: i.listEnumeration,
    itemType: i.itemType,
    educationLevel: i.educationLevel,
  };
}

export async function getFrameworks(deps: Deps, actor: Actor, schoolId: string) {
  const { actor: user } = await standardsSchool(deps, actor, schoolId, 'standards.read');
  const rows = await listFrameworks(deps.db, schoolId);
  return { frameworks: rows.map((r) => frameworkSummary(r.framework, r.itemCount)), can: { manage: can(user, 'standards.manage', { type: 'school', schoolId }) } };
}

export async function getFramework(deps: Deps, actor: Actor, schoolId: string, identifier: string) {
  const { actor: user } = await standardsSchool(deps, actor, schoolId, 'standards.read');
  const f = await findFramework(deps.db, schoolId, identifier);
  if (!f) throw new DomainError('not_found');
  const items = await listItems(deps.db, schoolId, identifier, { current: true });
  return {
    ...frameworkSummary(f, items.length),
    uri: f.uri,
    subject: texts(f.document.subject),
    description: text(f.document.description),
    version: text(f.document.version),
    removedCount: await countRemovedItems(deps.db, schoolId, identifier),
    items: items.map(itemView),
    can: { edit: f.source === 'school' && can(user, 'standards.manage', { type: 'school', schoolId }) },
  };
}

const SEARCH_LIMIT = 30;

/** Words or a coding, across the school's frameworks (or one); each result with its path from the top of its framework. */
export async function searchStandards(deps: Deps, actor: Actor, schoolId: string, q: { q: string; framework?: string | undefined }) {
  await standardsSchool(deps, actor, schoolId, 'standards.read');
  const words = q.q.split(/\s+/).filter(Boolean).slice(0, 8);
  if (words.length === 0) return { results: [] };
  const hits = await searchItems(deps.db, schoolId, { text: q.q.trim(), words, frameworkIdentifier: q.framework, limit: SEARCH_LIMIT });
  const ancestors = await ancestorsOf(deps.db, schoolId, hits.map((h) => h.parentIdentifier).filter((p): p is string => p !== null));
  return {
    results: hits.map((h) => {
      const path: Array<{ identifier: string; humanCodingScheme: string | null; fullStatement: string }> = [];
      const seen = new Set<string>();
      for (let p = h.parentIdentifier; p && !seen.has(p); p = ancestors.get(p)?.parentIdentifier ?? null) {
        seen.add(p);
        const a = ancestors.get(p);
        if (!a) break;
        path.unshift({ identifier: p, humanCodingScheme: a.humanCodingScheme, fullStatement: a.fullStatement });
      }
      return { identifier: h.identifier, frameworkIdentifier: h.frameworkIdentifier, frameworkTitle: h.frameworkTitle, humanCodingScheme: h.humanCodingScheme, fullStatement: h.fullStatement, path };
    }),
  };
}

/**
 * Summaries of the items with these identifiers, in the order asked, removed ones marked; unknown
 * ones are left out. No access check: for other features (criteria, posts) that have checked theirs
 * and show the standards they link to (`standardSummary` in src/contracts/standards.ts).
 */
export async function standardSummariesOf(db: Deps['db'], schoolId: string, identifiers: readonly string[]) {
  const rows = await itemsWithFramework(db, schoolId, [...new Set(identifiers)]);
  const byId = new Map(rows.map((r) => [r.identifier, r]));
  return [...new Set(identifiers)]
    .map((id) => byId.get(id))
    .filter((r): r is NonNullable<typeof r> => r !== undefined)
    .map((r) => ({ identifier: r.identifier, frameworkIdentifier: r.frameworkIdentifier, frameworkTitle: r.frameworkTitle, humanCodingScheme: r.humanCodingScheme, fullStatement: r.fullStatement, removed: r.removed }));
}

/** The same for a page (the picker's chips): the school's staff. */
export async function getStandardSummaries(deps: Deps, actor: Actor, schoolId: string, identifiers: string[]) {
  await standardsSchool(deps, actor, schoolId, 'standards.read');
  return { items: await standardSummariesOf(deps.db, schoolId, identifiers) };
}

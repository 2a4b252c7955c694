/**
 * Writes a checked CASE package into a school, in the caller's transaction, by CASE identifier:
 * new items are added, changed ones updated in place, unchanged ones left alone (so importing the
 * same package again writes nothing at all), items the new version no longer has are marked
 * removed — never deleted, as criteria and posts may link to them — and come back if a later
 * version has them again. Associations are kept exactly as the package has them.
 */
import type { CasePackage } from '../../../domain/standards/case-package';
import type { CaseProblem } from '../../../domain/standards/problems';
import { sameJson } from '../../../domain/standards/authoring';
import { planTree } from '../../../domain/standards/tree';
import type { Db } from '../../db/client';
import {
  deleteAssociations,
  findFramework,
  identifiersElsewhere,
  listAssociations,
  listItems,
  lockSchoolStandards,
  markItemsRemoved,
  upsertAssociations,
  upsertFramework,
  upsertItems,
  type AssociationRow,
  type ItemRow,
  type NewAssociationRow,
  type NewItemRow,
} from './standards.repo';

export interface WriteCounts {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  /** Removed by an earlier version, there again in this one. */
  restored: number;
}

export interface WriteOptions {
  schoolId: string;
  source: 'case' | 'school';
  importedBy: string | null;
  now: Date;
}

type ItemFields = Omit<NewItemRow, 'schoolId'>;

const ITEM_FIELDS = ['frameworkIdentifier', 'uri', 'fullStatement', 'abbreviatedStatement', 'humanCodingScheme', 'listEnumeration', 'itemType', 'language', 'parentIdentifier', 'position', 'depth'] as const;

function itemChanged(old: ItemRow, row: ItemFields): boolean {
  return old.removedAt !== null || ITEM_FIELDS.some((k) => (old[k] ?? null) !== (row[k] ?? null)) || !sameJson(old.educationLevel, row.educationLevel) || !sameJson(old.item, row.item);
}

function associationChanged(old: AssociationRow, row: NewAssociationRow): boolean {
  return (
    old.frameworkIdentifier !== row.frameworkIdentifier ||
    old.associationType !== row.associationType ||
    old.originIdentifier !== row.originIdentifier ||
    old.destinationIdentifier !== row.destinationIdentifier ||
    (old.sequenceNumber ?? null) !== (row.sequenceNumber ?? null) ||
    !sameJson(old.association, row.association)
  );
}

/** The package's items as rows, placed in the tree (position, depth, parent). */
export function itemRows(schoolId: string, pkg: CasePackage): NewItemRow[] {
  const nodes = planTree(
    pkg.document.identifier,
    pkg.items,
    pkg.associations.filter((a) => a.associationType === 'isChildOf').map((a) => ({ origin: a.originIdentifier, destination: a.destinationIdentifier, sequenceNumber: a.sequenceNumber })),
  );
  const byId = new Map(pkg.items.map((i) => [i.identifier, i]));
  return nodes.map((n) => {
    const i = byId.get(n.identifier)!;
    return {
      schoolId,
      identifier: i.identifier,
      frameworkIdentifier: pkg.document.identifier,
      uri: i.uri,
      fullStatement: i.fullStatement,
      abbreviatedStatement: i.abbreviatedStatement,
      humanCodingScheme: i.humanCodingScheme,
      listEnumeration: i.listEnumeration,
      itemType: i.itemType,
      educationLevel: i.educationLevel,
      language: i.language,
      parentIdentifier: n.parentIdentifier,
      position: n.position,
      depth: n.depth,
      removedAt: null,
      item: i.raw,
    };
  });
}

/**
 * Returns what changed — or, writing nothing, the problems only the school's data can show: the
 * document is the school's own framework, or an identifier belongs to another of its frameworks.
 */
export async function writePackage(tx: Db, pkg: CasePackage, options: WriteOptions): Promise<{ counts: WriteCounts; problems: CaseProblem[]; changed: boolean }> {
  const { schoolId, now } = options;
  const doc = pkg.document;
  await lockSchoolStandards(tx, schoolId);
  const existing = await findFramework(tx, schoolId, doc.identifier);
  const problems: CaseProblem[] = [];
  if (existing && existing.source === 'school' && options.source === 'case') problems.push({ path: 'CFDocument.identifier', code: 'framework_is_own' });
  const elsewhere = await identifiersElsewhere(tx, schoolId, doc.identifier, [...pkg.items.map((i) => i.identifier), ...pkg.associations.map((a) => a.identifier)]);
  pkg.items.forEach((i, n) => elsewhere.has(i.identifier) && problems.push({ path: `CFItems[${n}].identifier`, code: 'identifier_in_other_framework' }));
  pkg.associations.forEach((a, n) => elsewhere.has(a.identifier) && problems.push({ path: `CFAssociations[${n}].identifier`, code: 'identifier_in_other_framework' }));
  const counts: WriteCounts = { added: 0, updated: 0, unchanged: 0, removed: 0, restored: 0 };
  if (problems.length) return { counts, problems, changed: false };

  // Items: what is new, changed, the same, gone.
  const oldItems = new Map((existing ? await listItems(tx, schoolId, doc.identifier) : []).map((r) => [r.identifier, r]));
  const rows = itemRows(schoolId, pkg);
  const itemWrites: NewItemRow[] = [];
  for (const row of rows) {
    const old = oldItems.get(row.identifier);
    if (!old) counts.added++;
    else if (!itemChanged(old, row)) {
      counts.unchanged++;
      continue;
    } else if (old.removedAt !== null) counts.restored++;
    else counts.updated++;
    itemWrites.push(row);
  }
  const inPackage = new Set(rows.map((r) => r.identifier));
  const gone = [...oldItems.values()].filter((r) => r.removedAt === null && !inPackage.has(r.identifier)).map((r) => r.identifier);
  counts.removed = gone.length;

  // Associations: exactly the package's.
  const oldLinks = new Map((existing ? await listAssociations(tx, schoolId, doc.identifier) : []).map((r) => [r.identifier, r]));
  const linkRows: NewAssociationRow[] = pkg.associations.map((a) => ({
    schoolId,
    identifier: a.identifier,
    frameworkIdentifier: doc.identifier,
    associationType: a.associationType,
    originIdentifier: a.originIdentifier,
    destinationIdentifier: a.destinationIdentifier,
    sequenceNumber: a.sequenceNumber,
    association: a.raw,
  }));
  const linkWrites = linkRows.filter((r) => {
    const old = oldLinks.get(r.identifier);
    return !old || associationChanged(old, r);
  });
  const linkIds = new Set(linkRows.map((r) => r.identifier));
  const linkDeletes = [...oldLinks.keys()].filter((id) => !linkIds.has(id));

  const framework = {
    uri: doc.uri,
    title: doc.title,
    creator: doc.creator,
    source: existing?.source ?? options.source,
    caseVersion: doc.caseVersion,
    lastChangeDateTime: doc.lastChangeDateTime,
    document: doc.raw,
  };
  const frameworkChanged =
    !existing ||
    existing.uri !== framework.uri ||
    existing.title !== framework.title ||
    existing.creator !== framework.creator ||
    existing.caseVersion !== framework.caseVersion ||
    existing.lastChangeDateTime !== framework.lastChangeDateTime ||
    !sameJson(existing.document, framework.document);
  const changed = frameworkChanged || itemWrites.length > 0 || gone.length > 0 || linkWrites.length > 0 || linkDeletes.length > 0;
  if (!changed) return { counts, problems, changed };

  // The framework first (items and associations refer to it).
  await upsertFramework(tx, { schoolId, identifier: doc.identifier, ...framework, importedBy: options.importedBy ?? existing?.importedBy ?? null, createdAt: existing?.createdAt ?? now, updatedAt: now });
  await upsertItems(tx, itemWrites);
  await markItemsRemoved(tx, schoolId, gone, now);
  await deleteAssociations(tx, schoolId, linkDeletes);
  await upsertAssociations(tx, linkWrites);
  return { counts, problems, changed };
}

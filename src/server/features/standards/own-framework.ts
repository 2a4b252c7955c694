/**
 * The school's own framework, written here: create it, add statements under the top or under
 * another statement, edit, reorder and remove them. It lives in the same model as an imported one —
 * every item has one isChildOf association with a sequenceNumber, and its identifiers are fresh
 * UUIDs (domain/standards/authoring.ts) — so the tree is computed the same way and it exports as
 * CASE. Imported frameworks are read-only: the next version of the package would undo an edit.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../../domain/errors';
import type { Actor } from '../../../domain/permissions/index';
import { authoredDocument, authoredItem, childOfAssociation, descendantsOf, placeAmong, type AuthoredNode } from '../../../domain/standards/authoring';
import { urnOf } from '../../../domain/standards/case-export';
import { planTree } from '../../../domain/standards/tree';
import type { Db } from '../../db/client';
import type { Deps } from '../../deps';
import { standardsSchool } from './access';
import {
  findFramework,
  findItem,
  listAssociations,
  listItems,
  lockSchoolStandards,
  markItemsRemoved,
  updateFramework,
  upsertAssociations,
  upsertFramework,
  upsertItems,
  type AssociationRow,
  type FrameworkRow,
  type ItemRow,
} from './standards.repo';

export interface NewFramework {
  title: string;
  creator?: string | null | undefined;
  subject?: string | null | undefined;
}

export async function createFramework(deps: Deps, actor: Actor, schoolId: string, body: NewFramework): Promise<string> {
  const { school, actor: admin } = await standardsSchool(deps, actor, schoolId, 'standards.manage');
  const identifier = randomUUID();
  const now = deps.now();
  const creator = body.creator || school.name;
  await upsertFramework(deps.db, {
    schoolId,
    identifier,
    uri: urnOf(identifier),
    title: body.title,
    creator,
    source: 'school',
    caseVersion: '1.1',
    lastChangeDateTime: now.toISOString(),
    document: authoredDocument({ identifier, title: body.title, creator, subject: body.subject ?? null, now: now.toISOString() }),
    importedBy: admin.userId,
    createdAt: now,
    updatedAt: now,
  });
  return identifier;
}

/** The framework, if it is the school's own; an imported one answers `conflict`. */
async function ownFramework(db: Db, schoolId: string, identifier: string): Promise<FrameworkRow> {
  const f = await findFramework(db, schoolId, identifier);
  if (!f) throw new DomainError('not_found');
  if (f.source !== 'school') throw new DomainError('conflict', { fields: { framework: 'imported_read_only' } });
  return f;
}

/** Marks the framework changed now (its list entry and its CASE lastChangeDateTime). */
async function touch(db: Db, f: FrameworkRow, now: Date, document: Record<string, unknown> = f.document) {
  await updateFramework(db, f.schoolId, f.identifier, { updatedAt: now, lastChangeDateTime: now.toISOString(), document: { ...document, lastChangeDateTime: now.toISOString() } });
}

export async function changeFramework(deps: Deps, actor: Actor, schoolId: string, identifier: string, change: Partial<NewFramework>): Promise<void> {
  const { school } = await standardsSchool(deps, actor, schoolId, 'standards.manage');
  await deps.db.transaction(async (tx) => {
    await lockSchoolStandards(tx, schoolId);
    const f = await ownFramework(tx, schoolId, identifier);
    const title = change.title ?? f.title;
    const creator = change.creator === undefined ? f.creator : change.creator || school.name;
    const document: Record<string, unknown> = { ...f.document, title, creator };
    if (change.subject !== undefined) {
      if (change.subject) document.subject = [change.subject];
      else delete document.subject;
    }
    await updateFramework(tx, schoolId, identifier, { title, creator });
    await touch(tx, { ...f, title, creator }, deps.now(), document);
  });
}

const nodeOf = (i: ItemRow): AuthoredNode => ({ identifier: i.identifier, fullStatement: i.fullStatement, humanCodingScheme: i.humanCodingScheme });

/**
 * Gives `ordered` (the children of `parent`, null for the top) the sequence numbers 1, 2, 3…, and
 * makes each one's isChildOf point at `parent`. Only what changes is written.
 */
async function resequence(tx: Db, f: FrameworkRow, parent: string | null, ordered: readonly string[], items: Map<string, ItemRow>, links: Map<string, AssociationRow>, now: string) {
  const parentNode: AuthoredNode = parent ? nodeOf(items.get(parent)!) : { identifier: f.identifier, fullStatement: f.title, humanCodingScheme: null };
  const writes = [];
  for (const [n, id] of ordered.entries()) {
    const link = links.get(id);
    const destination = parent ?? f.identifier;
    if (link && link.destinationIdentifier === destination && link.sequenceNumber === n + 1) continue;
    const identifier = link?.identifier ?? randomUUID();
    writes.push({
      schoolId: f.schoolId,
      identifier,
      frameworkIdentifier: f.identifier,
      associationType: 'isChildOf',
      originIdentifier: id,
      destinationIdentifier: destination,
      sequenceNumber: n + 1,
      association: childOfAssociation({ identifier, child: nodeOf(items.get(id)!), parent: parentNode, sequenceNumber: n + 1, now }),
    });
  }
  await upsertAssociations(tx, writes);
}

/** Places the framework's current items again from their associations (position, depth, parent). */
async function retree(tx: Db, f: FrameworkRow) {
  const items = await listItems(tx, f.schoolId, f.identifier, { current: true });
  const links = (await listAssociations(tx, f.schoolId, f.identifier)).filter((a) => a.associationType === 'isChildOf');
  const nodes = planTree(
    f.identifier,
    items,
    links.map((a) => ({ origin: a.originIdentifier, destination: a.destinationIdentifier, sequenceNumber: a.sequenceNumber })),
  );
  const byId = new Map(items.map((i) => [i.identifier, i]));
  const changed = nodes
    .map((n) => ({ n, i: byId.get(n.identifier)! }))
    .filter(({ n, i }) => i.position !== n.position || i.depth !== n.depth || i.parentIdentifier !== n.parentIdentifier)
    .map(({ n, i }) => ({ ...i, position: n.position, depth: n.depth, parentIdentifier: n.parentIdentifier }));
  await upsertItems(tx, changed);
}

/** What the tree looks like now: current items by identifier, each one's isChildOf, each parent's children in order. */
async function loadTree(tx: Db, f: FrameworkRow) {
  const list = await listItems(tx, f.schoolId, f.identifier, { current: true });
  const items = new Map(list.map((i) => [i.identifier, i]));
  const links = new Map((await listAssociations(tx, f.schoolId, f.identifier)).filter((a) => a.associationType === 'isChildOf' && items.has(a.originIdentifier)).map((a) => [a.originIdentifier, a]));
  const childrenOf = (parent: string | null) => list.filter((i) => i.parentIdentifier === parent).map((i) => i.identifier);
  return { items, links, childrenOf };
}

async function parentInFramework(tx: Db, f: FrameworkRow, parentIdentifier: string | null): Promise<ItemRow | null> {
  if (parentIdentifier === null) return null;
  const parent = await findItem(tx, f.schoolId, parentIdentifier);
  if (!parent || parent.frameworkIdentifier !== f.identifier || parent.removedAt !== null) throw new DomainError('validation_failed', { fields: { parentIdentifier: 'unknown_standard' } });
  return parent;
}

export interface NewItem {
  fullStatement: string;
  humanCodingScheme: string | null;
  parentIdentifier: string | null;
  /** Where among its siblings (0 = first); the end when left out. */
  index?: number | undefined;
}

export async function addItem(deps: Deps, actor: Actor, schoolId: string, frameworkIdentifier: string, body: NewItem): Promise<string> {
  await standardsSchool(deps, actor, schoolId, 'standards.manage');
  return deps.db.transaction(async (tx) => {
    await lockSchoolStandards(tx, schoolId);
    const f = await ownFramework(tx, schoolId, frameworkIdentifier);
    const parent = await parentInFramework(tx, f, body.parentIdentifier);
    const now = deps.now();
    const identifier = randomUUID();
    const row = {
      schoolId,
      identifier,
      frameworkIdentifier,
      uri: urnOf(identifier),
      fullStatement: body.fullStatement,
      humanCodingScheme: body.humanCodingScheme,
      parentIdentifier: parent?.identifier ?? null,
      position: 0,
      depth: 0,
      item: authoredItem({ identifier, fullStatement: body.fullStatement, humanCodingScheme: body.humanCodingScheme, now: now.toISOString() }),
    };
    await upsertItems(tx, [row]);
    const tree = await loadTree(tx, f);
    const siblings = tree.childrenOf(parent?.identifier ?? null).filter((id) => id !== identifier);
    await resequence(tx, f, parent?.identifier ?? null, placeAmong(siblings, identifier, body.index ?? siblings.length), tree.items, tree.links, now.toISOString());
    await retree(tx, f);
    await touch(tx, f, now);
    return identifier;
  });
}

export interface ItemChange {
  fullStatement?: string | undefined;
  humanCodingScheme?: string | null | undefined;
  /** Move under this item (null: the top level). */
  parentIdentifier?: string | null | undefined;
  /** Move to this place among the siblings (0 = first). */
  index?: number | undefined;
}

async function ownItem(tx: Db, schoolId: string, identifier: string): Promise<{ f: FrameworkRow; item: ItemRow }> {
  const item = await findItem(tx, schoolId, identifier);
  if (!item || item.removedAt !== null) throw new DomainError('not_found');
  return { f: await ownFramework(tx, schoolId, item.frameworkIdentifier), item };
}

export async function changeItem(deps: Deps, actor: Actor, schoolId: string, identifier: string, change: ItemChange): Promise<void> {
  await standardsSchool(deps, actor, schoolId, 'standards.manage');
  await deps.db.transaction(async (tx) => {
    await lockSchoolStandards(tx, schoolId);
    const { f, item } = await ownItem(tx, schoolId, identifier);
    const now = deps.now();
    const iso = now.toISOString();
    if (change.fullStatement !== undefined || change.humanCodingScheme !== undefined) {
      const fullStatement = change.fullStatement ?? item.fullStatement;
      const humanCodingScheme = change.humanCodingScheme === undefined ? item.humanCodingScheme : change.humanCodingScheme || null;
      await upsertItems(tx, [{ ...item, fullStatement, humanCodingScheme, item: { ...authoredItem({ identifier, fullStatement, humanCodingScheme, now: iso }), uri: item.uri ?? urnOf(identifier) } }]);
    }
    if (change.parentIdentifier !== undefined || change.index !== undefined) {
      const from = item.parentIdentifier;
      const to = change.parentIdentifier === undefined ? from : change.parentIdentifier;
      const parent = await parentInFramework(tx, f, to);
      const tree = await loadTree(tx, f);
      if (parent && (parent.identifier === identifier || descendantsOf(identifier, new Map([...tree.items.values()].map((i) => [i.identifier, i.parentIdentifier]))).has(parent.identifier))) {
        throw new DomainError('validation_failed', { fields: { parentIdentifier: 'standard_inside_itself' } });
      }
      const siblings = tree.childrenOf(to);
      await resequence(tx, f, to, placeAmong(siblings, identifier, change.index ?? siblings.length), tree.items, tree.links, iso);
      if (from !== to) await resequence(tx, f, from, tree.childrenOf(from).filter((id) => id !== identifier), tree.items, tree.links, iso);
      await retree(tx, f);
    }
    await touch(tx, f, now);
  });
}

/** Removes a statement and those under it. Kept, marked removed, since criteria and posts may link to them; removing again is fine. */
export async function removeItem(deps: Deps, actor: Actor, schoolId: string, identifier: string): Promise<void> {
  await standardsSchool(deps, actor, schoolId, 'standards.manage');
  await deps.db.transaction(async (tx) => {
    await lockSchoolStandards(tx, schoolId);
    const item = await findItem(tx, schoolId, identifier);
    if (!item) throw new DomainError('not_found');
    const f = await ownFramework(tx, schoolId, item.frameworkIdentifier);
    if (item.removedAt !== null) return;
    const tree = await loadTree(tx, f);
    const under = descendantsOf(identifier, new Map([...tree.items.values()].map((i) => [i.identifier, i.parentIdentifier])));
    const now = deps.now();
    await markItemsRemoved(tx, schoolId, [identifier, ...under], now);
    await touch(tx, f, now);
  });
}

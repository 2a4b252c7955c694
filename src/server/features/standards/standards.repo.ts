/** Standards frameworks, their items and associations. The only Drizzle code of the standards. */
import { and, asc, count, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { schools, standardAssociations, standardFrameworks, standardItems } from '../../db/schema/index';

export type FrameworkRow = typeof standardFrameworks.$inferSelect;
export type ItemRow = typeof standardItems.$inferSelect;
export type AssociationRow = typeof standardAssociations.$inferSelect;
export type NewItemRow = typeof standardItems.$inferInsert;
export type NewAssociationRow = typeof standardAssociations.$inferInsert;

/** Rows per INSERT or IN (…): well under PostgreSQL's 65,535 parameters for the widest row. */
const CHUNK = 500;

function chunked<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/**
 * Locks the school's row until the transaction ends: two imports (or edits) of one school's
 * standards at once take turns, so identifiers checked free are still free when written.
 */
export async function lockSchoolStandards(db: Db, schoolId: string): Promise<void> {
  await db.select({ id: schools.id }).from(schools).where(eq(schools.id, schoolId)).for('update');
}

export async function findFramework(db: Db, schoolId: string, identifier: string): Promise<FrameworkRow | undefined> {
  const [row] = await db
    .select()
    .from(standardFrameworks)
    .where(and(eq(standardFrameworks.schoolId, schoolId), eq(standardFrameworks.identifier, identifier)))
    .limit(1);
  return row;
}

/** The school's frameworks with how many current items each has, by title. */
export async function listFrameworks(db: Db, schoolId: string) {
  const counts = db
    .select({ frameworkIdentifier: standardItems.frameworkIdentifier, n: count().as('n') })
    .from(standardItems)
    .where(and(eq(standardItems.schoolId, schoolId), isNull(standardItems.removedAt)))
    .groupBy(standardItems.frameworkIdentifier)
    .as('counts');
  return db
    .select({ framework: standardFrameworks, itemCount: sql<number>`coalesce(${counts.n}, 0)::int` })
    .from(standardFrameworks)
    .leftJoin(counts, eq(counts.frameworkIdentifier, standardFrameworks.identifier))
    .where(eq(standardFrameworks.schoolId, schoolId))
    .orderBy(asc(sql`lower(${standardFrameworks.title})`), asc(standardFrameworks.identifier));
}

export async function upsertFramework(db: Db, row: typeof standardFrameworks.$inferInsert): Promise<void> {
  const { schoolId: _s, identifier: _i, createdAt: _c, ...change } = row;
  await db
    .insert(standardFrameworks)
    .values(row)
    .onConflictDoUpdate({ target: [standardFrameworks.schoolId, standardFrameworks.identifier], set: change });
}

export async function updateFramework(db: Db, schoolId: string, identifier: string, change: Partial<typeof standardFrameworks.$inferInsert>): Promise<void> {
  await db
    .update(standardFrameworks)
    .set(change)
    .where(and(eq(standardFrameworks.schoolId, schoolId), eq(standardFrameworks.identifier, identifier)));
}

/** Every item of a framework, removed ones too, in tree order. */
export async function listItems(db: Db, schoolId: string, frameworkIdentifier: string, options: { current?: boolean } = {}): Promise<ItemRow[]> {
  return db
    .select()
    .from(standardItems)
    .where(and(eq(standardItems.schoolId, schoolId), eq(standardItems.frameworkIdentifier, frameworkIdentifier), options.current ? isNull(standardItems.removedAt) : undefined))
    .orderBy(asc(standardItems.position), asc(standardItems.identifier));
}

export async function countRemovedItems(db: Db, schoolId: string, frameworkIdentifier: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(standardItems)
    .where(and(eq(standardItems.schoolId, schoolId), eq(standardItems.frameworkIdentifier, frameworkIdentifier), sql`${standardItems.removedAt} is not null`));
  return row?.n ?? 0;
}

export async function findItem(db: Db, schoolId: string, identifier: string): Promise<ItemRow | undefined> {
  const [row] = await db
    .select()
    .from(standardItems)
    .where(and(eq(standardItems.schoolId, schoolId), eq(standardItems.identifier, identifier)))
    .limit(1);
  return row;
}

export async function listAssociations(db: Db, schoolId: string, frameworkIdentifier: string): Promise<AssociationRow[]> {
  return db
    .select()
    .from(standardAssociations)
    .where(and(eq(standardAssociations.schoolId, schoolId), eq(standardAssociations.frameworkIdentifier, frameworkIdentifier)))
    .orderBy(asc(standardAssociations.identifier));
}

/** Of `identifiers`, those an item or association of another framework of the school already has: identifier → that framework. */
export async function identifiersElsewhere(db: Db, schoolId: string, frameworkIdentifier: string, identifiers: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const part of chunked(identifiers)) {
    const items = await db
      .select({ identifier: standardItems.identifier, framework: standardItems.frameworkIdentifier })
      .from(standardItems)
      .where(and(eq(standardItems.schoolId, schoolId), inArray(standardItems.identifier, part), ne(standardItems.frameworkIdentifier, frameworkIdentifier)));
    const links = await db
      .select({ identifier: standardAssociations.identifier, framework: standardAssociations.frameworkIdentifier })
      .from(standardAssociations)
      .where(and(eq(standardAssociations.schoolId, schoolId), inArray(standardAssociations.identifier, part), ne(standardAssociations.frameworkIdentifier, frameworkIdentifier)));
    for (const r of [...items, ...links]) found.set(r.identifier, r.framework);
  }
  return found;
}

/** Inserts new items and overwrites changed ones (by school and identifier): never deletes one, since criteria and posts may link to it. */
export async function upsertItems(db: Db, rows: readonly NewItemRow[]): Promise<void> {
  for (const part of chunked(rows)) {
    await db
      .insert(standardItems)
      .values(part)
      .onConflictDoUpdate({
        target: [standardItems.schoolId, standardItems.identifier],
        set: {
          frameworkIdentifier: sql`excluded.framework_identifier`,
          uri: sql`excluded.uri`,
          fullStatement: sql`excluded.full_statement`,
          abbreviatedStatement: sql`excluded.abbreviated_statement`,
          humanCodingScheme: sql`excluded.human_coding_scheme`,
          listEnumeration: sql`excluded.list_enumeration`,
          itemType: sql`excluded.item_type`,
          educationLevel: sql`excluded.education_level`,
          language: sql`excluded.language`,
          parentIdentifier: sql`excluded.parent_identifier`,
          position: sql`excluded.position`,
          depth: sql`excluded.depth`,
          removedAt: sql`excluded.removed_at`,
          item: sql`excluded.item`,
        },
      });
  }
}

export async function markItemsRemoved(db: Db, schoolId: string, identifiers: readonly string[], at: Date): Promise<void> {
  for (const part of chunked(identifiers)) {
    await db
      .update(standardItems)
      .set({ removedAt: at })
      .where(and(eq(standardItems.schoolId, schoolId), inArray(standardItems.identifier, part)));
  }
}

export async function upsertAssociations(db: Db, rows: readonly NewAssociationRow[]): Promise<void> {
  for (const part of chunked(rows)) {
    await db
      .insert(standardAssociations)
      .values(part)
      .onConflictDoUpdate({
        target: [standardAssociations.schoolId, standardAssociations.identifier],
        set: {
          frameworkIdentifier: sql`excluded.framework_identifier`,
          associationType: sql`excluded.association_type`,
          originIdentifier: sql`excluded.origin_identifier`,
          destinationIdentifier: sql`excluded.destination_identifier`,
          sequenceNumber: sql`excluded.sequence_number`,
          association: sql`excluded.association`,
        },
      });
  }
}

export async function deleteAssociations(db: Db, schoolId: string, identifiers: readonly string[]): Promise<void> {
  for (const part of chunked(identifiers)) {
    await db.delete(standardAssociations).where(and(eq(standardAssociations.schoolId, schoolId), inArray(standardAssociations.identifier, part)));
  }
}

/** `%`, `_` and `\` stand for themselves in the pattern. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface SearchHit {
  identifier: string;
  frameworkIdentifier: string;
  frameworkTitle: string;
  humanCodingScheme: string | null;
  fullStatement: string;
  parentIdentifier: string | null;
}

/**
 * Current items of the school whose statement or coding holds every word (case-insensitive; ILIKE,
 * so PGlite and PostgreSQL 15 agree). An exact coding comes first, then codings that start with the
 * words, then the rest in framework and tree order.
 */
export async function searchItems(db: Db, schoolId: string, q: { text: string; words: string[]; frameworkIdentifier?: string | undefined; limit: number }): Promise<SearchHit[]> {
  const wordMatch: SQL[] = q.words.map((w) => {
    const pattern = `%${likeEscape(w)}%`;
    return or(sql`${standardItems.fullStatement} ilike ${pattern}`, sql`${standardItems.humanCodingScheme} ilike ${pattern}`, sql`${standardItems.abbreviatedStatement} ilike ${pattern}`)!;
  });
  const exact = sql`lower(coalesce(${standardItems.humanCodingScheme}, '')) = lower(${q.text})`;
  const prefix = sql`coalesce(${standardItems.humanCodingScheme}, '') ilike ${`${likeEscape(q.text)}%`}`;
  return db
    .select({
      identifier: standardItems.identifier,
      frameworkIdentifier: standardItems.frameworkIdentifier,
      frameworkTitle: standardFrameworks.title,
      humanCodingScheme: standardItems.humanCodingScheme,
      fullStatement: standardItems.fullStatement,
      parentIdentifier: standardItems.parentIdentifier,
    })
    .from(standardItems)
    .innerJoin(standardFrameworks, and(eq(standardFrameworks.schoolId, standardItems.schoolId), eq(standardFrameworks.identifier, standardItems.frameworkIdentifier)))
    .where(and(eq(standardItems.schoolId, schoolId), isNull(standardItems.removedAt), q.frameworkIdentifier ? eq(standardItems.frameworkIdentifier, q.frameworkIdentifier) : undefined, ...wordMatch))
    .orderBy(sql`${exact} desc`, sql`${prefix} desc`, asc(sql`lower(${standardFrameworks.title})`), asc(standardItems.frameworkIdentifier), asc(standardItems.position))
    .limit(q.limit);
}

/** Items by identifier (removed ones too) with their framework's title. */
export async function itemsWithFramework(db: Db, schoolId: string, identifiers: readonly string[]) {
  const out: Array<SearchHit & { removed: boolean }> = [];
  for (const part of chunked(identifiers)) {
    const rows = await db
      .select({
        identifier: standardItems.identifier,
        frameworkIdentifier: standardItems.frameworkIdentifier,
        frameworkTitle: standardFrameworks.title,
        humanCodingScheme: standardItems.humanCodingScheme,
        fullStatement: standardItems.fullStatement,
        parentIdentifier: standardItems.parentIdentifier,
        removedAt: standardItems.removedAt,
      })
      .from(standardItems)
      .innerJoin(standardFrameworks, and(eq(standardFrameworks.schoolId, standardItems.schoolId), eq(standardFrameworks.identifier, standardItems.frameworkIdentifier)))
      .where(and(eq(standardItems.schoolId, schoolId), inArray(standardItems.identifier, part)));
    for (const { removedAt, ...r } of rows) out.push({ ...r, removed: removedAt !== null });
  }
  return out;
}

/** identifier → parent, coding and statement, for the ancestors of some items (their breadcrumbs). */
export async function ancestorsOf(db: Db, schoolId: string, parentIdentifiers: readonly string[]) {
  const found = new Map<string, { parentIdentifier: string | null; humanCodingScheme: string | null; fullStatement: string }>();
  let wanted = [...new Set(parentIdentifiers)];
  // One query per level (a framework is a handful of levels deep); a circle cannot loop, as found ones are not asked again.
  while (wanted.length) {
    const rows: Array<{ identifier: string; parentIdentifier: string | null; humanCodingScheme: string | null; fullStatement: string }> = [];
    for (const part of chunked(wanted)) {
      rows.push(
        ...(await db
          .select({ identifier: standardItems.identifier, parentIdentifier: standardItems.parentIdentifier, humanCodingScheme: standardItems.humanCodingScheme, fullStatement: standardItems.fullStatement })
          .from(standardItems)
          .where(and(eq(standardItems.schoolId, schoolId), inArray(standardItems.identifier, part)))),
      );
    }
    for (const r of rows) found.set(r.identifier, r);
    wanted = [...new Set(rows.map((r) => r.parentIdentifier).filter((p): p is string => p !== null && !found.has(p)))];
  }
  return found;
}

/**
 * Factories for success criteria: a list (a class's, or a year group's) with criteria, and
 * standards items written straight into the tables (the standards import is another area's; a
 * test of criteria only needs a few items to link to).
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/server/db/client';
import { standardFrameworks, standardItems } from '../../src/server/db/schema/index';
import { insertCriterion, insertList } from '../../src/server/features/criteria/criteria.repo';

export async function buildCriteriaList(
  db: Db,
  schoolId: string,
  scope: { classId: string } | { yearGroup: string },
  overrides: Partial<{ title: string; criteria: Array<string | { wording: string; picture?: string | null; imageMediaId?: string | null; audioMediaId?: string | null }>; archived: boolean; subjectTagId: string | null }> = {},
) {
  const listId = await insertList(db, {
    schoolId,
    classId: 'classId' in scope ? scope.classId : null,
    yearGroup: 'yearGroup' in scope ? scope.yearGroup : null,
    title: overrides.title ?? `List ${randomUUID().slice(0, 6)}`,
    subjectTagId: overrides.subjectTagId ?? null,
    archivedAt: overrides.archived ? new Date() : null,
  });
  const criterionIds: string[] = [];
  for (const [position, c] of (overrides.criteria ?? ['I put spaces between my words.', 'I start with a capital letter.']).entries()) {
    const spec = typeof c === 'string' ? { wording: c } : c;
    criterionIds.push(await insertCriterion(db, { listId, position, wording: spec.wording, picture: spec.picture ?? null, imageMediaId: spec.imageMediaId ?? null, audioMediaId: spec.audioMediaId ?? null }));
  }
  return { id: listId, criterionIds };
}

/** A school framework with items (identifiers are GUIDs as CASE gives them). */
export async function buildStandards(db: Db, schoolId: string, items: Array<{ code: string; statement: string }> = [{ code: '1.W.1', statement: 'Write sentences with capital letters and full stops.' }, { code: '1.W.2', statement: 'Leave spaces between words.' }]) {
  const frameworkIdentifier = randomUUID();
  await db.insert(standardFrameworks).values({ schoolId, identifier: frameworkIdentifier, title: 'Test framework', source: 'school' });
  const identifiers = items.map(() => randomUUID());
  await db.insert(standardItems).values(
    items.map((it, position) => ({ schoolId, identifier: identifiers[position] as string, frameworkIdentifier, fullStatement: it.statement, humanCodingScheme: it.code, position, depth: 0 })),
  );
  return { frameworkIdentifier, identifiers };
}

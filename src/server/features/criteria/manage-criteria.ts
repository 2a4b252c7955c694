/**
 * Writing the criteria of a list: add one (in the child's words, with a picture of the set or the
 * teacher's own, and a recording of the words), change or archive it, put them in order, and link
 * a criterion to the standards it stands for.
 */
import type { z } from 'zod';
import type { criterionChange, newCriterion } from '../../../contracts/criteria';
import { CRITERIA_PER_LIST_MAX, checkOrder, liveCriteria } from '../../../domain/criteria/lists';
import { DomainError } from '../../../domain/errors';
import type { Actor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { checkCriterionMedia, checkStandards } from './check-links';
import { criteriaOfLists, findCriterion, insertCriterion, lockList, replaceCriterionStandards, setPositions, standardsOfCriteria, updateCriterion } from './criteria.repo';
import { listAccess } from './list-access';

const fail = (fields: Record<string, string>) => {
  if (Object.keys(fields).length) throw new DomainError('validation_failed', { fields });
};

/** After every criterion, archived ones included: a criterion brought back goes to the end. */
const nextPosition = (rows: ReadonlyArray<{ position: number }>) => rows.reduce((m, r) => Math.max(m, r.position + 1), 0);

export async function addCriterion(deps: Deps, actor: Actor, listId: string, body: z.output<typeof newCriterion>): Promise<string> {
  const { actor: user, list } = await listAccess(deps, actor, listId, 'criteria.manage');
  const fields = await checkCriterionMedia(deps, user, list.schoolId, body, new Set());
  if (body.picture && body.imageMediaId) fields.imageMediaId = 'picture_or_image';
  fail(fields);
  return deps.db.transaction(async (tx) => {
    await lockList(tx, listId);
    const rows = await criteriaOfLists(tx, [listId]);
    if (liveCriteria(listId, rows).length >= CRITERIA_PER_LIST_MAX) fail({ wording: 'list_full' });
    return insertCriterion(tx, { listId, position: nextPosition(rows), wording: body.wording, picture: body.picture, imageMediaId: body.imageMediaId, audioMediaId: body.audioMediaId, createdAt: deps.now() });
  });
}

async function criterionAccess(deps: Deps, actor: Actor, criterionId: string) {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  const criterion = await findCriterion(deps.db, criterionId);
  if (!criterion) throw new DomainError('not_found');
  return { criterion, ...(await listAccess(deps, actor, criterion.listId, 'criteria.manage')) };
}

/**
 * Only what is sent changes. A picture of the set and the teacher's own picture exclude each
 * other: choosing one takes the other away (sending both is an error on `imageMediaId`).
 */
export async function changeCriterion(deps: Deps, actor: Actor, criterionId: string, change: z.output<typeof criterionChange>): Promise<void> {
  const { actor: user, criterion, list } = await criterionAccess(deps, actor, criterionId);
  const already = new Set([criterion.imageMediaId, criterion.audioMediaId].filter((x): x is string => Boolean(x)));
  const fields = await checkCriterionMedia(deps, user, list.schoolId, change, already);
  if (change.picture && change.imageMediaId) fields.imageMediaId = 'picture_or_image';
  fail(fields);
  await deps.db.transaction(async (tx) => {
    await lockList(tx, list.id);
    const rows = await criteriaOfLists(tx, [list.id]);
    let position: number | undefined;
    if (change.archived === false && criterion.archivedAt) {
      if (liveCriteria(list.id, rows).length >= CRITERIA_PER_LIST_MAX) fail({ archived: 'list_full' });
      position = nextPosition(rows);
    }
    await updateCriterion(tx, criterionId, {
      ...(change.wording !== undefined ? { wording: change.wording } : {}),
      ...(change.picture !== undefined ? { picture: change.picture, ...(change.picture ? { imageMediaId: null } : {}) } : {}),
      ...(change.imageMediaId !== undefined ? { imageMediaId: change.imageMediaId, ...(change.imageMediaId ? { picture: null } : {}) } : {}),
      ...(change.audioMediaId !== undefined ? { audioMediaId: change.audioMediaId } : {}),
      ...(change.archived !== undefined ? { archivedAt: change.archived ? (criterion.archivedAt ?? deps.now()) : null } : {}),
      ...(position !== undefined ? { position } : {}),
    });
  });
}

/** A list's live criteria in a new order: each exactly once (else 400, on the fields at fault). */
export async function reorderCriteria(deps: Deps, actor: Actor, listId: string, criterionIds: string[]): Promise<void> {
  await listAccess(deps, actor, listId, 'criteria.manage');
  await deps.db.transaction(async (tx) => {
    await lockList(tx, listId);
    const live = liveCriteria(listId, await criteriaOfLists(tx, [listId])).map((c) => c.id);
    fail(checkOrder(live, criterionIds));
    await setPositions(tx, listId, criterionIds);
  });
}

export async function setCriterionStandards(deps: Deps, actor: Actor, criterionId: string, identifiers: string[]): Promise<void> {
  const { criterion, list } = await criterionAccess(deps, actor, criterionId);
  const already = new Set((await standardsOfCriteria(deps.db, [criterion.id])).map((s) => s.identifier));
  const wanted = await checkStandards(deps, list.schoolId, identifiers, already);
  await deps.db.transaction((tx) => replaceCriterionStandards(tx, criterion.id, list.schoolId, wanted));
}

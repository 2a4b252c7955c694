/**
 * Writing lists: make one for a class (or its whole year group), rename it, give it a subject,
 * share it with the year group or take it back to one class, archive it, and copy it — to next
 * year's class or to another year group — as an independent list that remembers where it came from.
 */
import type { z } from 'zod';
import type { listChange, listCopy, newList } from '../../../contracts/criteria';
import { mayOnList } from '../../../domain/criteria/access';
import { planCopy, type ListScope } from '../../../domain/criteria/lists';
import { DomainError } from '../../../domain/errors';
import { can, type Actor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { authorize } from '../school/authorize';
import { checkSubject } from './check-links';
import { criteriaOfLists, findLiveClass, insertCriterion, insertList, lockList, replaceCriterionStandards, standardsOfCriteria, updateList } from './criteria.repo';
import { listAccess, yearGroupClassIds } from './list-access';

const fail = (fields: Record<string, string>) => {
  if (Object.keys(fields).length) throw new DomainError('validation_failed', { fields });
};

export async function createList(deps: Deps, actor: Actor, classId: string, body: z.output<typeof newList>): Promise<string> {
  const cls = await findLiveClass(deps.db, classId);
  if (!cls) throw new DomainError('not_found');
  authorize(actor, 'criteria.manage', { type: 'class', classId, schoolId: cls.schoolId });
  fail(await checkSubject(deps, cls.schoolId, body.subjectTagId));
  const now = deps.now();
  return insertList(deps.db, {
    schoolId: cls.schoolId,
    classId: body.scope === 'class' ? cls.id : null,
    yearGroup: body.scope === 'year_group' ? cls.yearGroup : null,
    subjectTagId: body.subjectTagId,
    title: body.title,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  });
}

export async function changeList(deps: Deps, actor: Actor, listId: string, change: z.output<typeof listChange>): Promise<void> {
  const { actor: user, list, schoolClasses } = await listAccess(deps, actor, listId, 'criteria.manage');
  const fields = await checkSubject(deps, list.schoolId, change.subjectTagId, list.subjectTagId);
  let scope: { classId: string | null; yearGroup: string | null } | null = null;
  if (change.scope === 'year_group' && list.classId) {
    // Shared with the year group of the class it belonged to.
    const cls = schoolClasses.find((c) => c.id === list.classId);
    if (!cls) throw new DomainError('conflict');
    scope = { classId: null, yearGroup: cls.yearGroup };
  } else if (change.scope === 'class' && !list.classId) {
    // Back to one class of the year group: one the person may write lists for.
    const cls = change.classId ? schoolClasses.find((c) => c.id === change.classId) : undefined;
    if (!change.classId) fields.classId = 'required';
    else if (!cls || cls.yearGroup !== list.yearGroup) fields.classId = 'unknown_class';
    else if (!can(user, 'criteria.manage', { type: 'class', classId: cls.id, schoolId: cls.schoolId })) fields.classId = 'not_your_class';
    else scope = { classId: cls.id, yearGroup: null };
  }
  fail(fields);
  const now = deps.now();
  await updateList(deps.db, listId, {
    ...(change.title !== undefined ? { title: change.title } : {}),
    ...(change.subjectTagId !== undefined ? { subjectTagId: change.subjectTagId } : {}),
    ...(scope ?? {}),
    ...(change.archived !== undefined ? { archivedAt: change.archived ? (list.archivedAt ?? now) : null } : {}),
    updatedAt: now,
  });
}

/**
 * Copies a list anyone who may read it may copy — to a class of the school they may write lists
 * for (next year's class), or to a year group in which they may. The copy has the list's live
 * criteria in order with the same pictures, recordings and standards; archived ones stay behind.
 */
export async function copyList(deps: Deps, actor: Actor, listId: string, body: z.output<typeof listCopy>): Promise<string> {
  const { actor: user, list, schoolClasses } = await listAccess(deps, actor, listId, 'criteria.read');
  const fields: Record<string, string> = {};
  let to: ListScope | null = null;
  if (body.scope === 'class') {
    const cls = body.classId ? schoolClasses.find((c) => c.id === body.classId) : undefined;
    if (!body.classId) fields.classId = 'required';
    else if (!cls) fields.classId = 'unknown_class';
    else if (!can(user, 'criteria.manage', { type: 'class', classId: cls.id, schoolId: cls.schoolId })) fields.classId = 'not_your_class';
    else to = { kind: 'class', classId: cls.id };
  } else {
    const classIds = body.yearGroup ? yearGroupClassIds(schoolClasses, body.yearGroup) : [];
    if (!body.yearGroup) fields.yearGroup = 'required';
    else if (classIds.length === 0) fields.yearGroup = 'unknown_year_group';
    else if (!mayOnList(user, 'criteria.manage', { schoolId: list.schoolId, classId: null }, classIds)) fields.yearGroup = 'not_your_year_group';
    else to = { kind: 'year_group', yearGroup: body.yearGroup };
  }
  fail(fields);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    await lockList(tx, list.id);
    const criteria = await criteriaOfLists(tx, [list.id]);
    const plan = planCopy({ list, criteria }, to!);
    const standards = await standardsOfCriteria(tx, plan.criteria.map((c) => c.from));
    const newId = await insertList(tx, { ...plan.list, createdBy: user.userId, createdAt: now, updatedAt: now });
    for (const { from, ...row } of plan.criteria) {
      const created = await insertCriterion(tx, { ...row, listId: newId, createdAt: now });
      const linked = standards.filter((s) => s.criterionId === from).map((s) => s.identifier);
      if (linked.length) await replaceCriterionStandards(tx, created, list.schoolId, linked);
    }
    return newId;
  });
}

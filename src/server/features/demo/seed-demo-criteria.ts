/**
 * The demo school's success criteria (src/domain/demo/demo-criteria.ts): the Owls' writers list
 * and Year 1's shared representers list, linked to the demo standards when they are there, and
 * ticks on the printed pupil's posts.
 */
import { demoCriteriaLists, demoTicks } from '../../../domain/demo/demo-criteria';
import type { DemoSchool } from '../../../domain/demo/demo-school';
import { demoStandardId } from '../../../domain/demo/demo-standards';
import type { Deps } from '../../deps';
import { findPostByCaption, findStandardItems, insertCriterion, insertList, insertPostCriteria, replaceCriterionStandards, replacePostStandards } from '../criteria/criteria.repo';
import { listTags } from '../portfolio/portfolio.repo';
import type { DemoIds } from './seed-demo-portfolio';
import { demoSignIns } from './seed-demo-school';

export async function seedDemoCriteria(deps: Pick<Deps, 'db' | 'media' | 'now'>, demo: DemoSchool, ids: DemoIds): Promise<void> {
  const now = deps.now();
  const tags = await listTags(deps.db, ids.schoolId);
  const standardIds = demoCriteriaLists.flatMap((l) => l.criteria.flatMap((c) => (c.standard ? [demoStandardId(c.standard)] : [])));
  // The standards seed runs first; without its framework the criteria are seeded unlinked.
  const known = new Set((await findStandardItems(deps.db, ids.schoolId, standardIds)).map((s) => s.identifier));
  const criterionIds = new Map<string, string[]>();
  for (const list of demoCriteriaLists) {
    const classKey = 'classKey' in list.scope ? list.scope.classKey : list.scope.yearGroupOf;
    const cls = demo.classes.find((c) => c.key === classKey);
    if (!cls) continue;
    const teacher = ids.staffId.get(cls.teachers[0]?.staffKey ?? '') ?? null;
    const listId = await insertList(deps.db, {
      schoolId: ids.schoolId,
      classId: 'classKey' in list.scope ? (ids.classId.get(cls.key) ?? null) : null,
      yearGroup: 'yearGroupOf' in list.scope ? cls.yearGroup : null,
      subjectTagId: tags.find((t) => t.kind === 'subject' && t.name === list.subject)?.id ?? null,
      title: list.title,
      createdBy: teacher,
      createdAt: now,
      updatedAt: now,
    });
    const made: string[] = [];
    for (const [position, c] of list.criteria.entries()) {
      const id = await insertCriterion(deps.db, { listId, position, wording: c.wording, picture: c.picture, createdAt: now });
      const standard = c.standard ? demoStandardId(c.standard) : null;
      if (standard && known.has(standard)) await replaceCriterionStandards(deps.db, id, ids.schoolId, [standard]);
      made.push(id);
    }
    criterionIds.set(list.key, made);
  }
  const child = demoSignIns(demo).child;
  const studentId = child ? ids.studentId.get(child.key) : undefined;
  if (!studentId) return;
  const teacher = ids.staffId.get(demo.classes.find((c) => c.key === child?.classKey)?.teachers[0]?.staffKey ?? '') ?? null;
  for (const tick of demoTicks) {
    const post = await findPostByCaption(deps.db, studentId, tick.caption);
    if (!post) continue;
    const chosen = tick.criteria.map(([list, i]) => criterionIds.get(list)?.[i]).filter((x): x is string => Boolean(x));
    await insertPostCriteria(deps.db, post.id, chosen, post.authorId, post.createdAt);
    const standards = (tick.standards ?? []).map(demoStandardId).filter((s) => known.has(s));
    if (standards.length) await replacePostStandards(deps.db, post.id, ids.schoolId, standards, teacher, post.createdAt);
  }
}

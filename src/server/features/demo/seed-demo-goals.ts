/**
 * Puts the demo goals (src/domain/demo/demo-goals.ts) into the demo school: goals with check-ins
 * linking the children's demo posts, and commitments; and queues the carry-forward of each
 * period that has goals, as setting a goal does.
 */
import { demoGoals } from '../../../domain/demo/demo-goals';
import type { DemoSchool } from '../../../domain/demo/demo-school';
import type { Deps } from '../../deps';
import { scheduleCarryForward } from '../goals/carry-forward-goals';
import { insertCheckin, insertGoal, listReportPeriods, upsertCommitment } from '../goals/goals.repo';
import { listPosts } from '../portfolio/portfolio.repo';
import { demoSignIns } from './seed-demo-school';
import type { DemoIds } from './seed-demo-portfolio';

export async function seedDemoGoals(deps: Pick<Deps, 'db' | 'media' | 'now'>, demo: DemoSchool, ids: DemoIds): Promise<void> {
  const printed = demoSignIns(demo);
  const siblings = printed.guardian?.children.map((c) => c.studentKey) ?? [];
  const koreanChild = printed.korean?.children[0]?.studentKey;
  const keyOf = { printed: printed.child?.key, sibling1: siblings[0], sibling2: siblings[1], korean: koreanChild };
  const guardianOf = { printed: null, sibling1: printed.guardian?.key, sibling2: printed.guardian?.key, korean: printed.korean?.key };
  const periods = await listReportPeriods(deps.db, ids.schoolId);
  const now = deps.now().getTime();
  const day = (daysAgo: number, hour = 0) => new Date(now - daysAgo * 86_400_000 - 4 * 3_600_000 + hour * 3_600_000);
  const scheduled = new Set<string>();
  for (const g of demoGoals) {
    const student = demo.students.find((s) => s.key === keyOf[g.who]);
    const period = periods.find((p) => p.name === g.period);
    if (!student || !period) continue;
    const studentId = ids.studentId.get(student.key) as string;
    const childUserId = ids.studentUserId.get(student.key) as string;
    const teacherKey = demo.classes.find((c) => c.key === student.classKey)?.teachers[0]?.staffKey;
    const teacherUserId = ids.staffId.get(teacherKey ?? '') as string;
    const guardianKey = guardianOf[g.who];
    const guardianUserId = guardianKey ? ids.guardianUserId.get(guardianKey) : undefined;
    const created = day(g.daysAgo);
    const achieved = g.achievedDaysAgo === undefined ? null : day(g.achievedDaysAgo, 2);
    const goalId = await insertGoal(deps.db, {
      schoolId: ids.schoolId,
      studentId,
      reportPeriodId: period.id,
      what: g.what,
      measure: g.measure,
      status: achieved ? 'achieved' : 'working',
      statusChangedAt: achieved,
      createdBy: g.byChild ? childUserId : teacherUserId,
      createdAt: created,
      updatedAt: achieved ?? created,
    });
    const posts = await listPosts(deps.db, { studentId, statuses: ['approved'], limit: 50 });
    for (const c of g.checkins) {
      const postIds = c.evidence.map((caption) => posts.find((p) => p.caption === caption)?.id).filter((x): x is string => Boolean(x));
      await insertCheckin(deps.db, { goalId, authorId: c.by === 'child' ? childUserId : teacherUserId, note: c.note, createdAt: day(c.daysAgo, 1) }, postIds);
    }
    for (const [i, c] of g.commitments.entries()) {
      const userId = c.by === 'child' ? childUserId : c.by === 'teacher' ? teacherUserId : guardianUserId;
      if (!userId) continue;
      await upsertCommitment(deps.db, { goalId, userId, role: c.by === 'child' ? 'student' : c.by, text: c.text, at: new Date(created.getTime() + (i + 1) * 600_000) });
    }
    if (!achieved && !scheduled.has(period.id)) {
      scheduled.add(period.id);
      await scheduleCarryForward(deps, period, demo.school.timeZone);
    }
  }
}

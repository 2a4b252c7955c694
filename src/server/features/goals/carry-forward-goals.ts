/**
 * At the end of a report period, its open goals carry forward into the next one (the rules and the
 * chain model: domain/goals/carry-forward.ts). Like the portfolio digest, the work is a durable job
 * queued when it becomes due: setting a goal (or moving it to another period) queues the job of
 * that period for midnight after its last day in the school's time zone, once per period and end
 * date (the idempotency key). The job carries every open goal of the period and, if it carried
 * any, queues the job of the next period for those goals. Reading a child's goals also carries,
 * there and then, any of theirs whose period has ended (a server that was off at midnight, a
 * period whose dates were moved), so a page never shows an ended period's goals as still open.
 *
 * Safe to run twice and side by side: the open goals are locked (FOR UPDATE) in one transaction,
 * a second run waits and then finds them carried; and the unique index on previous_goal_id would
 * refuse a second continuation anyway (inserted with ON CONFLICT DO NOTHING).
 */
import { z } from 'zod';
import { planCarryForward } from '../../../domain/goals/carry-forward';
import { periodAfter, periodEndsAt, periodHasEnded, schoolToday } from '../../../domain/goals/periods';
import type { Deps } from '../../deps';
import { defineJob, enqueue } from '../../jobs/runner';
import { findSchool } from '../school/school.repo';
import {
  continuedGoals,
  endedPeriodsWithOpenGoals,
  findReportPeriod,
  insertCommitments,
  insertContinuation,
  listCommitments,
  listReportPeriods,
  lockOpenGoals,
  markCarried,
  type PeriodRow,
} from './goals.repo';

export const carryForwardGoalsJob = defineJob({
  kind: 'goals-carry-forward',
  version: 1,
  payload: z.object({ reportPeriodId: z.uuid() }),
  async run(deps, { reportPeriodId }) {
    const period = await findReportPeriod(deps.db, reportPeriodId);
    if (!period) return { carried: 0, gone: true };
    const school = await findSchool(deps.db, period.schoolId);
    if (!school) return { carried: 0, gone: true };
    // Its dates were moved later since this was queued: come back when it really ends.
    if (!periodHasEnded(period, schoolToday(deps.now(), school.timeZone))) {
      await scheduleCarryForward(deps, period, school.timeZone);
      return { carried: 0, notYet: true };
    }
    return carryForwardPeriod(deps, period);
  },
});

/** Queues the carry-forward of a period for when it ends (once per period and end date). */
export async function scheduleCarryForward(deps: Pick<Deps, 'db' | 'now'>, period: Pick<PeriodRow, 'id' | 'endsOn'>, timeZone: string): Promise<void> {
  await enqueue(deps, carryForwardGoalsJob, { reportPeriodId: period.id }, { idempotencyKey: `goals-carry-forward:${period.id}:${period.endsOn}`, runAt: periodEndsAt(period, timeZone) });
}

/** Queues the carry-forward of the period a goal now targets. */
export async function scheduleCarryForwardOf(deps: Pick<Deps, 'db' | 'now'>, reportPeriodId: string | null): Promise<void> {
  if (!reportPeriodId) return;
  const period = await findReportPeriod(deps.db, reportPeriodId);
  const school = period ? await findSchool(deps.db, period.schoolId) : undefined;
  if (period && school) await scheduleCarryForward(deps, period, school.timeZone);
}

export interface CarryResult {
  carried: number;
  /** Goals marked carried forward (including any whose continuation already existed). */
  marked: number;
  noNextPeriod?: true;
}

/**
 * Carries the open goals of an ended period (all of them, or one child's) into the next period, in
 * one transaction. Returns how many it carried; does nothing before the period has ended.
 */
export async function carryForwardPeriod(deps: Deps, period: PeriodRow, options: { studentId?: string } = {}): Promise<CarryResult> {
  const school = await findSchool(deps.db, period.schoolId);
  if (!school) return { carried: 0, marked: 0 };
  const now = deps.now();
  const today = schoolToday(now, school.timeZone);
  const next = periodAfter(await listReportPeriods(deps.db, period.schoolId), period);
  const result = await deps.db.transaction(async (tx) => {
    const open = await lockOpenGoals(tx, period.id, options.studentId);
    const ids = open.map((g) => g.id);
    const plan = planCarryForward({
      period,
      next,
      today,
      goals: open,
      continued: await continuedGoals(tx, ids),
      commitments: await listCommitments(tx, ids),
    });
    if (plan.kind === 'not_ended') return { carried: 0, marked: 0 };
    if (plan.kind === 'no_next_period') return { carried: 0, marked: 0, noNextPeriod: true as const };
    let carried = 0;
    for (const c of plan.create) {
      const id = await insertContinuation(tx, {
        schoolId: c.from.schoolId,
        studentId: c.from.studentId,
        reportPeriodId: c.reportPeriodId,
        // Not set at a round: it continues a goal that was.
        roundId: null,
        what: c.what,
        measure: c.measure,
        status: 'working',
        previousGoalId: c.previousGoalId,
        createdBy: null,
        createdAt: now,
        updatedAt: now,
      });
      if (!id) continue;
      carried++;
      await insertCommitments(tx, c.commitments.map((m) => ({ goalId: id, userId: m.userId, role: m.role, text: m.text, createdAt: now, updatedAt: now })));
    }
    const marked = await markCarried(tx, plan.markCarried, now);
    return { carried, marked };
  });
  // The carried goals carry on at the end of their new period, if still open then.
  if (result.carried > 0 && next) await scheduleCarryForward(deps, next, school.timeZone);
  return result;
}

/**
 * Carries forward, now, this child's open goals whose period has ended (the lazy half: see the top
 * of this file). A goal carried into a period that has also ended goes on into the one after.
 */
export async function carryForwardEndedGoals(deps: Deps, studentId: string, timeZone: string): Promise<void> {
  const today = schoolToday(deps.now(), timeZone);
  const tried = new Set<string>();
  for (;;) {
    const due = (await endedPeriodsWithOpenGoals(deps.db, studentId, today)).filter((p) => !tried.has(p.id));
    if (due.length === 0) return;
    for (const period of due) {
      tried.add(period.id);
      await carryForwardPeriod(deps, period, { studentId });
    }
  }
}

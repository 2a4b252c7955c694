/**
 * Setting a goal and changing it: the child or their teacher sets one (what, how we will know, the
 * target period — by default the next one — and the round it was set for), edits it while it is
 * being worked on, marks it achieved, or (a teacher) reopens an achieved one. A goal may target
 * only a period that has not ended: an ended period's goals have been carried forward already.
 */
import { DomainError } from '../../../domain/errors';
import { statusChange, isWritable } from '../../../domain/goals/goals';
import { periodHasEnded, schoolToday, targetPeriodForRound } from '../../../domain/goals/periods';
import type { Actor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { findSchool } from '../school/school.repo';
import { childGoalsAccess, goalWithAccess } from './access';
import { scheduleCarryForwardOf } from './carry-forward-goals';
import { findRound, insertGoal, listReportPeriods, updateGoalIf } from './goals.repo';

async function schoolCalendar(deps: Deps, schoolId: string) {
  const school = await findSchool(deps.db, schoolId);
  if (!school) throw new DomainError('not_found');
  return { today: schoolToday(deps.now(), school.timeZone), periods: await listReportPeriods(deps.db, schoolId) };
}

/** A period the goal may target: one of the school's that has not ended. */
function checkedPeriod(calendar: Awaited<ReturnType<typeof schoolCalendar>>, periodId: string, field: string): string {
  const period = calendar.periods.find((p) => p.id === periodId);
  if (!period) throw new DomainError('validation_failed', { fields: { [field]: 'unknown_period' } });
  if (periodHasEnded(period, calendar.today)) throw new DomainError('validation_failed', { fields: { [field]: 'period_ended' } });
  return period.id;
}

export async function createGoal(
  deps: Deps,
  actor: Actor,
  studentId: string,
  input: { what: string; measure: string; reportPeriodId?: string | null | undefined; roundId?: string | null | undefined },
): Promise<string> {
  const access = await childGoalsAccess(deps, actor, studentId, 'goals.manage');
  const calendar = await schoolCalendar(deps, access.subject.schoolId);
  let roundPeriodId: string | null = null;
  if (input.roundId) {
    const round = await findRound(deps.db, input.roundId);
    if (!round || round.schoolId !== access.subject.schoolId) throw new DomainError('validation_failed', { fields: { roundId: 'unknown_round' } });
    roundPeriodId = round.reportPeriodId;
  }
  let reportPeriodId: string | null;
  if (input.reportPeriodId !== undefined) reportPeriodId = input.reportPeriodId === null ? null : checkedPeriod(calendar, input.reportPeriodId, 'reportPeriodId');
  else {
    // Set at a round's conference: the period after the one the round looks back on; else the next one.
    reportPeriodId = targetPeriodForRound(calendar.periods, calendar.today, roundPeriodId)?.id ?? null;
  }
  const now = deps.now();
  const id = await insertGoal(deps.db, {
    schoolId: access.subject.schoolId,
    studentId,
    reportPeriodId,
    roundId: input.roundId ?? null,
    what: input.what,
    measure: input.measure,
    status: 'working',
    createdBy: access.actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  await scheduleCarryForwardOf(deps, reportPeriodId);
  return id;
}

export async function editGoal(deps: Deps, actor: Actor, goalId: string, change: { what?: string | undefined; measure?: string | undefined; reportPeriodId?: string | null | undefined }): Promise<void> {
  const { goal, access } = await goalWithAccess(deps, actor, goalId);
  if (!access.manage) throw new DomainError('forbidden');
  if (!isWritable(goal.status)) throw new DomainError('conflict');
  const values: { what?: string; measure?: string; reportPeriodId?: string | null; updatedAt: Date } = { updatedAt: deps.now() };
  if (change.what !== undefined) values.what = change.what;
  if (change.measure !== undefined) values.measure = change.measure;
  if (change.reportPeriodId !== undefined && change.reportPeriodId !== goal.reportPeriodId) {
    values.reportPeriodId = change.reportPeriodId === null ? null : checkedPeriod(await schoolCalendar(deps, goal.schoolId), change.reportPeriodId, 'reportPeriodId');
  }
  if (!(await updateGoalIf(deps.db, goalId, ['working'], values))) throw new DomainError('conflict');
  if (values.reportPeriodId) await scheduleCarryForwardOf(deps, values.reportPeriodId);
}

/**
 * Achieved (the child or a teacher), or working again (a teacher reopening it). Asking for the
 * status it already has changes nothing; a change someone else could make is `forbidden` to this
 * reader; one nobody can make (a carried-forward goal) is `conflict`.
 */
export async function changeGoalStatus(deps: Deps, actor: Actor, goalId: string, to: 'working' | 'achieved'): Promise<void> {
  const { goal, access } = await goalWithAccess(deps, actor, goalId);
  if (!access.changer) throw new DomainError('forbidden');
  const change = statusChange(goal.status, to, access.changer);
  if (!change.ok) {
    if (change.reason === 'unchanged') return;
    throw new DomainError(statusChange(goal.status, to, 'teacher').ok ? 'forbidden' : 'conflict');
  }
  const now = deps.now();
  if (!(await updateGoalIf(deps.db, goalId, [goal.status], { status: to, statusChangedAt: now, updatedAt: now }))) throw new DomainError('conflict');
}

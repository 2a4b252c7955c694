/**
 * A child's goal and its life cycle, as pure rules.
 *
 * A goal is *working* (being worked on) until it is *achieved*, or until its report period ends
 * while it is still open: then it is *carried forward* — marked so, and continued by a new goal in
 * the next period (see carry-forward.ts). Only a working goal can change: its words, its period,
 * its check-ins and everyone's commitments. An achieved or carried-forward goal is the record of
 * what happened and stays as it is, with one way back: a teacher may reopen an achieved goal (the
 * child pressed "I did it!" too soon), which makes it working again.
 *
 * Worked example (Ava, Autumn report, then Spring):
 *   Ava sets "write three sentences"            → working
 *   Ava presses "I did it!" on 3 December       → achieved (read-only: no more check-ins)
 *   Mr Okafor reopens it: one sentence had no full stop → working
 *   Autumn ends on 18 December, still working   → carried_forward; a new working goal in Spring
 *                                                  points back to it (`previousGoalId`)
 *   Ava or Mr Okafor tries to mark the Autumn goal achieved now → refused: carried forward is final
 */
export type GoalStatus = 'working' | 'achieved' | 'carried_forward';
export const goalStatuses = ['working', 'achieved', 'carried_forward'] as const satisfies readonly GoalStatus[];

/** Who changes a goal's status: the child, one of their teachers, or Confer itself at a period's end. */
export type StatusChanger = 'student' | 'teacher' | 'system';

export type StatusChange = { ok: true } | { ok: false; reason: 'unchanged' | 'not_allowed' };

/**
 * Whether `by` may move a goal from `from` to `to`:
 *   working  → achieved         the child or a teacher
 *   achieved → working          a teacher (reopening)
 *   working  → carried_forward  Confer only, when the period ends (it also makes the next goal)
 * Nothing leaves carried_forward: the goal that continues it is where the work goes on.
 */
export function statusChange(from: GoalStatus, to: GoalStatus, by: StatusChanger): StatusChange {
  if (from === to) return { ok: false, reason: 'unchanged' };
  if (from === 'working' && to === 'achieved') return by === 'system' ? { ok: false, reason: 'not_allowed' } : { ok: true };
  if (from === 'achieved' && to === 'working') return by === 'teacher' ? { ok: true } : { ok: false, reason: 'not_allowed' };
  if (from === 'working' && to === 'carried_forward') return by === 'system' ? { ok: true } : { ok: false, reason: 'not_allowed' };
  return { ok: false, reason: 'not_allowed' };
}

/** The statuses `by` may move a goal in `from` to (for the buttons a page shows). */
export function nextStatuses(from: GoalStatus, by: StatusChanger): GoalStatus[] {
  return goalStatuses.filter((to) => statusChange(from, to, by).ok);
}

/** An open goal is still being worked on: it is the only kind that carries forward. */
export function isOpen(status: GoalStatus): boolean {
  return status === 'working';
}

/** What, measure, period, check-ins and commitments change only while the goal is being worked on. */
export function isWritable(status: GoalStatus): boolean {
  return status === 'working';
}

/**
 * For the readiness board: a goal is *set* when it says what it is and the child has written their
 * own commitment to it ("I will…"). The teacher's and the family's commitments come at or after the
 * conference, so they are not needed for the child to be ready.
 */
export function goalIsSet(goal: { what: string }, commitments: ReadonlyArray<{ role: 'student' | 'teacher' | 'guardian'; text: string }>): boolean {
  return goal.what.trim() !== '' && commitments.some((c) => c.role === 'student' && c.text.trim() !== '');
}

/** Goals are short: one sentence to say what, one or two to say how we will know. */
export const WHAT_MAX = 300;
export const MEASURE_MAX = 600;
export const NOTE_MAX = 2000;
export const COMMITMENT_MAX = 1000;
/** Posts one check-in may link as evidence. */
export const EVIDENCE_MAX = 6;

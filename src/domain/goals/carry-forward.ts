/**
 * Carrying open goals forward at the end of a report period.
 *
 * The model is a chain: a goal still *working* when its period ends is marked *carried_forward*
 * and stays in that period as it was (the Autumn report shows what the goal was and how far it
 * got); a new goal in the next period continues it, with the same what and measure, pointing back
 * through `previousGoalId`. Its check-ins stay on the earlier goal (the history), and the
 * commitments are copied: everyone's promise still stands, and each person can change theirs for
 * the new period without rewriting what they promised in the old one.
 *
 * The plan is idempotent: a goal that already has a successor is never carried a second time (it
 * is only marked carried_forward, in case that half was lost), and the database backs this up with
 * a unique index on `previous_goal_id`.
 *
 * Worked example (Autumn ends 18 Dec; Spring follows):
 *   today 18 Dec, Ava's goal G1 working       → not_ended: nothing yet
 *   today 19 Dec                              → G1 becomes carried_forward; G2 in Spring, previous G1,
 *                                               with Ava's, Mr Okafor's and Emma's commitments copied
 *   run again on 19 Dec                       → G1 is no longer working: nothing to do
 *   Ben's goal G3 achieved in Autumn          → stays achieved, not carried
 *   Summer (the last period) ends             → no_next_period: its goals stay working until a
 *                                               period is added after it
 */
import type { CommitmentRole } from './commitments';
import type { GoalStatus } from './goals';
import { periodHasEnded } from './periods';

export interface CarriedGoal {
  id: string;
  status: GoalStatus;
  what: string;
  measure: string;
}

export interface CarryCommitment {
  goalId: string;
  userId: string;
  role: CommitmentRole;
  text: string;
}

export interface CarryInput<G extends CarriedGoal> {
  period: { id: string; endsOn: string };
  next: { id: string } | null;
  /** Today on the school's calendar. */
  today: string;
  /** The goals of the period (any status). */
  goals: readonly G[];
  /** Ids of goals that some goal already continues (its `previousGoalId`). */
  continued: ReadonlySet<string>;
  commitments: readonly CarryCommitment[];
}

export interface NewCarriedGoal<G> {
  from: G;
  reportPeriodId: string;
  previousGoalId: string;
  what: string;
  measure: string;
  commitments: Array<{ userId: string; role: CommitmentRole; text: string }>;
}

export type CarryPlan<G> =
  | { kind: 'not_ended' }
  | { kind: 'no_next_period' }
  | { kind: 'carry'; markCarried: string[]; create: Array<NewCarriedGoal<G>> };

export function planCarryForward<G extends CarriedGoal>(input: CarryInput<G>): CarryPlan<G> {
  if (!periodHasEnded(input.period, input.today)) return { kind: 'not_ended' };
  const open = input.goals.filter((g) => g.status === 'working');
  if (!input.next) return open.length ? { kind: 'no_next_period' } : { kind: 'carry', markCarried: [], create: [] };
  const next = input.next;
  return {
    kind: 'carry',
    markCarried: open.map((g) => g.id),
    create: open
      .filter((g) => !input.continued.has(g.id))
      .map((g) => ({
        from: g,
        reportPeriodId: next.id,
        previousGoalId: g.id,
        what: g.what,
        measure: g.measure,
        commitments: input.commitments.filter((c) => c.goalId === g.id && c.text.trim() !== '').map(({ userId, role, text }) => ({ userId, role, text })),
      })),
  };
}

/**
 * A goal's history: the goals it continues, oldest first, following `previousGoalId` back through
 * `byId` (stopping at a goal not given, and at a loop, which the unique index makes impossible).
 */
export function chainBefore<G extends { id: string; previousGoalId: string | null }>(goal: G, byId: ReadonlyMap<string, G>): G[] {
  const out: G[] = [];
  const seen = new Set([goal.id]);
  let at = goal.previousGoalId ? byId.get(goal.previousGoalId) : undefined;
  while (at && !seen.has(at.id)) {
    out.unshift(at);
    seen.add(at.id);
    at = at.previousGoalId ? byId.get(at.previousGoalId) : undefined;
  }
  return out;
}

/** Authorization-matrix rows for goals: Goals, check-ins, commitments, carry-forward and the goal page. */
import type { Area } from './kit';

export const goalsArea: Area = {
  cases: {},
};

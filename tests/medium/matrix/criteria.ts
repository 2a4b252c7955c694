/** Authorization-matrix rows for criteria: Success-criteria lists (anchor charts) and ticking criteria on work. */
import type { Area } from './kit';

export const criteriaArea: Area = {
  cases: {},
};

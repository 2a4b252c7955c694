/** Authorization-matrix rows for preparation: Conference rounds (minimal), selection prompts, the child's picks and reflections, the readiness board. */
import type { Area } from './kit';

export const preparationArea: Area = {
  cases: {},
};

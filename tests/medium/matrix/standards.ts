/** Authorization-matrix rows for standards: CASE standards frameworks: import, browse, search, the school's own; linking to criteria and posts. */
import type { Area } from './kit';

export const standardsArea: Area = {
  cases: {},
};

/**
 * Marks a child or teacher puts against criteria: `shown` when ticking which criteria a piece
 * shows; `strength` ("think pink") and `next_step` ("green for growth") when preparing for a
 * conference. Pressing a criterion moves it to the next of the marks in use, then back to none:
 *   marks ['shown']                  none → shown → none
 *   marks ['strength', 'next_step']  none → strength → next_step → none
 */
export const criterionMarks = ['shown', 'strength', 'next_step'] as const;
export type CriterionMark = (typeof criterionMarks)[number];

export function nextMark<M extends string>(current: M | null | undefined, marks: readonly M[]): M | null {
  if (marks.length === 0) return null;
  if (!current) return marks[0] as M;
  const at = marks.indexOf(current);
  return at < 0 ? (marks[0] as M) : at + 1 < marks.length ? (marks[at + 1] as M) : null;
}

/**
 * The child's conference agenda, in the seeds' order: welcome → each chosen piece (full screen,
 * with their own reflection) → what I do well / what I'm working on → my goals → questions from my
 * family → our commitments. The teacher can reorder it and add steps of their own; the child's
 * preparation can still change after that (a piece picked late), so a saved order is reconciled
 * with the pieces the child has now.
 *
 * Worked example: Jasper picked two pieces, s1 (best writing) and s2 (best maths).
 *   defaultAgenda(['s1', 's2']) → welcome, piece:s1, piece:s2, strengths, goals, questions, commitments
 * His teacher moves maths first and adds "Show us your reading log" after it:
 *   saved = [welcome, piece:s2, custom:c1, piece:s1, strengths, goals, questions, commitments]
 * He then swaps s1 for s3 the morning of the conference:
 *   reconcileAgenda(saved, ['s2', 's3']) → welcome, piece:s2, custom:c1, piece:s3, strengths, …
 *   (s1 is gone; s3 takes the place after the last piece still there.)
 */
export type FixedStepKind = 'welcome' | 'strengths' | 'goals' | 'questions' | 'commitments';
export type AgendaStep =
  | { kind: FixedStepKind; id: string }
  | { kind: 'piece'; id: string; selectionId: string }
  | { kind: 'custom'; id: string; title: string; text: string };

export const fixedSteps: readonly FixedStepKind[] = ['welcome', 'strengths', 'goals', 'questions', 'commitments'];

export function pieceStep(selectionId: string): AgendaStep {
  return { kind: 'piece', id: `piece:${selectionId}`, selectionId };
}

export function defaultAgenda(selectionIds: readonly string[]): AgendaStep[] {
  return [
    { kind: 'welcome', id: 'welcome' },
    ...selectionIds.map(pieceStep),
    { kind: 'strengths', id: 'strengths' },
    { kind: 'goals', id: 'goals' },
    { kind: 'questions', id: 'questions' },
    { kind: 'commitments', id: 'commitments' },
  ];
}

/** The saved order with pieces no longer picked removed, and newly picked pieces after the last piece kept (or after welcome). */
export function reconcileAgenda(saved: readonly AgendaStep[] | null, selectionIds: readonly string[]): AgendaStep[] {
  if (!saved) return defaultAgenda(selectionIds);
  const current = new Set(selectionIds);
  const kept = saved.filter((s) => s.kind !== 'piece' || current.has(s.selectionId));
  const present = new Set(kept.flatMap((s) => (s.kind === 'piece' ? [s.selectionId] : [])));
  const added = selectionIds.filter((id) => !present.has(id)).map(pieceStep);
  if (added.length === 0) return kept;
  let at = -1;
  kept.forEach((s, i) => {
    if (s.kind === 'piece') at = i;
  });
  if (at === -1) at = kept.findIndex((s) => s.kind === 'welcome');
  return [...kept.slice(0, at + 1), ...added, ...kept.slice(at + 1)];
}

export type AgendaProblem = 'duplicate_step' | 'unknown_piece' | 'fixed_step_missing';

/**
 * Checks an agenda the teacher sends: every step once, pieces only of this child's picks, and the
 * built-in steps all still there (they may be moved, not dropped — the commitments step is where
 * the conference ends). Custom steps may come and go. The first problem, with its index, or null.
 *   checkAgenda([{kind:'welcome',id:'welcome'}], []) → { problem: 'fixed_step_missing', index: 1 }
 */
export function checkAgenda(steps: readonly AgendaStep[], selectionIds: readonly string[]): { problem: AgendaProblem; index: number } | null {
  const seen = new Set<string>();
  const picks = new Set(selectionIds);
  for (const [index, step] of steps.entries()) {
    const key = step.kind === 'piece' ? `piece:${step.selectionId}` : step.kind === 'custom' ? `custom:${step.id}` : step.kind;
    if (seen.has(key) || seen.has(`id:${step.id}`)) return { problem: 'duplicate_step', index };
    seen.add(key);
    seen.add(`id:${step.id}`);
    if (step.kind === 'piece' && !picks.has(step.selectionId)) return { problem: 'unknown_piece', index };
  }
  if (fixedSteps.some((k) => !seen.has(k))) return { problem: 'fixed_step_missing', index: steps.length };
  return null;
}

/** Normalises ids the server trusts: fixed steps are their kind, pieces `piece:<selection>`; custom keep theirs. */
export function normaliseAgenda(steps: readonly AgendaStep[]): AgendaStep[] {
  return steps.map((s) => (s.kind === 'piece' ? pieceStep(s.selectionId) : s.kind === 'custom' ? { ...s, id: s.id.startsWith('custom:') ? s.id : `custom:${s.id}` } : { kind: s.kind, id: s.kind }));
}

/**
 * The step to show: the one the child is on if it is still in the agenda, else the first.
 *   currentStep(agenda, 'piece:gone') → agenda[0]
 */
export function currentStepOf(agenda: readonly AgendaStep[], currentStepId: string | null): AgendaStep | undefined {
  return agenda.find((s) => s.id === currentStepId) ?? agenda[0];
}

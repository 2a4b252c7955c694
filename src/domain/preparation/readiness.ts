/**
 * Is a child ready for their conference? Pure: from the round's prompts, the child's picks and
 * answers, whether they have set a goal, and the flags the teacher or child raised.
 *
 * Worked example. Owls have two prompts: "Your best writing" (pick 1, answer 2 questions) and
 * "Your best representing" (pick 1, answer 1). Ava picked her story and answered both questions
 * about it, picked nothing for representing yet, and has set a goal:
 *   toPick 2, picked 1; toAnswer 3, answered 2; goalSet → status `in_progress`.
 * When she picks her drawing and answers its question: picked 2/2, answered 3/3 → `ready`.
 * If her teacher then sends the story's reflection back ("tell us more about your capital
 * letters"), it is `sent_back` until she changes an answer on it; "I need help" beats everything.
 */

export interface PromptShape {
  id: string;
  pickCount: number;
  questionIds: readonly string[];
}

export interface SelectionShape {
  promptId: string;
  /** Questions with an answer (typed words, or a recording). */
  answeredQuestionIds: readonly string[];
  /** The teacher sent this reflection back and the child has not changed it since. */
  sentBack: boolean;
}

export interface ReadinessInput {
  prompts: readonly PromptShape[];
  selections: readonly SelectionShape[];
  goalSet: boolean;
  needsHelp: boolean;
}

export const readinessStatuses = ['not_started', 'in_progress', 'sent_back', 'needs_help', 'ready'] as const;
export type ReadinessStatus = (typeof readinessStatuses)[number];

export interface Readiness {
  picked: number;
  toPick: number;
  answered: number;
  toAnswer: number;
  sentBack: number;
  goalSet: boolean;
  needsHelp: boolean;
  status: ReadinessStatus;
}

export function readiness(input: ReadinessInput): Readiness {
  let picked = 0;
  let toPick = 0;
  let answered = 0;
  let toAnswer = 0;
  let sentBack = 0;
  for (const prompt of input.prompts) {
    // Picks beyond what the prompt asks for (it was changed to fewer) do not count, either way.
    const mine = input.selections.filter((s) => s.promptId === prompt.id).slice(0, prompt.pickCount);
    toPick += prompt.pickCount;
    toAnswer += prompt.pickCount * prompt.questionIds.length;
    picked += mine.length;
    for (const s of mine) answered += prompt.questionIds.filter((q) => s.answeredQuestionIds.includes(q)).length;
    sentBack += mine.filter((s) => s.sentBack).length;
  }
  const complete = toPick > 0 && picked === toPick && answered === toAnswer && input.goalSet;
  const status: ReadinessStatus = input.needsHelp
    ? 'needs_help'
    : sentBack > 0
      ? 'sent_back'
      : complete
        ? 'ready'
        : picked === 0 && answered === 0 && !input.goalSet
          ? 'not_started'
          : 'in_progress';
  return { picked, toPick, answered, toAnswer, sentBack, goalSet: input.goalSet, needsHelp: input.needsHelp, status };
}

/** An answer counts when it has words (not only spaces) or a recording. */
export function isAnswered(answer: { text: string; audioMediaId: string | null }): boolean {
  return answer.text.trim().length > 0 || answer.audioMediaId !== null;
}

/** The class's counts for the board's summary line: how many children are in each status. */
export function tally(statuses: readonly ReadinessStatus[]): Record<ReadinessStatus, number> {
  const out = Object.fromEntries(readinessStatuses.map((s) => [s, 0])) as Record<ReadinessStatus, number>;
  for (const s of statuses) out[s] += 1;
  return out;
}

/**
 * API shapes of conference preparation: rounds (minimal until the booking issue), a class's
 * selection prompts, the child's picks, answers and marks, and the teacher's readiness board.
 */
import { z } from 'zod';
import { builtInQuestions } from '../domain/preparation/prompts';
import { readinessStatuses } from '../domain/preparation/readiness';
import { localeTags } from './locales';
import { mediaView } from './portfolio';

const id = z.uuid();
const day = z.iso.date();

export const ROUND_NAME_MAX = 120;
export const PROMPT_TITLE_MAX = 120;
export const QUESTION_MAX = 200;
export const ANSWER_MAX = 2000;
export const NOTE_MAX = 1000;
export const PICK_COUNT_MAX = 6;
export const QUESTIONS_MAX = 5;

// Rounds -----------------------------------------------------------------------------------------

export const roundView = z.object({
  id,
  name: z.string(),
  startsOn: day,
  endsOn: day,
  reportPeriodId: id.nullable(),
  reportPeriodName: z.string().nullable(),
});
export type RoundView = z.infer<typeof roundView>;
export const schoolRounds = z.object({ rounds: z.array(roundView) });

export const newRound = z
  .object({
    name: z.string().trim().min(1).max(ROUND_NAME_MAX),
    startsOn: day,
    endsOn: day,
    reportPeriodId: id.nullable().default(null),
  })
  .refine((r) => r.endsOn >= r.startsOn, { path: ['endsOn'], message: 'dates_reversed' });

export const roundChange = z.object({
  name: z.string().trim().min(1).max(ROUND_NAME_MAX).optional(),
  startsOn: day.optional(),
  endsOn: day.optional(),
  reportPeriodId: id.nullable().optional(),
});

// Prompts ----------------------------------------------------------------------------------------

/** Words in several of the shipped languages; the page sends those the teacher filled in. */
export const localizedText = z.partialRecord(z.enum(localeTags), z.string().trim().max(PROMPT_TITLE_MAX));
const questionText = z.partialRecord(z.enum(localeTags), z.string().trim().max(QUESTION_MAX));

/** A question as written: one of Confer's (`key`), or the teacher's own words; `id` keeps an existing one (and its answers). */
export const questionInput = z.union([
  z.object({ id: z.string().max(40).optional(), key: z.enum(builtInQuestions) }),
  z.object({ id: z.string().max(40).optional(), text: questionText }),
]);

export const newPrompt = z.object({
  title: localizedText,
  pickCount: z.number().int().min(1).max(PICK_COUNT_MAX),
  questions: z.array(questionInput).min(1).max(QUESTIONS_MAX),
});
export const promptChange = z.object({
  title: localizedText.optional(),
  pickCount: z.number().int().min(1).max(PICK_COUNT_MAX).optional(),
  questions: z.array(questionInput).min(1).max(QUESTIONS_MAX).optional(),
  /** Move to this place in the list (0 = first). */
  position: z.number().int().min(0).optional(),
});

/** A prompt as its teacher edits it: every language as written. */
export const promptView = z.object({
  id,
  position: z.number().int(),
  title: z.record(z.string(), z.string()),
  pickCount: z.number().int(),
  questions: z.array(z.object({ id: z.string(), key: z.enum(builtInQuestions).nullable(), text: z.record(z.string(), z.string()) })),
  /** How many children have picked something for it (it cannot be removed then). */
  pickedBy: z.number().int(),
});
export type PromptView = z.infer<typeof promptView>;

export const classPrompts = z.object({
  round: roundView,
  classId: id,
  className: z.string(),
  /** The school's own language first, then the others its families and staff read. */
  languages: z.array(z.enum(localeTags)),
  schoolLocale: z.string(),
  prompts: z.array(promptView),
});
export const classRoundParams = z.object({ id, roundId: id });

// The child's preparation -------------------------------------------------------------------------

const postSummary = z.object({
  id,
  caption: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  /** The first photo or drawing, for a thumbnail. */
  cover: mediaView.nullable(),
  /** What the post is when it has no picture: text, video, audio, file. */
  firstKind: z.string(),
  firstText: z.string().nullable(),
});
export type PostSummary = z.infer<typeof postSummary>;

export const markKind = z.enum(['strength', 'next_step']);

export const selectionView = z.object({
  id,
  post: postSummary,
  answers: z.array(z.object({ questionId: z.string(), text: z.string(), audio: mediaView.nullable() })),
  marks: z.array(z.object({ criterionId: id, kind: markKind })),
  /** The teacher asked the child to improve this reflection (until the child changes an answer). */
  sentBack: z.object({ comment: z.string(), at: z.iso.datetime({ offset: true }) }).nullable(),
});
export type SelectionView = z.infer<typeof selectionView>;

/** The page shows each text in the reader's language (domain/preparation/prompts.ts `localized`), and Confer's own questions from the locale files. */
export const childPromptView = promptView.omit({ pickedBy: true }).extend({ selections: z.array(selectionView) });
export type ChildPromptView = z.infer<typeof childPromptView>;

export const childCriterion = z.object({
  id,
  listTitle: z.string(),
  wording: z.string(),
  picture: z.string().nullable(),
  imageUrl: z.string().nullable(),
  audioUrl: z.string().nullable(),
});

export const readinessView = z.object({
  picked: z.number().int(),
  toPick: z.number().int(),
  answered: z.number().int(),
  toAnswer: z.number().int(),
  sentBack: z.number().int(),
  goalSet: z.boolean(),
  needsHelp: z.boolean(),
  status: z.enum(readinessStatuses),
});

export const childPreparation = z.object({
  round: roundView,
  schoolLocale: z.string(),
  student: z.object({ id, givenName: z.string(), familyName: z.string() }),
  prompts: z.array(childPromptView),
  criteria: z.array(childCriterion),
  goals: z.array(z.object({ id, what: z.string(), childCommitted: z.boolean() })),
  readiness: readinessView,
  scaffoldingNote: z.string().nullable(),
  /** What this reader may do: the child picks and answers; the teacher reviews. */
  can: z.object({ prepare: z.boolean(), review: z.boolean() }),
});
export type ChildPreparation = z.infer<typeof childPreparation>;

export const studentRounds = z.object({ rounds: z.array(roundView.extend({ promptCount: z.number().int(), readiness: readinessView.nullable() })) });

export const studentRoundParams = z.object({ id, roundId: id });
export const picksParams = z.object({ id, roundId: id, promptId: id });
export const picks = z.object({ postIds: z.array(id).max(PICK_COUNT_MAX) });
export const answerParams = z.object({ id, questionId: z.string().min(1).max(40) });
export const answer = z.object({ text: z.string().trim().max(ANSWER_MAX).default(''), audioMediaId: id.nullable().default(null) });
export const helpRequest = z.object({ needsHelp: z.boolean() });
export const marks = z.object({ marks: z.array(z.object({ criterionId: id, kind: markKind })).max(60) });

// The teacher's side ------------------------------------------------------------------------------

export const sendBack = z.object({ comment: z.string().trim().min(1).max(NOTE_MAX) });
export const preparationNote = z.object({
  needsHelp: z.boolean().optional(),
  scaffoldingNote: z.string().trim().max(NOTE_MAX).nullable().optional(),
});

export const readinessBoard = z.object({
  round: roundView,
  classId: id,
  className: z.string(),
  promptCount: z.number().int(),
  tally: z.record(z.enum(readinessStatuses), z.number().int()),
  students: z.array(
    z.object({
      id,
      givenName: z.string(),
      familyName: z.string(),
      avatar: z.string(),
      readiness: readinessView,
      scaffoldingNote: z.string().nullable(),
    }),
  ),
});
export type ReadinessBoard = z.infer<typeof readinessBoard>;

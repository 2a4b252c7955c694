/**
 * API shapes of the reflections after a conference: one person's survey ("Was it worthwhile?"),
 * the family's reflection on the child's portfolio, and the results a class's teacher and the
 * school's admin read (src/domain/conference/survey.ts says how they add up).
 */
import { z } from 'zod';
import { FAMILY_REFLECTION_MAX, SURVEY_TEXT_MAX, WORTHWHILE_MAX, WORTHWHILE_MIN } from '../domain/conference/survey';
import { attendances, conferenceStatuses } from './conference';

const id = z.uuid();
const instant = z.iso.datetime({ offset: true });
// The exact limit is in characters (the domain counts them); this bounds the request in UTF-16 units.
const words = (max: number) => z.string().max(max * 2);

export const surveyRoles = ['student', 'guardian'] as const;

export const surveyAnswerBody = z.object({
  /** 1 (not worthwhile) … 5 (very worthwhile). */
  worthwhile: z.number().int().min(WORTHWHILE_MIN).max(WORTHWHILE_MAX),
  /** What I learned (optional; at most 2000 characters). */
  learned: words(SURVEY_TEXT_MAX).optional(),
  /** What would make it better (optional; at most 2000 characters). */
  better: words(SURVEY_TEXT_MAX).optional(),
});

export const surveyAnswerView = z.object({
  worthwhile: z.number().int().min(WORTHWHILE_MIN).max(WORTHWHILE_MAX),
  learned: z.string(),
  better: z.string(),
  /** The language the page was in when it was answered. */
  language: z.string(),
  updatedAt: instant,
});

/** What the survey page needs: my answer, whose conference it was, and what I may do. */
export const surveyView = z.object({
  conferenceId: id,
  /** Answering as the child themself, or as one of their guardians. */
  role: z.enum(surveyRoles),
  student: z.object({ id, givenName: z.string() }),
  teacher: z.object({ name: z.string() }),
  startsAt: instant,
  timeZone: z.string(),
  status: z.enum(conferenceStatuses),
  attendance: z.enum(attendances).nullable(),
  /** The conference has ended with the family there: the survey is open. */
  canAnswer: z.boolean(),
  answer: surveyAnswerView.nullable(),
  /** A guardian may post a reflection on the child's portfolio (once the conference has ended). */
  canReflect: z.boolean(),
});
export type SurveyView = z.infer<typeof surveyView>;

export const familyReflectionBody = z.object({
  /** The family's words, posted to the child's portfolio as theirs (1–2000 characters). */
  text: words(FAMILY_REFLECTION_MAX),
});

export const surveySummaryView = z.object({
  count: z.number().int().min(0),
  invited: z.number().int().min(0),
  mean: z.number().nullable(),
  /** How many gave 1, 2, 3, 4, 5. */
  distribution: z.array(z.number().int().min(0)).length(5),
  /** 0–1: rated it 4 or 5. */
  worthwhileShare: z.number().nullable(),
  /** 0–1: of those who could answer. */
  responseRate: z.number().nullable(),
});
export type SurveySummaryView = z.infer<typeof surveySummaryView>;

export const summariesView = z.object({ all: surveySummaryView, student: surveySummaryView, guardian: surveySummaryView });
export type SummariesView = z.infer<typeof summariesView>;

/** An answer with words in it, and who wrote it (first names only). */
export const surveyCommentView = z.object({
  role: z.enum(surveyRoles),
  /** The child's first name, or the guardian's. */
  firstName: z.string(),
  /** Whose conference: the child's first name. */
  child: z.string(),
  language: z.string(),
  worthwhile: z.number().int(),
  learned: z.string(),
  better: z.string(),
  at: instant,
});
export type SurveyCommentView = z.infer<typeof surveyCommentView>;

const roundRef = z.object({ id, name: z.string(), startsOn: z.iso.date() });

export const classSurveysQuery = z.object({
  /** The round; without it, the class's latest round. */
  roundId: z.uuid().optional(),
});

export const classSurveysView = z.object({
  class: z.object({ id, name: z.string() }),
  /** The class's rounds, latest first (to choose another). */
  rounds: z.array(roundRef),
  /** The round shown; null when the class has taken part in none. */
  round: roundRef.nullable(),
  summary: summariesView,
  /** Newest first. */
  comments: z.array(surveyCommentView),
});
export type ClassSurveysView = z.infer<typeof classSurveysView>;

export const roundSurveysView = z.object({
  round: roundRef,
  /** Every conference of the round once (a child in two of its classes counts once here). */
  totals: summariesView,
  classes: z.array(z.object({ class: z.object({ id, name: z.string() }), summary: summariesView, comments: z.array(surveyCommentView) })),
});
export type RoundSurveysView = z.infer<typeof roundSurveysView>;

/**
 * "Was it worthwhile?" — the short survey after a conference, as pure functions: what an answer
 * may be, and what a class's or a round's answers add up to.
 *
 * An answer is a rating from 1 (not worthwhile) to 5 (very worthwhile) and, optionally, in the
 * person's own words, what they learned and what would make it better. The child answers for
 * themself (with faces), and each guardian of the family for themself.
 *
 * Worked example: Owls' autumn conferences. Eight ended with the family there, so 8 children and
 * 10 guardians (two families came as two parents) could answer: 18 people. Nine answered:
 *   ratings 5 5 4 4 4 3 2 5 1
 *   count 9 · mean 33 / 9 = 3.67 · distribution [1, 1, 1, 3, 3] (ones … fives)
 *   worthwhile (4 or 5) 6 of 9 = 0.667 · response rate 9 of 18 = 0.5
 * A summary of nobody's answers has a count of 0 and no mean, share or rate (null, not 0: "no
 * answers yet" is not "nobody found it worthwhile").
 */

export const WORTHWHILE_MIN = 1;
export const WORTHWHILE_MAX = 5;
/** The rating that counts as "worthwhile" and above (4 and 5 of 5). */
export const WORTHWHILE_FROM = 4;
/** Each of the two typed answers. */
export const SURVEY_TEXT_MAX = 2000;
/** A family's reflection posted to the child's portfolio. */
export const FAMILY_REFLECTION_MAX = 2000;

export type SurveyRole = 'student' | 'guardian';
export type Rating = 1 | 2 | 3 | 4 | 5;
export const ratings: readonly Rating[] = [1, 2, 3, 4, 5];

export interface SurveyAnswerInput {
  worthwhile: number;
  learned?: string | undefined;
  better?: string | undefined;
}

export interface SurveyAnswer {
  worthwhile: Rating;
  learned: string;
  better: string;
}

/** Field → problem code (a key under `errors.fields`), as the API reports it. */
export type SurveyProblems = Partial<Record<keyof SurveyAnswerInput, 'required' | 'invalid_value' | 'too_big'>>;

/**
 * Checks and tidies an answer: the rating a whole number 1–5; each text trimmed (spaces and blank
 * lines at either end are not words), at most SURVEY_TEXT_MAX characters once trimmed; missing
 * text is "".
 *   checkAnswer({ worthwhile: 4, learned: '  Her fractions  ' }) → { answer: { worthwhile: 4, learned: 'Her fractions', better: '' } }
 *   checkAnswer({ worthwhile: 6 })                               → { problems: { worthwhile: 'invalid_value' } }
 */
export function checkAnswer(input: SurveyAnswerInput): { answer: SurveyAnswer; problems?: undefined } | { answer?: undefined; problems: SurveyProblems } {
  const problems: SurveyProblems = {};
  const rating = input.worthwhile;
  if (typeof rating !== 'number' || Number.isNaN(rating)) problems.worthwhile = 'required';
  else if (!Number.isInteger(rating) || rating < WORTHWHILE_MIN || rating > WORTHWHILE_MAX) problems.worthwhile = 'invalid_value';
  const learned = (input.learned ?? '').trim();
  const better = (input.better ?? '').trim();
  if ([...learned].length > SURVEY_TEXT_MAX) problems.learned = 'too_big';
  if ([...better].length > SURVEY_TEXT_MAX) problems.better = 'too_big';
  if (Object.keys(problems).length) return { problems };
  return { answer: { worthwhile: rating as Rating, learned, better } };
}

export interface SurveySummary {
  /** How many answered. */
  count: number;
  /** How many could have answered (at least `count`). */
  invited: number;
  /** Mean rating, 1–5; null with no answers. */
  mean: number | null;
  /** How many gave each rating: index 0 is the ones, index 4 the fives. */
  distribution: [number, number, number, number, number];
  /** Share (0–1) who rated it 4 or 5; null with no answers. */
  worthwhileShare: number | null;
  /** Share (0–1) of those who could answer who did; null when nobody could. */
  responseRate: number | null;
}

/**
 * What some answers add up to (see the worked example above). `invited` is how many people could
 * have answered; someone who answered is counted as invited even if the count given missed them
 * (a rate never passes 1).
 */
export function summarise(answers: ReadonlyArray<{ worthwhile: number }>, invited: number): SurveySummary {
  const distribution: SurveySummary['distribution'] = [0, 0, 0, 0, 0];
  let total = 0;
  let count = 0;
  for (const a of answers) {
    if (!Number.isInteger(a.worthwhile) || a.worthwhile < WORTHWHILE_MIN || a.worthwhile > WORTHWHILE_MAX) continue;
    distribution[a.worthwhile - 1]! += 1;
    total += a.worthwhile;
    count += 1;
  }
  const asked = Math.max(invited, count);
  return {
    count,
    invited: asked,
    mean: count ? total / count : null,
    distribution,
    worthwhileShare: count ? (distribution[3] + distribution[4]) / count : null,
    responseRate: asked ? count / asked : null,
  };
}

/**
 * The summaries a results page shows: everyone, and the children and the guardians apart (they
 * often see a conference differently).
 */
export function summariseByRole(answers: ReadonlyArray<{ worthwhile: number; role: SurveyRole }>, invited: { student: number; guardian: number }) {
  const student = summarise(answers.filter((a) => a.role === 'student'), invited.student);
  const guardian = summarise(answers.filter((a) => a.role === 'guardian'), invited.guardian);
  // Each role's invited count already includes its own extra answerers, so the whole never passes 1 either.
  return { all: summarise(answers, student.invited + guardian.invited), student, guardian };
}

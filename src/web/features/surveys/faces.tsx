/**
 * "Was it worthwhile?" as five faces, 1 to 5, each with its words — radio buttons underneath, so a
 * keyboard and a screen reader use it as one question with five answers. For a child the faces
 * are big, and choosing one says its words aloud (a child who cannot read yet hears what they
 * chose); a guardian's are smaller, with words that fit an adult's question.
 */
import { useId } from 'react';
import { ratings, type Rating, type SurveyRole } from '../../../domain/conference/survey';
import { useI18n, type T } from '../../lib/i18n';

export const faceGlyphs: Record<Rating, string> = { 1: '😞', 2: '🙁', 3: '😐', 4: '🙂', 5: '😄' };

/** The words of a rating, as the child's or the guardian's scale says them. */
export function ratingLabel(t: T, role: SurveyRole, rating: Rating): string {
  return role === 'student' ? t(`surveys.scale_student.${rating}`) : t(`surveys.scale_guardian.${rating}`);
}

const canSpeak = () => typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined';

/** Says some words with the browser's voice, in the page's language (nothing where a browser cannot). */
export function sayAloud(words: string, lang: string): void {
  if (!canSpeak()) return;
  window.speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(words);
  utterance.lang = lang;
  window.speechSynthesis.speak(utterance);
}

/** A "Listen" button that reads `words` aloud; none where the browser has no voice. */
export function ListenButton({ words, describedBy }: { words: string; describedBy: string }) {
  const { t, intlLocale } = useI18n();
  if (!canSpeak()) return null;
  return (
    <button type="button" className="button button-quiet sv-listen" aria-describedby={describedBy} onClick={() => sayAloud(words, intlLocale)}>
      <span aria-hidden="true">🔊</span> {t('surveys.form.listen')}
    </button>
  );
}

export function RatingFaces({ role, question, value, onChange, error }: { role: SurveyRole; question: string; value: Rating | null; onChange(r: Rating): void; error?: string | undefined }) {
  const { t, intlLocale } = useI18n();
  const name = useId();
  const questionId = `${name}-q`;
  const errorId = `${name}-e`;
  return (
    <fieldset className={`sv-faces sv-faces-${role}`} aria-describedby={error ? errorId : undefined}>
      <legend id={questionId} className="sv-question">
        {question}
      </legend>
      {role === 'student' ? <ListenButton words={question} describedBy={questionId} /> : null}
      <div className="sv-face-row">
        {ratings.map((r) => {
          const label = ratingLabel(t, role, r);
          return (
            <label key={r} className="sv-face" data-rating={r}>
              <input
                type="radio"
                name={name}
                value={r}
                checked={value === r}
                aria-invalid={error ? true : undefined}
                onChange={() => {
                  onChange(r);
                  if (role === 'student') sayAloud(label, intlLocale);
                }}
              />
              <span className="sv-face-glyph" aria-hidden="true">
                {faceGlyphs[r]}
              </span>
              <span className="sv-face-words">{label}</span>
            </label>
          );
        })}
      </div>
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

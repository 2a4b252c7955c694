/**
 * The teacher's form for a selection prompt: its title in each of the school's languages (the
 * school's own required), how many pieces to pick, and the questions — Confer's three (translated
 * for every family) and the teacher's own, in the same languages.
 */
import { useId, useState, type FormEvent } from 'react';
import type { PromptView } from '../../../contracts/preparation';
import { builtInQuestions, type BuiltInQuestion } from '../../../domain/preparation/prompts';
import { locales } from '../../../contracts/locales';
import { ErrorNotice, fieldError } from '../../components/ui';
import { useT } from '../../lib/i18n';
import { useAction } from '../../lib/use-api';

export interface PromptDraft {
  title: Record<string, string>;
  pickCount: number;
  questions: Array<{ id?: string; key: BuiltInQuestion } | { id?: string; text: Record<string, string> }>;
}

const languageName = (tag: string) => locales.find((l) => l.tag === tag)?.name ?? tag;

export function draftOf(p: PromptView | null): PromptDraft {
  if (!p) return { title: {}, pickCount: 1, questions: [{ key: 'did_well' }, { key: 'make_better' }] };
  return {
    title: { ...p.title },
    pickCount: p.pickCount,
    questions: p.questions.map((q) => (q.key ? { id: q.id, key: q.key } : { id: q.id, text: { ...q.text } })),
  };
}

/** Text fields for one text in several languages; the first (the school's) is required. */
function LanguageFields({ label, languages, value, onChange, error, multiline }: { label: string; languages: string[]; value: Record<string, string>; onChange(v: Record<string, string>): void; error?: string | undefined; multiline?: boolean }) {
  const t = useT();
  const id = useId();
  return (
    <fieldset className="prep-languages">
      <legend>{label}</legend>
      {languages.map((lang, i) => (
        <div className="field" key={lang}>
          <label htmlFor={`${id}-${lang}`}>
            <span translate="no" lang={lang}>
              {languageName(lang)}
            </span>
            {i === 0 ? ` ${t('preparation.prompts.required')}` : ` ${t('preparation.prompts.optional')}`}
          </label>
          {multiline ? (
            <textarea id={`${id}-${lang}`} lang={lang} dir="auto" data-content rows={2} value={value[lang] ?? ''} aria-invalid={i === 0 && error ? true : undefined} aria-describedby={i === 0 && error ? `${id}-error` : undefined} onChange={(e) => onChange({ ...value, [lang]: e.target.value })} />
          ) : (
            <input id={`${id}-${lang}`} lang={lang} dir="auto" value={value[lang] ?? ''} aria-invalid={i === 0 && error ? true : undefined} aria-describedby={i === 0 && error ? `${id}-error` : undefined} onChange={(e) => onChange({ ...value, [lang]: e.target.value })} />
          )}
          {i === 0 && error ? (
            <p className="field-error" id={`${id}-error`}>
              {error}
            </p>
          ) : null}
        </div>
      ))}
    </fieldset>
  );
}

export function PromptEditor({ initial, languages, schoolLocale, submitLabel, onSubmit, onCancel }: { initial: PromptDraft; languages: string[]; schoolLocale: string; submitLabel: string; onSubmit(d: PromptDraft): Promise<void>; onCancel?: () => void }) {
  const t = useT();
  const [draft, setDraft] = useState<PromptDraft>(initial);
  const { busy, error, run } = useAction();
  const pickId = useId();
  // Confer's questions keep their ids when switched off and on again, so their answers come back.
  const keyIds = new Map(initial.questions.flatMap((q) => ('key' in q && q.id ? [[q.key, q.id] as const] : [])));
  const langs = languages.length ? languages : [schoolLocale];
  const has = (key: BuiltInQuestion) => draft.questions.some((q) => 'key' in q && q.key === key);
  const toggle = (key: BuiltInQuestion) =>
    setDraft((d) => {
      if (has(key)) return { ...d, questions: d.questions.filter((q) => !('key' in q && q.key === key)) };
      const id = keyIds.get(key);
      return { ...d, questions: [...d.questions, id ? { id, key } : { key }] };
    });
  const own = draft.questions.map((q, i) => ({ q, i })).filter((x): x is { q: { id?: string; text: Record<string, string> }; i: number } => 'text' in x.q);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    void run(() => onSubmit(draft));
  }
  return (
    <form className="prep-prompt-form" onSubmit={submit} noValidate>
      <LanguageFields label={t('preparation.prompts.title')} languages={langs} value={draft.title} onChange={(title) => setDraft((d) => ({ ...d, title }))} error={fieldError(t, error, `title.${schoolLocale}`)} />
      <div className="field">
        <label htmlFor={pickId}>{t('preparation.prompts.pickCount')}</label>
        <select id={pickId} value={draft.pickCount} onChange={(e) => setDraft((d) => ({ ...d, pickCount: Number(e.target.value) }))}>
          {[1, 2, 3, 4, 5, 6].map((n) => (
            <option key={n} value={n}>
              {t('preparation.prompts.pieces', { count: n })}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="prep-questions">
        <legend>{t('preparation.prompts.questions')}</legend>
        {builtInQuestions.map((key) => (
          <label className="choice" key={key}>
            <input type="checkbox" checked={has(key)} onChange={() => toggle(key)} /> {t(`preparation.questions.${key}`)}
          </label>
        ))}
        {own.map(({ q, i }, n) => (
          <div className="prep-own-question" key={q.id ?? `new-${i}`}>
            <LanguageFields
              label={t('preparation.prompts.ownQuestion', { n: n + 1 })}
              languages={langs}
              multiline
              value={q.text}
              error={fieldError(t, error, `questions.${i}.text.${schoolLocale}`)}
              onChange={(text) => setDraft((d) => ({ ...d, questions: d.questions.map((x, j) => (j === i ? { ...x, text } : x)) }))}
            />
            <button type="button" className="button button-link" onClick={() => setDraft((d) => ({ ...d, questions: d.questions.filter((_, j) => j !== i) }))}>
              {t('preparation.prompts.removeQuestion', { n: n + 1 })}
            </button>
          </div>
        ))}
        {draft.questions.length < 5 ? (
          <button type="button" className="button button-quiet" onClick={() => setDraft((d) => ({ ...d, questions: [...d.questions, { text: {} }] }))}>
            {t('preparation.prompts.addQuestion')}
          </button>
        ) : null}
        {fieldError(t, error, 'questions') ? <p className="field-error">{fieldError(t, error, 'questions')}</p> : null}
      </fieldset>
      {error && !fieldError(t, error, `title.${schoolLocale}`) ? <ErrorNotice error={error} /> : null}
      <div className="row">
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button-quiet" onClick={onCancel}>
            {t('preparation.prompts.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/**
 * Languages people hold conferences in: BCP 47 tags (`es`, `pt-BR`, `so`) shown by their names in
 * the reader's language (`Intl.DisplayNames`), and a picker of chips — chosen from the languages
 * our families speak most, or any other by its code.
 */
import { useId, useMemo, useState } from 'react';
import { languageTag } from '../../../contracts/booking';
import { Name } from '../../components/ui';
import { useI18n, useT } from '../../lib/i18n';

/** The languages offered in the list (any other can be added by its code). */
export const commonLanguages = ['en', 'es', 'ar', 'ko', 'pl', 'pt', 'fr', 'de', 'it', 'ro', 'uk', 'ru', 'tr', 'zh', 'ja', 'vi', 'tl', 'hi', 'bn', 'pa', 'ur', 'ta', 'ne', 'fa', 'ps', 'ku', 'so', 'ti', 'am', 'sw', 'yo', 'ase'];

/** A language's name in the reader's language ("Spanish", "Espagnol"); its code when the browser has no name for it. */
export function languageName(tag: string, intlLocale: string): string {
  try {
    return new Intl.DisplayNames([intlLocale], { type: 'language', fallback: 'code' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A well-formed tag in its usual case (`PT-br` → `pt-BR`), or null. */
export function canonicalTag(input: string): string | null {
  const parsed = languageTag.safeParse(input);
  if (!parsed.success) return null;
  try {
    return Intl.getCanonicalLocales(parsed.data)[0] ?? null;
  } catch {
    return null;
  }
}

/** "Spanish, Korean": names of languages, as data (not translated again by the browser). */
export function LanguageNames({ tags }: { tags: readonly string[] }) {
  const { intlLocale } = useI18n();
  return <Name>{tags.map((tag) => languageName(tag, intlLocale)).join(', ')}</Name>;
}

/**
 * Chips of the chosen languages, each with a remove button; a list to add one more, and a box
 * for any other language's code.
 */
export function LanguagePicker({ legend, hint, value, onChange, error }: { legend: string; hint?: string; value: readonly string[]; onChange(next: string[]): void; error?: string | undefined }) {
  const t = useT();
  const { intlLocale } = useI18n();
  const id = useId();
  const [choice, setChoice] = useState('');
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const options = useMemo(() => {
    const collator = new Intl.Collator(intlLocale);
    return commonLanguages
      .filter((tag) => !value.includes(tag))
      .map((tag) => ({ tag, name: languageName(tag, intlLocale) }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [intlLocale, value]);
  const add = (tag: string) => {
    if (!value.includes(tag)) onChange([...value, tag]);
  };
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="rb-languages" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {value.length === 0 ? (
        <p className="empty">{t('rounds.languages.none')}</p>
      ) : (
        <ul className="rb-chips">
          {value.map((tag) => {
            const name = languageName(tag, intlLocale);
            return (
              <li key={tag} className="rb-chip">
                <Name>{name}</Name>
                <button type="button" className="rb-chip-remove" aria-label={t('rounds.languages.remove', { language: name })} onClick={() => onChange(value.filter((x) => x !== tag))}>
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="rb-language-add">
        <div className="field">
          <label htmlFor={`${id}-choice`}>{t('rounds.languages.choose')}</label>
          <select id={`${id}-choice`} value={choice} onChange={(e) => setChoice(e.target.value)} aria-invalid={error ? true : undefined}>
            <option value="">{t('rounds.languages.choosePlaceholder')}</option>
            {options.map((o) => (
              <option key={o.tag} value={o.tag} translate="no">
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button"
          aria-disabled={!choice || undefined}
          onClick={() => {
            if (!choice) return;
            add(choice);
            setChoice('');
          }}
        >
          {t('rounds.languages.add')}
        </button>
      </div>
      <details className="rb-more">
        <summary>{t('rounds.languages.otherSummary')}</summary>
        <div className="rb-language-add">
          <div className="field">
            <label htmlFor={`${id}-code`}>{t('rounds.languages.other')}</label>
            <p className="hint" id={`${id}-code-hint`}>
              {t('rounds.languages.otherHint')}
            </p>
            <input
              id={`${id}-code`}
              value={code}
              autoComplete="off"
              spellCheck={false}
              translate="no"
              aria-describedby={[`${id}-code-hint`, codeError ? `${id}-code-error` : ''].filter(Boolean).join(' ')}
              aria-invalid={codeError ? true : undefined}
              onChange={(e) => {
                setCode(e.target.value);
                setCodeError(null);
              }}
            />
            {codeError ? (
              <p className="field-error" id={`${id}-code-error`}>
                {codeError}
              </p>
            ) : null}
          </div>
          <button
            type="button"
            className="button"
            aria-disabled={!code.trim() || undefined}
            onClick={() => {
              if (!code.trim()) return;
              const tag = canonicalTag(code);
              if (!tag) return setCodeError(t('rounds.languages.notACode'));
              add(tag);
              setCode('');
            }}
          >
            {t('rounds.languages.addCode')}
          </button>
        </div>
      </details>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

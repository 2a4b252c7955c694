/**
 * The language the family's meetings are held in, and changing it. A teacher who does not speak
 * it gets an interpreter, so changing it can change which times are free: the page reloads them.
 * Names come from Intl.DisplayNames, in the reader's language and in the language itself.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { FamilyOptions } from '../../../contracts/booking';
import { Saved } from '../../components/forms';
import { ErrorNotice } from '../../components/ui';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useAction } from '../../lib/use-api';
import { commonLanguages, LanguageName, rich, useLanguageNames } from './format';

export function MeetingLanguage({ family, householdParam, onChanged }: { family: FamilyOptions; householdParam: string | null; onChanged(next: FamilyOptions): void }) {
  const { t, intlLocale } = useI18n();
  const id = useId();
  const names = useLanguageNames();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(family.language);
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  // Opening puts focus on the list; closing gives it back to the button (after it is drawn again).
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    (open ? selectRef : toggleRef).current?.focus();
  }, [open]);
  const show = (next: boolean) => {
    moved.current = true;
    setOpen(next);
  };
  const options = useMemo(() => {
    const collator = new Intl.Collator(intlLocale);
    const tags = [...new Set([...commonLanguages, family.language])];
    return tags.map((tag) => ({ tag, name: names.name(tag), own: names.own(tag) })).sort((a, b) => collator.compare(a.name, b.name));
  }, [family.language, intlLocale, names]);

  return (
    <section className="card fb-language" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('booking.language.title')}</h2>
      <p>{rich(t, 'booking.language.current', { language: <strong><LanguageName tag={family.language} /></strong> })}</p>
      <p className="hint">{t('booking.language.hint')}</p>
      {open ? (
        <form
          className="fb-language-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (busy) return;
            setSaved(null);
            void run(async () => {
              const next = await api<FamilyOptions>('PUT', `/api/rounds/${family.round.id}/family/language`, { language: value, ...(householdParam ? { householdUserId: householdParam } : {}) });
              show(false);
              setSaved(t('booking.language.saved', { language: names.name(next.language) }));
              onChanged(next);
            });
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-select`}>{t('booking.language.choose')}</label>
            <select ref={selectRef} id={`${id}-select`} value={value} onChange={(e) => setValue(e.target.value)}>
              {options.map((o) => (
                <option key={o.tag} value={o.tag} translate="no">
                  {o.own && o.own !== o.name ? `${o.name} — ${o.own}` : o.name}
                </option>
              ))}
            </select>
          </div>
          <ErrorNotice error={error} />
          <div className="row row-tight">
            <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
              {t('booking.language.save')}
            </button>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                show(false);
                setValue(family.language);
              }}
            >
              {t('booking.language.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button
          ref={toggleRef}
          type="button"
          className="button"
          onClick={() => {
            setValue(family.language);
            show(true);
          }}
        >
          {t('booking.language.change')}
        </button>
      )}
      <Saved message={saved} />
    </section>
  );
}

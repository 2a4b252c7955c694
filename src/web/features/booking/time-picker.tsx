/**
 * A child's free times as radio buttons, grouped by day (in the round's zone): one choice per
 * child. A time next to the interpreter's other meetings is marked "suggested" in words (it keeps
 * the interpreter's evening compact), not by colour.
 */
import { useId, type ReactNode } from 'react';
import type { FamilyOptions } from '../../../contracts/booking';
import { useT } from '../../lib/i18n';
import { byDay, When, type ZoneFormat } from './format';

type Slot = FamilyOptions['children'][number]['free'][number];

export function TimePicker({ legend, hint, slots, value, onChange, fmt, error }: { legend: ReactNode; hint?: ReactNode; slots: readonly Slot[]; value: string | null; onChange(startsAt: string): void; fmt: ZoneFormat; error?: string | undefined }) {
  const t = useT();
  const name = useId();
  const days = byDay(slots, (s) => s.startsAt, fmt.dayKey);
  return (
    <fieldset className="fb-picker" aria-describedby={[hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined}>
      <legend className="fb-picker-legend">{legend}</legend>
      {hint ? (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
      {days.map((d) => (
        <fieldset key={d.key} className="fb-day">
          <legend className="fb-day-legend">
            <When>{fmt.day(d.first)}</When>
          </legend>
          <ul className="fb-slots">
            {d.items.map((s) => (
              <li key={s.startsAt}>
                <label className="fb-slot">
                  <input type="radio" name={name} value={s.startsAt} checked={value === s.startsAt} onChange={() => onChange(s.startsAt)} />
                  <When>{fmt.time(s.startsAt)}</When>
                  {s.nextToInterpreter ? <span className="badge fb-suggested">{t('booking.choose.suggested')}</span> : null}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
    </fieldset>
  );
}

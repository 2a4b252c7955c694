/**
 * A round's booking settings: slot length, buffer, walking time, how long times are held, when
 * booking opens and closes (typed and shown on the school's wall clock, sent as instants), the
 * change cut-off, separated guardians, video meetings, and when families are told on the day that
 * their meeting runs late.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import type { BookingSettings, RoundSetup } from '../../../contracts/booking';
import { Saved } from '../../components/forms';
import { ErrorNotice, Field } from '../../components/ui';
import { useT } from '../../lib/i18n';
import { useAction } from '../../lib/use-api';
import { fromLocalInput, toLocalInput } from './format';
import { fieldCode, fieldMessage, useFocusFirstInvalid } from './text';

export type SaveSetup = (method: 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) => Promise<RoundSetup>;

type Draft = {
  slotMinutes: string;
  bufferMinutes: string;
  walkMinutes: string;
  holdMinutes: string;
  bookingOpensAt: string;
  bookingClosesAt: string;
  changeCutoffHours: string;
  separatedGuardians: BookingSettings['separatedGuardians'];
  allowVideo: boolean;
  bookingMode: BookingSettings['bookingMode'];
  lateNoticeMinutes: string;
};

const draftOf = (s: BookingSettings, timeZone: string): Draft => ({
  slotMinutes: String(s.slotMinutes),
  bufferMinutes: String(s.bufferMinutes),
  walkMinutes: String(s.walkMinutes),
  holdMinutes: String(s.holdMinutes),
  bookingOpensAt: toLocalInput(s.bookingOpensAt, timeZone),
  bookingClosesAt: toLocalInput(s.bookingClosesAt, timeZone),
  changeCutoffHours: String(s.changeCutoffHours),
  separatedGuardians: s.separatedGuardians,
  allowVideo: s.allowVideo,
  bookingMode: s.bookingMode,
  lateNoticeMinutes: String(s.lateNoticeMinutes),
});

/** A whole number as typed, or the text itself (so the API says what is wrong with it, next to the field). */
const whole = (v: string): number | string => (/^\s*-?\d+\s*$/.test(v) ? Number(v) : v);

export function SettingsForm({ setup, save }: { setup: RoundSetup; save: SaveSetup }) {
  const t = useT();
  const id = useId();
  const zone = setup.round.timeZone;
  const [draft, setDraft] = useState<Draft>(() => draftOf(setup.settings, zone));
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, error);
  const err = (field: string) => fieldMessage(t, error, field);
  // "This is too long" reads oddly for a number: say the range instead.
  const numberError = (field: string, min: number, max: number) =>
    ['too_small', 'too_big', 'invalid_type', 'not_integer'].includes(fieldCode(error, field) ?? '') ? t('rounds.settings.range', { min, max }) : err(field);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }));
    setSaved(null);
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setSaved(null);
    void run(async () => {
      const answer = await save('PATCH', `/api/rounds/${setup.round.id}/booking-settings`, {
        slotMinutes: whole(draft.slotMinutes),
        bufferMinutes: whole(draft.bufferMinutes),
        walkMinutes: whole(draft.walkMinutes),
        holdMinutes: whole(draft.holdMinutes),
        bookingOpensAt: fromLocalInput(draft.bookingOpensAt, zone),
        bookingClosesAt: fromLocalInput(draft.bookingClosesAt, zone),
        changeCutoffHours: whole(draft.changeCutoffHours),
        separatedGuardians: draft.separatedGuardians,
        allowVideo: draft.allowVideo,
        bookingMode: draft.bookingMode,
        lateNoticeMinutes: whole(draft.lateNoticeMinutes),
      });
      setDraft(draftOf(answer.settings, zone));
      setSaved(t('rounds.settings.saved'));
    });
  }

  const number = (field: 'slotMinutes' | 'bufferMinutes' | 'walkMinutes' | 'holdMinutes' | 'changeCutoffHours', min: number, max: number) => (
    <Field
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      step={1}
      name={field}
      label={t(`rounds.settings.${field}`)}
      hint={t(`rounds.settings.${field}Hint`, { min, max })}
      value={draft[field]}
      onChange={(e) => set(field, e.target.value)}
      error={numberError(field, min, max)}
    />
  );

  return (
    <section className="card rb-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('rounds.settings.title')}</h2>
      <form ref={form} onSubmit={submit} noValidate>
        <fieldset className="choices rb-mode">
          <legend>{t('rounds.settings.bookingMode')}</legend>
          {(['self', 'availability'] as const).map((v) => (
            <label key={v} className="choice">
              <input type="radio" name={`${id}-mode`} checked={draft.bookingMode === v} onChange={() => set('bookingMode', v)} />
              <span>
                {t(`rounds.settings.bookingMode_${v}`)}
                <span className="hint"> {t(`rounds.settings.bookingMode_${v}Hint`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="rb-grid rb-grid-4">
          {number('slotMinutes', 10, 30)}
          {number('bufferMinutes', 0, 30)}
          {number('walkMinutes', 0, 30)}
          {number('holdMinutes', 2, 60)}
        </div>
        <p className="hint">{t('rounds.settings.zoneHint', { zone })}</p>
        <div className="rb-grid">
          <Field type="datetime-local" name="bookingOpensAt" label={t('rounds.settings.bookingOpensAt')} hint={t('rounds.settings.bookingOpensAtHint')} value={draft.bookingOpensAt} onChange={(e) => set('bookingOpensAt', e.target.value)} error={err('bookingOpensAt')} />
          <Field type="datetime-local" name="bookingClosesAt" label={t('rounds.settings.bookingClosesAt')} hint={t('rounds.settings.bookingClosesAtHint')} value={draft.bookingClosesAt} onChange={(e) => set('bookingClosesAt', e.target.value)} error={err('bookingClosesAt')} />
          {number('changeCutoffHours', 0, 336)}
        </div>
        <fieldset className="choices" aria-describedby={err('separatedGuardians') ? `${id}-sep-error` : undefined}>
          <legend>{t('rounds.settings.separatedGuardians')}</legend>
          <p className="hint">{t('rounds.settings.separatedGuardiansHint')}</p>
          {(['separate', 'together'] as const).map((v) => (
            <label key={v} className="choice">
              <input type="radio" name={`${id}-separated`} checked={draft.separatedGuardians === v} onChange={() => set('separatedGuardians', v)} />
              {t(`rounds.settings.separated.${v}`)}
            </label>
          ))}
          {err('separatedGuardians') ? (
            <p className="field-error" id={`${id}-sep-error`}>
              {err('separatedGuardians')}
            </p>
          ) : null}
        </fieldset>
        <label className="choice">
          <input type="checkbox" checked={draft.allowVideo} onChange={(e) => set('allowVideo', e.target.checked)} />
          {t('rounds.settings.allowVideo')}
        </label>
        <div className="rb-grid">
          <Field
            type="number"
            inputMode="numeric"
            min={0}
            max={120}
            step={1}
            name="lateNoticeMinutes"
            label={t('late.settings.lateNoticeMinutes')}
            hint={t('late.settings.lateNoticeMinutesHint')}
            value={draft.lateNoticeMinutes}
            onChange={(e) => set('lateNoticeMinutes', e.target.value)}
            error={numberError('lateNoticeMinutes', 0, 120)}
          />
        </div>
        <ErrorNotice error={error} />
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('rounds.settings.save')}
        </button>
        <Saved message={saved} />
      </form>
    </section>
  );
}

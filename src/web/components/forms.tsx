/**
 * Pieces the roster forms share: a labelled <select>, a success notice that screen readers hear,
 * an action that asks "are you sure?" in place, and the picture choosers (a child's own picture,
 * and their two sign-in pictures in order — the same look as the pupil sign-in grid).
 */
import { useEffect, useId, useRef, useState, type ReactNode, type SelectHTMLAttributes } from 'react';
import { avatarKeys, passwordPictureKeys, PICTURE_PASSWORD_LENGTH, type AvatarKey, type PasswordPictureKey } from '../../domain/pictures';
import { ApiError } from '../lib/api';
import { useI18n, useT, type T } from '../lib/i18n';
import { FieldShell, Picture, PictureGlyph } from './ui';

export function SelectField({
  label,
  error,
  hint,
  children,
  'aria-describedby': describedBy,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & { label: string; error?: string | undefined; hint?: ReactNode; children: ReactNode }) {
  return (
    <FieldShell label={label} error={error} hint={hint} describedBy={describedBy}>
      {(control) => (
        <select {...select} {...control}>
          {children}
        </select>
      )}
    </FieldShell>
  );
}

/**
 * Says that something worked. The live region is always on the page, so the message is announced
 * when it appears (a region added together with its text is often not read).
 */
export function Saved({ message, children }: { message: string | null; children?: ReactNode }) {
  return (
    <div role="status" className="saved">
      {message ? (
        <p className="notice notice-ok">
          {message}
          {children ? <> {children}</> : null}
        </p>
      ) : null}
    </div>
  );
}

/** Any of the fields' errors under a prefix (e.g. `classIds` for `classIds.2: unknown_class`). */
export function fieldErrorUnder(t: T, error: unknown, prefix: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const hit = Object.entries(error.fields).find(([k]) => k === prefix || k.startsWith(`${prefix}.`));
  return hit ? t(`errors.fields.${hit[1]}`) : undefined;
}

/**
 * A button whose action needs a second, deliberate press: the question and "Yes"/"Cancel" appear
 * in place, focus moves to the question (so it is read out), and Cancel puts focus back. After
 * "Yes", `onConfirm` puts focus where the result is (the button pressed may have gone).
 */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  busy,
  onConfirm,
  danger = true,
  describedBy,
}: {
  label: string;
  question: ReactNode;
  confirmLabel: string;
  busy: boolean;
  onConfirm(): Promise<void> | void;
  danger?: boolean;
  describedBy?: string;
}) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  // Cancel gives focus back to the button; after "Yes", the page decides (what was there may be gone).
  const refocus = useRef(false);
  const questionId = useId();

  useEffect(() => {
    if (asking) questionRef.current?.focus();
    else if (refocus.current) openRef.current?.focus();
    refocus.current = false;
  }, [asking]);

  if (!asking) {
    return (
      <button ref={openRef} type="button" className={danger ? 'button button-danger' : 'button'} aria-describedby={describedBy} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-labelledby={questionId}>
      <p id={questionId} ref={questionRef} tabIndex={-1} className="confirm-question">
        {question}
      </p>
      <div className="row">
        <button
          type="button"
          className={danger ? 'button button-danger-strong' : 'button button-primary'}
          aria-disabled={busy || undefined}
          onClick={async () => {
            if (busy) return;
            await onConfirm();
            setAsking(false);
          }}
        >
          {confirmLabel}
        </button>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            refocus.current = true;
            setAsking(false);
          }}
        >
          {t('app.manage.common.cancel')}
        </button>
      </div>
    </div>
  );
}

/** A child's own picture (shown at sign-in): one of the avatars, or none to let Confer choose. */
export function AvatarPicker({ value, onChange, legend, allowNone }: { value: AvatarKey | null; onChange(v: AvatarKey | null): void; legend: string; allowNone: boolean }) {
  const t = useT();
  const name = useId();
  return (
    <fieldset className="choices">
      <legend>{legend}</legend>
      <ul className="picture-grid picture-grid-avatars">
        {allowNone ? (
          <li>
            <label className="picture-option">
              <input type="radio" name={name} checked={value === null} onChange={() => onChange(null)} />
              <span className="picture-option-text">{t('app.manage.pictures.anyAvatar')}</span>
            </label>
          </li>
        ) : null}
        {avatarKeys.map((key) => (
          <li key={key}>
            <label className="picture-option">
              <input type="radio" name={name} value={key} checked={value === key} onChange={() => onChange(key)} />
              <PictureGlyph name={key} size="lg" />
              <span className="picture-option-text">{t(`pictures.${key}`)}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/**
 * Two sign-in pictures in order, picked from the same grid the child sees. Pressing a chosen
 * picture again takes it out; "Start again" empties both.
 */
export function PicturePasswordPicker({
  value,
  onChange,
  legend,
  hint,
  error,
}: {
  value: PasswordPictureKey[];
  onChange(v: PasswordPictureKey[]): void;
  legend: string;
  hint?: string;
  error?: string | undefined;
}) {
  const t = useT();
  const id = useId();
  const full = value.length >= PICTURE_PASSWORD_LENGTH;
  return (
    <fieldset className="choices picture-password" aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <ol className="slots" aria-label={t('app.manage.pictures.chosen')}>
        {Array.from({ length: PICTURE_PASSWORD_LENGTH }, (_, i) => {
          const key = value[i];
          return (
            <li key={i} className={key ? 'slot slot-filled' : 'slot'}>
              {key ? <Picture name={key} size="lg" /> : <span className="visually-hidden">{t('app.manage.pictures.empty')}</span>}
            </li>
          );
        })}
      </ol>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <ul className="picture-grid picture-grid-password">
        {passwordPictureKeys.map((key) => {
          const pressed = value.includes(key);
          return (
            <li key={key}>
              <button
                type="button"
                className="picture-button"
                aria-pressed={pressed}
                aria-disabled={(!pressed && full) || undefined}
                onClick={() => {
                  if (pressed) onChange(value.filter((k) => k !== key));
                  else if (!full) onChange([...value, key]);
                }}
              >
                <Picture name={key} size="xl" />
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" className="button" aria-disabled={value.length === 0 || undefined} onClick={() => onChange([])}>
        {t('app.manage.pictures.startAgain')}
      </button>
    </fieldset>
  );
}

/** Names two pictures in order, in the reader's language: "cat, then sun". */
export function usePictureNames() {
  const t = useT();
  return (pictures: readonly PasswordPictureKey[]) => t('app.manage.pictures.inOrder', { first: t(`pictures.${pictures[0]}`), second: t(`pictures.${pictures[1]}`) });
}

/**
 * A range of days (YYYY-MM-DD, no time zone) in the reader's language — and in their region's way
 * when the browser says it (en-GB: "1 September – 17 December 2027"; en: "September 1 – December 17, 2027").
 */
export function useDateRange() {
  const { intlLocale } = useI18n();
  const regional = navigator.languages.find((l) => l.toLowerCase().startsWith(`${intlLocale}-`)) ?? intlLocale;
  const format = new Intl.DateTimeFormat(regional, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  return (from: string, to: string) => format.formatRange(day(from), day(to));
}

/** The staff's full names, sorted for the reader's language. */
export function byName<X extends { givenName: string; familyName: string }>(intlLocale: string) {
  const collator = new Intl.Collator(intlLocale);
  return (a: X, b: X) => collator.compare(a.familyName, b.familyName) || collator.compare(a.givenName, b.givenName);
}

/** A switch that saves at once (role="switch"): pressing it while the last change is saving does nothing. */
export function Switch({ checked, busy, label, describedBy, onToggle }: { checked: boolean; busy: boolean; label: string; describedBy?: string; onToggle(next: boolean): void }) {
  return (
    <button type="button" role="switch" className="switch" aria-checked={checked} aria-describedby={describedBy} aria-disabled={busy || undefined} onClick={() => !busy && onToggle(!checked)}>
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      <span>{label}</span>
    </button>
  );
}

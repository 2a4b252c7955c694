/**
 * Small pieces the staff booking pages share: messages with people's names inside them (the name
 * stays its own element, `translate="no"`), field errors found by path, and moving focus to the
 * first marked field after a refused save.
 */
import { Fragment, useEffect, type ReactNode, type RefObject } from 'react';
import { ApiError } from '../../lib/api';
import type { T } from '../../lib/i18n';

const MARK = '\u0001';

/** A stand-in for a part of a message that is an element, passed as the value of its placeholder: `{ name: part('name') }`. */
export const part = (name: string) => `${MARK}${name}${MARK}`;

/**
 * A formatted message with its stand-ins swapped for elements:
 * `<Rich text={t('rounds.sheet.substitute', { name: part('name') })} parts={{ name: <Name>Ola</Name> }} />`.
 */
export function Rich({ text, parts }: { text: string; parts: Record<string, ReactNode> }) {
  const pieces = text.split(MARK);
  return (
    <>
      {pieces.map((piece, i) => (
        <Fragment key={i}>{i % 2 === 1 && piece in parts ? parts[piece] : piece}</Fragment>
      ))}
    </>
  );
}

/** The API's error code for a field (`sessions.0.endTime`), or with `under`, for it or anything inside it. */
export function fieldCode(error: unknown, path: string, under = false): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.fields[path]) return error.fields[path];
  if (!under) return undefined;
  const hit = Object.entries(error.fields).find(([k]) => k.startsWith(`${path}.`));
  return hit?.[1];
}

/**
 * A field's error in the reader's language: `errors.fields.<code>`, else the booking pages' own
 * `rounds.fields.<code>` (codes only these pages meet), else "This does not look right."
 */
export function fieldMessage(t: T, error: unknown, path: string, under = false): string | undefined {
  const code = fieldCode(error, path, under);
  if (!code) return undefined;
  for (const key of [`errors.fields.${code}`, `rounds.fields.${code}`]) {
    const message = t(key);
    if (message !== key) return message;
  }
  return t('errors.fields.invalid');
}

/** After a save is refused with field errors, focus goes to the first marked field of the form. */
export function useFocusFirstInvalid(ref: RefObject<HTMLElement | null>, error: unknown) {
  useEffect(() => {
    if (!(error instanceof ApiError) || Object.keys(error.fields).length === 0) return;
    const first = ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.focus();
  }, [error, ref]);
}

/** Small shared pieces: pictures, errors, form fields, loading. */
import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { pictureGlyphs, type AvatarKey, type PasswordPictureKey } from '../../domain/pictures';
import { ApiError } from '../lib/api';
import { useT } from '../lib/i18n';

/** An emoji picture with its name for screen readers (`pictures.<key>` in the reader's language). */
export function Picture({ name, size = 'md' }: { name: AvatarKey | PasswordPictureKey; size?: 'sm' | 'md' | 'lg' | 'xl' }) {
  const t = useT();
  return (
    <span className={`picture picture-${size}`} role="img" aria-label={t(`pictures.${name}`)}>
      {pictureGlyphs[name]}
    </span>
  );
}

/** A decorative picture, when its name is already in the text next to it. */
export function PictureGlyph({ name, size = 'md' }: { name: AvatarKey | PasswordPictureKey; size?: 'sm' | 'md' | 'lg' | 'xl' }) {
  return (
    <span className={`picture picture-${size}`} aria-hidden="true">
      {pictureGlyphs[name]}
    </span>
  );
}

export function errorMessage(t: ReturnType<typeof useT>, error: unknown): string {
  if (error instanceof ApiError) {
    return t(`errors.${error.code}`, { seconds: error.retryAfterSeconds ?? 60, limitMb: error.limitMb ?? 0 });
  }
  return t('errors.internal');
}

export function ErrorNotice({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  return (
    <p className="notice notice-error" role="alert">
      {errorMessage(t, error)}
    </p>
  );
}

export function Loading() {
  const t = useT();
  return (
    <p className="loading" role="status">
      {t('app.common.loading')}
    </p>
  );
}

/** What a form control needs from its field: an id for the label, and its hint and error announced. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** A labelled field with an optional hint and error; renders the control it is given. */
export function FieldShell({
  label,
  error,
  hint,
  describedBy,
  children,
}: {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  describedBy?: string | undefined;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': [describedBy, hintId, errorId].filter(Boolean).join(' ') || undefined })}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function Field({
  label,
  error,
  hint,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string | undefined; hint?: ReactNode }) {
  return (
    <FieldShell label={label} error={error} hint={hint}>
      {(control) => <input {...control} {...input} />}
    </FieldShell>
  );
}

/** A field's error from an API validation error, in the reader's language. */
export function fieldError(t: ReturnType<typeof useT>, error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const code = error.fields[field];
  return code ? t(`errors.fields.${code}`) : undefined;
}

/**
 * A person's name (or other data such as a class or year group): not a message, so the
 * pseudo-locale check skips it; isolated in its own direction, so "Hedgehogs (Year 1)" stays in
 * order inside Arabic text.
 */
export function Name({ children }: { children: ReactNode }) {
  return (
    <span translate="no" dir="auto">
      {children}
    </span>
  );
}

/** "Daniel Okafor (Class teacher), Min-seo Kang (Co-teacher)": a class's teachers with their roles. */
export function TeachersWithRoles({ teachers }: { teachers: ReadonlyArray<{ userId: string; givenName: string; familyName: string; role: 'lead' | 'co_teacher' | 'assistant' }> }) {
  const t = useT();
  return (
    <>
      {teachers.map((x, i) => (
        <span key={x.userId}>
          {i > 0 ? ', ' : ''}
          <Name>
            {x.givenName} {x.familyName}
          </Name>{' '}
          ({t(`app.roles.class.${x.role}`)})
        </span>
      ))}
    </>
  );
}

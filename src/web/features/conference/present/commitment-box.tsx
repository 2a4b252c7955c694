/**
 * The reader's own commitment to one goal: a text box, saved with the goals API
 * (`PUT /api/goals/:id/commitments/me`). What is typed stays while the conference re-reads itself
 * live (someone else wrote theirs) and when saving fails; the error is in the reader's language.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { COMMITMENT_MAX } from '../../../../domain/goals/goals';
import { ConfirmAction, Saved } from '../../../components/forms';
import { ErrorNotice, fieldError } from '../../../components/ui';
import { api } from '../../../lib/api';
import { useT } from '../../../lib/i18n';
import { useAction } from '../../../lib/use-api';

export interface CommitmentWords {
  label: string;
  save: string;
  change: string;
  saved: string;
  /** Offered only where a person may take theirs back (the family's phone). */
  remove?: { label: string; question: string; yes: string; removed: string };
}

export function CommitmentBox({ goalId, saved, words, onChanged, className }: { goalId: string; saved: string | null; words: CommitmentWords; onChanged(): void; className?: string }) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState(saved ?? '');
  const [message, setMessage] = useState<string | null>(null);
  const editing = useRef(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const { busy, error, run } = useAction();
  // A newer saved text (after our own save, or from another of our devices) replaces the box only while the person is not typing.
  useEffect(() => {
    if (!editing.current) setDraft(saved ?? '');
  }, [saved]);
  const invalid = fieldError(t, error, 'text');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setMessage(null);
    void run(async () => {
      await api('PUT', `/api/goals/${goalId}/commitments/me`, { text: draft });
      editing.current = false;
      setMessage(words.saved);
      onChanged();
    });
  };
  return (
    <form className={`cp-commit ${className ?? ''}`} onSubmit={submit}>
      <label htmlFor={id} className="cp-commit-label">
        {words.label}
      </label>
      <textarea
        ref={field}
        id={id}
        dir="auto"
        data-content
        rows={3}
        maxLength={COMMITMENT_MAX}
        value={draft}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(e) => {
          editing.current = true;
          setDraft(e.target.value);
          setMessage(null);
        }}
      />
      {invalid ? (
        <p className="field-error" id={`${id}-error`}>
          {invalid}
        </p>
      ) : null}
      {error && !invalid ? <ErrorNotice error={error} /> : null}
      <div className="row row-tight">
        <button type="submit" className="button button-primary cp-commit-save" aria-disabled={busy || undefined}>
          {saved ? words.change : words.save}
        </button>
        {saved && words.remove ? (
          <ConfirmAction
            label={words.remove.label}
            question={words.remove.question}
            confirmLabel={words.remove.yes}
            busy={busy}
            onConfirm={() =>
              run(async () => {
                await api('DELETE', `/api/goals/${goalId}/commitments/me`);
                editing.current = false;
                setDraft('');
                setMessage(words.remove!.removed);
                onChanged();
                field.current?.focus();
              })
            }
          />
        ) : null}
      </div>
      <Saved message={message} />
    </form>
  );
}

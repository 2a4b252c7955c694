/**
 * The school's interpreters: the form to add or edit one (name, email, the languages they
 * interpret), and each one's card — edit, archive or restore, and their secret calendar link
 * (fetched only when asked for: it is a secret).
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { feedView, interpreterView } from '../../../contracts/booking';
import { ConfirmAction, Saved } from '../../components/forms';
import { ErrorNotice, Field, Name } from '../../components/ui';
import { api } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useAction } from '../../lib/use-api';
import { CopyLink } from './copy-link';
import { LanguageNames, LanguagePicker } from './languages';
import { fieldMessage, useFocusFirstInvalid } from './text';

export type Interpreter = z.infer<typeof interpreterView>;
type Feed = z.infer<typeof feedView>;
export type InterpreterDraft = { name: string; email: string; languages: string[] };

export const emptyDraft: InterpreterDraft = { name: '', email: '', languages: [] };

/** Name, email and languages; `submit` sends them (and throws the API's error, shown by the fields). */
export function InterpreterForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  resetAfter,
}: {
  initial: InterpreterDraft;
  submitLabel: string;
  onSubmit(body: { name: string; email: string | null; languages: string[] }): Promise<string>;
  onCancel?(): void;
  resetAfter?: boolean;
}) {
  const t = useT();
  const [draft, setDraft] = useState(initial);
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, error);
  const set = (next: Partial<InterpreterDraft>) => {
    setDraft((d) => ({ ...d, ...next }));
    setDone(null);
  };
  function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setDone(null);
    void run(async () => {
      const message = await onSubmit({ name: draft.name, email: draft.email.trim() || null, languages: draft.languages });
      if (resetAfter) setDraft(initial);
      setDone(message);
    });
  }
  return (
    <form ref={form} onSubmit={submit} noValidate>
      <Field label={t('rounds.interpreters.name')} value={draft.name} autoComplete="off" translate="no" onChange={(e) => set({ name: e.target.value })} error={fieldMessage(t, error, 'name')} />
      <Field
        label={t('rounds.interpreters.email')}
        hint={t('rounds.interpreters.emailHint')}
        type="email"
        autoComplete="off"
        spellCheck={false}
        translate="no"
        dir="ltr"
        value={draft.email}
        onChange={(e) => set({ email: e.target.value })}
        error={fieldMessage(t, error, 'email')}
      />
      <LanguagePicker legend={t('rounds.interpreters.languages')} value={draft.languages} onChange={(languages) => set({ languages })} error={fieldMessage(t, error, 'languages', true)} />
      <ErrorNotice error={error} />
      <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
        {submitLabel}
      </button>
      {onCancel ? (
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('app.manage.common.cancel')}
        </button>
      ) : null}
      <Saved message={done} />
    </form>
  );
}

export function InterpreterCard({ interpreter, onChanged }: { interpreter: Interpreter; onChanged(): void }) {
  const t = useT();
  const id = useId();
  const nameId = `${id}-name`;
  const card = useRef<HTMLLIElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [feed, setFeed] = useState<Feed | null>(null);
  const archive = useAction();
  const feedAction = useAction();

  const patch = async (body: object) => {
    await api<Interpreter>('PATCH', `/api/interpreters/${interpreter.id}`, body);
    onChanged();
  };
  const closeEditor = () => {
    setEditing(false);
    window.setTimeout(() => editButton.current?.focus(), 0);
  };

  return (
    <li ref={card} tabIndex={-1} className={interpreter.archived ? 'card card-archived rb-person' : 'card rb-person'} aria-labelledby={nameId}>
      <h3 id={nameId} className="rb-person-name">
        <Name>{interpreter.name}</Name>
        {interpreter.archived ? <span className="badge badge-archived">{t('app.manage.common.archived')}</span> : null}
      </h3>
      {interpreter.email ? (
        <p className="card-meta" translate="no">
          {interpreter.email}
        </p>
      ) : null}
      <p className="card-meta">
        <LanguageNames tags={interpreter.languages} />
      </p>
      {editing ? (
        <div className="rb-edit" role="group" aria-labelledby={nameId}>
          <InterpreterForm
            initial={{ name: interpreter.name, email: interpreter.email ?? '', languages: interpreter.languages }}
            submitLabel={t('rounds.interpreters.save')}
            onCancel={closeEditor}
            onSubmit={async (body) => {
              await patch(body);
              setDone(t('rounds.interpreters.saved', { name: body.name.trim() }));
              closeEditor();
              return '';
            }}
          />
        </div>
      ) : (
        <div className="row rb-row-tight">
          {!interpreter.archived ? (
            <button ref={editButton} type="button" className="button" aria-describedby={nameId} onClick={() => setEditing(true)}>
              {t('rounds.interpreters.edit')}
            </button>
          ) : null}
          {interpreter.archived ? (
            <button
              type="button"
              className="button"
              aria-describedby={nameId}
              aria-disabled={archive.busy || undefined}
              onClick={() =>
                void archive.run(async () => {
                  await patch({ archived: false });
                  setDone(t('rounds.interpreters.restored', { name: interpreter.name }));
                  card.current?.focus();
                })
              }
            >
              {t('rounds.interpreters.restore')}
            </button>
          ) : (
            <ConfirmAction
              label={t('rounds.interpreters.archive')}
              describedBy={nameId}
              question={t('rounds.interpreters.archiveQuestion', { name: interpreter.name })}
              confirmLabel={t('rounds.interpreters.archiveYes')}
              busy={archive.busy}
              onConfirm={async () => {
                await archive.run(async () => {
                  await patch({ archived: true });
                  setDone(t('rounds.interpreters.archived', { name: interpreter.name }));
                  card.current?.focus();
                });
              }}
            />
          )}
        </div>
      )}
      <ErrorNotice error={archive.error} />
      {!interpreter.archived ? (
        <div className="rb-feed">
          {feed ? (
            <CopyLink url={feed.url} label={t('rounds.interpreters.feedLabel')} hint={t('rounds.feed.hint')} />
          ) : (
            <button
              type="button"
              className="button button-quiet"
              aria-describedby={nameId}
              aria-disabled={feedAction.busy || undefined}
              onClick={() =>
                void feedAction.run(async () => {
                  setFeed(await api<Feed>('GET', `/api/interpreters/${interpreter.id}/feed`));
                })
              }
            >
              {t('rounds.interpreters.showFeed')}
            </button>
          )}
          <ErrorNotice error={feedAction.error} />
        </div>
      ) : null}
      <Saved message={done} />
    </li>
  );
}

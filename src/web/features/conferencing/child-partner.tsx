/**
 * The pupil conferencer's page, e.g. a Year 5 child conferencing a Year 1 child: only the pieces
 * of work the teacher shared (pictures, writing, the child's own recorded reflection — nothing
 * else of their portfolio), and a guided note in four steps: what did they show you, what did
 * they say about it, think pink (what is good), green for growth (one next step) — the school's
 * peer prompts (`conferencing.prompt.peer_*`), with the partner's name in the hints. A note waits
 * for the child's teacher; sent back, it comes with the teacher's comment to change and send again.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { PeerNoteView, SharedPiece } from '../../../contracts/conferencing';
import { fieldErrorUnder } from '../../components/forms';
import { ErrorNotice, FieldShell, fieldError } from '../../components/ui';
import { api, ApiError } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useAction } from '../../lib/use-api';
import { MediaDisplay } from '../portfolio/media';
import { Day } from './child-words';

export function SharedPieces({ pieces, name }: { pieces: SharedPiece[]; name: string }) {
  const t = useT();
  if (pieces.length === 0) return <p className="empty">{t('journey.partner.noPieces', { name })}</p>;
  return (
    <ul className="shared-pieces">
      {pieces.map((p) => {
        const title = p.caption || t('journey.partner.untitled');
        return (
          <li key={p.id} className="card shared-piece">
            <h3 dir="auto" data-content={p.caption ? true : undefined}>
              {title}
            </h3>
            {p.items.map((item) =>
              item.media ? (
                // The picture is named by the child's caption: their words, not ours.
                <div key={item.id} className="shared-item" data-content={p.caption ? true : undefined}>
                  <MediaDisplay media={item.media} label={title} large />
                </div>
              ) : item.text ? (
                <p key={item.id} className="shared-text" dir="auto" data-content>
                  {item.text}
                </p>
              ) : null,
            )}
            {p.reflection || p.reflectionAudio ? (
              <div className="shared-reflection">
                <p className="shared-reflection-who">
                  <span aria-hidden="true">💬</span> {t('journey.partner.theySaid', { name })}
                </p>
                {p.reflection ? (
                  <p dir="auto" data-content>
                    {p.reflection}
                  </p>
                ) : null}
                {p.reflectionAudio ? <MediaDisplay media={p.reflectionAudio} label={t('journey.partner.listen', { name })} /> : null}
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** One step of the note: its number and picture beside the question. */
function Step({ n, icon, tone, children }: { n: number; icon: string; tone?: 'pink' | 'green'; children: ReactNode }) {
  return (
    <li className={`note-step${tone ? ` note-${tone}` : ''}`}>
      <span className="note-step-mark" aria-hidden="true">
        <span className="note-step-number">{n}</span>
        <span className="picture picture-md">{icon}</span>
      </span>
      <div className="note-step-body">{children}</div>
    </li>
  );
}

/**
 * The guided note: new (POST) or changing one that waits or came back (PUT). `onEnded` when the
 * pairing ended under the child; `onSent` after the server took it.
 */
export function NoteForm({
  pairingId,
  name,
  pieces,
  note,
  onSent,
  onEnded,
  onCancel,
}: {
  pairingId: string;
  name: string;
  pieces: SharedPiece[];
  note?: PeerNoteView;
  onSent(): void;
  onEnded(): void;
  onCancel?: () => void;
}) {
  const t = useT();
  const [subject, setSubject] = useState(note?.subject ?? '');
  const [postIds, setPostIds] = useState<string[]>(note?.postIds ?? []);
  const [childWords, setChildWords] = useState(note?.childWords ?? '');
  const [strengths, setStrengths] = useState(note?.strengths ?? '');
  const [nextStep, setNextStep] = useState(note?.nextStep ?? '');
  const [missing, setMissing] = useState(false);
  const { busy, error, run } = useAction();
  const whichId = useId();
  const subjectRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (error instanceof ApiError && error.code === 'pairing_ended') onEnded();
  }, [error, onEnded]);

  const fieldsWrong = error instanceof ApiError && Object.keys(error.fields).length > 0;
  const subjectError = missing ? t('journey.partner.needShow', { name }) : fieldError(t, error, 'subject');

  return (
    <form
      className="note-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (busy) return;
        if (!subject.trim()) {
          setMissing(true);
          subjectRef.current?.focus();
          return;
        }
        setMissing(false);
        void run(async () => {
          const body = { subject: subject.trim(), childWords: childWords.trim(), strengths: strengths.trim(), nextStep: nextStep.trim(), postIds };
          if (note) await api('PUT', `/api/pupil-pairings/${pairingId}/notes/${note.id}`, body);
          else await api('POST', `/api/pupil-pairings/${pairingId}/notes`, body);
          onSent();
        });
      }}
    >
      <ol className="note-steps">
        <Step n={1} icon="👀">
          <FieldShell label={t('conferencing.prompt.peer_show')} hint={t('journey.partner.showHint')} error={subjectError}>
            {(control) => <input {...control} ref={subjectRef} dir="auto" data-content maxLength={120} value={subject} onChange={(e) => setSubject(e.target.value)} />}
          </FieldShell>
          {pieces.length ? (
            <fieldset className="choices" aria-describedby={fieldErrorUnder(t, error, 'postIds') ? `${whichId}-error` : undefined}>
              <legend>{t('journey.partner.which', { name })}</legend>
              <ul className="goal-pick-list">
                {pieces.map((p) => {
                  const picture = p.items.find((i) => i.media?.kind === 'image')?.media;
                  return (
                    <li key={p.id}>
                      <label className="goal-pick">
                        <input type="checkbox" checked={postIds.includes(p.id)} onChange={(e) => setPostIds((ids) => (e.target.checked ? [...ids, p.id] : ids.filter((x) => x !== p.id)))} />
                        {picture ? <MediaDisplay media={picture} label="" /> : <span className="goal-evidence-text" aria-hidden="true">📝</span>}
                        <span className="goal-pick-caption" dir="auto" data-content={p.caption ? true : undefined}>
                          {p.caption || t('journey.partner.untitled')}
                        </span>
                      </label>
                    </li>
                  );
                })}
              </ul>
              {fieldErrorUnder(t, error, 'postIds') ? (
                <p className="field-error" id={`${whichId}-error`}>
                  {fieldErrorUnder(t, error, 'postIds')}
                </p>
              ) : null}
            </fieldset>
          ) : null}
        </Step>
        <Step n={2} icon="💬">
          <FieldShell label={t('journey.partner.say', { name })} error={fieldError(t, error, 'childWords')}>
            {(control) => <textarea {...control} dir="auto" data-content rows={3} maxLength={4000} value={childWords} onChange={(e) => setChildWords(e.target.value)} />}
          </FieldShell>
        </Step>
        <Step n={3} icon="🌸" tone="pink">
          <FieldShell label={t('conferencing.prompt.peer_pink')} hint={t('journey.partner.pinkHint', { name })} error={fieldError(t, error, 'strengths')}>
            {(control) => <textarea {...control} dir="auto" data-content rows={3} maxLength={2000} value={strengths} onChange={(e) => setStrengths(e.target.value)} />}
          </FieldShell>
        </Step>
        <Step n={4} icon="🌱" tone="green">
          <FieldShell label={t('conferencing.prompt.peer_green')} hint={t('journey.partner.greenHint', { name })} error={fieldError(t, error, 'nextStep')}>
            {(control) => <textarea {...control} dir="auto" data-content rows={2} maxLength={300} value={nextStep} onChange={(e) => setNextStep(e.target.value)} />}
          </FieldShell>
        </Step>
      </ol>
      {fieldsWrong || (error instanceof ApiError && error.code === 'pairing_ended') ? null : <ErrorNotice error={error} />}
      <div className="row">
        <button type="submit" className="button button-big button-submit" aria-disabled={busy || undefined}>
          <span aria-hidden="true">📨</span> {note ? t('journey.partner.sendAgain') : t('journey.partner.send')}
        </button>
        {onCancel ? (
          <button type="button" className="button button-quiet" onClick={onCancel}>
            {t('journey.partner.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

const noteIcons: Record<PeerNoteView['status'], string> = { pending: '⏳', returned: '↩️', published: '✅' };

/** The conferencer's own notes, newest first, each with where it is and (sent back) the teacher's comment. */
export function MyNotes({
  notes,
  name,
  pairingId,
  pieces,
  onChanged,
  onEnded,
}: {
  notes: PeerNoteView[];
  name: string;
  pairingId: string;
  pieces: SharedPiece[];
  onChanged(): void;
  onEnded(): void;
}) {
  const t = useT();
  const [editing, setEditing] = useState<string | null>(null);
  if (notes.length === 0) return <p className="empty">{t('journey.partner.noNotes')}</p>;
  const sorted = [...notes].sort((a, b) => b.heldOn.localeCompare(a.heldOn));
  return (
    <ul className="peer-notes">
      {sorted.map((n) => (
        <li key={n.id} className={`card peer-note peer-note-${n.status}`}>
          <article aria-labelledby={`note-${n.id}`}>
            <h3 id={`note-${n.id}`} dir="auto" data-content>
              {n.subject}
            </h3>
            <p className="card-meta">
              <Day iso={n.heldOn} />
            </p>
            <p className={`badge peer-status peer-status-${n.status}`}>
              <span aria-hidden="true">{noteIcons[n.status]}</span> {t(`journey.partner.status.${n.status}`, { name })}
            </p>
            {n.status === 'returned' && n.reviewComment ? (
              <div className="request-reply">
                <p className="request-reply-who">{t('journey.partner.comment')}</p>
                <p dir="auto" data-content>
                  {n.reviewComment}
                </p>
              </div>
            ) : null}
            {editing === n.id ? (
              <NoteForm
                pairingId={pairingId}
                name={name}
                pieces={pieces}
                note={n}
                onEnded={onEnded}
                onCancel={() => setEditing(null)}
                onSent={() => {
                  setEditing(null);
                  onChanged();
                }}
              />
            ) : (
              <>
                <dl className="peer-note-words">
                  {n.childWords ? (
                    <div>
                      <dt>{t('journey.partner.say', { name })}</dt>
                      <dd dir="auto" data-content>
                        {n.childWords}
                      </dd>
                    </div>
                  ) : null}
                  {n.strengths ? (
                    <div className="note-pink">
                      <dt>{t('conferencing.prompt.peer_pink')}</dt>
                      <dd dir="auto" data-content>
                        {n.strengths}
                      </dd>
                    </div>
                  ) : null}
                  {n.nextStep ? (
                    <div className="note-green">
                      <dt>{t('conferencing.prompt.peer_green')}</dt>
                      <dd dir="auto" data-content>
                        {n.nextStep}
                      </dd>
                    </div>
                  ) : null}
                </dl>
                {n.status !== 'published' ? (
                  <button type="button" className={n.status === 'returned' ? 'button button-primary' : 'button'} onClick={() => setEditing(n.id)}>
                    <span aria-hidden="true">✏️</span> {n.status === 'returned' ? t('journey.partner.fix') : t('journey.partner.change')}
                  </button>
                ) : null}
              </>
            )}
          </article>
        </li>
      ))}
    </ul>
  );
}

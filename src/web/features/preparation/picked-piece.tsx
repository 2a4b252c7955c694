/**
 * One piece a child picked, as they prepare: the piece, the questions to answer about it (typed,
 * or said with the recorder), and their "think pink" strengths and "green for growth" next steps
 * against the criteria. For their teacher the same, read-only, with "send back to improve".
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import type { ChildPreparation, SelectionView } from '../../../contracts/preparation';
import type { MediaView } from '../../../contracts/portfolio';
import { localized } from '../../../domain/preparation/prompts';
import { ErrorNotice, fieldError } from '../../components/ui';
import { Saved } from '../../components/forms';
import { api, uploadFile } from '../../lib/api';
import { useI18n, useT } from '../../lib/i18n';
import { useAction } from '../../lib/use-api';
import { VoiceRecorder } from '../portfolio/recorder';

type Prompt = ChildPreparation['prompts'][number];
type Criterion = ChildPreparation['criteria'][number];
type Mark = 'strength' | 'next_step';

/** The piece's picture (or its first words), small. */
export function PieceThumb({ post }: { post: SelectionView['post'] }) {
  const t = useT();
  const src = post.cover?.urls['sm.webp'] ?? post.cover?.urls['sm.jpg'];
  return (
    <div className="prep-thumb">
      {src ? <img src={src} alt={post.caption ? '' : t('preparation.piece.pictureAlt')} /> : <p className="prep-thumb-text" data-content dir="auto">{post.firstText ?? post.caption}</p>}
      {post.caption ? (
        <p className="prep-thumb-caption" data-content dir="auto">
          {post.caption}
        </p>
      ) : null}
    </div>
  );
}

function Answer({ selectionId, question, text, audio, schoolId, canEdit, onSaved, questionText }: { selectionId: string; question: Prompt['questions'][number]; text: string; audio: MediaView | null; schoolId: string; canEdit: boolean; onSaved(): void; questionText: { text: string; lang?: string } }) {
  const t = useT();
  const id = useId();
  const [value, setValue] = useState(text);
  const [saved, setSaved] = useState<string | null>(null);
  const [recording, setRecording] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const { busy, error, run } = useAction();
  const audioUrl = audio?.urls['original'];

  const save = (body: { text: string; audioMediaId: string | null }) =>
    busy
      ? Promise.resolve()
      : run(async () => {
      await api('PUT', `/api/selections/${selectionId}/answers/${encodeURIComponent(question.id)}`, body);
      setSaved(t('preparation.piece.saved'));
      onSaved();
    });
  function submit(e: FormEvent) {
    e.preventDefault();
    void save({ text: value, audioMediaId: audio?.id ?? null });
  }
  function keepRecording(file: File) {
    setRecording(false);
    void run(async () => {
      const media = await uploadFile<MediaView>(`/api/schools/${schoolId}/media?hint=audio`, file, file.name, setProgress);
      setProgress(null);
      await api('PUT', `/api/selections/${selectionId}/answers/${encodeURIComponent(question.id)}`, { text: value, audioMediaId: media.id });
      setSaved(t('preparation.piece.recordingSaved'));
      onSaved();
    });
  }

  return (
    <form className="prep-answer" onSubmit={submit}>
      {canEdit ? (
        <label htmlFor={id} className="prep-question" lang={questionText.lang} {...(questionText.lang ? { 'data-content': true } : {})}>
          {questionText.text}
        </label>
      ) : (
        <p className="prep-question" lang={questionText.lang} {...(questionText.lang ? { 'data-content': true } : {})}>
          {questionText.text}
        </p>
      )}
      {canEdit ? (
        <textarea id={id} rows={3} dir="auto" data-content value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={fieldError(t, error, 'text') ? true : undefined} />
      ) : (
        <p className="prep-answer-text" data-content dir="auto">
          {text || (audioUrl ? '' : t('preparation.piece.notAnswered'))}
        </p>
      )}
      {audioUrl ? (
        <p className="prep-audio">
          <span>{t('preparation.piece.recorded')}</span>
          <audio controls src={audioUrl} aria-label={t('preparation.piece.listen', { question: questionText.text })} />
        </p>
      ) : null}
      {canEdit ? (
        <>
          {recording ? <VoiceRecorder keepLabel={t('preparation.piece.keepRecording')} onKeep={keepRecording} /> : null}
          {progress !== null ? <progress className="progress" value={progress} max={1} aria-label={t('preparation.piece.uploading')} /> : null}
          <div className="row">
            <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
              {t('preparation.piece.saveAnswer')}
            </button>
            {!recording ? (
              <button type="button" className="button" onClick={() => setRecording(true)}>
                <span aria-hidden="true">🎤</span> {audioUrl ? t('preparation.piece.recordAgain') : t('preparation.piece.sayIt')}
              </button>
            ) : null}
          </div>
          <Saved message={saved} />
        </>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </form>
  );
}

const nextMark = (m: Mark | undefined): Mark | undefined => (m === undefined ? 'strength' : m === 'strength' ? 'next_step' : undefined);

/** Think pink / green for growth: each criterion cycles none → strength → next step → none. Words say which, not colour alone. */
function Marks({ selection, criteria, canEdit, lang, onSaved }: { selection: SelectionView; criteria: Criterion[]; canEdit: boolean; lang: string; onSaved(): void }) {
  const t = useT();
  const [marks, setMarks] = useState<Record<string, Mark>>(Object.fromEntries(selection.marks.map((m) => [m.criterionId, m.kind])));
  const [said, setSaid] = useState('');
  const { error, setError } = useAction();
  // Taps can come faster than saves: one save at a time, and the last state wins.
  const saving = useRef(false);
  const latest = useRef(marks);
  if (criteria.length === 0) return null;
  const speak = (c: Criterion) => {
    if (c.audioUrl) void new Audio(c.audioUrl).play();
    else if ('speechSynthesis' in window) {
      const words = new SpeechSynthesisUtterance(c.wording);
      words.lang = lang;
      window.speechSynthesis.speak(words);
    }
  };
  async function flush() {
    if (saving.current) return;
    saving.current = true;
    try {
      let sent: Record<string, Mark> | null = null;
      while (sent !== latest.current) {
        sent = latest.current;
        await api('PUT', `/api/selections/${selection.id}/marks`, { marks: Object.entries(sent).map(([criterionId, kind]) => ({ criterionId, kind })) });
      }
      setError(null);
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      saving.current = false;
    }
  }
  function cycle(c: Criterion) {
    const next = { ...latest.current };
    const m = nextMark(next[c.id]);
    if (m) next[c.id] = m;
    else delete next[c.id];
    latest.current = next;
    setMarks(next);
    setSaid(t('preparation.marks.now', { criterion: c.wording, mark: t(`preparation.marks.${m ?? 'none'}`) }));
    void flush();
  }
  // The teacher sees what the child marked; the child sees every criterion, list by list.
  const shown = canEdit ? criteria : criteria.filter((c) => marks[c.id]);
  const lists = [...new Set(shown.map((c) => c.listTitle))];
  const row = (c: Criterion) => {
    const m = marks[c.id];
    const inner = (
      <>
        <span className="prep-mark-state" aria-hidden="true">
          {m === 'strength' ? '🌸' : m === 'next_step' ? '🌱' : '○'}
        </span>
        <span data-content>{c.wording}</span>
        <span className="prep-mark-label">{t(`preparation.marks.${m ?? 'none'}`)}</span>
      </>
    );
    return (
      <li key={c.id} className={`prep-mark ${m ? `prep-mark-${m}` : ''}`}>
        {canEdit ? (
          <button type="button" className="prep-mark-button" onClick={() => cycle(c)} aria-label={t('preparation.marks.cycle', { criterion: c.wording, mark: t(`preparation.marks.${m ?? 'none'}`) })}>
            {inner}
          </button>
        ) : (
          <p className="prep-mark-button prep-mark-static">{inner}</p>
        )}
        <button type="button" className="button button-quiet prep-speak" onClick={() => speak(c)} aria-label={t('preparation.marks.listen', { criterion: c.wording })}>
          🔊
        </button>
      </li>
    );
  };
  return (
    <fieldset className="prep-marks">
      <legend>{t('preparation.marks.legend')}</legend>
      {canEdit ? <p className="hint">{t('preparation.marks.hint')}</p> : null}
      {shown.length === 0 ? <p className="hint">{t('preparation.marks.noneYet')}</p> : null}
      {lists.map((title) => (
        <div key={title} className="prep-mark-group">
          {lists.length > 1 ? (
            <h3 className="subheading" data-content>
              {title}
            </h3>
          ) : null}
          <ul className="prep-mark-list">{shown.filter((c) => c.listTitle === title).map(row)}</ul>
        </div>
      ))}
      <p className="visually-hidden" role="status">
        {said}
      </p>
      {error ? <ErrorNotice error={error} /> : null}
    </fieldset>
  );
}

function SendBack({ selectionId, onSent }: { selectionId: string; onSent(): void }) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const { busy, error, run } = useAction();
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('preparation.review.sendBack')}
      </button>
    );
  }
  return (
    <form
      className="prep-send-back"
      onSubmit={(e) => {
        e.preventDefault();
        if (busy) return;
        void run(async () => {
          await api('POST', `/api/selections/${selectionId}/send-back`, { comment });
          setOpen(false);
          setComment('');
          onSent();
        });
      }}
    >
      <label htmlFor={id}>{t('preparation.review.whatToImprove')}</label>
      <textarea id={id} rows={2} dir="auto" value={comment} onChange={(e) => setComment(e.target.value)} aria-invalid={fieldError(t, error, 'comment') ? true : undefined} />
      {fieldError(t, error, 'comment') ? <p className="field-error">{fieldError(t, error, 'comment')}</p> : null}
      <div className="row">
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('preparation.review.send')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => setOpen(false)}>
          {t('preparation.prompts.cancel')}
        </button>
      </div>
      {error && !fieldError(t, error, 'comment') ? <ErrorNotice error={error} /> : null}
    </form>
  );
}

export function PickedPiece({ prep, prompt, selection, schoolId, onChanged }: { prep: ChildPreparation; prompt: Prompt; selection: SelectionView; schoolId: string; onChanged(): void }) {
  const t = useT();
  const { locale } = useI18n();
  const canEdit = prep.can.prepare;
  return (
    <article className="prep-piece">
      <PieceThumb post={selection.post} />
      {selection.sentBack ? (
        <div className="notice notice-return" role="status">
          <p>
            <strong>{t('preparation.piece.sentBack')}</strong>
          </p>
          <p data-content dir="auto">
            {selection.sentBack.comment}
          </p>
        </div>
      ) : null}
      {prompt.questions.map((q) => {
        const a = selection.answers.find((x) => x.questionId === q.id);
        const questionText = q.key ? { text: t(`preparation.questions.${q.key}`) } : localized(q.text, locale, prep.schoolLocale);
        return (
          <Answer
            key={`${q.id}-${a?.audio?.id ?? ''}`}
            selectionId={selection.id}
            question={q}
            questionText={questionText}
            text={a?.text ?? ''}
            audio={a?.audio ?? null}
            schoolId={schoolId}
            canEdit={canEdit}
            onSaved={onChanged}
          />
        );
      })}
      <Marks selection={selection} criteria={prep.criteria} canEdit={canEdit} lang={prep.schoolLocale} onSaved={onChanged} />
      {prep.can.review ? <SendBack selectionId={selection.id} onSent={onChanged} /> : null}
    </article>
  );
}

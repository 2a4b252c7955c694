/**
 * Making a post, on a phone, a tablet or a laptop: add one or more pieces of work — a photo (the
 * camera, or a picture already on the device), a video, a voice recording, a drawing, some
 * writing, or any file — then a caption, the child's own reflection (typed, or spoken), which of
 * the child's success criteria it shows, and the subjects it belongs to. Each piece uploads as
 * soon as it is added, with its own progress and, if it is refused, its own message; nothing typed
 * is lost when a piece fails.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { MediaView, NewPost, TagView } from '../../../contracts/portfolio';
import { ErrorNotice, Name, errorMessage, fieldError } from '../../components/ui';
import { uploadFile } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useAction } from '../../lib/use-api';
import { CriteriaChecklist, type ChecklistItem } from '../criteria/criteria-checklist';
import { DrawingPad } from './drawing-pad';
import { VoiceRecorder } from './recorder';

type ItemKind = 'photo' | 'video' | 'audio' | 'drawing' | 'text' | 'file';

interface Piece {
  key: number;
  kind: ItemKind;
  text: string;
  previewUrl: string | null;
  progress: number;
  media: MediaView | null;
  error: unknown;
  name: string;
}

export interface ComposerProps {
  schoolId: string;
  tags: TagView[];
  /** Pupils get big picture buttons and short words; staff the same tools. */
  forChild: boolean;
  /** Extra fields above the buttons (a group post's children). */
  children?: ReactNode;
  /** The success criteria to tick ("Which of these does your work show?"), in the school's language `criteriaLang`. */
  criteria?: ChecklistItem[];
  criteriaLang?: string;
  submitLabel: string;
  onSubmit(post: NewPost): Promise<void>;
}

let nextKey = 1;

export function PostComposer({ schoolId, tags, forChild, children, criteria = [], criteriaLang = 'en', submitLabel, onSubmit }: ComposerProps) {
  const t = useT();
  const [pieces, setPieces] = useState<Piece[]>([]);
  const [adding, setAdding] = useState<'audio' | 'drawing' | 'reflection' | null>(null);
  const [caption, setCaption] = useState('');
  const [reflection, setReflection] = useState('');
  const [reflectionAudio, setReflectionAudio] = useState<Piece | null>(null);
  const [tagIds, setTagIds] = useState<string[]>([]);
  const [ticks, setTicks] = useState<Partial<Record<string, 'shown'>>>({});
  const { busy, error, run } = useAction();
  const [tried, setTried] = useState(false);
  const captionId = useId();
  const reflectionId = useId();
  const listEnd = useRef<HTMLDivElement>(null);

  useEffect(
    () => () => {
      for (const p of pieces) if (p.previewUrl) URL.revokeObjectURL(p.previewUrl);
    },
    // only on leaving the page
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  function update(key: number, change: Partial<Piece>) {
    setPieces((all) => all.map((p) => (p.key === key ? { ...p, ...change } : p)));
  }

  function addFile(kind: ItemKind, file: File, into: 'items' | 'reflection' = 'items') {
    const key = nextKey++;
    const piece: Piece = { key, kind, text: '', previewUrl: file.type.startsWith('image/') ? URL.createObjectURL(file) : null, progress: 0, media: null, error: null, name: file.name };
    if (into === 'reflection') setReflectionAudio(piece);
    else setPieces((all) => [...all, piece]);
    const hint = kind === 'audio' ? '?hint=audio' : '';
    const set = (change: Partial<Piece>) => (into === 'reflection' ? setReflectionAudio((p) => (p && p.key === key ? { ...p, ...change } : p)) : update(key, change));
    uploadFile<MediaView>(`/api/schools/${schoolId}/media${hint}`, file, file.name, (progress) => set({ progress })).then(
      // A file chosen with "Any file" that turns out to be a photo, video or recording shows as one.
      (media) => set({ media, progress: 1, ...(kind === 'file' && media.kind !== 'file' ? { kind: media.kind === 'image' ? 'photo' : media.kind } : {}) }),
      (err: unknown) => set({ error: err }),
    );
    setAdding(null);
    setTimeout(() => listEnd.current?.scrollIntoView({ block: 'nearest' }), 0);
  }

  const uploading = [...pieces, ...(reflectionAudio ? [reflectionAudio] : [])].some((p) => p.kind !== 'text' && !p.media && !p.error);
  const usable = pieces.filter((p) => (p.kind === 'text' ? p.text.trim() : p.media));
  const nothing = tried && usable.length === 0;

  return (
    <form
      className="composer"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (busy || uploading || usable.length === 0) return;
        void run(() =>
          onSubmit({
            caption,
            reflection,
            reflectionAudioId: reflectionAudio?.media?.id ?? null,
            tagIds,
            criterionIds: criteria.filter((c) => ticks[c.id]).map((c) => c.id),
            items: usable.map((p) => (p.kind === 'text' ? { kind: 'text' as const, text: p.text } : { kind: p.kind as Exclude<ItemKind, 'text'>, mediaId: p.media!.id })),
          }),
        );
      }}
    >
      {children}
      <section aria-labelledby={`${captionId}-work`}>
        <h2 id={`${captionId}-work`}>{forChild ? t('portfolio.composer.workChild') : t('portfolio.composer.work')}</h2>
        {pieces.length > 0 ? (
          <ol className="pieces">
            {pieces.map((p, i) => (
              <li key={p.key} className="piece">
                <PieceView piece={p} n={i + 1} onText={(text) => update(p.key, { text })} onRemove={() => setPieces((all) => all.filter((x) => x.key !== p.key))} />
              </li>
            ))}
          </ol>
        ) : null}
        <div ref={listEnd} />
        {nothing ? (
          <p className="field-error" role="alert">
            {t('portfolio.composer.needsWork')}
          </p>
        ) : null}
        {adding === 'audio' ? <VoiceRecorder keepLabel={t('portfolio.recorder.keep')} onKeep={(file) => addFile('audio', file)} /> : null}
        {adding === 'drawing' ? <DrawingPad onKeep={(file) => addFile('drawing', file)} onCancel={() => setAdding(null)} /> : null}
        {adding === null || adding === 'reflection' ? (
          <div className="add-buttons" role="group" aria-label={t('portfolio.composer.add')}>
            <FilePick icon="📷" label={t('portfolio.add.photo')} accept="image/*" capture="environment" onFile={(f) => addFile('photo', f)} />
            <FilePick icon="🖼️" label={t('portfolio.add.picture')} accept="image/*" onFile={(f) => addFile('photo', f)} />
            <FilePick icon="🎥" label={t('portfolio.add.video')} accept="video/*" capture="environment" onFile={(f) => addFile('video', f)} />
            <button type="button" className="add-button" onClick={() => setAdding('audio')}>
              <span aria-hidden="true">🎤</span> {t('portfolio.add.voice')}
            </button>
            <button type="button" className="add-button" onClick={() => setAdding('drawing')}>
              <span aria-hidden="true">🖍️</span> {t('portfolio.add.drawing')}
            </button>
            <button type="button" className="add-button" onClick={() => setPieces((all) => [...all, { key: nextKey++, kind: 'text', text: '', previewUrl: null, progress: 1, media: null, error: null, name: '' }])}>
              <span aria-hidden="true">✏️</span> {t('portfolio.add.writing')}
            </button>
            <FilePick icon="📎" label={t('portfolio.add.file')} onFile={(f) => addFile('file', f)} />
          </div>
        ) : null}
      </section>

      <section aria-labelledby={`${captionId}-words`}>
        <h2 id={`${captionId}-words`}>{forChild ? t('portfolio.composer.wordsChild') : t('portfolio.composer.words')}</h2>
        <div className="field">
          <label htmlFor={captionId}>{t('portfolio.composer.caption')}</label>
          <input id={captionId} value={caption} maxLength={500} onChange={(e) => setCaption(e.target.value)} aria-invalid={fieldError(t, error, 'caption') ? true : undefined} />
        </div>
        <div className="field">
          <label htmlFor={reflectionId}>{forChild ? t('portfolio.composer.reflectionChild') : t('portfolio.composer.reflection')}</label>
          <p className="hint" id={`${reflectionId}-hint`}>
            {t('portfolio.composer.reflectionHint')}
          </p>
          <textarea id={reflectionId} aria-describedby={`${reflectionId}-hint`} value={reflection} rows={3} maxLength={4000} onChange={(e) => setReflection(e.target.value)} />
        </div>
        {reflectionAudio ? (
          <div className="piece">
            <PieceView piece={reflectionAudio} n={0} onText={() => undefined} onRemove={() => setReflectionAudio(null)} label={t('portfolio.composer.spokenReflection')} />
          </div>
        ) : adding === 'reflection' ? (
          <VoiceRecorder keepLabel={t('portfolio.recorder.keep')} onKeep={(file) => addFile('audio', file, 'reflection')} />
        ) : (
          <button type="button" className="button" onClick={() => setAdding('reflection')}>
            <span aria-hidden="true">🎤</span> {t('portfolio.composer.sayIt')}
          </button>
        )}
      </section>

      {criteria.length ? (
        <CriteriaChecklist
          legend={forChild ? t('criteria.checklist.legendChild') : t('criteria.checklist.legendStaff')}
          hint={forChild ? t('criteria.checklist.hintChild') : undefined}
          criteria={criteria}
          value={ticks}
          onChange={setTicks}
          marks={['shown']}
          lang={criteriaLang}
        />
      ) : null}

      {tags.filter((x) => !x.archived).length ? (
        <fieldset className="choices tag-choices">
          <legend>{t('portfolio.composer.subjects')}</legend>
          {tags
            .filter((x) => !x.archived)
            .map((tag) => (
              <label key={tag.id} className={`chip${tag.kind === 'strand' ? ' chip-strand' : ''}`}>
                <input type="checkbox" checked={tagIds.includes(tag.id)} onChange={(e) => setTagIds((ids) => (e.target.checked ? [...ids, tag.id] : ids.filter((x) => x !== tag.id)))} />
                <Name>{tag.name}</Name>
              </label>
            ))}
        </fieldset>
      ) : null}

      <ErrorNotice error={error} />
      {uploading ? (
        <p className="hint" role="status">
          {t('portfolio.composer.stillUploading')}
        </p>
      ) : null}
      <button type="submit" className="button button-primary button-submit" aria-disabled={busy || uploading || undefined}>
        {submitLabel}
      </button>
    </form>
  );
}

function FilePick({ icon, label, accept, capture, onFile }: { icon: string; label: string; accept?: string; capture?: 'environment' | 'user'; onFile(file: File): void }) {
  const id = useId();
  return (
    <span className="add-button-wrap">
      <input
        id={id}
        className="visually-hidden file-input"
        type="file"
        accept={accept}
        capture={capture}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <label htmlFor={id} className="add-button">
        <span aria-hidden="true">{icon}</span> {label}
      </label>
    </span>
  );
}

function PieceView({ piece, n, onText, onRemove, label }: { piece: Piece; n: number; onText(text: string): void; onRemove(): void; label?: string }) {
  const t = useT();
  const textId = useId();
  const title = label ?? t(`portfolio.itemKind.${piece.kind}`);
  return (
    <div className="piece-inner">
      <p className="piece-title">
        {n > 0 ? `${n}. ` : ''}
        {title}
      </p>
      {piece.kind === 'text' ? (
        <div className="field">
          <label htmlFor={textId} className="visually-hidden">
            {title}
          </label>
          <textarea id={textId} value={piece.text} rows={4} maxLength={10000} onChange={(e) => onText(e.target.value)} />
        </div>
      ) : (
        <>
          {piece.previewUrl ? <img className="piece-preview" src={piece.previewUrl} alt="" /> : null}
          {!piece.previewUrl && piece.name && (piece.kind === 'file' || piece.kind === 'video') ? (
            <p className="card-meta" dir="auto" translate="no">
              {piece.name}
            </p>
          ) : null}
          {piece.media && piece.kind === 'audio' ? <audio controls src={piece.media.urls.original} aria-label={title} /> : null}
          {piece.error ? (
            <p className="notice notice-error" role="alert">
              {errorMessage(t, piece.error)}
            </p>
          ) : piece.media ? (
            <p className="piece-ok">✓ {t('portfolio.composer.added')}</p>
          ) : (
            <div className="progress" role="progressbar" aria-label={t('portfolio.composer.uploading', { name: title })} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(piece.progress * 100)}>
              <div className="progress-bar" style={{ inlineSize: `${Math.round(piece.progress * 100)}%` }} />
            </div>
          )}
        </>
      )}
      <button type="button" className="button button-link" onClick={onRemove}>
        {t('portfolio.composer.remove', { what: title })}
      </button>
    </div>
  );
}

/**
 * Writing one criterion: the words (as the child would say them), a picture — one of the set, or
 * the teacher's own photo or drawing — and the words spoken, recorded with the portfolio's voice
 * recorder. Each upload starts as soon as it is chosen; the button waits for it.
 */
import { useId, useState } from 'react';
import type { CriterionView } from '../../../contracts/criteria';
import type { MediaView } from '../../../contracts/portfolio';
import { criteriaPictureGlyphs, criteriaPictureKeys, type CriteriaPictureKey } from '../../../domain/criteria/pictures';
import { WORDING_MAX } from '../../../domain/criteria/lists';
import { ErrorNotice, errorMessage, fieldError } from '../../components/ui';
import { uploadFile } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useAction } from '../../lib/use-api';
import { VoiceRecorder } from '../portfolio/recorder';
import { audioUrlOf, CriterionPicture, imageUrlOf } from './speak';

export interface CriterionBody {
  wording: string;
  picture: CriteriaPictureKey | null;
  imageMediaId: string | null;
  audioMediaId: string | null;
}

type Upload = { id: string | null; url: string | undefined; progress: number; error: unknown };

const fromMedia = (id: string | undefined, url: string | undefined): Upload | null => (id ? { id, url, progress: 1, error: null } : null);

export function CriterionForm({
  schoolId,
  initial,
  title,
  submitLabel,
  onSave,
  onCancel,
}: {
  schoolId: string;
  initial?: CriterionView;
  title: string;
  submitLabel: string;
  onSave(body: CriterionBody): Promise<void>;
  onCancel?(): void;
}) {
  const t = useT();
  const id = useId();
  const [wording, setWording] = useState(initial?.wording ?? '');
  const [picture, setPicture] = useState<CriteriaPictureKey | null>(initial?.picture ?? null);
  const [image, setImage] = useState<Upload | null>(fromMedia(initial?.image?.id, imageUrlOf(initial?.image)));
  const [audio, setAudio] = useState<Upload | null>(fromMedia(initial?.audio?.id, audioUrlOf(initial?.audio)));
  const [recording, setRecording] = useState(false);
  const { busy, error, run } = useAction();

  function upload(file: File, kind: 'image' | 'audio') {
    const set = kind === 'image' ? setImage : setAudio;
    const local = URL.createObjectURL(file);
    set({ id: null, url: local, progress: 0, error: null });
    uploadFile<MediaView>(`/api/schools/${schoolId}/media${kind === 'audio' ? '?hint=audio' : ''}`, file, file.name, (progress) => set((u) => (u ? { ...u, progress } : u))).then(
      (media) => set({ id: media.id, url: local, progress: 1, error: null }),
      (err: unknown) => set({ id: null, url: undefined, progress: 0, error: err }),
    );
    if (kind === 'image') setPicture(null);
  }

  const uploading = [image, audio].some((u) => u && !u.id && !u.error);
  const wordingError = fieldError(t, error, 'wording');
  const imageError = fieldError(t, error, 'imageMediaId');
  const audioError = fieldError(t, error, 'audioMediaId');
  const chosen = image?.id || image?.url ? t('criteria.form.ownPicture') : picture ? t(`criteria.pictures.${picture}`) : t('criteria.form.noPicture');

  return (
    <form
      className="criteria-form"
      noValidate
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        if (busy || uploading) return;
        void run(() => onSave({ wording, picture: image?.id ? null : picture, imageMediaId: image?.id ?? null, audioMediaId: audio?.id ?? null }));
      }}
    >
      <h3 id={`${id}-title`} className="criteria-form-title">
        {title}
      </h3>
      <div className="field">
        <label htmlFor={`${id}-wording`}>{t('criteria.form.wording')}</label>
        <p className="hint" id={`${id}-wording-hint`}>
          {t('criteria.form.wordingHint')}
        </p>
        <input
          id={`${id}-wording`}
          value={wording}
          maxLength={WORDING_MAX}
          onChange={(e) => setWording(e.target.value)}
          aria-invalid={wordingError ? true : undefined}
          aria-describedby={`${id}-wording-hint${wordingError ? ` ${id}-wording-error` : ''}`}
        />
        {wordingError ? (
          <p className="field-error" id={`${id}-wording-error`}>
            {wordingError}
          </p>
        ) : null}
      </div>

      <details className="criteria-picture-choice">
        <summary>
          <CriterionPicture picture={image ? null : picture} imageUrl={image?.url} size="sm" /> {t('criteria.form.picture', { chosen })}
        </summary>
        <fieldset className="choices">
          <legend className="visually-hidden">{t('criteria.form.choosePicture')}</legend>
          <ul className="picture-grid criteria-picture-grid">
            <li>
              <label className="picture-option">
                <input type="radio" name={`${id}-picture`} checked={!picture && !image} onChange={() => {
                    setPicture(null);
                    setImage(null);
                  }} />
                <span className="picture-option-text">{t('criteria.form.noPicture')}</span>
              </label>
            </li>
            {criteriaPictureKeys.map((key) => (
              <li key={key}>
                <label className="picture-option">
                  <input type="radio" name={`${id}-picture`} value={key} checked={!image && picture === key} onChange={() => {
                      setPicture(key);
                      setImage(null);
                    }} />
                  <span className="picture picture-lg" aria-hidden="true">
                    {criteriaPictureGlyphs[key]}
                  </span>
                  <span className="picture-option-text">{t(`criteria.pictures.${key}`)}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="row row-tight">
          <input
            id={`${id}-image`}
            className="visually-hidden file-input"
            type="file"
            accept="image/*"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) upload(file, 'image');
            }}
          />
          <label htmlFor={`${id}-image`} className="button">
            <span aria-hidden="true">🖼️</span> {t('criteria.form.uploadPicture')}
          </label>
        </div>
        <UploadState upload={image} />
        {imageError ? <p className="field-error">{imageError}</p> : null}
      </details>

      <div className="criteria-audio">
        <p className="criteria-audio-title">{t('criteria.form.spoken')}</p>
        <p className="hint">{t('criteria.form.spokenHint')}</p>
        {audio?.url ? <audio controls src={audio.url} aria-label={t('criteria.form.listen')} /> : null}
        <UploadState upload={audio} />
        {audioError ? <p className="field-error">{audioError}</p> : null}
        {recording ? (
          <VoiceRecorder
            keepLabel={t('criteria.form.keepRecording')}
            onKeep={(file) => {
              setRecording(false);
              upload(file, 'audio');
            }}
          />
        ) : (
          <div className="row row-tight">
            <button type="button" className="button" onClick={() => setRecording(true)}>
              <span aria-hidden="true">🎤</span> {audio ? t('criteria.form.recordAgain') : t('criteria.form.record')}
            </button>
            {audio ? (
              <button type="button" className="button button-quiet" onClick={() => setAudio(null)}>
                {t('criteria.form.removeRecording')}
              </button>
            ) : null}
          </div>
        )}
      </div>

      <ErrorNotice error={error && !wordingError && !imageError && !audioError ? error : null} />
      {uploading ? (
        <p className="hint" role="status">
          {t('criteria.form.stillUploading')}
        </p>
      ) : null}
      <div className="row row-tight">
        <button type="submit" className="button button-primary" aria-disabled={busy || uploading || undefined}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button-quiet" onClick={onCancel}>
            {t('app.manage.common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function UploadState({ upload }: { upload: Upload | null }) {
  const t = useT();
  if (!upload) return null;
  if (upload.error) {
    return (
      <p className="notice notice-error" role="alert">
        {errorMessage(t, upload.error)}
      </p>
    );
  }
  if (upload.id) return null;
  return (
    <div className="progress" role="progressbar" aria-label={t('criteria.form.uploading')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(upload.progress * 100)}>
      <div className="progress-bar" style={{ inlineSize: `${Math.round(upload.progress * 100)}%` }} />
    </div>
  );
}

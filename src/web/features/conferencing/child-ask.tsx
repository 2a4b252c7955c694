/**
 * "What do you want to talk about?": a child asks their teacher for a conference. Made for
 * children who cannot read well yet: the question is read aloud on a press, picture-word buttons
 * start the sentence for them (maths, reading, writing, friends, how I feel), and they can say it
 * instead of writing it — a voice note, recorded in the page and uploaded as soon as it is kept.
 * After sending, a clear "Your teacher has your message!". The server's refusals (their stage does
 * not ask here; too many today) are said in a child's words.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { MediaView } from '../../../contracts/portfolio';
import { FieldShell, errorMessage, fieldError } from '../../components/ui';
import { api, ApiError, uploadFile } from '../../lib/api';
import { useI18n, useT } from '../../lib/i18n';
import { useAction } from '../../lib/use-api';
import { SpeakButton } from '../criteria/speak';
import { VoiceRecorder } from '../portfolio/recorder';

const choices = [
  { key: 'maths', icon: '🔢' },
  { key: 'reading', icon: '📖' },
  { key: 'writing', icon: '✏️' },
  { key: 'friends', icon: '🤝' },
  { key: 'feelings', icon: '💛' },
] as const;

type Voice = { file: File; progress: number; media: MediaView | null; error: unknown; url: string };

/** A refusal of the whole request in a child's words; null when it is about a field. */
function refusal(t: ReturnType<typeof useT>, error: unknown): string | null {
  if (!error) return null;
  if (error instanceof ApiError) {
    if (error.code === 'requests_off') return t('journey.ask.off');
    if (error.code === 'rate_limited') return t('journey.ask.tooMany');
    if (error.code === 'validation_failed' && Object.keys(error.fields).length) return null;
  }
  return errorMessage(t, error);
}

export function AskForm({ studentId, schoolId, onSent }: { studentId: string; schoolId: string; onSent(): void }) {
  const t = useT();
  const { locale } = useI18n();
  const [about, setAbout] = useState('');
  const [voice, setVoice] = useState<Voice | null>(null);
  const [recorderKey, setRecorderKey] = useState(0);
  const [empty, setEmpty] = useState(false);
  const { busy, error, run } = useAction();
  const titleId = useId();
  const wordsRef = useRef<HTMLTextAreaElement>(null);
  const prefills = choices.map((c) => t(`journey.ask.prefill.${c.key}`));

  // The recording's address in the page, freed when it is taken out or the page is left.
  const voiceUrl = useRef<string | null>(null);
  useEffect(
    () => () => {
      if (voiceUrl.current) URL.revokeObjectURL(voiceUrl.current);
    },
    [],
  );

  function keep(file: File) {
    if (voiceUrl.current) URL.revokeObjectURL(voiceUrl.current);
    voiceUrl.current = URL.createObjectURL(file);
    setVoice({ file, progress: 0, media: null, error: null, url: voiceUrl.current });
    setEmpty(false);
    const set = (change: Partial<Voice>) => setVoice((v) => (v && v.file === file ? { ...v, ...change } : v));
    uploadFile<MediaView>(`/api/schools/${schoolId}/media?hint=audio`, file, file.name, (progress) => set({ progress })).then(
      (media) => set({ media, progress: 1 }),
      (err: unknown) => set({ error: err }),
    );
  }

  const uploading = Boolean(voice && !voice.media && !voice.error);
  const whole = refusal(t, error);
  const aboutError = fieldError(t, error, 'about');
  const voiceError = fieldError(t, error, 'audioMediaId');

  return (
    <form
      className="ask-form"
      noValidate
      aria-labelledby={titleId}
      onSubmit={(e) => {
        e.preventDefault();
        if (busy || uploading) return;
        const audioMediaId = voice?.media?.id ?? null;
        if (!about.trim() && !audioMediaId) {
          setEmpty(true);
          return;
        }
        setEmpty(false);
        void run(async () => {
          await api('POST', `/api/students/${studentId}/conference-requests`, { about: about.trim(), audioMediaId });
          onSent();
        });
      }}
    >
      <div className="ask-question">
        <h1 id={titleId}>{t('journey.ask.title')}</h1>
        <SpeakButton wording={t('journey.ask.title')} wordingId={titleId} lang={locale === 'pseudo' ? 'en' : locale} />
      </div>
      <p className="lead">{t('journey.ask.lead')}</p>

      <fieldset className="choices">
        <legend>{t('journey.ask.choices')}</legend>
        <ul className="ask-choices">
          {choices.map((c, i) => (
            <li key={c.key}>
              <button
                type="button"
                className="picture-button ask-choice"
                aria-pressed={about === prefills[i]}
                onClick={() => {
                  // A tap starts the sentence; what the child wrote themself is kept, the new words after it.
                  const mine = about.trim() && !prefills.includes(about) ? `${about.trim()} ` : '';
                  setAbout(`${mine}${prefills[i]}`);
                  setEmpty(false);
                }}
              >
                <span className="picture picture-xl" aria-hidden="true">
                  {c.icon}
                </span>
                <span className="picture-label">{t(`journey.ask.choice.${c.key}`)}</span>
              </button>
            </li>
          ))}
          <li>
            <button
              type="button"
              className="picture-button ask-choice"
              onClick={() => {
                if (prefills.includes(about)) setAbout('');
                wordsRef.current?.focus();
              }}
            >
              <span className="picture picture-xl" aria-hidden="true">
                💭
              </span>
              <span className="picture-label">{t('journey.ask.choice.other')}</span>
            </button>
          </li>
        </ul>
      </fieldset>

      <FieldShell label={t('journey.ask.words')} hint={t('journey.ask.wordsHint')} error={aboutError}>
        {(control) => (
          <textarea
            {...control}
            ref={wordsRef}
            className="ask-words"
            dir="auto"
            data-content
            rows={3}
            maxLength={500}
            value={about}
            onChange={(e) => {
              setAbout(e.target.value);
              setEmpty(false);
            }}
          />
        )}
      </FieldShell>

      <div className="ask-voice">
        <p className="ask-voice-label">
          <span aria-hidden="true">🎤</span> {t('journey.ask.voice')}
        </p>
        {voice ? (
          <div className="recorder">
            <audio controls src={voice.url} aria-label={t('journey.request.voice')} />
            {voice.error ? (
              <p className="notice notice-error" role="alert">
                {errorMessage(t, voice.error)}
              </p>
            ) : voice.media ? (
              <p className="piece-ok">✓ {t('journey.ask.voiceAdded')}</p>
            ) : (
              <div className="progress" role="progressbar" aria-label={t('journey.ask.voiceUploading')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(voice.progress * 100)}>
                <div className="progress-bar" style={{ inlineSize: `${Math.round(voice.progress * 100)}%` }} />
              </div>
            )}
            <button
              type="button"
              className="button button-link"
              onClick={() => {
                setVoice(null);
                setRecorderKey((k) => k + 1);
              }}
            >
              {t('journey.ask.voiceRemove')}
            </button>
          </div>
        ) : (
          <VoiceRecorder key={recorderKey} keepLabel={t('portfolio.recorder.keep')} onKeep={keep} />
        )}
        {voiceError ? <p className="field-error">{voiceError}</p> : null}
      </div>

      {empty ? (
        <p className="field-error" role="alert">
          {t('journey.ask.empty')}
        </p>
      ) : null}
      {whole ? (
        <p className="notice notice-error" role="alert">
          {whole}
        </p>
      ) : null}
      {uploading ? (
        <p className="hint" role="status">
          {t('journey.ask.voiceUploading')}
        </p>
      ) : null}
      <p>
        <button type="submit" className="button button-big button-submit" aria-disabled={busy || uploading || undefined}>
          <span aria-hidden="true">📨</span> {t('journey.ask.send')}
        </button>
      </p>
    </form>
  );
}

/** The confirmation after sending: focus moves to it, so it is read out. */
export function AskSent({ onAgain }: { onAgain(): void }) {
  const t = useT();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="ask-sent" role="status">
      <p className="picture ask-sent-picture" aria-hidden="true">
        🎉
      </p>
      <h1 ref={ref} tabIndex={-1}>
        {t('journey.ask.sentTitle')}
      </h1>
      <p className="lead">{t('journey.ask.sentLead')}</p>
      <div className="pupil-actions">
        <Link className="button button-big pupil-action" to="/">
          <span className="picture picture-lg" aria-hidden="true">
            🏠
          </span>
          {t('journey.ask.sentHome')}
        </Link>
        <button type="button" className="button button-big pupil-action" onClick={onAgain}>
          <span className="picture picture-lg" aria-hidden="true">
            🙋
          </span>
          {t('journey.ask.sentAgain')}
        </button>
      </div>
    </div>
  );
}

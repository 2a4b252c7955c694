/**
 * A voice recording made in the page (MediaRecorder): for children who cannot yet write, the
 * recording is their caption or reflection. Big buttons, a running time, a preview to listen to
 * before keeping it. Where the browser has no microphone or the person says no, it says so.
 */
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../lib/i18n';

type State = { step: 'idle' } | { step: 'recording'; seconds: number } | { step: 'recorded'; url: string; file: File } | { step: 'error'; key: 'denied' | 'unsupported' };

function bestType(): string | undefined {
  const types = ['audio/webm;codecs=opus', 'audio/webm', 'audio/mp4', 'audio/ogg;codecs=opus'];
  return typeof MediaRecorder !== 'undefined' ? types.find((x) => MediaRecorder.isTypeSupported(x)) : undefined;
}

export function VoiceRecorder({ onKeep, keepLabel }: { onKeep(file: File): void; keepLabel: string }) {
  const t = useT();
  const [state, setState] = useState<State>({ step: 'idle' });
  const recorder = useRef<MediaRecorder | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const stopButton = useRef<HTMLButtonElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);

  useEffect(
    () => () => {
      if (timer.current) clearInterval(timer.current);
      recorder.current?.stream.getTracks().forEach((tr) => tr.stop());
    },
    [],
  );
  useEffect(() => {
    if (state.step === 'recording') stopButton.current?.focus();
    if (state.step === 'recorded') keepButton.current?.focus();
  }, [state.step]);

  async function start() {
    if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined') return setState({ step: 'error', key: 'unsupported' });
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      return setState({ step: 'error', key: 'denied' });
    }
    const type = bestType();
    const rec = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
    const chunks: Blob[] = [];
    rec.ondataavailable = (e) => {
      if (e.data.size) chunks.push(e.data);
    };
    rec.onstop = () => {
      stream.getTracks().forEach((tr) => tr.stop());
      const mime = rec.mimeType || type || 'audio/webm';
      const file = new File(chunks, `recording.${mime.includes('mp4') ? 'm4a' : mime.includes('ogg') ? 'ogg' : 'webm'}`, { type: mime });
      setState({ step: 'recorded', url: URL.createObjectURL(file), file });
    };
    recorder.current = rec;
    rec.start(250);
    setState({ step: 'recording', seconds: 0 });
    timer.current = setInterval(() => setState((s) => (s.step === 'recording' ? { step: 'recording', seconds: s.seconds + 1 } : s)), 1000);
  }

  function stop() {
    if (timer.current) clearInterval(timer.current);
    recorder.current?.stop();
  }

  switch (state.step) {
    case 'idle':
      return (
        <button type="button" className="button button-big" onClick={() => void start()}>
          <span aria-hidden="true">🎤</span> {t('portfolio.recorder.start')}
        </button>
      );
    case 'recording':
      return (
        <div className="recorder recorder-on">
          <span className="recording-dot" aria-hidden="true" />
          <span role="timer" aria-live="off">
            {t('portfolio.recorder.recording', { seconds: state.seconds })}
          </span>
          <button ref={stopButton} type="button" className="button button-big" onClick={stop}>
            <span aria-hidden="true">⏹</span> {t('portfolio.recorder.stop')}
          </button>
        </div>
      );
    case 'recorded':
      return (
        <div className="recorder">
          <audio controls src={state.url} aria-label={t('portfolio.recorder.preview')} />
          <div className="row row-tight">
            <button ref={keepButton} type="button" className="button button-primary" onClick={() => onKeep(state.file)}>
              ✓ {keepLabel}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setState({ step: 'idle' })}>
              {t('portfolio.recorder.again')}
            </button>
          </div>
        </div>
      );
    case 'error':
      return (
        <p className="notice notice-error" role="alert">
          {t(`portfolio.recorder.${state.key}`)}
        </p>
      );
  }
}

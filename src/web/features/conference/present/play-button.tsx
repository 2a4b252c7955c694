/**
 * A big play button for the child's own recording: one press plays, another pauses. The sound is
 * not fetched until it is played; moving to another step removes the element, which stops it.
 */
import { useRef, useState } from 'react';
import { useT } from '../../../lib/i18n';

export function PlayButton({ src, label }: { src: string; label: string }) {
  const t = useT();
  const audio = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState(false);
  return (
    <span className="cp-play-wrap">
      <button
        type="button"
        className="cp-play"
        onClick={() => {
          const a = audio.current;
          if (!a) return;
          if (a.paused) void a.play().catch(() => setPlaying(false));
          else a.pause();
        }}
      >
        <span className="cp-play-icon" aria-hidden="true">
          {playing ? '❚❚' : '▶'}
        </span>
        <span>{playing ? t('presenter.piece.pause') : label}</span>
      </button>
      <audio ref={audio} src={src} preload="none" onPlay={() => setPlaying(true)} onPause={() => setPlaying(false)} onEnded={() => setPlaying(false)} />
    </span>
  );
}

/**
 * A criterion's picture and its spoken version. The speaker button plays the teacher's recording;
 * without one it reads the words with the browser's speech synthesis in the list's language (the
 * school's). A browser that can do neither gets no button (nothing to press that does nothing).
 */
import { useEffect, useRef } from 'react';
import type { CriterionMedia } from '../../../contracts/criteria';
import { criteriaPictureGlyphs, isCriteriaPicture } from '../../../domain/criteria/pictures';
import { useSession } from '../../lib/session';
import { useT } from '../../lib/i18n';

/** The language the school writes its criteria in: read aloud in it, whatever the reader's page language. */
export function useCriteriaLocale(): string {
  const { me } = useSession();
  return me?.schools[0]?.locale ?? 'en';
}

/** The address of an uploaded picture's small size (JPEG: every browser shows it), or null while it is processed. */
export function imageUrlOf(media: CriterionMedia | null | undefined): string | undefined {
  return media?.status === 'ready' ? (media.urls['sm.jpg'] ?? media.urls['sm.webp']) : undefined;
}

export function audioUrlOf(media: CriterionMedia | null | undefined): string | undefined {
  return media?.status === 'ready' ? media.urls.original : undefined;
}

/**
 * The picture beside a criterion's words: decorative (the words say it), so hidden from screen
 * readers; an empty frame keeps the words lined up when there is none.
 */
export function CriterionPicture({ picture, imageUrl, size = 'md' }: { picture: string | null; imageUrl?: string | undefined; size?: 'sm' | 'md' | 'lg' }) {
  if (imageUrl) return <img className={`criteria-picture criteria-picture-${size} criteria-image`} src={imageUrl} alt="" loading="lazy" decoding="async" />;
  return (
    <span className={`criteria-picture criteria-picture-${size} picture`} aria-hidden="true">
      {picture && isCriteriaPicture(picture) ? criteriaPictureGlyphs[picture] : ''}
    </span>
  );
}

const canSpeak = () => typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined';

/**
 * Named "Listen" and described by the criterion's words (`wordingId`, the element showing them):
 * a screen reader says "Listen, button, I put a full stop at the end".
 */
export function SpeakButton({ wording, wordingId, audioUrl, lang }: { wording: string; wordingId: string; audioUrl?: string | undefined; lang: string }) {
  const t = useT();
  const playing = useRef<HTMLAudioElement | null>(null);
  useEffect(
    () => () => {
      playing.current?.pause();
    },
    [],
  );
  if (!audioUrl && !canSpeak()) return null;
  return (
    <button
      type="button"
      className="button button-quiet criteria-speak"
      aria-label={t('criteria.speak.label')}
      aria-describedby={wordingId}
      data-speaks={audioUrl ? 'recording' : 'synthesis'}
      onClick={() => {
        playing.current?.pause();
        if (canSpeak()) window.speechSynthesis.cancel();
        if (audioUrl) {
          const audio = new Audio(audioUrl);
          playing.current = audio;
          void audio.play().catch(() => undefined);
          return;
        }
        const utterance = new SpeechSynthesisUtterance(wording);
        utterance.lang = lang;
        window.speechSynthesis.speak(utterance);
      }}
    >
      <span aria-hidden="true">🔊</span>
    </button>
  );
}

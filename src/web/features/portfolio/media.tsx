/**
 * Showing a post's media in the page: photos and drawings as <picture> (WebP, JPEG for the rest),
 * sized so the page does not jump, and loaded only when scrolled near; video and sound with the
 * browser's own controls, fetching nothing until played (preload="none"); files as a download link.
 */
import type { MediaView } from '../../../contracts/portfolio';
import { useT } from '../../lib/i18n';

export function MediaDisplay({ media, label, large = false }: { media: MediaView; label: string; large?: boolean }) {
  const t = useT();
  if (media.status === 'processing') {
    return (
      <p className="media-waiting" role="status">
        {t('portfolio.media.processing')}
      </p>
    );
  }
  if (media.status === 'failed') return <p className="notice notice-error">{t('portfolio.media.failed')}</p>;
  const size = large ? 'lg' : 'sm';
  switch (media.kind) {
    case 'image':
      return (
        <picture className="media-picture">
          <source srcSet={media.urls[`${size}.webp`]} type="image/webp" />
          <img src={media.urls[`${size}.jpg`]} alt={label} loading="lazy" decoding="async" width={media.width ?? undefined} height={media.height ?? undefined} />
        </picture>
      );
    case 'video':
      return (
        <video className="media-video" controls preload="none" aria-label={label} src={media.urls.original}>
          {t('portfolio.media.noVideo')}
        </video>
      );
    case 'audio':
      return <audio className="media-audio" controls preload="none" aria-label={label} src={media.urls.original} />;
    default:
      return (
        <a className="button button-quiet media-file" href={media.urls.original} download={media.originalName ?? undefined}>
          📎 <span dir="auto" data-content={media.originalName ? true : undefined}>{media.originalName ?? t('portfolio.media.file')}</span>
        </a>
      );
  }
}

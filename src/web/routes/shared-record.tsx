/**
 * The page a shared link opens (/shared/:token), with no sign-in: the conference record, read-only
 * and printable, under a banner saying who shared it and until when. A link that has run out or was
 * withdrawn, or while the school has paused sharing, says so in plain words (and shows nothing else).
 */
import { useParams } from 'react-router';
import type { SharedRecord } from '../../contracts/sharing';
import { ErrorNotice, Loading } from '../components/ui';
import { RecordDocument } from '../features/conference/record-document';
import { useI18n, useT } from '../lib/i18n';
import { useApi } from '../lib/use-api';
import '../styles/conference.css';
import '../styles/sharing.css';

function Refused({ code, error }: { code: string; error: unknown }) {
  const t = useT();
  const [title, text] =
    code === 'share_expired'
      ? [t('sharing.shared.expired_title'), t('sharing.shared.expired_text')]
      : code === 'sharing_off'
        ? [t('sharing.shared.paused_title'), t('sharing.shared.paused_text')]
        : code === 'not_found' || code === 'validation_failed'
          ? [t('sharing.shared.unknown_title'), t('sharing.shared.unknown_text')]
          : [null, null];
  if (!title) return <ErrorNotice error={error} />;
  return (
    <div className="narrow">
      <h1>{title}</h1>
      <p>{text}</p>
    </div>
  );
}

export function SharedRecordPage() {
  const t = useT();
  const { intlLocale } = useI18n();
  const { token } = useParams();
  const loaded = useApi<SharedRecord>(token ? `/api/shared/${encodeURIComponent(token)}` : null);
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <Refused code={loaded.error.code} error={loaded.error} />;
  const shared = loaded.data;
  const regional = navigator.languages.find((l) => l.toLowerCase().startsWith(`${intlLocale}-`)) ?? intlLocale;
  const until = new Intl.DateTimeFormat(regional, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(shared.expiresAt));
  return (
    <div className="narrow record-page">
      <div className="shared-banner" role="note">
        <p>
          <strong>{t('sharing.shared.banner', { name: shared.sharedBy, date: until })}</strong> {t('sharing.shared.for', { recipient: shared.recipient })}
        </p>
        <p>{t('sharing.shared.read_only')}</p>
        <p className="no-print">
          <button type="button" className="button button-quiet" onClick={() => window.print()}>
            {t('sharing.shared.print')}
          </button>
        </p>
      </div>
      <RecordDocument record={shared.record} />
    </div>
  );
}

/**
 * The family's pages of a conference: /conferences/:id/family on the guardian's own phone (the
 * step the child is on, live; the question cards; their commitment to each goal), and
 * /conferences/:id/cards, the five cards to print. A guardian reads them in their own language; a
 * teacher who opens them sees them in the family's language, as the family does.
 */
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { ConferenceView } from '../../contracts/conference';
import { ErrorNotice, Loading } from '../components/ui';
import { FollowupPanel } from '../features/conference/followup-panel';
import { FamilyConference, PrintableCards } from '../features/conference/present/family';
import { useConferenceLive } from '../features/conference/present/use-conference-live';
import { InLocale, useT } from '../lib/i18n';
import { useApi } from '../lib/use-api';
import '../styles/conference-present.css';

function AsTheFamilyReads({ view, children }: { view: ConferenceView; children: ReactNode }) {
  const t = useT();
  if (view.can.family) return children;
  return (
    <>
      <p className="notice no-print cf-teacher-view">{t('presenter.family.teacher_view')}</p>
      <InLocale tag={view.language}>{children}</InLocale>
    </>
  );
}

function Failed({ error }: { error: unknown }) {
  const t = useT();
  return (
    <div className="narrow">
      <h1>{t('conference.family.cards_link')}</h1>
      <ErrorNotice error={error} />
    </div>
  );
}

export function FamilyPage() {
  const { id } = useParams();
  const { view, error, reload, live, connected } = useConferenceLive(id);
  if (error) return <Failed error={error} />;
  if (!view) return <Loading />;
  return (
    <AsTheFamilyReads view={view}>
      <FamilyConference view={view} live={live ?? view.live} connected={connected} onChanged={reload} />
      {view.can.family && (
        <div className="narrow">
          <FollowupPanel conferenceId={view.id} />
        </div>
      )}
    </AsTheFamilyReads>
  );
}

export function CardsPage() {
  const { id } = useParams();
  const loaded = useApi<ConferenceView>(id ? `/api/conferences/${id}` : null);
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <Failed error={loaded.error} />;
  return <CardsSheet view={loaded.data} />;
}

/** The page's words in the reader's language; the cards themselves as the family reads them. */
function CardsSheet({ view }: { view: ConferenceView }) {
  const t = useT();
  const name = view.student.givenName;
  const cards = <PrintableCards name={name} />;
  return (
    <div className="narrow cf-cards-page">
      <h1 className="cf-cards-page-title no-print">{t('presenter.print.title', { name })}</h1>
      {!view.can.family && <p className="notice no-print cf-teacher-view">{t('presenter.family.teacher_view')}</p>}
      <p className="no-print row">
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          <span aria-hidden="true">🖨️</span> {t('presenter.print.print')}
        </button>
        {view.can.family && (
          <Link className="button button-quiet" to={`/conferences/${view.id}/family`}>
            {t('presenter.print.back')}
          </Link>
        )}
      </p>
      <p className="hint no-print">{t('presenter.family.print_hint')}</p>
      {view.can.family ? cards : <InLocale tag={view.language}>{cards}</InLocale>}
    </div>
  );
}

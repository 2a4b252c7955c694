/**
 * The child's and family's side of pupil conferencing: asking for a conference (the child), the
 * pupil conferencer's page (an older child conferencing a younger one), and a child's learning
 * journey (for the child, their family and their teachers).
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { ChildBreadcrumb } from '../features/conferencing/text';
import { Link, useParams } from 'react-router';
import type { StudentDetail } from '../../contracts/api';
import type { Journey, JourneyEntry, PartnerPage as PartnerData } from '../../contracts/conferencing';
import { Saved } from '../components/forms';
import { ErrorNotice, Loading, Name, PictureGlyph } from '../components/ui';
import { AskForm, AskSent } from '../features/conferencing/child-ask';
import { entryKey, JourneyTimeline } from '../features/conferencing/child-journey';
import { MyNotes, NoteForm, SharedPieces } from '../features/conferencing/child-partner';
import { useSchoolZone, useViewer } from '../features/conferencing/child-words';
import { api, ApiError } from '../lib/api';
import { useT } from '../lib/i18n';
import { useApi } from '../lib/use-api';
import '../styles/journey.css';

function HomeCrumb() {
  const t = useT();
  return (
    <p className="breadcrumb">
      <Link to="/">{t('app.nav.home')}</Link>
    </p>
  );
}

/** /students/:id/ask — the child asks their teacher for a conference. */
export function AskConferencePage() {
  const t = useT();
  const { id } = useParams();
  const viewer = useViewer(id);
  const student = useApi<StudentDetail>(`/api/students/${id}`);
  const requests = useApi<{ can: { request: boolean } }>(viewer === 'child' ? `/api/students/${id}/conference-requests` : null);
  const [sent, setSent] = useState(0);
  const [showSent, setShowSent] = useState(false);
  if (viewer !== 'child') {
    return (
      <div className="narrow">
        <HomeCrumb />
        <h1>{t('journey.ask.title')}</h1>
        <p className="notice">{t('journey.ask.notMine')}</p>
      </div>
    );
  }
  if (student.status === 'loading' || requests.status === 'loading') return <Loading />;
  if (student.status === 'error') return <ErrorNotice error={student.error} />;
  if (requests.status === 'error') return <ErrorNotice error={requests.error} />;
  return (
    <div className="narrow pupil-page ask-page">
      <HomeCrumb />
      {showSent ? (
        <AskSent
          onAgain={() => {
            setShowSent(false);
            setSent((n) => n + 1);
          }}
        />
      ) : !requests.data.can.request ? (
        <>
          <h1>{t('journey.ask.title')}</h1>
          <p className="notice ask-off">{t('journey.ask.off')}</p>
        </>
      ) : (
        <AskForm key={sent} studentId={student.data.id} schoolId={student.data.schoolId} onSent={() => setShowSent(true)} />
      )}
    </div>
  );
}

/** /partners/:id — the pupil conferencer's page for one child they conference. */
export function PartnerPage() {
  const t = useT();
  const { id } = useParams();
  const page = useApi<PartnerData>(`/api/pupil-pairings/${id}/partner`);
  const [ended, setEnded] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const piecesId = useId();
  const writeId = useId();
  const notesId = useId();
  const onEnded = useCallback(() => setEnded(true), []);
  const reload = page.reload;

  if (page.status === 'loading') return <Loading />;
  if (ended || (page.status === 'error' && page.error.code === 'pairing_ended')) {
    const name = page.status === 'ready' ? page.data.partner.givenName : null;
    return (
      <div className="narrow pupil-page partner-ended">
        <HomeCrumb />
        <p className="picture ask-sent-picture" aria-hidden="true">
          🌟
        </p>
        <h1>{name ? t('journey.partner.ended', { name }) : t('journey.partner.endedNoName')}</h1>
        <p>
          <Link className="button button-big" to="/">
            <span aria-hidden="true">🏠</span> {t('journey.partner.home')}
          </Link>
        </p>
      </div>
    );
  }
  if (page.status === 'error') return <ErrorNotice error={page.error} />;
  const d = page.data;
  const name = d.partner.givenName;
  const returned = d.notes.find((n) => n.status === 'returned');
  return (
    <div className="pupil-page partner-page">
      <HomeCrumb />
      <div className="who partner-who">
        <PictureGlyph name={d.partner.avatar} size="xl" />
        <div>
          <h1>{t('journey.partner.title', { name })}</h1>
          <p className="card-meta">
            <Name>
              {d.partner.givenName} {d.partner.familyName}
            </Name>{' '}
            · <Name>{d.partner.yearGroup}</Name>
          </p>
        </div>
      </div>
      <p className="lead">{t('journey.partner.lead', { name })}</p>
      {returned ? (
        <p className="notice notice-return partner-returned">
          <span aria-hidden="true">↩️</span> <a href={`#note-${returned.id}`}>{t('journey.partner.returnedNotice')}</a>
        </p>
      ) : null}

      <section aria-labelledby={piecesId}>
        <h2 id={piecesId}>{t('journey.partner.pieces', { name })}</h2>
        <SharedPieces pieces={d.pieces} name={name} />
      </section>

      <section aria-labelledby={writeId} className="note-section">
        <h2 id={writeId}>{t('journey.partner.write')}</h2>
        <Saved message={notice} />
        <NoteForm
          key={formKey}
          pairingId={d.id}
          name={name}
          pieces={d.pieces}
          onEnded={onEnded}
          onSent={() => {
            setNotice(t('journey.partner.sent'));
            setFormKey((k) => k + 1);
            reload();
          }}
        />
      </section>

      <section aria-labelledby={notesId}>
        <h2 id={notesId}>{t('journey.partner.notes', { name })}</h2>
        <MyNotes
          notes={d.notes}
          name={name}
          pairingId={d.id}
          pieces={d.pieces}
          onEnded={onEnded}
          onChanged={() => {
            setNotice(t('journey.partner.sent'));
            reload();
          }}
        />
      </section>
    </div>
  );
}

/** Loads the journey a page at a time: the next page starts after the server's cursor for the last. */
function useJourney(studentId: string | undefined) {
  const [pages, setPages] = useState<Journey[]>([]);
  const [state, setState] = useState<{ loading: boolean; error: ApiError | null }>({ loading: true, error: null });
  /** Loads a page (the first, or the one after `cursor`); returns its first entry (for focus). */
  const load = useCallback(
    async (cursor: string | null): Promise<JourneyEntry | undefined> => {
      setState({ loading: true, error: null });
      try {
        const q = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
        const page = await api<Journey>('GET', `/api/students/${studentId}/journey${q}`);
        setPages((p) => (cursor ? [...p, page] : [page]));
        setState({ loading: false, error: null });
        return page.entries[0];
      } catch (error) {
        setState({ loading: false, error: error instanceof ApiError ? error : new ApiError(0, 'internal') });
        return undefined;
      }
    },
    [studentId],
  );
  useEffect(() => {
    void load(null);
  }, [load]);
  const last = pages[pages.length - 1];
  return { first: pages[0], entries: pages.flatMap((p) => p.entries), more: last?.more ?? false, next: last?.next ?? null, pages: pages.length, ...state, load };
}

/** /students/:id/journey — the child's learning journey. */
export function JourneyPage() {
  const t = useT();
  const { id } = useParams();
  const viewer = useViewer(id);
  const zone = useSchoolZone();
  const journey = useJourney(id);
  // After "Show earlier": the first of the new entries, where focus goes once they are shown.
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const { first, entries } = journey;
  const hasFocusTarget = focusKey !== null && entries.some((e) => entryKey(e) === focusKey);
  useEffect(() => {
    if (focusKey && hasFocusTarget) document.getElementById(`entry-${focusKey}`)?.focus();
  }, [focusKey, hasFocusTarget]);

  if (!first && journey.error) return <ErrorNotice error={journey.error} />;
  if (!first) return <Loading />;
  const child = viewer === 'child';
  const name = first.student.givenName;
  return (
    <div className={`journey-page${child ? ' pupil-page' : ''}`}>
      <ChildBreadcrumb student={first.student} self={child} home={t('app.nav.home')} />
      <div className="who">
        <PictureGlyph name={first.student.avatar} size="xl" />
        <h1>{child ? t('journey.journey.titleMine') : t('journey.journey.title', { name })}</h1>
      </div>
      <p className="lead">{child ? t('journey.journey.leadMine') : t('journey.journey.lead', { name })}</p>
      {entries.length === 0 ? (
        <div className="journey-empty">
          <p className="empty">{child ? t('journey.journey.emptyMine') : t('journey.journey.empty', { name })}</p>
          {child ? (
            <Link className="button button-big" to={`/students/${first.student.id}/portfolio/new`}>
              <span aria-hidden="true">📷</span> {t('journey.journey.addMine')}
            </Link>
          ) : null}
        </div>
      ) : (
        <JourneyTimeline entries={entries} studentId={first.student.id} name={name} viewer={viewer} timeZone={zone} focusKey={focusKey} />
      )}
      <ErrorNotice error={journey.error} />
      {journey.loading ? <Loading /> : null}
      {journey.more && journey.next && !journey.loading ? (
        <p>
          <button
            type="button"
            className="button"
            onClick={() =>
              void journey.load(journey.next).then((added) => {
                if (added) setFocusKey(entryKey(added));
              })
            }
          >
            {t('journey.journey.earlier')}
          </button>
        </p>
      ) : null}
      {!journey.more && journey.pages > 1 ? <p className="empty">{t('journey.journey.noMore')}</p> : null}
    </div>
  );
}

/**
 * Pupil conferencing on a child's own page: the big "I want to talk to my teacher" button (where
 * their stage asks for it), what they asked for and what happened (in their words), and the
 * children they conference, each a card to open. Nothing at all while it loads or when there is
 * nothing to show — the child's page stays simple.
 */
import { useId } from 'react';
import { Link } from 'react-router';
import type { MyConferencing } from '../../../contracts/conferencing';
import { Name, PictureGlyph } from '../../components/ui';
import { useT } from '../../lib/i18n';
import { useApi } from '../../lib/use-api';
import { rich, useZoneFormat } from '../booking/format';
import { MediaDisplay } from '../portfolio/media';
import { RequestState, useSchoolZone } from './child-words';
import '../../styles/journey.css';

/** How many of their requests a child sees on their page: the newest. */
const RECENT = 5;

export function PupilConferencing({ studentId }: { studentId: string }) {
  const t = useT();
  const mine = useApi<MyConferencing>('/api/me/conferencing');
  const zone = useZoneFormat(useSchoolZone());
  const requestsId = useId();
  const partnersId = useId();
  if (mine.status !== 'ready') return null;
  const { canRequest, requests, partners } = mine.data;
  const recent = [...requests].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, RECENT);
  return (
    <>
      {canRequest ? (
        <div className="pupil-actions">
          <Link className="button button-big button-primary pupil-action pupil-ask" to={`/students/${studentId}/ask`}>
            <span className="picture picture-lg" aria-hidden="true">
              🙋
            </span>
            {t('journey.home.ask')}
          </Link>
        </div>
      ) : null}
      {recent.length ? (
        <section aria-labelledby={requestsId} className="pupil-section">
          <h2 id={requestsId}>{t('journey.home.requests')}</h2>
          <ul className="request-list">
            {recent.map((r) => (
              <li key={r.id} className={`card request request-${r.status}`}>
                <RequestState request={r} />
                {r.about ? (
                  <p className="request-about" dir="auto" data-content>
                    {r.about}
                  </p>
                ) : null}
                {r.audio ? <MediaDisplay media={r.audio} label={t('journey.request.voice')} /> : null}
                {r.reply ? (
                  <div className="request-reply">
                    <p className="request-reply-who">{t('journey.request.teacherSays')}</p>
                    <p dir="auto" data-content>
                      {r.reply}
                    </p>
                  </div>
                ) : null}
                <p className="card-meta">
                  {rich(t, 'journey.request.askedOn', {
                    when: (
                      <time dateTime={r.createdAt} translate="no">
                        {zone.day(r.createdAt)}
                      </time>
                    ),
                  })}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {partners.length ? (
        <section aria-labelledby={partnersId} className="pupil-section">
          <h2 id={partnersId}>{t('journey.home.partners')}</h2>
          <ul className="card-list">
            {partners.map((p) => (
              <li key={p.pairingId}>
                <Link className="card card-link card-child partner-card" to={`/partners/${p.pairingId}`}>
                  <PictureGlyph name={p.partner.avatar} size="xl" />
                  <span>
                    <span className="card-title">{t('journey.home.partnerOpen', { name: p.partner.givenName })}</span>
                    <span className="card-meta">
                      <Name>
                        {p.partner.givenName} {p.partner.familyName}
                      </Name>{' '}
                      · <Name>{p.partner.yearGroup}</Name>
                    </span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

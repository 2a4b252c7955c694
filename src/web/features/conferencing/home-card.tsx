/**
 * On a teacher's home page: the pupil-conference follow-ups due (or coming within a week) for the
 * children they teach, late ones first as the server sends them, and how many requests and pupils'
 * notes wait in their classes' conferencing pages. Nothing at all for someone who teaches no class.
 */
import { Link } from 'react-router';
import type { MyConferencing } from '../../../contracts/conferencing';
import type { MyClasses } from '../../../contracts/api';
import { useT } from '../../lib/i18n';
import { useApi } from '../../lib/use-api';
import { ChildName, Day } from './text';

export function ConferencingHome({ taught }: { taught: MyClasses['taught'] }) {
  const t = useT();
  const data = useApi<MyConferencing>(taught.length ? '/api/me/conferencing' : null);
  if (taught.length === 0 || data.status !== 'ready') return null;
  const { followUps, openRequests, notesToReview } = data.data;
  return (
    <section aria-labelledby="pupil-conferencing">
      <h2 id="pupil-conferencing">{t('conferencing.home.title')}</h2>
      <p>
        {t('conferencing.home.requests', { count: openRequests })} · {t('conferencing.home.notes', { count: notesToReview })}
      </p>
      <div className="row row-tight">
        {taught.map((c) => (
          <Link key={c.id} className="button" to={`/classes/${c.id}/conferencing`}>
            {t('conferencing.home.classLink', { className: c.name })}
          </Link>
        ))}
      </div>
      <h3>{t('conferencing.home.followUps')}</h3>
      {followUps.length === 0 ? <p className="empty">{t('conferencing.home.noFollowUps')}</p> : null}
      <ul className="card-list">
        {followUps.map((f) => (
          <li key={f.conferenceId} className="card">
            <span className="card-title">
              <ChildName child={f.student} />
            </span>
            {f.subject ? (
              <span className="card-meta" dir="auto" data-content>
                {f.subject}
              </span>
            ) : null}
            <span className="card-meta">
              <Day iso={f.followUpOn} />{' '}
              {f.daysLate > 0 ? (
                <span className="badge badge-error">{t('conferencing.home.overdue', { days: f.daysLate })}</span>
              ) : f.daysLate === 0 ? (
                <span className="badge badge-pending">{t('conferencing.home.dueToday')}</span>
              ) : (
                <span className="badge">{t('conferencing.home.dueIn', { days: -f.daysLate })}</span>
              )}
            </span>
            <span className="card-meta">
              <Link to={`/pupil-conferences/${f.conferenceId}`}>{t('conferencing.home.openRecord')}</Link>
              {' · '}
              <Link to={`/students/${f.student.id}/conferences/new`}>{t('conferencing.home.logFollowUp')}</Link>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

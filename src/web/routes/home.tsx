/** Each person's home: a teacher's classes, a family's children, a pupil's own page — from real data. */
import { Link } from 'react-router';
import type { MyChildren, MyClasses, StudentDetail } from '../../contracts/api';
import type { MyConferences } from '../../contracts/booking';
import { ErrorNotice, Loading, Name, PictureGlyph } from '../components/ui';
import { SharingSwitch } from '../features/conference/sharing-switch';
import { ConferencingHome } from '../features/conferencing/home-card';
import { PupilConferencing } from '../features/conferencing/child-home';
import { useI18n, useT } from '../lib/i18n';
import { useSession } from '../lib/session';
import { useApi } from '../lib/use-api';

export function HomePage() {
  const t = useT();
  const { me } = useSession();
  if (!me) return null;
  const staff = me.roles.some((r) => r === 'admin' || r === 'teacher' || r === 'assistant');
  return (
    <div>
      {me.roles.includes('student') && me.studentId ? (
        <StudentHome studentId={me.studentId} timeZone={me.schools[0]?.timeZone} />
      ) : (
        <h1>{t('app.home.hello', { name: me.givenName })}</h1>
      )}
      {staff || me.roles.includes('guardian') ? <ConferencesHome userId={me.id} timeZone={me.schools[0]?.timeZone} /> : null}
      {staff ? <StaffHome admin={me.roles.includes('admin')} schoolId={me.schools[0]?.id} /> : null}
      {me.roles.includes('guardian') ? <GuardianHome /> : null}
      {me.roles.length === 0 ? <p>{t('app.home.nothing')}</p> : null}
    </div>
  );
}

function ClassCard({ c, role, pending = 0 }: { c: MyClasses['school'][number]; role?: string; pending?: number }) {
  const t = useT();
  return (
    <li>
      <Link className="card card-link" to={`/classes/${c.id}`}>
        <span className="card-title">
          <Name>{c.name}</Name>
        </span>
        <span className="card-meta">
          <Name>{c.yearGroup}</Name> · {t('app.home.students', { count: c.studentCount })}
          {role ? <> · {t(`app.roles.class.${role}`)}</> : null}
        </span>
        {pending > 0 ? <span className="badge badge-pending">{t('portfolio.home.waiting', { count: pending })}</span> : null}
      </Link>
    </li>
  );
}

/** Upcoming conferences: a family's to book, a teacher's day sheet. Nothing when there are none. */
function ConferencesHome({ userId, timeZone }: { userId: string; timeZone: string | undefined }) {
  const t = useT();
  const { intlLocale } = useI18n();
  const data = useApi<MyConferences>('/api/me/conferences');
  if (data.status !== 'ready' || (data.data.family.length === 0 && data.data.teaching.length === 0)) return null;
  const { family, teaching } = data.data;
  return (
    <section aria-labelledby="conferences">
      <h2 id="conferences">{t('app.home.conferences')}</h2>
      <ul className="card-list">
        {family.map((r) => (
          <li key={`f-${r.roundId}`}>
            <Link className="card card-link" to={`/rounds/${r.roundId}/book`}>
              <span className="card-title">
                <span data-content>{r.name}</span>
              </span>
              <span className="card-meta">
                {r.state === 'open'
                  ? t('app.home.conferencesBooked', { booked: r.booked, count: r.children })
                  : r.state === 'not_open' && r.bookingOpensAt
                    ? t('app.home.conferencesOpens', { when: new Date(r.bookingOpensAt).toLocaleString(intlLocale, { timeZone, weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' }) })
                    : t('app.home.conferencesClosed', { booked: r.booked, count: r.children })}
              </span>
              {r.state === 'open' && r.booked < r.children ? <span className="badge badge-pending">{t('app.home.conferencesBook')}</span> : null}
            </Link>
          </li>
        ))}
        {family.flatMap((r) =>
          r.meetings.map((m) => (
            <li key={`m-${m.conferenceId}`} className="card">
              <span className="card-title">{t('conference.family.meeting', { name: m.studentName, when: new Date(m.startsAt).toLocaleString(intlLocale, { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' }) })}</span>
              <span className="card-meta">
                <Link to={`/conferences/${m.conferenceId}/family`}>{t('conference.family.cards_link')}</Link>
                {m.status !== 'ended' ? (
                  <>
                    {' · '}
                    <Link to={`/conferences/${m.conferenceId}/status`}>{t('conference.family.status_link')}</Link>
                  </>
                ) : null}
                {m.recordVersion > 0 ? (
                  <>
                    {' · '}
                    <Link to={`/conferences/${m.conferenceId}/record`}>{t('conference.family.record_link')}</Link>
                  </>
                ) : null}
                {m.status === 'ended' ? (
                  <>
                    {' · '}
                    <Link to={`/conferences/${m.conferenceId}/survey`}>{t('surveys.links.answer')}</Link>
                  </>
                ) : null}
              </span>
            </li>
          )),
        )}
        {teaching.map((r) => (
          <li key={`t-${r.roundId}`}>
            <Link className="card card-link" to={`/rounds/${r.roundId}/sheet/${userId}`}>
              <span className="card-title">{t('app.home.daySheet')}</span>
              <span className="card-meta">
                <span data-content>{r.name}</span> · {t('app.home.daySheetBooked', { count: r.booked })}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function StaffHome({ admin, schoolId }: { admin: boolean; schoolId: string | undefined }) {
  const t = useT();
  const classes = useApi<MyClasses>('/api/me/classes');
  if (classes.status === 'loading') return <Loading />;
  if (classes.status === 'error') return <ErrorNotice error={classes.error} />;
  const { taught, school } = classes.data;
  return (
    <>
      <section aria-labelledby="my-classes">
        <h2 id="my-classes">{t('app.home.myClasses')}</h2>
        {taught.length === 0 ? <p>{t('app.home.noClasses')}</p> : null}
        <ul className="card-list">
          {taught.map((c) => (
            <ClassCard key={c.id} c={c} role={c.role} pending={c.pendingPosts} />
          ))}
          <li>
            <Link className="card card-link" to="/followups">
              <span className="card-title">{t('followup.queue.home_link')}</span>
              <span className="card-meta">{t('followup.queue.home_hint')}</span>
            </Link>
          </li>
          <li>
            <Link className="card card-link" to="/conference-day">
              <span className="card-title">{t('conference.day.home_link')}</span>
              <span className="card-meta">{t('conference.day.home_hint')}</span>
            </Link>
          </li>
          {taught.length > 0 || admin ? (
            <li>
              <Link className="card card-link" to="/families">
                <span className="card-title">{t('app.home.familiesTitle')}</span>
                <span className="card-meta">{t('app.home.familiesHint')}</span>
              </Link>
            </li>
          ) : null}
        </ul>
      </section>
      <ConferencingHome taught={taught} />
      {admin ? (
        <section aria-labelledby="admin-tools">
          <h2 id="admin-tools">{t('app.home.adminTools')}</h2>
          <ul className="card-list">
            <li>
              <Link className="card card-link" to="/roster">
                <span className="card-title">{t('app.roster.title')}</span>
                <span className="card-meta">{t('app.home.rosterHint')}</span>
              </Link>
            </li>
            <li>
              <Link className="card card-link" to="/school/rounds">
                <span className="card-title">{t('preparation.rounds.title')}</span>
                <span className="card-meta">{t('preparation.rounds.homeHint')}</span>
              </Link>
            </li>
            <li>
              <Link className="card card-link" to="/school/conferencing">
                <span className="card-title">{t('conferencing.home.settings')}</span>
                <span className="card-meta">{t('conferencing.home.settingsHint')}</span>
              </Link>
            </li>
            <li>
              <Link className="card card-link" to="/school/interpreters">
                <span className="card-title">{t('app.home.interpreters')}</span>
                <span className="card-meta">{t('app.home.interpretersHint')}</span>
              </Link>
            </li>
            <li>
              <Link className="card card-link" to="/school/subjects">
                <span className="card-title">{t('portfolio.subjects.title')}</span>
                <span className="card-meta">{t('portfolio.subjects.homeHint')}</span>
              </Link>
            </li>
            <li>
              <Link className="card card-link" to="/school/standards">
                <span className="card-title">{t('standards.title')}</span>
                <span className="card-meta">{t('standards.homeHint')}</span>
              </Link>
            </li>
          </ul>
        </section>
      ) : null}
      {admin && schoolId ? (
        <section aria-labelledby="school-sharing">
          <h2 id="school-sharing">{t('sharing.switch.title')}</h2>
          <SharingSwitch scope="school" id={schoolId} />
        </section>
      ) : null}
      {admin && school.length > 0 ? (
        <section aria-labelledby="school-classes">
          <h2 id="school-classes">{t('app.home.schoolClasses')}</h2>
          <ul className="card-list">
            {school.map((c) => (
              <ClassCard key={c.id} c={c} />
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function GuardianHome() {
  const t = useT();
  const children = useApi<MyChildren>('/api/me/children');
  return (
    <section aria-labelledby="my-children">
      <h2 id="my-children">{t('app.home.myChildren')}</h2>
      {children.status === 'loading' ? <Loading /> : null}
      {children.status === 'error' ? <ErrorNotice error={children.error} /> : null}
      {children.status === 'ready' ? (
        <ul className="card-list">
          {children.data.children.map((child) => (
            <li key={child.id} className="child-entry">
              <Link className="card card-link card-child" to={`/students/${child.id}`}>
                <PictureGlyph name={child.avatar} size="lg" />
                <span>
                  <span className="card-title">
                    <Name>
                      {child.givenName} {child.familyName}
                    </Name>
                  </span>
                  <span className="card-meta">
                    <Name>{child.yearGroup}</Name>
                  </span>
                  {child.classes.map((c) => (
                    <span key={c.id} className="card-meta">
                      {t('app.home.classWith', {
                        className: c.name,
                        teachers: c.teachers.filter((x) => x.role !== 'assistant').map((x) => `${x.givenName} ${x.familyName}`).join(', '),
                      })}
                    </span>
                  ))}
                </span>
              </Link>
              <Link className="button card-action" to={`/students/${child.id}/portfolio`}>
                <span aria-hidden="true">📒</span> {t('portfolio.home.childPortfolio', { name: child.givenName })}
              </Link>
              <Link className="button card-action" to={`/students/${child.id}/goals`}>
                <span aria-hidden="true">🎯</span> {t('goals.home.childGoals', { name: child.givenName })}
              </Link>
              <Link className="button card-action" to={`/students/${child.id}/journey`}>
                <span aria-hidden="true">🧭</span> {t('journey.home.journeyChild', { name: child.givenName })}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** A child's own conference: a big button to present it, and afterwards what was agreed and "How was it?". */
function PupilConferences({ timeZone }: { timeZone: string | undefined }) {
  const t = useT();
  const { intlLocale } = useI18n();
  const data = useApi<MyConferences>('/api/me/conferences');
  if (data.status !== 'ready' || data.data.presenting.length === 0) return null;
  return (
    <section aria-labelledby="pupil-conference" className="pupil-conference">
      <h2 id="pupil-conference">{t('conference.pupil.title')}</h2>
      {data.data.presenting.map((m) => (
        <div key={m.conferenceId}>
          <p className="lead">
            <time dateTime={m.startsAt} translate="no">
              {new Date(m.startsAt).toLocaleString(intlLocale, { timeZone, weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' })}
            </time>
          </p>
          <div className="pupil-actions">
            {m.status !== 'ended' ? (
              <Link className="button button-big button-primary pupil-action" to={`/conferences/${m.conferenceId}/present`}>
                <span className="picture picture-lg" aria-hidden="true">
                  🎤
                </span>
                {t('conference.pupil.present')}
              </Link>
            ) : null}
            {m.recordVersion > 0 ? (
              <Link className="button button-big pupil-action" to={`/conferences/${m.conferenceId}/record`}>
                <span className="picture picture-lg" aria-hidden="true">
                  📜
                </span>
                {t('conference.pupil.record')}
              </Link>
            ) : null}
            {m.status === 'ended' ? (
              <Link className="button button-big pupil-action" to={`/conferences/${m.conferenceId}/survey`}>
                <span className="picture picture-lg" aria-hidden="true">
                  😊
                </span>
                {t('conference.pupil.survey')}
              </Link>
            ) : null}
          </div>
        </div>
      ))}
    </section>
  );
}

function StudentHome({ studentId, timeZone }: { studentId: string; timeZone: string | undefined }) {
  const t = useT();
  const student = useApi<StudentDetail>(`/api/students/${studentId}`);
  if (student.status === 'loading') return <Loading />;
  if (student.status === 'error') return <ErrorNotice error={student.error} />;
  const s = student.data;
  return (
    <div className="pupil-home">
      <PictureGlyph name={s.avatar} size="xl" />
      <h1>{t('app.home.pupilHello', { name: s.givenName })}</h1>
      <PupilConferences timeZone={timeZone} />
      <div className="pupil-actions">
        <Link className="button button-big pupil-action" to={`/students/${s.id}/portfolio/new`}>
          <span className="picture picture-lg" aria-hidden="true">
            📷
          </span>
          {t('portfolio.home.add')}
        </Link>
        <Link className="button button-big pupil-action" to={`/students/${s.id}/portfolio`}>
          <span className="picture picture-lg" aria-hidden="true">
            📒
          </span>
          {t('portfolio.home.mine')}
        </Link>
        <Link className="button button-big pupil-action" to={`/students/${s.id}/goals`}>
          <span className="picture picture-lg" aria-hidden="true">
            🎯
          </span>
          {t('goals.home.mine')}
        </Link>
        <Link className="button button-big pupil-action" to={`/students/${s.id}/preparation`}>
          <span className="picture picture-lg" aria-hidden="true">
            ⭐
          </span>
          {t('preparation.home.getReady')}
        </Link>
        <Link className="button button-big pupil-action" to={`/students/${s.id}/journey`}>
          <span className="picture picture-lg" aria-hidden="true">
            🧭
          </span>
          {t('journey.home.journeyMine')}
        </Link>
      </div>
      <PupilConferencing studentId={s.id} />
      {s.classes.map((c) => (
        <p key={c.id} className="lead">
          {t('app.home.pupilClass', {
            className: c.name,
            teachers: c.teachers.filter((x) => x.role !== 'assistant').map((x) => `${x.givenName} ${x.familyName}`).join(', '),
          })}
        </p>
      ))}
    </div>
  );
}

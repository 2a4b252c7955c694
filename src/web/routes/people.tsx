/** A class (roster and printable sign-in card) and a child (classes, teachers, family) — for the people allowed to see them. */
import { SharingSwitch } from '../features/conference/sharing-switch';
import { useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { Saved } from '../components/forms';
import type { ClassDetail, ClassSignInCard, StudentDetail } from '../../contracts/api';
import { ErrorNotice, Loading, Name, PictureGlyph, TeachersWithRoles } from '../components/ui';
import { useT } from '../lib/i18n';
import { useSession } from '../lib/session';
import { useApi } from '../lib/use-api';
import { AddGuardianForm, ArchiveStudent, GuardianControls, languageSelfName, Relationship, ResetPictures, StudentClassesForm, StudentDetailsForm } from './student-manage';

export function ClassPage() {
  const t = useT();
  const { id } = useParams();
  const posted = (useLocation().state as { posted?: number } | null)?.posted;
  const klass = useApi<ClassDetail>(`/api/classes/${id}`);
  if (klass.status === 'loading') return <Loading />;
  if (klass.status === 'error') return <ErrorNotice error={klass.error} />;
  const c = klass.data;
  return (
    <div>
      <p className="breadcrumb">
        <Link to="/">{t('app.nav.home')}</Link>
      </p>
      <h1>
        <Name>{c.name}</Name>
      </h1>
      <p className="lead">
        <Name>{c.yearGroup}</Name> · {t('app.home.students', { count: c.students.length })}
      </p>
      <section aria-labelledby="class-portfolio">
        <h2 id="class-portfolio">{t('portfolio.class.title')}</h2>
        <Saved message={posted ? t('portfolio.class.posted', { count: posted }) : null} />
        <div className="row row-tight">
          <Link className="button button-primary" to={`/classes/${c.id}/approvals`}>
            {t('portfolio.class.approvals')}
          </Link>
          <Link className="button" to={`/classes/${c.id}/post`}>
            {t('portfolio.class.groupPost')}
          </Link>
        </div>
      </section>
      <section aria-labelledby="class-criteria">
        <h2 id="class-criteria">{t('criteria.class.title')}</h2>
        <p>{t('criteria.class.lead')}</p>
        <div className="row row-tight">
          <Link className="button" to={`/classes/${c.id}/criteria`}>
            {t('criteria.class.open')}
          </Link>
        </div>
      </section>
      <section aria-labelledby="class-conferencing">
        <h2 id="class-conferencing">{t('conferencing.links.classTitle')}</h2>
        <p>{t('conferencing.links.classLead')}</p>
        <div className="row row-tight">
          <Link className="button" to={`/classes/${c.id}/conferencing`}>
            {t('conferencing.links.classOpen')}
          </Link>
        </div>
      </section>
      <section aria-labelledby="class-sharing">
        <h2 id="class-sharing">{t('sharing.switch.title')}</h2>
        <SharingSwitch scope="class" id={c.id} />
      </section>
      <section aria-labelledby="class-preparation">
        <h2 id="class-preparation">{t('preparation.class.title')}</h2>
        <p>{t('preparation.class.lead')}</p>
        <div className="row row-tight">
          <Link className="button button-primary" to={`/classes/${c.id}/preparation`}>
            {t('preparation.class.open')}
          </Link>
        </div>
      </section>
      <section aria-labelledby="teachers">
        <h2 id="teachers">{t('app.class.teachers')}</h2>
        <ul className="plain-list">
          {c.teachers.map((x) => (
            <li key={x.userId}>
              <Name>
                {x.givenName} {x.familyName}
              </Name>{' '}
              <span className="badge">{t(`app.roles.class.${x.role}`)}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="pupil-sign-in">
        <h2 id="pupil-sign-in">{t('app.class.signIn')}</h2>
        <p>
          {t('app.class.codeIs')} <strong translate="no" className="code">{c.classCode}</strong>
        </p>
        <Link className="button" to={`/classes/${c.id}/card`}>
          {t('app.class.printCard')}
        </Link>
      </section>
      <section aria-labelledby="children">
        <h2 id="children">{t('app.class.children')}</h2>
        <ul className="roster">
          {c.students.map((s) => (
            <li key={s.id}>
              <Link to={`/students/${s.id}`}>
                <PictureGlyph name={s.avatar} />
                <Name>
                  {s.givenName} {s.familyName}
                </Name>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

export function ClassCardPage() {
  const t = useT();
  const { id } = useParams();
  const card = useApi<ClassSignInCard>(`/api/classes/${id}/sign-in-card`);
  if (card.status === 'loading') return <Loading />;
  if (card.status === 'error') return <ErrorNotice error={card.error} />;
  const c = card.data;
  return (
    <div className="sign-in-card">
      <p className="breadcrumb no-print">
        <Link to={`/classes/${id}`}>
          <Name>{c.className}</Name>
        </Link>
      </p>
      <h1>{t('app.card.title', { className: c.className })}</h1>
      <img className="qr" alt={t('app.card.qrAlt')} src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(c.qrSvg)}`} width={280} height={280} />
      <p className="card-code">
        {t('app.class.codeIs')} <strong translate="no">{c.classCode}</strong>
      </p>
      <ol className="steps">
        <li>{t('app.card.step1')}</li>
        <li>{t('app.card.step2')}</li>
        <li>{t('app.card.step3')}</li>
      </ol>
      <p className="no-print">
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          {t('app.card.print')}
        </button>
      </p>
    </div>
  );
}

export function StudentPage() {
  const t = useT();
  const { id } = useParams();
  const { me } = useSession();
  const student = useApi<StudentDetail>(`/api/students/${id}`);
  // Archived or restored on this page (until the next load says the same); else what the API says.
  const [archivedHere, setArchived] = useState<boolean | null>(null);
  const familyRef = useRef<HTMLHeadingElement>(null);
  const manageRef = useRef<HTMLHeadingElement>(null);
  if (student.status === 'loading') return <Loading />;
  if (student.status === 'error') return <ErrorNotice error={student.error} />;
  const s = student.data;
  const archived = archivedHere ?? s.archived;
  const admin = Boolean(me?.roles.includes('admin') && me.schools.some((x) => x.id === s.schoolId));
  const teachesThem = s.classes.some((c) => c.teachers.some((x) => x.userId === me?.id));
  const reload = student.reload;
  return (
    <div>
      <p className="breadcrumb">
        <Link to="/">{t('app.nav.home')}</Link>
      </p>
      <div className="who">
        <PictureGlyph name={s.avatar} size="xl" />
        <h1>
          <Name>
            {s.givenName} {s.familyName}
          </Name>
        </h1>
      </div>
      <p className="lead">
        <Name>{s.yearGroup}</Name>
        {s.keyStage ? (
          <>
            {' · '}
            <Name>{s.keyStage}</Name>
          </>
        ) : null}
        {archived ? <span className="badge badge-archived">{t('app.manage.common.archived')}</span> : null}
      </p>
      {!archived ? (
        <p>
          <Link className="button button-primary" to={`/students/${s.id}/portfolio`}>
            <span aria-hidden="true">📒</span> {t('portfolio.home.childPortfolio', { name: s.givenName })}
          </Link>
          {' '}
          <Link className="button" to={`/students/${s.id}/goals`}>
            <span aria-hidden="true">🎯</span> {t('goals.home.childGoals', { name: s.givenName })}
          </Link>
          {admin || teachesThem ? (
            <>
              {' '}
              <Link className="button" to={`/students/${s.id}/conferences`}>
                <span aria-hidden="true">💬</span> {t('conferencing.links.conferences')}
              </Link>
            </>
          ) : null}{' '}
          <Link className="button" to={`/students/${s.id}/journey`}>
            <span aria-hidden="true">🧭</span> {t('conferencing.links.journey')}
          </Link>
        </p>
      ) : null}
      <section aria-labelledby="classes">
        <h2 id="classes">{t('app.student.classes')}</h2>
        {s.classes.length === 0 ? <p>{t('app.manage.child.noClasses')}</p> : null}
        <ul className="plain-list">
          {s.classes.map((c) => (
            <li key={c.id}>
              <strong>
                {admin ? (
                  <Link to={`/roster/classes/${c.id}`}>
                    <Name>{c.name}</Name>
                  </Link>
                ) : (
                  <Name>{c.name}</Name>
                )}
              </strong>{' '}
              —{' '}
              <TeachersWithRoles teachers={c.teachers} />
            </li>
          ))}
        </ul>
      </section>
      {s.guardians ? (
        <section aria-labelledby="family">
          <h2 id="family" ref={familyRef} tabIndex={-1}>
            {t('app.student.family')}
          </h2>
          {s.guardians.length === 0 ? <p>{t('app.manage.family.none')}</p> : null}
          <ul className="card-list">
            {s.guardians.map((g) => (
              <li key={g.guardianId} className="card">
                <span className="card-title">
                  <Name>
                    {g.givenName} {g.familyName}
                  </Name>
                </span>
                <span className="card-meta">
                  <Relationship value={g.relationship} />
                </span>
                {g.email ? (
                  <span className="card-meta">
                    <a href={`mailto:${g.email}`} translate="no" dir="ltr">
                      {g.email}
                    </a>
                  </span>
                ) : null}
                {g.phone ? (
                  <span className="card-meta">
                    <a href={`tel:${g.phone.replace(/\s/g, '')}`} translate="no" dir="ltr">
                      {g.phone}
                    </a>
                  </span>
                ) : null}
                <span className="card-meta">
                  {t('app.student.language', { language: languageName(g.preferredLocale, t('app.student.schoolLanguage')) })}
                </span>
                {admin && !archived ? (
                  <GuardianControls student={s} guardian={g} onChanged={reload} familyHeading={familyRef} />
                ) : g.attendsSeparately ? (
                  <span className="badge">{t('app.student.attendsSeparately')}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {(admin || teachesThem) && !archived ? <ResetPictures student={s} /> : null}
      {admin ? (
        <section aria-labelledby="manage" className="manage narrow">
          <h2 id="manage" ref={manageRef} tabIndex={-1}>
            {t('app.manage.child.manageTitle', { name: s.givenName })}
          </h2>
          {!archived ? (
            <>
              <StudentDetailsForm key={`details-${s.id}`} student={s} onSaved={reload} />
              <StudentClassesForm key={`classes-${s.id}`} student={s} onSaved={reload} />
              <AddGuardianForm student={s} onAdded={reload} />
            </>
          ) : null}
          <ArchiveStudent
            student={s}
            archived={archived}
            onArchived={() => setArchived(true)}
            onRestored={() => {
              setArchived(false);
              reload();
            }}
            focusRef={manageRef}
          />
        </section>
      ) : null}
    </div>
  );
}

function languageName(tag: string | null, fallback: string): string {
  return tag ? languageSelfName(tag) : fallback;
}

/**
 * Pupil conferencing, the teacher's side: the school's stages (/school/conferencing), a child's
 * conferences and the log form (/students/:id/conferences, …/new, /pupil-conferences/:id/edit),
 * one record for everyone who may read it (/pupil-conferences/:id), and a class's overview with its
 * requests queue and pairings (/classes/:id/conferencing).
 */
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import type { ChildConferences, ClassConferencing, ConferenceChange, ConferenceForm, ConferencingSettings, PupilConferenceView } from '../../contracts/conferencing';
import { Saved, Switch } from '../components/forms';
import { ErrorNotice, Loading, Name, PictureGlyph } from '../components/ui';
import { ChildrenTable, PairForm, PairingCard, RequestCard } from '../features/conferencing/class-overview';
import { LogForm, type LogBody } from '../features/conferencing/log-form';
import { ConferenceRecord, type Reader } from '../features/conferencing/record';
import { StageSummary, StagesEditor, TemplateChooser } from '../features/conferencing/settings-form';
import { ChildName, Day, gradeStyleOf, People, schoolToday, ChildBreadcrumb } from '../features/conferencing/text';
import { MediaDisplay } from '../features/portfolio/media';
import { api, ApiError } from '../lib/api';
import { useT } from '../lib/i18n';
import { useSession } from '../lib/session';
import { useAction, useApi } from '../lib/use-api';
import '../styles/conferencing.css';

function Crumbs({ student, klass }: { student?: { id: string; givenName: string; familyName: string } | undefined; klass?: { id: string; name: string } | undefined }) {
  const t = useT();
  return (
    <p className="breadcrumb">
      <Link to="/">{t('app.nav.home')}</Link>
      {klass ? (
        <>
          {' › '}
          <Link to={`/classes/${klass.id}`}>
            <Name>{klass.name}</Name>
          </Link>
        </>
      ) : null}
      {student ? (
        <>
          {' › '}
          <Link to={`/students/${student.id}`}>
            <Name>
              {student.givenName} {student.familyName}
            </Name>
          </Link>
          {' › '}
          <Link to={`/students/${student.id}/conferences`}>{t('conferencing.child.crumb')}</Link>
        </>
      ) : null}
    </p>
  );
}

// ---- /school/conferencing ---------------------------------------------------------------------

export function ConferencingSettingsPage() {
  const t = useT();
  const { me } = useSession();
  const schoolId = me?.schools[0]?.id;
  const admin = Boolean(me?.roles.includes('admin'));
  const settings = useApi<ConferencingSettings>(schoolId ? `/api/schools/${schoolId}/conferencing` : null);
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const families = useAction();
  if (!schoolId) return <ErrorNotice error={new ApiError(403, 'forbidden')} />;
  if (settings.status === 'loading') return <Loading />;
  if (settings.status === 'error') return <ErrorNotice error={settings.error} />;
  const s = settings.data;
  const keepStages = s.source === 'own' ? { stages: s.stages } : { template: s.source };
  const style = gradeStyleOf(s.source, me?.schools[0]?.timeZone);
  return (
    <div className="narrow cf-settings">
      <Crumbs />
      <h1>{t('conferencing.settings.title')}</h1>
      <p className="lead">{t('conferencing.settings.lead')}</p>
      <Saved message={notice} />

      <section aria-labelledby="cf-families">
        <h2 id="cf-families">{t('conferencing.settings.familiesTitle')}</h2>
        <p className="hint" id="cf-families-hint">
          {t('conferencing.settings.familiesHint')}
        </p>
        {admin ? (
          <Switch
            checked={s.familiesRead}
            busy={families.busy}
            label={t('conferencing.settings.familiesRead')}
            describedBy="cf-families-hint"
            onToggle={(next) =>
              void families.run(async () => {
                await api('PUT', `/api/schools/${schoolId}/conferencing`, { ...keepStages, familiesRead: next });
                settings.replace({ ...s, familiesRead: next });
                setNotice(next ? t('conferencing.settings.familiesOn') : t('conferencing.settings.familiesOff'));
              })
            }
          />
        ) : (
          <p>{s.familiesRead ? t('conferencing.settings.familiesOn') : t('conferencing.settings.familiesOff')}</p>
        )}
        <ErrorNotice error={families.error} />
      </section>

      {admin ? (
        <>
          <section aria-labelledby="cf-template">
            <h2 id="cf-template">{t('conferencing.settings.templateTitle')}</h2>
            <p className="hint">{s.source === 'own' ? t('conferencing.settings.sourceOwn') : t('conferencing.settings.sourceTemplate', { template: t(`conferencing.settings.template.${s.source}`) })}</p>
            <TemplateChooser
              schoolId={schoolId}
              settings={s}
              onApplied={() => {
                setNotice(t('conferencing.settings.templateApplied'));
                setVersion((v) => v + 1);
                settings.reload();
              }}
            />
          </section>
          <section aria-labelledby="cf-stages">
            <h2 id="cf-stages">{t('conferencing.settings.stagesTitle')}</h2>
            <p className="hint">{t('conferencing.settings.stagesHint')}</p>
            <StagesEditor
              key={version}
              schoolId={schoolId}
              settings={s}
              style={style}
              onSaved={() => {
                setNotice(null);
                settings.reload();
              }}
            />
          </section>
        </>
      ) : (
        <section aria-labelledby="cf-stages">
          <h2 id="cf-stages">{t('conferencing.settings.stagesTitle')}</h2>
          <p className="hint">{t('conferencing.settings.readOnly')}</p>
          <div className="cf-stage-cards">
            {s.stages.map((stage) => (
              <StageSummary key={stage.name} stage={stage} style={style} />
            ))}
          </div>
        </section>
      )}
    </div>
  );
}

// ---- /students/:id/conferences ------------------------------------------------------------------

export function ChildConferencesPage() {
  const t = useT();
  const { id } = useParams();
  const { me } = useSession();
  const list = useApi<ChildConferences>(`/api/students/${id}/pupil-conferences`);
  if (list.status === 'loading') return <Loading />;
  if (list.status === 'error') return <ErrorNotice error={list.error} />;
  const d = list.data;
  const child = me?.studentId === d.student.id;
  const name = d.student.givenName;
  return (
    <div className={`cf-child-page${child ? ' cf-for-child' : ''}`}>
      <ChildBreadcrumb student={d.student} self={child} home={t('app.nav.home')} />
      <div className="who">
        <PictureGlyph name={d.student.avatar} size={child ? 'xl' : 'lg'} />
        <h1>{child ? t('conferencing.child.titleMine') : t('conferencing.child.title', { name })}</h1>
      </div>
      {!child ? (
        <p className="lead">
          <Name>{d.student.yearGroup}</Name>
          {d.defaults.stage ? (
            <>
              {' · '}
              {t('conferencing.child.stage', { stage: d.defaults.stage })}
            </>
          ) : null}
          {' · '}
          {t('conferencing.child.startsAs', { type: t(`conferencing.type.${d.defaults.type}`) })}
        </p>
      ) : null}
      <div className="row">
        {d.can.log ? (
          <Link className="button button-primary" to={`/students/${d.student.id}/conferences/new`}>
            <span aria-hidden="true">＋</span> {t('conferencing.child.log')}
          </Link>
        ) : null}
        {d.can.request ? (
          <Link className="button button-big" to={`/students/${d.student.id}/ask`}>
            <span aria-hidden="true">🙋</span> {t('conferencing.child.ask')}
          </Link>
        ) : null}
        <Link className="button" to={`/students/${d.student.id}/journey`}>
          <span aria-hidden="true">🧭</span> {child ? t('conferencing.child.journeyMine') : t('conferencing.child.journey', { name })}
        </Link>
      </div>
      {d.conferences.length === 0 ? <p className="empty">{child ? t('conferencing.child.noneMine') : t('conferencing.child.none', { name })}</p> : null}
      <ul className="cf-list">
        {d.conferences.map((c) => (
          <li key={c.id}>
            <Link className="card card-link cf-summary-card" to={`/pupil-conferences/${c.id}`}>
              {c.stimulus ? (
                <span className="cf-thumb">
                  <MediaDisplay media={c.stimulus} label="" />
                </span>
              ) : (
                <span className="cf-thumb cf-thumb-none" aria-hidden="true">
                  💬
                </span>
              )}
              <span className="cf-summary-text">
                <span className="card-title" dir="auto" data-content={c.subject ? true : undefined}>
                  {c.subject || t(`conferencing.type.${c.type}`)}
                </span>
                <span className="card-meta">
                  <Day iso={c.heldOn} /> · {t(`conferencing.type.${c.type}`)}
                </span>
                {c.conferencers.length ? (
                  <span className="card-meta">
                    {t('conferencing.child.with')} <People people={c.conferencers} />
                  </span>
                ) : null}
                <span className="cf-badges">
                  {c.status !== 'published' ? <span className={`badge badge-${c.status === 'pending' ? 'pending' : 'returned'}`}>{t(`conferencing.status.${c.status}`)}</span> : null}
                  {c.openSteps > 0 ? <span className="badge">{t(child ? 'conferencing.child.openStepsChild' : 'conferencing.child.openSteps', { count: c.openSteps })}</span> : null}
                  {c.followUpOn && !child ? (
                    <span className="badge badge-warning">
                      {t('conferencing.child.followUp')} <Day iso={c.followUpOn} />
                    </span>
                  ) : null}
                </span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

// ---- /students/:id/conferences/new and /pupil-conferences/:id/edit ---------------------------------

function LogHeader({ form, title }: { form: ConferenceForm; title: string }) {
  const t = useT();
  return (
    <>
      <Crumbs student={form.student} />
      <div className="who">
        <PictureGlyph name={form.student.avatar} size="lg" />
        <h1>{title}</h1>
      </div>
      <p className="lead">
        <Name>{form.student.yearGroup}</Name>
        {form.defaults.stage ? (
          <>
            {' · '}
            {t('conferencing.child.stage', { stage: form.defaults.stage })}
          </>
        ) : null}
      </p>
    </>
  );
}

export function LogConferencePage() {
  const t = useT();
  const { id } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const form = useApi<ConferenceForm>(`/api/students/${id}/pupil-conferences/form`);
  if (form.status === 'loading') return <Loading />;
  if (form.status === 'error') return <ErrorNotice error={form.error} />;
  const f = form.data;
  return (
    <div className="narrow cf-log-page">
      <LogHeader form={f} title={t('conferencing.log.title', { name: f.student.givenName })} />
      <LogForm
        form={f}
        requestId={search.get('request')}
        submitLabel={t('conferencing.log.save')}
        onSave={async (body) => {
          const { ids } = await api<{ ids: string[] }>('POST', '/api/pupil-conferences', body);
          navigate(`/pupil-conferences/${ids[0]}`, { state: { logged: ids.length } });
        }}
      />
    </div>
  );
}

export function EditConferencePage() {
  const t = useT();
  const { id } = useParams();
  const navigate = useNavigate();
  const view = useApi<PupilConferenceView>(`/api/pupil-conferences/${id}`);
  const form = useApi<ConferenceForm>(view.status === 'ready' ? `/api/students/${view.data.student.id}/pupil-conferences/form` : null);
  if (view.status === 'loading') return <Loading />;
  if (view.status === 'error') return <ErrorNotice error={view.error} />;
  if (!view.data.can.edit) return <ErrorNotice error={new ApiError(403, 'forbidden')} />;
  if (form.status === 'loading') return <Loading />;
  if (form.status === 'error') return <ErrorNotice error={form.error} />;
  const v = view.data;
  // The record's own posts and goals stay on offer even if no longer among the newest or working.
  const f: ConferenceForm = {
    ...form.data,
    posts: [...form.data.posts, ...v.posts.filter((p) => !form.data.posts.some((x) => x.id === p.id)).map((p) => ({ ...p, createdAt: v.createdAt }))],
    goals: [...form.data.goals, ...v.goals.filter((g) => !form.data.goals.some((x) => x.id === g.id))],
  };
  return (
    <div className="narrow cf-log-page">
      <LogHeader form={f} title={t('conferencing.log.editTitle', { name: f.student.givenName })} />
      <LogForm
        form={f}
        initial={v}
        submitLabel={t('conferencing.log.saveChanges')}
        onSave={async (body: LogBody, changed) => {
          const { studentIds: _s, requestId: _r, stimulusPostId, stimulusMediaId, childWordsAudioId, ...rest } = body;
          const change: ConferenceChange = { ...rest, followUpOn: rest.followUpOn ?? null } as ConferenceChange;
          if (changed.stimulus) Object.assign(change, { stimulusPostId: stimulusPostId ?? null, stimulusMediaId: stimulusMediaId ?? null });
          if (changed.audio) change.childWordsAudioId = childWordsAudioId ?? null;
          await api('PATCH', `/api/pupil-conferences/${v.id}`, change);
          navigate(`/pupil-conferences/${v.id}`, { state: { edited: true } });
        }}
      />
    </div>
  );
}

// ---- /pupil-conferences/:id -------------------------------------------------------------------------

export function PupilConferencePage() {
  const t = useT();
  const { id } = useParams();
  const { me } = useSession();
  const state = useLocation().state as { logged?: number; edited?: boolean } | null;
  const view = useApi<PupilConferenceView>(`/api/pupil-conferences/${id}`);
  if (view.status === 'loading') return <Loading />;
  if (view.status === 'error') return <ErrorNotice error={view.error} />;
  const v = view.data;
  const reader: Reader = me?.studentId === v.student.id ? 'child' : v.author?.id === me?.id && me?.studentId ? 'author' : v.can.edit ? 'staff' : 'family';
  const child = reader === 'child';
  const today = schoolToday(me?.schools[0]?.timeZone);
  const title = v.subject || t(`conferencing.type.${v.type}`);
  return (
    <div className={`narrow cf-record-page${child || reader === 'author' ? ' cf-for-child' : ''}`}>
      {child || reader === 'author' ? (
        <p className="breadcrumb">
          <Link to="/">{t('app.nav.home')}</Link>
          {child ? (
            <>
              {' › '}
              <Link to={`/students/${v.student.id}/conferences`}>{t('conferencing.child.titleMine')}</Link>
            </>
          ) : null}
        </p>
      ) : (
        <Crumbs student={v.student} />
      )}
      <div className="who">
        <PictureGlyph name={v.student.avatar} size={child ? 'xl' : 'lg'} />
        <div>
          <h1 dir="auto" data-content={v.subject ? true : undefined}>
            {title}
          </h1>
          <p className="cf-record-sub">
            {child ? null : (
              <>
                <Name>
                  {v.student.givenName} {v.student.familyName}
                </Name>
                {'\u00a0· '}
              </>
            )}
            <Day iso={v.heldOn} style="long" />
            {'\u00a0· '}
            {t(`conferencing.type.${v.type}`)}
            {v.status !== 'published' ? <span className={`badge badge-${v.status === 'pending' ? 'pending' : 'returned'}`}>{t(child || reader === 'author' ? `conferencing.statusChild.${v.status}` : `conferencing.status.${v.status}`)}</span> : null}
          </p>
        </div>
      </div>
      <Saved message={state?.logged ? t('conferencing.record.logged', { count: state.logged }) : state?.edited ? t('conferencing.record.edited') : null} />
      {v.can.edit ? (
        <p>
          <Link className="button" to={`/pupil-conferences/${v.id}/edit`}>
            ✏️ {t('conferencing.record.edit')}
          </Link>
        </p>
      ) : null}
      <ConferenceRecord view={v} reader={reader} today={today} onChanged={view.reload} />
    </div>
  );
}

// ---- /classes/:id/conferencing -------------------------------------------------------------------------

export function ClassConferencingPage() {
  const t = useT();
  const { id } = useParams();
  const { me } = useSession();
  const data = useApi<ClassConferencing>(`/api/classes/${id}/conferencing`);
  const [notice, setNotice] = useState<string | null>(null);
  if (data.status === 'loading') return <Loading />;
  if (data.status === 'error') return <ErrorNotice error={data.error} />;
  const d = data.data;
  const timeZone = me?.schools[0]?.timeZone ?? 'UTC';
  const changed = (message: string) => {
    setNotice(message);
    data.reload();
  };
  const never = d.children.filter((c) => !c.lastHeldOn).length;
  const open = d.requests.filter((r) => r.status === 'open').length;
  return (
    <div className="cf-class">
      <Crumbs klass={d.class} />
      <h1>{t('conferencing.class.title', { className: d.class.name })}</h1>
      <ul className="cf-counts" aria-label={t('conferencing.class.countsLabel')}>
        <li>
          <strong>{d.children.length - never}</strong> {t('conferencing.class.countConferenced', { count: d.children.length - never, total: d.children.length })}
        </li>
        <li>
          <a href="#cf-requests">{t('conferencing.class.countRequests', { count: open })}</a>
        </li>
        <li>
          <a href="#cf-review">{t('conferencing.class.countReview', { count: d.toReview.length })}</a>
        </li>
        <li>
          <a href="#cf-pairings">{t('conferencing.class.countPairings', { count: d.pairings.length })}</a>
        </li>
      </ul>
      <Saved message={notice} />

      <section aria-labelledby="cf-requests">
        <h2 id="cf-requests" tabIndex={-1}>
          {t('conferencing.class.requestsTitle')}
        </h2>
        {d.requests.length === 0 ? <p className="empty">{t('conferencing.class.noRequests')}</p> : null}
        <ul className="cf-request-list">
          {d.requests.map((r) => (
            <li key={r.id}>
              <RequestCard request={r} candidates={d.candidates} timeZone={timeZone} onChanged={changed} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="cf-review">
        <h2 id="cf-review" tabIndex={-1}>
          {t('conferencing.class.reviewTitle')}
        </h2>
        {d.toReview.length === 0 ? <p className="empty">{t('conferencing.class.noReview')}</p> : null}
        <ul className="card-list">
          {d.toReview.map((c) => {
            const writer = c.conferencers.find((p) => p.role === 'pupil') ?? c.conferencers[0];
            return (
              <li key={c.id}>
                <Link className="card card-link" to={`/pupil-conferences/${c.id}`}>
                  <span className="card-title">
                    <ChildName child={c.student} />
                  </span>
                  <span className="card-meta" dir="auto" data-content={c.subject ? true : undefined}>
                    {c.subject || t(`conferencing.type.${c.type}`)}
                  </span>
                  <span className="card-meta">
                    {writer ? t('conferencing.class.noteBy', { name: `${writer.givenName} ${writer.familyName}` }) : null} · <Day iso={c.heldOn} />
                  </span>
                  <span className={`badge badge-${c.status === 'pending' ? 'pending' : 'returned'}`}>{t(`conferencing.status.${c.status}`)}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="cf-children-title">
        <h2 id="cf-children-title">{t('conferencing.class.childrenTitle')}</h2>
        <ChildrenTable data={d} />
      </section>

      <section aria-labelledby="cf-pairings">
        <h2 id="cf-pairings" tabIndex={-1}>
          {t('conferencing.class.pairingsTitle')}
        </h2>
        <p className="hint">{t('conferencing.class.pairingsHint')}</p>
        {d.pairings.length === 0 ? <p className="empty">{t('conferencing.class.noPairings')}</p> : null}
        <ul className="cf-pairing-list">
          {d.pairings.map((p) => (
            <li key={p.id}>
              <PairingCard pairing={p} onChanged={changed} />
            </li>
          ))}
        </ul>
        <PairForm data={d} onPaired={changed} />
      </section>
    </div>
  );
}

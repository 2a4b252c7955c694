/**
 * The staff side of booking a round's conferences: the admin's set-up (/school/rounds/:id/booking),
 * the school's interpreters (/school/interpreters), the coverage board (/school/rounds/:id/coverage),
 * a teacher's day sheet (/rounds/:id/sheet/:teacherId) with their calendar link, and their door
 * sign (/rounds/:id/door/:teacherId). The pieces are in features/rounds/.
 */
import { useCallback, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Coverage, DaySheet, RoundSetup } from '../../contracts/booking';
import { ConfirmAction, Saved, useDateRange } from '../components/forms';
import { ErrorNotice, Loading, Name } from '../components/ui';
import { ClassesForm } from '../features/rounds/classes-form';
import { CopyLink } from '../features/rounds/copy-link';
import { CoverageBoard } from '../features/rounds/coverage-board';
import { DaySheetDocument, DoorSigns } from '../features/rounds/day-sheet';
import { emptyDraft, InterpreterCard, InterpreterForm, type Interpreter } from '../features/rounds/interpreter-cards';
import { RoundInterpreters } from '../features/rounds/round-interpreters';
import { SessionsEditor } from '../features/rounds/sessions-editor';
import { SettingsForm, type SaveSetup } from '../features/rounds/settings-form';
import { TeachersSection } from '../features/rounds/teachers-section';
import { part, Rich } from '../features/rounds/text';
import { useZoneFormat } from '../features/rounds/use-zone-format';
import { api } from '../lib/api';
import { useI18n, useT } from '../lib/i18n';
import { useSchoolId } from '../lib/school';
import { useSession } from '../lib/session';
import { useAction, useApi } from '../lib/use-api';

type RoundState = RoundSetup['round']['state'];

/** A page that could not load still has its heading (so it is announced and named), then why. */
function Failed({ title, error }: { title: string; error: unknown }) {
  return (
    <div className="narrow">
      <h1>{title}</h1>
      <ErrorNotice error={error} />
    </div>
  );
}

function StateBadge({ state }: { state: RoundState }) {
  const t = useT();
  return <span className={`badge rb-state rb-state-${state}`}>{t(`rounds.state.${state}`)}</span>;
}

// ---- set-up ------------------------------------------------------------------------------------

export function RoundBookingSetupPage() {
  const t = useT();
  const { id } = useParams();
  const loaded = useApi<RoundSetup>(`/api/rounds/${id}/setup`);
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <Failed title={t('rounds.setup.link')} error={loaded.error} />;
  // A new round starts from its own answer (no state carried over from the last one).
  return <SetupView key={id} initial={loaded.data} />;
}

function SetupView({ initial }: { initial: RoundSetup }) {
  const t = useT();
  const dates = useDateRange();
  const [setup, setSetup] = useState(initial);
  // Every change answers with the whole set-up: the page shows that (counts, state, sessions).
  const save = useCallback<SaveSetup>(async (method, url, body) => {
    const answer = await api<RoundSetup>(method, url, body);
    setSetup(answer);
    return answer;
  }, []);
  const { round, settings } = setup;
  const f = useZoneFormat(round.timeZone);
  // Cards keep what is being typed; when the sessions change, their availability starts again from what is saved.
  const sessionsKey = setup.sessions.map((s) => `${s.id}${s.startTime}${s.endTime}`).join('|');
  const stateDetail =
    round.state === 'not_open'
      ? settings.bookingOpensAt
        ? t('rounds.state.opensAt', { when: f.when(settings.bookingOpensAt) })
        : t('rounds.state.noOpening')
      : round.state === 'open'
        ? settings.bookingClosesAt
          ? t('rounds.state.closesAt', { when: f.when(settings.bookingClosesAt) })
          : t('rounds.state.openUntilFirst')
        : settings.bookingClosesAt
          ? t('rounds.state.closedAt', { when: f.when(settings.bookingClosesAt) })
          : null;
  return (
    <div className="rb-setup">
      <p className="breadcrumb">
        <Link to="/">{t('app.nav.home')}</Link>
        {' › '}
        <Link to="/school/rounds">{t('preparation.rounds.title')}</Link>
      </p>
      <h1>
        <Rich text={t('rounds.setup.title', { name: part('name') })} parts={{ name: <Name>{round.name}</Name> }} />
      </h1>
      <p className="rb-state-line">
        <StateBadge state={round.state} /> {stateDetail}
      </p>
      <p className="card-meta">
        <span translate="no">{dates(round.startsOn, round.endsOn)}</span>
      </p>
      <nav className="rb-page-nav" aria-label={t('rounds.setup.nav')}>
        <ul>
          {setup.settings.bookingMode === 'availability' ? (
            <li>
              <Link to={`/school/rounds/${round.id}/schedule`}>{t('rounds.schedule.link')}</Link>
            </li>
          ) : null}
          <li>
            <Link to={`/school/rounds/${round.id}/coverage`}>{t('rounds.setup.coverage')}</Link>
          </li>
          <li>
            <a href="#rb-teachers">{t('rounds.setup.daySheets')}</a>
          </li>
          <li>
            <Link to="/school/interpreters">{t('rounds.setup.interpreters')}</Link>
          </li>
        </ul>
      </nav>
      <div id="rb-settings">
        <SettingsForm setup={setup} save={save} />
      </div>
      <div id="rb-sessions">
        <SessionsEditor setup={setup} save={save} />
      </div>
      <div id="rb-classes">
        <ClassesForm setup={setup} save={save} />
      </div>
      <div id="rb-teachers" key={`teachers-${sessionsKey}`}>
        <TeachersSection setup={setup} save={save} />
      </div>
      <div id="rb-interpreters" key={`interpreters-${sessionsKey}`}>
        <RoundInterpreters setup={setup} save={save} />
      </div>
    </div>
  );
}

// ---- interpreters ------------------------------------------------------------------------------

export function InterpretersPage() {
  const t = useT();
  const { intlLocale } = useI18n();
  const schoolId = useSchoolId();
  const id = useId();
  const list = useApi<{ interpreters: Interpreter[] }>(schoolId ? `/api/schools/${schoolId}/interpreters` : null);
  if (list.status === 'loading') return <Loading />;
  if (list.status === 'error') return <Failed title={t('rounds.interpreters.title')} error={list.error} />;
  const collator = new Intl.Collator(intlLocale);
  // One list in name order, those archived after: a person archived or restored keeps their card (and focus).
  const sorted = [...list.data.interpreters].sort((a, b) => Number(a.archived) - Number(b.archived) || collator.compare(a.name, b.name));
  const active = sorted.filter((i) => !i.archived).length;
  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link to="/">{t('app.nav.home')}</Link>
        {' › '}
        <Link to="/school/rounds">{t('preparation.rounds.title')}</Link>
      </p>
      <h1>{t('rounds.interpreters.title')}</h1>
      <p className="lead">{t('rounds.interpreters.lead')}</p>
      <section aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t('rounds.interpreters.count', { count: active, archived: sorted.length - active })}</h2>
        {sorted.length === 0 ? <p className="empty">{t('rounds.interpreters.none')}</p> : null}
        <ul className="rb-people">
          {sorted.map((i) => (
            <InterpreterCard key={i.id} interpreter={i} onChanged={list.reload} />
          ))}
        </ul>
      </section>
      <section className="card add-form" aria-labelledby={`${id}-add`}>
        <h2 id={`${id}-add`}>{t('rounds.interpreters.addTitle')}</h2>
        <InterpreterForm
          initial={emptyDraft}
          resetAfter
          submitLabel={t('rounds.interpreters.add')}
          onSubmit={async (body) => {
            await api<Interpreter>('POST', `/api/schools/${schoolId}/interpreters`, body);
            list.reload();
            return t('rounds.interpreters.added', { name: body.name.trim() });
          }}
        />
      </section>
    </div>
  );
}

// ---- coverage ----------------------------------------------------------------------------------

export function CoveragePage() {
  const t = useT();
  const { id } = useParams();
  const coverage = useApi<Coverage>(`/api/rounds/${id}/coverage`);
  if (coverage.status === 'loading') return <Loading />;
  if (coverage.status === 'error') return <Failed title={t('rounds.coverage.pageTitle')} error={coverage.error} />;
  const c = coverage.data;
  return (
    <div className="rb-coverage">
      <p className="breadcrumb">
        <Link to="/">{t('app.nav.home')}</Link>
        {' › '}
        <Link to="/school/rounds">{t('preparation.rounds.title')}</Link>
        {' › '}
        <Link to={`/school/rounds/${c.round.id}/booking`}>{t('rounds.coverage.setup')}</Link>
      </p>
      <h1>
        <Rich text={t('rounds.coverage.title', { name: part('name') })} parts={{ name: <Name>{c.round.name}</Name> }} />
      </h1>
      <p className="rb-state-line">
        <StateBadge state={c.round.state} />
      </p>
      <p>
        <a className="button" href={`/api/rounds/${c.round.id}/results.csv`} download>
          {t('rounds.export.download')}
        </a>
      </p>
      <CoverageBoard coverage={c} />
    </div>
  );
}

// ---- day sheet and door sign -------------------------------------------------------------------

function useSheet() {
  const { id, teacherId } = useParams();
  return { id: id ?? '', teacherId: teacherId ?? '', sheet: useApi<DaySheet>(`/api/rounds/${id}/teachers/${teacherId}/sheet`) };
}

export function DaySheetPage() {
  const t = useT();
  const { me } = useSession();
  const { id, teacherId, sheet } = useSheet();
  if (sheet.status === 'loading') return <Loading />;
  if (sheet.status === 'error') return <Failed title={t('rounds.sheet.pageTitle')} error={sheet.error} />;
  const admin = Boolean(me?.roles.includes('admin'));
  return (
    <div className="rb-sheet-page">
      <div className="no-print rb-print-tools">
        <p className="breadcrumb">
          <Link to="/">{t('app.nav.home')}</Link>
          {admin ? (
            <>
              {' › '}
              <Link to={`/school/rounds/${id}/booking`}>{t('rounds.coverage.setup')}</Link>
            </>
          ) : null}
        </p>
        <div className="row">
          <button type="button" className="button button-primary" onClick={() => window.print()}>
            <span aria-hidden="true">🖨️</span> {t('rounds.sheet.print')}
          </button>
          <Link className="button" to={`/rounds/${id}/door/${teacherId}`}>
            {t('rounds.sheet.doorSign')}
          </Link>
        </div>
        <p className="hint">{t('rounds.sheet.printHint')}</p>
      </div>
      {/* The meeting's teacher or an admin (the only ones who see the sheet) may move or cancel meetings. */}
      <DaySheetDocument sheet={sheet.data} reload={sheet.reload} />
      {me?.id === teacherId ? <MyCalendarFeed /> : null}
    </div>
  );
}

function MyCalendarFeed() {
  const t = useT();
  const id = useId();
  const feed = useApi<{ url: string }>('/api/me/calendar-feed');
  const [renewed, setRenewed] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  return (
    <section className="card no-print rb-feed-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1}>
        {t('rounds.feed.title')}
      </h2>
      <p className="hint">{t('rounds.feed.lead')}</p>
      {feed.status === 'loading' ? <Loading /> : null}
      {feed.status === 'error' ? <ErrorNotice error={feed.error} /> : null}
      {feed.status === 'ready' ? (
        <>
          <CopyLink url={renewed ?? feed.data.url} label={t('rounds.feed.label')} hint={t('rounds.feed.hint')} />
          <ConfirmAction
            label={t('rounds.feed.renew')}
            question={t('rounds.feed.renewQuestion')}
            confirmLabel={t('rounds.feed.renewYes')}
            danger={false}
            busy={busy}
            onConfirm={async () => {
              setDone(null);
              await run(async () => {
                const answer = await api<{ url: string }>('POST', '/api/me/calendar-feed');
                setRenewed(answer.url);
                setDone(t('rounds.feed.renewed'));
              });
              document.getElementById(`${id}-title`)?.focus();
            }}
          />
          <ErrorNotice error={error} />
          <Saved message={done} />
        </>
      ) : null}
    </section>
  );
}

export function DoorSignPage() {
  const t = useT();
  const { id, teacherId, sheet } = useSheet();
  if (sheet.status === 'loading') return <Loading />;
  if (sheet.status === 'error') return <Failed title={t('rounds.door.pageTitle')} error={sheet.error} />;
  return (
    <div className="rb-door-page">
      <div className="no-print rb-print-tools">
        <p className="breadcrumb">
          <Link to={`/rounds/${id}/sheet/${teacherId}`}>{t('rounds.door.back')}</Link>
        </p>
        <div className="row">
          <button type="button" className="button button-primary" onClick={() => window.print()}>
            <span aria-hidden="true">🖨️</span> {t('rounds.door.print')}
          </button>
        </div>
        <p className="hint">{t('rounds.door.printHint')}</p>
      </div>
      <DoorSigns sheet={sheet.data} />
    </div>
  );
}

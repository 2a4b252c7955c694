/** A child's goals: set, check in, commit; the goal page of a report period (screen and print). */
import { useEffect, useState } from 'react';
import { Link, Route, Routes, useNavigate, useParams, useSearchParams } from 'react-router';
import type { ChildGoals, GoalPage, OneGoal } from '../../contracts/goals';
import { locales } from '../../contracts/locales';
import { ErrorNotice, FieldShell, Loading, Name, PictureGlyph, fieldError } from '../components/ui';
import { GoalDocument } from '../features/goals/goal-document';
import { GoalSection, PeriodSelect, type GoalContext } from '../features/goals/goal-section';
import { api, ApiError } from '../lib/api';
import { useT } from '../lib/i18n';
import { useSession } from '../lib/session';
import { useAction, useApi } from '../lib/use-api';

/** Everything under /students/:id/goals (descendant routes, loaded when first opened). */
export function GoalsArea() {
  return (
    <Routes>
      <Route index element={<GoalsPage />} />
      <Route path="new" element={<NewGoalPage />} />
      <Route path="page" element={<GoalPrintPage />} />
      <Route path=":goalId" element={<OneGoalPage />} />
    </Routes>
  );
}

function useIsChild(studentId: string | undefined): boolean {
  const { me } = useSession();
  return Boolean(me?.studentId && me.studentId === studentId);
}

function Breadcrumb({ studentId, name, child, toGoals = false }: { studentId: string; name: { givenName: string; familyName: string }; child: boolean; toGoals?: boolean }) {
  const t = useT();
  return (
    <p className="breadcrumb no-print">
      <Link to="/">{t('app.nav.home')}</Link>
      {!child ? (
        <>
          {' › '}
          <Link to={`/students/${studentId}`}>
            <Name>
              {name.givenName} {name.familyName}
            </Name>
          </Link>
        </>
      ) : null}
      {toGoals ? (
        <>
          {' › '}
          <Link to={`/students/${studentId}/goals`}>{child ? t('goals.list.mine') : t('goals.list.title', { name: name.givenName })}</Link>
        </>
      ) : null}
    </p>
  );
}

function contextOf(data: Pick<ChildGoals, 'student' | 'stakeholders'> & { periods: ChildGoals['periods'] }, child: boolean, onChanged: () => void): GoalContext {
  return { studentId: data.student.id, childName: data.student.givenName, child, stakeholders: data.stakeholders, periods: data.periods, onChanged };
}

/** The child's goals for one report period, with the periods to switch between. */
function GoalsPage() {
  const t = useT();
  const { id } = useParams();
  const [search] = useSearchParams();
  const period = search.get('period');
  const child = useIsChild(id);
  const goals = useApi<ChildGoals>(`/api/students/${id}/goals${period ? `?period=${encodeURIComponent(period)}` : ''}`);
  if (goals.status === 'loading') return <Loading />;
  if (goals.status === 'error') return <ErrorNotice error={goals.error} />;
  const d = goals.data;
  const name = d.student.givenName;
  const shown = d.period;
  const ctx = contextOf(d, child, goals.reload);
  return (
    <div className={`goals${child ? ' goals-child' : ''}`}>
      <Breadcrumb studentId={d.student.id} name={d.student} child={child} />
      <div className="who">
        <PictureGlyph name={d.student.avatar} size={child ? 'xl' : 'lg'} />
        <h1>{child ? t('goals.list.mine') : t('goals.list.title', { name })}</h1>
      </div>
      {d.periods.length ? (
        <nav className="goal-periods" aria-label={t('goals.list.period')}>
          <ul>
            {d.periods.map((p) => (
              <li key={p.id}>
                <Link className="goal-period" to={`/students/${d.student.id}/goals?period=${p.id}`} aria-current={p.id === shown?.id ? 'page' : undefined}>
                  {p.current ? t('goals.list.periodNow', { period: p.name, count: p.goalCount }) : t('goals.list.periodOption', { period: p.name, count: p.goalCount })}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <div className="row">
        {d.can.manage ? (
          <Link className={child ? 'button button-big' : 'button button-primary'} to={`/students/${d.student.id}/goals/new`}>
            <span aria-hidden="true">🎯</span> {child ? t('goals.list.addMine') : t('goals.list.add', { name })}
          </Link>
        ) : null}
        <Link className="button" to={`/students/${d.student.id}/goals/page${shown ? `?period=${shown.id}` : ''}`}>
          <span aria-hidden="true">🖨️</span> {t('goals.list.printPage')}
        </Link>
      </div>
      {d.goals.length === 0 ? (
        <p className="empty">{child ? t('goals.list.noneMine', { period: shown?.name ?? t('goals.list.noPeriod') }) : t('goals.list.none', { period: shown?.name ?? t('goals.list.noPeriod') })}</p>
      ) : null}
      <div className="goal-list">
        {d.goals.map((g) => (
          <GoalSection key={g.id} goal={g} ctx={ctx} linkTitle />
        ))}
      </div>
    </div>
  );
}

/** One goal on its own page (where a carried-forward goal links to the one that continues it). */
function OneGoalPage() {
  const { id, goalId } = useParams();
  const child = useIsChild(id);
  const one = useApi<OneGoal>(`/api/goals/${goalId}`);
  const goals = useApi<ChildGoals>(one.status === 'ready' ? `/api/students/${one.data.student.id}/goals${one.data.goal.reportPeriod ? `?period=${one.data.goal.reportPeriod.id}` : ''}` : null);
  if (one.status === 'loading') return <Loading />;
  if (one.status === 'error') return <ErrorNotice error={one.error} />;
  const d = one.data;
  const ctx = contextOf({ student: d.student, stakeholders: d.stakeholders, periods: goals.status === 'ready' ? goals.data.periods : [] }, child, one.reload);
  return (
    <div className={`goals${child ? ' goals-child' : ''}`}>
      <Breadcrumb studentId={d.student.id} name={d.student} child={child} toGoals />
      <GoalSection goal={d.goal} ctx={ctx} level={1} />
    </div>
  );
}

/** Setting a goal: what, how we'll know, the period (the next one unless chosen); `?round=` from a round's preparation. */
function NewGoalPage() {
  const t = useT();
  const { id } = useParams();
  const [search] = useSearchParams();
  const roundId = search.get('round');
  const child = useIsChild(id);
  const navigate = useNavigate();
  const goals = useApi<ChildGoals>(`/api/students/${id}/goals${roundId ? `?round=${encodeURIComponent(roundId)}` : ''}`);
  const [what, setWhat] = useState('');
  const [measure, setMeasure] = useState('');
  const [period, setPeriod] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  useEffect(() => {
    if (goals.status === 'ready' && period === null) setPeriod(goals.data.defaultPeriodId ?? '');
  }, [goals, period]);
  if (goals.status === 'loading') return <Loading />;
  if (goals.status === 'error') return <ErrorNotice error={goals.error} />;
  const d = goals.data;
  // Families and the admin read goals but do not set them (the link is not shown to them).
  const name = d.student.givenName;
  if (!d.can.manage) {
    return (
      <div className="narrow">
        <Breadcrumb studentId={d.student.id} name={d.student} child={child} toGoals />
        <h1>{t('goals.new.title', { name })}</h1>
        <ErrorNotice error={new ApiError(403, 'forbidden')} />
      </div>
    );
  }
  const fieldsWrong = error instanceof ApiError && Object.keys(error.fields).length > 0;
  return (
    <div className={`narrow goals${child ? ' goals-child' : ''}`}>
      <Breadcrumb studentId={d.student.id} name={d.student} child={child} toGoals />
      <div className="who">
        <PictureGlyph name={d.student.avatar} size="lg" />
        <h1>{child ? t('goals.new.titleChild') : t('goals.new.title', { name })}</h1>
      </div>
      {!child ? <p className="lead">{t('goals.new.hint', { name })}</p> : null}
      {roundId ? <p className="notice goal-note">{t('goals.new.forRound')}</p> : null}
      <form
        className="goal-new"
        onSubmit={(e) => {
          e.preventDefault();
          if (busy) return;
          void run(async () => {
            const chosen = period ?? '';
            await api('POST', `/api/students/${d.student.id}/goals`, { what, measure, reportPeriodId: chosen || null, ...(roundId ? { roundId } : {}) });
            navigate(`/students/${d.student.id}/goals${chosen ? `?period=${chosen}` : ''}`);
          });
        }}
      >
        <FieldShell label={child ? t('goals.new.whatChild') : t('goals.new.what')} hint={t('goals.new.whatHint')} error={fieldError(t, error, 'what')}>
          {(control) => <textarea {...control} dir="auto" data-content rows={child ? 3 : 2} maxLength={300} required value={what} onChange={(e) => setWhat(e.target.value)} />}
        </FieldShell>
        <FieldShell label={child ? t('goals.new.measureChild') : t('goals.new.measure')} hint={t('goals.new.measureHint')} error={fieldError(t, error, 'measure')}>
          {(control) => <textarea {...control} dir="auto" data-content rows={child ? 3 : 2} maxLength={600} value={measure} onChange={(e) => setMeasure(e.target.value)} />}
        </FieldShell>
        <PeriodSelect periods={d.periods} value={period ?? ''} onChange={setPeriod} next={d.defaultPeriodId} error={fieldError(t, error, 'reportPeriodId') ?? fieldError(t, error, 'roundId')} />
        {fieldsWrong ? null : <ErrorNotice error={error} />}
        <p>
          <button type="submit" className={child ? 'button button-big button-submit' : 'button button-primary button-submit'} aria-disabled={busy || undefined}>
            {child ? t('goals.new.saveChild') : t('goals.new.save')}
          </button>
        </p>
      </form>
    </div>
  );
}

/** The report-card goal page: the document, with Print (and, to print a family's copy, its language). */
function GoalPrintPage() {
  const t = useT();
  const { id } = useParams();
  const [search] = useSearchParams();
  const period = search.get('period');
  // The document's language (a teacher printing a family's copy). Not `lang`: that one sets the whole app's.
  const lang = search.get('doc');
  const child = useIsChild(id);
  const { me } = useSession();
  const staff = Boolean(me?.roles.some((r) => r === 'admin' || r === 'teacher' || r === 'assistant'));
  const q = new URLSearchParams();
  if (period) q.set('period', period);
  if (lang && locales.some((l) => l.tag === lang)) q.set('lang', lang);
  const page = useApi<GoalPage>(`/api/students/${id}/goals/page${q.size ? `?${q}` : ''}`);
  if (page.status === 'loading') return <Loading />;
  if (page.status === 'error') return <ErrorNotice error={page.error} />;
  const p = page.data;
  const here = (tag: string) => {
    const next = new URLSearchParams(period ? { period } : {});
    next.set('doc', tag);
    return `/students/${id}/goals/page?${next}`;
  };
  return (
    <div className="goal-print">
      <div className="no-print goal-print-tools">
        <p className="breadcrumb">
          <Link to={`/students/${id}/goals${p.period ? `?period=${p.period.id}` : ''}`}>{t('goals.print.back')}</Link>
        </p>
        <div className="row">
          <button type="button" className={child ? 'button button-big' : 'button button-primary'} onClick={() => window.print()}>
            <span aria-hidden="true">🖨️</span> {t('goals.print.print')}
          </button>
        </div>
        <p className="hint">{t('goals.print.hint')}</p>
        {staff ? (
          <nav aria-label={t('goals.print.language')} className="goal-print-languages">
            <ul>
              {locales.map((l) => (
                <li key={l.tag}>
                  <Link to={here(l.tag)} lang={l.tag} translate="no" aria-current={p.locale === l.tag ? 'true' : undefined} className="goal-period">
                    {l.name}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </div>
      <GoalDocument page={p} />
    </div>
  );
}

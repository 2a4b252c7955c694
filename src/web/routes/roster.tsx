/**
 * The admin's roster: import from the school's information system (OneRoster or SDS CSV files, or
 * a zip of them). Upload → the dry run shows what would change and every problem by file, line and
 * column → apply, with a progress bar → done. Nothing is written before "Apply".
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { RosterImportView, RosterSummary } from '../../contracts/api';
import { ErrorNotice } from '../components/ui';
import { api, upload } from '../lib/api';
import { useI18n, useT } from '../lib/i18n';
import { useSession } from '../lib/session';
import { useAction, useApi } from '../lib/use-api';

export function RosterPage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const navigate = useNavigate();
  const fileInput = useRef<HTMLInputElement>(null);
  const { busy, error, run } = useAction();
  const [noFiles, setNoFiles] = useState(false);
  const schoolId = me?.schools[0]?.id;
  const lang = locale === 'pseudo' ? 'en' : locale;

  function submit(e: FormEvent) {
    e.preventDefault();
    const files = fileInput.current?.files;
    if (!files || files.length === 0 || !schoolId) {
      setNoFiles(true);
      fileInput.current?.focus();
      return;
    }
    setNoFiles(false);
    const form = new FormData();
    for (const f of Array.from(files)) form.append('files', f, f.name);
    void run(async () => {
      const { id } = await upload<{ id: string }>(`/api/schools/${schoolId}/roster-imports`, form);
      navigate(`/roster/imports/${id}`);
    });
  }

  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link to="/">{t('app.nav.home')}</Link>
      </p>
      <h1>{t('app.roster.title')}</h1>
      <section aria-labelledby="by-hand-heading" className="by-hand">
        <h2 id="by-hand-heading">{t('app.manage.byHand')}</h2>
        <ul className="card-list">
          {(['classes', 'staff', 'terms'] as const).map((k) => (
            <li key={k}>
              <Link className="card card-link" to={`/roster/${k}`}>
                <span className="card-title">{t(`app.manage.${k}.title`)}</span>
                <span className="card-meta">{t(`app.manage.${k}.cardHint`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="import-heading">
        <h2 id="import-heading">{t('app.roster.importTitle')}</h2>
        <p>{t('app.roster.importHint')}</p>
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="roster-files">{t('app.roster.files')}</label>
            <p className="hint" id="roster-files-hint">
              {t('app.roster.filesHint')}
            </p>
            <input
              id="roster-files"
              ref={fileInput}
              type="file"
              name="files"
              multiple
              accept=".csv,.zip,text/csv,application/zip"
              aria-describedby={noFiles ? 'roster-files-hint roster-files-error' : 'roster-files-hint'}
              aria-invalid={noFiles || undefined}
            />
            {noFiles ? (
              <p className="field-error" id="roster-files-error">
                {t('app.roster.chooseFiles')}
              </p>
            ) : null}
          </div>
          <ErrorNotice error={error} />
          <button className="button button-primary" type="submit" aria-disabled={busy || undefined}>
            {t('app.roster.check')}
          </button>
        </form>
      </section>
      <section className="card" aria-labelledby="simple-heading">
        <h2 id="simple-heading">{t('app.roster.simpleTitle')}</h2>
        <p>{t('app.roster.simpleHint')}</p>
        {schoolId ? (
          <a className="button" href={`/api/schools/${schoolId}/roster-template.csv?lang=${lang}`} download>
            {t('app.roster.downloadTemplate')}
          </a>
        ) : null}
      </section>
      {schoolId ? (
        <section className="card" aria-labelledby="export-heading">
          <h2 id="export-heading">{t('app.roster.export.title')}</h2>
          <p>{t('app.roster.export.hint')}</p>
          <div className="row">
            <a className="button" href={`/api/schools/${schoolId}/exports/roster.csv?lang=${lang}`} download>
              {t('app.roster.export.roster')}
            </a>
            <a className="button" href={`/api/schools/${schoolId}/exports/staff.csv?lang=${lang}`} download>
              {t('app.roster.export.staff')}
            </a>
          </div>
        </section>
      ) : null}
    </div>
  );
}

const POLL_MS = 1000;

export function RosterImportPage() {
  const t = useT();
  const { id } = useParams();
  const view = useApi<RosterImportView>(`/api/roster-imports/${id}`);
  const { busy, error, run } = useAction();
  const { reload } = view;
  const status = view.status === 'ready' ? view.data.status : null;
  const statusRef = useRef<HTMLParagraphElement>(null);

  // While the server works (dry run or applying), ask again every second.
  useEffect(() => {
    if (status !== 'planning' && status !== 'applying') return;
    const timer = window.setTimeout(reload, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [status, view, reload]);

  // When the work finishes, say so where a screen reader is.
  useEffect(() => {
    if (status === 'applied' || status === 'failed') statusRef.current?.focus();
  }, [status]);

  if (view.status === 'loading' && !('data' in view)) return <p role="status">{t('app.common.loading')}</p>;
  if (view.status === 'error') return <ErrorNotice error={view.error} />;
  if (view.status !== 'ready') return <p role="status">{t('app.common.loading')}</p>;
  const r = view.data;
  const errors = r.problems.filter((p) => p.severity === 'error');
  const ambiguous = r.problems.some((p) => p.code === 'school_ambiguous');

  return (
    <div>
      <p className="breadcrumb">
        <Link to="/roster">{t('app.roster.title')}</Link>
      </p>
      <h1>{t('app.roster.previewTitle')}</h1>
      <p className="lead" ref={statusRef} tabIndex={-1} role="status">
        {t(`app.roster.status.${r.status}`)}
        {r.format ? <> · {t(`app.roster.format.${r.format}`)}</> : null}
      </p>

      {r.status === 'planning' ? <div className="spinner" aria-hidden="true" /> : null}
      {r.status === 'applying' ? <Progress progress={r.progress} /> : null}
      {r.status === 'failed' && r.error ? <p className="notice notice-error">{r.error === 'stale' ? t('app.roster.stale') : t('app.roster.failed')}</p> : null}
      {r.status === 'applied' ? <p className="notice notice-ok">{t('app.roster.appliedNotice')}</p> : null}

      {r.summary && r.status !== 'planning' ? <SummaryTable summary={r.summary} applied={r.status === 'applied'} /> : null}

      {ambiguous && r.summary && r.status === 'planned' ? <ChooseSchool importId={r.id} schools={r.summary.schools} onChosen={reload} /> : null}

      {r.status === 'planned' && errors.length === 0 ? (
        <section className="card" aria-labelledby="apply-heading">
          <h2 id="apply-heading">{t('app.roster.applyTitle')}</h2>
          <p>{t('app.roster.applyHint')}</p>
          <ErrorNotice error={error} />
          <button
            type="button"
            className="button button-primary"
            aria-disabled={busy || undefined}
            onClick={() =>
              !busy &&
              void run(async () => {
                await api('POST', `/api/roster-imports/${r.id}/apply`);
                reload();
              })
            }
          >
            {t('app.roster.apply')}
          </button>
        </section>
      ) : null}
      {r.status === 'planned' && errors.length > 0 ? <p className="notice notice-error">{t('app.roster.fixFirst', { count: errors.length })}</p> : null}

      {r.problems.length > 0 ? <Problems problems={r.problems} total={r.problemCount} /> : null}
    </div>
  );
}

function Progress({ progress }: { progress: RosterImportView['progress'] }) {
  const t = useT();
  const value = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <div className="progress-wrap">
      <div
        className="progress"
        role="progressbar"
        aria-label={t('app.roster.progress')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={t('app.roster.progressValue', { percent: value })}
      >
        <div className="progress-bar" style={{ inlineSize: `${value}%` }} />
      </div>
      <p className="hint">{t('app.roster.progressValue', { percent: value })}</p>
    </div>
  );
}

function SummaryTable({ summary, applied }: { summary: RosterSummary; applied: boolean }) {
  const t = useT();
  const { intlLocale } = useI18n();
  const n = (v: number | undefined) => new Intl.NumberFormat(intlLocale).format(v ?? 0);
  const rows: Array<[string, number | undefined, number | undefined, number | undefined]> = [
    ['classes', summary.classes.create, summary.classes.update, summary.classes.archive],
    ['students', summary.students.create, summary.students.update, summary.students.archive],
    ['staff', summary.staff.create, summary.staff.update, summary.staff.archive],
    ['guardians', summary.guardians.create, summary.guardians.update, summary.guardians.archive],
    ['terms', summary.terms.create, summary.terms.update, summary.terms.archive],
    ['enrollments', summary.enrollments.add, undefined, summary.enrollments.remove],
    ['guardianLinks', summary.guardianLinks.add, undefined, summary.guardianLinks.remove],
  ];
  return (
    <section>
      <h2 id="summary-heading">{applied ? t('app.roster.summaryApplied') : t('app.roster.summaryTitle')}</h2>
      {/* Wide tables scroll sideways on a phone; the region takes keyboard focus so that works without a mouse. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="summary-heading">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('app.roster.what')}</th>
              <th scope="col">{t('app.roster.new')}</th>
              <th scope="col">{t('app.roster.changed')}</th>
              <th scope="col">{t('app.roster.leaving')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([key, create, update, archive]) => (
              <tr key={key}>
                <th scope="row">{t(`app.roster.kinds.${key}`)}</th>
                <td>{n(create)}</td>
                <td>{update === undefined ? '—' : n(update)}</td>
                <td>{n(archive)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {summary.people.unchanged ? <p className="hint">{t('app.roster.unchanged', { count: summary.people.unchanged })}</p> : null}
      {summary.people.skippedOlder ? <p className="hint">{t('app.roster.skippedOlder', { count: summary.people.skippedOlder })}</p> : null}
    </section>
  );
}

function ChooseSchool({ importId, schools, onChosen }: { importId: string; schools: RosterSummary['schools']; onChosen(): void }) {
  const t = useT();
  const [chosen, setChosen] = useState<string>('');
  const { busy, error, run } = useAction();
  return (
    <section className="card" aria-labelledby="school-heading">
      <h2 id="school-heading">{t('app.roster.whichSchool')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!chosen || busy) return;
          void run(async () => {
            await api('POST', `/api/roster-imports/${importId}/school`, { schoolSourcedId: chosen });
            onChosen();
          });
        }}
      >
        <fieldset className="choices">
          <legend>{t('app.roster.whichSchoolHint')}</legend>
          {schools.map((s) => (
            <label key={s.sourcedId} className="choice">
              <input type="radio" name="school" value={s.sourcedId} checked={chosen === s.sourcedId} onChange={() => setChosen(s.sourcedId)} />
              <span translate="no">{s.name}</span>
            </label>
          ))}
        </fieldset>
        <ErrorNotice error={error} />
        <button type="submit" className="button button-primary" aria-disabled={!chosen || busy || undefined}>
          {t('app.roster.useSchool')}
        </button>
      </form>
    </section>
  );
}

function Problems({ problems, total }: { problems: RosterImportView['problems']; total: number }) {
  const t = useT();
  return (
    <section>
      <h2 id="problems-heading">{t('app.roster.problemsTitle', { count: total })}</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="problems-heading">
        <table className="table table-stack">
          <thead>
            <tr>
              <th scope="col">{t('app.roster.file')}</th>
              <th scope="col">{t('app.roster.line')}</th>
              <th scope="col">{t('app.roster.column')}</th>
              <th scope="col">{t('app.roster.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={i} className={p.severity === 'error' ? 'row-error' : 'row-warning'}>
                <td translate="no" data-label={t('app.roster.file')}>
                  {p.file}
                </td>
                <td data-label={t('app.roster.line')}>{p.line > 0 ? p.line : '—'}</td>
                <td translate="no" data-label={t('app.roster.column')}>
                  {p.column ?? '—'}
                </td>
                <td data-label={t('app.roster.problem')}>
                  <span className={`badge badge-${p.severity}`}>{t(`app.roster.severity.${p.severity}`)}</span>{' '}
                  {t(`app.roster.problems.${p.code}`, { value: '', allowed: '', expected: 0, found: 0, count: 0, file: '', ...p.values, column: p.column ?? '' })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > problems.length ? <p className="hint">{t('app.roster.moreProblems', { count: total - problems.length })}</p> : null}
    </section>
  );
}

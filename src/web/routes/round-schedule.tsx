/**
 * The admin's scheduler for an availability round (/school/rounds/:id/schedule): who has answered,
 * "Make the schedule" with a progress bar, then the review — how many meetings are placed, who is
 * not and why, how long each family waits, each interpreter's timetable, every meeting by teacher
 * with a lock — "Run again" (locked meetings stay, the rest moves as little as it can) and
 * "Publish", which books every meeting and emails each family its times with the calendar file.
 */
import { useEffect, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { RunView, ScheduleView } from '../../contracts/scheduling';
import { ConfirmAction, Saved } from '../components/forms';
import { ErrorNotice, Loading, Name } from '../components/ui';
import { LanguageName, useZoneFormat, When, type ZoneFormat } from '../features/booking/format';
import { part, Rich } from '../features/rounds/text';
import { api } from '../lib/api';
import { useI18n, useT } from '../lib/i18n';
import { useAction, useApi } from '../lib/use-api';

type Meeting = RunView['meetings'][number];

export function RoundSchedulePage() {
  const t = useT();
  const { id } = useParams();
  const view = useApi<ScheduleView>(`/api/rounds/${id}/schedule`);
  const [run, setRun] = useState<RunView | null>(null);
  const [locked, setLocked] = useState<Set<string>>(new Set());
  const [published, setPublished] = useState<string | null>(null);
  const { busy, error, run: act } = useAction();
  const data = view.status === 'ready' ? view.data : null;
  const fmt = useZoneFormat(data?.round.timeZone);

  // The latest run, then each poll's answer while it is running.
  useEffect(() => {
    if (!data) return;
    setRun(data.run);
    setLocked(new Set(data.run?.meetings.filter((m) => m.locked).map((m) => m.request) ?? []));
  }, [data]);
  useEffect(() => {
    if (!run || run.status !== 'running') return;
    const timer = setTimeout(() => {
      void api<RunView>('GET', `/api/rounds/${id}/schedule/runs/${run.id}`).then((next) => {
        if (next.status === 'running') setRun(next);
        else view.reload();
      }, () => undefined);
    }, 400);
    return () => clearTimeout(timer);
  }, [run, id, view]);

  if (view.status === 'loading') return <Loading />;
  if (view.status === 'error') {
    return (
      <div className="narrow">
        <h1>{t('rounds.schedule.pageTitle')}</h1>
        <ErrorNotice error={view.error} />
      </div>
    );
  }
  const v = view.data;
  const start = (from: RunView | null) =>
    act(async () => {
      setPublished(null);
      const next = await api<RunView>('POST', `/api/rounds/${v.round.id}/schedule/runs`, from ? { fromRunId: from.id, locked: [...locked] } : {});
      setRun(next);
    });
  const publish = (r: RunView) =>
    act(async () => {
      const done = await api<{ booked: number; families: number }>('POST', `/api/rounds/${v.round.id}/schedule/runs/${r.id}/publish`);
      setPublished(t('rounds.schedule.published', { booked: done.booked, families: done.families }));
      view.reload();
    });
  const a = v.answers;
  const canRun = v.round.bookingMode === 'availability';

  return (
    <div className="rs">
      <p className="breadcrumb">
        <Link to="/">{t('app.nav.home')}</Link>
        {' › '}
        <Link to={`/school/rounds/${v.round.id}/booking`}>
          <Name>{v.round.name}</Name>
        </Link>
      </p>
      <h1>
        <Rich text={t('rounds.schedule.title', { name: part('name') })} parts={{ name: <Name>{v.round.name}</Name> }} />
      </h1>
      {!canRun ? <p className="notice">{t('rounds.schedule.selfBooking')}</p> : null}

      <section className="card" aria-labelledby="rs-answers">
        <h2 id="rs-answers">{t('rounds.schedule.answersTitle')}</h2>
        <p className="lead">{t('rounds.schedule.answered', { answered: a.answered, children: a.children })}</p>
        {a.booked ? <p>{t('rounds.schedule.booked', { count: a.booked })}</p> : null}
        {a.missing.length ? (
          <details>
            <summary>{t('rounds.schedule.missing', { count: a.missing.length })}</summary>
            <ul className="rs-missing">
              {a.missing.map((m) => (
                <li key={m.studentId}>
                  <Name>{m.name}</Name> <span className="hint">(<Name>{m.className}</Name>)</span> — <Name>{m.guardians || '—'}</Name>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      <section className="card" aria-labelledby="rs-run">
        <h2 id="rs-run">{t('rounds.schedule.runTitle')}</h2>
        <p className="hint">{t('rounds.schedule.runHint')}</p>
        {run?.status === 'running' ? (
          <div className="rs-progress">
            <label htmlFor="rs-bar">{t('rounds.schedule.running', { percent: Math.round((run.progress ?? 0) * 100) })}</label>
            <progress id="rs-bar" max={1} value={run.progress ?? 0} />
          </div>
        ) : canRun ? (
          <div className="row">
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void start(null)}>
              {run ? t('rounds.schedule.runFresh') : t('rounds.schedule.run')}
            </button>
          </div>
        ) : null}
        <ErrorNotice error={error} />
        <Saved message={published} />
        {run?.status === 'failed' ? <p className="notice notice-error">{t('rounds.schedule.failed')}</p> : null}
      </section>

      {run && run.measures ? (
        <Review
          run={run}
          fmt={fmt}
          busy={busy}
          locked={locked}
          onLock={(request, on) => setLocked((s) => {
            const next = new Set(s);
            if (on) next.add(request);
            else next.delete(request);
            return next;
          })}
          onRerun={() => void start(run)}
          onPublish={() => publish(run)}
        />
      ) : null}
    </div>
  );
}

function Review({ run, fmt, busy, locked, onLock, onRerun, onPublish }: { run: RunView; fmt: ZoneFormat; busy: boolean; locked: Set<string>; onLock(request: string, on: boolean): void; onRerun(): void; onPublish(): Promise<void> }) {
  const t = useT();
  const { intlLocale } = useI18n();
  const id = useId();
  const m = run.measures!;
  const percent = new Intl.NumberFormat(intlLocale, { style: 'percent', maximumFractionDigits: 1 }).format(m.coverage);
  const mean = new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 1 }).format(m.familyIdleMean);
  const teachers = [...new Map(run.meetings.map((x) => [x.teacherId, x.teacherName])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const waiting = run.families.filter((f) => f.waitMinutes > 0);
  const isPublished = run.status === 'published';
  return (
    <>
      <section className="card rs-summary" aria-labelledby={`${id}-sum`}>
        <h2 id={`${id}-sum`}>{isPublished ? t('rounds.schedule.publishedTitle') : t('rounds.schedule.reviewTitle')}</h2>
        <ul className="rs-measures">
          <li>
            <strong>{t('rounds.schedule.coverage', { scheduled: m.scheduled, requests: m.requests, percent })}</strong>
          </li>
          <li>{t('rounds.schedule.familyWait', { mean, max: m.familyIdleMax })}</li>
          <li>{t('rounds.schedule.teacherGaps', { minutes: m.teacherIdle })}</li>
          {run.moved !== null ? <li>{t('rounds.schedule.moved', { count: run.moved })}</li> : null}
        </ul>
        {!isPublished ? (
          <div className="row">
            <button type="button" className="button" disabled={busy} onClick={onRerun}>
              {t('rounds.schedule.rerun', { count: locked.size })}
            </button>
            <ConfirmAction
              label={t('rounds.schedule.publish')}
              question={t('rounds.schedule.publishQuestion', { count: m.scheduled })}
              confirmLabel={t('rounds.schedule.publishYes')}
              busy={busy}
              danger={false}
              onConfirm={onPublish}
            />
          </div>
        ) : null}
      </section>

      {run.unplaced.length ? (
        <section className="card" aria-labelledby={`${id}-unplaced`}>
          <h2 id={`${id}-unplaced`}>{t('rounds.schedule.unplacedTitle', { count: run.unplaced.length })}</h2>
          <ul className="stack-list rs-unplaced">
            {run.unplaced.map((u) => (
              <li key={u.request}>
                <Rich text={t('rounds.schedule.unplacedItem', { child: part('child'), teacher: part('teacher'), family: part('family') })} parts={{ child: <Name>{u.studentName}</Name>, teacher: <Name>{u.teacherName}</Name>, family: <Name>{u.family}</Name> }} />
                <br />
                <span className="hint">{t(`rounds.schedule.reason.${u.reason}`)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="card" aria-labelledby={`${id}-families`}>
        <h2 id={`${id}-families`}>{t('rounds.schedule.familiesTitle')}</h2>
        <p>{waiting.length ? t('rounds.schedule.familiesWaiting', { count: waiting.length, total: run.families.length }) : t('rounds.schedule.nobodyWaits', { total: run.families.length })}</p>
        {waiting.length ? (
          <table className="rs-table">
            <thead>
              <tr>
                <th scope="col">{t('rounds.schedule.family')}</th>
                <th scope="col">{t('rounds.schedule.meetings')}</th>
                <th scope="col">{t('rounds.schedule.wait')}</th>
              </tr>
            </thead>
            <tbody>
              {waiting.slice(0, 50).map((f) => (
                <tr key={f.householdUserId}>
                  <td>
                    <Name>{f.name}</Name>
                  </td>
                  <td>{f.meetings}</td>
                  <td>{t('rounds.schedule.minutes', { count: f.waitMinutes })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      {run.interpreters.length ? (
        <section className="card" aria-labelledby={`${id}-interpreters`}>
          <h2 id={`${id}-interpreters`}>{t('rounds.schedule.interpretersTitle')}</h2>
          {run.interpreters.map((i) => {
            const mine = run.meetings.filter((x) => x.interpreter?.id === i.id);
            return (
              <div key={i.id} className="rs-interpreter">
                <h3>
                  <Name>{i.name}</Name>{' '}
                  <span className="hint">
                    {i.languages.map((l, k) => (
                      <span key={l}>
                        {k ? ', ' : ''}
                        <LanguageName tag={l} />
                      </span>
                    ))}
                  </span>
                </h3>
                <p>{t('rounds.schedule.interpreterLine', { count: i.meetings, gaps: i.idleMinutes })}</p>
                {mine.length ? (
                  <ol className="rs-timetable">
                    {mine.map((x) => (
                      <li key={x.request}>
                        <When>{fmt.range(x.startsAt, x.endsAt)}</When> · <Name>{x.teacherName}</Name> · <Name>{x.family}</Name>
                      </li>
                    ))}
                  </ol>
                ) : null}
              </div>
            );
          })}
        </section>
      ) : null}

      <section className="card" aria-labelledby={`${id}-meetings`}>
        <h2 id={`${id}-meetings`}>{t('rounds.schedule.meetingsTitle')}</h2>
        {!isPublished ? <p className="hint">{t('rounds.schedule.lockHint')}</p> : null}
        {teachers.map(([teacherId, name]) => {
          const mine = run.meetings.filter((x) => x.teacherId === teacherId);
          return (
            <details key={teacherId} className="rs-teacher">
              <summary>
                <Name>{name}</Name> <span className="hint">{t('rounds.schedule.teacherCount', { count: mine.length })}</span>
              </summary>
              <ul className="rs-meetings">
                {mine.map((x) => (
                  <MeetingRow key={x.request} meeting={x} fmt={fmt} locked={locked.has(x.request)} disabled={isPublished} onLock={onLock} />
                ))}
              </ul>
            </details>
          );
        })}
      </section>
    </>
  );
}

function MeetingRow({ meeting: x, fmt, locked, disabled, onLock }: { meeting: Meeting; fmt: ZoneFormat; locked: boolean; disabled: boolean; onLock(request: string, on: boolean): void }) {
  const t = useT();
  return (
    <li className={x.moved ? 'rs-moved' : undefined}>
      <label className="choice">
        <input type="checkbox" checked={locked} disabled={disabled} onChange={(e) => onLock(x.request, e.target.checked)} aria-label={t('rounds.schedule.lockLabel', { child: x.studentName, time: fmt.time(x.startsAt) })} />
        <span>
          <When>{fmt.day(x.startsAt)}, {fmt.range(x.startsAt, x.endsAt)}</When> · <Name>{x.studentName}</Name>
          {x.interpreter ? (
            <>
              {' '}
              · <Rich text={t('rounds.schedule.withInterpreter', { name: part('name') })} parts={{ name: <Name>{x.interpreter.name}</Name> }} />
            </>
          ) : null}
          {x.moved ? <span className="badge">{t('rounds.schedule.movedBadge')}</span> : null}
        </span>
      </label>
    </li>
  );
}

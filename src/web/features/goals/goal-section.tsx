/**
 * One goal as everyone sees it: what, how we'll know, its status (and the buttons to change it),
 * where it was carried forward from, its check-ins with evidence, and the commitment boxes. For
 * the child, the same in bigger type with "I did it!".
 */
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { ChildGoals, GoalView, StakeholderView } from '../../../contracts/goals';
import { ConfirmAction, Saved, SelectField } from '../../components/forms';
import { ErrorNotice, fieldError, FieldShell } from '../../components/ui';
import { api, ApiError } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useAction } from '../../lib/use-api';
import { CheckinForm, CheckinList } from './checkins';
import { CommitmentBoxes } from './commitments';

export function StatusBadge({ status, child }: { status: GoalView['status']; child: boolean }) {
  const t = useT();
  const icon = { working: '🌱', achieved: '⭐', carried_forward: '➡️' }[status];
  return (
    <span className={`badge goal-status goal-status-${status}`}>
      <span aria-hidden="true">{icon}</span> {child ? t(`goals.statusChild.${status}`) : t(`goals.status.${status}`)}
    </span>
  );
}

export interface GoalContext {
  studentId: string;
  childName: string;
  child: boolean;
  stakeholders: StakeholderView[];
  periods: ChildGoals['periods'];
  onChanged(): void;
}

export function GoalSection({ goal, ctx, level = 2, linkTitle = false }: { goal: GoalView; ctx: GoalContext; level?: 1 | 2; linkTitle?: boolean }) {
  const t = useT();
  const headingId = useId();
  const Heading = level === 1 ? 'h1' : 'h2';
  const Sub = level === 1 ? 'h2' : 'h3';
  const [editing, setEditing] = useState(false);
  const [checkingIn, setCheckingIn] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const changeStatus = (status: 'working' | 'achieved') =>
    run(async () => {
      await api('PUT', `/api/goals/${goal.id}/status`, { status });
      setSaved(t('goals.goal.statusSaved', { status: t(`goals.status.${status}`) }));
      ctx.onChanged();
    });
  const carriedFrom = goal.history.at(-1);
  return (
    <article className={`card goal goal-${goal.status}${ctx.child ? ' goal-child' : ''}`} aria-labelledby={headingId}>
      <header className="goal-head">
        <StatusBadge status={goal.status} child={ctx.child} />
        <Heading id={headingId} className="goal-what" dir="auto" data-content>
          {linkTitle ? <Link to={`/students/${ctx.studentId}/goals/${goal.id}`}>{goal.what}</Link> : goal.what}
        </Heading>
        {goal.measure ? (
          <p className="goal-measure">
            <strong>{ctx.child ? t('goals.new.measureChild') : t('goals.list.measure')}</strong>{' '}
            <span dir="auto" data-content>
              {goal.measure}
            </span>
          </p>
        ) : null}
        <p className="card-meta">
          {goal.reportPeriod ? t('goals.goal.period', { period: goal.reportPeriod.name }) : t('goals.goal.noPeriod')}
          {carriedFrom ? <> · {t('goals.list.carriedFrom', { period: carriedFrom.reportPeriod?.name ?? t('goals.goal.noPeriod') })}</> : null}
        </p>
      </header>

      {goal.status === 'achieved' ? <p className="notice notice-ok goal-note">{t('goals.goal.achievedNote')}</p> : null}
      {goal.status === 'carried_forward' ? (
        <p className="notice goal-note goal-note-carried">
          {goal.continuedBy?.reportPeriod ? t('goals.goal.carriedNote', { period: goal.continuedBy.reportPeriod.name }) : t('goals.goal.carriedNoteNoPeriod')}{' '}
          {goal.continuedBy ? <Link to={`/students/${ctx.studentId}/goals/${goal.continuedBy.id}`}>{t('goals.goal.openNext')}</Link> : null}
        </p>
      ) : null}

      {goal.can.statuses.length || goal.can.edit ? (
        <div className="row goal-actions">
          {goal.can.statuses.includes('achieved') ? (
            <ConfirmAction
              danger={false}
              label={ctx.child ? `⭐ ${t('goals.goal.markAchievedChild')}` : t('goals.goal.markAchieved')}
              question={t('goals.goal.achievedQuestion')}
              confirmLabel={t('goals.goal.achievedYes')}
              busy={busy}
              onConfirm={() => changeStatus('achieved')}
            />
          ) : null}
          {goal.can.statuses.includes('working') ? (
            <ConfirmAction danger={false} label={t('goals.goal.reopen')} question={t('goals.goal.reopenQuestion')} confirmLabel={t('goals.goal.reopenYes')} busy={busy} onConfirm={() => changeStatus('working')} />
          ) : null}
          {goal.can.edit && !editing ? (
            <button type="button" className="button button-quiet" onClick={() => setEditing(true)}>
              ✏️ {t('goals.goal.edit')}
            </button>
          ) : null}
        </div>
      ) : null}
      <ErrorNotice error={error} />
      <Saved message={saved} />
      {editing ? (
        <EditGoal
          goal={goal}
          ctx={ctx}
          onDone={() => {
            setEditing(false);
            setSaved(t('goals.goal.saved'));
            ctx.onChanged();
          }}
          onCancel={() => setEditing(false)}
        />
      ) : null}

      {goal.history.length ? (
        <details className="goal-history">
          <summary>{t('goals.goal.history')}</summary>
          <ol>
            {goal.history.map((h) => (
              <li key={h.id}>
                <p className="goal-history-item">{t('goals.goal.historyItem', { period: h.reportPeriod?.name ?? t('goals.goal.noPeriod'), status: t(`goals.status.${h.status}`) })}</p>
                <CheckinList checkins={h.checkins} />
              </li>
            ))}
          </ol>
        </details>
      ) : null}

      <section className="goal-checkins-section">
        <Sub className="goal-subheading">{t('goals.checkin.title')}</Sub>
        <CheckinList checkins={goal.checkins} />
        {goal.can.checkIn && !checkingIn ? (
          <button type="button" className={ctx.child ? 'button button-big' : 'button'} onClick={() => setCheckingIn(true)}>
            📌 {t('goals.checkin.add')}
          </button>
        ) : null}
        {checkingIn ? (
          <CheckinForm
            goalId={goal.id}
            studentId={ctx.studentId}
            childName={ctx.childName}
            child={ctx.child}
            onDone={() => {
              setCheckingIn(false);
              setSaved(t('goals.checkin.saved'));
              ctx.onChanged();
            }}
            onCancel={() => setCheckingIn(false)}
          />
        ) : null}
      </section>

      <CommitmentBoxes goal={goal} stakeholders={ctx.stakeholders} childName={ctx.childName} child={ctx.child} level={level === 1 ? 2 : 3} onChanged={ctx.onChanged} />
    </article>
  );
}

function EditGoal({ goal, ctx, onDone, onCancel }: { goal: GoalView; ctx: GoalContext; onDone(): void; onCancel(): void }) {
  const t = useT();
  const [what, setWhat] = useState(goal.what);
  const [measure, setMeasure] = useState(goal.measure);
  const [period, setPeriod] = useState(goal.reportPeriod?.id ?? '');
  const { busy, error, run } = useAction();
  return (
    <form
      className="inline-form goal-edit"
      onSubmit={(e) => {
        e.preventDefault();
        if (busy) return;
        void run(async () => {
          await api('PATCH', `/api/goals/${goal.id}`, { what, measure, reportPeriodId: period || null });
          onDone();
        });
      }}
    >
      <FieldShell label={ctx.child ? t('goals.new.whatChild') : t('goals.new.what')} error={fieldError(t, error, 'what')}>
        {(control) => <textarea {...control} dir="auto" data-content rows={2} maxLength={300} value={what} required onChange={(e) => setWhat(e.target.value)} />}
      </FieldShell>
      <FieldShell label={ctx.child ? t('goals.new.measureChild') : t('goals.new.measure')} error={fieldError(t, error, 'measure')}>
        {(control) => <textarea {...control} dir="auto" data-content rows={2} maxLength={600} value={measure} onChange={(e) => setMeasure(e.target.value)} />}
      </FieldShell>
      <PeriodSelect periods={ctx.periods} value={period} onChange={setPeriod} error={fieldError(t, error, 'reportPeriodId')} keep={goal.reportPeriod?.id} />
      {error instanceof ApiError && Object.keys(error.fields).length ? null : <ErrorNotice error={error} />}
      <div className="row">
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('goals.goal.save')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('goals.goal.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The report periods a goal may target (those not over), and "no report period". */
export function PeriodSelect({ periods, value, onChange, error, next, keep }: { periods: ChildGoals['periods']; value: string; onChange(v: string): void; error?: string | undefined; next?: string | null; keep?: string | undefined }) {
  const t = useT();
  return (
    <SelectField label={t('goals.new.period')} value={value} onChange={(e) => onChange(e.target.value)} error={error}>
      {periods
        .filter((p) => !p.ended || p.id === keep)
        .map((p) => (
          <option key={p.id} value={p.id} translate={p.id === next ? undefined : 'no'}>
            {p.id === next ? t('goals.new.periodNext', { period: p.name }) : p.name}
          </option>
        ))}
      <option value="">{t('goals.new.periodNone')}</option>
    </SelectField>
  );
}

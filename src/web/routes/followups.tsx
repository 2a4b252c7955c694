/**
 * The teacher's follow-up queue (/followups): families who asked for private time after a
 * conference — the admin sees the school's. For each: the thread, a reply, a time to offer (one of
 * the teacher's free conference times, or any other), closing it. The children never see these.
 */
import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { FollowupList, FollowupView } from '../../contracts/followup';
import { followupStatuses, FOLLOWUP_PLACE_MAX, FOLLOWUP_MESSAGE_MAX, type FollowupStatus } from '../../domain/conference/followup';
import { ConfirmAction, Saved, SelectField } from '../components/forms';
import { ErrorNotice, Field, FieldShell, fieldError, Loading } from '../components/ui';
import { MessageForm, OfferedTime, statusBadge, statusLabel, Thread, useSchoolTime } from '../features/conference/followup-panel';
import { fromLocalInput, toLocalInput } from '../features/rounds/format';
import { api, ApiError } from '../lib/api';
import { useT, type T } from '../lib/i18n';
import { useAction, useApi } from '../lib/use-api';
import '../styles/sharing.css';

const MINUTES = [10, 15, 20, 30, 45, 60];

/** A field code of ours (`in_past`, `teacher_busy`) in this page's words, else the shared field messages. */
function offerError(t: T, error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  switch (error.fields.startsAt) {
    case 'in_past':
      return t('followup.errors.in_past');
    case 'teacher_busy':
      return t('followup.errors.teacher_busy');
    default:
      return fieldError(t, error, 'startsAt');
  }
}

export function FollowupsPage() {
  const t = useT();
  const [params] = useSearchParams();
  const asked = params.get('status');
  const status = followupStatuses.find((s) => s === asked);
  const queue = useApi<FollowupList>(`/api/followups${status ? `?status=${status}` : ''}`);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link to="/">{t('app.nav.home')}</Link>
      </p>
      <h1>{t('followup.queue.title')}</h1>
      <p className="lead">{t('followup.queue.lead')}</p>
      <nav aria-label={t('followup.queue.filter')}>
        <ul className="followup-filters">
          <li>
            <Link to="/followups" aria-current={!status ? 'page' : undefined}>
              {t('followup.queue.filter_active')}
            </Link>
          </li>
          {followupStatuses.map((s) => (
            <li key={s}>
              <Link to={`/followups?status=${s}`} aria-current={status === s ? 'page' : undefined}>
                {statusLabel(t, s, 'school')}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Saved message={notice} />
      {queue.status === 'loading' ? <Loading /> : null}
      {queue.status === 'error' ? <ErrorNotice error={queue.error} /> : null}
      {queue.status === 'ready' ? (
        queue.data.requests.length === 0 ? (
          <p className="empty">{t('followup.queue.empty')}</p>
        ) : (
          <ul className="followup-list">
            {queue.data.requests.map((r) => (
              <li key={r.id} className="card">
                <Request
                  request={r}
                  onChanged={(message) => {
                    setNotice(message);
                    queue.reload();
                  }}
                />
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}

function Request({ request, onChanged }: { request: FollowupView; onChanged(message: string | null): void }) {
  const t = useT();
  const when = useSchoolTime(request.timeZone);
  const close = useAction();
  const titleId = useId();
  const active = request.status !== 'closed';
  return (
    <article aria-labelledby={titleId}>
      <div className="followup-head">
        <h2 id={titleId}>
          {t('followup.queue.about', { guardian: request.guardian.name, child: request.student.name })}
        </h2>
        <span className={`badge ${statusBadge[request.status]}`}>{statusLabel(t, request.status as FollowupStatus, 'school')}</span>
      </div>
      <p className="hint">{t('followup.queue.conference', { round: request.round.name, date: when.short(request.conferenceStartsAt) })}</p>
      <OfferedTime request={request} />
      <Thread request={request} />
      {active && request.can.write && (
        <MessageForm
          label={t('followup.queue.reply_label')}
          submitLabel={t('followup.queue.reply')}
          sentLabel={t('followup.queue.replied')}
          field="body"
          onSend={async (body) => {
            await api('POST', `/api/followups/${request.id}/messages`, { body });
            // The form says "Reply sent." itself; the page only reloads.
            onChanged(null);
          }}
        />
      )}
      {active && request.can.schedule && <OfferForm request={request} onOffered={() => onChanged(t('followup.queue.offered'))} />}
      {active && request.can.close && (
        <ConfirmAction
          label={t('followup.queue.close')}
          question={t('followup.queue.close_question')}
          confirmLabel={t('followup.queue.close_yes')}
          danger={false}
          busy={close.busy}
          describedBy={titleId}
          onConfirm={() =>
            close.run(async () => {
              await api('POST', `/api/followups/${request.id}/close`);
              onChanged(t('followup.queue.closed'));
            })
          }
        />
      )}
      <ErrorNotice error={close.error} />
    </article>
  );
}

function OfferForm({ request, onOffered }: { request: FollowupView; onOffered(): void }) {
  const t = useT();
  const when = useSchoolTime(request.timeZone);
  const suggested = request.suggestedTimes;
  const [choice, setChoice] = useState<string>(suggested[0]?.startsAt ?? 'other');
  const [other, setOther] = useState(toLocalInput(request.meeting?.startsAt ?? null, request.timeZone));
  const [minutes, setMinutes] = useState(15);
  const [place, setPlace] = useState(request.meeting?.place ?? '');
  const [message, setMessage] = useState('');
  const { busy, error, run } = useAction();
  const groupName = useId();
  const legendId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const startsAt = choice === 'other' ? fromLocalInput(other, request.timeZone) : choice;
    void run(async () => {
      await api('POST', `/api/followups/${request.id}/schedule`, { startsAt: startsAt ?? '', minutes, place, ...(message.trim() ? { message } : {}) });
      setMessage('');
      onOffered();
    });
  };
  const startsError = offerError(t, error);
  return (
    <details className="more">
      <summary>{t('followup.queue.offer_title')}</summary>
      <form className="followup-offer-form" onSubmit={submit} noValidate>
        {suggested.length > 0 ? (
          <fieldset className="choices followup-times" aria-labelledby={legendId}>
            <legend id={legendId}>{t('followup.queue.suggested')}</legend>
            <p className="hint followup-times-hint">
              {t('followup.queue.suggested_hint')}
            </p>
            {suggested.map((s) => (
              <label key={s.startsAt} className="choice">
                <input type="radio" name={groupName} checked={choice === s.startsAt} onChange={() => setChoice(s.startsAt)} />
                <time dateTime={s.startsAt} translate="no">
                  {when.short(s.startsAt)}
                </time>
              </label>
            ))}
            <label className="choice">
              <input type="radio" name={groupName} checked={choice === 'other'} onChange={() => setChoice('other')} />
              <span>{t('followup.queue.other_time')}</span>
            </label>
          </fieldset>
        ) : null}
        {choice === 'other' && <Field label={t('followup.queue.starts_at')} type="datetime-local" value={other} onChange={(e) => setOther(e.target.value)} error={startsError} required />}
        {choice !== 'other' && startsError ? (
          <p className="field-error" role="alert">
            {startsError}
          </p>
        ) : null}
        <SelectField label={t('followup.queue.minutes')} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
          {MINUTES.map((m) => (
            <option key={m} value={m}>
              {t('followup.queue.minutes_option', { minutes: m })}
            </option>
          ))}
        </SelectField>
        <Field label={t('followup.queue.place')} hint={t('followup.queue.place_hint')} value={place} maxLength={FOLLOWUP_PLACE_MAX} onChange={(e) => setPlace(e.target.value)} error={fieldError(t, error, 'place')} />
        <FieldShell label={t('followup.queue.offer_message')} error={fieldError(t, error, 'message')}>
          {(control) => <textarea {...control} rows={2} dir="auto" maxLength={FOLLOWUP_MESSAGE_MAX} value={message} onChange={(e) => setMessage(e.target.value)} />}
        </FieldShell>
        {!(error instanceof ApiError && error.code === 'validation_failed') ? <ErrorNotice error={error} /> : null}
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('followup.queue.offer')}
        </button>
      </form>
    </details>
  );
}

/**
 * Private follow-up, the guardian's side (on the family's conference page): ask the teacher for
 * some time without the child, read the replies and the time offered, write back, close it.
 * Shows nothing to anyone the server does not answer for (a child gets 404: not even the title).
 * Also the pieces the teacher's queue (routes/followups.tsx) shares: a thread, an offered time.
 */
import { useId, useState, type FormEvent } from 'react';
import type { FollowupList, FollowupView } from '../../../contracts/followup';
import { FOLLOWUP_MESSAGE_MAX } from '../../../domain/conference/followup';
import { ConfirmAction, Saved } from '../../components/forms';
import { ErrorNotice, FieldShell, fieldError, Loading } from '../../components/ui';
import { api, ApiError } from '../../lib/api';
import { useI18n, useT, type T } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { useAction, useApi } from '../../lib/use-api';
import '../../styles/sharing.css';

export function statusLabel(t: T, status: FollowupView['status'], side: 'family' | 'school'): string {
  if (side === 'school') {
    switch (status) {
      case 'open':
        return t('followup.staff_status.open');
      case 'answered':
        return t('followup.staff_status.answered');
      case 'scheduled':
        return t('followup.staff_status.scheduled');
      case 'closed':
        return t('followup.staff_status.closed');
    }
  }
  switch (status) {
    case 'open':
      return t('followup.status.open');
    case 'answered':
      return t('followup.status.answered');
    case 'scheduled':
      return t('followup.status.scheduled');
    case 'closed':
      return t('followup.status.closed');
  }
}

export const statusBadge: Record<FollowupView['status'], string> = { open: 'badge-pending', answered: 'badge-ok', scheduled: 'badge-ok', closed: 'badge-archived' };

/** Dates and times on the school's clock (a follow-up is at the school), in the reader's language and region. */
export function useSchoolTime(timeZone: string) {
  const { intlLocale } = useI18n();
  const regional = navigator.languages.find((l) => l.toLowerCase().startsWith(`${intlLocale}-`)) ?? intlLocale;
  const format = new Intl.DateTimeFormat(regional, { dateStyle: 'full', timeStyle: 'short', timeZone });
  const short = new Intl.DateTimeFormat(regional, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const time = new Intl.DateTimeFormat(regional, { timeStyle: 'short', timeZone });
  return { long: (iso: string) => format.format(new Date(iso)), short: (iso: string) => short.format(new Date(iso)), range: (a: string, b: string) => `${format.format(new Date(a))} – ${time.format(new Date(b))}` };
}

/** The messages of a thread, each with who wrote it and when (the reader's own as "You"). */
export function Thread({ request }: { request: FollowupView }) {
  const t = useT();
  const when = useSchoolTime(request.timeZone);
  return (
    <ol className="followup-thread">
      {request.messages.map((m) => (
        <li key={m.id} className={`followup-message followup-message-${m.side}${m.mine ? ' followup-message-mine' : ''}`}>
          <p className="followup-by">{m.mine ? t('followup.message.you', { date: when.short(m.createdAt) }) : t('followup.message.by', { name: m.author, date: when.short(m.createdAt) })}</p>
          <p data-content dir="auto">
            {m.body}
          </p>
        </li>
      ))}
    </ol>
  );
}

export function OfferedTime({ request }: { request: FollowupView }) {
  const t = useT();
  const when = useSchoolTime(request.timeZone);
  if (!request.meeting || request.status !== 'scheduled') return null;
  return (
    <div className="followup-offer">
      <p>
        <strong>{t('followup.panel.offered', { teacher: request.teacher.name, when: when.range(request.meeting.startsAt, request.meeting.endsAt) })}</strong>
      </p>
      {request.meeting.place && (
        <p>
          {t('followup.panel.offered_where', { place: request.meeting.place })}
        </p>
      )}
    </div>
  );
}

/** A message box and its button: a first request, or one more message in a thread. */
export function MessageForm({ label, submitLabel, sentLabel, field, onSend }: { label: string; submitLabel: string; sentLabel: string; field: 'message' | 'body'; onSend(text: string): Promise<void> }) {
  const t = useT();
  const [text, setText] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const fieldCode = error instanceof ApiError ? error.fields[field] : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSent(null);
    void run(async () => {
      await onSend(text);
      setText('');
      setSent(sentLabel);
    });
  };
  return (
    <form className="followup-form" onSubmit={submit} noValidate>
      <FieldShell label={label} error={fieldCode === 'already_open' ? t('followup.panel.already_open') : fieldError(t, error, field)}>
        {(control) => <textarea {...control} rows={3} dir="auto" maxLength={FOLLOWUP_MESSAGE_MAX} value={text} onChange={(e) => setText(e.target.value)} />}
      </FieldShell>
      {!fieldCode ? <ErrorNotice error={error} /> : null}
      <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
        {submitLabel}
      </button>
      <Saved message={sent} />
    </form>
  );
}

export function FollowupPanel({ conferenceId }: { conferenceId: string }) {
  const t = useT();
  const { me } = useSession();
  const list = useApi<FollowupList>(`/api/conferences/${conferenceId}/followups`);
  const [notice, setNotice] = useState<string | null>(null);
  const headingId = useId();
  if (list.status === 'loading') return <Loading />;
  // Anyone the server refuses (a child: 404) sees nothing of it at all.
  if (list.status === 'error') return list.error.status === 404 || list.error.status === 403 ? null : <ErrorNotice error={list.error} />;
  const mine = list.data.requests.filter((r) => r.guardian.id === me?.id);
  const active = mine.find((r) => r.status !== 'closed');
  const earlier = mine.filter((r) => r.status === 'closed');
  return (
    <section className="card followup-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('followup.panel.title')}</h2>
      <p className="hint">{t('followup.panel.lead')}</p>
      <Saved message={notice} />
      {active ? (
        <ActiveRequest
          request={active}
          onChanged={list.reload}
          onClosed={() => {
            setNotice(t('followup.panel.closed'));
            list.reload();
          }}
        />
      ) : (
        <MessageForm
          label={t('followup.panel.ask_label')}
          submitLabel={t('followup.panel.ask')}
          sentLabel={t('followup.panel.asked')}
          field="message"
          onSend={async (message) => {
            await api('POST', `/api/conferences/${conferenceId}/followups`, { message });
            // The form gives way to the thread: the panel says it went.
            setNotice(t('followup.panel.asked'));
            list.reload();
          }}
        />
      )}
      {earlier.length > 0 && (
        <details className="more">
          <summary>{t('followup.panel.earlier')}</summary>
          {earlier.map((r) => (
            <div key={r.id} className="followup-item">
              <span className={`badge ${statusBadge[r.status]}`}>{statusLabel(t, r.status, 'family')}</span>
              <Thread request={r} />
            </div>
          ))}
        </details>
      )}
    </section>
  );
}

function ActiveRequest({ request, onChanged, onClosed }: { request: FollowupView; onChanged(): void; onClosed(): void }) {
  const t = useT();
  const close = useAction();
  const titleId = useId();
  return (
    <div className="followup-item" aria-labelledby={titleId}>
      <div className="followup-head">
        <h3 id={titleId}>
          {t('followup.panel.thread', { teacher: request.teacher.name })}
        </h3>
        <span className={`badge ${statusBadge[request.status]}`}>{statusLabel(t, request.status, 'family')}</span>
      </div>
      <OfferedTime request={request} />
      {request.status === 'scheduled' && <p className="hint">{t('followup.panel.offered_hint')}</p>}
      <Thread request={request} />
      <MessageForm
        label={t('followup.panel.reply_label')}
        submitLabel={t('followup.panel.send')}
        sentLabel={t('followup.panel.sent')}
        field="body"
        onSend={async (body) => {
          await api('POST', `/api/followups/${request.id}/messages`, { body });
          onChanged();
        }}
      />
      <ConfirmAction
        label={t('followup.panel.close')}
        question={t('followup.panel.close_question')}
        confirmLabel={t('followup.panel.close_yes')}
        danger={false}
        busy={close.busy}
        onConfirm={() =>
          close.run(async () => {
            await api('POST', `/api/followups/${request.id}/close`);
            onClosed();
          })
        }
      />
      <ErrorNotice error={close.error} />
    </div>
  );
}

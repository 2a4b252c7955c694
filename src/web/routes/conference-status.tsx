/**
 * Running late, on a phone: /conferences/:id/status is the family's page for their meeting on the
 * day ("Your meeting with Ms Okafor: booked 16:20, now expected about 16:32 — 12 minutes late;
 * 2 families before you"), and /interpreter-status/:token the interpreter's meetings of today (the
 * secret link of their emails and calendar feed; no sign-in). Both update by themselves through a
 * server-sent stream, say so with a "live" mark, and fall back to asking every 30 seconds while
 * the stream is down. Times are the school's wall clock.
 */
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { ConferenceStatusView, ExpectedTimesView, InterpreterStatusView } from '../../contracts/late';
import { ErrorNotice, Loading, Name } from '../components/ui';
import { LanguageName, rich, useZoneFormat, When, type ZoneFormat } from '../features/booking/format';
import { useLiveSnapshot } from '../features/late/use-live-snapshot';
import { useT } from '../lib/i18n';
import '../styles/late.css';

const POLL_MS = 30_000;

/** "Live", or "Reconnecting… (last updated 16:21)" while the stream is down. */
function LiveMark({ connected, receivedAt, fmt }: { connected: boolean; receivedAt: Date | null; fmt: ZoneFormat }) {
  const t = useT();
  return (
    <div className="late-live-mark">
      <p className={`late-live ${connected ? 'late-live-on' : 'late-live-off'}`}>
        <span className="late-live-dot" aria-hidden="true" />
        {connected ? t('late.status.live') : t('late.status.reconnecting')}
      </p>
      {!connected && receivedAt ? <p className="late-updated">{t('late.status.updated', { time: fmt.time(receivedAt.toISOString()) })}</p> : null}
    </div>
  );
}

/** The delay as a badge: "On time" or "12 minutes late". */
function Delay({ minutes }: { minutes: number }) {
  const t = useT();
  return minutes > 0 ? <p className="late-delay late-delay-late">{t('late.status.late', { minutes })}</p> : <p className="late-delay late-delay-on-time">{t('late.status.onTime')}</p>;
}

/** Booked and expected, side by side, large: what a parent in a corridor glances at. */
function Times({ m, fmt, today }: { m: ExpectedTimesView; fmt: ZoneFormat; today: boolean }) {
  const t = useT();
  const projected = today && m.state === 'waiting';
  const started = m.state === 'in_progress' || m.state === 'ended';
  return (
    <dl className="late-times">
      <div>
        <dt>{t('late.status.booked')}</dt>
        <dd>
          <When>{fmt.time(m.startsAt)}</When>
        </dd>
      </div>
      {projected || started ? (
        <div className={projected && m.delayMinutes > 0 ? 'late-expected-late' : undefined}>
          <dt>{started ? t('late.status.started') : m.delayMinutes > 0 ? t('late.status.expected') : t('late.status.expectedNoTime')}</dt>
          <dd data-testid="expected-time">
            <When>{fmt.time(m.expectedStartsAt)}</When>
          </dd>
        </div>
      ) : null}
      {m.state === 'ended' ? (
        <div>
          <dt>{t('late.status.ended')}</dt>
          <dd>
            <When>{fmt.time(m.expectedEndsAt)}</When>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** Read out when the times change (the page changes by itself, so a screen reader is told). */
function Announce({ text }: { text: string }) {
  return (
    <p className="visually-hidden" aria-live="polite" aria-atomic="true">
      {text}
    </p>
  );
}

function useSummary(view: ConferenceStatusView | null, fmt: ZoneFormat): string {
  const t = useT();
  if (!view || !view.today || view.meeting.state !== 'waiting') return '';
  const m = view.meeting;
  const before = t('late.status.before', { count: m.familiesBefore });
  return m.delayMinutes > 0
    ? t('late.status.summary', { booked: fmt.time(m.startsAt), expected: fmt.time(m.expectedStartsAt), late: t('late.status.late', { minutes: m.delayMinutes }), before })
    : t('late.status.summaryOnTime', { booked: fmt.time(m.startsAt), before });
}

export function ConferenceStatusPage() {
  const t = useT();
  const { id } = useParams();
  const live = useLiveSnapshot<ConferenceStatusView>(id ? `/api/conferences/${id}/status/stream` : null, id ? `/api/conferences/${id}/status` : null, POLL_MS);
  const view = live.data;
  const fmt = useZoneFormat(view?.timeZone);
  const summary = useSummary(view, fmt);
  if (!view && live.error) {
    return (
      <div className="narrow">
        <h1>{t('late.status.page')}</h1>
        <ErrorNotice error={live.error} />
      </div>
    );
  }
  if (!view) return <Loading />;
  const m = view.meeting;
  return (
    <div className="narrow late-page">
      <LiveMark connected={live.connected} receivedAt={live.receivedAt} fmt={fmt} />
      <h1>{rich(t, 'late.status.title', { teacher: <Name>{view.teacher.name}</Name> })}</h1>
      <p className="lead">{rich(t, 'late.status.for', { child: <Name>{view.student.givenName}</Name> })}</p>
      <section className={`card late-card late-${m.state}`}>
        <Times m={m} fmt={fmt} today={view.today} />
        {view.today && m.state === 'waiting' ? (
          <>
            <Delay minutes={m.delayMinutes} />
            <p className="late-before" data-testid="families-before">
              {t('late.status.before', { count: m.familiesBefore })}
            </p>
          </>
        ) : null}
        <StateText view={view} fmt={fmt} />
        <p className="late-where">{view.mode === 'video' ? t('late.status.video') : view.teacher.room ? rich(t, 'late.status.room', { room: <Name>{view.teacher.room}</Name> }) : null}</p>
      </section>
      <Announce text={summary} />
      <ErrorNotice error={live.connected ? null : live.error} />
      <p className="hint">{t('late.status.howItWorks')}</p>
    </div>
  );
}

function StateText({ view, fmt }: { view: ConferenceStatusView; fmt: ZoneFormat }) {
  const t = useT();
  const state = view.meeting.state;
  if (state === 'in_progress') return <p className="late-state">{t('late.status.inProgress')}</p>;
  if (state === 'ended') return <p className="late-state">{t('late.status.endedText')}</p>;
  if (state === 'no_show' && view.today) return <p className="late-state">{t('late.status.noShow')}</p>;
  if (state === 'passed_over' && view.today) return <p className="late-state">{t('late.status.passedOver')}</p>;
  if (!view.today && state === 'waiting') return <p className="late-state">{rich(t, 'late.status.notToday', { date: <When>{fmt.day(view.meeting.startsAt)}</When> })}</p>;
  if (!view.today) return <p className="late-state">{t('late.status.dayOver')}</p>;
  return null;
}

export function InterpreterStatusPage() {
  const t = useT();
  const { token } = useParams();
  const path = token ? `/api/interpreter-status/${encodeURIComponent(token)}` : null;
  const live = useLiveSnapshot<InterpreterStatusView>(path ? `${path}/stream` : null, path, POLL_MS);
  const view = live.data;
  const fmt = useZoneFormat(view?.timeZone);
  const announce = useChangeAnnouncement(view, fmt);
  if (!view && live.error) {
    return (
      <div className="narrow">
        <h1>{t('late.interpreter.title')}</h1>
        <ErrorNotice error={live.error} />
      </div>
    );
  }
  if (!view) return <Loading />;
  return (
    <div className="narrow late-page">
      <LiveMark connected={live.connected} receivedAt={live.receivedAt} fmt={fmt} />
      <h1>{t('late.interpreter.title')}</h1>
      <p className="lead">
        {rich(t, 'late.interpreter.hello', { name: <Name>{view.interpreter.name}</Name> })} · <When>{fmt.day(`${view.date}T12:00:00Z`)}</When>
      </p>
      {view.meetings.length === 0 ? <p>{t('late.interpreter.empty')}</p> : null}
      <ol className="late-list">
        {view.meetings.map((m) => (
          <li key={m.bookingId} className={`card late-card late-${m.state}`}>
            <h2 className="late-who">{rich(t, 'late.interpreter.with', { child: <Name>{m.student.name}</Name>, teacher: <Name>{m.teacher.name}</Name> })}</h2>
            <Times m={m} fmt={fmt} today />
            {m.state === 'waiting' ? <Delay minutes={m.delayMinutes} /> : <p className="late-state">{t(`late.states.${m.state}`)}</p>}
            <p className="late-where">
              {rich(t, 'late.interpreter.language', { language: <LanguageName tag={m.language} /> })}
              {' · '}
              {m.mode === 'video' ? t('late.status.video') : m.teacher.room ? rich(t, 'late.status.room', { room: <Name>{m.teacher.room}</Name> }) : null}
            </p>
          </li>
        ))}
      </ol>
      <Announce text={announce} />
      <ErrorNotice error={live.connected ? null : live.error} />
      <p className="hint">{t('late.interpreter.howItWorks')}</p>
    </div>
  );
}

/** For the interpreter's list: a sentence about the meetings whose expected time just changed. */
function useChangeAnnouncement(view: InterpreterStatusView | null, fmt: ZoneFormat): string {
  const t = useT();
  const last = useRef(new Map<string, string>());
  const [text, setText] = useState('');
  useEffect(() => {
    if (!view) return;
    const changed: string[] = [];
    for (const m of view.meetings) {
      const before = last.current.get(m.bookingId);
      if (before !== undefined && before !== m.expectedStartsAt && m.state === 'waiting') {
        changed.push(`${t('late.interpreter.with', { child: m.student.name, teacher: m.teacher.name })}: ${fmt.time(m.expectedStartsAt)}, ${m.delayMinutes > 0 ? t('late.interpreter.runningLate', { minutes: m.delayMinutes }) : t('late.status.onTime')}`);
      }
      last.current.set(m.bookingId, m.expectedStartsAt);
    }
    if (changed.length) setText(changed.join('. '));
  }, [view, fmt, t]);
  return text;
}

/**
 * Conference day for the teacher: the day's conferences in order (/conference-day), one
 * conference's facilitator view (/conferences/:id/facilitate: who comes, the timer, the agenda the
 * child's screen follows, prompts for a child who stalls, quick notes, attendance, outcomes, the
 * record), and the record itself for everyone who may read it (/conferences/:id/record).
 */
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { AgendaStepView, ConferenceDay, ConferenceView, RecordView } from '../../contracts/conference';
import type { TeacherDayStatusView } from '../../contracts/late';
import { scaffoldingFor } from '../../domain/conference/prompts';
import { ErrorNotice, Loading } from '../components/ui';
import { RecordDocument } from '../features/conference/record-document';
import { SharePanel } from '../features/conference/share-panel';
import { useZoneFormat } from '../features/rounds/use-zone-format';
import { api } from '../lib/api';
import { useI18n, useT, type T } from '../lib/i18n';
import { liveKey, useLive } from '../lib/live';
import { useSession } from '../lib/session';
import { useAction, useApi } from '../lib/use-api';
import '../styles/conference.css';

function Failed({ title, error }: { title: string; error: unknown }) {
  return (
    <div className="narrow">
      <h1>{title}</h1>
      <ErrorNotice error={error} />
    </div>
  );
}

export function stepTitle(t: T, step: AgendaStepView): string {
  switch (step.kind) {
    case 'welcome':
      return t('conference.steps.welcome');
    case 'piece':
      return t('conference.steps.piece', { title: step.piece.caption || step.piece.prompt.text });
    case 'strengths':
      return t('conference.steps.strengths');
    case 'goals':
      return t('conference.steps.goals');
    case 'questions':
      return t('conference.steps.questions');
    case 'commitments':
      return t('conference.steps.commitments');
    case 'custom':
      return t('conference.steps.custom', { title: step.title });
  }
}

function statusLabel(t: T, c: { status: string; attendance: string | null; recordVersion: number }): string {
  if (c.recordVersion > 0) return t('conference.status.finalised', { version: c.recordVersion });
  if (c.attendance === 'no_show') return t('conference.status.no_show');
  switch (c.status) {
    case 'in_progress':
      return t('conference.status.in_progress');
    case 'ended':
      return t('conference.status.ended');
    default:
      return t('conference.status.scheduled');
  }
}

function relationshipLabel(t: T, key: string): string {
  return ['grandparent', 'aunt_uncle', 'sibling', 'relative', 'family_friend', 'carer'].includes(key) ? t(`booking.relationships.${key}`) : key;
}

function languageName(intlLocale: string, tag: string): string {
  try {
    return new Intl.DisplayNames([intlLocale], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

// ---- the day ------------------------------------------------------------------------------------

export function ConferenceDayPage() {
  const t = useT();
  const { intlLocale } = useI18n();
  const [params, setParams] = useSearchParams();
  const date = params.get('date');
  const loaded = useApi<ConferenceDay>(`/api/conference-day${date ? `?date=${date}` : ''}`);
  const dateId = useId();
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <Failed title={t('conference.day.title')} error={loaded.error} />;
  const day = loaded.data;
  return <DayList day={day} date={date} dateId={dateId} onDate={(d) => setParams(d ? { date: d } : {})} intlLocale={intlLocale} />;
}

/** Today's expected times, live: how late the teacher is running, and when each family still to come is now expected. */
function useRunningLate(today: boolean): TeacherDayStatusView | null {
  const { me } = useSession();
  return useLive<TeacherDayStatusView>(today && me ? `/api/teachers/${me.id}/day-status/stream` : null).data;
}

function DayList({ day, date, dateId, onDate, intlLocale }: { day: ConferenceDay; date: string | null; dateId: string; onDate(d: string): void; intlLocale: string }) {
  const t = useT();
  const f = useZoneFormat(day.timeZone);
  const late = useRunningLate(date === null && day.conferences.length > 0);
  const expected = new Map((late?.meetings ?? []).map((m) => [m.conferenceId, m]));
  return (
    <div className="narrow conference-day">
      <h1>{date ? t('conference.day.title_on', { date: f.day(day.date) }) : t('conference.day.title')}</h1>
      {late && late.meetings.some((m) => m.status !== 'scheduled' || m.attendance) ? (
        <p className={late.runningLateMinutes > 0 ? 'notice cd-late' : 'cd-on-time'} role="status">
          {late.runningLateMinutes > 0 ? t('conference.day.running_late', { minutes: late.runningLateMinutes }) : t('conference.day.on_time')}
        </p>
      ) : null}
      <p>
        <label htmlFor={dateId}>{t('conference.day.date_label')}</label>{' '}
        <input id={dateId} type="date" value={day.date} onChange={(e) => onDate(e.target.value)} />
      </p>
      {day.conferences.length === 0 && <p>{t('conference.day.empty')}</p>}
      <ol className="cd-list">
        {day.conferences.map((c) => (
          <li key={c.conferenceId} className={`card cd-item cd-${c.status}`}>
            <p className="cd-time">{f.range(c.startsAt, c.endsAt)}</p>
            {(() => {
              const m = expected.get(c.conferenceId);
              return m && m.state === 'waiting' && m.delayMinutes > 0 ? <p className="cd-expected">{t('conference.day.expected', { time: f.time(m.expectedStartsAt) })}</p> : null;
            })()}
            <h2 className="cd-name">{c.student.name}</h2>
            <p className="badge">{statusLabel(t, c)}</p>
            <p>
              {t('conference.day.with', {
                names: c.attendees.map((a) => (a.kind === 'guardian' ? a.name : t('conference.facilitator.substitute', { name: a.name, relationship: relationshipLabel(t, a.relationship) }))).join(', '),
              })}
            </p>
            <p>{t('conference.day.language', { language: languageName(intlLocale, c.language) })}</p>
            {c.interpreter && <p>{t('conference.day.interpreter', { name: c.interpreter.name })}</p>}
            {c.mode === 'video' && c.videoUrl && (
              <p>
                <a href={c.videoUrl}>{t('conference.day.video')}</a>
              </p>
            )}
            {c.privateTime && <p className="notice">{t('conference.day.private_time')}</p>}
            <p className="cd-actions">
              <Link className="button" to={`/conferences/${c.conferenceId}/facilitate`}>
                {t('conference.day.facilitate')}
                <span className="visually-hidden"> — {c.student.name}</span>
              </Link>{' '}
              <Link to={`/conferences/${c.conferenceId}/present`}>
                {t('conference.day.present')}
                <span className="visually-hidden"> — {c.student.name}</span>
              </Link>
              {c.recordVersion > 0 && (
                <>
                  {' · '}
                  <Link to={`/conferences/${c.conferenceId}/record`}>
                    {t('conference.day.record')}
                    <span className="visually-hidden"> — {c.student.name}</span>
                  </Link>
                </>
              )}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}

// ---- the facilitator ------------------------------------------------------------------------------

/** The conference, re-read whenever its live state moves on. */
export function useConference(id: string | undefined) {
  const loaded = useApi<ConferenceView>(id ? `/api/conferences/${id}` : null);
  const live = useLive<ConferenceView['live']>(id ? `/api/conferences/${id}/live` : null);
  const key = liveKey(live.data);
  const { reload } = loaded;
  const [seen, setSeen] = useState('');
  useEffect(() => {
    if (!key) return;
    if (seen && key !== seen) reload();
    setSeen(key);
  }, [key, seen, reload]);
  return { loaded, live };
}

function useTicker(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function FacilitatorPage() {
  const t = useT();
  const { id } = useParams();
  const { loaded, live } = useConference(id);
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <Failed title={t('conference.day.title')} error={loaded.error} />;
  return <Facilitator view={loaded.data} live={live.data ?? loaded.data.live} connected={live.connected} reload={loaded.reload} />;
}

function Facilitator({ view, live, connected, reload }: { view: ConferenceView; live: ConferenceView['live']; connected: boolean; reload(): void }) {
  const t = useT();
  const f = useZoneFormat(view.round.timeZone);
  const action = useAction();
  const name = `${view.student.givenName} ${view.student.familyName}`;
  const current = view.agenda.find((s) => s.id === live.currentStepId) ?? view.agenda[0];
  const call = (method: 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
    action.run(async () => {
      await api(method, url, body);
      reload();
    });
  const base = `/api/conferences/${view.id}`;
  return (
    <div className="wide facilitator">
      <header className="fac-head">
        <h1>{t('conference.facilitator.title', { name })}</h1>
        <p>
          {t('conference.facilitator.when', { time: f.range(view.startsAt, view.endsAt), room: view.mode === 'video' ? t('conference.day.video') : (view.teacher.room ?? '') })}
        </p>
        <p className="badge">{statusLabel(t, { status: live.status, attendance: view.attendance, recordVersion: view.recordVersion })}</p>
        <p className={connected ? 'live-on' : 'live-off'} role="status">
          {connected ? t('conference.facilitator.live') : t('conference.facilitator.offline')}
        </p>
      </header>
      <ErrorNotice error={action.error} />

      <div className="fac-grid">
        <section className="card" aria-labelledby="fac-who">
          <h2 id="fac-who">{t('conference.facilitator.attending')}</h2>
          <ul>
            {view.attendees.map((a, i) => (
              <li key={i}>{a.kind === 'guardian' ? a.name : t('conference.facilitator.substitute', { name: a.name, relationship: relationshipLabel(t, a.relationship) })}</li>
            ))}
            {view.interpreter && <li>{t('conference.day.interpreter', { name: view.interpreter.name })}</li>}
          </ul>
          {view.mode === 'video' && view.teacher.videoUrl && <a href={view.teacher.videoUrl}>{t('conference.day.video')}</a>}
          {view.privateTime && <p className="notice">{t('conference.facilitator.private_time')}</p>}
        </section>

        <section className="card fac-controls" aria-labelledby="fac-time">
          <h2 id="fac-time">{t('conference.facilitator.timer_label')}</h2>
          <Timer live={live} total={view.round.slotMinutes} />
          {live.status === 'scheduled' && (
            <p className="fac-buttons">
              <button type="button" className="button button-primary button-big-primary" disabled={action.busy} onClick={() => void call('POST', `${base}/start`)}>
                {t('conference.facilitator.start')}
              </button>
              {view.attendance === 'no_show' ? (
                <button type="button" className="button button-quiet" disabled={action.busy} onClick={() => void call('PUT', `${base}/attendance`, { attendance: 'attended' })}>
                  {t('conference.facilitator.attended_again')}
                </button>
              ) : (
                <button type="button" className="button button-quiet" disabled={action.busy} onClick={() => void call('PUT', `${base}/attendance`, { attendance: 'no_show' })}>
                  {t('conference.facilitator.no_show')}
                </button>
              )}
            </p>
          )}
          {live.status === 'in_progress' && (
            <>
              <p className="fac-buttons">
                <button type="button" className="button button-primary button-big-primary" disabled={action.busy} onClick={() => void call('POST', `${base}/end`)}>
                  {t('conference.facilitator.end')}
                </button>
              </p>
              <CorrectStart view={view} live={live} onSave={(startedAt) => void call('PUT', `${base}/started-at`, { startedAt })} busy={action.busy} />
            </>
          )}
          <p>
            <Link to={`/conferences/${view.id}/present`}>{t('conference.facilitator.open_presenter')}</Link>
          </p>
        </section>

        <section className="card" aria-labelledby="fac-agenda">
          <h2 id="fac-agenda">{t('conference.facilitator.agenda')}</h2>
          {current && <p className="fac-now">{t('conference.facilitator.now_on', { step: stepTitle(t, current) })}</p>}
          <AgendaEditor view={view} currentId={current?.id ?? null} onChanged={reload} />
        </section>

        <section className="card" aria-labelledby="fac-prompts">
          <h2 id="fac-prompts">{t('conference.facilitator.prompts')}</h2>
          <p className="hint">{t('conference.facilitator.prompts_hint')}</p>
          <ul className="fac-prompts">
            {scaffoldingFor(current?.kind ?? 'welcome').map((key) => (
              <li key={key}>{t(`conference.scaffold.${key}`)}</li>
            ))}
          </ul>
          {view.scaffoldingNote && (
            <>
              <h3>{t('conference.facilitator.scaffolding_note')}</h3>
              <p>{view.scaffoldingNote}</p>
            </>
          )}
        </section>

        <Notes view={view} onChanged={reload} />

        <section className="card" aria-labelledby="fac-goals">
          <h2 id="fac-goals">{t('conference.facilitator.goals')}</h2>
          {view.goals.length === 0 && (
            <p>
              {t('conference.facilitator.no_goals')} <Link to={`/students/${view.student.id}/goals`}>{t('conference.facilitator.set_goal')}</Link>
            </p>
          )}
          {view.goals.map((g) => (
            <div key={g.id}>
              <h3>{g.what}</h3>
              <ul>
                {(['student', 'guardian', 'teacher'] as const).map((role) => {
                  const mine = g.commitments.filter((c) => c.role === role);
                  return mine.length === 0 ? (
                    <li key={role}>
                      {t(`conference.roles.${role}`)}: <em>{t('conference.facilitator.no_commitment')}</em>
                    </li>
                  ) : (
                    mine.map((c) => (
                      <li key={c.userId}>
                        {t(`conference.roles.${role}`)} — {c.name}: {c.text}
                      </li>
                    ))
                  );
                })}
              </ul>
            </div>
          ))}
        </section>

        <Outcomes view={view} onChanged={reload} />

        <section className="card" aria-labelledby="fac-record">
          <h2 id="fac-record">{t('conference.record.title', { name })}</h2>
          {view.recordVersion > 0 && (
            <p>
              {t('conference.facilitator.finalised', { version: view.recordVersion })} <Link to={`/conferences/${view.id}/record`}>{t('conference.facilitator.view_record')}</Link>
            </p>
          )}
          {live.status !== 'ended' && view.attendance !== 'no_show' && view.recordVersion === 0 && <p className="hint">{t('conference.facilitator.record_after')}</p>}
          {(live.status === 'ended' || view.attendance === 'no_show') && (
            <button type="button" className="button button-primary" disabled={action.busy} onClick={() => void call('POST', `${base}/record`)}>
              {view.recordVersion > 0 ? t('conference.facilitator.finalise_again') : t('conference.facilitator.finalise')}
            </button>
          )}
        </section>
      </div>
    </div>
  );
}

function Timer({ live, total }: { live: ConferenceView['live']; total: number }) {
  const t = useT();
  const now = useTicker();
  if (!live.startedAt) return <p className="fac-timer">{t('conference.facilitator.timer', { minutes: 0, total })}</p>;
  const end = live.endedAt ? new Date(live.endedAt).getTime() : now;
  const minutes = Math.max(0, Math.floor((end - new Date(live.startedAt).getTime()) / 60_000));
  const over = minutes - total;
  return (
    <p className={`fac-timer${over > 0 ? ' fac-over' : ''}`} aria-live="off">
      {over > 0 ? t('conference.facilitator.timer_over', { minutes: over }) : t('conference.facilitator.timer', { minutes, total })}
      <progress max={total} value={Math.min(minutes, total)} aria-label={t('conference.facilitator.timer_label')} />
    </p>
  );
}

/** An instant's wall-clock time in a zone as the time input wants it: 24-hour 'HH:MM'. */
function wallTime(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
}

function CorrectStart({ view, live, onSave, busy }: { view: ConferenceView; live: ConferenceView['live']; onSave(iso: string): void; busy: boolean }) {
  const t = useT();
  const id = useId();
  const zone = view.round.timeZone;
  const startedAt = live.startedAt ?? view.startsAt;
  const [value, setValue] = useState(() => wallTime(startedAt, zone));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const match = /^(\d{2}):(\d{2})$/.exec(value);
    if (!match) return;
    // The same day as the recorded start, in the school's zone: shift it by the difference.
    const [h, m] = wallTime(startedAt, zone).split(':').map(Number) as [number, number];
    const delta = (Number(match[1]) * 60 + Number(match[2]) - (h * 60 + m)) * 60_000;
    onSave(new Date(new Date(startedAt).getTime() + delta).toISOString());
  };
  return (
    <form onSubmit={submit} className="fac-correct">
      <label htmlFor={id}>{t('conference.facilitator.started_at_label')}</label>
      <input id={id} type="time" value={value} onChange={(e) => setValue(e.target.value)} />
      <button type="submit" className="button" disabled={busy}>
        {t('conference.facilitator.correct_start')}
      </button>
    </form>
  );
}

type EditStep = { kind: AgendaStepView['kind']; id: string; selectionId?: string; title?: string; text?: string; label: string };

function AgendaEditor({ view, currentId, onChanged }: { view: ConferenceView; currentId: string | null; onChanged(): void }) {
  const t = useT();
  const action = useAction();
  const initial = useMemo<EditStep[]>(
    () =>
      view.agenda.map((s) => ({
        kind: s.kind,
        id: s.id,
        label: stepTitle(t, s),
        ...(s.kind === 'piece' ? { selectionId: s.piece.selectionId } : {}),
        ...(s.kind === 'custom' ? { title: s.title, text: s.text } : {}),
      })),
    [view.agenda, t],
  );
  const [steps, setSteps] = useState(initial);
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!dirty) setSteps(initial);
  }, [initial, dirty]);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const titleId = useId();
  const textId = useId();
  const move = (i: number, by: number) => {
    const next = [...steps];
    const [s] = next.splice(i, 1);
    next.splice(i + by, 0, s!);
    setSteps(next);
    setDirty(true);
    setSaved(false);
  };
  const save = (list: EditStep[]) =>
    action.run(async () => {
      await api('PUT', `/api/conferences/${view.id}/agenda`, {
        steps: list.map((s) => (s.kind === 'piece' ? { kind: 'piece', id: s.id, selectionId: s.selectionId } : s.kind === 'custom' ? { kind: 'custom', id: s.id, title: s.title, text: s.text ?? '' } : { kind: s.kind, id: s.id })),
      });
      setDirty(false);
      setSaved(true);
      onChanged();
    });
  const show = (stepId: string) =>
    action.run(async () => {
      await api('PUT', `/api/conferences/${view.id}/step`, { stepId });
      onChanged();
    });
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return;
    const id = `custom:${crypto.randomUUID()}`;
    const at = Math.max(0, steps.findIndex((s) => s.kind === 'strengths'));
    const next = [...steps];
    next.splice(at, 0, { kind: 'custom', id, title: title.trim(), text: text.trim(), label: title.trim() });
    setSteps(next);
    setTitle('');
    setText('');
    void save(next);
  };
  return (
    <>
      <p className="hint">{t('conference.facilitator.agenda_hint')}</p>
      <ErrorNotice error={action.error} />
      <ol className="fac-agenda">
        {steps.map((s, i) => (
          <li key={s.id} className={s.id === currentId ? 'fac-current' : undefined} aria-current={s.id === currentId ? 'step' : undefined}>
            <button type="button" className="link-button" onClick={() => void show(s.id)} disabled={action.busy || dirty} aria-label={t('conference.facilitator.go_to_step', { step: s.label })}>
              {s.label}
            </button>
            <span className="fac-step-tools">
              <button type="button" className="button button-quiet" onClick={() => move(i, -1)} disabled={i === 0} aria-label={t('conference.facilitator.move_up', { step: s.label })}>
                ↑
              </button>
              <button type="button" className="button button-quiet" onClick={() => move(i, 1)} disabled={i === steps.length - 1} aria-label={t('conference.facilitator.move_down', { step: s.label })}>
                ↓
              </button>
              {s.kind === 'custom' && (
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => {
                    setSteps(steps.filter((x) => x.id !== s.id));
                    setDirty(true);
                  }}
                  aria-label={t('conference.facilitator.remove', { step: s.label })}
                >
                  ×
                </button>
              )}
            </span>
          </li>
        ))}
      </ol>
      {dirty && (
        <button type="button" className="button button-primary" disabled={action.busy} onClick={() => void save(steps)}>
          {t('conference.facilitator.save_agenda')}
        </button>
      )}
      {saved && !dirty && <p role="status">{t('conference.facilitator.agenda_saved')}</p>}
      {view.agendaCustomised && !dirty && (
        <button type="button" className="button button-quiet" disabled={action.busy} onClick={() => void save(initial.filter((s) => s.kind !== 'custom').sort((a, b) => order(a) - order(b)))}>
          {t('conference.facilitator.reset_agenda')}
        </button>
      )}
      <form onSubmit={add} className="fac-add">
        <h3>{t('conference.facilitator.add_step')}</h3>
        <label htmlFor={titleId}>{t('conference.facilitator.step_title')}</label>
        <input id={titleId} value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} />
        <label htmlFor={textId}>{t('conference.facilitator.step_text')}</label>
        <textarea id={textId} value={text} maxLength={1000} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="button" disabled={action.busy || !title.trim()}>
          {t('conference.facilitator.add_step')}
        </button>
      </form>
    </>
  );
}

/** The built order of step kinds (pieces keep their own order among themselves). */
function order(s: EditStep): number {
  return ['welcome', 'piece', 'strengths', 'goals', 'questions', 'commitments'].indexOf(s.kind);
}

function Notes({ view, onChanged }: { view: ConferenceView; onChanged(): void }) {
  const t = useT();
  const f = useZoneFormat(view.round.timeZone);
  const action = useAction();
  const [text, setText] = useState('');
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    void action.run(async () => {
      await api('POST', `/api/conferences/${view.id}/notes`, { text });
      setText('');
      onChanged();
    });
  };
  return (
    <section className="card" aria-labelledby="fac-notes">
      <h2 id="fac-notes">{t('conference.facilitator.notes')}</h2>
      <p className="hint">{t('conference.facilitator.notes_hint')}</p>
      <ul className="fac-notes">
        {(view.notes ?? []).map((n) => (
          <li key={n.id}>
            <span className="fac-note-time">{f.time(n.at)}</span> {n.text}{' '}
            <button
              type="button"
              className="link-button"
              aria-label={t('conference.facilitator.delete_note', { time: f.time(n.at) })}
              onClick={() =>
                void action.run(async () => {
                  await api('DELETE', `/api/conferences/${view.id}/notes/${n.id}`);
                  onChanged();
                })
              }
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={submit}>
        <label htmlFor={id}>{t('conference.facilitator.note_label')}</label>
        <textarea id={id} value={text} maxLength={1000} onChange={(e) => setText(e.target.value)} />
        <ErrorNotice error={action.error} />
        <button type="submit" className="button" disabled={action.busy || !text.trim()}>
          {t('conference.facilitator.add_note')}
        </button>
      </form>
    </section>
  );
}

function Outcomes({ view, onChanged }: { view: ConferenceView; onChanged(): void }) {
  const t = useT();
  const action = useAction();
  const [summary, setSummary] = useState(view.summary ?? '');
  const [nextSteps, setNextSteps] = useState(view.nextSteps);
  const [saved, setSaved] = useState(false);
  const summaryId = useId();
  const nextId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api('PUT', `/api/conferences/${view.id}/outcomes`, { summary, nextSteps });
      setSaved(true);
      onChanged();
    });
  };
  return (
    <section className="card" aria-labelledby="fac-outcomes">
      <h2 id="fac-outcomes">{t('conference.facilitator.outcomes')}</h2>
      <form onSubmit={submit}>
        <label htmlFor={summaryId}>{t('conference.facilitator.summary')}</label>
        <textarea id={summaryId} value={summary} maxLength={4000} rows={4} onChange={(e) => (setSummary(e.target.value), setSaved(false))} />
        <label htmlFor={nextId}>{t('conference.facilitator.next_steps')}</label>
        <textarea id={nextId} value={nextSteps} maxLength={4000} rows={3} onChange={(e) => (setNextSteps(e.target.value), setSaved(false))} />
        <ErrorNotice error={action.error} />
        <button type="submit" className="button" disabled={action.busy}>
          {t('conference.facilitator.save_outcomes')}
        </button>
        {saved && <span role="status"> {t('conference.facilitator.outcomes_saved')}</span>}
      </form>
    </section>
  );
}

// ---- the record -----------------------------------------------------------------------------------

export function RecordPage() {
  const t = useT();
  const { id } = useParams();
  const [params] = useSearchParams();
  const version = params.get('version');
  const loaded = useApi<RecordView>(`/api/conferences/${id}/record${version ? `?version=${version}` : ''}`);
  const { intlLocale } = useI18n();
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <Failed title={t('conference.family.record_link')} error={loaded.error} />;
  const record = loaded.data;
  const latest = record.versions[0]?.version ?? record.version;
  const when = new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeStyle: 'short' });
  const download = () => {
    const html = `<!doctype html><html lang="${document.documentElement.lang}" dir="${document.documentElement.dir}"><meta charset="utf-8"><title>${document.title}</title><style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;line-height:1.5}img{max-width:100%}audio{display:none}</style>${document.querySelector('.record-document')?.outerHTML ?? ''}</html>`;
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `conference-record-${record.content.student.givenName}-v${record.version}.html`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div className="narrow record-page">
      <p className="no-print record-tools">
        <button type="button" className="button button-quiet" onClick={() => window.print()}>
          {t('conference.record.print')}
        </button>{' '}
        <button type="button" className="button button-quiet" onClick={download}>
          {t('conference.record.download')}
        </button>
      </p>
      {record.version !== latest && (
        <p className="notice no-print">
          {t('conference.record.older')} <Link to={`/conferences/${id}/record`}>{t('conference.record.see_latest')}</Link>
        </p>
      )}
      <RecordDocument record={record} />
      {record.can.share && id && <SharePanel conferenceId={id} />}
      {record.versions.length > 1 && (
        <section className="no-print" aria-labelledby="record-history">
          <h2 id="record-history">{t('conference.record.history')}</h2>
          <ul>
            {record.versions.map((v) => (
              <li key={v.version}>
                <Link to={`/conferences/${id}/record?version=${v.version}`} aria-current={v.version === record.version ? 'page' : undefined}>
                  {t('conference.record.history_item', { version: v.version, date: when.format(new Date(v.finalisedAt)), name: v.finalisedBy })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

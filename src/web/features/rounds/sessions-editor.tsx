/**
 * The days of a round and their sessions ("Monday 1 November, 15:30–19:00, a break 17:00–17:15"):
 * edited together and saved at once (PUT replaces them all; existing sessions keep their ids, so
 * meetings booked in them stay). The API's errors come back by index: `sessions.0.endTime`,
 * `sessions.1.breaks.0`.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import type { RoundSetup } from '../../../contracts/booking';
import { Saved } from '../../components/forms';
import { ErrorNotice } from '../../components/ui';
import { useT } from '../../lib/i18n';
import { useAction } from '../../lib/use-api';
import { nextDay } from './format';
import type { SaveSetup } from './settings-form';
import { fieldMessage, useFocusFirstInvalid } from './text';
import { useZoneFormat } from './use-zone-format';

type BreakDraft = { key: number; start: string; end: string };
type SessionDraft = { key: number; id?: string; date: string; startTime: string; endTime: string; breaks: BreakDraft[] };

export const DEFAULT_START = '15:30';
export const DEFAULT_END = '19:00';

/** A break in the middle of the session (to the nearest five minutes), 15 minutes long. */
function middleBreak(startTime: string, endTime: string): { start: string; end: string } {
  const m = (x: string) => {
    const [h, mm] = x.split(':').map(Number);
    return (h ?? 0) * 60 + (mm ?? 0);
  };
  const hhmm = (n: number) => `${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`;
  const a = m(startTime);
  const b = m(endTime);
  if (!(b - a >= 30)) return { start: startTime, end: endTime };
  const start = Math.round((a + (b - a) / 2 - 7.5) / 5) * 5;
  return { start: hhmm(start), end: hhmm(start + 15) };
}

export function SessionsEditor({ setup, save }: { setup: RoundSetup; save: SaveSetup }) {
  const t = useT();
  const id = useId();
  const f = useZoneFormat(setup.round.timeZone);
  const nextKey = useRef(0);
  const key = () => ++nextKey.current;
  const draftOf = (s: RoundSetup['sessions']): SessionDraft[] =>
    s.map((x) => ({ key: key(), id: x.id, date: x.date, startTime: x.startTime, endTime: x.endTime, breaks: x.breaks.map((b) => ({ key: key(), ...b })) }));
  const [sessions, setSessions] = useState<SessionDraft[]>(() => draftOf(setup.sessions));
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, error);

  const change = (i: number, next: Partial<SessionDraft>) => {
    setSessions((all) => all.map((s, j) => (j === i ? { ...s, ...next } : s)));
    setSaved(null);
  };
  // Adding or removing a day renumbers them, so errors by index would point at the wrong one.
  const restructure = (next: SessionDraft[]) => {
    setSessions(next);
    setError(null);
    setSaved(null);
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setSaved(null);
    void run(async () => {
      const answer = await save('PUT', `/api/rounds/${setup.round.id}/sessions`, {
        sessions: sessions.map((s) => ({ ...(s.id ? { id: s.id } : {}), date: s.date, startTime: s.startTime, endTime: s.endTime, breaks: s.breaks.map((b) => ({ start: b.start, end: b.end })) })),
      });
      setSessions(draftOf(answer.sessions));
      setSaved(t('rounds.sessions.saved', { count: answer.sessions.length }));
    });
  }

  const timeField = (i: number, s: SessionDraft, field: 'startTime' | 'endTime') => {
    const fid = `${id}-${s.key}-${field}`;
    const message = fieldMessage(t, error, `sessions.${i}.${field}`);
    return (
      <div className="field">
        <label htmlFor={fid}>{t(`rounds.sessions.${field}`)}</label>
        <input id={fid} type="time" step={300} value={s[field]} aria-invalid={message ? true : undefined} aria-describedby={message ? `${fid}-error` : undefined} onChange={(e) => change(i, { [field]: e.target.value })} />
        {message ? (
          <p className="field-error" id={`${fid}-error`}>
            {message}
          </p>
        ) : null}
      </div>
    );
  };

  const overall = fieldMessage(t, error, 'sessions');
  return (
    <section className="card rb-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('rounds.sessions.title')}</h2>
      <p className="hint">{t('rounds.sessions.lead', { zone: setup.round.timeZone })}</p>
      <form ref={form} onSubmit={submit} noValidate>
        {sessions.length === 0 ? <p className="empty">{t('rounds.sessions.none')}</p> : null}
        <ol className="rb-sessions">
          {sessions.map((s, i) => {
            const dateId = `${id}-${s.key}-date`;
            const dateError = fieldMessage(t, error, `sessions.${i}.date`);
            const sessionError = fieldMessage(t, error, `sessions.${i}`);
            return (
              <li key={s.key} className="rb-session">
                <fieldset>
                  <legend>
                    {s.date ? <span translate="no">{f.day(s.date)}</span> : t('rounds.sessions.newDay')}
                  </legend>
                  <div className="rb-grid rb-grid-times">
                    <div className="field">
                      <label htmlFor={dateId}>{t('rounds.sessions.date')}</label>
                      <input id={dateId} data-focus={`session-${s.key}`} type="date" value={s.date} aria-invalid={dateError ? true : undefined} aria-describedby={dateError ? `${dateId}-error` : undefined} onChange={(e) => change(i, { date: e.target.value })} />
                      {dateError ? (
                        <p className="field-error" id={`${dateId}-error`}>
                          {dateError}
                        </p>
                      ) : null}
                    </div>
                    {timeField(i, s, 'startTime')}
                    {timeField(i, s, 'endTime')}
                  </div>
                  {sessionError ? <p className="field-error">{sessionError}</p> : null}
                  <div className="rb-breaks">
                    <p className="rb-breaks-title">{s.breaks.length ? t('rounds.sessions.breaks') : t('rounds.sessions.noBreaks')}</p>
                    {s.breaks.length ? (
                      <ul className="rb-windows">
                        {s.breaks.map((b, j) => {
                          const bid = `${id}-${b.key}`;
                          const whole = fieldMessage(t, error, `sessions.${i}.breaks.${j}`);
                          const startError = fieldMessage(t, error, `sessions.${i}.breaks.${j}.start`);
                          const endError = fieldMessage(t, error, `sessions.${i}.breaks.${j}.end`) ?? whole;
                          const setBreak = (next: Partial<BreakDraft>) => change(i, { breaks: s.breaks.map((x, k) => (k === j ? { ...x, ...next } : x)) });
                          return (
                            <li key={b.key} className="rb-window">
                              <div className="field">
                                <label htmlFor={`${bid}-start`}>{t('rounds.sessions.breakStart')}</label>
                                <input id={`${bid}-start`} type="time" step={300} value={b.start} aria-invalid={startError || whole ? true : undefined} aria-describedby={startError ? `${bid}-start-error` : whole ? `${bid}-end-error` : undefined} onChange={(e) => setBreak({ start: e.target.value })} />
                                {startError ? (
                                  <p className="field-error" id={`${bid}-start-error`}>
                                    {startError}
                                  </p>
                                ) : null}
                              </div>
                              <div className="field">
                                <label htmlFor={`${bid}-end`}>{t('rounds.sessions.breakEnd')}</label>
                                <input id={`${bid}-end`} type="time" step={300} value={b.end} aria-invalid={endError ? true : undefined} aria-describedby={endError ? `${bid}-end-error` : undefined} onChange={(e) => setBreak({ end: e.target.value })} />
                                {endError ? (
                                  <p className="field-error" id={`${bid}-end-error`}>
                                    {endError}
                                  </p>
                                ) : null}
                              </div>
                              <button type="button" className="button button-quiet" onClick={() => restructure(sessions.map((x, k) => (k === i ? { ...x, breaks: x.breaks.filter((_, m) => m !== j) } : x)))}>
                                {t('rounds.sessions.removeBreak')}
                              </button>
                            </li>
                          );
                        })}
                      </ul>
                    ) : null}
                  </div>
                  <div className="row rb-row-tight">
                    <button type="button" className="button button-quiet" onClick={() => restructure(sessions.map((x, k) => (k === i ? { ...x, breaks: [...x.breaks, { key: key(), ...middleBreak(x.startTime, x.endTime) }] } : x)))}>
                      {t('rounds.sessions.addBreak')}
                    </button>
                    <button
                      type="button"
                      className="button button-quiet"
                      onClick={() => {
                        restructure(sessions.filter((_, k) => k !== i));
                        form.current?.querySelector<HTMLElement>('[data-add-day]')?.focus();
                      }}
                    >
                      {t('rounds.sessions.removeDay')}
                    </button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        {overall ? <p className="field-error">{overall}</p> : null}
        <div className="row">
          <button
            type="button"
            className="button"
            data-add-day
            onClick={() => {
              const last = sessions[sessions.length - 1];
              const added = { key: key(), date: last?.date ? nextDay(last.date) : setup.round.startsOn, startTime: last?.startTime || DEFAULT_START, endTime: last?.endTime || DEFAULT_END, breaks: [] };
              restructure([...sessions, added]);
              // Focus the new day's date once it is on the page.
              window.setTimeout(() => form.current?.querySelector<HTMLElement>(`[data-focus="session-${added.key}"]`)?.focus(), 0);
            }}
          >
            {t('rounds.sessions.addDay')}
          </button>
        </div>
        <ErrorNotice error={error} />
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('rounds.sessions.save')}
        </button>
        <Saved message={saved} />
      </form>
    </section>
  );
}

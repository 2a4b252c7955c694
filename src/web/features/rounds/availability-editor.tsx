/**
 * Per session of a round, when a teacher or interpreter is there: the whole session (the default),
 * part of it (from–to, one or more), or not at all. Errors come back from the API by the index of
 * the flat list sent (`availability.3.end`); `errorAt` maps them back to the box they came from.
 */
import { useId } from 'react';
import type { SessionView } from '../../../contracts/booking';
import { useT } from '../../lib/i18n';
import type { AvailabilityDraft, SessionChoice } from './availability';
import { useZoneFormat } from './use-zone-format';

export function AvailabilityEditor({
  legend,
  sessions,
  timeZone,
  draft,
  onChange,
  errorAt,
}: {
  legend: string;
  sessions: readonly SessionView[];
  timeZone: string;
  draft: AvailabilityDraft;
  onChange(next: AvailabilityDraft): void;
  /** The error for a session's window (`part` undefined: the window as a whole). */
  errorAt(sessionId: string, window: number, part?: 'start' | 'end'): string | undefined;
}) {
  const t = useT();
  const id = useId();
  const f = useZoneFormat(timeZone);
  if (sessions.length === 0) {
    return (
      <div className="rb-availability">
        <p className="rb-availability-title">{legend}</p>
        <p className="empty">{t('rounds.availability.noSessions')}</p>
      </div>
    );
  }
  const set = (sessionId: string, choice: SessionChoice) => onChange({ ...draft, [sessionId]: choice });
  return (
    <fieldset className="rb-availability">
      <legend>{legend}</legend>
      {sessions.map((s, si) => {
        const choice = draft[s.id] ?? { mode: 'whole', windows: [{ start: s.startTime, end: s.endTime }] };
        const name = `${id}-s${si}`;
        return (
          <fieldset key={s.id} className="rb-availability-session">
            <legend>
              <span translate="no">{f.day(s.date)}</span> · <span className="rb-nowrap" translate="no">{f.wallRange(s.startTime, s.endTime)}</span>
            </legend>
            <div className="rb-radio-row">
              {(['whole', 'part', 'none'] as const).map((mode) => (
                <label key={mode} className="choice">
                  <input
                    type="radio"
                    name={name}
                    checked={choice.mode === mode}
                    onChange={() => set(s.id, { mode, windows: choice.windows.length ? choice.windows : [{ start: s.startTime, end: s.endTime }] })}
                  />
                  {t(`rounds.availability.${mode}`)}
                </label>
              ))}
            </div>
            {choice.mode === 'part' ? (
              <ul className="rb-windows">
                {choice.windows.map((w, wi) => {
                  const startError = errorAt(s.id, wi, 'start');
                  const endError = errorAt(s.id, wi, 'end') ?? errorAt(s.id, wi);
                  const update = (next: Partial<typeof w>) => set(s.id, { ...choice, windows: choice.windows.map((x, i) => (i === wi ? { ...x, ...next } : x)) });
                  return (
                    <li key={wi} className="rb-window">
                      <div className="field">
                        <label htmlFor={`${name}-w${wi}-start`}>{t('rounds.availability.from')}</label>
                        <input
                          id={`${name}-w${wi}-start`}
                          type="time"
                          step={300}
                          value={w.start}
                          aria-invalid={startError ? true : undefined}
                          aria-describedby={startError ? `${name}-w${wi}-start-error` : undefined}
                          onChange={(e) => update({ start: e.target.value })}
                        />
                        {startError ? (
                          <p className="field-error" id={`${name}-w${wi}-start-error`}>
                            {startError}
                          </p>
                        ) : null}
                      </div>
                      <div className="field">
                        <label htmlFor={`${name}-w${wi}-end`}>{t('rounds.availability.to')}</label>
                        <input
                          id={`${name}-w${wi}-end`}
                          type="time"
                          step={300}
                          value={w.end}
                          aria-invalid={endError ? true : undefined}
                          aria-describedby={endError ? `${name}-w${wi}-end-error` : undefined}
                          onChange={(e) => update({ end: e.target.value })}
                        />
                        {endError ? (
                          <p className="field-error" id={`${name}-w${wi}-end-error`}>
                            {endError}
                          </p>
                        ) : null}
                      </div>
                      {choice.windows.length > 1 ? (
                        <button type="button" className="button button-quiet" onClick={() => set(s.id, { ...choice, windows: choice.windows.filter((_, i) => i !== wi) })}>
                          {t('rounds.availability.removeTime')}
                        </button>
                      ) : null}
                    </li>
                  );
                })}
                <li>
                  <button type="button" className="button button-quiet" onClick={() => set(s.id, { ...choice, windows: [...choice.windows, { start: s.startTime, end: s.endTime }] })}>
                    {t('rounds.availability.addTime')}
                  </button>
                </li>
              </ul>
            ) : null}
          </fieldset>
        );
      })}
    </fieldset>
  );
}

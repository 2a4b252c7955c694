/**
 * A family says when they can come, in an availability round (the booking page shows this instead
 * of choosing times): for each session "any time", "only between … and …" or "I can't come";
 * whether all their meetings must be on one day; a note. The school's scheduler then gives the
 * times — back to back for siblings — and they are emailed with the calendar file.
 */
import { useEffect, useId, useState } from 'react';
import type { AvailabilityView } from '../../../contracts/scheduling';
import { Saved } from '../../components/forms';
import { ErrorNotice, fieldError, Loading, Name } from '../../components/ui';
import { api } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useAction, useApi } from '../../lib/use-api';
import { rich, useRegionalLocale, When, type ZoneFormat } from '../booking/format';

type Choice = { kind: 'any' | 'between' | 'none'; start: string; end: string };

/** A session's day as the reader says it ("Friday 23 October"), from its local date. */
export function useSessionDay() {
  const locale = useRegionalLocale();
  const f = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' });
  return (date: string) => f.format(new Date(`${date}T12:00:00Z`));
}

function choicesOf(view: AvailabilityView): Record<string, Choice> {
  const out: Record<string, Choice> = {};
  for (const s of view.sessions) {
    const first = s.starts[0] ?? s.startTime;
    const last = s.ends[s.ends.length - 1] ?? s.endTime;
    const mine = view.response?.windows.filter((w) => w.sessionId === s.id) ?? [];
    if (!view.response) out[s.id] = { kind: 'any', start: first, end: last };
    else if (mine.length === 0) out[s.id] = { kind: 'none', start: first, end: last };
    else {
      const w = mine[0]!;
      const whole = w.start <= s.startTime && w.end >= s.endTime;
      out[s.id] = { kind: whole ? 'any' : 'between', start: whole ? first : w.start, end: whole ? last : w.end };
    }
  }
  return out;
}

export function AvailabilityForm({ roundId, householdParam, fmt }: { roundId: string; householdParam: string | null; fmt: ZoneFormat }) {
  const t = useT();
  const day = useSessionDay();
  const id = useId();
  const url = `/api/rounds/${roundId}/availability${householdParam ? `?household=${encodeURIComponent(householdParam)}` : ''}`;
  const view = useApi<AvailabilityView>(url);
  const data = view.status === 'ready' ? view.data : null;
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [oneEvening, setOneEvening] = useState(true);
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  useEffect(() => {
    if (!data) return;
    setChoices(choicesOf(data));
    setOneEvening(data.response?.oneEvening ?? true);
    setNote(data.response?.note ?? '');
  }, [data]);

  if (view.status === 'loading') return <Loading />;
  if (view.status === 'error') return <ErrorNotice error={view.error} />;
  const v = view.data;
  const open = v.round.state === 'open' || Boolean(householdParam);
  const closes = v.round.closesAt;

  const submit = () =>
    run(async () => {
      setSaved(null);
      const windows = v.sessions.flatMap((s) => {
        const c = choices[s.id];
        if (!c || c.kind === 'none') return [];
        return c.kind === 'any' ? [{ sessionId: s.id, start: s.startTime, end: s.endTime }] : [{ sessionId: s.id, start: c.start, end: c.end }];
      });
      const next = await api<AvailabilityView>('PUT', `/api/rounds/${roundId}/availability`, { ...(householdParam ? { householdUserId: householdParam } : {}), windows, oneEvening, note: note.trim() });
      view.replace(next);
      setSaved(t('booking.availability.saved'));
    });

  return (
    <section className="card av" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('booking.availability.title')}</h2>
      <p className="lead">
        {closes ? rich(t, 'booking.availability.introUntil', { time: <When>{fmt.dateTime(closes)}</When> }) : t('booking.availability.intro')}
      </p>
      <ul className="av-children">
        {v.children
          .filter((c) => c.teacher && !c.booked)
          .map((c) => (
            <li key={c.studentId}>{rich(t, 'booking.availability.child', { child: <Name>{c.name}</Name>, teacher: <Name>{c.teacher!.name}</Name> })}</li>
          ))}
      </ul>
      {v.answeredBy && !v.response ? (
        <p className="notice">{rich(t, 'booking.availability.answeredBy', { name: <Name>{v.answeredBy.name}</Name>, time: <When>{fmt.dateTime(v.answeredBy.updatedAt)}</When> })}</p>
      ) : null}
      {v.response ? (
        <p className="notice notice-ok av-have">
          <span aria-hidden="true">✓ </span>
          {rich(t, 'booking.availability.have', { time: <When>{fmt.dateTime(v.response.updatedAt)}</When> })}
        </p>
      ) : null}
      {!open ? <p className="notice fb-state">{v.round.state === 'closed' ? t('booking.availability.closed') : t('booking.availability.notOpen')}</p> : null}
      {open ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {v.sessions.map((s, i) => {
            const c = choices[s.id] ?? { kind: 'any', start: s.starts[0] ?? s.startTime, end: s.ends[s.ends.length - 1] ?? s.endTime };
            const set = (change: Partial<Choice>) => setChoices((all) => ({ ...all, [s.id]: { ...c, ...change } }));
            const err = fieldError(t, error, `windows.${i}.start`) ?? fieldError(t, error, `windows.${i}.end`);
            return (
              <fieldset key={s.id} className="choices av-session">
                <legend>
                  <When>{day(s.date)}</When>{' '}
                  <span className="hint">
                    <When>
                      {s.startTime}–{s.endTime}
                    </When>
                  </span>
                </legend>
                {(['any', 'between', 'none'] as const).map((kind) => (
                  <label key={kind} className="choice">
                    <input type="radio" name={`${id}-${s.id}`} checked={c.kind === kind} onChange={() => set({ kind })} />
                    {t(`booking.availability.${kind}`)}
                  </label>
                ))}
                {c.kind === 'between' ? (
                  <div className="row av-between">
                    <label>
                      {t('booking.availability.from')}{' '}
                      <select value={c.start} onChange={(e) => set({ start: e.target.value })} translate="no">
                        {s.starts.map((x) => (
                          <option key={x} value={x}>
                            {x}
                          </option>
                        ))}
                      </select>
                    </label>
                    <label>
                      {t('booking.availability.until')}{' '}
                      <select value={c.end} onChange={(e) => set({ end: e.target.value })} translate="no">
                        {s.ends.map((x) => (
                          <option key={x} value={x}>
                            {x}
                          </option>
                        ))}
                      </select>
                    </label>
                  </div>
                ) : null}
                {err ? <p className="field-error">{err}</p> : null}
              </fieldset>
            );
          })}
          {fieldError(t, error, 'windows') ? <p className="field-error">{fieldError(t, error, 'windows')}</p> : null}
          {v.sessions.length > 1 ? (
            <label className="choice">
              <input type="checkbox" checked={oneEvening} onChange={(e) => setOneEvening(e.target.checked)} />
              {t('booking.availability.oneEvening')}
            </label>
          ) : null}
          <div className="field">
            <label htmlFor={`${id}-note`}>{t('booking.availability.note')}</label>
            <textarea id={`${id}-note`} value={note} maxLength={500} rows={2} onChange={(e) => setNote(e.target.value)} />
          </div>
          <ErrorNotice error={error} />
          <button type="submit" className="button button-primary" disabled={busy}>
            {v.response ? t('booking.availability.update') : t('booking.availability.send')}
          </button>
          <Saved message={saved} />
        </form>
      ) : null}
    </section>
  );
}

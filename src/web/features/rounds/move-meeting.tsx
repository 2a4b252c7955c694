/**
 * The school's changes to one meeting of a day sheet (screen only): "Move" opens the sheet's other
 * free times as a radio group, then "Move and tell the family"; "Cancel meeting" asks again in
 * place. The teacher or an admin may do either at any time; the server emails the family. What is
 * refused (the time was just taken, the family has another meeting then, no interpreter is free)
 * is said next to the chooser, and the sheet is loaded again so its free times are current.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { DaySheet } from '../../../contracts/booking';
import { ErrorNotice, Name } from '../../components/ui';
import { api, ApiError } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useAction } from '../../lib/use-api';
import { rich, useZoneFormat } from '../booking/format';
import { TimePicker } from '../booking/time-picker';

type Meeting = NonNullable<DaySheet['days'][number]['slots'][number]['meeting']>;
export interface FreeTime {
  startsAt: string;
  endsAt: string;
}
/** What the sheet says after a change, and at which time (the meeting's new time, or the time it freed). */
export interface Changed {
  message: string;
  at: string;
}

/** Codes whose `errors.<code>` wording speaks to the family ("your language"): said here to the school. */
const staffWording = new Set(['slot_taken', 'no_interpreter']);
/** Refusals after which the free times may have changed. */
const stale = new Set(['slot_taken', 'not_a_slot', 'no_interpreter']);

function MoveError({ error }: { error: unknown }) {
  const t = useT();
  if (error instanceof ApiError && staffWording.has(error.code)) {
    return (
      <p className="notice notice-error" role="alert">
        {t(`rounds.sheet.errors.${error.code}`)}
      </p>
    );
  }
  return <ErrorNotice error={error} />;
}

/**
 * `labelledBy`: ids of the row's child and time, so each button is named for its meeting
 * ("Move Ava Bramwell 16:00–16:20") where a list of buttons is read out of the table.
 */
export function MeetingChanges({ meeting, free, timeZone, labelledBy, onChanged, onStale }: { meeting: Meeting; free: readonly FreeTime[]; timeZone: string; labelledBy: string; onChanged(change: Changed): void; onStale(): void }) {
  const t = useT();
  const id = useId();
  const fmt = useZoneFormat(timeZone);
  const [open, setOpen] = useState<'move' | 'cancel' | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const move = useAction();
  const cancel = useAction();
  const formRef = useRef<HTMLFormElement>(null);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const moveRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  // Closing without a change gives focus back to the button that opened it (drawn again on the next render).
  const back = useRef<'move' | 'cancel' | null>(null);
  const slots = free.filter((s) => s.startsAt !== meeting.startsAt).map((s) => ({ ...s, nextToInterpreter: false }));
  // A choice taken meanwhile (the sheet was loaded again) is no choice.
  const chosen = to && slots.some((s) => s.startsAt === to) ? to : null;
  const child = <Name>{meeting.student.name}</Name>;

  useEffect(() => {
    if (open === 'move') formRef.current?.querySelector<HTMLElement>('input[type="radio"], [data-first]')?.focus();
    else if (open === 'cancel') questionRef.current?.focus();
    else if (back.current === 'move') moveRef.current?.focus();
    else if (back.current === 'cancel') cancelRef.current?.focus();
    back.current = null;
  }, [open]);

  const close = (from: 'move' | 'cancel') => {
    back.current = from;
    setOpen(null);
    setTo(null);
    setMissing(false);
    move.setError(null);
    cancel.setError(null);
  };

  if (open === null) {
    return (
      <div className="rb-change-actions">
        <button ref={moveRef} id={`${id}-move`} type="button" className="button" aria-labelledby={`${id}-move ${labelledBy}`} onClick={() => setOpen('move')}>
          {t('rounds.sheet.move')}
        </button>
        <button ref={cancelRef} id={`${id}-cancel`} type="button" className="button button-danger" aria-labelledby={`${id}-cancel ${labelledBy}`} onClick={() => setOpen('cancel')}>
          {t('rounds.sheet.cancel')}
        </button>
      </div>
    );
  }

  if (open === 'cancel') {
    return (
      <div className="confirm rb-change-confirm" role="group" aria-labelledby={`${id}-question`}>
        <p id={`${id}-question`} ref={questionRef} tabIndex={-1} className="confirm-question">
          {t('rounds.sheet.cancelQuestion')}
        </p>
        <ErrorNotice error={cancel.error} />
        <div className="row">
          <button
            type="button"
            className="button button-danger-strong"
            aria-disabled={cancel.busy || undefined}
            onClick={() => {
              if (cancel.busy) return;
              void cancel.run(async () => {
                await api('POST', `/api/bookings/${meeting.bookingId}/cancel`);
                onChanged({ message: t('rounds.sheet.cancelled', { child: meeting.student.name }), at: meeting.startsAt });
              });
            }}
          >
            {t('rounds.sheet.cancelYes')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => close('cancel')}>
            {t('rounds.sheet.cancelKeep')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form
      ref={formRef}
      className="rb-move"
      onSubmit={(e) => {
        e.preventDefault();
        if (move.busy) return;
        if (!chosen) {
          setMissing(true);
          formRef.current?.querySelector<HTMLElement>('input[type="radio"]')?.focus();
          return;
        }
        void move.run(async () => {
          try {
            await api('POST', `/api/bookings/${meeting.bookingId}/move`, { startsAt: chosen });
          } catch (err) {
            if (err instanceof ApiError && stale.has(err.code)) onStale();
            throw err;
          }
          onChanged({ message: t('rounds.sheet.moved', { time: fmt.dateTime(chosen) }), at: chosen });
        });
      }}
    >
      {slots.length ? (
        <TimePicker legend={rich(t, 'rounds.sheet.moveLegend', { child })} hint={t('rounds.sheet.moveHint')} slots={slots} value={chosen} onChange={setTo} fmt={fmt} error={missing && !chosen ? t('rounds.sheet.chooseTime') : undefined} />
      ) : (
        <p className="empty" tabIndex={-1} data-first>
          {t('rounds.sheet.noFreeTimes')}
        </p>
      )}
      <MoveError error={move.error} />
      <div className="row">
        {slots.length ? (
          <button type="submit" className="button button-primary" aria-disabled={move.busy || undefined}>
            {t('rounds.sheet.moveSubmit')}
          </button>
        ) : null}
        <button type="button" className="button button-quiet" onClick={() => close('move')}>
          {t('rounds.sheet.moveKeep')}
        </button>
      </div>
    </form>
  );
}

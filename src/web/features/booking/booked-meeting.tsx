/**
 * A child's booked meeting, with "Change time" (one of the child's free times → move) and
 * "Cancel" (asked again in place) while the family may still change it; after the cut-off, the
 * school changes it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { BookingView, FamilyOptions } from '../../../contracts/booking';
import { ConfirmAction } from '../../components/forms';
import { ErrorNotice, Name } from '../../components/ui';
import { api, ApiError } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useAction } from '../../lib/use-api';
import { rich, When, type ZoneFormat } from './format';
import { MeetingFacts } from './meeting';
import { TimePicker } from './time-picker';

type Child = FamilyOptions['children'][number];

export function BookedMeeting({ child, booking, householdUserId, fmt, onChanged }: { child: Child; booking: BookingView; householdUserId: string; fmt: ZoneFormat; onChanged(message: string, gone?: boolean): void }) {
  const t = useT();
  const id = useId();
  const [moving, setMoving] = useState(false);
  const [to, setTo] = useState<string | null>(null);
  const move = useAction();
  const cancel = useAction();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  // Closing the picker gives focus back to its button (drawn again on the next render).
  const refocus = useRef(false);
  useEffect(() => {
    if (!moving && refocus.current) openRef.current?.focus();
    refocus.current = false;
  }, [moving]);
  const otherFamily = booking.householdUserId !== householdUserId;
  const free = child.free.filter((s) => s.startsAt !== booking.startsAt);
  const taken = move.error instanceof ApiError && (move.error.code === 'slot_taken' || move.error.code === 'not_a_slot');

  return (
    <li className="card fb-booked">
      <h3 ref={headingRef} tabIndex={-1} className="fb-child-title">
        <Name>{child.name}</Name> <span className="fb-class">(<Name>{child.className}</Name>)</span>
      </h3>
      <p className="fb-status">
        <span aria-hidden="true">✓ </span>
        {otherFamily ? t('booking.booked.byOtherFamily') : t('booking.booked.booked')}
      </p>
      <MeetingFacts booking={booking} fmt={fmt} details />
      {booking.canChange ? (
        <p className="hint" id={`${id}-until`}>
          {rich(t, 'booking.booked.changeUntil', { time: <When>{fmt.dateTime(booking.changeUntil)}</When> })}
        </p>
      ) : (
        <p className="notice fb-cutoff">{t('booking.booked.contactSchool')}</p>
      )}
      {booking.canChange && !moving ? (
        <div className="row">
          <button ref={openRef} type="button" className="button" aria-describedby={`${id}-until`} onClick={() => setMoving(true)}>
            {t('booking.booked.changeTime')}
          </button>
          <ConfirmAction
            label={t('booking.booked.cancel')}
            describedBy={`${id}-until`}
            question={rich(t, 'booking.booked.cancelQuestion', { child: <Name>{child.name}</Name>, time: <When>{fmt.dateTime(booking.startsAt)}</When> })}
            confirmLabel={t('booking.booked.cancelYes')}
            busy={cancel.busy}
            onConfirm={() =>
              cancel.run(async () => {
                await api('POST', `/api/bookings/${booking.id}/cancel`);
                onChanged(t('booking.booked.cancelled', { child: child.name }), true);
              })
            }
          />
        </div>
      ) : null}
      <ErrorNotice error={cancel.error} />
      {moving ? (
        <form
          className="fb-move"
          onSubmit={(e) => {
            e.preventDefault();
            if (move.busy || !to) return;
            void move.run(async () => {
              try {
                await api('POST', `/api/bookings/${booking.id}/move`, { startsAt: to });
              } catch (err) {
                // Someone took it: the free times are loaded again (the error stays on screen).
                if (err instanceof ApiError && (err.code === 'slot_taken' || err.code === 'not_a_slot')) onChanged('');
                throw err;
              }
              setMoving(false);
              setTo(null);
              onChanged(t('booking.booked.moved', { child: child.name, time: fmt.dateTime(to) }));
              headingRef.current?.focus();
            });
          }}
        >
          {free.length ? (
            <TimePicker legend={rich(t, 'booking.booked.moveLegend', { child: <Name>{child.name}</Name> })} slots={free} value={to} onChange={setTo} fmt={fmt} />
          ) : (
            <p className="empty">{t('booking.booked.noOtherTimes')}</p>
          )}
          {taken ? (
            <p className="notice notice-error" role="alert">
              {t('booking.errors.taken')}
            </p>
          ) : (
            <ErrorNotice error={move.error} />
          )}
          <div className="row">
            {free.length ? (
              <button type="submit" className="button button-primary" aria-disabled={move.busy || !to || undefined}>
                {t('booking.booked.moveSubmit')}
              </button>
            ) : null}
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                refocus.current = true;
                setMoving(false);
                setTo(null);
                move.setError(null);
              }}
            >
              {t('booking.booked.keep')}
            </button>
          </div>
        </form>
      ) : null}
    </li>
  );
}

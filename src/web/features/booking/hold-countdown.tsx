/**
 * The time left on a family's held times (WCAG 2.2.1 Timing Adjustable). The mm:ss clock changes
 * every second but is not a live region (a screen reader would read every tick); the warnings are:
 * at 2 minutes left, and again at 30 seconds, an alert with "I need more time". When the time is
 * up the page is told once.
 */
import { forwardRef, useEffect, useRef, useState } from 'react';
import { useI18n } from '../../lib/i18n';

export const WARN_SECONDS = 120;
export const LAST_SECONDS = 30;

/** Whole seconds left until `expiresAt` (0 once passed), re-rendered on each second's boundary. */
export function useSecondsLeft(expiresAt: string): number {
  const end = Date.parse(expiresAt);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer = 0;
    const tick = () => {
      const current = Date.now();
      setNow(current);
      const left = end - current;
      if (left <= 0) return;
      // Wake just after the next whole second of the count, so the clock never skips one.
      timer = window.setTimeout(tick, (left % 1000 || 1000) + 15);
    };
    tick();
    return () => window.clearTimeout(timer);
  }, [end]);
  return Math.max(0, Math.ceil((end - now) / 1000));
}

export const HoldCountdown = forwardRef<HTMLParagraphElement, { expiresAt: string; busy: boolean; onExtend(): void; onExpired(): void }>(function HoldCountdown({ expiresAt, busy, onExtend, onExpired }, ref) {
  const { t, intlLocale } = useI18n();
  const left = useSecondsLeft(expiresAt);
  const expired = useRef(onExpired);
  expired.current = onExpired;
  const over = left <= 0;
  useEffect(() => {
    if (over) expired.current();
  }, [over]);
  const two = new Intl.NumberFormat(intlLocale, { minimumIntegerDigits: 2, useGrouping: false });
  // mm:ss; an offer from the waiting list is held for hours: h:mm:ss.
  const hours = Math.floor(left / 3600);
  const clock = `${hours ? `${new Intl.NumberFormat(intlLocale).format(hours)}:` : ''}${two.format(Math.floor((left % 3600) / 60))}:${two.format(left % 60)}`;
  const warning = left <= LAST_SECONDS ? 'last' : left <= WARN_SECONDS ? 'soon' : null;
  return (
    <div className={`fb-hold${warning ? ' fb-hold-warning' : ''}`}>
      <p ref={ref} tabIndex={-1} className="fb-hold-clock">
        <span>{t('booking.hold.timeLeft')}</span>{' '}
        <span role="timer" className="fb-clock" translate="no">
          {clock}
        </span>
      </p>
      <p className="hint">{t('booking.hold.explain')}</p>
      {/* Always on the page, so the warning is announced when it appears. */}
      <div role="alert" className="fb-hold-alert">
        {warning ? (
          <div className="notice fb-warning">
            <p className="fb-warning-text">
              <span aria-hidden="true">⏰ </span>
              {warning === 'last' ? t('booking.hold.lastSeconds') : t('booking.hold.twoMinutes')}
            </p>
            <button type="button" className="button button-primary" aria-disabled={busy || undefined} onClick={() => !busy && onExtend()}>
              {t('booking.hold.moreTime')}
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
});

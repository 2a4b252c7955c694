import { useMemo } from 'react';
import { useI18n } from '../../lib/i18n';

/**
 * Dates and times of a round in the school's zone and the reader's language — in their region's
 * way when the browser says it (en-GB "15:30", en-US "3:30 PM").
 */
export function useZoneFormat(timeZone: string) {
  const { intlLocale } = useI18n();
  return useMemo(() => {
    const regional = navigator.languages.find((l) => l.toLowerCase().startsWith(`${intlLocale}-`)) ?? intlLocale;
    const time = new Intl.DateTimeFormat(regional, { timeZone, hour: 'numeric', minute: '2-digit' });
    const when = new Intl.DateTimeFormat(regional, { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' });
    // A local date ('2027-11-01') has no zone: formatted as the same day in UTC.
    const dayLong = new Intl.DateTimeFormat(regional, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    const dayShort = new Intl.DateTimeFormat(regional, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });
    const wall = new Intl.DateTimeFormat(regional, { timeZone: 'UTC', hour: 'numeric', minute: '2-digit' });
    const localDay = (date: string) => new Date(`${date}T00:00:00Z`);
    const valid = (d: Date) => !Number.isNaN(d.getTime());
    return {
      /** An instant's time of day: "15:30". */
      time: (instant: string) => time.format(new Date(instant)),
      /** Two instants as a range: "15:30 – 15:50". */
      range: (from: string, to: string) => time.formatRange(new Date(from), new Date(to)),
      /** An instant in full: "Monday 1 November 2027 at 08:00". */
      when: (instant: string) => when.format(new Date(instant)),
      /** A local date in full: "Monday 1 November 2027". */
      day: (date: string) => (valid(localDay(date)) ? dayLong.format(localDay(date)) : date),
      /** A local date, short: "Mon 1 Nov". */
      dayShort: (date: string) => (valid(localDay(date)) ? dayShort.format(localDay(date)) : date),
      /** Wall-clock 'HH:MM' times as a range, in the reader's way: "15:30 – 19:00". */
      wallRange: (from: string, to: string) => {
        const a = new Date(`1970-01-01T${from}:00Z`);
        const b = new Date(`1970-01-01T${to}:00Z`);
        return valid(a) && valid(b) && a < b ? wall.formatRange(a, b) : `${from}–${to}`;
      },
    };
  }, [intlLocale, timeZone]);
}

/**
 * Times of a round as staff see and type them: always in the school's zone (`round.timeZone`),
 * whatever zone the admin's laptop is in — a head teacher setting up London's evenings from a
 * holiday in Seoul still types "2027-11-01 08:00" and means London's 08:00.
 */
import { DateTime } from 'luxon';

/**
 * The value of a `datetime-local` input for an instant, on the school's wall clock.
 * `2027-10-31T08:00:00Z` in Europe/London → `2027-10-31T08:00` (GMT, after the clocks went back);
 * `2027-10-01T07:00:00Z` → `2027-10-01T08:00` (BST).
 */
export function toLocalInput(instant: string | null, timeZone: string): string {
  if (!instant) return '';
  const dt = DateTime.fromISO(instant, { zone: timeZone });
  return dt.isValid ? dt.toFormat("yyyy-LL-dd'T'HH:mm") : '';
}

/**
 * The instant a `datetime-local` value means on the school's wall clock, as the API takes it
 * (`2027-10-01T08:00` in Europe/London → `2027-10-01T07:00:00Z`); empty → null. A value luxon
 * cannot read is sent as typed, so the server's field error says what is wrong with it.
 */
export function fromLocalInput(value: string, timeZone: string): string | null {
  const v = value.trim();
  if (!v) return null;
  const dt = DateTime.fromISO(v, { zone: timeZone });
  if (!dt.isValid) return v;
  return dt.toUTC().toISO({ suppressMilliseconds: true });
}

/** The day after a local date ('2027-10-31' → '2027-11-01'), for the next session's default. */
export function nextDay(date: string): string {
  const dt = DateTime.fromISO(date, { zone: 'UTC' });
  return dt.isValid ? (dt.plus({ days: 1 }).toISODate() ?? date) : date;
}

/**
 * What a door sign shows of a child's name, for privacy: the given name and the initial of the
 * family name ("Ava", "Bramwell" → "Ava B."; "Mary Ann", "Lee" → "Mary Ann L."); no family name,
 * the given name alone.
 */
export function doorName(givenName: string, familyName: string): string {
  const initial = Array.from(familyName.trim())[0] ?? '';
  return initial ? `${givenName.trim()} ${initial.toLocaleUpperCase()}.` : givenName.trim();
}


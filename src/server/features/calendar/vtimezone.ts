import { DateTime, IANAZone } from 'luxon';

/**
 * VTIMEZONE components (RFC 5545 §3.6.5) built from the same time-zone database that turns our
 * instants into local wall-clock times (luxon → Intl → the ICU tzdata shipped with Node).
 *
 * Why not `@touch4it/ical-timezones`: its files are a 2018g snapshot of tzurl.org. Zones whose
 * rules changed since then get a VTIMEZONE that disagrees with the local time we write beside it —
 * America/Mexico_City (no DST since 2022) still has a summer CDT rule, Asia/Tehran still has DST,
 * Africa/Cairo (DST again since 2023) has none, and Europe/Kyiv, America/Nuuk are missing. A
 * client that honours the VTIMEZONE would then show the meeting an hour off. Building the
 * component from luxon keeps the two consistent by construction.
 *
 * What we emit is a "truncated" VTIMEZONE (RFC 7809 §3.2 allows them) covering the years of the
 * meetings, one year before the earliest and one after the latest:
 *
 * - when every offset change in that window repeats each year on the same month, weekday, local
 *   time and "n-th"/"last" weekday — the usual case — two observances with a yearly RRULE, the
 *   shape every calendar client (and tzurl.org) uses. Worked example, Europe/London for a meeting
 *   in 2026: the window 2025–2027 holds 2025-03-30, 2026-03-29, 2027-03-28 (last Sundays, 01:00
 *   local in GMT) and 2025-10-26, 2026-10-25, 2027-10-31 (last Sundays, 02:00 local in BST), so:
 *     BEGIN:DAYLIGHT  DTSTART:20250330T010000  RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU  +0000→+0100
 *     BEGIN:STANDARD  DTSTART:20251026T020000  RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU +0100→+0000
 * - otherwise (a rule changed inside the window, or the rule is not an n-th weekday) one
 *   observance per change with its own DTSTART, after an opening observance at the window start
 *   that states the offset then (ical.js, for one, treats a time before every observance as UTC).
 * - a zone with no change in the window: a single STANDARD observance.
 *
 * DTSTART of an observance is the local time just before the change, i.e. in TZOFFSETFROM
 * (RFC 5545 §3.8.2.4).
 */

const DAY_MS = 86_400_000;
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
/** Locales tried, in order, for a letter abbreviation (Intl only gives BST in en-GB, AEST in en-AU…). */
const ABBREVIATION_LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-NZ', 'en-IE', 'en-IN', 'en-CA', 'en-ZA'];

interface Transition {
  /** The first instant (ms) with the new offset. */
  at: number;
  /** Offsets in minutes east of UTC, before and after. */
  from: number;
  to: number;
  daylight: boolean;
  name: string;
  /** Local time just before the change, in the old offset. */
  local: DateTime;
}

const known = new Map<string, boolean>();

/** True for a zone name that the runtime's tz database knows (IANA names, not "UTC+11" or custom ones). */
export function isKnownTimeZone(zone: string): boolean {
  // IANAZone.isValidZone builds an Intl.DateTimeFormat on every call, which is slow.
  let valid = known.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    known.set(zone, valid);
  }
  return valid;
}

const cache = new Map<string, string>();

/**
 * The VTIMEZONE text (BEGIN:VTIMEZONE…END:VTIMEZONE, CRLF) for `zone`, valid at least from
 * 1 January of `fromYear - 1` to 31 December of `toYear + 1` (years in that zone).
 */
export function buildVtimezone(zone: string, fromYear: number, toYear: number): string {
  if (!isKnownTimeZone(zone)) throw new Error(`Unknown IANA time zone: ${zone}`);
  const key = `${zone}|${fromYear}|${toYear}`;
  let text = cache.get(key);
  if (text === undefined) {
    text = render(zone, fromYear - 1, toYear + 1);
    cache.set(key, text);
  }
  return text;
}

function render(zoneName: string, firstYear: number, lastYear: number): string {
  const zone = IANAZone.create(zoneName);
  // A day either side so that a change on 1 January (local) is not missed for zones ahead of UTC.
  const windowStart = Date.UTC(firstYear, 0, 1) - DAY_MS;
  const windowEnd = Date.UTC(lastYear + 1, 0, 1) + DAY_MS;
  const transitions = findTransitions(zone, windowStart, windowEnd).filter((t) => t.local.year >= firstYear && t.local.year <= lastYear);

  const lines = ['BEGIN:VTIMEZONE', `TZID:${zoneName}`, `X-LIC-LOCATION:${zoneName}`];
  const rules = transitions.length > 0 ? yearlyRules(transitions, firstYear, lastYear) : null;
  if (rules) {
    for (const { first, rrule } of rules) lines.push(...observance(first, rrule));
  } else {
    // Opening observance: the offset in force at the window start (local midnight, 1 January).
    const opening = DateTime.fromObject({ year: firstYear, month: 1, day: 1 }, { zone });
    const offset = opening.offset;
    lines.push(...observance({ at: opening.toMillis(), from: offset, to: offset, daylight: opening.isInDST, name: abbreviation(opening), local: opening }, null));
    for (const t of transitions) lines.push(...observance(t, null));
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n') + '\r\n';
}

/** Every offset change in [start, end): sampled daily, then bisected to the second. */
function findTransitions(zone: IANAZone, start: number, end: number): Transition[] {
  const found: Transition[] = [];
  let previous = zone.offset(start);
  for (let t = start + DAY_MS; t < end + DAY_MS; t += DAY_MS) {
    const offset = zone.offset(t);
    if (offset === previous) continue;
    let lo = t - DAY_MS; // offset `previous`
    let hi = t; // offset `offset`
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (zone.offset(mid) === previous) lo = mid;
      else hi = mid;
    }
    const after = DateTime.fromMillis(hi, { zone });
    found.push({
      at: hi,
      from: previous,
      to: offset,
      daylight: after.isInDST,
      name: abbreviation(after),
      local: DateTime.fromMillis(hi + previous * 60_000, { zone: 'utc' }),
    });
    previous = offset;
  }
  return found;
}

/**
 * Groups the changes by (kind, offsets, month, weekday, local time); when every group has exactly
 * one change in each year of the window and one "n-th weekday" or "last weekday" rule fits all of
 * them, returns one RRULE per group. Otherwise null.
 */
function yearlyRules(transitions: Transition[], firstYear: number, lastYear: number): { first: Transition; rrule: string }[] | null {
  const groups = new Map<string, Transition[]>();
  for (const t of transitions) {
    const key = [t.daylight, t.from, t.to, t.name, t.local.month, t.local.weekday, t.local.toFormat('HHmmss')].join('|');
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const years = lastYear - firstYear + 1;
  const rules: { first: Transition; rrule: string }[] = [];
  for (const group of groups.values()) {
    if (group.length !== years || new Set(group.map((t) => t.local.year)).size !== years) return null;
    const first = group[0]!;
    const weekday = WEEKDAYS[first.local.weekday - 1]!;
    const isLast = group.every((t) => t.local.day + 7 > t.local.daysInMonth!);
    const nth = Math.ceil(first.local.day / 7);
    const isNth = group.every((t) => Math.ceil(t.local.day / 7) === nth);
    if (!isLast && !isNth) return null;
    rules.push({ first, rrule: `FREQ=YEARLY;BYMONTH=${first.local.month};BYDAY=${isLast ? -1 : nth}${weekday}` });
  }
  return rules.sort((a, b) => a.first.at - b.first.at);
}

function observance(t: Transition, rrule: string | null): string[] {
  const kind = t.daylight ? 'DAYLIGHT' : 'STANDARD';
  return [
    `BEGIN:${kind}`,
    `TZOFFSETFROM:${formatOffset(t.from)}`,
    `TZOFFSETTO:${formatOffset(t.to)}`,
    `TZNAME:${t.name}`,
    `DTSTART:${t.local.toFormat("yyyyLLdd'T'HHmmss")}`,
    ...(rrule ? [`RRULE:${rrule}`] : []),
    `END:${kind}`,
  ];
}

/** Minutes east of UTC → "+0100", "-0330", "+054530" (seconds only when there are any). */
function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const totalSeconds = Math.round(Math.abs(minutes) * 60);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${sign}${pad(h)}${pad(m)}${s ? pad(s) : ''}`;
}

/** "BST", "EDT", "AEST"… when some English locale has a letter abbreviation, else tzdata's numeric style ("+0330"). */
function abbreviation(at: DateTime): string {
  for (const locale of ABBREVIATION_LOCALES) {
    const name = at.setLocale(locale).offsetNameShort;
    if (name && /^[A-Z]{2,5}$/.test(name)) return name;
  }
  return formatOffset(at.offset).replace(/^([+-]\d\d)00$/, '$1');
}

import ical, {
  escape,
  ICalAttendeeRole,
  ICalAttendeeType,
  ICalCalendarMethod,
  ICalEventStatus,
  type ICalAttendeeData,
  type ICalCalendar,
} from 'ical-generator';
import { DateTime, IANAZone } from 'luxon';
import { buildVtimezone, isKnownTimeZone } from './vtimezone';

/**
 * iCalendar (RFC 5545) text for conference bookings: one booking as an email attachment
 * (iTIP, RFC 5546: METHOD:REQUEST, or METHOD:CANCEL when cancelled) and the subscription feeds
 * behind teachers' and interpreters' secret URLs (METHOD:PUBLISH).
 *
 * Pure apart from ical-generator: no clock (DTSTAMP is `lastModified`, so the same booking state
 * always gives the same bytes), no I/O. Escaping (\, ; , and newlines in TEXT), folding at 75
 * octets and CRLF line ends are ical-generator's (we add the CRLF it leaves off the last line).
 *
 * How times are written, and why:
 * - DTSTART/DTEND are local wall-clock times with `TZID=<the school's IANA zone>`, so a client
 *   shows "15:30" on both sides of a DST change. ical-generator writes a native `Date` with the
 *   *process's* local fields (getHours()) when a TZID is set — right only if the server runs in
 *   the school's zone — so we hand it luxon DateTimes, which it moves into the event's zone.
 * - The VTIMEZONE comes from `./vtimezone` (luxon's tz data), through ical-generator's
 *   `timezone.generator` hook, once per zone used. The calendar-level timezone *name* stays null
 *   on purpose: setting one makes ical-generator write DTSTAMP/LAST-MODIFIED as floating local
 *   times (no Z), which RFC 5545 forbids for DTSTAMP, and adds a non-standard TIMEZONE-ID line.
 * - A local time that happens twice (the hour repeated when clocks go back: 01:30 on 2026-10-25
 *   in Europe/London is 00:30Z in BST and 01:30Z in GMT) cannot say which one it means in
 *   TZID form. RFC 5545 §3.3.5 says "the first", but ical.js (Thunderbird's parser) picks the
 *   standard-time one, which is the second in the northern hemisphere. Such an event is written
 *   in UTC (DTSTART:20261025T003000Z) instead, which every client reads the same way.
 */

export interface IcsPerson {
  name: string;
  email?: string | null;
}

export interface IcsMeeting {
  /** Stable across every update of one booking, e.g. `booking-<uuid>@confer`. */
  uid: string;
  /** 0 on the first message, +1 on every change (RFC 5545 SEQUENCE). */
  sequence: number;
  start: Date;
  end: Date; // instants
  timeZone: string; // the school's IANA zone, e.g. 'Europe/London'
  summary: string;
  description?: string;
  location?: string | null;
  url?: string | null;
  organizer: IcsPerson; // the school (name + reply address)
  attendees: IcsPerson[]; // guardians, teacher, interpreter (those with an email become ATTENDEE lines)
  /** CANCELLED status for a cancelled meeting */
  cancelled?: boolean;
  lastModified: Date;
}

/** PRODID (RFC 5545 §3.7.3) unless the caller gives one. */
export const DEFAULT_PROD_ID = '-//Confer//Conference bookings//EN';

/**
 * One booking as an email attachment: METHOD:REQUEST, or METHOD:CANCEL (+STATUS:CANCELLED) when
 * cancelled. Every attendee with an email gets an ATTENDEE line (RSVP=FALSE: the booking is
 * already confirmed in Confer, so calendars need not send replies to the school's address).
 * `prodId` is the full PRODID value, e.g. '-//Riverside//Confer//EN'.
 */
export function meetingInvite(meeting: IcsMeeting, options: { prodId?: string }): string {
  const calendar = newCalendar(options.prodId ?? DEFAULT_PROD_ID, [meeting]);
  calendar.method(meeting.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST);
  addEvent(calendar, meeting, true);
  return serialise(calendar);
}

/**
 * A subscription feed (teacher's or interpreter's secret URL): METHOD:PUBLISH, X-WR-CALNAME,
 * X-WR-TIMEZONE.
 * Cancelled meetings are left out by the caller (one passed anyway is written with
 * STATUS:CANCELLED, never METHOD:CANCEL). No ATTENDEE lines: RFC 5546 §3.2.1 has none in PUBLISH,
 * and a feed URL that leaks should not leak families' email addresses with it; put the names
 * the reader needs in the summary or description.
 */
export function calendarFeed(calendarName: string, timeZone: string, meetings: IcsMeeting[]): string {
  assertZone(timeZone);
  const calendar = newCalendar(DEFAULT_PROD_ID, meetings);
  calendar.method(ICalCalendarMethod.PUBLISH);
  // ical-generator writes NAME and X-WR-CALNAME without escaping them (a newline in the name
  // would start a new content line), so the TEXT escaping is done here, after turning line
  // breaks into spaces: a calendar's name is one line. (ical.js hands X-WR-CALNAME back still
  // escaped, as it does any property it has no type for; "Owls, Year 1" reads "Owls\, Year 1".)
  calendar.name(escape(calendarName.replace(/\s+/g, ' ').trim(), false));
  for (const meeting of meetings) addEvent(calendar, meeting, false);
  // X-WR-TIMEZONE names the feed's zone for clients that show one (Apple, Google). ical-generator
  // writes calendar-level X- properties after the events, where RFC 5545's grammar has no
  // calendar properties, so it goes in beside METHOD by hand (a zone name needs no escaping).
  return serialise(calendar).replace('\r\nMETHOD:PUBLISH\r\n', `\r\nMETHOD:PUBLISH\r\nX-WR-TIMEZONE:${timeZone}\r\n`);
}

/** ical-generator leaves the CRLF off the last line; RFC 5545 ends every content line with one. */
function serialise(calendar: ICalCalendar): string {
  return calendar.toString() + '\r\n';
}

function newCalendar(prodId: string, meetings: IcsMeeting[]): ICalCalendar {
  for (const meeting of meetings) assertMeeting(meeting);
  // The VTIMEZONE must cover every meeting; ical-generator asks once per zone used.
  const years = meetings.flatMap((m) => [m.start, m.end].map((d) => DateTime.fromJSDate(d, { zone: m.timeZone }).year));
  const fromYear = Math.min(...years);
  const toYear = Math.max(...years);
  return ical({
    // ical-generator prepends the "-" of the formal public identifier itself.
    prodId: prodId.replace(/^-/, ''),
    timezone: { name: null, generator: (zone) => buildVtimezone(zone, fromYear, toYear) },
  });
}

function addEvent(calendar: ICalCalendar, meeting: IcsMeeting, withAttendees: boolean): void {
  const zone = meeting.timeZone;
  const inUtc = zone === 'UTC' || hasTwoInstants(meeting.start, zone) || hasTwoInstants(meeting.end, zone);
  const at = (d: Date) => (inUtc ? d : DateTime.fromJSDate(d, { zone }));
  const organizerEmail = meeting.organizer.email?.trim();
  calendar.createEvent({
    id: meeting.uid,
    sequence: meeting.sequence,
    stamp: meeting.lastModified,
    lastModified: meeting.lastModified,
    start: at(meeting.start),
    end: at(meeting.end),
    timezone: inUtc ? null : zone,
    summary: meeting.summary,
    description: meeting.description ?? null,
    location: meeting.location ?? null,
    // URL is a URI, but ical-generator TEXT-escapes it (a "," would become "\,", which no client
    // undoes); percent-encoding the two characters keeps the link working.
    url: meeting.url ? meeting.url.replace(/,/g, '%2C').replace(/;/g, '%3B') : null,
    status: meeting.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    // ical-generator writes `ORGANIZER;CN=…:` with an empty address when there is no email,
    // which is not a valid CAL-ADDRESS; leave the line out instead.
    organizer: organizerEmail ? { name: parameterText(meeting.organizer.name), email: organizerEmail } : null,
    attendees: withAttendees ? attendeeLines(meeting.attendees) : [],
  });
}

function attendeeLines(people: IcsPerson[]): ICalAttendeeData[] {
  const seen = new Set<string>();
  const lines: ICalAttendeeData[] = [];
  for (const person of people) {
    const email = person.email?.trim();
    if (!email || seen.has(email.toLowerCase())) continue;
    seen.add(email.toLowerCase());
    lines.push({ name: parameterText(person.name), email, role: ICalAttendeeRole.REQ, type: ICalAttendeeType.INDIVIDUAL, rsvp: false });
  }
  return lines;
}

/**
 * A name for a CN="…" parameter. RFC 5545 parameter values cannot contain a double quote or a
 * line break (ical-generator would write \" and \n, which parsers keep literally), so a quote
 * becomes an apostrophe and runs of whitespace one space: `Robert "Bob" Li` → `Robert 'Bob' Li`.
 */
function parameterText(name: string): string {
  return name.replace(/"/g, "'").replace(/\s+/g, ' ').trim();
}

/**
 * True when the wall-clock time of `instant` in `zone` also names another instant (the repeated
 * hour after clocks go back). Worked example, Europe/London, 2026-10-25T00:30Z: +01:00 gives
 * 01:30 local; six hours later the offset is +00:00, and 01:30 at +00:00 is 01:30Z, whose offset
 * is indeed +00:00, so 01:30 happens twice. Offset changes are at most a few hours apart from
 * each other in tzdata, so looking at the offsets six hours either side finds every candidate.
 */
function hasTwoInstants(instant: Date, zoneName: string): boolean {
  const zone = IANAZone.create(zoneName); // cached; `new IANAZone` re-validates the name each time
  const t = instant.getTime();
  const offset = zone.offset(t);
  const wall = t + offset * 60_000;
  for (const probe of [t - 6 * 3_600_000, t + 6 * 3_600_000]) {
    const other = zone.offset(probe);
    if (other !== offset && zone.offset(wall - other * 60_000) === other) return true;
  }
  return false;
}

function assertZone(zone: string): void {
  if (!isKnownTimeZone(zone)) throw new Error(`Unknown IANA time zone: ${zone}`);
}

function assertMeeting(meeting: IcsMeeting): void {
  // ical-generator writes the UID as given, unescaped.
  if (!/^[\x21-\x7e]+$/.test(meeting.uid) || /[,;\\]/.test(meeting.uid)) throw new Error(`Meeting UID must be printable ASCII without , ; or \\: ${JSON.stringify(meeting.uid)}`);
  assertZone(meeting.timeZone);
  for (const [field, value] of [['start', meeting.start], ['end', meeting.end], ['lastModified', meeting.lastModified]] as const) {
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new Error(`Meeting ${meeting.uid}: ${field} is not a valid date`);
  }
  if (!Number.isInteger(meeting.sequence) || meeting.sequence < 0) throw new Error(`Meeting ${meeting.uid}: sequence must be a whole number ≥ 0`);
  if (meeting.end.getTime() < meeting.start.getTime()) throw new Error(`Meeting ${meeting.uid}: end is before start`);
}

/**
 * The subscription feed behind a teacher's or interpreter's secret URL (METHOD:PUBLISH).
 */
import { describe, expect, it } from 'vitest';
import { calendarFeed } from '../../../src/server/features/calendar/ics';
import { buildMeeting, events, instantOf, parseOne, text } from './ical-read';

const meetings = [
  buildMeeting({ uid: 'booking-1@confer', start: new Date('2026-10-20T14:30:00Z'), end: new Date('2026-10-20T14:45:00Z'), summary: 'Ava Bramwell' }),
  buildMeeting({ uid: 'booking-2@confer', sequence: 3, start: new Date('2026-10-20T14:45:00Z'), end: new Date('2026-10-20T15:00:00Z'), summary: 'Leo Bramwell' }),
  buildMeeting({ uid: 'booking-3@confer', start: new Date('2026-10-27T15:30:00Z'), end: new Date('2026-10-27T15:45:00Z'), summary: 'Maya Ortega', timeZone: 'Europe/Madrid' }),
];

describe('calendarFeed', () => {
  const ics = calendarFeed('Mr Okafor — conferences', 'Europe/London', meetings);
  const calendar = parseOne(ics);

  it('is METHOD:PUBLISH with the calendar’s name in X-WR-CALNAME and its zone in X-WR-TIMEZONE, before any component', () => {
    expect(text(calendar, 'method')).toBe('PUBLISH');
    expect(text(calendar, 'x-wr-calname')).toBe('Mr Okafor — conferences');
    expect(text(calendar, 'x-wr-timezone')).toBe('Europe/London');
    expect(ics.indexOf('X-WR-TIMEZONE:')).toBeLessThan(ics.indexOf('BEGIN:VTIMEZONE'));
    expect(ics).not.toContain('METHOD:CANCEL');
  });

  it('has one VEVENT per meeting, distinct UIDs, their own SEQUENCE and times', () => {
    const all = events(calendar);
    expect(all).toHaveLength(3);
    expect(new Set(all.map((e) => text(e, 'uid')))).toEqual(new Set(['booking-1@confer', 'booking-2@confer', 'booking-3@confer']));
    expect(all.map((e) => e.getFirstPropertyValue('sequence'))).toEqual([0, 3, 0]);
    expect(all.map((e) => instantOf(e, 'dtstart'))).toEqual(meetings.map((m) => m.start));
    expect(all.map((e) => text(e, 'summary'))).toEqual(['Ava Bramwell', 'Leo Bramwell', 'Maya Ortega']);
  });

  it('includes one VTIMEZONE per zone its meetings use', () => {
    expect(calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Europe/London', 'Europe/Madrid']);
    expect(ics).toContain('DTSTART;TZID=Europe/Madrid:20261027T163000');
  });

  it('keeps the organizer but lists no attendees (no families’ addresses in a shareable URL)', () => {
    for (const e of events(calendar)) {
      expect(e.getAllProperties('attendee')).toEqual([]);
      expect(e.getFirstProperty('organizer')!.getFirstValue()).toBe('mailto:office@riverside.example');
    }
  });

  it('writes a cancelled meeting passed to it as STATUS:CANCELLED, and an empty feed as a valid calendar', () => {
    const one = parseOne(calendarFeed('x', 'Europe/London', [buildMeeting({ cancelled: true })]));
    expect(text(one, 'method')).toBe('PUBLISH');
    expect(text(events(one)[0]!, 'status')).toBe('CANCELLED');
    const empty = parseOne(calendarFeed('Nothing booked yet', 'Europe/London', []));
    expect(events(empty)).toEqual([]);
    expect(text(empty, 'x-wr-calname')).toBe('Nothing booked yet');
  });

  it('escapes the calendar’s name (ical-generator does not) and keeps it on one line', () => {
    const out = calendarFeed('Owls, Year 1; Mr O’Brien\nand\\Ms Ortega', 'Europe/London', []);
    expect(out).toContain('\r\nX-WR-CALNAME:Owls\\, Year 1\\; Mr O’Brien and\\\\Ms Ortega\r\n');
    // ical.js returns X- properties unescaped-as-written; undoing the TEXT escapes gives the name.
    const raw = text(parseOne(out), 'x-wr-calname')!;
    expect(raw.replace(/\\([\\;,])/g, '$1')).toBe('Owls, Year 1; Mr O’Brien and\\Ms Ortega');
  });

  it('refuses an unknown calendar zone', () => {
    expect(() => calendarFeed('x', 'Mars/Olympus_Mons', [])).toThrow(/Unknown IANA time zone/);
  });
});

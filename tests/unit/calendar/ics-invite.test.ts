/**
 * A booking as an email attachment (iTIP REQUEST / CANCEL), read back with ical.js.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROD_ID, meetingInvite } from '../../../src/server/features/calendar/ics';
import { buildMeeting, instantOf, onlyEvent, parseOne, text } from './ical-read';

describe('meetingInvite', () => {
  const meeting = buildMeeting();
  const ics = meetingInvite(meeting, {});
  const calendar = parseOne(ics);
  const event = onlyEvent(calendar);

  it('is a METHOD:REQUEST with the booking’s UID, SEQUENCE, DTSTAMP and status', () => {
    expect(text(calendar, 'method')).toBe('REQUEST');
    expect(text(calendar, 'version')).toBe('2.0');
    expect(text(calendar, 'prodid')).toBe(DEFAULT_PROD_ID);
    expect(text(event, 'uid')).toBe(meeting.uid);
    expect(event.getFirstPropertyValue('sequence')).toBe(0);
    expect(text(event, 'status')).toBe('CONFIRMED');
    expect((event.getFirstPropertyValue('dtstamp') as InstanceType<typeof ICAL.Time>).toJSDate()).toEqual(meeting.lastModified);
    expect(ics).toContain('\r\nDTSTAMP:20260914T081500Z\r\n');
    expect(ics).toContain('\r\nLAST-MODIFIED:20260914T081500Z\r\n');
    expect(text(event, 'summary')).toBe(meeting.summary);
    expect(text(event, 'location')).toBe(meeting.location);
    expect(text(event, 'url')).toBe(meeting.url);
  });

  it('writes local times with TZID, a matching VTIMEZONE, and the instants come back', () => {
    expect(ics).toContain('\r\nDTSTART;TZID=Europe/London:20261023T153000\r\n');
    expect(ics).toContain('\r\nDTEND;TZID=Europe/London:20261023T154500\r\n');
    const zones = calendar.getAllSubcomponents('vtimezone');
    expect(zones.map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Europe/London']);
    expect(instantOf(event, 'dtstart')).toEqual(meeting.start);
    expect(instantOf(event, 'dtend')).toEqual(meeting.end);
    const parsed = new ICAL.Event(event);
    expect(parsed.startDate.toJSDate().toISOString()).toBe('2026-10-23T14:30:00.000Z');
    expect(parsed.duration.toSeconds()).toBe(15 * 60);
  });

  it('has the school as ORGANIZER and everyone with an email as ATTENDEE (CN, mailto)', () => {
    const organizer = event.getFirstProperty('organizer')!;
    expect(organizer.getFirstValue()).toBe('mailto:office@riverside.example');
    expect(organizer.getParameter('cn')).toBe('Riverside Primary School');
    const attendees = event.getAllProperties('attendee').map((p) => ({
      address: String(p.getFirstValue()).toLowerCase(),
      cn: p.getParameter('cn'),
      rsvp: p.getParameter('rsvp'),
      role: p.getParameter('role'),
    }));
    expect(attendees).toEqual([
      { address: 'mailto:emma.bramwell10@riverside.example', cn: 'Emma Bramwell', rsvp: 'FALSE', role: 'REQ-PARTICIPANT' },
      { address: 'mailto:daniel.okafor@riverside.example', cn: 'Daniel Okafor', rsvp: 'FALSE', role: 'REQ-PARTICIPANT' },
    ]);
  });

  it('leaves out people without an email, repeats of the same address, and an organizer line with no address', () => {
    const out = parseOne(
      meetingInvite(
        buildMeeting({
          organizer: { name: 'Riverside Primary School', email: null },
          attendees: [
            { name: 'Emma Bramwell', email: 'emma@riverside.example' },
            { name: 'Interpreter (no email)' },
            { name: 'Emma again', email: 'EMMA@riverside.example' },
            { name: 'Blank', email: '  ' },
          ],
        }),
        {},
      ),
    );
    const e = onlyEvent(out);
    expect(e.getFirstProperty('organizer')).toBeNull();
    expect(e.getAllProperties('attendee').map((p) => p.getParameter('cn'))).toEqual(['Emma Bramwell']);
  });

  it('keeps a name with a double quote or a line break readable in CN', () => {
    const e = onlyEvent(parseOne(meetingInvite(buildMeeting({ attendees: [{ name: 'Robert "Bob"\nLi', email: 'bob@example.org' }] }), {})));
    expect(e.getFirstProperty('attendee')!.getParameter('cn')).toBe("Robert 'Bob' Li");
  });

  it('keeps a URL with a comma or semicolon working (ical-generator would backslash-escape them)', () => {
    const e = onlyEvent(parseOne(meetingInvite(buildMeeting({ url: 'https://confer.example/b/1;view=a,b' }), {})));
    expect(text(e, 'url')).toBe('https://confer.example/b/1%3Bview=a%2Cb');
  });

  it('uses the PRODID it is given', () => {
    const out = meetingInvite(meeting, { prodId: '-//Riverside Primary//Confer//EN' });
    expect(out).toContain('\r\nPRODID:-//Riverside Primary//Confer//EN\r\n');
  });

  it('ends every line (the last one too) with CRLF, has no line over 75 octets, and is the same bytes for the same booking', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.split('\r\n').every((line) => !line.includes('\n') && !line.includes('\r'))).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(Math.max(...ics.split('\r\n').map((l) => Buffer.byteLength(l, 'utf8')))).toBeLessThanOrEqual(75);
    expect(meetingInvite(buildMeeting(), {})).toBe(ics);
  });

  it('does not depend on the server’s own time zone (ical-generator reads a Date’s local fields)', () => {
    // The school's zone is far from the usual server zones; a Date handed to ical-generator with
    // a TZID would come out in the process's zone, not 11:00 in Auckland.
    const m = buildMeeting({ timeZone: 'Pacific/Auckland', start: new Date('2026-06-10T23:00:00Z'), end: new Date('2026-06-10T23:20:00Z') });
    const out = meetingInvite(m, {});
    expect(out).toContain('\r\nDTSTART;TZID=Pacific/Auckland:20260611T110000\r\n');
    expect(instantOf(onlyEvent(parseOne(out)), 'dtstart')).toEqual(m.start);
  });

  it('rejects what would make a wrong calendar: an unknown zone, an invalid date, a negative sequence, end before start', () => {
    expect(() => meetingInvite(buildMeeting({ timeZone: 'Europe/Londres' }), {})).toThrow(/Unknown IANA time zone/);
    expect(() => meetingInvite(buildMeeting({ start: new Date('nope') }), {})).toThrow(/start is not a valid date/);
    expect(() => meetingInvite(buildMeeting({ sequence: -1 }), {})).toThrow(/sequence/);
    expect(() => meetingInvite(buildMeeting({ sequence: 1.5 }), {})).toThrow(/sequence/);
    expect(() => meetingInvite(buildMeeting({ end: new Date('2026-10-23T14:00:00Z') }), {})).toThrow(/end is before start/);
    expect(() => meetingInvite(buildMeeting({ uid: 'booking-1@confer\r\nATTENDEE:mailto:x@example.org' }), {})).toThrow(/UID/);
  });
});

describe('meetingInvite for a cancelled booking', () => {
  const first = buildMeeting();
  const cancel = buildMeeting({ sequence: 2, cancelled: true, lastModified: new Date('2026-10-01T12:00:00Z') });
  const request = onlyEvent(parseOne(meetingInvite(first, {})));
  const calendar = parseOne(meetingInvite(cancel, {}));
  const event = onlyEvent(calendar);

  it('is METHOD:CANCEL with STATUS:CANCELLED, the same UID and a higher SEQUENCE', () => {
    expect(text(calendar, 'method')).toBe('CANCEL');
    expect(text(event, 'status')).toBe('CANCELLED');
    expect(text(event, 'uid')).toBe(text(request, 'uid'));
    expect(Number(event.getFirstPropertyValue('sequence'))).toBeGreaterThan(Number(request.getFirstPropertyValue('sequence')));
  });

  it('still names the meeting’s time and the people it is cancelled for', () => {
    expect(instantOf(event, 'dtstart')).toEqual(cancel.start);
    expect(event.getAllProperties('attendee')).toHaveLength(2);
    expect(event.getFirstProperty('organizer')!.getFirstValue()).toBe('mailto:office@riverside.example');
  });
});

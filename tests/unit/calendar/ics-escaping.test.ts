/**
 * TEXT values (RFC 5545 §3.3.11) and line folding (§3.1): what goes in comes back out of ical.js.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { meetingInvite } from '../../../src/server/features/calendar/ics';
import { buildMeeting, onlyEvent, parseCalendars, parseOne, readFixture, text } from './ical-read';

const octets = (line: string) => Buffer.byteLength(line, 'utf8');

describe('escaping', () => {
  const summary = 'Conference, Year 5; Maya Ortega — 학부모 상담, اجتماع أولياء الأمور; back\\slash';
  const description = ['Dear families,', 'Bring: portfolio; goals, and questions.', '보호자 여러분, 환영합니다!', 'مرحبا بكم في المؤتمر، شكرا.', 'Emoji 👩‍👧 and "quotes"', '', 'End'].join('\n');
  const location = 'Room 4, Main building; entrance B';
  const ics = meetingInvite(
    buildMeeting({ summary, description, location, attendees: [{ name: '박지우', email: 'jiwoo.park3@riverside.example' }, { name: 'فاطمة الزهراء', email: 'fatima@riverside.example' }] }),
    {},
  );
  const event = onlyEvent(parseOne(ics));

  it('commas, semicolons, backslashes and newlines are escaped on the wire', () => {
    expect(ics).toContain('SUMMARY:Conference\\, Year 5\\; Maya Ortega');
    expect(ics).toContain('back\\\\slash');
    expect(ics).toContain('LOCATION:Room 4\\, Main building\\; entrance B');
    expect(ics.replace(/\r\n /g, '')).toContain('DESCRIPTION:Dear families\\,\\nBring: portfolio\\; goals\\, and questions.\\n');
  });

  it('summary, description and location with Korean and Arabic survive the round trip', () => {
    expect(text(event, 'summary')).toBe(summary);
    expect(text(event, 'description')).toBe(description);
    expect(text(event, 'location')).toBe(location);
  });

  it('non-ASCII names survive in CN', () => {
    expect(event.getAllProperties('attendee').map((p) => p.getParameter('cn'))).toEqual(['박지우', 'فاطمة الزهراء']);
  });

  it('folds a long description at 75 octets without splitting a character, and unfolds to the same text', () => {
    const long = `${'가나다라마바사아자차카타파하 '.repeat(12)}\n${'Families are welcome to bring younger siblings, grandparents, or anyone who supports the child. '.repeat(4)}`;
    const out = meetingInvite(buildMeeting({ description: long }), {});
    const lines = out.split('\r\n');
    const start = lines.findIndex((l) => l.startsWith('DESCRIPTION:'));
    const continuation = lines.slice(start + 1).findIndex((l) => !l.startsWith(' '));
    expect(continuation).toBeGreaterThan(10); // really folded, over many lines
    expect(lines.every((l) => octets(l) <= 75)).toBe(true);
    expect(lines.some((l) => octets(l) >= 73)).toBe(true); // and not folded needlessly short
    expect(lines.every((l) => !l.includes('\uFFFD'))).toBe(true);
    expect(text(onlyEvent(parseOne(out)), 'description')).toBe(long);
  });
});

describe('text from other producers’ fixtures, re-emitted', () => {
  it.each(['events/issue_53_description_parsed_properly.ics', 'events/event_with_unicode_fields.ics'])('%s', (file) => {
    const [source] = parseCalendars(readFixture(file));
    const original = source!.name === 'vevent' ? source! : onlyEvent(source!);
    const fields = { summary: text(original, 'summary')!, description: text(original, 'description')!, location: text(original, 'location')! };
    expect(fields.description.length).toBeGreaterThan(20);
    const event = onlyEvent(parseOne(meetingInvite(buildMeeting(fields), {})));
    expect({ summary: text(event, 'summary'), description: text(event, 'description'), location: text(event, 'location') }).toEqual(fields);
  });

  it('ical.js re-serialising our output gives the same TEXT values (no double escaping)', () => {
    const ics = meetingInvite(buildMeeting({ summary: 'a, b; c\\d\ne' }), {});
    const again = parseOne(ICAL.stringify(ICAL.parse(ics) as never));
    expect(text(onlyEvent(again), 'summary')).toBe('a, b; c\\d\ne');
  });
});

/**
 * Daylight-saving changes: meetings either side of a change keep their wall-clock time and their
 * instant, read back with ical.js using only the VTIMEZONE in our own output.
 */
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ICAL from 'ical.js';
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { calendarFeed, meetingInvite } from '../../../src/server/features/calendar/ics';
import { buildVtimezone } from '../../../src/server/features/calendar/vtimezone';
import { buildMeeting, events, instantOf, onlyEvent, parseOne, wallClockOf } from './ical-read';

/** A 15-minute meeting at `local` (ISO, no offset) in `zone`. */
function meetingAt(zone: string, local: string, uid = `m-${zone}-${local}@confer`) {
  const start = DateTime.fromISO(local, { zone }).toJSDate();
  return buildMeeting({ uid, timeZone: zone, start, end: new Date(start.getTime() + 15 * 60_000) });
}

function roundTrip(zone: string, local: string) {
  const meeting = meetingAt(zone, local);
  const ics = meetingInvite(meeting, {});
  const event = onlyEvent(parseOne(ics));
  return { meeting, ics, event, start: instantOf(event, 'dtstart').toISOString(), end: instantOf(event, 'dtend').toISOString() };
}

describe('meetings either side of a DST change', () => {
  it.each([
    // zone, local time, the UTC instant it must come back as
    ['Europe/London', '2026-10-23T15:30', '2026-10-23T14:30:00.000Z'], // BST, UTC+1
    ['Europe/London', '2026-10-26T15:30', '2026-10-26T15:30:00.000Z'], // GMT
    ['Europe/London', '2026-03-27T15:30', '2026-03-27T15:30:00.000Z'], // GMT, before the spring change
    ['Europe/London', '2026-03-30T15:30', '2026-03-30T14:30:00.000Z'], // BST
    ['America/New_York', '2026-10-30T15:30', '2026-10-30T19:30:00.000Z'], // EDT, UTC−4
    ['America/New_York', '2026-11-02T15:30', '2026-11-02T20:30:00.000Z'], // EST, UTC−5 (change on 1 November)
    ['Pacific/Auckland', '2026-04-02T15:30', '2026-04-02T02:30:00.000Z'], // NZDT, UTC+13
    ['Pacific/Auckland', '2026-04-07T15:30', '2026-04-07T03:30:00.000Z'], // NZST, UTC+12 (change on 5 April)
    ['Australia/Sydney', '2026-04-02T15:30', '2026-04-02T04:30:00.000Z'], // AEDT, UTC+11
    ['Australia/Sydney', '2026-04-07T15:30', '2026-04-07T05:30:00.000Z'], // AEST, UTC+10
  ])('%s %s comes back as %s', (zone, local, utc) => {
    const { ics, event, start, meeting } = roundTrip(zone, local);
    expect(meeting.start.toISOString()).toBe(utc);
    expect(start).toBe(utc);
    expect(wallClockOf(event, 'dtstart')).toBe(local.replace(/[-:]/g, '') + '00');
    expect(ics).toContain(`DTSTART;TZID=${zone}:`);
  });

  it('holds both sides of the change in one feed, with one VTIMEZONE', () => {
    const before = meetingAt('Europe/London', '2026-10-23T15:30', 'before@confer');
    const after = meetingAt('Europe/London', '2026-10-26T15:30', 'after@confer');
    const calendar = parseOne(calendarFeed('Owls', 'Europe/London', [before, after]));
    expect(calendar.getAllSubcomponents('vtimezone')).toHaveLength(1);
    expect(events(calendar).map((e) => [wallClockOf(e, 'dtstart'), instantOf(e, 'dtstart').toISOString()])).toEqual([
      ['20261023T153000', '2026-10-23T14:30:00.000Z'],
      ['20261026T153000', '2026-10-26T15:30:00.000Z'],
    ]);
  });

  it('writes the usual two yearly observances for a regular zone, covering a school year that spans two calendar years', () => {
    const feed = calendarFeed('Owls', 'Europe/London', [meetingAt('Europe/London', '2026-09-10T15:30'), meetingAt('Europe/London', '2027-07-15T15:30')]);
    const zone = parseOne(feed).getFirstSubcomponent('vtimezone')!;
    const observances = zone.getAllSubcomponents().map((o) => [o.name, String(o.getFirstPropertyValue('rrule')), o.getFirstPropertyValue('tzname')]);
    expect(observances).toEqual([
      ['daylight', 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'BST'],
      ['standard', 'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'GMT'],
    ]);
    for (const e of events(parseOne(feed))) expect(wallClockOf(e, 'dtstart').slice(9)).toBe('153000');
  });
});

describe('the repeated hour when clocks go back', () => {
  // 2026-10-25, Europe/London: at 02:00 BST clocks go back to 01:00 GMT, so 01:30 happens at
  // 00:30Z (BST) and again at 01:30Z (GMT).
  it.each(['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z', '2026-10-25T01:00:00.000Z', '2026-10-25T00:59:59.000Z'])(
    'an instant whose local time happens twice (%s) is written in UTC and comes back exactly',
    (iso) => {
      const start = new Date(iso);
      const meeting = buildMeeting({ start, end: new Date(start.getTime() + 10 * 60_000) });
      const ics = meetingInvite(meeting, {});
      const event = onlyEvent(parseOne(ics));
      expect(ics).toContain(`\r\nDTSTART:${iso.replace(/[-:]/g, '').replace(/\.000/, '')}\r\n`);
      expect(event.getFirstProperty('dtstart')!.getParameter('tzid')).toBeUndefined();
      expect(instantOf(event, 'dtstart').toISOString()).toBe(iso);
      expect(instantOf(event, 'dtend')).toEqual(meeting.end);
    },
  );

  it('an event ending inside the repeated hour is written in UTC too; one just outside keeps its TZID', () => {
    const inside = meetingInvite(buildMeeting({ start: new Date('2026-10-24T23:50:00Z'), end: new Date('2026-10-25T00:20:00Z') }), {});
    expect(inside).toContain('\r\nDTSTART:20261024T235000Z\r\n');
    const outside = meetingInvite(buildMeeting({ start: new Date('2026-10-25T02:00:00Z'), end: new Date('2026-10-25T02:30:00Z') }), {});
    expect(outside).toContain('\r\nDTSTART;TZID=Europe/London:20261025T020000\r\n');
    expect(instantOf(onlyEvent(parseOne(outside)), 'dtstart').toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });

  it('records why: with TZID, ical.js reads a repeated local time as its second (standard-time) occurrence, not RFC 5545’s first', () => {
    // RFC 5545 §3.3.5: an ambiguous local time means the first occurrence (00:30Z here). ical.js
    // (Thunderbird's parser) prefers the STANDARD observance, i.e. the later one. Writing such an
    // instant with TZID would therefore be read differently by different clients.
    const cases = [
      ['Europe/London', '20261025T013000', '2026-10-25T01:30:00.000Z'], // first occurrence would be 00:30Z
      ['America/New_York', '20261101T013000', '2026-11-01T06:30:00.000Z'], // first: 05:30Z
      ['Pacific/Auckland', '20260405T023000', '2026-04-04T14:30:00.000Z'], // first: 13:30Z
    ] as const;
    for (const [zone, wall, icalJsReads] of cases) {
      const text = [
        'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//test//EN', buildVtimezone(zone, 2026, 2026).trim(),
        'BEGIN:VEVENT', 'UID:x', 'DTSTAMP:20260101T000000Z', `DTSTART;TZID=${zone}:${wall}`, 'END:VEVENT', 'END:VCALENDAR',
      ].join('\r\n');
      expect(instantOf(onlyEvent(parseOne(text)), 'dtstart').toISOString()).toBe(icalJsReads);
    }
  });
});

describe('the VTIMEZONE agrees with the local times beside it', () => {
  it('Mexico City (no DST since 2022): our VTIMEZONE is right where @touch4it/ical-timezones’ 2018 rules are an hour off', () => {
    const { event, ics, start } = roundTrip('America/Mexico_City', '2026-07-15T15:30');
    expect(start).toBe('2026-07-15T21:30:00.000Z'); // CST, UTC−6, all year
    const stale = ics.replace(/BEGIN:VTIMEZONE[\s\S]*END:VTIMEZONE\r\n/, getVtimezoneComponent('America/Mexico_City')!.replace(/\r?\n/g, '\r\n'));
    expect(wallClockOf(event, 'dtstart')).toBe('20260715T153000');
    expect(instantOf(onlyEvent(parseOne(stale)), 'dtstart').toISOString()).toBe('2026-07-15T20:30:00.000Z'); // the old CDT rule
    expect(getVtimezoneComponent('Europe/Kyiv')).toBeNull(); // and newer names are missing there
  });

  // Zones with DST in either hemisphere, half-hour and 45-minute offsets, a 30-minute DST
  // (Lord Howe), rules that are not "n-th Sunday" (Casablanca's Ramadan change), recent rule
  // changes (Mexico City, Tehran, Cairo, Asuncion, Nuuk), and none at all.
  const zones = [
    'Europe/London', 'Europe/Dublin', 'Europe/Lisbon', 'Europe/Paris', 'Europe/Kyiv', 'Europe/Istanbul', 'Africa/Cairo',
    'Africa/Casablanca', 'Africa/Johannesburg', 'Asia/Dubai', 'Asia/Tehran', 'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Seoul',
    'Asia/Tokyo', 'Australia/Sydney', 'Australia/Adelaide', 'Australia/Brisbane', 'Australia/Lord_Howe', 'Pacific/Auckland',
    'Pacific/Chatham', 'Pacific/Fiji', 'Pacific/Honolulu', 'America/Anchorage', 'America/Los_Angeles', 'America/Phoenix',
    'America/Chicago', 'America/Mexico_City', 'America/New_York', 'America/Havana', 'America/St_Johns', 'America/Sao_Paulo',
    'America/Santiago', 'America/Asuncion', 'America/Nuuk', 'Antarctica/Troll', 'Etc/GMT+5', 'UTC',
  ];

  it.each(zones)('%s: 15:30 every week of 2026, and every half hour around each change, round-trip exactly', (zone) => {
    const starts: Date[] = [];
    for (let d = DateTime.fromISO('2026-01-01T15:30', { zone }); d.year === 2026; d = d.plus({ days: 7 })) starts.push(d.toJSDate());
    const iana = new IANAZone(zone);
    const day = 86_400_000;
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += day) {
      if (iana.offset(t) === iana.offset(t + day)) continue;
      let hour = t;
      while (iana.offset(hour) === iana.offset(hour + 3_600_000)) hour += 3_600_000;
      for (let k = -4; k <= 6; k++) starts.push(new Date(hour + k * 1_800_000));
    }
    const meetings = starts.map((start, i) => buildMeeting({ uid: `m${i}@confer`, timeZone: zone, start, end: new Date(start.getTime() + 20 * 60_000) }));
    const calendar = parseOne(calendarFeed(zone, zone, meetings));
    const back = events(calendar).map((e) => [instantOf(e, 'dtstart').getTime(), instantOf(e, 'dtend').getTime()]);
    expect(back).toEqual(meetings.map((m) => [m.start.getTime(), m.end.getTime()]));
    // The regular 15:30 meetings keep their wall-clock time in TZID form.
    const regular = events(calendar).slice(0, 53);
    expect(regular.every((e) => wallClockOf(e, 'dtstart').endsWith('T153000'))).toBe(true);
    if (zone !== 'UTC') expect(regular.every((e) => e.getFirstProperty('dtstart')!.getParameter('tzid') === zone)).toBe(true);
  });

  it('spells out the offset in force for a zone without a regular rule (one observance per change, after an opening one)', () => {
    const text = buildVtimezone('Africa/Casablanca', 2026, 2026);
    const zone = new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${text}END:VCALENDAR\r\n`)).getFirstSubcomponent('vtimezone')!;
    const observances = zone.getAllSubcomponents();
    expect(observances[0]!.getFirstPropertyValue('dtstart')!.toString()).toBe('2025-01-01T00:00:00');
    expect(observances.every((o) => !o.hasProperty('rrule'))).toBe(true);
    expect(observances.length).toBeGreaterThan(3);
  });
});

/**
 * Round trips through the DST cases of the Python icalendar library's test calendars
 * (`../shared/fixtures/calendar/icalendar-py`, listed in its README): every VEVENT with a TZID'd
 * DTSTART is read with ical.js using the file's own VTIMEZONE, re-emitted through meetingInvite
 * and calendarFeed in the same zone name, and read back: the instant must be identical.
 *
 * Only zone names the tz database knows can be re-emitted (we write the school's IANA zone);
 * custom names ("custom_America/New_York", "(UTC-03:00) Brasília", "UTC+11"…) and TZIDs with no
 * VTIMEZONE in their file are skipped, each with a reason, and the skips are counted exactly so
 * that a change in the fixtures or in ical.js shows up here.
 */
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { calendarFeed, meetingInvite } from '../../../src/server/features/calendar/ics';
import { isKnownTimeZone } from '../../../src/server/features/calendar/vtimezone';
import { buildMeeting, events, instantOf, onlyEvent, parseCalendars, parseOne, readFixture, wallClockOf, type IcalComponent } from './ical-read';

/** The files of the README's "Timezone and DST cases" table (globs expanded). */
const DST_FIXTURES = [
  'calendars/issue_722_timezone_transition_ambiguity.ics',
  'calendars/pacific_fiji.ics',
  'timezones/pacific_fiji.ics',
  'calendars/timezone_rdate.ics',
  'timezones/issue_55_parse_error_on_utc_offset_with_seconds.ics',
  'calendars/timezone_same_start.ics',
  'calendars/timezone_same_start_and_offset.ics',
  'calendars/america_new_york.ics',
  'calendars/america_new_york_forward_reference.ics',
  'calendars/issue_1050_forward_timezone_reference.ics',
  'calendars/issue_722_missing_timezones.ics',
  'calendars/issue_722_missing_VTIMEZONE_custom.ics',
  'calendars/issue_237_fail_to_parse_timezone_with_non_ascii_tzid.ics',
  'timezones/issue_237_brazilia_standard.ics',
  'calendars/issue_313_globally_unique_tzid.ics',
  'calendars/issue_466_convert_tzid_with_slash.ics',
  'calendars/issue_836_do_not_quote_tzid.ics',
  'calendars/issue_218_bad_tzid.ics',
  'calendars/multiple_timezones.ics',
  'calendars/period_with_timezone.ics',
  'calendars/issue_156_RDATE_with_PERIOD_TZID_khal.ics',
  'calendars/issue_156_RDATE_with_PERIOD_TZID_khal_2.ics',
  'calendars/issue_1050_timezone_only_calendar.ics',
  'calendars/alarm_thunderbird_2_future.ics',
  'calendars/alarm_thunderbird_2_notification_5_min_postponed.ics',
  'calendars/alarm_thunderbird_2_notification_5_min_postponed_and_closed.ics',
  'calendars/alarm_thunderbird_2_notification_5_min_postponed_and_popped_up.ics',
  'calendars/alarm_thunderbird_2_notification_popped_up.ics',
  'calendars/alarm_thunderbird_closed.ics',
  'calendars/alarm_thunderbird_future.ics',
  'calendars/alarm_thunderbird_snoozed_until_1457.ics',
];

type Skip = 'ical.js cannot parse the file' | 'no VEVENT (a VTIMEZONE only)' | 'TZID has no VTIMEZONE in its file' | 'zone name not in the tz database';

interface Case {
  file: string;
  uid: string;
  tzid: string;
  /** Written in the fixture, e.g. 20241023T190000. */
  wall: string;
  start: Date;
  end: Date;
}

const cases: Case[] = [];
const skips: { file: string; uid: string | null; tzid: string | null; reason: Skip; detail?: string }[] = [];

for (const file of DST_FIXTURES) {
  let calendars: IcalComponent[];
  try {
    calendars = parseCalendars(readFixture(file));
  } catch (error) {
    skips.push({ file, uid: null, tzid: null, reason: 'ical.js cannot parse the file', detail: (error as Error).message });
    continue;
  }
  const vevents = calendars.flatMap((c) => (c.name === 'vcalendar' ? events(c) : []));
  if (vevents.length === 0) skips.push({ file, uid: null, tzid: null, reason: 'no VEVENT (a VTIMEZONE only)' });
  for (const event of vevents) {
    const dtstart = event.getFirstProperty('dtstart');
    const tzid = dtstart?.getParameter('tzid') as string | undefined;
    if (!dtstart || tzid === undefined) continue; // UTC, floating or no DTSTART: not a TZID case
    const uid = String(event.getFirstPropertyValue('uid') ?? '(no UID)');
    let start: Date;
    try {
      start = instantOf(event, 'dtstart');
    } catch {
      skips.push({ file, uid, tzid, reason: 'TZID has no VTIMEZONE in its file' });
      continue;
    }
    if (!isKnownTimeZone(tzid)) {
      skips.push({ file, uid, tzid, reason: 'zone name not in the tz database', detail: `instant per the file: ${start.toISOString()}` });
      continue;
    }
    const end = event.hasProperty('dtend') ? instantOf(event, 'dtend') : new Date(start.getTime() + 30 * 60_000);
    cases.push({ file, uid, tzid, wall: wallClockOf(event, 'dtstart'), start, end });
  }
}

afterAll(() => {
  const lines = skips.map((s) => `  skipped ${s.file}${s.uid ? ` UID ${s.uid}` : ''}${s.tzid ? ` TZID=${s.tzid}` : ''}: ${s.reason}${s.detail ? ` (${s.detail})` : ''}`);
  console.info(`icalendar-py DST fixtures: ${cases.length} events re-emitted, ${skips.length} skipped\n${lines.join('\n')}`);
});

describe('icalendar-py DST fixtures', () => {
  it('accounts for every listed file: re-emitted or skipped with a reason', () => {
    const seen = new Set([...cases.map((c) => c.file), ...skips.map((s) => s.file)]);
    expect(DST_FIXTURES.filter((f) => !seen.has(f))).toEqual([]);
  });

  it('counts what it skips, by reason', () => {
    const count = (reason: Skip) => skips.filter((s) => s.reason === reason).length;
    expect(cases.length).toBe(11); // Europe/London ×8 (Thunderbird), Europe/Berlin, America/New_York, America/Vancouver
    expect(count('zone name not in the tz database')).toBe(13);
    expect(count('TZID has no VTIMEZONE in its file')).toBe(7);
    expect(count('no VEVENT (a VTIMEZONE only)')).toBe(4);
    expect(count('ical.js cannot parse the file')).toBe(1);
    expect(skips.find((s) => s.reason === 'ical.js cannot parse the file')!.file).toBe('calendars/timezone_rdate.ics');
  });

  describe.each(DST_FIXTURES.filter((f) => cases.some((c) => c.file === f)))('%s', (file) => {
    const mine = cases.filter((c) => c.file === file);

    it.each(mine.map((c) => [c.uid, c] as const))('UID %s: the instant survives meetingInvite', (_uid, c) => {
      const ics = meetingInvite(buildMeeting({ uid: c.uid, timeZone: c.tzid, start: c.start, end: c.end }), {});
      const event = onlyEvent(parseOne(ics));
      expect(event.getFirstProperty('dtstart')!.getParameter('tzid')).toBe(c.tzid);
      expect(instantOf(event, 'dtstart').toISOString()).toBe(c.start.toISOString());
      expect(instantOf(event, 'dtend').toISOString()).toBe(c.end.toISOString());
    });

    it('all its events survive calendarFeed', () => {
      const meetings = mine.map((c, i) => buildMeeting({ uid: `${i}-${c.uid}`, timeZone: c.tzid, start: c.start, end: c.end }));
      const back = events(parseOne(calendarFeed(file, mine[0]!.tzid, meetings))).map((e) => instantOf(e, 'dtstart').toISOString());
      expect(back).toEqual(mine.map((c) => c.start.toISOString()));
    });
  });

  it('writes the fixture’s own wall-clock time back, except where ical.js misreads the fixture’s VTIMEZONE', () => {
    const differing = cases
      .map((c) => ({ c, ours: DateTime.fromJSDate(c.start, { zone: c.tzid }).toFormat("yyyyLLdd'T'HHmmss") }))
      .filter(({ c, ours }) => ours !== c.wall)
      .map(({ c, ours }) => `${c.file} ${c.wall} → ${ours}`);
    // period_with_timezone.ics: STANDARD/DAYLIGHT observances with DTSTART *and* RDATE. ical.js
    // only expands the RDATEs when there are any, so the first changes (2022-11-06, 2023-03-12)
    // are lost, 2023-09-20 falls before every change, and ical.js then uses offset 0: 12:00
    // Vancouver time becomes 12:00Z instead of 19:00Z. Our output carries that (wrong) instant
    // faithfully, which is all a round trip can promise.
    expect(differing).toEqual(['calendars/period_with_timezone.ics 20230920T120000 → 20230920T050000']);
  });
});

describe('issue_722_timezone_transition_ambiguity.ics (custom zone, clocks go back from +12 to +10)', () => {
  const calendar = parseOne(readFixture('calendars/issue_722_timezone_transition_ambiguity.ics'));
  const zone = calendar.getFirstSubcomponent('vtimezone')!;
  /** TZNAME of the observance whose TZOFFSETTO is `seconds` (unique in this file). */
  const nameForOffset = (seconds: number) =>
    zone
      .getAllSubcomponents()
      .filter((o) => (o.getFirstPropertyValue('tzoffsetto') as InstanceType<typeof ICAL.UtcOffset>).toSeconds() === seconds)
      .map((o) => String(o.getFirstPropertyValue('tzname')));

  it('ical.js gives every event the X-TZNAME the fixture expects, including the repeated 07:00:01', () => {
    const found = events(calendar).map((e) => {
      const time = e.getFirstPropertyValue('dtstart') as InstanceType<typeof ICAL.Time>;
      return { uid: String(e.getFirstPropertyValue('uid')), utc: time.toJSDate().toISOString(), computed: nameForOffset(time.utcOffset()), expected: String(e.getFirstPropertyValue('x-tzname')) };
    });
    expect(found).toEqual([
      { uid: '0', utc: '2024-03-02T20:00:00.000Z', computed: ['winter'], expected: 'winter' },
      { uid: '1', utc: '2024-08-02T22:00:00.000Z', computed: ['summer'], expected: 'summer' },
      // 08:00:01 exists only after the change (the change happens at 08:00 in the +12 offset).
      { uid: '2', utc: '2024-05-04T22:00:01.000Z', computed: ['summer'], expected: 'summer' },
      // 07:00:01 happens twice; RFC 5545 picks the first (+12, "winter"). ical.js agrees here,
      // but only because its rule is "prefer the STANDARD observance" and this file names the
      // earlier offset STANDARD. For real zones (Europe/London) the STANDARD one is the second
      // occurrence, which is why meetingInvite writes such instants in UTC (see ics-dst.test.ts).
      { uid: '3', utc: '2024-05-04T19:00:01.000Z', computed: ['winter'], expected: 'winter' },
    ]);
  });
});

describe('fixture VTIMEZONEs with real zone names, against the tz database (noon UTC on the 1st and 16th, 2024–2027)', () => {
  const probes: Date[] = [];
  for (let year = 2024; year <= 2027; year++) for (let month = 0; month < 12; month++) for (const day of [1, 16]) probes.push(new Date(Date.UTC(year, month, day, 12)));

  const files = DST_FIXTURES.filter((f) => f !== 'calendars/timezone_rdate.ics');
  const report = files.flatMap((file) =>
    parseCalendars(readFixture(file)).flatMap((root) =>
      (root.name === 'vtimezone' ? [root] : root.getAllSubcomponents('vtimezone'))
        .map((component) => ({ tzid: String(component.getFirstPropertyValue('tzid')), component }))
        .filter(({ tzid }) => isKnownTimeZone(tzid))
        .map(({ tzid, component }) => {
          const timezone = new ICAL.Timezone({ component, tzid });
          const wrong = probes.filter((p) => {
            const local = ICAL.Time.fromJSDate(p, true).convertToZone(timezone);
            return local.utcOffset() !== DateTime.fromJSDate(p, { zone: tzid }).offset * 60;
          });
          return `${file} ${tzid}: ${wrong.length}/${probes.length} wrong`;
        }),
    ),
  );

  it('records which agree', () => {
    expect(report).toEqual([
      // Only a STANDARD observance: no summer time at all.
      'calendars/issue_1050_forward_timezone_reference.ics Europe/Berlin: 56/96 wrong',
      // US rules of 1987–2006 (first Sunday of April to last Sunday of October): wrong from the
      // second Sunday of March into April and in the first days of November.
      'calendars/multiple_timezones.ics America/New_York: 11/96 wrong',
      // RDATE-based observances for 2022–2024 only, so after March 2024 it is PDT for ever.
      'calendars/period_with_timezone.ics America/Vancouver: 28/96 wrong',
      // A STANDARD observance only, for the UK: the file the README points UK schools to is wrong
      // every summer.
      'calendars/issue_1050_timezone_only_calendar.ics Europe/London: 56/96 wrong',
      // Thunderbird's full-history Europe/London is right.
      ...Array.from({ length: 8 }, (_, i) => `${DST_FIXTURES[23 + i]} Europe/London: 0/96 wrong`),
    ]);
  });
});

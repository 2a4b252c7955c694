/**
 * Reading iCalendar text back with ical.js, a parser independent of the generator, for the
 * calendar tests. TZID'd times are resolved with the VTIMEZONE of the same file (ical.js looks
 * TZIDs up in the component tree, so no global TimezoneService registration is needed, and
 * one file's "Europe/London" never leaks into another's).
 */
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import type { IcsMeeting } from '../../../src/server/features/calendar/ics';

export type IcalComponent = InstanceType<typeof ICAL.Component>;
export type IcalTime = InstanceType<typeof ICAL.Time>;

/** The fixture folder beside the repository (`<clone>/../shared` in CI). */
export const ICALENDAR_PY = new URL('../../../../shared/fixtures/calendar/icalendar-py/', import.meta.url);

export function readFixture(relative: string): string {
  return readFileSync(new URL(relative, ICALENDAR_PY), 'utf8');
}

/** Every VCALENDAR in the text (a file may hold several, or a bare VTIMEZONE). */
export function parseCalendars(text: string): IcalComponent[] {
  const parsed: unknown = ICAL.parse(text);
  const roots = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[];
  return roots.map((jcal) => new ICAL.Component(jcal as never));
}

export function parseOne(text: string): IcalComponent {
  const [calendar, ...rest] = parseCalendars(text);
  if (!calendar || rest.length > 0 || calendar.name !== 'vcalendar') throw new Error('expected exactly one VCALENDAR');
  return calendar;
}

/**
 * The UTC instant of a DATE-TIME property. A TZID'd value must have been resolved with a
 * VTIMEZONE of its own file: ical.js silently treats an unknown TZID as floating (and then as
 * UTC), which would make a wrong answer look right.
 */
export function instantOf(component: IcalComponent, property: 'dtstart' | 'dtend'): Date {
  const prop = component.getFirstProperty(property);
  if (!prop) throw new Error(`no ${property}`);
  const time = prop.getFirstValue() as IcalTime;
  const tzid = prop.getParameter('tzid') as string | undefined;
  if (tzid !== undefined) {
    if (time.zone?.tzid !== tzid || !time.zone.component) throw new Error(`${property}: TZID=${tzid} was not resolved from the file's VTIMEZONE`);
  } else if (time.zone?.tzid !== 'UTC') {
    throw new Error(`${property}: neither UTC nor TZID'd (floating)`);
  }
  return time.toJSDate();
}

/** The wall-clock value as written ("20261023T153000"), whatever its zone. */
export function wallClockOf(component: IcalComponent, property: 'dtstart' | 'dtend'): string {
  const time = component.getFirstProperty(property)!.getFirstValue() as IcalTime;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${time.year}${pad(time.month)}${pad(time.day)}T${pad(time.hour)}${pad(time.minute)}${pad(time.second)}`;
}

export function events(calendar: IcalComponent): IcalComponent[] {
  return calendar.getAllSubcomponents('vevent');
}

export function onlyEvent(calendar: IcalComponent): IcalComponent {
  const all = events(calendar);
  if (all.length !== 1) throw new Error(`expected one VEVENT, found ${all.length}`);
  return all[0]!;
}

export function text(component: IcalComponent, property: string): string | null {
  const value = component.getFirstPropertyValue(property);
  return value === null || value === undefined ? null : String(value);
}

/** A meeting with every field filled; override what a test is about. */
export function buildMeeting(overrides: Partial<IcsMeeting> = {}): IcsMeeting {
  return {
    uid: 'booking-0b7e1c2a-5f0e-4a43-9d7e-4d1f2c3b4a59@confer',
    sequence: 0,
    start: new Date('2026-10-23T14:30:00Z'),
    end: new Date('2026-10-23T14:45:00Z'),
    timeZone: 'Europe/London',
    summary: 'Conference: Ava Bramwell with Mr Okafor',
    description: 'Ava will lead the conference and show her portfolio.',
    location: 'Owls classroom',
    url: 'https://confer.example/bookings/0b7e1c2a',
    organizer: { name: 'Riverside Primary School', email: 'office@riverside.example' },
    attendees: [
      { name: 'Emma Bramwell', email: 'emma.bramwell10@riverside.example' },
      { name: 'Daniel Okafor', email: 'daniel.okafor@riverside.example' },
    ],
    lastModified: new Date('2026-09-14T08:15:00Z'),
    ...overrides,
  };
}

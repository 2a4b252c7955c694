/**
 * The demo school's conference booking: the autumn round runs on two evenings in the week after
 * next (dates follow the day the demo is seeded, so the demo can always be booked), booking opened
 * yesterday morning, every class takes part with its lead teacher in their own room, a Korean and a
 * Spanish interpreter are on hand, and about a quarter of the families have already booked — but
 * none of the printed demo families, so a newcomer can book. Pure data.
 */
import { DateTime } from 'luxon';

export const demoBookingSettings = { slotMinutes: 20, bufferMinutes: 5, walkMinutes: 5, holdMinutes: 10, changeCutoffHours: 24 };

/** Each class's teacher meets families in their own classroom: Room 1, Room 2… in class order. */
export function demoRoomsFor(classKeys: readonly string[]): Record<string, string> {
  return Object.fromEntries(classKeys.map((k, i) => [k, `Room ${i + 1}`]));
}

/** Teachers who hold a conference in more than the school's language. */
export const demoTeacherLanguages: Record<string, string[]> = { hedgehogs: ['en', 'es'] };

export const demoInterpreters = [
  { name: 'Min-jun Lee', email: 'minjun.lee@interpreters.example', languages: ['ko'] },
  { name: 'Carmen Ruiz', email: 'carmen.ruiz@interpreters.example', languages: ['es'] },
];

/** The round's week and its two evenings, from the seed's local date (YYYY-MM-DD). */
export function demoRoundDates(today: string): { startsOn: string; endsOn: string; days: [string, string]; opensOn: string } {
  const t = DateTime.fromISO(today);
  // The Monday of the week after next: 8–14 days away.
  const monday = t.plus({ days: 7 + ((8 - t.weekday) % 7 || 7) }).startOf('day');
  const iso = (d: DateTime) => d.toISODate() ?? '';
  return { startsOn: iso(monday), endsOn: iso(monday.plus({ days: 4 })), days: [iso(monday.plus({ days: 1 })), iso(monday.plus({ days: 3 }))], opensOn: iso(t.minus({ days: 1 })) };
}

export const demoSessions = [
  { startTime: '15:30', endTime: '19:00', breaks: [{ start: '17:00', end: '17:25' }] },
  { startTime: '15:30', endTime: '18:30', breaks: [] },
];

/** Every `BOOKED_EVERY`th child (in each class, by order) is already booked. */
export const BOOKED_EVERY = 4;

/**
 * The spring round collects availability instead: families say when they can come and the
 * school's scheduler gives the times. Five weeks after the autumn round, answers taken from
 * yesterday for a fortnight; about two families in three have answered (never the printed demo
 * families, so a newcomer can answer, and the scheduler has work to show).
 */
export const demoSpringRound = { name: 'Spring consultations', answeredShare: 0.65 };

export function demoSpringDates(today: string): { startsOn: string; endsOn: string; days: [string, string]; opensOn: string; closesOn: string } {
  const autumn = demoRoundDates(today);
  const shift = (d: string) => DateTime.fromISO(d).plus({ weeks: 5 }).toISODate() ?? '';
  return { startsOn: shift(autumn.startsOn), endsOn: shift(autumn.endsOn), days: [shift(autumn.days[0]), shift(autumn.days[1])], opensOn: autumn.opensOn, closesOn: DateTime.fromISO(today).plus({ days: 14 }).toISODate() ?? '' };
}

/**
 * A round ready to book, for medium tests: two sessions either side of the UK's October clock
 * change (Fri 23 and Mon 26 October 2026, 15:30–17:30 with a break 16:30–16:45), 20-minute slots
 * with 5 minutes between, classes A and B taking part with their lead teachers, booking open from
 * 19 October. Set straight in the database with the booking repository.
 */
import type { Db } from '../../src/server/db/client';
import { insertInterpreter, replaceSessions, setRoundClasses, updateBookingSettings, upsertRoundInterpreter, upsertRoundTeacher } from '../../src/server/features/booking/booking.repo';
import { sessionInstants } from '../../src/domain/booking/slots';
import { buildRound } from './goals';

/** Before the round, booking open: Tuesday 20 October 2026, 11:00 in London. */
export const OCT_20 = new Date('2026-10-20T10:00:00Z');
/** The first slot of each day, as instants (15:30 BST = 14:30Z; 15:30 GMT = 15:30Z). */
export const FRI_1530 = '2026-10-23T14:30:00.000Z';
export const FRI_1555 = '2026-10-23T14:55:00.000Z';
export const FRI_1645 = '2026-10-23T15:45:00.000Z';
export const MON_1530 = '2026-10-26T15:30:00.000Z';
export const MON_1555 = '2026-10-26T15:55:00.000Z';

export async function buildBookingRound(
  db: Db,
  w: { school: { id: string }; classA: { id: string }; classB: { id: string }; teacherA: { id: string }; teacherB: { id: string } },
  overrides: {
    opensAt?: Date | null;
    closesAt?: Date | null;
    separatedGuardians?: 'separate' | 'together';
    timeZone?: string;
    /** The session days (YYYY-MM-DD) instead of 23 and 26 October, e.g. days ahead of the real clock; the round's dates span them. */
    days?: string[];
  } = {},
) {
  const days = overrides.days ? [...overrides.days].sort() : ['2026-10-23', '2026-10-26'];
  const round = { id: await buildRound(db, w.school.id, null, 'Autumn conferences') };
  await updateBookingSettings(db, round.id, {
    startsOn: overrides.days ? days[0]! : '2026-10-19',
    endsOn: overrides.days ? days[days.length - 1]! : '2026-10-30',
    slotMinutes: 20,
    bufferMinutes: 5,
    walkMinutes: 5,
    holdMinutes: 10,
    changeCutoffHours: 24,
    bookingOpensAt: overrides.opensAt === undefined ? new Date('2026-10-19T08:00:00Z') : overrides.opensAt,
    bookingClosesAt: overrides.closesAt ?? null,
    separatedGuardians: overrides.separatedGuardians ?? 'separate',
  });
  const zone = overrides.timeZone ?? 'Europe/London';
  await replaceSessions(
    db,
    round.id,
    days.map((date) => {
      const s = { date, startTime: '15:30', endTime: '17:30', breaks: [{ start: '16:30', end: '16:45' }] };
      return { ...s, ...sessionInstants(s, zone) };
    }),
  );
  await setRoundClasses(db, round.id, [w.classA.id, w.classB.id]);
  await upsertRoundTeacher(db, { roundId: round.id, userId: w.teacherA.id, room: 'Room 4', videoUrl: 'https://meet.example/a', availability: null }, ['en']);
  await upsertRoundTeacher(db, { roundId: round.id, userId: w.teacherB.id, room: 'Room 9', videoUrl: null, availability: null }, ['en', 'es']);
  return round;
}

export async function buildInterpreter(db: Db, schoolId: string, roundId: string | null, languages: string[], name = 'Min-jun Lee') {
  const row = await insertInterpreter(db, { schoolId, name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@interpreters.example`, languages });
  if (roundId) await upsertRoundInterpreter(db, { roundId, interpreterId: row.id, availability: null });
  return row;
}

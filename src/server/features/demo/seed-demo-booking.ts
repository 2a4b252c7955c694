/** The demo school's conference booking (src/domain/demo/demo-booking.ts): set-up, interpreters, some families booked. */
import { randomUUID } from 'node:crypto';
import { BOOKED_EVERY, demoBookingSettings, demoInterpreters, demoRoomsFor, demoRoundDates, demoSessions, demoTeacherLanguages } from '../../../domain/demo/demo-booking';
import type { DemoSchool } from '../../../domain/demo/demo-school';
import { peopleOf } from '../../../domain/booking/rules';
import { instantOf, sessionInstants, slotsOf, wallClockOf } from '../../../domain/booking/slots';
import type { Deps } from '../../deps';
import { findRoundByName, insertBooking, insertInterpreter, insertPeople, replaceSessions, setRoundClasses, updateBookingSettings, upsertRoundInterpreter, upsertRoundTeacher, listSessions } from '../booking/booking.repo';
import { demoRound } from '../../../domain/demo/demo-preparation';
import type { DemoIds } from './seed-demo-portfolio';
import { demoSignIns } from './seed-demo-school';

export async function seedDemoBooking(deps: Pick<Deps, 'db' | 'now'>, demo: DemoSchool, ids: DemoIds): Promise<void> {
  const zone = demo.school.timeZone;
  const round = await findRoundByName(deps.db, ids.schoolId, demoRound.name);
  if (!round) return;
  const dates = demoRoundDates(wallClockOf(deps.now(), zone).date);
  await updateBookingSettings(deps.db, round.id, {
    ...demoBookingSettings,
    startsOn: dates.startsOn,
    endsOn: dates.endsOn,
    bookingOpensAt: instantOf(dates.opensOn, '08:00', zone),
    bookingClosesAt: null,
  });
  await replaceSessions(
    deps.db,
    round.id,
    dates.days.map((date, i) => {
      const s = demoSessions[i % demoSessions.length]!;
      return { date, ...s, ...sessionInstants({ date, ...s }, zone) };
    }),
  );
  await setRoundClasses(deps.db, round.id, demo.classes.map((c) => ids.classId.get(c.key)!));
  const rooms = demoRoomsFor(demo.classes.map((c) => c.key));
  const leadOf = new Map(demo.classes.map((c) => [c.key, ids.staffId.get(c.teachers.find((t) => t.role === 'lead')?.staffKey ?? '')!]));
  for (const c of demo.classes) {
    await upsertRoundTeacher(deps.db, { roundId: round.id, userId: leadOf.get(c.key)!, room: rooms[c.key] ?? null, videoUrl: `https://meet.example/${demo.school.slug}-${c.key}`, availability: null }, demoTeacherLanguages[c.key] ?? [demo.school.locale]);
  }
  for (const i of demoInterpreters) {
    const row = await insertInterpreter(deps.db, { schoolId: ids.schoolId, ...i });
    await upsertRoundInterpreter(deps.db, { roundId: round.id, interpreterId: row.id, availability: null });
  }

  // A quarter of the families have booked (never the printed demo families, nor anyone needing an
  // interpreter, so the demo's Korean family can book one).
  const printed = demoSignIns(demo);
  const keep = new Set([printed.guardian?.key, printed.korean?.key]);
  const sessions = await listSessions(deps.db, round.id);
  const slots = slotsOf({ sessions: sessions.map((s) => ({ id: s.id, date: s.date, startTime: s.startTime, endTime: s.endTime, breaks: s.breaks })), timeZone: zone, ...demoBookingSettings });
  const booked = new Set<string>();
  const now = deps.now();
  for (const c of demo.classes) {
    const teacherId = leadOf.get(c.key)!;
    const children = demo.students.filter((s) => s.classKey === c.key);
    let slotIndex = 1;
    for (const [n, child] of children.entries()) {
      if (n % BOOKED_EVERY !== 1) continue;
      const families = demo.guardians.filter((g) => g.children.some((k) => k.studentKey === child.key));
      const household = families[0];
      if (!household || families.some((g) => keep.has(g.key) || (g.preferredLocale && g.preferredLocale !== demo.school.locale)) || booked.has(household.key)) continue;
      if (household.children.some((k) => k.attendsSeparately)) continue;
      const slot = slots[(slotIndex += 3) % slots.length]!;
      const studentId = ids.studentId.get(child.key)!;
      const householdUserId = ids.guardianUserId.get(household.key)!;
      const b = await insertBooking(deps.db, {
        schoolId: ids.schoolId,
        roundId: round.id,
        teacherId,
        studentId,
        party: 'family',
        householdUserId,
        groupId: randomUUID(),
        status: 'confirmed',
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        language: demo.school.locale,
        attendees: [{ kind: 'guardian', userId: householdUserId }],
        confirmedAt: now,
        bookedBy: householdUserId,
      });
      await insertPeople(deps.db, b.id, peopleOf(b), b.startsAt, b.endsAt);
      booked.add(household.key);
    }
  }
}

/** The demo school's conference booking (src/domain/demo/demo-booking.ts): set-up, interpreters, some families booked. */
import { randomUUID } from 'node:crypto';
import { BOOKED_EVERY, demoBookingSettings, demoInterpreters, demoRoomsFor, demoRoundDates, demoSessions, demoSpringDates, demoSpringRound, demoTeacherLanguages } from '../../../domain/demo/demo-booking';
import { seededRandom } from '../../../domain/random';
import { clockOf } from '../../../domain/scheduling/format';
import { insertRound } from '../preparation/preparation.repo';
import { saveResponse } from '../scheduling/scheduling.repo';
import type { DemoSchool } from '../../../domain/demo/demo-school';
import { peopleOf } from '../../../domain/booking/rules';
import { instantOf, minutesOf, sessionInstants, slotsOf, wallClockOf } from '../../../domain/booking/slots';
import type { Deps } from '../../deps';
import { findRoundByName, insertBooking, insertInterpreter, insertPeople, replaceSessions, setRoundClasses, updateBookingSettings, upsertRoundInterpreter, upsertRoundTeacher, listSessions, listInterpreters } from '../booking/booking.repo';
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

/** The spring round (availability mode): set up like the autumn one, with most families' answers in. */
export async function seedDemoSpringRound(deps: Pick<Deps, 'db' | 'now'>, demo: DemoSchool, ids: DemoIds): Promise<void> {
  const zone = demo.school.timeZone;
  const dates = demoSpringDates(wallClockOf(deps.now(), zone).date);
  const roundId = await insertRound(deps.db, { schoolId: ids.schoolId, name: demoSpringRound.name, startsOn: dates.startsOn, endsOn: dates.endsOn });
  await updateBookingSettings(deps.db, roundId, {
    ...demoBookingSettings,
    // Shorter meetings than in the autumn: every family that answers can be given a time.
    slotMinutes: 10,
    bookingMode: 'availability',
    bookingOpensAt: instantOf(dates.opensOn, '08:00', zone),
    bookingClosesAt: instantOf(dates.closesOn, '18:00', zone),
  });
  await replaceSessions(
    deps.db,
    roundId,
    dates.days.map((date, i) => {
      const s = demoSessions[i % demoSessions.length]!;
      return { date, ...s, ...sessionInstants({ date, ...s }, zone) };
    }),
  );
  await setRoundClasses(deps.db, roundId, demo.classes.map((c) => ids.classId.get(c.key)!));
  const rooms = demoRoomsFor(demo.classes.map((c) => c.key));
  for (const c of demo.classes) {
    const lead = ids.staffId.get(c.teachers.find((t) => t.role === 'lead')?.staffKey ?? '')!;
    await upsertRoundTeacher(deps.db, { roundId, userId: lead, room: rooms[c.key] ?? null, videoUrl: null, availability: null }, demoTeacherLanguages[c.key] ?? [demo.school.locale]);
  }
  for (const i of await listInterpreters(deps.db, ids.schoolId)) await upsertRoundInterpreter(deps.db, { roundId, interpreterId: i.id, availability: null });

  const printed = demoSignIns(demo);
  const keep = new Set([printed.guardian?.key, printed.korean?.key]);
  const sessions = await listSessions(deps.db, roundId);
  const rand = seededRandom(2027);
  const now = deps.now();
  for (const g of demo.guardians) {
    if (keep.has(g.key) || rand() > demoSpringRound.answeredShare) continue;
    // Each evening: any time (most), a stretch of it, or not at all — but at least one evening.
    const windows = sessions.flatMap((s) => {
      const r = rand();
      if (r < 0.2) return [];
      if (r < 0.7) return [{ sessionId: s.id, start: s.startTime, end: s.endTime }];
      const from = minutesOf(s.startTime) + 30 * Math.floor(rand() * 3);
      return [{ sessionId: s.id, start: clockOf(from), end: clockOf(Math.min(minutesOf(s.endTime), from + 90 + 30 * Math.floor(rand() * 3))) }];
    });
    await saveResponse(deps.db, {
      roundId,
      householdUserId: ids.guardianUserId.get(g.key)!,
      windows: windows.length ? windows : [{ sessionId: sessions[0]!.id, start: sessions[0]!.startTime, end: sessions[0]!.endTime }],
      oneEvening: rand() < 0.8,
      note: '',
      submittedBy: ids.guardianUserId.get(g.key)!,
      updatedAt: now,
    });
  }
}

/**
 * The conferences on a person's home page: each upcoming round a guardian's children take part in
 * (how many are booked, whether booking is open), each one a teacher holds (a link to their
 * day sheet), and a child's own meetings (to present, then the record and the survey).
 */
import type { MyConferences } from '../../../contracts/booking';
import { bookingState } from '../../../domain/booking/rules';
import { wallClockOf } from '../../../domain/booking/slots';
import type { Actor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { ensureConferences } from '../conference/conference.repo';
import { findBookingRound, liveBookingsOfStudents, studentNames, upcomingRounds } from './booking.repo';
import { assignTeachers, loadHousehold } from './household';
import { loadRoundTimes } from './round-times';

export async function myConferences(deps: Deps, actor: Actor): Promise<MyConferences> {
  const out: MyConferences = { family: [], teaching: [], presenting: [] };
  if (actor.kind !== 'user') return out;
  const now = deps.now();
  const schoolIds = [...new Set([...actor.staff.map((s) => s.schoolId), ...actor.guardianOf.map((g) => g.schoolId), ...(actor.student ? [actor.student.schoolId] : [])])];
  for (const r of await upcomingRounds(deps.db, schoolIds, wallClockOf(now, 'UTC').date)) {
    const round = await findBookingRound(deps.db, r.id);
    if (!round) continue;
    const times = await loadRoundTimes(deps.db, round, now);
    const teacher = times.teachers.get(actor.userId);
    if (teacher && actor.staff.some((s) => s.schoolId === round.schoolId)) {
      out.teaching.push({ roundId: round.id, name: round.name, firstDay: times.sessions[0]?.date ?? null, booked: (times.busy.get(`teacher:${actor.userId}`) ?? []).length });
    }
    if (actor.student?.schoolId === round.schoolId) {
      const own = (await liveBookingsOfStudents(deps.db, round.id, [actor.student.studentId], now)).filter((b) => b.status === 'confirmed');
      for (const c of await ensureConferences(deps.db, own)) {
        const b = own.find((x) => x.id === c.bookingId)!;
        out.presenting.push({ conferenceId: c.id, startsAt: b.startsAt.toISOString(), status: c.status, recordVersion: c.recordVersion });
      }
    }
    if (!actor.guardianOf.some((g) => g.schoolId === round.schoolId)) continue;
    const found = await loadHousehold(deps.db, round, actor.userId);
    if (!found) continue;
    const household = await assignTeachers(deps, round, found, times);
    const taking = household.children.filter((c) => c.teacherId);
    if (taking.length === 0) continue;
    const booked = await liveBookingsOfStudents(deps.db, round.id, taking.map((c) => c.studentId), now);
    const ours = booked.filter((b) => b.status === 'confirmed' && taking.some((c) => c.studentId === b.studentId && c.party === b.party));
    const conferences = new Map((await ensureConferences(deps.db, ours)).map((c) => [c.bookingId, c]));
    const names = new Map((await studentNames(deps.db, ours.map((b) => b.studentId))).map((n) => [n.studentId, n.givenName]));
    out.family.push({
      roundId: round.id,
      name: round.name,
      state: bookingState({ bookingOpensAt: round.bookingOpensAt, bookingClosesAt: round.bookingClosesAt, firstMeetingAt: times.firstMeetingAt }, now),
      bookingOpensAt: round.bookingOpensAt?.toISOString() ?? null,
      children: taking.length,
      booked: taking.filter((c) => booked.some((b) => b.studentId === c.studentId && b.party === c.party && b.status === 'confirmed')).length,
      meetings: ours.flatMap((b) => {
        const c = conferences.get(b.id);
        return c ? [{ conferenceId: c.id, studentName: names.get(b.studentId) ?? '', startsAt: b.startsAt.toISOString(), status: c.status, recordVersion: c.recordVersion }] : [];
      }),
    });
  }
  out.presenting.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return out;
}

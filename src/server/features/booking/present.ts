/** Bookings as the API shows them, names and rooms filled in (in batches: one query per kind). */
import type { BookingView } from '../../../contracts/booking';
import { canFamilyChange, changeDeadline } from '../../../domain/booking/rules';
import type { Db } from '../../db/client';
import { interpreterNames, listRoundTeachers, studentNames, userNames, type BookingRound, type BookingRow } from './booking.repo';

/** `teachers`: the round's, when the caller has them already (one query fewer). */
export async function presentBookings(
  db: Db,
  round: BookingRound,
  rows: readonly BookingRow[],
  now: Date,
  known?: ReadonlyArray<{ userId: string; name: string; room: string | null; videoUrl: string | null }>,
): Promise<BookingView[]> {
  if (rows.length === 0) return [];
  const guardianIds = rows.flatMap((r) => r.attendees.flatMap((a) => (a.kind === 'guardian' ? [a.userId] : [])));
  const [students, people, interpreters, teachers] = await Promise.all([
    studentNames(db, [...new Set(rows.map((r) => r.studentId))]),
    userNames(db, [...new Set([...rows.map((r) => r.teacherId), ...guardianIds])]),
    interpreterNames(db, [...new Set(rows.flatMap((r) => (r.interpreterId ? [r.interpreterId] : [])))]),
    known ?? listRoundTeachers(db, round.id),
  ]);
  const studentName = new Map(students.map((s) => [s.studentId, `${s.givenName} ${s.familyName}`]));
  const personName = new Map(people.map((p) => [p.userId, p.name]));
  const interpreterName = new Map(interpreters.map((i) => [i.id, i.name]));
  const teacher = new Map(teachers.map((t) => [t.userId, t]));
  return rows.map((r) => ({
    id: r.id,
    groupId: r.groupId,
    roundId: r.roundId,
    status: r.status,
    holdExpiresAt: r.holdExpiresAt?.toISOString() ?? null,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    student: { id: r.studentId, name: studentName.get(r.studentId) ?? '' },
    teacher: { id: r.teacherId, name: personName.get(r.teacherId) ?? '', room: teacher.get(r.teacherId)?.room ?? null, videoUrl: teacher.get(r.teacherId)?.videoUrl ?? null },
    householdUserId: r.householdUserId,
    mode: r.mode,
    language: r.language,
    interpreter: r.interpreterId ? { id: r.interpreterId, name: interpreterName.get(r.interpreterId) ?? '' } : null,
    attendees: r.attendees.map((a) => (a.kind === 'guardian' ? { kind: 'guardian' as const, userId: a.userId, name: personName.get(a.userId) ?? '' } : a)),
    note: r.note,
    privateTime: r.privateTime,
    changeUntil: changeDeadline(r.startsAt, round.changeCutoffHours).toISOString(),
    canChange: (r.status === 'confirmed' || r.status === 'held') && canFamilyChange(r.startsAt, round.changeCutoffHours, now),
  }));
}

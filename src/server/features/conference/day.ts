/**
 * The teacher's conference day: their confirmed meetings of one date (today, in the school's zone,
 * unless asked), in order, each with who comes (substitute adult, interpreter, video link) and how
 * far it has got. The admin can open any teacher's day of their school.
 */
import type { ConferenceDay } from '../../../contracts/conference';
import { instantOf, wallClockOf } from '../../../domain/booking/slots';
import { DomainError } from '../../../domain/errors';
import { can, type Actor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { interpreterNames, listRoundTeachers, studentNames, userNames } from '../booking/booking.repo';
import { findSchool } from '../school/school.repo';
import { confirmedBookingsOfTeacher, ensureConferences } from './conference.repo';

export async function conferenceDay(deps: Deps, actor: Actor, query: { date?: string | undefined; teacherId?: string | undefined; schoolId?: string | undefined }): Promise<ConferenceDay> {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  const schoolId = query.schoolId ?? actor.staff[0]?.schoolId;
  if (!schoolId || !can(actor, 'booking.staff', { type: 'school', schoolId })) throw new DomainError('forbidden');
  const teacherId = query.teacherId ?? actor.userId;
  if (teacherId !== actor.userId && !can(actor, 'booking.manage', { type: 'school', schoolId })) throw new DomainError('forbidden');
  const school = await findSchool(deps.db, schoolId);
  if (!school) throw new DomainError('not_found');
  const date = query.date ?? wallClockOf(deps.now(), school.timeZone).date;
  const from = instantOf(date, '00:00', school.timeZone);
  const next = new Date(from.getTime() + 36 * 3600_000);
  const to = instantOf(wallClockOf(next, school.timeZone).date, '00:00', school.timeZone);
  const rows = (await confirmedBookingsOfTeacher(deps.db, teacherId, from, to)).filter((b) => b.schoolId === schoolId);
  const conferences = await ensureConferences(deps.db, rows);
  const byBooking = new Map(conferences.map((c) => [c.bookingId, c]));
  const [students, people, interpreters] = await Promise.all([
    studentNames(deps.db, [...new Set(rows.map((r) => r.studentId))]),
    userNames(deps.db, rows.flatMap((r) => r.attendees.flatMap((a) => (a.kind === 'guardian' ? [a.userId] : [])))),
    interpreterNames(deps.db, rows.flatMap((r) => (r.interpreterId ? [r.interpreterId] : []))),
  ]);
  const videoOf = new Map<string, string | null>();
  for (const roundId of new Set(rows.map((r) => r.roundId))) {
    const t = (await listRoundTeachers(deps.db, roundId)).find((x) => x.userId === teacherId);
    videoOf.set(roundId, t?.videoUrl ?? null);
  }
  const studentName = new Map(students.map((s) => [s.studentId, `${s.givenName} ${s.familyName}`]));
  const personName = new Map(people.map((p) => [p.userId, p.name]));
  const interpreterName = new Map(interpreters.map((i) => [i.id, i.name]));
  return {
    date,
    timeZone: school.timeZone,
    conferences: rows.flatMap((b) => {
      const c = byBooking.get(b.id);
      if (!c) return [];
      return [
        {
          conferenceId: c.id,
          bookingId: b.id,
          startsAt: b.startsAt.toISOString(),
          endsAt: b.endsAt.toISOString(),
          student: { id: b.studentId, name: studentName.get(b.studentId) ?? '' },
          mode: b.mode,
          language: b.language,
          interpreter: b.interpreterId ? { name: interpreterName.get(b.interpreterId) ?? '' } : null,
          attendees: b.attendees.map((a) => (a.kind === 'guardian' ? { kind: 'guardian' as const, userId: a.userId, name: personName.get(a.userId) ?? '' } : a)),
          videoUrl: b.mode === 'video' ? (videoOf.get(b.roundId) ?? null) : null,
          privateTime: b.privateTime,
          status: c.status,
          attendance: c.attendance,
          recordVersion: c.recordVersion,
        },
      ];
    }),
  };
}

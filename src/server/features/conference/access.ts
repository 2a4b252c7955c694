/**
 * Who may do what with one conference, from `can()` and the booking itself:
 *   - facilitate: the child's teachers and the admin (`conference.facilitate`), and the booking's own
 *     teacher (a specialist the family booked, who may not teach the child's class);
 *   - present: the child themself, or whoever facilitates (a class tablet opened by the teacher);
 *   - family: the child's guardians — but when separated guardians each booked their own meeting
 *     (`party` is a guardian's id), only that guardian: the other parent never sees it; and a
 *     guardian who books on their own does not see the rest of the family's meeting (`party` is
 *     'family') either, unless they booked it;
 *   - readRecord: any of these (the child too; `record.read`).
 * Anyone else of the school gets `forbidden`; anyone outside it `not_found` (the id is not confirmed).
 *
 * Worked example: Jasper's parents are separated and book separately. Meeting m1 is his mother's
 * (party = her id). His father opens /conferences/<m1>: `family` is false, `forbidden`. His mother
 * (who books apart) opens his father's meeting m2 (party = 'family'): `forbidden` too.
 */
import { DomainError } from '../../../domain/errors';
import { can, type Actor, type UserActor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import type { BookingRow } from '../booking/booking.repo';
import { findStudentSubject } from '../school/school.repo';
import { booksSeparately, findConferenceWithBooking, type ConferenceRow } from './conference.repo';

export type StudentSubject = { type: 'student'; studentId: string; schoolId: string; classIds: string[] };

export interface ConferenceAccess {
  actor: UserActor;
  conference: ConferenceRow;
  booking: BookingRow;
  subject: StudentSubject;
  facilitate: boolean;
  present: boolean;
  family: boolean;
  readRecord: boolean;
  /** The child themself (not a teacher opening the presenter). */
  isChild: boolean;
}

/** Whether this guardian is one of the booking's family (see the module's comment); `apart`: they book on their own. */
export function isOfFamily(booking: Pick<BookingRow, 'party' | 'householdUserId'>, userId: string, apart = false): boolean {
  return (booking.party === 'family' && !apart) || booking.party === userId || booking.householdUserId === userId;
}

export function accessFrom(actor: UserActor, conference: ConferenceRow, booking: BookingRow, subject: StudentSubject, apart = false): ConferenceAccess {
  const ownTeacher = booking.teacherId === actor.userId && actor.staff.some((s) => s.schoolId === subject.schoolId);
  const facilitate = ownTeacher || can(actor, 'conference.facilitate', subject);
  const isChild = actor.student?.studentId === subject.studentId && can(actor, 'conference.present', subject);
  const present = facilitate || isChild;
  const family = can(actor, 'conference.family', subject) && isOfFamily(booking, actor.userId, apart);
  return { actor, conference, booking, subject, facilitate, present, family, isChild, readRecord: facilitate || family || (isChild && can(actor, 'record.read', subject)) };
}

/** The conference and what the actor may do with it; refuses anyone with no part in it. */
export async function conferenceAccess(deps: Deps, actor: Actor, conferenceId: string): Promise<ConferenceAccess> {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  const found = await findConferenceWithBooking(deps.db, conferenceId);
  if (!found) throw new DomainError('not_found');
  const subjectRow = await findStudentSubject(deps.db, found.conference.studentId, { includeArchived: true });
  if (!subjectRow) throw new DomainError('not_found');
  const subject: StudentSubject = { type: 'student', studentId: found.conference.studentId, ...subjectRow };
  const guardian = actor.guardianOf.some((g) => g.studentId === subject.studentId);
  const apart = guardian && found.booking.party === 'family' && (await booksSeparately(deps.db, found.booking.roundId, subject.studentId, actor.userId));
  const access = accessFrom(actor, found.conference, found.booking, subject, apart);
  const active = found.booking.status === 'confirmed' || found.conference.recordVersion > 0;
  if (!active || (!access.present && !access.family && !access.readRecord)) {
    throw new DomainError(can(actor, 'school.read', { type: 'school', schoolId: subject.schoolId }) ? 'forbidden' : 'not_found');
  }
  return access;
}

/** Refuses unless `allowed` (the reader got this far, so the conference exists for them). */
export function need(allowed: boolean): void {
  if (!allowed) throw new DomainError('forbidden');
}

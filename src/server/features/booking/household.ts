/**
 * A household in a round: the guardian account whose booking it is, the children they book for
 * (with each child's teacher in the round and which "party" the meeting belongs to), the family's
 * meeting language and the other adults who can be named as coming.
 *
 * Parties: one meeting per child per round — except that, where the school lets separated guardians
 * book on their own, a guardian who attends separately has a meeting of their own for the child
 * (party = their user id); everyone else shares the family's (party = 'family').
 */
import { DomainError } from '../../../domain/errors';
import { can, type Actor, type UserActor } from '../../../domain/permissions/index';
import type { Db } from '../../db/client';
import type { Deps } from '../../deps';
import { authorize } from '../school/authorize';
import { guardianOf, guardiansOfStudents, householdChildren, roundClassesOfStudents, type BookingRound, type BookingRow } from './booking.repo';
import type { RoundTimes } from './round-times';

export interface HouseholdChild {
  studentId: string;
  name: string;
  className: string;
  teacherId: string | null;
  party: string;
}

export interface Household {
  householdUserId: string;
  guardian: NonNullable<Awaited<ReturnType<typeof guardianOf>>>;
  language: string;
  children: HouseholdChild[];
  /** Adults of the family (not separated from this household) who can be named as coming. */
  guardians: Array<{ userId: string; name: string; email: string | null; preferredLocale: string | null }>;
  /** Booking for someone else's household: the school, on a phone call. */
  onBehalf: boolean;
}

/**
 * The household the actor books for: their own (a guardian), or — for an admin — the one named.
 * Throws not_found / forbidden like every other read.
 */
export async function resolveHousehold(deps: Deps, actor: Actor, round: BookingRound, householdUserId: string | undefined): Promise<Household> {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  const onBehalf = Boolean(householdUserId && householdUserId !== actor.userId);
  if (onBehalf) authorize(actor, 'booking.manage', { type: 'school', schoolId: round.schoolId });
  const household = await loadHousehold(deps.db, round, onBehalf ? householdUserId! : actor.userId, onBehalf);
  if (!household) {
    // Staff and children of the school have no family booking; people of other schools see nothing.
    if (!onBehalf) authorize(actor, 'booking.manage', { type: 'school', schoolId: round.schoolId });
    throw new DomainError('not_found');
  }
  return household;
}

/** The household of a guardian account in the round's school, or null when they have no child there. */
export async function loadHousehold(db: Db, round: BookingRound, userId: string, onBehalf = false): Promise<Household | null> {
  const guardian = await guardianOf(db, userId);
  const rows = guardian ? await householdChildren(db, round.schoolId, userId) : [];
  if (!guardian || rows.length === 0) return null;
  const studentIds = rows.map((r) => r.studentId);
  const guardianRows = await guardiansOfStudents(db, studentIds);
  const children: HouseholdChild[] = rows.map((r) => ({
    studentId: r.studentId,
    name: `${r.givenName} ${r.familyName}`,
    className: '',
    teacherId: null,
    party: round.separatedGuardians === 'separate' && r.attendsSeparately ? userId : 'family',
  }));
  // The family's adults: guardians of these children who share the household's party.
  const separatedHere = rows.some((r) => r.attendsSeparately) && round.separatedGuardians === 'separate';
  const adults = new Map<string, Household['guardians'][number]>();
  for (const g of guardianRows) {
    if (g.archived) continue;
    if (g.userId !== userId && (separatedHere || g.attendsSeparately)) continue;
    adults.set(g.userId, { userId: g.userId, name: g.name, email: g.email, preferredLocale: g.preferredLocale });
  }
  return { householdUserId: userId, guardian, language: guardian.language ?? guardian.preferredLocale ?? round.schoolLocale, children, guardians: [...adults.values()], onBehalf };
}

/** Each child's teacher in the round: the lead teacher of their participating class who takes part. */
export async function assignTeachers(deps: Pick<Deps, 'db'>, round: BookingRound, household: Household, times: RoundTimes): Promise<Household> {
  const classRows = await roundClassesOfStudents(
    deps.db,
    round.id,
    household.children.map((c) => c.studentId),
  );
  return {
    ...household,
    children: household.children.map((c) => {
      const lead = classRows.find((r) => r.studentId === c.studentId && r.role === 'lead' && r.teacherId && times.teachers.has(r.teacherId));
      const any = classRows.find((r) => r.studentId === c.studentId && r.teacherId && times.teachers.has(r.teacherId));
      return { ...c, teacherId: (lead ?? any)?.teacherId ?? null, className: (lead ?? any)?.className ?? c.className };
    }),
  };
}

/** May this person change this booking, and on what terms? */
export function accessToBooking(actor: Actor, booking: BookingRow, guardianParty: string | null): 'school' | 'teacher' | 'family' | null {
  if (actor.kind !== 'user') return null;
  if (can(actor, 'booking.manage', { type: 'school', schoolId: booking.schoolId })) return 'school';
  if (booking.teacherId === actor.userId && can(actor, 'booking.staff', { type: 'school', schoolId: booking.schoolId })) return 'teacher';
  if (guardianParty !== null && booking.party === guardianParty) return 'family';
  return null;
}

/** The party a guardian books a child under in this round, or null when they are not the child's guardian. */
export async function partyOf(deps: Deps, actor: UserActor, round: BookingRound, studentId: string): Promise<string | null> {
  if (!actor.guardianOf.some((g) => g.studentId === studentId)) return null;
  const rows = await householdChildren(deps.db, round.schoolId, actor.userId);
  const row = rows.find((r) => r.studentId === studentId);
  if (!row) return null;
  return round.separatedGuardians === 'separate' && row.attendsSeparately ? actor.userId : 'family';
}

/** Use cases that read the school's people: each checks `can()` before it reads anything private. */
import { DomainError } from '../../../domain/errors';
import { can, type Actor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { countPendingByClass } from '../portfolio/portfolio.repo';
import { authorize } from './authorize';
import {
  findClassSubject,
  findClassWithMembers,
  findSchool,
  findStudentProfile,
  findStudentSubject,
  listClassesOfSchool,
  listClassesTaughtBy,
  listGuardiansOfStudent,
} from './school.repo';

export async function getSchool(deps: Deps, actor: Actor, schoolId: string) {
  const school = await findSchool(deps.db, schoolId);
  if (!school) throw new DomainError('not_found');
  authorize(actor, 'school.read', { type: 'school', schoolId });
  return school;
}

/** Staff home: the classes a teacher teaches; an admin sees every class of the school too. */
export async function listMyClasses(deps: Deps, actor: Actor) {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  const rows = await listClassesTaughtBy(deps.db, actor.userId);
  const pending = await countPendingByClass(deps.db, rows.map((c) => c.id));
  const taught = rows.map((c) => ({ ...c, pendingPosts: pending.get(c.id) ?? 0 }));
  const adminSchools = [...new Set(actor.staff.map((s) => s.schoolId))].filter((schoolId) => can(actor, 'class.listAll', { type: 'school', schoolId }));
  const all = (await Promise.all(adminSchools.map((id) => listClassesOfSchool(deps.db, id)))).flat();
  return { taught, school: all.filter((c) => !taught.some((t) => t.id === c.id)) };
}

export async function getClass(deps: Deps, actor: Actor, classId: string) {
  const subject = await findClassSubject(deps.db, classId);
  if (!subject) throw new DomainError('not_found');
  authorize(actor, 'class.read', { type: 'class', classId, ...subject });
  const found = await findClassWithMembers(deps.db, classId);
  if (!found) throw new DomainError('not_found');
  return found;
}

export async function getStudent(deps: Deps, actor: Actor, studentId: string) {
  // Archived children stay readable by the admin (to restore them), by nobody else.
  const subject = (await findStudentSubject(deps.db, studentId)) ?? (await archivedForAdmin(deps, actor, studentId));
  if (!subject) throw new DomainError('not_found');
  const full = { type: 'student' as const, studentId, ...subject };
  authorize(actor, 'student.read', full);
  const profile = await findStudentProfile(deps.db, studentId);
  if (!profile) throw new DomainError('not_found');
  // Staff see the whole family; a guardian sees a guarded view (familyView); the child sees none.
  let guardians: Array<Omit<Awaited<ReturnType<typeof listGuardiansOfStudent>>[number], 'userId'>> | null = null;
  if (can(actor, 'student.contacts.read', full)) guardians = (await listGuardiansOfStudent(deps.db, studentId)).map(({ userId: _u, ...g }) => g);
  else if (can(actor, 'student.family.read', full)) guardians = familyView(await listGuardiansOfStudent(deps.db, studentId), actor.userId);
  return { ...profile, guardians };
}

/** Guardian home: each of their children with classes and teachers. */
export async function listMyChildren(deps: Deps, actor: Actor) {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  const children = await Promise.all(actor.guardianOf.map((g) => findStudentProfile(deps.db, g.studentId)));
  return children.filter((c) => c !== undefined).sort((a, b) => a.givenName.localeCompare(b.givenName));
}

/**
 * What a guardian sees of the child's family: their own row in full; other guardians' names and
 * relationship only; and if either side attends separately, nothing of the other.
 * Example: Hannah and Marcus are separated (attend separately). Hannah sees only herself. In a
 * family where María and Carlos both attend, María sees Carlos's name, not his email or phone.
 */
export function familyView<G extends { userId: string; attendsSeparately: boolean; email: string | null; phone: string | null; preferredLocale: string | null }>(
  all: G[],
  viewerUserId: string,
): Array<Omit<G, 'userId'>> {
  const me = all.find((g) => g.userId === viewerUserId);
  return all
    .filter((g) => g.userId === viewerUserId || (!me?.attendsSeparately && !g.attendsSeparately))
    .map(({ userId, ...g }) => (userId === viewerUserId ? g : { ...g, email: null, phone: null, preferredLocale: null }));
}

async function archivedForAdmin(deps: Deps, actor: Actor, studentId: string) {
  const subject = await findStudentSubject(deps.db, studentId, { includeArchived: true });
  return subject && can(actor, 'roster.manage', { type: 'school', schoolId: subject.schoolId }) ? subject : undefined;
}

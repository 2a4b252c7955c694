/** Use cases that read the school's people: each checks `can()` before it reads anything private. */
import { DomainError } from '../../../domain/errors';
import { can, type Actor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
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
  const taught = await listClassesTaughtBy(deps.db, actor.userId);
  const adminSchools = [...new Set(actor.staff.filter((s) => s.role === 'admin').map((s) => s.schoolId))];
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
  const subject = await findStudentSubject(deps.db, studentId);
  if (!subject) throw new DomainError('not_found');
  const full = { type: 'student' as const, studentId, ...subject };
  authorize(actor, 'student.read', full);
  const profile = await findStudentProfile(deps.db, studentId);
  if (!profile) throw new DomainError('not_found');
  // A child sees their own name, picture and classes, not their family's contact details.
  const guardians = can(actor, 'student.contacts.read', full) ? await listGuardiansOfStudent(deps.db, studentId) : null;
  return { ...profile, guardians };
}

/** Guardian home: each of their children with classes and teachers. */
export async function listMyChildren(deps: Deps, actor: Actor) {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  const children = await Promise.all(actor.guardianOf.map((g) => findStudentProfile(deps.db, g.studentId)));
  return children.filter((c) => c !== undefined).sort((a, b) => a.givenName.localeCompare(b.givenName));
}

/**
 * Commitments: the child, their teacher and each guardian write their own promise to a goal ("I
 * will read with her every evening"). Each person writes, changes and removes only their own —
 * nobody can write someone else's, not a teacher for a parent and not an admin for anyone, since a
 * commitment is a person's own word.
 *
 * Worked example (Ava in Owls; Mr Okafor teaches Owls; Emma is Ava's mother; Ms Whitfield is the
 * admin):
 *   commitmentRoleOf(ava, ava)        → 'student'
 *   commitmentRoleOf(okafor, ava)     → 'teacher'  (an assistant of Owls too)
 *   commitmentRoleOf(emma, ava)       → 'guardian'
 *   commitmentRoleOf(whitfield, ava)  → null       (she reads every goal but has no promise to make)
 *   mayWriteCommitment(okafor, ava, emma.userId) → false: Emma's box is Emma's
 */
import type { Actor, Subject } from '../permissions/index';

export type CommitmentRole = 'student' | 'teacher' | 'guardian';
export type StudentSubject = Extract<Subject, { type: 'student' }>;

/**
 * The role in which a person commits to a child's goal, or null if they have none. Someone with two
 * (a teacher whose own child is in their class) writes one commitment, in this order of roles:
 * the child, then a guardian (the conference is the family's), then a teacher.
 */
export function commitmentRoleOf(actor: Actor, subject: StudentSubject): CommitmentRole | null {
  if (actor.kind !== 'user') return null;
  if (actor.student?.studentId === subject.studentId && actor.student.schoolId === subject.schoolId) return 'student';
  if (actor.guardianOf.some((g) => g.schoolId === subject.schoolId && g.studentId === subject.studentId)) return 'guardian';
  if (actor.teaches.some((t) => t.schoolId === subject.schoolId && subject.classIds.includes(t.classId))) return 'teacher';
  return null;
}

/** Only one's own commitment, and only as someone with a role towards the child. */
export function mayWriteCommitment(actor: Actor, subject: StudentSubject, ownerUserId: string): boolean {
  return actor.kind === 'user' && actor.userId === ownerUserId && commitmentRoleOf(actor, subject) !== null;
}

export interface Stakeholder {
  userId: string;
  role: CommitmentRole;
}

/**
 * The boxes a goal shows, one per person, in this order: the child, their teachers, each guardian;
 * then anyone else who has written one (a teacher who has since moved class). A person with two
 * roles gets one box, in the role `commitmentRoleOf` gives them.
 */
export function stakeholderBoxes(people: { child: string; teachers: readonly string[]; guardians: readonly string[] }, written: readonly Stakeholder[]): Stakeholder[] {
  const out = new Map<string, Stakeholder>();
  const add = (userId: string, role: CommitmentRole) => {
    if (!out.has(userId)) out.set(userId, { userId, role });
  };
  add(people.child, 'student');
  const guardians = new Set(people.guardians);
  for (const userId of people.teachers) if (!guardians.has(userId)) add(userId, 'teacher');
  for (const userId of people.guardians) add(userId, 'guardian');
  for (const w of written) add(w.userId, w.role);
  const order = { student: 0, teacher: 1, guardian: 2 } as const;
  return [...out.values()].sort((a, b) => order[a.role] - order[b.role]);
}

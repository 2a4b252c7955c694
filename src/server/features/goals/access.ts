/**
 * What a person may do with one child's goals, from `can()` and the commitment rules in
 * domain/goals. A child-level request (the child's goals, a new goal) answers like the child's
 * portfolio: `forbidden` to someone of the school with no right to it, `not_found` to anyone else.
 * A request about one goal answers `not_found` to whoever may not read the child's goals — a goal
 * id is not even confirmed to exist — and `forbidden` to a reader who may not do this.
 */
import { DomainError } from '../../../domain/errors';
import { commitmentRoleOf, type CommitmentRole, type StudentSubject } from '../../../domain/goals/commitments';
import type { StatusChanger } from '../../../domain/goals/goals';
import { can, type Action, type Actor, type UserActor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { accessOf, type ChildAccess } from '../portfolio/access';
import { authorize } from '../school/authorize';
import { findStudentSubject } from '../school/school.repo';
import { findGoal, type GoalRow } from './goals.repo';

export interface GoalsAccess {
  actor: UserActor;
  subject: StudentSubject;
  read: boolean;
  /** Set goals, edit them, change their status, check in: the child and their teachers. */
  manage: boolean;
  /** May write a commitment (their own) at all. */
  commit: boolean;
  /** The role their own commitment has (null: they have none to write). */
  role: CommitmentRole | null;
  /** Who they are when changing a status (null: they may not). */
  changer: Exclude<StatusChanger, 'system'> | null;
  /** What they see of the child's posts (which evidence is shown to them). */
  portfolio: ChildAccess;
}

export function goalsAccessOf(actor: UserActor, subject: StudentSubject): GoalsAccess {
  const manage = can(actor, 'goals.manage', subject);
  const role = commitmentRoleOf(actor, subject);
  return {
    actor,
    subject,
    read: can(actor, 'goals.read', subject),
    manage,
    commit: can(actor, 'goals.commit', subject) && role !== null,
    role,
    changer: manage ? (role === 'student' ? 'student' : 'teacher') : null,
    portfolio: accessOf(actor, { ...subject, classIds: [...subject.classIds] }),
  };
}

async function subjectOf(deps: Deps, studentId: string): Promise<StudentSubject | undefined> {
  const found = await findStudentSubject(deps.db, studentId);
  return found ? { type: 'student', studentId, ...found } : undefined;
}

/** A child's goals as a whole: `action` is goals.read (to see them) or goals.manage (to set one). */
export async function childGoalsAccess(deps: Deps, actor: Actor, studentId: string, action: Extract<Action, 'goals.read' | 'goals.manage'>): Promise<GoalsAccess> {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  const subject = await subjectOf(deps, studentId);
  if (!subject) throw new DomainError('not_found');
  authorize(actor, action, subject);
  return goalsAccessOf(actor, subject);
}

/** One goal, if the reader may read the child's goals (else not_found). */
export async function goalWithAccess(deps: Deps, actor: Actor, goalId: string): Promise<{ goal: GoalRow; access: GoalsAccess }> {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  const goal = await findGoal(deps.db, goalId);
  const subject = goal ? await subjectOf(deps, goal.studentId) : undefined;
  if (!goal || !subject || !can(actor, 'goals.read', subject)) throw new DomainError('not_found');
  return { goal, access: goalsAccessOf(actor, subject) };
}

/**
 * The teacher's readiness board for a class and round: for each child, how far they are (picked,
 * reflected, goal set), who asked for or needs help, and the teacher's scaffolding note. From a
 * child's row the teacher opens their preparation, sends a reflection back to improve, or notes
 * how to help ("start with the picture: what did you draw first?").
 */
import type { ReadinessBoard } from '../../../contracts/preparation';
import { DomainError } from '../../../domain/errors';
import type { Actor } from '../../../domain/permissions/index';
import { tally } from '../../../domain/preparation/readiness';
import type { Deps } from '../../deps';
import { authorize } from '../school/authorize';
import { preparationAccess, readinessOf } from './child-preparation';
import { answersOf, childrenOfClass, findClass, findSelection, listPrompts, preparationsOf, roundGoalsOf, savePreparation, selectionsOf, sendBackSelection } from './preparation.repo';
import { presentRound, roundInSchool } from './rounds';

export async function getReadinessBoard(deps: Deps, actor: Actor, classId: string, roundId: string): Promise<ReadinessBoard> {
  const cls = await findClass(deps.db, classId);
  if (!cls) throw new DomainError('not_found');
  authorize(actor, 'preparation.manage', { type: 'class', classId, schoolId: cls.schoolId });
  const round = await roundInSchool(deps, actor, roundId);
  if (round.schoolId !== cls.schoolId) throw new DomainError('not_found');
  const children = await childrenOfClass(deps.db, classId);
  const ids = children.map((c) => c.id);
  const prompts = await listPrompts(deps.db, roundId, [...new Set(children.flatMap((c) => c.classIds))]);
  const rows = await selectionsOf(deps.db, prompts.map((p) => p.id), ids);
  const answers = await answersOf(deps.db, rows.map((r) => r.id));
  const goals = await roundGoalsOf(deps.db, roundId, ids);
  const flags = new Map((await preparationsOf(deps.db, roundId, ids)).map((p) => [p.studentId, p]));
  const students = children.map((c) => ({
    id: c.id,
    givenName: c.givenName,
    familyName: c.familyName,
    avatar: c.avatar,
    readiness: readinessOf(c, prompts, rows, answers, goals.some((g) => g.studentId === c.id && g.childCommitted && g.what.trim()), flags.get(c.id)?.needsHelp ?? false),
    scaffoldingNote: flags.get(c.id)?.scaffoldingNote ?? null,
  }));
  return {
    round: presentRound(round),
    classId,
    className: cls.name,
    promptCount: prompts.filter((p) => p.classId === classId).length,
    tally: tally(students.map((s) => s.readiness.status)),
    students,
  };
}

/** The teacher's flags on one child's preparation: needs help (or not any more), a scaffolding note. */
export async function notePreparation(deps: Deps, actor: Actor, studentId: string, roundId: string, change: { needsHelp?: boolean; scaffoldingNote?: string | null }): Promise<void> {
  const access = await preparationAccess(deps, actor, studentId);
  if (!access.review) throw new DomainError('forbidden');
  const round = await roundInSchool(deps, actor, roundId);
  if (round.schoolId !== access.subject.schoolId) throw new DomainError('not_found');
  const note = change.scaffoldingNote === undefined ? {} : { scaffoldingNote: change.scaffoldingNote || null, scaffoldingNoteBy: access.actor.userId };
  await savePreparation(deps.db, roundId, studentId, { ...(change.needsHelp === undefined ? {} : { needsHelp: change.needsHelp }), ...note }, deps.now());
}

/** Sends a reflection back to the child with what to improve; it shows until they change an answer. */
export async function sendBackReflection(deps: Deps, actor: Actor, selectionId: string, comment: string): Promise<void> {
  const selection = await findSelection(deps.db, selectionId);
  if (!selection) throw new DomainError('not_found');
  const access = await preparationAccess(deps, actor, selection.studentId);
  if (!access.review) throw new DomainError('forbidden');
  await sendBackSelection(deps.db, selectionId, comment, access.actor.userId, deps.now());
}

/**
 * What a person may do with one child's pupil conferences, from `can()` and the visibility rules of
 * domain/conferencing/log.ts. Child-level requests answer like the child's portfolio (`forbidden`
 * to someone of the school with no right, `not_found` to anyone else); one conference answers
 * `not_found` to whoever may not read it — its id is not even confirmed to exist.
 */
import { DomainError } from '../../../domain/errors';
import { canReadConference, type ConferenceReader } from '../../../domain/conferencing/log';
import { defaultsFor, templates, type Stage } from '../../../domain/conferencing/stages';
import { schoolToday } from '../../../domain/goals/periods';
import { can, type Action, type Actor, type UserActor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { authorize } from '../school/authorize';
import { findStudentSubject } from '../school/school.repo';
import { findChildren, findConference, findConferencingSettings, type PupilConferenceRow } from './conferencing.repo';

export type StudentSubject = { type: 'student'; studentId: string; schoolId: string; classIds: string[] };

export interface ChildConferencing {
  actor: UserActor;
  subject: StudentSubject;
  child: Awaited<ReturnType<typeof findChildren>>[number];
  stages: Stage[];
  /** The school's stages are the template (not yet changed). */
  templated: boolean;
  familiesRead: boolean;
  timeZone: string;
  today: string;
  log: boolean;
  read: boolean;
  request: boolean;
  partner: boolean;
}

export function stagesOf(stored: Stage[] | null | undefined): { stages: Stage[]; templated: boolean } {
  return stored && stored.length ? { stages: stored, templated: false } : { stages: templates.uk_primary, templated: true };
}

async function subjectOf(deps: Deps, studentId: string): Promise<StudentSubject | undefined> {
  const found = await findStudentSubject(deps.db, studentId);
  return found ? { type: 'student', studentId, ...found } : undefined;
}

export async function conferencingOf(deps: Deps, actor: UserActor, subject: StudentSubject): Promise<ChildConferencing> {
  const [settings, [child]] = await Promise.all([findConferencingSettings(deps.db, subject.schoolId), findChildren(deps.db, [subject.studentId])]);
  if (!settings || !child) throw new DomainError('not_found');
  const { stages, templated } = stagesOf(settings.stages);
  const self = can(actor, 'conferencing.request', subject);
  return {
    actor,
    subject,
    child,
    stages,
    templated,
    familiesRead: settings.familiesRead,
    timeZone: settings.timeZone,
    today: schoolToday(deps.now(), settings.timeZone),
    log: can(actor, 'conferencing.log', subject),
    read: can(actor, 'conferencing.read', subject),
    request: self && defaultsFor(stages, child.gradeLevel).requests,
    partner: can(actor, 'conferencing.partner', subject),
  };
}

/** A child's conferencing as a whole: `action` is what the request needs. */
export async function childConferencing(deps: Deps, actor: Actor, studentId: string, action: Extract<Action, 'conferencing.read' | 'conferencing.log' | 'conferencing.request' | 'conferencing.partner' | 'journey.read'>): Promise<ChildConferencing> {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  const subject = await subjectOf(deps, studentId);
  if (!subject) throw new DomainError('not_found');
  authorize(actor, action, subject);
  return conferencingOf(deps, actor, subject);
}

export function readerOf(access: ChildConferencing, row: Pick<PupilConferenceRow, 'authorId'>): ConferenceReader {
  return {
    staff: access.log,
    self: can(access.actor, 'student.read', access.subject) && access.actor.student?.studentId === access.subject.studentId,
    guardian: can(access.actor, 'conferencing.read', access.subject) && access.actor.guardianOf.some((g) => g.studentId === access.subject.studentId),
    author: row.authorId === access.actor.userId,
    familiesMayRead: access.familiesRead,
  };
}

export function mayRead(access: ChildConferencing, row: Pick<PupilConferenceRow, 'authorId' | 'status'>): boolean {
  return canReadConference(readerOf(access, row), row.status);
}

/** One conference, if the reader may see it (else not_found). */
export async function conferenceWithAccess(deps: Deps, actor: Actor, conferenceId: string): Promise<{ row: PupilConferenceRow; access: ChildConferencing }> {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  const row = await findConference(deps.db, conferenceId);
  const subject = row ? await subjectOf(deps, row.studentId) : undefined;
  if (!row || !subject) throw new DomainError('not_found');
  const access = await conferencingOf(deps, actor, subject);
  if (!mayRead(access, row)) throw new DomainError('not_found');
  return { row, access };
}

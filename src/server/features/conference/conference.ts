/**
 * Conference day as the three people in the room live it: the child moves through their agenda on
 * a tablet, the teacher facilitates (starts, notes, attendance, ends, writes the outcomes), and the
 * family follows on their own phone. Every change nudges the live pages of this conference (and,
 * for start and end, of the teacher's evening: the families after it see their new expected time).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { agendaChange, AgendaStepView, ConferenceLive, ConferenceView, outcomesChange } from '../../../contracts/conference';
import { checkAgenda, defaultAgenda, normaliseAgenda, type AgendaStep } from '../../../domain/conference/agenda';
import { DomainError } from '../../../domain/errors';
import { commitmentRoleOf } from '../../../domain/goals/commitments';
import type { Actor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { streamSnapshots } from '../../live/hub';
import { topics } from '../../live/topics';
import { conferenceAccess, need, type ConferenceAccess } from './access';
import { appendNote, liveStamp, endConference, saveAgenda, startConference, updateConference, type ConferenceRow } from './conference.repo';
import { gather } from './gather';
import { dayChanged } from './late';
import { conferenceEnded } from './surveys';

export function liveOf(c: ConferenceRow, stamp: string): ConferenceLive {
  return {
    status: c.status,
    currentStepId: c.currentStepId,
    startedAt: c.startedAt?.toISOString() ?? null,
    endedAt: c.endedAt?.toISOString() ?? null,
    revision: `${c.updatedAt.getTime()}:${stamp}`,
  };
}

export async function getConference(deps: Deps, actor: Actor, conferenceId: string): Promise<ConferenceView> {
  const access = await conferenceAccess(deps, actor, conferenceId);
  return viewOf(deps, access);
}

async function viewOf(deps: Deps, access: ConferenceAccess): Promise<ConferenceView> {
  const { conference: c, booking: b } = access;
  const g = await gather(deps, c, b, access.subject.classIds);
  const stamp = await liveStamp(deps.db, c.roundId, c.studentId);
  const pieceOf = new Map(g.pieces.map((p) => [p.selectionId, p]));
  const role = commitmentRoleOf(access.actor, access.subject);
  return {
    id: c.id,
    bookingId: b.id,
    roundId: c.roundId,
    round: { name: g.round.name, slotMinutes: g.round.slotMinutes, timeZone: g.round.timeZone },
    student: g.student,
    teacher: g.teacher,
    startsAt: b.startsAt.toISOString(),
    endsAt: b.endsAt.toISOString(),
    mode: b.mode,
    language: b.language,
    interpreter: g.interpreter,
    attendees: g.attendees,
    privateTime: access.facilitate || access.family ? b.privateTime : false,
    live: liveOf(c, stamp),
    attendance: c.attendance,
    agenda: g.agenda.flatMap((s): AgendaStepView[] => {
      if (s.kind !== 'piece') return [s];
      const piece = pieceOf.get(s.selectionId);
      if (!piece) return [];
      const { mediaIds: _m, audioIds: _a, promptTitles: _p, questionTexts: _q, ...view } = piece;
      return [{ kind: 'piece' as const, id: s.id, piece: view }];
    }),
    agendaCustomised: c.agenda !== null,
    goals: g.goals,
    strengths: g.strengths,
    workingOn: g.workingOn,
    notes: access.facilitate ? c.notes : null,
    scaffoldingNote: access.facilitate ? g.scaffoldingNote : null,
    summary: access.facilitate ? c.summary : null,
    nextSteps: c.nextSteps,
    recordVersion: c.recordVersion,
    me: { userId: access.actor.userId, commitmentRole: role },
    can: { present: access.present, facilitate: access.facilitate, family: access.family, readRecord: access.readRecord && c.recordVersion > 0 },
  };
}

/** The conference's live state as server-sent events, for whoever may see the conference. */
export async function streamConference(deps: Deps, actor: Actor, conferenceId: string, request: FastifyRequest, reply: FastifyReply, once = false): Promise<void> {
  const access = await conferenceAccess(deps, actor, conferenceId);
  await streamSnapshots(deps.live, request, reply, {
    topics: [topics.conference(conferenceId)],
    pollMs: 3000,
    once,
    load: async () => {
      const again = await conferenceAccess(deps, actor, conferenceId);
      const stamp = await liveStamp(deps.db, access.conference.roundId, access.conference.studentId);
      return liveOf(again.conference, stamp);
    },
  });
}

function changed(deps: Deps, c: Pick<ConferenceRow, 'id' | 'teacherId'>, day = false) {
  deps.live.publish(topics.conference(c.id));
  return day ? dayChanged(deps, c.teacherId) : Promise.resolve();
}

/** The child (or the teacher for them) moves to a step of the agenda. */
export async function setStep(deps: Deps, actor: Actor, conferenceId: string, stepId: string): Promise<void> {
  const access = await conferenceAccess(deps, actor, conferenceId);
  need(access.present);
  const g = await gather(deps, access.conference, access.booking, access.subject.classIds);
  if (!g.agenda.some((s) => s.id === stepId)) throw new DomainError('validation_failed', { fields: { stepId: 'unknown_step' } });
  await updateConference(deps.db, conferenceId, { currentStepId: stepId }, deps.now());
  await changed(deps, access.conference);
}

/** The teacher's order and own steps. Sending the built order back (or an empty change) returns to following the child's preparation. */
export async function changeAgenda(deps: Deps, actor: Actor, conferenceId: string, change: z.output<typeof agendaChange>): Promise<void> {
  const access = await conferenceAccess(deps, actor, conferenceId);
  need(access.facilitate);
  if (access.conference.status === 'ended') throw new DomainError('conference_ended');
  const g = await gather(deps, access.conference, access.booking, access.subject.classIds);
  const selectionIds = g.pieces.map((p) => p.selectionId);
  const steps = normaliseAgenda(change.steps as AgendaStep[]);
  const problem = checkAgenda(steps, selectionIds);
  if (problem) throw new DomainError('validation_failed', { fields: { [`steps.${problem.index}`]: problem.problem } });
  const isDefault = JSON.stringify(steps) === JSON.stringify(defaultAgenda(selectionIds));
  await saveAgenda(deps.db, conferenceId, isDefault ? null : steps, deps.now());
  await changed(deps, access.conference);
}

export async function start(deps: Deps, actor: Actor, conferenceId: string): Promise<void> {
  const access = await conferenceAccess(deps, actor, conferenceId);
  need(access.facilitate);
  if (access.conference.status === 'ended') throw new DomainError('conference_ended');
  await startConference(deps.db, conferenceId, deps.now());
  await changed(deps, access.conference, true);
}

/**
 * The teacher forgot to press Start: they say when it began (not in the future, not before the
 * meeting's day). The families after it see expected times from the corrected start.
 */
export async function correctStart(deps: Deps, actor: Actor, conferenceId: string, startedAtIso: string): Promise<void> {
  const access = await conferenceAccess(deps, actor, conferenceId);
  need(access.facilitate);
  if (access.conference.status === 'scheduled') throw new DomainError('conflict');
  const startedAt = new Date(startedAtIso);
  const now = deps.now();
  const earliest = new Date(access.booking.startsAt.getTime() - 3 * 3600_000);
  const latest = access.conference.endedAt ?? now;
  if (startedAt > latest || startedAt > now) throw new DomainError('validation_failed', { fields: { startedAt: 'in_future' } });
  if (startedAt < earliest) throw new DomainError('validation_failed', { fields: { startedAt: 'too_early' } });
  await updateConference(deps.db, conferenceId, { startedAt }, now);
  await changed(deps, access.conference, true);
}

export async function end(deps: Deps, actor: Actor, conferenceId: string): Promise<void> {
  const access = await conferenceAccess(deps, actor, conferenceId);
  need(access.facilitate);
  if (access.conference.status === 'ended') return;
  const ended = await endConference(deps.db, conferenceId, deps.now());
  if (ended && ended.attendance === null) await updateConference(deps.db, conferenceId, { attendance: 'attended' }, deps.now());
  await changed(deps, access.conference, true);
  await conferenceEnded(deps, conferenceId);
}

/** Attended, or the family did not come (a conference in progress cannot be a no-show). */
export async function setAttendance(deps: Deps, actor: Actor, conferenceId: string, attendance: 'attended' | 'no_show' | null): Promise<void> {
  const access = await conferenceAccess(deps, actor, conferenceId);
  need(access.facilitate);
  if (attendance !== 'attended' && access.conference.status !== 'scheduled') throw new DomainError('conflict');
  await updateConference(deps.db, conferenceId, { attendance }, deps.now());
  await changed(deps, access.conference, true);
}

export async function addNote(deps: Deps, actor: Actor, conferenceId: string, text: string): Promise<{ id: string }> {
  const access = await conferenceAccess(deps, actor, conferenceId);
  need(access.facilitate);
  const note = { id: randomUUID(), at: deps.now().toISOString(), text };
  await appendNote(deps.db, conferenceId, note, deps.now());
  await changed(deps, access.conference);
  return { id: note.id };
}

export async function removeNote(deps: Deps, actor: Actor, conferenceId: string, noteId: string): Promise<void> {
  const access = await conferenceAccess(deps, actor, conferenceId);
  need(access.facilitate);
  if (!access.conference.notes.some((n) => n.id === noteId)) throw new DomainError('not_found');
  await updateConference(deps.db, conferenceId, { notes: access.conference.notes.filter((n) => n.id !== noteId) }, deps.now());
  await changed(deps, access.conference);
}

export async function saveOutcomes(deps: Deps, actor: Actor, conferenceId: string, change: z.output<typeof outcomesChange>): Promise<void> {
  const access = await conferenceAccess(deps, actor, conferenceId);
  need(access.facilitate);
  await updateConference(deps.db, conferenceId, { ...(change.summary !== undefined ? { summary: change.summary } : {}), ...(change.nextSteps !== undefined ? { nextSteps: change.nextSteps } : {}) }, deps.now());
  await changed(deps, access.conference);
}


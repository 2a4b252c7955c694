/**
 * "I want to talk about my maths": a child (of a stage that takes requests) asks for a conference,
 * in words or with a voice note. It waits in their class's queue; a teacher schedules it (a time
 * the child sees), pairs them with a pupil conferencer, replies, or closes it. Logging a
 * conference that answers it marks it done.
 *
 * A child can ask at most REQUESTS_PER_DAY times a day, so a queue is not filled by one tap-happy
 * five-year-old; the limit says so in their language.
 */
import type { RequestView, TriageBody } from '../../../contracts/conferencing';
import { DomainError } from '../../../domain/errors';
import type { Actor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { checkOwnMedia } from '../media/own-media';
import { presentMedia } from '../portfolio/present-posts';
import { childConferencing, conferencingOf } from './access';
import { requestTimesSince, findChildren, findMediaRows, findPairing, findPeople, findRequest, insertRequest, requestsOfStudent, updateRequest, type RequestRow } from './conferencing.repo';
import { pairPupils } from './pairings';
import { childRefOf } from './present';
import { findStudentSubject } from '../school/school.repo';

export const REQUESTS_PER_DAY = 3;
const DAY_MS = 86_400_000;

export async function presentRequests(deps: Deps, rows: RequestRow[]): Promise<RequestView[]> {
  const pairings = await Promise.all([...new Set(rows.map((r) => r.pairingId).filter((x): x is string => Boolean(x)))].map((id) => findPairing(deps.db, id)));
  const pairingById = new Map(pairings.filter((p) => p).map((p) => [p!.id, p!]));
  const [children, people, media] = await Promise.all([
    findChildren(deps.db, [...new Set([...rows.map((r) => r.studentId), ...[...pairingById.values()].map((p) => p.conferencerId)])]),
    findPeople(deps.db, [...new Set(rows.map((r) => r.handledBy).filter((x): x is string => Boolean(x)))]),
    findMediaRows(deps.db, rows.map((r) => r.audioMediaId).filter((x): x is string => Boolean(x))),
  ]);
  const childById = new Map(children.map((c) => [c.id, c]));
  const personById = new Map(people.map((p) => [p.id, p]));
  const mediaById = new Map(media.map((m) => [m.id, presentMedia(m)]));
  return rows.flatMap((r) => {
    const child = childById.get(r.studentId);
    if (!child) return [];
    const conferencer = r.pairingId ? childById.get(pairingById.get(r.pairingId)?.conferencerId ?? '') : undefined;
    const handler = r.handledBy ? personById.get(r.handledBy) : undefined;
    return [
      {
        id: r.id,
        student: childRefOf(child),
        about: r.about,
        audio: r.audioMediaId ? (mediaById.get(r.audioMediaId) ?? null) : null,
        status: r.status,
        scheduledFor: r.scheduledFor?.toISOString() ?? null,
        reply: r.reply,
        conferencer: conferencer ? childRefOf(conferencer) : null,
        conferenceId: r.conferenceId,
        handledBy: handler ? { id: handler.id, givenName: handler.givenName, familyName: handler.familyName } : null,
        createdAt: r.createdAt.toISOString(),
      },
    ];
  });
}

export async function getChildRequests(deps: Deps, actor: Actor, studentId: string) {
  const access = await childConferencing(deps, actor, studentId, 'conferencing.read');
  // A child's requests are between them and their teachers.
  if (!access.log && access.actor.student?.studentId !== studentId) throw new DomainError('forbidden');
  return { requests: await presentRequests(deps, await requestsOfStudent(deps.db, studentId)), can: { request: access.request } };
}

export async function askForConference(deps: Deps, actor: Actor, studentId: string, body: { about: string; audioMediaId: string | null }): Promise<string> {
  const access = await childConferencing(deps, actor, studentId, 'conferencing.request');
  if (!access.request) throw new DomainError('requests_off');
  const { about, audioMediaId } = body;
  if (!about && !audioMediaId) throw new DomainError('validation_failed', { fields: { about: 'request_empty' } });
  const fields = await checkOwnMedia(deps, access.actor, access.subject.schoolId, [{ field: 'audioMediaId', mediaId: audioMediaId, kind: 'audio' }], new Set());
  if (Object.keys(fields).length) throw new DomainError('validation_failed', { fields });
  const now = deps.now();
  // A day is the 24 hours before now: the child may ask again once the oldest of those asks is a day old.
  const recent = await requestTimesSince(deps.db, studentId, new Date(now.getTime() - DAY_MS));
  if (recent.length >= REQUESTS_PER_DAY) {
    const freeAt = recent[recent.length - REQUESTS_PER_DAY]!.getTime() + DAY_MS;
    throw new DomainError('rate_limited', { retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)) });
  }
  return insertRequest(deps.db, { schoolId: access.subject.schoolId, studentId, classId: access.subject.classIds[0] ?? null, about, audioMediaId, status: 'open', createdAt: now, updatedAt: now });
}

/** A teacher's answer to a request: a time, a pupil conferencer, a reply, or closing it. */
export async function triageRequest(deps: Deps, actor: Actor, requestId: string, body: TriageBody): Promise<void> {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  const request = await findRequest(deps.db, requestId);
  const found = request ? await findStudentSubject(deps.db, request.studentId) : undefined;
  if (!request || !found) throw new DomainError('not_found');
  const access = await conferencingOf(deps, actor, { type: 'student', studentId: request.studentId, ...found });
  if (!access.log) throw new DomainError(access.read ? 'forbidden' : 'not_found');
  if (request.status === 'done') throw new DomainError('request_closed');
  const now = deps.now();
  const handled = { handledBy: access.actor.userId, handledAt: now, updatedAt: now };
  switch (body.action) {
    case 'schedule': {
      const at = new Date(body.at);
      if (at.getTime() < now.getTime() - 3_600_000) throw new DomainError('validation_failed', { fields: { at: 'in_the_past' } });
      await updateRequest(deps.db, request.id, { status: 'scheduled', scheduledFor: at, reply: body.reply ?? '', ...handled });
      return;
    }
    case 'pair': {
      const pairingId = await pairPupils(deps, actor, { conferencerId: body.conferencerId, partnerId: request.studentId, postIds: body.postIds ?? [] }, { reuse: true });
      await updateRequest(deps.db, request.id, { status: 'paired', pairingId, reply: body.reply ?? '', ...handled });
      return;
    }
    case 'reply':
      await updateRequest(deps.db, request.id, { status: 'replied', reply: body.reply, ...handled });
      return;
    case 'close':
      await updateRequest(deps.db, request.id, { status: 'done', ...handled });
      return;
  }
}

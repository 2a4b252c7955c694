/**
 * Media of pupil conferencing, for media/read-media.ts: a conference's picture stimulus and the
 * child's recorded words go to whoever may read that conference; a request's voice note to the
 * child and their teachers; and the pictures and recordings of a piece shared with a pupil
 * conferencer to that conferencer, while the pairing lasts and the piece stays approved.
 */
import type { UserActor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { findStudentSubject } from '../school/school.repo';
import { conferencingOf, mayRead } from './access';
import { usesOfMedia } from './conferencing.repo';

export async function conferencingMediaVisible(deps: Deps, actor: UserActor, mediaId: string): Promise<boolean> {
  const uses = await usesOfMedia(deps.db, mediaId);
  if (actor.student && uses.pairingRows.some((p) => p.conferencerId === actor.student!.studentId && actor.partnerOf.some((x) => x.studentId === p.partnerId))) return true;
  const studentIds = [...new Set([...uses.conferenceRows.map((c) => c.studentId), ...uses.requestRows.map((r) => r.studentId)])];
  for (const studentId of studentIds) {
    const found = await findStudentSubject(deps.db, studentId);
    if (!found) continue;
    const access = await conferencingOf(deps, actor, { type: 'student', studentId, ...found });
    if (uses.conferenceRows.some((c) => c.studentId === studentId && mayRead(access, c))) return true;
    if (uses.requestRows.some((r) => r.studentId === studentId) && (access.log || actor.student?.studentId === studentId)) return true;
  }
  return false;
}

/**
 * The conference record: the teacher finalises it once the conference ended (or the family did not
 * come), and from then the family reads it. It is a snapshot — who attended, the pieces discussed
 * with the child's reflections, what they do well and work on, the goals with everyone's
 * commitments, the teacher's summary and next steps — so a goal edited next month does not rewrite
 * what was agreed. Finalising again after an edit writes a new version; every version is kept.
 *
 * Worked example: Ms Okafor finalises Jasper's record (version 1). The next morning she adds a next
 * step she forgot and finalises again: version 2 is what the family reads; version 1 is still listed
 * in the record's history, unchanged.
 */
import type { RecordContent, RecordView } from '../../../contracts/conference';
import { DomainError } from '../../../domain/errors';
import { can, type Actor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { topics } from '../../live/topics';
import { userNames } from '../booking/booking.repo';
import { findMediaMany } from '../media/media.repo';
import { presentMedia } from '../portfolio/present-posts';
import { conferenceAccess, need } from './access';
import { findConferenceWithBooking, findRecord, insertRecordVersion, recordVersions } from './conference.repo';
import { gather } from './gather';
import { findSchool } from '../school/school.repo';

export async function finaliseRecord(deps: Deps, actor: Actor, conferenceId: string): Promise<{ version: number }> {
  const access = await conferenceAccess(deps, actor, conferenceId);
  need(access.facilitate);
  const c = access.conference;
  if (c.status !== 'ended' && c.attendance !== 'no_show') throw new DomainError('conference_not_ended');
  const g = await gather(deps, c, access.booking, access.subject.classIds);
  const content: RecordContent = {
    student: g.student,
    round: { id: g.round.id, name: g.round.name },
    teacher: { id: g.teacher.id, name: g.teacher.name },
    startsAt: access.booking.startsAt.toISOString(),
    startedAt: c.startedAt?.toISOString() ?? null,
    endedAt: c.endedAt?.toISOString() ?? null,
    mode: access.booking.mode,
    language: access.booking.language,
    attendance: c.attendance,
    attendees: g.attendees.map((a) => (a.kind === 'guardian' ? { kind: 'guardian' as const, name: a.name } : a)),
    interpreter: g.interpreter,
    // The pieces in the order they were presented.
    pieces: g.agenda.flatMap((s) => {
      const p = s.kind === 'piece' ? g.pieces.find((x) => x.selectionId === s.selectionId) : undefined;
      if (!p) return [];
      return [
        {
          postId: p.postId,
          prompt: p.prompt,
          promptTitles: p.promptTitles,
          caption: p.caption,
          firstText: p.firstText,
          mediaIds: p.mediaIds,
          reflections: p.reflections.map((r, i) => ({ questionKey: r.questionKey, question: r.question, questionTexts: p.questionTexts[i] ?? {}, text: r.text, audioMediaId: p.audioIds[i] ?? null })),
        },
      ];
    }),
    strengths: g.strengths,
    workingOn: g.workingOn,
    goals: g.goals.map((goal) => ({ what: goal.what, measure: goal.measure, commitments: goal.commitments.map(({ role, name, text }) => ({ role, name, text })) })),
    summary: c.summary,
    nextSteps: c.nextSteps,
  };
  const version = await insertRecordVersion(deps.db, conferenceId, c.recordVersion, content, access.actor.userId, deps.now());
  if (version === null) throw new DomainError('conflict');
  deps.live.publish(topics.conference(conferenceId));
  return { version };
}

/** Every media id a record shows (pieces and recorded reflections): a shared link may serve only these. */
export function mediaOfRecord(content: RecordContent): string[] {
  return [...new Set(content.pieces.flatMap((p) => [...p.mediaIds, ...p.reflections.flatMap((r) => (r.audioMediaId ? [r.audioMediaId] : []))]))];
}

/**
 * A record as a reader gets it, without any access check (callers do theirs: the conference's
 * readers, or a shared link). `mediaUrl` makes the media's addresses for that reader.
 */
export async function recordViewFor(
  deps: Deps,
  conferenceId: string,
  options: { version?: number; mediaUrl?: (mediaId: string, variant: string) => string; can?: RecordView['can'] } = {},
): Promise<RecordView> {
  const found = await findConferenceWithBooking(deps.db, conferenceId);
  if (!found) throw new DomainError('not_found');
  if (found.conference.recordVersion === 0) throw new DomainError('record_not_finalised');
  const version = options.version ?? found.conference.recordVersion;
  const row = await findRecord(deps.db, conferenceId, version);
  if (!row) throw new DomainError('not_found');
  const content = row.content as RecordContent;
  const versions = await recordVersions(deps.db, conferenceId);
  const names = new Map((await userNames(deps.db, versions.flatMap((v) => (v.finalisedBy ? [v.finalisedBy] : [])))).map((u) => [u.userId, u.name]));
  const media: RecordView['media'] = {};
  for (const m of await findMediaMany(deps.db, mediaOfRecord(content))) {
    const view = presentMedia(m);
    if (options.mediaUrl) view.urls = Object.fromEntries(Object.keys(view.urls).map((variant) => [variant, options.mediaUrl!(m.id, variant)]));
    media[m.id] = view;
  }
  return {
    conferenceId,
    version,
    finalisedAt: row.finalisedAt.toISOString(),
    finalisedBy: row.finalisedBy ? (names.get(row.finalisedBy) ?? '') : '',
    content,
    timeZone: (await findSchool(deps.db, found.conference.schoolId))?.timeZone ?? 'UTC',
    versions: versions.map((v) => ({ version: v.version, finalisedAt: v.finalisedAt.toISOString(), finalisedBy: v.finalisedBy ? (names.get(v.finalisedBy) ?? '') : '' })),
    media,
    can: options.can ?? { edit: false, share: false },
  };
}

/** The record for the child, their family (theirs only, when separated guardians booked apart) and their teachers. */
export async function readRecord(deps: Deps, actor: Actor, conferenceId: string, version?: number): Promise<RecordView> {
  const access = await conferenceAccess(deps, actor, conferenceId);
  need(access.readRecord);
  const share = access.family && can(access.actor, 'record.share', access.subject);
  return recordViewFor(deps, conferenceId, { version, can: { edit: access.facilitate, share } });
}

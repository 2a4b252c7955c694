/**
 * Sharing a conference record with another adult by link (rules in domain/conference/sharing.ts).
 * A guardian of the conference's family makes the link for someone they name and a number of days;
 * the address is shown once (we keep only its SHA-256). Whoever has the address reads the latest
 * finalised version of the record and its photos and recordings — nothing else of the child's —
 * with no sign-in, and each opening is logged for the family to see. A link stops working at once
 * when withdrawn, when it runs out, while the school or one of the child's classes has sharing
 * turned off (it works again if turned back on in time), and for good if the guardian who made it
 * is no longer one of the child's guardians.
 *
 * Who sees the links: the guardians of the conference's family (either parent of a family that
 * books together; a separated parent only their own conference's). The child, their teachers and
 * everyone else: refused, as for the rest of the conference (features/conference/access.ts).
 */
import type { RecordContent } from '../../../contracts/conference';
import type { ClassSharing, CreatedShare, NewShare, SharedRecord, ShareList, ShareOpenings, ShareView } from '../../../contracts/sharing';
import { DomainError } from '../../../domain/errors';
import { can, type Actor } from '../../../domain/permissions/index';
import { canAddShare, deviceOf, MAX_ACTIVE_SHARES, SHARE_DAYS, shareExpiresAt, shareState, sharingAllowed } from '../../../domain/conference/sharing';
import type { Deps } from '../../deps';
import { randomToken, tokenDigest } from '../../lib/secrets';
import { findMedia, type MediaRow } from '../media/media.repo';
import { conferenceAccess, need, type ConferenceAccess } from './access';
import { findConference, findRecord } from './conference.repo';
import { mediaOfRecord, recordViewFor } from './record';
import {
  findClassSharing,
  findSchoolSharing,
  findShare,
  findShareByTokenHash,
  insertShare,
  insertShareView,
  isGuardianOf,
  lockConference,
  personName,
  revokeShare,
  setClassSharing,
  setSchoolSharing,
  shareWithViews,
  sharesOfConference,
  sharingSwitchesOf,
  viewsOfShare,
  type ShareRow,
  type ShareWithViews,
} from './sharing.repo';

/** Openings listed for a link (the count covers them all). */
const VIEWS_LISTED = 200;
const USER_AGENT_MAX = 400;

async function familyAccess(deps: Deps, actor: Actor, conferenceId: string): Promise<ConferenceAccess> {
  const access = await conferenceAccess(deps, actor, conferenceId);
  need(access.family && can(access.actor, 'record.share', access.subject));
  return access;
}

async function allowedFor(deps: Deps, schoolId: string, studentId: string): Promise<boolean> {
  const switches = await sharingSwitchesOf(deps.db, schoolId, studentId);
  return sharingAllowed(switches.school, switches.classes);
}

function present(row: ShareWithViews, now: Date, allowed: boolean): ShareView {
  return {
    id: row.id,
    recipient: row.recipient,
    createdBy: { id: row.createdBy, name: row.creatorName ?? '' },
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    state: shareState(row, now, allowed),
    views: row.views,
    lastViewedAt: row.lastViewedAt?.toISOString() ?? null,
  };
}

export async function listShares(deps: Deps, actor: Actor, conferenceId: string): Promise<ShareList> {
  const access = await familyAccess(deps, actor, conferenceId);
  const allowed = await allowedFor(deps, access.subject.schoolId, access.subject.studentId);
  const now = deps.now();
  return { sharingAllowed: allowed, maxActive: MAX_ACTIVE_SHARES, days: [...SHARE_DAYS], shares: (await sharesOfConference(deps.db, conferenceId)).map((s) => present(s, now, allowed)) };
}

export async function createShare(deps: Deps, actor: Actor, conferenceId: string, input: NewShare): Promise<CreatedShare> {
  const access = await familyAccess(deps, actor, conferenceId);
  if (access.conference.recordVersion === 0) throw new DomainError('record_not_finalised');
  if (!(await allowedFor(deps, access.subject.schoolId, access.subject.studentId))) throw new DomainError('sharing_off');
  const now = deps.now();
  const token = randomToken();
  const row = await deps.db.transaction(async (tx) => {
    await lockConference(tx, conferenceId);
    const existing = await sharesOfConference(tx, conferenceId);
    if (!canAddShare(existing, now)) throw new DomainError('conflict', { fields: { recipient: 'too_many_links' } });
    return insertShare(tx, { conferenceId, createdBy: access.actor.userId, recipient: input.recipient, tokenHash: tokenDigest(token), expiresAt: shareExpiresAt(now, input.days), createdAt: now });
  });
  const creatorName = await personName(deps.db, access.actor.userId);
  return { ...present({ ...row, creatorName, views: 0, lastViewedAt: null }, now, true), url: `${deps.config.publicUrl}/shared/${token}` };
}

/** A link and the family's access to its conference (anyone else is refused as for the conference). */
async function ownShare(deps: Deps, actor: Actor, shareId: string): Promise<{ share: ShareRow; access: ConferenceAccess }> {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  const share = await findShare(deps.db, shareId);
  if (!share) throw new DomainError('not_found');
  return { share, access: await familyAccess(deps, actor, share.conferenceId) };
}

export async function withdrawShare(deps: Deps, actor: Actor, shareId: string): Promise<ShareView> {
  const { share, access } = await ownShare(deps, actor, shareId);
  const now = deps.now();
  await revokeShare(deps.db, share.id, now);
  const row = await shareWithViews(deps.db, share.id);
  return present(row!, now, await allowedFor(deps, access.subject.schoolId, access.subject.studentId));
}

export async function shareOpenings(deps: Deps, actor: Actor, shareId: string): Promise<ShareOpenings> {
  const { share } = await ownShare(deps, actor, shareId);
  const views = await viewsOfShare(deps.db, share.id, VIEWS_LISTED);
  return { views: views.map((v) => ({ viewedAt: v.viewedAt.toISOString(), device: deviceOf(v.userAgent) })) };
}

/**
 * The link behind a token, if it may open its record now: unknown → not_found; withdrawn, run
 * out, or its maker no longer the child's guardian → share_expired; sharing turned off → sharing_off.
 */
async function usableShare(deps: Deps, token: string) {
  const share = await findShareByTokenHash(deps.db, tokenDigest(token));
  if (!share) throw new DomainError('not_found');
  const conference = await findConference(deps.db, share.conferenceId);
  if (!conference || conference.recordVersion === 0) throw new DomainError('not_found');
  const now = deps.now();
  const state = shareState(share, now, await allowedFor(deps, conference.schoolId, conference.studentId));
  if (state === 'revoked' || state === 'expired') throw new DomainError('share_expired');
  if (!(await isGuardianOf(deps.db, share.createdBy, conference.studentId))) throw new DomainError('share_expired');
  if (state === 'paused') throw new DomainError('sharing_off');
  return { share, conference, now };
}

/** The public page of a link: the latest version of the record, its media through the link's own address. Logs the opening. */
export async function openSharedRecord(deps: Deps, token: string, userAgent: string | undefined): Promise<SharedRecord> {
  const { share, conference, now } = await usableShare(deps, token);
  const record = await recordViewFor(deps, conference.id, { mediaUrl: (mediaId, variant) => `/api/shared/${token}/media/${mediaId}/${variant}`, can: { edit: false, share: false } });
  await insertShareView(deps.db, share.id, now, (userAgent ?? '').slice(0, USER_AGENT_MAX));
  return {
    // The reader of a link sees this version only, not the record's history.
    record: { ...record, versions: record.versions.filter((v) => v.version === record.version) },
    sharedBy: await personName(deps.db, share.createdBy),
    recipient: share.recipient,
    expiresAt: share.expiresAt.toISOString(),
  };
}

/** A photo or recording of the shared record (of its latest version), for the link's reader; anything else: not_found. */
export async function sharedMedia(deps: Deps, token: string, mediaId: string): Promise<MediaRow> {
  const { conference } = await usableShare(deps, token);
  const record = await findRecord(deps.db, conference.id, conference.recordVersion);
  if (!record || !mediaOfRecord(record.content as RecordContent).includes(mediaId)) throw new DomainError('not_found');
  const media = await findMedia(deps.db, mediaId);
  if (!media) throw new DomainError('not_found');
  return media;
}

// ---- the switches

/** Someone of another school is not told the school or class exists (not_found); the rest of the school is refused. */
function refuse(actor: Actor, schoolId: string | undefined): never {
  throw new DomainError(schoolId && can(actor, 'school.read', { type: 'school', schoolId }) ? 'forbidden' : 'not_found');
}

export async function schoolSharing(deps: Deps, actor: Actor, schoolId: string): Promise<{ enabled: boolean }> {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  if (!can(actor, 'school.sharing.manage', { type: 'school', schoolId })) refuse(actor, schoolId);
  const enabled = await findSchoolSharing(deps.db, schoolId);
  if (enabled === undefined) throw new DomainError('not_found');
  return { enabled };
}

export async function changeSchoolSharing(deps: Deps, actor: Actor, schoolId: string, enabled: boolean): Promise<{ enabled: boolean }> {
  await schoolSharing(deps, actor, schoolId);
  await setSchoolSharing(deps.db, schoolId, enabled);
  return { enabled };
}

export async function classSharing(deps: Deps, actor: Actor, classId: string): Promise<ClassSharing> {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  const row = await findClassSharing(deps.db, classId);
  if (!row || !can(actor, 'class.sharing.manage', { type: 'class', schoolId: row.schoolId, classId })) refuse(actor, row?.schoolId);
  return { enabled: row.enabled, schoolEnabled: row.schoolEnabled };
}

export async function changeClassSharing(deps: Deps, actor: Actor, classId: string, enabled: boolean): Promise<ClassSharing> {
  const current = await classSharing(deps, actor, classId);
  await setClassSharing(deps.db, classId, enabled);
  return { ...current, enabled };
}

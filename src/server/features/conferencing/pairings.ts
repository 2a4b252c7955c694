/**
 * Pupil conferencers. A teacher of the younger child pairs an older pupil (or a peer) with them and
 * chooses which pieces of the child's work to share. While the pairing lasts the conferencer sees
 * only those pieces — not the portfolio, not the goals, not the family — and writes peer notes in a
 * guided form (what they showed me, what they said, think pink, green for growth). A note waits for
 * the child's teacher (log.ts reviewNote) before the child or their family see it.
 */
import type { PairingView, PartnerPage, PeerNoteBody, PeerNoteView } from '../../../contracts/conferencing';
import { DomainError } from '../../../domain/errors';
import { peerEditable, peerTypeOf, type ConferenceStatus } from '../../../domain/conferencing/log';
import { schoolToday } from '../../../domain/goals/periods';
import type { Actor, UserActor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { presentMedia } from '../portfolio/present-posts';
import { childConferencing } from './access';
import {
  activePairingsOf,
  approvedOf,
  approvedPostsOfChild,
  endPairing,
  findActivePairing,
  findChildren,
  findConference,
  findConferencingSettings,
  findMediaRows,
  findPairing,
  insertConference,
  insertPairing,
  linksOf,
  notesOfPairing,
  pendingCountByPairing,
  postCards,
  postsFull,
  postsOfPairings,
  setPairingPosts,
  stepsOf,
  updateConference,
  updateConferenceIf,
  type PairingRow,
} from './conferencing.repo';
import { childRefOf, presentCards } from './present';

/** Pieces shared when the teacher picks none: the child's three newest approved pieces. */
const DEFAULT_SHARED = 3;

async function checkedPosts(deps: Deps, partnerId: string, postIds: string[], field = 'postIds'): Promise<string[]> {
  const ok = await approvedOf(deps.db, partnerId, postIds);
  const fields: Record<string, string> = {};
  postIds.forEach((p, i) => {
    if (!ok.has(p)) fields[`${field}.${i}`] = 'not_childs_post';
  });
  if (Object.keys(fields).length) throw new DomainError('validation_failed', { fields });
  return [...new Set(postIds)];
}

/**
 * Pair a conferencer with a child. With `reuse`, an existing pairing of the two is kept (and its
 * pieces replaced when some are given); without, it is refused as `already_paired`.
 */
export async function pairPupils(deps: Deps, actor: Actor, body: { conferencerId: string; partnerId: string; postIds: string[] }, options: { reuse?: boolean } = {}): Promise<string> {
  const access = await childConferencing(deps, actor, body.partnerId, 'conferencing.log');
  if (body.conferencerId === body.partnerId) throw new DomainError('validation_failed', { fields: { conferencerId: 'same_child' } });
  const [conferencer] = await findChildren(deps.db, [body.conferencerId]);
  if (!conferencer || conferencer.schoolId !== access.subject.schoolId) throw new DomainError('validation_failed', { fields: { conferencerId: 'unknown_pupil' } });
  let postIds = await checkedPosts(deps, body.partnerId, body.postIds);
  const existing = await findActivePairing(deps.db, body.conferencerId, body.partnerId);
  if (existing) {
    if (!options.reuse) throw new DomainError('already_paired');
    if (postIds.length) await setPairingPosts(deps.db, existing.id, postIds);
    return existing.id;
  }
  if (postIds.length === 0) postIds = (await approvedPostsOfChild(deps.db, body.partnerId, DEFAULT_SHARED)).map((p) => p.id);
  const id = await insertPairing(deps.db, { schoolId: access.subject.schoolId, conferencerId: body.conferencerId, partnerId: body.partnerId, createdBy: access.actor.userId, createdAt: deps.now() }, postIds);
  if (!id) {
    // Another teacher paired them at the same moment.
    const raced = await findActivePairing(deps.db, body.conferencerId, body.partnerId);
    if (raced && options.reuse) return raced.id;
    throw new DomainError('already_paired');
  }
  return id;
}

/** A pairing as the partner's teacher manages it. */
async function managedPairing(deps: Deps, actor: Actor, pairingId: string): Promise<PairingRow> {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  const pairing = await findPairing(deps.db, pairingId);
  if (!pairing) throw new DomainError('not_found');
  await childConferencing(deps, actor, pairing.partnerId, 'conferencing.log');
  return pairing;
}

export async function sharePieces(deps: Deps, actor: Actor, pairingId: string, postIds: string[]): Promise<void> {
  const pairing = await managedPairing(deps, actor, pairingId);
  if (pairing.endedAt) throw new DomainError('pairing_ended');
  await setPairingPosts(deps.db, pairing.id, await checkedPosts(deps, pairing.partnerId, postIds));
}

/** Ends a pairing (ending one already ended changes nothing). */
export async function endPairingOf(deps: Deps, actor: Actor, pairingId: string): Promise<void> {
  const pairing = await managedPairing(deps, actor, pairingId);
  await endPairing(deps.db, pairing.id, deps.now());
}

export async function presentPairings(deps: Deps, pairings: PairingRow[]): Promise<PairingView[]> {
  const [children, shared, pending] = await Promise.all([
    findChildren(deps.db, [...new Set(pairings.flatMap((p) => [p.conferencerId, p.partnerId]))]),
    postsOfPairings(deps.db, pairings.map((p) => p.id)),
    pendingCountByPairing(deps.db, pairings.map((p) => p.id)),
  ]);
  const childById = new Map(children.map((c) => [c.id, c]));
  const cards = new Map((await presentCards(deps, [...new Set(shared.map((s) => s.postId))], (p) => p.status === 'approved')).map((c) => [c.id, c]));
  return pairings.flatMap((p) => {
    const conferencer = childById.get(p.conferencerId);
    const partner = childById.get(p.partnerId);
    if (!conferencer || !partner) return [];
    return [
      {
        id: p.id,
        conferencer: childRefOf(conferencer),
        partner: childRefOf(partner),
        posts: shared.filter((s) => s.pairingId === p.id && cards.has(s.postId)).map((s) => cards.get(s.postId)!),
        pending: pending.get(p.id) ?? 0,
        createdAt: p.createdAt.toISOString(),
      },
    ];
  });
}

/** The pairing, for its own conferencer only (anyone else: not_found; once ended: pairing_ended). */
async function ownPairing(deps: Deps, actor: Actor, pairingId: string): Promise<{ pairing: PairingRow; actor: UserActor }> {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  const pairing = await findPairing(deps.db, pairingId);
  if (!pairing || actor.student?.studentId !== pairing.conferencerId) throw new DomainError('not_found');
  if (pairing.endedAt) throw new DomainError('pairing_ended');
  await childConferencing(deps, actor, pairing.partnerId, 'conferencing.partner');
  return { pairing, actor };
}

function noteView(row: { id: string; heldOn: string; status: ConferenceStatus; subject: string; childWords: string; strengths: string; reviewComment: string | null }, nextStep: string, postIds: string[]): PeerNoteView {
  return { id: row.id, heldOn: row.heldOn, status: row.status, subject: row.subject, childWords: row.childWords, strengths: row.strengths, nextStep, postIds, reviewComment: row.reviewComment };
}

export async function getPartnerPage(deps: Deps, actor: Actor, pairingId: string): Promise<PartnerPage> {
  const { pairing, actor: me } = await ownPairing(deps, actor, pairingId);
  const [children, shared, notes, settings] = await Promise.all([
    findChildren(deps.db, [pairing.conferencerId, pairing.partnerId]),
    postsOfPairings(deps.db, [pairing.id]),
    notesOfPairing(deps.db, pairing.id, me.userId),
    findConferencingSettings(deps.db, pairing.schoolId),
  ]);
  const partner = children.find((c) => c.id === pairing.partnerId);
  const conferencer = children.find((c) => c.id === pairing.conferencerId);
  if (!partner || !conferencer || !settings) throw new DomainError('not_found');
  const approved = shared.filter((s) => s.status === 'approved').map((s) => s.postId);
  const [full, cards] = await Promise.all([postsFull(deps.db, approved), postCards(deps.db, approved)]);
  const mediaById = new Map(cards.mediaRows.map((m) => [m.id, presentMedia(m)]));
  const audio = new Map((await findMediaRows(deps.db, full.map((p) => p.reflectionAudioId).filter((x): x is string => Boolean(x)))).map((m) => [m.id, presentMedia(m)]));
  const steps = await stepsOf(deps.db, notes.map((n) => n.id));
  const links = await Promise.all(notes.map((n) => linksOf(deps.db, n.id)));
  return {
    id: pairing.id,
    partner: childRefOf(partner),
    type: peerTypeOf(conferencer.gradeLevel, partner.gradeLevel),
    pieces: approved.flatMap((postId) => {
      const post = full.find((p) => p.id === postId);
      if (!post) return [];
      return [
        {
          id: post.id,
          caption: post.caption,
          reflection: post.reflection,
          reflectionAudio: post.reflectionAudioId ? (audio.get(post.reflectionAudioId) ?? null) : null,
          items: cards.items.filter((i) => i.postId === postId).map((i) => ({ id: i.id, kind: i.kind, text: i.text, media: i.mediaId ? (mediaById.get(i.mediaId) ?? null) : null })),
        },
      ];
    }),
    notes: notes.map((n, i) => noteView(n, steps.find((s) => s.conferenceId === n.id)?.text ?? '', links[i]!.postIds)),
    today: schoolToday(deps.now(), settings.timeZone),
  };
}

async function sharedOnly(deps: Deps, pairingId: string, postIds: string[]): Promise<string[]> {
  const shared = new Set((await postsOfPairings(deps.db, [pairingId])).filter((s) => s.status === 'approved').map((s) => s.postId));
  const fields: Record<string, string> = {};
  postIds.forEach((p, i) => {
    if (!shared.has(p)) fields[`postIds.${i}`] = 'not_shared';
  });
  if (Object.keys(fields).length) throw new DomainError('validation_failed', { fields });
  return [...new Set(postIds)];
}

export async function writePeerNote(deps: Deps, actor: Actor, pairingId: string, body: Required<PeerNoteBody>): Promise<string> {
  const { pairing, actor: me } = await ownPairing(deps, actor, pairingId);
  const postIds = await sharedOnly(deps, pairing.id, body.postIds);
  const [children, settings] = await Promise.all([findChildren(deps.db, [pairing.conferencerId, pairing.partnerId]), findConferencingSettings(deps.db, pairing.schoolId)]);
  const partner = children.find((c) => c.id === pairing.partnerId)!;
  const conferencer = children.find((c) => c.id === pairing.conferencerId)!;
  const access = await childConferencing(deps, actor, pairing.partnerId, 'conferencing.partner');
  const now = deps.now();
  return insertConference(deps.db, {
    row: {
      schoolId: pairing.schoolId,
      studentId: pairing.partnerId,
      classId: access.subject.classIds[0] ?? null,
      type: peerTypeOf(conferencer.gradeLevel, partner.gradeLevel),
      stage: null,
      heldOn: schoolToday(now, settings!.timeZone),
      subject: body.subject,
      childWords: body.childWords,
      strengths: body.strengths,
      status: 'pending',
      authorId: me.userId,
      authorRole: 'pupil',
      pairingId: pairing.id,
      createdAt: now,
      updatedAt: now,
    },
    people: [{ userId: me.userId, role: 'pupil' }],
    steps: body.nextStep ? [{ text: body.nextStep, owner: 'child', dueOn: null }] : [],
    postIds,
    goalIds: [],
  });
}

/** The conferencer changes their note while it waits or after it was returned; it waits for review again. */
export async function editPeerNote(deps: Deps, actor: Actor, pairingId: string, noteId: string, body: Required<PeerNoteBody>): Promise<void> {
  const { pairing, actor: me } = await ownPairing(deps, actor, pairingId);
  const note = await findConference(deps.db, noteId);
  if (!note || note.pairingId !== pairing.id || note.authorId !== me.userId) throw new DomainError('not_found');
  if (!peerEditable(note.status)) throw new DomainError('already_reviewed');
  const postIds = await sharedOnly(deps, pairing.id, body.postIds);
  await deps.db.transaction(async (tx) => {
    // Only while it still waits or was returned: a review that came first wins.
    const ok = await updateConferenceIf(tx, note.id, ['pending', 'returned'], { subject: body.subject, childWords: body.childWords, strengths: body.strengths, status: 'pending', updatedAt: deps.now() });
    if (!ok) throw new DomainError('already_reviewed');
    await updateConference(tx, note.id, {}, { steps: body.nextStep ? [{ text: body.nextStep, owner: 'child', dueOn: null }] : [], postIds });
  });
}

/** The pairings of a set of children (as either side), for the class overview. */
export async function pairingsOfChildren(deps: Deps, studentIds: string[]): Promise<PairingView[]> {
  return presentPairings(deps, await activePairingsOf(deps.db, studentIds));
}

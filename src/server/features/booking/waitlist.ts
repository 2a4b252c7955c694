/**
 * The waiting list. A family for whom nothing fits joins it; when a time comes free (a
 * cancellation, a move, a hold that lapsed) the freed time is offered to the longest-waiting family
 * it suits: Confer holds it for them and emails a claim link that runs out. An offer that runs out
 * sends the family to the back of the queue and the time to the next family.
 *
 * Two offers never take one entry (entries are locked FOR UPDATE SKIP LOCKED) and never one time
 * (the offer is a held booking, under the same exclusion constraint as every other).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ClaimView } from '../../../contracts/booking';
import { matchLocale } from '../../../contracts/locales';
import { peopleOf } from '../../../domain/booking/rules';
import { DomainError } from '../../../domain/errors';
import type { Actor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { defineJob, enqueue } from '../../jobs/runner';
import { randomToken, tokenDigest } from '../../lib/secrets';
import { findOutboxByKey } from '../mail/mail.repo';
import { authorize } from '../school/authorize';
import {
  confirmGroup,
  endBookings,
  findBooking,
  findBookingRound,
  findWaitlist,
  findWaitlistByToken,
  guardianOf,
  insertBooking,
  insertPeople,
  insertWaitlist,
  liveBookingsOfStudents,
  lockWaiting,
  lockWaitlist,
  releaseLapsedHolds,
  updateWaitlist,
  type BookingRow,
} from './booking.repo';
import { bookingRound } from './book';
import { assignTeachers, loadHousehold, resolveHousehold } from './household';
import { queueBookingMail, queueReminder } from './notify';
import { presentBookings } from './present';
import { interpretersFor, loadRoundTimes, teacherNeedsInterpreter } from './round-times';

/** How long a family has to claim an offered time (less if the meeting is sooner). */
export const OFFER_HOURS = 12;
type Queue = Pick<Deps, 'db' | 'now'>;

export async function joinWaitlist(deps: Deps, actor: Actor, roundId: string, input: { householdUserId?: string | undefined; studentIds: string[]; note: string }) {
  const now = deps.now();
  const round = await bookingRound(deps, actor, roundId);
  const times = await loadRoundTimes(deps.db, round, now, { live: false });
  const household = await assignTeachers(deps, round, await resolveHousehold(deps, actor, round, input.householdUserId), times);
  const fields: Record<string, string> = {};
  input.studentIds.forEach((id, i) => {
    const child = household.children.find((c) => c.studentId === id);
    if (!child) fields[`studentIds.${i}`] = 'not_your_child';
    else if (!child.teacherId) fields[`studentIds.${i}`] = 'not_in_round';
  });
  if (Object.keys(fields).length) throw new DomainError('validation_failed', { fields });
  const booked = await liveBookingsOfStudents(deps.db, round.id, input.studentIds, now);
  const mine = household.children.filter((c) => input.studentIds.includes(c.studentId) && !booked.some((b) => b.studentId === c.studentId && b.party === c.party && b.status === 'confirmed'));
  if (mine.length === 0) throw new DomainError('already_booked');
  const rows = await insertWaitlist(
    deps.db,
    mine.map((c) => ({ roundId: round.id, studentId: c.studentId, householdUserId: household.householdUserId, note: input.note, queuedAt: now, createdAt: now, updatedAt: now })),
  );
  return { entries: rows.map((r) => ({ id: r.id, studentId: r.studentId, status: r.status })) };
}

export async function leaveWaitlist(deps: Deps, actor: Actor, entryId: string): Promise<void> {
  const entry = await findWaitlist(deps.db, entryId);
  if (!entry) throw new DomainError('not_found');
  const round = await bookingRound(deps, actor, entry.roundId);
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  if (entry.householdUserId !== actor.userId) authorize(actor, 'booking.manage', { type: 'school', schoolId: round.schoolId });
  await deps.db.transaction(async (tx) => {
    if (entry.status === 'offered' && entry.offerBookingId) await endBookings(tx, [entry.offerBookingId], 'expired', deps.now(), actor.userId);
    await updateWaitlist(tx, entry.id, { status: 'withdrawn', updatedAt: deps.now() });
  });
}

export const offerFreedSlotJob = defineJob({
  kind: 'booking-offer-freed-slot',
  version: 1,
  payload: z.object({ roundId: z.uuid(), teacherId: z.uuid(), startsAt: z.iso.datetime({ offset: true }) }),
  async run(deps, { roundId, teacherId, startsAt }) {
    const now = deps.now();
    const round = await findBookingRound(deps.db, roundId);
    if (!round) return { offered: null };
    const start = new Date(startsAt);
    if (start <= now) return { offered: null, past: true };
    await releaseLapsedHolds(deps.db, round.id, now);
    const offered = await deps.db.transaction(async (tx) => {
      const times = await loadRoundTimes(tx, round, now);
      const slot = times.teachers.get(teacherId)?.slots.find((s) => s.startsAt.getTime() === start.getTime());
      if (!slot) return null;
      for (const entry of await lockWaiting(tx, round.id, 50)) {
        const found = await loadHousehold(tx, round, entry.householdUserId);
        const household = found ? await assignTeachers({ db: tx }, round, found, times) : null;
        const child = household?.children.find((c) => c.studentId === entry.studentId);
        if (!household || !child || child.teacherId !== teacherId) continue;
        const needs = teacherNeedsInterpreter(times, teacherId, household.language);
        const interpreter = needs ? interpretersFor(times, household.language, slot)[0] : undefined;
        if (needs && !interpreter) continue;
        const expiresAt = new Date(Math.min(now.getTime() + OFFER_HOURS * 3_600_000, slot.startsAt.getTime() - 3_600_000));
        if (expiresAt <= now) return null;
        try {
          const booking = await tx.transaction(async (sp) => {
            const b = await insertBooking(sp, {
              schoolId: round.schoolId,
              roundId: round.id,
              teacherId,
              studentId: child.studentId,
              party: child.party,
              householdUserId: household.householdUserId,
              groupId: randomUUID(),
              status: 'held',
              holdExpiresAt: expiresAt,
              startsAt: slot.startsAt,
              endsAt: slot.endsAt,
              language: household.language,
              interpreterId: interpreter?.interpreterId ?? null,
              attendees: [{ kind: 'guardian', userId: household.householdUserId }],
              createdAt: now,
              updatedAt: now,
            });
            await insertPeople(sp, b.id, peopleOf(b), b.startsAt, b.endsAt);
            return b;
          });
          await updateWaitlist(tx, entry.id, { status: 'offered', offerBookingId: booking.id, offerExpiresAt: expiresAt, updatedAt: now });
          await enqueue({ db: tx, now: deps.now }, waitlistOfferMailJob, { entryId: entry.id, bookingId: booking.id });
          await enqueue({ db: tx, now: deps.now }, expireOfferJob, { entryId: entry.id, bookingId: booking.id }, { idempotencyKey: `waitlist-offer-expire:${booking.id}`, runAt: new Date(expiresAt.getTime() + 1000) });
          return entry.id;
        } catch (err) {
          // The family is busy then, or the time went to someone else a moment ago: the next family.
          if ((err as { cause?: { code?: string }; code?: string }).cause?.code?.startsWith('23') || (err as { code?: string }).code?.startsWith('23')) continue;
          throw err;
        }
      }
      return null;
    });
    return { offered };
  },
});

export async function queueFreedSlot(q: Queue, booking: Pick<BookingRow, 'id' | 'roundId' | 'teacherId' | 'startsAt' | 'sequence'>): Promise<void> {
  await enqueue(q, offerFreedSlotJob, { roundId: booking.roundId, teacherId: booking.teacherId, startsAt: booking.startsAt.toISOString() }, { idempotencyKey: `booking-freed:${booking.id}:${booking.sequence}:${booking.startsAt.getTime()}` });
}

export const waitlistOfferMailJob = defineJob({
  kind: 'waitlist-offer-mail',
  version: 1,
  payload: z.object({ entryId: z.uuid(), bookingId: z.uuid() }),
  async run(deps, { entryId, bookingId }) {
    const dedupeKey = `waitlist-offer:${entryId}:${bookingId}`;
    if (await findOutboxByKey(deps.db, dedupeKey)) return { sent: false, already: true };
    const [entry, booking] = await Promise.all([findWaitlist(deps.db, entryId), findBooking(deps.db, bookingId)]);
    if (!entry || !booking || entry.status !== 'offered' || entry.offerBookingId !== bookingId || booking.status !== 'held') return { sent: false };
    const round = await findBookingRound(deps.db, booking.roundId);
    const guardian = await guardianOf(deps.db, entry.householdUserId);
    if (!round || !guardian?.email) return { sent: false };
    // A new secret each time the mail is written: only the link in the email that went out works.
    const token = randomToken();
    await updateWaitlist(deps.db, entry.id, { offerTokenHash: tokenDigest(token) });
    const locale = matchLocale([guardian.preferredLocale, guardian.language, round.schoolLocale]) ?? 'en';
    const fmt = (d: Date, o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone: round.timeZone, ...o }).format(d);
    const when = fmt(booking.startsAt, { weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' });
    const until = fmt(entry.offerExpiresAt ?? booking.holdExpiresAt ?? booking.startsAt, { weekday: 'long', hour: 'numeric', minute: '2-digit' });
    const url = `${deps.config.publicUrl}/claim/${token}`;
    await deps.mailer.send(
      {
        to: guardian.email,
        subject: deps.i18n.t(locale, 'mail.booking.offer_subject', { round: round.name }),
        text: deps.i18n.t(locale, 'mail.booking.offer_text', { name: guardian.givenName, when, until, url, round: round.name, school: round.schoolName }),
      },
      { dedupeKey, redact: (text) => text.replace(/\/claim\/[\w-]+/g, '/claim/[sent]') },
    );
    return { sent: true };
  },
});

export const expireOfferJob = defineJob({
  kind: 'waitlist-offer-expire',
  version: 1,
  payload: z.object({ entryId: z.uuid(), bookingId: z.uuid() }),
  async run(deps, { entryId, bookingId }) {
    const now = deps.now();
    const requeued = await deps.db.transaction(async (tx) => {
      // Locked: a claim at this very moment either went first (the entry is booked: nothing to do)
      // or waits for this to finish (and finds the offer gone).
      const entry = await lockWaitlist(tx, entryId);
      if (!entry || entry.status !== 'offered' || entry.offerBookingId !== bookingId) return null;
      const [ended] = await endBookings(tx, [bookingId], 'expired', now, null);
      await updateWaitlist(tx, entry.id, { status: 'waiting', offerBookingId: null, offerTokenHash: null, offerExpiresAt: null, queuedAt: now, updatedAt: now });
      const booking = ended ?? (await findBooking(tx, bookingId));
      if (booking) await queueFreedSlot({ db: tx, now: deps.now }, { ...booking, sequence: booking.sequence + 1000 });
      return entry.id;
    });
    return { requeued };
  },
});

async function offerOf(deps: Deps, actor: Actor, token: string) {
  const entry = await findWaitlistByToken(deps.db, tokenDigest(token));
  if (!entry) throw new DomainError('link_invalid');
  const round = await bookingRound(deps, actor, entry.roundId);
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  if (entry.householdUserId !== actor.userId) authorize(actor, 'booking.manage', { type: 'school', schoolId: round.schoolId });
  const booking = entry.offerBookingId ? await findBooking(deps.db, entry.offerBookingId) : undefined;
  return { entry, round, booking };
}

export async function readClaim(deps: Deps, actor: Actor, token: string): Promise<ClaimView> {
  const now = deps.now();
  const { entry, round, booking } = await offerOf(deps, actor, token);
  if (entry.status === 'booked' && booking?.status === 'confirmed') return { status: 'booked', roundId: round.id, booking: (await presentBookings(deps.db, round, [booking], now))[0]! };
  const live = entry.status === 'offered' && booking?.status === 'held' && booking.holdExpiresAt && booking.holdExpiresAt > now;
  return { status: live ? 'offered' : 'expired', roundId: round.id, booking: live ? (await presentBookings(deps.db, round, [booking], now))[0]! : null };
}

export async function claimOffer(deps: Deps, actor: Actor, token: string): Promise<ClaimView> {
  const now = deps.now();
  const { entry, round, booking } = await offerOf(deps, actor, token);
  if (entry.status === 'booked') return readClaim(deps, actor, token);
  if (entry.status !== 'offered' || !booking) throw new DomainError('hold_expired');
  const confirmed = await deps.db.transaction(async (tx) => {
    const locked = await lockWaitlist(tx, entry.id);
    if (locked?.status !== 'offered' || locked.offerBookingId !== booking.id) throw new DomainError('hold_expired');
    const [row] = await confirmGroup(tx, booking.groupId, now, {});
    if (!row) throw new DomainError('hold_expired');
    // The link keeps working, to show the booked time.
    await updateWaitlist(tx, entry.id, { status: 'booked', updatedAt: now });
    await queueBookingMail({ db: tx, now: deps.now }, row, 'confirmed');
    await queueReminder({ db: tx, now: deps.now }, row);
    return row;
  });
  return { status: 'booked', roundId: round.id, booking: (await presentBookings(deps.db, round, [confirmed], now))[0]! };
}

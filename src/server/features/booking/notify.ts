/**
 * What booking tells people, as durable jobs queued in the same transaction as the change (so a
 * change and its email stand or fall together): the confirmation with its `.ics`, the update when
 * a meeting moves or changes (same UID, higher SEQUENCE), the cancellation (METHOD:CANCEL), the
 * reminder a day before, the release of a hold that ran out, and the offer of a freed time to the
 * next family on the waiting list. Each email is in its reader's language; each job is safe to run
 * twice (mail dedupe keys carry the booking's sequence).
 */
import { z } from 'zod';
import { substituteRelationships } from '../../../contracts/booking';
import { matchLocale, type LocaleTag } from '../../../contracts/locales';
import type { Deps } from '../../deps';
import { defineJob, enqueue } from '../../jobs/runner';
import { meetingInvite, type IcsMeeting } from '../calendar/ics';
import {
  endBookings,
  findBooking,
  findBookingRound,
  bookingsOfGroup,
  guardiansOfStudents,
  interpreterNames,
  listRoundTeachers,
  studentNames,
  userNames,
  type BookingRound,
  type BookingRow,
} from './booking.repo';
import { queueFreedSlot } from './waitlist';

export type MailKind = 'confirmed' | 'changed' | 'moved' | 'moved_by_school' | 'cancelled' | 'cancelled_by_school' | 'reminder';
const mailKinds = ['confirmed', 'changed', 'moved', 'moved_by_school', 'cancelled', 'cancelled_by_school', 'reminder'] as const;

type Queue = Pick<Deps, 'db' | 'now'>;

export const bookingMailJob = defineJob({
  kind: 'booking-mail',
  version: 1,
  payload: z.object({ bookingId: z.uuid(), kind: z.enum(mailKinds), sequence: z.number().int() }),
  async run(deps, { bookingId, kind, sequence }) {
    const booking = await findBooking(deps.db, bookingId);
    if (!booking) return { sent: 0, gone: true };
    // A reminder or update overtaken by a later change says nothing (the later one speaks).
    if (booking.sequence !== sequence) return { sent: 0, stale: true };
    if (kind === 'reminder' && booking.status !== 'confirmed') return { sent: 0, notConfirmed: true };
    const round = await findBookingRound(deps.db, booking.roundId);
    if (!round) return { sent: 0, gone: true };
    return { sent: await mailFamily(deps, round, booking, kind) };
  },
});

export async function queueBookingMail(q: Queue, booking: BookingRow, kind: MailKind): Promise<void> {
  await enqueue(q, bookingMailJob, { bookingId: booking.id, kind, sequence: booking.sequence }, { idempotencyKey: `booking-mail:${booking.id}:${kind}:${booking.sequence}` });
}

/** The reminder a day before (now, if the meeting is sooner); re-queued with each change, the stale ones say nothing. */
export async function queueReminder(q: Queue, booking: BookingRow): Promise<void> {
  const dayBefore = new Date(booking.startsAt.getTime() - 24 * 3_600_000);
  if (booking.startsAt <= q.now()) return;
  const runAt = dayBefore > q.now() ? dayBefore : q.now();
  await enqueue(q, bookingMailJob, { bookingId: booking.id, kind: 'reminder', sequence: booking.sequence }, { idempotencyKey: `booking-mail:${booking.id}:reminder:${booking.sequence}`, runAt });
}

export const releaseHoldJob = defineJob({
  kind: 'booking-release-hold',
  version: 1,
  payload: z.object({ groupId: z.uuid() }),
  async run(deps, { groupId }) {
    const now = deps.now();
    const lapsed = (await bookingsOfGroup(deps.db, groupId)).filter((b) => b.status === 'held' && b.holdExpiresAt && b.holdExpiresAt <= now);
    if (lapsed.length === 0) return { released: 0 };
    const released = await deps.db.transaction((tx) => endBookings(tx, lapsed.map((b) => b.id), 'expired', now, null));
    for (const b of released) await queueFreedSlot(deps, b);
    return { released: released.length };
  },
});

export async function queueHoldRelease(q: Queue, groupId: string, at: Date): Promise<void> {
  await enqueue(q, releaseHoldJob, { groupId }, { idempotencyKey: `booking-release-hold:${groupId}:${at.getTime()}`, runAt: new Date(at.getTime() + 1000) });
}


// ---- the emails

export interface MeetingFacts {
  round: BookingRound;
  booking: BookingRow;
  studentName: string;
  teacher: { name: string; email: string | null; room: string | null; videoUrl: string | null };
  interpreter: { name: string; email: string | null } | null;
  /** Guardians who are told: the household and the guardians named as coming (with an email). */
  recipients: Array<{ userId: string; name: string; email: string; locale: LocaleTag }>;
  /** Who comes: guardians by name; a substitute with their relationship (a key of the family page's list, or the family's own words). */
  attendees: Array<{ name: string; relationship: string | null }>;
}

export async function meetingFacts(deps: Deps, round: BookingRound, booking: BookingRow): Promise<MeetingFacts> {
  const guardianIds = [booking.householdUserId, ...booking.attendees.flatMap((a) => (a.kind === 'guardian' ? [a.userId] : []))];
  const [students, people, teachers, interpreters, guardianRows] = await Promise.all([
    studentNames(deps.db, [booking.studentId]),
    userNames(deps.db, [...new Set([booking.teacherId, ...guardianIds])]),
    listRoundTeachers(deps.db, round.id),
    interpreterNames(deps.db, booking.interpreterId ? [booking.interpreterId] : []),
    guardiansOfStudents(deps.db, [booking.studentId]),
  ]);
  const person = new Map(people.map((p) => [p.userId, p]));
  const teacherRow = teachers.find((t) => t.userId === booking.teacherId);
  const student = students[0];
  const recipients = [...new Set(guardianIds)].flatMap((id) => {
    const p = person.get(id);
    const g = guardianRows.find((r) => r.userId === id);
    if (!p?.email || g?.archived) return [];
    return [{ userId: id, name: p.name, email: p.email, locale: matchLocale([p.preferredLocale, g?.language, round.schoolLocale]) ?? 'en' }];
  });
  return {
    round,
    booking,
    studentName: student ? `${student.givenName} ${student.familyName}` : '',
    teacher: { name: person.get(booking.teacherId)?.name ?? '', email: person.get(booking.teacherId)?.email ?? null, room: teacherRow?.room ?? null, videoUrl: teacherRow?.videoUrl ?? null },
    interpreter: interpreters[0] ? { name: interpreters[0].name, email: interpreters[0].email } : null,
    recipients,
    attendees: booking.attendees.map((a) => (a.kind === 'guardian' ? { name: person.get(a.userId)?.name ?? '', relationship: null } : { name: a.name, relationship: a.relationship })),
  };
}

/** The meeting as iCalendar data: the same UID for its whole life, SEQUENCE its change count. */
export function icsMeetingOf(facts: MeetingFacts, publicUrl: string, summary: string): IcsMeeting {
  const { booking, round } = facts;
  const location = booking.mode === 'video' ? facts.teacher.videoUrl : [facts.teacher.room, round.schoolName].filter(Boolean).join(', ');
  return {
    uid: `booking-${booking.id}@confer`,
    sequence: booking.sequence,
    start: booking.startsAt,
    end: booking.endsAt,
    timeZone: round.timeZone,
    summary,
    description: [facts.studentName, facts.teacher.name, facts.interpreter?.name, booking.note].filter(Boolean).join('\n'),
    location: location || null,
    url: `${publicUrl}/rounds/${round.id}/book`,
    organizer: { name: round.schoolName, email: facts.teacher.email },
    attendees: [
      ...facts.recipients.map((r) => ({ name: r.name, email: r.email })),
      { name: facts.teacher.name, email: facts.teacher.email },
      ...(facts.interpreter ? [{ name: facts.interpreter.name, email: facts.interpreter.email }] : []),
    ],
    cancelled: booking.status === 'cancelled',
    lastModified: booking.updatedAt,
  };
}

const relationshipKeys = new Set<string>(substituteRelationships);

/** "Rosa Díaz (grandparent)", the relationship in the reader's language when it is one of the family page's keys. */
export function attendeeLabel(deps: Deps, locale: LocaleTag, a: { name: string; relationship: string | null }): string {
  if (!a.relationship) return a.name;
  const relationship = relationshipKeys.has(a.relationship) ? deps.i18n.t(locale, `booking.relationships.${a.relationship}`) : a.relationship;
  return `${a.name} (${relationship})`;
}

async function mailFamily(deps: Deps, round: BookingRound, booking: BookingRow, kind: MailKind): Promise<number> {
  const facts = await meetingFacts(deps, round, booking);
  let sent = 0;
  for (const r of facts.recipients) {
    const say = (key: string, values: Record<string, string | number | Date> = {}) => deps.i18n.t(r.locale, `mail.booking.${key}`, values);
    const when = new Intl.DateTimeFormat(r.locale, { timeZone: round.timeZone, weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' }).format(booking.startsAt);
    const where =
      booking.mode === 'video'
        ? say('where_video', { url: facts.teacher.videoUrl ?? '' })
        : say('where_room', { room: facts.teacher.room ?? round.schoolName });
    const values = { name: r.name.split(' ')[0] ?? r.name, child: facts.studentName, teacher: facts.teacher.name, when, where, round: round.name, school: round.schoolName };
    const lines = [
      say(`${kind}_text`, values),
      '',
      `${say('when')}: ${when}`,
      where,
      facts.interpreter ? say('interpreter', { interpreter: facts.interpreter.name }) : null,
      facts.attendees.length ? `${say('coming')}: ${new Intl.ListFormat(r.locale).format(facts.attendees.map((a) => attendeeLabel(deps, r.locale, a)))}` : null,
      booking.note ? `${say('note')}: ${booking.note}` : null,
      booking.privateTime ? say('private_time') : null,
      '',
      kind.startsWith('cancelled') ? null : say('change', { url: `${deps.config.publicUrl}/rounds/${round.id}/book` }),
    ].filter((l): l is string => l !== null);
    const summary = say('summary', { child: facts.studentName, teacher: facts.teacher.name });
    const ics = meetingInvite(icsMeetingOf(facts, deps.config.publicUrl, summary), {});
    const method = booking.status === 'cancelled' ? 'CANCEL' : 'REQUEST';
    await deps.mailer.send(
      {
        to: r.email,
        subject: say(`${kind}_subject`, values),
        text: lines.join('\n'),
        attachments: [{ filename: 'conference.ics', contentType: `text/calendar; charset=utf-8; method=${method}`, content: ics }],
      },
      { dedupeKey: `booking-mail:${booking.id}:${kind}:${booking.sequence}:${r.userId}` },
    );
    sent += 1;
  }
  return sent;
}

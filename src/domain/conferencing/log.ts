/**
 * A pupil conference in the log: who conferenced whom, about what, what the child said, their
 * strengths and the barriers to their progress, and the next steps agreed (each with an owner and a
 * date). The rules here are pure; the server reads and writes the rows.
 *
 * Who sees a conference (worked example: Edward, Year 5, conferences Toby, Year 2):
 *   - a note logged by staff is `published` at once: Toby, his teachers, the admin, and — where the
 *     school allows families to read pupil conferences — Toby's guardians see it;
 *   - Edward's peer note is `pending` until Toby's teacher reviews it: only Edward (its writer),
 *     Toby's teachers and the admin see it; Toby and his mum see nothing yet;
 *   - the teacher approves it (→ `published`, everyone above sees it) or returns it with a comment
 *     (→ `returned`: Edward sees the comment, changes it and sends it again, → `pending`).
 */
import type { ConferenceType } from './stages';

export const conferenceStatuses = ['pending', 'returned', 'published'] as const;
export type ConferenceStatus = (typeof conferenceStatuses)[number];

export const stepOwners = ['child', 'teacher', 'assistant', 'family', 'conferencer'] as const;
export type StepOwner = (typeof stepOwners)[number];

export const conferencerRoles = ['teacher', 'assistant', 'pupil'] as const;
export type ConferencerRole = (typeof conferencerRoles)[number];

export const SUBJECT_MAX = 120;
export const FOCUS_MAX = 300;
export const WORDS_MAX = 4000;
export const NOTE_MAX = 2000;
export const STEP_MAX = 300;
export const STEPS_MAX = 10;
export const GROUP_MAX = 12;
export const LINKS_MAX = 12;
export const REQUEST_MAX = 500;
export const REPLY_MAX = 1000;

export interface ConferenceReader {
  /** The child's teacher (or assistant in their class) or the school's admin. */
  staff: boolean;
  /** The child themself. */
  self: boolean;
  /** One of the child's guardians. */
  guardian: boolean;
  /** The person who wrote it (a pupil conferencer's own note). */
  author: boolean;
  /** The school lets families read pupil conferences. */
  familiesMayRead: boolean;
}

export function canReadConference(reader: ConferenceReader, status: ConferenceStatus): boolean {
  if (reader.staff || reader.author) return true;
  if (status !== 'published') return false;
  return reader.self || (reader.guardian && reader.familiesMayRead);
}

export type ReviewDecision = 'approve' | 'return';

/**
 * What a review does: approving a pending note publishes it, returning sends it back. The same
 * decision again changes nothing (a double tap); the other one, once decided, is refused (null):
 * a published note is not taken back from the family by a second teacher's "return".
 */
export function reviewed(status: ConferenceStatus, decision: ReviewDecision): ConferenceStatus | null {
  const to: ConferenceStatus = decision === 'approve' ? 'published' : 'returned';
  if (status === 'pending' || status === to) return to;
  return null;
}

/** A pupil conferencer may change their note while it waits or was returned; sending it again makes it pending. */
export function peerEditable(status: ConferenceStatus): boolean {
  return status === 'pending' || status === 'returned';
}

/** The type a conference is when a pupil conferences another: cross-age when the writer is older, else peer. */
export function peerTypeOf(conferencerGrade: number, partnerGrade: number): ConferenceType {
  return conferencerGrade > partnerGrade ? 'cross_age' : 'peer';
}

export interface FollowUp {
  conferenceId: string;
  studentId: string;
  /** The day the conference was held. */
  heldOn: string;
  followUpOn: string;
}

/**
 * Follow-ups to show a teacher on a day: those whose date has come or comes within `withinDays`,
 * and not yet followed up — a later conference logged for the same child is the follow-up. Dates
 * are ISO days (YYYY-MM-DD) in the school's zone, so they compare as strings.
 * E.g. Ana's conference on 3 Nov asks for a follow-up on 17 Nov. On 12 Nov it shows as coming
 * (in 5 days); on 18 Nov as 1 day late; once a conference for Ana held on 19 Nov is logged, it is gone.
 */
export function followUpsDue<T extends FollowUp>(followUps: readonly T[], latestOf: ReadonlyMap<string, { heldOn: string; conferenceId: string }>, today: string, withinDays = 7): Array<T & { daysLate: number }> {
  const horizon = addDays(today, withinDays);
  const due: Array<T & { daysLate: number }> = [];
  for (const f of followUps) {
    if (f.followUpOn > horizon) continue;
    const latest = latestOf.get(f.studentId);
    if (latest && latest.conferenceId !== f.conferenceId && latest.heldOn >= f.heldOn) continue;
    due.push({ ...f, daysLate: daysBetween(f.followUpOn, today) });
  }
  return due.sort((a, b) => a.followUpOn.localeCompare(b.followUpOn));
}

export function addDays(isoDay: string, days: number): string {
  const d = new Date(`${isoDay}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

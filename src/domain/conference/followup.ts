/**
 * Private follow-up after a conference: a guardian asks the teacher for some time about their
 * child (never shown to the child); the teacher replies, or offers a time, and either side closes
 * the thread when it is done. Pure: statuses, times and `now` in; what follows out.
 *
 * Statuses say whose turn it is:
 *   - open: the family wrote last — the teacher's queue shows it as waiting;
 *   - answered: the school wrote last — the family's turn, or nothing more to say;
 *   - scheduled: the teacher offered a time (it stays scheduled while both sides write about it);
 *   - closed: done; nobody writes any more (a new request may be made).
 * A family has at most one request per conference that is not closed (more goes in its thread).
 *
 * Worked example: Luis asks "Could we talk about Ana's reading, without her?" (open). Ms Okafor
 * replies "Of course — Thursday after school?" (answered). Luis: "Thursday is fine" (open again).
 * She offers Thu 5 Nov 15:45–16:00 in Room 4 (scheduled; Luis is emailed a calendar invitation).
 * Luis: "See you then" (still scheduled). After the talk she closes it (closed).
 */

export const followupStatuses = ['open', 'scheduled', 'answered', 'closed'] as const;
export type FollowupStatus = (typeof followupStatuses)[number];
/** Who wrote: the guardian who asked, or the school (the teacher, or the admin). */
export type FollowupSide = 'family' | 'school';

export const FOLLOWUP_MESSAGE_MAX = 2000;
export const FOLLOWUP_PLACE_MAX = 200;
/** How long an offered meeting may be, in minutes. */
export const FOLLOWUP_MINUTES_MIN = 5;
export const FOLLOWUP_MINUTES_MAX = 120;
/** At most this many free times are suggested to the teacher. */
export const SUGGESTED_TIMES_MAX = 8;

export function isActive(status: FollowupStatus): boolean {
  return status !== 'closed';
}

/** The status after a message from `side`; null when the thread is closed (nobody writes). */
export function statusAfterMessage(status: FollowupStatus, side: FollowupSide): FollowupStatus | null {
  if (status === 'closed') return null;
  if (status === 'scheduled') return 'scheduled';
  return side === 'family' ? 'open' : 'answered';
}

/** The status after the teacher offers a time; null when the thread is closed. */
export function statusAfterSchedule(status: FollowupStatus): FollowupStatus | null {
  return status === 'closed' ? null : 'scheduled';
}

export interface Interval {
  startsAt: Date;
  endsAt: Date;
}

function overlaps(a: Interval, b: Interval): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

/**
 * Why an offered time cannot be given, or null: it must be in the future, and not overlap the
 * teacher's meetings (`busy`: their conferences and other follow-ups they offered).
 *   offer 15:45–16:00, now 15:00, busy [15:30–15:50] → 'teacher_busy'
 *   offer 14:00–14:15, now 15:00                      → 'in_past'
 */
export function offerProblem(offer: Interval, now: Date, busy: readonly Interval[]): 'in_past' | 'teacher_busy' | null {
  if (offer.startsAt <= now) return 'in_past';
  if (busy.some((b) => overlaps(offer, b))) return 'teacher_busy';
  return null;
}

/**
 * The teacher's free times to suggest: their conference slots (in order) that start after `now`,
 * on or after `from` (the conference's start: a follow-up is after it, the same evening when there
 * is time), and overlap none of `busy`; at most `limit`.
 *   slots 15:30, 15:55, 16:20, 16:45; conference at 15:30; busy 15:30 and 16:20; now 15:40
 *   → 15:55, 16:45
 */
export function freeTimes(slots: readonly Interval[], busy: readonly Interval[], now: Date, from: Date, limit = SUGGESTED_TIMES_MAX): Interval[] {
  const out: Interval[] = [];
  for (const s of [...slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())) {
    if (out.length >= limit) break;
    if (s.startsAt <= now || s.startsAt < from) continue;
    if (busy.some((b) => overlaps(s, b))) continue;
    out.push({ startsAt: s.startsAt, endsAt: s.endsAt });
  }
  return out;
}

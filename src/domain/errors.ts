/**
 * Errors the domain and the use cases raise. Each code is stable: the API returns it, the browser
 * shows `errors.<code>` from the locale files, and `src/server/http/errors.ts` maps it to a status.
 */
export const errorCodes = [
  /** The request body, query or parameters did not match the schema; `fields` says which. */
  'validation_failed',
  /** The body could not be parsed at all (malformed JSON, wrong content type). */
  'bad_request',
  /** The body is larger than the server accepts. */
  'payload_too_large',
  /** Sign-in is needed (no session, or it has expired or been signed out). */
  'unauthenticated',
  /** Signed in, but this person may not do this to this thing. */
  'forbidden',
  /** No such thing (or route). */
  'not_found',
  /** The state-changing request lacked the CSRF token that proves it came from Confer's own page. */
  'csrf_failed',
  /** Too many attempts; try again later. */
  'rate_limited',
  /** Email/username and password, or the pictures, did not match. */
  'invalid_credentials',
  /** The one-time sign-in link is unknown, used, or expired. */
  'link_invalid',
  /** The class code matches no class. */
  'class_code_unknown',
  /** The uploaded file's content is of a type Confer does not take (checked from its bytes, not its name). */
  'media_type_not_allowed',
  /** The uploaded file is larger than its kind may be; `limitMb` says how large it may be. */
  'media_too_large',
  /** The thing changed or already exists. */
  'conflict',
  /** A selection prompt children have already picked work for: it cannot be removed. */
  'prompt_in_use',
  /** Someone else has that time, or one of the family's people has another meeting then. */
  'slot_taken',
  /** The child already has a meeting in this round. */
  'already_booked',
  /** Booking for the round has not opened yet. */
  'booking_not_open',
  /** Booking for the round has closed. */
  'booking_closed',
  /** Too close to the meeting for the family to change it: the school can. */
  'change_cutoff_passed',
  /** No interpreter for the family's language is free at that time. */
  'no_interpreter',
  /** The hold ran out before it was confirmed; the times were released. */
  'hold_expired',
  /** Not one of the round's times for that teacher. */
  'not_a_slot',
  /** Sessions or a teacher with meetings booked in them cannot be removed or shortened. */
  'has_bookings',
  /** The conference has ended. */
  'conference_ended',
  /** Only after the conference ended (its record, the survey). */
  'conference_not_ended',
  /** The teacher has not finalised the record yet. */
  'record_not_finalised',
  /** The school or class does not allow sharing records by link. */
  'sharing_off',
  /** The shared link has run out or was revoked. */
  'share_expired',
  /** The follow-up request was closed. */
  'followup_closed',
  /** Families of this round say when they can come and the school gives them times; they do not choose times themselves. */
  'availability_round',
  /** Families of this round choose their own times: there is no availability to collect or schedule. */
  'not_availability_round',
  /** The scheduler is already running for this round. */
  'schedule_running',
  /** No family has answered yet (or every child answered for already has a meeting). */
  'nothing_to_schedule',
  /** The schedule is still being made, failed, or was published already. */
  'run_not_ready',
  /** Something was booked since the schedule was made, so it no longer fits: run the scheduler again. */
  'schedule_out_of_date',
  /** The pupil's conference note was reviewed already (or is not waiting for review). */
  'already_reviewed',
  /** Children of this stage do not ask for conferences themselves (the school's conferencing settings). */
  'requests_off',
  /** The request was dealt with already. */
  'request_closed',
  /** That pupil already conferences this child. */
  'already_paired',
  /** The pairing has ended: the pieces are no longer shared. */
  'pairing_ended',
  /** Anything unexpected: logged with the request id; no detail leaves the server. */
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorDetails {
  /** Field path (dot-joined) → message key or short English reason. */
  fields?: Record<string, string>;
  /** Seconds to wait, for `rate_limited`. */
  retryAfterSeconds?: number;
  /** The size limit, in megabytes, for `media_too_large`. */
  limitMb?: number;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: ErrorDetails = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

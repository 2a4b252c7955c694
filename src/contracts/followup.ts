/**
 * API shapes of private follow-up: a guardian's request for time with the teacher about their
 * child, its messages, the time the teacher offers. Never shown to the child.
 */
import { z } from 'zod';
import { FOLLOWUP_MESSAGE_MAX, FOLLOWUP_MINUTES_MAX, FOLLOWUP_MINUTES_MIN, FOLLOWUP_PLACE_MAX, followupStatuses } from '../domain/conference/followup';

const id = z.uuid();
const instant = z.iso.datetime({ offset: true });

export const newFollowup = z.object({ message: z.string().trim().min(1).max(FOLLOWUP_MESSAGE_MAX) });
export const newFollowupMessage = z.object({ body: z.string().trim().min(1).max(FOLLOWUP_MESSAGE_MAX) });
/** The teacher offers a time: when, how long, where (a room, "by phone"), and a few words if they like. */
export const followupOffer = z.object({
  startsAt: instant,
  minutes: z.number().int().min(FOLLOWUP_MINUTES_MIN).max(FOLLOWUP_MINUTES_MAX),
  place: z.string().trim().max(FOLLOWUP_PLACE_MAX).default(''),
  message: z.string().trim().max(FOLLOWUP_MESSAGE_MAX).optional(),
});
export type FollowupOffer = z.input<typeof followupOffer>;
export const followupQuery = z.object({ status: z.enum(followupStatuses).optional() });

export const followupView = z.object({
  id,
  conferenceId: id,
  status: z.enum(followupStatuses),
  createdAt: instant,
  updatedAt: instant,
  student: z.object({ id, name: z.string() }),
  /** The guardian who asked. */
  guardian: z.object({ id, name: z.string() }),
  teacher: z.object({ id, name: z.string() }),
  round: z.object({ name: z.string() }),
  conferenceStartsAt: instant,
  /** The school's zone: times are shown in it. */
  timeZone: z.string(),
  /** The time the teacher offered, if any. */
  meeting: z.object({ startsAt: instant, endsAt: instant, place: z.string() }).nullable(),
  messages: z.array(z.object({ id, side: z.enum(['family', 'school']), author: z.string(), body: z.string(), createdAt: instant, mine: z.boolean() })),
  /** For the school's side: the teacher's free conference times from now on (empty when none can be worked out). */
  suggestedTimes: z.array(z.object({ startsAt: instant, endsAt: instant })),
  can: z.object({ write: z.boolean(), schedule: z.boolean(), close: z.boolean() }),
});
export type FollowupView = z.infer<typeof followupView>;

export const followupList = z.object({ requests: z.array(followupView) });
export type FollowupList = z.infer<typeof followupList>;

/**
 * API shapes of availability rounds: a family's answer (when they can come), and the admin's
 * scheduler — runs with their progress, the review of a schedule (coverage, who is not placed and
 * why, waiting per family, interpreters' timetables), locking and re-running, publishing.
 * Instants travel as ISO strings; a family's windows as wall-clock 'HH:MM' of a session.
 */
import { z } from 'zod';
import { unscheduledReasons } from '../domain/scheduling/format';

const id = z.uuid();
const instant = z.iso.datetime({ offset: true });
const wallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid_time');

export const AVAILABILITY_NOTE_MAX = 500;
export const bookingModes = ['self', 'availability'] as const;

export const availabilityWindow = z.object({ sessionId: id, start: wallTime, end: wallTime });

export const availabilityInput = z.object({
  /** An admin answering for a family (on the phone); a guardian answers for their own household. */
  householdUserId: id.optional(),
  windows: z.array(availabilityWindow).max(30),
  oneEvening: z.boolean().default(true),
  note: z.string().trim().max(AVAILABILITY_NOTE_MAX).default(''),
});
export type AvailabilityInput = z.input<typeof availabilityInput>;

export const availabilityView = z.object({
  round: z.object({
    id,
    name: z.string(),
    timeZone: z.string(),
    bookingMode: z.enum(bookingModes),
    state: z.enum(['not_open', 'open', 'closed']),
    opensAt: instant.nullable(),
    closesAt: instant.nullable(),
    slotMinutes: z.number().int(),
  }),
  householdUserId: id,
  language: z.string(),
  /** Each session with the times a family can choose from (slot starts) and until (slot ends). */
  sessions: z.array(z.object({ id, date: z.iso.date(), startTime: wallTime, endTime: wallTime, starts: z.array(wallTime), ends: z.array(wallTime) })),
  children: z.array(z.object({ studentId: id, name: z.string(), className: z.string(), teacher: z.object({ id, name: z.string() }).nullable(), needsInterpreter: z.boolean(), booked: z.boolean() })),
  response: z.object({ windows: z.array(availabilityWindow), oneEvening: z.boolean(), note: z.string(), updatedAt: instant }).nullable(),
  /** Another adult of the family answered already (their answer counts for the children you share). */
  answeredBy: z.object({ name: z.string(), updatedAt: instant }).nullable(),
  /** The school has given the family its times (the booking page shows them). */
  published: z.boolean(),
});
export type AvailabilityView = z.infer<typeof availabilityView>;

export const runInput = z.object({
  /** How long the scheduler may improve the schedule, in seconds. */
  seconds: z.number().int().min(1).max(30).default(5),
  /** A run to change as little as possible (its meetings stay where they can). */
  fromRunId: id.optional(),
  /** Requests (meetings) of that run kept exactly where they are. */
  locked: z.array(z.string().max(100)).max(5000).default([]),
});
export type RunInput = z.input<typeof runInput>;

export const runParams = z.object({ id, runId: id });

export const runMeasures = z.object({
  requests: z.number().int(),
  scheduled: z.number().int(),
  coverage: z.number(),
  familyIdleMean: z.number(),
  familyIdleMax: z.number(),
  teacherIdle: z.number(),
});

export const runView = z.object({
  id,
  status: z.enum(['running', 'done', 'failed', 'published']),
  /** 0–1 while running. */
  progress: z.number().nullable(),
  error: z.string().nullable(),
  seconds: z.number().int(),
  createdAt: instant,
  finishedAt: instant.nullable(),
  publishedAt: instant.nullable(),
  previousRunId: id.nullable(),
  /** Meetings of the previous run now elsewhere (null: not a re-run, or not finished). */
  moved: z.number().int().nullable(),
  measures: runMeasures.nullable(),
  meetings: z.array(
    z.object({
      request: z.string(),
      householdUserId: id,
      family: z.string(),
      studentName: z.string(),
      teacherId: id,
      teacherName: z.string(),
      startsAt: instant,
      endsAt: instant,
      interpreter: z.object({ id, name: z.string() }).nullable(),
      language: z.string(),
      locked: z.boolean(),
      /** Not where the previous run had it. */
      moved: z.boolean(),
    }),
  ),
  unplaced: z.array(z.object({ request: z.string(), family: z.string(), studentName: z.string(), teacherName: z.string(), reason: z.enum(unscheduledReasons) })),
  families: z.array(z.object({ householdUserId: id, name: z.string(), meetings: z.number().int(), waitMinutes: z.number().int() })),
  interpreters: z.array(z.object({ id, name: z.string(), languages: z.array(z.string()), meetings: z.number().int(), idleMinutes: z.number().int() })),
});
export type RunView = z.infer<typeof runView>;

export const scheduleView = z.object({
  round: z.object({ id, name: z.string(), timeZone: z.string(), bookingMode: z.enum(bookingModes), state: z.enum(['not_open', 'open', 'closed']) }),
  answers: z.object({
    /** Children of the round's classes still without a meeting. */
    children: z.number().int(),
    /** Of those, the ones whose family has answered. */
    answered: z.number().int(),
    booked: z.number().int(),
    missing: z.array(z.object({ studentId: id, name: z.string(), className: z.string(), guardians: z.string() })),
  }),
  run: runView.nullable(),
});
export type ScheduleView = z.infer<typeof scheduleView>;

export const published = z.object({ booked: z.number().int(), families: z.number().int() });

/**
 * API shapes of "running late" on conference day: a family's status page, an interpreter's, and a
 * teacher's day with expected times (src/domain/conference/late.ts says how they are worked out).
 * Times travel as ISO instants; pages show them in the school's zone (`timeZone`).
 */
import { z } from 'zod';
import { conferenceStatuses } from './conference';

const id = z.uuid();
const instant = z.iso.datetime({ offset: true });

export const meetingStates = ['ended', 'in_progress', 'waiting', 'no_show', 'passed_over'] as const;

/** One meeting's times: as booked, and as now expected. */
export const expectedTimesView = z.object({
  startsAt: instant,
  endsAt: instant,
  expectedStartsAt: instant,
  expectedEndsAt: instant,
  /** Minutes after the booked start that it started or is expected to (0: on time). */
  delayMinutes: z.number().int().min(0),
  /** waiting: still to come; no_show and passed_over take no time in the evening. */
  state: z.enum(meetingStates),
  /** Meetings in progress or still to come before this one, that day. */
  familiesBefore: z.number().int().min(0),
});
export type ExpectedTimesView = z.infer<typeof expectedTimesView>;

const teacherView = z.object({ name: z.string(), room: z.string().nullable() });

/** What a family's status page shows: their meeting, with its expected time, live. */
export const conferenceStatusView = z.object({
  conferenceId: id,
  /** The school's date of the meeting, and whether it is today (only then is anything projected). */
  date: z.iso.date(),
  today: z.boolean(),
  timeZone: z.string(),
  student: z.object({ givenName: z.string() }),
  teacher: teacherView,
  mode: z.enum(['in_person', 'video']),
  status: z.enum(conferenceStatuses),
  startedAt: instant.nullable(),
  endedAt: instant.nullable(),
  meeting: expectedTimesView,
});
export type ConferenceStatusView = z.infer<typeof conferenceStatusView>;

/** An interpreter's meetings of today (the secret of their calendar feed is the key). */
export const interpreterStatusView = z.object({
  interpreter: z.object({ name: z.string() }),
  date: z.iso.date(),
  timeZone: z.string(),
  meetings: z.array(
    expectedTimesView.extend({
      bookingId: id,
      teacher: teacherView,
      student: z.object({ name: z.string() }),
      language: z.string(),
      mode: z.enum(['in_person', 'video']),
    }),
  ),
});
export type InterpreterStatusView = z.infer<typeof interpreterStatusView>;

/** A teacher's meetings of one day with expected times, and how late they are running. */
export const teacherDayStatusView = z.object({
  teacherId: id,
  date: z.iso.date(),
  timeZone: z.string(),
  /** How late the next meeting to start is expected to begin (0: on time). */
  runningLateMinutes: z.number().int().min(0),
  meetings: z.array(
    expectedTimesView.extend({
      bookingId: id,
      conferenceId: id.nullable(),
      student: z.object({ id, name: z.string() }),
      status: z.enum(conferenceStatuses),
      attendance: z.enum(['attended', 'no_show']).nullable(),
    }),
  ),
});
export type TeacherDayStatusView = z.infer<typeof teacherDayStatusView>;

export const dayStatusQuery = z.object({ date: z.iso.date().optional() });
/** A calendar feed's secret (the same one as /calendar/<secret>.ics). */
export const interpreterTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });

/**
 * API shapes of rounds' booking set-up, family booking (holds, confirmation, waitlist, changes),
 * teachers' day sheets, the admin's coverage board and interpreters. Times travel as ISO instants;
 * wall-clock times of sessions as 'HH:MM' in the school's zone (the page shows both in that zone).
 */
import { z } from 'zod';

const id = z.uuid();
const day = z.iso.date();
const instant = z.iso.datetime({ offset: true });
const wallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid_time');
/** A BCP 47 language tag: 'en', 'ko', 'pt-BR', 'so'. */
export const languageTag = z.string().trim().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'invalid_language').max(35);

export const NOTE_MAX = 1000;
export const ROOM_MAX = 60;
export const NAME_MAX = 120;

/** Who a substitute adult is to the child, as the family page offers it: sent as these keys (named in each reader's language, `booking.relationships.<key>`), or the family's own words. */
export const substituteRelationships = ['grandparent', 'aunt_uncle', 'sibling', 'relative', 'family_friend', 'carer'] as const;

export const bookingStatuses = ['held', 'confirmed', 'cancelled', 'expired'] as const;
export const modes = ['in_person', 'video'] as const;

// Set-up -----------------------------------------------------------------------------------------

export const bookingSettings = z.object({
  slotMinutes: z.number().int().min(10).max(30),
  bufferMinutes: z.number().int().min(0).max(30),
  walkMinutes: z.number().int().min(0).max(30),
  holdMinutes: z.number().int().min(2).max(60),
  bookingOpensAt: instant.nullable(),
  bookingClosesAt: instant.nullable(),
  changeCutoffHours: z.number().int().min(0).max(336),
  separatedGuardians: z.enum(['separate', 'together']),
  allowVideo: z.boolean(),
  /** Conference day: families further down a teacher's evening are told when their meeting runs this many minutes late (0: never). */
  lateNoticeMinutes: z.number().int().min(0).max(120),
  /** `self`: families choose their own times; `availability`: they say when they can come and the school's scheduler gives the times. */
  bookingMode: z.enum(['self', 'availability']),
});
export type BookingSettings = z.infer<typeof bookingSettings>;
export const bookingSettingsChange = bookingSettings.partial();

const breakInput = z.object({ start: wallTime, end: wallTime });
export const sessionInput = z.object({
  id: id.optional(),
  date: day,
  startTime: wallTime,
  endTime: wallTime,
  breaks: z.array(breakInput).max(6).default([]),
});
export const sessionsInput = z.object({ sessions: z.array(sessionInput).max(30) });
export const sessionView = sessionInput.extend({ id, startsAt: instant, endsAt: instant, breaks: z.array(breakInput) });
export type SessionView = z.infer<typeof sessionView>;

export const availabilityInput = z.array(z.object({ sessionId: id, start: wallTime, end: wallTime })).max(60).nullable();

export const roundTeacherInput = z.object({
  room: z.string().trim().max(ROOM_MAX).nullable().default(null),
  videoUrl: z.url({ protocol: /^https?$/ }).max(500).nullable().default(null),
  availability: availabilityInput.default(null),
  /** Languages the teacher holds a conference in (kept on the person, for every round). */
  languages: z.array(languageTag).max(10).optional(),
});
export const roundTeacherView = z.object({
  userId: id,
  name: z.string(),
  room: z.string().nullable(),
  videoUrl: z.string().nullable(),
  availability: availabilityInput,
  languages: z.array(z.string()),
  /** The participating classes this teacher leads. */
  classes: z.array(z.object({ id, name: z.string() })),
  slotCount: z.number().int(),
  bookedCount: z.number().int(),
});

export const interpreterInput = z.object({
  name: z.string().trim().min(1).max(NAME_MAX),
  email: z.email().max(254).nullable().default(null),
  languages: z.array(languageTag).min(1).max(10),
});
export const interpreterView = z.object({ id, name: z.string(), email: z.string().nullable(), languages: z.array(z.string()), archived: z.boolean() });
export const interpreterList = z.object({ interpreters: z.array(interpreterView) });
export const roundInterpreterInput = z.object({ availability: availabilityInput.default(null) });

export const roundSetup = z.object({
  round: z.object({ id, schoolId: id, name: z.string(), startsOn: day, endsOn: day, timeZone: z.string(), state: z.enum(['not_open', 'open', 'closed']) }),
  settings: bookingSettings,
  sessions: z.array(sessionView),
  classes: z.array(z.object({ id, name: z.string(), yearGroup: z.string(), takingPart: z.boolean(), leadTeacherIds: z.array(id) })),
  teachers: z.array(roundTeacherView),
  /** Staff who could be added. */
  staff: z.array(z.object({ userId: id, name: z.string() })),
  interpreters: z.array(interpreterView.extend({ takingPart: z.boolean(), availability: availabilityInput, bookedCount: z.number().int() })),
});
export type RoundSetup = z.infer<typeof roundSetup>;
export const roundClassesInput = z.object({ classIds: z.array(id).max(200) });
export const roundTeacherParams = z.object({ id, userId: id });
export const roundInterpreterParams = z.object({ id, interpreterId: id });

// Family booking ---------------------------------------------------------------------------------

export const attendeeInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('guardian'), userId: id }),
  z.object({ kind: z.literal('substitute'), name: z.string().trim().min(1).max(NAME_MAX), relationship: z.string().trim().min(1).max(60) }),
]);
export const attendeeView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('guardian'), userId: id, name: z.string() }),
  z.object({ kind: z.literal('substitute'), name: z.string(), relationship: z.string() }),
]);

export const bookingView = z.object({
  id,
  groupId: id,
  roundId: id,
  status: z.enum(bookingStatuses),
  holdExpiresAt: instant.nullable(),
  startsAt: instant,
  endsAt: instant,
  student: z.object({ id, name: z.string() }),
  teacher: z.object({ id, name: z.string(), room: z.string().nullable(), videoUrl: z.string().nullable() }),
  householdUserId: id,
  mode: z.enum(modes),
  language: z.string(),
  interpreter: z.object({ id, name: z.string() }).nullable(),
  attendees: z.array(attendeeView),
  note: z.string(),
  privateTime: z.boolean(),
  /** Until when the family can move or cancel it. */
  changeUntil: instant,
  canChange: z.boolean(),
});
export type BookingView = z.infer<typeof bookingView>;

const slotView = z.object({ startsAt: instant, endsAt: instant, nextToInterpreter: z.boolean() });
export const familyOptions = z.object({
  round: z.object({
    id,
    name: z.string(),
    timeZone: z.string(),
    state: z.enum(['not_open', 'open', 'closed']),
    bookingOpensAt: instant.nullable(),
    bookingClosesAt: instant.nullable(),
    holdMinutes: z.number().int(),
    walkMinutes: z.number().int(),
    changeCutoffHours: z.number().int(),
    allowVideo: z.boolean(),
    bookingMode: z.enum(['self', 'availability']),
  }),
  householdUserId: id,
  /** The language the family's meetings are held in; an interpreter is found when a teacher does not speak it. */
  language: z.string(),
  /** Other adults of the family who can be named as coming. */
  guardians: z.array(z.object({ userId: id, name: z.string() })),
  children: z.array(
    z.object({
      studentId: id,
      name: z.string(),
      className: z.string(),
      teacher: z.object({ id, name: z.string(), room: z.string().nullable() }).nullable(),
      needsInterpreter: z.boolean(),
      /** Booked by this household (or shared with it), or by the other household when separated guardians share. */
      booking: bookingView.nullable(),
      waitlisted: z.boolean(),
      free: z.array(slotView),
    }),
  ),
  sequences: z.array(
    z.object({
      meetings: z.array(z.object({ studentId: id, teacherId: id, startsAt: instant, endsAt: instant })),
      waitMinutes: z.number(),
      interpreterAdjacent: z.number().int(),
    }),
  ),
  /** The household's current hold, if any. */
  hold: z.object({ groupId: id, expiresAt: instant, bookings: z.array(bookingView) }).nullable(),
});
export type FamilyOptions = z.infer<typeof familyOptions>;
export const familyQuery = z.object({ household: id.optional() });

export const holdInput = z.object({
  /** An admin books on a family's behalf: the guardian whose booking it is. */
  householdUserId: id.optional(),
  meetings: z.array(z.object({ studentId: id, startsAt: instant })).min(1).max(8),
});
export const holdView = z.object({ groupId: id, expiresAt: instant, bookings: z.array(bookingView) });
export type HoldView = z.infer<typeof holdView>;

export const bookingDetails = z.object({
  attendees: z.array(attendeeInput).min(1).max(4),
  mode: z.enum(modes).default('in_person'),
  note: z.string().trim().max(NOTE_MAX).default(''),
  privateTime: z.boolean().default(false),
});
export const bookingDetailsChange = bookingDetails.partial();
export const confirmed = z.object({ bookings: z.array(bookingView) });
export const groupParams = z.object({ groupId: id });

export const moveInput = z.object({ startsAt: instant });
export const languageInput = z.object({ language: languageTag, householdUserId: id.optional() });

export const waitlistInput = z.object({ householdUserId: id.optional(), studentIds: z.array(id).min(1).max(8), note: z.string().trim().max(NOTE_MAX).default('') });
export const waitlistView = z.object({ entries: z.array(z.object({ id, studentId: id, status: z.enum(['waiting', 'offered', 'booked', 'withdrawn']) })) });
export const claimParams = z.object({ token: z.string().min(20).max(100) });
export const claimView = z.object({ status: z.enum(['offered', 'booked', 'expired']), roundId: id, booking: bookingView.nullable() });
export type ClaimView = z.infer<typeof claimView>;

// Teachers and admins ----------------------------------------------------------------------------

export const sheetMeeting = z.object({
  bookingId: id,
  startsAt: instant,
  endsAt: instant,
  student: z.object({ id, name: z.string(), givenName: z.string(), familyName: z.string(), className: z.string() }),
  attendees: z.array(attendeeView),
  interpreter: z.object({ id, name: z.string() }).nullable(),
  language: z.string(),
  mode: z.enum(modes),
  note: z.string(),
  privateTime: z.boolean(),
  status: z.enum(bookingStatuses),
});
export const daySheet = z.object({
  round: z.object({ id, name: z.string(), timeZone: z.string() }),
  teacher: z.object({ id, name: z.string(), room: z.string().nullable(), videoUrl: z.string().nullable() }),
  days: z.array(
    z.object({
      date: day,
      slots: z.array(z.object({ startsAt: instant, endsAt: instant, meeting: sheetMeeting.nullable() })),
    }),
  ),
});
export type DaySheet = z.infer<typeof daySheet>;

export const coverage = z.object({
  round: z.object({ id, name: z.string(), state: z.enum(['not_open', 'open', 'closed']) }),
  totals: z.object({ children: z.number().int(), booked: z.number().int(), waitlisted: z.number().int(), held: z.number().int() }),
  classes: z.array(
    z.object({
      classId: id,
      name: z.string(),
      children: z.number().int(),
      booked: z.number().int(),
      unbooked: z.array(z.object({ studentId: id, name: z.string(), languages: z.array(z.string()), waitlisted: z.boolean(), guardians: z.array(z.object({ userId: id, name: z.string() })) })),
    }),
  ),
  languages: z.array(z.object({ language: z.string(), unbooked: z.number().int(), booked: z.number().int(), interpreters: z.number().int() })),
});
export type Coverage = z.infer<typeof coverage>;
export const nudgeInput = z.object({ classId: id.optional(), language: languageTag.optional() });
export const nudged = z.object({ families: z.number().int() });

export const feedView = z.object({ url: z.string() });
export const feedTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/) });

// Home ---------------------------------------------------------------------------------------------

/** The rounds on a person's home page: to book as a family, or to hold as a teacher. */
export const myConferences = z.object({
  family: z.array(
    z.object({
      roundId: id,
      name: z.string(),
      state: z.enum(['not_open', 'open', 'closed']),
      bookingOpensAt: instant.nullable(),
      children: z.number().int(),
      booked: z.number().int(),
      /** The household's confirmed meetings, for the conference-day pages (cards, status, record). */
      meetings: z.array(z.object({ conferenceId: id, studentName: z.string(), startsAt: instant, status: z.enum(['scheduled', 'in_progress', 'ended']), recordVersion: z.number().int() })),
    }),
  ),
  teaching: z.array(z.object({ roundId: id, name: z.string(), firstDay: day.nullable(), booked: z.number().int() })),
  /** A child's own conferences (signed in as themself): to present, and afterwards the record and the survey. */
  presenting: z.array(z.object({ conferenceId: id, startsAt: instant, status: z.enum(['scheduled', 'in_progress', 'ended']), recordVersion: z.number().int() })),
});
export type MyConferences = z.infer<typeof myConferences>;

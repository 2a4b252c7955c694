/**
 * API shapes of conference day: the child's agenda and presenter, the teacher's facilitator view
 * and day list, the family's prompt cards, and the conference record (a snapshot, versioned).
 * Fixed words (step titles, prompts) are keys the page translates in the family's language; what
 * people wrote travels as they wrote it.
 */
import { z } from 'zod';
import { mediaView } from './portfolio';

const id = z.uuid();
const instant = z.iso.datetime({ offset: true });

export const NOTE_MAX = 1000;
export const SUMMARY_MAX = 4000;
export const STEP_TITLE_MAX = 120;
export const STEP_TEXT_MAX = 1000;
export const AGENDA_MAX = 30;

export const conferenceStatuses = ['scheduled', 'in_progress', 'ended'] as const;
export const attendances = ['attended', 'no_show'] as const;
export const fixedStepKinds = ['welcome', 'strengths', 'goals', 'questions', 'commitments'] as const;

/** A step as saved: the teacher sends the whole agenda in order (custom steps with their words). */
export const agendaStepInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(fixedStepKinds), id: z.string().min(1).max(80) }),
  z.object({ kind: z.literal('piece'), id: z.string().min(1).max(80), selectionId: id }),
  z.object({
    kind: z.literal('custom'),
    id: z.string().min(1).max(80),
    title: z.string().trim().min(1).max(STEP_TITLE_MAX),
    text: z.string().trim().max(STEP_TEXT_MAX).default(''),
  }),
]);
export const agendaChange = z.object({ steps: z.array(agendaStepInput).min(1).max(AGENDA_MAX) });

const localizedWords = z.object({ text: z.string(), lang: z.string() });

/** One of the child's answers about a piece: our question (a key) or the teacher's (their words). */
export const reflectionView = z.object({
  questionKey: z.string().nullable(),
  question: localizedWords.nullable(),
  text: z.string(),
  audio: mediaView.nullable(),
});

export const pieceView = z.object({
  selectionId: id,
  postId: id,
  prompt: localizedWords,
  caption: z.string(),
  firstText: z.string().nullable(),
  firstKind: z.string(),
  /** Every photo, drawing, video or recording of the post, to show full screen. */
  media: z.array(mediaView),
  reflections: z.array(reflectionView),
});
export type PieceView = z.infer<typeof pieceView>;

export const goalView = z.object({
  id,
  what: z.string(),
  measure: z.string(),
  status: z.string(),
  commitments: z.array(z.object({ userId: id, role: z.enum(['student', 'teacher', 'guardian']), name: z.string(), text: z.string() })),
});

/** A step as shown: what it is, and its content (a piece's work, the strengths, the goals). */
export const agendaStepView = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(fixedStepKinds), id: z.string() }),
  z.object({ kind: z.literal('piece'), id: z.string(), piece: pieceView }),
  z.object({ kind: z.literal('custom'), id: z.string(), title: z.string(), text: z.string() }),
]);
export type AgendaStepView = z.infer<typeof agendaStepView>;

export const attendeeView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('guardian'), userId: id, name: z.string() }),
  z.object({ kind: z.literal('substitute'), name: z.string(), relationship: z.string() }),
]);

export const conferenceNote = z.object({ id: z.string(), at: instant, text: z.string() });

/** What a page streams to follow a conference live (the step the child is on, started, ended). */
export const conferenceLive = z.object({
  status: z.enum(conferenceStatuses),
  currentStepId: z.string().nullable(),
  startedAt: instant.nullable(),
  endedAt: instant.nullable(),
  /** Changes when the agenda, the goals or the commitments change: the page reads the conference again. */
  revision: z.string(),
});
export type ConferenceLive = z.infer<typeof conferenceLive>;

export const conferenceView = z.object({
  id,
  bookingId: id,
  roundId: id,
  round: z.object({ name: z.string(), slotMinutes: z.number().int(), timeZone: z.string() }),
  student: z.object({ id, givenName: z.string(), familyName: z.string(), className: z.string().nullable() }),
  teacher: z.object({ id, name: z.string(), room: z.string().nullable(), videoUrl: z.string().nullable() }),
  startsAt: instant,
  endsAt: instant,
  mode: z.enum(['in_person', 'video']),
  /** The family's language: fixed words of the agenda and the cards are in it. */
  language: z.string(),
  interpreter: z.object({ name: z.string() }).nullable(),
  attendees: z.array(attendeeView),
  privateTime: z.boolean(),
  live: conferenceLive,
  attendance: z.enum(attendances).nullable(),
  agenda: z.array(agendaStepView),
  /** Whether the teacher changed the order or added steps (else it follows the child's preparation). */
  agendaCustomised: z.boolean(),
  goals: z.array(goalView),
  /** From the child's reflections and the criteria they marked: what I do well / what I am working on. */
  strengths: z.array(z.string()),
  workingOn: z.array(z.string()),
  /** Facilitators only (null for anyone else): quick notes, the scaffolding note from preparation. */
  notes: z.array(conferenceNote).nullable(),
  scaffoldingNote: z.string().nullable(),
  summary: z.string().nullable(),
  nextSteps: z.string(),
  recordVersion: z.number().int(),
  /** The reader: whose commitment they write (null: none), and what they may do here. */
  me: z.object({ userId: id, commitmentRole: z.enum(['student', 'teacher', 'guardian']).nullable() }),
  can: z.object({ present: z.boolean(), facilitate: z.boolean(), family: z.boolean(), readRecord: z.boolean() }),
});
export type ConferenceView = z.infer<typeof conferenceView>;

export const stepChange = z.object({ stepId: z.string().min(1).max(80) });
export const attendanceChange = z.object({ attendance: z.enum(attendances).nullable() });
export const newNote = z.object({ text: z.string().trim().min(1).max(NOTE_MAX) });
export const outcomesChange = z.object({
  summary: z.string().trim().max(SUMMARY_MAX).optional(),
  nextSteps: z.string().trim().max(SUMMARY_MAX).optional(),
});

// The teacher's day ------------------------------------------------------------------------------

export const dayConference = z.object({
  conferenceId: id,
  bookingId: id,
  startsAt: instant,
  endsAt: instant,
  student: z.object({ id, name: z.string() }),
  mode: z.enum(['in_person', 'video']),
  language: z.string(),
  interpreter: z.object({ name: z.string() }).nullable(),
  attendees: z.array(attendeeView),
  videoUrl: z.string().nullable(),
  privateTime: z.boolean(),
  status: z.enum(conferenceStatuses),
  attendance: z.enum(attendances).nullable(),
  recordVersion: z.number().int(),
});
export const conferenceDay = z.object({
  date: z.iso.date(),
  timeZone: z.string(),
  conferences: z.array(dayConference),
});
export type ConferenceDay = z.infer<typeof conferenceDay>;
export const dayQuery = z.object({ date: z.iso.date().optional() });

// The record -------------------------------------------------------------------------------------

/**
 * The record as finalised (a snapshot: later edits to goals or posts do not change it). Media are
 * named by id; the page asks for them through the record's own address, so a shared link can show
 * them without opening the rest of the portfolio.
 */
export const recordContent = z.object({
  student: z.object({ id, givenName: z.string(), familyName: z.string(), className: z.string().nullable() }),
  round: z.object({ id, name: z.string() }),
  teacher: z.object({ id, name: z.string() }),
  startsAt: instant,
  startedAt: instant.nullable(),
  endedAt: instant.nullable(),
  mode: z.enum(['in_person', 'video']),
  language: z.string(),
  attendance: z.enum(attendances).nullable(),
  attendees: z.array(z.union([z.object({ kind: z.literal('guardian'), name: z.string() }), z.object({ kind: z.literal('substitute'), name: z.string(), relationship: z.string() })])),
  interpreter: z.object({ name: z.string() }).nullable(),
  pieces: z.array(
    z.object({
      postId: id,
      /** In the family's language; `promptTitles` has every language the teacher wrote it in (each reader gets theirs). */
      prompt: localizedWords,
      promptTitles: z.record(z.string(), z.string()).default({}),
      caption: z.string(),
      firstText: z.string().nullable(),
      mediaIds: z.array(id),
      reflections: z.array(
        z.object({ questionKey: z.string().nullable(), question: localizedWords.nullable(), questionTexts: z.record(z.string(), z.string()).default({}), text: z.string(), audioMediaId: id.nullable() }),
      ),
    }),
  ),
  strengths: z.array(z.string()),
  workingOn: z.array(z.string()),
  goals: z.array(z.object({ what: z.string(), measure: z.string(), commitments: z.array(z.object({ role: z.enum(['student', 'teacher', 'guardian']), name: z.string(), text: z.string() })) })),
  summary: z.string(),
  nextSteps: z.string(),
});
export type RecordContent = z.infer<typeof recordContent>;

export const recordView = z.object({
  conferenceId: id,
  version: z.number().int(),
  finalisedAt: instant,
  finalisedBy: z.string(),
  content: recordContent,
  /** The school's zone: the record's times are shown in it. */
  timeZone: z.string(),
  /** Every finalised version (the newest first): a record edited after finalising keeps its history. */
  versions: z.array(z.object({ version: z.number().int(), finalisedAt: instant, finalisedBy: z.string() })),
  /** Media of the record, by id, with addresses the reader may open. */
  media: z.record(z.string(), mediaView),
  can: z.object({ edit: z.boolean(), share: z.boolean() }),
});
export type RecordView = z.infer<typeof recordView>;
export const recordQuery = z.object({ version: z.coerce.number().int().min(1).optional() });

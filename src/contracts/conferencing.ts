/**
 * API shapes of pupil conferencing: the school's stages, the conference log, next steps, children's
 * requests, pupil conferencers' pairings and peer notes, the learning journey and the class overview.
 */
import { z } from 'zod';
import { FOCUS_MAX, GROUP_MAX, LINKS_MAX, NOTE_MAX, REPLY_MAX, REQUEST_MAX, STEP_MAX, STEPS_MAX, SUBJECT_MAX, WORDS_MAX, conferenceStatuses, conferencerRoles, stepOwners } from '../domain/conferencing/log';
import { PROMPT_MAX, PROMPTS_MAX, STAGE_NAME_MAX, STAGES_MAX, conferenceTypes, promptKeys } from '../domain/conferencing/stages';
import { avatarKeys } from '../domain/pictures';
import { evidenceView } from './goals';
import { goalStatus } from './goals';
import { mediaView } from './portfolio';

const id = z.uuid();
const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().max(max);

export const conferenceType = z.enum(conferenceTypes);
export const stepOwner = z.enum(stepOwners);
export const conferenceStatus = z.enum(conferenceStatuses);

export const stagePrompt = z.union([
  z.object({ key: z.enum(promptKeys) }).strict(),
  z.object({ text: z.record(z.string().min(2).max(35), z.string().trim().min(1).max(PROMPT_MAX)) }).strict(),
]);

export const stageView = z.object({
  name: z.string().trim().min(1).max(STAGE_NAME_MAX),
  minGrade: z.number().int().min(-1).max(13),
  maxGrade: z.number().int().min(-1).max(13),
  defaultType: conferenceType,
  types: z.array(conferenceType).min(1).max(conferenceTypes.length),
  prompts: z.array(stagePrompt).max(PROMPTS_MAX),
  requests: z.boolean(),
});
export type StageView = z.infer<typeof stageView>;

export const conferencingSettings = z.object({
  /** The template in use, or `own` once the school has changed its stages. */
  source: z.enum(['uk_primary', 'us_elementary', 'own']),
  stages: z.array(stageView),
  familiesRead: z.boolean(),
});
export type ConferencingSettings = z.infer<typeof conferencingSettings>;

export const conferencingSettingsBody = z.union([
  z.object({ template: z.enum(['uk_primary', 'us_elementary']), familiesRead: z.boolean() }).strict(),
  z.object({ stages: z.array(stageView).min(1).max(STAGES_MAX), familiesRead: z.boolean() }).strict(),
]);
export type ConferencingSettingsBody = z.infer<typeof conferencingSettingsBody>;

export const childRef = z.object({ id, givenName: z.string(), familyName: z.string(), avatar: z.enum(avatarKeys), yearGroup: z.string() });
export type ChildRef = z.infer<typeof childRef>;
const personRef = z.object({ id: id.nullable(), givenName: z.string(), familyName: z.string() });

export const stepView = z.object({ id, text: z.string(), owner: stepOwner, dueOn: isoDate.nullable(), done: z.boolean(), goalId: id.nullable() });
export type StepView = z.infer<typeof stepView>;

export const conferenceSummary = z.object({
  id,
  type: conferenceType,
  heldOn: isoDate,
  subject: z.string(),
  status: conferenceStatus,
  authorRole: z.enum(['staff', 'pupil']),
  /** The first conferencer's name (a teacher, an assistant or a pupil). */
  conferencers: z.array(personRef.extend({ role: z.enum(conferencerRoles) })),
  openSteps: z.number().int(),
  followUpOn: isoDate.nullable(),
  stimulus: mediaView.nullable(),
});
export type ConferenceSummary = z.infer<typeof conferenceSummary>;

export const pupilConferenceView = conferenceSummary.extend({
  student: childRef,
  stage: z.string().nullable(),
  focus: z.string(),
  childWords: z.string(),
  childWordsAudio: mediaView.nullable(),
  stimulusPostId: id.nullable(),
  strengths: z.string(),
  barriers: z.string(),
  steps: z.array(stepView),
  posts: z.array(evidenceView),
  goals: z.array(z.object({ id, what: z.string(), status: goalStatus })),
  /** The other children of a group conference. */
  group: z.array(childRef),
  author: personRef.nullable(),
  reviewComment: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  requestId: id.nullable(),
  createdAt: z.string(),
  can: z.object({ edit: z.boolean(), review: z.boolean(), makeGoal: z.boolean() }),
});
export type PupilConferenceView = z.infer<typeof pupilConferenceView>;

const defaults = z.object({ stage: z.string().nullable(), type: conferenceType, types: z.array(conferenceType), prompts: z.array(stagePrompt), requests: z.boolean() });

export const childConferences = z.object({
  student: childRef,
  defaults,
  conferences: z.array(conferenceSummary),
  can: z.object({ log: z.boolean(), request: z.boolean() }),
});
export type ChildConferences = z.infer<typeof childConferences>;

/** What the log form offers for a child: their stage's defaults, who can conference, what to link. */
export const conferenceForm = z.object({
  student: childRef,
  defaults,
  staff: z.array(personRef.extend({ id, role: z.enum(['teacher', 'assistant']) })),
  /** Pupils who may be named as conferencers: the child's classmates, and their pupil conferencers. */
  pupils: z.array(childRef.extend({ userId: id })),
  /** The child's approved posts, newest first (photos for the picture stimulus, any to link). */
  posts: z.array(evidenceView.extend({ createdAt: z.string() })),
  goals: z.array(z.object({ id, what: z.string(), status: goalStatus })),
  /** Classmates for a group conference. */
  classmates: z.array(childRef),
  /** An open request of the child this conference would answer. */
  requests: z.array(z.object({ id, about: z.string(), createdAt: z.string() })),
  today: isoDate,
});
export type ConferenceForm = z.infer<typeof conferenceForm>;

const stepBody = z.object({ text: text(STEP_MAX).min(1), owner: stepOwner, dueOn: isoDate.nullable().optional() }).strict();

const conferenceFields = {
  type: conferenceType,
  heldOn: isoDate,
  subject: text(SUBJECT_MAX),
  focus: text(FOCUS_MAX),
  childWords: text(WORDS_MAX),
  childWordsAudioId: id.nullable(),
  stimulusPostId: id.nullable(),
  stimulusMediaId: id.nullable(),
  strengths: text(NOTE_MAX),
  barriers: text(NOTE_MAX),
  followUpOn: isoDate.nullable(),
  steps: z.array(stepBody).max(STEPS_MAX),
  postIds: z.array(id).max(LINKS_MAX),
  goalIds: z.array(id).max(LINKS_MAX),
  /** Who conferenced besides the person logging it (they are added themself). */
  conferencers: z.array(z.object({ userId: id, role: z.enum(conferencerRoles) }).strict()).max(6),
};

export const newConference = z
  .object({
    /** One child, or several for a group conference (one record each, sharing the rest). */
    studentIds: z.array(id).min(1).max(GROUP_MAX),
    requestId: id.nullable().optional(),
    ...conferenceFields,
    subject: conferenceFields.subject.optional().default(''),
    focus: conferenceFields.focus.optional().default(''),
    childWords: conferenceFields.childWords.optional().default(''),
    childWordsAudioId: conferenceFields.childWordsAudioId.optional().default(null),
    stimulusPostId: conferenceFields.stimulusPostId.optional().default(null),
    stimulusMediaId: conferenceFields.stimulusMediaId.optional().default(null),
    strengths: conferenceFields.strengths.optional().default(''),
    barriers: conferenceFields.barriers.optional().default(''),
    followUpOn: conferenceFields.followUpOn.optional().default(null),
    steps: conferenceFields.steps.optional().default([]),
    postIds: conferenceFields.postIds.optional().default([]),
    goalIds: conferenceFields.goalIds.optional().default([]),
    conferencers: conferenceFields.conferencers.optional().default([]),
  })
  .strict();
export type NewConference = z.input<typeof newConference>;
export type NewConferenceBody = z.output<typeof newConference>;

export const conferenceChange = z.object(conferenceFields).partial().strict();
export type ConferenceChange = z.infer<typeof conferenceChange>;

export const createdMany = z.object({ ids: z.array(id) });

export const reviewBody = z.object({ decision: z.enum(['approve', 'return']), comment: text(NOTE_MAX).optional().default('') }).strict();
export const stepParams = z.object({ id, stepId: id });
export const stepChange = z.object({ done: z.boolean() }).strict();
export const stepGoalBody = z.object({ measure: text(300).optional().default('') }).strict();

// Requests ------------------------------------------------------------------------------------------

export const requestStatus = z.enum(['open', 'scheduled', 'paired', 'replied', 'done']);
export const requestView = z.object({
  id,
  student: childRef,
  about: z.string(),
  audio: mediaView.nullable(),
  status: requestStatus,
  scheduledFor: z.string().nullable(),
  reply: z.string(),
  conferencer: childRef.nullable(),
  conferenceId: id.nullable(),
  handledBy: personRef.nullable(),
  createdAt: z.string(),
});
export type RequestView = z.infer<typeof requestView>;

export const newRequest = z.object({ about: text(REQUEST_MAX).optional().default(''), audioMediaId: id.nullable().optional().default(null) }).strict();
export type NewRequest = z.input<typeof newRequest>;

export const triageBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('schedule'), at: z.iso.datetime({ offset: true }), reply: text(REPLY_MAX).optional().default('') }).strict(),
  z.object({ action: z.literal('pair'), conferencerId: id, postIds: z.array(id).max(LINKS_MAX).optional().default([]), reply: text(REPLY_MAX).optional().default('') }).strict(),
  z.object({ action: z.literal('reply'), reply: text(REPLY_MAX).min(1) }).strict(),
  z.object({ action: z.literal('close') }).strict(),
]);
export type TriageBody = z.input<typeof triageBody>;

export const childRequests = z.object({ requests: z.array(requestView), can: z.object({ request: z.boolean() }) });

// Pairings -------------------------------------------------------------------------------------------

export const pairingView = z.object({
  id,
  conferencer: childRef,
  partner: childRef,
  posts: z.array(evidenceView),
  pending: z.number().int(),
  createdAt: z.string(),
});
export type PairingView = z.infer<typeof pairingView>;

export const newPairing = z.object({ conferencerId: id, partnerId: id, postIds: z.array(id).max(LINKS_MAX).optional().default([]) }).strict();
export type NewPairing = z.input<typeof newPairing>;

/** A piece the conferencer sees: its pictures and words, nothing else of the partner's portfolio. */
export const sharedPiece = z.object({
  id,
  caption: z.string(),
  reflection: z.string(),
  reflectionAudio: mediaView.nullable(),
  items: z.array(z.object({ id, kind: z.string(), text: z.string().nullable(), media: mediaView.nullable() })),
});
export type SharedPiece = z.infer<typeof sharedPiece>;

export const peerNoteView = z.object({ id, heldOn: isoDate, status: conferenceStatus, subject: z.string(), childWords: z.string(), strengths: z.string(), nextStep: z.string(), postIds: z.array(id), reviewComment: z.string().nullable() });
export type PeerNoteView = z.infer<typeof peerNoteView>;

/** The pupil conferencer's page: their partner, the shared pieces, the guided prompts, their own notes. */
export const partnerPage = z.object({
  id,
  partner: childRef,
  type: conferenceType,
  pieces: z.array(sharedPiece),
  notes: z.array(peerNoteView),
  today: isoDate,
});
export type PartnerPage = z.infer<typeof partnerPage>;

export const peerNoteBody = z
  .object({
    subject: text(SUBJECT_MAX).min(1),
    childWords: text(WORDS_MAX).optional().default(''),
    strengths: text(NOTE_MAX).optional().default(''),
    nextStep: text(STEP_MAX).optional().default(''),
    postIds: z.array(id).max(LINKS_MAX).optional().default([]),
  })
  .strict();
export type PeerNoteBody = z.input<typeof peerNoteBody>;
export const noteParams = z.object({ id, noteId: id });

// Me, class, journey -------------------------------------------------------------------------------

export const myConferencing = z.object({
  /** Staff: follow-ups due (or coming within a week) for children they teach. */
  followUps: z.array(z.object({ conferenceId: id, student: childRef, followUpOn: isoDate, daysLate: z.number().int(), subject: z.string() })),
  /** Staff: children's requests waiting in their classes' queues, and pupil notes waiting for review. */
  openRequests: z.number().int(),
  notesToReview: z.number().int(),
  /** A pupil: the children they conference. */
  partners: z.array(z.object({ pairingId: id, partner: childRef })),
  /** A pupil: whether they may ask for a conference, and their requests. */
  canRequest: z.boolean(),
  requests: z.array(requestView),
});
export type MyConferencing = z.infer<typeof myConferencing>;

export const classConferencing = z.object({
  class: z.object({ id, name: z.string(), yearGroup: z.string() }),
  today: isoDate,
  children: z.array(
    z.object({
      student: childRef,
      stage: z.string().nullable(),
      lastHeldOn: isoDate.nullable(),
      lastType: conferenceType.nullable(),
      conferences: z.number().int(),
      openSteps: z.array(stepView.extend({ conferenceId: id })),
      followUpOn: isoDate.nullable(),
      openRequests: z.number().int(),
    }),
  ),
  requests: z.array(requestView),
  toReview: z.array(conferenceSummary.extend({ student: childRef })),
  pairings: z.array(pairingView),
  /** Pupils of the school who could conference this class's children: the same year and older, by year group. */
  candidates: z.array(childRef.extend({ gradeLevel: z.number().int() })),
});
export type ClassConferencing = z.infer<typeof classConferencing>;

export const journeyEntry = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('post'), at: z.string(), id, caption: z.string(), text: z.string().nullable(), thumbnail: mediaView.nullable() }),
  z.object({ kind: z.literal('conference'), at: z.string(), id, type: conferenceType, subject: z.string(), barriers: z.string(), steps: z.array(stepView) }),
  z.object({ kind: z.literal('goal_set'), at: z.string(), id, what: z.string(), status: goalStatus }),
  z.object({ kind: z.literal('goal_achieved'), at: z.string(), id, what: z.string() }),
  z.object({ kind: z.literal('checkin'), at: z.string(), id, goalId: id, what: z.string(), note: z.string() }),
]);
export type JourneyEntry = z.infer<typeof journeyEntry>;

/**
 * `cursor`: the `next` of the page before (the entries after it, in the journey's order);
 * `before`: entries strictly earlier than a time.
 */
export const journeyQuery = z.object({ before: z.iso.datetime({ offset: true }).optional(), cursor: z.string().max(200).optional() });
/** `next`: the cursor for the following page, when there is one (`more`). */
export const journey = z.object({ student: childRef, entries: z.array(journeyEntry), more: z.boolean(), next: z.string().nullable() });
export type Journey = z.infer<typeof journey>;

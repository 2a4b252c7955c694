/** API shapes: a child's goals, check-ins with evidence, everyone's commitments, and the goal page. */
import { z } from 'zod';
import { avatarKeys } from '../domain/pictures';
import { COMMITMENT_MAX, EVIDENCE_MAX, MEASURE_MAX, NOTE_MAX, WHAT_MAX, goalStatuses } from '../domain/goals/goals';
import { localeTags } from './locales';
import { mediaView } from './portfolio';

const id = z.uuid();
const isoDate = z.iso.date();

export const goalStatus = z.enum(goalStatuses);
export const commitmentRole = z.enum(['student', 'teacher', 'guardian']);

export const periodView = z.object({ id, name: z.string(), startsOn: isoDate, endsOn: isoDate });
export type PeriodView = z.infer<typeof periodView>;

const person = z.object({ id: id.nullable(), givenName: z.string(), familyName: z.string() });

/** A post linked as evidence: enough to show it small and link to it. */
export const evidenceView = z.object({
  id,
  caption: z.string(),
  /** The first piece of writing, for a post without a picture. */
  text: z.string().nullable(),
  /** The first photo or drawing, if any. */
  thumbnail: mediaView.nullable(),
});
export type EvidenceView = z.infer<typeof evidenceView>;

export const checkinView = z.object({
  id,
  note: z.string(),
  createdAt: z.string(),
  author: person,
  /** The child's approved posts linked as evidence (a post since taken back is not shown to families). */
  posts: z.array(evidenceView),
});
export type CheckinView = z.infer<typeof checkinView>;

export const commitmentView = z.object({
  userId: id,
  role: commitmentRole,
  text: z.string(),
  updatedAt: z.string(),
  writer: z.object({ givenName: z.string(), familyName: z.string() }),
});
export type CommitmentView = z.infer<typeof commitmentView>;

/** A goal this one continues (carried forward from an earlier period), with its check-ins. */
export const earlierGoalView = z.object({
  id,
  reportPeriod: periodView.nullable(),
  what: z.string(),
  measure: z.string(),
  status: goalStatus,
  checkins: z.array(checkinView),
});

export const goalView = z.object({
  id,
  studentId: id,
  reportPeriod: periodView.nullable(),
  /** The conference round it was set for (its preparation), if any. */
  roundId: id.nullable(),
  what: z.string(),
  measure: z.string(),
  status: goalStatus,
  statusChangedAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: person,
  previousGoalId: id.nullable(),
  /** The goal that continues it in the next period, once it is carried forward. */
  continuedBy: z.object({ id, reportPeriod: periodView.nullable() }).nullable(),
  /** The goals it continues, oldest first. */
  history: z.array(earlierGoalView),
  checkins: z.array(checkinView),
  commitments: z.array(commitmentView),
  /** It says what it is and the child has written their commitment (the readiness board's "set"). */
  set: z.boolean(),
  /** What the reader may do with it now. */
  can: z.object({ edit: z.boolean(), statuses: z.array(goalStatus), checkIn: z.boolean(), commit: z.boolean() }),
});
export type GoalView = z.infer<typeof goalView>;

/** One box per person who commits: the child, their teachers, each guardian the reader may see. */
export const stakeholderView = z.object({ userId: id, role: commitmentRole, givenName: z.string(), familyName: z.string(), me: z.boolean() });
export type StakeholderView = z.infer<typeof stakeholderView>;

const studentView = z.object({ id, givenName: z.string(), familyName: z.string(), schoolId: id, avatar: z.enum(avatarKeys), yearGroup: z.string() });

export const goalsQuery = z.object({
  /** The report period to show; without it, the current one if the child has goals there, else the next that has. */
  period: id.optional(),
  /** Setting a goal for this round: `defaultPeriodId` is the period after the one it looks back on. */
  round: id.optional(),
});

export const childGoals = z.object({
  student: studentView,
  /** The school's report periods, in calendar order, with how many goals the child has in each. */
  periods: z.array(periodView.extend({ current: z.boolean(), ended: z.boolean(), goalCount: z.number().int() })),
  /** The period shown (null when the school has none). */
  period: periodView.nullable(),
  /** What a new goal targets unless someone chooses another: the next period. */
  defaultPeriodId: id.nullable(),
  goals: z.array(goalView),
  stakeholders: z.array(stakeholderView),
  /** The reader's own role in the commitments (null: they read but do not commit). */
  myRole: commitmentRole.nullable(),
  can: z.object({ manage: z.boolean(), commit: z.boolean() }),
});
export type ChildGoals = z.infer<typeof childGoals>;

export const oneGoal = z.object({ student: studentView, goal: goalView, stakeholders: z.array(stakeholderView), myRole: commitmentRole.nullable() });
export type OneGoal = z.infer<typeof oneGoal>;

const what = z.string().trim().min(1).max(WHAT_MAX);
const measure = z.string().trim().max(MEASURE_MAX);

export const newGoal = z.object({
  /** "Write at least three sentences." */
  what,
  /** How we will know: "Three sentences with full stops in my writing book." */
  measure: measure.default(''),
  /** Left out: the next report period. Null: no period. */
  reportPeriodId: id.nullable().optional(),
  /** Set in a round's preparation or conference. */
  roundId: id.nullable().optional(),
});
export type NewGoal = z.input<typeof newGoal>;

/** Only what is sent changes. */
export const goalChange = z
  .object({ what: what.optional(), measure: measure.optional(), reportPeriodId: id.nullable().optional() })
  .refine((v) => Object.keys(v).length > 0, { message: 'empty' });

/** Achieved, or working again (a teacher reopening it). Carried forward is Confer's, at a period's end. */
export const statusChangeBody = z.object({ status: z.enum(['working', 'achieved']) });

export const newCheckin = z
  .object({
    note: z.string().trim().max(NOTE_MAX).default(''),
    /** The child's approved posts that show progress. */
    postIds: z.array(id).max(EVIDENCE_MAX).default([]),
  })
  .refine((v) => v.note !== '' || v.postIds.length > 0, { message: 'checkin_empty', path: ['note'] });

export const commitmentBody = z.object({ text: z.string().trim().min(1).max(COMMITMENT_MAX) });
/** `me`, or a person's id (anyone else's is refused: each person writes only their own). */
export const commitmentParams = z.object({ id, userId: z.union([z.literal('me'), id]) });

export const goalPageQuery = z.object({
  period: id.optional(),
  /** The language of the page's fixed text (a teacher printing a family's copy); else the reader's. */
  lang: z.enum(localeTags).optional(),
});

/**
 * The report-card goal page. Its fixed text comes as `messages` (ICU patterns, keyed as in the
 * locale files) in `locale`, the reader's language or the one asked for; what people wrote stays
 * as they wrote it.
 */
export const goalPage = z.object({
  locale: z.enum(localeTags),
  dir: z.enum(['ltr', 'rtl']),
  messages: z.record(z.string(), z.string()),
  school: z.object({ name: z.string() }),
  student: z.object({ id, givenName: z.string(), familyName: z.string(), yearGroup: z.string() }),
  period: periodView.nullable(),
  goals: z.array(
    z.object({
      id,
      what: z.string(),
      measure: z.string(),
      status: goalStatus,
      /** The periods it was carried forward from, oldest first. */
      carriedFrom: z.array(z.string()),
      checkins: z.array(z.object({ createdAt: z.string(), note: z.string(), evidence: z.array(z.string()) })),
      commitments: z.array(z.object({ role: commitmentRole, givenName: z.string(), familyName: z.string(), text: z.string().nullable() })),
    }),
  ),
});
export type GoalPage = z.infer<typeof goalPage>;

/**
 * API shapes: success-criteria lists (anchor charts) and ticking criteria on work. (The post view's
 * `criteria` and `standards` are defined here and used by contracts/portfolio.ts — this file must
 * not import that one.)
 */
import { z } from 'zod';
import { CRITERIA_PER_LIST_MAX, LIST_TITLE_MAX, TAGS_PER_POST_MAX, WORDING_MAX } from '../domain/criteria/lists';
import { criteriaPictureKeys } from '../domain/criteria/pictures';
import { standardSummary, type StandardSummary } from './standards';

const id = z.uuid();

/** A criterion's uploaded picture or recording: enough to show or play it (see portfolio's mediaView). */
export const criterionMedia = z.object({
  id,
  kind: z.enum(['image', 'video', 'audio', 'file']),
  status: z.enum(['processing', 'ready', 'failed']),
  /** Variant name → address (`sm.webp`, `sm.jpg`… for an image; `original` for a recording). */
  urls: z.record(z.string(), z.string()),
});
export type CriterionMedia = z.infer<typeof criterionMedia>;

/** A standard as a criterion or a post shows it: the standards area's summary (CASE identifier, framework, code, statement). */
export const standardRef = standardSummary;
export type StandardRef = StandardSummary;

export const criteriaPicture = z.enum(criteriaPictureKeys);

export const criterionView = z.object({
  id,
  position: z.number().int(),
  /** In the child's words: "I put spaces between my words." */
  wording: z.string(),
  /** A picture of the criteria set (`criteria.pictures.<key>` names it), or null. */
  picture: criteriaPicture.nullable(),
  /** The teacher's own picture instead. */
  image: criterionMedia.nullable(),
  /** The teacher's recording of the wording; without one, the page reads it aloud. */
  audio: criterionMedia.nullable(),
  standards: z.array(standardRef),
  archived: z.boolean(),
});
export type CriterionView = z.infer<typeof criterionView>;

export const listScope = z.enum(['class', 'year_group']);

export const listView = z.object({
  id,
  title: z.string(),
  subject: z.object({ id, name: z.string() }).nullable(),
  /** `class`: this class's own; `year_group`: shared by every class of `yearGroup`. */
  scope: listScope,
  classId: id.nullable(),
  yearGroup: z.string().nullable(),
  /** Shared with this class by its year group (not the class's own). */
  shared: z.boolean(),
  copiedFromId: id.nullable(),
  archived: z.boolean(),
  /** Live criteria in order (and, for someone who may change the list, archived ones after them). */
  criteria: z.array(criterionView),
  can: z.object({ manage: z.boolean() }),
});
export type ListView = z.infer<typeof listView>;

export const classCriteriaQuery = z.object({
  /** `archived`: archived lists too (to restore one). */
  include: z.enum(['archived']).optional(),
});

export const classCriteria = z.object({
  class: z.object({ id, name: z.string(), yearGroup: z.string(), schoolId: id }),
  /** The school's language: the criteria are written, and read aloud, in it. */
  locale: z.string(),
  lists: z.array(listView),
  can: z.object({ manage: z.boolean() }),
  /** Where the reader may copy a list to: classes they may write lists for, and their year groups. */
  copyTargets: z.object({ classes: z.array(z.object({ id, name: z.string(), yearGroup: z.string() })), yearGroups: z.array(z.string()) }),
});
export type ClassCriteria = z.infer<typeof classCriteria>;

const title = z.string().trim().min(1).max(LIST_TITLE_MAX);
const wording = z.string().trim().min(1).max(WORDING_MAX);

export const newList = z.object({
  title,
  /** One of the school's subjects (portfolio tags of kind `subject`), or none. */
  subjectTagId: id.nullable().default(null),
  /** This class only, or shared by the class's whole year group. */
  scope: listScope.default('class'),
});

/**
 * Only what is sent changes. Moving a year group's list to one class (`scope: 'class'`) names
 * the class (`classId`, one of that year group the person may write lists for).
 */
export const listChange = z
  .object({
    title: title.optional(),
    subjectTagId: id.nullable().optional(),
    scope: listScope.optional(),
    classId: id.optional(),
    archived: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'empty' });

const criterionFields = {
  wording,
  /** A picture of the set, or null. Setting one takes away an uploaded picture, and the other way round. */
  picture: criteriaPicture.nullable(),
  /** An image the person uploaded (POST /api/schools/:id/media). */
  imageMediaId: id.nullable(),
  /** A recording the person made of the wording. */
  audioMediaId: id.nullable(),
};

export const newCriterion = z.object({
  wording,
  picture: criterionFields.picture.default(null),
  imageMediaId: criterionFields.imageMediaId.default(null),
  audioMediaId: criterionFields.audioMediaId.default(null),
});

export const criterionChange = z
  .object({
    wording: wording.optional(),
    picture: criterionFields.picture.optional(),
    imageMediaId: criterionFields.imageMediaId.optional(),
    audioMediaId: criterionFields.audioMediaId.optional(),
    archived: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'empty' });

/** A list's live criteria in their new order: each exactly once. */
export const criteriaOrder = z.object({ criterionIds: z.array(id).max(CRITERIA_PER_LIST_MAX) });

/** Copy a list to a class (next year's, say) or to a year group, as a new independent list. */
export const listCopy = z.object({
  scope: listScope,
  /** With `scope: 'class'`: any class of the school the person may write lists for. */
  classId: id.optional(),
  /** With `scope: 'year_group'`: a year group in which the person may write lists. */
  yearGroup: z.string().trim().min(1).max(60).optional(),
});

/** Standards by CASE identifier (CFItem GUIDs), each one of the school's standard items. */
export const standardIdentifiers = z.object({ identifiers: z.array(z.string().trim().min(1).max(200)).max(TAGS_PER_POST_MAX) });

export const studentCriteria = z.object({
  student: z.object({ id, givenName: z.string() }),
  locale: z.string(),
  /** The lists of all the child's classes, each with its live criteria in order. */
  lists: z.array(z.object({ id, title: z.string(), subject: z.object({ id, name: z.string() }).nullable(), criteria: z.array(criterionView) })),
});
export type StudentCriteria = z.infer<typeof studentCriteria>;

/** The criteria a piece shows: the whole set (an empty list takes every tick off). */
export const postCriteriaChange = z.object({ criterionIds: z.array(id).max(TAGS_PER_POST_MAX) });

/** A criterion ticked on a post, as the post shows it. */
export const postCriterionView = z.object({
  id,
  wording: z.string(),
  picture: criteriaPicture.nullable(),
  image: criterionMedia.nullable(),
  audio: criterionMedia.nullable(),
  listId: id,
  listTitle: z.string(),
});
export type PostCriterionView = z.infer<typeof postCriterionView>;

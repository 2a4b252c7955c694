/** Request and response shapes of the portfolio: posts, their items and media, tags, approval, comments. */
import { z } from 'zod';
import { TAGS_PER_POST_MAX } from '../domain/criteria/lists';
import { CAPTION_MAX, COMMENT_MAX, GROUP_MAX, ITEMS_MAX, REFLECTION_MAX, TEXT_ITEM_MAX } from '../domain/portfolio/posts';
import { postCriterionView, standardRef } from './criteria';

const id = z.uuid();

export const mediaKind = z.enum(['image', 'video', 'audio', 'file']);

/** An uploaded item as the pages use it: where each size is, and whether it is ready. */
export const mediaView = z.object({
  id,
  kind: mediaKind,
  mimeType: z.string(),
  status: z.enum(['processing', 'ready', 'failed']),
  byteSize: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  /** The name on the uploader's device (for a file's download link). */
  originalName: z.string().nullable(),
  /** Variant name → address: `sm.webp`, `sm.jpg`, `lg.webp`, `lg.jpg` for images; `original` otherwise. */
  urls: z.record(z.string(), z.string()),
});
export type MediaView = z.infer<typeof mediaView>;

export const uploadQuery = z.object({
  /** What the page is adding, when the bytes alone cannot tell (a voice recording in a WebM container). */
  hint: mediaKind.optional(),
});

export const itemKind = z.enum(['photo', 'video', 'audio', 'drawing', 'text', 'file']);

export const newItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string().trim().min(1).max(TEXT_ITEM_MAX) }),
  z.object({ kind: z.enum(['photo', 'video', 'audio', 'drawing', 'file']), mediaId: id }),
]);

const postFields = {
  caption: z.string().trim().max(CAPTION_MAX).default(''),
  /** The child's own words: what I did, what I did well, what I will do next. */
  reflection: z.string().trim().max(REFLECTION_MAX).default(''),
  /** The reflection spoken instead of (or as well as) typed: an uploaded audio recording. */
  reflectionAudioId: id.nullable().default(null),
  items: z.array(newItem).min(1).max(ITEMS_MAX),
  tagIds: z.array(id).max(12).default([]),
  /** The success criteria the piece shows: the child's (of their classes' lists; for a group post, the class's). */
  criterionIds: z.array(id).max(TAGS_PER_POST_MAX).default([]),
};

export const newPost = z.object(postFields);
export type NewPost = z.input<typeof newPost>;

/** A teacher's post for several children of a class at once: one post each, the same media. */
export const newGroupPost = z.object({ ...postFields, studentIds: z.array(id).min(1).max(GROUP_MAX) });

/**
 * Only what is sent changes. No defaults here: `postFields.caption.optional()` would still fill in
 * its default (`''`), so an edit of the caption alone would empty the reflection and drop the tags.
 */
export const postChange = z
  .object({
    caption: z.string().trim().max(CAPTION_MAX).optional(),
    reflection: z.string().trim().max(REFLECTION_MAX).optional(),
    reflectionAudioId: id.nullable().optional(),
    items: postFields.items.optional(),
    tagIds: z.array(id).max(12).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'empty' });

export const returnPost = z.object({ comment: z.string().trim().min(1).max(COMMENT_MAX) });
export const newComment = z.object({ body: z.string().trim().min(1).max(COMMENT_MAX) });
export const commentChange = z.object({ hidden: z.boolean() });

export const tagView = z.object({ id, kind: z.enum(['subject', 'strand']), name: z.string(), parentId: id.nullable(), archived: z.boolean() });
export const schoolTags = z.object({ tags: z.array(tagView) });
export type TagView = z.infer<typeof tagView>;
export const newTag = z.object({ kind: z.enum(['subject', 'strand']), name: z.string().trim().min(1).max(60), parentId: id.nullable().default(null) });
export const tagChange = z
  .object({ name: z.string().trim().min(1).max(60).optional(), archived: z.boolean().optional(), position: z.number().int().min(0).max(1000).optional() })
  .refine((v) => Object.keys(v).length > 0, { message: 'empty' });

const person = z.object({ id: id.nullable(), givenName: z.string(), familyName: z.string() });

export const commentView = z.object({
  id,
  body: z.string(),
  author: person,
  createdAt: z.string(),
  /** Only staff see hidden comments (marked); families and the child do not see them at all. */
  hidden: z.boolean(),
  mine: z.boolean(),
});

export const postView = z.object({
  id,
  studentId: id,
  student: z.object({ givenName: z.string(), familyName: z.string() }),
  classId: id.nullable(),
  groupId: id.nullable(),
  author: person.extend({ role: z.enum(['student', 'staff', 'guardian']) }),
  status: z.enum(['pending', 'approved', 'returned']),
  caption: z.string(),
  reflection: z.string(),
  reflectionAudio: mediaView.nullable(),
  /** The teacher's comment on a returned post (the child sees it). */
  returnComment: z.string().nullable(),
  createdAt: z.string(),
  approvedAt: z.string().nullable(),
  items: z.array(z.object({ id, kind: itemKind, text: z.string().nullable(), media: mediaView.nullable() })),
  tags: z.array(z.object({ id, kind: z.string(), name: z.string() })),
  /** The success criteria the piece shows (families see them too: a good conversation starter). */
  criteria: z.array(postCriterionView),
  /** The standards a teacher tagged. */
  standards: z.array(standardRef),
  comments: z.array(commentView),
  /** What the reader may do with it. */
  can: z.object({ edit: z.boolean(), review: z.boolean(), comment: z.boolean(), hideComments: z.boolean() }),
  /** Whether the reader may tick its criteria (PUT /api/posts/:id/criteria) and tag its standards (…/standards). */
  canTag: z.object({ criteria: z.boolean(), standards: z.boolean() }),
});
export type PostView = z.infer<typeof postView>;

export const timelineQuery = z.object({
  /** Only posts with this subject or strand (a subject includes its strands). */
  tag: id.optional(),
  /** From `nextCursor` of the page before. */
  cursor: z.string().max(200).optional(),
  /** Only posts in this status (staff and the child; families only ever get approved posts). */
  status: z.enum(['pending', 'approved', 'returned']).optional(),
});

export const timeline = z.object({
  student: z.object({ id, givenName: z.string(), familyName: z.string(), schoolId: id }),
  posts: z.array(postView),
  nextCursor: z.string().nullable(),
  can: z.object({ post: z.boolean(), review: z.boolean() }),
});
export type Timeline = z.infer<typeof timeline>;

export const classPosts = z.object({ autoApprovePosts: z.boolean(), posts: z.array(postView) });
export type ClassPosts = z.infer<typeof classPosts>;
export const classPortfolioSettings = z.object({ autoApprovePosts: z.boolean() });

export const createdPosts = z.object({ ids: z.array(id) });

export const notificationSettings = z.object({ portfolioDigest: z.boolean() });
export const unsubscribe = z.object({ token: z.string().min(20).max(200) });

/**
 * Reading portfolios: a child's timeline (families: approved posts only), one post, and a class's
 * approval queue. Pages are 12 posts, newest first, with a cursor for the next page; a page never
 * carries media bytes, only their addresses, so the browser loads what comes into view.
 */
import { DomainError } from '../../../domain/errors';
import type { Actor } from '../../../domain/permissions/index';
import { TIMELINE_PAGE, canSeePost, visibleStatuses, type PostStatus } from '../../../domain/portfolio/posts';
import type { Deps } from '../../deps';
import { authorize } from '../school/authorize';
import { findStudentSubject } from '../school/school.repo';
import { accessOf, childAccess } from './access';
import { presentPosts } from './present-posts';
import { findClassSettings, findPost, findStudentName, listClassPosts, listPosts, listTags } from './portfolio.repo';

function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (Number.isNaN(createdAt.getTime()) || !id || !/^[0-9a-f-]{36}$/.test(id)) throw new DomainError('validation_failed', { fields: { 'querystring.cursor': 'invalid' } });
  return { createdAt, id };
}

export async function getTimeline(deps: Deps, actor: Actor, studentId: string, query: { tag?: string | undefined; cursor?: string | undefined; status?: PostStatus | undefined }) {
  const access = await childAccess(deps, actor, studentId);
  const student = await findStudentName(deps.db, studentId);
  if (!student) throw new DomainError('not_found');
  let statuses = visibleStatuses(access);
  if (query.status) statuses = statuses.filter((s) => s === query.status);
  let tagIds: string[] | undefined;
  if (query.tag) {
    // A subject includes its strands: "Language arts" finds posts tagged Writing too.
    const tags = await listTags(deps.db, access.subject.schoolId);
    if (!tags.some((t) => t.id === query.tag)) throw new DomainError('validation_failed', { fields: { 'querystring.tag': 'unknown_tag' } });
    tagIds = [query.tag, ...tags.filter((t) => t.parentId === query.tag).map((t) => t.id)];
  }
  const rows = statuses.length
    ? await listPosts(deps.db, { studentId, statuses, tagIds, before: query.cursor ? decodeCursor(query.cursor) : undefined, limit: TIMELINE_PAGE + 1 })
    : [];
  const page = rows.slice(0, TIMELINE_PAGE);
  return {
    student: { id: student.id, givenName: student.givenName, familyName: student.familyName, schoolId: student.schoolId },
    posts: await presentPosts(deps, actor, page, () => access),
    nextCursor: rows.length > TIMELINE_PAGE ? encodeCursor(page[page.length - 1]!) : null,
    can: { post: access.post, review: access.review },
  };
}

/**
 * One post, if the reader may see it in its current status — else not_found: an unapproved post
 * does not exist for a family, and a post of a child the reader has no place near does not exist at
 * all (another family or a pupil of the school must not learn that an id is a post, as for media).
 */
export async function getPost(deps: Deps, actor: Actor, postId: string) {
  const { row, access } = await visiblePost(deps, actor, postId);
  const [view] = await presentPosts(deps, actor, [row], () => access);
  return view!;
}

export async function visiblePost(deps: Deps, actor: Actor, postId: string) {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  const row = await findPost(deps.db, postId);
  const subject = row ? await findStudentSubject(deps.db, row.studentId) : undefined;
  if (!row || !subject) throw new DomainError('not_found');
  const access = accessOf(actor, { type: 'student', studentId: row.studentId, ...subject });
  if (!canSeePost(access, row.status)) throw new DomainError('not_found');
  return { row, access };
}

/** A class's posts in one status (the approval queue: pending), for its teachers. */
export async function getClassPosts(deps: Deps, actor: Actor, classId: string, status: PostStatus = 'pending') {
  const cls = await findClassSettings(deps.db, classId);
  if (!cls) throw new DomainError('not_found');
  authorize(actor, 'class.portfolio.manage', { type: 'class', classId, schoolId: cls.schoolId });
  const rows = await listClassPosts(deps.db, classId, status);
  const subjects = new Map<string, Awaited<ReturnType<typeof findStudentSubject>>>();
  for (const id of new Set(rows.map((r) => r.studentId))) subjects.set(id, await findStudentSubject(deps.db, id));
  // A child who has since left (archived) drops out of the queue.
  const visible = rows.filter((r) => subjects.get(r.studentId));
  return {
    autoApprovePosts: cls.autoApprovePosts,
    posts: await presentPosts(deps, actor, visible, (r) => accessOf(actor, { type: 'student', studentId: r.studentId, ...subjects.get(r.studentId)! })),
  };
}

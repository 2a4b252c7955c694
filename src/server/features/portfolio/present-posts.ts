/** Rows → what the pages show: items with their media addresses, tags, visible comments, and what the reader may do. */
import type { MediaView, PostView } from '../../../contracts/portfolio';
import { can, type Actor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { tagsOfPosts } from '../criteria/present-criteria';
import type { ChildAccess } from './access';
import { findPeople, findStudentName, loadPostDetails, type MediaRow, type PostRow } from './portfolio.repo';

export function presentMedia(row: MediaRow): MediaView {
  const urls: Record<string, string> = {};
  if (row.status === 'ready') for (const name of Object.keys(row.variants)) urls[name] = `/api/media/${row.id}/${name}`;
  return {
    id: row.id,
    kind: row.kind,
    mimeType: row.mimeType,
    status: row.status,
    byteSize: row.byteSize,
    width: row.width,
    height: row.height,
    originalName: row.originalName,
    urls,
  };
}

export async function presentPosts(deps: Deps, actor: Actor, rows: PostRow[], accessFor: (row: PostRow) => ChildAccess): Promise<PostView[]> {
  const { items, mediaRows, tags, comments } = await loadPostDetails(deps.db, rows);
  const ticked = await tagsOfPosts(deps, rows.map((r) => r.id));
  const mediaById = new Map(mediaRows.map((m) => [m.id, presentMedia(m)]));
  const peopleIds = [...new Set([...rows.map((r) => r.authorId), ...comments.map((c) => c.authorId)].filter((x): x is string => Boolean(x)))];
  const people = new Map((await findPeople(deps.db, peopleIds)).map((p) => [p.id, p]));
  const studentIds = [...new Set(rows.map((r) => r.studentId))];
  const students = new Map((await Promise.all(studentIds.map((id) => findStudentName(deps.db, id)))).filter((s) => s !== undefined).map((s) => [s.id, s]));
  const me = actor.kind === 'user' ? actor.userId : null;
  const nobody = { id: null, givenName: '', familyName: '' };
  const personOf = (userId: string | null) => {
    const p = userId ? people.get(userId) : undefined;
    return p ? { id: p.id, givenName: p.givenName, familyName: p.familyName } : nobody;
  };
  return rows.map((row) => {
    const access = accessFor(row);
    const student = students.get(row.studentId);
    const mine = row.authorId === me;
    // A family's reflection (after a conference) is their words: nobody edits it, and it is not the child's work to tick criteria on.
    const family = row.authorRole === 'guardian';
    return {
      id: row.id,
      studentId: row.studentId,
      student: { givenName: student?.givenName ?? '', familyName: student?.familyName ?? '' },
      classId: row.classId,
      groupId: row.groupId,
      author: { ...personOf(row.authorId), role: row.authorRole },
      status: row.status,
      caption: row.caption,
      reflection: row.reflection,
      reflectionAudio: row.reflectionAudioId ? (mediaById.get(row.reflectionAudioId) ?? null) : null,
      returnComment: row.status === 'returned' ? row.returnComment : null,
      createdAt: row.createdAt.toISOString(),
      approvedAt: row.approvedAt?.toISOString() ?? null,
      items: items
        .filter((i) => i.postId === row.id)
        .map((i) => ({ id: i.id, kind: i.kind, text: i.text, media: i.mediaId ? (mediaById.get(i.mediaId) ?? null) : null })),
      tags: tags.filter((t) => t.postId === row.id).map((t) => ({ id: t.id, kind: t.kind, name: t.name })),
      criteria: ticked.criteria.get(row.id) ?? [],
      standards: ticked.standards.get(row.id) ?? [],
      comments: comments
        .filter((c) => c.postId === row.id && (access.review || !c.hiddenAt))
        .map((c) => ({ id: c.id, body: c.body, author: personOf(c.authorId), createdAt: c.createdAt.toISOString(), hidden: c.hiddenAt !== null, mine: c.authorId === me })),
      can: {
        edit: !family && (access.review || (access.own && mine)),
        review: access.review,
        comment: access.comment && row.status === 'approved',
        hideComments: access.review,
      },
      canTag: { criteria: !family && can(actor, 'post.criteria.tag', access.subject), standards: !family && can(actor, 'post.standards.tag', access.subject) },
    };
  });
}

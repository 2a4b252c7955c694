/** Rows → what the pages show: lists with their criteria, each with its picture, recording and standards. */
import type { CriterionMedia, CriterionView, ListView, PostCriterionView, StandardRef } from '../../../contracts/criteria';
import { isCriteriaPicture } from '../../../domain/criteria/pictures';
import type { Deps } from '../../deps';
import { findMediaMany } from '../media/media.repo';
import { presentMedia } from '../portfolio/present-posts';
import { criteriaOfPosts, standardsOfCriteria, standardsOfPosts, tagNames, type CriterionRow, type ListRow } from './criteria.repo';

async function mediaById(deps: Deps, ids: Array<string | null>): Promise<Map<string, CriterionMedia>> {
  const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  return new Map((await findMediaMany(deps.db, wanted)).map((m) => [m.id, presentMedia(m)]));
}

const pictureOf = (key: string | null) => (key && isCriteriaPicture(key) ? key : null);

export async function presentCriteria(deps: Deps, rows: CriterionRow[]): Promise<CriterionView[]> {
  const media = await mediaById(deps, rows.flatMap((r) => [r.imageMediaId, r.audioMediaId]));
  const standards = await standardsOfCriteria(deps.db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    wording: r.wording,
    picture: pictureOf(r.picture),
    image: r.imageMediaId ? (media.get(r.imageMediaId) ?? null) : null,
    audio: r.audioMediaId ? (media.get(r.audioMediaId) ?? null) : null,
    standards: standards.filter((s) => s.criterionId === r.id).map(({ criterionId: _, ...summary }) => summary),
    archived: r.archivedAt !== null,
  }));
}

/**
 * Lists as the class page shows them: live criteria in order, then — for those who may change the
 * list — the archived ones (to bring one back).
 */
export async function presentLists(deps: Deps, lists: Array<ListRow & { shared: boolean }>, criteria: CriterionRow[], mayManage: (list: ListRow) => boolean): Promise<ListView[]> {
  const names = await tagNames(deps.db, [...new Set(lists.map((l) => l.subjectTagId).filter((x): x is string => Boolean(x)))]);
  const views = new Map((await presentCriteria(deps, criteria)).map((c) => [c.id, c]));
  return lists.map((l) => {
    const manage = mayManage(l);
    const own = criteria.filter((c) => c.listId === l.id && (manage || !c.archivedAt));
    const ordered = [...own.filter((c) => !c.archivedAt), ...own.filter((c) => c.archivedAt)];
    return {
      id: l.id,
      title: l.title,
      subject: l.subjectTagId && names.has(l.subjectTagId) ? { id: l.subjectTagId, name: names.get(l.subjectTagId) as string } : null,
      scope: l.classId ? ('class' as const) : ('year_group' as const),
      classId: l.classId,
      yearGroup: l.yearGroup,
      shared: l.shared,
      copiedFromId: l.copiedFromId,
      archived: l.archivedAt !== null,
      criteria: ordered.map((c) => views.get(c.id) as CriterionView),
      can: { manage },
    };
  });
}

/** The criteria and standards tagged on some posts, by post id (for the post view). */
export async function tagsOfPosts(deps: Deps, postIds: string[]): Promise<{ criteria: Map<string, PostCriterionView[]>; standards: Map<string, StandardRef[]> }> {
  const ticked = await criteriaOfPosts(deps.db, postIds);
  const media = await mediaById(deps, ticked.flatMap((r) => [r.imageMediaId, r.audioMediaId]));
  const criteria = new Map<string, PostCriterionView[]>();
  for (const r of ticked) {
    const list = criteria.get(r.postId) ?? [];
    list.push({
      id: r.id,
      wording: r.wording,
      picture: pictureOf(r.picture),
      image: r.imageMediaId ? (media.get(r.imageMediaId) ?? null) : null,
      audio: r.audioMediaId ? (media.get(r.audioMediaId) ?? null) : null,
      listId: r.listId,
      listTitle: r.listTitle,
    });
    criteria.set(r.postId, list);
  }
  const standards = new Map<string, StandardRef[]>();
  for (const s of await standardsOfPosts(deps.db, postIds)) {
    const list = standards.get(s.postId) ?? [];
    const { postId: _, ...summary } = s;
    list.push(summary);
    standards.set(s.postId, list);
  }
  return { criteria, standards };
}

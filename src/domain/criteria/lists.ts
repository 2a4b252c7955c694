/**
 * The rules of success-criteria lists ("anchor charts"), as pure functions: which lists a class
 * works to, which criteria a child works to, what copying a list makes, and whether a new order is
 * a true reordering of a list.
 *
 * Worked example (Owls and Hedgehogs are both Year 1; Ava is in Owls and in the Reading group):
 *   "What good writers do"       classId = Owls           → Owls only
 *   "What good representers do"  yearGroup = "Year 1"     → Owls and Hedgehogs
 *   "Phonics sounds"             classId = Reading group  → the Reading group
 *   "Old list"                   classId = Owls, archived → nobody
 *   listsForClass(Owls)      → writers (own), representers (shared by Year 1)
 *   listsForClasses([Owls, Reading group]) — Ava's criteria → writers, representers, phonics
 *   planCopy(writers, { yearGroup: 'Year 2' }) → a new Year 2 list with the same live criteria in
 *     order (pictures and recordings too), `copiedFromId` = writers; the archived ones stay behind.
 */

/** A list is a class's own, or shared by every class of a year group (exactly one of the two). */
export type ListScope = { kind: 'class'; classId: string } | { kind: 'year_group'; yearGroup: string };

export interface ListLike {
  id: string;
  schoolId: string;
  classId: string | null;
  yearGroup: string | null;
  archivedAt: Date | null;
}

export interface ClassLike {
  id: string;
  schoolId: string;
  yearGroup: string;
}

export interface CriterionLike {
  id: string;
  listId: string;
  position: number;
  archivedAt: Date | null;
}

/** Short, as a child reads them: a title, and each criterion in one sentence. */
export const LIST_TITLE_MAX = 100;
export const WORDING_MAX = 200;
export const CRITERIA_PER_LIST_MAX = 30;
/** At most this many criteria ticked on one post, or standards tagged on one (or linked to a criterion). */
export const TAGS_PER_POST_MAX = 40;

export function scopeOf(list: Pick<ListLike, 'classId' | 'yearGroup'>): ListScope {
  if (list.classId) return { kind: 'class', classId: list.classId };
  return { kind: 'year_group', yearGroup: list.yearGroup ?? '' };
}

/** Whether a list applies to a class: its own, or shared by its year group (same school). */
export function appliesTo(list: ListLike, cls: ClassLike): boolean {
  if (list.schoolId !== cls.schoolId) return false;
  return list.classId ? list.classId === cls.id : list.yearGroup === cls.yearGroup;
}

/**
 * The lists a class works to, not archived: its own first, then those its year group shares, each
 * group in the order given (the caller sorts, e.g. by title). `shared` marks the year group's.
 */
export function listsForClass<L extends ListLike>(cls: ClassLike, lists: readonly L[]): Array<L & { shared: boolean }> {
  const live = lists.filter((l) => !l.archivedAt && appliesTo(l, cls));
  return [...live.filter((l) => l.classId), ...live.filter((l) => !l.classId)].map((l) => ({ ...l, shared: !l.classId }));
}

/** The lists of all of a child's classes, each once (two classes of one year group share its lists). */
export function listsForClasses<L extends ListLike>(classes: readonly ClassLike[], lists: readonly L[]): L[] {
  const seen = new Set<string>();
  const out: L[] = [];
  for (const cls of classes) {
    for (const l of listsForClass(cls, lists)) {
      if (seen.has(l.id)) continue;
      seen.add(l.id);
      out.push(lists.find((x) => x.id === l.id) as L);
    }
  }
  return out;
}

/** A list's live criteria in their order. */
export function liveCriteria<C extends CriterionLike>(listId: string, criteria: readonly C[]): C[] {
  return criteria.filter((c) => c.listId === listId && !c.archivedAt).sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
}

/** The criteria a child works to: every live criterion of every list of all their classes, list by list. */
export function criteriaForStudent<L extends ListLike, C extends CriterionLike>(classes: readonly ClassLike[], lists: readonly L[], criteria: readonly C[]): Array<{ list: L; criteria: C[] }> {
  return listsForClasses(classes, lists).map((list) => ({ list, criteria: liveCriteria(list.id, criteria) }));
}

export interface CopySource {
  list: { id: string; schoolId: string; title: string; subjectTagId: string | null };
  criteria: ReadonlyArray<CriterionLike & { wording: string; picture: string | null; imageMediaId: string | null; audioMediaId: string | null }>;
}

export interface CopyPlan {
  list: { schoolId: string; classId: string | null; yearGroup: string | null; title: string; subjectTagId: string | null; copiedFromId: string };
  /**
   * In order, positions 0, 1, 2…; the same picture, image and recording (media are shared, not
   * duplicated). `from` is the criterion copied (its standards go with it).
   */
  criteria: Array<{ from: string; position: number; wording: string; picture: string | null; imageMediaId: string | null; audioMediaId: string | null }>;
}

/** What copying a list to a class or a year group makes: an independent list that remembers its source. */
export function planCopy(source: CopySource, to: ListScope): CopyPlan {
  return {
    list: {
      schoolId: source.list.schoolId,
      classId: to.kind === 'class' ? to.classId : null,
      yearGroup: to.kind === 'year_group' ? to.yearGroup : null,
      title: source.list.title,
      subjectTagId: source.list.subjectTagId,
      copiedFromId: source.list.id,
    },
    criteria: liveCriteria(source.list.id, source.criteria).map((c, position) => ({ from: c.id, position, wording: c.wording, picture: c.picture, imageMediaId: c.imageMediaId, audioMediaId: c.audioMediaId })),
  };
}

/**
 * Checks a new order for a list's live criteria: each exactly once, none from elsewhere. Returns
 * the field errors (empty when the order is good), keyed as the request names them:
 *   current [a, b, c], wanted [c, a, b] → {}
 *   wanted [c, a]                        → { criterionIds: 'order_incomplete' }
 *   wanted [c, a, a, b]                  → { 'criterionIds.2': 'duplicate' }
 *   wanted [c, a, x, b]                  → { 'criterionIds.2': 'unknown_criterion' }
 */
export function checkOrder(current: readonly string[], wanted: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  const known = new Set(current);
  const seen = new Set<string>();
  wanted.forEach((id, i) => {
    if (!known.has(id)) fields[`criterionIds.${i}`] = 'unknown_criterion';
    else if (seen.has(id)) fields[`criterionIds.${i}`] = 'duplicate';
    seen.add(id);
  });
  if (Object.keys(fields).length === 0 && current.some((id) => !seen.has(id))) fields.criterionIds = 'order_incomplete';
  return fields;
}

/** The order after moving one criterion up (-1) or down (+1); unchanged at either end. */
export function moveInOrder(ids: readonly string[], id: string, delta: -1 | 1): string[] {
  const from = ids.indexOf(id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= ids.length) return [...ids];
  const out = [...ids];
  [out[from], out[to]] = [out[to] as string, out[from] as string];
  return out;
}

/**
 * Which of `wanted` may be ticked on a post: the child's criteria, plus any already on it (a list
 * archived, or a class left, since then does not take a tick off old work). Returns field errors
 * by place in the request (`criterionIds.1: unknown_criterion`) and the ids without duplicates.
 */
export function checkTicks(allowed: ReadonlySet<string>, alreadyOnPost: ReadonlySet<string>, wanted: readonly string[], field = 'criterionIds'): { ids: string[]; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  wanted.forEach((id, i) => {
    if (!allowed.has(id) && !alreadyOnPost.has(id)) fields[`${field}.${i}`] = 'unknown_criterion';
  });
  return { ids: [...new Set(wanted)], fields };
}

/** The year groups of some classes, each once, in the order first met. */
export function yearGroupsOf(classes: ReadonlyArray<Pick<ClassLike, 'yearGroup'>>): string[] {
  return [...new Set(classes.map((c) => c.yearGroup))];
}

/**
 * The rules of a portfolio post, as pure functions: the status a new post starts in, who may see a
 * post in each status, and what an edit does to the status.
 *
 * Worked example (Owls approves by hand; Hedgehogs approves automatically):
 *   Ava (Owls) posts her drawing           → pending: her teacher sees it in the queue, her family does not
 *   Mr Okafor returns it ("add your name") → returned: Ava sees the comment; her family still sees nothing
 *   Ava edits it                           → pending again, back in the queue
 *   Mr Okafor approves it                  → approved: Ava's family sees it (and tomorrow's digest lists it)
 *   Ben (Hedgehogs) posts                  → approved at once
 *   Mr Okafor posts a photo for Ava        → approved at once (staff posts need no approval)
 */
export type PostStatus = 'pending' | 'approved' | 'returned';
export type AuthorRole = 'student' | 'staff';

export function initialStatus(authorRole: AuthorRole, classAutoApproves: boolean): PostStatus {
  return authorRole === 'staff' || classAutoApproves ? 'approved' : 'pending';
}

/** What each viewer may see of a child's portfolio, from what `can()` says of them. */
export interface PortfolioAccess {
  /** portfolio.read: approved posts */
  read: boolean;
  /** portfolio.review: every post of the child */
  review: boolean;
  /** portfolio.own: the child's own pending and returned posts */
  own: boolean;
}

export function visibleStatuses(access: PortfolioAccess): PostStatus[] {
  if (access.review || access.own) return ['approved', 'pending', 'returned'];
  if (access.read) return ['approved'];
  return [];
}

export function canSeePost(access: PortfolioAccess, status: PostStatus): boolean {
  return visibleStatuses(access).includes(status);
}

/**
 * An edit by the child sends a returned post back to the queue; an approved one the child changes
 * goes back to the queue too (families never see words the teacher has not), unless the class
 * approves automatically. An edit by staff keeps the status.
 */
export function statusAfterEdit(current: PostStatus, editor: AuthorRole, classAutoApproves: boolean): PostStatus {
  if (editor === 'staff') return current;
  return classAutoApproves ? 'approved' : 'pending';
}

/** Posts and comments are short: a caption, a reflection, a comment. */
export const CAPTION_MAX = 500;
export const REFLECTION_MAX = 4000;
export const TEXT_ITEM_MAX = 10000;
export const COMMENT_MAX = 2000;
export const ITEMS_MAX = 10;
/** A teacher posts for at most this many children at once (a whole class). */
export const GROUP_MAX = 60;
export const TIMELINE_PAGE = 12;

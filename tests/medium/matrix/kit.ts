/**
 * The authorization matrix's vocabulary: the actors, what each gets, and how a route is called.
 * The rows are in ../authorization-matrix.test.ts and, per feature, in the files beside this one.
 */
import type { World } from '../../factories/index';
import type { TestApp } from '../../setup/app';

export const actors = ['admin', 'teacherOfClass', 'otherTeacher', 'guardianOfChild', 'otherGuardian', 'studentSelf', 'otherStudent', 'anonymous', 'otherSchool'] as const;
export type ActorName = (typeof actors)[number];
export type Expect = Record<ActorName, number>;

export const all = (status: number): Expect => Object.fromEntries(actors.map((a) => [a, status])) as Expect;
export const signedIn = (status: number): Expect => ({ ...all(status), anonymous: 401 });
export const withStatus = (e: Expect, ok: number): Expect => Object.fromEntries(Object.entries(e).map(([a, st]) => [a, st === 200 ? ok : st])) as Expect;

/** Allowed → 200; anonymous → 401; someone of another school → 404 (ids there are not even confirmed); the rest → 403. */
export const only = (allowed: ActorName[]): Expect =>
  Object.fromEntries(actors.map((a) => [a, a === 'anonymous' ? 401 : allowed.includes(a) ? 200 : a === 'otherSchool' ? 404 : 403])) as Expect;

/**
 * For a child's posts, comments and media: who may see the thing → 200, and everyone else — of the
 * school or not — 404, since a post or photo must not even be confirmed to exist to someone who may
 * not see it; `refused` are those who see it but may not do this (403).
 */
export const seenBy = (allowed: ActorName[], refused: ActorName[] = []): Expect =>
  Object.fromEntries(actors.map((a) => [a, a === 'anonymous' ? 401 : allowed.includes(a) ? 200 : refused.includes(a) ? 403 : 404])) as Expect;
/** Who sees Ana's approved posts: her family, her teacher, the admin and Ana. */
export const anasReaders: ActorName[] = ['admin', 'teacherOfClass', 'guardianOfChild', 'studentSelf'];
export const schoolMembers: ActorName[] = ['admin', 'teacherOfClass', 'otherTeacher', 'guardianOfChild', 'otherGuardian', 'studentSelf', 'otherStudent'];

export interface Case {
  /** The URL to request (params filled in from the world). */
  url: (w: World) => string;
  body?: (w: World) => unknown;
  /** A raw body with its headers (e.g. a multipart upload) instead of JSON. */
  raw?: () => { payload: Buffer; headers: Record<string, string> };
  expect: Expect;
}

/** What the main file's set-up made in Ana's portfolio (for rows about her posts). */
export interface PortfolioFixture {
  photoId: string;
  approvedId: string;
  pendingId: string;
  returnedId: string;
  commentId: string;
  tagId: string;
}

/** A feature's rows, and the world it needs beyond buildWorld (run once per engine, after the portfolio). */
export interface Area {
  cases: Record<string, Case>;
  setup?: (t: TestApp, w: World, portfolio: PortfolioFixture) => Promise<void>;
}

import type { UserActor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { tokenDigest } from '../../lib/secrets';
import { findLiveSession, findUserById, loadActor, touchSession, type SessionRow, type UserRow } from './identity.repo';

/** Sliding expiry is written at most this often, so reading pages does not write on every request. */
const TOUCH_EVERY_MS = 15 * 60_000;
/** However often it is used, a session ends this long after sign-in. */
export const SESSION_MAX_DAYS = 90;

export interface ResolvedSession {
  session: SessionRow;
  actor: UserActor;
  user: UserRow;
  /** Set when this request extended the session: the cookie should be sent again with it. */
  renewedUntil: Date | null;
}

/** The session and person behind a cookie token, or null for an unknown, expired or signed-out one. */
export async function resolveSession(deps: Deps, token: string): Promise<ResolvedSession | null> {
  const now = deps.now();
  const session = await findLiveSession(deps.db, tokenDigest(token), now);
  if (!session) return null;
  const user = await findUserById(deps.db, session.userId);
  const actor = user ? await loadActor(deps.db, user) : null;
  if (!user || !actor) return null;
  let renewedUntil: Date | null = null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    const sliding = now.getTime() + deps.config.sessionDays * 86_400_000;
    const absolute = session.createdAt.getTime() + SESSION_MAX_DAYS * 86_400_000;
    renewedUntil = new Date(Math.min(sliding, absolute));
    await touchSession(deps.db, session.id, now, renewedUntil);
  }
  return { session, actor, user, renewedUntil };
}

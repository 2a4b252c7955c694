import type { UserActor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { tokenDigest } from '../../lib/secrets';
import { findLiveSession, findUserById, loadActor, touchSession, type SessionRow, type UserRow } from './identity.repo';

/** Sliding expiry is written at most this often, so reading pages does not write on every request. */
const TOUCH_EVERY_MS = 15 * 60_000;

export interface ResolvedSession {
  session: SessionRow;
  actor: UserActor;
  user: UserRow;
}

/** The session and person behind a cookie token, or null for an unknown, expired or signed-out one. */
export async function resolveSession(deps: Deps, token: string): Promise<ResolvedSession | null> {
  const now = deps.now();
  const session = await findLiveSession(deps.db, tokenDigest(token), now);
  if (!session) return null;
  const user = await findUserById(deps.db, session.userId);
  const actor = user ? await loadActor(deps.db, user) : null;
  if (!user || !actor) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await touchSession(deps.db, session.id, now, new Date(now.getTime() + deps.config.sessionDays * 86_400_000));
  }
  return { session, actor, user };
}

import type { Deps } from '../../deps';
import { randomToken, tokenDigest } from '../../lib/secrets';
import { insertSession, markJoined } from './identity.repo';

export interface StartedSession {
  userId: string;
  /** Goes into the httpOnly cookie; never stored. */
  token: string;
  /** Echoed by the page in the `x-csrf-token` header on every state-changing request. */
  csrfToken: string;
  expiresAt: Date;
}

export type SignInMethod = 'password' | 'link' | 'pictures';

export async function startSession(deps: Deps, userId: string, method: SignInMethod): Promise<StartedSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + deps.config.sessionDays * 86_400_000);
  await insertSession(deps.db, { id: tokenDigest(token), userId, csrfToken, method, createdAt: now, lastSeenAt: now, expiresAt });
  // The first sign-in is when someone has joined (the admin's families list shows it).
  await markJoined(deps.db, userId, now);
  return { userId, token, csrfToken, expiresAt };
}

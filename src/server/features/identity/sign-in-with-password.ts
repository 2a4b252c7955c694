import type { Deps } from '../../deps';
import { verifySecret } from '../../lib/secrets';
import { beginAttempt } from './account-lock';
import { findUserByEmail, findUserByUsername } from './identity.repo';
import { startSession, type StartedSession } from './start-session';

export interface PasswordSignIn {
  /** An email address (staff, guardians) or a username (older students). */
  identifier: string;
  password: string;
  ip: string;
}

export async function signInWithPassword(deps: Deps, input: PasswordSignIn): Promise<StartedSession> {
  const identifier = input.identifier.trim().toLowerCase();
  const accountKey = identifier.includes('@') ? `email:${identifier}` : `username:${identifier}`;
  const attempt = await beginAttempt(deps, accountKey, 'password', input.ip);
  const user = identifier.includes('@') ? await findUserByEmail(deps.db, identifier) : await findUserByUsername(deps.db, identifier);
  const ok = await verifySecret(input.password, user?.passwordHash);
  if (!user || !ok || user.archivedAt) return attempt.failed();
  await attempt.succeeded();
  return startSession(deps, user.id, 'password');
}

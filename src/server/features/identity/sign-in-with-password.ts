import type { Deps } from '../../deps';
import { verifySecret } from '../../lib/secrets';
import { assertNotLocked, noteFailure, noteSuccess } from './account-lock';
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
  await assertNotLocked(deps, accountKey, 'password');
  const user = identifier.includes('@') ? await findUserByEmail(deps.db, identifier) : await findUserByUsername(deps.db, identifier);
  const ok = await verifySecret(input.password, user?.passwordHash);
  if (!user || !ok || user.archivedAt) return noteFailure(deps, accountKey, input.ip);
  await noteSuccess(deps, accountKey);
  return startSession(deps, user.id, 'password');
}

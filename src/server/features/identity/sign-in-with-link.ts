import { DomainError } from '../../../domain/errors';
import type { Deps } from '../../deps';
import { tokenDigest } from '../../lib/secrets';
import { consumeSignInToken, findUserById } from './identity.repo';
import { startSession, type StartedSession } from './start-session';

export async function signInWithLink(deps: Deps, token: string): Promise<StartedSession> {
  const userId = await consumeSignInToken(deps.db, tokenDigest(token), deps.now());
  const user = userId ? await findUserById(deps.db, userId) : undefined;
  if (!user || user.archivedAt) throw new DomainError('link_invalid');
  return startSession(deps, user.id, 'link');
}

import type { Deps } from '../../deps';
import { deleteSession, deleteSessionsOfUser } from './identity.repo';

export function signOut(deps: Deps, sessionId: string): Promise<void> {
  return deleteSession(deps.db, sessionId);
}

/** Ends every session of the person, on every device (a lost phone, a shared tablet). */
export function signOutEverywhere(deps: Deps, userId: string): Promise<number> {
  return deleteSessionsOfUser(deps.db, userId);
}

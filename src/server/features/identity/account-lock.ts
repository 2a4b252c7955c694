/**
 * Per-account brake on guessing (per-IP limits are the rate limiter's job). Attempts are rows in
 * PostgreSQL, written before the secret is checked, so the count holds across server instances,
 * restarts and simultaneous guesses.
 *
 * Example: a picture password has 240 possible answers. With 5 tries per 15 minutes a guesser
 * needs on average 120 tries = 24 windows = 6 hours of trying per child — and 30 guesses sent at
 * the same instant are no help: only the first 5 written are checked at all.
 */
import { DomainError } from '../../../domain/errors';
import type { Deps } from '../../deps';
import { beginSignInAttempt, failSignInAttempt, succeedSignInAttempt } from './identity.repo';

export const LOCK_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES = { password: 10, pictures: 5, link: 5 } as const;

export interface Attempt {
  /** Call when the secret matched. */
  succeeded(): Promise<void>;
  /** Call when it did not: records the failure and throws invalid_credentials. */
  failed(): Promise<never>;
}

/** Starts an attempt on the account, or throws rate_limited when too many are unresolved. */
export async function beginAttempt(deps: Deps, accountKey: string, kind: keyof typeof MAX_FAILURES, ip: string): Promise<Attempt> {
  const now = deps.now();
  const { id, unresolved } = await beginSignInAttempt(deps.db, accountKey, ip, now, new Date(now.getTime() - LOCK_WINDOW_MS));
  if (unresolved > MAX_FAILURES[kind]) {
    await failSignInAttempt(deps.db, id);
    throw new DomainError('rate_limited', { retryAfterSeconds: LOCK_WINDOW_MS / 1000 });
  }
  return {
    succeeded: () => succeedSignInAttempt(deps.db, id, accountKey),
    async failed() {
      await failSignInAttempt(deps.db, id);
      throw new DomainError('invalid_credentials');
    },
  };
}

/**
 * Per-account brake on guessing (per-IP limits are the rate limiter's job). Failures are rows in
 * PostgreSQL, so the count holds across server instances and restarts.
 *
 * Example: a picture password has 240 possible answers. With 5 tries per 15 minutes a guesser
 * needs on average 120 tries = 24 windows = 6 hours of trying per child, and the teacher sees the
 * child locked out long before that.
 */
import { DomainError } from '../../../domain/errors';
import type { Deps } from '../../deps';
import { clearSignInFailures, countSignInFailures, recordSignInFailure } from './identity.repo';

export const LOCK_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES = { password: 10, pictures: 5 } as const;

export async function assertNotLocked(deps: Deps, accountKey: string, kind: keyof typeof MAX_FAILURES): Promise<void> {
  const since = new Date(deps.now().getTime() - LOCK_WINDOW_MS);
  const failures = await countSignInFailures(deps.db, accountKey, since);
  if (failures >= MAX_FAILURES[kind]) {
    throw new DomainError('rate_limited', { retryAfterSeconds: LOCK_WINDOW_MS / 1000 });
  }
}

export async function noteFailure(deps: Deps, accountKey: string, ip: string): Promise<never> {
  await recordSignInFailure(deps.db, accountKey, ip, deps.now());
  throw new DomainError('invalid_credentials');
}

export function noteSuccess(deps: Deps, accountKey: string): Promise<void> {
  return clearSignInFailures(deps.db, accountKey);
}

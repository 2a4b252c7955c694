/**
 * "Email me a sign-in link". The request only queues a job and answers 202 — the same work and the
 * same answer whether or not the address has an account, so neither the answer nor its timing
 * tells who has one. The job looks the person up and mails the link in their language.
 */
import { z } from 'zod';
import { localeTags, matchLocale } from '../../../contracts/locales';
import type { Deps } from '../../deps';
import { defineJob, enqueue } from '../../jobs/runner';
import { randomToken, tokenDigest } from '../../lib/secrets';
import { LOCK_WINDOW_MS, MAX_FAILURES } from './account-lock';
import { beginSignInAttempt, failSignInAttempt, findUserByEmail, insertSignInToken } from './identity.repo';

export const LINK_LIFETIME_MINUTES = 15;

export const sendSignInLinkJob = defineJob({
  kind: 'send-sign-in-link',
  version: 1,
  payload: z.object({ email: z.string(), locale: z.enum(localeTags).nullable() }),
  async run(deps, { email, locale: pageLocale }, { job }) {
    const user = await findUserByEmail(deps.db, email);
    if (!user || user.archivedAt || !user.email) return { sent: false };
    const token = randomToken();
    const now = deps.now();
    await insertSignInToken(deps.db, {
      id: tokenDigest(token),
      userId: user.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + LINK_LIFETIME_MINUTES * 60_000),
    });
    const locale = matchLocale([user.preferredLocale, pageLocale]) ?? 'en';
    // The token travels in the fragment: it is never sent to a server log by link scanners or proxies.
    const url = `${deps.config.publicUrl}/sign-in/link#token=${token}`;
    const values = { name: user.givenName, url, minutes: LINK_LIFETIME_MINUTES };
    await deps.mailer.send(
      { to: user.email, subject: deps.i18n.t(locale, 'mail.signInLink.subject'), text: deps.i18n.t(locale, 'mail.signInLink.text', values) },
      { dedupeKey: `sign-in-link:${job.id}`, redact: (text) => text.replace(/#token=[\w-]+/g, '#token=[sent]') },
    );
    return { sent: true };
  },
});

export async function requestSignInLink(deps: Deps, input: { email: string; locale: string | null; ip: string }): Promise<void> {
  const email = input.email.trim().toLowerCase();
  // At most a few links per address per 15 minutes, so nobody can flood a parent's inbox; past
  // that the answer stays the same and nothing is sent.
  const now = deps.now();
  const attempt = await beginSignInAttempt(deps.db, `link:${email}`, input.ip, now, new Date(now.getTime() - LOCK_WINDOW_MS));
  await failSignInAttempt(deps.db, attempt.id);
  if (attempt.unresolved > MAX_FAILURES.link) return;
  await enqueue(deps, sendSignInLinkJob, { email, locale: matchLocale([input.locale]) });
}

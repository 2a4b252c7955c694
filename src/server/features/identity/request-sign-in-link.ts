import { matchLocale } from '../../../contracts/locales';
import type { Deps } from '../../deps';
import { randomToken, tokenDigest } from '../../lib/secrets';
import { findUserByEmail, insertSignInToken } from './identity.repo';

export const LINK_LIFETIME_MINUTES = 15;

/**
 * Emails a one-time sign-in link. Answers the same whether or not the address is known, so the
 * form cannot be used to find out who has an account.
 */
export async function requestSignInLink(deps: Deps, input: { email: string; locale: string | null }): Promise<void> {
  const user = await findUserByEmail(deps.db, input.email);
  if (!user || user.archivedAt || !user.email) return;
  const token = randomToken();
  const now = deps.now();
  await insertSignInToken(deps.db, {
    id: tokenDigest(token),
    userId: user.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + LINK_LIFETIME_MINUTES * 60_000),
  });
  const locale = matchLocale([user.preferredLocale, input.locale]) ?? 'en';
  // The token travels in the fragment: it is never sent to a server log by link scanners or proxies.
  const url = `${deps.config.publicUrl}/sign-in/link#token=${token}`;
  const values = { name: user.givenName, url, minutes: LINK_LIFETIME_MINUTES };
  await deps.mailer.send({
    to: user.email,
    subject: deps.i18n.t(locale, 'mail.signInLink.subject'),
    text: deps.i18n.t(locale, 'mail.signInLink.text', values),
  });
}

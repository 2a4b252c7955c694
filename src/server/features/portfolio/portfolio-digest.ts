/**
 * The families' daily digest of new portfolio posts. When a post is approved, a digest job is
 * queued for each of the child's guardians for 17:00 in the school's time zone, with an idempotency
 * key of the guardian and that local date: however many posts are approved that day, one job, one
 * email. The job mails the posts approved since the guardian's last digest, in their language, with
 * a link that switches the digest off; it is safe to run twice (the mail has a dedupe key, and the
 * "covered until" mark only moves forward to the newest post it listed).
 */
import { z } from 'zod';
import { matchLocale } from '../../../contracts/locales';
import { nextDigest } from '../../../domain/portfolio/digest';
import type { Actor } from '../../../domain/permissions/index';
import { DomainError } from '../../../domain/errors';
import type { Deps } from '../../deps';
import { defineJob, enqueue } from '../../jobs/runner';
import { randomToken } from '../../lib/secrets';
import { findSchool } from '../school/school.repo';
import { approvedPostsBetween, childrenOfGuardianUser, findDigestRecipient, findUserByDigestToken, guardianUsersOf, setDigestFields } from './portfolio.repo';

export const portfolioDigestJob = defineJob({
  kind: 'portfolio-digest',
  version: 1,
  payload: z.object({ userId: z.uuid(), localDate: z.iso.date() }),
  async run(deps, { userId, localDate }) {
    const user = await findDigestRecipient(deps.db, userId);
    if (!user?.email || !user.portfolioDigest || user.archivedAt) return { sent: false };
    const children = await childrenOfGuardianUser(deps.db, userId);
    // A first digest covers the last day only, not everything approved before the family joined.
    const since = user.through ?? new Date(deps.now().getTime() - 86_400_000);
    const posts = await approvedPostsBetween(deps.db, children.map((c) => c.studentId), since, deps.now());
    if (posts.length === 0) return { sent: false };
    const school = await findSchool(deps.db, children[0]!.schoolId);
    const locale = matchLocale([user.preferredLocale, school?.locale]) ?? 'en';
    const token = user.token ?? randomToken();
    if (!user.token) await setDigestFields(deps.db, userId, { digestUnsubscribeToken: token });
    const say = (key: string, values?: Record<string, string | number>) => deps.i18n.t(locale, `mail.portfolioDigest.${key}`, values);
    const withPosts = children.filter((c) => posts.some((p) => p.studentId === c.studentId));
    const lines = withPosts.flatMap((c) => {
      const mine = posts.filter((p) => p.studentId === c.studentId);
      return [
        '',
        say('child', { name: c.givenName, count: mine.length }),
        ...mine.slice(0, 5).map((p) => `  • ${p.caption || say('untitled')}`),
        `  ${deps.config.publicUrl}/students/${c.studentId}/portfolio`,
      ];
    });
    const names = new Intl.ListFormat(locale, { type: 'conjunction' }).format(withPosts.map((c) => c.givenName));
    await deps.mailer.send(
      {
        to: user.email,
        subject: say('subject', { children: names }),
        text: [say('hello', { name: user.givenName }), '', say('intro', { school: school?.name ?? '' }), ...lines, '', say('stop', { url: `${deps.config.publicUrl}/unsubscribe#${token}` })].join('\n'),
      },
      { dedupeKey: `portfolio-digest:${userId}:${localDate}` },
    );
    await setDigestFields(deps.db, userId, { portfolioDigestThrough: posts[posts.length - 1]!.approvedAt });
    return { sent: true, posts: posts.length };
  },
});

/** Queues (once per guardian and local day) the digest that will tell families about newly approved posts. */
export async function scheduleDigests(deps: Deps, schoolId: string, studentIds: string[], approvedAt: Date): Promise<void> {
  const school = await findSchool(deps.db, schoolId);
  if (!school) return;
  const { runAt, localDate } = nextDigest(approvedAt, school.timeZone);
  const guardians = (await guardianUsersOf(deps.db, studentIds)).filter((g) => g.portfolioDigest && g.email);
  for (const userId of new Set(guardians.map((g) => g.userId))) {
    await enqueue(deps, portfolioDigestJob, { userId, localDate }, { idempotencyKey: `portfolio-digest:${userId}:${localDate}`, runAt });
  }
}

export async function getNotificationSettings(deps: Deps, actor: Actor) {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  const user = await findDigestRecipient(deps.db, actor.userId);
  return { portfolioDigest: user?.portfolioDigest ?? true };
}

export async function setNotificationSettings(deps: Deps, actor: Actor, portfolioDigest: boolean) {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  await setDigestFields(deps.db, actor.userId, { portfolioDigest });
}

/** The email's "stop these emails" link: the token can only switch the digest off. */
export async function unsubscribeDigest(deps: Deps, token: string): Promise<void> {
  const user = await findUserByDigestToken(deps.db, token);
  if (!user) throw new DomainError('link_invalid');
  await setDigestFields(deps.db, user.id, { portfolioDigest: false });
}

/**
 * Inviting families to join Confer, and joining.
 *
 * An admin (any family of the school) or a teacher (families of their classes) invites guardians
 * by email — a job mails each a link in their language — or on printed letters, each with a QR
 * code and a code to type, for families without email. The guardian opens the link or types the
 * code, sees their children's first names, chooses a password and is in: their children are
 * already linked by the roster. Invitations expire after 30 days and can be sent again (the old
 * one stops working).
 */
import { randomInt } from 'node:crypto';
import QRCode from 'qrcode';
import { z } from 'zod';
import { localeTags, matchLocale } from '../../../contracts/locales';
import { DomainError } from '../../../domain/errors';
import { INVITATION_DAYS, invitationCode, normaliseCode } from '../../../domain/invitations';
import { can, type Actor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { defineJob, enqueue } from '../../jobs/runner';
import { hashSecret, randomToken, tokenDigest } from '../../lib/secrets';
import { startSession, type StartedSession } from '../identity/start-session';
import { authorize } from '../school/authorize';
import { findSchool, findStudentSubject } from '../school/school.repo';
import * as repo from './invitations.repo';

export const MIN_PASSWORD_LENGTH = 8;

/** The classes a person may invite the families of: all (admin) or those they teach. */
function invitableScope(actor: Actor, schoolId: string): string[] | null {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  if (can(actor, 'roster.manage', { type: 'school', schoolId })) return null;
  const taught = actor.teaches.filter((t) => t.schoolId === schoolId).map((t) => t.classId);
  if (taught.length === 0) authorize(actor, 'roster.manage', { type: 'school', schoolId }); // throws 403 / 404
  return taught;
}

export async function listFamilies(deps: Deps, actor: Actor, schoolId: string) {
  const scope = invitableScope(actor, schoolId);
  const now = deps.now();
  return (await repo.listFamilies(deps.db, schoolId, scope)).map((f) => ({
    userId: f.userId,
    givenName: f.givenName,
    familyName: f.familyName,
    email: f.email,
    preferredLocale: f.preferredLocale,
    joined: f.joinedAt !== null,
    children: f.children.map((c) => ({ studentId: c.studentId, givenName: c.givenName, classNames: c.classNames })),
    invitation:
      f.invitation && !f.invitation.revokedAt
        ? {
            method: f.invitation.method,
            sentAt: (f.invitation.sentAt ?? f.invitation.createdAt).toISOString(),
            expiresAt: f.invitation.expiresAt.toISOString(),
            status: f.invitation.acceptedAt ? ('accepted' as const) : f.invitation.expiresAt <= now ? ('expired' as const) : ('open' as const),
          }
        : null,
  }));
}

/** May this person invite this guardian? Only if they may invite the family of one of the guardian's children. */
async function assertMayInvite(deps: Deps, actor: Actor, schoolId: string, userId: string): Promise<void> {
  const children = await repo.childrenOfGuardianUser(deps.db, userId, schoolId);
  for (const c of children) {
    const subject = await findStudentSubject(deps.db, c.studentId);
    if (subject && can(actor, 'family.invite', { type: 'student', studentId: c.studentId, ...subject })) return;
  }
  throw new DomainError('forbidden');
}

export const sendInvitationJob = defineJob({
  kind: 'send-invitation',
  version: 1,
  payload: z.object({ invitationId: z.uuid() }),
  async run(deps, { invitationId }) {
    const invitation = await repo.findInvitation(deps.db, invitationId);
    if (!invitation || invitation.revokedAt || invitation.sentAt) return { sent: false };
    const user = await repo.findUserBasics(deps.db, invitation.userId);
    const school = await findSchool(deps.db, invitation.schoolId);
    if (!user?.email || !school) return { sent: false };
    // A fresh token each try; it counts only once the mail has gone (then it is recorded as sent).
    // If the mail server fails, the next try sends a new link — nothing is marked sent that was not.
    const token = randomToken();
    const locale = matchLocale([user.preferredLocale, school.locale]) ?? 'en';
    const children = await repo.childFirstNames(deps.db, user.id, invitation.schoolId);
    const url = `${deps.config.publicUrl}/join#token=${token}`;
    const days = Math.round((invitation.expiresAt.getTime() - deps.now().getTime()) / 86_400_000);
    await deps.mailer.send(
      {
        to: user.email,
        subject: deps.i18n.t(locale, 'mail.invitation.subject', { school: school.name }),
        text: deps.i18n.t(locale, 'mail.invitation.text', { name: user.givenName, school: school.name, children: new Intl.ListFormat(locale).format(children), url, days }),
      },
      { dedupeKey: `invitation:${invitation.id}:${tokenDigest(token)}`, redact: (text) => text.replace(/#token=[\w-]+/g, '#token=[sent]') },
    );
    return { sent: await repo.markInvitationSent(deps.db, invitation.id, tokenDigest(token), deps.now()) };
  },
});

export interface Letter {
  userId: string;
  givenName: string;
  familyName: string;
  locale: string;
  children: string[];
  code: string;
  url: string;
  qrSvg: string;
  expiresAt: string;
}

export interface InviteResult {
  emailed: string[];
  /** Guardians with no email: they need a letter. */
  noEmail: string[];
  /** Guardians who already have a way in (a password, staff or pupil account, or signed in before): not invited. */
  alreadyIn: string[];
  letters: Letter[];
}

/** Letter codes come from the operating system's secure random source, never Math.random. */
const secureRandom = () => randomInt(0, 2 ** 32) / 2 ** 32;

export async function inviteFamilies(deps: Deps, actor: Actor, schoolId: string, input: { userIds: string[]; method: 'email' | 'letter' }): Promise<InviteResult> {
  invitableScope(actor, schoolId);
  const school = await findSchool(deps.db, schoolId);
  if (!school) throw new DomainError('not_found');
  // Every family is checked before anything is written: one refusal changes nothing for the others.
  const userIds = [...new Set(input.userIds)];
  for (const userId of userIds) await assertMayInvite(deps, actor, schoolId, userId);
  const result: InviteResult = { emailed: [], noEmail: [], alreadyIn: [], letters: [] };
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  const createdBy = actor.kind === 'user' ? actor.userId : null;
  const work: Array<{ userId: string; user: NonNullable<Awaited<ReturnType<typeof repo.findUserBasics>>> }> = [];
  for (const userId of userIds) {
    const user = await repo.findUserBasics(deps.db, userId);
    if (!user) throw new DomainError('not_found');
    if (!(await repo.isUnclaimedFamilyAccount(deps.db, userId))) result.alreadyIn.push(userId);
    else if (input.method === 'email' && !user.email) result.noEmail.push(userId);
    else work.push({ userId, user });
  }
  const codes = new Map<string, string>();
  await deps.db.transaction(async (tx) => {
    for (const { userId } of work) {
      await repo.revokeOpenInvitations(tx, schoolId, userId, now);
      if (input.method === 'email') {
        const id = await repo.insertInvitation(tx, { schoolId, userId, createdBy, method: 'email', expiresAt });
        await enqueue({ db: tx, now: deps.now }, sendInvitationJob, { invitationId: id }, { idempotencyKey: `send-invitation:${id}` });
        result.emailed.push(userId);
      } else {
        // The code exists only in this answer (and on the printed letter); the table keeps its hash.
        const code = invitationCode(secureRandom);
        await repo.insertInvitation(tx, { schoolId, userId, createdBy, method: 'letter', expiresAt, secretHash: tokenDigest(normaliseCode(code)), sentAt: now });
        codes.set(userId, code);
      }
    }
  });
  for (const { userId, user } of work) {
    const code = codes.get(userId);
    if (!code) continue;
    const url = `${deps.config.publicUrl}/join?code=${code}`;
    result.letters.push({
      userId,
      givenName: user.givenName,
      familyName: user.familyName,
      locale: matchLocale([user.preferredLocale, school.locale]) ?? 'en',
      children: await repo.childFirstNames(deps.db, userId, schoolId),
      code,
      url,
      qrSvg: await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
      expiresAt: expiresAt.toISOString(),
    });
  }
  return result;
}

function secretHashOf(input: { token?: string | undefined; code?: string | undefined }): string {
  if (input.token) return tokenDigest(input.token);
  if (input.code) return tokenDigest(normaliseCode(input.code));
  throw new DomainError('validation_failed', { fields: { code: 'required' } });
}

/** What the join page shows before the guardian sets a password: the school and their children's first names. */
export async function lookUpInvitation(deps: Deps, input: { token?: string; code?: string }) {
  const found = await repo.findLiveInvitation(deps.db, secretHashOf(input), deps.now());
  if (!found) throw new DomainError('link_invalid', { fields: input.code ? { code: 'invitation_invalid' } : {} });
  return {
    schoolName: found.schoolName,
    givenName: found.givenName,
    children: await repo.childFirstNames(deps.db, found.userId, found.schoolId),
    preferredLocale: matchLocale([found.preferredLocale]),
  };
}

export async function acceptInvitation(deps: Deps, input: { token?: string; code?: string; password: string }): Promise<StartedSession> {
  if (input.password.length < MIN_PASSWORD_LENGTH) throw new DomainError('validation_failed', { fields: { password: 'too_small' } });
  const passwordHash = await hashSecret(input.password);
  const invalid = () => new DomainError('link_invalid', { fields: input.code ? { code: 'invitation_invalid' } : {} });
  const found = await repo.findLiveInvitation(deps.db, secretHashOf(input), deps.now());
  if (!found) throw invalid();
  // Accepting and setting the password are one step, and only on an account nobody has claimed:
  // an invitation can never change the password of someone who already has a way in.
  const ok = await deps.db.transaction(async (tx) => {
    if (!(await repo.acceptInvitationRow(tx, found.id, deps.now()))) return false;
    if (!(await repo.claimAccount(tx, found.userId, passwordHash, deps.now()))) throw invalid();
    return true;
  });
  if (!ok) throw invalid();
  return startSession(deps, found.userId, 'link');
}

export const invitationLocales = localeTags;

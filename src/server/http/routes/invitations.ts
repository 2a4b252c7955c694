import { z } from 'zod';
import { errorBody, idParam, sessionState } from '../../../contracts/api';
import { localeTags } from '../../../contracts/locales';
import type { Deps } from '../../deps';
import { describeUser } from '../../features/identity/describe-me';
import { acceptInvitation, inviteFamilies, listFamilies, lookUpInvitation, MIN_PASSWORD_LENGTH } from '../../features/invitations/invite-families';
import type { TypedApp } from '../app';
import { setSessionCookies } from '../session-cookies';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 429: errorBody };

export const families = z.object({
  families: z.array(
    z.object({
      userId: z.uuid(),
      givenName: z.string(),
      familyName: z.string(),
      email: z.string().nullable(),
      preferredLocale: z.string().nullable(),
      joined: z.boolean(),
      children: z.array(z.object({ studentId: z.uuid(), givenName: z.string(), classNames: z.array(z.string()) })),
      invitation: z.object({ method: z.enum(['email', 'letter']), sentAt: z.string(), expiresAt: z.string(), status: z.enum(['open', 'expired', 'accepted']) }).nullable(),
    }),
  ),
});

const inviteBody = z.object({ userIds: z.array(z.uuid()).min(1).max(500), method: z.enum(['email', 'letter']) });
const inviteResult = z.object({
  emailed: z.array(z.uuid()),
  noEmail: z.array(z.uuid()),
  /** Already have a way in (password, staff or pupil account, signed in before): not invited. */
  alreadyIn: z.array(z.uuid()),
  letters: z.array(
    z.object({
      userId: z.uuid(),
      givenName: z.string(),
      familyName: z.string(),
      locale: z.string(),
      children: z.array(z.string()),
      code: z.string(),
      url: z.string(),
      qrSvg: z.string(),
      expiresAt: z.string(),
    }),
  ),
});
const secret = z.object({ token: z.string().min(20).max(200).optional(), code: z.string().trim().min(4).max(20).optional() });
const joinRateLimit = { max: 20, timeWindow: '1 minute' };

export function registerInvitationRoutes(app: TypedApp, deps: Deps): void {
  app.get(
    '/api/schools/:id/families',
    { config: { access: 'signed-in' }, schema: { tags: ['families'], summary: 'Families (all for an admin, a teacher’s classes for a teacher): who has joined, who was invited', params: idParam, response: { 200: families, ...errors } } },
    async (req) => ({ families: await listFamilies(deps, req.actor, req.params.id) }),
  );

  app.post(
    '/api/schools/:id/invitations',
    { config: { access: 'signed-in' }, schema: { tags: ['families'], summary: 'Invite guardians by email, or make printable letters with a QR code and a code', params: idParam, body: inviteBody, response: { 200: inviteResult, ...errors } } },
    (req) => inviteFamilies(deps, req.actor, req.params.id, req.body),
  );

  app.post(
    '/api/invitations/look-up',
    {
      config: { access: 'public', rateLimit: joinRateLimit },
      schema: {
        tags: ['families'],
        summary: 'What an invitation is for (school, children’s first names), before joining',
        body: secret,
        response: { 200: z.object({ schoolName: z.string(), givenName: z.string(), children: z.array(z.string()), preferredLocale: z.enum(localeTags).nullable() }), ...errors },
      },
    },
    (req) => lookUpInvitation(deps, req.body),
  );

  app.post(
    '/api/invitations/accept',
    {
      config: { access: 'public', rateLimit: joinRateLimit },
      schema: { tags: ['families'], summary: 'Join: choose a password and sign in', body: secret.extend({ password: z.string().min(MIN_PASSWORD_LENGTH).max(200) }), response: { 200: sessionState, ...errors } },
    },
    async (req, reply) => {
      const session = await acceptInvitation(deps, req.body);
      setSessionCookies(reply, deps.config, session);
      return { me: await describeUser(deps, session.userId), csrfToken: session.csrfToken };
    },
  );
}

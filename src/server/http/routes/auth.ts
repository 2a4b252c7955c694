import { z } from 'zod';
import {
  classCodeLookup,
  classForSignIn,
  errorBody,
  linkRequest,
  linkSignIn,
  passwordSignIn,
  pictureSignIn,
  sessionState,
  signedOut,
} from '../../../contracts/api';
import type { Deps } from '../../deps';
import { describeMe, describeUser } from '../../features/identity/describe-me';
import { requestSignInLink } from '../../features/identity/request-sign-in-link';
import { signInWithLink } from '../../features/identity/sign-in-with-link';
import { signInWithPassword } from '../../features/identity/sign-in-with-password';
import { findClassForSignIn, signInWithPictures } from '../../features/identity/sign-in-with-pictures';
import { signOut, signOutEverywhere } from '../../features/identity/sign-out';
import type { StartedSession } from '../../features/identity/start-session';
import { randomToken } from '../../lib/secrets';
import type { TypedApp } from '../app';
import { requestLocale } from '../locale';
import { clearSessionCookie, CSRF_COOKIE, setCsrfCookie, setSessionCookies } from '../session-cookies';

/** Per-IP brake on every sign-in form (per-account limits are in the database: account-lock.ts). */
const signInRateLimit = { max: 30, timeWindow: '1 minute' };
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 429: errorBody };

export function registerAuthRoutes(app: TypedApp, deps: Deps): void {
  async function stateFor(session: StartedSession) {
    return { me: await describeUser(deps, session.userId), csrfToken: session.csrfToken };
  }

  app.get(
    '/api/session',
    { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'Who is signed in, and the CSRF token for this browser', response: { 200: sessionState } } },
    async (req, reply) => {
      if (req.session && req.user && req.actor.kind === 'user') {
        setCsrfCookie(reply, deps.config, req.session.csrfToken);
        return { me: await describeMe(deps, req.actor, req.user), csrfToken: req.session.csrfToken };
      }
      const csrfToken = req.cookies[CSRF_COOKIE] ?? randomToken();
      setCsrfCookie(reply, deps.config, csrfToken);
      return { me: null, csrfToken };
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'public', rateLimit: signInRateLimit },
      schema: { tags: ['auth'], summary: 'Sign in with email (or student username) and password', body: passwordSignIn, response: { 200: sessionState, ...errors } },
    },
    async (req, reply) => {
      const session = await signInWithPassword(deps, { ...req.body, ip: req.ip });
      setSessionCookies(reply, deps.config, session);
      return stateFor(session);
    },
  );

  app.post(
    '/api/auth/link',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Email a one-time sign-in link (answers the same for unknown addresses)', body: linkRequest, response: { 202: z.object({ sent: z.literal(true) }), ...errors } },
    },
    async (req, reply) => {
      await requestSignInLink(deps, { email: req.body.email, locale: req.body.locale ?? requestLocale(req), ip: req.ip });
      return reply.code(202).send({ sent: true as const });
    },
  );

  app.post(
    '/api/auth/link/verify',
    {
      config: { access: 'public', rateLimit: signInRateLimit },
      schema: { tags: ['auth'], summary: 'Sign in with the token from an emailed link', body: linkSignIn, response: { 200: sessionState, ...errors } },
    },
    async (req, reply) => {
      const session = await signInWithLink(deps, req.body.token);
      setSessionCookies(reply, deps.config, session);
      return stateFor(session);
    },
  );

  app.post(
    '/api/auth/class-code',
    {
      config: { access: 'public', rateLimit: signInRateLimit },
      schema: { tags: ['auth'], summary: "A class code → the children's first names and pictures", body: classCodeLookup, response: { 200: classForSignIn, ...errors } },
    },
    async (req) => {
      return findClassForSignIn(deps, req.body.classCode);
    },
  );

  app.post(
    '/api/auth/pictures',
    {
      config: { access: 'public', rateLimit: signInRateLimit },
      schema: { tags: ['auth'], summary: 'A child signs in with their picture and two-picture password', body: pictureSignIn, response: { 200: sessionState, ...errors } },
    },
    async (req, reply) => {
      const session = await signInWithPictures(deps, { ...req.body, ip: req.ip });
      setSessionCookies(reply, deps.config, session);
      return stateFor(session);
    },
  );

  app.post(
    '/api/auth/sign-out',
    { config: { access: 'signed-in' }, schema: { tags: ['auth'], summary: 'Sign out of this browser', response: { 200: signedOut, ...errors } } },
    async (req, reply) => {
      if (req.session) await signOut(deps, req.session.id);
      clearSessionCookie(reply, deps.config);
      setCsrfCookie(reply, deps.config, randomToken());
      return { signedOutSessions: 1 };
    },
  );

  app.post(
    '/api/auth/sign-out-everywhere',
    { config: { access: 'signed-in' }, schema: { tags: ['auth'], summary: 'Sign out on every device', response: { 200: signedOut, ...errors } } },
    async (req, reply) => {
      const n = req.actor.kind === 'user' ? await signOutEverywhere(deps, req.actor.userId) : 0;
      clearSessionCookie(reply, deps.config);
      setCsrfCookie(reply, deps.config, randomToken());
      return { signedOutSessions: n };
    },
  );
}

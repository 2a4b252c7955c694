import type { FastifyReply } from 'fastify';
import type { Config } from '../env';

export const SESSION_COOKIE = 'confer_session';
export const CSRF_COOKIE = 'confer_csrf';

export function setSessionCookies(reply: FastifyReply, config: Config, session: { token: string; csrfToken: string; expiresAt: Date }): void {
  void reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    expires: session.expiresAt,
  });
  setCsrfCookie(reply, config, session.csrfToken);
}

/** Readable by the page (it echoes it in `x-csrf-token`), never by another site. */
export function setCsrfCookie(reply: FastifyReply, config: Config, token: string): void {
  void reply.setCookie(CSRF_COOKIE, token, { path: '/', httpOnly: false, sameSite: 'lax', secure: config.cookieSecure });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.cookieSecure });
}

import type { FastifyRequest } from 'fastify';
import { defaultLocale, matchLocale, parseAcceptLanguage, type LocaleTag } from '../../contracts/locales';

/** The person's chosen language, else the page's (`x-confer-locale`), else the browser's, else English. */
export function requestLocale(req: FastifyRequest): LocaleTag {
  const header = req.headers['x-confer-locale'];
  return (
    matchLocale([req.user?.preferredLocale, typeof header === 'string' ? header : undefined, ...parseAcceptLanguage(req.headers['accept-language'])]) ??
    defaultLocale
  );
}

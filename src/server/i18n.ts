/**
 * Messages for what the server itself writes in a person's language: error messages in API
 * responses and emails. Read once from `locales/<lang>/*.json` (flattened to `file.key.path`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { defaultLocale, localeTags, type LocaleTag } from '../contracts/locales';

const localesDir = fileURLToPath(new URL('../../locales', import.meta.url));

export type Messages = Record<string, string>;

function flatten(prefix: string, value: unknown, out: Messages): void {
  if (typeof value === 'string') {
    out[prefix] = value;
    return;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(prefix ? `${prefix}.${k}` : k, v, out);
  }
}

export function loadMessages(tag: string, dir = localesDir): Messages {
  const out: Messages = {};
  const folder = path.join(dir, tag);
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
    flatten(file.replace(/\.json$/, ''), JSON.parse(readFileSync(path.join(folder, file), 'utf8')), out);
  }
  return out;
}

export interface Translator {
  t(locale: LocaleTag, key: string, values?: Record<string, string | number | Date>): string;
}

export function createTranslator(): Translator {
  const catalogs = new Map<LocaleTag, Messages>(localeTags.map((tag) => [tag, loadMessages(tag)]));
  const cache = new Map<string, IntlMessageFormat>();
  return {
    t(locale, key, values) {
      const message = catalogs.get(locale)?.[key] ?? catalogs.get(defaultLocale)?.[key];
      if (message === undefined) return key;
      const cacheKey = `${locale}\u0000${key}`;
      let format = cache.get(cacheKey);
      if (!format) {
        format = new IntlMessageFormat(message, locale);
        cache.set(cacheKey, format);
      }
      return String(format.format(values));
    },
  };
}

/** The languages Confer ships. `en` is the source; every other file must have every key (tests/medium/locales.test.ts). */
export const locales = [
  { tag: 'en', name: 'English', dir: 'ltr' },
  { tag: 'es', name: 'Español', dir: 'ltr' },
  { tag: 'ko', name: '한국어', dir: 'ltr' },
  { tag: 'ar', name: 'العربية', dir: 'rtl' },
] as const;

export type LocaleTag = (typeof locales)[number]['tag'];
export const localeTags = locales.map((l) => l.tag) as [LocaleTag, ...LocaleTag[]];
export const defaultLocale: LocaleTag = 'en';

/** Picks the best shipped locale for a preference list (e.g. Accept-Language order): `ko-KR` → `ko`. */
export function matchLocale(preferences: ReadonlyArray<string | null | undefined>): LocaleTag | null {
  for (const pref of preferences) {
    if (!pref) continue;
    const base = pref.trim().toLowerCase().split(/[-_]/)[0];
    const hit = locales.find((l) => l.tag === base);
    if (hit) return hit.tag;
  }
  return null;
}

/** Parses an Accept-Language header into tags, best first. */
export function parseAcceptLanguage(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag ?? '', q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.tag && x.tag !== '*')
    .sort((a, b) => b.q - a.q)
    .map((x) => x.tag);
}

export function localeDir(tag: string): 'ltr' | 'rtl' {
  return locales.find((l) => l.tag === tag)?.dir ?? 'ltr';
}

/**
 * Selection prompts ("your best writing") and the child's picks for them. Pure rules: which text a
 * reader sees, which languages a prompt should be written in, and whether a set of picks is allowed.
 */
import type { LocaleTag } from '../../contracts/locales';
import { localeTags } from '../../contracts/locales';

/** Text in several languages: locale tag → words. */
export type LocalizedText = Partial<Record<string, string>>;

/** Reflection questions Confer knows (translated by the locale files), in the seeds' words. */
export const builtInQuestions = ['did_well', 'make_better', 'learned'] as const;
export type BuiltInQuestion = (typeof builtInQuestions)[number];

/**
 * The words a reader sees, and in which language: theirs if the teacher wrote it, else the
 * school's, else any. `lang` lets the page mark the text's language (screen readers, fonts).
 *   localized({ en: 'Your best writing', es: 'Tu mejor escritura' }, 'es', 'en') → { text: 'Tu mejor escritura', lang: 'es' }
 *   localized({ en: 'Your best writing' }, 'ko', 'en') → { text: 'Your best writing', lang: 'en' }
 */
export function localized(text: LocalizedText, reader: string, schoolLocale: string): { text: string; lang: string } {
  for (const lang of [reader, schoolLocale, ...Object.keys(text)]) {
    const value = text[lang]?.trim();
    if (value) return { text: value, lang };
  }
  return { text: '', lang: schoolLocale };
}

/**
 * The school's languages, for writing prompts in: the school's own first, then each language a
 * family or member of staff reads — those Confer ships — in the order Confer lists them.
 *   schoolLanguages('en', ['ko', null, 'es', 'ko', 'fr']) → ['en', 'es', 'ko']
 */
export function schoolLanguages(schoolLocale: string, readers: ReadonlyArray<string | null>): LocaleTag[] {
  const wanted = new Set<string>([schoolLocale, ...readers.filter((r): r is string => Boolean(r))]);
  const first = localeTags.filter((l) => l === schoolLocale);
  return [...first, ...localeTags.filter((l) => l !== schoolLocale && wanted.has(l))];
}

export type PickProblem = 'too_many' | 'duplicate' | 'not_eligible';

/**
 * Checks a child's picks for one prompt: at most `pickCount`, no piece twice, and only their own
 * approved posts (`eligible`). The first problem found, with the offending post, or null.
 *   checkPicks(1, ['p1', 'p2'], new Set(['p1', 'p2'])) → { problem: 'too_many', postId: 'p2' }
 */
export function checkPicks(pickCount: number, postIds: readonly string[], eligible: ReadonlySet<string>): { problem: PickProblem; postId: string; index: number } | null {
  const seen = new Set<string>();
  for (const [index, postId] of postIds.entries()) {
    if (seen.has(postId)) return { problem: 'duplicate', postId, index };
    seen.add(postId);
    if (!eligible.has(postId)) return { problem: 'not_eligible', postId, index };
    if (index >= pickCount) return { problem: 'too_many', postId, index };
  }
  return null;
}

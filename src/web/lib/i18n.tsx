/**
 * Messages in the reader's language. Locale files are JSON with ICU messages, one chunk per
 * language loaded on demand; `en` is the fallback for a key a file lacks. `t(key, values)` formats
 * plurals and dates with Intl. The chosen language sets `<html lang dir>`, so Arabic lays out
 * right-to-left.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { defaultLocale, localeDir, localeTags, matchLocale, type LocaleTag } from '../../contracts/locales';
import { setPageLocale } from './api';

export type Messages = Record<string, string>;
export type UiLocale = LocaleTag | 'pseudo';

const files = import.meta.glob<{ default: Record<string, unknown> }>(['../../../locales/*/app.json', '../../../locales/*/errors.json', '../../../locales/*/pictures.json', '../../../locales/*/portfolio.json', '../../../locales/*/criteria.json', '../../../locales/*/standards.json', '../../../locales/*/preparation.json', '../../../locales/*/goals.json', '../../../locales/*/booking.json', '../../../locales/*/rounds.json', '../../../locales/*/conference.json', '../../../locales/*/late.json', '../../../locales/*/presenter.json', '../../../locales/*/surveys.json', '../../../locales/*/sharing.json', '../../../locales/*/followup.json', '../../../locales/*/conferencing.json', '../../../locales/*/journey.json']);

function flatten(prefix: string, value: unknown, out: Messages): void {
  if (typeof value === 'string') out[prefix] = value;
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(prefix ? `${prefix}.${k}` : k, v, out);
}

export async function loadLocale(tag: UiLocale): Promise<Messages> {
  const source = tag === 'pseudo' ? 'en' : tag;
  const out: Messages = {};
  const entries = Object.entries(files).filter(([p]) => p.includes(`/locales/${source}/`));
  await Promise.all(
    entries.map(async ([p, load]) => {
      const ns = p.split('/').pop()?.replace(/\.json$/, '') ?? '';
      flatten(ns, (await load()).default, out);
    }),
  );
  if (tag === 'pseudo') {
    const { pseudoMessage } = await import('./pseudo');
    for (const k of Object.keys(out)) out[k] = pseudoMessage(out[k] as string);
  }
  return out;
}

export type T = (key: string, values?: Record<string, string | number | Date>) => string;

interface I18nValue {
  locale: UiLocale;
  t: T;
  setLocale(tag: UiLocale): Promise<void>;
  /** The locale for Intl formatting (pseudo formats like English). */
  intlLocale: string;
}

const I18nContext = createContext<I18nValue | null>(null);

const STORAGE_KEY = 'confer.locale';

/** The page's starting language: ?lang=, then what this browser chose before, then the browser's own. */
export function initialLocale(): UiLocale {
  const param = new URLSearchParams(window.location.search).get('lang');
  if (param === 'pseudo') return 'pseudo';
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(STORAGE_KEY);
  } catch {
    // storage may be blocked; the browser's language still works
  }
  return matchLocale([param, stored, ...navigator.languages]) ?? defaultLocale;
}

export function I18nProvider({ initial, initialMessages, fallback, children }: { initial: UiLocale; initialMessages: Messages; fallback: Messages; children: ReactNode }) {
  const [state, setState] = useState({ locale: initial, messages: initialMessages });

  useEffect(() => {
    const tag = state.locale === 'pseudo' ? 'en' : state.locale;
    document.documentElement.lang = state.locale === 'pseudo' ? 'en-XA' : tag;
    document.documentElement.dir = localeDir(tag);
    setPageLocale(tag);
  }, [state.locale]);

  const setLocale = useCallback(async (tag: UiLocale) => {
    const messages = await loadLocale(tag);
    try {
      if (tag !== 'pseudo') window.localStorage.setItem(STORAGE_KEY, tag);
    } catch {
      // ignore
    }
    setState({ locale: tag, messages });
  }, []);

  const value = useMemo<I18nValue>(() => {
    const intlLocale = state.locale === 'pseudo' ? 'en' : state.locale;
    const cache = new Map<string, IntlMessageFormat>();
    const t: T = (key, values) => {
      const message = state.messages[key] ?? fallback[key];
      if (message === undefined) {
        if (import.meta.env.DEV) console.warn(`missing message ${key}`);
        return key;
      }
      let f = cache.get(key);
      if (!f) {
        f = new IntlMessageFormat(message, intlLocale);
        cache.set(key, f);
      }
      return String(f.format(values));
    };
    return { locale: state.locale, t, setLocale, intlLocale };
  }, [state, fallback, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

export function useT(): T {
  return useI18n().t;
}

export const shippedLocales = localeTags;

/**
 * Part of a page in another language than the reader's: a child presents in their family's
 * language, and a teacher's screen shows the family's cards as the family reads them. The part is
 * marked with its own `lang` and `dir` (screen readers, fonts, right-to-left) and shows nothing
 * until that language's messages have loaded.
 */
export function InLocale({ tag, children, className }: { tag: string; children: ReactNode; className?: string }) {
  const outer = useI18n();
  const wanted: UiLocale = outer.locale === 'pseudo' ? 'pseudo' : (matchLocale([tag]) ?? defaultLocale);
  const [messages, setMessages] = useState<{ tag: UiLocale; messages: Messages } | null>(null);
  useEffect(() => {
    let live = true;
    void loadLocale(wanted).then((m) => live && setMessages({ tag: wanted, messages: m }));
    return () => {
      live = false;
    };
  }, [wanted]);
  const value = useMemo<I18nValue | null>(() => {
    if (!messages || messages.tag !== wanted) return null;
    const intlLocale = wanted === 'pseudo' ? 'en' : wanted;
    const cache = new Map<string, IntlMessageFormat>();
    const t: T = (key, values) => {
      const message = messages.messages[key];
      if (message === undefined) return outer.t(key, values);
      let f = cache.get(key);
      if (!f) {
        f = new IntlMessageFormat(message, intlLocale);
        cache.set(key, f);
      }
      return String(f.format(values));
    };
    return { locale: wanted, t, setLocale: outer.setLocale, intlLocale };
  }, [messages, wanted, outer]);
  if (!value) return null;
  const lang = wanted === 'pseudo' ? 'en-XA' : wanted;
  return (
    <I18nContext.Provider value={value}>
      <div lang={lang} dir={localeDir(wanted === 'pseudo' ? 'en' : wanted)} className={className}>
        {children}
      </div>
    </I18nContext.Provider>
  );
}

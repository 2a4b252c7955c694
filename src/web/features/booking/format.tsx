/**
 * Formatting for the family booking pages: times in the round's zone (not the phone's — a family
 * abroad books the school's evening), language names through Intl.DisplayNames, and messages with
 * names and times inside them, where those stay data (`translate="no"`) in any word order.
 */
import { substituteRelationships } from '../../../contracts/booking';
import { Fragment, useMemo, type ReactNode } from 'react';
import { locales } from '../../../contracts/locales';
import { useI18n, type T } from '../../lib/i18n';

/** The reader's language with their region when the browser says it (en-GB: "16:00"; en: "4:00 PM"). */
export function useRegionalLocale(): string {
  const { intlLocale } = useI18n();
  return navigator.languages.find((l) => l.toLowerCase().startsWith(`${intlLocale}-`)) ?? intlLocale;
}

function validZone(timeZone: string | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

export interface ZoneFormat {
  /** "Thursday 14 November" */
  day(iso: string): string;
  /** "16:00" */
  time(iso: string): string;
  /** "16:00–16:15" */
  range(from: string, to: string): string;
  /** "Thursday 14 November, 16:00" */
  dateTime(iso: string): string;
  /** The calendar day in the round's zone, YYYY-MM-DD, to group times by. */
  dayKey(iso: string): string;
  /** The zone's name ("GMT", "CET") when the phone is in another zone, else null. */
  otherZone: string | null;
}

export function useZoneFormat(timeZone: string | undefined): ZoneFormat {
  const locale = useRegionalLocale();
  return useMemo(() => {
    const zone = validZone(timeZone);
    const day = new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long' });
    const time = new Intl.DateTimeFormat(locale, { timeZone: zone, hour: 'numeric', minute: '2-digit' });
    const full = new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' });
    const key = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    const here = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    const zoneName = zone && zone !== here ? (new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName')?.value ?? zone) : null;
    return {
      day: (iso) => day.format(new Date(iso)),
      time: (iso) => time.format(new Date(iso)),
      range: (from, to) => time.formatRange(new Date(from), new Date(to)),
      dateTime: (iso) => full.format(new Date(iso)),
      dayKey: (iso) => key.format(new Date(iso)),
      otherZone: zoneName,
    };
  }, [locale, timeZone]);
}

/** Items grouped by their day in the round's zone, days in order of first appearance. */
export function byDay<X>(items: readonly X[], at: (x: X) => string, dayKey: (iso: string) => string): Array<{ key: string; first: string; items: X[] }> {
  const groups = new Map<string, { key: string; first: string; items: X[] }>();
  for (const item of items) {
    const k = dayKey(at(item));
    const g = groups.get(k) ?? { key: k, first: at(item), items: [] };
    g.items.push(item);
    groups.set(k, g);
  }
  return [...groups.values()];
}

/**
 * A message whose values may be elements: `rich(t, 'booking.x', { child: <Name>Ava</Name> })`.
 * The message is formatted with markers in place of the elements, then cut at the markers, so the
 * translation decides the word order and the names stay marked as data.
 */
export function rich(t: T, key: string, values: Record<string, ReactNode>): ReactNode {
  const plain: Record<string, string | number> = {};
  const nodes: ReactNode[] = [];
  for (const [k, v] of Object.entries(values)) {
    if (typeof v === 'string' || typeof v === 'number') plain[k] = v;
    else {
      plain[k] = `\uE000${nodes.length}\uE001`;
      nodes.push(v);
    }
  }
  const parts = t(key, plain).split(/\uE000(\d+)\uE001/);
  return parts.map((part, i) => (i % 2 === 0 ? (part ? <Fragment key={i}>{part}</Fragment> : null) : <Fragment key={i}>{nodes[Number(part)]}</Fragment>));
}

/** A formatted time or date: data from Intl, already in the reader's language. */
export function When({ children }: { children: ReactNode }) {
  return (
    <span translate="no" className="fb-when">
      {children}
    </span>
  );
}

/**
 * Languages a family can choose for their meetings: the ones Confer ships and the ones families
 * at schools most often ask interpreters for.
 */
export const commonLanguages = [
  ...locales.map((l) => l.tag),
  'am', 'bn', 'de', 'fa', 'fr', 'gu', 'hi', 'ht', 'it', 'ja', 'ku', 'lt', 'ne', 'pa', 'pl', 'ps', 'pt', 'ro', 'ru', 'so', 'sw', 'ta', 'ti', 'tl', 'tr', 'uk', 'ur', 'vi', 'yo', 'zh',
];

/** A language's name in the reader's language ("Korean", "coreano"), and in itself ("한국어"). */
export function useLanguageNames() {
  const { intlLocale } = useI18n();
  return useMemo(() => {
    const reader = new Intl.DisplayNames([intlLocale], { type: 'language', fallback: 'code' });
    const name = (tag: string): string => {
      try {
        return reader.of(tag) ?? tag;
      } catch {
        return tag;
      }
    };
    const own = (tag: string): string => {
      try {
        return new Intl.DisplayNames([tag], { type: 'language', fallback: 'code' }).of(tag) ?? tag;
      } catch {
        return tag;
      }
    };
    return { name, own };
  }, [intlLocale]);
}

/** A language's name in the reader's language: data (Intl wrote it), so not translated again. */
export function LanguageName({ tag }: { tag: string }) {
  const names = useLanguageNames();
  return <span translate="no">{names.name(tag)}</span>;
}

/**
 * Who a substitute adult is to the child. Known relationships travel as these keys, so the
 * teacher's day sheet can name them in the teacher's language (`booking.relationships.<key>`);
 * anything else is the family's own words.
 */
export const relationshipKeys = substituteRelationships;

export function relationshipLabel(t: T, value: string): { text: string; typed: boolean } {
  return (relationshipKeys as readonly string[]).includes(value) ? { text: t(`booking.relationships.${value}`), typed: false } : { text: value, typed: true };
}

/**
 * "Emma Bramwell and Tom Bramwell": names joined in the reader's language. All of it is data: the
 * names, and the "and" Intl wrote in the reader's language already.
 */
export function NameList({ names }: { names: readonly string[] }) {
  const { intlLocale } = useI18n();
  return <span translate="no">{new Intl.ListFormat(intlLocale, { style: 'long', type: 'conjunction' }).format(names)}</span>;
}

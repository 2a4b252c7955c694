/**
 * Choosing standards for something (a criterion, a post): a search box, results with checkboxes,
 * and the chosen ones as removable chips. Controlled: `selected` is a list of CASE item
 * identifiers, `onChange` gets the new list. For the school's staff (standards.read).
 *
 *   <StandardPicker schoolId={schoolId} selected={ids} onChange={setIds} />
 *
 * Keyboard: type to search (results come as you type, and on Enter); Tab to the results, Space
 * ticks one; each chip's × button removes it. The number of results is announced.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { SearchResult, StandardSummaryWithState } from '../../../contracts/standards';
import { api, ApiError } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { ErrorNotice } from '../../components/ui';
import { Breadcrumb, CodedStatement, shorten } from './parts';

export interface StandardPickerProps {
  schoolId: string;
  /** Item identifiers, in the order chosen. */
  selected: string[];
  onChange(identifiers: string[]): void;
  /** The group's label; "Standards" when left out. */
  label?: string;
}

type Known = Pick<StandardSummaryWithState, 'identifier' | 'humanCodingScheme' | 'fullStatement' | 'frameworkTitle'> & { removed?: boolean };

const DEBOUNCE_MS = 250;

export function StandardPicker({ schoolId, selected, onChange, label }: StandardPickerProps) {
  const t = useT();
  const id = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResult[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [known, setKnown] = useState<Map<string, Known>>(new Map());
  const latest = useRef(0);

  // What the chips show for identifiers chosen before this page opened (the summaries route).
  const missing = useMemo(() => selected.filter((s) => !known.has(s)), [selected, known]);
  useEffect(() => {
    if (missing.length === 0) return;
    let live = true;
    api<{ items: StandardSummaryWithState[] }>('GET', `/api/schools/${schoolId}/standards/items?ids=${missing.slice(0, 100).join(',')}`).then(
      (r) => {
        if (!live) return;
        setKnown((k) => {
          const next = new Map(k);
          for (const item of r.items) next.set(item.identifier, item);
          // An identifier that is not there at all still gets a chip (it can be removed).
          for (const m of missing) if (!next.has(m)) next.set(m, { identifier: m, humanCodingScheme: null, fullStatement: m, frameworkTitle: '', removed: true });
          return next;
        });
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [missing, schoolId]);

  async function search(q: string) {
    const mine = ++latest.current;
    if (!q.trim()) {
      setResults(null);
      return;
    }
    try {
      const r = await api<{ results: SearchResult[] }>('GET', `/api/schools/${schoolId}/standards/search?q=${encodeURIComponent(q)}`);
      if (mine !== latest.current) return;
      setError(null);
      setResults(r.results);
    } catch (e) {
      if (mine === latest.current) setError(e instanceof ApiError ? e : new ApiError(0, 'internal'));
    }
  }

  // Search as the person types, a moment after they stop.
  useEffect(() => {
    const timer = setTimeout(() => void search(query), DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, schoolId]);

  function toggle(r: SearchResult, on: boolean) {
    setKnown((k) => new Map(k).set(r.identifier, r));
    onChange(on ? [...selected.filter((s) => s !== r.identifier), r.identifier] : selected.filter((s) => s !== r.identifier));
  }

  const name = (k: Known | undefined, fallback: string) => (k ? (k.humanCodingScheme ?? shorten(k.fullStatement, 40)) : fallback);

  return (
    <fieldset className="standards-picker">
      <legend>{label ?? t('standards.picker.label')}</legend>
      <div className="standards-chosen" aria-labelledby={`${id}-chosen`}>
        <p id={`${id}-chosen`} className="hint">
          {selected.length === 0 ? t('standards.picker.none') : t('standards.picker.chosen', { count: selected.length })}
        </p>
        {selected.length > 0 ? (
          <ul className="standards-chips">
            {selected.map((s) => {
              const k = known.get(s);
              return (
                <li key={s} className="standards-chip">
                  <span className="standards-chip-text">
                    {k ? <CodedStatement code={k.humanCodingScheme} text={shorten(k.fullStatement, 60)} /> : null}
                    {k?.removed ? <span className="badge badge-archived">{t('standards.picker.removed')}</span> : null}
                  </span>
                  <button type="button" className="standards-chip-remove" aria-label={t('standards.picker.remove', { name: name(k, s) })} onClick={() => onChange(selected.filter((x) => x !== s))}>
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('standards.picker.search')}</label>
        <p className="hint" id={`${id}-hint`}>
          {t('standards.search.hint')}
        </p>
        <input
          id={`${id}-q`}
          type="search"
          value={query}
          maxLength={200}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            // Enter searches now rather than submitting the form the picker sits in.
            if (e.key === 'Enter') {
              e.preventDefault();
              void search(query);
            }
          }}
        />
      </div>
      <ErrorNotice error={error} />
      <p role="status" className="hint">
        {results === null ? '' : t('standards.search.count', { count: results.length })}
      </p>
      {results && results.length > 0 ? (
        <ul className="standards-results standards-pick-list">
          {results.map((r) => {
            const on = selected.includes(r.identifier);
            return (
              <li key={r.identifier}>
                <label className="standards-pick">
                  <input type="checkbox" checked={on} onChange={(e) => toggle(r, e.target.checked)} />
                  <span>
                    <CodedStatement code={r.humanCodingScheme} text={r.fullStatement} />
                    <span className="standards-where">
                      <Breadcrumb framework={r.frameworkTitle} path={r.path} />
                    </span>
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      ) : null}
    </fieldset>
  );
}

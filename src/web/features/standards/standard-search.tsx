/**
 * Search across the school's frameworks, by words or coding. The words are kept in the address
 * (`?q=`), so Back from a framework returns to the same results. Each result links to its place in
 * its framework's tree.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { SearchResult } from '../../../contracts/standards';
import { ErrorNotice, Loading } from '../../components/ui';
import { useT } from '../../lib/i18n';
import { useApi } from '../../lib/use-api';
import { nodeId } from './framework-tree';
import { Breadcrumb, CodedStatement } from './parts';

export function StandardSearch({ schoolId }: { schoolId: string }) {
  const t = useT();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const found = useApi<{ results: SearchResult[] }>(q.trim() ? `/api/schools/${schoolId}/standards/search?q=${encodeURIComponent(q)}` : null);

  function submit(e: FormEvent) {
    e.preventDefault();
    setParams(text.trim() ? { q: text.trim() } : {}, { replace: false });
  }

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('standards.search.title')}</h2>
      <form role="search" onSubmit={submit} className="standards-search-form">
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('standards.search.label')}</label>
          <p className="hint" id={`${id}-hint`}>
            {t('standards.search.hint')}
          </p>
          <div className="standards-search-row">
            <input id={`${id}-q`} type="search" value={text} maxLength={200} aria-describedby={`${id}-hint`} onChange={(e) => setText(e.target.value)} />
            <button type="submit" className="button button-primary">
              {t('standards.search.button')}
            </button>
          </div>
        </div>
      </form>
      <div role="status">
        {q.trim() && found.status === 'ready' ? <p className="hint">{t('standards.search.count', { count: found.data.results.length })}</p> : null}
      </div>
      {q.trim() && found.status === 'loading' ? <Loading /> : null}
      {found.status === 'error' ? <ErrorNotice error={found.error} /> : null}
      {q.trim() && found.status === 'ready' && found.data.results.length > 0 ? (
        <ul className="standards-results">
          {found.data.results.map((r) => (
            <li key={r.identifier}>
              <Link to={`/school/standards/${r.frameworkIdentifier}#${nodeId(r.identifier)}`} className="standards-result-link">
                <CodedStatement code={r.humanCodingScheme} text={r.fullStatement} />
              </Link>
              <span className="standards-where">
                <Breadcrumb framework={r.frameworkTitle} path={r.path} />
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

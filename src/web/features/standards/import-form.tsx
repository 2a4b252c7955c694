/**
 * The admin's CASE import: choose the JSON file, import. Either it is in (what changed, anything
 * odd, a link to it), or nothing was saved and every problem is listed with its JSON path in the
 * reader's language — the heading takes focus so a screen reader starts there.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { CaseProblemView, ImportResult } from '../../../contracts/standards';
import { caseProblemCodes, type CaseProblemCode } from '../../../domain/standards/problems';
import { Saved } from '../../components/forms';
import { ErrorNotice } from '../../components/ui';
import { ApiError, upload } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { ProblemList } from './parts';

const known = new Set<string>(caseProblemCodes);

/** A refused import's `fields` (JSON path → code) as problems, and whether there were more than shown. */
export function problemsOf(error: unknown): { problems: CaseProblemView[]; more: boolean } | null {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return null;
  const entries = Object.entries(error.fields).filter(([path]) => path !== 'file');
  if (entries.length === 0) return null;
  const more = error.fields.$ === 'more_problems';
  return {
    problems: entries.filter(([path, code]) => !(path === '$' && code === 'more_problems')).map(([path, code]) => ({ path, code: (known.has(code) ? code : 'not_a_package') as CaseProblemCode })),
    more,
  };
}

export function ImportForm({ schoolId, onImported }: { schoolId: string; onImported(result: ImportResult): void }) {
  const t = useT();
  const fileInput = useRef<HTMLInputElement>(null);
  const problemsHeading = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [noFile, setNoFile] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const refused = problemsOf(error);

  // Once per refusal: the list of problems is where the admin goes next.
  useEffect(() => {
    if (problemsOf(error)) problemsHeading.current?.focus();
  }, [error]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const file = fileInput.current?.files?.[0];
    setNoFile(!file);
    setError(null);
    setResult(null);
    if (!file) return;
    setBusy(true);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const r = await upload<ImportResult>(`/api/schools/${schoolId}/standards/imports`, form);
      setResult(r);
      onImported(r);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="standards-import-heading">
      <h2 id="standards-import-heading">{t('standards.import.title')}</h2>
      <p>{t('standards.import.hint')}</p>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="standards-file">{t('standards.import.file')}</label>
          <p className="hint" id="standards-file-hint">
            {t('standards.import.fileHint')}
          </p>
          <input
            id="standards-file"
            ref={fileInput}
            type="file"
            name="file"
            accept=".json,application/json"
            aria-describedby={noFile ? 'standards-file-hint standards-file-error' : 'standards-file-hint'}
            aria-invalid={noFile || undefined}
          />
          {noFile ? (
            <p className="field-error" id="standards-file-error">
              {t('standards.import.chooseFile')}
            </p>
          ) : null}
        </div>
        <button className="button button-primary" type="submit" aria-disabled={busy || undefined}>
          {busy ? t('standards.import.busy') : t('standards.import.button')}
        </button>
      </form>
      <Saved message={result ? t('standards.import.done', { title: result.title }) : null}>
        {result ? <Link to={`/school/standards/${result.identifier}`}>{t('standards.import.open')}</Link> : null}
      </Saved>
      {result ? (
        <>
          <ul className="standards-counts">
            {(['added', 'updated', 'unchanged', 'removed', 'restored'] as const)
              .filter((k) => result[k] > 0 || k === 'added')
              .map((k) => (
                <li key={k}>{t(`standards.import.counts.${k}`, { count: result[k] })}</li>
              ))}
          </ul>
          {result.warnings.length > 0 ? (
            <>
              <h3 id="standards-warnings-heading">{t('standards.import.warningsTitle', { count: result.warnings.length })}</h3>
              <ProblemList problems={result.warnings} labelledBy="standards-warnings-heading" />
            </>
          ) : null}
        </>
      ) : null}
      {refused ? (
        <div className="standards-refused">
          <h3 id="standards-problems-heading" ref={problemsHeading} tabIndex={-1}>
            {t('standards.import.problemsTitle', { count: refused.problems.length })}
          </h3>
          <p>{t('standards.import.nothingSaved')}</p>
          <ProblemList problems={refused.problems} labelledBy="standards-problems-heading" />
          {refused.more ? <p className="hint">{t('standards.problems.more_problems')}</p> : null}
        </div>
      ) : (
        <ErrorNotice error={error} />
      )}
    </section>
  );
}

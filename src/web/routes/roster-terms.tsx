/**
 * The school's terms and, inside each, its report periods. Dates are picked with the browser's own
 * date field and shown in the reader's language (a date here is a day, with no time zone).
 */
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { SchoolTerms } from '../../contracts/roster';
import { Saved, useDateRange } from '../components/forms';
import { ErrorNotice, Field, fieldError, Loading, Name } from '../components/ui';
import { api } from '../lib/api';
import { useT } from '../lib/i18n';
import { useSchoolId } from '../lib/school';
import { useAction, useApi } from '../lib/use-api';

type Term = SchoolTerms['terms'][number];

export function TermsPage() {
  const t = useT();
  const schoolId = useSchoolId();
  const terms = useApi<SchoolTerms>(schoolId ? `/api/schools/${schoolId}/terms` : null);
  if (terms.status === 'loading') return <Loading />;
  if (terms.status === 'error') return <ErrorNotice error={terms.error} />;
  const sorted = [...terms.data.terms].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link to="/roster">{t('app.roster.title')}</Link>
      </p>
      <h1>{t('app.manage.terms.title')}</h1>
      <p className="lead">{t('app.manage.terms.lead')}</p>
      <section aria-labelledby="terms-list">
        <h2 id="terms-list">{t('app.manage.terms.count', { count: sorted.length })}</h2>
        {sorted.length === 0 ? <p>{t('app.manage.terms.none')}</p> : null}
        <ul className="stack-list">
          {sorted.map((term) => (
            <TermCard key={term.id} term={term} onChanged={terms.reload} />
          ))}
        </ul>
      </section>
      <section className="card add-form" aria-labelledby="add-term">
        <h2 id="add-term">{t('app.manage.terms.addTitle')}</h2>
        <DatesForm
          url={schoolId ? `/api/schools/${schoolId}/terms` : null}
          nameLabel={t('app.manage.terms.name')}
          nameHint={t('app.manage.terms.nameHint')}
          submitLabel={t('app.manage.terms.add')}
          savedMessage={(name) => t('app.manage.terms.added', { name })}
          onSaved={terms.reload}
        />
      </section>
    </div>
  );
}

function TermCard({ term, onChanged }: { term: Term; onChanged(): void }) {
  const t = useT();
  const dates = useDateRange();
  const headingId = useId();
  const periods = [...term.reportPeriods].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  return (
    <li className="card" aria-labelledby={headingId}>
      <h3 id={headingId} className="card-title">
        <Name>{term.name}</Name>
      </h3>
      <p className="card-meta">
        <span translate="no">{dates(term.startsOn, term.endsOn)}</span>
      </p>
      <h4 className="subheading">{t('app.manage.terms.periods')}</h4>
      {periods.length === 0 ? (
        <p className="hint">{t('app.manage.terms.noPeriods')}</p>
      ) : (
        <ul className="plain-list">
          {periods.map((p) => (
            <li key={p.id}>
              <Name>{p.name}</Name>: <span translate="no">{dates(p.startsOn, p.endsOn)}</span>
            </li>
          ))}
        </ul>
      )}
      <details className="more">
        <summary>{t('app.manage.terms.addPeriod')}</summary>
        <DatesForm
          url={`/api/terms/${term.id}/report-periods`}
          nameLabel={t('app.manage.terms.periodName')}
          nameHint={t('app.manage.terms.periodNameHint')}
          submitLabel={t('app.manage.terms.addPeriodButton')}
          savedMessage={(name) => t('app.manage.terms.periodAdded', { name, term: term.name })}
          onSaved={onChanged}
        />
      </details>
    </li>
  );
}

/** A name with a first and last day: a term, or a report period inside one. */
function DatesForm({
  url,
  nameLabel,
  nameHint,
  submitLabel,
  savedMessage,
  onSaved,
}: {
  url: string | null;
  nameLabel: string;
  nameHint: string;
  submitLabel: string;
  savedMessage(name: string): string;
  onSaved(): void;
}) {
  const t = useT();
  const [name, setName] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [reversed, setReversed] = useState(false);
  const { busy, error, setError, run } = useAction();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || !url) return;
    setSaved(null);
    // Said at once, in words (ISO dates compare as strings); the server checks it too.
    const backwards = Boolean(startsOn && endsOn && endsOn < startsOn);
    setReversed(backwards);
    if (backwards) {
      setError(null);
      return;
    }
    void run(async () => {
      await api('POST', url, { name, startsOn, endsOn });
      setSaved(savedMessage(name.trim()));
      setName('');
      setStartsOn('');
      setEndsOn('');
      onSaved();
    });
  }

  return (
    <>
      <form onSubmit={submit} noValidate>
        <Field label={nameLabel} hint={nameHint} name="name" value={name} onChange={(e) => setName(e.target.value)} error={fieldError(t, error, 'name')} autoComplete="off" />
        <div className="field-pair">
          <Field label={t('app.manage.terms.startsOn')} name="startsOn" type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} error={fieldError(t, error, 'startsOn')} />
          <Field label={t('app.manage.terms.endsOn')} name="endsOn" type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} error={reversed ? t('errors.fields.dates_reversed') : fieldError(t, error, 'endsOn')} />
        </div>
        <ErrorNotice error={error} />
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {submitLabel}
        </button>
      </form>
      <Saved message={saved} />
    </>
  );
}

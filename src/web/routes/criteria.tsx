/** A class's success-criteria lists (anchor charts): write them, share them with the year group, copy them. */
import { useId, useState } from 'react';
import { Link, Route, Routes, useParams } from 'react-router';
import type { ClassCriteria } from '../../contracts/criteria';
import type { TagView } from '../../contracts/portfolio';
import { LIST_TITLE_MAX } from '../../domain/criteria/lists';
import { Saved } from '../components/forms';
import { ErrorNotice, Loading, Name, fieldError } from '../components/ui';
import { AnchorChart, SubjectSelect } from '../features/criteria/anchor-chart';
import { api } from '../lib/api';
import { useT } from '../lib/i18n';
import { useAction, useApi } from '../lib/use-api';

/** Everything under /classes/:id/criteria (descendant routes, loaded when first opened). */
export function CriteriaArea() {
  return (
    <Routes>
      <Route index element={<ClassCriteriaPage />} />
    </Routes>
  );
}

function ClassCriteriaPage() {
  const t = useT();
  const { id } = useParams();
  const [showArchived, setShowArchived] = useState(false);
  const data = useApi<ClassCriteria>(`/api/classes/${id}/criteria${showArchived ? '?include=archived' : ''}`);
  const schoolId = data.status === 'ready' ? data.data.class.schoolId : null;
  const tags = useApi<{ tags: TagView[] }>(schoolId ? `/api/schools/${schoolId}/tags` : null);
  const [saved, setSaved] = useState<string | null>(null);
  if (data.status === 'loading') return <Loading />;
  if (data.status === 'error') return <ErrorNotice error={data.error} />;
  const page = data.data;
  const subjects = tags.status === 'ready' ? tags.data.tags : [];
  const changed = (message?: string) => {
    setSaved(message ?? null);
    data.reload();
  };
  const live = page.lists.filter((l) => !l.archived);
  const archived = page.lists.filter((l) => l.archived);
  return (
    <div className="criteria-page">
      <p className="breadcrumb">
        <Link to={`/classes/${page.class.id}`}>
          <Name>{page.class.name}</Name>
        </Link>
      </p>
      <h1>{t('criteria.page.title', { className: page.class.name })}</h1>
      <p className="lead">{t('criteria.page.lead')}</p>
      <Saved message={saved} />
      {live.length === 0 ? <p className="empty">{t('criteria.page.none')}</p> : null}
      <div className="criteria-charts">
        {live.map((list) => (
          <AnchorChart key={list.id} list={list} page={page} subjects={subjects} onChanged={changed} />
        ))}
      </div>
      {page.can.manage ? <NewList page={page} subjects={subjects} onCreated={changed} /> : null}
      {page.can.manage ? (
        <section aria-labelledby="criteria-archived">
          <h2 id="criteria-archived">{t('criteria.page.archivedTitle')}</h2>
          {showArchived ? (
            archived.length ? (
              archived.map((list) => <AnchorChart key={list.id} list={list} page={page} subjects={subjects} onChanged={changed} />)
            ) : (
              <p className="empty">{t('criteria.page.noneArchived')}</p>
            )
          ) : null}
          <button type="button" className="button button-quiet" aria-expanded={showArchived} onClick={() => setShowArchived((v) => !v)}>
            {showArchived ? t('criteria.page.hideArchived') : t('criteria.page.showArchived')}
          </button>
        </section>
      ) : null}
    </div>
  );
}

function NewList({ page, subjects, onCreated }: { page: ClassCriteria; subjects: TagView[]; onCreated(message: string): void }) {
  const t = useT();
  const id = useId();
  const { busy, error, run } = useAction();
  const [title, setTitle] = useState('');
  const [subjectId, setSubjectId] = useState('');
  const [scope, setScope] = useState<'class' | 'year_group'>('class');
  const titleError = fieldError(t, error, 'title');
  return (
    <form
      className="card add-form criteria-new"
      aria-labelledby={`${id}-heading`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (busy) return;
        void run(async () => {
          await api('POST', `/api/classes/${page.class.id}/criteria-lists`, { title, subjectTagId: subjectId || null, scope });
          setTitle('');
          onCreated(t('criteria.new.created', { title }));
        });
      }}
    >
      <h2 id={`${id}-heading`}>{t('criteria.new.title')}</h2>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('criteria.list.titleLabel')}</label>
        <p className="hint" id={`${id}-title-hint`}>
          {t('criteria.new.titleHint')}
        </p>
        <input
          id={`${id}-title`}
          value={title}
          maxLength={LIST_TITLE_MAX}
          onChange={(e) => setTitle(e.target.value)}
          aria-invalid={titleError ? true : undefined}
          aria-describedby={`${id}-title-hint${titleError ? ` ${id}-title-error` : ''}`}
        />
        {titleError ? (
          <p className="field-error" id={`${id}-title-error`}>
            {titleError}
          </p>
        ) : null}
      </div>
      <SubjectSelect subjects={subjects} value={subjectId} onChange={setSubjectId} error={fieldError(t, error, 'subjectTagId')} />
      <fieldset className="choices">
        <legend>{t('criteria.new.who')}</legend>
        <label className="choice">
          <input type="radio" name={`${id}-scope`} checked={scope === 'class'} onChange={() => setScope('class')} />
          {t('criteria.new.onlyClass', { className: page.class.name })}
        </label>
        <label className="choice">
          <input type="radio" name={`${id}-scope`} checked={scope === 'year_group'} onChange={() => setScope('year_group')} />
          {t('criteria.new.yearGroup', { yearGroup: page.class.yearGroup })}
        </label>
      </fieldset>
      <ErrorNotice error={error && !titleError ? error : null} />
      <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
        {t('criteria.new.create')}
      </button>
    </form>
  );
}

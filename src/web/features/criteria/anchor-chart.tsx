/**
 * One success-criteria list as an anchor chart: big, readable, a picture and the words for each
 * criterion and a speaker button to hear it. For a teacher who may change it, "Change this list"
 * opens its tools: rename it, give it a subject, share it with the year group, put the criteria
 * in order (up/down buttons, focus stays on the one moved), change or archive one, link one to the
 * standards it stands for, add one, copy the list to another class or year group, archive the list.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ClassCriteria, CriterionView, ListView } from '../../../contracts/criteria';
import type { TagView } from '../../../contracts/portfolio';
import { LIST_TITLE_MAX, moveInOrder } from '../../../domain/criteria/lists';
import { ConfirmAction, SelectField, Switch } from '../../components/forms';
import { ErrorNotice, Name, fieldError } from '../../components/ui';
import { api } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useAction } from '../../lib/use-api';
import { StandardPicker } from '../standards/standard-picker';
import { CriterionForm, type CriterionBody } from './criterion-form';
import { audioUrlOf, CriterionPicture, imageUrlOf, SpeakButton } from './speak';

interface ChartProps {
  list: ListView;
  page: ClassCriteria;
  subjects: TagView[];
  /** Reload the page's data; `message` is announced (e.g. "Copied to Kestrels."). */
  onChanged(message?: string): void;
}

export function AnchorChart({ list, page, subjects, onChanged }: ChartProps) {
  const t = useT();
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const live = list.criteria.filter((c) => !c.archived);
  const archived = list.criteria.filter((c) => c.archived);
  return (
    <article className={`card criteria-chart${list.archived ? ' card-archived' : ''}`} aria-labelledby={headingId}>
      <header className="criteria-chart-head">
        <h2 id={headingId} className="criteria-chart-title" dir="auto" data-content>
          {list.title}
        </h2>
        <p className="card-meta">
          {list.scope === 'year_group' ? (
            <span className="badge criteria-badge-shared">{t('criteria.list.sharedBy', { yearGroup: list.yearGroup ?? '' })}</span>
          ) : (
            <span className="badge">{t('criteria.list.onlyClass', { className: page.class.name })}</span>
          )}
          {list.subject ? (
            <span className="badge">
              <Name>{list.subject.name}</Name>
            </span>
          ) : null}
          {list.archived ? <span className="badge badge-archived">{t('app.manage.common.archived')}</span> : null}
        </p>
      </header>
      {live.length ? (
        <ol className="criteria-chart-items">
          {live.map((c) => (
            <li key={c.id} className="criteria-chart-item">
              <CriterionPicture picture={c.picture} imageUrl={imageUrlOf(c.image)} size="lg" />
              <span className="criteria-chart-wording" id={`${headingId}-${c.id}`} dir="auto" data-content>
                {c.wording}
              </span>
              <SpeakButton wording={c.wording} wordingId={`${headingId}-${c.id}`} audioUrl={audioUrlOf(c.audio)} lang={page.locale} />
            </li>
          ))}
        </ol>
      ) : (
        <p className="empty">{t('criteria.list.empty')}</p>
      )}
      {list.can.manage ? (
        list.archived ? (
          <RestoreList list={list} onChanged={onChanged} />
        ) : open ? (
          <ListTools list={list} live={live} archived={archived} page={page} subjects={subjects} onChanged={onChanged} onClose={() => setOpen(false)} />
        ) : (
          <button type="button" className="button" onClick={() => setOpen(true)}>
            {t('criteria.list.change')}
          </button>
        )
      ) : null}
    </article>
  );
}

function RestoreList({ list, onChanged }: { list: ListView; onChanged(message?: string): void }) {
  const t = useT();
  const { busy, error, run } = useAction();
  return (
    <>
      <ErrorNotice error={error} />
      <button
        type="button"
        className="button"
        aria-disabled={busy || undefined}
        onClick={() =>
          !busy &&
          void run(async () => {
            await api('PATCH', `/api/criteria-lists/${list.id}`, { archived: false });
            onChanged(t('criteria.list.restored', { title: list.title }));
          })
        }
      >
        {t('criteria.list.restore')}
      </button>
    </>
  );
}

function ListTools({ list, live, archived, page, subjects, onChanged, onClose }: ChartProps & { live: CriterionView[]; archived: CriterionView[]; onClose(): void }) {
  const t = useT();
  const { busy, error, run } = useAction();
  const [editing, setEditing] = useState<string | null>(null);
  const [linking, setLinking] = useState<string | null>(null);
  const [adding, setAdding] = useState(0);
  // After a move, focus goes back to the same button of the criterion moved (its place changed).
  const [refocus, setRefocus] = useState<{ id: string; dir: 'up' | 'down' } | null>(null);
  const tools = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!refocus) return;
    tools.current?.querySelector<HTMLButtonElement>(`[data-move="${refocus.id}-${refocus.dir}"]`)?.focus();
  }, [refocus, list]);

  const move = (c: CriterionView, delta: -1 | 1) =>
    !busy &&
    void run(async () => {
      const order = moveInOrder(live.map((x) => x.id), c.id, delta);
      await api('PUT', `/api/criteria-lists/${list.id}/order`, { criterionIds: order });
      setRefocus({ id: c.id, dir: delta < 0 ? 'up' : 'down' });
      onChanged(t('criteria.tools.moved', { wording: c.wording, place: order.indexOf(c.id) + 1 }));
    });
  const patchCriterion = (c: CriterionView, body: object, message: string) =>
    void run(async () => {
      await api('PATCH', `/api/criteria/${c.id}`, body);
      onChanged(message);
    });

  return (
    <div className="criteria-tools" ref={tools}>
      <div className="row row-tight">
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('criteria.list.done')}
        </button>
      </div>
      <ListSettings list={list} page={page} subjects={subjects} onChanged={onChanged} />

      <h3 className="subheading">{t('criteria.tools.order')}</h3>
      <ErrorNotice error={error} />
      <ol className="criteria-edit-items">
        {live.map((c, i) => (
          <li key={c.id} className="criteria-edit-item">
            {editing === c.id ? (
              <CriterionForm
                schoolId={page.class.schoolId}
                initial={c}
                title={t('criteria.tools.editTitle', { n: i + 1 })}
                submitLabel={t('criteria.tools.save')}
                onCancel={() => setEditing(null)}
                onSave={async (body: CriterionBody) => {
                  await api('PATCH', `/api/criteria/${c.id}`, body);
                  setEditing(null);
                  onChanged(t('criteria.tools.saved', { wording: body.wording }));
                }}
              />
            ) : (
              <>
                <span className="criteria-edit-line">
                  <CriterionPicture picture={c.picture} imageUrl={imageUrlOf(c.image)} size="sm" />
                  <span dir="auto" data-content>
                    {c.wording}
                  </span>
                  {c.audio ? <span className="badge">{t('criteria.tools.recorded')}</span> : null}
                  {c.standards.map((x) => (
                    <span key={x.identifier} className="badge" title={x.fullStatement} translate="no">
                      {x.humanCodingScheme ?? x.fullStatement}
                    </span>
                  ))}
                </span>
                <span className="row row-tight">
                  <button type="button" className="button button-quiet" data-move={`${c.id}-up`} aria-disabled={i === 0 || busy || undefined} aria-label={t('criteria.tools.upLabel', { wording: c.wording })} onClick={() => i > 0 && move(c, -1)}>
                    <span aria-hidden="true">↑</span> {t('criteria.tools.up')}
                  </button>
                  <button
                    type="button"
                    className="button button-quiet"
                    data-move={`${c.id}-down`}
                    aria-disabled={i === live.length - 1 || busy || undefined}
                    aria-label={t('criteria.tools.downLabel', { wording: c.wording })}
                    onClick={() => i < live.length - 1 && move(c, 1)}
                  >
                    <span aria-hidden="true">↓</span> {t('criteria.tools.down')}
                  </button>
                  <button type="button" className="button button-link" aria-label={t('criteria.tools.editLabel', { wording: c.wording })} onClick={() => setEditing(c.id)}>
                    {t('criteria.tools.edit')}
                  </button>
                  <button type="button" className="button button-link" aria-label={t('criteria.tools.standardsLabel', { wording: c.wording })} onClick={() => setLinking(linking === c.id ? null : c.id)}>
                    {t('criteria.tools.standards')}
                  </button>
                  <button type="button" className="button button-link" aria-label={t('criteria.tools.archiveLabel', { wording: c.wording })} onClick={() => !busy && patchCriterion(c, { archived: true }, t('criteria.tools.archived', { wording: c.wording }))}>
                    {t('criteria.tools.archive')}
                  </button>
                </span>
                {linking === c.id ? (
                  <LinkStandards
                    criterion={c}
                    schoolId={page.class.schoolId}
                    onDone={(message) => {
                      setLinking(null);
                      if (message) onChanged(message);
                    }}
                  />
                ) : null}
              </>
            )}
          </li>
        ))}
      </ol>

      <div className="criteria-add">
        <CriterionForm
          key={adding}
          schoolId={page.class.schoolId}
          title={t('criteria.tools.addTitle')}
          submitLabel={t('criteria.tools.add')}
          onSave={async (body) => {
            await api('POST', `/api/criteria-lists/${list.id}/criteria`, body);
            setAdding((n) => n + 1);
            onChanged(t('criteria.tools.added', { wording: body.wording }));
          }}
        />
      </div>

      {archived.length ? (
        <>
          <h3 className="subheading">{t('criteria.tools.archivedTitle')}</h3>
          <ul className="plain-list">
            {archived.map((c) => (
              <li key={c.id} className="criteria-edit-line">
                <span dir="auto" data-content>
                  {c.wording}
                </span>
                <button type="button" className="button button-link" aria-label={t('criteria.tools.restoreLabel', { wording: c.wording })} onClick={() => !busy && patchCriterion(c, { archived: false }, t('criteria.tools.restored', { wording: c.wording }))}>
                  {t('criteria.tools.restore')}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <CopyList list={list} page={page} onChanged={onChanged} />
      <ArchiveList list={list} onChanged={onChanged} />
    </div>
  );
}

/** The standards a criterion stands for, chosen with the standards area's picker. */
function LinkStandards({ criterion, schoolId, onDone }: { criterion: CriterionView; schoolId: string; onDone(message?: string): void }) {
  const t = useT();
  const { busy, error, run } = useAction();
  const [selected, setSelected] = useState(criterion.standards.map((s) => s.identifier));
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (busy) return;
        void run(async () => {
          await api('PUT', `/api/criteria/${criterion.id}/standards`, { identifiers: selected });
          onDone(t('criteria.tools.standardsSaved', { wording: criterion.wording }));
        });
      }}
    >
      <StandardPicker schoolId={schoolId} selected={selected} onChange={setSelected} label={t('criteria.tools.standardsOf', { wording: criterion.wording })} />
      <ErrorNotice error={error} />
      <div className="row row-tight">
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('criteria.tools.save')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => onDone()}>
          {t('app.manage.common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The list's name and subject, and the switch that shares it with the whole year group. */
function ListSettings({ list, page, subjects, onChanged }: { list: ListView; page: ClassCriteria; subjects: TagView[]; onChanged(message?: string): void }) {
  const t = useT();
  const id = useId();
  const { busy, error, run } = useAction();
  const [title, setTitle] = useState(list.title);
  const [subjectId, setSubjectId] = useState(list.subject?.id ?? '');
  const titleError = fieldError(t, error, 'title');
  const shared = list.scope === 'year_group';
  return (
    <div className="criteria-settings">
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (busy) return;
          void run(async () => {
            await api('PATCH', `/api/criteria-lists/${list.id}`, { title, subjectTagId: subjectId || null });
            onChanged(t('criteria.list.saved', { title }));
          });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('criteria.list.titleLabel')}</label>
          <input id={`${id}-title`} value={title} required maxLength={LIST_TITLE_MAX} onChange={(e) => setTitle(e.target.value)} aria-invalid={titleError ? true : undefined} aria-describedby={titleError ? `${id}-title-error` : undefined} />
          {titleError ? (
            <p className="field-error" id={`${id}-title-error`}>
              {titleError}
            </p>
          ) : null}
        </div>
        <SubjectSelect subjects={subjects} value={subjectId} onChange={setSubjectId} error={fieldError(t, error, 'subjectTagId')} />
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('criteria.list.save')}
        </button>
      </form>
      <Switch
        checked={shared}
        busy={busy}
        label={t('criteria.list.share', { yearGroup: list.yearGroup ?? page.class.yearGroup })}
        describedBy={`${id}-share-hint`}
        onToggle={(next) =>
          void run(async () => {
            await api('PATCH', `/api/criteria-lists/${list.id}`, next ? { scope: 'year_group' } : { scope: 'class', classId: page.class.id });
            onChanged(next ? t('criteria.list.nowShared', { yearGroup: page.class.yearGroup }) : t('criteria.list.nowOwn', { className: page.class.name }));
          })
        }
      />
      <p className="hint" id={`${id}-share-hint`}>
        {t('criteria.list.shareHint')}
      </p>
      <ErrorNotice error={error && !titleError ? error : null} />
    </div>
  );
}

export function SubjectSelect({ subjects, value, onChange, error }: { subjects: TagView[]; value: string; onChange(id: string): void; error?: string | undefined }) {
  const t = useT();
  return (
    <SelectField label={t('criteria.list.subject')} value={value} onChange={(e) => onChange(e.target.value)} error={error}>
      <option value="">{t('criteria.list.noSubject')}</option>
      {subjects
        .filter((s) => s.kind === 'subject' && (!s.archived || s.id === value))
        .map((s) => (
          <option key={s.id} value={s.id} translate="no">
            {s.name}
          </option>
        ))}
    </SelectField>
  );
}

/** "Copy to next year": any class the teacher may write lists for, or a whole year group. */
function CopyList({ list, page, onChanged }: { list: ListView; page: ClassCriteria; onChanged(message?: string): void }) {
  const t = useT();
  const { busy, error, run } = useAction();
  const [target, setTarget] = useState('');
  const classes = page.copyTargets.classes;
  const fieldMessage = fieldError(t, error, 'classId') ?? fieldError(t, error, 'yearGroup');
  return (
    <form
      className="inline-form criteria-copy"
      onSubmit={(e) => {
        e.preventDefault();
        if (busy || !target) return;
        const [kind, value] = [target.slice(0, target.indexOf(':')), target.slice(target.indexOf(':') + 1)];
        void run(async () => {
          await api('POST', `/api/criteria-lists/${list.id}/copy`, kind === 'class' ? { scope: 'class', classId: value } : { scope: 'year_group', yearGroup: value });
          const name = kind === 'class' ? (classes.find((c) => c.id === value)?.name ?? '') : value;
          setTarget('');
          onChanged(t('criteria.copy.done', { title: list.title, target: name }));
        });
      }}
    >
      <h3 className="subheading">{t('criteria.copy.title')}</h3>
      <SelectField label={t('criteria.copy.to')} hint={t('criteria.copy.hint')} value={target} onChange={(e) => setTarget(e.target.value)} error={fieldMessage}>
        <option value="">{t('criteria.copy.choose')}</option>
        <optgroup label={t('criteria.copy.classes')}>
          {classes.map((c) => (
            <option key={c.id} value={`class:${c.id}`} translate="no">
              {c.name} ({c.yearGroup})
            </option>
          ))}
        </optgroup>
        <optgroup label={t('criteria.copy.yearGroups')}>
          {page.copyTargets.yearGroups.map((y) => (
            <option key={y} value={`year_group:${y}`} translate="no">
              {y}
            </option>
          ))}
        </optgroup>
      </SelectField>
      <ErrorNotice error={error && !fieldMessage ? error : null} />
      <button type="submit" className="button" aria-disabled={busy || !target || undefined}>
        {t('criteria.copy.button')}
      </button>
    </form>
  );
}

function ArchiveList({ list, onChanged }: { list: ListView; onChanged(message?: string): void }) {
  const t = useT();
  const { busy, error, run } = useAction();
  return (
    <div className="criteria-archive">
      <ErrorNotice error={error} />
      <ConfirmAction
        label={t('criteria.list.archive')}
        question={t('criteria.list.archiveQuestion', { title: list.title })}
        confirmLabel={t('criteria.list.archiveYes')}
        busy={busy}
        onConfirm={() =>
          run(async () => {
            await api('PATCH', `/api/criteria-lists/${list.id}`, { archived: true });
            onChanged(t('criteria.list.archived', { title: list.title }));
          })
        }
      />
    </div>
  );
}

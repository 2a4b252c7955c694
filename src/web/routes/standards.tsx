/** The school's standards frameworks: import a CASE package, browse the tree, search, write the school's own. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, Route, Routes, useLocation, useNavigate, useParams } from 'react-router';
import type { FrameworkList, FrameworkView, StandardItemView } from '../../contracts/standards';
import { UUID_SHAPE } from '../../domain/standards/case-package';
import { Saved } from '../components/forms';
import { ErrorNotice, Loading } from '../components/ui';
import { FrameworkTree, ancestorsOf, nodeId, useChildren } from '../features/standards/framework-tree';
import { ImportForm } from '../features/standards/import-form';
import { AddItemForm, FrameworkDetailsForm, ItemTools, NewFrameworkForm, itemName } from '../features/standards/own-framework';
import { SourceLabel, useChangedOn } from '../features/standards/parts';
import { StandardSearch } from '../features/standards/standard-search';
import { useT } from '../lib/i18n';
import { useSession } from '../lib/session';
import { useApi } from '../lib/use-api';

/** Everything under /school/standards (descendant routes, loaded when first opened). */
export function StandardsArea() {
  return (
    <Routes>
      <Route index element={<StandardsPage />} />
      <Route path=":identifier" element={<FrameworkPage />} />
    </Routes>
  );
}

function useSchoolId(): string | undefined {
  return useSession().me?.schools[0]?.id;
}

function NotFoundHere() {
  const t = useT();
  return (
    <div className="narrow">
      <h1>{t('app.notFound.title')}</h1>
      <p>{t('errors.not_found')}</p>
    </div>
  );
}

/** The frameworks, search, and (for the admin) importing and starting the school's own. */
function StandardsPage() {
  const t = useT();
  const schoolId = useSchoolId();
  const navigate = useNavigate();
  const list = useApi<FrameworkList>(schoolId ? `/api/schools/${schoolId}/standards/frameworks` : null);
  const changedOn = useChangedOn();
  if (!schoolId) return <NotFoundHere />;
  return (
    <div className="narrow standards">
      <p className="breadcrumb">
        <Link to="/">{t('app.nav.home')}</Link>
      </p>
      <h1>{t('standards.title')}</h1>
      <p className="lead">{t('standards.hint')}</p>
      <StandardSearch schoolId={schoolId} />
      <section aria-labelledby="standards-frameworks-heading">
        <h2 id="standards-frameworks-heading">{t('standards.frameworks.title')}</h2>
        {list.status === 'loading' ? <Loading /> : null}
        {list.status === 'error' ? <ErrorNotice error={list.error} /> : null}
        {list.status === 'ready' && list.data.frameworks.length === 0 ? <p>{t('standards.frameworks.none')}</p> : null}
        {list.status === 'ready' && list.data.frameworks.length > 0 ? (
          <ul className="card-list">
            {list.data.frameworks.map((f) => (
              <li key={f.identifier}>
                <Link className="card card-link" to={`/school/standards/${f.identifier}`}>
                  <span className="card-title" data-content dir="auto">
                    {f.title}
                  </span>
                  <span className="card-meta">
                    <SourceLabel framework={f} /> · {t('standards.frameworks.items', { count: f.itemCount })}
                  </span>
                  <span className="card-meta">{t('standards.frameworks.changed', { date: changedOn(f.updatedAt) })}</span>
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      {list.status === 'ready' && list.data.can.manage ? (
        <>
          <ImportForm schoolId={schoolId} onImported={() => list.reload()} />
          <NewFrameworkForm schoolId={schoolId} onCreated={(identifier) => navigate(`/school/standards/${identifier}`)} />
        </>
      ) : null}
    </div>
  );
}

/** One framework: its tree; the school's own can be written here. */
function FrameworkPage() {
  const t = useT();
  const schoolId = useSchoolId();
  const { identifier } = useParams();
  const location = useLocation();
  const valid = identifier !== undefined && UUID_SHAPE.test(identifier);
  const view = useApi<FrameworkView>(schoolId && valid ? `/api/schools/${schoolId}/standards/frameworks/${identifier}` : null);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [addUnder, setAddUnder] = useState('');
  const [found, setFound] = useState<string | null>(null);
  const [details, setDetails] = useState(false);
  const addStatement = useRef<HTMLTextAreaElement>(null);
  const changedOn = useChangedOn();
  const items = view.status === 'ready' ? view.data.items : [];
  const children = useChildren(items);

  // Opened from a search result (#s-<identifier>): open the way to it, then bring it into view.
  const target = location.hash.startsWith('#s-') ? location.hash.slice(3) : null;
  const ready = view.status === 'ready';
  useEffect(() => {
    if (!ready || !target) return;
    setExpanded((e) => new Set([...e, ...ancestorsOf(target, items)]));
    setFound(target);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, target]);
  // Shown, not focused: the layout puts focus on the page's heading, and "Go to" below moves it on.
  useEffect(() => {
    if (found) document.getElementById(nodeId(found))?.scrollIntoView({ block: 'center' });
  }, [found, expanded]);
  const foundItem = found ? items.find((i) => i.identifier === found) : undefined;

  const toggle = useCallback((id: string) => setExpanded((e) => (e.has(id) ? new Set([...e].filter((x) => x !== id)) : new Set([...e, id]))), []);

  if (!schoolId || !valid) return <NotFoundHere />;
  if (view.status === 'loading') return <Loading />;
  if (view.status === 'error') return <ErrorNotice error={view.error} />;
  const f = view.data;
  const withChildren = items.filter((i) => children.has(i.identifier)).map((i) => i.identifier);
  const reload = (message: string) => {
    setSaved(message);
    view.reload();
  };
  const tools = f.can.edit
    ? (item: StandardItemView) =>
        editing === item.identifier ? (
          <ItemTools
            key={`${item.identifier}-tools`}
            schoolId={schoolId}
            item={item}
            framework={f}
            siblings={children.get(item.parentIdentifier) ?? []}
            onChanged={reload}
            onAddUnder={(id) => {
              setAddUnder(id);
              setEditing(null);
              addStatement.current?.focus();
            }}
            onClose={() => setEditing(null)}
          />
        ) : (
          <button type="button" className="button-link standards-edit" onClick={() => setEditing(item.identifier)} aria-label={t('standards.edit.editName', { name: itemName(item) })}>
            {t('standards.edit.edit')}
          </button>
        )
    : undefined;

  return (
    <div className="narrow standards">
      <p className="breadcrumb">
        <Link to="/school/standards">{t('standards.title')}</Link>
      </p>
      <h1 data-content dir="auto">
        {f.title}
      </h1>
      <p className="standards-facts">
        <SourceLabel framework={f} /> · {t('standards.frameworks.items', { count: f.itemCount })} · {t('standards.frameworks.changed', { date: changedOn(f.updatedAt) })}
      </p>
      <dl className="standards-details">
        {f.creator ? (
          <div>
            <dt>{t('standards.framework.creator')}</dt>
            <dd data-content dir="auto">
              {f.creator}
            </dd>
          </div>
        ) : null}
        {f.subject.length ? (
          <div>
            <dt>{t('standards.framework.subject')}</dt>
            <dd data-content dir="auto">
              {f.subject.join(', ')}
            </dd>
          </div>
        ) : null}
        {f.adoptionStatus ? (
          <div>
            <dt>{t('standards.framework.adoptionStatus')}</dt>
            <dd translate="no" dir="auto">
              {f.adoptionStatus}
            </dd>
          </div>
        ) : null}
        {f.version ? (
          <div>
            <dt>{t('standards.framework.version')}</dt>
            <dd translate="no" dir="auto">
              {f.version}
            </dd>
          </div>
        ) : null}
      </dl>
      {f.description ? (
        <p className="standards-description" data-content dir="auto">
          {f.description}
        </p>
      ) : null}
      {f.source === 'case' && f.removedCount > 0 ? <p className="hint">{t('standards.framework.removedKept', { count: f.removedCount })}</p> : null}
      {f.source === 'case' ? <p className="hint">{t('standards.framework.imported')}</p> : null}
      <div className="row">
        {withChildren.length > 0 ? (
          <>
            <button type="button" className="button" onClick={() => setExpanded(new Set(withChildren))}>
              {t('standards.framework.expandAll')}
            </button>
            <button type="button" className="button" onClick={() => setExpanded(new Set())}>
              {t('standards.framework.collapseAll')}
            </button>
          </>
        ) : null}
        <a className="button" href={`/api/schools/${schoolId}/standards/frameworks/${f.identifier}/case.json`} download>
          {t('standards.framework.export')}
        </a>
      </div>
      <Saved message={saved} />
      {foundItem ? (
        <p className="standards-found">
          <button type="button" className="button-link" onClick={() => document.getElementById(nodeId(foundItem.identifier))?.focus()}>
            {t('standards.framework.goTo', { name: itemName(foundItem) })}
          </button>
        </p>
      ) : null}
      <section aria-labelledby="standards-tree-heading">
        <h2 id="standards-tree-heading">{t('standards.framework.statements')}</h2>
        {items.length === 0 ? <p>{t('standards.framework.empty')}</p> : <FrameworkTree labelledBy="standards-tree-heading" tree={children} expanded={expanded} onToggle={toggle} highlight={found} tools={tools} />}
      </section>
      {f.can.edit ? (
        <>
          <AddItemForm
            schoolId={schoolId}
            framework={f}
            parent={addUnder}
            onParent={setAddUnder}
            statementRef={addStatement}
            onAdded={(message) => {
              if (addUnder) setExpanded((e) => new Set([...e, addUnder, ...ancestorsOf(addUnder, items)]));
              reload(message);
            }}
          />
          <section className="card" aria-labelledby="standards-details-heading">
            <h2 id="standards-details-heading">{t('standards.own.detailsTitle')}</h2>
            {details ? (
              <FrameworkDetailsForm
                schoolId={schoolId}
                framework={f}
                onSaved={(message) => {
                  setDetails(false);
                  reload(message);
                }}
              />
            ) : (
              <button type="button" className="button" onClick={() => setDetails(true)}>
                {t('standards.own.changeDetails')}
              </button>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}

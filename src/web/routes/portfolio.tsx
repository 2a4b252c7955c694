/**
 * Portfolio pages: a child's timeline (for the child, their family and their teachers), adding a
 * post (the child, or a teacher for them), a teacher's post for a group of children, the class's
 * approval queue, the school's subjects, and the digest email's "stop" page.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { ClassDetail, StudentDetail } from '../../contracts/api';
import type { ClassCriteria, StudentCriteria } from '../../contracts/criteria';
import type { ClassPosts, PostView, TagView, Timeline } from '../../contracts/portfolio';
import { ErrorNotice, Loading, Name, PictureGlyph, fieldError } from '../components/ui';
import { Saved, Switch } from '../components/forms';
import { checklistItems } from '../features/criteria/criteria-checklist';
import { useCriteriaLocale } from '../features/criteria/speak';
import { PostComposer } from '../features/portfolio/composer';
import { PostCard } from '../features/portfolio/post-card';
import { api } from '../lib/api';
import { useT } from '../lib/i18n';
import { useSession } from '../lib/session';
import { useAction, useApi } from '../lib/use-api';

function useViewer(studentId: string | undefined): 'child' | 'family' | 'staff' {
  const { me } = useSession();
  if (me?.studentId && me.studentId === studentId) return 'child';
  if (me?.roles.some((r) => r === 'admin' || r === 'teacher' || r === 'assistant')) return 'staff';
  return 'family';
}

/** The subject filter and the pages of posts: 12 at a time, "Show more" for the next. */
export function PortfolioPage() {
  const t = useT();
  const { id } = useParams();
  const viewer = useViewer(id);
  const [tag, setTag] = useState('');
  const [pages, setPages] = useState<Timeline[]>([]);
  const [state, setState] = useState<{ loading: boolean; error: unknown }>({ loading: true, error: null });
  const [tags, setTags] = useState<TagView[]>([]);
  const filterId = useId();
  const firstNew = useRef<HTMLDivElement>(null);

  const load = useCallback(
    async (cursor: string | null, replace: boolean) => {
      setState({ loading: true, error: null });
      try {
        const q = new URLSearchParams();
        if (tag) q.set('tag', tag);
        if (cursor) q.set('cursor', cursor);
        const page = await api<Timeline>('GET', `/api/students/${id}/posts${q.size ? `?${q}` : ''}`);
        setPages((p) => (replace ? [page] : [...p, page]));
        setState({ loading: false, error: null });
      } catch (error) {
        setState({ loading: false, error });
      }
    },
    [id, tag],
  );
  useEffect(() => {
    void load(null, true);
  }, [load]);
  const schoolId = pages[0]?.student.schoolId;
  useEffect(() => {
    if (schoolId) void api<{ tags: TagView[] }>('GET', `/api/schools/${schoolId}/tags`).then((r) => setTags(r.tags), () => undefined);
  }, [schoolId]);
  // Reloads every page shown so far (after an approval or a comment), keeping the place.
  const refresh = useCallback(() => void load(null, true), [load]);

  const first = pages[0];
  if (!first && state.error) return <ErrorNotice error={state.error} />;
  if (!first) return <Loading />;
  const posts = pages.flatMap((p) => p.posts);
  const next = pages[pages.length - 1]?.nextCursor ?? null;
  const name = first.student.givenName;
  return (
    <div className="portfolio">
      <p className="breadcrumb">
        <Link to="/">{t('app.nav.home')}</Link>
        {viewer !== 'child' ? (
          <>
            {' › '}
            <Link to={`/students/${id}`}>
              <Name>
                {first.student.givenName} {first.student.familyName}
              </Name>
            </Link>
          </>
        ) : null}
      </p>
      <h1>{viewer === 'child' ? t('portfolio.timeline.mine') : t('portfolio.timeline.title', { name })}</h1>
      {first.can.post ? (
        <p>
          <Link className="button button-big" to={`/students/${id}/portfolio/new`}>
            <span aria-hidden="true">➕</span> {viewer === 'child' ? t('portfolio.timeline.addMine') : t('portfolio.timeline.addFor', { name })}
          </Link>
        </p>
      ) : null}
      {tags.length ? (
        <div className="field filter">
          <label htmlFor={filterId}>{t('portfolio.timeline.filter')}</label>
          <select id={filterId} value={tag} onChange={(e) => setTag(e.target.value)}>
            <option value="">{t('portfolio.timeline.allSubjects')}</option>
            {tags
              .filter((x) => x.kind === 'subject' || !x.parentId)
              .map((s) => (
                <optgroup key={s.id} label={s.name} translate="no">
                  <option value={s.id}>{t('portfolio.timeline.allOf', { subject: s.name })}</option>
                  {tags
                    .filter((x) => x.parentId === s.id)
                    .map((x) => (
                      <option key={x.id} value={x.id} translate="no">
                        {x.name}
                      </option>
                    ))}
                </optgroup>
              ))}
          </select>
        </div>
      ) : null}
      {posts.length === 0 && !state.loading ? <p className="empty">{tag ? t('portfolio.timeline.noneInSubject') : viewer === 'child' ? t('portfolio.timeline.noneMine') : t('portfolio.timeline.none', { name })}</p> : null}
      <div className="timeline">
        {posts.map((p, i) => (
          <div key={p.id} ref={i === posts.length - (pages[pages.length - 1]?.posts.length ?? 0) && pages.length > 1 ? firstNew : undefined} tabIndex={-1}>
            <PostCard post={p} viewer={viewer} onChanged={refresh} />
          </div>
        ))}
      </div>
      <ErrorNotice error={state.error} />
      {state.loading ? <Loading /> : null}
      {next && !state.loading ? (
        <p>
          <button
            type="button"
            className="button"
            onClick={() =>
              void load(next, false).then(() => setTimeout(() => firstNew.current?.focus(), 0))
            }
          >
            {t('portfolio.timeline.more')}
          </button>
        </p>
      ) : null}
    </div>
  );
}

/** Adding a post to one child's portfolio: the child themself, or a teacher for them. */
export function NewPostPage() {
  const t = useT();
  const { id } = useParams();
  const viewer = useViewer(id);
  const navigate = useNavigate();
  const student = useApi<StudentDetail>(`/api/students/${id}`);
  const tags = useApi<{ tags: TagView[] }>(student.status === 'ready' ? `/api/schools/${student.data.schoolId}/tags` : null);
  const criteria = useApi<StudentCriteria>(`/api/students/${id}/criteria`);
  const criteriaLang = useCriteriaLocale();
  if (student.status === 'loading') return <Loading />;
  if (student.status === 'error') return <ErrorNotice error={student.error} />;
  const s = student.data;
  const child = viewer === 'child';
  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link to={`/students/${id}/portfolio`}>{child ? t('portfolio.timeline.mine') : t('portfolio.timeline.title', { name: s.givenName })}</Link>
      </p>
      <div className="who">
        <PictureGlyph name={s.avatar} size="lg" />
        <h1>{child ? t('portfolio.new.titleChild') : t('portfolio.new.titleFor', { name: s.givenName })}</h1>
      </div>
      {!child ? <p className="lead">{t('portfolio.new.staffHint', { name: s.givenName })}</p> : null}
      <PostComposer
        schoolId={s.schoolId}
        tags={tags.status === 'ready' ? tags.data.tags : []}
        criteria={criteria.status === 'ready' ? checklistItems(criteria.data.lists) : []}
        criteriaLang={criteria.status === 'ready' ? criteria.data.locale : criteriaLang}
        forChild={child}
        submitLabel={child ? t('portfolio.new.sendChild') : t('portfolio.new.send')}
        onSubmit={async (post) => {
          await api('POST', `/api/students/${id}/posts`, post);
          navigate(`/students/${id}/portfolio`, { state: { posted: true } });
        }}
      />
    </div>
  );
}

/** A teacher's post for several children of a class at once (a group photo, a class trip). */
export function GroupPostPage() {
  const t = useT();
  const { id } = useParams();
  const navigate = useNavigate();
  const klass = useApi<ClassDetail>(`/api/classes/${id}`);
  const tags = useApi<{ tags: TagView[] }>(klass.status === 'ready' ? `/api/schools/${klass.data.schoolId}/tags` : null);
  const criteria = useApi<ClassCriteria>(`/api/classes/${id}/criteria`);
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  if (klass.status === 'loading') return <Loading />;
  if (klass.status === 'error') return <ErrorNotice error={klass.error} />;
  const c = klass.data;
  // The only way to get this list wrong in the page is to choose nobody: say that, in words.
  const noneChosen = fieldError(t, error, 'studentIds') ? t('portfolio.group.needChild') : undefined;
  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link to={`/classes/${id}`}>
          <Name>{c.name}</Name>
        </Link>
      </p>
      <h1>{t('portfolio.group.title', { className: c.name })}</h1>
      <p className="lead">{t('portfolio.group.hint')}</p>
      <PostComposer
        schoolId={c.schoolId}
        tags={tags.status === 'ready' ? tags.data.tags : []}
        criteria={criteria.status === 'ready' ? checklistItems(criteria.data.lists) : []}
        criteriaLang={criteria.status === 'ready' ? criteria.data.locale : 'en'}
        forChild={false}
        submitLabel={t('portfolio.group.send', { count: chosen.length })}
        onSubmit={async (post) => {
          setError(null);
          try {
            await api('POST', `/api/classes/${id}/posts`, { ...post, studentIds: chosen });
          } catch (err) {
            setError(err);
            throw err;
          }
          navigate(`/classes/${id}`, { state: { posted: chosen.length } });
        }}
      >
        <fieldset className="choices children-choice" aria-describedby={noneChosen ? 'children-error' : undefined}>
          <legend>{t('portfolio.group.children')}</legend>
          <button type="button" className="button button-quiet" onClick={() => {
            setError(null);
            setChosen(chosen.length === c.students.length ? [] : c.students.map((s) => s.id));
          }}>
            {chosen.length === c.students.length ? t('portfolio.group.none') : t('portfolio.group.all')}
          </button>
          <ul className="roster roster-choose">
            {c.students.map((s) => (
              <li key={s.id}>
                <label className="choice">
                  <input type="checkbox" checked={chosen.includes(s.id)} onChange={(e) => {
                      setError(null);
                      setChosen((ids) => (e.target.checked ? [...ids, s.id] : ids.filter((x) => x !== s.id)));
                    }} />
                  <PictureGlyph name={s.avatar} />
                  <Name>
                    {s.givenName} {s.familyName}
                  </Name>
                </label>
              </li>
            ))}
          </ul>
          {noneChosen ? (
            <p className="field-error" id="children-error">
              {noneChosen}
            </p>
          ) : null}
        </fieldset>
      </PostComposer>
    </div>
  );
}

/** A class's approval queue: pupils' posts waiting for a teacher, and the auto-approval switch. */
export function ApprovalsPage() {
  const t = useT();
  const { id } = useParams();
  const queue = useApi<ClassPosts>(`/api/classes/${id}/posts`);
  const klass = useApi<ClassDetail>(`/api/classes/${id}`);
  const { busy, error, run } = useAction();
  const [saved, setSaved] = useState<string | null>(null);
  if (queue.status === 'loading' || klass.status === 'loading') return <Loading />;
  if (queue.status === 'error') return <ErrorNotice error={queue.error} />;
  if (klass.status === 'error') return <ErrorNotice error={klass.error} />;
  const q = queue.data;
  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link to={`/classes/${id}`}>
          <Name>{klass.data.name}</Name>
        </Link>
      </p>
      <h1>{t('portfolio.approvals.title', { className: klass.data.name })}</h1>
      <section className="card">
        <Switch
          checked={q.autoApprovePosts}
          busy={busy}
          label={t('portfolio.approvals.auto')}
          onToggle={(next) => {
            setSaved(null);
            void run(async () => {
              await api('PUT', `/api/classes/${id}/portfolio-settings`, { autoApprovePosts: next });
              setSaved(next ? t('portfolio.approvals.autoOn') : t('portfolio.approvals.autoOff'));
              queue.reload();
            });
          }}
        />
        <p className="hint">{t('portfolio.approvals.autoHint')}</p>
        <ErrorNotice error={error} />
        <Saved message={saved} />
      </section>
      <h2>{t('portfolio.approvals.waiting', { count: q.posts.length })}</h2>
      {q.posts.length === 0 ? <p className="empty">{t('portfolio.approvals.empty')}</p> : null}
      <div className="timeline">
        {q.posts.map((p: PostView) => (
          <PostCard key={p.id} post={p} viewer="staff" level={3} onChanged={queue.reload} />
        ))}
      </div>
    </div>
  );
}

/** The school's subjects and strands (the admin edits them; old posts keep an archived one). */
export function SubjectsPage() {
  const t = useT();
  const { me } = useSession();
  const schoolId = me?.schools[0]?.id;
  const tags = useApi<{ tags: TagView[] }>(schoolId ? `/api/schools/${schoolId}/tags` : null);
  const { busy, error, run } = useAction();
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const nameId = useId();
  const parentFieldId = useId();
  if (tags.status === 'loading') return <Loading />;
  if (tags.status === 'error') return <ErrorNotice error={tags.error} />;
  const all = tags.data.tags;
  const subjects = all.filter((x) => x.kind === 'subject');
  const change = (tag: TagView, body: object, message: string) =>
    void run(async () => {
      await api('PATCH', `/api/tags/${tag.id}`, body);
      setSaved(message);
      tags.reload();
    });
  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link to="/">{t('app.nav.home')}</Link>
      </p>
      <h1>{t('portfolio.subjects.title')}</h1>
      <p className="lead">{t('portfolio.subjects.hint')}</p>
      <Saved message={saved} />
      <ErrorNotice error={error && !fieldError(t, error, 'name') ? error : null} />
      <ul className="stack-list">
        {subjects.map((s) => (
          <li key={s.id} className={`card${s.archived ? ' card-archived' : ''}`}>
            <TagRow tag={s} busy={busy} onChange={change} />
            <ul className="plain-list">
              {all
                .filter((x) => x.parentId === s.id)
                .map((x) => (
                  <li key={x.id}>
                    <TagRow tag={x} busy={busy} onChange={change} />
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ul>
      <form
        className="card add-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (busy || !schoolId) return;
          void run(async () => {
            await api('POST', `/api/schools/${schoolId}/tags`, { kind: parentId ? 'strand' : 'subject', name, parentId: parentId || null });
            setSaved(t('portfolio.subjects.added', { name }));
            setName('');
            tags.reload();
          });
        }}
      >
        <h2>{t('portfolio.subjects.add')}</h2>
        <div className="field">
          <label htmlFor={nameId}>{t('portfolio.subjects.name')}</label>
          <input id={nameId} value={name} required maxLength={60} onChange={(e) => setName(e.target.value)} aria-invalid={fieldError(t, error, 'name') ? true : undefined} aria-describedby={fieldError(t, error, 'name') ? `${nameId}-error` : undefined} />
          {fieldError(t, error, 'name') ? (
            <p className="field-error" id={`${nameId}-error`}>
              {fieldError(t, error, 'name')}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={parentFieldId}>{t('portfolio.subjects.parent')}</label>
          <select id={parentFieldId} value={parentId} onChange={(e) => setParentId(e.target.value)}>
            <option value="">{t('portfolio.subjects.noParent')}</option>
            {subjects
              .filter((s) => !s.archived)
              .map((s) => (
                <option key={s.id} value={s.id} translate="no">
                  {s.name}
                </option>
              ))}
          </select>
        </div>
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('portfolio.subjects.addButton')}
        </button>
      </form>
    </div>
  );
}

function TagRow({ tag, busy, onChange }: { tag: TagView; busy: boolean; onChange(tag: TagView, body: object, message: string): void }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(tag.name);
  const fieldId = useId();
  if (editing) {
    return (
      <form
        className="inline-form row row-tight"
        onSubmit={(e) => {
          e.preventDefault();
          if (busy) return;
          onChange(tag, { name }, t('portfolio.subjects.renamed', { name }));
          setEditing(false);
        }}
      >
        <label htmlFor={fieldId} className="visually-hidden">
          {t('portfolio.subjects.name')}
        </label>
        <input id={fieldId} value={name} required maxLength={60} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="button button-primary">
          {t('portfolio.subjects.save')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => setEditing(false)}>
          {t('app.manage.common.cancel')}
        </button>
      </form>
    );
  }
  return (
    <div className="tag-row">
      <span className={tag.kind === 'subject' ? 'card-title' : ''}>
        <Name>{tag.name}</Name>
      </span>
      {tag.archived ? <span className="badge badge-archived">{t('app.manage.common.archived')}</span> : null}
      <span className="row row-tight">
        <button type="button" className="button button-link" onClick={() => setEditing(true)} aria-label={t('portfolio.subjects.renameLabel', { name: tag.name })}>
          {t('portfolio.subjects.rename')}
        </button>
        <button
          type="button"
          className="button button-link"
          aria-disabled={busy || undefined}
          onClick={() => !busy && onChange(tag, { archived: !tag.archived }, tag.archived ? t('portfolio.subjects.restored', { name: tag.name }) : t('portfolio.subjects.archived', { name: tag.name }))}
          aria-label={tag.archived ? t('portfolio.subjects.restoreLabel', { name: tag.name }) : t('portfolio.subjects.archiveLabel', { name: tag.name })}
        >
          {tag.archived ? t('portfolio.subjects.restore') : t('portfolio.subjects.archive')}
        </button>
      </span>
    </div>
  );
}

/** The digest email's link: one button switches the daily email off (a link alone would be followed by mail scanners). */
export function UnsubscribePage() {
  const t = useT();
  const { busy, error, run } = useAction();
  const [done, setDone] = useState(false);
  const token = typeof window !== 'undefined' ? window.location.hash.slice(1) : '';
  return (
    <div className="narrow">
      <h1>{t('portfolio.unsubscribe.title')}</h1>
      {done ? (
        <p className="notice notice-ok" role="status">
          {t('portfolio.unsubscribe.done')}
        </p>
      ) : (
        <>
          <p>{t('portfolio.unsubscribe.hint')}</p>
          <ErrorNotice error={error} />
          <button
            type="button"
            className="button button-primary"
            aria-disabled={busy || undefined}
            onClick={() =>
              !busy &&
              void run(async () => {
                await api('POST', '/api/unsubscribe', { token });
                setDone(true);
              })
            }
          >
            {t('portfolio.unsubscribe.button')}
          </button>
        </>
      )}
    </div>
  );
}

/** On the account page: the daily portfolio email on or off. */
export function DigestSetting() {
  const t = useT();
  const setting = useApi<{ portfolioDigest: boolean }>('/api/me/notifications');
  const { busy, error, run } = useAction();
  if (setting.status !== 'ready') return setting.status === 'error' ? <ErrorNotice error={setting.error} /> : <Loading />;
  const on = setting.data.portfolioDigest;
  return (
    <>
      <Switch
        checked={on}
        busy={busy}
        label={t('portfolio.digest.switch')}
        onToggle={(next) =>
          void run(async () => {
            await api('PUT', '/api/me/notifications', { portfolioDigest: next });
            setting.reload();
          })
        }
      />
      <ErrorNotice error={error} />
    </>
  );
}

/**
 * A goal's check-ins: each note with the work linked as evidence (small pictures), and the form to
 * add one — a note, and pieces picked from the child's approved posts (a page at a time).
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { CheckinView, EvidenceView } from '../../../contracts/goals';
import type { PostView, Timeline } from '../../../contracts/portfolio';
import { ErrorNotice, fieldError, Loading } from '../../components/ui';
import { fieldErrorUnder } from '../../components/forms';
import { api } from '../../lib/api';
import { useI18n, useT } from '../../lib/i18n';
import { useAction } from '../../lib/use-api';
import { MediaDisplay } from '../portfolio/media';

export function When({ iso, withTime = false }: { iso: string; withTime?: boolean }) {
  const { intlLocale } = useI18n();
  // A date is data (formatted in the reader's language by Intl), not a message.
  return (
    <time dateTime={iso} translate="no">
      {new Intl.DateTimeFormat(intlLocale, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(new Date(iso))}
    </time>
  );
}

function Evidence({ post }: { post: EvidenceView }) {
  const t = useT();
  const caption = post.caption || post.text || t('goals.checkin.untitled');
  return (
    <li className="goal-evidence">
      {/* The caption is next to it: the picture needs no words of its own. */}
      {post.thumbnail ? <MediaDisplay media={post.thumbnail} label="" /> : <span className="goal-evidence-text" aria-hidden="true">📝</span>}
      <span className="goal-evidence-caption" dir="auto" data-content>
        {caption}
      </span>
    </li>
  );
}

export function CheckinList({ checkins }: { checkins: CheckinView[] }) {
  const t = useT();
  if (checkins.length === 0) return <p className="empty">{t('goals.checkin.none')}</p>;
  return (
    <ol className="goal-checkins">
      {checkins.map((c) => (
        <li key={c.id} className="goal-checkin">
          <p className="card-meta">
            <When iso={c.createdAt} /> · {t('goals.checkin.by', { name: `${c.author.givenName} ${c.author.familyName}`.trim() })}
          </p>
          {c.note ? (
            <p className="goal-checkin-note" dir="auto" data-content>
              {c.note}
            </p>
          ) : null}
          {c.posts.length ? (
            <ul className="goal-evidence-list" aria-label={t('goals.checkin.evidence')}>
              {c.posts.map((p) => (
                <Evidence key={p.id} post={p} />
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** The first photo or drawing of a post, for the picker. */
function pictureOf(post: PostView) {
  return post.items.find((i) => (i.kind === 'photo' || i.kind === 'drawing') && i.media)?.media ?? null;
}

export function CheckinForm({ goalId, studentId, childName, child, onDone, onCancel }: { goalId: string; studentId: string; childName: string; child: boolean; onDone(): void; onCancel(): void }) {
  const t = useT();
  const noteId = useId();
  const [note, setNote] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [pages, setPages] = useState<Timeline[]>([]);
  const [loading, setLoading] = useState(true);
  const { busy, error, run } = useAction();
  const noteRef = useRef<HTMLTextAreaElement>(null);

  const load = useCallback(
    async (cursor: string | null) => {
      setLoading(true);
      try {
        const page = await api<Timeline>('GET', `/api/students/${studentId}/posts?status=approved${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        setPages((p) => [...p, page]);
      } finally {
        setLoading(false);
      }
    },
    [studentId],
  );
  useEffect(() => {
    void load(null);
  }, [load]);
  useEffect(() => noteRef.current?.focus(), []);

  const posts = pages.flatMap((p) => p.posts);
  const next = pages.at(-1)?.nextCursor ?? null;
  const noteError = fieldError(t, error, 'note');
  const postsError = fieldErrorUnder(t, error, 'postIds');
  return (
    <form
      className="goal-checkin-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (busy) return;
        void run(async () => {
          await api('POST', `/api/goals/${goalId}/checkins`, { note, postIds: chosen });
          onDone();
        });
      }}
    >
      <div className="field">
        <label htmlFor={noteId}>{t('goals.checkin.note')}</label>
        <textarea ref={noteRef} id={noteId} dir="auto" data-content rows={3} maxLength={2000} value={note} aria-invalid={noteError ? true : undefined} aria-describedby={noteError ? `${noteId}-error` : undefined} onChange={(e) => setNote(e.target.value)} />
        {noteError ? (
          <p className="field-error" id={`${noteId}-error`}>
            {noteError}
          </p>
        ) : null}
      </div>
      <fieldset className="choices">
        <legend>{t('goals.checkin.evidence')}</legend>
        <p className="hint">{child ? t('goals.checkin.evidenceHintChild') : t('goals.checkin.evidenceHint', { name: childName })}</p>
        {postsError ? <p className="field-error">{postsError}</p> : null}
        {posts.length === 0 && !loading ? <p className="empty">{t('goals.checkin.noPosts')}</p> : null}
        <ul className="goal-pick-list">
          {posts.map((p) => {
            const picture = pictureOf(p);
            const text = p.items.find((i) => i.kind === 'text')?.text ?? '';
            const caption = p.caption || text.slice(0, 80) || t('goals.checkin.untitled');
            return (
              <li key={p.id}>
                <label className="goal-pick">
                  <input
                    type="checkbox"
                    checked={chosen.includes(p.id)}
                    onChange={(e) => setChosen((ids) => (e.target.checked ? [...ids, p.id].slice(0, 6) : ids.filter((x) => x !== p.id)))}
                  />
                  {picture ? <MediaDisplay media={picture} label="" /> : <span className="goal-evidence-text" aria-hidden="true">📝</span>}
                  <span dir="auto" data-content className="goal-pick-caption">
                    {caption}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
        {loading ? <Loading /> : null}
        {next && !loading ? (
          <button type="button" className="button button-quiet" onClick={() => void load(next)}>
            {t('goals.checkin.more')}
          </button>
        ) : null}
        <p className="card-meta" aria-live="polite">
          {t('goals.checkin.chosen', { count: chosen.length })}
        </p>
      </fieldset>
      {error && !noteError && !postsError ? <ErrorNotice error={error} /> : null}
      <div className="row">
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('goals.checkin.save')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('goals.checkin.cancel')}
        </button>
      </div>
    </form>
  );
}


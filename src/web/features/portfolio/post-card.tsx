/**
 * One post as families, the child and teachers see it: the work, the caption, the child's own
 * reflection (their voice when recorded), the success criteria it shows, tags, and comments. Teachers approve or return a waiting
 * post here, and hide a comment; families and teachers write comments.
 */
import { useEffect, useId, useState } from 'react';
import type { PostView } from '../../../contracts/portfolio';
import { ErrorNotice, Name, fieldError } from '../../components/ui';
import { api } from '../../lib/api';
import { useI18n, useT } from '../../lib/i18n';
import { useAction } from '../../lib/use-api';
import { PostCriteria } from '../criteria/post-criteria';
import { MediaDisplay } from './media';

function When({ iso }: { iso: string }) {
  const { intlLocale } = useI18n();
  // A date is data (formatted in the reader's language by Intl), not a message.
  return <time dateTime={iso} translate="no">{new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))}</time>;
}

export function PostCard({ post, onChanged, viewer, level = 2 }: { post: PostView; onChanged(): void; viewer: 'child' | 'family' | 'staff'; level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const t = useT();
  const headingId = useId();
  // An image still being processed: look again shortly (it takes about a second).
  const processing = post.items.some((i) => i.media?.status === 'processing');
  useEffect(() => {
    if (!processing) return;
    const timer = setTimeout(onChanged, 1500);
    return () => clearTimeout(timer);
  }, [processing, onChanged]);
  const who = `${post.student.givenName}`;
  return (
    <article className={`card post post-${post.status}`} aria-labelledby={headingId}>
      <header className="post-head">
        <Heading id={headingId} className="post-title" dir="auto" data-content={post.caption ? true : undefined}>
          {post.caption || (post.author.role === 'guardian' ? t('surveys.portfolio.from_family', { child: who }) : t('portfolio.post.untitled'))}
        </Heading>
        <p className="card-meta">
          {viewer !== 'child' ? (
            <>
              <Name>{who}</Name>
              {' · '}
            </>
          ) : null}
          <When iso={post.createdAt} />
          {post.author.role === 'staff' ? (
            <>
              {' · '}
              {t('portfolio.post.byTeacher', { name: `${post.author.givenName} ${post.author.familyName}` })}
            </>
          ) : post.author.role === 'guardian' && post.author.givenName ? (
            <>
              {' · '}
              {t('surveys.portfolio.written_by', { name: post.author.givenName })}
            </>
          ) : null}
        </p>
        {post.status !== 'approved' ? <StatusBadge status={post.status} viewer={viewer} /> : null}
      </header>
      {post.status === 'returned' && post.returnComment ? (
        <div className="notice notice-return">
          <strong>{t('portfolio.post.returnedBecause')}</strong> <span dir="auto" data-content>{post.returnComment}</span>
        </div>
      ) : null}
      <div className="post-items">
        {post.items.map((item, i) =>
          item.kind === 'text' ? (
            <p key={item.id} className="post-text" dir="auto" data-content>
              {item.text}
            </p>
          ) : item.media ? (
            <div key={item.id} className={`post-item post-item-${item.kind}`}>
              <MediaDisplay media={item.media} label={t(`portfolio.itemLabel.${item.kind}`, { n: i + 1, name: who })} />
            </div>
          ) : null,
        )}
      </div>
      {post.reflection || post.reflectionAudio ? (
        <div className="post-reflection">
          <p className="post-reflection-label">{t('portfolio.post.reflection', { name: who })}</p>
          {post.reflection ? (
            <p dir="auto" className="post-reflection-text" data-content>
              {post.reflection}
            </p>
          ) : null}
          {post.reflectionAudio ? <MediaDisplay media={post.reflectionAudio} label={t('portfolio.post.reflectionAudio', { name: who })} /> : null}
        </div>
      ) : null}
      <PostCriteria post={post} viewer={viewer} onChanged={onChanged} />
      {post.tags.length ? (
        <ul className="tag-list" aria-label={t('portfolio.post.tags')}>
          {post.tags.map((tag) => (
            <li key={tag.id} className="badge">
              <Name>{tag.name}</Name>
            </li>
          ))}
        </ul>
      ) : null}
      {post.can.review && post.status !== 'approved' ? <ReviewActions post={post} onChanged={onChanged} /> : null}
      {viewer === 'child' && post.can.edit && post.status !== 'approved' ? <ImproveForm post={post} onChanged={onChanged} /> : null}
      {post.status === 'approved' ? <Comments post={post} onChanged={onChanged} /> : null}
    </article>
  );
}

/** The child improves a post (the words; the teacher's comment says what) and sends it to the teacher again. */
function ImproveForm({ post, onChanged }: { post: PostView; onChanged(): void }) {
  const t = useT();
  const { busy, error, run } = useAction();
  const [open, setOpen] = useState(post.status === 'returned');
  const [caption, setCaption] = useState(post.caption);
  const [reflection, setReflection] = useState(post.reflection);
  const captionId = useId();
  const reflectionId = useId();
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        ✏️ {t('portfolio.improve.open')}
      </button>
    );
  }
  return (
    <form
      className="inline-form improve"
      onSubmit={(e) => {
        e.preventDefault();
        if (busy) return;
        void run(async () => {
          await api('PATCH', `/api/posts/${post.id}`, { caption, reflection });
          setOpen(false);
          onChanged();
        });
      }}
    >
      <h3>{t('portfolio.improve.title')}</h3>
      <div className="field">
        <label htmlFor={captionId}>{t('portfolio.composer.caption')}</label>
        <input id={captionId} value={caption} maxLength={500} onChange={(e) => setCaption(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={reflectionId}>{t('portfolio.composer.reflectionChild')}</label>
        <textarea id={reflectionId} value={reflection} rows={3} maxLength={4000} onChange={(e) => setReflection(e.target.value)} />
      </div>
      <ErrorNotice error={error} />
      <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
        {t('portfolio.improve.send')}
      </button>
    </form>
  );
}

function StatusBadge({ status, viewer }: { status: PostView['status']; viewer: 'child' | 'family' | 'staff' }) {
  const t = useT();
  const key = status === 'pending' ? (viewer === 'child' ? 'waitingChild' : 'waitingStaff') : 'returned';
  return <span className={`badge badge-${status}`}>{t(`portfolio.status.${key}`)}</span>;
}

function ReviewActions({ post, onChanged }: { post: PostView; onChanged(): void }) {
  const t = useT();
  const { busy, error, run } = useAction();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const commentId = useId();
  return (
    <div className="review">
      <ErrorNotice error={error && !fieldError(t, error, 'comment') ? error : null} />
      <div className="row row-tight">
        <button type="button" className="button button-primary" aria-disabled={busy || undefined} onClick={() => !busy && void run(async () => {
          await api('POST', `/api/posts/${post.id}/approve`);
          onChanged();
        })}>
          ✓ {t('portfolio.review.approve')}
        </button>
        {!returning ? (
          <button type="button" className="button" onClick={() => setReturning(true)}>
            {t('portfolio.review.return')}
          </button>
        ) : null}
      </div>
      {returning ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (busy) return;
            void run(async () => {
              await api('POST', `/api/posts/${post.id}/return`, { comment });
              setReturning(false);
              onChanged();
            });
          }}
        >
          <div className="field">
            <label htmlFor={commentId}>{t('portfolio.review.commentLabel', { name: post.student.givenName })}</label>
            <textarea id={commentId} value={comment} onChange={(e) => setComment(e.target.value)} rows={3} required maxLength={2000} aria-invalid={fieldError(t, error, 'comment') ? true : undefined} />
            {fieldError(t, error, 'comment') ? <p className="field-error">{fieldError(t, error, 'comment')}</p> : null}
          </div>
          <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
            {t('portfolio.review.send')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setReturning(false)}>
            {t('app.manage.common.cancel')}
          </button>
        </form>
      ) : null}
    </div>
  );
}

function Comments({ post, onChanged }: { post: PostView; onChanged(): void }) {
  const t = useT();
  const { busy, error, run } = useAction();
  const [body, setBody] = useState('');
  const fieldId = useId();
  return (
    <div className="comments">
      {post.comments.length ? (
        <ul className="comment-list">
          {post.comments.map((c) => (
            <li key={c.id} className={c.hidden ? 'comment comment-hidden' : 'comment'}>
              <p className="comment-author">
                <Name>
                  {c.author.givenName} {c.author.familyName}
                </Name>{' '}
                <span className="card-meta-inline">
                  <When iso={c.createdAt} />
                </span>
                {c.hidden ? <span className="badge badge-archived">{t('portfolio.comments.hidden')}</span> : null}
              </p>
              <p dir="auto" className="comment-body" data-content>
                {c.body}
              </p>
              {post.can.hideComments ? (
                <button type="button" className="button button-link" aria-disabled={busy || undefined} onClick={() => !busy && void run(async () => {
                  await api('PATCH', `/api/comments/${c.id}`, { hidden: !c.hidden });
                  onChanged();
                })}>
                  {c.hidden ? t('portfolio.comments.show') : t('portfolio.comments.hide')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {post.can.comment ? (
        <form
          className="comment-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (busy || !body.trim()) return;
            void run(async () => {
              await api('POST', `/api/posts/${post.id}/comments`, { body });
              setBody('');
              onChanged();
            });
          }}
        >
          <label htmlFor={fieldId}>{t('portfolio.comments.label', { name: post.student.givenName })}</label>
          <textarea id={fieldId} value={body} rows={2} maxLength={2000} onChange={(e) => setBody(e.target.value)} />
          <ErrorNotice error={error} />
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {t('portfolio.comments.send')}
          </button>
        </form>
      ) : null}
    </div>
  );
}

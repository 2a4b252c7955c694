/**
 * On a post: the success criteria the piece shows (with their pictures and speaker buttons — for
 * a family, a way into the conversation: "you used capital letters!") and the standards a teacher
 * tagged; for the child and their teacher, a control to change the ticks, and for the teacher one
 * to tag standards (with the standards area's picker).
 */
import { useId, useState } from 'react';
import type { StudentCriteria } from '../../../contracts/criteria';
import type { PostView } from '../../../contracts/portfolio';
import { ErrorNotice, Loading } from '../../components/ui';
import { api } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { useAction, useApi } from '../../lib/use-api';
import { StandardPicker } from '../standards/standard-picker';
import { CriteriaChecklist, checklistItems } from './criteria-checklist';
import { audioUrlOf, CriterionPicture, imageUrlOf, SpeakButton, useCriteriaLocale } from './speak';

export function PostCriteria({ post, viewer, onChanged }: { post: PostView; viewer: 'child' | 'family' | 'staff'; onChanged(): void }) {
  const t = useT();
  const lang = useCriteriaLocale();
  const [editing, setEditing] = useState(false);
  const [tagging, setTagging] = useState(false);
  const headingId = useId();
  const name = post.student.givenName;
  if (post.criteria.length === 0 && post.standards.length === 0 && !post.canTag.criteria && !post.canTag.standards) return null;
  return (
    <div className="criteria-on-post" role="group" aria-labelledby={headingId}>
      <p className="criteria-on-post-title" id={headingId}>
        {viewer === 'child' ? t('criteria.post.titleChild') : t('criteria.post.title', { name })}
      </p>
      {post.criteria.length ? (
        <ul className="criteria-shown">
          {post.criteria.map((c) => (
            <li key={c.id} className="criteria-shown-item">
              <span aria-hidden="true" className="criteria-shown-tick">
                ✓
              </span>
              <CriterionPicture picture={c.picture} imageUrl={imageUrlOf(c.image)} size="sm" />
              <span className="criteria-wording" id={`${headingId}-${c.id}`} dir="auto" data-content>
                {c.wording}
              </span>
              <SpeakButton wording={c.wording} wordingId={`${headingId}-${c.id}`} audioUrl={audioUrlOf(c.audio)} lang={lang} />
            </li>
          ))}
        </ul>
      ) : post.canTag.criteria && !editing ? (
        <p className="hint">{t('criteria.post.none')}</p>
      ) : null}
      {post.standards.length ? (
        <ul className="tag-list criteria-standards" aria-label={t('criteria.post.standards')}>
          {post.standards.map((s) => (
            <li key={s.identifier} className="badge" title={s.fullStatement}>
              <span translate="no" dir="auto">
                {s.humanCodingScheme ?? s.fullStatement}
              </span>
              {s.humanCodingScheme ? <span className="visually-hidden">: {s.fullStatement}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {(post.canTag.criteria && !editing) || (post.canTag.standards && !tagging) ? (
        <div className="row row-tight">
          {post.canTag.criteria && !editing ? (
            <button type="button" className="button button-quiet" onClick={() => setEditing(true)}>
              {viewer === 'child' ? t('criteria.post.editChild') : t('criteria.post.edit')}
            </button>
          ) : null}
          {post.canTag.standards && !tagging ? (
            <button type="button" className="button button-quiet" onClick={() => setTagging(true)}>
              {t('criteria.post.tagStandards')}
            </button>
          ) : null}
        </div>
      ) : null}
      {editing ? (
        <EditTicks
          post={post}
          lang={lang}
          viewer={viewer}
          onDone={(changed) => {
            setEditing(false);
            if (changed) onChanged();
          }}
        />
      ) : null}
      {tagging ? (
        <EditStandards
          post={post}
          onDone={(changed) => {
            setTagging(false);
            if (changed) onChanged();
          }}
        />
      ) : null}
    </div>
  );
}

function EditStandards({ post, onDone }: { post: PostView; onDone(changed: boolean): void }) {
  const t = useT();
  const { me } = useSession();
  const [selected, setSelected] = useState(post.standards.map((s) => s.identifier));
  const { busy, error, run } = useAction();
  const schoolId = me?.schools[0]?.id;
  if (!schoolId) return null;
  return (
    <form
      className="inline-form criteria-edit-standards"
      onSubmit={(e) => {
        e.preventDefault();
        if (busy) return;
        void run(async () => {
          await api('PUT', `/api/posts/${post.id}/standards`, { identifiers: selected });
          onDone(true);
        });
      }}
    >
      <StandardPicker schoolId={schoolId} selected={selected} onChange={setSelected} label={t('criteria.post.standardsOf', { name: post.student.givenName })} />
      <ErrorNotice error={error} />
      <div className="row row-tight">
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('criteria.post.saveStandards')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => onDone(false)}>
          {t('app.manage.common.cancel')}
        </button>
      </div>
    </form>
  );
}

function EditTicks({ post, lang, viewer, onDone }: { post: PostView; lang: string; viewer: 'child' | 'family' | 'staff'; onDone(changed: boolean): void }) {
  const t = useT();
  const lists = useApi<StudentCriteria>(`/api/students/${post.studentId}/criteria`);
  const [value, setValue] = useState<Partial<Record<string, 'shown'>>>(Object.fromEntries(post.criteria.map((c) => [c.id, 'shown' as const])));
  const { busy, error, run } = useAction();
  if (lists.status === 'loading') return <Loading />;
  if (lists.status === 'error') return <ErrorNotice error={lists.error} />;
  const items = checklistItems(lists.data.lists);
  // Ticks on criteria since archived (or of a class left) stay, listed after the current ones.
  for (const c of post.criteria) if (!items.some((i) => i.id === c.id)) items.push({ id: c.id, wording: c.wording, picture: c.picture, imageUrl: imageUrlOf(c.image), audioUrl: audioUrlOf(c.audio), group: c.listTitle });
  return (
    <form
      className="inline-form criteria-edit-ticks"
      onSubmit={(e) => {
        e.preventDefault();
        if (busy) return;
        void run(async () => {
          await api('PUT', `/api/posts/${post.id}/criteria`, { criterionIds: Object.keys(value) });
          onDone(true);
        });
      }}
    >
      {items.length ? (
        <CriteriaChecklist legend={viewer === 'child' ? t('criteria.checklist.legendChild') : t('criteria.checklist.legend', { name: post.student.givenName })} criteria={items} value={value} onChange={setValue} marks={['shown']} lang={lang} />
      ) : (
        <p className="empty">{t('criteria.checklist.empty')}</p>
      )}
      <ErrorNotice error={error} />
      <div className="row row-tight">
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('criteria.post.save')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => onDone(false)}>
          {t('app.manage.common.cancel')}
        </button>
      </div>
    </form>
  );
}

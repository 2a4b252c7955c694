/**
 * Conference preparation pages: the admin's rounds (/school/rounds); a class's selection prompts
 * and readiness board (/classes/:id/preparation/…); a child's preparation — picking pieces,
 * answering, marking strengths and next steps, setting a goal (/students/:id/preparation/…), which
 * their teacher opens too, to help.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, Navigate, Route, Routes, useParams } from 'react-router';
import type { ClassDetail, StudentDetail } from '../../contracts/api';
import type { Timeline } from '../../contracts/portfolio';
import type { ChildPreparation, PromptView, ReadinessBoard, RoundView } from '../../contracts/preparation';
import { localized } from '../../domain/preparation/prompts';
import type { ReadinessStatus } from '../../domain/preparation/readiness';
import { ErrorNotice, Field, Loading, Name, PictureGlyph, fieldError } from '../components/ui';
import { ConfirmAction, Saved, Switch, useDateRange } from '../components/forms';
import { PickedPiece, PieceThumb } from '../features/preparation/picked-piece';
import { draftOf, PromptEditor, type PromptDraft } from '../features/preparation/prompt-editor';
import { api } from '../lib/api';
import { useI18n, useT } from '../lib/i18n';
import { useSchoolId } from '../lib/school';
import { useAction, useApi } from '../lib/use-api';
import type { AvatarKey } from '../../domain/pictures';

/**
 * The round to show first: the next one still to come (children prepare before it starts), else one
 * under way (on conference day, its board), else the latest.
 */
function currentRound(rounds: RoundView[], today: string): RoundView | undefined {
  const byStart = [...rounds].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  return byStart.find((r) => r.startsOn > today) ?? byStart.find((r) => r.endsOn >= today) ?? [...rounds].sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0];
}
/** Today on this device's calendar (not UTC: a round's last evening in Chicago is still that day). */
const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

// ---- the admin's rounds ------------------------------------------------------------------------

export function RoundsPage() {
  const t = useT();
  const schoolId = useSchoolId();
  const dates = useDateRange();
  const rounds = useApi<{ rounds: RoundView[] }>(schoolId ? `/api/schools/${schoolId}/rounds` : null);
  const periods = useApi<{ terms: Array<{ reportPeriods: Array<{ id: string; name: string; startsOn: string }> }> }>(schoolId ? `/api/schools/${schoolId}/terms` : null);
  const [form, setForm] = useState({ name: '', startsOn: '', endsOn: '', reportPeriodId: '' });
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  if (rounds.status === 'loading') return <Loading />;
  if (rounds.status === 'error') return <ErrorNotice error={rounds.error} />;
  const allPeriods = periods.status === 'ready' ? periods.data.terms.flatMap((x) => x.reportPeriods).sort((a, b) => a.startsOn.localeCompare(b.startsOn)) : [];
  function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    void run(async () => {
      await api('POST', `/api/schools/${schoolId}/rounds`, { ...form, reportPeriodId: form.reportPeriodId || null });
      setSaved(t('preparation.rounds.added', { name: form.name }));
      setForm({ name: '', startsOn: '', endsOn: '', reportPeriodId: '' });
      rounds.reload();
    });
  }
  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link to="/">{t('app.nav.home')}</Link>
      </p>
      <h1>{t('preparation.rounds.title')}</h1>
      <p className="lead">{t('preparation.rounds.lead')}</p>
      <section aria-labelledby="rounds-list">
        <h2 id="rounds-list">{t('preparation.rounds.count', { count: rounds.data.rounds.length })}</h2>
        <ul className="stack-list">
          {rounds.data.rounds.map((r) => (
            <li key={r.id} className="card">
              <h3 className="card-title" id={`round-${r.id}`}>
                <Name>{r.name}</Name>
              </h3>
              <p className="card-meta">
                <span translate="no">{dates(r.startsOn, r.endsOn)}</span>
                {r.reportPeriodName ? (
                  <>
                    {' · '}
                    {t('preparation.rounds.reviews')} <Name>{r.reportPeriodName}</Name>
                  </>
                ) : null}
              </p>
              <Link className="button card-action" to={`/school/rounds/${r.id}/booking`} aria-describedby={`round-${r.id}`}>
                {t('rounds.setup.link')}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section className="card add-form" aria-labelledby="add-round">
        <h2 id="add-round">{t('preparation.rounds.addTitle')}</h2>
        <form onSubmit={submit} noValidate>
          <Field label={t('preparation.rounds.name')} hint={t('preparation.rounds.nameHint')} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={fieldError(t, error, 'name')} />
          <div className="field-pair">
            <Field type="date" label={t('preparation.rounds.startsOn')} value={form.startsOn} onChange={(e) => setForm({ ...form, startsOn: e.target.value })} error={fieldError(t, error, 'startsOn')} />
            <Field type="date" label={t('preparation.rounds.endsOn')} value={form.endsOn} onChange={(e) => setForm({ ...form, endsOn: e.target.value })} error={fieldError(t, error, 'endsOn')} />
          </div>
          <div className="field">
            <label htmlFor="round-period">{t('preparation.rounds.period')}</label>
            <select id="round-period" value={form.reportPeriodId} onChange={(e) => setForm({ ...form, reportPeriodId: e.target.value })}>
              <option value="">{t('preparation.rounds.noPeriod')}</option>
              {allPeriods.map((p) => (
                <option key={p.id} value={p.id} translate="no">
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          {error && !['name', 'startsOn', 'endsOn'].some((f) => fieldError(t, error, f)) ? <ErrorNotice error={error} /> : null}
          <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
            {t('preparation.rounds.add')}
          </button>
          <Saved message={saved} />
        </form>
      </section>
    </div>
  );
}

// ---- a class: prompts and readiness -----------------------------------------------------------

/** Everything under /classes/:id/preparation. */
export function ClassPreparationArea() {
  return (
    <Routes>
      <Route index element={<ClassRoundChooser />} />
      <Route path=":roundId" element={<PromptsPage />} />
      <Route path=":roundId/readiness" element={<ReadinessPage />} />
    </Routes>
  );
}

function ClassRoundChooser() {
  const t = useT();
  const { id } = useParams();
  const cls = useApi<ClassDetail>(`/api/classes/${id}`);
  const rounds = useApi<{ rounds: RoundView[] }>(cls.status === 'ready' ? `/api/schools/${cls.data.schoolId}/rounds` : null);
  if (cls.status === 'error') return <ErrorNotice error={cls.error} />;
  if (rounds.status === 'error') return <ErrorNotice error={rounds.error} />;
  if (cls.status !== 'ready' || rounds.status !== 'ready') return <Loading />;
  const round = currentRound(rounds.data.rounds, todayIso());
  if (round) return <Navigate to={`/classes/${id}/preparation/${round.id}`} replace />;
  return (
    <div className="narrow">
      <h1>{t('preparation.prompts.pageTitle')}</h1>
      <p className="empty">{t('preparation.rounds.none')}</p>
    </div>
  );
}

function RoundSwitcher({ schoolId, roundId, to }: { schoolId: string; roundId: string; to(roundId: string): string }) {
  const t = useT();
  const rounds = useApi<{ rounds: RoundView[] }>(`/api/schools/${schoolId}/rounds`);
  if (rounds.status !== 'ready' || rounds.data.rounds.length < 2) return null;
  return (
    <nav className="prep-rounds" aria-label={t('preparation.rounds.switch')}>
      <ul className="plain-list row">
        {rounds.data.rounds.map((r) => (
          <li key={r.id}>
            {r.id === roundId ? (
              <span aria-current="page" className="chip">
                <Name>{r.name}</Name>
              </span>
            ) : (
              <Link className="chip" to={to(r.id)}>
                <Name>{r.name}</Name>
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

interface ClassPrompts {
  round: RoundView;
  classId: string;
  className: string;
  languages: string[];
  schoolLocale: string;
  prompts: PromptView[];
}

function PromptsPage() {
  const t = useT();
  const { id, roundId } = useParams();
  const data = useApi<ClassPrompts>(`/api/classes/${id}/rounds/${roundId}/prompts`);
  const cls = useApi<ClassDetail>(`/api/classes/${id}`);
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  if (data.status === 'loading') return <Loading />;
  if (data.status === 'error') return <ErrorNotice error={data.error} />;
  const d = data.data;
  const send = (draft: PromptDraft) => ({ title: draft.title, pickCount: draft.pickCount, questions: draft.questions });
  return (
    <div className="narrow prep">
      <p className="breadcrumb">
        <Link to="/">{t('app.nav.home')}</Link>
        {' › '}
        <Link to={`/classes/${id}`}>
          <Name>{d.className}</Name>
        </Link>
      </p>
      <h1>
        {t('preparation.prompts.pageTitle')}: <Name>{d.round.name}</Name>
      </h1>
      {cls.status === 'ready' ? <RoundSwitcher schoolId={cls.data.schoolId} roundId={d.round.id} to={(r) => `/classes/${id}/preparation/${r}`} /> : null}
      <p className="lead">{t('preparation.prompts.lead')}</p>
      <p>
        <Link className="button button-big" to={`/classes/${id}/preparation/${roundId}/readiness`}>
          {t('preparation.board.open')}
        </Link>
      </p>
      <section aria-labelledby="prompt-list">
        <h2 id="prompt-list">{t('preparation.prompts.count', { count: d.prompts.length })}</h2>
        {d.prompts.length === 0 ? <p className="empty">{t('preparation.prompts.none')}</p> : null}
        <ol className="stack-list prep-prompt-list">
          {d.prompts.map((p, i) => (
            <PromptCard key={p.id} prompt={p} index={i} total={d.prompts.length} languages={d.languages} schoolLocale={d.schoolLocale} onChanged={data.reload} />
          ))}
        </ol>
      </section>
      <Saved message={saved} />
      {adding ? (
        <section className="card add-form" aria-labelledby="add-prompt">
          <h2 id="add-prompt">{t('preparation.prompts.addTitle')}</h2>
          <PromptEditor
            initial={draftOf(null)}
            languages={d.languages}
            schoolLocale={d.schoolLocale}
            submitLabel={t('preparation.prompts.add')}
            onCancel={() => setAdding(false)}
            onSubmit={async (draft) => {
              await api('POST', `/api/classes/${id}/rounds/${roundId}/prompts`, send(draft));
              setAdding(false);
              setSaved(t('preparation.prompts.added'));
              data.reload();
            }}
          />
        </section>
      ) : (
        <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
          {t('preparation.prompts.addTitle')}
        </button>
      )}
    </div>
  );
}

function PromptCard({ prompt, index, total, languages, schoolLocale, onChanged }: { prompt: PromptView; index: number; total: number; languages: string[]; schoolLocale: string; onChanged(): void }) {
  const t = useT();
  const { locale } = useI18n();
  const [editing, setEditing] = useState(false);
  const { busy, error, run } = useAction();
  const title = localized(prompt.title, locale, schoolLocale);
  const move = (position: number) => run(async () => {
    await api('PATCH', `/api/prompts/${prompt.id}`, { position });
    onChanged();
  });
  if (editing) {
    return (
      <li className="card">
        <PromptEditor
          initial={draftOf(prompt)}
          languages={languages}
          schoolLocale={schoolLocale}
          submitLabel={t('preparation.prompts.save')}
          onCancel={() => setEditing(false)}
          onSubmit={async (draft) => {
            await api('PATCH', `/api/prompts/${prompt.id}`, draft);
            setEditing(false);
            onChanged();
          }}
        />
      </li>
    );
  }
  return (
    <li className="card">
      <h3 className="card-title" lang={title.lang} data-content>
        {title.text}
      </h3>
      <p className="card-meta">
        {t('preparation.prompts.pickSummary', { count: prompt.pickCount })} · {t('preparation.prompts.pickedBy', { count: prompt.pickedBy })}
      </p>
      <ul className="plain-list prep-question-list">
        {prompt.questions.map((q) => {
          const text = q.key ? { text: t(`preparation.questions.${q.key}`) } : localized(q.text, locale, schoolLocale);
          return q.key ? <li key={q.id}>{text.text}</li> : (
            <li key={q.id} data-content lang={'lang' in text ? text.lang : undefined}>
              {text.text}
            </li>
          );
        })}
      </ul>
      <div className="row">
        <button type="button" className="button" onClick={() => setEditing(true)} aria-label={t('preparation.prompts.editLabel', { title: title.text })}>
          {t('preparation.prompts.edit')}
        </button>
        <button type="button" className="button button-quiet" aria-disabled={index === 0 || undefined} onClick={() => index > 0 && void move(index - 1)} aria-label={t('preparation.prompts.moveUp', { title: title.text })}>
          ↑
        </button>
        <button type="button" className="button button-quiet" aria-disabled={index === total - 1 || undefined} onClick={() => index < total - 1 && void move(index + 1)} aria-label={t('preparation.prompts.moveDown', { title: title.text })}>
          ↓
        </button>
        {prompt.pickedBy === 0 ? (
          <ConfirmAction
            label={t('preparation.prompts.removeLabel', { title: title.text })}
            question={t('preparation.prompts.removeConfirm', { title: title.text })}
            confirmLabel={t('preparation.prompts.removeYes')}
            busy={busy}
            onConfirm={() =>
              run(async () => {
                await api('DELETE', `/api/prompts/${prompt.id}`);
                onChanged();
              })
            }
          />
        ) : null}
      </div>
      {error ? <ErrorNotice error={error} /> : null}
    </li>
  );
}

const statusIcon: Record<ReadinessStatus, string> = { not_started: '⚪', in_progress: '🟡', sent_back: '↩️', needs_help: '✋', ready: '✅' };

function ReadinessPage() {
  const t = useT();
  const { id, roundId } = useParams();
  const board = useApi<ReadinessBoard>(`/api/classes/${id}/rounds/${roundId}/readiness`);
  if (board.status === 'loading') return <Loading />;
  if (board.status === 'error') return <ErrorNotice error={board.error} />;
  const b = board.data;
  const order: ReadinessStatus[] = ['needs_help', 'sent_back', 'not_started', 'in_progress', 'ready'];
  return (
    <div className="prep">
      <p className="breadcrumb">
        <Link to="/">{t('app.nav.home')}</Link>
        {' › '}
        <Link to={`/classes/${id}`}>
          <Name>{b.className}</Name>
        </Link>
        {' › '}
        <Link to={`/classes/${id}/preparation/${roundId}`}>{t('preparation.prompts.pageTitle')}</Link>
      </p>
      <h1>
        {t('preparation.board.title')}: <Name>{b.round.name}</Name>
      </h1>
      {b.promptCount === 0 ? (
        <p className="notice">
          {t('preparation.board.noPrompts')} <Link to={`/classes/${id}/preparation/${roundId}`}>{t('preparation.board.writePrompts')}</Link>
        </p>
      ) : null}
      <ul className="plain-list row prep-tally" aria-label={t('preparation.board.summary')}>
        {order.map((s) => (
          <li key={s} className={`badge prep-status-${s}`}>
            <span aria-hidden="true">{statusIcon[s]}</span> {t(`preparation.status.${s}`)}: {b.tally[s] ?? 0}
          </li>
        ))}
      </ul>
      <ul className="prep-board">
        {[...b.students]
          .sort((x, y) => order.indexOf(x.readiness.status) - order.indexOf(y.readiness.status))
          .map((s) => (
            <li key={s.id} className={`card prep-child prep-status-${s.readiness.status}`}>
              <div className="prep-child-head">
                <PictureGlyph name={s.avatar as AvatarKey} size="md" />
                <h2 className="card-title">
                  <Link to={`/students/${s.id}/preparation/${roundId}`}>
                    <Name>
                      {s.givenName} {s.familyName}
                    </Name>
                  </Link>
                </h2>
                <span className={`badge prep-status-${s.readiness.status}`}>
                  <span aria-hidden="true">{statusIcon[s.readiness.status]}</span> {t(`preparation.status.${s.readiness.status}`)}
                </span>
              </div>
              <dl className="prep-progress">
                <dt>{t('preparation.board.picked')}</dt>
                <dd>{t('preparation.board.outOf', { done: s.readiness.picked, total: s.readiness.toPick })}</dd>
                <dt>{t('preparation.board.reflected')}</dt>
                <dd>{t('preparation.board.outOf', { done: s.readiness.answered, total: s.readiness.toAnswer })}</dd>
                <dt>{t('preparation.board.goal')}</dt>
                <dd>{s.readiness.goalSet ? t('preparation.board.goalSet') : t('preparation.board.goalNotSet')}</dd>
              </dl>
              {s.scaffoldingNote ? (
                <p className="prep-note">
                  <strong>{t('preparation.board.note')}</strong> <span data-content>{s.scaffoldingNote}</span>
                </p>
              ) : null}
            </li>
          ))}
      </ul>
    </div>
  );
}

// ---- a child's preparation --------------------------------------------------------------------

/** Everything under /students/:id/preparation. */
export function StudentPreparationArea() {
  return (
    <Routes>
      <Route index element={<StudentRounds />} />
      <Route path=":roundId" element={<ChildPreparationPage />} />
    </Routes>
  );
}

function StudentRounds() {
  const t = useT();
  const { id } = useParams();
  const dates = useDateRange();
  const rounds = useApi<{ rounds: Array<RoundView & { promptCount: number; readiness: ChildPreparation['readiness'] | null }> }>(`/api/students/${id}/rounds`);
  if (rounds.status === 'loading') return <Loading />;
  if (rounds.status === 'error') return <ErrorNotice error={rounds.error} />;
  const open = rounds.data.rounds.filter((r) => r.promptCount > 0);
  const current = currentRound(open, todayIso());
  if (open.length === 1 && current) return <Navigate to={`/students/${id}/preparation/${current.id}`} replace />;
  return (
    <div className="narrow">
      <h1>{t('preparation.child.roundsTitle')}</h1>
      {open.length === 0 ? <p className="empty">{t('preparation.child.nothingYet')}</p> : null}
      <ul className="stack-list">
        {open.map((r) => (
          <li key={r.id} className="card">
            <h2 className="card-title">
              <Link to={`/students/${id}/preparation/${r.id}`}>
                <Name>{r.name}</Name>
              </Link>
            </h2>
            <p className="card-meta">
              <span translate="no">{dates(r.startsOn, r.endsOn)}</span>
              {r.readiness ? ` · ${t(`preparation.status.${r.readiness.status}`)}` : null}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ChildPreparationPage() {
  const t = useT();
  const { id, roundId } = useParams();
  const prep = useApi<ChildPreparation>(`/api/students/${id}/rounds/${roundId}/preparation`);
  const student = useApi<StudentDetail>(`/api/students/${id}`);
  if (prep.status === 'loading' || student.status === 'loading') return <Loading />;
  if (prep.status === 'error') return <ErrorNotice error={prep.error} />;
  if (student.status === 'error') return <ErrorNotice error={student.error} />;
  const p = prep.data;
  const r = p.readiness;
  const schoolId = student.data.schoolId;
  return (
    <div className="narrow prep prep-child-page">
      <p className="breadcrumb">
        <Link to="/">{t('app.nav.home')}</Link>
        {p.can.review ? (
          <>
            {' › '}
            <Link to={`/students/${id}`}>
              <Name>
                {p.student.givenName} {p.student.familyName}
              </Name>
            </Link>
          </>
        ) : null}
      </p>
      <h1>
        {p.can.prepare ? t('preparation.child.title') : t('preparation.child.titleFor', { name: p.student.givenName })}: <Name>{p.round.name}</Name>
      </h1>
      <ul className="plain-list prep-steps" aria-label={t('preparation.child.progress')}>
        <li className={r.picked === r.toPick && r.toPick > 0 ? 'prep-step-done' : ''}>
          <span aria-hidden="true">{r.picked === r.toPick && r.toPick > 0 ? '✅' : '1️⃣'}</span> {t('preparation.child.stepPick', { done: r.picked, total: r.toPick })}
        </li>
        <li className={r.answered === r.toAnswer && r.toAnswer > 0 ? 'prep-step-done' : ''}>
          <span aria-hidden="true">{r.answered === r.toAnswer && r.toAnswer > 0 ? '✅' : '2️⃣'}</span> {t('preparation.child.stepAnswer', { done: r.answered, total: r.toAnswer })}
        </li>
        <li className={r.goalSet ? 'prep-step-done' : ''}>
          <span aria-hidden="true">{r.goalSet ? '✅' : '3️⃣'}</span> {r.goalSet ? t('preparation.child.stepGoalDone') : t('preparation.child.stepGoal')}
        </li>
      </ul>
      {r.status === 'ready' ? (
        <p className="notice notice-ok" role="status">
          {p.can.prepare ? t('preparation.child.ready') : t('preparation.child.readyFor', { name: p.student.givenName })}
        </p>
      ) : null}
      {p.scaffoldingNote && p.can.prepare ? (
        <div className="notice prep-scaffold">
          <p>
            <strong>{t('preparation.child.teacherSays')}</strong>
          </p>
          <p data-content dir="auto">
            {p.scaffoldingNote}
          </p>
        </div>
      ) : null}
      {p.prompts.length === 0 ? <p className="empty">{t('preparation.child.nothingYet')}</p> : null}
      {p.prompts.map((prompt) => (
        <PromptSection key={prompt.id} prep={p} prompt={prompt} studentId={id as string} roundId={roundId as string} schoolId={schoolId} onChanged={prep.reload} />
      ))}
      <GoalStep prep={p} studentId={id as string} roundId={roundId as string} />
      {p.can.prepare ? <HelpButton prep={p} studentId={id as string} roundId={roundId as string} onChanged={prep.reload} /> : null}
      {p.can.review ? <TeacherNote prep={p} studentId={id as string} roundId={roundId as string} onChanged={prep.reload} /> : null}
    </div>
  );
}

function PromptSection({ prep, prompt, studentId, roundId, schoolId, onChanged }: { prep: ChildPreparation; prompt: ChildPreparation['prompts'][number]; studentId: string; roundId: string; schoolId: string; onChanged(): void }) {
  const t = useT();
  const { locale } = useI18n();
  const headingId = useId();
  const [choosing, setChoosing] = useState(false);
  const title = localized(prompt.title, locale, prep.schoolLocale);
  return (
    <section className="card prep-prompt" aria-labelledby={headingId}>
      <h2 id={headingId} lang={title.lang} data-content>
        {title.text}
      </h2>
      <p className="card-meta">{t('preparation.child.pick', { count: prompt.pickCount })}</p>
      {prompt.selections.map((s) => (
        <PickedPiece key={s.id} prep={prep} prompt={prompt} selection={s} schoolId={schoolId} onChanged={onChanged} />
      ))}
      {prep.can.prepare ? (
        choosing ? (
          <PiecePicker
            studentId={studentId}
            pickCount={prompt.pickCount}
            chosen={prompt.selections.map((s) => s.post.id)}
            onCancel={() => setChoosing(false)}
            onSave={async (postIds) => {
              await api('PUT', `/api/students/${studentId}/rounds/${roundId}/prompts/${prompt.id}/picks`, { postIds });
              setChoosing(false);
              onChanged();
            }}
          />
        ) : (
          <button type="button" className="button button-big" onClick={() => setChoosing(true)}>
            <span aria-hidden="true">👆</span> {prompt.selections.length ? t('preparation.child.changePick') : t('preparation.child.choose')}
          </button>
        )
      ) : prompt.selections.length === 0 ? (
        <p className="empty">{t('preparation.child.notPicked')}</p>
      ) : null}
    </section>
  );
}

/** All of the child's approved work, page after page (a portfolio of a year can hold more than one page). */
function useApprovedPosts(studentId: string) {
  const [state, setState] = useState<{ posts: Timeline['posts'] | null; error: unknown }>({ posts: null, error: null });
  useEffect(() => {
    let live = true;
    (async () => {
      const all: Timeline['posts'] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 40; page++) {
        const q = new URLSearchParams({ status: 'approved' });
        if (cursor) q.set('cursor', cursor);
        const res: Timeline = await api<Timeline>('GET', `/api/students/${studentId}/posts?${q}`);
        // A family's reflection on the portfolio is theirs, not a piece of the child's work to present.
        all.push(...res.posts.filter((p) => p.author.role !== 'guardian'));
        cursor = res.nextCursor;
        if (!cursor) break;
      }
      if (live) setState({ posts: all, error: null });
    })().catch((error: unknown) => live && setState({ posts: null, error }));
    return () => {
      live = false;
    };
  }, [studentId]);
  return state;
}

/** A grid of the child's approved posts to choose from; big targets, pressed state read out. */
function PiecePicker({ studentId, pickCount, chosen, onSave, onCancel }: { studentId: string; pickCount: number; chosen: string[]; onSave(postIds: string[]): Promise<void>; onCancel(): void }) {
  const t = useT();
  const approved = useApprovedPosts(studentId);
  const [picked, setPicked] = useState<string[]>(chosen);
  const [full, setFull] = useState(false);
  const { busy, error, run } = useAction();
  if (approved.error) return <ErrorNotice error={approved.error} />;
  if (!approved.posts) return <Loading />;
  const posts = approved.posts;
  // A piece picked before but no longer approved cannot stay picked (and is not shown to pick).
  const mine = picked.filter((id) => posts.some((p) => p.id === id));
  const toggle = (postId: string) => {
    setFull(false);
    if (mine.includes(postId)) return setPicked(mine.filter((x) => x !== postId));
    if (pickCount === 1) return setPicked([postId]);
    if (mine.length < pickCount) return setPicked([...mine, postId]);
    setFull(true);
  };
  return (
    <div className="prep-picker">
      <p className="hint" role="status">
        {full ? t('preparation.child.pickedFull', { total: pickCount }) : t('preparation.child.pickedOf', { done: mine.length, total: pickCount })}
      </p>
      {posts.length === 0 ? <p className="empty">{t('preparation.child.noApproved')}</p> : null}
      <ul className="prep-picker-grid">
        {posts.map((post) => {
          const cover = post.items.find((i) => (i.kind === 'photo' || i.kind === 'drawing') && i.media)?.media ?? null;
          const on = mine.includes(post.id);
          return (
            <li key={post.id}>
              <button type="button" className={`prep-pick ${on ? 'prep-pick-on' : ''}`} aria-pressed={on} onClick={() => toggle(post.id)}>
                <PieceThumb post={{ id: post.id, caption: post.caption, createdAt: post.createdAt, cover, firstKind: post.items[0]?.kind ?? 'text', firstText: post.items.find((i) => i.text)?.text ?? null }} />
                <span className="prep-pick-mark" aria-hidden="true">
                  {on ? '✔' : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {error ? <ErrorNotice error={error} /> : null}
      <div className="row">
        <button type="button" className="button button-primary button-big" aria-disabled={busy || undefined} onClick={() => !busy && void run(() => onSave(mine))}>
          {t('preparation.child.savePick')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('preparation.prompts.cancel')}
        </button>
      </div>
    </div>
  );
}

function GoalStep({ prep, studentId, roundId }: { prep: ChildPreparation; studentId: string; roundId: string }) {
  const t = useT();
  return (
    <section className="card prep-goal" aria-labelledby="prep-goal">
      <h2 id="prep-goal">
        <span aria-hidden="true">🎯</span> {prep.can.prepare ? t('preparation.goal.titleMine') : t('preparation.goal.title')}
      </h2>
      {prep.goals.length === 0 ? <p>{t('preparation.goal.none')}</p> : null}
      <ul className="plain-list">
        {prep.goals.map((g) => (
          <li key={g.id}>
            <span data-content dir="auto">
              {g.what}
            </span>{' '}
            {g.childCommitted ? <span className="badge badge-ok">{t('preparation.goal.committed')}</span> : <span className="badge badge-warning">{t('preparation.goal.notCommitted')}</span>}
          </li>
        ))}
      </ul>
      <p className="row">
        {prep.can.prepare || prep.can.review ? (
          <Link className="button button-big" to={`/students/${studentId}/goals/new?round=${roundId}`}>
            {prep.goals.length ? t('preparation.goal.another') : t('preparation.goal.set')}
          </Link>
        ) : null}
        {prep.goals.length ? (
          <Link className="button" to={`/students/${studentId}/goals`}>
            {t('preparation.goal.open')}
          </Link>
        ) : null}
      </p>
    </section>
  );
}

function HelpButton({ prep, studentId, roundId, onChanged }: { prep: ChildPreparation; studentId: string; roundId: string; onChanged(): void }) {
  const t = useT();
  const { busy, error, run } = useAction();
  const asked = prep.readiness.needsHelp;
  return (
    <section className="prep-help">
      <button
        type="button"
        className="button button-big"
        aria-pressed={asked}
        aria-disabled={busy || undefined}
        onClick={() =>
          !busy &&
          void run(async () => {
            await api('PUT', `/api/students/${studentId}/rounds/${roundId}/help`, { needsHelp: !asked });
            onChanged();
          })
        }
      >
        <span aria-hidden="true">✋</span> {t('preparation.help.ask')}
      </button>
      {asked ? <p className="hint">{t('preparation.help.asked')}</p> : null}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}

function TeacherNote({ prep, studentId, roundId, onChanged }: { prep: ChildPreparation; studentId: string; roundId: string; onChanged(): void }) {
  const t = useT();
  const id = useId();
  const [note, setNote] = useState(prep.scaffoldingNote ?? '');
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  return (
    <section className="card prep-teacher" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('preparation.review.title')}</h2>
      <Switch
        checked={prep.readiness.needsHelp}
        busy={busy}
        label={t('preparation.review.needsHelp')}
        onToggle={(next) =>
          void run(async () => {
            await api('PUT', `/api/students/${studentId}/rounds/${roundId}/note`, { needsHelp: next });
            onChanged();
          })
        }
      />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (busy) return;
          void run(async () => {
            await api('PUT', `/api/students/${studentId}/rounds/${roundId}/note`, { scaffoldingNote: note || null });
            setSaved(t('preparation.review.noteSaved'));
            onChanged();
          });
        }}
      >
        <div className="field">
          <label htmlFor={id}>{t('preparation.review.note')}</label>
          <p className="hint" id={`${id}-hint`}>
            {t('preparation.review.noteHint')}
          </p>
          <textarea id={id} rows={3} dir="auto" data-content aria-describedby={`${id}-hint`} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('preparation.review.saveNote')}
        </button>
        <Saved message={saved} />
      </form>
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}

/**
 * Reflections after a conference.
 *   /conferences/:id/survey — the child's and each guardian's own survey, phone first, in their
 *     language: "Was it worthwhile?" as five faces, then what they learned and what would make it
 *     better (typed; optional). The child's faces are big and say their words aloud; a guardian
 *     can then post a reflection to the child's portfolio, as the family's.
 *   /classes/:id/surveys — a class's results for a round (the teacher), with a chart and comments.
 *   /school/rounds/:id/surveys — every class of a round and the totals (the admin).
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { ClassSurveysView, RoundSurveysView, SurveyView } from '../../contracts/surveys';
import { FAMILY_REFLECTION_MAX, SURVEY_TEXT_MAX, type Rating } from '../../domain/conference/survey';
import { Saved } from '../components/forms';
import { ErrorNotice, FieldShell, fieldError, Loading, Name } from '../components/ui';
import { useZoneFormat } from '../features/rounds/use-zone-format';
import { RatingFaces } from '../features/surveys/faces';
import { Comments, Summaries, SummaryFacts } from '../features/surveys/results';
import { api } from '../lib/api';
import { useI18n, useT } from '../lib/i18n';
import { useAction, useApi } from '../lib/use-api';
import '../styles/surveys.css';

function Failed({ title, error }: { title: string; error: unknown }) {
  return (
    <div className="narrow">
      <h1>{title}</h1>
      <ErrorNotice error={error} />
    </div>
  );
}

// ---- the survey

export function SurveyPage() {
  const t = useT();
  const { id } = useParams();
  const survey = useApi<SurveyView>(id ? `/api/conferences/${id}/survey` : null);
  if (survey.status === 'loading') return <Loading />;
  if (survey.status === 'error') return <Failed title={t('surveys.page.loading_title')} error={survey.error} />;
  return <Survey view={survey.data} onSaved={survey.replace} />;
}

function Survey({ view, onSaved }: { view: SurveyView; onSaved(v: SurveyView): void }) {
  const t = useT();
  const fmt = useZoneFormat(view.timeZone);
  const child = view.student.givenName;
  const student = view.role === 'student';
  return (
    <div className={`narrow sv-page sv-page-${view.role}`}>
      <h1>{student ? t('surveys.page.title_student') : t('surveys.page.title_guardian', { child })}</h1>
      <p className="lead">{t('surveys.page.with', { teacher: view.teacher.name, date: fmt.when(view.startsAt) })}</p>
      {!view.canAnswer ? (
        <p className="notice">{view.status === 'ended' ? t('surveys.page.no_show') : t('surveys.page.not_yet')}</p>
      ) : (
        <>
          <p>{student ? t('surveys.page.intro_student') : t('surveys.page.intro_guardian', { teacher: view.teacher.name })}</p>
          <AnswerForm view={view} onSaved={onSaved} />
          {view.canReflect ? <FamilyReflection view={view} /> : null}
        </>
      )}
    </div>
  );
}

function AnswerForm({ view, onSaved }: { view: SurveyView; onSaved(v: SurveyView): void }) {
  const t = useT();
  const { intlLocale } = useI18n();
  const student = view.role === 'student';
  const child = view.student.givenName;
  const [rating, setRating] = useState<Rating | null>((view.answer?.worthwhile as Rating | undefined) ?? null);
  const [learned, setLearned] = useState(view.answer?.learned ?? '');
  const [better, setBetter] = useState(view.answer?.better ?? '');
  const [saved, setSaved] = useState(false);
  const [missing, setMissing] = useState(false);
  const { busy, error, run } = useAction();
  const firstFace = useRef<HTMLDivElement>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    if (rating === null) {
      setMissing(true);
      firstFace.current?.querySelector('input')?.focus();
      return;
    }
    setMissing(false);
    void run(async () => {
      onSaved(await api<SurveyView>('PUT', `/api/conferences/${view.conferenceId}/survey`, { worthwhile: rating, learned, better }));
      setSaved(true);
    });
  }

  const ratingError = missing ? t('errors.fields.required') : fieldError(t, error, 'worthwhile');
  const answeredOn = view.answer ? new Intl.DateTimeFormat(intlLocale, { dateStyle: 'long', timeZone: view.timeZone }).format(new Date(view.answer.updatedAt)) : null;
  return (
    <form className="sv-form" onSubmit={submit} noValidate>
      <div ref={firstFace}>
        <RatingFaces
          role={view.role}
          question={student ? t('surveys.question.worthwhile_student') : t('surveys.question.worthwhile_guardian')}
          value={rating}
          onChange={(r) => {
            setRating(r);
            setMissing(false);
          }}
          error={ratingError}
        />
      </div>
      <Words
        label={student ? t('surveys.question.learned_student') : t('surveys.question.learned_guardian')}
        hint={student ? t('surveys.question.words_student_hint') : t('surveys.question.learned_guardian_hint', { child })}
        value={learned}
        onChange={setLearned}
        error={fieldError(t, error, 'learned')}
        big={student}
      />
      <Words
        label={student ? t('surveys.question.better_student') : t('surveys.question.better_guardian')}
        hint={student ? undefined : t('surveys.question.better_guardian_hint')}
        value={better}
        onChange={setBetter}
        error={fieldError(t, error, 'better')}
        big={student}
      />
      {error && !fieldError(t, error, 'learned') && !fieldError(t, error, 'better') && !fieldError(t, error, 'worthwhile') ? <ErrorNotice error={error} /> : null}
      <button type="submit" className={student ? 'button button-big' : 'button button-primary'} disabled={busy}>
        {view.answer ? t('surveys.form.save_changes') : t('surveys.form.send')}
      </button>
      <Saved message={saved ? (student ? t('surveys.form.saved_student', { name: child }) : t('surveys.form.saved_guardian')) : null} />
      {!saved && answeredOn ? <p className="hint">{t('surveys.form.answered', { date: answeredOn })}</p> : null}
    </form>
  );
}

function Words({ label, hint, value, onChange, error, big }: { label: string; hint?: string | undefined; value: string; onChange(v: string): void; error?: string | undefined; big: boolean }) {
  return (
    <FieldShell label={label} hint={hint} error={error}>
      {(control) => <textarea {...control} className={big ? 'sv-words sv-words-big' : 'sv-words'} rows={big ? 2 : 3} maxLength={SURVEY_TEXT_MAX} value={value} onChange={(e) => onChange(e.target.value)} dir="auto" data-content />}
    </FieldShell>
  );
}

function FamilyReflection({ view }: { view: SurveyView }) {
  const t = useT();
  const child = view.student.givenName;
  const headingId = useId();
  const [text, setText] = useState('');
  const [posted, setPosted] = useState(false);
  const { busy, error, run } = useAction();
  function submit(e: FormEvent) {
    e.preventDefault();
    setPosted(false);
    void run(async () => {
      await api('POST', `/api/conferences/${view.conferenceId}/family-reflection`, { text });
      setText('');
      setPosted(true);
    });
  }
  return (
    <section className="card sv-reflection" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('surveys.reflection.title', { child })}</h2>
      <form onSubmit={submit} noValidate>
        <FieldShell label={t('surveys.reflection.label')} hint={t('surveys.reflection.hint', { child })} error={fieldError(t, error, 'text')}>
          {(control) => <textarea {...control} rows={4} maxLength={FAMILY_REFLECTION_MAX} value={text} onChange={(e) => setText(e.target.value)} dir="auto" data-content />}
        </FieldShell>
        {error && !fieldError(t, error, 'text') ? <ErrorNotice error={error} /> : null}
        <button type="submit" className="button" disabled={busy}>
          {t('surveys.reflection.post')}
        </button>
      </form>
      <Saved message={posted ? t('surveys.reflection.posted', { child }) : null}>
        {posted ? <Link to={`/students/${view.student.id}/portfolio`}>{t('surveys.reflection.see')}</Link> : null}
      </Saved>
    </section>
  );
}

// ---- results

export function ClassSurveysPage() {
  const t = useT();
  const { id } = useParams();
  const [search, setSearch] = useSearchParams();
  const roundId = search.get('roundId');
  const results = useApi<ClassSurveysView>(id ? `/api/classes/${id}/surveys${roundId ? `?roundId=${encodeURIComponent(roundId)}` : ''}` : null);
  if (results.status === 'loading') return <Loading />;
  if (results.status === 'error') return <Failed title={t('surveys.results.title_plain')} error={results.error} />;
  const v = results.data;
  return (
    <div className="sv-results">
      <p className="breadcrumb">
        <Link to={`/classes/${v.class.id}`}>
          <Name>{v.class.name}</Name>
        </Link>
      </p>
      <h1>{t('surveys.results.title_class', { name: v.class.name })}</h1>
      <p className="lead">{t('surveys.results.intro')}</p>
      {v.round === null ? (
        <p className="notice">{t('surveys.results.no_rounds')}</p>
      ) : (
        <>
          {v.rounds.length > 1 ? <RoundChooser key={v.round.id} rounds={v.rounds} current={v.round.id} onChoose={(r) => setSearch({ roundId: r })} /> : <p className="sv-round-name"><Name>{v.round.name}</Name></p>}
          <Summaries summary={v.summary} />
          <Comments comments={v.comments} />
        </>
      )}
    </div>
  );
}

/** Another round: a select and a button (nothing changes until the button is pressed). */
function RoundChooser({ rounds, current, onChoose }: { rounds: ClassSurveysView['rounds']; current: string; onChoose(id: string): void }) {
  const t = useT();
  const [chosen, setChosen] = useState(current);
  const selectId = useId();
  return (
    <form
      className="sv-round-chooser"
      onSubmit={(e) => {
        e.preventDefault();
        onChoose(chosen);
      }}
    >
      <label htmlFor={selectId}>{t('surveys.results.round_label')}</label>
      <select id={selectId} value={chosen} onChange={(e) => setChosen(e.target.value)}>
        {rounds.map((r) => (
          <option key={r.id} value={r.id} translate="no">
            {r.name}
          </option>
        ))}
      </select>
      <button type="submit" className="button">
        {t('surveys.results.show')}
      </button>
    </form>
  );
}

export function RoundSurveysPage() {
  const t = useT();
  const { id } = useParams();
  const results = useApi<RoundSurveysView>(id ? `/api/rounds/${id}/surveys` : null);
  if (results.status === 'loading') return <Loading />;
  if (results.status === 'error') return <Failed title={t('surveys.results.title_plain')} error={results.error} />;
  const v = results.data;
  return (
    <div className="sv-results">
      <p className="breadcrumb">
        <Link to="/school/rounds">{t('surveys.results.rounds_link')}</Link>
      </p>
      <h1>{t('surveys.results.title_round', { name: v.round.name })}</h1>
      <p className="lead">{t('surveys.results.intro')}</p>
      <section aria-labelledby="sv-totals">
        <h2 id="sv-totals">{t('surveys.results.totals')}</h2>
        <Summaries summary={v.totals} level={3} />
      </section>
      <h2>{t('surveys.results.classes')}</h2>
      {v.classes.map((c) => (
        <ClassResults key={c.class.id} entry={c} />
      ))}
    </div>
  );
}

function ClassResults({ entry }: { entry: RoundSurveysView['classes'][number] }) {
  const t = useT();
  const headingId = useId();
  return (
    <section className="sv-class" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <Link to={`/classes/${entry.class.id}/surveys`}>
          <Name>{entry.class.name}</Name>
        </Link>
      </h3>
      <SummaryFacts summary={entry.summary.all} />
      <details className="sv-class-details">
        <summary>{t('surveys.results.details', { count: entry.comments.length })}</summary>
        <Summaries summary={entry.summary} level={4} />
        <Comments comments={entry.comments} level={4} />
      </details>
    </section>
  );
}

/**
 * One pupil conference as its readers see it: the picture it started from, the child's words (and
 * voice), think pink, what gets in the way, the next steps (ticked off, or made into a goal), the
 * work and goals it points at, the follow-up, and who conferenced. The child reads it in their own
 * words ("What you said"); a pupil conferencer's note waiting for review has Approve and Return.
 */
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { PupilConferenceView, StepView } from '../../../contracts/conferencing';
import { NOTE_MAX } from '../../../domain/conferencing/log';
import { Saved } from '../../components/forms';
import { ErrorNotice, FieldShell, Name, fieldError } from '../../components/ui';
import { api } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useAction } from '../../lib/use-api';
import { MediaDisplay } from '../portfolio/media';
import { Day, People, daysBetween, PieceList } from './text';

/** Who is reading: the child's teachers, the child, the pupil who wrote it, or the family. */
export type Reader = 'staff' | 'child' | 'author' | 'family';

export function ConferenceRecord({ view, reader, today, onChanged }: { view: PupilConferenceView; reader: Reader; today: string; onChanged(): void }) {
  const t = useT();
  const [saved, setSaved] = useState<string | null>(null);
  const name = view.student.givenName;
  const child = reader === 'child';
  const ids = useId();
  const w = (staffKey: string, childKey: string, values: Record<string, string | number> = {}) => t(child ? childKey : staffKey, { name, ...values });
  const canTick = (s: StepView) => view.can.edit || (child && s.owner === 'child' && view.status === 'published');
  const late = view.followUpOn ? daysBetween(view.followUpOn, today) : 0;
  const staffPeople = view.conferencers.filter((c) => c.role !== 'pupil');
  const pupils = view.conferencers.filter((c) => c.role === 'pupil');

  return (
    <div className={`cf-record${child ? ' cf-record-child' : ''}`}>
      {view.status === 'returned' && view.reviewComment ? (
        <div className="notice notice-return">
          <strong>{t('conferencing.record.returnedBecause')}</strong>{' '}
          <span dir="auto" data-content>
            {view.reviewComment}
          </span>
        </div>
      ) : null}
      <Saved message={saved} />
      {view.can.review ? <Review view={view} onDone={(message) => (setSaved(message), onChanged())} /> : null}

      <div className="cf-record-top">
        {view.stimulus ? (
          <figure className="cf-record-picture">
            <MediaDisplay media={view.stimulus} label={w('conferencing.record.stimulusAlt', 'conferencing.record.stimulusAltChild')} large />
            <figcaption>{w('conferencing.record.stimulus', 'conferencing.record.stimulusChild')}</figcaption>
          </figure>
        ) : null}
        <div className="cf-record-main">
          {view.focus ? (
            <p className="cf-focus">
              <strong>{t('conferencing.record.focus')}</strong>{' '}
              <span dir="auto" data-content>
                {view.focus}
              </span>
            </p>
          ) : null}
          {view.childWords || view.childWordsAudio ? (
            <section aria-labelledby={`${ids}-words`} className="cf-words-said">
              <h2 id={`${ids}-words`}>{w('conferencing.record.words', 'conferencing.record.wordsChild')}</h2>
              {view.childWords ? (
                <blockquote className="cf-quote" dir="auto" data-content>
                  {view.childWords}
                </blockquote>
              ) : null}
              {view.childWordsAudio ? <MediaDisplay media={view.childWordsAudio} label={w('conferencing.record.audioLabel', 'conferencing.record.audioLabelChild')} /> : null}
            </section>
          ) : null}
        </div>
      </div>

      {view.strengths ? (
        <section aria-labelledby={`${ids}-pink`} className="cf-box cf-box-pink">
          <h2 id={`${ids}-pink`}>{w('conferencing.record.strengths', 'conferencing.record.strengthsChild')}</h2>
          <p className="cf-text" dir="auto" data-content>
            {view.strengths}
          </p>
        </section>
      ) : null}
      {view.barriers ? (
        <section aria-labelledby={`${ids}-barriers`} className="cf-box">
          <h2 id={`${ids}-barriers`}>{w('conferencing.record.barriers', 'conferencing.record.barriersChild')}</h2>
          <p className="cf-text" dir="auto" data-content>
            {view.barriers}
          </p>
        </section>
      ) : null}

      <section aria-labelledby={`${ids}-steps`} className="cf-box cf-box-green">
        <h2 id={`${ids}-steps`}>{w('conferencing.record.steps', 'conferencing.record.stepsChild')}</h2>
        {view.steps.length === 0 ? <p className="empty">{t('conferencing.record.noSteps')}</p> : null}
        <ul className="cf-steps">
          {view.steps.map((s) => (
            <Step key={s.id} step={s} view={view} child={child} canTick={canTick(s)} onChanged={onChanged} onSaved={setSaved} />
          ))}
        </ul>
      </section>

      {view.posts.length ? (
        <section aria-labelledby={`${ids}-posts`}>
          <h2 id={`${ids}-posts`}>{w('conferencing.record.posts', 'conferencing.record.postsChild')}</h2>
          <PieceList posts={view.posts} untitled={t('conferencing.log.untitled')} />
        </section>
      ) : null}
      {view.goals.length ? (
        <section aria-labelledby={`${ids}-goals`}>
          <h2 id={`${ids}-goals`}>{w('conferencing.record.goals', 'conferencing.record.goalsChild')}</h2>
          <ul className="plain-list">
            {view.goals.map((g) => (
              <li key={g.id}>
                <Link to={`/students/${view.student.id}/goals/${g.id}`} dir="auto" data-content>
                  {g.what}
                </Link>{' '}
                <span className={`badge goal-status goal-status-${g.status}`}>{t(`goals.status.${g.status}`)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby={`${ids}-facts`}>
        <h2 id={`${ids}-facts`}>{t('conferencing.record.facts')}</h2>
        <dl className="cf-facts">
          <div>
            <dt>{t('conferencing.record.heldOn')}</dt>
            <dd>
              <Day iso={view.heldOn} style="long" />
            </dd>
          </div>
          <div>
            <dt>{t('conferencing.record.type')}</dt>
            <dd>{t(`conferencing.type.${view.type}`)}</dd>
          </div>
          {view.stage ? (
            <div>
              <dt>{t('conferencing.record.stage')}</dt>
              <dd>
                <Name>{view.stage}</Name>
              </dd>
            </div>
          ) : null}
          {staffPeople.length ? (
            <div>
              <dt>{t('conferencing.record.staff')}</dt>
              <dd>
                <People people={staffPeople} />
              </dd>
            </div>
          ) : null}
          {pupils.length ? (
            <div>
              <dt>{t('conferencing.record.pupils')}</dt>
              <dd>
                <People people={pupils} />
              </dd>
            </div>
          ) : null}
          {view.group.length ? (
            <div>
              <dt>{t('conferencing.record.group')}</dt>
              <dd>
                {view.group.map((g, i) => (
                  <span key={g.id}>
                    {i > 0 ? ', ' : ''}
                    <Link to={`/students/${g.id}/conferences`}>
                      <Name>
                        {g.givenName} {g.familyName}
                      </Name>
                    </Link>
                  </span>
                ))}
              </dd>
            </div>
          ) : null}
          {view.followUpOn ? (
            <div>
              <dt>{t('conferencing.record.followUp')}</dt>
              <dd>
                <Day iso={view.followUpOn} style="long" />
                {reader === 'staff' && late > 0 ? <span className="badge badge-error cf-late">{t('conferencing.record.overdue', { days: late })}</span> : null}
              </dd>
            </div>
          ) : null}
        </dl>
      </section>
    </div>
  );
}

function Step({ step, view, child, canTick, onChanged, onSaved }: { step: StepView; view: PupilConferenceView; child: boolean; canTick: boolean; onChanged(): void; onSaved(message: string): void }) {
  const t = useT();
  const tick = useAction();
  const goal = useAction();
  const [done, setDone] = useState(step.done);
  const id = useId();
  const meta = (
    <span className="cf-step-meta-text">
      {t(child ? `conferencing.ownerChild.${step.owner}` : `conferencing.owner.${step.owner}`)}
      {step.dueOn ? (
        <>
          {' · '}
          {t('conferencing.record.by')} <Day iso={step.dueOn} />
        </>
      ) : null}
    </span>
  );
  return (
    <li className={`cf-step${done ? ' cf-step-done' : ''}`}>
      {canTick ? (
        <label className="cf-step-tick">
          <input
            type="checkbox"
            checked={done}
            aria-describedby={`${id}-meta`}
            aria-disabled={tick.busy || undefined}
            onChange={(e) => {
              if (tick.busy) return;
              const next = e.target.checked;
              setDone(next);
              void tick.run(async () => {
                try {
                  await api('PATCH', `/api/pupil-conferences/${view.id}/steps/${step.id}`, { done: next });
                } catch (err) {
                  setDone(!next);
                  throw err;
                }
                onSaved(next ? t(child ? 'conferencing.record.doneChild' : 'conferencing.record.done') : t('conferencing.record.notDone'));
              });
            }}
          />
          <span dir="auto" data-content className="cf-step-text">
            {step.text}
          </span>
        </label>
      ) : (
        <p className="cf-step-tick">
          <span aria-hidden="true" className="cf-step-mark">
            {done ? '✓' : '○'}
          </span>
          <span dir="auto" data-content className="cf-step-text">
            {step.text}
          </span>
          {done ? <span className="visually-hidden">{t('conferencing.record.stepDone')}</span> : null}
        </p>
      )}
      <p id={`${id}-meta`} className="cf-step-about">
        {meta}
      </p>
      {step.goalId ? (
        <p className="cf-step-goal">
          <Link to={`/students/${view.student.id}/goals/${step.goalId}`}>🎯 {t(child ? 'conferencing.record.seeGoalChild' : 'conferencing.record.seeGoal')}</Link>
        </p>
      ) : view.can.makeGoal ? (
        <button
          type="button"
          className="button button-quiet cf-make-goal"
          aria-describedby={`${id}-meta`}
          aria-disabled={goal.busy || undefined}
          onClick={() =>
            !goal.busy &&
            void goal.run(async () => {
              await api('POST', `/api/pupil-conferences/${view.id}/steps/${step.id}/goal`, {});
              onSaved(t('conferencing.record.goalMade'));
              onChanged();
            })
          }
        >
          🎯 {t(child ? 'conferencing.record.makeGoalChild' : 'conferencing.record.makeGoal')}
        </button>
      ) : null}
      <ErrorNotice error={tick.error ?? goal.error} />
    </li>
  );
}

function Review({ view, onDone }: { view: PupilConferenceView; onDone(message: string): void }) {
  const t = useT();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const { busy, error, run } = useAction();
  const author = view.author ? `${view.author.givenName} ${view.author.familyName}` : '';
  return (
    <section className="cf-review" aria-labelledby="cf-review-title">
      <h2 id="cf-review-title">{t('conferencing.review.title')}</h2>
      <p>{t('conferencing.review.lead', { author, name: view.student.givenName })}</p>
      <div className="row row-tight">
        <button
          type="button"
          className="button button-primary"
          aria-disabled={busy || undefined}
          onClick={() =>
            !busy &&
            void run(async () => {
              await api('POST', `/api/pupil-conferences/${view.id}/review`, { decision: 'approve' });
              onDone(t('conferencing.review.approved', { name: view.student.givenName }));
            })
          }
        >
          ✓ {t('conferencing.review.approve')}
        </button>
        {!returning ? (
          <button type="button" className="button" onClick={() => setReturning(true)}>
            {t('conferencing.review.return')}
          </button>
        ) : null}
      </div>
      {returning ? (
        <form
          className="inline-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (busy) return;
            void run(async () => {
              await api('POST', `/api/pupil-conferences/${view.id}/review`, { decision: 'return', comment });
              onDone(t('conferencing.review.returned', { author }));
            });
          }}
        >
          <FieldShell label={t('conferencing.review.comment', { author })} hint={t('conferencing.review.commentHint', { author })} error={fieldError(t, error, 'comment')}>
            {(control) => <textarea {...control} dir="auto" data-content rows={3} maxLength={NOTE_MAX} value={comment} onChange={(e) => setComment(e.target.value)} />}
          </FieldShell>
          <div className="row row-tight">
            <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
              {t('conferencing.review.send')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setReturning(false)}>
              {t('conferencing.common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
      <ErrorNotice error={error} />
    </section>
  );
}

/**
 * The family's phone during the conference, in the guardian's own language: which step the child
 * is on (live), the five question cards with those that fit that step first, and each goal with
 * everyone's commitments and a box for the guardian's own. The cards also print large, two to a
 * page, with nothing else of the page (`PrintableCards`, shown only in print here and on screen on
 * the cards page).
 */
import { useId } from 'react';
import type { ConferenceLive, ConferenceView } from '../../../../contracts/conference';
import { familyCards } from '../../../../domain/conference/prompts';
import { useT } from '../../../lib/i18n';
import { useZoneFormat } from '../../rounds/use-zone-format';
import { commitmentRows, orderedCards, stepIndex } from './agenda-view';
import { CommitmentBox } from './commitment-box';
import { StepCue } from './step-views';
import { cardText, familyStepTitle } from './titles';

export function FamilyConference({ view, live, connected, onChanged }: { view: ConferenceView; live: ConferenceLive; connected: boolean; onChanged(): void }) {
  const t = useT();
  const f = useZoneFormat(view.round.timeZone);
  const name = view.student.givenName;
  const current = live.currentStepId ? view.agenda[stepIndex(view.agenda, live.currentStepId)] : live.status === 'in_progress' ? view.agenda[0] : undefined;
  return (
    <div className="narrow cf-page">
      <div className="cf-screen">
        <h1>{t('presenter.family.title', { name })}</h1>
        <p className="cf-when">
          {t('presenter.family.when', { time: f.range(view.startsAt, view.endsAt), teacher: view.teacher.name })}
        </p>
        <NowShowing view={view} live={live} connected={connected} current={live.status === 'ended' ? undefined : current} />
        {/* Always in this order: a section that moved while someone types in it would lose their focus. */}
        <QuestionCards view={view} kind={live.status === 'ended' ? undefined : current?.kind} />
        <FamilyCommitments view={view} onChanged={onChanged} />
        <section className="card cf-print-tools" aria-label={t('presenter.family.print')}>
          <button type="button" className="button" onClick={() => window.print()}>
            <span aria-hidden="true">🖨️</span> {t('presenter.family.print')}
          </button>
          <p className="hint">{t('presenter.family.print_hint')}</p>
        </section>
      </div>
      <PrintableCards name={name} />
    </div>
  );
}

function NowShowing({ view, live, connected, current }: { view: ConferenceView; live: ConferenceLive; connected: boolean; current: ConferenceView['agenda'][number] | undefined }) {
  const t = useT();
  const id = useId();
  const name = view.student.givenName;
  const number = current ? view.agenda.indexOf(current) + 1 : 0;
  const position = t('presenter.family.step_of', { number, total: view.agenda.length });
  return (
    <section className="card cf-now" aria-labelledby={id}>
      <div className="cf-now-head">
        <h2 id={id}>{t('presenter.family.now_label')}</h2>
        <span className={connected ? 'cf-live cf-live-on' : 'cf-live cf-live-off'}>{connected ? t('presenter.family.live') : t('presenter.family.offline')}</span>
      </div>
      <div className="cf-now-step" role="status">
        {live.status === 'ended' ? (
          <p className="cf-now-text">{t('presenter.family.ended')}</p>
        ) : current ? (
          <>
            <span className="cf-now-cue">
              <StepCue step={current} />
            </span>
            <span>
              <span className="cf-now-text">{t('presenter.family.now_on', { name, step: familyStepTitle(t, current, name) })}</span>
              <span className="cf-now-position">{position}</span>
            </span>
          </>
        ) : (
          <p className="cf-now-text">{t('presenter.family.not_started', { name })}</p>
        )}
      </div>
      {current && <progress className="cf-progress" max={view.agenda.length} value={number} aria-label={position} />}
      {(current?.kind === 'goals' || current?.kind === 'commitments') && view.me.commitmentRole === 'guardian' && view.goals.length > 0 && (
        <p className="cf-write-now">
          <a className="button button-primary" href={`#${COMMITMENTS_ID}`}>
            {t('presenter.family.write_now')}
          </a>
        </p>
      )}
    </section>
  );
}

function QuestionCards({ view, kind }: { view: ConferenceView; kind: ConferenceView['agenda'][number]['kind'] | undefined }) {
  const t = useT();
  const id = useId();
  const name = view.student.givenName;
  const cards = orderedCards(kind);
  return (
    <section className="cf-cards-section" aria-labelledby={id}>
      <h2 id={id}>{t('presenter.family.cards_title', { name })}</h2>
      {cards.some((c) => c.fits) && <p className="hint">{t('presenter.family.cards_hint', { name })}</p>}
      <ul className="cf-cards">
        {cards.map(({ card, fits }) => (
          <li key={card} className={`cf-card${fits ? ' cf-card-fits' : ''}`}>
            <span className="cf-card-icon" aria-hidden="true">
              ❓
            </span>
            <span className="cf-card-text">{cardText(t, card)}</span>
            {fits && <span className="badge cf-fits">{t('presenter.family.fits_now')}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

const roleIcon = { student: '🧒', guardian: '🏠', teacher: '🍎' } as const;

/** The commitments' heading, where "Write your commitment" leads (one family page per screen). */
const COMMITMENTS_ID = 'cf-commitments';

function FamilyCommitments({ view, onChanged }: { view: ConferenceView; onChanged(): void }) {
  const t = useT();
  const name = view.student.givenName;
  const role = (r: 'student' | 'guardian' | 'teacher') => (r === 'student' ? t('conference.roles.student') : r === 'guardian' ? t('conference.roles.guardian') : t('conference.roles.teacher'));
  const mayWrite = view.me.commitmentRole === 'guardian';
  return (
    <section className="cf-goals" aria-labelledby={COMMITMENTS_ID}>
      <h2 id={COMMITMENTS_ID} tabIndex={-1}>
        {t('presenter.family.commitments_title')}
      </h2>
      {view.goals.length === 0 ? (
        <p>{t('presenter.family.no_goals', { name })}</p>
      ) : (
        mayWrite && <p className="hint">{t('presenter.family.commitments_hint', { name })}</p>
      )}
      {view.goals.map((g) => {
        const rows = commitmentRows(view, g);
        const mine = rows.find((r) => r.mine);
        return (
          <article key={g.id} className="card cf-goal" aria-labelledby={`cf-goal-${g.id}`}>
            <h3 id={`cf-goal-${g.id}`}>
              <span aria-hidden="true">🎯</span>{' '}
              <span dir="auto" data-content>
                {g.what}
              </span>
            </h3>
            {g.measure && <p className="cf-measure">{t('presenter.family.measure', { measure: g.measure })}</p>}
            <ul className="cf-commitments">
              {rows
                .filter((r) => !(r.mine && mayWrite))
                .map((r, i) => (
                  <li key={`${r.role}:${r.userId ?? i}`} className={r.text ? 'cf-written' : 'cf-waiting'}>
                    <span aria-hidden="true">{roleIcon[r.role]}</span>{' '}
                    <strong>
                      {r.mine ? t('presenter.family.you') : t('presenter.family.row', { role: role(r.role), name: r.name })}
                    </strong>
                    {': '}
                    {r.text ? (
                      <span dir="auto" data-content>
                        {r.text}
                      </span>
                    ) : (
                      <em>{t('presenter.family.not_yet')}</em>
                    )}
                  </li>
                ))}
            </ul>
            {mayWrite && (
              <CommitmentBox
                goalId={g.id}
                saved={mine?.text ?? null}
                onChanged={onChanged}
                words={{
                  label: t('presenter.family.my_label', { name }),
                  save: t('presenter.family.save'),
                  change: t('presenter.family.change'),
                  saved: t('presenter.family.saved'),
                  remove: { label: t('presenter.family.remove'), question: t('presenter.family.remove_question'), yes: t('presenter.family.remove_yes'), removed: t('presenter.family.removed') },
                }}
              />
            )}
          </article>
        );
      })}
    </section>
  );
}

/** The five cards in the seeds' order, large, two to an A4 page (print only, except on the cards page). */
export function PrintableCards({ name }: { name: string }) {
  const t = useT();
  return (
    <section className="cf-print" aria-label={t('presenter.print.title', { name })}>
      <ol className="cf-print-cards">
        {familyCards.map((card, i) => (
          <li key={card} className="cf-print-card">
            <span className="cf-print-top">{t('presenter.print.title', { name })}</span>
            <span className="cf-print-icon" aria-hidden="true">
              ❓
            </span>
            <span className="cf-print-text">{cardText(t, card)}</span>
            <span className="cf-print-number">{t('presenter.print.card', { number: i + 1, total: familyCards.length })}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

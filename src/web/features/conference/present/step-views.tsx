/**
 * What each step of the child's agenda shows, one per screen and in big type: the welcome, a piece
 * full screen with what the child said about it (their recordings play), what they do well and work
 * on, their goals with their own commitment, the family's question cards, everyone's commitments
 * as they arrive, a teacher's own step, and the end. Fixed words come from the `t` of the family's
 * language (the presenter is inside <InLocale>); what people wrote is shown as they wrote it.
 */
import { useId, useState } from 'react';
import type { AgendaStepView, ConferenceView, PieceView } from '../../../../contracts/conference';
import type { MediaView } from '../../../../contracts/portfolio';
import { familyCards } from '../../../../domain/conference/prompts';
import { Name } from '../../../components/ui';
import { useT } from '../../../lib/i18n';
import { commitmentRows, mediaToShow, stepIcon, strengthLists, thumbnailOf, type SaidItem } from './agenda-view';
import { CommitmentBox } from './commitment-box';
import { PlayButton } from './play-button';
import { cardText, ourQuestion, pieceTitle } from './titles';

/** The picture cue of a step: the piece's own thumbnail, or an emoji. */
export function StepCue({ step }: { step: AgendaStepView }) {
  const thumb = step.kind === 'piece' ? thumbnailOf(step.piece) : null;
  return thumb ? <img className="cp-cue-thumb" src={thumb} alt="" /> : <span className="cp-cue-icon" aria-hidden="true">{stepIcon(step)}</span>;
}

export function StepBody({ step, view, onChanged }: { step: AgendaStepView; view: ConferenceView; onChanged(): void }) {
  switch (step.kind) {
    case 'welcome':
      return <WelcomeStep view={view} />;
    case 'piece':
      return <PieceStep piece={step.piece} />;
    case 'strengths':
      return <StrengthsStep view={view} />;
    case 'goals':
      return <GoalsStep view={view} onChanged={onChanged} />;
    case 'questions':
      return <QuestionsStep />;
    case 'commitments':
      return <CommitmentsStep view={view} onChanged={onChanged} />;
    case 'custom':
      return step.text ? (
        <p className="cp-custom-text" dir="auto" data-content>
          {step.text}
        </p>
      ) : null;
  }
}

function WelcomeStep({ view }: { view: ConferenceView }) {
  const t = useT();
  const withMe = [...view.attendees.map((a) => a.name), ...(view.interpreter ? [t('presenter.welcome.interpreter', { name: view.interpreter.name })] : [])];
  const pieces = view.agenda.filter((s): s is Extract<AgendaStepView, { kind: 'piece' }> => s.kind === 'piece');
  return (
    <div className="cp-welcome">
      <p className="cp-big-emoji" aria-hidden="true">
        👋
      </p>
      <p className="cp-lead">{t('presenter.welcome.hello', { name: view.student.givenName })}</p>
      <p className="cp-lead-soft">{t('presenter.welcome.intro')}</p>
      {withMe.length > 0 && (
        <section className="cp-panel" aria-labelledby="cp-with-me">
          <h2 id="cp-with-me">{t('presenter.welcome.with_me')}</h2>
          <ul className="cp-people">
            {withMe.map((n, i) => (
              <li key={i}>
                <Name>{n}</Name>
              </li>
            ))}
          </ul>
        </section>
      )}
      {pieces.length > 0 && (
        <section className="cp-panel" aria-labelledby="cp-plan">
          <h2 id="cp-plan">{t('presenter.welcome.plan')}</h2>
          <ul className="cp-plan">
            {pieces.map((s) => (
              <li key={s.id}>
                <StepCue step={s} />
                <span dir="auto" data-content>
                  {pieceTitle(s.piece)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function Visual({ media, alt }: { media: MediaView; alt: string }) {
  if (media.kind === 'video') return <video className="cp-video" controls playsInline preload="metadata" src={media.urls.original} aria-label={alt} data-content />;
  const webp = media.urls['lg.webp'] ?? media.urls['sm.webp'];
  const jpg = media.urls['lg.jpg'] ?? media.urls['sm.jpg'] ?? media.urls.original;
  return (
    <picture className="cp-picture">
      {webp && <source srcSet={webp} type="image/webp" />}
      <img className="cp-image" src={jpg} alt={alt} data-content width={media.width ?? undefined} height={media.height ?? undefined} />
    </picture>
  );
}

function PieceStep({ piece }: { piece: PieceView }) {
  const t = useT();
  const wordsId = useId();
  const media = mediaToShow(piece);
  const visual = media.filter((m) => m.kind === 'image' || m.kind === 'video');
  const sounds = media.filter((m) => m.kind === 'audio');
  const files = media.filter((m) => m.kind === 'file');
  const [shown, setShown] = useState(0);
  const title = pieceTitle(piece);
  const current = visual[Math.min(shown, visual.length - 1)];
  const altOf = (i: number) => (visual.length > 1 ? t('presenter.piece.picture', { title, number: i + 1, total: visual.length }) : title);
  return (
    <div className={`cp-piece${visual.length > 0 ? ' cp-piece-visual' : ''}`}>
      <div className="cp-work">
        {current && <Visual media={current} alt={altOf(shown)} />}
        {visual.length > 1 && (
          <ul className="cp-thumbs">
            {visual.map((m, i) => (
              <li key={m.id}>
                <button type="button" className="cp-thumb" aria-pressed={i === shown} aria-label={t('presenter.piece.show_picture', { number: i + 1, total: visual.length })} onClick={() => setShown(i)}>
                  {m.kind === 'image' ? <img src={m.urls['sm.webp'] ?? m.urls['sm.jpg']} alt="" /> : <span aria-hidden="true">🎬</span>}
                </button>
              </li>
            ))}
          </ul>
        )}
        {piece.firstText && (
          <blockquote className={visual.length > 0 ? 'cp-text-piece cp-text-small' : 'cp-text-piece'} dir="auto" data-content>
            {piece.firstText}
          </blockquote>
        )}
        {sounds.map((m) => (
          <PlayButton key={m.id} src={m.urls.original ?? ''} label={t('presenter.piece.play')} />
        ))}
        {files.map((m) => (
          <p key={m.id} className="cp-file">
            <span aria-hidden="true">📎</span> {t('presenter.piece.file', { name: m.originalName ?? '' })}
          </p>
        ))}
      </div>
      <section className="cp-words" aria-labelledby={wordsId}>
        <h2 id={wordsId}>{t('presenter.piece.my_words')}</h2>
        {piece.reflections.length === 0 ? (
          <p className="cp-empty">{t('presenter.piece.nothing')}</p>
        ) : (
          <dl className="cp-reflections">
            {piece.reflections.map((r, i) => (
              <div key={i} className="cp-reflection">
                {r.question ? (
                  <dt lang={r.question.lang} dir="auto" data-content>
                    {r.question.text}
                  </dt>
                ) : (
                  <dt>{ourQuestion(t, r.questionKey) ?? ''}</dt>
                )}
                <dd>
                  {r.text.trim() && (
                    <p dir="auto" data-content>
                      {r.text}
                    </p>
                  )}
                  {r.audio?.urls.original && <PlayButton src={r.audio.urls.original} label={t('presenter.piece.play')} />}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </section>
    </div>
  );
}

function SaidList({ items, empty }: { items: SaidItem[]; empty: string }) {
  const t = useT();
  if (items.length === 0) return <p className="cp-empty">{empty}</p>;
  return (
    <ul className="cp-said">
      {items.map((item, i) => (
        <li key={i}>
          {item.text && (
            <span dir="auto" data-content>
              {item.text}
            </span>
          )}
          {item.audio?.urls.original && <PlayButton src={item.audio.urls.original} label={t('presenter.piece.play')} />}
        </li>
      ))}
    </ul>
  );
}

function StrengthsStep({ view }: { view: ConferenceView }) {
  const t = useT();
  const { well, working } = strengthLists(view);
  return (
    <div className="cp-two">
      <section className="cp-panel cp-well" aria-labelledby="cp-well">
        <h2 id="cp-well">
          <span aria-hidden="true">⭐</span> {t('presenter.strengths.well')}
        </h2>
        <SaidList items={well} empty={t('presenter.strengths.well_empty')} />
      </section>
      <section className="cp-panel cp-working" aria-labelledby="cp-working">
        <h2 id="cp-working">
          <span aria-hidden="true">🌱</span> {t('presenter.strengths.working')}
        </h2>
        <SaidList items={working} empty={t('presenter.strengths.working_empty')} />
      </section>
    </div>
  );
}

function ChildCommitment({ view, goal, onChanged }: { view: ConferenceView; goal: ConferenceView['goals'][number]; onChanged(): void }) {
  const t = useT();
  const mine = commitmentRows(view, goal).find((r) => r.role === 'student');
  if (view.me.commitmentRole === 'student') {
    return (
      <CommitmentBox
        goalId={goal.id}
        saved={mine?.text ?? null}
        onChanged={onChanged}
        className="cp-commit-big"
        words={{ label: t('presenter.goals.write'), save: t('presenter.goals.save'), change: t('presenter.goals.change'), saved: t('presenter.goals.saved') }}
      />
    );
  }
  return (
    <div className="cp-mine">
      <h3>{t('presenter.goals.mine')}</h3>
      {mine?.text ? (
        <p dir="auto" data-content>
          {mine.text}
        </p>
      ) : (
        <p className="cp-empty">{t('presenter.goals.not_yet')}</p>
      )}
    </div>
  );
}

function GoalsStep({ view, onChanged }: { view: ConferenceView; onChanged(): void }) {
  const t = useT();
  if (view.goals.length === 0) return <p className="cp-empty cp-lead-soft">{t('presenter.goals.none')}</p>;
  return (
    <ul className="cp-goals">
      {view.goals.map((g) => (
        <li key={g.id} className="cp-panel cp-goal">
          <h2>
            <span aria-hidden="true">🎯</span>{' '}
            <span dir="auto" data-content>
              {g.what}
            </span>
          </h2>
          {g.measure && <p className="cp-measure">{t('presenter.goals.measure', { measure: g.measure })}</p>}
          <ChildCommitment view={view} goal={g} onChanged={onChanged} />
        </li>
      ))}
    </ul>
  );
}

function QuestionsStep() {
  const t = useT();
  return (
    <>
      <p className="cp-lead-soft">{t('presenter.questions.intro')}</p>
      <ul className="cp-qcards">
        {familyCards.map((card) => (
          <li key={card} className="cp-qcard">
            <span className="cp-qcard-icon" aria-hidden="true">
              ❓
            </span>
            <span>{cardText(t, card)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

const roleIcon = { student: '🧒', guardian: '🏠', teacher: '🍎' } as const;

function CommitmentsStep({ view, onChanged }: { view: ConferenceView; onChanged(): void }) {
  const t = useT();
  if (view.goals.length === 0) return <p className="cp-empty cp-lead-soft">{t('presenter.goals.none')}</p>;
  const who = (role: 'student' | 'guardian' | 'teacher', name: string) =>
    role === 'student' ? t('presenter.commitments.me') : role === 'guardian' ? t('presenter.commitments.family', { name }) : t('presenter.commitments.teacher', { name });
  return (
    <>
      <p className="cp-lead-soft">{t('presenter.commitments.intro')}</p>
      {view.goals.map((g) => {
        const rows = commitmentRows(view, g);
        const childRow = rows.find((r) => r.role === 'student');
        return (
          <section key={g.id} className="cp-panel cp-goal" aria-labelledby={`cp-goal-${g.id}`}>
            <h2 id={`cp-goal-${g.id}`}>
              <span aria-hidden="true">🎯</span>{' '}
              <span dir="auto" data-content>
                {g.what}
              </span>
            </h2>
            <ul className="cp-commitments">
              {rows.map((r, i) => (
                <li key={`${r.role}:${r.userId ?? i}`} className={r.text ? 'cp-written' : 'cp-waiting'}>
                  <span className="cp-role-icon" aria-hidden="true">
                    {roleIcon[r.role]}
                  </span>
                  <span className="cp-who">{who(r.role, r.name)}</span>
                  {r.text ? (
                    <span className="cp-said-text" dir="auto" data-content>
                      {r.text}
                    </span>
                  ) : (
                    <span className="cp-empty">{t('presenter.commitments.waiting')}</span>
                  )}
                </li>
              ))}
            </ul>
            {view.me.commitmentRole === 'student' && (
              <CommitmentBox
                goalId={g.id}
                saved={childRow?.text ?? null}
                onChanged={onChanged}
                className="cp-commit-big"
                words={{ label: t('presenter.goals.write'), save: t('presenter.goals.save'), change: t('presenter.goals.change'), saved: t('presenter.goals.saved') }}
              />
            )}
          </section>
        );
      })}
    </>
  );
}

export function FinishedStep() {
  const t = useT();
  return (
    <div className="cp-finished">
      <p className="cp-big-emoji" aria-hidden="true">
        🎉
      </p>
      <p className="cp-lead">{t('presenter.finished.thanks')}</p>
    </div>
  );
}


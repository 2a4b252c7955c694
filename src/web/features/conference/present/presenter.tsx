/**
 * The child's presenter: one step of their agenda per screen, a strip of picture cues to jump to a
 * step, and big Back / Next buttons; arrow keys (in the reading direction), Space and Enter work
 * too. Every move is sent to the server (PUT step), so the teacher's screen and the family's phones
 * follow; a move made elsewhere (the teacher's "show this step") moves this screen too. After the
 * last step: an "I'm finished" screen. Nothing here links anywhere else.
 *
 * Rendered inside <InLocale> of the family's language: `useT()` here is theirs. `child` is the
 * reader's own language when it differs, shown small under each title.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConferenceLive, ConferenceView } from '../../../../contracts/conference';
import { localeDir } from '../../../../contracts/locales';
import { useStepHeading } from '../../../components/layout';
import { ErrorNotice } from '../../../components/ui';
import { api } from '../../../lib/api';
import { useI18n, useT, type T } from '../../../lib/i18n';
import { keyAction, stepIndex } from './agenda-view';
import { FinishedStep, StepBody, StepCue } from './step-views';
import { presenterTitle } from './titles';

export interface OtherLanguage {
  t: T;
  lang: string;
  dir: 'ltr' | 'rtl';
}

function Arrow({ back }: { back?: boolean }) {
  return (
    <svg className={`cp-arrow${back ? ' cp-arrow-back' : ''}`} aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="32" height="32">
      <path d="M4 12h15M13 5l7 7-7 7" fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function Presenter({ view, live, onChanged, child }: { view: ConferenceView; live: ConferenceLive; onChanged(): void; child: OtherLanguage | null }) {
  const t = useT();
  const { locale } = useI18n();
  const dir = localeDir(locale === 'pseudo' ? 'en' : locale);
  const agenda = view.agenda;
  const [stepId, setStepId] = useState<string>(() => agenda[stepIndex(agenda, live.currentStepId)]!.id);
  const [finished, setFinished] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const index = stepIndex(agenda, stepId);
  const step = agenda[index]!;

  // Follow a move made elsewhere — but not the echo of our own moves still on their way (a quick
  // double tap would otherwise jump back a step for a moment).
  const pending = useRef(0);
  const lastLive = useRef(live.currentStepId);
  useEffect(() => {
    if (live.currentStepId === lastLive.current) return;
    lastLive.current = live.currentStepId;
    if (pending.current > 0 || !live.currentStepId) return;
    setStepId(live.currentStepId);
    setFinished(false);
  }, [live.currentStepId]);

  // Moves are sent in order, one after another.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const go = useCallback(
    (to: number) => {
      if (to >= agenda.length) {
        setFinished(true);
        return;
      }
      const target = agenda[Math.max(0, to)]!;
      setFinished(false);
      setStepId(target.id);
      pending.current += 1;
      queue.current = queue.current
        .then(() => api('PUT', `/api/conferences/${view.id}/step`, { stepId: target.id }))
        .then(
          () => setError(null),
          (err: unknown) => setError(err),
        )
        .finally(() => {
          pending.current -= 1;
        });
    },
    [agenda, view.id],
  );
  const next = useCallback(() => (finished ? undefined : go(index + 1)), [finished, go, index]);
  const back = useCallback(() => (finished ? setFinished(false) : index > 0 ? go(index - 1) : undefined), [finished, go, index]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = keyAction(e, e.target instanceof Element ? (e.target as HTMLElement) : null, dir);
      if (!action) return;
      e.preventDefault();
      if (action === 'next') next();
      else if (action === 'back') back();
      else if (action === 'first') go(0);
      else go(agenda.length - 1);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [dir, next, back, go, agenda.length]);

  const heading = useStepHeading(finished ? 'finished' : step.id);
  const cues = useRef<HTMLOListElement>(null);
  useEffect(() => {
    cues.current?.querySelector('[aria-current="step"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [index, finished]);

  const shown = finished ? 'finished' : step;
  const last = index === agenda.length - 1;
  return (
    <div className="cp-screen">
      <nav className="cp-strip" aria-label={t('presenter.nav.strip')}>
        <ol ref={cues}>
          {agenda.map((s, i) => (
            <li key={s.id}>
              <button
                type="button"
                className={`cp-cue${i < index || finished ? ' cp-cue-done' : ''}`}
                aria-current={!finished && i === index ? 'step' : undefined}
                aria-label={t('presenter.nav.cue', { number: i + 1, title: presenterTitle(t, s) })}
                onClick={() => go(i)}
              >
                <StepCue step={s} />
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <div className={`cp-stage cp-stage-${finished ? 'finished' : step.kind}`}>
        {!finished && step.kind === 'piece' && step.piece.caption.trim() && (
          <p className="cp-kicker">
            <span lang={step.piece.prompt.lang} dir="auto" data-content>
              {step.piece.prompt.text}
            </span>
          </p>
        )}
        <h1 ref={heading} className="cp-title">
          {presenterTitle(t, shown)}
        </h1>
        {child && (
          <p className="cp-subtitle">
            <span lang={child.lang} dir={child.dir}>
              {presenterTitle(child.t, shown)}
            </span>
          </p>
        )}
        <ErrorNotice error={error} />
        {finished ? <FinishedStep /> : <StepBody key={step.id} step={step} view={view} onChanged={onChanged} />}
      </div>
      <div className="cp-nav">
        <button type="button" className="cp-back" onClick={back} disabled={!finished && index === 0}>
          <Arrow back /> <span>{t('presenter.nav.back')}</span>
        </button>
        <p className="cp-position">{finished ? '' : t('presenter.nav.position', { number: index + 1, total: agenda.length })}</p>
        {!finished && (
          <button type="button" className="cp-next" onClick={next}>
            <span>{last ? t('presenter.nav.finish') : t('presenter.nav.next')}</span> <Arrow />
          </button>
        )}
      </div>
      <p className="visually-hidden">{t('presenter.nav.keys')}</p>
    </div>
  );
}


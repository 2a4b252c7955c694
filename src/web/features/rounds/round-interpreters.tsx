/**
 * The school's interpreters in one round: who takes part (a switch, saved at once) and, for those
 * who do, when they are there. People are added, edited and archived on the Interpreters page.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { RoundSetup } from '../../../contracts/booking';
import { Saved, Switch } from '../../components/forms';
import { ErrorNotice, Name } from '../../components/ui';
import { useT } from '../../lib/i18n';
import { useAction } from '../../lib/use-api';
import { availabilityOf, draftOf, type AvailabilityDraft } from './availability';
import { AvailabilityEditor } from './availability-editor';
import { LanguageNames } from './languages';
import type { SaveSetup } from './settings-form';
import { fieldMessage, useFocusFirstInvalid } from './text';

type Interpreter = RoundSetup['interpreters'][number];

export function RoundInterpreters({ setup, save }: { setup: RoundSetup; save: SaveSetup }) {
  const t = useT();
  const id = useId();
  // Archived interpreters only while they are still in the round (so they can be taken out).
  const shown = setup.interpreters.filter((i) => !i.archived || i.takingPart);
  const taking = shown.filter((i) => i.takingPart).length;
  return (
    <section className="rb-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('rounds.roundInterpreters.title', { count: taking })}</h2>
      <p className="hint">
        {t('rounds.roundInterpreters.lead')} <Link to="/school/interpreters">{t('rounds.roundInterpreters.manage')}</Link>
      </p>
      {shown.length === 0 ? <p className="empty">{t('rounds.roundInterpreters.none')}</p> : null}
      <ul className="rb-people">
        {shown.map((i) => (
          <InterpreterCard key={i.id} interpreter={i} setup={setup} save={save} />
        ))}
      </ul>
    </section>
  );
}

function InterpreterCard({ interpreter, setup, save }: { interpreter: Interpreter; setup: RoundSetup; save: SaveSetup }) {
  const t = useT();
  const id = useId();
  const url = `/api/rounds/${setup.round.id}/interpreters/${interpreter.id}`;
  const [availability, setAvailability] = useState<AvailabilityDraft>(() => draftOf(setup.sessions, interpreter.availability));
  const [sources, setSources] = useState<Array<{ sessionId: string; window: number }>>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const toggle = useAction();
  const { busy, error, run } = useAction();
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, error);
  const nameId = `${id}-name`;

  const onToggle = (next: boolean) => {
    setSaved(null);
    void toggle.run(async () => {
      const answer = next ? await save('PUT', url, { availability: null }) : await save('DELETE', url);
      const now = answer.interpreters.find((x) => x.id === interpreter.id);
      setAvailability(draftOf(answer.sessions, now?.availability ?? null));
      setSaved(next ? t('rounds.roundInterpreters.added', { name: interpreter.name }) : t('rounds.roundInterpreters.removed', { name: interpreter.name }));
    });
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setSaved(null);
    const { value, sources: sent } = availabilityOf(setup.sessions, availability);
    setSources(sent);
    void run(async () => {
      const answer = await save('PUT', url, { availability: value });
      const now = answer.interpreters.find((x) => x.id === interpreter.id);
      setAvailability(draftOf(answer.sessions, now?.availability ?? null));
      setSaved(t('rounds.roundInterpreters.saved', { name: interpreter.name }));
    });
  }

  const errorAt = (sessionId: string, window: number, part?: 'start' | 'end') => {
    const index = sources.findIndex((s) => s.sessionId === sessionId && s.window === window);
    if (index < 0) return undefined;
    return fieldMessage(t, error, part ? `availability.${index}.${part}` : `availability.${index}`);
  };
  return (
    <li className={interpreter.takingPart ? 'card rb-person' : 'card rb-person rb-person-out'} aria-labelledby={nameId}>
      <div className="rb-person-head">
        <h3 id={nameId} className="rb-person-name">
          <Name>{interpreter.name}</Name>
          {interpreter.archived ? <span className="badge badge-archived">{t('app.manage.common.archived')}</span> : null}
        </h3>
        <p className="card-meta">
          <LanguageNames tags={interpreter.languages} />
        </p>
        {interpreter.takingPart ? (
          <p className="rb-counts">
            <span className="badge badge-ok">{t('rounds.roundInterpreters.booked', { count: interpreter.bookedCount })}</span>
          </p>
        ) : null}
      </div>
      <Switch checked={interpreter.takingPart} busy={toggle.busy} label={t('rounds.roundInterpreters.takingPart')} describedBy={nameId} onToggle={onToggle} />
      <ErrorNotice error={toggle.error} />
      {interpreter.takingPart ? (
        <form ref={form} onSubmit={submit} noValidate>
          <AvailabilityEditor
            legend={t('rounds.roundInterpreters.availability')}
            sessions={setup.sessions}
            timeZone={setup.round.timeZone}
            draft={availability}
            onChange={(next) => {
              setAvailability(next);
              setSaved(null);
            }}
            errorAt={errorAt}
          />
          <ErrorNotice error={error} />
          <button type="submit" className="button button-primary" aria-describedby={nameId} aria-disabled={busy || undefined}>
            {t('rounds.roundInterpreters.save')}
          </button>
        </form>
      ) : null}
      <Saved message={saved} />
    </li>
  );
}

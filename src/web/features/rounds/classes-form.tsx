/** Which classes take part in a round's booking, each shown with its lead teacher(s). */
import { useId, useState, type FormEvent } from 'react';
import type { RoundSetup } from '../../../contracts/booking';
import { fieldErrorUnder, Saved } from '../../components/forms';
import { ErrorNotice, Name } from '../../components/ui';
import { useT } from '../../lib/i18n';
import { useAction } from '../../lib/use-api';
import type { SaveSetup } from './settings-form';

export function ClassesForm({ setup, save }: { setup: RoundSetup; save: SaveSetup }) {
  const t = useT();
  const id = useId();
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(setup.classes.filter((c) => c.takingPart).map((c) => c.id)));
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const names = new Map<string, string>([...setup.staff.map((s) => [s.userId, s.name] as const), ...setup.teachers.map((s) => [s.userId, s.name] as const)]);

  const toggle = (classId: string, on: boolean) => {
    setChosen((c) => {
      const next = new Set(c);
      if (on) next.add(classId);
      else next.delete(classId);
      return next;
    });
    setSaved(null);
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setSaved(null);
    void run(async () => {
      const answer = await save('PUT', `/api/rounds/${setup.round.id}/classes`, { classIds: setup.classes.filter((c) => chosen.has(c.id)).map((c) => c.id) });
      const taking = answer.classes.filter((c) => c.takingPart);
      setChosen(new Set(taking.map((c) => c.id)));
      setSaved(t('rounds.classes.saved', { count: taking.length }));
    });
  }

  const problem = fieldErrorUnder(t, error, 'classIds');
  return (
    <section className="card rb-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('rounds.classes.title')}</h2>
      <form onSubmit={submit} noValidate>
        {setup.classes.length === 0 ? (
          <p className="empty">{t('rounds.classes.none')}</p>
        ) : (
          <fieldset className="choices" aria-describedby={`${id}-count${problem ? ` ${id}-error` : ''}`}>
            <legend>{t('rounds.classes.legend')}</legend>
            <p className="hint" id={`${id}-count`}>
              {t('rounds.classes.count', { chosen: chosen.size, count: setup.classes.length })}
            </p>
            <ul className="rb-class-list">
              {setup.classes.map((c) => {
                const leads = c.leadTeacherIds.map((x) => names.get(x)).filter((x): x is string => Boolean(x));
                return (
                  <li key={c.id}>
                    <label className="rb-class">
                      <input type="checkbox" checked={chosen.has(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
                      <span>
                        <span className="rb-class-name">
                          <Name>{c.name}</Name> <span className="card-meta-inline">(<Name>{c.yearGroup}</Name>)</span>
                        </span>
                        <span className="card-meta">
                          {leads.length ? (
                            <>
                              {t('rounds.classes.lead', { count: leads.length })} <Name>{leads.join(', ')}</Name>
                            </>
                          ) : (
                            t('rounds.classes.noLead')
                          )}
                        </span>
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
            {problem ? (
              <p className="field-error" id={`${id}-error`}>
                {problem}
              </p>
            ) : null}
          </fieldset>
        )}
        <ErrorNotice error={error} />
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('rounds.classes.save')}
        </button>
        <Saved message={saved} />
      </form>
    </section>
  );
}

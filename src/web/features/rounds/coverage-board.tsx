/**
 * The admin's coverage board for a round: how many children are booked, held and waiting; per
 * class, who has not booked yet (with their family's languages, and a link to book for them); per
 * language, booked and unbooked against the interpreters there are; and reminders by email to the
 * families still to book — per class, per language or all (each asked for once more first).
 */
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { Coverage } from '../../../contracts/booking';
import { ConfirmAction, Saved } from '../../components/forms';
import { ErrorNotice, Name } from '../../components/ui';
import { api } from '../../lib/api';
import { useI18n, useT } from '../../lib/i18n';
import { useAction } from '../../lib/use-api';
import { LanguageNames, languageName } from './languages';
import { part, Rich } from './text';

/** A "Remind these families" button: asks first, then says how many families were emailed. */
function Remind({ roundId, body, label, question, describedBy }: { roundId: string; body: { classId?: string; language?: string }; label: string; question: string; describedBy?: string }) {
  const t = useT();
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  return (
    <div className="rb-remind">
      <ConfirmAction
        label={label}
        question={question}
        confirmLabel={t('rounds.coverage.remindYes')}
        danger={false}
        busy={busy}
        describedBy={describedBy}
        onConfirm={async () => {
          setDone(null);
          await run(async () => {
            const answer = await api<{ families: number }>('POST', `/api/rounds/${roundId}/nudges`, body);
            setDone(t('rounds.coverage.reminded', { count: answer.families }));
          });
        }}
      />
      <ErrorNotice error={error} />
      <Saved message={done} />
    </div>
  );
}

export function CoverageBoard({ coverage }: { coverage: Coverage }) {
  const t = useT();
  const { intlLocale } = useI18n();
  const id = useId();
  const roundId = coverage.round.id;
  const { totals } = coverage;
  const unbooked = Math.max(0, totals.children - totals.booked);
  const share = totals.children ? Math.round((totals.booked / totals.children) * 100) : 0;
  return (
    <>
      <section aria-labelledby={`${id}-totals`} className="card rb-section">
        <h2 id={`${id}-totals`}>{t('rounds.coverage.totals')}</h2>
        <dl className="rb-totals">
          <div>
            <dt>{t('rounds.coverage.children')}</dt>
            <dd>{totals.children}</dd>
          </div>
          <div>
            <dt>{t('rounds.coverage.booked')}</dt>
            <dd>{totals.booked}</dd>
          </div>
          <div>
            <dt>{t('rounds.coverage.held')}</dt>
            <dd>{totals.held}</dd>
          </div>
          <div>
            <dt>{t('rounds.coverage.waitlisted')}</dt>
            <dd>{totals.waitlisted}</dd>
          </div>
          <div>
            <dt>{t('rounds.coverage.notBooked')}</dt>
            <dd>{unbooked}</dd>
          </div>
        </dl>
        <div className="progress" role="img" aria-label={t('rounds.coverage.progress', { booked: totals.booked, count: totals.children })}>
          <div className="progress-bar" style={{ inlineSize: `${share}%` }} />
        </div>
        {unbooked > 0 ? (
          <Remind
            roundId={roundId}
            body={{}}
            label={t('rounds.coverage.remindAll')}
            question={t('rounds.coverage.remindAllQuestion', { count: unbooked })}
          />
        ) : (
          <p className="notice notice-ok">{t('rounds.coverage.allBooked')}</p>
        )}
      </section>

      <section aria-labelledby={`${id}-languages`}>
        <h2 id={`${id}-languages`}>{t('rounds.coverage.byLanguage')}</h2>
        {coverage.languages.length === 0 ? (
          <p className="empty">{t('rounds.coverage.noLanguages')}</p>
        ) : (
          <div className="table-scroll">
            <table className="table table-stack rb-language-table">
              <thead>
                <tr>
                  <th scope="col">{t('rounds.coverage.language')}</th>
                  <th scope="col">{t('rounds.coverage.notBooked')}</th>
                  <th scope="col">{t('rounds.coverage.booked')}</th>
                  <th scope="col">{t('rounds.coverage.interpreters')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('rounds.coverage.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {coverage.languages.map((l) => {
                  const name = languageName(l.language, intlLocale);
                  const rowId = `${id}-lang-${l.language}`;
                  return (
                    <tr key={l.language}>
                      <th scope="row" data-label={t('rounds.coverage.language')} id={rowId}>
                        <Name>{name}</Name>
                      </th>
                      <td data-label={t('rounds.coverage.notBooked')}>{l.unbooked}</td>
                      <td data-label={t('rounds.coverage.booked')}>{l.booked}</td>
                      <td data-label={t('rounds.coverage.interpreters')}>{l.interpreters}</td>
                      <td data-label={t('rounds.coverage.actions')}>
                        {l.unbooked > 0 ? (
                          <Remind
                            roundId={roundId}
                            body={{ language: l.language }}
                            label={t('rounds.coverage.remindLanguage')}
                            describedBy={rowId}
                            question={t('rounds.coverage.remindLanguageQuestion', { count: l.unbooked, language: name })}
                          />
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby={`${id}-classes`}>
        <h2 id={`${id}-classes`}>{t('rounds.coverage.byClass')}</h2>
        {coverage.classes.length === 0 ? <p className="empty">{t('rounds.coverage.noClasses')}</p> : null}
        <ul className="rb-coverage-classes">
          {coverage.classes.map((c) => {
            const headingId = `${id}-class-${c.classId}`;
            return (
              <li key={c.classId} className="card rb-coverage-class" aria-labelledby={headingId}>
                <div className="rb-coverage-head">
                  <h3 id={headingId} className="rb-person-name">
                    <Name>{c.name}</Name>
                  </h3>
                  <p className="card-meta">{t('rounds.coverage.classCount', { booked: c.booked, count: c.children })}</p>
                </div>
                {c.unbooked.length === 0 ? (
                  <p className="rb-all-done">{t('rounds.coverage.classDone')}</p>
                ) : (
                  <>
                    <Remind
                      roundId={roundId}
                      body={{ classId: c.classId }}
                      label={t('rounds.coverage.remindClass')}
                      describedBy={headingId}
                      question={t('rounds.coverage.remindClassQuestion', { count: c.unbooked.length, name: c.name })}
                    />
                    <div className="table-scroll">
                      <table className="table table-stack rb-unbooked-table">
                        <caption>{t('rounds.coverage.notYet', { count: c.unbooked.length })}</caption>
                        <thead>
                          <tr>
                            <th scope="col">{t('rounds.coverage.child')}</th>
                            <th scope="col">{t('rounds.coverage.familySpeaks')}</th>
                            <th scope="col">{t('rounds.coverage.book')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {c.unbooked.map((s) => {
                            const childId = `${headingId}-${s.studentId}`;
                            return (
                              <tr key={s.studentId}>
                                <th scope="row" id={childId}>
                                  <Name>{s.name}</Name>
                                  {s.waitlisted ? <span className="badge badge-warning">{t('rounds.coverage.onWaitlist')}</span> : null}
                                </th>
                                <td data-label={t('rounds.coverage.familySpeaks')}>{s.languages.length ? <LanguageNames tags={s.languages} /> : null}</td>
                                <td data-label={t('rounds.coverage.book')} className="rb-book-links">
                                  {s.guardians.length === 0 ? <span className="card-meta">{t('rounds.coverage.noGuardian')}</span> : null}
                                  {s.guardians.map((g) => (
                                    <Link key={g.userId} to={`/rounds/${roundId}/book?household=${g.userId}`} aria-describedby={childId}>
                                      {s.guardians.length === 1 ? (
                                        t('rounds.coverage.bookFor')
                                      ) : (
                                        <Rich text={t('rounds.coverage.bookWith', { name: part('name') })} parts={{ name: <Name>{g.name}</Name> }} />
                                      )}
                                    </Link>
                                  ))}
                                </td>
                              </tr>
                            );
                          })}
                        </tbody>
                      </table>
                    </div>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}

/**
 * The report-card goal page as a document: the school, the child, the period, and each goal with
 * how we'll know, its status, its check-ins and a space per stakeholder with their commitment (or
 * room to write one by hand). Its fixed text is in the page's own language (`page.locale`, which
 * the API chose: the reader's, or the one asked for) from the messages the API sent; in the
 * pseudo-locale, from the page's messages (so the check for hard-coded text covers it). What
 * people wrote stays as written (`data-content`).
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { useMemo } from 'react';
import type { GoalPage } from '../../../contracts/goals';
import { Name } from '../../components/ui';
import { useI18n, type T } from '../../lib/i18n';

function useDocumentText(page: GoalPage): { say: T; dateLocale: string } {
  const { locale, t } = useI18n();
  return useMemo(() => {
    if (locale === 'pseudo') return { say: t, dateLocale: 'en' };
    const cache = new Map<string, IntlMessageFormat>();
    const say: T = (key, values) => {
      const message = page.messages[key];
      if (message === undefined) return t(key, values);
      let f = cache.get(key);
      if (!f) {
        f = new IntlMessageFormat(message, page.locale);
        cache.set(key, f);
      }
      return String(f.format(values));
    };
    return { say, dateLocale: page.locale };
  }, [page, locale, t]);
}

export function GoalDocument({ page }: { page: GoalPage }) {
  const { say, dateLocale } = useDocumentText(page);
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const range = page.period ? new Intl.DateTimeFormat(dateLocale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).formatRange(day(page.period.startsOn), day(page.period.endsOn)) : null;
  const date = (iso: string) => new Intl.DateTimeFormat(dateLocale, { dateStyle: 'medium' }).format(new Date(iso));
  const child = `${page.student.givenName} ${page.student.familyName}`;
  return (
    <article className="goal-doc" lang={page.locale} dir={page.dir}>
      <header className="goal-doc-head">
        <p className="goal-doc-school">
          <Name>{page.school.name}</Name>
        </p>
        <h1>{say('goals.page.title', { name: page.student.givenName })}</h1>
        <dl className="goal-doc-facts">
          <div>
            <dt>{say('goals.page.child')}</dt>
            <dd>
              <Name>{child}</Name> · <Name>{page.student.yearGroup}</Name>
            </dd>
          </div>
          <div>
            <dt>{say('goals.page.period')}</dt>
            <dd>
              {page.period ? (
                <>
                  <Name>{page.period.name}</Name> (<time translate="no">{range}</time>)
                </>
              ) : (
                say('goals.page.noPeriod')
              )}
            </dd>
          </div>
        </dl>
      </header>
      {page.goals.length === 0 ? <p className="empty">{say('goals.page.noGoals')}</p> : null}
      {page.goals.map((g, i) => (
        <section key={g.id} className="goal-doc-goal" aria-labelledby={`goal-doc-${g.id}`}>
          <h2 id={`goal-doc-${g.id}`}>
            <span className="goal-doc-number">{say('goals.page.goal', { n: i + 1 })}</span>{' '}
            <span dir="auto" data-content>
              {g.what}
            </span>
          </h2>
          {g.carriedFrom.length ? <p className="goal-doc-carried">{say('goals.page.carriedFrom', { period: g.carriedFrom.at(-1) ?? '' })}</p> : null}
          <dl className="goal-doc-facts">
            <div>
              <dt>{say('goals.page.measure')}</dt>
              <dd dir="auto" data-content>
                {g.measure || '—'}
              </dd>
            </div>
            <div>
              <dt>{say('goals.page.status')}</dt>
              <dd>{say(`goals.status.${g.status}`)}</dd>
            </div>
          </dl>
          <h3>{say('goals.page.checkins')}</h3>
          {g.checkins.length === 0 ? (
            <p className="empty">{say('goals.page.noCheckins')}</p>
          ) : (
            <ul className="goal-doc-checkins">
              {g.checkins.map((c, k) => (
                <li key={k}>
                  <time dateTime={c.createdAt} translate="no">
                    {date(c.createdAt)}
                  </time>
                  {c.note ? (
                    <>
                      {' — '}
                      <span dir="auto" data-content>
                        {c.note}
                      </span>
                    </>
                  ) : null}
                  {c.evidence.length ? (
                    <span className="goal-doc-evidence">
                      {say('goals.page.evidence')}{' '}
                      <span dir="auto" data-content>
                        {c.evidence.join(', ')}
                      </span>
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          <h3>{say('goals.page.commitments')}</h3>
          <ul className="goal-doc-spaces">
            {g.commitments.map((c, k) => (
              <li key={k} className="goal-doc-space">
                <p className="goal-doc-who">
                  {say(`goals.role.${c.role}`)}: <Name>{`${c.givenName} ${c.familyName}`.trim()}</Name>
                </p>
                {c.text ? (
                  <p className="goal-doc-text" dir="auto" data-content>
                    {c.text}
                  </p>
                ) : (
                  <p className="goal-doc-empty">{say('goals.page.notWritten')}</p>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </article>
  );
}

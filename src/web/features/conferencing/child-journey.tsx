/**
 * A child's learning journey as a timeline, grouped by month, newest first: their work (a small
 * picture and its title), their conferences (type, what it was about, what was tricky, the next
 * steps with ticks), the goals they set and achieved, and their check-ins on them. Each entry has
 * a picture and a word for what it is, so a young child can follow it, and opens where it lives.
 */
import { Link } from 'react-router';
import type { JourneyEntry, StepView } from '../../../contracts/conferencing';
import { useT } from '../../lib/i18n';
import { useRegionalLocale } from '../booking/format';
import { StatusBadge } from '../goals/goal-section';
import { MediaDisplay } from '../portfolio/media';
import { useOwnerLabel, useTypeLabel, type Viewer } from './child-words';

const kindIcons: Record<JourneyEntry['kind'], string> = { post: '🖼️', conference: '💬', goal_set: '🎯', goal_achieved: '🏆', checkin: '📍' };

/** Entries by month in the school's zone, in the order given (newest first). */
export function byMonth(entries: readonly JourneyEntry[], timeZone: string | undefined, locale: string): Array<{ key: string; label: string; entries: JourneyEntry[] }> {
  const zone = (() => {
    try {
      return timeZone ? new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone : undefined;
    } catch {
      return undefined;
    }
  })();
  const key = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit' });
  const label = new Intl.DateTimeFormat(locale, { timeZone: zone, year: 'numeric', month: 'long' });
  const groups = new Map<string, { key: string; label: string; entries: JourneyEntry[] }>();
  for (const e of entries) {
    const d = new Date(e.at);
    const k = key.format(d);
    const g = groups.get(k) ?? { key: k, label: label.format(d), entries: [] };
    g.entries.push(e);
    groups.set(k, g);
  }
  return [...groups.values()];
}

function Steps({ steps, child, name }: { steps: StepView[]; child: boolean; name: string }) {
  const t = useT();
  const owner = useOwnerLabel(child, name);
  const done = steps.filter((s) => s.done).length;
  return (
    <div className="journey-steps">
      <p className="journey-steps-title">
        <span aria-hidden="true">🌱</span> {t('journey.journey.steps')} <span className="card-meta-inline">({t('journey.journey.stepsDone', { done, count: steps.length })})</span>
      </p>
      <ul>
        {steps.map((s) => (
          <li key={s.id} className={s.done ? 'journey-step journey-step-done' : 'journey-step'}>
            <span className="journey-tick" aria-hidden="true">
              {s.done ? '✔' : ''}
            </span>
            <span className="visually-hidden">{s.done ? t('journey.journey.stepDone') : t('journey.journey.stepNotYet')}: </span>
            <span>
              <span dir="auto" data-content>
                {s.text}
              </span>{' '}
              <span className="card-meta-inline">({t('journey.journey.stepWho', { who: owner(s.owner) })})</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function EntryBody({ entry, studentId, name, viewer }: { entry: JourneyEntry; studentId: string; name: string; viewer: Viewer }) {
  const t = useT();
  const typeLabel = useTypeLabel();
  const child = viewer === 'child';
  switch (entry.kind) {
    case 'post': {
      const title = entry.caption || entry.text || t('journey.journey.postUntitled');
      return (
        <>
          <h3 className="journey-title">
            <Link to={`/students/${studentId}/portfolio`} dir="auto" data-content={entry.caption || entry.text ? true : undefined}>
              {title}
            </Link>
          </h3>
          {entry.thumbnail ? (
            <div className="journey-thumb">
              <MediaDisplay media={entry.thumbnail} label="" />
            </div>
          ) : entry.text && entry.caption ? (
            <p className="journey-text" dir="auto" data-content>
              {entry.text}
            </p>
          ) : null}
        </>
      );
    }
    case 'conference':
      return (
        <>
          <p className="journey-type">{typeLabel(entry.type)}</p>
          <h3 className="journey-title">
            <Link to={`/pupil-conferences/${entry.id}`} dir="auto" data-content={entry.subject ? true : undefined}>
              {entry.subject || t('journey.journey.conferenceUntitled')}
            </Link>
          </h3>
          {entry.barriers ? (
            <p className="journey-tricky">
              <span className="journey-label">{t('journey.journey.tricky')}</span>{' '}
              <span dir="auto" data-content>
                {entry.barriers}
              </span>
            </p>
          ) : null}
          {entry.steps.length ? <Steps steps={entry.steps} child={child} name={name} /> : null}
        </>
      );
    case 'goal_set':
      return (
        <>
          <h3 className="journey-title">
            <Link to={`/students/${studentId}/goals/${entry.id}`} dir="auto" data-content>
              {entry.what}
            </Link>
          </h3>
          <p>
            <StatusBadge status={entry.status} child={child} />
          </p>
        </>
      );
    case 'goal_achieved':
      return (
        <h3 className="journey-title">
          <Link to={`/students/${studentId}/goals/${entry.id}`} dir="auto" data-content>
            {entry.what}
          </Link>
        </h3>
      );
    case 'checkin':
      return (
        <>
          <h3 className="journey-title">
            <Link to={`/students/${studentId}/goals/${entry.goalId}`} dir="auto" data-content>
              {entry.what}
            </Link>
          </h3>
          {entry.note ? (
            <p className="journey-text" dir="auto" data-content>
              {entry.note}
            </p>
          ) : null}
        </>
      );
  }
}

/** An entry's key among all kinds (a goal is both set and achieved under one id). */
export function entryKey(e: JourneyEntry): string {
  return `${e.kind}-${e.id}`;
}

/** `focusKey`: the entry that takes focus (the first of those "Show earlier" added). */
export function JourneyTimeline({ entries, studentId, name, viewer, timeZone, focusKey }: { entries: JourneyEntry[]; studentId: string; name: string; viewer: Viewer; timeZone: string | undefined; focusKey?: string | null }) {
  const t = useT();
  const locale = useRegionalLocale();
  const day = new Intl.DateTimeFormat(locale, { timeZone: timeZone || undefined, day: 'numeric', month: 'short' });
  return (
    <div className="journey">
      {byMonth(entries, timeZone, locale).map((month) => (
        <section key={month.key} className="journey-month" aria-labelledby={`month-${month.key}`}>
          <h2 id={`month-${month.key}`} className="journey-month-title" translate="no">
            {month.label}
          </h2>
          <ol className="journey-entries">
            {month.entries.map((e) => (
              <li key={entryKey(e)} id={`entry-${entryKey(e)}`} tabIndex={entryKey(e) === focusKey ? -1 : undefined} className={`journey-entry journey-${e.kind}`}>
                <span className="journey-icon picture picture-lg" aria-hidden="true">
                  {kindIcons[e.kind]}
                </span>
                <div className="journey-body">
                  <p className="journey-kind">
                    <span>{t(`journey.journey.kind.${e.kind}`)}</span>
                    {' · '}
                    <time dateTime={e.at} translate="no">
                      {day.format(new Date(e.at))}
                    </time>
                  </p>
                  <EntryBody entry={e} studentId={studentId} name={name} viewer={viewer} />
                </div>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

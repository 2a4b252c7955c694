/**
 * A conference record, read-only and printable: who came, the work talked about with the child's
 * own words (recordings play), what they do well and work on, the goals with each person's
 * commitment, the teacher's summary and next steps. Fixed words are in the reader's language; what
 * people wrote is as they wrote it. Used by the record page and by a shared link's page.
 */
import type { RecordView } from '../../../contracts/conference';
import { useI18n, useT } from '../../lib/i18n';
import { ourQuestion } from './present/titles';

function roleLabel(t: ReturnType<typeof useT>, role: 'student' | 'teacher' | 'guardian') {
  switch (role) {
    case 'student':
      return t('conference.roles.student');
    case 'teacher':
      return t('conference.roles.teacher');
    case 'guardian':
      return t('conference.roles.guardian');
  }
}

/** The reader's language if the teacher wrote it, else the words as the family read them. */
function inReaders(texts: Record<string, string> | undefined, reader: string, fallback: { text: string; lang: string } | null): { text: string; lang: string } | null {
  const mine = texts?.[reader]?.trim();
  return mine ? { text: mine, lang: reader } : fallback;
}

export function RecordDocument({ record }: { record: RecordView }) {
  const t = useT();
  const { intlLocale } = useI18n();
  const c = record.content;
  const name = c.student.givenName;
  // In the reader's regional way when the browser says it (en-GB "2 December 2026 at 14:16").
  const regional = navigator.languages.find((l) => l.toLowerCase().startsWith(`${intlLocale}-`)) ?? intlLocale;
  const when = new Intl.DateTimeFormat(regional, { dateStyle: 'full', timeStyle: 'short', timeZone: record.timeZone });
  const relationship = (key: string) => {
    const known = ['grandparent', 'aunt_uncle', 'sibling', 'relative', 'family_friend', 'carer'];
    return known.includes(key) ? t(`booking.relationships.${key}`) : key;
  };
  return (
    <article className="record-document">
      <h1>{t('conference.record.title', { name: `${c.student.givenName} ${c.student.familyName}`.trim() })}</h1>
      <p className="record-meta">
        {t('conference.record.version', { version: record.version, date: when.format(new Date(record.finalisedAt)), name: record.finalisedBy })}
      </p>
      <dl className="record-facts">
        <dt>{t('conference.record.when')}</dt>
        <dd>
          {when.format(new Date(c.startedAt ?? c.startsAt))}
          {c.mode === 'video' ? ` · ${t('conference.record.video')}` : ''}
        </dd>
        <dt>{t('conference.record.teacher')}</dt>
        <dd>{c.teacher.name}</dd>
        <dt>{t('conference.record.attended')}</dt>
        <dd>
          {c.attendance === 'no_show'
            ? t('conference.record.attendance_no_show')
            : [name, ...c.attendees.map((a) => (a.kind === 'guardian' ? a.name : t('conference.facilitator.substitute', { name: a.name, relationship: relationship(a.relationship) })))].join(', ')}
        </dd>
        {c.interpreter && (
          <>
            <dt>{t('conference.record.interpreter')}</dt>
            <dd>{c.interpreter.name}</dd>
          </>
        )}
      </dl>

      {c.pieces.length > 0 && (
        <section aria-labelledby="record-pieces">
          <h2 id="record-pieces">{t('conference.record.pieces')}</h2>
          {c.pieces.map((p) => (
            <section key={p.postId} className="record-piece">
              <h3 lang={inReaders(p.promptTitles, intlLocale, p.prompt)?.lang}>{inReaders(p.promptTitles, intlLocale, p.prompt)?.text}</h3>
              {p.caption && <p className="record-caption">{p.caption}</p>}
              {p.mediaIds.map((id) => {
                const m = record.media[id];
                const src = m?.urls['lg.webp'] ?? m?.urls['sm.webp'] ?? m?.urls.original;
                if (!m || !src) return null;
                return m.kind === 'image' ? <img key={id} src={src} alt={p.caption || p.prompt.text} className="record-image" /> : m.kind === 'video' ? <video key={id} src={src} controls className="record-image" /> : null;
              })}
              {p.firstText && <blockquote className="record-text">{p.firstText}</blockquote>}
              {p.reflections.length > 0 && (
                <dl className="record-reflections" aria-label={t('conference.record.reflection', { name })}>
                  {p.reflections.map((r, i) => {
                    const audio = r.audioMediaId ? record.media[r.audioMediaId]?.urls.original : undefined;
                    const question = inReaders(r.questionTexts, intlLocale, r.question);
                    return (
                      <div key={i}>
                        <dt lang={question?.lang}>{question?.text ?? ourQuestion(t, r.questionKey) ?? ''}</dt>
                        <dd>
                          {r.text}
                          {audio && <audio controls src={audio} aria-label={t('conference.record.audio', { name })} className="no-print" />}
                        </dd>
                      </div>
                    );
                  })}
                </dl>
              )}
            </section>
          ))}
        </section>
      )}

      {(c.strengths.length > 0 || c.workingOn.length > 0) && (
        <section className="record-two">
          {c.strengths.length > 0 && (
            <div>
              <h2>{t('conference.record.strengths', { name })}</h2>
              <ul>{c.strengths.map((s) => <li key={s}>{s}</li>)}</ul>
            </div>
          )}
          {c.workingOn.length > 0 && (
            <div>
              <h2>{t('conference.record.working_on', { name })}</h2>
              <ul>{c.workingOn.map((s) => <li key={s}>{s}</li>)}</ul>
            </div>
          )}
        </section>
      )}

      <section aria-labelledby="record-goals">
        <h2 id="record-goals">{t('conference.record.goals')}</h2>
        {c.goals.length === 0 && <p>{t('conference.record.none')}</p>}
        {c.goals.map((g, i) => (
          <div key={i} className="record-goal">
            <h3>{g.what}</h3>
            {g.measure && <p>{t('conference.record.measure', { measure: g.measure })}</p>}
            <ul className="record-commitments">
              {g.commitments.map((cm, j) => (
                <li key={j}>
                  <strong>
                    {roleLabel(t, cm.role)} — {cm.name}:
                  </strong>{' '}
                  {cm.text}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>

      <section aria-labelledby="record-summary">
        <h2 id="record-summary">{t('conference.record.summary')}</h2>
        <p className="record-prose">{c.summary || t('conference.record.none')}</p>
        <h2>{t('conference.record.next_steps')}</h2>
        <p className="record-prose">{c.nextSteps || t('conference.record.none')}</p>
      </section>
    </article>
  );
}

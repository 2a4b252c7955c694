/**
 * Survey results as the teacher and the admin read them: for each group (everyone, children,
 * families) how many answered of how many could, the average, the share who found it worthwhile,
 * and a bar chart of the five ratings — a table, so the numbers are there as text for everyone
 * (the bars are drawn with CSS and hidden from screen readers) — then the comments, each with who
 * wrote it (first name, child or family), its rating and the language it was written in.
 */
import { useId } from 'react';
import type { SummariesView, SurveyCommentView, SurveySummaryView } from '../../../contracts/surveys';
import { ratings, type Rating } from '../../../domain/conference/survey';
import { useI18n, useT } from '../../lib/i18n';
import { faceGlyphs, ratingLabel } from './faces';

function useNumbers() {
  const { intlLocale } = useI18n();
  const decimal = new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(intlLocale, { style: 'percent', maximumFractionDigits: 0 });
  return { mean: (n: number) => decimal.format(n), percent: (n: number) => percent.format(n) };
}

export function Distribution({ summary, group }: { summary: SurveySummaryView; group: string }) {
  const t = useT();
  const most = Math.max(1, ...summary.distribution);
  return (
    <table className="sv-chart">
      <caption>{t('surveys.results.chart_caption', { group })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('surveys.results.rating')}</th>
          <th scope="col">{t('surveys.results.answers')}</th>
        </tr>
      </thead>
      <tbody>
        {[...ratings].reverse().map((r) => {
          const n = summary.distribution[r - 1] ?? 0;
          return (
            <tr key={r} data-rating={r}>
              <th scope="row" className="sv-chart-label">
                <span aria-hidden="true">{faceGlyphs[r]} </span>
                {t('surveys.results.rating_row', { rating: r, label: ratingLabel(t, 'guardian', r) })}
              </th>
              <td className="sv-chart-value">
                <span className="sv-track" aria-hidden="true">
                  <span className="sv-bar" style={{ inlineSize: `${(n / most) * 100}%` }} />
                </span>
                <span className="sv-count">{n}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function SummaryFacts({ summary }: { summary: SurveySummaryView }) {
  const t = useT();
  const f = useNumbers();
  return (
    <ul className="sv-facts">
      <li>{t('surveys.results.answered', { count: summary.count, invited: summary.invited })}</li>
      {summary.responseRate !== null ? <li>{t('surveys.results.rate', { rate: f.percent(summary.responseRate) })}</li> : null}
      {summary.mean !== null ? <li className="sv-mean">{t('surveys.results.mean', { mean: f.mean(summary.mean) })}</li> : null}
      {summary.worthwhileShare !== null ? <li>{t('surveys.results.share', { share: f.percent(summary.worthwhileShare) })}</li> : null}
    </ul>
  );
}

/** One group's numbers and chart under its own heading (a group, not a landmark: a round's page has many). */
export function GroupSummary({ title, summary, level = 2 }: { title: string; summary: SurveySummaryView; level?: 2 | 3 | 4 | 5 }) {
  const t = useT();
  const Heading = `h${level}` as const;
  const headingId = useId();
  return (
    <div className="card sv-group" role="group" aria-labelledby={headingId}>
      <Heading id={headingId}>{title}</Heading>
      <SummaryFacts summary={summary} />
      {summary.count > 0 ? <Distribution summary={summary} group={title} /> : <p className="empty">{t('surveys.results.none_yet')}</p>}
    </div>
  );
}

/** Everyone first (with the chart), then children and families side by side. */
export function Summaries({ summary, level = 2 }: { summary: SummariesView; level?: 2 | 3 | 4 }) {
  const t = useT();
  const sub = (level + 1) as 3 | 4 | 5;
  return (
    <div className="sv-summaries">
      <GroupSummary title={t('surveys.results.everyone')} summary={summary.all} level={level} />
      <div className="sv-two">
        <GroupSummary title={t('surveys.results.children')} summary={summary.student} level={sub} />
        <GroupSummary title={t('surveys.results.guardians')} summary={summary.guardian} level={sub} />
      </div>
    </div>
  );
}

function languageName(locale: string, tag: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export function Comments({ comments, level = 2 }: { comments: SurveyCommentView[]; level?: 2 | 3 | 4 }) {
  const t = useT();
  const { intlLocale } = useI18n();
  const Heading = `h${level}` as const;
  const headingId = useId();
  const when = new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium' });
  return (
    <div className="sv-comments" role="group" aria-labelledby={headingId}>
      <Heading id={headingId}>{t('surveys.results.comments_count', { count: comments.length })}</Heading>
      {comments.length === 0 ? (
        <p className="empty">{t('surveys.results.no_comments')}</p>
      ) : (
        <ul className="sv-comment-list">
          {comments.map((c, i) => (
            <li key={`${c.at}-${i}`} className="card sv-comment">
              <p className="sv-comment-who">
                <strong>
                  {c.role === 'student' ? t('surveys.results.by_student', { name: c.firstName }) : t('surveys.results.by_guardian', { name: c.firstName, child: c.child })}
                </strong>
                <span className="card-meta">
                  <span aria-hidden="true">{faceGlyphs[c.worthwhile as Rating] ?? ''} </span>
                  {t('surveys.results.rated', { rating: c.worthwhile })} · <time dateTime={c.at} translate="no">{when.format(new Date(c.at))}</time> · {t('surveys.results.written_in', { language: languageName(intlLocale, c.language) })}
                </span>
              </p>
              {c.learned ? (
                <p className="sv-comment-text">
                  <span className="sv-comment-label">{t('surveys.results.learned')}</span>{' '}
                  <span lang={c.language} dir="auto" data-content>
                    {c.learned}
                  </span>
                </p>
              ) : null}
              {c.better ? (
                <p className="sv-comment-text">
                  <span className="sv-comment-label">{t('surveys.results.better')}</span>{' '}
                  <span lang={c.language} dir="auto" data-content>
                    {c.better}
                  </span>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

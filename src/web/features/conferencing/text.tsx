/**
 * Words and small pieces every conferencing page shares (the teacher's and the child's): a stage
 * prompt in the reader's language, a conference type, a step's owner, a day, a child's name with
 * their picture. Helper pages import these rather than spelling the keys again.
 */
import type { ChildRef, StageView } from '../../../contracts/conferencing';
import type { EvidenceView } from '../../../contracts/goals';
import { MediaDisplay } from '../portfolio/media';
import { Link } from 'react-router';
import { Name, PictureGlyph } from '../../components/ui';
import { useI18n, type T } from '../../lib/i18n';

type StagePrompt = StageView['prompts'][number];

/** Words of the school's own (one per language): the reader's language, else the school's first. */
export function ownWords(text: Record<string, string>, locale: string): string {
  const lang = locale === 'pseudo' ? 'en' : locale;
  return text[lang] ?? Object.entries(text).find(([k]) => k.split('-')[0] === lang.split('-')[0])?.[1] ?? Object.values(text)[0] ?? '';
}

/** A stage's prompt as the reader reads it: one of ours (`conferencing.prompt.<key>`), or the school's own words. */
export function promptText(t: T, locale: string, prompt: StagePrompt): string {
  return 'key' in prompt ? t(`conferencing.prompt.${prompt.key}`) : ownWords(prompt.text, locale);
}

export function usePromptText(): (prompt: StagePrompt) => string {
  const { t, locale } = useI18n();
  return (prompt) => promptText(t, locale, prompt);
}

/** A calendar day (YYYY-MM-DD, no time zone) in the reader's language, as data. */
export function Day({ iso, style = 'medium' }: { iso: string; style?: 'medium' | 'long' | 'short' }) {
  const { intlLocale } = useI18n();
  const date = new Date(`${iso}T00:00:00Z`);
  const text = Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(intlLocale, { dateStyle: style, timeZone: 'UTC' }).format(date);
  return (
    <time dateTime={iso} translate="no" dir="auto">
      {text}
    </time>
  );
}

/** An instant (a request's time) in the school's time zone, as data. */
export function Moment({ iso, timeZone }: { iso: string; timeZone?: string | undefined }) {
  const { intlLocale } = useI18n();
  return (
    <time dateTime={iso} translate="no" dir="auto">
      {new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso))}
    </time>
  );
}

/** Days from one calendar day to another ('2027-03-01' → '2027-03-04' is 3). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A child's name with their picture (the picture is decoration: the name is next to it). */
export function ChildName({ child, size = 'sm' }: { child: Pick<ChildRef, 'givenName' | 'familyName' | 'avatar'>; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <span className="cf-child">
      <PictureGlyph name={child.avatar} size={size} />{' '}
      <Name>
        {child.givenName} {child.familyName}
      </Name>
    </span>
  );
}

/** "Daniel Okafor, Ava Bramwell": people as data. */
export function People({ people }: { people: ReadonlyArray<{ givenName: string; familyName: string }> }) {
  return <Name>{people.map((p) => `${p.givenName} ${p.familyName}`).join(', ')}</Name>;
}

/** How a school names its years: UK (Reception, Year 1…) or US (Kindergarten, Grade 1…). */
export type GradeStyle = 'uk' | 'us';

/** The school's way of naming years: a US template, or a school in an American time zone, names grades. */
export function gradeStyleOf(source: string, timeZone: string | undefined): GradeStyle {
  return source === 'us_elementary' || (timeZone ?? '').startsWith('America/') ? 'us' : 'uk';
}

/** A grade level (-1 nursery, 0 reception or kindergarten, then 1…13) in the school's way. */
export function gradeLabel(t: T, grade: number, style: GradeStyle = 'uk'): string {
  if (grade < 0) return t(`conferencing.grade.${style}.nursery`);
  if (grade === 0) return t(`conferencing.grade.${style}.reception`);
  return t(`conferencing.grade.${style}.year`, { n: grade });
}

/** Today in the school's time zone (YYYY-MM-DD). */
export function schoolToday(timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timeZone ?? 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** Pieces of a child's work, small: the picture (or a note icon) and the caption. */
export function PieceList({ posts, untitled }: { posts: readonly EvidenceView[]; untitled: string }) {
  return (
    <ul className="goal-evidence-list">
      {posts.map((p) => (
        <li key={p.id} className="goal-evidence">
          {p.thumbnail ? <MediaDisplay media={p.thumbnail} label="" /> : <span className="goal-evidence-text" aria-hidden="true">📝</span>}
          <span className="goal-evidence-caption" dir="auto" data-content>
            {p.caption || p.text || untitled}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Home › the child's page (left out when the child is reading about themself). */
export function ChildBreadcrumb({ student, self, home }: { student: ChildRef; self: boolean; home: string }) {
  return (
    <p className="breadcrumb">
      <Link to="/">{home}</Link>
      {!self ? (
        <>
          {' › '}
          <Link to={`/students/${student.id}`}>
            <Name>
              {student.givenName} {student.familyName}
            </Name>
          </Link>
        </>
      ) : null}
    </p>
  );
}

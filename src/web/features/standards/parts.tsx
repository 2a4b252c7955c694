/**
 * Small pieces the standards pages share: a statement shown as plain text (a CASE statement may
 * hold markdown, math or HTML-looking text — React writes it as text, never as markup), a coding,
 * a framework's source, and the list of problems with a package, each at its JSON path.
 */
import type { ReactNode } from 'react';
import type { CaseProblemView, FrameworkSummary } from '../../../contracts/standards';
import { useI18n, useT } from '../../lib/i18n';

/** The statement as written: line breaks kept, markdown left as its characters. */
export function Statement({ text, className = '' }: { text: string; className?: string }) {
  return (
    <span className={`standards-statement ${className}`.trim()} data-content dir="auto">
      {text}
    </span>
  );
}

/** A human coding ("Y1.W.1"): data, never translated. */
export function Coding({ code }: { code: string | null }) {
  if (!code) return null;
  return (
    <span className="standards-code" translate="no" dir="ltr">
      {code}
    </span>
  );
}

/**
 * A coding and its statement as one run of text, its direction taken from what it starts with — so
 * "Y1.W.1 Leave spaces between words" stays in order inside an Arabic page.
 */
export function CodedStatement({ code, text, className = '' }: { code: string | null; text: string; className?: string }) {
  return (
    <span className={`standards-coded ${className}`.trim()} dir="auto">
      <Coding code={code} /> <Statement text={text} />
    </span>
  );
}

/** "Imported (CASE 1.0)" or "Written by the school". */
export function SourceLabel({ framework }: { framework: Pick<FrameworkSummary, 'source' | 'caseVersion'> }) {
  const t = useT();
  return <>{framework.source === 'school' ? t('standards.source.school') : t('standards.source.case', { version: framework.caseVersion ?? '1.0' })}</>;
}

/** When Confer last changed it, in the reader's language. */
export function useChangedOn() {
  const { intlLocale } = useI18n();
  const regional = navigator.languages.find((l) => l.toLowerCase().startsWith(`${intlLocale}-`)) ?? intlLocale;
  const format = new Intl.DateTimeFormat(regional, { day: 'numeric', month: 'long', year: 'numeric' });
  return (iso: string) => format.format(new Date(iso));
}

/** "CFItems[3].identifier — This is not a UUID…", one per line; the path is data (not translated). */
export function ProblemList({ problems, labelledBy }: { problems: CaseProblemView[]; labelledBy: string }) {
  const t = useT();
  return (
    <ul className="standards-problems" aria-labelledby={labelledBy}>
      {problems.map((p) => (
        <li key={`${p.path}:${p.code}`}>
          <code translate="no" dir="ltr" className="standards-path">
            {p.path === '$' ? t('standards.import.wholeFile') : p.path}
          </code>{' '}
          <span>{t(`standards.problems.${p.code}`)}</span>
        </li>
      ))}
    </ul>
  );
}

/** "Riverside writing › Y1.W › Y1.W.2": where a standard sits in its framework. */
export function Breadcrumb({ framework, path }: { framework: string; path: Array<{ identifier: string; humanCodingScheme: string | null; fullStatement: string }> }) {
  const parts: ReactNode[] = [
    <span key="fw" data-content dir="auto">
      {framework}
    </span>,
  ];
  for (const p of path) {
    parts.push(
      <span key={`s${p.identifier}`}>
        <span aria-hidden="true">{' › '}</span>
        <span className="visually-hidden">, </span>
      </span>,
    );
    parts.push(
      <span key={p.identifier} data-content dir="auto">
        {p.humanCodingScheme ?? shorten(p.fullStatement)}
      </span>,
    );
  }
  return <span className="standards-breadcrumb">{parts}</span>;
}

export const shorten = (s: string, n = 48) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

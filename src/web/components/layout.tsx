import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { locales } from '../../contracts/locales';
import type { Me } from '../../contracts/api';
import { api, ApiError } from '../lib/api';
import { useI18n, type UiLocale } from '../lib/i18n';
import { useSession } from '../lib/session';
import { errorMessage, Name } from './ui';

/** Opened with `?lang=pseudo`: the pseudo-locale stays on offer after switching away from it. */
const openedInPseudo = typeof window !== 'undefined' && new URLSearchParams(window.location.search).get('lang') === 'pseudo';

function GlobeIcon() {
  return (
    <svg className="icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
      <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z" fill="none" stroke="currentColor" strokeWidth="1.8" />
    </svg>
  );
}

/**
 * The page's language: a button showing the current one that opens the list of languages — a
 * disclosure, not a <select>, so nothing changes until a language is chosen (WCAG 3.2.2). Each
 * language is named in itself (data, so `translate="no"`, with its own `lang`). A signed-in
 * person's choice is saved to their account; if that fails, the page stays in the new language
 * and says so in it.
 */
export function LanguageSwitcher({ placement = 'inline' }: { placement?: 'header' | 'inline' }) {
  const { locale, setLocale, t } = useI18n();
  const { me, replaceMe } = useSession();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const latest = useRef(0);
  const listId = useId();

  const options: Array<{ tag: UiLocale; name: string; lang?: string; dir?: 'ltr' | 'rtl' }> = locales.map((l) => ({ tag: l.tag, name: l.name, lang: l.tag, dir: l.dir }));
  if (openedInPseudo || locale === 'pseudo') options.push({ tag: 'pseudo', name: t('app.layout.pseudo') });
  const current = options.find((o) => o.tag === locale) ?? options[0]!;

  // A press anywhere else closes the list (focus stays where the person put it).
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  function close() {
    setOpen(false);
    toggleRef.current?.focus();
  }

  async function choose(tag: UiLocale) {
    close();
    const mine = ++latest.current;
    setError(null);
    try {
      if (tag !== locale) await setLocale(tag);
      // Signed-in people keep their language: it is used for their emails and on every device.
      if (me && tag !== 'pseudo' && me.preferredLocale !== tag) replaceMe(await api<Me>('PATCH', '/api/me', { preferredLocale: tag }));
    } catch (err) {
      // A newer choice is under way, or the session ended (the app sends the person to sign in and says so).
      if (mine !== latest.current || (err instanceof ApiError && err.code === 'unauthenticated')) return;
      setError(err);
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      close();
      return;
    }
    const buttons = [...(listRef.current?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (!open || at < 0) return;
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    buttons[(next + buttons.length) % buttons.length]?.focus();
  }

  return (
    <>
      <div
        ref={rootRef}
        className={`language language-${placement}`}
        onKeyDown={onKeyDown}
        onBlur={(e) => {
          // Tabbing out of the list closes it.
          if (open && e.relatedTarget instanceof Node && !rootRef.current?.contains(e.relatedTarget)) setOpen(false);
        }}
      >
        <button
          ref={toggleRef}
          type="button"
          className="button language-toggle"
          aria-expanded={open}
          aria-controls={listId}
          aria-label={t('app.layout.languageCurrent', { language: current.name })}
          onClick={() => setOpen((o) => !o)}
        >
          <GlobeIcon />
          <span lang={current.lang} dir={current.dir} translate={current.lang ? 'no' : undefined}>
            {current.name}
          </span>
          <svg className="icon language-chevron" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="16" height="16">
            <path d="M6 9l6 6 6-6" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
        <ul ref={listRef} id={listId} className="language-list" aria-label={t('app.layout.language')} hidden={!open}>
          {options.map((o) => (
            <li key={o.tag}>
              <button
                type="button"
                className="language-option"
                lang={o.lang}
                translate={o.lang ? 'no' : undefined}
                aria-current={o.tag === locale ? 'true' : undefined}
                onClick={() => void choose(o.tag)}
              >
                <span className="language-check" aria-hidden="true">
                  {o.tag === locale ? '✓' : ''}
                </span>
                {/* The name's own direction, but lined up with the page's. */}
                <span dir={o.dir}>{o.name}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
      {error ? (
        <p className="notice notice-error language-error" role="alert">
          {t('app.layout.languageNotSaved')} {errorMessage(t, error)}
        </p>
      ) : null}
    </>
  );
}

/** Puts focus on a page's (or step's) heading so screen readers announce it, and names the tab after it (WCAG 2.4.2). */
function showHeading(h1: HTMLElement, brand: string, preventScroll: boolean) {
  h1.tabIndex = -1;
  h1.focus({ preventScroll });
  document.title = `${h1.textContent ?? ''} · ${brand}`;
}

/**
 * For a page that moves through steps on one address (the layout only moves focus when the
 * address changes): put the returned ref on each step's h1, and focus moves to it whenever `step`
 * changes — not on the first render, which the layout handles.
 */
export function useStepHeading(step: string) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);
  const shown = useRef(step);
  const brand = t('app.brand');
  useEffect(() => {
    if (shown.current === step) return;
    shown.current = step;
    if (ref.current) showHeading(ref.current, brand, false);
  }, [step, brand]);
  return ref;
}

export function Layout({ children }: { children: ReactNode }) {
  const { t, locale } = useI18n();
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const brand = useRef(t('app.brand'));
  brand.current = t('app.brand');

  // After moving to another page, put focus on its heading. Pages that load data set their h1 a moment later.
  useEffect(() => {
    let tries = 0;
    const timer = window.setInterval(() => {
      const h1 = mainRef.current?.querySelector('h1');
      if (h1 instanceof HTMLElement || ++tries > 20) window.clearInterval(timer);
      if (h1 instanceof HTMLElement) showHeading(h1, brand.current, true);
    }, 50);
    return () => window.clearInterval(timer);
  }, [location.pathname]);

  // A new language renames the tab too (focus stays where it is).
  useEffect(() => {
    const h1 = mainRef.current?.querySelector('h1');
    if (h1) document.title = `${h1.textContent ?? ''} · ${brand.current}`;
  }, [locale]);

  const school = me?.schools[0];
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.layout.skip')}
      </a>
      <header className="top">
        <div className="top-inner">
          <Link to="/" className="brand">
            <span aria-hidden="true" className="brand-mark">
              ◐
            </span>
            <span>{t('app.brand')}</span>
          </Link>
          {school ? (
            <span className="school-name">
              <Name>{school.name}</Name>
            </span>
          ) : null}
          <div className="top-actions">
            {me ? (
              <>
                <Link to="/account" className="button button-quiet">
                  {t('app.layout.account')}
                </Link>
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={async () => {
                    await signOut();
                    navigate('/sign-in');
                  }}
                >
                  {t('app.layout.signOut')}
                </button>
              </>
            ) : null}
            {/* Last, so its list opens under it at the header's end edge, on any width and in either direction. */}
            <LanguageSwitcher placement="header" />
          </div>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { locales } from '../../contracts/locales';
import type { Me } from '../../contracts/api';
import { api } from '../lib/api';
import { useI18n, type UiLocale } from '../lib/i18n';
import { useSession } from '../lib/session';
import { Name } from './ui';

export function LanguageSwitcher() {
  const { locale, setLocale, t } = useI18n();
  const { me, replaceMe } = useSession();
  async function change(tag: UiLocale) {
    await setLocale(tag);
    // Signed-in people keep their language: it is used for their emails and on every device.
    if (me && tag !== 'pseudo') replaceMe(await api<Me>('PATCH', '/api/me', { preferredLocale: tag }));
  }
  return (
    <label className="language">
      <span className="visually-hidden">{t('app.layout.language')}</span>
      <select value={locale} onChange={(e) => void change(e.target.value as UiLocale)}>
        {locales.map((l) => (
          <option key={l.tag} value={l.tag} lang={l.tag} translate="no">
            {l.name}
          </option>
        ))}
        {locale === 'pseudo' ? <option value="pseudo">{t('app.layout.pseudo')}</option> : null}
      </select>
    </label>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const brand = useRef(t('app.brand'));
  brand.current = t('app.brand');

  // After moving to another page, put focus on its heading so screen readers announce it, and
  // name the tab after it (WCAG 2.4.2). Pages that load data set their h1 a moment later.
  useEffect(() => {
    let tries = 0;
    const timer = window.setInterval(() => {
      const h1 = mainRef.current?.querySelector('h1');
      if (h1 instanceof HTMLElement || ++tries > 20) window.clearInterval(timer);
      if (h1 instanceof HTMLElement) {
        h1.tabIndex = -1;
        h1.focus({ preventScroll: true });
        document.title = `${h1.textContent ?? ''} · ${brand.current}`;
      }
    }, 50);
    return () => window.clearInterval(timer);
  }, [location.pathname]);

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
            <LanguageSwitcher />
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
          </div>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

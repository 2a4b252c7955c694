import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { SessionState } from '../../contracts/api';
import { ErrorNotice, Field, fieldError } from '../components/ui';
import { api, ApiError } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { returnPath } from '../lib/return-to';
import { useSession } from '../lib/session';
import { useAction } from '../lib/use-api';

/** Grown-ups (and older pupils) sign in with a password or an emailed link; young pupils go to the class-code path. */
export function SignInPage() {
  const { t, locale } = useI18n();
  const { signedIn, ended } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [mode, setMode] = useState<'password' | 'link'>('password');
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, setError, run } = useAction();
  const [linkSentTo, setLinkSentTo] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const sentRef = useRef<HTMLParagraphElement>(null);
  const sent = linkSentTo !== null;
  const wasSent = useRef(sent);

  // The form is replaced by the "link sent" notice (and back): take focus along, so it is not lost
  // on <body> and a screen reader reads the notice.
  useEffect(() => {
    if (wasSent.current === sent) return;
    wasSent.current = sent;
    if (sent) sentRef.current?.focus();
    else formRef.current?.querySelector('input')?.focus();
  }, [sent]);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    void run(async () => {
      if (mode === 'password') {
        signedIn(await api<SessionState>('POST', '/api/auth/password', { identifier, password }));
        // Back to the page the person was on when they were asked to sign in (a session that ended, a bookmark).
        navigate(returnPath(location.state), { replace: true });
      } else {
        await api('POST', '/api/auth/link', { email: identifier.trim(), locale: locale === 'pseudo' ? 'en' : locale });
        setLinkSentTo(identifier.trim());
      }
    });
  }

  return (
    <div className="narrow">
      <h1>{t('app.signIn.title')}</h1>
      {ended ? (
        <p className="notice notice-error" role="status">
          {t('app.signIn.ended')}
        </p>
      ) : null}
      <div className="choice-grid">
        <section className="card" aria-labelledby="grown-ups">
          <h2 id="grown-ups">{t('app.signIn.grownUps')}</h2>
          {linkSentTo ? (
            <div className="notice notice-ok">
              <p ref={sentRef} tabIndex={-1}>
                {t('app.signIn.linkSent', { email: linkSentTo })}
              </p>
              <button type="button" className="button button-quiet" onClick={() => setLinkSentTo(null)}>
                {t('app.signIn.back')}
              </button>
            </div>
          ) : (
            <form ref={formRef} onSubmit={submit} noValidate>
              <Field
                label={mode === 'password' ? t('app.signIn.identifier') : t('app.signIn.email')}
                name="identifier"
                type={mode === 'password' ? 'text' : 'email'}
                autoComplete="username"
                inputMode={mode === 'password' ? 'text' : 'email'}
                required
                value={identifier}
                onChange={(e) => setIdentifier(e.target.value)}
                error={fieldError(t, error, mode === 'password' ? 'identifier' : 'email')}
              />
              {mode === 'password' ? (
                <Field
                  label={t('app.signIn.password')}
                  name="password"
                  type="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  error={fieldError(t, error, 'password')}
                />
              ) : (
                <p className="hint">{t('app.signIn.linkHint')}</p>
              )}
              <ErrorNotice error={error} />
              {/* aria-disabled, not disabled: a disabled button loses focus (to <body>) while the request runs. */}
              <button className="button button-primary" type="submit" aria-disabled={busy || undefined}>
                {mode === 'password' ? t('app.signIn.submit') : t('app.signIn.sendLink')}
              </button>
              <button
                type="button"
                className="button button-link"
                onClick={() => {
                  setMode(mode === 'password' ? 'link' : 'password');
                  setError(null);
                }}
              >
                {mode === 'password' ? t('app.signIn.useLink') : t('app.signIn.usePassword')}
              </button>
            </form>
          )}
        </section>
        <section className="card card-pupils" aria-labelledby="pupils">
          <h2 id="pupils">{t('app.signIn.pupils')}</h2>
          <p>{t('app.signIn.pupilsHint')}</p>
          <Link className="button button-big" to="/sign-in/class" state={location.state}>
            <span aria-hidden="true" className="picture picture-lg">
              🎒
            </span>
            {t('app.signIn.pupilsButton')}
          </Link>
        </section>
      </div>
    </div>
  );
}

/** The page an emailed link opens: the token is in the fragment, so only this page ever sees it. */
export function SignInLinkPage() {
  const { t } = useI18n();
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const { busy, error, run } = useAction();
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');

  function go() {
    if (!token) return;
    void run(async () => {
      signedIn(await api<SessionState>('POST', '/api/auth/link/verify', { token }));
      window.history.replaceState(null, '', '/sign-in/link');
      navigate('/');
    });
  }

  // A person clicks to confirm: mail scanners that open links do not use the one-time token up.
  return (
    <div className="narrow">
      <h1>{t('app.signInLink.title')}</h1>
      {token && !error ? (
        <div className="card">
          <p>{t('app.signInLink.confirm')}</p>
          <button type="button" className="button button-primary" onClick={go} disabled={busy}>
            {t('app.signInLink.continue')}
          </button>
        </div>
      ) : (
        <div className="card">
          <ErrorNotice error={error ?? new ApiError(400, 'link_invalid')} />
          <Link className="button" to="/sign-in">
            {t('app.signInLink.again')}
          </Link>
        </div>
      )}
    </div>
  );
}

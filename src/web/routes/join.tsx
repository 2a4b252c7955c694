/**
 * A guardian joins from an invitation: the emailed link (#token=…) or a printed letter (its QR
 * code opens /join?code=…, or they type the code). They see their children's first names, choose
 * a password, and are signed in. The page switches to the family's language when the school
 * knows it and the person has not chosen another.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { SessionState } from '../../contracts/api';
import { ErrorNotice, Field, fieldError } from '../components/ui';
import { api, ApiError } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { useSession } from '../lib/session';
import { useAction } from '../lib/use-api';

interface Invitation {
  schoolName: string;
  givenName: string;
  children: string[];
  preferredLocale: 'en' | 'es' | 'ko' | 'ar' | null;
}

export function JoinPage() {
  const { t, locale, setLocale, intlLocale } = useI18n();
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? undefined;
  const [code, setCode] = useState(params.get('code') ?? '');
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [password, setPassword] = useState('');
  const look = useAction();
  const join = useAction();
  const heading = useRef<HTMLHeadingElement>(null);
  const secret = token ? { token } : { code };

  function lookUp() {
    return look.run(async () => {
      const found = await api<Invitation>('POST', '/api/invitations/look-up', secret);
      setInvitation(found);
      const chosen = (() => {
        try {
          return window.localStorage.getItem('confer.locale');
        } catch {
          return null;
        }
      })();
      if (found.preferredLocale && !chosen && found.preferredLocale !== locale && locale !== 'pseudo') await setLocale(found.preferredLocale);
    });
  }

  // Opened from a link or a QR code: look the invitation up straight away.
  useEffect(() => {
    if (token || params.get('code')) void lookUp();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (invitation) heading.current?.focus();
  }, [invitation]);

  function submitCode(e: FormEvent) {
    e.preventDefault();
    if (!look.busy) void lookUp();
  }

  function submitPassword(e: FormEvent) {
    e.preventDefault();
    if (join.busy) return;
    void join.run(async () => {
      signedIn(await api<SessionState>('POST', '/api/invitations/accept', { ...secret, password }));
      window.history.replaceState(null, '', '/join');
      navigate('/');
    });
  }

  if (!invitation) {
    const linkFailed = token && look.error instanceof ApiError;
    return (
      <div className="narrow">
        <h1>{t('app.join.title')}</h1>
        {linkFailed ? (
          <ErrorNotice error={look.error} />
        ) : (
          <form className="card" onSubmit={submitCode} noValidate>
            <p>{t('app.join.codeIntro')}</p>
            <Field
              label={t('app.join.code')}
              hint={t('app.join.codeHint')}
              name="code"
              autoComplete="one-time-code"
              autoCapitalize="characters"
              spellCheck={false}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              error={fieldError(t, look.error, 'code')}
            />
            <ErrorNotice error={look.error instanceof ApiError && look.error.fields.code ? null : look.error} />
            <button className="button button-primary" type="submit" aria-disabled={look.busy || undefined}>
              {t('app.join.next')}
            </button>
          </form>
        )}
      </div>
    );
  }

  return (
    <div className="narrow">
      <h1 ref={heading} tabIndex={-1}>
        {t('app.join.welcome', { name: invitation.givenName })}
      </h1>
      <p className="lead">{t('app.join.invitedBy', { school: invitation.schoolName, children: new Intl.ListFormat(intlLocale).format(invitation.children) })}</p>
      <form className="card" onSubmit={submitPassword} noValidate>
        <Field
          label={t('app.join.password')}
          hint={t('app.join.passwordHint')}
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={8}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldError(t, join.error, 'password')}
        />
        <ErrorNotice error={join.error instanceof ApiError && join.error.fields.password ? null : join.error} />
        <button className="button button-primary" type="submit" aria-disabled={join.busy || undefined}>
          {t('app.join.join')}
        </button>
      </form>
    </div>
  );
}

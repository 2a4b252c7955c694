/** Who is signed in, for the whole app. Starts from GET /api/session, which also hands out the CSRF token. */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Me, SessionState } from '../../contracts/api';
import { api, SESSION_ENDED, setCsrfToken } from './api';
import { useI18n } from './i18n';

interface SessionValue {
  me: Me | null;
  /** True when the session ended under the person (expired, or signed out elsewhere). */
  ended: boolean;
  /** After a sign-in form succeeds. */
  signedIn(state: SessionState): void;
  signOut(everywhere?: boolean): Promise<void>;
  refresh(): Promise<Me | null>;
  replaceMe(me: Me): void;
}

const SessionContext = createContext<SessionValue | null>(null);

export async function fetchSession(): Promise<SessionState> {
  const state = await api<SessionState>('GET', '/api/session');
  setCsrfToken(state.csrfToken);
  return state;
}

export function SessionProvider({ initial, children }: { initial: SessionState; children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(initial.me);
  const { locale, setLocale } = useI18n();
  const [ended, setEnded] = useState(false);
  const meRef = useRef(me);
  meRef.current = me;

  useEffect(() => {
    const onEnded = () => {
      if (meRef.current) setEnded(true);
      setMe(null);
      // A fresh CSRF token for the signed-out browser.
      void fetchSession().catch(() => undefined);
    };
    window.addEventListener(SESSION_ENDED, onEnded);
    return () => window.removeEventListener(SESSION_ENDED, onEnded);
  }, []);

  const refresh = useCallback(async () => {
    const state = await fetchSession();
    setMe(state.me);
    return state.me;
  }, []);

  const value = useMemo<SessionValue>(
    () => ({
      me,
      ended,
      signedIn(state) {
        setEnded(false);
        setCsrfToken(state.csrfToken);
        setMe(state.me);
        // A person's chosen language follows them to every device they sign in on.
        const preferred = state.me?.preferredLocale;
        if (preferred && preferred !== locale && locale !== 'pseudo') void setLocale(preferred);
      },
      async signOut(everywhere = false) {
        await api('POST', everywhere ? '/api/auth/sign-out-everywhere' : '/api/auth/sign-out');
        await refresh();
      },
      refresh,
      replaceMe: setMe,
    }),
    [me, ended, refresh, locale, setLocale],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

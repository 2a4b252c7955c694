import { lazy, Suspense } from 'react';
import { useNavigate } from 'react-router';

const DigestSetting = lazy(() => import('./portfolio').then((m) => ({ default: m.DigestSetting })));
import { ErrorNotice, Name } from '../components/ui';
import { LanguageSwitcher } from '../components/layout';
import { useT } from '../lib/i18n';
import { useSession } from '../lib/session';
import { useAction } from '../lib/use-api';

export function AccountPage() {
  const t = useT();
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  const { error, run } = useAction();
  if (!me) return null;
  return (
    <div className="narrow">
      <h1>{t('app.account.title')}</h1>
      <section className="card">
        <p className="card-title">
          <Name>
            {me.givenName} {me.familyName}
          </Name>
        </p>
        {me.email ? (
          <p className="card-meta" translate="no">
            {me.email}
          </p>
        ) : null}
      </section>
      <section className="card" aria-labelledby="language-heading">
        <h2 id="language-heading">{t('app.account.language')}</h2>
        <p>{t('app.account.languageHint')}</p>
        <LanguageSwitcher />
      </section>
      {me.roles.includes('guardian') ? (
        <section className="card" aria-labelledby="email-heading">
          <h2 id="email-heading">{t('portfolio.digest.title')}</h2>
          <p>{t('portfolio.digest.hint')}</p>
          <Suspense fallback={null}>
            <DigestSetting />
          </Suspense>
        </section>
      ) : null}
      <section className="card" aria-labelledby="everywhere-heading">
        <h2 id="everywhere-heading">{t('app.account.everywhere')}</h2>
        <p>{t('app.account.everywhereHint')}</p>
        <ErrorNotice error={error} />
        <button
          type="button"
          className="button"
          onClick={() =>
            void run(async () => {
              await signOut(true);
              navigate('/sign-in');
            })
          }
        >
          {t('app.account.everywhereButton')}
        </button>
      </section>
    </div>
  );
}

/**
 * /conferences/:id/present — the child's presenter, full screen on a tablet or laptop: the app's
 * header and menus are hidden while it is open (nothing leads away to other pages or other
 * children's work), and its fixed words are in the family's language, with the reader's own
 * language small under each title when it differs. The child opens it, or their teacher does for
 * them on a class tablet (`can.present`); anyone else is told whose screen it is.
 */
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { defaultLocale, localeDir, matchLocale } from '../../contracts/locales';
import { ErrorNotice, Loading } from '../components/ui';
import { Presenter, type OtherLanguage } from '../features/conference/present/presenter';
import { useConferenceLive } from '../features/conference/present/use-conference-live';
import { InLocale, useI18n, useT } from '../lib/i18n';
import '../styles/conference-present.css';

/** While mounted, the page around the presenter (header, skip link, page margins) is hidden. */
function useBareScreen(on: boolean) {
  useEffect(() => {
    if (!on) return;
    document.body.classList.add('cp-presenting');
    return () => document.body.classList.remove('cp-presenting');
  }, [on]);
}

export function PresenterPage() {
  const t = useT();
  const outer = useI18n();
  const { id } = useParams();
  const { view: v, error, reload, live } = useConferenceLive(id);
  useBareScreen(Boolean(v?.can.present));
  if (error) {
    return (
      <div className="narrow">
        <h1>{t('conference.day.present')}</h1>
        <ErrorNotice error={error} />
      </div>
    );
  }
  if (!v) return <Loading />;
  if (!v.can.present) {
    return (
      <div className="narrow">
        <h1>{t('presenter.only_child.title', { name: v.student.givenName })}</h1>
        <p>{t('presenter.only_child.text', { name: v.student.givenName })}</p>
        {v.can.family && (
          <p>
            <Link className="button button-primary" to={`/conferences/${v.id}/family`}>
              {t('presenter.only_child.family_link')}
            </Link>
          </p>
        )}
      </div>
    );
  }
  const family = matchLocale([v.language]) ?? defaultLocale;
  const mine = outer.locale;
  const child: OtherLanguage | null = mine !== 'pseudo' && mine !== family ? { t: outer.t, lang: mine, dir: localeDir(mine) } : null;
  return (
    <InLocale tag={v.language} className="cp-root">
      <Presenter view={v} live={live ?? v.live} onChanged={reload} child={child} />
    </InLocale>
  );
}

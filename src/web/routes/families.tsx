/**
 * Families: who has joined Confer and who has not, for an admin (every family) or a teacher (their
 * classes' families) — and inviting them: by email, or on printed letters with a QR code and a
 * code for families without email. Each letter is written in that family's language.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { localeDir, matchLocale, type LocaleTag } from '../../contracts/locales';
import { ErrorNotice, Loading, Name } from '../components/ui';
import { api } from '../lib/api';
import { loadLocale, useI18n, type Messages } from '../lib/i18n';
import { useSession } from '../lib/session';
import { useAction, useApi } from '../lib/use-api';

interface Family {
  userId: string;
  givenName: string;
  familyName: string;
  email: string | null;
  preferredLocale: string | null;
  joined: boolean;
  children: Array<{ studentId: string; givenName: string; classNames: string[] }>;
  invitation: { method: 'email' | 'letter'; sentAt: string; expiresAt: string; status: 'open' | 'expired' | 'accepted' } | null;
}

interface Letter {
  userId: string;
  givenName: string;
  familyName: string;
  locale: string;
  children: string[];
  code: string;
  url: string;
  qrSvg: string;
  expiresAt: string;
}

interface InviteResult {
  emailed: string[];
  noEmail: string[];
  alreadyIn: string[];
  letters: Letter[];
}

export function FamiliesPage() {
  const { t, intlLocale } = useI18n();
  const { me } = useSession();
  const schoolId = me?.schools[0]?.id;
  const list = useApi<{ families: Family[] }>(schoolId ? `/api/schools/${schoolId}/families` : null);
  const [onlyWaiting, setOnlyWaiting] = useState(true);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [result, setResult] = useState<InviteResult | null>(null);
  const { busy, error, run } = useAction();
  const notice = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (result) notice.current?.focus();
  }, [result]);

  if (list.status === 'loading') return <Loading />;
  if (list.status === 'error') return <ErrorNotice error={list.error} />;
  const families = list.data.families;
  const shown = onlyWaiting ? families.filter((f) => !f.joined) : families;
  const joined = families.filter((f) => f.joined).length;
  const date = (iso: string) => new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium' }).format(new Date(iso));

  function invite(method: 'email' | 'letter') {
    if (busy || selected.size === 0 || !schoolId) return;
    void run(async () => {
      const r = await api<InviteResult>('POST', `/api/schools/${schoolId}/invitations`, { userIds: [...selected], method });
      setResult(r);
      setSelected(new Set());
      list.reload();
    });
  }

  function status(f: Family): string {
    if (f.joined) return t('app.families.status.joined');
    if (!f.invitation) return t('app.families.status.notInvited');
    if (f.invitation.status === 'expired') return t('app.families.status.expired', { date: date(f.invitation.expiresAt) });
    return f.invitation.method === 'email' ? t('app.families.status.emailed', { date: date(f.invitation.sentAt) }) : t('app.families.status.letter', { date: date(f.invitation.sentAt) });
  }

  if (result && result.letters.length > 0)
    return (
      <Letters
        letters={result.letters}
        onDone={() => {
          setResult(null);
          list.reload();
        }}
      />
    );

  return (
    <div>
      <p className="breadcrumb no-print">
        <Link to="/">{t('app.nav.home')}</Link>
      </p>
      <h1>{t('app.families.title')}</h1>
      <p className="lead">{t('app.families.joinedCount', { joined, total: families.length })}</p>
      {result ? (
        <div className="notice notice-ok" ref={notice} tabIndex={-1} role="status">
          <p>{t('app.families.emailed', { count: result.emailed.length })}</p>
          {result.noEmail.length ? <p>{t('app.families.noEmail', { count: result.noEmail.length })}</p> : null}
          {result.alreadyIn.length ? <p>{t('app.families.alreadyIn', { count: result.alreadyIn.length })}</p> : null}
        </div>
      ) : null}
      <label className="choice">
        <input type="checkbox" checked={onlyWaiting} onChange={(e) => setOnlyWaiting(e.target.checked)} />
        <span>{t('app.families.onlyWaiting')}</span>
      </label>
      <div className="row">
        <button type="button" className="button button-primary" aria-disabled={busy || selected.size === 0 || undefined} onClick={() => invite('email')}>
          {t('app.families.sendEmails', { count: selected.size })}
        </button>
        <button type="button" className="button" aria-disabled={busy || selected.size === 0 || undefined} onClick={() => invite('letter')}>
          {t('app.families.printLetters', { count: selected.size })}
        </button>
        <button type="button" className="button button-quiet" onClick={() => setSelected(new Set(shown.map((f) => f.userId)))}>
          {t('app.families.selectAll')}
        </button>
      </div>
      <ErrorNotice error={error} />
      {shown.length === 0 ? <p>{t('app.families.none')}</p> : null}
      <ul className="card-list">
        {shown.map((f) => (
          <li key={f.userId} className="card">
            <label className="choice">
              <input
                type="checkbox"
                checked={selected.has(f.userId)}
                onChange={(e) => {
                  const next = new Set(selected);
                  if (e.target.checked) next.add(f.userId);
                  else next.delete(f.userId);
                  setSelected(next);
                }}
              />
              <span className="card-title">
                <Name>
                  {f.givenName} {f.familyName}
                </Name>
              </span>
            </label>
            <span className="card-meta">
              {f.children.map((c, i) => (
                <span key={c.studentId}>
                  {i > 0 ? ', ' : ''}
                  <Name>{c.givenName}</Name> (<Name>{c.classNames.join(', ')}</Name>)
                </span>
              ))}
            </span>
            <span className="card-meta">{f.email ? <span translate="no">{f.email}</span> : t('app.families.noEmailShort')}</span>
            <span className={`badge ${f.joined ? 'badge-ok' : ''}`}>{status(f)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Printable letters, one per family per page, each in that family's language. */
function Letters({ letters, onDone }: { letters: Letter[]; onDone(): void }) {
  const { t } = useI18n();
  const { me } = useSession();
  const school = me?.schools[0]?.name ?? '';
  const [catalogs, setCatalogs] = useState<Map<string, Messages> | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const tags = useMemo(() => [...new Set<LocaleTag>(['en', ...letters.map((l) => matchLocale([l.locale]) ?? 'en')])], [letters]);

  useEffect(() => {
    let live = true;
    void Promise.all(tags.map(async (tag) => [tag, await loadLocale(tag)] as const)).then((loaded) => {
      if (live) setCatalogs(new Map(loaded));
    });
    return () => {
      live = false;
    };
  }, [tags]);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <div>
      <div className="no-print">
        <h1 ref={heading} tabIndex={-1}>
          {t('app.families.lettersTitle', { count: letters.length })}
        </h1>
        <p>{t('app.families.lettersHint')}</p>
        <div className="row">
          <button type="button" className="button button-primary" onClick={() => window.print()}>
            {t('app.card.print')}
          </button>
          <button type="button" className="button button-quiet" onClick={onDone}>
            {t('app.families.backToList')}
          </button>
        </div>
      </div>
      {catalogs
        ? letters.map((l) => {
            const tag = matchLocale([l.locale]) ?? 'en';
            const messages = catalogs.get(tag) ?? {};
            const english = catalogs.get('en') ?? {};
            const f = (key: string, values?: Record<string, string | number>) => String(new IntlMessageFormat(messages[key] ?? english[key] ?? key, tag).format(values));
            return (
              <article key={l.userId} className="letter" lang={tag} dir={localeDir(tag)} aria-label={f('app.letter.title', { name: l.givenName })}>
                <h2>{f('app.letter.title', { name: `${l.givenName} ${l.familyName}` })}</h2>
                <p>{f('app.letter.body', { school, children: new Intl.ListFormat(tag).format(l.children) })}</p>
                <div className="letter-code">
                  <img className="qr" alt={f('app.letter.qrAlt')} src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(l.qrSvg)}`} width={200} height={200} />
                  <div>
                    <p>{f('app.letter.orType', { url: l.url.replace(/\?code=.*$/, '') })}</p>
                    <p className="code" translate="no">
                      {l.code}
                    </p>
                    <p>{f('app.letter.expires', { date: new Intl.DateTimeFormat(tag, { dateStyle: 'long' }).format(new Date(l.expiresAt)) })}</p>
                  </div>
                </div>
              </article>
            );
          })
        : null}
    </div>
  );
}

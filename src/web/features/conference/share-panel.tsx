/**
 * The family's side of sharing a record by link (on the record page): make a link for an adult
 * they name, for 1, 7 or 30 days; copy it (its address is shown this once); see each link's
 * openings and when; withdraw it. Says so when the school or class has sharing turned off.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import type { CreatedShare, ShareList, ShareOpenings, ShareView } from '../../../contracts/sharing';
import { DEFAULT_SHARE_DAYS, RECIPIENT_MAX } from '../../../domain/conference/sharing';
import { ConfirmAction, Saved } from '../../components/forms';
import { ErrorNotice, Field, fieldError, Loading, Name } from '../../components/ui';
import { api, ApiError } from '../../lib/api';
import { useI18n, useT, type T } from '../../lib/i18n';
import { useAction, useApi } from '../../lib/use-api';
import '../../styles/sharing.css';

function stateLabel(t: T, state: ShareView['state']): string {
  switch (state) {
    case 'active':
      return t('sharing.state.active');
    case 'paused':
      return t('sharing.state.paused');
    case 'expired':
      return t('sharing.state.expired');
    case 'revoked':
      return t('sharing.state.revoked');
  }
}

const stateBadge: Record<ShareView['state'], string> = { active: 'badge-ok', paused: 'badge-warning', expired: 'badge-archived', revoked: 'badge-error' };

/** "iPhone or iPad · Safari", in the reader's language. */
export function deviceLabel(t: T, device: ShareOpenings['views'][number]['device']): string {
  return t('sharing.device.label', { system: t(`sharing.device.system.${device.system}`), browser: t(`sharing.device.browser.${device.browser}`) });
}

function useDates() {
  const { intlLocale } = useI18n();
  const regional = navigator.languages.find((l) => l.toLowerCase().startsWith(`${intlLocale}-`)) ?? intlLocale;
  const format = new Intl.DateTimeFormat(regional, { dateStyle: 'medium', timeStyle: 'short' });
  return (iso: string) => format.format(new Date(iso));
}

export function SharePanel({ conferenceId }: { conferenceId: string }) {
  const t = useT();
  const list = useApi<ShareList>(`/api/conferences/${conferenceId}/shares`);
  const [made, setMade] = useState<CreatedShare | null>(null);
  const headingId = useId();
  if (list.status === 'loading') return <Loading />;
  if (list.status === 'error') return <ErrorNotice error={list.error} />;
  const { sharingAllowed, shares, days, maxActive } = list.data;
  return (
    <section className="card share-panel no-print" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('sharing.panel.title')}</h2>
      <p className="hint">{t('sharing.panel.lead')}</p>
      {!sharingAllowed && <p className="notice">{t('sharing.panel.off')}</p>}
      {made ? (
        <MadeLink share={made} onDone={() => setMade(null)} />
      ) : sharingAllowed ? (
        <NewLinkForm
          conferenceId={conferenceId}
          days={days}
          maxActive={maxActive}
          onMade={(share) => {
            setMade(share);
            list.reload();
          }}
        />
      ) : null}
      <h3>{t('sharing.panel.links')}</h3>
      {shares.length === 0 ? <p className="empty">{t('sharing.panel.none')}</p> : null}
      <ul className="share-list">
        {shares.map((s) => (
          <ShareItem key={s.id} share={s} onChanged={list.reload} />
        ))}
      </ul>
    </section>
  );
}

function NewLinkForm({ conferenceId, days, maxActive, onMade }: { conferenceId: string; days: number[]; maxActive: number; onMade(share: CreatedShare): void }) {
  const t = useT();
  const [recipient, setRecipient] = useState('');
  const [chosen, setChosen] = useState<number>(DEFAULT_SHARE_DAYS);
  const { busy, error, run } = useAction();
  const legendId = useId();
  const tooMany = error instanceof ApiError && error.fields.recipient === 'too_many_links';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const share = await api<CreatedShare>('POST', `/api/conferences/${conferenceId}/shares`, { recipient, days: chosen });
      setRecipient('');
      onMade(share);
    });
  };
  return (
    <form className="share-form" onSubmit={submit} noValidate>
      <Field
        label={t('sharing.panel.recipient')}
        hint={t('sharing.panel.recipient_hint')}
        value={recipient}
        maxLength={RECIPIENT_MAX}
        autoComplete="off"
        required
        onChange={(e) => setRecipient(e.target.value)}
        error={tooMany ? t('sharing.panel.too_many_links', { max: maxActive }) : fieldError(t, error, 'recipient')}
      />
      <fieldset className="choices share-days" aria-labelledby={legendId}>
        <legend id={legendId}>{t('sharing.panel.days')}</legend>
        {days.map((d) => (
          <label key={d} className="choice">
            <input type="radio" name={`days-${conferenceId}`} value={d} checked={chosen === d} onChange={() => setChosen(d)} />
            <span>{t('sharing.panel.days_option', { days: d })}</span>
          </label>
        ))}
      </fieldset>
      {!tooMany && !(error instanceof ApiError && error.code === 'validation_failed') ? <ErrorNotice error={error} /> : null}
      <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
        {t('sharing.panel.make')}
      </button>
    </form>
  );
}

function MadeLink({ share, onDone }: { share: CreatedShare; onDone(): void }) {
  const t = useT();
  const date = useDates();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const inputId = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(share.url);
      setCopied('yes');
    } catch {
      input.current?.select();
      setCopied('failed');
    }
  };
  return (
    <div className="share-made" role="group" aria-labelledby={`${inputId}-title`}>
      <h3 id={`${inputId}-title`}>{t('sharing.panel.made_title', { recipient: share.recipient })}</h3>
      <p className="hint">{t('sharing.panel.made_hint', { recipient: share.recipient, date: date(share.expiresAt) })}</p>
      <div className="field">
        <label htmlFor={inputId}>{t('sharing.panel.link_label')}</label>
        <input id={inputId} ref={input} className="share-url" readOnly value={share.url} dir="ltr" onFocus={(e) => e.target.select()} />
      </div>
      <div className="row">
        <button type="button" className="button button-primary" onClick={() => void copy()}>
          {t('sharing.panel.copy')}
        </button>
        <button type="button" className="button button-quiet" onClick={onDone}>
          {t('sharing.panel.done')}
        </button>
      </div>
      <Saved message={copied === 'yes' ? t('sharing.panel.copied') : copied === 'failed' ? t('sharing.panel.copy_failed') : null} />
    </div>
  );
}

function ShareItem({ share, onChanged }: { share: ShareView; onChanged(): void }) {
  const t = useT();
  const date = useDates();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const titleId = useId();
  const when =
    share.state === 'active'
      ? t('sharing.panel.until', { date: date(share.expiresAt) })
      : share.state === 'paused'
        ? t('sharing.panel.paused_until', { date: date(share.expiresAt) })
        : share.state === 'expired'
          ? t('sharing.panel.expired_on', { date: date(share.expiresAt) })
          : t('sharing.panel.revoked_on', { date: date(share.revokedAt ?? share.expiresAt) });
  const live = share.state === 'active' || share.state === 'paused';
  return (
    <li className="share-item" aria-labelledby={titleId}>
      <p className="share-head">
        <strong id={titleId}>
          <Name>{share.recipient}</Name>
        </strong>{' '}
        <span className={`badge ${stateBadge[share.state]}`}>{stateLabel(t, share.state)}</span>
      </p>
      <p className="share-meta">{when}</p>
      <p className="share-meta">{t('sharing.panel.opened', { count: share.views, date: share.lastViewedAt ? date(share.lastViewedAt) : '' })}</p>
      <p className="share-meta hint">{t('sharing.panel.by', { name: share.createdBy.name, date: date(share.createdAt) })}</p>
      {share.views > 0 && (
        <>
          <button type="button" className="button button-quiet" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t('sharing.panel.hide_views') : t('sharing.panel.show_views')}
          </button>
          {open && <Openings share={share} />}
        </>
      )}
      {live && (
        <div className="row row-tight share-actions">
          <ConfirmAction
            label={t('sharing.panel.withdraw')}
            question={t('sharing.panel.withdraw_question', { recipient: share.recipient })}
            confirmLabel={t('sharing.panel.withdraw_yes')}
            busy={busy}
            describedBy={titleId}
            onConfirm={() =>
              run(async () => {
                await api('DELETE', `/api/shares/${share.id}`);
                setDone(t('sharing.panel.withdrawn', { recipient: share.recipient }));
                onChanged();
              })
            }
          />
        </div>
      )}
      <ErrorNotice error={error} />
      <Saved message={done} />
    </li>
  );
}

function Openings({ share }: { share: ShareView }) {
  const t = useT();
  const date = useDates();
  const views = useApi<ShareOpenings>(`/api/shares/${share.id}/views`);
  if (views.status === 'loading') return <Loading />;
  if (views.status === 'error') return <ErrorNotice error={views.error} />;
  return (
    <ul className="share-views" aria-label={t('sharing.panel.views_title', { recipient: share.recipient })}>
      {views.data.views.map((v, i) => (
        <li key={i}>{t('sharing.panel.view_item', { date: date(v.viewedAt), device: deviceLabel(t, v.device) })}</li>
      ))}
    </ul>
  );
}

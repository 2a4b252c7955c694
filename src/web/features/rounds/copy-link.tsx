/**
 * A secret calendar-feed address: shown in a read-only box (so it can be selected by hand too) with
 * a Copy button that says when it worked. The address is the secret, so it is data, never translated.
 */
import { useId, useRef, useState } from 'react';
import { useT } from '../../lib/i18n';

export function CopyLink({ url, label, hint }: { url: string; label: string; hint?: string }) {
  const t = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  // What the last press did, for which address (a new address has not been copied yet).
  const [copied, setCopied] = useState<{ url: string; done: 'yes' | 'no' } | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied({ url, done: 'yes' });
    } catch {
      // No clipboard (an insecure origin, or permission refused): select it, so Ctrl+C / long-press copies it.
      input.current?.select();
      setCopied({ url, done: 'no' });
    }
  }
  return (
    <div className="rb-copy">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className="rb-copy-row">
        <input ref={input} id={id} readOnly value={url} translate="no" dir="ltr" spellCheck={false} aria-describedby={hint ? `${id}-hint` : undefined} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="button" onClick={() => void copy()}>
          {t('rounds.feed.copy')}
        </button>
      </div>
      <p role="status" className="rb-copy-status">
        {copied?.url !== url ? '' : copied.done === 'yes' ? t('rounds.feed.copied') : t('rounds.feed.copyByHand')}
      </p>
    </div>
  );
}

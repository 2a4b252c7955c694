/**
 * A live page's snapshot (server/live/hub.ts): an EventSource on `url`, the last `snapshot` event's
 * data, and whether the stream is connected. When the stream drops the browser reconnects by
 * itself (the server says `retry: 3000`); meanwhile `connected` is false so the page can say so.
 */
import { useEffect, useState } from 'react';

export function useLive<T>(url: string | null): { data: T | null; connected: boolean } {
  const [state, setState] = useState<{ data: T | null; connected: boolean }>({ data: null, connected: false });
  useEffect(() => {
    if (!url) return;
    const source = new EventSource(url, { withCredentials: true });
    source.addEventListener('snapshot', (event) => {
      try {
        const data = JSON.parse((event as MessageEvent<string>).data) as T;
        setState({ data, connected: true });
      } catch {
        // a malformed event is skipped; the next one replaces it
      }
    });
    source.addEventListener('open', () => setState((s) => ({ ...s, connected: true })));
    source.addEventListener('error', () => setState((s) => ({ ...s, connected: false })));
    return () => source.close();
  }, [url]);
  return state;
}

/**
 * The conference as a page shows it, kept fresh: re-read whenever the live state's revision, step
 * or status changes (the child moved on, the teacher reordered, a guardian wrote a commitment).
 */
export function liveKey(live: { status: string; currentStepId: string | null; revision: string; startedAt: string | null; endedAt: string | null } | null): string {
  return live ? `${live.status}|${live.revision}|${live.startedAt ?? ''}|${live.endedAt ?? ''}` : '';
}

/**
 * A live status page's data: an EventSource on `streamUrl` (server-sent `snapshot` events, see
 * server/live/hub.ts), and — whenever the stream is down — a plain GET of `pollUrl` every
 * `pollMs`, so a phone on a flaky network or behind a proxy that drops streams still sees the
 * new times. A stream the server refused (signed out, not theirs) is not retried blindly: the
 * poll's answer says why, and the stream is opened again at the next poll.
 */
import { useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../lib/api';

export interface LiveSnapshot<T> {
  data: T | null;
  error: ApiError | null;
  /** The stream is open and delivering. */
  connected: boolean;
  /** When the data last arrived (stream or poll). */
  receivedAt: Date | null;
}

export function useLiveSnapshot<T>(streamUrl: string | null, pollUrl: string | null, pollMs = 30_000): LiveSnapshot<T> {
  const [state, setState] = useState<LiveSnapshot<T>>({ data: null, error: null, connected: false, receivedAt: null });
  const connected = useRef(false);
  const hasData = useRef(false);

  useEffect(() => {
    if (!streamUrl || !pollUrl) return;
    let stopped = false;
    let source: EventSource | null = null;
    const setConnected = (value: boolean) => {
      connected.current = value;
      setState((s) => (s.connected === value ? s : { ...s, connected: value }));
    };
    const apply = (data: T) => {
      if (stopped) return;
      hasData.current = true;
      setState((s) => ({ ...s, data, error: null, receivedAt: new Date() }));
    };
    const poll = async () => {
      try {
        apply(await api<T>('GET', pollUrl));
      } catch (err) {
        if (!stopped) setState((s) => ({ ...s, error: err instanceof ApiError ? err : new ApiError(0, 'network') }));
      }
    };
    const open = () => {
      const s = new EventSource(streamUrl, { withCredentials: true });
      source = s;
      s.addEventListener('snapshot', (event) => {
        try {
          apply(JSON.parse((event as MessageEvent<string>).data) as T);
          setConnected(true);
        } catch {
          // a malformed event is skipped; the next one replaces it
        }
      });
      s.addEventListener('error', () => {
        setConnected(false);
        // CLOSED: the server refused the stream (the browser will not retry); CONNECTING: it retries by itself.
        if (s.readyState === EventSource.CLOSED) {
          s.close();
          if (source === s) source = null;
          void poll();
        } else if (!hasData.current) {
          // Nothing shown yet and the stream cannot get through: ask once now rather than at the next poll.
          void poll();
        }
      });
    };
    open();
    const timer = window.setInterval(() => {
      if (connected.current) return;
      void poll();
      if (!source) open();
    }, pollMs);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      source?.close();
      connected.current = false;
      hasData.current = false;
    };
  }, [streamUrl, pollUrl, pollMs]);

  return state;
}

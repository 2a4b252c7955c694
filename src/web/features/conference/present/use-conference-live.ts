/**
 * One conference as a live page shows it: the view (re-read whenever the live revision, status or
 * start/end move on — the teacher reordered, someone wrote a commitment) and the live state itself
 * (the step the child is on arrives here without re-reading anything). A re-read that fails (the
 * school's wifi drops for a moment) keeps the last view on screen: the conference goes on.
 */
import { useEffect, useRef, useState } from 'react';
import type { ConferenceLive, ConferenceView } from '../../../../contracts/conference';
import type { ApiError } from '../../../lib/api';
import { liveKey, useLive } from '../../../lib/live';
import { useApi } from '../../../lib/use-api';

export function useConferenceLive(id: string | undefined): {
  view: ConferenceView | null;
  /** Only when nothing could be read at all. */
  error: ApiError | null;
  reload(): void;
  live: ConferenceLive | null;
  connected: boolean;
} {
  const loaded = useApi<ConferenceView>(id ? `/api/conferences/${id}` : null);
  const live = useLive<ConferenceLive>(id ? `/api/conferences/${id}/live` : null);
  const key = liveKey(live.data);
  const { reload } = loaded;
  const [seen, setSeen] = useState('');
  useEffect(() => {
    if (!key || key === seen) return;
    if (seen) reload();
    setSeen(key);
  }, [key, seen, reload]);
  const last = useRef<ConferenceView | null>(null);
  if (loaded.status === 'ready') last.current = loaded.data;
  const view = loaded.status === 'ready' ? loaded.data : last.current?.id === id ? last.current : null;
  return { view, error: loaded.status === 'error' && !view ? loaded.error : null, reload, live: live.data, connected: live.connected };
}

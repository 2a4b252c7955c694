/**
 * One file sent to the school's media (a photo taken on the spot, a voice recording), with its
 * progress, and then watched until the server has made its sizes (an image is processed by a job,
 * about a second): the page shows the photo as soon as it can, and the record can be saved before.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MediaView } from '../../../contracts/portfolio';
import { api, uploadFile } from '../../lib/api';

export interface Upload {
  previewUrl: string | null;
  progress: number;
  media: MediaView | null;
  error: unknown;
  name: string;
}

const POLL_MS = 1000;
const POLL_TRIES = 30;

/** `start(file)` sends it (replacing any earlier one); `clear()` forgets it. */
export function useUpload(schoolId: string | undefined, hint?: 'audio') {
  const [upload, setUpload] = useState<Upload | null>(null);
  const current = useRef(0);
  const previewRef = useRef<string | null>(null);

  useEffect(
    () => () => {
      current.current++;
      if (previewRef.current) URL.revokeObjectURL(previewRef.current);
    },
    [],
  );

  const start = useCallback(
    (file: File) => {
      if (!schoolId) return;
      const mine = ++current.current;
      if (previewRef.current) URL.revokeObjectURL(previewRef.current);
      const previewUrl = file.type.startsWith('image/') || file.type.startsWith('audio/') ? URL.createObjectURL(file) : null;
      previewRef.current = previewUrl;
      setUpload({ previewUrl, progress: 0, media: null, error: null, name: file.name });
      const set = (change: Partial<Upload>) => {
        if (mine === current.current) setUpload((u) => (u ? { ...u, ...change } : u));
      };
      uploadFile<MediaView>(`/api/schools/${schoolId}/media${hint ? `?hint=${hint}` : ''}`, file, file.name, (progress) => set({ progress })).then(
        async (media) => {
          set({ media, progress: 1 });
          // Wait for the sizes to be made, like a post does, so the thumbnail can replace the local preview.
          let seen = media;
          for (let i = 0; seen.status === 'processing' && i < POLL_TRIES && mine === current.current; i++) {
            await new Promise((r) => setTimeout(r, POLL_MS));
            try {
              seen = await api<MediaView>('GET', `/api/media/${media.id}`);
              set({ media: seen });
            } catch {
              break;
            }
          }
        },
        (error: unknown) => set({ error }),
      );
    },
    [schoolId, hint],
  );

  const clear = useCallback(() => {
    current.current++;
    setUpload(null);
  }, []);

  return { upload, start, clear, busy: Boolean(upload && !upload.media && !upload.error) };
}

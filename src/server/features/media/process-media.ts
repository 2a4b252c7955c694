/**
 * The media processing job: an uploaded image becomes the sizes the pages show (sm for timeline
 * cards, lg for full screen), each as WebP and JPEG, with EXIF orientation applied first and then
 * every piece of metadata dropped — EXIF (GPS position, camera, time), XMP, IPTC and ICC (colours
 * are converted to sRGB). The upload itself, which still holds the GPS position, is deleted.
 *
 * Safe to run twice (a restart mid-job runs it again): variants are written under fixed keys, the
 * row is marked ready in one update, and the upload is removed only after that. A second run finds
 * the row ready and only makes sure the upload is gone.
 */
import sharp, { type Sharp } from 'sharp';
import { z } from 'zod';
import { imageVariants } from '../../../domain/portfolio/media-types';
import { defineJob } from '../../jobs/runner';
import { uploadKeyOf } from './media-store';
import { findMedia, updateMedia } from './media.repo';

// libvips' own cache holds decoded images between calls; a server processes each upload once.
sharp.cache(false);

export const processMediaJob = defineJob({
  kind: 'process-media',
  version: 1,
  payload: z.object({ mediaId: z.uuid() }),
  maxAttempts: 3,
  async run(deps, { mediaId }) {
    const row = await findMedia(deps.db, mediaId);
    if (!row) return { skipped: true };
    if (row.status === 'ready') {
      // A run that stopped after marking the row ready but before deleting the upload left it on
      // disk, GPS position and all, with no row pointing at it any more: delete it now.
      if (row.kind === 'image') await deps.media.remove(uploadKeyOf(row.schoolId, row.id));
      return { skipped: true };
    }
    if (row.kind !== 'image' || !row.uploadKey) return { skipped: true };
    const input = deps.media.localPath(row.uploadKey);
    try {
      // rotate() with no angle applies the EXIF orientation, so a phone photo taken sideways stands
      // up. The photo is decoded once, at the largest size the pages use (JPEG shrink-on-load makes
      // that fast for a 12-megapixel photo); every variant is made from those pixels, which carry
      // no metadata at all.
      const largest = imageVariants[imageVariants.length - 1]!.width;
      const { data: pixels, info } = await sharp(input, { failOn: 'error' })
        .rotate()
        .resize({ width: largest, withoutEnlargement: true })
        .raw()
        .toBuffer({ resolveWithObject: true });
      const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
      const variants: Record<string, { key: string; mimeType: string; width: number; height: number; byteSize: number }> = {};
      for (const v of imageVariants) {
        const resized = () => sharp(pixels, raw).resize({ width: Math.min(v.width, info.width) });
        for (const [ext, mimeType, encode] of [
          ['webp', 'image/webp', (s: Sharp) => s.webp({ quality: 80 })],
          ['jpg', 'image/jpeg', (s: Sharp) => s.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true })],
        ] as const) {
          const { data, info: out } = await encode(resized()).toBuffer({ resolveWithObject: true });
          const key = `${row.schoolId}/${row.id}/${v.name}.${ext}`;
          await deps.media.write(key, data);
          variants[`${v.name}.${ext}`] = { key, mimeType, width: out.width, height: out.height, byteSize: out.size };
        }
      }
      const { width, height } = info;
      await updateMedia(deps.db, row.id, { status: 'ready', variants, width, height, uploadKey: null, readyAt: deps.now(), error: null });
      await deps.media.remove(row.uploadKey);
      return { variants: Object.keys(variants).length };
    } catch (err) {
      // A file that only looked like an image (or is damaged): say so, keep nothing of it.
      if (err instanceof Error && /Input file|unsupported image format|VipsJpeg|corrupt|premature/i.test(err.message)) {
        await updateMedia(deps.db, row.id, { status: 'failed', error: 'unreadable_image', uploadKey: null });
        await deps.media.remove(row.uploadKey);
        return { failed: true };
      }
      throw err;
    }
  },
});

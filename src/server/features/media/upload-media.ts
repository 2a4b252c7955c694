/**
 * Taking an upload: the bytes are streamed to the store (never held whole in memory), their type
 * is read from the first bytes (file-type), checked against what Confer takes and the size limit of
 * that kind, and a media row is written. Images then wait for the processing job (resize, strip
 * metadata); a video, recording or file is ready as it came.
 *
 * Nothing a person sent is trusted: the file name is kept only as the name of a download, and the
 * type the browser claimed is ignored. A refused file leaves nothing behind.
 */
import { randomUUID } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { fileTypeFromFile } from 'file-type';
import { DomainError } from '../../../domain/errors';
import { classifyUpload, type MediaKind } from '../../../domain/portfolio/media-types';
import type { Actor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { enqueue } from '../../jobs/runner';
import { authorize } from '../school/authorize';
import { findSchool } from '../school/school.repo';
import { TooLarge, uploadKeyOf } from './media-store';
import { insertMedia } from './media.repo';
import { processMediaJob } from './process-media';

export interface IncomingFile {
  filename: string;
  stream: Readable;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

async function isPlainText(path: string, size: number): Promise<boolean> {
  if (size === 0 || size > 2 * 1024 * 1024) return false;
  const handle = await open(path, 'r');
  try {
    const bytes = await handle.readFile();
    if (bytes.includes(0)) return false;
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}

// To the hundredth: a limit set below 0.05 MB (MEDIA_MAX_*_MB takes any positive number) must not read "0 MB".
const toMb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 100) / 100;

export async function uploadMedia(deps: Deps, actor: Actor, schoolId: string, file: IncomingFile, hint?: MediaKind) {
  if (!(await findSchool(deps.db, schoolId))) throw new DomainError('not_found');
  authorize(actor, 'media.upload', { type: 'school', schoolId });
  const id = randomUUID();
  const key = uploadKeyOf(schoolId, id);
  const limits = deps.config.mediaLimits;
  const largest = Math.max(...Object.values(limits));
  let size: number;
  try {
    size = await deps.media.write(key, file.stream, { maxBytes: largest });
  } catch (err) {
    file.stream.resume(); // let the rest of the request drain
    if (err instanceof TooLarge || (err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new DomainError('media_too_large', { limitMb: toMb(hint ? limits[hint] : largest) });
    throw err;
  }
  const found = await fileTypeFromFile(deps.media.localPath(key)).catch(() => undefined);
  const classified = classifyUpload(found?.mime ?? null, found ? false : await isPlainText(deps.media.localPath(key), size), hint);
  if (!classified.ok) {
    await deps.media.remove(key);
    throw new DomainError('media_type_not_allowed');
  }
  if (size > limits[classified.kind]) {
    await deps.media.remove(key);
    throw new DomainError('media_too_large', { limitMb: toMb(limits[classified.kind]) });
  }
  const needsProcessing = classified.kind === 'image';
  const now = deps.now();
  await insertMedia(deps.db, {
    id,
    schoolId,
    uploadedBy: actor.userId,
    kind: classified.kind,
    mimeType: classified.mimeType,
    byteSize: size,
    originalName: file.filename.slice(0, 200) || null,
    status: needsProcessing ? 'processing' : 'ready',
    uploadKey: key,
    variants: needsProcessing ? {} : { original: { key, mimeType: classified.mimeType, byteSize: size } },
    readyAt: needsProcessing ? null : now,
    createdAt: now,
  });
  if (needsProcessing) await enqueue(deps, processMediaJob, { mediaId: id }, { idempotencyKey: `process-media:${id}` });
  return { id, kind: classified.kind, mimeType: classified.mimeType, status: needsProcessing ? ('processing' as const) : ('ready' as const), byteSize: size };
}

/**
 * Sending the bytes of one size of a media item, for the portfolio's own address and for a shared
 * record's: byte ranges (recordings and videos seek), a download name for a file's original, and
 * the caching the caller chooses (a shared record's media are never kept, so a withdrawn link
 * shows nothing more).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors';
import type { Deps } from '../deps';
import type { MediaRow } from '../features/media/media.repo';

/** "bytes=0-1023" → the range within `size`, or null for a header we do not serve (then the whole file goes). */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1]);
  const end = m[1] === '' || m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  return start > end || start >= size ? 'unsatisfiable' : { start, end };
}

export async function sendMediaVariant(deps: Deps, req: FastifyRequest, reply: FastifyReply, row: MediaRow, variantName: string, headers: Record<string, string>) {
  const variant = row.status === 'ready' ? row.variants[variantName] : undefined;
  const size = variant ? await deps.media.size(variant.key) : null;
  if (!variant || size === null) throw new DomainError('not_found');
  const range = parseRange(req.headers.range, size);
  void reply.header('content-type', variant.mimeType).header('accept-ranges', 'bytes').header('x-content-type-options', 'nosniff');
  for (const [name, value] of Object.entries(headers)) void reply.header(name, value);
  void reply.header('content-disposition', variantName === 'original' && row.kind === 'file' ? `attachment; filename*=UTF-8''${encodeURIComponent(row.originalName ?? 'file')}` : 'inline');
  if (range === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${size}`).send();
  if (range) return reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${size}`).header('content-length', String(range.end - range.start + 1)).send(deps.media.read(variant.key, range));
  return reply.header('content-length', String(size)).send(deps.media.read(variant.key));
}

/**
 * What an uploaded file is, decided from its first bytes — never from its name or the type the
 * browser claims. The server sniffs the bytes (file-type) and passes what it found here; this table
 * says which found types Confer takes, as which kind, and how large each kind may be.
 *
 * Worked examples:
 *   found image/jpeg                         → image (resized, metadata removed)
 *   found video/webm, the page says "audio"  → audio: a MediaRecorder voice note is a WebM with
 *                                              only an Opus track, and file-type calls every WebM video/webm
 *   found video/webm, no hint                → video
 *   found application/x-msdownload (an .exe renamed photo.jpg) → refused: file_type_not_allowed
 *   nothing found, valid UTF-8 without NUL   → a plain-text file (text/plain)
 */
export type MediaKind = 'image' | 'video' | 'audio' | 'file';

/** Image types sharp reads and Confer re-encodes (HEIC from phones is converted by the phone's browser on upload). */
const imageTypes = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'image/tiff']);
const videoTypes = new Set(['video/mp4', 'video/quicktime', 'video/webm', 'video/x-matroska', 'video/3gpp', 'video/ogg']);
const audioTypes = new Set(['audio/mpeg', 'audio/mp4', 'audio/x-m4a', 'audio/aac', 'audio/ogg', 'audio/opus', 'audio/wav', 'audio/x-wav', 'audio/webm', 'audio/flac', 'audio/x-flac']);
/** Containers that hold sound only as often as pictures: the page's hint decides. */
const audioOrVideo = new Set(['video/webm', 'video/mp4', 'video/ogg', 'video/x-matroska', 'video/3gpp']);
const documentTypes = new Set([
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.presentation',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/x-cfb', // .doc, .ppt, .xls (Office 97–2003)
  'application/rtf',
  'text/plain',
]);

export type Classified = { ok: true; kind: MediaKind; mimeType: string } | { ok: false; code: 'file_type_not_allowed' };

/**
 * @param found the type read from the bytes, or null when the bytes match no known format
 * @param isPlainText whether the bytes are valid UTF-8 without NUL (checked only when nothing was found)
 * @param hint what the page is adding: a voice recording says 'audio'
 */
export function classifyUpload(found: string | null, isPlainText: boolean, hint?: MediaKind): Classified {
  if (!found) return isPlainText ? { ok: true, kind: 'file', mimeType: 'text/plain' } : { ok: false, code: 'file_type_not_allowed' };
  if (imageTypes.has(found)) return { ok: true, kind: 'image', mimeType: found };
  if (audioOrVideo.has(found) && hint === 'audio') return { ok: true, kind: 'audio', mimeType: found.replace('video/', 'audio/') };
  if (videoTypes.has(found)) return { ok: true, kind: 'video', mimeType: found };
  if (audioTypes.has(found)) return { ok: true, kind: 'audio', mimeType: found };
  if (documentTypes.has(found)) return { ok: true, kind: 'file', mimeType: found };
  return { ok: false, code: 'file_type_not_allowed' };
}

/** Largest upload of each kind, in bytes (configurable: MEDIA_MAX_<KIND>_MB). */
export type MediaLimits = Record<MediaKind, number>;

export const defaultMediaLimitsMb: Record<MediaKind, number> = { image: 25, video: 200, audio: 50, file: 25 };

/** The sizes the pages show an image at: a card in the timeline, and full width / full screen. */
export const imageVariants = [
  { name: 'sm', width: 480 },
  { name: 'lg', width: 1600 },
] as const;
export type ImageVariantName = `${(typeof imageVariants)[number]['name']}.${'webp' | 'jpg'}`;

/** Uploaded roster files → file name → text. A zip is unpacked (folders inside it are ignored). */
import { unzipSync } from 'fflate';
import { DomainError } from '../../../domain/errors';

export interface UploadedPart {
  filename: string;
  data: Buffer;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function text(name: string, data: Uint8Array): string {
  try {
    return decoder.decode(data);
  } catch {
    throw new DomainError('validation_failed', { fields: { [name]: 'not_utf8' } });
  }
}

const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;

/** A zip may hold at most this much CSV, once unpacked (a 20,000-pupil OneRoster set is ~15 MB). */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
const MAX_ENTRIES = 50;

export function unpackUpload(parts: UploadedPart[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const part of parts) {
    const name = baseName(part.filename);
    const isZip = part.data.length > 4 && part.data[0] === 0x50 && part.data[1] === 0x4b && part.data[2] === 0x03 && part.data[3] === 0x04;
    if (isZip) {
      // Only CSV entries are unpacked, and only up to a size: a "zip bomb" (a small zip that
      // unpacks to gigabytes) is refused from the sizes its directory declares, and the real
      // unpacked sizes are checked again after.
      let declared = 0;
      let count = 0;
      let entries: Record<string, Uint8Array>;
      try {
        entries = unzipSync(new Uint8Array(part.data), {
          filter: (file) => {
            const wanted = file.name.toLowerCase().endsWith('.csv') && !file.name.startsWith('__MACOSX');
            if (!wanted) return false;
            declared += file.originalSize;
            count++;
            if (declared > MAX_UNZIPPED_BYTES || count > MAX_ENTRIES) throw new DomainError('payload_too_large');
            return true;
          },
        });
      } catch (err) {
        if (err instanceof DomainError) throw err;
        throw new DomainError('validation_failed', { fields: { [name]: 'zip_unreadable' } });
      }
      if (Object.values(entries).reduce((n, e) => n + e.length, 0) > MAX_UNZIPPED_BYTES) throw new DomainError('payload_too_large');
      for (const [entry, data] of Object.entries(entries)) files[baseName(entry)] = text(baseName(entry), data);
    } else if (name.toLowerCase().endsWith('.csv')) {
      files[name] = text(name, part.data);
    } else {
      throw new DomainError('validation_failed', { fields: { [name]: 'not_csv_or_zip' } });
    }
  }
  if (Object.keys(files).length === 0) throw new DomainError('validation_failed', { fields: { files: 'required' } });
  return files;
}

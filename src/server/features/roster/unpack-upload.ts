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

export function unpackUpload(parts: UploadedPart[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const part of parts) {
    const name = baseName(part.filename);
    const isZip = part.data.length > 4 && part.data[0] === 0x50 && part.data[1] === 0x4b && part.data[2] === 0x03 && part.data[3] === 0x04;
    if (isZip) {
      let entries: Record<string, Uint8Array>;
      try {
        entries = unzipSync(new Uint8Array(part.data));
      } catch {
        throw new DomainError('validation_failed', { fields: { [name]: 'zip_unreadable' } });
      }
      for (const [entry, data] of Object.entries(entries)) {
        const file = baseName(entry);
        if (file.toLowerCase().endsWith('.csv') && !entry.startsWith('__MACOSX')) files[file] = text(file, data);
      }
    } else if (name.toLowerCase().endsWith('.csv')) {
      files[name] = text(name, part.data);
    } else {
      throw new DomainError('validation_failed', { fields: { [name]: 'not_csv_or_zip' } });
    }
  }
  if (Object.keys(files).length === 0) throw new DomainError('validation_failed', { fields: { files: 'required' } });
  return files;
}

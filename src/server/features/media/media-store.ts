/**
 * Where media bytes live, behind one interface. The default is a folder (MEDIA_DIR). Keys are
 * paths made by Confer (`<school>/<media>/<variant>`), never from a file name. Writes go to a
 * temporary name and are renamed into place, so a crash never leaves half a file under a real key.
 *
 * An S3-compatible store would implement the same four methods; it is not built, because no
 * S3-compatible server installs here to test it against (see docs/decisions/004-portfolio-media.md).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface MediaStore {
  /** Writes a stream under a key; stops (and writes nothing) past `maxBytes`. Returns the size. */
  write(key: string, source: Readable | Buffer, options?: { maxBytes?: number }): Promise<number>;
  /** Reads a key (a byte range of it, both ends inclusive, when asked). */
  read(key: string, range?: { start: number; end: number }): Readable;
  size(key: string): Promise<number | null>;
  remove(key: string): Promise<void>;
  /** A local path for tools that need a file (sharp reads one faster than a stream). */
  localPath(key: string): string;
}

/** Where an upload is kept as it came: until it is processed (images), or for good (the rest). */
export const uploadKeyOf = (schoolId: string, mediaId: string) => `${schoolId}/${mediaId}/upload`;

export class TooLarge extends Error {
  constructor() {
    super('too large');
  }
}

function safeKey(key: string): string {
  if (!/^[a-z0-9][a-z0-9/_.-]*$/i.test(key) || key.includes('..')) throw new Error(`bad media key ${key}`);
  return key;
}

export function createLocalMediaStore(root: string): MediaStore {
  const full = (key: string) => path.join(root, safeKey(key));
  return {
    async write(key, source, { maxBytes } = {}) {
      const target = full(key);
      await mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${randomUUID()}.part`;
      let size = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (maxBytes !== undefined && size > maxBytes) done(new TooLarge());
          else done(null, chunk);
        },
      });
      try {
        if (Buffer.isBuffer(source)) {
          if (maxBytes !== undefined && source.length > maxBytes) throw new TooLarge();
          await pipeline(async function* () {
            yield source;
          }, createWriteStream(temp));
          size = source.length;
        } else {
          await pipeline(source, counter, createWriteStream(temp));
        }
        await rename(temp, target);
      } catch (err) {
        await rm(temp, { force: true });
        throw err;
      }
      return size;
    },
    read(key, range) {
      return createReadStream(full(key), range ? { start: range.start, end: range.end } : {});
    },
    async size(key) {
      try {
        return (await stat(full(key))).size;
      } catch {
        return null;
      }
    },
    async remove(key) {
      await rm(full(key), { force: true });
    },
    localPath: full,
  };
}

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { UploadedFiles } from '../../src/domain/roster/oneroster';

const root = path.resolve('tests/fixtures/oneroster');

/** The files of a fixture package under tests/fixtures/oneroster, by file name. */
export function loadPackage(dir: string): UploadedFiles {
  const folder = path.join(root, dir);
  return Object.fromEntries(readdirSync(folder).map((f) => [f, readFileSync(path.join(folder, f), 'utf8')]));
}

/** Works out which format an upload is in and reads it. */
import type { RosterPackage } from './model';
import { readOneRoster, type UploadedFiles } from './oneroster';
import { problem } from './problems';
import { looksLikeSds, readSds } from './sds';
import { looksLikeSimpleCsv, readSimpleCsv, type SimpleColumn } from './simple-csv';

export function readRosterUpload(files: UploadedFiles, options: { simpleAliases?: Record<string, SimpleColumn> } = {}): RosterPackage {
  if ('manifest.csv' in files) return readOneRoster(files);
  if (looksLikeSds(files)) return readSds(files);
  const names = Object.keys(files);
  const only = names.length === 1 ? names[0] : undefined;
  if (only && options.simpleAliases && looksLikeSimpleCsv(files[only] ?? '', options.simpleAliases)) return readSimpleCsv(only, files[only] ?? '', options.simpleAliases);
  return {
    format: 'oneroster-1.1',
    modes: { orgs: 'absent', terms: 'absent', classes: 'absent', users: 'absent', enrollments: 'absent' },
    orgs: [],
    terms: [],
    classes: [],
    people: [],
    enrollments: [],
    problems: [problem(Object.keys(files)[0] ?? '', 0, 'format_unknown')],
  };
}

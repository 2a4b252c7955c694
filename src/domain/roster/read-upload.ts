/** Works out which format an upload is in and reads it. */
import type { RosterPackage } from './model';
import { readOneRoster, type UploadedFiles } from './oneroster';
import { problem } from './problems';
import { looksLikeSds, readSds } from './sds';

export function readRosterUpload(files: UploadedFiles): RosterPackage {
  if ('manifest.csv' in files) return readOneRoster(files);
  if (looksLikeSds(files)) return readSds(files);
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

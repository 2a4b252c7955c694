/**
 * The admin imports a CASE package: checked in full first (every problem with its JSON path),
 * then written in one transaction — so a package with any problem writes nothing at all.
 */
import { DomainError } from '../../../domain/errors';
import type { Actor } from '../../../domain/permissions/index';
import { MAX_PACKAGE_BYTES, readCasePackage } from '../../../domain/standards/case-package';
import { problemFields, type CaseProblem } from '../../../domain/standards/problems';
import type { Deps } from '../../deps';
import { standardsSchool } from './access';
import { writePackage, type WriteCounts } from './write-package';

export interface ImportResult extends WriteCounts {
  identifier: string;
  title: string;
  caseVersion: '1.0' | '1.1';
  warnings: CaseProblem[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** What the upload's bytes say, or the problem with them as the error's fields. */
function textOf(data: Uint8Array): string {
  try {
    return utf8.decode(data);
  } catch {
    throw new DomainError('validation_failed', { fields: problemFields([{ path: '$', code: 'not_utf8' }]) });
  }
}

export async function importCasePackage(deps: Deps, actor: Actor, schoolId: string, data: Uint8Array): Promise<ImportResult> {
  const { actor: admin } = await standardsSchool(deps, actor, schoolId, 'standards.manage');
  if (data.length > MAX_PACKAGE_BYTES) throw new DomainError('media_too_large', { limitMb: MAX_PACKAGE_BYTES / 1024 / 1024 });
  const read = readCasePackage(textOf(data));
  if (!read.ok) throw new DomainError('validation_failed', { fields: problemFields(read.problems) });
  const { pkg } = read;
  const { counts } = await deps.db.transaction(async (tx) => {
    const written = await writePackage(tx, pkg, { schoolId, source: 'case', importedBy: admin.userId, now: deps.now() });
    // Thrown inside the transaction: it is rolled back (though nothing was written before the checks).
    if (written.problems.length) throw new DomainError('validation_failed', { fields: problemFields(written.problems) });
    return written;
  });
  return { identifier: pkg.document.identifier, title: pkg.document.title, caseVersion: pkg.document.caseVersion, ...counts, warnings: read.warnings.slice(0, 100) };
}

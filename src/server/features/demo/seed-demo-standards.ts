/**
 * The demo school's own standards framework (src/domain/demo/demo-standards.ts), written through
 * the same path as an import — read and checked as a CASE package, then stored as the school's own
 * (source `school`), so it can be edited on its page and exported like any framework it writes.
 */
import { demoStandardsPackage } from '../../../domain/demo/demo-standards';
import type { DemoSchool } from '../../../domain/demo/demo-school';
import { readCasePackage } from '../../../domain/standards/case-package';
import type { Deps } from '../../deps';
import { writePackage } from '../standards/write-package';
import type { DemoIds } from './seed-demo-portfolio';

export async function seedDemoStandards(deps: Pick<Deps, 'db' | 'media' | 'now'>, demo: DemoSchool, ids: DemoIds): Promise<void> {
  const now = deps.now();
  const read = readCasePackage(JSON.stringify(demoStandardsPackage(demo.school.name, now.toISOString())));
  if (!read.ok) throw new Error(`The demo standards are not a valid CASE package: ${JSON.stringify(read.problems)}`);
  const pkg = read.pkg;
  await deps.db.transaction(async (tx) => {
    const written = await writePackage(tx, pkg, { schoolId: ids.schoolId, source: 'school', importedBy: null, now });
    if (written.problems.length) throw new Error(`The demo standards could not be written: ${JSON.stringify(written.problems)}`);
  });
}

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeSds, readSds } from '../../src/domain/roster/sds';

const folder = path.resolve('../shared/fixtures/roster/microsoft-sds/SDS_v2_1');
const files = Object.fromEntries(readdirSync(folder).filter((f) => f.endsWith('.csv')).map((f) => [f, readFileSync(path.join(folder, f), 'utf8')]));

describe('Microsoft SDS v2.1 (the published sample)', () => {
  const pkg = readSds(files);

  it('is recognised as SDS, not OneRoster', () => {
    expect(looksLikeSds(files)).toBe(true);
    expect(pkg.format).toBe('sds-2.1');
  });

  it('reads students, teachers (professor counts as teacher) and guardians from relationships', () => {
    const roles = Object.fromEntries(['student', 'teacher', 'guardian'].map((r) => [r, pkg.people.filter((p) => p.role === r).map((p) => p.sourcedId).sort()]));
    expect(roles.student).toHaveLength(4);
    expect(roles.teacher!.length).toBeGreaterThanOrEqual(2);
    expect(roles.guardian).toContain('114002');
    const jack = pkg.people.find((p) => p.sourcedId === '114001');
    expect(jack).toMatchObject({ givenName: 'Jack', familyName: 'Craig', role: 'student' });
    expect(jack?.agentSourcedIds).toContain('114002');
    expect(pkg.people.find((p) => p.sourcedId === '114002')).toMatchObject({ role: 'guardian', relationship: 'guardian', email: 'jean.craig@outlook.com' });
  });

  it('reads classes with their school, enrollments without a sourcedId, and skips the school year', () => {
    expect(pkg.classes.map((c) => [c.sourcedId, c.schoolSourcedId])).toContainEqual(['112002', '110003']);
    expect(pkg.enrollments.length).toBeGreaterThan(0);
    expect(pkg.enrollments.every((e) => e.sourcedId === null)).toBe(true);
    expect(pkg.terms.map((t) => t.sourcedId)).toEqual(['FS2021HED']);
  });

  it('has no errors, only warnings for rows Confer does not use', () => {
    expect(pkg.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('says which file is missing', () => {
    const { 'classes.csv': _omit, ...rest } = files;
    expect(readSds(rest).problems).toContainEqual(expect.objectContaining({ file: 'classes.csv', code: 'file_missing' }));
  });
});

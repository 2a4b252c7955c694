import { describe, expect, it } from 'vitest';
import { readOneRoster } from '../../src/domain/roster/oneroster';
import { loadPackage } from './roster-fixtures';
const errors = (dir: string) => readOneRoster(loadPackage(dir)).problems.filter((p) => p.severity === 'error');

describe('OneRoster 1.1 bulk', () => {
  const pkg = readOneRoster(loadPackage('v1.1-bulk'));

  it('reads every file without problems', () => {
    expect(pkg.problems).toEqual([]);
    expect(pkg.format).toBe('oneroster-1.1');
    expect(pkg.modes).toEqual({ orgs: 'bulk', terms: 'bulk', classes: 'bulk', users: 'bulk', enrollments: 'bulk' });
  });

  it('keeps terms and grading periods, not the school year', () => {
    expect(pkg.terms.map((t) => [t.sourcedId, t.kind, t.parentSourcedId])).toEqual([
      ['term-fall', 'term', 'sy-2026'],
      ['term-spring', 'term', 'sy-2026'],
      ['gp-fall', 'gradingPeriod', 'term-fall'],
      ['gp-spring', 'gradingPeriod', 'term-spring'],
    ]);
  });

  it('reads quoted cells with commas and line breaks, and the line each row starts on', () => {
    const k2 = pkg.classes.find((c) => c.sourcedId === 'class-k2');
    expect(k2?.title).toBe('Room 5 — Reading, Writing & Talk');
    const g3 = pkg.classes.find((c) => c.sourcedId === 'class-3a');
    expect(g3?.title).toBe("Grade 3\nMr Ito's class");
    expect(g3?.line).toBe(4);
    expect(g3?.grades).toEqual(['03']);
  });

  it('reads users.csv with a BOM and CRLF, accents intact, roles mapped', () => {
    const byRole = (r: string) => pkg.people.filter((p) => p.role === r).length;
    expect([byRole('administrator'), byRole('teacher'), byRole('aide'), byRole('student'), byRole('guardian')]).toEqual([1, 3, 1, 8, 10]);
    const zoe = pkg.people.find((p) => p.sourcedId === 'u-s1');
    expect(zoe).toMatchObject({ givenName: 'Zoë', familyName: 'Ramírez', agentSourcedIds: ['u-g1', 'u-g2'], grades: ['KG'], schoolSourcedIds: ['org-school'] });
    expect(pkg.people.find((p) => p.sourcedId === 'u-g6')).toMatchObject({ role: 'guardian', relationship: 'relative' });
    expect(pkg.people.find((p) => p.sourcedId === 'u-g7')?.phone).toBe('+1 555 0107');
  });

  it('reads enrollments of students, teachers and aides', () => {
    expect(pkg.enrollments).toHaveLength(12);
    expect(pkg.enrollments.find((e) => e.sourcedId === 'e2')).toMatchObject({ role: 'aide', classSourcedId: 'class-k1', userSourcedId: 'u-aide' });
  });
});

describe('OneRoster 1.2 bulk', () => {
  it('takes roles and schools from roles.csv and yields the same people as 1.1', () => {
    const v12 = readOneRoster(loadPackage('v1.2-bulk'));
    const v11 = readOneRoster(loadPackage('v1.1-bulk'));
    expect(v12.problems).toEqual([]);
    expect(v12.format).toBe('oneroster-1.2');
    const shape = (p: (typeof v11.people)[number]) => [p.sourcedId, p.role, p.givenName, p.familyName, p.email, p.schoolSourcedIds.join(), p.agentSourcedIds.join()];
    expect(v12.people.map(shape)).toEqual(v11.people.map(shape));
  });
});

describe('OneRoster 1.1 delta', () => {
  it('reads tobedeleted rows with only their sourcedId', () => {
    const pkg = readOneRoster(loadPackage('v1.1-delta'));
    expect(pkg.problems).toEqual([]);
    expect(pkg.modes.users).toBe('delta');
    expect(pkg.modes.classes).toBe('absent');
    expect(pkg.people.find((p) => p.sourcedId === 'u-s4')?.status).toBe('tobedeleted');
    expect(pkg.enrollments.find((e) => e.sourcedId === 'e8')?.status).toBe('tobedeleted');
  });
});

describe('broken OneRoster packages say what and where', () => {
  it('a missing manifest', () => {
    expect(errors('broken/missing-manifest')).toEqual([expect.objectContaining({ file: 'manifest.csv', code: 'file_missing' })]);
  });
  it('an unsupported version', () => {
    expect(errors('broken/bad-version')).toEqual([expect.objectContaining({ file: 'manifest.csv', line: 3, code: 'manifest_invalid', values: { value: '2.0' } })]);
  });
  it('a missing column', () => {
    expect(errors('broken/missing-column')).toContainEqual(expect.objectContaining({ file: 'classes.csv', line: 1, code: 'column_missing', column: 'schoolSourcedId' }));
  });
  it('values outside the allowed lists, a bad date and a bad email', () => {
    const found = errors('broken/bad-values').map((p) => [p.file, p.line, p.column, p.code]);
    expect(found).toContainEqual(['users.csv', 8, 'enabledUser', 'value_not_allowed']);
    expect(found).toContainEqual(['users.csv', 8, 'role', 'value_not_allowed']);
    expect(found).toContainEqual(['users.csv', 15, 'email', 'email_invalid']);
    expect(found).toContainEqual(['academicSessions.csv', 3, 'startDate', 'date_invalid']);
  });
  it('a duplicate sourcedId', () => {
    expect(errors('broken/duplicate-id')).toEqual([expect.objectContaining({ file: 'enrollments.csv', line: 13, code: 'duplicate_id', values: { value: 'e11' } })]);
  });
  it('an unclosed quote', () => {
    expect(errors('broken/unclosed-quote')).toEqual([expect.objectContaining({ file: 'enrollments.csv', code: 'csv_unreadable' })]);
  });
  it('a short row', () => {
    expect(errors('broken/short-row')).toEqual([expect.objectContaining({ file: 'enrollments.csv', line: 14, code: 'row_length', values: { expected: 10, found: 5 } })]);
  });
});

/**
 * Microsoft School Data Sync v2.1 CSV — "almost OneRoster": the same file names, but no manifest,
 * no status or dateLastModified (every upload is a full picture: bulk), enrollments without a
 * sourcedId, roles in roles.csv with SDS's own values (`professor`, `faculty`), and guardians as
 * users linked in relationships.csv rather than by agentSourcedIds. Example from the SDS sample:
 *   relationships.csv  114001,114002,guardian   →  user 114002 is a guardian of student 114001.
 */
import { readCsv, requireColumns, type CsvTable } from './csv';
import type { PersonRole, RosterClass, RosterEnrollment, RosterOrg, RosterPackage, RosterPerson, RosterTerm } from './model';
import { isEmail, isIsoDate, type UploadedFiles } from './oneroster';
import { problem, type Problem } from './problems';

const REQUIRED: Record<string, string[]> = {
  'orgs.csv': ['sourcedId', 'name', 'type'],
  'users.csv': ['sourcedId', 'username', 'givenName', 'familyName'],
  'classes.csv': ['sourcedId', 'orgSourcedId', 'title'],
  'enrollments.csv': ['classSourcedId', 'userSourcedId', 'role'],
  'roles.csv': ['userSourcedId', 'orgSourcedId', 'role'],
};

function sdsRole(role: string): PersonRole | null {
  switch (role.toLowerCase()) {
    case 'student':
      return 'student';
    case 'teacher':
    case 'professor':
    case 'faculty':
      return 'teacher';
    case 'aide':
      return 'aide';
    case 'administrator':
    case 'principal':
    case 'districtadministrator':
      return 'administrator';
    case 'guardian':
    case 'parent':
    case 'relative':
      return 'guardian';
    default:
      return null;
  }
}

/** True when an upload looks like SDS v2.1 rather than OneRoster (no manifest; SDS columns). */
export function looksLikeSds(files: UploadedFiles): boolean {
  if ('manifest.csv' in files) return false;
  const users = files['users.csv'] ?? '';
  return /^\uFEFF?sourcedId,username,givenName/i.test(users) || 'relationships.csv' in files;
}

export function readSds(files: UploadedFiles): RosterPackage {
  const problems: Problem[] = [];
  const tables = new Map<string, CsvTable>();
  for (const file of Object.keys(REQUIRED)) {
    const text = files[file];
    if (text === undefined) {
      if (file !== 'roles.csv') problems.push(problem(file, 0, 'file_missing'));
      continue;
    }
    const table = readCsv(file, text);
    problems.push(...table.problems, ...requireColumns(table, REQUIRED[file] ?? []));
    tables.set(file, table);
  }
  for (const optional of ['academicSessions.csv', 'courses.csv', 'relationships.csv']) {
    const text = files[optional];
    if (text !== undefined) {
      const table = readCsv(optional, text);
      problems.push(...table.problems);
      tables.set(optional, table);
    }
  }
  const rowsOf = (file: string) => tables.get(file)?.rows ?? [];
  const required = (file: string, line: number, cells: Record<string, string>, columns: string[]) => {
    let ok = true;
    for (const column of columns) {
      if (!cells[column]) {
        problems.push(problem(file, line, 'value_missing', { column }));
        ok = false;
      }
    }
    return ok;
  };
  const base = (file: string, line: number, sourcedId: string) => ({ sourcedId, status: 'active' as const, dateLastModified: null, file, line });

  const orgs: RosterOrg[] = rowsOf('orgs.csv')
    .filter((r) => required('orgs.csv', r.line, r.cells, ['sourcedId', 'name', 'type']))
    .map((r) => ({ ...base('orgs.csv', r.line, r.cells.sourcedId ?? ''), name: r.cells.name ?? '', type: r.cells.type ?? '' }));

  const terms: RosterTerm[] = [];
  for (const r of rowsOf('academicSessions.csv')) {
    const c = r.cells;
    if (!required('academicSessions.csv', r.line, c, ['sourcedId', 'title', 'type', 'startDate', 'endDate'])) continue;
    let ok = true;
    for (const column of ['startDate', 'endDate']) {
      if (!isIsoDate(c[column] ?? '')) {
        problems.push(problem('academicSessions.csv', r.line, 'date_invalid', { column, values: { value: c[column] ?? '' } }));
        ok = false;
      }
    }
    if (!ok || c.type === 'schoolYear') continue;
    terms.push({ ...base('academicSessions.csv', r.line, c.sourcedId ?? ''), title: c.title ?? '', kind: c.type === 'gradingPeriod' ? 'gradingPeriod' : 'term', startDate: c.startDate ?? '', endDate: c.endDate ?? '', parentSourcedId: null });
  }

  const courseGrade = new Map(rowsOf('courses.csv').map((r) => [r.cells.sourcedId ?? '', r.cells.grade ?? '']));
  const classes: RosterClass[] = rowsOf('classes.csv')
    .filter((r) => required('classes.csv', r.line, r.cells, ['sourcedId', 'orgSourcedId', 'title']))
    .map((r) => {
      const grade = courseGrade.get(r.cells.courseSourcedId ?? '');
      return { ...base('classes.csv', r.line, r.cells.sourcedId ?? ''), title: r.cells.title ?? '', schoolSourcedId: r.cells.orgSourcedId ?? '', grades: grade ? [grade] : [], classCode: null };
    });

  // A user's role and schools come from roles.csv; guardians are those named in relationships.csv.
  const roleOf = new Map<string, { role: PersonRole; orgs: string[]; grade: string | null }>();
  for (const r of rowsOf('roles.csv')) {
    const c = r.cells;
    if (!required('roles.csv', r.line, c, ['userSourcedId', 'orgSourcedId', 'role'])) continue;
    const role = sdsRole(c.role ?? '');
    if (!role) {
      problems.push(problem('roles.csv', r.line, 'row_ignored', { column: 'role', values: { value: c.role ?? '' } }));
      continue;
    }
    const entry = roleOf.get(c.userSourcedId ?? '') ?? { role, orgs: [], grade: null };
    if ((c.isPrimary ?? '').toUpperCase() === 'TRUE') entry.role = role;
    entry.orgs.push(c.orgSourcedId ?? '');
    entry.grade = entry.grade ?? (c.grade || null);
    roleOf.set(c.userSourcedId ?? '', entry);
  }
  const guardiansOf = new Map<string, string[]>(); // student → guardians
  const childrenOf = new Map<string, string[]>(); // guardian → students
  const relationshipOf = new Map<string, string>();
  for (const r of rowsOf('relationships.csv')) {
    const student = r.cells.userSourcedId ?? '';
    const guardian = r.cells.relationshipUserSourcedId ?? '';
    if (!student || !guardian) continue;
    guardiansOf.set(student, [...(guardiansOf.get(student) ?? []), guardian]);
    childrenOf.set(guardian, [...(childrenOf.get(guardian) ?? []), student]);
    if (!relationshipOf.has(guardian)) relationshipOf.set(guardian, r.cells.relationshipRole || 'guardian');
  }

  const people: RosterPerson[] = [];
  const seen = new Set<string>();
  for (const r of rowsOf('users.csv')) {
    const c = r.cells;
    if (!required('users.csv', r.line, c, ['sourcedId', 'givenName', 'familyName'])) continue;
    const id = c.sourcedId ?? '';
    if (seen.has(id)) {
      problems.push(problem('users.csv', r.line, 'duplicate_id', { column: 'sourcedId', values: { value: id } }));
      continue;
    }
    seen.add(id);
    const email = c.email ? c.email.toLowerCase() : null;
    if (email && !isEmail(email)) {
      problems.push(problem('users.csv', r.line, 'email_invalid', { column: 'email', values: { value: c.email ?? '' } }));
      continue;
    }
    const fromRoles = roleOf.get(id);
    const role: PersonRole | null = fromRoles?.role ?? (childrenOf.has(id) ? 'guardian' : null);
    if (!role) {
      problems.push(problem('users.csv', r.line, 'row_ignored', { column: 'sourcedId', values: { value: id } }));
      continue;
    }
    people.push({
      ...base('users.csv', r.line, id),
      role,
      givenName: c.givenName ?? '',
      familyName: c.familyName ?? '',
      email,
      username: c.username || null,
      phone: c.phone || c.sms || null,
      grades: fromRoles?.grade ? [fromRoles.grade] : [],
      schoolSourcedIds: fromRoles?.orgs ?? [],
      agentSourcedIds: role === 'guardian' ? (childrenOf.get(id) ?? []) : (guardiansOf.get(id) ?? []),
      relationship: role === 'guardian' ? (relationshipOf.get(id) ?? 'guardian') : null,
      preferredLanguage: null,
      enabled: true,
    });
  }

  const enrollments: RosterEnrollment[] = [];
  for (const r of rowsOf('enrollments.csv')) {
    const c = r.cells;
    if (!required('enrollments.csv', r.line, c, ['classSourcedId', 'userSourcedId', 'role'])) continue;
    const role = sdsRole(c.role ?? '');
    if (role !== 'student' && role !== 'teacher' && role !== 'aide') {
      problems.push(problem('enrollments.csv', r.line, 'row_ignored', { column: 'role', values: { value: c.role ?? '' } }));
      continue;
    }
    enrollments.push({ sourcedId: null, classSourcedId: c.classSourcedId ?? '', userSourcedId: c.userSourcedId ?? '', role, primary: false, status: 'active', dateLastModified: null, file: 'enrollments.csv', line: r.line });
  }

  return {
    format: 'sds-2.1',
    modes: { orgs: 'bulk', terms: tables.has('academicSessions.csv') ? 'bulk' : 'absent', classes: 'bulk', users: 'bulk', enrollments: 'bulk' },
    orgs,
    terms,
    classes,
    people,
    enrollments,
    problems,
  };
}

/**
 * OneRoster 1.1 and 1.2 CSV (1EdTech): manifest.csv says the version and, per file, bulk / delta /
 * absent. Column lists and allowed values follow the CSV binding (see
 * shared/fixtures/roster/README.md). We are liberal about optional columns (a header may leave
 * them out) and strict about the ones the spec requires to be filled.
 *
 * v1.1 keeps a user's role and schools on users.csv; v1.2 moves them to roles.csv — e.g.
 *   users.csv  u1,…,givenName=Ana,…          roles.csv  r1,…,userSourcedId=u1,roleType=primary,role=student,orgSourcedId=sch1
 * both become RosterPerson { sourcedId: 'u1', role: 'student', schoolSourcedIds: ['sch1'] }.
 * demographics.csv and the gradebook files are ignored.
 */
import { readCsv, requireColumns, type CsvRow, type CsvTable } from './csv';
import type { FileMode, PersonRole, RosterClass, RosterEnrollment, RosterOrg, RosterPackage, RosterPerson, RosterTerm, RowStatus } from './model';
import { problem, type Problem } from './problems';

export type UploadedFiles = Record<string, string>;

const ORG_TYPES = ['department', 'school', 'district', 'local', 'state', 'national'];
const SESSION_TYPES = ['gradingPeriod', 'semester', 'schoolYear', 'term'];
const CLASS_TYPES = ['homeroom', 'scheduled'];
const USER_ROLES_11 = ['administrator', 'aide', 'guardian', 'parent', 'proctor', 'relative', 'student', 'teacher'];
const USER_ROLES_12 = [...USER_ROLES_11, 'counselor', 'districtAdministrator', 'principal', 'siteAdministrator', 'systemAdministrator'];
const ENROLLMENT_ROLES = ['administrator', 'aide', 'guardian', 'parent', 'proctor', 'relative', 'student', 'teacher'];
const BOOLEANS = ['true', 'false'];

/** Which Confer role a OneRoster role becomes; null = not a person Confer keeps (e.g. proctor). */
export function personRoleOf(role: string): PersonRole | null {
  switch (role) {
    case 'student':
      return 'student';
    case 'teacher':
      return 'teacher';
    case 'aide':
      return 'aide';
    case 'administrator':
    case 'principal':
    case 'siteAdministrator':
    case 'districtAdministrator':
    case 'systemAdministrator':
      return 'administrator';
    case 'guardian':
    case 'parent':
    case 'relative':
      return 'guardian';
    default:
      return null;
  }
}

const list = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const orNull = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

export function isIsoDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}
const isDateTime = (v: string) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) && !Number.isNaN(Date.parse(v));
export const isEmail = (v: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v);

class Checker {
  readonly problems: Problem[] = [];
  constructor(
    readonly table: CsvTable,
    readonly row: CsvRow,
  ) {}
  get(column: string): string {
    return this.row.cells[column] ?? '';
  }
  required(...columns: string[]): void {
    for (const column of columns) if (!this.get(column)) this.problems.push(problem(this.table.file, this.row.line, 'value_missing', { column }));
  }
  oneOf(column: string, allowed: readonly string[], optional = false): void {
    const v = this.get(column);
    if (!v && optional) return;
    if (v && !allowed.includes(v)) this.problems.push(problem(this.table.file, this.row.line, 'value_not_allowed', { column, values: { value: v, allowed: allowed.join(', ') } }));
  }
  date(column: string): void {
    const v = this.get(column);
    if (v && !isIsoDate(v)) this.problems.push(problem(this.table.file, this.row.line, 'date_invalid', { column, values: { value: v } }));
  }
  email(column: string): void {
    const v = this.get(column);
    if (v && !isEmail(v)) this.problems.push(problem(this.table.file, this.row.line, 'email_invalid', { column, values: { value: v } }));
  }
  /** status and dateLastModified; returns the status. */
  common(): RowStatus {
    this.oneOf('status', ['active', 'tobedeleted'], true);
    const modified = this.get('dateLastModified');
    if (modified && !isDateTime(modified)) this.problems.push(problem(this.table.file, this.row.line, 'date_invalid', { column: 'dateLastModified', values: { value: modified } }));
    return this.get('status') === 'tobedeleted' ? 'tobedeleted' : 'active';
  }
}

interface Manifest {
  version: '1.1' | '1.2';
  modes: Record<string, FileMode>;
}

function readManifest(files: UploadedFiles, problems: Problem[]): Manifest | null {
  const text = files['manifest.csv'];
  if (text === undefined) {
    problems.push(problem('manifest.csv', 0, 'file_missing'));
    return null;
  }
  const table = readCsv('manifest.csv', text);
  problems.push(...table.problems, ...requireColumns(table, ['propertyName', 'value']));
  const props = new Map(table.rows.map((r) => [r.cells.propertyName ?? '', { value: r.cells.value ?? '', line: r.line }]));
  const version = props.get('oneroster.version');
  if (!version || (version.value !== '1.1' && version.value !== '1.2')) {
    problems.push(problem('manifest.csv', version?.line ?? 0, 'manifest_invalid', { column: 'value', values: { value: version?.value ?? '' } }));
    return null;
  }
  const modes: Record<string, FileMode> = {};
  for (const [key, { value, line }] of props) {
    if (!key.startsWith('file.')) continue;
    if (!['absent', 'bulk', 'delta'].includes(value)) {
      problems.push(problem('manifest.csv', line, 'value_not_allowed', { column: 'value', values: { value, allowed: 'absent, bulk, delta' } }));
      continue;
    }
    modes[key.slice(5)] = value as FileMode;
  }
  return { version: version.value, modes };
}

/** Reads a file the manifest lists; reports a file listed but not uploaded. */
function tableFor(files: UploadedFiles, manifest: Manifest, name: string, problems: Problem[]): CsvTable | null {
  const mode = manifest.modes[name] ?? 'absent';
  if (mode === 'absent') return null;
  const text = files[`${name}.csv`];
  if (text === undefined) {
    problems.push(problem(`${name}.csv`, 0, 'file_missing'));
    return null;
  }
  const table = readCsv(`${name}.csv`, text);
  problems.push(...table.problems);
  return table;
}

function duplicates(table: CsvTable, problems: Problem[]): void {
  const seen = new Set<string>();
  for (const row of table.rows) {
    const id = row.cells.sourcedId;
    if (!id) continue;
    if (seen.has(id)) problems.push(problem(table.file, row.line, 'duplicate_id', { column: 'sourcedId', values: { value: id } }));
    seen.add(id);
  }
}

export function readOneRoster(files: UploadedFiles): RosterPackage {
  const problems: Problem[] = [];
  const empty: RosterPackage = {
    format: 'oneroster-1.1',
    modes: { orgs: 'absent', terms: 'absent', classes: 'absent', users: 'absent', enrollments: 'absent' },
    orgs: [],
    terms: [],
    classes: [],
    people: [],
    enrollments: [],
    problems,
  };
  const manifest = readManifest(files, problems);
  if (!manifest) return empty;
  const v12 = manifest.version === '1.2';
  const mode = (name: string): FileMode => manifest.modes[name] ?? 'absent';
  const base = (c: Checker, status: RowStatus) => ({
    sourcedId: c.get('sourcedId'),
    status,
    dateLastModified: orNull(c.get('dateLastModified')),
    file: c.table.file,
    line: c.row.line,
  });
  /** Runs `read` on each row; a tobedeleted row only needs its sourcedId. */
  function rows<T>(table: CsvTable | null, required: string[], read: (c: Checker, status: RowStatus) => T | null): T[] {
    if (!table) return [];
    problems.push(...requireColumns(table, ['sourcedId', ...required.filter((r) => r !== 'sourcedId')]));
    duplicates(table, problems);
    const out: T[] = [];
    for (const row of table.rows) {
      const c = new Checker(table, row);
      const status = c.common();
      if (status === 'tobedeleted') c.required('sourcedId');
      else c.required('sourcedId', ...required);
      const value = read(c, status);
      problems.push(...c.problems);
      if (value !== null && c.problems.every((p) => p.severity !== 'error')) out.push(value);
    }
    return out;
  }

  const orgs: RosterOrg[] = rows(tableFor(files, manifest, 'orgs', problems), ['name', 'type'], (c, status) => {
    c.oneOf('type', ORG_TYPES, status === 'tobedeleted');
    return { ...base(c, status), name: c.get('name'), type: c.get('type') };
  });

  const terms: RosterTerm[] = rows(tableFor(files, manifest, 'academicSessions', problems), ['title', 'type', 'startDate', 'endDate', 'schoolYear'], (c, status) => {
    c.oneOf('type', SESSION_TYPES, status === 'tobedeleted');
    c.date('startDate');
    c.date('endDate');
    const type = c.get('type');
    if (c.get('startDate') && c.get('endDate') && isIsoDate(c.get('startDate')) && isIsoDate(c.get('endDate')) && c.get('endDate') < c.get('startDate')) {
      c.problems.push(problem(c.table.file, c.row.line, 'dates_reversed', { column: 'endDate' }));
    }
    // A school year is the frame, not a term of its own: Confer keeps its terms and grading periods.
    if (status === 'active' && type === 'schoolYear') return null;
    return {
      ...base(c, status),
      title: c.get('title'),
      kind: type === 'gradingPeriod' ? 'gradingPeriod' : 'term',
      startDate: c.get('startDate'),
      endDate: c.get('endDate'),
      parentSourcedId: orNull(c.get('parentSourcedId')),
    };
  });

  const classes: RosterClass[] = rows(tableFor(files, manifest, 'classes', problems), ['title', 'courseSourcedId', 'classType', 'schoolSourcedId', 'termSourcedIds'], (c, status) => {
    c.oneOf('classType', CLASS_TYPES, status === 'tobedeleted');
    return { ...base(c, status), title: c.get('title'), schoolSourcedId: c.get('schoolSourcedId'), grades: list(c.get('grades')), classCode: orNull(c.get('classCode')) };
  });

  // v1.2: a user's roles and schools come from roles.csv (the primary role wins).
  const rolesByUser = new Map<string, { role: string; orgs: string[] }>();
  if (v12) {
    rows(tableFor(files, manifest, 'roles', problems), ['userSourcedId', 'roleType', 'role', 'orgSourcedId'], (c, status) => {
      c.oneOf('roleType', ['primary', 'secondary'], status === 'tobedeleted');
      c.oneOf('role', USER_ROLES_12, status === 'tobedeleted');
      if (status === 'active') {
        const user = c.get('userSourcedId');
        const entry = rolesByUser.get(user) ?? { role: '', orgs: [] };
        if (c.get('roleType') === 'primary' || !entry.role) entry.role = c.get('role');
        entry.orgs.push(c.get('orgSourcedId'));
        rolesByUser.set(user, entry);
      }
      return null;
    });
  }

  const userRequired = v12 ? ['enabledUser', 'username', 'givenName', 'familyName'] : ['enabledUser', 'orgSourcedIds', 'role', 'username', 'givenName', 'familyName'];
  const people: RosterPerson[] = rows(tableFor(files, manifest, 'users', problems), userRequired, (c, status) => {
    c.oneOf('enabledUser', BOOLEANS, status === 'tobedeleted');
    c.email('email');
    if (!v12) c.oneOf('role', USER_ROLES_11, status === 'tobedeleted');
    const fromRoles = rolesByUser.get(c.get('sourcedId'));
    const sourceRole = v12 ? (fromRoles?.role ?? '') : c.get('role');
    const role = personRoleOf(sourceRole);
    if (status === 'active' && !role) {
      if (v12 && !fromRoles) c.problems.push(problem(c.table.file, c.row.line, 'reference_unknown', { column: 'sourcedId', values: { value: c.get('sourcedId'), file: 'roles.csv' } }));
      // A role that is simply not allowed is already reported; one Confer does not use (proctor) is a note.
      else if (c.problems.length === 0) c.problems.push(problem(c.table.file, c.row.line, 'row_ignored', { column: 'role', values: { value: sourceRole } }));
      return null;
    }
    return {
      ...base(c, status),
      role: role ?? 'student',
      givenName: c.get('givenName'),
      familyName: c.get('familyName'),
      email: orNull(c.get('email'))?.toLowerCase() ?? null,
      username: orNull(c.get('username')),
      phone: orNull(c.get('phone')) ?? orNull(c.get('sms')),
      grades: list(c.get('grades')),
      schoolSourcedIds: v12 ? (fromRoles?.orgs ?? []) : list(c.get('orgSourcedIds')),
      agentSourcedIds: list(c.get('agentSourcedIds')),
      relationship: role === 'guardian' ? sourceRole : null,
      preferredLanguage: null,
      enabled: c.get('enabledUser') !== 'false',
    };
  });

  const enrollments: RosterEnrollment[] = rows(tableFor(files, manifest, 'enrollments', problems), ['classSourcedId', 'schoolSourcedId', 'userSourcedId', 'role'], (c, status) => {
    c.oneOf('role', ENROLLMENT_ROLES, status === 'tobedeleted');
    c.oneOf('primary', BOOLEANS, true);
    c.date('beginDate');
    c.date('endDate');
    const role = c.get('role');
    if (status === 'active' && role !== 'student' && role !== 'teacher' && role !== 'aide') {
      c.problems.push(problem(c.table.file, c.row.line, 'row_ignored', { column: 'role', values: { value: role } }));
      return null;
    }
    return {
      sourcedId: c.get('sourcedId'),
      classSourcedId: c.get('classSourcedId'),
      userSourcedId: c.get('userSourcedId'),
      role: (role || 'student') as RosterEnrollment['role'],
      primary: c.get('primary') === 'true',
      status,
      dateLastModified: orNull(c.get('dateLastModified')),
      file: c.table.file,
      line: c.row.line,
    };
  });

  return {
    format: v12 ? 'oneroster-1.2' : 'oneroster-1.1',
    modes: { orgs: mode('orgs'), terms: mode('academicSessions'), classes: mode('classes'), users: mode('users'), enrollments: mode('enrollments') },
    orgs,
    terms,
    classes,
    people,
    enrollments,
    problems,
  };
}

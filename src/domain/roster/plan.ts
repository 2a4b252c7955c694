/**
 * What an import would change, worked out before anything is written (the dry run), from the
 * uploaded RosterPackage and what the school already has from earlier imports (CurrentRoster,
 * keyed by the source's sourcedIds). Applying the plan is then a matter of writing it out.
 *
 * Rules, with the cases they answer:
 * - Identity is the sourcedId: importing the same files twice plans nothing the second time.
 * - A `bulk` file is the whole truth: a class or person Confer got from an earlier import and that
 *   is missing now is archived (kept with its history, no longer signs in). A `delta` file changes
 *   only its rows; `tobedeleted` archives.
 * - `dateLastModified` older than what Confer stored is skipped (an out-of-order delta does not
 *   undo a newer change); equal content is "unchanged" whatever the date.
 * - Rows for another school in the same export are left out and counted in one warning per file.
 * - A reference to something in neither the upload nor the school is an error at that row.
 */
import type { PersonRole, RosterClass, RosterEnrollment, RosterPackage, RosterPerson, RosterTerm } from './model';
import { problem, type Problem } from './problems';

export interface CurrentEntity {
  id: string;
  lastModified: string | null;
  archived: boolean;
  /** The fields the import owns, to tell an update from no change. */
  fingerprint: string;
}

export interface CurrentRoster {
  /** The org sourcedId this school was imported as before, if any. */
  schoolSourcedId: string | null;
  terms: Map<string, CurrentEntity>;
  classes: Map<string, CurrentEntity>;
  people: Map<string, CurrentEntity & { role: PersonRole }>;
  /** `enrollmentKey(…)` for every enrollment Confer has from the source. */
  enrollments: Map<string, { sourcedId: string | null }>;
  /** `linkKey(guardianSourcedId, studentSourcedId)`. */
  guardianLinks: Set<string>;
}

export interface Changes<T> {
  create: T[];
  update: T[];
  /** sourcedIds to archive. */
  archive: string[];
  unchanged: number;
  /** Updates skipped because Confer already has a newer version. */
  skippedOlder: number;
}

export interface EnrollmentKey {
  classSourcedId: string;
  userSourcedId: string;
  role: RosterEnrollment['role'];
}

export interface GuardianLink {
  guardianSourcedId: string;
  studentSourcedId: string;
  relationship: string;
}

export interface ImportPlan {
  schoolSourcedId: string | null;
  terms: Changes<RosterTerm>;
  classes: Changes<RosterClass>;
  people: Changes<RosterPerson>;
  enrollments: { add: Array<EnrollmentKey & { sourcedId: string | null }>; remove: EnrollmentKey[] };
  guardianLinks: { add: GuardianLink[]; remove: Array<Omit<GuardianLink, 'relationship'>> };
  problems: Problem[];
  /** True when there are errors: the import must not be applied. */
  blocked: boolean;
  /** The schools (orgs) the upload holds, for the admin to choose from when there are several. */
  schools: Array<{ sourcedId: string; name: string }>;
  /** How many of those to archive have each role (from what Confer has), for the preview. */
  archivedByRole: Partial<Record<PersonRole, number>>;
}

export const termFingerprint = (t: Pick<RosterTerm, 'title' | 'kind' | 'startDate' | 'endDate' | 'parentSourcedId'>) =>
  JSON.stringify([t.title, t.kind, t.startDate, t.endDate, t.parentSourcedId]);
export const classFingerprint = (c: Pick<RosterClass, 'title' | 'grades' | 'classCode' | 'yearGroup'>) => JSON.stringify([c.title, c.grades.join(','), c.classCode, ...(c.yearGroup ? [c.yearGroup] : [])]);
export const personFingerprint = (p: Pick<RosterPerson, 'role' | 'givenName' | 'familyName' | 'email' | 'username' | 'phone' | 'grades' | 'enabled' | 'preferredLanguage' | 'yearGroup' | 'keyStage'>) =>
  JSON.stringify([p.role, p.givenName, p.familyName, p.email, p.username, p.phone, p.grades.join(','), p.enabled, p.preferredLanguage, ...(p.yearGroup || p.keyStage ? [p.yearGroup, p.keyStage] : [])]);

/**
 * Keys for enrollments and family links. JSON, not a separator: sourcedIds are the source's own
 * strings and may contain any character (Confer's simple CSV makes ids like `student:ava|herrera`).
 */
export const enrollmentKey = (e: EnrollmentKey) => JSON.stringify([e.classSourcedId, e.userSourcedId, e.role]);
export function parseEnrollmentKey(key: string): EnrollmentKey {
  const [classSourcedId = '', userSourcedId = '', role = 'student'] = JSON.parse(key) as string[];
  return { classSourcedId, userSourcedId, role: role as EnrollmentKey['role'] };
}
export const linkKey = (guardianSourcedId: string, studentSourcedId: string) => JSON.stringify([guardianSourcedId, studentSourcedId]);

function emptyChanges<T>(): Changes<T> {
  return { create: [], update: [], archive: [], unchanged: 0, skippedOlder: 0 };
}

/** Picks the school the import is for: a chosen org, the one used before, or the only school in the file. */
function chooseSchool(pkg: RosterPackage, current: CurrentRoster, chosen: string | null, problems: Problem[]): string | null {
  if (chosen) return chosen;
  if (current.schoolSourcedId) return current.schoolSourcedId;
  const schools = pkg.orgs.filter((o) => o.type === 'school' || pkg.format === 'sds-2.1');
  const used = new Set(pkg.classes.map((c) => c.schoolSourcedId));
  const candidates = schools.filter((o) => used.has(o.sourcedId));
  if (candidates.length === 1) return candidates[0]?.sourcedId ?? null;
  if (used.size === 1) return [...used][0] ?? null;
  if (used.size > 1) problems.push(problem('orgs.csv', 0, 'school_ambiguous', { values: { count: used.size } }));
  return null;
}

function diff<T extends { sourcedId: string; status: string; dateLastModified: string | null }>(
  rows: T[],
  current: Map<string, CurrentEntity & { role?: PersonRole }>,
  mode: string,
  fingerprint: (row: T) => string,
  /** In a bulk file, only these are archived when missing (unset: all). */
  inScope: (entity: CurrentEntity & { role?: PersonRole }) => boolean = () => true,
): Changes<T> {
  const out = emptyChanges<T>();
  const seen = new Set<string>();
  for (const row of rows) {
    seen.add(row.sourcedId);
    const have = current.get(row.sourcedId);
    if (row.status === 'tobedeleted') {
      if (have && !have.archived) out.archive.push(row.sourcedId);
      continue;
    }
    if (!have) {
      out.create.push(row);
      continue;
    }
    const same = have.fingerprint === fingerprint(row) && !have.archived;
    if (same) {
      out.unchanged++;
      continue;
    }
    // As instants, not text: 2026-11-01T10:00:00.5Z is later than 2026-11-01T10:00:00Z, and offsets differ.
    if (row.dateLastModified && have.lastModified && Date.parse(row.dateLastModified) < Date.parse(have.lastModified)) {
      out.skippedOlder++;
      continue;
    }
    out.update.push(row);
  }
  if (mode === 'bulk') {
    for (const [sourcedId, have] of current) if (!seen.has(sourcedId) && !have.archived && inScope(have)) out.archive.push(sourcedId);
  }
  return out;
}

export function planImport(input: RosterPackage, current: CurrentRoster, options: { schoolSourcedId?: string | null } = {}): ImportPlan {
  // Someone the information system has disabled (enabledUser=false) leaves, like tobedeleted.
  const pkg: RosterPackage = { ...input, people: input.people.map((p) => (p.status === 'active' && !p.enabled ? { ...p, status: 'tobedeleted' } : p)) };
  const problems: Problem[] = [...pkg.problems];
  const school = chooseSchool(pkg, current, options.schoolSourcedId ?? null, problems);

  // Leave out another school's classes and people (one warning per file, not one per row).
  const otherSchool = new Map<string, number>();
  const ours = <T extends { file: string }>(rows: T[], belongs: (row: T) => boolean) =>
    rows.filter((row) => {
      if (!school || belongs(row)) return true;
      otherSchool.set(row.file, (otherSchool.get(row.file) ?? 0) + 1);
      return false;
    });
  const classes = ours(pkg.classes, (c) => c.status === 'tobedeleted' || c.schoolSourcedId === school);
  const classIds = new Set([...classes.map((c) => c.sourcedId), ...current.classes.keys()]);
  const studentIds = new Set(
    pkg.people.filter((p) => p.role === 'student' && (p.status === 'tobedeleted' || !school || p.schoolSourcedIds.length === 0 || p.schoolSourcedIds.includes(school))).map((p) => p.sourcedId),
  );
  // Guardians belong through their children, whichever org the export gives them. (A set, not a
  // search per guardian: a district export has tens of thousands of each.)
  const guardiansOfOurStudents = new Set(pkg.people.filter((s) => studentIds.has(s.sourcedId)).flatMap((s) => s.agentSourcedIds));
  const guardianOfOurs = (p: RosterPerson) =>
    guardiansOfOurStudents.has(p.sourcedId) || p.agentSourcedIds.some((s) => studentIds.has(s) || current.people.get(s)?.role === 'student');
  const people = ours(pkg.people, (p) =>
    p.status === 'tobedeleted' || (p.role === 'guardian' ? guardianOfOurs(p) : p.schoolSourcedIds.length === 0 || p.schoolSourcedIds.includes(school ?? '')),
  );
  for (const [file, count] of otherSchool) problems.push(problem(file, 0, 'row_ignored', { values: { count } }));

  // One email, one account: a later person with an email already used in the upload (parents who
  // share one address) is imported without it, and the admin is told where.
  const emailUsed = new Map<string, string>();
  for (let i = 0; i < people.length; i++) {
    const p = people[i] as RosterPerson;
    if (!p.email || p.status === 'tobedeleted') continue;
    const first = emailUsed.get(p.email);
    if (first && first !== p.sourcedId) {
      problems.push(problem(p.file, p.line, 'email_duplicate', { column: 'email', values: { value: p.email } }));
      people[i] = { ...p, email: null };
    } else emailUsed.set(p.email, p.sourcedId);
  }

  const peopleById = new Map(people.map((p) => [p.sourcedId, p]));
  const personKnown = (id: string) => peopleById.has(id) || current.people.has(id);

  // References: enrollments must point at a class and a person we have or get.
  const enrollments: RosterEnrollment[] = [];
  for (const e of pkg.enrollments) {
    if (e.status === 'tobedeleted') {
      enrollments.push(e);
      continue;
    }
    if (!classIds.has(e.classSourcedId)) {
      if (otherSchool.size && pkg.classes.some((c) => c.sourcedId === e.classSourcedId)) continue; // another school's class
      problems.push(problem(e.file, e.line, 'reference_unknown', { column: 'classSourcedId', values: { value: e.classSourcedId, file: 'classes.csv' } }));
      continue;
    }
    if (!personKnown(e.userSourcedId)) {
      problems.push(problem(e.file, e.line, 'reference_unknown', { column: 'userSourcedId', values: { value: e.userSourcedId, file: 'users.csv' } }));
      continue;
    }
    enrollments.push(e);
  }

  const plan: ImportPlan = {
    schoolSourcedId: school,
    terms: diff(pkg.terms, current.terms, pkg.modes.terms, termFingerprint),
    // A file that speaks only for children and families archives neither classes nor staff.
    classes: diff(classes, current.classes, pkg.scope ? 'delta' : pkg.modes.classes, classFingerprint),
    people: diff(people, current.people, pkg.modes.users, personFingerprint, (have) => !pkg.scope || (have.role !== undefined && pkg.scope.roles.includes(have.role))),
    enrollments: { add: [], remove: [] },
    guardianLinks: { add: [], remove: [] },
    problems,
    blocked: false,
    schools: pkg.orgs.filter((o) => pkg.classes.some((c) => c.schoolSourcedId === o.sourcedId)).map((o) => ({ sourcedId: o.sourcedId, name: o.name })),
    archivedByRole: {},
  };
  for (const sid of plan.people.archive) {
    const role = current.people.get(sid)?.role;
    if (role) plan.archivedByRole[role] = (plan.archivedByRole[role] ?? 0) + 1;
  }

  // Enrollments: by class + person + role; a tobedeleted row names only its sourcedId.
  const wanted = new Map<string, EnrollmentKey & { sourcedId: string | null }>();
  const bySourcedId = new Map<string, string>();
  for (const [key, v] of current.enrollments) if (v.sourcedId) bySourcedId.set(v.sourcedId, key);
  for (const e of enrollments) {
    if (e.status === 'tobedeleted') {
      const key = e.sourcedId ? bySourcedId.get(e.sourcedId) : undefined;
      if (key) plan.enrollments.remove.push(parseEnrollmentKey(key));
      continue;
    }
    wanted.set(enrollmentKey(e), { classSourcedId: e.classSourcedId, userSourcedId: e.userSourcedId, role: e.role, sourcedId: e.sourcedId });
  }
  for (const [key, e] of wanted) if (!current.enrollments.has(key)) plan.enrollments.add.push(e);
  const archivedPeople = new Set(plan.people.archive);
  const archivedClasses = new Set(plan.classes.archive);
  const removing = new Set(plan.enrollments.remove.map(enrollmentKey));
  for (const key of current.enrollments.keys()) {
    const { classSourcedId, userSourcedId, role } = parseEnrollmentKey(key);
    const inScope = !pkg.scope || (role === 'student' && pkg.scope.roles.includes('student'));
    const gone = (pkg.modes.enrollments === 'bulk' && inScope && !wanted.has(key)) || archivedPeople.has(userSourcedId) || archivedClasses.has(classSourcedId);
    if (gone && !removing.has(key)) {
      removing.add(key);
      plan.enrollments.remove.push({ classSourcedId, userSourcedId, role });
    }
  }

  // Guardian links from either side's agentSourcedIds; in a bulk users file the links are complete.
  const links = new Map<string, GuardianLink>();
  for (const p of people) {
    if (p.status === 'tobedeleted') continue;
    for (const other of p.agentSourcedIds) {
      const [guardianId, studentId] = p.role === 'guardian' ? [p.sourcedId, other] : p.role === 'student' ? [other, p.sourcedId] : [null, null];
      if (!guardianId || !studentId) continue;
      const guardian = peopleById.get(guardianId);
      if (!personKnown(guardianId) || !personKnown(studentId)) continue;
      links.set(linkKey(guardianId, studentId), { guardianSourcedId: guardianId, studentSourcedId: studentId, relationship: guardian?.relationship ?? 'guardian' });
    }
  }
  for (const [key, link] of links) if (!current.guardianLinks.has(key)) plan.guardianLinks.add.push(link);
  if (pkg.modes.users === 'bulk') {
    for (const key of current.guardianLinks) {
      if (links.has(key)) continue;
      const [guardianSourcedId = '', studentSourcedId = ''] = JSON.parse(key) as string[];
      plan.guardianLinks.remove.push({ guardianSourcedId, studentSourcedId });
    }
  }

  plan.blocked = problems.some((p) => p.severity === 'error');
  return plan;
}

/** Counts for the dry-run preview. */
export function summarise(plan: ImportPlan) {
  const count = <T>(c: Changes<T>) => ({ create: c.create.length, update: c.update.length, archive: c.archive.length, unchanged: c.unchanged, skippedOlder: c.skippedOlder });
  const byRole = (role: PersonRole) => ({
    create: plan.people.create.filter((p) => p.role === role).length,
    update: plan.people.update.filter((p) => p.role === role).length,
    archive: plan.archivedByRole[role] ?? 0,
  });
  return {
    terms: count(plan.terms),
    classes: count(plan.classes),
    people: count(plan.people),
    students: byRole('student'),
    staff: (['create', 'update', 'archive'] as const).reduce(
      (acc, k) => ({ ...acc, [k]: byRole('teacher')[k] + byRole('aide')[k] + byRole('administrator')[k] }),
      { create: 0, update: 0, archive: 0 },
    ),
    guardians: byRole('guardian'),
    enrollments: { add: plan.enrollments.add.length, remove: plan.enrollments.remove.length },
    guardianLinks: { add: plan.guardianLinks.add.length, remove: plan.guardianLinks.remove.length },
    schools: plan.schools,
    errors: plan.problems.filter((p) => p.severity === 'error').length,
    warnings: plan.problems.filter((p) => p.severity === 'warning').length,
  };
}

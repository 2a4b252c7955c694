/**
 * Confer's simple CSV, for small schools without an information system: one file, one row per
 * child, with their class, year group and up to two guardians. The header may be in any shipped
 * language (the template is offered in the admin's), so the caller passes the known header names
 * for every column key. The file is the whole truth (bulk): a child left out is archived.
 *
 * Identity, so a second upload updates rather than duplicates: a child is their `student_id` if
 * the school gives one, else their given and family name; a guardian their email, else name and
 * phone; a class its name. Example row (English header):
 *   Ava,Herrera,,Owls,Year 1,1,KS1,Lucía,Herrera,lucia@example.org,+44 7700 900000,es,mother,…
 */
import { readCsv } from './csv';
import type { RosterClass, RosterEnrollment, RosterPackage, RosterPerson } from './model';
import { isEmail } from './oneroster';
import { problem, type Problem } from './problems';

export const simpleColumns = [
  'student_id',
  'student_given_name',
  'student_family_name',
  'class',
  'year_group',
  'grade_level',
  'key_stage',
  'guardian1_given_name',
  'guardian1_family_name',
  'guardian1_email',
  'guardian1_phone',
  'guardian1_language',
  'guardian1_relationship',
  'guardian2_given_name',
  'guardian2_family_name',
  'guardian2_email',
  'guardian2_phone',
  'guardian2_language',
  'guardian2_relationship',
] as const;
export type SimpleColumn = (typeof simpleColumns)[number];

export const requiredSimpleColumns: SimpleColumn[] = ['student_given_name', 'student_family_name', 'class', 'year_group'];

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** True when a header row names our columns (in any language we know). */
export function looksLikeSimpleCsv(text: string, aliases: Record<string, SimpleColumn>): boolean {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const names = first.split(',').map((h) => norm(h.replace(/^"|"$/g, '')));
  return requiredSimpleColumns.every((key) => names.some((n) => aliases[n] === key));
}

export function readSimpleCsv(file: string, text: string, aliases: Record<string, SimpleColumn>): RosterPackage {
  const table = readCsv(file, text);
  const problems: Problem[] = [...table.problems];
  const keyOf = new Map<string, SimpleColumn>();
  for (const h of table.headers) {
    const key = aliases[norm(h)];
    if (key) keyOf.set(h, key);
  }
  const present = new Set(keyOf.values());
  for (const column of requiredSimpleColumns) if (table.headers.length && !present.has(column)) problems.push(problem(file, 1, 'column_missing', { column }));

  const classes = new Map<string, RosterClass>();
  const people = new Map<string, RosterPerson>();
  const enrollments: RosterEnrollment[] = [];
  const base = (sourcedId: string, line: number) => ({ sourcedId, status: 'active' as const, dateLastModified: null, file, line });

  for (const row of table.rows) {
    const cell = (key: SimpleColumn) => {
      for (const [h, k] of keyOf) if (k === key) return (row.cells[h] ?? '').trim();
      return '';
    };
    const missing = requiredSimpleColumns.filter((k) => present.has(k) && !cell(k));
    for (const column of missing) problems.push(problem(file, row.line, 'value_missing', { column }));
    if (missing.length) continue;
    const gradeText = cell('grade_level');
    const grade = gradeText === '' ? null : Number(gradeText);
    if (grade !== null && (!Number.isInteger(grade) || grade < -3 || grade > 13)) {
      problems.push(problem(file, row.line, 'value_not_allowed', { column: 'grade_level', values: { value: gradeText, allowed: '-3 … 13' } }));
      continue;
    }

    const className = cell('class');
    const classId = `class:${norm(className)}`;
    if (!classes.has(classId))
      classes.set(classId, { ...base(classId, row.line), title: className, schoolSourcedId: 'school', grades: grade === null ? [] : [String(grade).padStart(2, '0')], classCode: null, yearGroup: cell('year_group') });

    const studentId = cell('student_id') ? `student:${cell('student_id')}` : `student:${norm(cell('student_given_name'))}|${norm(cell('student_family_name'))}`;
    if (people.has(studentId)) {
      problems.push(problem(file, row.line, 'duplicate_id', { column: cell('student_id') ? 'student_id' : 'student_given_name', values: { value: `${cell('student_given_name')} ${cell('student_family_name')}` } }));
      continue;
    }
    const guardianIds: string[] = [];
    for (const n of [1, 2] as const) {
      const g = (k: string) => cell(`guardian${n}_${k}` as SimpleColumn);
      if (!g('given_name') && !g('family_name') && !g('email') && !g('phone')) continue;
      const email = g('email').toLowerCase() || null;
      if (email && !isEmail(email)) {
        problems.push(problem(file, row.line, 'email_invalid', { column: `guardian${n}_email`, values: { value: g('email') } }));
        continue;
      }
      if (!g('given_name') || !g('family_name')) {
        problems.push(problem(file, row.line, 'value_missing', { column: `guardian${n}_${g('given_name') ? 'family_name' : 'given_name'}` }));
        continue;
      }
      const id = email ? `guardian:${email}` : `guardian:${norm(g('given_name'))}|${norm(g('family_name'))}|${g('phone').replace(/\D/g, '')}`;
      guardianIds.push(id);
      const existing = people.get(id);
      // Siblings share guardians: the same person on two rows is one guardian with two children.
      if (existing) existing.agentSourcedIds.push(studentId);
      else
        people.set(id, {
          ...base(id, row.line),
          role: 'guardian',
          givenName: g('given_name'),
          familyName: g('family_name'),
          email,
          username: null,
          phone: g('phone') || null,
          grades: [],
          schoolSourcedIds: ['school'],
          agentSourcedIds: [studentId],
          relationship: g('relationship') || 'guardian',
          preferredLanguage: g('language') ? g('language').toLowerCase() : null,
          enabled: true,
        });
    }
    people.set(studentId, {
      ...base(studentId, row.line),
      role: 'student',
      givenName: cell('student_given_name'),
      familyName: cell('student_family_name'),
      email: null,
      username: null,
      phone: null,
      grades: grade === null ? [] : [String(grade).padStart(2, '0')],
      schoolSourcedIds: ['school'],
      agentSourcedIds: guardianIds,
      relationship: null,
      preferredLanguage: null,
      enabled: true,
      yearGroup: cell('year_group'),
      keyStage: cell('key_stage') || null,
    });
    enrollments.push({ sourcedId: null, classSourcedId: classId, userSourcedId: studentId, role: 'student', primary: false, status: 'active', dateLastModified: null, file, line: row.line });
  }
  return {
    format: 'simple-csv',
    modes: { orgs: 'absent', terms: 'absent', classes: 'bulk', users: 'bulk', enrollments: 'bulk' },
    orgs: [{ sourcedId: 'school', status: 'active', dateLastModified: null, file, line: 0, name: '', type: 'school' }],
    terms: [],
    classes: [...classes.values()],
    people: [...people.values()],
    enrollments,
    problems,
    scope: { roles: ['student', 'guardian'] },
  };
}

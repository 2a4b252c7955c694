import { describe, expect, it } from 'vitest';
import { planImport, summarise, type CurrentRoster } from '../../src/domain/roster/plan';
import { readRosterUpload } from '../../src/domain/roster/read-upload';
import { createTranslator } from '../../src/server/i18n';
import { simpleCsvAliases, simpleCsvTemplate } from '../../src/server/features/roster/simple-csv-template';

const i18n = createTranslator();
const aliases = simpleCsvAliases(i18n);
const empty = (): CurrentRoster => ({ schoolSourcedId: null, terms: new Map(), classes: new Map(), people: new Map(), enrollments: new Map(), guardianLinks: new Set() });

const english = [
  'Pupil first name,Pupil last name,Class,Year group,Key stage,Guardian 1 first name,Guardian 1 last name,Guardian 1 email,Guardian 1 language,Guardian 1 relationship,Guardian 2 first name,Guardian 2 last name,Guardian 2 email',
  'Ava,Herrera,Owls,Year 1,KS1,Lucía,Herrera,LUCIA@example.org,es,mother,Andrés,Herrera,andres@example.org',
  'Leo,Herrera,Kestrels,Year 5,KS2,Lucía,Herrera,lucia@example.org,es,mother,,,',
  '"O\'Neill, Jr",Grace,Owls,Year 1,KS1,Fiona,O\'Neill,fiona@example.org,,,,,',
].join('\r\n');

describe('the simple CSV', () => {
  it('reads children, classes and guardians; siblings share their guardian', () => {
    const pkg = readRosterUpload({ 'school.csv': english }, { simpleAliases: aliases });
    expect(pkg.format).toBe('simple-csv');
    expect(pkg.problems).toEqual([]);
    expect(pkg.classes.map((c) => [c.title, c.yearGroup])).toEqual([['Owls', 'Year 1'], ['Kestrels', 'Year 5']]);
    const lucia = pkg.people.find((p) => p.email === 'lucia@example.org');
    expect(lucia).toMatchObject({ role: 'guardian', preferredLanguage: 'es', relationship: 'mother' });
    expect(lucia?.agentSourcedIds).toHaveLength(2);
    expect(pkg.people.filter((p) => p.role === 'student').map((p) => [p.givenName, p.yearGroup, p.keyStage])).toEqual([
      ['Ava', 'Year 1', 'KS1'],
      ['Leo', 'Year 5', 'KS2'],
      ["O'Neill, Jr", 'Year 1', 'KS1'],
    ]);
    const plan = planImport(pkg, empty());
    expect(summarise(plan)).toMatchObject({ classes: { create: 2 }, students: { create: 3 }, guardians: { create: 3 }, enrollments: { add: 3 }, guardianLinks: { add: 4 } });
  });

  it('accepts the header of the template in every shipped language', () => {
    for (const tag of ['en', 'es', 'ko', 'ar'] as const) {
      const template = simpleCsvTemplate(i18n, tag);
      const pkg = readRosterUpload({ 'plantilla.csv': template }, { simpleAliases: aliases });
      expect(pkg.format, tag).toBe('simple-csv');
      expect(pkg.problems, tag).toEqual([]);
      expect(pkg.people.filter((p) => p.role === 'student')).toHaveLength(1);
    }
  });

  it('says which row and column is wrong', () => {
    const broken = ['Pupil first name,Pupil last name,Class,Year group,Guardian 1 first name,Guardian 1 last name,Guardian 1 email', 'Ava,,Owls,Year 1,Sam,Ex,sam@example.org', 'Leo,Ex,Owls,Year 1,Sam,Ex,not-an-email'].join('\n');
    const pkg = readRosterUpload({ 'school.csv': broken }, { simpleAliases: aliases });
    expect(pkg.problems).toEqual([
      expect.objectContaining({ file: 'school.csv', line: 2, column: 'student_family_name', code: 'value_missing' }),
      expect.objectContaining({ file: 'school.csv', line: 3, column: 'guardian1_email', code: 'email_invalid' }),
    ]);
  });

  it('archives only children and guardians left out, never staff from another import', () => {
    const pkg = readRosterUpload({ 'school.csv': english }, { simpleAliases: aliases });
    const current = empty();
    current.people.set('teacher-1', { id: 't1', lastModified: null, archived: false, fingerprint: '', role: 'teacher' });
    current.people.set('student:gone|child', { id: 's9', lastModified: null, archived: false, fingerprint: '', role: 'student' });
    current.classes.set('class-from-sis', { id: 'c9', lastModified: null, archived: false, fingerprint: '' });
    const plan = planImport(pkg, current);
    expect(plan.people.archive).toEqual(['student:gone|child']);
    expect(plan.classes.archive).toEqual([]);
  });
});

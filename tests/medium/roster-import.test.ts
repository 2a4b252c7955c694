/**
 * OneRoster and SDS imports end to end through the API: upload, dry run, apply in one transaction,
 * re-import changes nothing, a delta updates in place, broken files change nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { zipSync, strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { classes, enrollments, guardianStudents, students, users } from '../../src/server/db/schema/index';
import { buildSchool, buildStaff } from '../factories/index';
import { buildTestApp, type TestApp, type TestClient } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';
import { multipart } from '../setup/multipart';
import { generateOneRoster } from '../../scripts/bench/oneroster-generator';
import { readRosterUpload } from '../../src/domain/roster/read-upload';
import { simpleCsvAliases } from '../../src/server/features/roster/simple-csv-template';

const fixtures = path.resolve('tests/fixtures/oneroster');
/** A fixture package, with its email domains made unique to one test school (people in different tests are different people). */
const filesOf = (dir: string, domain = 'maplewood') =>
  readdirSync(path.join(fixtures, dir)).map((f) => ({
    filename: f,
    content: readFileSync(path.join(fixtures, dir, f), 'utf8').replaceAll('@maplewood.example', `@${domain}.example`).replaceAll('@family.example', `@${domain}-family.example`),
  }));

describe.each(engines)('roster import on %s', (engine) => {
  let database: Database;
  let t: TestApp;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    t = await buildTestApp(database);
    await t.app.ready();
  });
  afterAll(async () => {
    await t.app.close();
    await database.close();
  });

  async function newSchoolWithAdmin() {
    const school = await buildSchool(database.db);
    const admin = await buildStaff(database.db, school.id, 'admin');
    return { school, admin, domain: school.slug, client: await t.clientAs(admin.id) };
  }

  async function upload(client: TestClient, schoolId: string, files: ReturnType<typeof filesOf>) {
    const body = multipart(files);
    const res = await client.request({ method: 'POST', url: `/api/schools/${schoolId}/roster-imports`, ...body });
    expect(res.statusCode, res.body).toBe(202);
    await t.runJobs();
    const view = await client.get(`/api/roster-imports/${res.json().id}`);
    expect(view.statusCode).toBe(200);
    return view.json();
  }

  async function apply(client: TestClient, id: string) {
    const res = await client.post(`/api/roster-imports/${id}/apply`);
    expect(res.statusCode, res.body).toBe(202);
    await t.runJobs();
    return (await client.get(`/api/roster-imports/${id}`)).json();
  }

  const n = async (q: Promise<Array<{ n: number }>>) => Number((await q)[0]?.n);
  async function countsFor(schoolId: string) {
    const db = database.db;
    return {
      classes: await n(db.select({ n: count() }).from(classes).where(and(eq(classes.schoolId, schoolId), isNull(classes.archivedAt)))),
      students: await n(db.select({ n: count() }).from(students).where(and(eq(students.schoolId, schoolId), isNull(students.archivedAt)))),
      enrollments: await n(db.select({ n: count() }).from(enrollments).innerJoin(classes, eq(classes.id, enrollments.classId)).where(eq(classes.schoolId, schoolId))),
      links: await n(db.select({ n: count() }).from(guardianStudents).innerJoin(students, eq(students.id, guardianStudents.studentId)).where(eq(students.schoolId, schoolId))),
    };
  }

  it('previews a OneRoster 1.1 import without writing anything, then applies it', async () => {
    const { school, client, domain } = await newSchoolWithAdmin();
    const preview = await upload(client, school.id, filesOf('v1.1-bulk', domain));
    expect(preview).toMatchObject({ status: 'planned', format: 'oneroster-1.1', problemCount: 0 });
    expect(preview.summary).toMatchObject({ classes: { create: 3 }, students: { create: 8 }, guardians: { create: 10 }, staff: { create: 5 }, enrollments: { add: 12 }, guardianLinks: { add: 12 } });
    expect(await countsFor(school.id)).toEqual({ classes: 0, students: 0, enrollments: 0, links: 0 });

    const applied = await apply(client, preview.id);
    expect(applied.status).toBe('applied');
    expect(await countsFor(school.id)).toEqual({ classes: 3, students: 8, enrollments: 8, links: 12 });

    // The imported teacher sees their class with its children; the guardian sees both Ramírez children.
    const [lena] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, `lena.moreno@${domain}.example`));
    const lenaClasses = (await (await t.clientAs(lena!.id)).get('/api/me/classes')).json();
    expect(lenaClasses.taught).toEqual([expect.objectContaining({ name: 'Room 4 — Sunflowers', classCode: 'K-SUN', studentCount: 2, role: 'lead' })]);
    const [maria] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, `maria.ramirez@${domain}-family.example`));
    const children = (await (await t.clientAs(maria!.id)).get('/api/me/children')).json().children;
    expect(children.map((c: { givenName: string }) => c.givenName).sort()).toEqual(['Ava', 'Zoë']);
  });

  it('changes nothing when the same files are imported again', async () => {
    const { school, client, domain } = await newSchoolWithAdmin();
    const first = await upload(client, school.id, filesOf('v1.1-bulk', domain));
    await apply(client, first.id);
    const before = await countsFor(school.id);
    const again = await upload(client, school.id, filesOf('v1.1-bulk', domain));
    expect(again.summary).toMatchObject({ people: { create: 0, update: 0, archive: 0, unchanged: 23 }, classes: { create: 0, update: 0, archive: 0 }, enrollments: { add: 0, remove: 0 } });
    await apply(client, again.id);
    expect(await countsFor(school.id)).toEqual(before);
  });

  it('updates in place from a delta: leaver archived, newer rename taken, older rename skipped, joiner added', async () => {
    const { school, client, domain } = await newSchoolWithAdmin();
    await apply(client, (await upload(client, school.id, filesOf('v1.1-bulk', domain))).id);
    const delta = await upload(client, school.id, filesOf('v1.1-delta', domain));
    expect(delta.summary).toMatchObject({ people: { create: 2, update: 1, archive: 1, skippedOlder: 1 } });
    await apply(client, delta.id);
    expect(await countsFor(school.id)).toMatchObject({ students: 8, enrollments: 8 });
    const pupils = await database.db
      .select({ given: users.givenName, family: users.familyName, archivedAt: students.archivedAt })
      .from(students)
      .innerJoin(users, eq(users.id, students.userId))
      .where(eq(students.schoolId, school.id));
    const pupil = (family: string) => pupils.filter((p) => p.family === family);
    expect(pupil('Ortiz').map((p) => p.given)).toEqual(['Josefina']);
    expect(pupil("O'Neill").map((p) => p.given)).toEqual(['Grace']); // the older "Gracie" was skipped
    expect(pupil('Novak')[0]?.archivedAt).not.toBeNull();
    expect(pupil('Mensah').map((p) => [p.given, p.archivedAt])).toEqual([['Nia', null]]);
  });

  it('reads a zip of OneRoster 1.2 files', async () => {
    const { school, client, domain } = await newSchoolWithAdmin();
    const zip = zipSync(Object.fromEntries(filesOf('v1.2-bulk', domain).map((f) => [`export/${f.filename}`, strToU8(f.content)])));
    const preview = await upload(client, school.id, [{ filename: 'roster.zip', content: zip, type: 'application/zip' } as never]);
    expect(preview).toMatchObject({ status: 'planned', format: 'oneroster-1.2', problemCount: 0 });
    expect(preview.summary).toMatchObject({ students: { create: 8 } });
  });

  it('imports the Microsoft SDS v2.1 sample', async () => {
    const { school, client } = await newSchoolWithAdmin();
    const folder = path.resolve('../shared/fixtures/roster/microsoft-sds/SDS_v2_1');
    const files = readdirSync(folder).filter((f) => f.endsWith('.csv')).map((f) => ({ filename: f, content: readFileSync(path.join(folder, f), 'utf8') }));
    // The sample holds a college and a school: the admin has to say which one is theirs.
    const unsure = await upload(client, school.id, files);
    expect(unsure.format).toBe('sds-2.1');
    expect(unsure.problems).toContainEqual(expect.objectContaining({ code: 'school_ambiguous', severity: 'error' }));
    expect(unsure.summary.schools.map((o: { sourcedId: string }) => o.sourcedId)).toContain('110003');
    // Either say so when uploading…
    const body = multipart(files);
    const res = await client.request({ method: 'POST', url: `/api/schools/${school.id}/roster-imports?schoolSourcedId=110003`, ...body });
    await t.runJobs();
    expect((await client.get(`/api/roster-imports/${res.json().id}`)).json().problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([]);
    // …or choose on the preview, which plans the same upload again.
    expect((await client.post(`/api/roster-imports/${unsure.id}/school`, { schoolSourcedId: '110003' })).statusCode).toBe(202);
    await t.runJobs();
    const preview = (await client.get(`/api/roster-imports/${unsure.id}`)).json();
    expect(preview.status).toBe('planned');
    expect(preview.problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([]);
    const applied = await apply(client, preview.id);
    expect(applied.status).toBe('applied');
    expect((await countsFor(school.id)).students).toBeGreaterThan(0);
  });

  it('lists every problem of a broken upload by file, line and column, and refuses to apply it', async () => {
    const { school, client, domain } = await newSchoolWithAdmin();
    const preview = await upload(client, school.id, filesOf('broken/bad-values', domain));
    expect(preview.status).toBe('planned');
    expect(preview.problems).toContainEqual(expect.objectContaining({ file: 'users.csv', line: 8, column: 'role', code: 'value_not_allowed', severity: 'error' }));
    const res = await client.post(`/api/roster-imports/${preview.id}/apply`);
    expect(res.statusCode).toBe(409);
    expect(await countsFor(school.id)).toEqual({ classes: 0, students: 0, enrollments: 0, links: 0 });
  });

  it('writes nothing at all when applying fails half-way', async () => {
    const { school, client, domain } = await newSchoolWithAdmin();
    const preview = await upload(client, school.id, filesOf('v1.1-bulk', domain));
    // Make the very last step (family links) fail inside the database.
    await database.db.execute(sql`create or replace function confer_test_refuse() returns trigger as $$ begin raise exception 'refused for the test'; end $$ language plpgsql`);
    await database.db.execute(sql`create trigger confer_test_refuse before insert on guardian_students for each row execute function confer_test_refuse()`);
    try {
      await client.post(`/api/roster-imports/${preview.id}/apply`);
      await t.runJobs();
      expect(await countsFor(school.id)).toEqual({ classes: 0, students: 0, enrollments: 0, links: 0 });
      const [found] = await database.db.select({ n: count() }).from(users).where(eq(users.email, `lena.moreno@${domain}.example`));
      expect(Number(found?.n)).toBe(0);
    } finally {
      await database.db.execute(sql`drop trigger confer_test_refuse on guardian_students`);
    }
  });

  it('imports the simple CSV from the template, and a second upload updates in place', async () => {
    const { school, client, domain } = await newSchoolWithAdmin();
    const template = await client.get(`/api/schools/${school.id}/roster-template.csv?lang=es`);
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toContain('text/csv');
    expect(template.headers['content-disposition']).toContain('attachment');
    const header = template.body.replace(/^\uFEFF/, '').split('\r\n')[0] as string;
    expect(header.split(',')).toHaveLength(19);
    expect(header).toContain(t.deps.i18n.t('es', 'app.roster.simpleColumns.student_given_name'));

    const rows = [
      header,
      `,Ava,Herrera,Owls,Year 1,1,KS1,Lucía,Herrera,lucia@${domain}.example,,es,mother,,,,,,`,
      `,Leo,Herrera,Kestrels,Year 5,5,KS2,Lucía,Herrera,lucia@${domain}.example,,es,mother,Andrés,Herrera,andres@${domain}.example,,,father`,
    ];
    const first = await upload(client, school.id, [{ filename: 'colegio.csv', content: rows.join('\r\n') }]);
    expect(first).toMatchObject({ status: 'planned', format: 'simple-csv', problemCount: 0 });
    expect(first.summary).toMatchObject({ classes: { create: 2 }, students: { create: 2 }, guardians: { create: 2 }, guardianLinks: { add: 3 } });
    await apply(client, first.id);
    expect(await countsFor(school.id)).toEqual({ classes: 2, students: 2, enrollments: 2, links: 3 });
    const [lucia] = await database.db.select({ locale: users.preferredLocale }).from(users).where(eq(users.email, `lucia@${domain}.example`));
    expect(lucia?.locale).toBe('es');

    // Leo moves class; Ava leaves; the admin's own staff account is untouched.
    const second = await upload(client, school.id, [{ filename: 'colegio.csv', content: [header, rows[2]!.replace('Kestrels', 'Otters')].join('\r\n') }]);
    expect(second.summary).toMatchObject({ students: { create: 0, archive: 1 }, classes: { create: 1 }, enrollments: { add: 1, remove: 2 } });
    await apply(client, second.id);
    expect(await countsFor(school.id)).toMatchObject({ students: 1, enrollments: 1 });
    expect((await client.get('/api/me')).statusCode).toBe(200);
  });

  it('exports the roster in the simple CSV columns and the staff with their classes', async () => {
    const { school, client, domain } = await newSchoolWithAdmin();
    await apply(client, (await upload(client, school.id, filesOf('v1.1-bulk', domain))).id);
    const roster = await client.get(`/api/schools/${school.id}/exports/roster.csv?lang=en`);
    expect(roster.statusCode).toBe(200);
    expect(roster.headers['content-disposition']).toMatch(/confer-roster-\d{4}-\d{2}-\d{2}\.csv/);
    const lines = roster.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(9); // header + 8 children
    expect(lines.find((l) => l.includes('Zoë'))).toContain(`maria.ramirez@${domain}-family.example`);
    expect(lines.find((l) => l.includes('Mina'))).toContain('"Room 5 — Reading, Writing & Talk"');

    const staff = await client.get(`/api/schools/${school.id}/exports/staff.csv?lang=en`);
    const staffLines = staff.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(staffLines.find((l) => l.includes('Moreno'))).toContain('Room 4 — Sunflowers (Class teacher)');
    expect(staffLines.find((l) => l.includes('Finch'))).toContain('Teaching assistant');
  });

  it('imports a 5,000-pupil school through the API, as durable jobs', async () => {
    const { school, client } = await newSchoolWithAdmin();
    const generated = generateOneRoster({ students: 5000, seed: engine === 'pglite' ? 11 : 12 });
    const files = Object.entries(generated.files).map(([filename, content]) => ({
      filename,
      content: content.replaceAll('@family.example', `@${school.slug}-family.example`).replaceAll('@bench.example', `@${school.slug}.example`),
    }));
    const preview = await upload(client, school.id, files);
    expect(preview).toMatchObject({ status: 'planned', problemCount: 0 });
    expect(preview.summary).toMatchObject({ students: { create: 5000 }, guardians: { create: 7500 }, classes: { create: 250 } });
    const applied = await apply(client, preview.id);
    expect(applied.status).toBe('applied');
    expect(await countsFor(school.id)).toEqual({ classes: 250, students: 5000, enrollments: 5000, links: 7500 });
  }, 120_000);

  it('never edits, re-emails or archives an account it matched by email — only its place in this school', async () => {
    const { school, client, domain } = await newSchoolWithAdmin();
    const outsider = await buildStaff(database.db, (await buildSchool(database.db)).id, 'admin', { givenName: 'Outside', familyName: 'Admin' });
    // School A's files name the other school's admin as one of its teachers.
    const withOutsider = (dir: string, name = 'Kwame') =>
      filesOf(dir, domain).map((f) => (f.filename === 'users.csv' ? { ...f, content: f.content.replace(`kwame.obi@${domain}.example`, outsider.email as string).replace(',Kwame,', `,${name},`) } : f));
    await apply(client, (await upload(client, school.id, withOutsider('v1.1-bulk'))).id);
    const renamed = await upload(client, school.id, withOutsider('v1.1-bulk', 'Hijacked'));
    await apply(client, renamed.id);
    const [after] = await database.db.select().from(users).where(eq(users.id, outsider.id));
    expect(after).toMatchObject({ givenName: 'Outside', email: outsider.email, archivedAt: null });
    // Dropped from A's next bulk export: their place in A ends, their account and other school do not.
    const without = filesOf('v1.1-bulk', domain).map((f) => (f.filename === 'users.csv' ? { ...f, content: f.content.split('\n').filter((l) => !l.startsWith('u-t2,')).join('\n') } : f));
    const dropped = await upload(client, school.id, without);
    expect(dropped.summary).toMatchObject({ staff: { archive: 1 } });
    await apply(client, dropped.id);
    const [still] = await database.db.select({ archivedAt: users.archivedAt }).from(users).where(eq(users.id, outsider.id));
    expect(still?.archivedAt).toBeNull();
    expect((await (await t.clientAs(outsider.id)).get('/api/me')).json().roles).toEqual(['admin']);
  });

  it('refuses a zip with too many files, and ignores what is not CSV in it', async () => {
    const { school, client } = await newSchoolWithAdmin();
    const many = zipSync(Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`f${i}.csv`, strToU8('a,b\n1,2\n')])));
    const res = await client.request({ method: 'POST', url: `/api/schools/${school.id}/roster-imports`, ...multipart([{ filename: 'many.zip', content: many, type: 'application/zip' }]) });
    expect(res.statusCode).toBe(413);
    const mixed = zipSync({ ...Object.fromEntries(filesOf('v1.1-bulk').map((f) => [f.filename, strToU8(f.content)])), 'readme.exe': strToU8('MZ…'), '__MACOSX/._users.csv': strToU8('junk') });
    const preview = await upload(client, school.id, [{ filename: 'export.zip', content: mixed, type: 'application/zip' } as never]);
    expect(preview).toMatchObject({ status: 'planned', problemCount: 0 });
  });

  it('refuses to apply a preview the school has moved on from', async () => {
    const { school, client, domain } = await newSchoolWithAdmin();
    const first = await upload(client, school.id, filesOf('v1.1-bulk', domain));
    const second = await upload(client, school.id, filesOf('v1.1-bulk', domain));
    expect((await apply(client, first.id)).status).toBe('applied');
    const late = await apply(client, second.id);
    expect(late).toMatchObject({ status: 'failed', error: 'stale' });
    expect(await countsFor(school.id)).toEqual({ classes: 3, students: 8, enrollments: 8, links: 12 });
  });

  it('escapes spreadsheet formulas in exports, and reads them back unchanged', async () => {
    const { school, client } = await newSchoolWithAdmin();
    const klass = await client.post(`/api/schools/${school.id}/classes`, { name: '=HYPERLINK("http://evil.example","Owls")', yearGroup: 'Year 1' });
    await client.post(`/api/schools/${school.id}/students`, { givenName: '+Ava', familyName: '@Herrera', yearGroup: 'Year 1', gradeLevel: 1, classIds: [klass.json().id] });
    const csv = (await client.get(`/api/schools/${school.id}/exports/roster.csv?lang=en`)).body;
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Owls"")"`);
    expect(csv).toContain("'+Ava");
    const again = readRosterUpload({ 'roster.csv': csv }, { simpleAliases: simpleCsvAliases(t.deps.i18n) });
    expect(again.people.find((p) => p.role === 'student')).toMatchObject({ givenName: '+Ava', familyName: '@Herrera' });
    expect(again.classes[0]?.title).toBe('=HYPERLINK("http://evil.example","Owls")');
  });

  it('lets only the school’s admin import', async () => {
    const { school } = await newSchoolWithAdmin();
    const teacher = await buildStaff(database.db, school.id, 'teacher');
    const other = await newSchoolWithAdmin();
    const body = multipart(filesOf('v1.1-bulk'));
    expect((await (await t.clientAs(teacher.id)).request({ method: 'POST', url: `/api/schools/${school.id}/roster-imports`, ...body })).statusCode).toBe(403);
    expect((await other.client.request({ method: 'POST', url: `/api/schools/${school.id}/roster-imports`, ...body })).statusCode).toBe(404);
  });
});

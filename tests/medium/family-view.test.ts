/** What a guardian sees of the child's other guardians: names only, and nothing across a separation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { buildClass, buildGuardian, buildSchool, buildStaff, buildStudent } from '../factories/index';
import { buildTestApp, type TestApp } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';

describe.each(engines)('family view on %s', (engine) => {
  let database: Database;
  let t: TestApp;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    t = await buildTestApp(database);
  });
  afterAll(async () => {
    await t.app.close();
    await database.close();
  });

  it('shows a guardian their own details, co-guardians’ names only, and staff everything', async () => {
    const school = await buildSchool(database.db);
    const teacher = await buildStaff(database.db, school.id, 'teacher');
    const klass = await buildClass(database.db, school.id, { teacherIds: [teacher.id] });
    const child = await buildStudent(database.db, school.id, [klass.id]);
    const maria = await buildGuardian(database.db, [child.id], { givenName: 'María', preferredLocale: 'es' });
    const carlos = await buildGuardian(database.db, [child.id], { givenName: 'Carlos' });

    const asMaria = (await (await t.clientAs(maria.id)).get(`/api/students/${child.id}`)).json().guardians;
    expect(asMaria).toHaveLength(2);
    expect(asMaria.find((g: { givenName: string }) => g.givenName === 'María')).toMatchObject({ email: maria.email, preferredLocale: 'es' });
    expect(asMaria.find((g: { givenName: string }) => g.givenName === 'Carlos')).toMatchObject({ email: null, phone: null, preferredLocale: null });

    const asTeacher = (await (await t.clientAs(teacher.id)).get(`/api/students/${child.id}`)).json().guardians;
    expect(asTeacher.find((g: { givenName: string }) => g.givenName === 'Carlos')).toMatchObject({ email: carlos.email });
  });

  it('shows nothing of the other parent when they attend separately', async () => {
    const school = await buildSchool(database.db);
    const klass = await buildClass(database.db, school.id);
    const child = await buildStudent(database.db, school.id, [klass.id]);
    const hannah = await buildGuardian(database.db, [child.id], { givenName: 'Hannah', attendsSeparately: true });
    const marcus = await buildGuardian(database.db, [child.id], { givenName: 'Marcus', attendsSeparately: true });
    for (const [viewer, name] of [[hannah, 'Hannah'], [marcus, 'Marcus']] as const) {
      const guardians = (await (await t.clientAs(viewer.id)).get(`/api/students/${child.id}`)).json().guardians;
      expect(guardians.map((g: { givenName: string }) => g.givenName)).toEqual([name]);
    }
  });
});

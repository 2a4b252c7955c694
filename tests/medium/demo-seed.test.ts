/**
 * The demo school as `npm start` and `confer seed --reset` write it: the right numbers, once only,
 * the same again after a reset, and usable sign-ins.
 */
import { and, count, eq, isNotNull, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/domain/demo/demo-school';
import type { Database } from '../../src/server/db/client';
import { classes, guardianStudents, guardians, staffMemberships, students, users } from '../../src/server/db/schema/index';
import { demoSignIns, seedDemoSchool } from '../../src/server/features/demo/seed-demo-school';
import { buildTestApp } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';

describe.each(engines)('demo school seed on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database.close();
  });

  const counts = async () => {
    const db = database.db;
    const n = async (q: Promise<Array<{ n: number }>>) => Number((await q)[0]?.n);
    return {
      staff: await n(db.select({ n: count() }).from(staffMemberships)),
      classes: await n(db.select({ n: count() }).from(classes)),
      students: await n(db.select({ n: count() }).from(students)),
      guardians: await n(db.select({ n: count() }).from(guardians)),
      links: await n(db.select({ n: count() }).from(guardianStudents)),
      separate: await n(db.select({ n: count() }).from(guardianStudents).where(eq(guardianStudents.attendsSeparately, true))),
      otherLanguage: await n(
        db
          .select({ n: count() })
          .from(guardians)
          .innerJoin(users, eq(users.id, guardians.userId))
          .where(and(isNotNull(users.preferredLocale), ne(users.preferredLocale, 'en'))),
      ),
    };
  };

  it('seeds 8 staff, 4 classes, 80 children and 120 guardians, once', async () => {
    const first = await seedDemoSchool(database.db, { reset: true });
    expect(first.seeded).toBe(true);
    const c = await counts();
    expect(c).toMatchObject({ staff: 8, classes: 4, students: 80, guardians: 120, separate: 2 });
    expect(c.otherLanguage).toBeGreaterThanOrEqual(12);
    expect(c.links).toBeGreaterThan(120); // siblings: some guardians are linked to two children
    const again = await seedDemoSchool(database.db, { reset: false });
    expect(again.seeded).toBe(false);
    expect(await counts()).toEqual(c);
  });

  it('gives the same class codes after a reset, and its printed sign-ins work', async () => {
    const codes = async () => (await database.db.select({ code: classes.classCode }).from(classes)).map((r) => r.code).sort();
    const before = await codes();
    const { demo } = await seedDemoSchool(database.db, { reset: true });
    expect(await codes()).toEqual(before);

    const t = await buildTestApp(database);
    const s = demoSignIns(demo);
    for (const identifier of [s.teacher!.email, s.guardian!.email, s.admin!.email, s.older!.username!]) {
      const res = await t.client().post('/api/auth/password', { identifier, password: DEMO_PASSWORD });
      expect(res.statusCode, identifier).toBe(200);
    }
    const child = t.client();
    const klass = await child.post('/api/auth/class-code', { classCode: s.owls!.classCode });
    const ava = klass.json().students.find((x: { givenName: string }) => x.givenName === s.child!.givenName);
    const res = await child.post('/api/auth/pictures', { classCode: s.owls!.classCode, studentId: ava.studentId, pictures: s.child!.pictures });
    expect(res.statusCode).toBe(200);
    expect(res.json().me.roles).toEqual(['student']);
    await t.app.close();
  });
});

/**
 * What the home pages read: a teacher's and an admin's classes, a guardian's children, a child's
 * page, a class with its people, one's own settings, the printable sign-in card, and /healthz.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ClassDetail, Me, MyChildren, MyClasses, SessionState, StudentDetail } from '../../src/contracts/api';
import { openDatabase, type Database } from '../../src/server/db/client';
import { classes, students, users } from '../../src/server/db/schema/index';
import { buildClass, buildGuardian, buildSchool, buildStaff, buildStudent, buildWorld, type World } from '../factories/index';
import { buildTestApp, type TestApp } from '../setup/app';
import { engines, openTestDatabase, type Engine } from '../setup/db';
import { expectError } from './support/expect-api';
import { insertPost } from '../../src/server/features/portfolio/portfolio.repo';

/** A second, throwaway database on the same engine, for the test that closes it under the app. */
async function openThrowawayDatabase(engine: Engine): Promise<Database> {
  if (engine === 'postgres') return openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL as string, poolSize: 1 });
  // A copy of the run's migrated template opens in a fraction of the time a new PGlite takes.
  const template = inject('pgliteTemplate');
  const dir = path.join(path.dirname(template), `throwaway-${randomUUID()}`);
  cpSync(template, dir, { recursive: true });
  const database = await openDatabase({ dataDir: dir });
  return { ...database, close: async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  } };
}

describe.each(engines)('home data on %s', (engine) => {
  let database: Database;
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    t = await buildTestApp(database);
    w = await buildWorld(database.db);
    await t.app.ready();
  });
  afterAll(async () => {
    await t.app.close();
    await database.close();
  });

  async function getAs<T>(userId: string, url: string): Promise<T> {
    const res = await (await t.clientAs(userId)).get(url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as T;
  }

  describe('GET /api/me/classes', () => {
    it("lists exactly a teacher's own class, with its number of children and their role", async () => {
      const classes = await getAs<MyClasses>(w.teacherA.id, '/api/me/classes');
      expect(classes.taught).toEqual([expect.objectContaining({ id: w.classA.id, classCode: w.classA.classCode, schoolId: w.school.id, role: 'lead', studentCount: 2 })]);
      expect(classes.school).toEqual([]);
    });

    it("gives an admin who teaches nothing every class of their school — and none of another school's — under `school`", async () => {
      const classes = await getAs<MyClasses>(w.admin.id, '/api/me/classes');
      expect(classes.taught).toEqual([]);
      expect(classes.school.map((c) => c.id).sort()).toEqual([w.classA.id, w.classB.id].sort());
      expect(classes.school.find((c) => c.id === w.classB.id)?.studentCount).toBe(1);
    });

    it('lists an admin’s own class once, under `taught`, not again under `school`', async () => {
      const classes = await getAs<MyClasses>(w.otherAdmin.id, '/api/me/classes');
      expect(classes.taught.map((c) => c.id)).toEqual([w.otherClass.id]);
      expect(classes.school).toEqual([]);
    });

    it('is empty for a guardian', async () => {
      expect(await getAs<MyClasses>(w.guardianA.id, '/api/me/classes')).toEqual({ taught: [], school: [] });
    });

    it('counts only children who are not archived', async () => {
      const school = await buildSchool(database.db);
      const teacher = await buildStaff(database.db, school.id, 'teacher');
      const klass = await buildClass(database.db, school.id, { teacherIds: [teacher.id] });
      const staying = await buildStudent(database.db, school.id, [klass.id], { givenName: 'Staying' });
      const leaving = await buildStudent(database.db, school.id, [klass.id], { givenName: 'Leaving' });
      expect((await getAs<MyClasses>(teacher.id, '/api/me/classes')).taught[0]?.studentCount).toBe(2);

      await database.db.update(students).set({ archivedAt: new Date() }).where(eq(students.id, leaving.id));
      expect((await getAs<MyClasses>(teacher.id, '/api/me/classes')).taught[0]?.studentCount).toBe(1);
      const detail = await getAs<ClassDetail>(teacher.id, `/api/classes/${klass.id}`);
      expect(detail.students.map((s) => s.id)).toEqual([staying.id]);
    });

    it("counts the pupils' posts waiting in each class's approval queue", async () => {
      const school = await buildSchool(database.db);
      const teacher = await buildStaff(database.db, school.id, 'teacher');
      const klass = await buildClass(database.db, school.id, { teacherIds: [teacher.id] });
      const child = await buildStudent(database.db, school.id, [klass.id]);
      const post = (status: 'pending' | 'approved') =>
        insertPost(database.db, { post: { schoolId: school.id, studentId: child.id, classId: klass.id, authorId: child.userId, authorRole: 'student', status }, items: [{ kind: 'text', text: 'My work', mediaId: null }], tagIds: [] });
      expect((await getAs<MyClasses>(teacher.id, '/api/me/classes')).taught[0]?.pendingPosts).toBe(0);
      await post('pending');
      await post('pending');
      await post('approved');
      expect((await getAs<MyClasses>(teacher.id, '/api/me/classes')).taught[0]?.pendingPosts).toBe(2);
    });
  });

  describe('GET /api/me/children', () => {
    it('lists exactly Ana for her guardian, with her class and its teacher', async () => {
      const { children } = await getAs<MyChildren>(w.guardianA.id, '/api/me/children');
      expect(children.map((c) => c.id)).toEqual([w.ana.id]);
      const ana = children[0];
      expect(ana).toMatchObject({ givenName: 'Ana', schoolId: w.school.id, avatar: 'fox' });
      expect(ana?.classes).toEqual([expect.objectContaining({ id: w.classA.id })]);
      expect(ana?.classes[0]?.teachers).toEqual([expect.objectContaining({ userId: w.teacherA.id, role: 'lead' })]);
    });

    it('lists both children, by first name, each with their own class and teacher, for a guardian of children in two classes', async () => {
      // Their own classes and children, so the world's classes and Ana's guardians stay as they are.
      const infantTeacher = await buildStaff(database.db, w.school.id, 'teacher');
      const juniorTeacher = await buildStaff(database.db, w.school.id, 'teacher');
      const infants = await buildClass(database.db, w.school.id, { teacherIds: [infantTeacher.id] });
      const juniors = await buildClass(database.db, w.school.id, { teacherIds: [juniorTeacher.id] });
      const zoe = await buildStudent(database.db, w.school.id, [juniors.id], { givenName: 'Zoe' });
      const dan = await buildStudent(database.db, w.school.id, [infants.id], { givenName: 'Dan' });
      const guardian = await buildGuardian(database.db, [zoe.id, dan.id], { givenName: 'Both' });

      const { children } = await getAs<MyChildren>(guardian.id, '/api/me/children');
      expect(children.map((c) => c.id)).toEqual([dan.id, zoe.id]);
      const [first, second] = children;
      expect(first?.classes.map((c) => c.id)).toEqual([infants.id]);
      expect(first?.classes[0]?.teachers.map((x) => x.userId)).toEqual([infantTeacher.id]);
      expect(second?.classes.map((c) => c.id)).toEqual([juniors.id]);
      expect(second?.classes[0]?.teachers.map((x) => x.userId)).toEqual([juniorTeacher.id]);
    });

    it('is empty for a teacher', async () => {
      expect(await getAs<MyChildren>(w.teacherA.id, '/api/me/children')).toEqual({ children: [] });
    });
  });

  describe('GET /api/students/:id', () => {
    it("gives Ana's guardian her page with her guardians' contact details", async () => {
      const ana = await getAs<StudentDetail>(w.guardianA.id, `/api/students/${w.ana.id}`);
      expect(ana).toMatchObject({ id: w.ana.id, givenName: 'Ana' });
      expect(ana.classes.map((c) => c.id)).toEqual([w.classA.id]);
      expect(ana.guardians).toEqual([expect.objectContaining({ guardianId: w.guardianA.guardianId, givenName: 'Luis', email: w.guardianA.email, relationship: 'parent' })]);
    });

    it("gives Ana's teacher her guardians too", async () => {
      const ana = await getAs<StudentDetail>(w.teacherA.id, `/api/students/${w.ana.id}`);
      expect(ana.guardians?.map((g) => g.guardianId)).toEqual([w.guardianA.guardianId]);
    });

    it("gives Ana her own page with guardians: null, and no family contact detail anywhere in it", async () => {
      const res = await (await t.clientAs(w.ana.userId)).get(`/api/students/${w.ana.id}`);
      expect(res.statusCode).toBe(200);
      const ana = res.json() as StudentDetail;
      expect(ana.id).toBe(w.ana.id);
      expect(ana.classes.map((c) => c.id)).toEqual([w.classA.id]);
      expect(ana.guardians).toBeNull();
      expect(res.body).not.toContain(w.guardianA.email as string);
    });
  });

  describe('GET /api/classes/:id', () => {
    it('lists the class’s children and teachers, and no one else', async () => {
      const klass = await getAs<ClassDetail>(w.teacherA.id, `/api/classes/${w.classA.id}`);
      expect(klass).toMatchObject({ id: w.classA.id, classCode: w.classA.classCode, schoolId: w.school.id });
      expect(klass.students.map((s) => s.id).sort()).toEqual([w.ana.id, w.cleo.id].sort());
      expect(klass.students.find((s) => s.id === w.ana.id)).toMatchObject({ givenName: 'Ana', avatar: 'fox', yearGroup: 'Year 1' });
      expect(klass.teachers).toEqual([expect.objectContaining({ userId: w.teacherA.id, role: 'lead' })]);
    });

    it('answers 404 for an archived class', async () => {
      const klass = await buildClass(database.db, w.school.id, { teacherIds: [w.teacherA.id] });
      await database.db.update(classes).set({ archivedAt: new Date() }).where(eq(classes.id, klass.id));
      expectError(await (await t.clientAs(w.admin.id)).get(`/api/classes/${klass.id}`), 404, 'not_found');
    });
  });

  describe("one's own settings", () => {
    it('keeps a chosen language: PATCH /api/me is what GET /api/me and GET /api/session return', async () => {
      const user = await buildStaff(database.db, w.school.id, 'teacher');
      const client = await t.clientAs(user.id);

      const patched = await client.patch('/api/me', { preferredLocale: 'ko' });
      expect(patched.statusCode, patched.body).toBe(200);
      expect((patched.json() as Me).preferredLocale).toBe('ko');
      expect(((await client.get('/api/me')).json() as Me).preferredLocale).toBe('ko');
      expect(((await client.get('/api/session')).json() as SessionState).me?.preferredLocale).toBe('ko');
      const [row] = await database.db.select({ locale: users.preferredLocale }).from(users).where(eq(users.id, user.id));
      expect(row?.locale).toBe('ko');

      // null goes back to the school's language.
      expect(((await client.patch('/api/me', { preferredLocale: null })).json() as Me).preferredLocale).toBeNull();
      expect(((await client.get('/api/me')).json() as Me).preferredLocale).toBeNull();
    });

    it("changes only one's own language", async () => {
      const user = await buildStaff(database.db, w.school.id, 'teacher');
      const other = await buildStaff(database.db, w.school.id, 'teacher', { preferredLocale: 'es' });
      await (await t.clientAs(user.id)).patch('/api/me', { preferredLocale: 'ar' });
      expect(((await (await t.clientAs(other.id)).get('/api/me')).json() as Me).preferredLocale).toBe('es');
    });
  });

  describe('GET /api/classes/:id/sign-in-card', () => {
    it("gives the class code, a QR code as SVG, and the address it opens with the class's code in it", async () => {
      const card = await getAs<{ className: string; classCode: string; url: string; qrSvg: string }>(w.teacherA.id, `/api/classes/${w.classA.id}/sign-in-card`);
      expect(card.classCode).toBe(w.classA.classCode);
      expect(card.url).toBe(`${t.deps.config.publicUrl}/sign-in/class?code=${encodeURIComponent(w.classA.classCode)}`);
      expect(card.url).toContain(w.classA.classCode);
      expect(card.qrSvg).toContain('<svg');
      expect(card.qrSvg).toContain('</svg>');
    });

    it("gives a different card for a different class", async () => {
      const a = await getAs<{ url: string; qrSvg: string }>(w.admin.id, `/api/classes/${w.classA.id}/sign-in-card`);
      const b = await getAs<{ url: string; qrSvg: string }>(w.admin.id, `/api/classes/${w.classB.id}/sign-in-card`);
      expect(b.url).toContain(w.classB.classCode);
      expect(b.qrSvg).not.toBe(a.qrSvg);
    });
  });

  describe('GET /healthz', () => {
    it('says ok, and which engine, while the database answers', async () => {
      const res = await t.client().get('/healthz');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'ok', database: 'ok', engine });
    });

    it('answers 503 with the database unreachable once the database is gone', async () => {
      const throwaway = await openThrowawayDatabase(engine);
      const other = await buildTestApp(throwaway);
      await other.app.ready();
      try {
        expect((await other.client().get('/healthz')).statusCode).toBe(200);
        await throwaway.close();
        const res = await other.client().get('/healthz');
        expect(res.statusCode).toBe(503);
        expect(res.json()).toEqual({ status: 'degraded', database: 'unreachable', engine });
      } finally {
        await other.app.close();
      }
    });
  });
});

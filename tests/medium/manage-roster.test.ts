/** An admin keeps the roster by hand: classes, children, families, staff and terms — and access follows. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { buildWorld, type World } from '../factories/index';
import { buildTestApp, type TestApp, type TestClient } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';

describe.each(engines)('managing the roster by hand on %s', (engine) => {
  let database: Database;
  let t: TestApp;
  let w: World;
  let admin: TestClient;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    t = await buildTestApp(database);
    w = await buildWorld(database.db);
    admin = await t.clientAs(w.admin.id);
  });
  afterAll(async () => {
    await t.app.close();
    await database.close();
  });

  const created = async (res: Awaited<ReturnType<TestClient['post']>>) => {
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  it('creates a class with a fresh code and its teachers, archives and restores it', async () => {
    const id = await created(await admin.post(`/api/schools/${w.school.id}/classes`, { name: 'Badgers', yearGroup: 'Year 3', teachers: [{ userId: w.teacherB.id, role: 'lead' }] }));
    const list = (await admin.get(`/api/schools/${w.school.id}/classes`)).json().classes;
    const badgers = list.find((c: { id: string }) => c.id === id);
    expect(badgers).toMatchObject({ name: 'Badgers', yearGroup: 'Year 3', archived: false, teachers: [expect.objectContaining({ userId: w.teacherB.id, role: 'lead' })] });
    expect(badgers.classCode).toMatch(/^[A-Z]{3}-[A-Z2-9]{4}$/);

    const teacherB = await t.clientAs(w.teacherB.id);
    expect((await teacherB.get('/api/me/classes')).json().taught.map((c: { id: string }) => c.id)).toContain(id);
    expect((await admin.patch(`/api/classes/${id}`, { archived: true })).statusCode).toBe(200);
    expect((await teacherB.get('/api/me/classes')).json().taught.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await admin.patch(`/api/classes/${id}`, { archived: false })).statusCode).toBe(200);
    expect((await teacherB.get('/api/me/classes')).json().taught.map((c: { id: string }) => c.id)).toContain(id);
  });

  it('refuses a teacher who is not on the staff, naming the field', async () => {
    const res = await admin.put(`/api/classes/${w.classA.id}/teachers`, { teachers: [{ userId: w.otherAdmin.id, role: 'lead' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', fields: { 'teachers.0.userId': 'not_staff' } });
  });

  it('adds a child who can sign in with pictures; moving them changes which teacher sees them; archiving stops their sign-in', async () => {
    const id = await created(
      await admin.post(`/api/schools/${w.school.id}/students`, { givenName: 'Dara', familyName: 'New', yearGroup: 'Year 1', gradeLevel: 1, keyStage: 'KS1', classIds: [w.classA.id], avatar: 'owl', pictures: ['tree', 'boat'] }),
    );
    const pupil = t.client();
    const signIn = () => pupil.post('/api/auth/pictures', { classCode: w.classA.classCode, studentId: id, pictures: ['tree', 'boat'] });
    expect((await signIn()).statusCode).toBe(200);

    const teacherA = await t.clientAs(w.teacherA.id);
    const teacherB = await t.clientAs(w.teacherB.id);
    expect((await teacherA.get(`/api/students/${id}`)).statusCode).toBe(200);
    expect((await admin.put(`/api/students/${id}/classes`, { classIds: [w.classB.id] })).statusCode).toBe(200);
    expect((await teacherA.get(`/api/students/${id}`)).statusCode).toBe(403);
    expect((await teacherB.get(`/api/students/${id}`)).statusCode).toBe(200);

    expect((await admin.patch(`/api/students/${id}`, { archived: true })).statusCode).toBe(200);
    expect((await teacherB.get(`/api/classes/${w.classB.id}`)).json().students.map((s: { id: string }) => s.id)).not.toContain(id);
    // The admin can still open an archived child (to restore them); their teacher cannot.
    expect((await admin.get(`/api/students/${id}`)).json()).toMatchObject({ archived: true });
    expect((await teacherB.get(`/api/students/${id}`)).statusCode).toBe(404);
    expect((await t.client().post('/api/auth/pictures', { classCode: w.classB.classCode, studentId: id, pictures: ['tree', 'boat'] })).statusCode).toBe(401);
    expect((await admin.patch(`/api/students/${id}`, { archived: false, givenName: 'Darragh' })).statusCode).toBe(200);
    expect((await teacherB.get(`/api/students/${id}`)).json().givenName).toBe('Darragh');
  });

  it('refuses a class of another school for a child', async () => {
    const res = await admin.post(`/api/schools/${w.school.id}/students`, { givenName: 'X', familyName: 'Y', yearGroup: 'Year 1', gradeLevel: 1, classIds: [w.otherClass.id] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ 'classIds.0': 'unknown_class' });
  });

  it('lets the child’s teacher reset a forgotten picture password', async () => {
    const teacherA = await t.clientAs(w.teacherA.id);
    expect((await teacherA.put(`/api/students/${w.cleo.id}/pictures`, { pictures: ['star', 'car'] })).statusCode).toBe(200);
    expect((await t.client().post('/api/auth/pictures', { classCode: w.classA.classCode, studentId: w.cleo.id, pictures: ['star', 'car'] })).statusCode).toBe(200);
    expect((await t.client().post('/api/auth/pictures', { classCode: w.classA.classCode, studentId: w.cleo.id, pictures: w.cleo.pictures })).statusCode).toBe(401);
  });

  it('links guardians (one account for a parent of two), marks separated parents, and unlinks', async () => {
    const email = `shared.parent.${engine}@test.example`;
    const gid = await created(await admin.post(`/api/students/${w.ana.id}/guardians`, { givenName: 'Noor', familyName: 'Shared', email, relationship: 'mother', preferredLocale: 'ar' }));
    const again = await created(await admin.post(`/api/students/${w.ben.id}/guardians`, { givenName: 'Noor', familyName: 'Shared', email: email.toUpperCase(), relationship: 'mother' }));
    expect(again).toBe(gid);

    const family = (await admin.get(`/api/students/${w.ana.id}`)).json().guardians;
    expect(family.find((g: { guardianId: string }) => g.guardianId === gid)).toMatchObject({ preferredLocale: 'ar', relationship: 'mother', attendsSeparately: false });
    expect((await admin.patch(`/api/students/${w.ana.id}/guardians/${gid}`, { attendsSeparately: true })).statusCode).toBe(200);
    expect((await admin.get(`/api/students/${w.ana.id}`)).json().guardians.find((g: { guardianId: string }) => g.guardianId === gid).attendsSeparately).toBe(true);

    expect((await admin.request({ method: 'DELETE', url: `/api/students/${w.ana.id}/guardians/${gid}` })).statusCode).toBe(200);
    expect((await admin.request({ method: 'DELETE', url: `/api/students/${w.ana.id}/guardians/${gid}` })).statusCode).toBe(404);
    expect((await admin.get(`/api/students/${w.ana.id}`)).json().guardians.map((g: { guardianId: string }) => g.guardianId)).not.toContain(gid);
  });

  it('adds staff, changes a role, and archives a leaver who then loses access', async () => {
    const userId = await created(await admin.post(`/api/schools/${w.school.id}/staff`, { givenName: 'Lee', familyName: 'Supply', email: `supply.${engine}@test.example`, role: 'teacher' }));
    await admin.put(`/api/classes/${w.classA.id}/teachers`, { teachers: [{ userId: w.teacherA.id, role: 'lead' }, { userId, role: 'co_teacher' }] });
    const lee = await t.clientAs(userId);
    expect((await lee.get(`/api/students/${w.ana.id}`)).statusCode).toBe(200);
    expect((await admin.patch(`/api/schools/${w.school.id}/staff/${userId}`, { role: 'assistant' })).statusCode).toBe(200);
    expect((await admin.get(`/api/schools/${w.school.id}/staff`)).json().staff.find((s: { userId: string }) => s.userId === userId)).toMatchObject({ role: 'assistant', archived: false });
    expect((await admin.patch(`/api/schools/${w.school.id}/staff/${userId}`, { archived: true })).statusCode).toBe(200);
    expect((await lee.get(`/api/students/${w.ana.id}`)).statusCode).toBe(404);
    expect((await lee.get('/api/me/classes')).json().taught).toEqual([]);
    // An admin cannot archive themself: a school always keeps an admin.
    expect((await admin.patch(`/api/schools/${w.school.id}/staff/${w.admin.id}`, { archived: true })).statusCode).toBe(409);
  });

  it('adds terms and report periods, and refuses one that ends before it starts', async () => {
    const termId = await created(await admin.post(`/api/schools/${w.school.id}/terms`, { name: 'Autumn 2026', startsOn: '2026-09-02', endsOn: '2026-12-18' }));
    await created(await admin.post(`/api/terms/${termId}/report-periods`, { name: 'Autumn report', startsOn: '2026-09-02', endsOn: '2026-12-18' }));
    const terms = (await (await t.clientAs(w.guardianA.id)).get(`/api/schools/${w.school.id}/terms`)).json().terms;
    expect(terms.find((x: { id: string }) => x.id === termId)).toMatchObject({ name: 'Autumn 2026', reportPeriods: [expect.objectContaining({ name: 'Autumn report' })] });
    const bad = await admin.post(`/api/schools/${w.school.id}/terms`, { name: 'Backwards', startsOn: '2027-01-10', endsOn: '2027-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({ endsOn: 'dates_reversed' });
  });
});

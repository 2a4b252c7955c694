/** Inviting families by email or printed letter, joining with a password, and who has joined. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { mailOutbox } from '../../src/server/db/schema/index';
import { buildGuardian, buildWorld, type World } from '../factories/index';
import { buildTestApp, type TestApp, type TestClient } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';

describe.each(engines)('family invitations on %s', (engine) => {
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

  const familyOf = async (client: TestClient, userId: string) =>
    (await client.get(`/api/schools/${w.school.id}/families`)).json().families.find((f: { userId: string }) => f.userId === userId);

  it('emails an invitation in the guardian’s language; the link shows the children and joining sets a password', async () => {
    const guardian = await buildGuardian(database.db, [w.ana.id, w.ben.id], { givenName: 'Rania', preferredLocale: 'ar', password: false });
    expect(await familyOf(admin, guardian.id)).toMatchObject({ joined: false, invitation: null, children: [expect.anything(), expect.anything()] });

    const res = await admin.post(`/api/schools/${w.school.id}/invitations`, { userIds: [guardian.id], method: 'email' });
    expect(res.json()).toEqual({ emailed: [guardian.id], noEmail: [], alreadyIn: [], letters: [] });
    expect(await t.runJobs()).toBe(1);
    const [mail] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.to, guardian.email as string));
    const school = (await admin.get(`/api/schools/${w.school.id}`)).json().name as string;
    expect(mail?.subject).toBe(t.deps.i18n.t('ar', 'mail.invitation.subject', { school }));
    const token = /#token=([\w-]+)/.exec(mail?.text ?? '')?.[1] as string;
    expect(token).toBeDefined();

    const visitor = t.client();
    const lookUp = await visitor.post('/api/invitations/look-up', { token });
    expect(lookUp.statusCode).toBe(200);
    expect(lookUp.json()).toMatchObject({ givenName: 'Rania', children: ['Ana', 'Ben'], preferredLocale: 'ar' });

    expect((await visitor.post('/api/invitations/accept', { token, password: 'short' })).statusCode).toBe(400);
    const joined = await visitor.post('/api/invitations/accept', { token, password: 'a good long password' });
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json().me).toMatchObject({ roles: ['guardian'], preferredLocale: 'ar' });
    expect((await visitor.get('/api/me/children')).json().children).toHaveLength(2);
    // The password works from now on; the link does not work twice.
    expect((await t.client().post('/api/auth/password', { identifier: guardian.email, password: 'a good long password' })).statusCode).toBe(200);
    expect((await t.client().post('/api/invitations/accept', { token, password: 'another long one' })).statusCode).toBe(400);
    expect(await familyOf(admin, guardian.id)).toMatchObject({ joined: true, invitation: { method: 'email', status: 'accepted' } });
  });

  it('makes printed letters with a code typed in any case; printing again retires the old code', async () => {
    const guardian = await buildGuardian(database.db, [w.cleo.id], { givenName: 'Omar', email: null, password: false });
    const email = await admin.post(`/api/schools/${w.school.id}/invitations`, { userIds: [guardian.id], method: 'email' });
    expect(email.json().noEmail).toEqual([guardian.id]);

    const first = (await admin.post(`/api/schools/${w.school.id}/invitations`, { userIds: [guardian.id], method: 'letter' })).json().letters[0];
    expect(first).toMatchObject({ givenName: 'Omar', children: ['Cleo'] });
    expect(first.code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(first.qrSvg).toContain('<svg');
    expect(first.url).toContain(`/join?code=${first.code}`);
    const second = (await admin.post(`/api/schools/${w.school.id}/invitations`, { userIds: [guardian.id], method: 'letter' })).json().letters[0];

    const old = await t.client().post('/api/invitations/look-up', { code: first.code });
    expect(old.statusCode).toBe(400);
    expect(old.json().error).toMatchObject({ code: 'link_invalid', fields: { code: 'invitation_invalid' } });
    const typed = ` ${second.code.toLowerCase().replace('-', ' ')} `;
    const visitor = t.client();
    expect((await visitor.post('/api/invitations/look-up', { code: typed })).json().children).toEqual(['Cleo']);
    expect((await visitor.post('/api/invitations/accept', { code: typed, password: 'letters are fine too' })).statusCode).toBe(200);
  });

  it('lets an invitation expire after 30 days', async () => {
    const guardian = await buildGuardian(database.db, [w.ana.id], { email: null, password: false });
    const { code } = (await admin.post(`/api/schools/${w.school.id}/invitations`, { userIds: [guardian.id], method: 'letter' })).json().letters[0];
    t.setNow(new Date(Date.now() + 31 * 86_400_000));
    try {
      expect((await t.client().post('/api/invitations/look-up', { code })).statusCode).toBe(400);
      expect(await familyOf(await t.clientAs(w.admin.id), guardian.id)).toMatchObject({ invitation: { status: 'expired' } });
    } finally {
      t.setNow(new Date());
    }
  });

  it('never invites — or lets an invitation take over — an account that already has a way in', async () => {
    // Another school's admin, linked here as a "parent" by this school's admin: no letter for them.
    const otherAdminAsParent = await admin.post(`/api/students/${w.ana.id}/guardians`, { givenName: 'X', familyName: 'Y', email: w.otherAdmin.email, relationship: 'parent' });
    expect(otherAdminAsParent.statusCode).toBe(201);
    const asLetter = (await admin.post(`/api/schools/${w.school.id}/invitations`, { userIds: [w.otherAdmin.id], method: 'letter' })).json();
    expect(asLetter).toMatchObject({ alreadyIn: [w.otherAdmin.id], letters: [] });
    // A parent who already has a password is not invited either.
    const parent = await buildGuardian(database.db, [w.ana.id]); // factories give a password
    expect((await admin.post(`/api/schools/${w.school.id}/invitations`, { userIds: [parent.id], method: 'letter' })).json().alreadyIn).toEqual([parent.id]);
    // And an invitation made before someone joined another way cannot be used after.
    const fresh = await buildGuardian(database.db, [w.ana.id], { password: false });
    const { code } = (await admin.post(`/api/schools/${w.school.id}/invitations`, { userIds: [fresh.id], method: 'letter' })).json().letters[0];
    await t.clientAs(fresh.id); // signs in another way (sets joined)
    expect((await t.client().post('/api/invitations/accept', { code, password: 'taking over now' })).statusCode).toBe(400);
  });

  it('lets a teacher invite and see only the families of their classes', async () => {
    const teacherA = await t.clientAs(w.teacherA.id);
    const theirs = await buildGuardian(database.db, [w.ana.id], { password: false });
    const notTheirs = await buildGuardian(database.db, [w.ben.id], { password: false });
    const list = (await teacherA.get(`/api/schools/${w.school.id}/families`)).json().families.map((f: { userId: string }) => f.userId);
    expect(list).toContain(theirs.id);
    expect(list).not.toContain(notTheirs.id);
    expect((await teacherA.post(`/api/schools/${w.school.id}/invitations`, { userIds: [theirs.id], method: 'letter' })).statusCode).toBe(200);
    expect((await teacherA.post(`/api/schools/${w.school.id}/invitations`, { userIds: [notTheirs.id], method: 'letter' })).statusCode).toBe(403);
  });
});

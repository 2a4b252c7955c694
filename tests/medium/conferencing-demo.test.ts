/**
 * The demo school's pupil conferencing, as a newcomer meets it: the Robins (Reception, EYFS) and
 * their teacher, a picture-led conference with the child's photo; the Owls teacher's follow-ups
 * due and a child's request in the queue; the Year 5 pupil's waiting note, which the Year 1
 * child's family cannot read until the teacher approves it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildConferences, ClassConferencing, MyConferencing, PupilConferenceView } from '../../src/contracts/conferencing';
import { demoPeerNote, demoRobins } from '../../src/domain/demo/demo-conferencing';
import { DEMO_PASSWORD } from '../../src/domain/demo/demo-school';
import type { Database } from '../../src/server/db/client';
import { demoConferencingPeople } from '../../src/server/features/demo/seed-demo-conferencing';
import { demoSignIns, seedDemoSchool } from '../../src/server/features/demo/seed-demo-school';
import { buildTestApp, type TestApp } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';

describe.each(engines)('the demo school’s pupil conferencing on %s', (engine) => {
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

  it('has the Robins’ picture-led conferences, follow-ups due, a request, and a pupil’s note waiting for review', async () => {
    const { demo } = await seedDemoSchool(database.db, { reset: true, media: t.deps.media });
    await t.runJobs();
    const s = demoSignIns(demo);
    const people = demoConferencingPeople(demo);
    const signIn = async (identifier: string) => {
      const client = t.client();
      expect((await client.post('/api/auth/password', { identifier, password: DEMO_PASSWORD })).statusCode).toBe(200);
      return client;
    };

    // The Robins' teacher: six children in EYFS; Maisie's conference started from her photo.
    const robins = await signIn(people.robinsTeacherEmail);
    const classes = (await robins.get('/api/me/classes')).json() as { taught: Array<{ id: string; name: string; yearGroup: string }> };
    const robinsClass = classes.taught.find((c) => c.name === 'Robins')!;
    expect(robinsClass.yearGroup).toBe('Reception');
    const overview = (await robins.get(`/api/classes/${robinsClass.id}/conferencing`)).json() as ClassConferencing;
    expect(overview.children).toHaveLength(demoRobins.children.length);
    expect(new Set(overview.children.map((c) => c.stage))).toEqual(new Set(['EYFS']));
    const maisie = overview.children.find((c) => c.student.givenName === 'Maisie')!;
    const list = (await robins.get(`/api/students/${maisie.student.id}/pupil-conferences`)).json() as ChildConferences;
    expect(list.defaults.type).toBe('early_years');
    const record = (await robins.get(`/api/pupil-conferences/${list.conferences[0]!.id}`)).json() as PupilConferenceView;
    expect(record).toMatchObject({ type: 'early_years', stage: 'EYFS' });
    expect(record.stimulus?.status).toBe('ready');
    expect(record.childWords).toMatch(/tower/);

    // The Owls teacher: follow-ups coming and late, and a request waiting.
    const owls = await signIn(s.teacher!.email);
    const mine = (await owls.get('/api/me/conferencing')).json() as MyConferencing;
    expect(mine.followUps.length).toBeGreaterThanOrEqual(2);
    expect(mine.followUps.some((f) => f.daysLate > 0)).toBe(true);
    expect(mine.openRequests).toBeGreaterThanOrEqual(1);

    // The Year 5 pupil's note waits: the partner's family does not see it until it is approved.
    const older = await signIn(people.older!.username!);
    const partners = ((await older.get('/api/me/conferencing')).json() as MyConferencing).partners;
    expect(partners.map((p) => p.partner.givenName)).toEqual([people.partner!.givenName]);
    const family = await signIn(s.guardian!.email);
    const partnerId = partners[0]!.partner.id;
    expect(((await family.get(`/api/students/${partnerId}/pupil-conferences`)).json() as ChildConferences).conferences.some((c) => c.subject === demoPeerNote.subject)).toBe(false);
  });
});

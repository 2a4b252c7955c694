/**
 * The demo school's goals, as a newcomer meets them: the printed pupil has an achieved Autumn goal
 * and a Spring goal with a check-in whose evidence is her weekend writing; the printed family's
 * two children each have a Spring goal (the older one's waits for the family's commitment); the
 * Korean family's goal page comes in Korean. The carry-forward of Spring is queued for its end.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildGoals, GoalPage } from '../../src/contracts/goals';
import { demoGoals } from '../../src/domain/demo/demo-goals';
import { DEMO_PASSWORD } from '../../src/domain/demo/demo-school';
import type { Database } from '../../src/server/db/client';
import { jobs } from '../../src/server/db/schema/index';
import { demoSignIns, seedDemoSchool } from '../../src/server/features/demo/seed-demo-school';
import { buildTestApp, type TestApp } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';

describe.each(engines)('the demo school’s goals on %s', (engine) => {
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

  it('has goals with commitments and evidence for the printed pupil and the printed families', async () => {
    // The demo is seeded on 1 December 2026 (in the Autumn report period).
    t.setNow(new Date('2026-12-01T10:00:00Z'));
    const { demo } = await seedDemoSchool(database.db, { reset: true, media: t.deps.media });
    const s = demoSignIns(demo);
    const signIn = async (identifier: string) => {
      const client = t.client();
      expect((await client.post('/api/auth/password', { identifier, password: DEMO_PASSWORD })).statusCode).toBe(200);
      return client;
    };
    const teacher = await signIn(s.teacher!.email);
    const owls = ((await teacher.get('/api/me/classes')).json() as { taught: Array<{ id: string; name: string }> }).taught.find((c) => c.name === 'Owls')!;
    const klass = (await teacher.get(`/api/classes/${owls.id}`)).json() as { students: Array<{ id: string; givenName: string }> };
    const avaId = klass.students.find((x) => x.givenName === s.child!.givenName)!.id;

    const autumn = (await teacher.get(`/api/students/${avaId}/goals`)).json() as ChildGoals;
    expect(autumn.period?.name).toBe('Autumn report');
    expect(autumn.goals.map((g) => [g.what, g.status, g.set])).toEqual([['Add numbers up to 10', 'achieved', true]]);
    expect(autumn.goals[0]!.checkins[0]!.posts.map((p) => p.caption)).toEqual(['Adding up']);
    const springId = autumn.periods.find((p) => p.name === 'Spring report')!.id;
    expect(autumn.defaultPeriodId).toBe(springId);
    const spring = (await teacher.get(`/api/students/${avaId}/goals?period=${springId}`)).json() as ChildGoals;
    expect(spring.goals.map((g) => [g.what, g.status])).toEqual([['Write three sentences with a full stop at the end', 'working']]);
    expect(spring.goals[0]!.checkins.map((c) => [c.note, c.posts.map((p) => p.caption)])).toEqual([['I wrote two sentences about the park.', ['My weekend']]]);
    expect(spring.goals[0]!.commitments.map((c) => c.role)).toEqual(['student', 'teacher']);

    // The printed family: the younger child's goal has the mother's commitment, the older one's is hers to write.
    const family = await signIn(s.guardian!.email);
    const children = ((await family.get('/api/me/children')).json() as { children: Array<{ id: string; givenName: string }> }).children;
    const byName = (key: string) => children.find((c) => c.givenName === demo.students.find((x) => x.key === key)!.givenName)!.id;
    const younger = (await family.get(`/api/students/${byName(s.guardian!.children[0]!.studentKey)}/goals`)).json() as ChildGoals;
    expect(younger.goals.map((g) => [g.what, g.commitments.map((c) => c.role)])).toEqual([[demoGoals[2]!.what, ['student', 'guardian']]]);
    const older = (await family.get(`/api/students/${byName(s.guardian!.children[1]!.studentKey)}/goals`)).json() as ChildGoals;
    expect(older.goals.map((g) => [g.what, g.can.commit, g.commitments.some((c) => c.role === 'guardian')])).toEqual([[demoGoals[3]!.what, true, false]]);
    expect(older.goals[0]!.checkins[0]!.posts.map((p) => p.caption)).toEqual(['Persuasive letter']);

    // The Korean family's page, in Korean.
    const korean = await signIn(s.korean!.email);
    const leo = ((await korean.get('/api/me/children')).json() as { children: Array<{ id: string; givenName: string }> }).children.find((c) => c.givenName === demo.students.find((x) => x.key === s.korean!.children[0]!.studentKey)!.givenName)!;
    const page = (await korean.get(`/api/students/${leo.id}/goals/page`)).json() as GoalPage;
    expect(page.locale).toBe('ko');
    expect(page.goals[0]!.commitments.find((c) => c.role === 'guardian' && c.text)?.text).toBe(demoGoals[4]!.commitments[1]!.text);

    // Spring's goals carry forward when it ends (midnight after 26 March 2027, London time).
    const queued = await database.db.select({ runAt: jobs.runAt }).from(jobs).where(and(eq(jobs.kind, 'goals-carry-forward'), eq(jobs.status, 'queued')));
    expect(queued.map((j) => j.runAt.toISOString())).toEqual(['2027-03-27T00:00:00.000Z']);
  }, 120_000);
});

/**
 * The demo school's success criteria, as a newcomer meets them: the Owls' teacher sees the Owls'
 * own "What good writers do" and Year 1's shared "What good representers do" (the Hedgehogs see
 * the shared one too), with pictures and linked standards; the printed pupil's weekend writing
 * shows two ticked criteria (and a standard her teacher tagged).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassCriteria } from '../../src/contracts/criteria';
import type { Timeline } from '../../src/contracts/portfolio';
import type { Database } from '../../src/server/db/client';
import { demoSignIns, seedDemoSchool } from '../../src/server/features/demo/seed-demo-school';
import { buildTestApp, type TestApp } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';
import { DEMO_PASSWORD } from '../../src/domain/demo/demo-school';

describe.each(engines)('the demo school’s success criteria on %s', (engine) => {
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

  it('has the Owls’ and Year 1’s lists, and ticks on the printed pupil’s posts', async () => {
    const { demo } = await seedDemoSchool(database.db, { reset: true, media: t.deps.media });
    const s = demoSignIns(demo);
    const signIn = async (identifier: string) => {
      const client = t.client();
      expect((await client.post('/api/auth/password', { identifier, password: DEMO_PASSWORD })).statusCode).toBe(200);
      return client;
    };
    const teacher = await signIn(s.teacher!.email);
    const owls = ((await teacher.get('/api/me/classes')).json() as { taught: Array<{ id: string; name: string }> }).taught.find((c) => c.name === 'Owls')!;
    const page = (await teacher.get(`/api/classes/${owls.id}/criteria`)).json() as ClassCriteria;
    expect(page.lists.map((l) => [l.title, l.scope, l.shared, l.subject?.name])).toEqual([
      ['What good writers do', 'class', false, 'Language arts'],
      ['What good representers do', 'year_group', true, 'Language arts'],
    ]);
    const writers = page.lists[0]!;
    expect(writers.criteria.map((c) => [c.wording, c.picture, c.standards.map((x) => x.humanCodingScheme)])).toEqual([
      ['I put spaces between my words.', 'spaces', ['Y1.W.1']],
      ['I start with a capital letter.', 'capital', ['Y1.W.2']],
      ['I put a full stop at the end.', 'full_stop', ['Y1.W.3']],
      ['I sound out words to spell them.', 'ear', ['Y1.W.4']],
    ]);

    // The printed pupil's portfolio (her family sees these approved posts the same way).
    const ava = demo.students.find((x) => x.key === s.child!.key)!;
    const klass = (await teacher.get(`/api/classes/${owls.id}`)).json() as { students: Array<{ id: string; givenName: string }> };
    const avaId = klass.students.find((x) => x.givenName === ava.givenName)!.id;
    const timeline = (await teacher.get(`/api/students/${avaId}/posts`)).json() as Timeline;
    const weekend = timeline.posts.find((p) => p.caption === 'My weekend')!;
    expect(weekend.criteria.map((c) => c.wording)).toEqual(['I put spaces between my words.', 'I sound out words to spell them.']);
    expect(weekend.standards.map((x) => x.humanCodingScheme)).toEqual(['Y1.W.1']);
    expect(timeline.posts.find((p) => p.caption === 'My frog')!.criteria.map((c) => c.wording)).toEqual(['I look carefully at what I draw.', 'I add details.']);
  }, 120_000);
});

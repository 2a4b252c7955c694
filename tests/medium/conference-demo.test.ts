/**
 * The demo school's conferences of today, as a newcomer meets them: the Hedgehogs teacher's day
 * lists ten back-to-back meetings around now; the Korean family's is the one on now, in Korean with
 * the Korean interpreter, and its agenda carries the child's picks from next week's round.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConferenceDay, ConferenceView } from '../../src/contracts/conference';
import { DEMO_PASSWORD } from '../../src/domain/demo/demo-school';
import type { Database } from '../../src/server/db/client';
import { demoSignIns, seedDemoSchool } from '../../src/server/features/demo/seed-demo-school';
import { buildTestApp, type TestApp } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';

describe.each(engines)('the demo school’s conferences of today on %s', (engine) => {
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

  it('has a teacher’s day around now, with the Korean family’s conference on now', async () => {
    const { demo } = await seedDemoSchool(database.db, { reset: true, media: t.deps.media });
    const s = demoSignIns(demo);
    const signIn = async (identifier: string) => {
      const client = t.client();
      expect((await client.post('/api/auth/password', { identifier, password: DEMO_PASSWORD })).statusCode).toBe(200);
      return client;
    };
    const hedgehogs = demo.staff.find((x) => x.key === 'hedgehogs')!;
    const teacher = await signIn(hedgehogs.email);
    const day = (await teacher.get('/api/conference-day')).json<ConferenceDay>();
    expect(day.conferences).toHaveLength(10);
    const starts = day.conferences.map((c) => new Date(c.startsAt).getTime());
    expect(starts.slice(1).map((x, i) => x - starts[i]!)).toEqual(Array(9).fill(20 * 60_000));
    const now = Date.now();
    const korean = day.conferences.find((c) => c.language === 'ko')!;
    expect(korean.interpreter?.name).toBe('Min-jun Lee');
    // The slot on now (or the last of the evening when seeded late at night).
    expect(new Date(korean.startsAt).getTime()).toBeLessThanOrEqual(now);
    expect(new Date(korean.endsAt).getTime() > now || korean === day.conferences.at(-1)).toBe(true);

    const guardian = await signIn(s.korean!.email);
    const res = await guardian.get(`/api/conferences/${korean.conferenceId}`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json<ConferenceView>();
    expect(view.can.family).toBe(true);
    expect(view.agenda.filter((x) => x.kind === 'piece').length).toBeGreaterThan(0);
    // The printed English-speaking family is not in today's conferences.
    expect(day.conferences.some((c) => c.attendees.some((a) => a.kind === 'guardian' && a.name.includes(s.guardian!.familyName)))).toBe(false);
  });
});

/**
 * Availability rounds over HTTP: families say when they can come (bad answers refused, field by
 * field, nothing lost), they cannot pick times themselves, the admin sees who has answered, runs the
 * scheduler (progress, then a schedule on the round's grid with the siblings back to back and the
 * interpreter placed), locks a meeting and runs again (nothing moves), publishes (bookings confirmed,
 * each family emailed with the .ics), and a schedule overtaken by a booking is refused whole.
 */
import ICAL from 'ical.js';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AvailabilityView, RunView, ScheduleView } from '../../src/contracts/scheduling';
import type { Database } from '../../src/server/db/client';
import { bookings, guardians, guardianStudents, mailOutbox } from '../../src/server/db/schema/index';
import { updateBookingSettings } from '../../src/server/features/booking/booking.repo';
import { buildGuardian, buildStudent, buildWorld } from '../factories/index';
import { buildBookingRound, buildInterpreter, FRI_1530, OCT_20 } from '../factories/booking';
import { buildTestApp, type TestApp } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';
import { expectError } from './support/expect-api';

describe.each(engines)('availability rounds and the scheduler on %s', (engine) => {
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
  beforeEach(() => t.setNow(OCT_20));

  async function world() {
    const w = await buildWorld(database.db);
    const round = await buildBookingRound(database.db, w);
    await updateBookingSettings(database.db, round.id, { bookingMode: 'availability' });
    // Ana's brother Leo is in class B: one family, two teachers, two rooms.
    const leo = await buildStudent(database.db, w.school.id, [w.classB.id], { givenName: 'Leo' });
    const [g] = await database.db.select({ id: guardians.id }).from(guardians).where(eq(guardians.userId, w.guardianA.id));
    await database.db.insert(guardianStudents).values({ guardianId: g!.id, studentId: leo.id, relationship: 'father' });
    // Ben's family speaks Korean; nobody of the school does: an interpreter from 16:00.
    await database.db.update(guardians).set({ language: 'ko' }).where(eq(guardians.userId, w.guardianB.id));
    const sessions = (await t.clientAs(w.admin.id)).get(`/api/rounds/${round.id}/availability?household=${w.guardianA.id}`);
    const friday = (await sessions).json<AvailabilityView>().sessions[0]!;
    const minjun = await buildInterpreter(database.db, w.school.id, round.id, ['ko']);
    const as = (id: string) => t.clientAs(id);
    return { w, round, leo, friday, minjun, admin: await as(w.admin.id), luis: await as(w.guardianA.id), benMum: await as(w.guardianB.id) };
  }

  async function runToEnd(admin: Awaited<ReturnType<TestApp['clientAs']>>, roundId: string, body: object = {}) {
    const started = await admin.post(`/api/rounds/${roundId}/schedule/runs`, { seconds: 1, ...body });
    expect(started.statusCode, started.body).toBe(202);
    const run = started.json<RunView>();
    expect(run.status).toBe('running');
    expect(run.progress).toBe(0);
    await t.runJobs();
    const done = await admin.get(`/api/rounds/${roundId}/schedule/runs/${run.id}`);
    expect(done.statusCode, done.body).toBe(200);
    return done.json<RunView>();
  }

  it('takes a family’s answer, refuses a bad one field by field (keeping the saved one), and refuses self-booking', async () => {
    const { round, luis, friday, w } = await world();
    const first = await luis.get(`/api/rounds/${round.id}/availability`);
    expect(first.statusCode, first.body).toBe(200);
    const view = first.json<AvailabilityView>();
    expect(view.round.bookingMode).toBe('availability');
    expect(view.response).toBeNull();
    // The round's grid: 15:30 and 15:55, then after the break 16:45 and 17:10.
    expect(friday.starts).toEqual(['15:30', '15:55', '16:45', '17:10']);
    expect(view.children.map((c) => [c.name.split(' ')[0], Boolean(c.teacher)])).toEqual([
      ['Ana', true],
      ['Leo', true],
    ]);

    const saved = await luis.put(`/api/rounds/${round.id}/availability`, { windows: [{ sessionId: friday.id, start: '15:30', end: '17:30' }], oneEvening: true, note: 'Leo is shy' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<AvailabilityView>().response).toMatchObject({ oneEvening: true, note: 'Leo is shy', windows: [{ sessionId: friday.id, start: '15:30', end: '17:30' }] });

    const bad = expectError(
      await luis.put(`/api/rounds/${round.id}/availability`, { windows: [{ sessionId: friday.id, start: '17:00', end: '16:00' }, { sessionId: friday.id, start: '15:30', end: '15:40' }, { sessionId: w.school.id, start: '15:30', end: '16:30' }] }),
      400,
      'validation_failed',
    );
    expect(bad.fields).toEqual({ 'windows.0.end': 'times_reversed', 'windows.1.end': 'shorter_than_a_slot', 'windows.2.sessionId': 'unknown_session' });
    expect(expectError(await luis.put(`/api/rounds/${round.id}/availability`, { windows: [] }), 400, 'validation_failed').fields).toEqual({ windows: 'no_times' });
    // Nothing lost.
    expect((await luis.get(`/api/rounds/${round.id}/availability`)).json<AvailabilityView>().response?.note).toBe('Leo is shy');

    expectError(await luis.post(`/api/rounds/${round.id}/holds`, { meetings: [{ studentId: w.ana.id, startsAt: FRI_1530 }] }), 409, 'availability_round');
    // Once collection has closed, the family cannot change its answer (the school still can).
    await updateBookingSettings(database.db, round.id, { bookingClosesAt: new Date('2026-10-20T09:00:00Z') });
    expectError(await luis.put(`/api/rounds/${round.id}/availability`, { windows: [{ sessionId: friday.id, start: '15:30', end: '16:30' }] }), 409, 'booking_closed');
  });

  it('runs the scheduler with progress: the siblings back to back on the round’s grid, the interpreter with the Korean family; a locked re-run moves nothing; publishing books and emails', async () => {
    const { round, luis, benMum, admin, friday, minjun, w, leo } = await world();
    expectError(await admin.post(`/api/rounds/${round.id}/schedule/runs`, {}), 422, 'nothing_to_schedule');
    await luis.put(`/api/rounds/${round.id}/availability`, { windows: [{ sessionId: friday.id, start: '15:30', end: '17:30' }], oneEvening: true });
    await benMum.put(`/api/rounds/${round.id}/availability`, { windows: [{ sessionId: friday.id, start: '16:00', end: '17:30' }], oneEvening: true });

    const before = (await admin.get(`/api/rounds/${round.id}/schedule`)).json<ScheduleView>();
    // Ana, Leo and Ben answered for; Cleo's family has not.
    expect(before.answers).toMatchObject({ children: 4, answered: 3, booked: 0 });
    expect(before.answers.missing.map((m) => m.name.split(' ')[0])).toEqual(['Cleo']);

    const run = await runToEnd(admin, round.id);
    expect(run.status).toBe('done');
    expect(run.measures).toMatchObject({ requests: 3, scheduled: 3, coverage: 1 });
    const at = (m: RunView['meetings'][number]) => new Date(m.startsAt).toISOString();
    const grid = new Set(['2026-10-23T14:30:00.000Z', '2026-10-23T14:55:00.000Z', '2026-10-23T15:45:00.000Z', '2026-10-23T16:10:00.000Z']);
    for (const m of run.meetings) expect(grid.has(at(m)), at(m)).toBe(true);
    const luisMeetings = run.meetings.filter((m) => m.householdUserId === w.guardianA.id).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    expect(luisMeetings).toHaveLength(2);
    // Back to back: the 5-minute buffer is the walk from Room 4 to Room 9.
    expect(new Date(luisMeetings[1]!.startsAt).getTime() - new Date(luisMeetings[0]!.endsAt).getTime()).toBe(5 * 60_000);
    expect(run.families.find((f) => f.householdUserId === w.guardianA.id)).toMatchObject({ meetings: 2, waitMinutes: 5 });
    const ben = run.meetings.find((m) => m.householdUserId === w.guardianB.id)!;
    expect(ben.interpreter?.id).toBe(minjun.id);
    // Ben's mother is free from 16:00 and the interpreter too: after the break.
    expect(new Date(ben.startsAt) >= new Date('2026-10-23T15:45:00.000Z')).toBe(true);
    expect(run.interpreters).toEqual([expect.objectContaining({ id: minjun.id, meetings: 1, idleMinutes: 0 })]);
    expect(run.unplaced).toEqual([]);

    // Lock Ana's meeting and run again from this schedule: nothing needs to move.
    const ana = luisMeetings.find((m) => m.studentName.startsWith('Ana'))!;
    const again = await runToEnd(admin, round.id, { fromRunId: run.id, locked: [ana.request] });
    expect(again.status).toBe('done');
    expect(again.moved).toBe(0);
    expect(again.meetings.find((m) => m.request === ana.request)).toMatchObject({ locked: true, moved: false, startsAt: ana.startsAt });
    expect(again.meetings.map((m) => [m.request, m.startsAt])).toEqual(run.meetings.map((m) => [m.request, m.startsAt]));

    const pub = await admin.post(`/api/rounds/${round.id}/schedule/runs/${again.id}/publish`);
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toEqual({ booked: 3, families: 2 });
    expectError(await admin.post(`/api/rounds/${round.id}/schedule/runs/${again.id}/publish`), 409, 'run_not_ready');
    const rows = await database.db.select().from(bookings).where(and(eq(bookings.roundId, round.id), inArray(bookings.studentId, [w.ana.id, leo.id, w.ben.id])));
    expect(rows.map((b) => b.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
    expect(rows.find((b) => b.studentId === w.ben.id)).toMatchObject({ interpreterId: minjun.id, language: 'ko' });
    expect(new Set(rows.filter((b) => b.householdUserId === w.guardianA.id).map((b) => b.groupId)).size).toBe(1);

    await t.runJobs();
    const mails = await database.db.select().from(mailOutbox).where(eq(mailOutbox.to, w.guardianA.email!));
    expect(mails.length).toBe(2);
    const cal = new ICAL.Component(ICAL.parse(mails[0]!.attachments![0]!.content));
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    const starts = new Set(rows.filter((b) => b.householdUserId === w.guardianA.id).map((b) => b.startsAt.toISOString()));
    expect(starts.has(new ICAL.Event(cal.getFirstSubcomponent('vevent')!).startDate.toJSDate().toISOString())).toBe(true);

    // The family's page now says the times are given; the round has nothing left to schedule.
    expect((await luis.get(`/api/rounds/${round.id}/availability`)).json<AvailabilityView>().published).toBe(true);
    expectError(await admin.post(`/api/rounds/${round.id}/schedule/runs`, {}), 422, 'nothing_to_schedule');
    expect((await admin.get(`/api/rounds/${round.id}/schedule`)).json<ScheduleView>().answers).toMatchObject({ children: 1, answered: 0, booked: 3 });
  });

  it('refuses to publish, whole, a schedule that a booking made since has overtaken', async () => {
    const { round, luis, admin, friday, w } = await world();
    await luis.put(`/api/rounds/${round.id}/availability`, { windows: [{ sessionId: friday.id, start: '15:30', end: '16:30' }], oneEvening: true });
    const run = await runToEnd(admin, round.id);
    expect(run.measures?.scheduled).toBe(2);
    // The school books Cleo (another family) with Ana's teacher at Ana's scheduled time.
    const ana = run.meetings.find((m) => m.studentName.startsWith('Ana'))!;
    const cleoMum = await buildGuardian(database.db, [w.cleo.id]);
    const hold = await admin.post(`/api/rounds/${round.id}/holds`, { householdUserId: cleoMum.id, meetings: [{ studentId: w.cleo.id, startsAt: ana.startsAt }] });
    expect(hold.statusCode, hold.body).toBe(201);
    expectError(await admin.post(`/api/rounds/${round.id}/schedule/runs/${run.id}/publish`), 409, 'schedule_out_of_date');
    const luisBookings = await database.db.select().from(bookings).where(and(eq(bookings.roundId, round.id), eq(bookings.householdUserId, w.guardianA.id)));
    expect(luisBookings).toEqual([]);
    // Run again: the held time is left out, and everything still fits.
    const again = await runToEnd(admin, round.id, { fromRunId: run.id });
    expect(again.measures?.scheduled).toBe(2);
    expect(again.meetings.some((m) => m.startsAt === ana.startsAt && m.teacherId === ana.teacherId)).toBe(false);
    expect((await admin.post(`/api/rounds/${round.id}/schedule/runs/${again.id}/publish`)).statusCode).toBe(200);
  });

  it('refuses a second run while one is running, and scheduling in a self-booking round', async () => {
    const { round, luis, admin, friday } = await world();
    await luis.put(`/api/rounds/${round.id}/availability`, { windows: [{ sessionId: friday.id, start: '15:30', end: '17:30' }] });
    expect((await admin.post(`/api/rounds/${round.id}/schedule/runs`, { seconds: 1 })).statusCode).toBe(202);
    expectError(await admin.post(`/api/rounds/${round.id}/schedule/runs`, { seconds: 1 }), 409, 'schedule_running');
    await t.runJobs();
    await updateBookingSettings(database.db, round.id, { bookingMode: 'self' });
    expectError(await admin.post(`/api/rounds/${round.id}/schedule/runs`, {}), 409, 'not_availability_round');
    expectError(await luis.put(`/api/rounds/${round.id}/availability`, { windows: [{ sessionId: friday.id, start: '15:30', end: '17:30' }] }), 409, 'not_availability_round');
  });

  it.runIf(engine === 'postgres')('publishes a run once when two admins press Publish at the same moment', async () => {
    const { round, luis, admin, friday, w } = await world();
    await luis.put(`/api/rounds/${round.id}/availability`, { windows: [{ sessionId: friday.id, start: '15:30', end: '17:30' }] });
    const run = await runToEnd(admin, round.id);
    const other = await t.clientAs(w.admin.id);
    const answers = await Promise.all([admin.post(`/api/rounds/${round.id}/schedule/runs/${run.id}/publish`), other.post(`/api/rounds/${round.id}/schedule/runs/${run.id}/publish`)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const rows = await database.db.select().from(bookings).where(and(eq(bookings.roundId, round.id), eq(bookings.householdUserId, w.guardianA.id)));
    expect(rows).toHaveLength(2);
  });
});

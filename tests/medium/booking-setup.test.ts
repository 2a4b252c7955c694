/**
 * A round's booking set-up over HTTP (the admin's), with its bad input refused at the field and
 * nothing changed; changes that would strand booked meetings refused; separated guardians booking
 * their own meeting or sharing the family's as the school chooses; the admin booking for a family
 * on the phone; and the home page's conferences.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FamilyOptions, HoldView, MyConferences, RoundSetup } from '../../src/contracts/booking';
import type { Database } from '../../src/server/db/client';
import { roundSessions } from '../../src/server/db/schema/index';
import { buildGuardian, buildWorld } from '../factories/index';
import { buildBookingRound, FRI_1530, FRI_1645, MON_1530, MON_1555, OCT_20 } from '../factories/booking';
import { buildTestApp, type TestApp } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';
import { expectError } from './support/expect-api';

describe.each(engines)('booking set-up on %s', (engine) => {
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

  it('sets a round up: settings, a day with a break, classes, a teacher with a room and languages', async () => {
    const w = await buildWorld(database.db);
    const admin = await t.clientAs(w.admin.id);
    const created = await admin.post(`/api/schools/${w.school.id}/rounds`, { name: 'Spring conferences', startsOn: '2027-03-22', endsOn: '2027-03-26' });
    expect(created.statusCode, created.body).toBe(201);
    const roundId = created.json<{ id: string }>().id;
    const settings = await admin.patch(`/api/rounds/${roundId}/booking-settings`, { slotMinutes: 15, bufferMinutes: 5, bookingOpensAt: '2027-03-01T08:00:00Z' });
    expect(settings.statusCode, settings.body).toBe(200);
    expect(settings.json<RoundSetup>().settings).toMatchObject({ slotMinutes: 15, bufferMinutes: 5, bookingOpensAt: '2027-03-01T08:00:00.000Z', holdMinutes: 10 });
    // The UK clocks go forward on 28 March 2027: these sessions are all in GMT; the 29th is BST.
    const sessions = await admin.put(`/api/rounds/${roundId}/sessions`, {
      sessions: [
        { date: '2027-03-23', startTime: '15:30', endTime: '19:00', breaks: [{ start: '17:00', end: '17:20' }] },
        { date: '2027-03-25', startTime: '15:30', endTime: '18:00' },
      ],
    });
    expect(sessions.statusCode, sessions.body).toBe(200);
    expect(sessions.json<RoundSetup>().sessions.map((s) => s.startsAt)).toEqual(['2027-03-23T15:30:00.000Z', '2027-03-25T15:30:00.000Z']);
    await admin.put(`/api/rounds/${roundId}/classes`, { classIds: [w.classA.id] });
    const teacher = await admin.put(`/api/rounds/${roundId}/teachers/${w.teacherA.id}`, { room: 'Room 4', languages: ['en', 'pl'] });
    expect(teacher.statusCode, teacher.body).toBe(200);
    const setup = teacher.json<RoundSetup>();
    expect(setup.classes.find((c) => c.id === w.classA.id)).toMatchObject({ takingPart: true, leadTeacherIds: [w.teacherA.id] });
    // 15:30–17:00 → 15:30, 15:50, 16:10, 16:30 (16:50 would end 17:05); 17:20–19:00 → 5; 15:30–18:00 → 7.
    expect(setup.teachers).toMatchObject([{ userId: w.teacherA.id, room: 'Room 4', languages: ['en', 'pl'], classes: [{ id: w.classA.id }], slotCount: 16, bookedCount: 0 }]);
    expect(setup.staff.map((s) => s.userId)).not.toContain(w.teacherA.id);
  });

  it('refuses bad set-up at the field and keeps what was saved', async () => {
    const w = await buildWorld(database.db);
    const round = await buildBookingRound(database.db, w);
    const admin = await t.clientAs(w.admin.id);
    const before = await database.db.select().from(roundSessions).where(eq(roundSessions.roundId, round.id));
    const bad = expectError(
      await admin.put(`/api/rounds/${round.id}/sessions`, {
        sessions: [
          { date: '2026-10-23', startTime: '17:00', endTime: '15:30' },
          { date: '2026-12-01', startTime: '15:30', endTime: '17:30', breaks: [{ start: '18:00', end: '18:15' }] },
          { date: '2026-10-26', startTime: '15:30', endTime: '17:30' },
          { date: '2026-10-26', startTime: '17:00', endTime: '18:00' },
        ],
      }),
      400,
      'validation_failed',
    );
    expect(bad.fields).toEqual({ 'sessions.0.endTime': 'times_reversed', 'sessions.1.date': 'outside_round_dates', 'sessions.1.breaks.0': 'outside_session', 'sessions.3.startTime': 'overlapping_sessions' });
    expect(bad.message).toMatch(/check the marked fields/);
    expectError(await admin.put(`/api/rounds/${round.id}/sessions`, { sessions: [{ date: '2026-10-23', startTime: '3pm', endTime: '17:30' }] }), 400, 'validation_failed');
    expectError(await admin.patch(`/api/rounds/${round.id}/booking-settings`, { slotMinutes: 45 }), 400, 'validation_failed');
    const reversed = expectError(await admin.patch(`/api/rounds/${round.id}/booking-settings`, { bookingOpensAt: '2026-10-22T08:00:00Z', bookingClosesAt: '2026-10-21T08:00:00Z' }), 400, 'validation_failed');
    expect(reversed.fields).toEqual({ bookingClosesAt: 'times_reversed' });
    expectError(await admin.put(`/api/rounds/${round.id}/classes`, { classIds: [w.otherClass.id] }), 400, 'validation_failed');
    expectError(await admin.put(`/api/rounds/${round.id}/teachers/${w.otherAdmin.id}`, { room: 'X' }), 400, 'validation_failed');
    expect(await database.db.select().from(roundSessions).where(eq(roundSessions.roundId, round.id))).toEqual(before);
    // Guardians and teachers do not set rounds up.
    expectError(await (await t.clientAs(w.teacherA.id)).patch(`/api/rounds/${round.id}/booking-settings`, { slotMinutes: 10 }), 403, 'forbidden');
  });

  it('will not strand a booked meeting: its session, its teacher and its slot length stay until it is moved', async () => {
    const w = await buildWorld(database.db);
    const round = await buildBookingRound(database.db, w);
    const luis = await t.clientAs(w.guardianA.id);
    const hold = (await luis.post(`/api/rounds/${round.id}/holds`, { meetings: [{ studentId: w.ana.id, startsAt: MON_1530 }] })).json<HoldView>();
    await luis.post(`/api/holds/${hold.groupId}/confirm`, { attendees: [{ kind: 'guardian', userId: w.guardianA.id }] });
    const admin = await t.clientAs(w.admin.id);
    const setup = (await admin.get(`/api/rounds/${round.id}/setup`)).json<RoundSetup>();
    expectError(await admin.put(`/api/rounds/${round.id}/sessions`, { sessions: [setup.sessions[0]] }), 409, 'has_bookings');
    expectError(await admin.delete(`/api/rounds/${round.id}/teachers/${w.teacherA.id}`), 409, 'has_bookings');
    expectError(await admin.patch(`/api/rounds/${round.id}/booking-settings`, { slotMinutes: 15 }), 409, 'has_bookings');
    // A later start on Monday takes the 15:30 meeting off the grid too.
    const later = setup.sessions.map((s) => ({ id: s.id, date: s.date, startTime: s.date === '2026-10-26' ? '16:00' : s.startTime, endTime: s.endTime, breaks: [] }));
    expectError(await admin.put(`/api/rounds/${round.id}/sessions`, { sessions: later }), 409, 'has_bookings');
    // Removing only the break keeps the meeting where it is: allowed.
    const noBreak = setup.sessions.map((s) => ({ id: s.id, date: s.date, startTime: s.startTime, endTime: s.endTime, breaks: [] }));
    expect((await admin.put(`/api/rounds/${round.id}/sessions`, { sessions: noBreak })).statusCode).toBe(200);
  });

  it('lets separated guardians each book their own meeting, or share one, as the school chooses', async () => {
    const w = await buildWorld(database.db);
    const round = await buildBookingRound(database.db, w, { separatedGuardians: 'separate' });
    const dad = await buildGuardian(database.db, [w.ana.id], { givenName: 'Tomás', attendsSeparately: true });
    const luis = await t.clientAs(w.guardianA.id);
    const tomas = await t.clientAs(dad.id);
    const mine = (await luis.post(`/api/rounds/${round.id}/holds`, { meetings: [{ studentId: w.ana.id, startsAt: FRI_1530 }] })).json<HoldView>();
    await luis.post(`/api/holds/${mine.groupId}/confirm`, { attendees: [{ kind: 'guardian', userId: w.guardianA.id }] });
    // Tomás does not see Luis's meeting, nor Luis as someone who can come; he books his own.
    const his = (await tomas.get(`/api/rounds/${round.id}/family`)).json<FamilyOptions>();
    expect(his.children[0]!.booking).toBeNull();
    expect(his.guardians.map((g) => g.userId)).toEqual([dad.id]);
    // …not at the same time: Ana cannot be in two meetings.
    expectError(await tomas.post(`/api/rounds/${round.id}/holds`, { meetings: [{ studentId: w.ana.id, startsAt: FRI_1530 }] }), 409, 'slot_taken');
    expect((await tomas.post(`/api/rounds/${round.id}/holds`, { meetings: [{ studentId: w.ana.id, startsAt: MON_1530 }] })).statusCode).toBe(201);

    // Where the school wants one meeting, both see the same one and nobody books twice.
    const shared = await buildBookingRound(database.db, w, { separatedGuardians: 'together' });
    // (Ana's meetings of the first round keep her busy at 15:30 on both days: a child is never in two rounds' meetings at once either.)
    const held = await luis.post(`/api/rounds/${shared.id}/holds`, { meetings: [{ studentId: w.ana.id, startsAt: FRI_1645 }] });
    expect(held.statusCode, held.body).toBe(201);
    await luis.post(`/api/holds/${held.json<HoldView>().groupId}/confirm`, { attendees: [{ kind: 'guardian', userId: w.guardianA.id }] });
    const seen = (await tomas.get(`/api/rounds/${shared.id}/family`)).json<FamilyOptions>();
    expect(seen.children[0]!.booking?.startsAt).toBe(FRI_1645);
    expectError(await tomas.post(`/api/rounds/${shared.id}/holds`, { meetings: [{ studentId: w.ana.id, startsAt: MON_1555 }] }), 409, 'already_booked');
  });

  it('lets the admin book for a family who phones in, even before booking opens', async () => {
    const w = await buildWorld(database.db);
    const round = await buildBookingRound(database.db, w, { opensAt: new Date('2026-10-22T08:00:00Z') });
    const admin = await t.clientAs(w.admin.id);
    const options = await admin.get(`/api/rounds/${round.id}/family?household=${w.guardianB.id}`);
    expect(options.statusCode, options.body).toBe(200);
    expect(options.json<FamilyOptions>().children.map((c) => c.studentId)).toEqual([w.ben.id]);
    const hold = await admin.post(`/api/rounds/${round.id}/holds`, { householdUserId: w.guardianB.id, meetings: [{ studentId: w.ben.id, startsAt: MON_1530 }] });
    expect(hold.statusCode, hold.body).toBe(201);
    const done = await admin.post(`/api/holds/${hold.json<HoldView>().groupId}/confirm`, { attendees: [{ kind: 'guardian', userId: w.guardianB.id }] });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<{ bookings: Array<{ householdUserId: string }> }>().bookings[0]!.householdUserId).toBe(w.guardianB.id);
    // The family itself still waits for the opening; a teacher cannot book for them.
    expectError(await (await t.clientAs(w.guardianA.id)).post(`/api/rounds/${round.id}/holds`, { meetings: [{ studentId: w.ana.id, startsAt: MON_1530 }] }), 409, 'booking_not_open');
    expectError(await (await t.clientAs(w.teacherB.id)).get(`/api/rounds/${round.id}/family?household=${w.guardianB.id}`), 403, 'forbidden');
  });

  it('puts the round on the home page: a family to book, a teacher their day sheet', async () => {
    const w = await buildWorld(database.db);
    const round = await buildBookingRound(database.db, w);
    const mine = (await (await t.clientAs(w.guardianA.id)).get('/api/me/conferences')).json<MyConferences>();
    expect(mine.family).toEqual([{ roundId: round.id, name: 'Autumn conferences', state: 'open', bookingOpensAt: '2026-10-19T08:00:00.000Z', children: 1, booked: 0, meetings: [] }]);
    const teacher = (await (await t.clientAs(w.teacherA.id)).get('/api/me/conferences')).json<MyConferences>();
    expect(teacher.teaching).toEqual([{ roundId: round.id, name: 'Autumn conferences', firstDay: '2026-10-23', booked: 0 }]);
    expect((await (await t.clientAs(w.otherAdmin.id)).get('/api/me/conferences')).json<MyConferences>()).toEqual({ family: [], teaching: [], presenting: [] });
  });
  it('exports the round’s results: each child’s meeting and the goals set for the round, with commitments', async () => {
    const w = await buildWorld(database.db);
    const round = await buildBookingRound(database.db, w);
    const luis = await t.clientAs(w.guardianA.id);
    const hold = (await luis.post(`/api/rounds/${round.id}/holds`, { meetings: [{ studentId: w.ana.id, startsAt: FRI_1530 }] })).json<HoldView>();
    await luis.post(`/api/holds/${hold.groupId}/confirm`, { attendees: [{ kind: 'substitute', name: '=Gran', relationship: 'grandparent' }], note: 'Ana, shy' });
    const teacher = await t.clientAs(w.teacherA.id);
    const goal = await teacher.post(`/api/students/${w.ana.id}/goals`, { what: 'Read every night', measure: 'My reading log', roundId: round.id });
    expect(goal.statusCode, goal.body).toBe(201);
    await luis.put(`/api/goals/${goal.json<{ id: string }>().id}/commitments/${w.guardianA.id}`, { text: 'I will listen to her read' });
    const admin = await t.clientAs(w.admin.id);
    const res = await admin.get(`/api/rounds/${round.id}/results.csv`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const { parse } = await import('csv-parse/sync');
    const rows = parse(res.body.replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;
    const ana = rows.find((r) => r['Given name'] === 'Ana')!;
    expect(ana).toMatchObject({ Date: '2026-10-23', Time: '15:30', Booking: 'Booked', How: 'In person', 'Who is coming': "'=Gran (Grandparent)", "Family's note": 'Ana, shy' });
    expect(ana['Goals set for this round']).toMatch(/Read every night — My reading log — working on it — .*: I will listen to her read/);
    expect(rows.find((r) => r['Given name'] === 'Ben')).toMatchObject({ Booking: 'Not booked', Date: '' });
    expect(rows).toHaveLength(3);
    expectError(await teacher.get(`/api/rounds/${round.id}/results.csv`), 403, 'forbidden');
  });
});

/**
 * Family booking over HTTP: the round's times across the October clock change, holds that run out
 * and can be extended, confirming with who comes, the database refusing double bookings (with a
 * clear error and nothing changed), interpreters reserved and never twice at once, moving and
 * cancelling until the cut-off, the teacher moving a meeting (the family told), the emails with
 * their .ics (same UID, SEQUENCE up, METHOD:CANCEL), the reminder a day before, and the waiting
 * list offering a freed time with a claim link.
 */
import ICAL from 'ical.js';
import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BookingView, FamilyOptions, HoldView, RoundSetup } from '../../src/contracts/booking';
import type { Database } from '../../src/server/db/client';
import { bookings, guardians, jobs, mailOutbox } from '../../src/server/db/schema/index';
import { buildGuardian, buildStaff, buildStudent, buildWorld } from '../factories/index';
import { buildBookingRound, buildInterpreter, FRI_1530, FRI_1555, MON_1530, OCT_20 } from '../factories/booking';
import { buildTestApp, type TestApp } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';
import { expectError } from './support/expect-api';

describe.each(engines)('booking on %s', (engine) => {
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
    // Ana's brother Leo is in class B: one family, two teachers.
    const leo = await buildStudent(database.db, w.school.id, [w.classB.id], { givenName: 'Leo' });
    const { guardianStudents: gs } = await import('../../src/server/db/schema/index');
    const [g] = await database.db.select({ id: guardians.id }).from(guardians).where(eq(guardians.userId, w.guardianA.id));
    await database.db.insert(gs).values({ guardianId: g!.id, studentId: leo.id, relationship: 'father' });
    const as = (id: string) => t.clientAs(id);
    return { w, round, leo, admin: await as(w.admin.id), luis: await as(w.guardianA.id), benMum: await as(w.guardianB.id), teacherA: await as(w.teacherA.id), teacherB: await as(w.teacherB.id) };
  }

  const liveCount = async (roundId: string) =>
    (await database.db.select({ n: count() }).from(bookings).where(and(eq(bookings.roundId, roundId), inArray(bookings.status, ['held', 'confirmed']))))[0]!.n;

  it('offers the same wall-clock times on both sides of the clock change, and suggests the siblings back to back', async () => {
    const { round, luis, w, leo } = await world();
    const res = await luis.get(`/api/rounds/${round.id}/family`);
    expect(res.statusCode, res.body).toBe(200);
    const options = res.json<FamilyOptions>();
    expect(options.round.state).toBe('open');
    const ana = options.children.find((c) => c.studentId === w.ana.id)!;
    // 15:30, 15:55, then after the break 16:45, 17:10 — each day; Friday in BST, Monday in GMT.
    expect(ana.free.map((s) => s.startsAt)).toEqual([
      '2026-10-23T14:30:00.000Z',
      '2026-10-23T14:55:00.000Z',
      '2026-10-23T15:45:00.000Z',
      '2026-10-23T16:10:00.000Z',
      '2026-10-26T15:30:00.000Z',
      '2026-10-26T15:55:00.000Z',
      '2026-10-26T16:45:00.000Z',
      '2026-10-26T17:10:00.000Z',
    ]);
    expect(ana.teacher?.room).toBe('Room 4');
    expect(options.children.find((c) => c.studentId === leo.id)!.teacher?.room).toBe('Room 9');
    // Two rooms: 5 minutes' walk, and the grid has 5 minutes between slots: back to back.
    const first = options.sequences[0]!;
    expect(first.meetings).toHaveLength(2);
    expect(first.waitMinutes).toBe(0);
    const [a, b] = first.meetings;
    expect(new Date(b!.startsAt).getTime() - new Date(a!.endsAt).getTime()).toBe(5 * 60_000);
    // One suggestion per starting hour, across both evenings.
    expect(new Set(options.sequences.map((s) => s.meetings[0]!.startsAt.slice(0, 13))).size).toBe(options.sequences.length);
  });

  it('holds, extends and confirms a family sequence; a hold that runs out frees the times', async () => {
    const made = await world();
    const { round, luis, w, leo } = made;
    let { benMum } = made;
    const held = await luis.post(`/api/rounds/${round.id}/holds`, { meetings: [{ studentId: w.ana.id, startsAt: FRI_1530 }, { studentId: leo.id, startsAt: FRI_1555 }] });
    expect(held.statusCode, held.body).toBe(201);
    const hold = held.json<HoldView>();
    expect(new Date(hold.expiresAt).getTime() - OCT_20.getTime()).toBe(10 * 60_000);
    expect(hold.bookings.map((b) => [b.student.name.split(' ')[0], b.status, b.teacher.room])).toEqual([
      ['Ana', 'held', 'Room 4'],
      ['Leo', 'held', 'Room 9'],
    ]);
    // While held, nobody else is offered Ana's teacher at 15:30.
    const benOptions = (await benMum.get(`/api/rounds/${round.id}/family`)).json<FamilyOptions>();
    expect(benOptions.children[0]!.free.map((s) => s.startsAt)).not.toContain(FRI_1555);

    t.setNow(new Date(OCT_20.getTime() + 8 * 60_000));
    const extended = await luis.post(`/api/holds/${hold.groupId}/extend`);
    expect(extended.statusCode, extended.body).toBe(200);
    expect(new Date(extended.json<HoldView>().expiresAt).getTime()).toBe(OCT_20.getTime() + 18 * 60_000);

    t.setNow(new Date(OCT_20.getTime() + 15 * 60_000));
    const done = await luis.post(`/api/holds/${hold.groupId}/confirm`, {
      attendees: [{ kind: 'substitute', name: 'Rosa Díaz', relationship: 'grandmother' }],
      mode: 'in_person',
      note: 'Ana is shy at first',
      privateTime: true,
    });
    expect(done.statusCode, done.body).toBe(200);
    const confirmed = done.json<{ bookings: BookingView[] }>().bookings;
    expect(confirmed.map((b) => b.status)).toEqual(['confirmed', 'confirmed']);
    expect(confirmed[0]!.attendees).toEqual([{ kind: 'substitute', name: 'Rosa Díaz', relationship: 'grandmother' }]);
    expect(confirmed[0]!.privateTime).toBe(true);

    // A second hold by Ben's mother lapses; the times come back.
    const benHold = (await benMum.post(`/api/rounds/${round.id}/holds`, { meetings: [{ studentId: w.ben.id, startsAt: MON_1530 }] })).json<HoldView>();
    t.setNow(new Date(OCT_20.getTime() + 26 * 60_000));
    benMum = await t.clientAs(w.guardianB.id); // (a session idles out too)
    expectError(await benMum.post(`/api/holds/${benHold.groupId}/confirm`, { attendees: [{ kind: 'guardian', userId: w.guardianB.id }] }), 409, 'hold_expired');
    expect(await t.runJobs()).toBeGreaterThan(0);
    const [row] = await database.db.select({ status: bookings.status }).from(bookings).where(eq(bookings.groupId, benHold.groupId));
    expect(row!.status).toBe('expired');
    const again = await benMum.post(`/api/rounds/${round.id}/holds`, { meetings: [{ studentId: w.ben.id, startsAt: MON_1530 }] });
    expect(again.statusCode, again.body).toBe(201);
  });

  it('refuses a taken time, a second meeting for a child, a time off the grid, a child not yours and booking out of the window — changing nothing', async () => {
    const { round, luis, w, benMum, leo } = await world();
    const first = (await luis.post(`/api/rounds/${round.id}/holds`, { meetings: [{ studentId: w.ana.id, startsAt: FRI_1530 }] })).json<HoldView>();
    await luis.post(`/api/holds/${first.groupId}/confirm`, { attendees: [{ kind: 'guardian', userId: w.guardianA.id }] });
    const before = await liveCount(round.id);

    // Cleo's family wants Ana's teacher at the same time.
    const cleoMum = await buildGuardian(database.db, [w.cleo.id], { givenName: 'Nadia' });
    const nadia = await t.clientAs(cleoMum.id);
    const taken = expectError(await nadia.post(`/api/rounds/${round.id}/holds`, { meetings: [{ studentId: w.cleo.id, startsAt: FRI_1530 }] }), 409, 'slot_taken');
    expect(taken.message).toMatch(/taken/);
    // Leo at the same time as his sister: the family would be in two rooms at once.
    expectError(await luis.post(`/api/rounds/${round.id}/holds`, { meetings: [{ studentId: leo.id, startsAt: FRI_1530 }] }), 409, 'slot_taken');
    // Ana again: one meeting per child per round.
    expectError(await luis.post(`/api/rounds/${round.id}/holds`, { meetings: [{ studentId: w.ana.id, startsAt: MON_1530 }] }), 409, 'already_booked');
    // 15:40 is not on the grid; 2026-11-02 is outside every session.
    const off = expectError(await luis.post(`/api/rounds/${round.id}/holds`, { meetings: [{ studentId: leo.id, startsAt: '2026-10-23T14:40:00Z' }] }), 422, 'not_a_slot');
    expect(off.fields).toEqual({ 'meetings.0.startsAt': 'not_a_slot' });
    expectError(await luis.post(`/api/rounds/${round.id}/holds`, { meetings: [{ studentId: leo.id, startsAt: '2026-11-02T15:30:00Z' }] }), 422, 'not_a_slot');
    // Ben is not Luis's child.
    const notMine = expectError(await luis.post(`/api/rounds/${round.id}/holds`, { meetings: [{ studentId: w.ben.id, startsAt: MON_1530 }] }), 400, 'validation_failed');
    expect(notMine.fields).toEqual({ 'meetings.0.studentId': 'not_your_child' });
    expect(await liveCount(round.id)).toBe(before);

    // Before opening and after closing.
    const closedRound = await buildBookingRound(database.db, w, { opensAt: new Date('2026-10-21T08:00:00Z') });
    expectError(await benMum.post(`/api/rounds/${closedRound.id}/holds`, { meetings: [{ studentId: w.ben.id, startsAt: MON_1530 }] }), 409, 'booking_not_open');
    t.setNow(new Date('2026-10-23T15:00:00Z'));
    expectError(await benMum.post(`/api/rounds/${round.id}/holds`, { meetings: [{ studentId: w.ben.id, startsAt: MON_1530 }] }), 409, 'booking_closed');
  });

  it('reserves an interpreter when the teacher does not speak the family language, never the same one twice at once', async () => {
    const { round, w } = await world();
    await database.db.update(guardians).set({ language: 'ko' }).where(eq(guardians.userId, w.guardianA.id));
    const minjun = await buildInterpreter(database.db, w.school.id, round.id, ['ko']);
    const luis = await t.clientAs(w.guardianA.id);
    const options = (await luis.get(`/api/rounds/${round.id}/family`)).json<FamilyOptions>();
    expect(options.language).toBe('ko');
    expect(options.children.find((c) => c.studentId === w.ana.id)!.needsInterpreter).toBe(true);
    const hold = (await luis.post(`/api/rounds/${round.id}/holds`, { meetings: [{ studentId: w.ana.id, startsAt: FRI_1530 }] })).json<HoldView>();
    expect(hold.bookings[0]!.interpreter).toEqual({ id: minjun.id, name: 'Min-jun Lee' });

    // Another Korean family with Ben (teacher B) at the same time: the only interpreter is taken.
    const kim = await buildGuardian(database.db, [w.ben.id], { givenName: 'Soo-ah', preferredLocale: 'ko' });
    const soo = await t.clientAs(kim.id);
    const theirs = (await soo.get(`/api/rounds/${round.id}/family`)).json<FamilyOptions>();
    const benTimes = theirs.children[0]!.free;
    expect(benTimes.map((s) => s.startsAt)).not.toContain(FRI_1530);
    // The time next to Min-jun's meeting is suggested first: his evening stays compact.
    expect(benTimes.find((s) => s.startsAt === FRI_1555)?.nextToInterpreter).toBe(true);
    expectError(await soo.post(`/api/rounds/${round.id}/holds`, { meetings: [{ studentId: w.ben.id, startsAt: FRI_1530 }] }), 409, 'no_interpreter');
    const next = await soo.post(`/api/rounds/${round.id}/holds`, { meetings: [{ studentId: w.ben.id, startsAt: FRI_1555 }] });
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json<HoldView>().bookings[0]!.interpreter?.id).toBe(minjun.id);
  });

  it('emails the confirmation with an .ics, reminds a day before, and keeps the UID while the SEQUENCE climbs to the cancel', async () => {
    const { round, luis, w } = await world();
    const hold = (await luis.post(`/api/rounds/${round.id}/holds`, { meetings: [{ studentId: w.ana.id, startsAt: MON_1530 }] })).json<HoldView>();
    await luis.post(`/api/holds/${hold.groupId}/confirm`, { attendees: [{ kind: 'guardian', userId: w.guardianA.id }], note: 'Please, no stairs' });
    await t.runJobs();
    const mails = async () => database.db.select().from(mailOutbox).where(eq(mailOutbox.to, w.guardianA.email!)).orderBy(mailOutbox.createdAt);
    const [confirmation] = await mails();
    expect(confirmation!.subject).toMatch(/Booked/);
    expect(confirmation!.text).toContain('Room 4');
    const ics = confirmation!.attachments![0]!;
    expect(ics.contentType).toMatch(/text\/calendar.*method=REQUEST/);
    const cal = new ICAL.Component(ICAL.parse(ics.content));
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    const event = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
    expect(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/London');
    expect(event.startDate.toJSDate().toISOString()).toBe(MON_1530);
    expect(event.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toContain(`mailto:${w.guardianA.email}`);
    const uid = event.uid;

    // The reminder waits until 24 hours before.
    const [reminder] = await database.db.select().from(jobs).where(eq(jobs.idempotencyKey, `booking-mail:${hold.bookings[0]!.id}:reminder:0`));
    expect(reminder!.runAt.toISOString()).toBe('2026-10-25T15:30:00.000Z');
    t.setNow(new Date('2026-10-25T15:31:00Z'));
    await t.runJobs();
    expect((await mails()).map((m) => m.subject)).toEqual([expect.stringMatching(/Booked/), expect.stringMatching(/Tomorrow/)]);

    // The school cancels: same UID, higher SEQUENCE, METHOD:CANCEL.
    const cancel = await t.clientAs(w.admin.id).then((a) => a.post(`/api/bookings/${hold.bookings[0]!.id}/cancel`));
    expect(cancel.statusCode, cancel.body).toBe(200);
    await t.runJobs();
    const last = (await mails()).at(-1)!;
    expect(last.subject).toMatch(/cancelled/i);
    const cancelled = new ICAL.Component(ICAL.parse(last.attachments![0]!.content));
    expect(cancelled.getFirstPropertyValue('method')).toBe('CANCEL');
    const ev = cancelled.getFirstSubcomponent('vevent')!;
    expect(ev.getFirstPropertyValue('uid')).toBe(uid);
    expect(ev.getFirstPropertyValue('sequence')).toBe(1);
    expect(ev.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('lets the family move and cancel until the cut-off; the teacher can move it after, and the family is told', async () => {
    const made = await world();
    const { round, w } = made;
    let { luis, teacherA } = made;
    const hold = (await luis.post(`/api/rounds/${round.id}/holds`, { meetings: [{ studentId: w.ana.id, startsAt: FRI_1530 }] })).json<HoldView>();
    const [booking] = (await luis.post(`/api/holds/${hold.groupId}/confirm`, { attendees: [{ kind: 'guardian', userId: w.guardianA.id }] })).json<{ bookings: BookingView[] }>().bookings;
    // (Say the family had been told their Friday meeting ran 12 minutes late.)
    await database.db.update(bookings).set({ lateNotifiedMinutes: 12 }).where(eq(bookings.id, booking!.id));
    const moved = await luis.post(`/api/bookings/${booking!.id}/move`, { startsAt: MON_1530 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<BookingView>().startsAt).toBe(MON_1530);
    // A new time: running-late notices start again from nothing.
    const [row] = await database.db.select({ told: bookings.lateNotifiedMinutes }).from(bookings).where(eq(bookings.id, booking!.id));
    expect(row!.told).toBe(0);
    // The Friday time is free again.
    const options = (await luis.get(`/api/rounds/${round.id}/family`)).json<FamilyOptions>();
    expect(options.children.find((c) => c.studentId === w.ana.id)!.booking?.startsAt).toBe(MON_1530);

    // Within 24 hours of the meeting the family cannot change it…
    t.setNow(new Date('2026-10-25T16:00:00Z'));
    luis = await t.clientAs(w.guardianA.id);
    teacherA = await t.clientAs(w.teacherA.id);
    expectError(await luis.post(`/api/bookings/${booking!.id}/move`, { startsAt: '2026-10-26T15:55:00Z' }), 409, 'change_cutoff_passed');
    expectError(await luis.post(`/api/bookings/${booking!.id}/cancel`), 409, 'change_cutoff_passed');
    // …the teacher can, and the family hears of it.
    const byTeacher = await teacherA.post(`/api/bookings/${booking!.id}/move`, { startsAt: '2026-10-26T15:55:00Z' });
    expect(byTeacher.statusCode, byTeacher.body).toBe(200);
    await t.runJobs();
    const subjects = (await database.db.select({ s: mailOutbox.subject }).from(mailOutbox).where(eq(mailOutbox.to, w.guardianA.email!))).map((m) => m.s);
    expect(subjects).toContain(`The school moved ${booking!.student.name}'s conference with ${booking!.teacher.name}`);
    // Teacher B cannot touch teacher A's meeting.
    const other = await t.clientAs(w.teacherB.id);
    expect((await other.post(`/api/bookings/${booking!.id}/cancel`)).statusCode).toBe(403);
  });

  it('offers a freed time to the waiting family, who claims it with the link', async () => {
    const { round, w, admin } = await world();
    // Teacher A is there only for 15:30 on Friday: one slot.
    const setup = (await admin.get(`/api/rounds/${round.id}/setup`)).json<RoundSetup>();
    const friday = setup.sessions[0]!;
    expect((await admin.put(`/api/rounds/${round.id}/teachers/${w.teacherA.id}`, { room: 'Room 4', availability: [{ sessionId: friday.id, start: '15:30', end: '15:50' }] })).statusCode).toBe(200);
    const luis = await t.clientAs(w.guardianA.id);
    const hold = (await luis.post(`/api/rounds/${round.id}/holds`, { meetings: [{ studentId: w.ana.id, startsAt: FRI_1530 }] })).json<HoldView>();
    await luis.post(`/api/holds/${hold.groupId}/confirm`, { attendees: [{ kind: 'guardian', userId: w.guardianA.id }] });

    const cleoMum = await buildGuardian(database.db, [w.cleo.id], { givenName: 'Nadia' });
    const nadia = await t.clientAs(cleoMum.id);
    const options = (await nadia.get(`/api/rounds/${round.id}/family`)).json<FamilyOptions>();
    expect(options.children[0]!.free).toEqual([]);
    expect(options.sequences).toEqual([]);
    expect((await nadia.post(`/api/rounds/${round.id}/waitlist`, { studentIds: [w.cleo.id] })).statusCode).toBe(201);

    await luis.post(`/api/bookings/${hold.bookings[0]!.id}/cancel`);
    await t.runJobs();
    const [offer] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.to, cleoMum.email!));
    expect(offer!.subject).toMatch(/come free/);
    const token = /\/claim\/([\w-]+)/.exec(offer!.text)![1]!;
    const claim = await nadia.get(`/api/claims/${token}`);
    expect(claim.json()).toMatchObject({ status: 'offered', booking: { startsAt: FRI_1530, status: 'held' } });
    // Someone else with the link gets nothing.
    expect((await luis.get(`/api/claims/${token}`)).statusCode).toBe(403);
    const claimed = await nadia.post(`/api/claims/${token}`);
    expect(claimed.statusCode, claimed.body).toBe(200);
    expect(claimed.json()).toMatchObject({ status: 'booked', booking: { status: 'confirmed' } });
  });

  it('gives the teacher a day sheet and the admin a coverage board, and nudges the families who have not booked', async () => {
    const { round, luis, w, admin, teacherA, leo } = await world();
    const hold = (await luis.post(`/api/rounds/${round.id}/holds`, { meetings: [{ studentId: w.ana.id, startsAt: FRI_1530 }] })).json<HoldView>();
    await luis.post(`/api/holds/${hold.groupId}/confirm`, { attendees: [{ kind: 'guardian', userId: w.guardianA.id }], note: 'Bring the reading log', privateTime: true });
    const sheet = await teacherA.get(`/api/rounds/${round.id}/teachers/${w.teacherA.id}/sheet`);
    expect(sheet.statusCode, sheet.body).toBe(200);
    const days = sheet.json<{ days: Array<{ date: string; slots: Array<{ meeting: { note: string; privateTime: boolean } | null }> }> }>().days;
    expect(days.map((d) => d.date)).toEqual(['2026-10-23', '2026-10-26']);
    expect(days[0]!.slots[0]!.meeting).toMatchObject({ note: 'Bring the reading log', privateTime: true });
    expect(days[0]!.slots[1]!.meeting).toBeNull();
    // Another teacher's sheet is the admin's to see.
    expect((await teacherA.get(`/api/rounds/${round.id}/teachers/${w.teacherB.id}/sheet`)).statusCode).toBe(403);

    const board = (await admin.get(`/api/rounds/${round.id}/coverage`)).json<{ totals: { children: number; booked: number }; classes: Array<{ unbooked: Array<{ studentId: string }> }> }>();
    expect(board.totals).toMatchObject({ children: 4, booked: 1 });
    expect(board.classes.flatMap((c) => c.unbooked.map((u) => u.studentId)).sort()).toEqual([w.cleo.id, w.ben.id, leo.id].sort());
    const nudge = await admin.post(`/api/rounds/${round.id}/nudges`, {});
    // Luis (Leo unbooked) and Ben's mother; Cleo has no guardian.
    expect(nudge.json()).toEqual({ families: 2 });
    await t.runJobs();
    const again = await admin.post(`/api/rounds/${round.id}/nudges`, {});
    await t.runJobs();
    expect(again.json()).toEqual({ families: 2 });
    const nudges = await database.db.select().from(mailOutbox).where(eq(mailOutbox.subject, 'Please book your conference: Autumn conferences'));
    // Once a day per family, however often the button is pressed.
    expect(nudges.filter((m) => m.to === w.guardianA.email || m.to === w.guardianB.email)).toHaveLength(2);
  });

  it('serves each teacher a secret calendar feed that parses, in the school zone', async () => {
    const { round, luis, w, teacherA } = await world();
    const hold = (await luis.post(`/api/rounds/${round.id}/holds`, { meetings: [{ studentId: w.ana.id, startsAt: FRI_1530 }] })).json<HoldView>();
    await luis.post(`/api/holds/${hold.groupId}/confirm`, { attendees: [{ kind: 'guardian', userId: w.guardianA.id }] });
    const { url } = (await teacherA.get('/api/me/calendar-feed')).json<{ url: string }>();
    const path = new URL(url).pathname;
    const feed = await t.app.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/text\/calendar/);
    const cal = new ICAL.Component(ICAL.parse(feed.body));
    const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual([FRI_1530]);
    // A new link: the old one stops working.
    await teacherA.post('/api/me/calendar-feed');
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    const staff = await buildStaff(database.db, w.school.id, 'teacher');
    expect((await (await t.clientAs(staff.id)).get('/api/me/calendar-feed')).statusCode).toBe(200);
  });
  it('sends an offer nobody claims to the next waiting family, and the first to the back of the queue', async () => {
    const { round, w, admin } = await world();
    const setup = (await admin.get(`/api/rounds/${round.id}/setup`)).json<RoundSetup>();
    await admin.put(`/api/rounds/${round.id}/teachers/${w.teacherA.id}`, { room: 'Room 4', availability: [{ sessionId: setup.sessions[0]!.id, start: '15:30', end: '15:50' }] });
    const luis = await t.clientAs(w.guardianA.id);
    const hold = (await luis.post(`/api/rounds/${round.id}/holds`, { meetings: [{ studentId: w.ana.id, startsAt: FRI_1530 }] })).json<HoldView>();
    await luis.post(`/api/holds/${hold.groupId}/confirm`, { attendees: [{ kind: 'guardian', userId: w.guardianA.id }] });
    const dan = await buildStudent(database.db, w.school.id, [w.classA.id], { givenName: 'Dan' });
    const first = await buildGuardian(database.db, [w.cleo.id], { givenName: 'Nadia' });
    const second = await buildGuardian(database.db, [dan.id], { givenName: 'Omar' });
    expect((await (await t.clientAs(first.id)).post(`/api/rounds/${round.id}/waitlist`, { studentIds: [w.cleo.id] })).statusCode).toBe(201);
    t.setNow(new Date(OCT_20.getTime() + 60_000));
    expect((await (await t.clientAs(second.id)).post(`/api/rounds/${round.id}/waitlist`, { studentIds: [dan.id] })).statusCode).toBe(201);
    await luis.post(`/api/bookings/${hold.bookings[0]!.id}/cancel`);
    await t.runJobs();
    const offersTo = async (email: string) => (await database.db.select().from(mailOutbox).where(eq(mailOutbox.to, email))).filter((m) => /come free/.test(m.subject));
    expect(await offersTo(first.email!)).toHaveLength(1);
    expect(await offersTo(second.email!)).toHaveLength(0);
    // Twelve hours later Nadia has not claimed it: Omar is offered the time.
    t.setNow(new Date(OCT_20.getTime() + 12 * 3_600_000 + 5 * 60_000));
    await t.runJobs();
    expect(await offersTo(second.email!)).toHaveLength(1);
    const { waitlistEntries } = await import('../../src/server/db/schema/index');
    const entries = await database.db.select({ household: waitlistEntries.householdUserId, status: waitlistEntries.status }).from(waitlistEntries).where(eq(waitlistEntries.roundId, round.id));
    expect(Object.fromEntries(entries.map((e) => [e.household, e.status]))).toEqual({ [first.id]: 'waiting', [second.id]: 'offered' });
  });
});

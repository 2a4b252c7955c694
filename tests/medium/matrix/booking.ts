/**
 * Authorization-matrix rows for booking. The round's set-up, interpreters, coverage and nudges are
 * the admin's; a family's page, holds, bookings, waiting list and claim links are the household's
 * (here guardianA's, for Ana) and the admin's on their behalf; a teacher also changes, moves and
 * cancels their own meetings and reads their own day sheet; every member of staff has their own
 * calendar feed (the other school's admin too, in their school); the feed itself is public to
 * whoever holds the secret. Within the school a refusal is 403, another school gets 404.
 *
 * The matrix runs on the real clock, which the other areas share, so the rounds here are built a
 * week and more ahead of it (`days`), each on its own day: Ana, her family and her teacher are in
 * most of them, and nobody may be in two meetings at once, across rounds too.
 *
 * A call that uses up its target (holding, confirming, moving, cancelling, claiming…) gets a target
 * of its own for each person allowed, so one person's success does not change the next person's
 * answer; everyone refused is sent to a spare target that nobody changes. The matrix asks each
 * route's `url` (then `body`) once per actor, in the order of `actors` — `turn` below counts the
 * calls to know whose they are. The admin's targets are Ben's (guardianB's household): the admin
 * acts for any family, and that leaves Ana's one meeting per round for her family and teacher.
 *
 * An assistant is not one of the matrix's actors; `setup` asks every row as one (a member of staff
 * teaching no class taking part) and expects what teacherB gets.
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { queueFreedSlot } from '../../../src/server/features/booking/waitlist';
import { updateWaitlist } from '../../../src/server/features/booking/booking.repo';
import { randomToken, tokenDigest } from '../../../src/server/lib/secrets';
import { buildStaff, type World } from '../../factories/index';
import { buildBookingRound, buildInterpreter } from '../../factories/booking';
import type { TestApp, TestClient } from '../../setup/app';
import { actors, all, only, signedIn, withStatus, type ActorName, type Area, type Case, type Expect } from './kit';

type Who = ActorName | 'assistant';

/** One target per person allowed; everyone else gets the spare. */
interface Targets {
  admin: string;
  teacherOfClass?: string;
  guardianOfChild: string;
  spare: string;
}
const pick = (t: Targets, who: Who): string => (who === 'admin' || who === 'teacherOfClass' || who === 'guardianOfChild' ? (t[who] ?? t.spare) : t.spare);

interface BookingFixture {
  /** The round most rows read: Ana booked with teacherA (changed by PATCH), a teacher and an interpreter to take out. */
  main: string;
  mainSessions: unknown[];
  anaBooking: string;
  removableTeacher: string;
  interpreter: string;
  interpreterName: string;
  removableInterpreter: string;
  feedPath: string;
  /** Rounds where a hold, a place on the waiting list, is made: the round, and whose the meeting is. */
  holdRound: string;
  anaSlot: Record<string, string>;
  benSlot: Record<string, string>;
  waitRound: string;
  extendHold: string;
  releaseHolds: Targets;
  confirmHolds: Targets;
  moveBookings: Targets;
  /** Where each move goes: the next free time of the meeting's teacher in its round. */
  moveTo: Record<string, string>;
  cancelBookings: Targets;
  leaveEntries: Targets;
  readClaim: string;
  claims: Targets;
}
const fixtures = new WeakMap<World, BookingFixture>();
const f = (w: World) => fixtures.get(w) as BookingFixture;

/** Whose request the matrix is building for this route: the nth call of `url` is `actors[n]`'s; `body` follows its `url`. */
const turns = new WeakMap<World, Map<string, number>>();
function turn(w: World, key: string, advance: boolean): ActorName {
  const counts = turns.get(w) ?? new Map<string, number>();
  turns.set(w, counts);
  const n = counts.get(key) ?? 0;
  if (advance) counts.set(key, n + 1);
  return actors[(advance ? n : n - 1) % actors.length]!;
}

interface Row {
  url: (w: World, who: Who) => string;
  body?: (w: World, who: Who) => unknown;
  expect: Expect;
}

const admin = only(['admin']);
const household = only(['admin', 'guardianOfChild']);
const householdOrTeacher = only(['admin', 'teacherOfClass', 'guardianOfChild']);
/** Staff of any school: each their own feed. */
const staffOwn: Expect = { ...only(['admin', 'teacherOfClass', 'otherTeacher']), otherSchool: 200 };

/** Ana's household, or Ben's for the admin (who acts for any family). */
const familyOf = (w: World, who: Who) => (who === 'admin' ? { householdUserId: w.guardianB.id, studentId: w.ben.id } : { householdUserId: w.guardianA.id, studentId: w.ana.id });

const rows: Record<string, Row> = {
  // ---- set-up: the admin's; the bodies leave the round as it was
  'GET /api/rounds/:id/setup': { url: (w) => `/api/rounds/${f(w).main}/setup`, expect: admin },
  'PATCH /api/rounds/:id/booking-settings': { url: (w) => `/api/rounds/${f(w).main}/booking-settings`, body: () => ({ holdMinutes: 10 }), expect: admin },
  'PUT /api/rounds/:id/sessions': { url: (w) => `/api/rounds/${f(w).main}/sessions`, body: (w) => ({ sessions: f(w).mainSessions }), expect: admin },
  'PUT /api/rounds/:id/classes': { url: (w) => `/api/rounds/${f(w).main}/classes`, body: (w) => ({ classIds: [w.classA.id, w.classB.id] }), expect: admin },
  'PUT /api/rounds/:id/teachers/:userId': {
    url: (w) => `/api/rounds/${f(w).main}/teachers/${w.teacherA.id}`,
    body: () => ({ room: 'Room 4', videoUrl: 'https://meet.example/a', availability: null, languages: ['en'] }),
    expect: admin,
  },
  'DELETE /api/rounds/:id/teachers/:userId': { url: (w) => `/api/rounds/${f(w).main}/teachers/${f(w).removableTeacher}`, expect: admin },
  'PUT /api/rounds/:id/interpreters/:interpreterId': { url: (w) => `/api/rounds/${f(w).main}/interpreters/${f(w).interpreter}`, body: () => ({ availability: null }), expect: admin },
  'DELETE /api/rounds/:id/interpreters/:interpreterId': { url: (w) => `/api/rounds/${f(w).main}/interpreters/${f(w).removableInterpreter}`, expect: admin },
  'GET /api/schools/:id/interpreters': { url: (w) => `/api/schools/${w.school.id}/interpreters`, expect: admin },
  'POST /api/schools/:id/interpreters': { url: (w) => `/api/schools/${w.school.id}/interpreters`, body: () => ({ name: 'Matrix Interpreter', email: null, languages: ['so'] }), expect: withStatus(admin, 201) },
  'PATCH /api/interpreters/:id': { url: (w) => `/api/interpreters/${f(w).interpreter}`, body: (w) => ({ name: f(w).interpreterName }), expect: admin },
  'GET /api/interpreters/:id/feed': { url: (w) => `/api/interpreters/${f(w).interpreter}/feed`, expect: admin },

  // ---- a family's booking: Ana's household, the admin on its behalf; guardianB has a household of their own, not this one
  'GET /api/rounds/:id/family': { url: (w) => `/api/rounds/${f(w).main}/family?household=${w.guardianA.id}`, expect: household },
  'PUT /api/rounds/:id/family/language': { url: (w) => `/api/rounds/${f(w).main}/family/language`, body: (w) => ({ language: 'en', householdUserId: w.guardianA.id }), expect: household },
  'POST /api/rounds/:id/holds': {
    url: (w) => `/api/rounds/${f(w).holdRound}/holds`,
    body: (w, who) => {
      const { householdUserId, studentId } = familyOf(w, who);
      return { householdUserId, meetings: [{ studentId, startsAt: (who === 'admin' ? f(w).benSlot : f(w).anaSlot)[f(w).holdRound] }] };
    },
    expect: withStatus(household, 201),
  },
  // Extending again only moves the end: one hold serves both.
  'POST /api/holds/:groupId/extend': { url: (w) => `/api/holds/${f(w).extendHold}/extend`, expect: household },
  'DELETE /api/holds/:groupId': { url: (w, who) => `/api/holds/${pick(f(w).releaseHolds, who)}`, expect: household },
  'POST /api/holds/:groupId/confirm': {
    url: (w, who) => `/api/holds/${pick(f(w).confirmHolds, who)}/confirm`,
    body: (w, who) => ({ attendees: [{ kind: 'guardian', userId: familyOf(w, who).householdUserId }], note: 'Matrix' }),
    expect: household,
  },
  // Who comes and the note, the same each time: one meeting serves all three.
  'PATCH /api/bookings/:id': {
    url: (w) => `/api/bookings/${f(w).anaBooking}`,
    body: (w) => ({ note: 'Matrix note', attendees: [{ kind: 'guardian', userId: w.guardianA.id }] }),
    expect: householdOrTeacher,
  },
  'POST /api/bookings/:id/move': {
    url: (w, who) => `/api/bookings/${pick(f(w).moveBookings, who)}/move`,
    body: (w, who) => ({ startsAt: f(w).moveTo[pick(f(w).moveBookings, who)] }),
    expect: householdOrTeacher,
  },
  'POST /api/bookings/:id/cancel': { url: (w, who) => `/api/bookings/${pick(f(w).cancelBookings, who)}/cancel`, expect: householdOrTeacher },

  // ---- waiting list and the times it offers
  'POST /api/rounds/:id/waitlist': {
    url: (w) => `/api/rounds/${f(w).waitRound}/waitlist`,
    body: (w, who) => {
      const { householdUserId, studentId } = familyOf(w, who);
      return { householdUserId, studentIds: [studentId] };
    },
    expect: withStatus(household, 201),
  },
  'DELETE /api/waitlist/:id': { url: (w, who) => `/api/waitlist/${pick(f(w).leaveEntries, who)}`, expect: household },
  'GET /api/claims/:token': { url: (w) => `/api/claims/${f(w).readClaim}`, expect: household },
  'POST /api/claims/:token': { url: (w, who) => `/api/claims/${pick(f(w).claims, who)}`, expect: household },

  // ---- teachers and the admin
  'GET /api/rounds/:id/teachers/:userId/sheet': { url: (w) => `/api/rounds/${f(w).main}/teachers/${w.teacherA.id}/sheet`, expect: only(['admin', 'teacherOfClass']) },
  'GET /api/rounds/:id/coverage': { url: (w) => `/api/rounds/${f(w).main}/coverage`, expect: admin },
  'GET /api/rounds/:id/results.csv': { url: (w) => `/api/rounds/${f(w).main}/results.csv`, expect: admin },
  'POST /api/rounds/:id/nudges': { url: (w) => `/api/rounds/${f(w).main}/nudges`, body: () => ({}), expect: admin },
  'GET /api/me/calendar-feed': { url: () => '/api/me/calendar-feed', expect: staffOwn },
  'POST /api/me/calendar-feed': { url: () => '/api/me/calendar-feed', expect: staffOwn },
  // One's own upcoming conferences (to book, or to hold): everyone signed in, nothing for those with none.
  'GET /api/me/conferences': { url: () => '/api/me/conferences', expect: signedIn(200) },
  // The interpreter's feed: nobody's POST above renews it. A wrong secret: see setup.
  'GET /calendar/:token': { url: (w) => f(w).feedPath, expect: all(200) },
};

function asCase(key: string, row: Row): Case {
  return {
    url: (w) => row.url(w, turn(w, key, true)),
    ...(row.body ? { body: (w: World) => row.body!(w, turn(w, key, false)) } : {}),
    expect: row.expect,
  };
}

const ok = <T>(res: LightMyRequestResponse, status = 200): T => {
  expect(res.statusCode, `${res.statusCode} ${res.body.slice(0, 300)}`).toBe(status);
  return res.json() as T;
};

/** The admin makes the fixtures as a school office would, over HTTP. */
function office(school: TestClient) {
  return {
    /** The teacher's times in the round, from their day sheet. */
    async times(roundId: string, teacherId: string): Promise<string[]> {
      const sheet = ok<{ days: Array<{ slots: Array<{ startsAt: string }> }> }>(await school.get(`/api/rounds/${roundId}/teachers/${teacherId}/sheet`));
      return sheet.days.flatMap((d) => d.slots.map((s) => s.startsAt));
    },
    async hold(roundId: string, householdUserId: string, studentId: string, startsAt: string): Promise<string> {
      return ok<{ groupId: string }>(await school.post(`/api/rounds/${roundId}/holds`, { householdUserId, meetings: [{ studentId, startsAt }] }), 201).groupId;
    },
    async book(roundId: string, householdUserId: string, studentId: string, startsAt: string): Promise<string> {
      const groupId = await this.hold(roundId, householdUserId, studentId, startsAt);
      return ok<{ bookings: Array<{ id: string }> }>(await school.post(`/api/holds/${groupId}/confirm`, { attendees: [{ kind: 'guardian', userId: householdUserId }] })).bookings[0]!.id;
    },
    async wait(roundId: string, householdUserId: string, studentId: string): Promise<string> {
      return ok<{ entries: Array<{ id: string }> }>(await school.post(`/api/rounds/${roundId}/waitlist`, { householdUserId, studentIds: [studentId] }), 201).entries[0]!.id;
    },
  };
}

const pathOf = (url: string) => new URL(url).pathname;

export const bookingArea: Area = {
  cases: Object.fromEntries(Object.entries(rows).map(([key, row]) => [key, asCase(key, row)])),
  async setup(t: TestApp, w: World) {
    const db = t.deps.db;
    const school = await t.clientAs(w.admin.id);
    const o = office(school);
    // Each round on a day of its own, from eight days ahead (well before the families' 24-hour cut-off).
    let next = 8;
    const round = async () => {
      const day = new Date(t.deps.now().getTime() + next++ * 86_400_000).toISOString().slice(0, 10);
      return (await buildBookingRound(db, w, { days: [day] })).id;
    };
    const ana = (roundId: string) => [roundId, w.guardianA.id, w.ana.id] as const;
    const ben = (roundId: string) => [roundId, w.guardianB.id, w.ben.id] as const;
    const anaSlot: Record<string, string> = {};
    const benSlot: Record<string, string> = {};
    const moveTo: Record<string, string> = {};
    /** A round, with the first time of teacherA (Ana's) and teacherB (Ben's) in it, and the next for moves. */
    const slots = new Map<string, { a: string[]; b: string[] }>();
    const newRound = async () => {
      const id = await round();
      const a = await o.times(id, w.teacherA.id);
      const b = await o.times(id, w.teacherB.id);
      slots.set(id, { a, b });
      anaSlot[id] = a[0]!;
      benSlot[id] = b[0]!;
      return id;
    };
    const bookAna = async (roundId: string) => {
      const id = await o.book(...ana(roundId), anaSlot[roundId]!);
      moveTo[id] = slots.get(roundId)!.a[1]!;
      return id;
    };
    const bookBen = async (roundId: string) => {
      const id = await o.book(...ben(roundId), benSlot[roundId]!);
      moveTo[id] = slots.get(roundId)!.b[1]!;
      return id;
    };

    // The main round: Ana booked; a teacher and an interpreter who can be taken out; an interpreter with a feed.
    const main = await newRound();
    const anaBooking = await bookAna(main);
    const removableTeacher = await buildStaff(db, w.school.id, 'teacher', { givenName: 'Removable' });
    ok(await school.put(`/api/rounds/${main}/teachers/${removableTeacher.id}`, { room: 'Hall' }));
    const interpreter = await buildInterpreter(db, w.school.id, main, ['ko']);
    const removableInterpreter = await buildInterpreter(db, w.school.id, main, ['pl'], 'Ola Nowak');
    const mainSessions = ok<{ sessions: Array<{ id: string; date: string; startTime: string; endTime: string; breaks: unknown[] }> }>(await school.get(`/api/rounds/${main}/setup`)).sessions.map(
      ({ id, date, startTime, endTime, breaks }) => ({ id, date, startTime, endTime, breaks }),
    );
    const feedPath = pathOf(ok<{ url: string }>(await school.get(`/api/interpreters/${interpreter.id}/feed`)).url);

    const holdRound = await newRound();
    const waitRound = await newRound();
    const extendRound = await newRound();
    const extendHold = await o.hold(...ana(extendRound), anaSlot[extendRound]!);

    // Spares, which only the refused try: a hold and a place on the waiting list; a meeting.
    const spareHolds = await newRound();
    const spareHold = await o.hold(...ana(spareHolds), anaSlot[spareHolds]!);
    const spareEntry = await o.wait(...ana(spareHolds));
    const spareMeetings = await newRound();
    const spareBooking = await bookAna(spareMeetings);

    const release = await newRound();
    const releaseHolds: Targets = { admin: await o.hold(...ben(release), benSlot[release]!), guardianOfChild: await o.hold(...ana(release), anaSlot[release]!), spare: spareHold };
    const confirm = await newRound();
    const confirmHolds: Targets = { admin: await o.hold(...ben(confirm), benSlot[confirm]!), guardianOfChild: await o.hold(...ana(confirm), anaSlot[confirm]!), spare: spareHold };

    const [move, moveFamily, cancel, cancelFamily] = [await newRound(), await newRound(), await newRound(), await newRound()];
    const moveBookings: Targets = { admin: await bookBen(move), teacherOfClass: await bookAna(move), guardianOfChild: await bookAna(moveFamily), spare: spareBooking };
    const cancelBookings: Targets = { admin: await bookBen(cancel), teacherOfClass: await bookAna(cancel), guardianOfChild: await bookAna(cancelFamily), spare: spareBooking };

    const leave = await newRound();
    const leaveEntries: Targets = { admin: await o.wait(...ben(leave)), guardianOfChild: await o.wait(...ana(leave)), spare: spareEntry };

    // Offers from the waiting list: a time comes free, the job offers it and mails a link; the
    // link's secret is set here (the mail keeps none), as the emailed one would be used.
    const offer = async (roundId: string, family: readonly [string, string, string], teacherId: string, startsAt: string) => {
      const entryId = await o.wait(...family);
      await queueFreedSlot({ db, now: t.deps.now }, { id: randomUUID(), roundId, teacherId, startsAt: new Date(startsAt), sequence: 0 });
      await t.runJobs();
      const token = randomToken();
      await updateWaitlist(db, entryId, { offerTokenHash: tokenDigest(token) });
      expect(ok<{ status: string }>(await school.get(`/api/claims/${token}`)).status).toBe('offered');
      return token;
    };
    const claimRead = await newRound();
    const readClaim = await offer(claimRead, ana(claimRead), w.teacherA.id, anaSlot[claimRead]!);
    const claimBook = await newRound();
    const claims: Targets = {
      admin: await offer(claimBook, ben(claimBook), w.teacherB.id, benSlot[claimBook]!),
      guardianOfChild: await offer(claimBook, ana(claimBook), w.teacherA.id, anaSlot[claimBook]!),
      spare: readClaim,
    };

    fixtures.set(w, {
      main,
      mainSessions,
      anaBooking,
      removableTeacher: removableTeacher.id,
      interpreter: interpreter.id,
      interpreterName: interpreter.name,
      removableInterpreter: removableInterpreter.id,
      feedPath,
      holdRound,
      anaSlot,
      benSlot,
      waitRound,
      extendHold,
      releaseHolds,
      confirmHolds,
      moveBookings,
      moveTo,
      cancelBookings,
      leaveEntries,
      readClaim,
      claims,
    });

    // Every row is a route (a mistyped key would never be asked).
    const routes = new Set(t.app.routeTable.map((r) => `${r.method} ${r.url}`));
    expect(Object.keys(rows).filter((key) => !routes.has(key))).toEqual([]);

    // The calendar feed: anyone with the secret, nobody without it; a new secret ends the old one.
    const teacherFeed = pathOf(ok<{ url: string }>(await (await t.clientAs(w.teacherA.id)).get('/api/me/calendar-feed')).url);
    const ics = await t.client().get(teacherFeed);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    expect(ics.body).toContain('BEGIN:VEVENT');
    expect((await t.client().get(`/calendar/${'x'.repeat(43)}.ics`)).statusCode).toBe(404);
    expect((await t.client().get(feedPath)).headers['content-type']).toMatch(/^text\/calendar/);

    // An assistant: staff, teaching none of these children — answered as teacherB is, everywhere.
    const assistantUser = await buildStaff(db, w.school.id, 'assistant');
    const assistant = await t.clientAs(assistantUser.id);
    const failures: string[] = [];
    for (const [key, row] of Object.entries(rows)) {
      const body = row.body?.(w, 'assistant');
      const res = await assistant.request({ method: key.split(' ')[0] as 'GET', url: row.url(w, 'assistant'), ...(body === undefined ? {} : { payload: body as object }) });
      if (res.statusCode !== row.expect.otherTeacher) failures.push(`${key} as assistant: expected ${row.expect.otherTeacher}, got ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    expect(failures).toEqual([]);
    const oldFeed = pathOf(ok<{ url: string }>(await assistant.get('/api/me/calendar-feed')).url);
    const newFeed = pathOf(ok<{ url: string }>(await assistant.post('/api/me/calendar-feed')).url);
    expect((await t.client().get(oldFeed)).statusCode).toBe(404);
    expect((await t.client().get(newFeed)).statusCode).toBe(200);
  },
};

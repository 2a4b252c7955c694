/** Rounds' booking set-up, family booking, waitlist, day sheets, coverage, interpreters and calendar feeds over HTTP. Thin: parse → use case. */
import { z } from 'zod';
import { errorBody, idParam } from '../../../contracts/api';
import {
  bookingDetails,
  bookingDetailsChange,
  bookingSettingsChange,
  bookingView,
  claimParams,
  claimView,
  confirmed,
  coverage,
  daySheet,
  familyOptions,
  familyQuery,
  feedTokenParams,
  feedView,
  groupParams,
  holdInput,
  holdView,
  interpreterInput,
  interpreterList,
  interpreterView,
  languageInput,
  myConferences,
  moveInput,
  nudged,
  nudgeInput,
  roundClassesInput,
  roundInterpreterInput,
  roundInterpreterParams,
  roundSetup,
  roundTeacherInput,
  roundTeacherParams,
  sessionsInput,
  waitlistInput,
  waitlistView,
} from '../../../contracts/booking';
import { localeTags } from '../../../contracts/locales';
import type { Deps } from '../../deps';
import { exportRoundResultsCsv } from '../../features/booking/export-results';
import { cancelBooking, changeBookingDetails, confirmHold, extendHold, holdMeetings, moveBooking, releaseHold } from '../../features/booking/book';
import { familyOptions as readFamilyOptions, setFamilyLanguage } from '../../features/booking/family-options';
import {
  changeBookingSettings,
  readRoundSetup,
  removeRoundInterpreter,
  removeRoundTeacher,
  saveRoundClasses,
  saveRoundInterpreter,
  saveRoundTeacher,
  saveSessions,
} from '../../features/booking/round-setup';
import { addInterpreter, changeInterpreter, coverageBoard, daySheet as readDaySheet, feedCalendar, interpreterFeed, listSchoolInterpreters, myFeed, nudgeFamilies } from '../../features/booking/staff';
import { myConferences as readMyConferences } from '../../features/booking/my-conferences';
import { claimOffer, joinWaitlist, leaveWaitlist, readClaim } from '../../features/booking/waitlist';
import type { TypedApp } from '../app';
import { requestLocale } from '../locale';
import { done, ok, signedIn } from './shared';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };
const tags = ['booking'];

export function registerBookingRoutes(app: TypedApp, deps: Deps): void {
  // ---- set-up (admin)
  app.get('/api/rounds/:id/setup', { config: signedIn, schema: { tags, summary: "A round's booking set-up: settings, sessions, classes, teachers, interpreters", params: idParam, response: { 200: roundSetup, ...errors } } }, async (req) =>
    readRoundSetup(deps, req.actor, req.params.id),
  );
  app.patch(
    '/api/rounds/:id/booking-settings',
    { config: signedIn, schema: { tags, summary: 'Slot length, buffer, walking time, hold, booking window, change cut-off, separated guardians, video', params: idParam, body: bookingSettingsChange, response: { 200: roundSetup, ...errors } } },
    async (req) => changeBookingSettings(deps, req.actor, req.params.id, req.body),
  );
  app.put(
    '/api/rounds/:id/sessions',
    { config: signedIn, schema: { tags, summary: "The round's days and sessions (wall-clock times in the school's zone), replaced as a whole", params: idParam, body: sessionsInput, response: { 200: roundSetup, ...errors } } },
    async (req) => saveSessions(deps, req.actor, req.params.id, req.body.sessions),
  );
  app.put('/api/rounds/:id/classes', { config: signedIn, schema: { tags, summary: 'The classes whose families book in the round', params: idParam, body: roundClassesInput, response: { 200: roundSetup, ...errors } } }, async (req) =>
    saveRoundClasses(deps, req.actor, req.params.id, req.body.classIds),
  );
  app.put(
    '/api/rounds/:id/teachers/:userId',
    { config: signedIn, schema: { tags, summary: 'A teacher taking part: room or video link, availability, languages', params: roundTeacherParams, body: roundTeacherInput, response: { 200: roundSetup, ...errors } } },
    async (req) => saveRoundTeacher(deps, req.actor, req.params.id, req.params.userId, req.body),
  );
  app.delete('/api/rounds/:id/teachers/:userId', { config: signedIn, schema: { tags, summary: 'Take a teacher out of the round (none of their meetings booked)', params: roundTeacherParams, response: { 200: roundSetup, ...errors } } }, async (req) =>
    removeRoundTeacher(deps, req.actor, req.params.id, req.params.userId),
  );
  app.put(
    '/api/rounds/:id/interpreters/:interpreterId',
    { config: signedIn, schema: { tags, summary: 'An interpreter taking part, with their availability', params: roundInterpreterParams, body: roundInterpreterInput, response: { 200: roundSetup, ...errors } } },
    async (req) => saveRoundInterpreter(deps, req.actor, req.params.id, req.params.interpreterId, req.body.availability),
  );
  app.delete(
    '/api/rounds/:id/interpreters/:interpreterId',
    { config: signedIn, schema: { tags, summary: 'Take an interpreter out of the round (none of their meetings booked)', params: roundInterpreterParams, response: { 200: roundSetup, ...errors } } },
    async (req) => removeRoundInterpreter(deps, req.actor, req.params.id, req.params.interpreterId),
  );

  // ---- interpreters (admin)
  app.get('/api/schools/:id/interpreters', { config: signedIn, schema: { tags, summary: "The school's interpreters", params: idParam, response: { 200: interpreterList, ...errors } } }, async (req) =>
    listSchoolInterpreters(deps, req.actor, req.params.id),
  );
  app.post('/api/schools/:id/interpreters', { config: signedIn, schema: { tags, summary: 'Add an interpreter with their languages', params: idParam, body: interpreterInput, response: { 201: interpreterView, ...errors } } }, async (req, reply) =>
    reply.code(201).send(await addInterpreter(deps, req.actor, req.params.id, req.body)),
  );
  app.patch(
    '/api/interpreters/:id',
    { config: signedIn, schema: { tags, summary: 'Change or archive an interpreter', params: idParam, body: interpreterInput.partial().extend({ archived: z.boolean().optional() }), response: { 200: interpreterView, ...errors } } },
    async (req) => changeInterpreter(deps, req.actor, req.params.id, req.body),
  );
  app.get('/api/interpreters/:id/feed', { config: signedIn, schema: { tags, summary: "The interpreter's secret calendar-feed URL", params: idParam, response: { 200: feedView, ...errors } } }, async (req) =>
    interpreterFeed(deps, req.actor, req.params.id),
  );

  // ---- family booking
  app.get(
    '/api/rounds/:id/family',
    { config: signedIn, schema: { tags, summary: "A family's booking page: each child's free times, suggested sequences, what is booked, the hold", params: idParam, querystring: familyQuery, response: { 200: familyOptions, ...errors } } },
    async (req) => readFamilyOptions(deps, req.actor, req.params.id, req.query.household),
  );
  app.put('/api/rounds/:id/family/language', { config: signedIn, schema: { tags, summary: "The language of the family's meetings", params: idParam, body: languageInput, response: { 200: familyOptions, ...errors } } }, async (req) =>
    setFamilyLanguage(deps, req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/rounds/:id/holds',
    { config: signedIn, schema: { tags, summary: 'Hold times for some of the family’s children while they confirm (one hold per family; it runs out)', params: idParam, body: holdInput, response: { 201: holdView, ...errors } } },
    async (req, reply) => reply.code(201).send(await holdMeetings(deps, req.actor, req.params.id, req.body)),
  );
  app.post('/api/holds/:groupId/extend', { config: signedIn, schema: { tags, summary: 'More time to confirm the held times', params: groupParams, response: { 200: holdView, ...errors } } }, async (req) =>
    extendHold(deps, req.actor, req.params.groupId),
  );
  app.delete('/api/holds/:groupId', { config: signedIn, schema: { tags, summary: 'Let go of the held times', params: groupParams, response: { 200: ok, ...errors } } }, async (req) => {
    await releaseHold(deps, req.actor, req.params.groupId);
    return done;
  });
  app.post(
    '/api/holds/:groupId/confirm',
    { config: signedIn, schema: { tags, summary: 'Book the held times: who comes, in person or video, a note, private time afterwards', params: groupParams, body: bookingDetails, response: { 200: confirmed, ...errors } } },
    async (req) => confirmHold(deps, req.actor, req.params.groupId, req.body),
  );
  app.patch('/api/bookings/:id', { config: signedIn, schema: { tags, summary: 'Change who comes, the mode, the note or private time', params: idParam, body: bookingDetailsChange, response: { 200: bookingView, ...errors } } }, async (req) =>
    changeBookingDetails(deps, req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/bookings/:id/move',
    { config: signedIn, schema: { tags, summary: 'Move a meeting to another of the teacher’s free times (the family until the cut-off; the teacher or school any time)', params: idParam, body: moveInput, response: { 200: bookingView, ...errors } } },
    async (req) => moveBooking(deps, req.actor, req.params.id, req.body.startsAt),
  );
  app.post('/api/bookings/:id/cancel', { config: signedIn, schema: { tags, summary: 'Cancel a meeting; the time is offered to the waiting list', params: idParam, response: { 200: bookingView, ...errors } } }, async (req) =>
    cancelBooking(deps, req.actor, req.params.id),
  );

  // ---- waitlist
  app.post('/api/rounds/:id/waitlist', { config: signedIn, schema: { tags, summary: 'Join the waiting list for children with no time that fits', params: idParam, body: waitlistInput, response: { 201: waitlistView, ...errors } } }, async (req, reply) =>
    reply.code(201).send(await joinWaitlist(deps, req.actor, req.params.id, req.body)),
  );
  app.delete('/api/waitlist/:id', { config: signedIn, schema: { tags, summary: 'Leave the waiting list', params: idParam, response: { 200: ok, ...errors } } }, async (req) => {
    await leaveWaitlist(deps, req.actor, req.params.id);
    return done;
  });
  app.get('/api/claims/:token', { config: signedIn, schema: { tags, summary: 'A time offered from the waiting list', params: claimParams, response: { 200: claimView, ...errors } } }, async (req) =>
    readClaim(deps, req.actor, req.params.token),
  );
  app.post('/api/claims/:token', { config: signedIn, schema: { tags, summary: 'Book the time offered from the waiting list', params: claimParams, response: { 200: claimView, ...errors } } }, async (req) =>
    claimOffer(deps, req.actor, req.params.token),
  );

  // ---- teachers and admins
  app.get('/api/rounds/:id/teachers/:userId/sheet', { config: signedIn, schema: { tags, summary: "A teacher's day sheet: every slot, and who comes to each booked one", params: roundTeacherParams, response: { 200: daySheet, ...errors } } }, async (req) =>
    readDaySheet(deps, req.actor, req.params.id, req.params.userId),
  );
  app.get('/api/rounds/:id/coverage', { config: signedIn, schema: { tags, summary: 'Who has booked and who has not, by class and by language', params: idParam, response: { 200: coverage, ...errors } } }, async (req) =>
    coverageBoard(deps, req.actor, req.params.id),
  );
  app.get(
    '/api/rounds/:id/results.csv',
    {
      config: signedIn,
      schema: { tags, summary: "The round's conference results as CSV: each child's meeting and the goals set for the round, with commitments", params: idParam, querystring: z.object({ lang: z.enum(localeTags).optional() }), produces: ['text/csv'], response: { 200: z.string(), ...errors } },
    },
    async (req, reply) => {
      const { csv, name } = await exportRoundResultsCsv(deps, req.actor, req.params.id, req.query.lang ?? requestLocale(req));
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(csv);
    },
  );
  app.post('/api/rounds/:id/nudges', { config: signedIn, schema: { tags, summary: 'Email a reminder to book to the families who have not (of a class, a language, or all)', params: idParam, body: nudgeInput, response: { 200: nudged, ...errors } } }, async (req) =>
    nudgeFamilies(deps, req.actor, req.params.id, req.body),
  );
  app.get('/api/me/calendar-feed', { config: signedIn, schema: { tags, summary: 'My secret calendar-feed URL (staff)', response: { 200: feedView, ...errors } } }, async (req) => myFeed(deps, req.actor, false));
  app.post('/api/me/calendar-feed', { config: signedIn, schema: { tags, summary: 'A new secret calendar-feed URL; the old one stops working', response: { 200: feedView, ...errors } } }, async (req) => myFeed(deps, req.actor, true));

  app.get('/api/me/conferences', { config: signedIn, schema: { tags, summary: 'Upcoming rounds to book (a family) or to hold (a teacher), for the home page', response: { 200: myConferences, ...errors } } }, async (req) =>
    readMyConferences(deps, req.actor),
  );

  // The feed itself: the secret in the URL is the only key (calendar apps cannot sign in).
  app.get('/calendar/:token', { config: { access: 'public' }, schema: { tags, summary: 'A teacher’s or interpreter’s meetings as an iCalendar feed', params: feedTokenParams } }, async (req, reply) => {
    const body = await feedCalendar(deps, req.params.token.replace(/\.ics$/, ''));
    if (body === null) return reply.code(404).type('text/plain').send('Not found');
    return reply.header('cache-control', 'private, max-age=300').type('text/calendar; charset=utf-8').send(body);
  });
}

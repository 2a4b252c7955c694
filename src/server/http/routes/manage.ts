import { z } from 'zod';
import { errorBody, idParam } from '../../../contracts/api';
import {
  classChange,
  classTeachersBody,
  created,
  guardianLink,
  guardianLinkChange,
  newClass,
  newStaff,
  newStudent,
  newTerm,
  schoolClasses,
  schoolStaff,
  schoolTerms,
  staffChange,
  studentChange,
  studentClasses,
  studentPictures,
} from '../../../contracts/roster';
import type { Deps } from '../../deps';
import * as people from '../../features/roster/manage-people';
import type { TypedApp } from '../app';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const ok = z.object({ ok: z.literal(true) });
const done = { ok: true as const };
const signedIn = { access: 'signed-in' as const };
const studentGuardianParams = z.object({ id: z.uuid(), guardianId: z.uuid() });
const schoolUserParams = z.object({ id: z.uuid(), userId: z.uuid() });

/** Managing the roster by hand: classes, children, families, staff, terms. Thin: parse → use case. */
export function registerManageRoutes(app: TypedApp, deps: Deps): void {
  app.get('/api/schools/:id/classes', { config: signedIn, schema: { tags: ['roster'], summary: 'Every class of the school, archived ones too, with teachers', params: idParam, response: { 200: schoolClasses, ...errors } } }, async (req) => ({
    classes: await people.listClasses(deps, req.actor, req.params.id),
  }));

  app.post('/api/schools/:id/classes', { config: signedIn, schema: { tags: ['roster'], summary: 'Create a class (it gets a class code)', params: idParam, body: newClass, response: { 201: created, ...errors } } }, async (req, reply) =>
    reply.code(201).send({ id: await people.createClass(deps, req.actor, req.params.id, req.body) }),
  );

  app.patch('/api/classes/:id', { config: signedIn, schema: { tags: ['roster'], summary: 'Rename, change year group, archive or restore a class', params: idParam, body: classChange, response: { 200: ok, ...errors } } }, async (req) => {
    await people.changeClass(deps, req.actor, req.params.id, req.body);
    return done;
  });

  app.put('/api/classes/:id/teachers', { config: signedIn, schema: { tags: ['roster'], summary: "Set a class's teachers, co-teachers and assistants", params: idParam, body: classTeachersBody, response: { 200: ok, ...errors } } }, async (req) => {
    await people.setClassTeachers(deps, req.actor, req.params.id, req.body.teachers);
    return done;
  });

  app.post('/api/schools/:id/students', { config: signedIn, schema: { tags: ['roster'], summary: 'Add a child (optionally with classes and picture password)', params: idParam, body: newStudent, response: { 201: created, ...errors } } }, async (req, reply) =>
    reply.code(201).send({ id: await people.createStudent(deps, req.actor, req.params.id, req.body) }),
  );

  app.patch('/api/students/:id', { config: signedIn, schema: { tags: ['roster'], summary: "Change a child's details, archive or restore them", params: idParam, body: studentChange, response: { 200: ok, ...errors } } }, async (req) => {
    await people.changeStudent(deps, req.actor, req.params.id, req.body);
    return done;
  });

  app.put('/api/students/:id/classes', { config: signedIn, schema: { tags: ['roster'], summary: 'Move a child: their classes become exactly these', params: idParam, body: studentClasses, response: { 200: ok, ...errors } } }, async (req) => {
    await people.moveStudent(deps, req.actor, req.params.id, req.body.classIds);
    return done;
  });

  app.put('/api/students/:id/pictures', { config: signedIn, schema: { tags: ['roster'], summary: "Set a child's two sign-in pictures again", params: idParam, body: studentPictures, response: { 200: ok, ...errors } } }, async (req) => {
    await people.resetPicturePassword(deps, req.actor, req.params.id, req.body.pictures);
    return done;
  });

  app.post('/api/students/:id/guardians', { config: signedIn, schema: { tags: ['roster'], summary: 'Link a guardian to a child (found by email, or created)', params: idParam, body: guardianLink, response: { 201: created, ...errors } } }, async (req, reply) =>
    reply.code(201).send({ id: await people.linkGuardian(deps, req.actor, req.params.id, req.body) }),
  );

  app.patch(
    '/api/students/:id/guardians/:guardianId',
    { config: signedIn, schema: { tags: ['roster'], summary: "Change a guardian's link to a child (relationship, attends separately, phone, language)", params: studentGuardianParams, body: guardianLinkChange, response: { 200: ok, ...errors } } },
    async (req) => {
      await people.changeGuardianLink(deps, req.actor, req.params.id, req.params.guardianId, req.body);
      return done;
    },
  );

  app.delete('/api/students/:id/guardians/:guardianId', { config: signedIn, schema: { tags: ['roster'], summary: 'Unlink a guardian from a child', params: studentGuardianParams, response: { 200: ok, ...errors } } }, async (req) => {
    await people.unlinkGuardian(deps, req.actor, req.params.id, req.params.guardianId);
    return done;
  });

  app.get('/api/schools/:id/staff', { config: signedIn, schema: { tags: ['roster'], summary: "The school's staff, archived ones too", params: idParam, response: { 200: schoolStaff, ...errors } } }, async (req) => ({
    staff: await people.listStaff(deps, req.actor, req.params.id),
  }));

  app.post('/api/schools/:id/staff', { config: signedIn, schema: { tags: ['roster'], summary: 'Add a member of staff with a role', params: idParam, body: newStaff, response: { 201: created, ...errors } } }, async (req, reply) =>
    reply.code(201).send({ id: await people.addStaff(deps, req.actor, req.params.id, req.body) }),
  );

  app.patch('/api/schools/:id/staff/:userId', { config: signedIn, schema: { tags: ['roster'], summary: "Change a staff member's role, archive or restore them", params: schoolUserParams, body: staffChange, response: { 200: ok, ...errors } } }, async (req) => {
    await people.changeStaff(deps, req.actor, req.params.id, req.params.userId, req.body);
    return done;
  });

  app.get('/api/schools/:id/terms', { config: signedIn, schema: { tags: ['roster'], summary: 'Terms and their report periods', params: idParam, response: { 200: schoolTerms, ...errors } } }, async (req) => ({
    terms: await people.listTerms(deps, req.actor, req.params.id),
  }));

  app.post('/api/schools/:id/terms', { config: signedIn, schema: { tags: ['roster'], summary: 'Add a term', params: idParam, body: newTerm, response: { 201: created, ...errors } } }, async (req, reply) =>
    reply.code(201).send({ id: await people.createTerm(deps, req.actor, req.params.id, req.body) }),
  );

  app.post('/api/terms/:id/report-periods', { config: signedIn, schema: { tags: ['roster'], summary: 'Add a report period to a term', params: idParam, body: newTerm, response: { 201: created, ...errors } } }, async (req, reply) =>
    reply.code(201).send({ id: await people.createReportPeriod(deps, req.actor, req.params.id, req.body) }),
  );
}

/** Success-criteria lists (anchor charts) and ticking criteria on work. Thin: parse → use case. */
import { errorBody, idParam } from '../../../contracts/api';
import {
  classCriteria,
  classCriteriaQuery,
  criteriaOrder,
  criterionChange,
  listChange,
  listCopy,
  newCriterion,
  newList,
  postCriteriaChange,
  standardIdentifiers,
  studentCriteria,
} from '../../../contracts/criteria';
import type { Deps } from '../../deps';
import { addCriterion, changeCriterion, reorderCriteria, setCriterionStandards } from '../../features/criteria/manage-criteria';
import { changeList, copyList, createList } from '../../features/criteria/manage-lists';
import { getClassCriteria, getStudentCriteria } from '../../features/criteria/read-criteria';
import { setPostCriteria, setPostStandards } from '../../features/criteria/tag-post';
import type { TypedApp } from '../app';
import { created, done, ok, signedIn } from './shared';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const tags = ['criteria'];

export function registerCriteriaRoutes(app: TypedApp, deps: Deps): void {
  app.get(
    '/api/classes/:id/criteria',
    { config: signedIn, schema: { tags, summary: "A class's success-criteria lists: its own and those its year group shares", params: idParam, querystring: classCriteriaQuery, response: { 200: classCriteria, ...errors } } },
    async (req) => getClassCriteria(deps, req.actor, req.params.id, req.query),
  );

  app.post(
    '/api/classes/:id/criteria-lists',
    { config: signedIn, schema: { tags, summary: 'Write a new list for the class, or for its whole year group', params: idParam, body: newList, response: { 201: created, ...errors } } },
    async (req, reply) => reply.code(201).send({ id: await createList(deps, req.actor, req.params.id, req.body) }),
  );

  app.patch(
    '/api/criteria-lists/:id',
    { config: signedIn, schema: { tags, summary: 'Rename a list, give it a subject, share it with the year group (or take it back to one class), archive it', params: idParam, body: listChange, response: { 200: ok, ...errors } } },
    async (req) => {
      await changeList(deps, req.actor, req.params.id, req.body);
      return done;
    },
  );

  app.post(
    '/api/criteria-lists/:id/copy',
    { config: signedIn, schema: { tags, summary: "Copy a list to another class (next year's) or a year group, as a new list", params: idParam, body: listCopy, response: { 201: created, ...errors } } },
    async (req, reply) => reply.code(201).send({ id: await copyList(deps, req.actor, req.params.id, req.body) }),
  );

  app.post(
    '/api/criteria-lists/:id/criteria',
    { config: signedIn, schema: { tags, summary: 'Add a criterion at the end of a list', params: idParam, body: newCriterion, response: { 201: created, ...errors } } },
    async (req, reply) => reply.code(201).send({ id: await addCriterion(deps, req.actor, req.params.id, req.body) }),
  );

  app.put(
    '/api/criteria-lists/:id/order',
    { config: signedIn, schema: { tags, summary: "Put a list's criteria in a new order (each live criterion once)", params: idParam, body: criteriaOrder, response: { 200: ok, ...errors } } },
    async (req) => {
      await reorderCriteria(deps, req.actor, req.params.id, req.body.criterionIds);
      return done;
    },
  );

  app.patch(
    '/api/criteria/:id',
    { config: signedIn, schema: { tags, summary: "Change a criterion's words, picture or recording, or archive it", params: idParam, body: criterionChange, response: { 200: ok, ...errors } } },
    async (req) => {
      await changeCriterion(deps, req.actor, req.params.id, req.body);
      return done;
    },
  );

  app.put(
    '/api/criteria/:id/standards',
    { config: signedIn, schema: { tags, summary: 'The standards a criterion stands for (CASE identifiers of the school’s frameworks)', params: idParam, body: standardIdentifiers, response: { 200: ok, ...errors } } },
    async (req) => {
      await setCriterionStandards(deps, req.actor, req.params.id, req.body.identifiers);
      return done;
    },
  );

  app.get(
    '/api/students/:id/criteria',
    { config: signedIn, schema: { tags, summary: 'The criteria a child works to: every list of all their classes', params: idParam, response: { 200: studentCriteria, ...errors } } },
    async (req) => getStudentCriteria(deps, req.actor, req.params.id),
  );

  app.put(
    '/api/posts/:id/criteria',
    { config: signedIn, schema: { tags, summary: 'Which of the child’s criteria a piece shows (the child, or their teacher)', params: idParam, body: postCriteriaChange, response: { 200: ok, ...errors } } },
    async (req) => {
      await setPostCriteria(deps, req.actor, req.params.id, req.body.criterionIds);
      return done;
    },
  );

  app.put(
    '/api/posts/:id/standards',
    { config: signedIn, schema: { tags, summary: 'Which standards a piece shows (the child’s teachers)', params: idParam, body: standardIdentifiers, response: { 200: ok, ...errors } } },
    async (req) => {
      await setPostStandards(deps, req.actor, req.params.id, req.body.identifiers);
      return done;
    },
  );
}

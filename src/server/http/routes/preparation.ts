/** Conference rounds (minimal), selection prompts, the child's picks and reflections, the readiness board. Thin: parse → use case. */
import { errorBody, idParam } from '../../../contracts/api';
import {
  answer,
  answerParams,
  childPreparation,
  classPrompts,
  classRoundParams,
  helpRequest,
  marks,
  newPrompt,
  newRound,
  picks,
  picksParams,
  preparationNote,
  promptChange,
  promptView,
  readinessBoard,
  roundChange,
  roundView,
  schoolRounds,
  sendBack,
  studentRoundParams,
  studentRounds,
} from '../../../contracts/preparation';
import type { Deps } from '../../deps';
import { answerQuestion, askForHelp, getChildPreparation, getStudentRounds, markCriteria, setPicks } from '../../features/preparation/child-preparation';
import { changePrompt, createPrompt, getClassPrompts, removePrompt } from '../../features/preparation/prompts';
import { getReadinessBoard, notePreparation, sendBackReflection } from '../../features/preparation/readiness-board';
import { changeRound, createRound, listSchoolRounds } from '../../features/preparation/rounds';
import type { TypedApp } from '../app';
import { created, done, ok, signedIn } from './shared';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const tags = ['preparation'];

export function registerPreparationRoutes(app: TypedApp, deps: Deps): void {
  app.get(
    '/api/schools/:id/rounds',
    { config: signedIn, schema: { tags, summary: "The school's conference rounds", params: idParam, response: { 200: schoolRounds, ...errors } } },
    (req) => listSchoolRounds(deps, req.actor, req.params.id),
  );
  app.post(
    '/api/schools/:id/rounds',
    { config: signedIn, schema: { tags, summary: 'Create a conference round (admin)', params: idParam, body: newRound, response: { 201: created, ...errors } } },
    async (req, reply) => reply.code(201).send(await createRound(deps, req.actor, req.params.id, req.body)),
  );
  app.patch(
    '/api/rounds/:id',
    { config: signedIn, schema: { tags, summary: "Change a round's name, dates or report period (admin)", params: idParam, body: roundChange, response: { 200: roundView, ...errors } } },
    (req) => changeRound(deps, req.actor, req.params.id, req.body),
  );

  app.get(
    '/api/classes/:id/rounds/:roundId/prompts',
    { config: signedIn, schema: { tags, summary: "A class's selection prompts for a round, with the school's languages", params: classRoundParams, response: { 200: classPrompts, ...errors } } },
    (req) => getClassPrompts(deps, req.actor, req.params.id, req.params.roundId),
  );
  app.post(
    '/api/classes/:id/rounds/:roundId/prompts',
    { config: signedIn, schema: { tags, summary: 'Add a selection prompt ("your best writing")', params: classRoundParams, body: newPrompt, response: { 201: created, ...errors } } },
    async (req, reply) => reply.code(201).send(await createPrompt(deps, req.actor, req.params.id, req.params.roundId, req.body)),
  );
  app.patch(
    '/api/prompts/:id',
    { config: signedIn, schema: { tags, summary: "Change a prompt's words, pick count, questions or place", params: idParam, body: promptChange, response: { 200: promptView, ...errors } } },
    (req) => changePrompt(deps, req.actor, req.params.id, req.body),
  );
  app.delete(
    '/api/prompts/:id',
    { config: signedIn, schema: { tags, summary: 'Remove a prompt nobody has picked for yet', params: idParam, response: { 200: ok, ...errors } } },
    async (req) => {
      await removePrompt(deps, req.actor, req.params.id);
      return done;
    },
  );
  app.get(
    '/api/classes/:id/rounds/:roundId/readiness',
    { config: signedIn, schema: { tags, summary: "The class's readiness board: who has picked, reflected, set a goal; who needs help", params: classRoundParams, response: { 200: readinessBoard, ...errors } } },
    (req) => getReadinessBoard(deps, req.actor, req.params.id, req.params.roundId),
  );

  app.get(
    '/api/students/:id/rounds',
    { config: signedIn, schema: { tags, summary: "The rounds a child prepares for, with how far they are", params: idParam, response: { 200: studentRounds, ...errors } } },
    (req) => getStudentRounds(deps, req.actor, req.params.id),
  );
  app.get(
    '/api/students/:id/rounds/:roundId/preparation',
    { config: signedIn, schema: { tags, summary: "A child's preparation for a round: prompts, picks, answers, marks, goals", params: studentRoundParams, response: { 200: childPreparation, ...errors } } },
    (req) => getChildPreparation(deps, req.actor, req.params.id, req.params.roundId),
  );
  app.put(
    '/api/students/:id/rounds/:roundId/prompts/:promptId/picks',
    { config: signedIn, schema: { tags, summary: 'The pieces the child picks for a prompt (from their approved posts)', params: picksParams, body: picks, response: { 200: ok, ...errors } } },
    async (req) => {
      await setPicks(deps, req.actor, req.params.id, req.params.roundId, req.params.promptId, req.body.postIds);
      return done;
    },
  );
  app.put(
    '/api/students/:id/rounds/:roundId/help',
    { config: signedIn, schema: { tags, summary: '"I need help": the child raises (or lowers) their hand', params: studentRoundParams, body: helpRequest, response: { 200: ok, ...errors } } },
    async (req) => {
      await askForHelp(deps, req.actor, req.params.id, req.params.roundId, req.body.needsHelp);
      return done;
    },
  );
  app.put(
    '/api/students/:id/rounds/:roundId/note',
    { config: signedIn, schema: { tags, summary: "The teacher's scaffolding note and needs-help flag for a child", params: studentRoundParams, body: preparationNote, response: { 200: ok, ...errors } } },
    async (req) => {
      await notePreparation(deps, req.actor, req.params.id, req.params.roundId, req.body);
      return done;
    },
  );
  app.put(
    '/api/selections/:id/answers/:questionId',
    { config: signedIn, schema: { tags, summary: "The child's answer to a question about a picked piece (typed or recorded)", params: answerParams, body: answer, response: { 200: ok, ...errors } } },
    async (req) => {
      await answerQuestion(deps, req.actor, req.params.id, req.params.questionId, req.body);
      return done;
    },
  );
  app.put(
    '/api/selections/:id/marks',
    { config: signedIn, schema: { tags, summary: 'Strengths ("think pink") and next steps ("green for growth") against criteria', params: idParam, body: marks, response: { 200: ok, ...errors } } },
    async (req) => {
      await markCriteria(deps, req.actor, req.params.id, req.body.marks);
      return done;
    },
  );
  app.post(
    '/api/selections/:id/send-back',
    { config: signedIn, schema: { tags, summary: 'Send a reflection back to the child to improve, with a comment', params: idParam, body: sendBack, response: { 200: ok, ...errors } } },
    async (req) => {
      await sendBackReflection(deps, req.actor, req.params.id, req.body.comment);
      return done;
    },
  );
}

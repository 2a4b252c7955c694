/**
 * Authorization-matrix rows for conference preparation: rounds (the admin writes, the school
 * reads), a class's prompts and readiness board (its teachers and the admin), and a child's picks
 * and answers (the child alone; their teachers see and help, families wait for the conference).
 */
import { expect } from 'vitest';
import type { World } from '../../factories/index';
import { only, schoolMembers, withStatus, type Area } from './kit';

interface PreparationFixture {
  roundId: string;
  promptId: string;
  selectionId: string;
  questionId: string;
  approvedPostId: string;
}
const fixtures = new WeakMap<World, PreparationFixture>();
const f = (w: World) => fixtures.get(w) as PreparationFixture;
const staffOfClass = only(['admin', 'teacherOfClass']);
const childOrTeachers = only(['admin', 'teacherOfClass', 'studentSelf']);

export const preparationArea: Area = {
  async setup(t, w, portfolio) {
    const admin = await t.clientAs(w.admin.id);
    const teacher = await t.clientAs(w.teacherA.id);
    const ana = await t.clientAs(w.ana.userId);
    const ok = (res: { statusCode: number; body: string; json(): unknown }, status = 200) => {
      expect(res.statusCode, res.body).toBe(status);
      return res.json() as { id: string };
    };
    const roundId = ok(await admin.post(`/api/schools/${w.school.id}/rounds`, { name: 'Autumn conferences', startsOn: '2026-11-16', endsOn: '2026-11-20' }), 201).id;
    const promptId = ok(await teacher.post(`/api/classes/${w.classA.id}/rounds/${roundId}/prompts`, { title: { en: 'Your best writing' }, pickCount: 1, questions: [{ key: 'did_well' }] }), 201).id;
    ok(await ana.put(`/api/students/${w.ana.id}/rounds/${roundId}/prompts/${promptId}/picks`, { postIds: [portfolio.approvedId] }));
    const prep = (await ana.get(`/api/students/${w.ana.id}/rounds/${roundId}/preparation`)).json() as {
      prompts: Array<{ questions: Array<{ id: string }>; selections: Array<{ id: string }> }>;
    };
    fixtures.set(w, { roundId, promptId, selectionId: prep.prompts[0]!.selections[0]!.id, questionId: prep.prompts[0]!.questions[0]!.id, approvedPostId: portfolio.approvedId });
  },
  cases: {
    'GET /api/schools/:id/rounds': { url: (w) => `/api/schools/${w.school.id}/rounds`, expect: only(schoolMembers) },
    'POST /api/schools/:id/rounds': { url: (w) => `/api/schools/${w.school.id}/rounds`, body: () => ({ name: 'Matrix round', startsOn: '2027-03-01', endsOn: '2027-03-05' }), expect: withStatus(only(['admin']), 201) },
    'PATCH /api/rounds/:id': { url: (w) => `/api/rounds/${f(w).roundId}`, body: () => ({ name: 'Autumn conferences' }), expect: only(['admin']) },
    'GET /api/classes/:id/rounds/:roundId/prompts': { url: (w) => `/api/classes/${w.classA.id}/rounds/${f(w).roundId}/prompts`, expect: staffOfClass },
    'POST /api/classes/:id/rounds/:roundId/prompts': {
      url: (w) => `/api/classes/${w.classA.id}/rounds/${f(w).roundId}/prompts`,
      body: () => ({ title: { en: 'Matrix prompt' }, pickCount: 1, questions: [{ key: 'learned' }] }),
      expect: withStatus(staffOfClass, 201),
    },
    'PATCH /api/prompts/:id': { url: (w) => `/api/prompts/${f(w).promptId}`, body: () => ({ pickCount: 1 }), expect: staffOfClass },
    // Ana has picked for it, so even its teacher cannot remove it: 409 after the access check.
    'DELETE /api/prompts/:id': { url: (w) => `/api/prompts/${f(w).promptId}`, expect: withStatus(staffOfClass, 409) },
    'GET /api/classes/:id/rounds/:roundId/readiness': { url: (w) => `/api/classes/${w.classA.id}/rounds/${f(w).roundId}/readiness`, expect: staffOfClass },
    'GET /api/students/:id/rounds': { url: (w) => `/api/students/${w.ana.id}/rounds`, expect: childOrTeachers },
    'GET /api/students/:id/rounds/:roundId/preparation': { url: (w) => `/api/students/${w.ana.id}/rounds/${f(w).roundId}/preparation`, expect: childOrTeachers },
    'PUT /api/students/:id/rounds/:roundId/prompts/:promptId/picks': {
      url: (w) => `/api/students/${w.ana.id}/rounds/${f(w).roundId}/prompts/${f(w).promptId}/picks`,
      body: (w) => ({ postIds: [f(w).approvedPostId] }),
      expect: only(['studentSelf']),
    },
    'PUT /api/students/:id/rounds/:roundId/help': { url: (w) => `/api/students/${w.ana.id}/rounds/${f(w).roundId}/help`, body: () => ({ needsHelp: false }), expect: only(['studentSelf']) },
    'PUT /api/students/:id/rounds/:roundId/note': { url: (w) => `/api/students/${w.ana.id}/rounds/${f(w).roundId}/note`, body: () => ({ scaffoldingNote: 'Matrix note' }), expect: staffOfClass },
    'PUT /api/selections/:id/answers/:questionId': { url: (w) => `/api/selections/${f(w).selectionId}/answers/${f(w).questionId}`, body: () => ({ text: 'Matrix answer' }), expect: only(['studentSelf']) },
    'PUT /api/selections/:id/marks': { url: (w) => `/api/selections/${f(w).selectionId}/marks`, body: () => ({ marks: [] }), expect: only(['studentSelf']) },
    'POST /api/selections/:id/send-back': { url: (w) => `/api/selections/${f(w).selectionId}/send-back`, body: () => ({ comment: 'Matrix' }), expect: staffOfClass },
  },
};

/**
 * Authorization-matrix rows for goals. A child's goals as a whole answer like the child's portfolio
 * (403 to the rest of the school, 404 to another school); one goal answers 404 to whoever may not
 * read the child's goals, and 403 to a reader who may not do this. A commitment is only ever one's
 * own: `me` here; someone else's id is refused even to the teacher (tests/medium/goals.test.ts).
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { World } from '../../factories/index';
import { buildPeriodsAround } from '../../factories/goals';
import { anasReaders, only, seenBy, withStatus, type Area } from './kit';

interface GoalsFixture {
  goalId: string;
}
const fixtures = new WeakMap<World, GoalsFixture>();
const f = (w: World) => fixtures.get(w) as GoalsFixture;
const managers = ['teacherOfClass', 'studentSelf'] as const;

export const goalsArea: Area = {
  cases: {
    'GET /api/students/:id/goals': { url: (w) => `/api/students/${w.ana.id}/goals`, expect: only(anasReaders) },
    'POST /api/students/:id/goals': { url: (w) => `/api/students/${w.ana.id}/goals`, body: () => ({ what: 'Matrix goal', measure: 'Matrix' }), expect: withStatus(only([...managers]), 201) },
    'GET /api/students/:id/goals/page': { url: (w) => `/api/students/${w.ana.id}/goals/page?lang=es`, expect: only(anasReaders) },
    'GET /api/goals/:id': { url: (w) => `/api/goals/${f(w).goalId}`, expect: seenBy(anasReaders) },
    'PATCH /api/goals/:id': { url: (w) => `/api/goals/${f(w).goalId}`, body: () => ({ measure: 'Matrix measure' }), expect: seenBy([...managers], ['admin', 'guardianOfChild']) },
    // Asking for the status it has changes nothing: 200 to those who may change it.
    'PUT /api/goals/:id/status': { url: (w) => `/api/goals/${f(w).goalId}/status`, body: () => ({ status: 'working' }), expect: seenBy([...managers], ['admin', 'guardianOfChild']) },
    'POST /api/goals/:id/checkins': { url: (w) => `/api/goals/${f(w).goalId}/checkins`, body: () => ({ note: 'Matrix check-in' }), expect: withStatus(seenBy([...managers], ['admin', 'guardianOfChild']), 201) },
    // Each person their own: the child, their teacher and their family; the admin reads but has no commitment to make.
    'PUT /api/goals/:id/commitments/:userId': { url: (w) => `/api/goals/${f(w).goalId}/commitments/me`, body: () => ({ text: 'I will help.' }), expect: seenBy(['teacherOfClass', 'guardianOfChild', 'studentSelf'], ['admin']) },
    'DELETE /api/goals/:id/commitments/:userId': { url: (w) => `/api/goals/${f(w).goalId}/commitments/me`, expect: seenBy(['teacherOfClass', 'guardianOfChild', 'studentSelf'], ['admin']) },
  },
  async setup(t, w) {
    await buildPeriodsAround(t.deps.db, w.school.id, t.deps.now());
    const res: LightMyRequestResponse = await (await t.clientAs(w.teacherA.id)).post(`/api/students/${w.ana.id}/goals`, { what: 'Write three sentences', measure: 'Three full stops' });
    expect(res.statusCode, res.body).toBe(201);
    fixtures.set(w, { goalId: (res.json() as { id: string }).id });
  },
};

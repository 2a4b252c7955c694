/**
 * Authorization-matrix rows for criteria: success-criteria lists (anchor charts) and ticking
 * criteria on work. Class A (teacherOfClass) and class B (otherTeacher) are both Year 1, so a list
 * shared by Year 1 is otherTeacher's to change too; class A's own list is not.
 */
import type { World } from '../../factories/index';
import { buildCriteriaList, buildStandards } from '../../factories/criteria';
import { only, seenBy, withStatus, type Area, type PortfolioFixture } from './kit';

interface CriteriaFixture {
  listId: string;
  criterionId: string;
  yearGroupListId: string;
  orderListId: string;
  order: string[];
  standardId: string;
  portfolio: PortfolioFixture;
}
const fixtures = new WeakMap<World, CriteriaFixture>();
const f = (w: World) => fixtures.get(w) as CriteriaFixture;

const anasReaders = ['admin', 'teacherOfClass', 'guardianOfChild', 'studentSelf'] as const;

export const criteriaArea: Area = {
  async setup(t, w, portfolio) {
    const db = t.deps.db;
    const list = await buildCriteriaList(db, w.school.id, { classId: w.classA.id }, { title: 'What good writers do' });
    const shared = await buildCriteriaList(db, w.school.id, { yearGroup: 'Year 1' }, { title: 'What good representers do' });
    const order = await buildCriteriaList(db, w.school.id, { classId: w.classA.id }, { title: 'Order', criteria: ['One', 'Two', 'Three'] });
    const standards = await buildStandards(db, w.school.id);
    fixtures.set(w, {
      listId: list.id,
      criterionId: list.criterionIds[0]!,
      yearGroupListId: shared.id,
      orderListId: order.id,
      order: [...order.criterionIds].reverse(),
      standardId: standards.identifiers[0]!,
      portfolio,
    });
  },
  cases: {
    'GET /api/classes/:id/criteria': { url: (w) => `/api/classes/${w.classA.id}/criteria`, expect: only(['admin', 'teacherOfClass']) },
    'POST /api/classes/:id/criteria-lists': { url: (w) => `/api/classes/${w.classA.id}/criteria-lists`, body: () => ({ title: 'Matrix list' }), expect: withStatus(only(['admin', 'teacherOfClass']), 201) },
    // Shared by Year 1: the teacher of either Year 1 class may change it.
    'PATCH /api/criteria-lists/:id': { url: (w) => `/api/criteria-lists/${f(w).yearGroupListId}`, body: () => ({ title: 'What good representers do' }), expect: only(['admin', 'teacherOfClass', 'otherTeacher']) },
    'POST /api/criteria-lists/:id/copy': { url: (w) => `/api/criteria-lists/${f(w).listId}/copy`, body: (w) => ({ scope: 'class', classId: w.classA.id }), expect: withStatus(only(['admin', 'teacherOfClass']), 201) },
    'POST /api/criteria-lists/:id/criteria': { url: (w) => `/api/criteria-lists/${f(w).listId}/criteria`, body: () => ({ wording: 'I read my work again.' }), expect: withStatus(only(['admin', 'teacherOfClass']), 201) },
    'PUT /api/criteria-lists/:id/order': { url: (w) => `/api/criteria-lists/${f(w).orderListId}/order`, body: (w) => ({ criterionIds: f(w).order }), expect: only(['admin', 'teacherOfClass']) },
    'PATCH /api/criteria/:id': { url: (w) => `/api/criteria/${f(w).criterionId}`, body: () => ({ picture: 'spaces' }), expect: only(['admin', 'teacherOfClass']) },
    'PUT /api/criteria/:id/standards': { url: (w) => `/api/criteria/${f(w).criterionId}/standards`, body: (w) => ({ identifiers: [f(w).standardId] }), expect: only(['admin', 'teacherOfClass']) },
    'GET /api/students/:id/criteria': { url: (w) => `/api/students/${w.ana.id}/criteria`, expect: only([...anasReaders]) },
    // Ana's approved post: whoever sees it; Ana and her teacher tick criteria, the admin and her family only look.
    'PUT /api/posts/:id/criteria': { url: (w) => `/api/posts/${f(w).portfolio.approvedId}/criteria`, body: (w) => ({ criterionIds: [f(w).criterionId] }), expect: seenBy(['teacherOfClass', 'studentSelf'], ['admin', 'guardianOfChild']) },
    'PUT /api/posts/:id/standards': { url: (w) => `/api/posts/${f(w).portfolio.approvedId}/standards`, body: (w) => ({ identifiers: [f(w).standardId] }), expect: seenBy(['teacherOfClass'], ['admin', 'guardianOfChild', 'studentSelf']) },
  },
};

/**
 * Authorization-matrix rows for standards: the school's staff read, browse, search and export its
 * frameworks; only its admin imports and writes the school's own; families, pupils and anyone from
 * another school get nothing (another school: 404, not even a confirmation the framework exists).
 */
import { expect } from 'vitest';
import type { World } from '../../factories/index';
import { sketchPackage } from '../../factories/standards';
import { multipart } from '../../setup/multipart';
import { only, withStatus, type ActorName, type Area } from './kit';

const staff: ActorName[] = ['admin', 'teacherOfClass', 'otherTeacher'];

interface StandardsFixture {
  /** An imported framework and one of its items. */
  imported: string;
  importedItem: string;
  /** The school's own framework and one of its items (edited, moved, removed by the rows). */
  own: string;
  ownItem: string;
  removableItem: string;
}
const fixtures = new WeakMap<World, StandardsFixture>();
const f = (w: World) => fixtures.get(w) as StandardsFixture;

/** A small valid package, uploaded as the page does; each admin call imports it again (nothing changes). */
const upload = sketchPackage({ title: 'Matrix writing', items: [{ code: 'M.1', children: [{ code: 'M.1.a' }] }] });

export const standardsArea: Area = {
  cases: {
    'GET /api/schools/:id/standards/frameworks': { url: (w) => `/api/schools/${w.school.id}/standards/frameworks`, expect: only(staff) },
    'POST /api/schools/:id/standards/frameworks': { url: (w) => `/api/schools/${w.school.id}/standards/frameworks`, body: () => ({ title: 'Matrix framework' }), expect: withStatus(only(['admin']), 201) },
    'POST /api/schools/:id/standards/imports': {
      url: (w) => `/api/schools/${w.school.id}/standards/imports`,
      raw: () => multipart([{ name: 'file', filename: 'matrix.json', content: upload.text, type: 'application/json' }]),
      expect: only(['admin']),
    },
    'GET /api/schools/:id/standards/frameworks/:identifier': { url: (w) => `/api/schools/${w.school.id}/standards/frameworks/${f(w).imported}`, expect: only(staff) },
    'PATCH /api/schools/:id/standards/frameworks/:identifier': { url: (w) => `/api/schools/${w.school.id}/standards/frameworks/${f(w).own}`, body: () => ({ title: 'Matrix own framework' }), expect: only(['admin']) },
    'GET /api/schools/:id/standards/frameworks/:identifier/case.json': { url: (w) => `/api/schools/${w.school.id}/standards/frameworks/${f(w).own}/case.json`, expect: only(staff) },
    'POST /api/schools/:id/standards/frameworks/:identifier/items': {
      url: (w) => `/api/schools/${w.school.id}/standards/frameworks/${f(w).own}/items`,
      body: () => ({ fullStatement: 'Matrix statement', humanCodingScheme: 'MX.9' }),
      expect: withStatus(only(['admin']), 201),
    },
    'PATCH /api/schools/:id/standards/items/:identifier': { url: (w) => `/api/schools/${w.school.id}/standards/items/${f(w).ownItem}`, body: () => ({ fullStatement: 'Matrix statement, edited', index: 0 }), expect: only(['admin']) },
    'DELETE /api/schools/:id/standards/items/:identifier': { url: (w) => `/api/schools/${w.school.id}/standards/items/${f(w).removableItem}`, expect: only(['admin']) },
    'GET /api/schools/:id/standards/search': { url: (w) => `/api/schools/${w.school.id}/standards/search?q=M.1`, expect: only(staff) },
    'GET /api/schools/:id/standards/items': { url: (w) => `/api/schools/${w.school.id}/standards/items?ids=${f(w).importedItem},${f(w).ownItem}`, expect: only(staff) },
  },
  async setup(t, w) {
    const admin = await t.clientAs(w.admin.id);
    const imported = await admin.request({ method: 'POST', url: `/api/schools/${w.school.id}/standards/imports`, ...multipart([{ name: 'file', filename: 'matrix.json', content: upload.text, type: 'application/json' }]) });
    expect(imported.statusCode, imported.body).toBe(200);
    const own = await admin.post(`/api/schools/${w.school.id}/standards/frameworks`, { title: 'Matrix own' });
    expect(own.statusCode, own.body).toBe(201);
    const ownId = (own.json() as { identifier: string }).identifier;
    const add = async (fullStatement: string) => {
      const res = await admin.post(`/api/schools/${w.school.id}/standards/frameworks/${ownId}/items`, { fullStatement });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { identifier: string }).identifier;
    };
    fixtures.set(w, { imported: upload.documentIdentifier, importedItem: upload.ids.get('M.1')!, own: ownId, ownItem: await add('Matrix statement'), removableItem: await add('Matrix statement to remove') });
  },
};

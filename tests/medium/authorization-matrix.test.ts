/**
 * Every registered route × every kind of actor. A route without an expectation here fails the
 * test, so each new route must say who may call it — role, relationship and other school.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { buildGuardian, buildWorld, type World } from '../factories/index';
import { insertTerm } from '../../src/server/features/roster/people.repo';
import { buildTestApp, type TestApp, type TestClient } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';
import { multipart } from '../setup/multipart';
import { insertRosterImport } from '../../src/server/features/roster/roster.repo';

import { actors, all, anasReaders, only, schoolMembers, seenBy, signedIn, withStatus, type ActorName, type Area, type Case } from './matrix/kit';
import { bookingArea } from './matrix/booking';
import { conferenceArea } from './matrix/conference';
import { lateArea } from './matrix/late';
import { surveysArea } from './matrix/surveys';
import { recordsArea } from './matrix/records';
import { criteriaArea } from './matrix/criteria';
import { goalsArea } from './matrix/goals';
import { preparationArea } from './matrix/preparation';
import { standardsArea } from './matrix/standards';
import { schedulingArea } from './matrix/scheduling';
import { conferencingArea } from './matrix/conferencing';

/** Each feature's rows live in ./matrix/<feature>.ts, with the world set-up its rows need. */
const areas: Area[] = [criteriaArea, standardsArea, preparationArea, goalsArea, bookingArea, conferenceArea, lateArea, surveysArea, recordsArea, schedulingArea, conferencingArea];

/** `METHOD url-pattern` → how to call it and what each actor gets. */
const matrix: Record<string, Case> = {
  'GET /healthz': { url: () => '/healthz', expect: all(200) },
  'GET /api/session': { url: () => '/api/session', expect: all(200) },
  'GET /api/openapi.json': { url: () => '/api/openapi.json', expect: all(200) },
  'GET /api/dev/mail': { url: () => '/api/dev/mail', expect: all(200) },
  'GET /dev/mail': { url: () => '/dev/mail', expect: all(200) },
  'POST /api/auth/password': { url: () => '/api/auth/password', body: () => ({ identifier: 'nobody@test.example', password: 'wrong' }), expect: all(401) },
  'POST /api/auth/link': { url: () => '/api/auth/link', body: () => ({ email: 'nobody@test.example' }), expect: all(202) },
  'POST /api/auth/link/verify': { url: () => '/api/auth/link/verify', body: () => ({ token: 'x'.repeat(43) }), expect: all(400) },
  'POST /api/auth/class-code': { url: () => '/api/auth/class-code', body: () => ({ classCode: 'NO-SUCH' }), expect: all(404) },
  'POST /api/auth/pictures': {
    url: () => '/api/auth/pictures',
    body: (w) => ({ classCode: w.classA.classCode, studentId: randomUUID(), pictures: ['cat', 'dog'] }),
    expect: all(401),
  },
  'POST /api/auth/sign-out': { url: () => '/api/auth/sign-out', expect: signedIn(200) },
  'POST /api/auth/sign-out-everywhere': { url: () => '/api/auth/sign-out-everywhere', expect: signedIn(200) },
  'GET /api/me': { url: () => '/api/me', expect: signedIn(200) },
  'PATCH /api/me': { url: () => '/api/me', body: () => ({ preferredLocale: 'es' }), expect: signedIn(200) },
  'GET /api/me/classes': { url: () => '/api/me/classes', expect: signedIn(200) },
  'GET /api/me/children': { url: () => '/api/me/children', expect: signedIn(200) },
  'GET /api/schools/:id': {
    url: (w) => `/api/schools/${w.school.id}`,
    expect: only(['admin', 'teacherOfClass', 'otherTeacher', 'guardianOfChild', 'otherGuardian', 'studentSelf', 'otherStudent']),
  },
  'GET /api/classes/:id': { url: (w) => `/api/classes/${w.classA.id}`, expect: only(['admin', 'teacherOfClass']) },
  'GET /api/classes/:id/sign-in-card': { url: (w) => `/api/classes/${w.classA.id}/sign-in-card`, expect: only(['admin', 'teacherOfClass']) },
  'GET /api/students/:id': { url: (w) => `/api/students/${w.ana.id}`, expect: only(['admin', 'teacherOfClass', 'guardianOfChild', 'studentSelf']) },
  'POST /api/schools/:id/roster-imports': {
    url: (w) => `/api/schools/${w.school.id}/roster-imports`,
    raw: () => multipart([{ filename: 'users.csv', content: 'sourcedId,username,givenName,familyName\n1,a,A,B\n' }]),
    expect: withStatus(only(['admin']), 202),
  },
  'GET /api/schools/:id/roster-template.csv': { url: (w) => `/api/schools/${w.school.id}/roster-template.csv?lang=es`, expect: only(['admin']) },
  'GET /api/schools/:id/exports/roster.csv': { url: (w) => `/api/schools/${w.school.id}/exports/roster.csv`, expect: only(['admin']) },
  'GET /api/schools/:id/exports/staff.csv': { url: (w) => `/api/schools/${w.school.id}/exports/staff.csv`, expect: only(['admin']) },
  'GET /api/roster-imports/:id': { url: (w) => `/api/roster-imports/${importId(w)}`, expect: only(['admin']) },
  // The import is still being planned, so even the admin cannot apply it yet: 409, after the access check.
  'POST /api/roster-imports/:id/apply': { url: (w) => `/api/roster-imports/${importId(w)}/apply`, expect: withStatus(only(['admin']), 409) },
  'POST /api/roster-imports/:id/school': { url: (w) => `/api/roster-imports/${importId(w)}/school`, body: () => ({ schoolSourcedId: 'org-1' }), expect: withStatus(only(['admin']), 409) },
  // Managing the roster by hand: the admin only (bodies are harmless when repeated).
  'GET /api/schools/:id/classes': { url: (w) => `/api/schools/${w.school.id}/classes`, expect: only(['admin']) },
  'POST /api/schools/:id/classes': { url: (w) => `/api/schools/${w.school.id}/classes`, body: () => ({ name: 'Matrix class', yearGroup: 'Year 2' }), expect: withStatus(only(['admin']), 201) },
  'PATCH /api/classes/:id': { url: (w) => `/api/classes/${w.classA.id}`, body: () => ({ yearGroup: 'Year 1' }), expect: only(['admin']) },
  'PUT /api/classes/:id/teachers': { url: (w) => `/api/classes/${w.classA.id}/teachers`, body: (w) => ({ teachers: [{ userId: w.teacherA.id, role: 'lead' }] }), expect: only(['admin']) },
  'POST /api/schools/:id/students': { url: (w) => `/api/schools/${w.school.id}/students`, body: (w) => ({ givenName: 'New', familyName: 'Child', yearGroup: 'Year 1', gradeLevel: 1, classIds: [w.classA.id] }), expect: withStatus(only(['admin']), 201) },
  'PATCH /api/students/:id': { url: (w) => `/api/students/${w.ana.id}`, body: () => ({ yearGroup: 'Year 1' }), expect: only(['admin']) },
  'PUT /api/students/:id/classes': { url: (w) => `/api/students/${w.ana.id}/classes`, body: (w) => ({ classIds: [w.classA.id] }), expect: only(['admin']) },
  // The child's teacher may reset their pictures too (with the child, in class).
  'PUT /api/students/:id/pictures': { url: (w) => `/api/students/${w.ana.id}/pictures`, body: () => ({ pictures: ['moon', 'fish'] }), expect: only(['admin', 'teacherOfClass']) },
  'POST /api/students/:id/guardians': { url: (w) => `/api/students/${w.ana.id}/guardians`, body: () => ({ givenName: 'Aunt', familyName: 'Matrix', relationship: 'aunt' }), expect: withStatus(only(['admin']), 201) },
  'PATCH /api/students/:id/guardians/:guardianId': { url: (w) => `/api/students/${w.ana.id}/guardians/${w.guardianA.guardianId}`, body: () => ({ relationship: 'parent' }), expect: only(['admin']) },
  'DELETE /api/students/:id/guardians/:guardianId': { url: (w) => `/api/students/${w.ana.id}/guardians/${extra(w).guardianId}`, expect: only(['admin']) },
  'GET /api/schools/:id/staff': { url: (w) => `/api/schools/${w.school.id}/staff`, expect: only(['admin']) },
  'POST /api/schools/:id/staff': { url: (w) => `/api/schools/${w.school.id}/staff`, body: () => ({ givenName: 'New', familyName: 'Teacher', email: 'matrix.teacher@test.example', role: 'teacher' }), expect: withStatus(only(['admin']), 201) },
  'PATCH /api/schools/:id/staff/:userId': { url: (w) => `/api/schools/${w.school.id}/staff/${w.teacherB.id}`, body: () => ({ role: 'teacher' }), expect: only(['admin']) },
  'GET /api/schools/:id/terms': {
    url: (w) => `/api/schools/${w.school.id}/terms`,
    expect: only(['admin', 'teacherOfClass', 'otherTeacher', 'guardianOfChild', 'otherGuardian', 'studentSelf', 'otherStudent']),
  },
  'POST /api/schools/:id/terms': { url: (w) => `/api/schools/${w.school.id}/terms`, body: () => ({ name: 'Summer', startsOn: '2027-04-12', endsOn: '2027-07-21' }), expect: withStatus(only(['admin']), 201) },
  'POST /api/terms/:id/report-periods': { url: (w) => `/api/terms/${extra(w).termId}/report-periods`, body: () => ({ name: 'Report', startsOn: '2027-04-12', endsOn: '2027-07-21' }), expect: withStatus(only(['admin']), 201) },
  // Families: the admin sees all, a teacher their classes' families; guardians and pupils nothing.
  'GET /api/schools/:id/families': { url: (w) => `/api/schools/${w.school.id}/families`, expect: only(['admin', 'teacherOfClass', 'otherTeacher']) },
  'POST /api/schools/:id/invitations': { url: (w) => `/api/schools/${w.school.id}/invitations`, body: (w) => ({ userIds: [w.guardianA.id], method: 'email' }), expect: only(['admin', 'teacherOfClass']) },
  'POST /api/invitations/look-up': { url: () => '/api/invitations/look-up', body: () => ({ code: 'NONE-SUCH' }), expect: all(400) },
  'POST /api/invitations/accept': { url: () => '/api/invitations/accept', body: () => ({ code: 'NONE-SUCH', password: 'long enough' }), expect: all(400) },

  // Portfolio. Uploads: the school's staff and pupils (a small text file, ready at once).
  'POST /api/schools/:id/media': {
    url: (w) => `/api/schools/${w.school.id}/media`,
    raw: () => multipart([{ name: 'file', filename: 'notes.txt', content: 'What I learned today.\n', type: 'text/plain' }]),
    expect: withStatus(only(['admin', 'teacherOfClass', 'otherTeacher', 'studentSelf', 'otherStudent']), 201),
  },
  // Ana's photo in her approved post: whoever may see the post (Ana also as its uploader).
  'GET /api/media/:id': { url: (w) => `/api/media/${portfolio(w).photoId}`, expect: seenBy(anasReaders) },
  'GET /api/media/:id/:variant': { url: (w) => `/api/media/${portfolio(w).photoId}/sm.webp`, expect: seenBy(anasReaders) },
  // A child's portfolio: refused (403) to the rest of the school, as the child's own page is.
  'GET /api/students/:id/posts': { url: (w) => `/api/students/${w.ana.id}/posts`, expect: only(anasReaders) },
  // Posting for a child: the child and their teacher (the admin reviews but does not post).
  'POST /api/students/:id/posts': { url: (w) => `/api/students/${w.ana.id}/posts`, body: () => ({ caption: 'Matrix', items: [{ kind: 'text', text: 'Matrix' }] }), expect: withStatus(only(['teacherOfClass', 'studentSelf']), 201) },
  'POST /api/classes/:id/posts': { url: (w) => `/api/classes/${w.classA.id}/posts`, body: (w) => ({ items: [{ kind: 'text', text: 'Matrix' }], studentIds: [w.ana.id] }), expect: withStatus(only(['teacherOfClass']), 201) },
  'GET /api/classes/:id/posts': { url: (w) => `/api/classes/${w.classA.id}/posts`, expect: only(['admin', 'teacherOfClass']) },
  'PUT /api/classes/:id/portfolio-settings': { url: (w) => `/api/classes/${w.classA.id}/portfolio-settings`, body: () => ({ autoApprovePosts: false }), expect: only(['admin', 'teacherOfClass']) },
  'GET /api/posts/:id': { url: (w) => `/api/posts/${portfolio(w).approvedId}`, expect: seenBy(anasReaders) },
  // Ana's pending post (an edit keeps it pending): her family does not see it at all yet.
  'PATCH /api/posts/:id': { url: (w) => `/api/posts/${portfolio(w).pendingId}`, body: () => ({ caption: 'Matrix edit' }), expect: seenBy(['admin', 'teacherOfClass', 'studentSelf']) },
  // Already approved: reviewers get 409 after the access check; those who only see it, 403.
  'POST /api/posts/:id/approve': { url: (w) => `/api/posts/${portfolio(w).approvedId}/approve`, expect: withStatus(seenBy(['admin', 'teacherOfClass'], ['guardianOfChild', 'studentSelf']), 409) },
  // A returned post cannot be returned again (409); Ana sees it (403), her family does not (404).
  'POST /api/posts/:id/return': { url: (w) => `/api/posts/${portfolio(w).returnedId}/return`, body: () => ({ comment: 'Again' }), expect: withStatus(seenBy(['admin', 'teacherOfClass'], ['studentSelf']), 409) },
  // Commenting: the child's family and teachers; the admin and the child read but do not comment.
  'POST /api/posts/:id/comments': { url: (w) => `/api/posts/${portfolio(w).approvedId}/comments`, body: () => ({ body: 'Matrix comment' }), expect: withStatus(seenBy(['teacherOfClass', 'guardianOfChild'], ['admin', 'studentSelf']), 201) },
  'PATCH /api/comments/:id': { url: (w) => `/api/comments/${portfolio(w).commentId}`, body: () => ({ hidden: false }), expect: seenBy(['admin', 'teacherOfClass'], ['guardianOfChild', 'studentSelf']) },
  'GET /api/schools/:id/tags': { url: (w) => `/api/schools/${w.school.id}/tags`, expect: only(schoolMembers) },
  'POST /api/schools/:id/tags': { url: (w) => `/api/schools/${w.school.id}/tags`, body: () => ({ kind: 'subject', name: 'Matrix subject' }), expect: withStatus(only(['admin']), 201) },
  'PATCH /api/tags/:id': { url: (w) => `/api/tags/${portfolio(w).tagId}`, body: () => ({ position: 0 }), expect: only(['admin']) },
  'GET /api/me/notifications': { url: () => '/api/me/notifications', expect: signedIn(200) },
  'PUT /api/me/notifications': { url: () => '/api/me/notifications', body: () => ({ portfolioDigest: true }), expect: signedIn(200) },
  'POST /api/unsubscribe': { url: () => '/api/unsubscribe', body: () => ({ token: 'x'.repeat(43) }), expect: all(400) },
  ...Object.assign({}, ...areas.map((a) => a.cases)),
};

const imports = new WeakMap<World, string>();
const importId = (w: World) => imports.get(w) as string;
/** Things only some routes need: a guardian link the admin may remove, a term. */
const extras = new WeakMap<World, { guardianId: string; termId: string }>();
const extra = (w: World) => extras.get(w) as { guardianId: string; termId: string };
/** Ana's portfolio: an approved post with her photo and her guardian's comment, a pending one, a returned one; a tag. */
interface PortfolioExtras {
  photoId: string;
  approvedId: string;
  pendingId: string;
  returnedId: string;
  commentId: string;
  tagId: string;
}
const portfolios = new WeakMap<World, PortfolioExtras>();
const portfolio = (w: World) => portfolios.get(w) as PortfolioExtras;

async function buildPortfolio(t: TestApp, w: World): Promise<PortfolioExtras> {
  const ana = await t.clientAs(w.ana.userId);
  const teacher = await t.clientAs(w.teacherA.id);
  const ok = (res: LightMyRequestResponse, status: number) => {
    expect(res.statusCode, res.body).toBe(status);
    return res.json() as { id: string; tags: Array<{ id: string }> };
  };
  const photo = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#3a6' } }).png().toBuffer();
  const photoId = ok(await ana.request({ method: 'POST', url: `/api/schools/${w.school.id}/media`, ...multipart([{ name: 'file', filename: 'leaf.png', content: photo, type: 'image/png' }]) }), 201).id;
  await t.runJobs();
  const newPost = async (caption: string, items: unknown[]) => ok(await ana.post(`/api/students/${w.ana.id}/posts`, { caption, items }), 201).id;
  const approvedId = await newPost('Approved', [{ kind: 'photo', mediaId: photoId }]);
  ok(await teacher.post(`/api/posts/${approvedId}/approve`), 200);
  const pendingId = await newPost('Pending', [{ kind: 'text', text: 'Waiting' }]);
  const returnedId = await newPost('Returned', [{ kind: 'text', text: 'Again' }]);
  ok(await teacher.post(`/api/posts/${returnedId}/return`, { comment: 'Add your name' }), 200);
  const commentId = ok(await (await t.clientAs(w.guardianA.id)).post(`/api/posts/${approvedId}/comments`, { body: 'Lovely!' }), 201).id;
  const tagId = ok(await teacher.get(`/api/schools/${w.school.id}/tags`), 200).tags[0]!.id;
  return { photoId, approvedId, pendingId, returnedId, commentId, tagId };
}

/** Routes a plugin owns: the API docs page and its assets, and the built browser app's files — public to all. */
function pluginCase(url: string, webDir: string): Case | null {
  if (url.startsWith('/api/docs')) return { url: () => url.replace('*', 'swagger-ui.css').replace(/:\w+/, 'x'), expect: all(-1) };
  if (url !== '/' && existsSync(path.join(webDir, url))) return { url: () => url, expect: all(200) };
  return null;
}

describe.each(engines)('authorization matrix on %s', (engine) => {
  let database: Database;
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    t = await buildTestApp(database);
    w = await buildWorld(database.db);
    imports.set(w, await insertRosterImport(database.db, { schoolId: w.school.id, createdBy: w.admin.id, files: {} }));
    extras.set(w, {
      guardianId: (await buildGuardian(database.db, [w.ana.id], { givenName: 'Removable' })).guardianId,
      termId: await insertTerm(database.db, { schoolId: w.school.id, name: 'Autumn', startsOn: '2026-09-01', endsOn: '2026-12-18' }),
    });
    await t.app.ready();
    portfolios.set(w, await buildPortfolio(t, w));
    for (const area of areas) await area.setup?.(t, w, portfolio(w));
  });
  afterAll(async () => {
    await t.app.close();
    await database.close();
  });

  async function clientFor(actor: ActorName): Promise<TestClient> {
    const userId: Record<Exclude<ActorName, 'anonymous'>, string> = {
      admin: w.admin.id,
      teacherOfClass: w.teacherA.id,
      otherTeacher: w.teacherB.id,
      guardianOfChild: w.guardianA.id,
      otherGuardian: w.guardianB.id,
      studentSelf: w.ana.userId,
      otherStudent: w.cleo.userId,
      otherSchool: w.otherAdmin.id,
    };
    return actor === 'anonymous' ? t.client() : t.clientAs(userId[actor]);
  }

  it('has an expectation for every registered route', () => {
    const missing = t.app.routeTable
      .filter((r) => r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url}`)
      .filter((key) => !matrix[key] && !pluginCase(key.split(' ')[1] as string, t.deps.config.webDir));
    expect(missing).toEqual([]);
  });

  it('denies every API route that is not public to anonymous callers', () => {
    for (const r of t.app.routeTable.filter((x) => x.access === 'signed-in' && x.method !== 'HEAD')) {
      expect(matrix[`${r.method} ${r.url}`]?.expect.anonymous, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('gives each actor exactly the expected status on every route', async () => {
    const failures: string[] = [];
    for (const route of t.app.routeTable.filter((r) => r.method !== 'HEAD')) {
      const key = `${route.method} ${route.url}`;
      const c = matrix[key] ?? pluginCase(route.url, t.deps.config.webDir);
      if (!c) continue;
      for (const actor of actors) {
        const client = await clientFor(actor);
        const res = await client.request({ method: route.method as 'GET', url: c.url(w), ...(c.body ? { payload: c.body(w) as object } : {}), ...(c.raw ? c.raw() : {}) });
        const expected = c.expect[actor];
        const ok = expected === -1 ? res.statusCode < 400 : res.statusCode === expected;
        if (!ok) failures.push(`${key} as ${actor}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
    // Every route × every actor, each with a fresh session: longer than one ordinary test.
  }, 120_000);
});

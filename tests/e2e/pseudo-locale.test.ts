/**
 * Every page in the pseudo-locale (`?lang=pseudo`): each message comes out as ⟦ȧƈƈḗƞŧḗḓ⟧ text, so
 * any plain-ASCII word on screen — outside data marked translate="no" (names, codes) — was
 * written into the code instead of a locale file. Attributes people hear (aria-label, alt, title,
 * placeholder) are checked too. What people wrote — a child's caption, a family's comment — is
 * marked data-content (not translate="no": a family may want the browser to translate it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoSchool, DEMO_PASSWORD } from '../../src/domain/demo/demo-school';
import { demoSignIns } from '../../src/server/features/demo/seed-demo-school';
import { pseudoMessage } from '../../src/web/lib/pseudo';
import { hardCodedText, hasBrowser, launch, newContext } from './browser';

const demo = buildDemoSchool();
const printed = demoSignIns(demo);
/** A button's name in the pseudo-locale: `en` message `key` (a.b.c) of `namespace`, pseudo-translated. */
const pseudo = (namespace: string, key: string): string => {
  const messages = JSON.parse(readFileSync(path.resolve(`locales/en/${namespace}.json`), 'utf8'));
  return pseudoMessage(key.split('.').reduce((m, k) => m[k], messages) as unknown as string);
};
const owls = demo.classes.find((c) => c.key === 'owls')!;


async function signIn(context: BrowserContext, identifier: string) {
  const session = await (await context.request.get('/api/session')).json();
  const res = await context.request.post('/api/auth/password', { data: { identifier, password: DEMO_PASSWORD }, headers: { 'x-csrf-token': session.csrfToken } });
  expect(res.status()).toBe(200);
  return (await res.json()).me;
}

describe.skipIf(!hasBrowser)('pseudo-locale: no hard-coded text', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('on the signed-out pages', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const problems: string[] = [];
    for (const url of ['/sign-in', '/sign-in/class', '/sign-in/link', '/join', '/unsubscribe', '/no-such-page']) {
      await page.goto(`${url}?lang=pseudo`);
      await page.locator('h1').waitFor();
      problems.push(...(await hardCodedText(page)).map((p) => `${url} ${p}`));
    }
    await page.goto(`/sign-in/class?lang=pseudo&code=${owls.classCode}`);
    await page.locator('.picture-grid').waitFor();
    problems.push(...(await hardCodedText(page)).map((p) => `children grid ${p}`));
    await page.locator('.picture-button').first().click();
    await page.locator('.picture-grid-password').waitFor();
    problems.push(...(await hardCodedText(page)).map((p) => `pictures grid ${p}`));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('on every signed-in page of a teacher, a guardian and a child', async () => {
    const problems: string[] = [];
    const teacher = demo.staff.find((s) => s.key === 'owls')!;
    const guardian = demo.guardians.find((g) => g.children.length > 1)!;
    const older = demo.students.find((s) => s.username)!;
    for (const who of [teacher.email, guardian.email, older.username!]) {
      const context = await newContext(browser);
      await signIn(context, who);
      const page = await context.newPage();
      const urls = ['/', '/account'];
      const classes = await (await context.request.get('/api/me/classes')).json();
      const first = classes.taught?.[0];
      if (first) urls.push(`/classes/${first.id}`, `/classes/${first.id}/card`);
      const children = await (await context.request.get('/api/me/children')).json();
      if (children.children?.[0]) urls.push(`/students/${children.children[0].id}`, `/students/${children.children[0].id}/portfolio`);
      if (first) {
        const klass = await (await context.request.get(`/api/classes/${first.id}`)).json();
        // The first child of Owls has demo posts (approved, waiting, commented on).
        urls.push(`/students/${klass.students[0].id}`, `/students/${klass.students[0].id}/portfolio`, `/students/${klass.students[0].id}/portfolio/new`);
        urls.push(`/classes/${first.id}/approvals`, `/classes/${first.id}/post`);
      }
      const me = await (await context.request.get('/api/me')).json();
      if (me.studentId) urls.push(`/students/${me.studentId}/portfolio`, `/students/${me.studentId}/portfolio/new`);
      for (const url of urls) {
        await page.goto(`${url}?lang=pseudo`);
        await page.locator('h1').first().waitFor();
        problems.push(...(await hardCodedText(page)).map((p) => `${who} ${url} ${p}`));
      }
      // What the composer shows after a press: the drawing pad, the recorder (no microphone here:
      // its message), a piece of writing; and the return form of a waiting post.
      if (me.studentId || first) {
        const composer = me.studentId ? `/students/${me.studentId}/portfolio/new` : urls.find((u) => u.endsWith('/portfolio/new'))!;
        await page.goto(`${composer}?lang=pseudo`);
        await page.locator('.add-buttons').waitFor();
        await page.locator('.add-button').nth(4).click(); // draw
        await page.locator('.drawing-canvas').waitFor();
        problems.push(...(await hardCodedText(page)).map((p) => `${who} drawing ${p}`));
        await page.locator('.drawing .button-quiet').last().click(); // cancel
        await page.locator('.add-button').nth(5).click(); // write
        await page.locator('.piece textarea').waitFor();
        await page.locator('.add-button').nth(3).click(); // record
        await page.locator('.composer .button-big').first().click(); // start
        await page.locator('.recorder, .composer .notice-error').first().waitFor();
        problems.push(...(await hardCodedText(page)).map((p) => `${who} composer ${p}`));
      }
      if (first) {
        await page.goto(`/classes/${first.id}/approvals?lang=pseudo`);
        await page.locator('.review .button').nth(1).click();
        await page.locator('.review textarea').waitFor();
        problems.push(...(await hardCodedText(page)).map((p) => `${who} returning ${p}`));
      }
      await context.close();
    }
    expect(problems).toEqual([]);
  });

  it('on the admin’s roster pages, problems table and the pages managing the roster by hand included', async () => {
    const admin = demo.staff.find((s) => s.role === 'admin')!;
    const context = await newContext(browser);
    const me = await signIn(context, admin.email);
    const folder = path.resolve('tests/fixtures/oneroster/broken/bad-values');
    const zip = zipSync(Object.fromEntries(readdirSync(folder).map((f) => [f, new Uint8Array(readFileSync(path.join(folder, f)))])));
    const csrf = (await context.cookies()).find((c) => c.name === 'confer_csrf')?.value ?? '';
    const res = await context.request.post(`/api/schools/${me.schools[0].id}/roster-imports`, {
      headers: { 'x-csrf-token': csrf },
      multipart: { files: { name: 'roster.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) } },
    });
    expect(res.status()).toBe(202);
    const { id } = await res.json();
    // The pages managing the roster by hand: an archived class too, so its marks and section show.
    const schoolId = me.schools[0].id;
    const headers = { 'x-csrf-token': csrf };
    const made = await context.request.post(`/api/schools/${schoolId}/classes`, { headers, data: { name: 'Pseudo Wrens', yearGroup: 'Year 3' } });
    expect(made.status()).toBe(201);
    const archivedId = (await made.json()).id;
    expect((await context.request.patch(`/api/classes/${archivedId}`, { headers, data: { archived: true } })).status()).toBe(200);
    const owlsId = (await (await context.request.get(`/api/schools/${schoolId}/classes`)).json()).classes.find((c: { name: string }) => c.name === owls.name).id;
    const owlsChild = (await (await context.request.get(`/api/classes/${owlsId}`)).json()).students[0].id;
    const page = await context.newPage();
    const problems: string[] = [];
    const manage = ['/roster/classes', `/roster/classes/${owlsId}`, `/roster/classes/${archivedId}`, '/roster/staff', '/roster/terms', `/students/${owlsChild}`];
    for (const url of ['/', '/roster', '/families', '/school/subjects', `/roster/imports/${id}`, ...manage]) {
      await page.goto(`${url}?lang=pseudo`);
      await page.locator('h1').first().waitFor();
      if (url.includes('imports')) await page.locator('table').last().waitFor({ timeout: 15_000 });
      problems.push(...(await hardCodedText(page)).map((p) => `${url} ${p}`));
    }
    // What appears only after a press: the "are you sure?" question, the choices of pictures.
    await page.goto(`/roster/classes/${owlsId}?lang=pseudo`);
    await page.locator('h1').first().waitFor();
    await page.locator('.button-danger').last().click();
    await page.locator('.confirm').waitFor();
    await page.locator('details.more summary').first().click();
    problems.push(...(await hardCodedText(page)).map((p) => `class, confirming ${p}`));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('on the criteria, preparation and goals pages of a teacher, a guardian and an older pupil', async () => {
    const problems: string[] = [];
    const check = async (page: Page, label: string) => problems.push(...(await hardCodedText(page)).map((p) => `${label} ${p}`));
    const visit = async (page: Page, who: string, url: string) => {
      await page.goto(`${url}?lang=pseudo`);
      await page.locator('h1').first().waitFor();
      await check(page, `${who} ${url}`);
    };
    /** A goal of the child's (any report period), for its own page. */
    const goalOf = async (context: BrowserContext, studentId: string): Promise<string | undefined> => {
      const goals = await (await context.request.get(`/api/students/${studentId}/goals`)).json();
      if (goals.goals?.[0]) return goals.goals[0].id;
      for (const period of goals.periods ?? []) {
        if (!period.goalCount) continue;
        const other = await (await context.request.get(`/api/students/${studentId}/goals?period=${period.id}`)).json();
        if (other.goals?.[0]) return other.goals[0].id;
      }
      return undefined;
    };

    // The Owls' teacher: the anchor charts, the prompts, the readiness board, a child's preparation, goals.
    const teacher = demo.staff.find((s) => s.key === 'owls')!;
    const staff = await newContext(browser);
    await signIn(staff, teacher.email);
    const desk = await staff.newPage();
    const owlsId = (await (await staff.request.get('/api/me/classes')).json()).taught.find((c: { name: string }) => c.name === owls.name).id;
    const klass = await (await staff.request.get(`/api/classes/${owlsId}`)).json();
    const firstChild = klass.students[0].id;
    await visit(desk, teacher.email, `/classes/${owlsId}/criteria`);
    await desk.getByRole('button', { name: pseudo('criteria', 'list.change') }).first().click();
    await desk.locator('.criteria-tools').first().waitFor();
    await check(desk, `${teacher.email} criteria, changing a list`);
    // The class's preparation opens the current round's prompts.
    await desk.goto(`/classes/${owlsId}/preparation?lang=pseudo`);
    await desk.waitForURL(/\/preparation\/[0-9a-f-]{36}$/);
    await desk.locator('h1').first().waitFor();
    const roundId = /preparation\/([0-9a-f-]{36})/.exec(desk.url())![1]!;
    await check(desk, `${teacher.email} /classes/${owlsId}/preparation/${roundId}`);
    await desk.getByRole('button', { name: pseudo('preparation', 'prompts.addTitle') }).click();
    await desk.locator('form.prep-prompt-form').waitFor();
    await check(desk, `${teacher.email} prompts, adding one`);
    // "Change" on the last prompt: the demo's has a question of the teacher's own.
    await desk.locator('.prep-prompt-list > li').last().locator('.row .button').first().click();
    await expect.poll(() => desk.locator('form.prep-prompt-form').count()).toBe(2);
    await check(desk, `${teacher.email} prompts, changing one`);
    const board = await (await staff.request.get(`/api/classes/${owlsId}/rounds/${roundId}/readiness`)).json();
    // The child who asked for help (with a scaffolding note) comes first on the board.
    const helped = (board.students.find((s: { scaffoldingNote: string | null }) => s.scaffoldingNote) ?? board.students[0]).id;
    const goalId = await goalOf(staff, firstChild);
    expect(goalId).toBeDefined();
    const teacherUrls = [
      `/classes/${owlsId}/preparation/${roundId}/readiness`,
      `/students/${helped}/preparation/${roundId}`,
      `/students/${firstChild}/preparation/${roundId}`,
      `/students/${firstChild}/goals`,
      `/students/${firstChild}/goals/new`,
      `/students/${firstChild}/goals/page`,
      `/students/${firstChild}/goals/${goalId}`,
    ];
    for (const url of teacherUrls) await visit(desk, teacher.email, url);
    await staff.close();

    // The printed guardian: each of her children's goals and goal page.
    const family = await newContext(browser);
    await signIn(family, printed.guardian!.email);
    const phone = await family.newPage();
    for (const child of (await (await family.request.get('/api/me/children')).json()).children) {
      for (const url of [`/students/${child.id}/goals`, `/students/${child.id}/goals/page`]) await visit(phone, printed.guardian!.email, url);
    }
    await family.close();

    // An older pupil: her goals and her preparation (perhaps nothing to do yet).
    const older = demo.students.find((s) => s.username)!;
    const pupil = await newContext(browser);
    const me = await signIn(pupil, older.username!);
    const tablet = await pupil.newPage();
    const studentId = me.studentId ?? (await (await pupil.request.get('/api/me')).json()).studentId;
    for (const url of [`/students/${studentId}/goals`, `/students/${studentId}/preparation`]) await visit(tablet, older.username!, url);
    await pupil.close();
    expect(problems).toEqual([]);
  });

  it('on the admin’s conference rounds and standards pages, the editing tools and an import’s problems included', async () => {
    const admin = demo.staff.find((s) => s.role === 'admin')!;
    const context = await newContext(browser);
    await signIn(context, admin.email);
    const page = await context.newPage();
    const problems: string[] = [];
    const check = async (label: string) => problems.push(...(await hardCodedText(page)).map((p) => `${label} ${p}`));
    const own = '/school/standards/5a1d0c1e-0000-4000-8000-000000000000';
    for (const url of ['/school/rounds', '/school/standards', '/school/standards?q=capital', own]) {
      await page.goto(`${url}${url.includes('?') ? '&' : '?'}lang=pseudo`);
      await page.locator('h1').first().waitFor();
      if (url.includes('q=')) await page.locator('.standards-results > li').first().waitFor();
      await check(url);
    }
    // The school's own framework, opened and with one statement's editing tools showing.
    await page.getByRole('button', { name: pseudo('standards', 'framework.expandAll') }).click();
    await page.locator('.standards-edit').first().click();
    await page.locator('.standards-tools').first().waitFor();
    await check(`${own} editing`);
    // A broken package through the import form: its problems, each at its JSON path.
    await page.goto('/school/standards?lang=pseudo');
    await page.locator('#standards-file').setInputFiles(path.resolve('tests/fixtures/standards/broken-framework.json'));
    await page.locator('#standards-file').locator('xpath=ancestor::form').locator('button[type="submit"]').click();
    await page.locator('.standards-refused .standards-problems li').first().waitFor({ timeout: 15_000 });
    await check('/school/standards import problems');
    expect(problems).toEqual([]);
    await context.close();
  });
  it('on the booking pages: the family’s, the staff’s set-up, interpreters, coverage, day sheet and door sign', async () => {
    const problems: string[] = [];
    const visitAll = async (identifier: string, urls: (me: { id: string }, rounds: Array<{ roundId: string }>) => string[]) => {
      const context = await newContext(browser);
      const me = await signIn(context, identifier);
      const conferences = await (await context.request.get('/api/me/conferences')).json();
      const page = await context.newPage();
      for (const url of urls(me, [...conferences.family, ...conferences.teaching])) {
        await page.goto(`${url}${url.includes('?') ? '&' : '?'}lang=pseudo`);
        await page.locator('h1').first().waitFor();
        problems.push(...(await hardCodedText(page)).map((p) => `${url} ${p}`));
      }
      await context.close();
    };
    const printed = demoSignIns(demo);
    await visitAll(printed.guardian!.email, (_me, rounds) => ['/', ...rounds.map((r) => `/rounds/${r.roundId}/book`)]);
    await visitAll(printed.teacher!.email, (me, rounds) => ['/', ...rounds.flatMap((r) => [`/rounds/${r.roundId}/sheet/${me.id}`, `/rounds/${r.roundId}/door/${me.id}`])]);
    const adminContext = await newContext(browser);
    await signIn(adminContext, printed.admin!.email);
    const schoolId = (await (await adminContext.request.get('/api/me')).json()).schools[0].id;
    const rounds = (await (await adminContext.request.get(`/api/schools/${schoolId}/rounds`)).json()).rounds as Array<{ id: string }>;
    await adminContext.close();
    await visitAll(printed.admin!.email, () => ['/school/interpreters', ...rounds.flatMap((r) => [`/school/rounds/${r.id}/booking`, `/school/rounds/${r.id}/coverage`])]);
    expect(problems).toEqual([]);
  });
});

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
import { hasBrowser, launch, newContext } from './browser';

const demo = buildDemoSchool();
const owls = demo.classes.find((c) => c.key === 'owls')!;

async function hardCodedText(page: Page): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  return page.evaluate(() => {
    const found: string[] = [];
    const isData = (el: Element | null) => Boolean(el?.closest('[translate="no"], [data-content], script, style'));
    const looksPlain = (s: string) => /[A-Za-z]/.test(s) && !/[⟦⟧]/.test(s);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      if (text && looksPlain(text) && !isData(n.parentElement)) found.push(`text: ${text}`);
    }
    for (const el of document.body.querySelectorAll('[aria-label], [alt], [title], [placeholder]')) {
      for (const attr of ['aria-label', 'alt', 'title', 'placeholder']) {
        const v = el.getAttribute(attr);
        if (v && looksPlain(v) && !isData(el)) found.push(`${attr}: ${v}`);
      }
    }
    return found;
  });
}

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
});

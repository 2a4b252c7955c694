/**
 * A teacher invites families: one by email (the guardian joins from the link), one without email
 * on a printed letter in their own language (the guardian types the code on a phone).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoSchool, DEMO_PASSWORD } from '../../src/domain/demo/demo-school';
import { baseUrl, capture, hasBrowser, launch, newContext, watchErrors } from './browser';

const demo = buildDemoSchool();
const teacher = demo.staff.find((s) => s.key === 'hedgehogs')!;
const hedgehogKids = new Set(demo.students.filter((s) => s.classKey === 'hedgehogs').map((s) => s.key));
// A family of Hedgehogs who reads Spanish, and one who reads English, neither signed in yet.
const spanish = demo.guardians.find((g) => g.preferredLocale === 'es' && g.children.some((c) => hedgehogKids.has(c.studentKey)))!;
const english = demo.guardians.find((g) => !g.preferredLocale && g.children.length === 1 && g.children.some((c) => hedgehogKids.has(c.studentKey)))!;

describe.skipIf(!hasBrowser)('inviting families in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a teacher emails one family and prints a letter for another; both join', async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/sign-in');
    await page.getByLabel('Email (or pupil username)').fill(teacher.email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('link', { name: /^Families/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Families' }).waitFor();
    await capture(page, 'families');

    const card = (g: { givenName: string; familyName: string }) => page.getByRole('listitem').filter({ hasText: `${g.givenName} ${g.familyName}` });
    await card(english).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Email 1 invitation' }).click();
    await page.getByText('1 invitation is being emailed.').waitFor();
    await expect.poll(async () => card(english).textContent(), { timeout: 10_000 }).toContain('Invitation emailed');

    await card(spanish).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Print 1 letter' }).click();
    await page.getByRole('heading', { name: '1 letter to print' }).waitFor();
    const letter = page.locator('article.letter');
    await expect.poll(() => letter.getAttribute('lang')).toBe('es');
    const code = (await letter.locator('.code').textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    await capture(page, 'families-letter');
    expect(errors).toEqual([]);

    // The English family joins from the emailed link.
    let link: string | undefined;
    await expect
      .poll(
        async () => {
          const outbox = await (await page.request.get('/api/dev/mail')).json();
          link = /https?:\/\/\S+\/join#token=[\w-]+/.exec(outbox.messages.find((m: { to: string }) => m.to === english.email)?.text ?? '')?.[0];
          return link;
        },
        { timeout: 10_000 },
      )
      .toBeDefined();
    const family = await newContext(browser);
    const phone = await family.newPage();
    await phone.goto(link!.replace(/^https?:\/\/[^/]+/, baseUrl));
    await phone.getByRole('heading', { name: `Welcome, ${english.givenName}` }).waitFor();
    await capture(phone, 'join-link');
    await phone.getByLabel('Choose a password').fill('short');
    await phone.getByRole('button', { name: 'Join' }).click();
    await phone.getByText('This is too short.').waitFor();
    await phone.getByLabel('Choose a password').fill('our family password');
    await phone.getByRole('button', { name: 'Join' }).click();
    await phone.getByRole('heading', { name: 'Your children' }).waitFor();
    await family.close();

    // The Spanish family types the code from the letter; the page speaks Spanish.
    const other = await newContext(browser, { locale: 'en-GB' });
    const phone2 = await other.newPage();
    await phone2.goto('/join');
    await phone2.getByLabel('Invitation code').fill(code.toLowerCase().replace('-', ' '));
    await phone2.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => phone2.evaluate(() => document.documentElement.lang)).toBe('es');
    await phone2.locator('h1').filter({ hasText: spanish.givenName }).waitFor();
    await capture(phone2, 'join-code-es');
    await phone2.locator('input[type=password]').fill('contraseña de la familia');
    await phone2.locator('form button[type=submit]').click();
    await phone2.locator('#my-children').waitFor();
    await other.close();

    // Back on the list, both have joined.
    await page.getByRole('button', { name: 'Back to the families' }).click();
    await page.getByLabel('Show only families who have not joined').uncheck();
    await expect.poll(() => card(english).textContent()).toContain('Joined');
    await expect.poll(() => card(spanish).textContent()).toContain('Joined');
    await context.close();
  });
});

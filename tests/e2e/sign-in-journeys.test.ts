/**
 * A person's way in, in a real browser: each sign-in path and each role's home, with axe-core on
 * every page and screenshots at desktop and phone width.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoSchool, DEMO_PASSWORD } from '../../src/domain/demo/demo-school';
import { baseUrl, capture, hasBrowser, launch, newContext, watchErrors } from './browser';

const demo = buildDemoSchool();
const teacher = demo.staff.find((s) => s.key === 'owls')!;
const admin = demo.staff.find((s) => s.role === 'admin')!;
const owls = demo.classes.find((c) => c.key === 'owls')!;
const siblingsGuardian = demo.guardians.find((g) => g.children.length > 1 && !g.preferredLocale)!;
const koreanGuardian = demo.guardians.find((g) => g.preferredLocale === 'ko')!;
const spanishGuardian = demo.guardians.find((g) => g.preferredLocale === 'es')!;
const child = demo.students.find((s) => s.classKey === 'owls')!;
const olderChild = demo.students.find((s) => s.username)!;
const studentName = (key: string) => demo.students.find((s) => s.key === key)!.givenName;

async function signInWithPassword(page: Page, identifier: string, password = DEMO_PASSWORD) {
  await page.goto('/sign-in');
  await page.getByLabel('Email (or pupil username)').fill(identifier);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

describe.skipIf(!hasBrowser)('sign-in journeys in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a teacher signs in with a password and sees their class, a child and the class sign-in card', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/sign-in');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in to Confer');
    await capture(page, 'sign-in');

    await signInWithPassword(page, teacher.email);
    await page.getByRole('heading', { name: `Hello, ${teacher.givenName}` }).waitFor();
    const classCard = page.getByRole('link', { name: /Owls/ });
    await expect.poll(() => classCard.textContent()).toContain('20 children');
    await capture(page, 'teacher-home');

    await classCard.click();
    await page.getByRole('heading', { level: 1, name: 'Owls' }).waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: child.givenName }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.roster li').count()).toBe(20);
    await capture(page, 'teacher-class');

    await page.getByRole('link', { name: 'Print the class sign-in card' }).click();
    await page.getByRole('img', { name: 'QR code that opens the class sign-in page' }).waitFor();
    expect(await page.getByText(owls.classCode).count()).toBeGreaterThan(0);
    await capture(page, 'class-card');

    await page.goBack();
    await page.getByRole('link', { name: new RegExp(`${child.givenName} ${child.familyName}`) }).click();
    await page.getByRole('heading', { level: 2, name: 'Family' }).waitFor();
    await capture(page, 'teacher-child');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an admin sees every class of the school', async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInWithPassword(page, admin.email);
    await page.getByRole('heading', { name: 'All classes in the school' }).waitFor();
    for (const c of demo.classes) await page.getByRole('link', { name: new RegExp(c.name) }).waitFor();
    await capture(page, 'admin-home');
    await context.close();
  });

  it('a guardian signs in with an emailed link and sees both children in their classes', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Email me a sign-in link instead' }).click();
    await page.getByLabel('Email', { exact: true }).fill(siblingsGuardian.email);
    await capture(page, 'sign-in-link-request');
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page.getByText(`If ${siblingsGuardian.email} has a Confer account`).waitFor();

    const outbox = await (await page.request.get('/api/dev/mail')).json();
    const mail = outbox.messages.find((m: { to: string }) => m.to === siblingsGuardian.email);
    expect(mail?.subject).toBe('Your Confer sign-in link');
    const link = /https?:\/\/\S+#token=[\w-]+/.exec(mail.text)?.[0];
    expect(link).toBeDefined();
    await page.goto(link!.replace(/^https?:\/\/[^/]+/, baseUrl));
    await capture(page, 'sign-in-link-confirm');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Your children' }).waitFor();
    for (const c of siblingsGuardian.children) await page.getByRole('link', { name: new RegExp(studentName(c.studentKey)) }).waitFor();
    await capture(page, 'guardian-home');

    // The link works once.
    const again = await page.request.post('/api/auth/link/verify', {
      data: { token: link!.split('#token=')[1] },
      headers: { 'x-csrf-token': (await context.cookies()).find((c) => c.name === 'confer_csrf')?.value ?? '' },
    });
    expect(again.status()).toBe(400);

    await page.getByRole('link', { name: new RegExp(studentName(siblingsGuardian.children[0]!.studentKey)) }).click();
    await page.getByRole('heading', { name: 'Classes and teachers' }).waitFor();
    await capture(page, 'guardian-child');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a young child signs in with the class code, their picture and two pictures', async () => {
    const context = await newContext(browser, { viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'I am a pupil' }).click();
    await page.getByLabel('Class code').fill('NOPE-0000');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('No class has this code.').waitFor();
    await capture(page, 'pupil-code-error');
    await page.getByLabel('Class code').fill(owls.classCode.toLowerCase());
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: 'Tap your picture' }).waitFor();
    await capture(page, 'pupil-who');
    await page.getByRole('button', { name: new RegExp(`^${child.givenName} `) }).first().click();
    await page.getByRole('heading', { name: `Hello ${child.givenName}!` }).waitFor();

    // Wrong order first: a clear message, and the child can try again.
    await page.getByRole('button', { name: child.pictures[1], exact: true }).click();
    await page.getByRole('button', { name: child.pictures[0], exact: true }).click();
    await page.getByText('That did not match. Please check and try again.').waitFor();
    await capture(page, 'pupil-pictures-error');

    await page.getByRole('button', { name: child.pictures[0], exact: true }).click();
    await page.getByRole('button', { name: child.pictures[1], exact: true }).click();
    await page.getByRole('heading', { name: `Hello, ${child.givenName}!` }).waitFor();
    await page.getByText(/You are in Owls/).waitFor();
    await capture(page, 'pupil-home');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the class QR code opens the pictures straight away', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`/sign-in/class?code=${encodeURIComponent(owls.classCode)}`);
    await page.getByRole('heading', { name: 'Tap your picture' }).waitFor();
    await context.close();
  });

  it('an older pupil signs in with a username and password', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInWithPassword(page, olderChild.username!);
    await page.getByRole('heading', { name: `Hello, ${olderChild.givenName}!` }).waitFor();
    await context.close();
  });

  it('a Korean-speaking guardian reads Confer in Korean after signing in; Arabic lays out right to left', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInWithPassword(page, koreanGuardian.email);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('ko');
    await page.locator('#my-children').waitFor();
    await capture(page, 'guardian-home-ko');

    await page.getByRole('combobox').first().selectOption('ar');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await capture(page, 'guardian-home-ar');
    // The choice is stored: a fresh sign-in elsewhere opens in Arabic.
    const me = await (await page.request.get('/api/me')).json();
    expect(me.preferredLocale).toBe('ar');
    await page.getByRole('combobox').first().selectOption('ko');
    await context.close();
  });

  it('a wrong password gets a clear error in the person’s language, and the form keeps what they typed', async () => {
    const context = await newContext(browser, { locale: 'es-ES' });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('es');
    await page.locator('input[name=identifier]').fill(spanishGuardian.email);
    await page.locator('input[name=password]').fill('not the password');
    await page.locator('form button[type=submit]').click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const es = (await import('../../locales/es/errors.json', { with: { type: 'json' } })).default;
    expect(await alert.textContent()).toBe(es.invalid_credentials);
    expect(await page.locator('input[name=identifier]').inputValue()).toBe(spanishGuardian.email);
    await capture(page, 'sign-in-error-es');
    await context.close();
  });

  it('signing out ends the session; signing out everywhere ends the other devices too', async () => {
    const phone = await newContext(browser);
    const laptop = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const p1 = await phone.newPage();
    const p2 = await laptop.newPage();
    await signInWithPassword(p1, teacher.email);
    await signInWithPassword(p2, teacher.email);
    await p1.getByRole('heading', { name: `Hello, ${teacher.givenName}` }).waitFor();
    await p2.getByRole('heading', { name: `Hello, ${teacher.givenName}` }).waitFor();
    await p2.getByRole('link', { name: 'Account' }).click();
    await p2.getByRole('heading', { name: 'Your account' }).waitFor();
    await capture(p2, 'account');
    await p2.getByRole('button', { name: 'Sign out on all devices' }).click();
    await p2.getByRole('heading', { name: 'Sign in to Confer' }).waitFor();
    // The phone still shows the old page; its next request finds the session gone and says so.
    await p1.getByRole('link', { name: /Owls/ }).click();
    await p1.getByRole('heading', { name: 'Sign in to Confer' }).waitFor();
    await p1.getByText('Your session has ended. Please sign in again.').waitFor();
    await capture(p1, 'session-ended');
    expect((await p1.request.get('/api/me')).status()).toBe(401);
    await phone.close();
    await laptop.close();
  });
});

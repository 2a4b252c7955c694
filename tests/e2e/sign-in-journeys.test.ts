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
const otherTeacher = demo.staff.find((s) => s.key === 'hedgehogs')!;
const studentName = (key: string) => demo.students.find((s) => s.key === key)!.givenName;
const es = (await import('../../locales/es/app.json', { with: { type: 'json' } })).default;
const esErrors = (await import('../../locales/es/errors.json', { with: { type: 'json' } })).default;

/** Fills in the sign-in form already on screen (keeping where the app will send the person afterwards). */
async function fillSignIn(page: Page, identifier: string, password = DEMO_PASSWORD) {
  await page.getByLabel('Email (or pupil username)').fill(identifier);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function signInWithPassword(page: Page, identifier: string, password = DEMO_PASSWORD) {
  await page.goto('/sign-in');
  await fillSignIn(page, identifier, password);
}

/** What has focus: tag, and text or name. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}: ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim()}` : 'none';
  });
}

/** The sign-in link mailed to an address. Links are sent by a background job: wait for it (newest first). */
async function mailedLink(page: Page, to: string): Promise<{ subject: string; link: string | undefined }> {
  let mail: { to: string; subject: string; text: string } | undefined;
  await expect
    .poll(
      async () => {
        const outbox = (await (await page.request.get('/api/dev/mail')).json()) as { messages: Array<{ to: string; subject: string; text: string }> };
        mail = outbox.messages.find((m) => m.to === to);
        return mail !== undefined;
      },
      { timeout: 10_000, interval: 200, message: `a sign-in link mailed to ${to}` },
    )
    .toBe(true);
  return { subject: mail!.subject, link: /https?:\/\/\S+#token=[\w-]+/.exec(mail!.text)?.[0] };
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
    const classCard = page.getByRole('link', { name: /^Owls/ });
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
    // The form is replaced by the notice: focus goes to it (not <body>), and back to the form after "Back".
    await expect.poll(() => focused(page)).toMatch(new RegExp(`^p: If ${siblingsGuardian.email} has a Confer account`));
    await capture(page, 'sign-in-link-sent');
    await page.getByRole('button', { name: 'Back' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('identifier');
    expect(await page.getByLabel('Email', { exact: true }).inputValue()).toBe(siblingsGuardian.email);

    const { subject, link } = await mailedLink(page, siblingsGuardian.email);
    expect(subject).toBe('Your Confer sign-in link');
    expect(link).toBeDefined();
    await page.goto(link!.replace(/^https?:\/\/[^/]+/, baseUrl));
    await capture(page, 'sign-in-link-confirm');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Your children' }).waitFor();
    for (const c of siblingsGuardian.children) await page.getByRole('link', { name: new RegExp(`^${studentName(c.studentKey)} `) }).waitFor();
    await capture(page, 'guardian-home');

    // The link works once.
    const again = await page.request.post('/api/auth/link/verify', {
      data: { token: link!.split('#token=')[1] },
      headers: { 'x-csrf-token': (await context.cookies()).find((c) => c.name === 'confer_csrf')?.value ?? '' },
    });
    expect(again.status()).toBe(400);

    await page.getByRole('link', { name: new RegExp(`^${studentName(siblingsGuardian.children[0]!.studentKey)} `) }).click();
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
    // Each step is on the same address: focus moves to the new step's heading, so it is announced.
    await expect.poll(() => focused(page)).toBe('h1: Tap your picture');
    await capture(page, 'pupil-who');
    await page.getByRole('button', { name: new RegExp(`^${child.givenName} `) }).first().click();
    await page.getByRole('heading', { name: `Hello ${child.givenName}!` }).waitFor();
    await expect.poll(() => focused(page)).toBe(`h1: Hello ${child.givenName}!`);

    // Wrong order first: a clear message, and the child can try again.
    await page.getByRole('button', { name: child.pictures[1], exact: true }).click();
    await page.getByRole('button', { name: child.pictures[0], exact: true }).click();
    await page.getByText('That did not match. Please check and try again.').waitFor();
    // The picture pressed last keeps focus while (and after) the sign-in is checked.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('.picture-button')?.querySelector('[role=img]')?.getAttribute('aria-label')))
      .toBe(child.pictures[0]);
    await capture(page, 'pupil-pictures-error');

    // "Not me" goes back a step, and focus with it.
    await page.getByRole('button', { name: 'That is not me' }).click();
    await expect.poll(() => focused(page)).toBe('h1: Tap your picture');
    await page.getByRole('button', { name: new RegExp(`^${child.givenName} `) }).first().click();
    await expect.poll(() => focused(page)).toBe(`h1: Hello ${child.givenName}!`);

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

    const header = page.getByRole('banner');
    await header.getByRole('button', { name: '언어: 한국어' }).click();
    await header.getByRole('button', { name: 'العربية', exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await capture(page, 'guardian-home-ar');
    // The list opens under the button, inside the page, right to left too.
    await header.getByRole('button', { name: 'اللغة: العربية' }).click();
    await capture(page, 'language-open-ar');
    const list = await header.getByRole('list').boundingBox();
    expect(list!.x).toBeGreaterThanOrEqual(0);
    expect(list!.x + list!.width).toBeLessThanOrEqual(page.viewportSize()!.width);
    // The choice is stored: a fresh sign-in elsewhere opens in Arabic.
    await expect.poll(async () => (await (await page.request.get('/api/me')).json()).preferredLocale).toBe('ar');
    await header.getByRole('button', { name: '한국어', exact: true }).click();
    await expect.poll(async () => (await (await page.request.get('/api/me')).json()).preferredLocale).toBe('ko');
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
    const owlsPath = await p1.getByRole('link', { name: /^Owls/ }).getAttribute('href');
    expect(owlsPath).toMatch(/^\/classes\//);
    await p1.getByRole('link', { name: /^Owls/ }).click();
    await p1.getByRole('heading', { name: 'Sign in to Confer' }).waitFor();
    await p1.getByText('Your session has ended. Please sign in again.').waitFor();
    await capture(p1, 'session-ended');
    expect((await p1.request.get('/api/me')).status()).toBe(401);
    // Signing in again goes back to the class page the teacher was on, not the home page.
    await fillSignIn(p1, teacher.email);
    await p1.getByRole('heading', { level: 1, name: 'Owls' }).waitFor();
    expect(new URL(p1.url()).pathname).toBe(owlsPath);
    await phone.close();
    await laptop.close();
  });

  it('signing in goes back to the page asked for, with its query, and never to another site', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    // A bookmark (or a link in a message) to a class page, opened signed out.
    const probe = await newContext(browser);
    const probePage = await probe.newPage();
    await signInWithPassword(probePage, teacher.email);
    await probePage.getByRole('link', { name: /^Owls/ }).waitFor();
    const owlsPath = (await probePage.getByRole('link', { name: /^Owls/ }).getAttribute('href'))!;
    await probe.close();

    await page.goto(`${owlsPath}?view=all#roster`);
    await page.getByRole('heading', { name: 'Sign in to Confer' }).waitFor();
    await fillSignIn(page, teacher.email);
    await page.getByRole('heading', { level: 1, name: 'Owls' }).waitFor();
    const url = new URL(page.url());
    expect(`${url.pathname}${url.search}`).toBe(`${owlsPath}?view=all`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Confer' }).waitFor();

    // A `from` pointing elsewhere (planted in the history entry) is ignored: home instead.
    for (const from of ['//example.com/steal', 'https://example.com/', '/\\example.com']) {
      await page.goto('/sign-in');
      await page.evaluate((f) => window.history.replaceState({ usr: { from: f }, key: 'planted', idx: 0 }, '', '/sign-in'), from);
      await page.reload();
      await page.getByRole('heading', { name: 'Sign in to Confer' }).waitFor();
      await fillSignIn(page, teacher.email);
      await page.getByRole('heading', { name: `Hello, ${teacher.givenName}` }).waitFor();
      expect(page.url(), from).toBe(`${baseUrl}/`);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in to Confer' }).waitFor();
    }
    await context.close();
  });

  it('the language control opens with Enter or a click, closes with Escape, and gives focus back to its button', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/sign-in');
    // The page has put focus on its heading (as after any move to a new page).
    await expect.poll(() => focused(page)).toBe('h1: Sign in to Confer');
    const header = page.getByRole('banner');
    const toggle = header.getByRole('button', { name: 'Language: English' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await header.getByRole('list').count()).toBe(0);

    // Keyboard: Enter opens; Tab goes into the list; Escape closes it and focus returns to the button.
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const options = header.getByRole('list').getByRole('button');
    expect(await options.allTextContents()).toEqual(['✓English', 'Español', '한국어', 'العربية']);
    expect(await options.evaluateAll((els) => els.map((el) => `${el.getAttribute('lang')} ${el.getAttribute('translate')}`))).toEqual(['en no', 'es no', 'ko no', 'ar no']);
    await capture(page, 'language-open');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button: ✓English');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe('button: Español');
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await focused(page)).toBe('button: Language: English');
    // Moving through the list changed nothing (WCAG 3.2.2): only choosing does.
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    // Escape with focus still on the button closes too.
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await focused(page)).toBe('button: Language: English');

    // Click: opens; choosing a language switches the page, closes the list and keeps focus on the button.
    await toggle.click();
    await header.getByRole('button', { name: 'Español', exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('es');
    const toggleEs = header.getByRole('button', { name: `${es.layout.languageCurrent.replace('{language}', 'Español')}` });
    expect(await toggleEs.getAttribute('aria-expanded')).toBe('false');
    expect(await focused(page)).toBe(`button: ${es.layout.languageCurrent.replace('{language}', 'Español')}`);
    await page.getByRole('heading', { level: 1, name: es.signIn.title }).waitFor();

    // Arabic by keyboard, right to left.
    await toggleEs.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('End');
    expect(await focused(page)).toBe('button: العربية');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await capture(page, 'sign-in-ar');
    // A press outside closes the list.
    await header.getByRole('button', { name: /العربية/ }).click();
    expect(await header.getByRole('list').count()).toBe(1);
    await page.getByRole('heading', { level: 2 }).last().click();
    expect(await header.getByRole('list').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('when a signed-in person’s language cannot be saved, the page stays in it and says so in it', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInWithPassword(page, otherTeacher.email);
    await expect.poll(() => focused(page)).toBe(`h1: Hello, ${otherTeacher.givenName}`);
    await page.route('**/api/me', (route) =>
      route.request().method() === 'PATCH'
        ? route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal' } }) })
        : route.fallback(),
    );
    const header = page.getByRole('banner');
    await header.getByRole('button', { name: 'Language: English' }).click();
    await header.getByRole('button', { name: 'Español', exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('es');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(`${es.layout.languageNotSaved} ${esErrors.internal}`);
    await capture(page, 'language-not-saved-es');
    const me = await (await page.request.get('/api/me')).json();
    expect(me.preferredLocale).toBeNull();

    // Choosing it again tries again; once it is saved the notice goes.
    await page.unroute('**/api/me');
    await header.getByRole('button', { name: es.layout.languageCurrent.replace('{language}', 'Español') }).click();
    await header.getByRole('button', { name: 'Español', exact: true }).click();
    await expect.poll(async () => (await (await page.request.get('/api/me')).json()).preferredLocale).toBe('es');
    expect(await page.getByRole('alert').count()).toBe(0);

    // The Account page has the same control, opening in the page.
    await header.getByRole('link', { name: es.layout.account }).click();
    await expect.poll(() => focused(page)).toBe(`h1: ${es.account.title}`);
    const inPage = page.getByRole('main').getByRole('button', { name: es.layout.languageCurrent.replace('{language}', 'Español') });
    await inPage.click();
    expect(await page.getByRole('main').getByRole('list').getByRole('button').count()).toBe(4);
    await capture(page, 'account-language-open-es');
    await page.keyboard.press('Escape');
    expect(await inPage.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null && document.activeElement?.getAttribute('aria-expanded'))).toBe('false');
    // Back to the school's language for other tests.
    const session = await (await page.request.get('/api/session')).json();
    await page.request.patch('/api/me', { data: { preferredLocale: null }, headers: { 'x-csrf-token': session.csrfToken } });
    await context.close();
  });
});

/**
 * Helpers for browser journeys: Debian's Chromium through playwright-core, axe-core on every page
 * (zero violations), and screenshots at desktop and phone width under test-results/screens/.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { DEMO_PASSWORD } from '../../src/domain/demo/demo-school';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
export const screensDir = path.resolve('test-results/screens');
mkdirSync(screensDir, { recursive: true });

export const baseUrl = inject('baseUrl');
export const chromiumPath = inject('chromium');
/** Skips a suite only outside CI and only when Chromium is missing (global setup says so loudly). */
export const hasBrowser = chromiumPath !== null;

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

/** `fakeMedia`: a fake microphone and camera that need no permission prompt (for recording in the page). */
export async function launch(options: { fakeMedia?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath ?? undefined,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.fakeMedia ? ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required'] : []),
    ],
  });
}

/** A fresh browser profile; CSP is bypassed only so axe-core can be injected. */
export async function newContext(browser: Browser, options: { locale?: string; viewport?: { width: number; height: number } } = {}): Promise<BrowserContext> {
  return browser.newContext({ baseURL: baseUrl, bypassCSP: true, locale: options.locale ?? 'en-GB', viewport: options.viewport ?? PHONE });
}

/** Collects console errors and failed requests other than expected 4xx API answers. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return errors;
}

export async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> }> } };
    return w.axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** Screenshot at desktop and phone width and axe-core at both; fails on any violation. */
export async function capture(page: Page, name: string): Promise<void> {
  const original = page.viewportSize() ?? PHONE;
  for (const [label, size] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    await page.setViewportSize(size);
    await page.waitForTimeout(50);
    await page.screenshot({ path: path.join(screensDir, `${name}-${label}.png`), fullPage: true });
    expect(await axe(page), `axe violations on ${name} at ${label} width`).toEqual([]);
  }
  await page.setViewportSize(original);
}

// ---- signing in, as people do it

/** Email (or pupil username) and the demo password, on the sign-in page; waits until signed in. */
export async function signInWithPassword(context: BrowserContext, identifier: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email (or pupil username)').fill(identifier);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  return page;
}

/** A sign-in link by email, read from the development outbox, then opened. */
export async function signInWithLink(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Email me a sign-in link instead' }).click();
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Email me a link' }).click();
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const outbox = (await (await page.request.get('/api/dev/mail')).json()) as { messages: Array<{ to: string; text: string }> };
        link = /https?:\/\/\S+#token=[\w-]+/.exec(outbox.messages.find((m) => m.to === email)?.text ?? '')?.[0];
        return link;
      },
      { timeout: 10_000 },
    )
    .toBeDefined();
  await page.goto(new URL(link!).pathname + new URL(link!).hash);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}

/** A young pupil: the class code, their own picture, then their two password pictures. */
export async function signInWithPictures(page: Page, classCode: string, child: { givenName: string; pictures: readonly string[] }): Promise<void> {
  await page.goto('/sign-in/class');
  await page.getByLabel('Class code').fill(classCode);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: new RegExp(`^${child.givenName} `) }).first().click();
  await page.getByRole('button', { name: child.pictures[0], exact: true }).click();
  await page.getByRole('button', { name: child.pictures[1], exact: true }).click();
  await page.getByRole('heading', { name: `Hello, ${child.givenName}!` }).waitFor();
}

// ---- tablets and print

// ---- setting up through the API (what a test needs before the journey it shows)

export type Send = <T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, data?: unknown) => Promise<T>;

/** Signs a context in through the API (as a page would) and returns a caller that fails on any error. */
export async function apiAs(context: BrowserContext, identifier: string): Promise<{ send: Send; schoolId: string; csrf: string }> {
  const session = await (await context.request.get('/api/session')).json();
  const res = await context.request.post('/api/auth/password', { data: { identifier, password: DEMO_PASSWORD }, headers: { 'x-csrf-token': session.csrfToken } });
  expect(res.status(), await res.text()).toBe(200);
  const now = await (await context.request.get('/api/session')).json();
  const csrf = now.csrfToken as string;
  const send: Send = async <T,>(method: string, url: string, data?: unknown) => {
    const r = await context.request.fetch(url, { method, ...(method === 'GET' ? {} : { data: data ?? {} }), headers: { 'x-csrf-token': csrf } });
    const text = await r.text();
    expect(r.status(), `${method} ${url}: ${text}`).toBeLessThan(300);
    return (text ? JSON.parse(text) : null) as T;
  };
  return { send, schoolId: now.me.schools[0].id, csrf };
}

export const TABLET = { width: 768, height: 1024 };

/** Screenshots at desktop and phone width (capture) and at tablet width, with axe-core at each. */
export async function captureAll(page: Page, name: string): Promise<void> {
  await capture(page, name);
  const original = page.viewportSize() ?? PHONE;
  await page.setViewportSize(TABLET);
  await page.waitForTimeout(50);
  await page.screenshot({ path: path.join(screensDir, `${name}-tablet.png`), fullPage: true });
  expect(await axe(page), `axe violations on ${name} at tablet width`).toEqual([]);
  await page.setViewportSize(original);
}

/** The text of a PDF, page by page (pdfjs-dist, Mozilla's PDF reader, in Node), with single spaces (Chromium may break a line anywhere). */
export async function pdfText(bytes: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await doc.destroy();
  return pages.join('\n').replace(/\s+/g, ' ');
}

/**
 * Text on the page that is not in the pseudo-locale (⟦…⟧) and not marked as people's content
 * (`translate="no"`, `data-content`): words written into the code instead of the message files.
 */
export async function hardCodedText(page: Page): Promise<string[]> {
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

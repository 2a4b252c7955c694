/**
 * Helpers for browser journeys: Debian's Chromium through playwright-core, axe-core on every page
 * (zero violations), and screenshots at desktop and phone width under test-results/screens/.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

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

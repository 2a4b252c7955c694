/**
 * Standards in the browser, as the school admin: from the home page to the standards, import
 * OpenSALT's SmartLevelFramework.json, open its nested tree (with the mouse and the keyboard),
 * search it and jump to a result in its tree, import a malformed package and read every problem
 * with its JSON path; then add a statement to the school's own framework. Screenshots at desktop
 * and phone width, axe-core on each.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoSchool, DEMO_PASSWORD } from '../../src/domain/demo/demo-school';
import { DEMO_FRAMEWORK_TITLE } from '../../src/domain/demo/demo-standards';
import { capture, hasBrowser, launch, newContext, watchErrors } from './browser';

const demo = buildDemoSchool();
const admin = demo.staff.find((s) => s.role === 'admin')!;
const smartLevel = path.resolve('../shared/fixtures/standards/opensalt-test-frameworks/SmartLevelFramework.json');
const broken = path.resolve('tests/fixtures/standards/broken-framework.json');

describe.skipIf(!hasBrowser)('standards in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the admin imports a CASE framework, browses and searches it, and sees a broken file’s problems by path', async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/sign-in');
    await page.getByLabel('Email (or pupil username)').fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('link', { name: /^Standards/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Standards' }).waitFor();
    // The demo school's own framework is there already.
    await page.getByRole('link', { name: new RegExp(DEMO_FRAMEWORK_TITLE) }).waitFor();

    // Nothing chosen: said at the field.
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Please choose the file to import.').waitFor();

    await page.getByLabel('CASE file (JSON)').setInputFiles(smartLevel);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported “SmartLevel Test”.').waitFor();
    await page.getByText('14 new statements').waitFor();
    await capture(page, 'standards-imported');

    await page.getByRole('link', { name: 'Open it' }).click();
    await page.getByRole('heading', { level: 1, name: 'SmartLevel Test' }).waitFor();
    const item1 = page.getByRole('button', { name: /^▸?\s*Item 1\s/ });
    expect(await item1.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByText('Item 1.10').count()).toBe(0);
    await item1.click();
    expect(await item1.getAttribute('aria-expanded')).toBe('true');
    // Nested: Item 1.10 is in the list under Item 1, one level down.
    const under1 = page.locator(`#${await item1.getAttribute('aria-controls')}`);
    await under1.getByText('Item 1.10').waitFor();
    expect(await under1.locator('> li').count()).toBe(10);
    // The keyboard opens Item 2.
    const item2 = page.getByRole('button', { name: /^▸?\s*Item 2\s/ });
    await item2.focus();
    await page.keyboard.press('Enter');
    expect(await item2.getAttribute('aria-expanded')).toBe('true');
    await page.getByText('Item 2.2').waitFor();
    await capture(page, 'standards-tree');

    // Search across the school's frameworks; a result opens its place in the tree.
    await page.getByRole('link', { name: 'Standards', exact: true }).click();
    await page.getByLabel('Words or a code').fill('item 1.1');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('2 standards match.').waitFor();
    const results = page.locator('.standards-results > li');
    expect(await results.count()).toBe(2);
    const first = await results.first().textContent();
    expect(first).toContain('Item 1.1');
    expect(first).toMatch(/SmartLevel Test.*Item 1/);
    await page.getByLabel('Words or a code').fill('y1.w.1');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('link', { name: /Y1\.W\.1\s*Leave spaces between words/ }).waitFor();
    await capture(page, 'standards-search');
    await page.getByRole('link', { name: /Y1\.W\.1\s*Leave spaces between words/ }).click();
    await page.getByRole('heading', { level: 1, name: DEMO_FRAMEWORK_TITLE }).waitFor();
    const found = page.locator('.standards-item-found');
    await found.waitFor();
    expect(await found.textContent()).toContain('Leave spaces between words');
    await page.getByRole('button', { name: 'Go to Y1.W.1 in the tree' }).click();
    expect(await page.evaluate(() => document.activeElement?.closest('.standards-item-found') !== null)).toBe(true);

    // The school's own framework: add a statement under Y1.W.
    await page.getByLabel('Where').selectOption({ label: `\u00a0\u00a0Y1.W Writing` });
    await page.getByLabel('Statement', { exact: true }).fill('Write my first name and my family name');
    await page.getByLabel('Code (optional)').fill('Y1.W.6');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText('Added Y1.W.6.').waitFor();
    await page.locator('.standards-tree').getByText('Write my first name and my family name').waitFor();
    await page.getByRole('button', { name: 'Edit Y1.W.6' }).click();
    await page.getByRole('group', { name: 'Changing Y1.W.6' }).waitFor();
    await capture(page, 'standards-own-edit');

    // A broken file: nothing imported, every problem with its JSON path.
    await page.getByRole('link', { name: 'Standards', exact: true }).click();
    await page.getByLabel('CASE file (JSON)').setInputFiles(broken);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'The file has 8 problems' }).waitFor();
    const problem = page.locator('.standards-problems li').filter({ hasText: 'CFItems[1].identifier' });
    expect(await problem.textContent()).toContain('This is not a UUID');
    await page.locator('.standards-problems li').filter({ hasText: 'CFAssociations[3]' }).filter({ hasText: 'go round in a circle' }).waitFor();
    await page.getByText('Nothing was imported.').waitFor();
    await capture(page, 'standards-import-problems');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads in Arabic, right to left, on a phone', async () => {
    const context = await newContext(browser, { locale: 'ar' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/sign-in?lang=ar');
    await page.locator('input[autocomplete="username"]').fill(admin.email);
    await page.locator('input[type="password"]').fill(DEMO_PASSWORD);
    await page.locator('form button[type="submit"]').click();
    await page.getByRole('link', { name: /^المعايير/ }).click();
    await page.getByRole('link', { name: new RegExp(DEMO_FRAMEWORK_TITLE) }).click();
    await page.getByRole('button', { name: 'فتح الكل' }).click();
    await page.locator('.standards-tree').getByText('Leave spaces between words').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await capture(page, 'standards-tree-ar');
    expect(errors).toEqual([]);
    await context.close();
  });
});

/**
 * An admin imports the school's roster in the browser: a broken export shows its problems by file,
 * line and column; a good one shows what would change, then saves with a progress bar.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoSchool, DEMO_PASSWORD } from '../../src/domain/demo/demo-school';
import { capture, hasBrowser, launch, newContext, watchErrors } from './browser';

const demo = buildDemoSchool();
const admin = demo.staff.find((s) => s.role === 'admin')!;
const fixtures = path.resolve('tests/fixtures/oneroster');
const filesIn = (dir: string) => readdirSync(path.join(fixtures, dir)).map((f) => path.join(fixtures, dir, f));

describe.skipIf(!hasBrowser)('roster import in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('an admin checks a broken export, then imports a good one', async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/sign-in');
    await page.getByLabel('Email (or pupil username)').fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('link', { name: /Roster/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Roster' }).waitFor();

    // The simple CSV template and the exports download as files.
    const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the template (CSV)' }).click()]);
    expect(template.suggestedFilename()).toBe('confer-roster-template.csv');
    const [roster] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the roster (CSV)' }).click()]);
    expect(roster.suggestedFilename()).toMatch(/^confer-roster-\d{4}-\d{2}-\d{2}\.csv$/);
    const exported = readFileSync((await roster.path()) as string, 'utf8');
    expect(exported.split('\r\n').length).toBeGreaterThan(80); // the demo school's 80 children

    // Nothing chosen: a clear message at the field.
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page.getByText('Please choose the files to upload.').waitFor();
    await capture(page, 'roster-upload');

    await page.getByLabel('Roster files').setInputFiles(filesIn('broken/bad-values'));
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page.getByText('Checked. Nothing has been saved yet.').waitFor({ timeout: 15_000 });
    const problemRow = page.getByRole('row').filter({ hasText: '“pupil” is not allowed in role' });
    await expect.poll(() => problemRow.count()).toBeGreaterThan(0);
    expect(await problemRow.first().textContent()).toContain('users.csv');
    await page.getByText(/problems? to fix in the files/).waitFor();
    expect(await page.getByRole('button', { name: 'Save the roster' }).count()).toBe(0);
    await capture(page, 'roster-problems');

    await page.getByRole('link', { name: 'Roster' }).click();
    await page.getByLabel('Roster files').setInputFiles(filesIn('v1.1-bulk'));
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page.getByText('Checked. Nothing has been saved yet.').waitFor({ timeout: 15_000 });
    const classesRow = page.getByRole('row', { name: /^Classes/ });
    await expect.poll(() => classesRow.textContent()).toMatch(/Classes\s*3/);
    await capture(page, 'roster-preview');

    await page.getByRole('button', { name: 'Save the roster' }).click();
    await page.getByText(/The roster has been saved/).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Saved.');
    await capture(page, 'roster-applied');

    await page.goto('/');
    await page.getByRole('link', { name: /Sunflowers/ }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

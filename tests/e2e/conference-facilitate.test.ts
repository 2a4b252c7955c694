/**
 * The teacher's side of conference day, as the Hedgehogs teacher lives it with the demo's
 * conferences of today: from the home page to the day's list, one family's conference (not the
 * Korean family's: that one is the three-device journey's), Start — the timer runs —, a quick note,
 * a step of their own added to the agenda and shown on the child's screen, Conference ended, the
 * summary and next steps, the record finished and then read, printed to PDF. Screenshots at desktop
 * and phone width, axe-core on each page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConferenceDay } from '../../src/contracts/conference';
import { buildDemoSchool } from '../../src/domain/demo/demo-school';
import { capture, DESKTOP, hasBrowser, launch, newContext, pdfText, signInWithPassword, watchErrors } from './browser';

const demo = buildDemoSchool();
const hedgehogs = demo.staff.find((s) => s.key === 'hedgehogs')!;

describe.skipIf(!hasBrowser)('facilitating a conference in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs a conference from the day list to its finished record', async () => {
    const context = await newContext(browser, { viewport: DESKTOP });
    const page: Page = await signInWithPassword(context, hedgehogs.email);
    const errors = watchErrors(page);
    await page.getByRole('link', { name: /Today’s conferences/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Today’s conferences' }).waitFor();
    const day = (await (await context.request.get('/api/conference-day')).json()) as ConferenceDay;
    expect(day.conferences.length).toBe(10);
    await capture(page, 'conference-day-list');

    // The first family of the evening that is not the Korean family's.
    const mine = day.conferences.find((c) => c.language !== 'ko' && c.status === 'scheduled')!;
    await page.getByRole('link', { name: `Open — ${mine.student.name}` }).click();
    await page.getByRole('heading', { level: 1, name: `Conference: ${mine.student.name}` }).waitFor();
    await page.getByText('Live', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByText(/of 20 minutes/).waitFor();
    // Start was pressed late: it began five minutes ago (the school's clock, 24-hour in the time field).
    const fiveAgo = new Intl.DateTimeFormat('en-GB', { timeZone: demo.school.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(Date.now() - 5 * 60_000));
    await page.getByLabel('Started at').fill(fiveAgo);
    await page.getByRole('button', { name: 'Correct the start time' }).click();
    await page.getByText(/^[4-6] of 20 minutes/).waitFor();
    await page.getByLabel('Note', { exact: true }).fill('Talked clearly about the kite story');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('Talked clearly about the kite story').waitFor();

    await page.getByLabel('Step title').fill('Show us your reading log');
    await page.getByRole('button', { name: 'Add a step' }).last().click();
    await page.getByRole('button', { name: 'Show “Show us your reading log” on the child’s screen' }).click();
    await page.getByText('On the child’s screen: Show us your reading log').waitFor();
    // A prompt to help a child who stalls on a step of the teacher's own.
    await page.getByText('Tell us about this.').waitFor();
    await capture(page, 'conference-facilitator-running');

    await page.getByRole('button', { name: 'Conference ended' }).click();
    await page.getByText('Ended', { exact: true }).waitFor();
    await page.getByLabel('Your summary').fill('Explained the story and the fractions with confidence.');
    await page.getByLabel('Next steps').fill('Read together for ten minutes every evening.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Finish the record' }).click();
    await page.getByText('Record finished: version 1.').waitFor();
    await capture(page, 'conference-facilitator-ended');

    await page.getByRole('link', { name: 'See the record' }).click();
    await page.getByRole('heading', { level: 1, name: `Conference record: ${mine.student.name}` }).waitFor();
    await expect.poll(() => page.getByText('Read together for ten minutes every evening.').count()).toBe(1);
    await capture(page, 'conference-record');
    await page.emulateMedia({ media: 'print' });
    const text = await pdfText(await page.pdf({ format: 'A4' }));
    expect(text).toContain('Read together for ten minutes every evening.');
    expect(text).not.toContain('Download');
    expect(errors).toEqual([]);
    await context.close();
  });
});

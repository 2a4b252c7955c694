/**
 * Sharing a record and private follow-up, as a family lives it with the demo's conferences of
 * today. The Kestrels teacher finishes the record of her first English-speaking family's
 * conference (through the API: the facilitator journey is conference-facilitate's). That family's guardian makes a link
 * for "Aunt Sofia" on the record page and copies it; a second browser, signed in as nobody, opens
 * it and reads the record under the "Shared with you by …" banner; the guardian sees it was
 * opened, withdraws it, and the second browser is told the link ran out. Then the guardian asks
 * for a private follow-up on the family page, and the teacher replies and offers one of her free
 * times on /followups, which the guardian then sees. The admin turns sharing off for the school
 * (the family is told and cannot make links) and on again. Screenshots at desktop and phone width,
 * axe-core on each page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConferenceDay } from '../../src/contracts/conference';
import { buildDemoSchool, DEMO_PASSWORD } from '../../src/domain/demo/demo-school';
import { capture, DESKTOP, hasBrowser, launch, newContext, PHONE, signInWithLink, signInWithPassword, watchErrors } from './browser';

const demo = buildDemoSchool();
const kestrels = demo.staff.find((s) => s.key === 'kestrels')!;

/** Signs a browser context in through the API (for the parts of the journey that are not this test's). */
async function apiSignIn(context: BrowserContext, email: string): Promise<(method: 'POST' | 'PUT', url: string, data?: unknown) => Promise<void>> {
  const session = await (await context.request.get('/api/session')).json();
  const res = await context.request.post('/api/auth/password', { data: { identifier: email, password: DEMO_PASSWORD }, headers: { 'x-csrf-token': session.csrfToken } });
  expect(res.status()).toBe(200);
  const csrf = (await (await context.request.get('/api/session')).json()).csrfToken as string;
  return async (method, url, data) => {
    const r = await context.request.fetch(url, { method, data: data ?? {}, headers: { 'x-csrf-token': csrf } });
    expect(r.status(), `${method} ${url}: ${await r.text()}`).toBeLessThan(300);
  };
}

describe.skipIf(!hasBrowser)('sharing a record and asking for a follow-up in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shares the record with an aunt, withdraws the link, and arranges a private follow-up', async () => {
    // The teacher finishes the record of her first English-speaking family of the day.
    const teacherContext = await newContext(browser, { viewport: DESKTOP });
    const asTeacher = await apiSignIn(teacherContext, kestrels.email);
    const day = (await (await teacherContext.request.get('/api/conference-day')).json()) as ConferenceDay;
    const names = new Map(demo.guardians.filter((g) => g.preferredLocale === null).map((g) => [`${g.givenName} ${g.familyName}`, g]));
    const mine = day.conferences.find((c) => c.language === 'en' && c.status === 'scheduled' && c.attendees.some((a) => a.kind === 'guardian' && names.has(a.name)))!;
    const guardian = names.get(mine.attendees.find((a) => a.kind === 'guardian' && names.has(a.name))!.name)!;
    const child = mine.student.name;
    for (const step of ['start', 'end', 'record']) await asTeacher('POST', `/api/conferences/${mine.conferenceId}/${step}`);

    // The guardian makes a link on the record page.
    const family = await newContext(browser, { viewport: PHONE });
    // Only the printed demo guardians have a password: this one signs in with a link by email.
    const page: Page = await family.newPage();
    await signInWithLink(page, guardian.email);
    const errors = watchErrors(page);
    await page.goto(`/conferences/${mine.conferenceId}/record`);
    await page.getByRole('heading', { level: 1, name: `Conference record: ${child}` }).waitFor();
    await page.getByRole('heading', { name: 'Share this record' }).waitFor();
    await page.getByLabel('Who is it for?').fill('Aunt Sofia');
    await page.getByLabel('30 days').check();
    await page.getByLabel('7 days').check();
    await page.getByRole('button', { name: 'Make a link' }).click();
    await page.getByRole('heading', { name: 'Link for Aunt Sofia' }).waitFor();
    const link = await page.getByLabel('The link').inputValue();
    expect(link).toMatch(/\/shared\/[A-Za-z0-9_-]{43}$/);
    await capture(page, 'share-link-made');

    // Someone else, signed in as nobody, opens it.
    const aunt = await newContext(browser, { viewport: PHONE });
    const auntPage = await aunt.newPage();
    const auntErrors = watchErrors(auntPage);
    await auntPage.goto(new URL(link).pathname);
    await auntPage.getByText(`Shared with you by ${guardian.givenName} ${guardian.familyName} until`).waitFor();
    await auntPage.getByRole('heading', { level: 1, name: `Conference record: ${child}` }).waitFor();
    await expect.poll(() => auntPage.getByRole('button', { name: 'Print' }).count()).toBe(1);
    await capture(auntPage, 'shared-record');

    // The guardian sees it was opened, and from what, then withdraws it.
    await page.getByRole('button', { name: 'Done' }).click();
    await page.reload();
    await page.getByText(/^Opened once, last on/).waitFor();
    await page.getByRole('button', { name: 'When was it opened?' }).click();
    await page.getByText(/Linux · Chrome|Another device/).waitFor();
    await capture(page, 'share-link-opened');
    await page.getByRole('button', { name: 'Withdraw' }).click();
    await page.getByRole('button', { name: 'Yes, withdraw it' }).click();
    await page.getByText('The link for Aunt Sofia no longer works.').waitFor();
    await page.getByText('Withdrawn', { exact: true }).waitFor();

    await auntPage.reload();
    await auntPage.getByRole('heading', { level: 1, name: 'This link has run out' }).waitFor();
    await capture(auntPage, 'shared-record-expired');

    // The admin turns sharing by link off for the whole school on her home page: the family is told, and cannot make a link.
    const adminContext = await newContext(browser, { viewport: DESKTOP });
    const adminPage = await signInWithPassword(adminContext, demo.staff.find((s) => s.role === 'admin')!.email);
    const adminErrors = watchErrors(adminPage);
    const schoolSwitch = adminPage.getByRole('switch', { name: 'Families may share conference records by link' });
    await expect.poll(() => schoolSwitch.getAttribute('aria-checked')).toBe('true');
    await schoolSwitch.click();
    await adminPage.getByText('Sharing by link is off.').waitFor();
    await capture(adminPage, 'sharing-school-switch-off');
    await page.reload();
    await page.getByText('Your child’s school has turned off sharing records by link.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Make a link' }).count()).toBe(0);
    await capture(page, 'share-school-off');
    // And on again: the family can make links once more.
    await adminPage.reload();
    await expect.poll(() => schoolSwitch.getAttribute('aria-checked')).toBe('false');
    await schoolSwitch.click();
    await adminPage.getByText('Sharing by link is on.').waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Make a link' }).waitFor();
    expect(adminErrors).toEqual([]);
    await adminContext.close();

    // A private follow-up: the guardian asks on the family page.
    await page.goto(`/conferences/${mine.conferenceId}/family`);
    await page.getByRole('heading', { name: 'Private follow-up' }).waitFor();
    await page.getByLabel('What would you like to talk about?').fill('Could we talk about reading at home, just the two of us?');
    await page.getByRole('button', { name: 'Ask for a follow-up' }).click();
    await page.getByText('Waiting for the teacher').waitFor();
    await capture(page, 'followup-asked');

    // The teacher replies and offers her first free time on her queue page.
    const teacherPage = await teacherContext.newPage();
    const teacherErrors = watchErrors(teacherPage);
    await teacherPage.goto('/followups');
    await teacherPage.getByRole('heading', { level: 1, name: 'Follow-up requests' }).waitFor();
    const card = teacherPage.getByRole('article', { name: new RegExp(`about ${child}`) });
    await card.getByText('Could we talk about reading at home, just the two of us?').waitFor();
    await card.getByLabel('Your reply').fill('Of course. Does later this evening suit you?');
    await card.getByRole('button', { name: 'Send reply' }).click();
    await teacherPage.getByText('Reply sent.').first().waitFor();
    await card.getByText('Offer a time').click();
    // One of her free times of the day when there is one; otherwise tomorrow at 10:00 (the school's clock).
    if (await card.getByLabel('Date and time').count()) {
      const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: demo.school.timeZone }).format(new Date(Date.now() + 86_400_000));
      await card.getByLabel('Date and time').fill(`${tomorrow}T10:00`);
    }
    await card.getByLabel('Where').fill('Kestrels classroom');
    await capture(teacherPage, 'followup-queue');
    await card.getByRole('button', { name: 'Offer this time' }).click();
    await teacherPage.getByText('Time offered. The family has been emailed a calendar invitation.').waitFor();

    await page.reload();
    await page.getByText(/offers a time:/).waitFor();
    await page.getByText('Where: Kestrels classroom').waitFor();
    await page.getByText('Of course. Does later this evening suit you?').waitFor();
    await capture(page, 'followup-offered');

    expect([...errors, ...auntErrors, ...teacherErrors]).toEqual([]);
    await Promise.all([family.close(), aunt.close(), teacherContext.close()]);
  });
});

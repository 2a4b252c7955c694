/**
 * Running late, on two families' phones: the demo's conferences of today, Ms Bennett's Kestrels
 * evening (20-minute meetings back to back). Two families' status pages are open — the next two
 * after a conference that is on now — when the teacher starts that conference and corrects its
 * start time so that it runs twelve minutes over; both pages show the new expected times and
 * "12 minutes late" without being reloaded. A third phone whose stream is blocked (a proxy that
 * drops server-sent events) catches up by its fallback poll. The interpreter's page is checked
 * too. Screenshots at desktop and phone width, axe-core on each.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConferenceDay } from '../../src/contracts/conference';
import type { InterpreterStatusView } from '../../src/contracts/late';
import { buildDemoSchool } from '../../src/domain/demo/demo-school';
import { demoToday } from '../../src/domain/demo/demo-today';
import { baseUrl, capture, hardCodedText, hasBrowser, launch, newContext, PHONE, signInWithLink, signInWithPassword, watchErrors } from './browser';

const demo = buildDemoSchool();
const kestrels = demo.staff.find((s) => s.key === 'kestrels')!;
const zone = demo.school.timeZone;
const MINUTE = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Meeting = ConferenceDay['conferences'][number];

/** The demo guardian coming to a meeting (by the name the day list gives), with their email and language. */
function guardianOf(m: Meeting) {
  const names = m.attendees.flatMap((a) => (a.kind === 'guardian' ? [a.name] : []));
  const g = demo.guardians.find((x) => names.includes(`${x.givenName} ${x.familyName}`));
  if (!g) throw new Error(`no demo guardian for ${m.student.name}`);
  return g;
}

async function csrfOf(context: BrowserContext): Promise<string> {
  return (await context.cookies()).find((c) => c.name === 'confer_csrf')?.value ?? '';
}

/**
 * A conference A that is on now (or was, up to half an hour ago) with two meetings straight after
 * it, such that "A began 12 minutes after its time" is in the past and A, given its 20 minutes from
 * then, is still going: the next two are then exactly 12 minutes late. Waits up to a minute for the
 * clock if it sits just before such a moment.
 */
async function chooseOverrun(teacher: BrowserContext): Promise<{ a: Meeting; b: Meeting; c: Meeting }> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const day = (await (await teacher.request.get('/api/conference-day')).json()) as ConferenceDay;
    const list = day.conferences;
    const now = Date.now();
    const fits = (i: number, lo: number, hi: number) => {
      const [a, b, c] = [list[i], list[i + 1], list[i + 2]];
      if (!a || !b || !c || [a, b, c].some((m) => m.status !== 'scheduled' || m.attendance !== null)) return false;
      if (b.startsAt !== a.endsAt || c.startsAt !== b.endsAt) return false;
      const off = (now - Date.parse(a.startsAt)) / MINUTE;
      return off >= lo && off <= hi;
    };
    const i = list.findIndex((_, k) => fits(k, 12, 30.5));
    if (i >= 0) return { a: list[i]!, b: list[i + 1]!, c: list[i + 2]! };
    const soon = list.findIndex((_, k) => fits(k, 11, 12));
    if (soon < 0) break;
    await sleep(12 * MINUTE - (now - Date.parse(list[soon]!.startsAt)) + 2000);
  }
  throw new Error('no conference of today fits (the demo round is seeded around the server’s start)');
}

describe.skipIf(!hasBrowser)('running late in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a conference overruns by 12 minutes and the next two families’ status pages update without reloading', async () => {
    const teacher = await newContext(browser);
    await signInWithPassword(teacher, kestrels.email);
    const { a, b, c } = await chooseOverrun(teacher);
    const familyB = guardianOf(b);
    const familyC = guardianOf(c);
    const time = (iso: string, locale: string) => new Intl.DateTimeFormat(locale, { timeZone: zone, hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
    const plus = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * MINUTE).toISOString();

    // Two families' phones: B's reads it in English; C's in their own language.
    const open = async (email: string, conferenceId: string, query = '') => {
      const context = await newContext(browser, { viewport: PHONE });
      // These families have not chosen a password: they sign in by an emailed link.
      const page = await context.newPage();
      await signInWithLink(page, email);
      const errors = watchErrors(page);
      await page.goto(`/conferences/${conferenceId}/status${query}`);
      await page.getByTestId('families-before').waitFor();
      // A mark that a reload would wipe out.
      await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
      return { context, page, errors };
    };
    const phoneB = await open(familyB.email, b.conferenceId, '?lang=en');
    const phoneC = await open(familyC.email, c.conferenceId);
    const localeC = familyC.preferredLocale ?? 'en-GB';
    const pageB: Page = phoneB.page;
    // Nothing pressed yet today: on schedule.
    await pageB.getByText('On time', { exact: true }).waitFor();
    await pageB.getByText('Live', { exact: true }).waitFor();
    expect(await pageB.getByRole('heading', { level: 1 }).textContent()).toBe(`Your meeting with ${kestrels.givenName} ${kestrels.familyName}`);
    await capture(pageB, 'late-status-on-time');

    // A phone whose stream never gets through: it shows the times from its fallback request, and says it is reconnecting.
    // (The same family's second phone: the session is copied, so no second sign-in link.)
    const blocked = await browser.newContext({ baseURL: baseUrl, bypassCSP: true, locale: 'en-GB', viewport: PHONE, storageState: await phoneB.context.storageState() });
    const blockedPage = await blocked.newPage();
    await blockedPage.route('**/status/stream', (route) => route.abort());
    await blockedPage.clock.install();
    await blockedPage.goto(`/conferences/${b.conferenceId}/status?lang=en`);
    await blockedPage.getByText('Reconnecting… checking every 30 seconds').waitFor();
    await blockedPage.getByText('On time', { exact: true }).waitFor();

    // The teacher starts A and says it really began 12 minutes after its time: it runs 12 minutes over.
    const headers = { 'x-csrf-token': await csrfOf(teacher) };
    expect((await teacher.request.post(`/api/conferences/${a.conferenceId}/start`, { headers })).status()).toBe(200);
    const corrected = await teacher.request.put(`/api/conferences/${a.conferenceId}/started-at`, { headers, data: { startedAt: plus(a.startsAt, 12) } });
    expect(corrected.status(), await corrected.text()).toBe(200);

    // Both pages update by themselves.
    await pageB.getByText('12 minutes late', { exact: true }).waitFor({ timeout: 10_000 });
    await expect.poll(() => pageB.getByTestId('expected-time').textContent(), { timeout: 10_000 }).toBe(time(plus(b.startsAt, 12), 'en-GB'));
    expect(await pageB.getByTestId('families-before').textContent()).toBe('1 family before you');
    await expect.poll(() => phoneC.page.getByTestId('expected-time').textContent(), { timeout: 10_000 }).toBe(time(plus(c.startsAt, 12), localeC));
    expect(await phoneC.page.locator('.late-delay').textContent()).toContain('12');
    for (const p of [pageB, phoneC.page]) expect(await p.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    // What a screen reader hears (the page changed by itself, so it is said).
    expect(await pageB.locator('[aria-live="polite"]').textContent()).toBe(`Booked ${time(b.startsAt, 'en-GB')}, now expected about ${time(plus(b.startsAt, 12), 'en-GB')} — 12 minutes late; 1 family before you.`);
    await capture(pageB, 'late-status-12-late');
    await capture(phoneC.page, 'late-status-12-late-second-family');
    // The same page in Arabic, right to left.
    await pageB.goto(`/conferences/${b.conferenceId}/status?lang=ar`);
    await pageB.getByText('متأخر 12 دقيقة', { exact: true }).waitFor();
    expect(await pageB.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await capture(pageB, 'late-status-12-late-ar');
    // Every word on it comes from the message files.
    await pageB.goto(`/conferences/${b.conferenceId}/status?lang=pseudo`);
    await pageB.getByTestId('families-before').waitFor();
    expect(await hardCodedText(pageB)).toEqual([]);

    // The blocked phone asks again 30 seconds on.
    await blockedPage.clock.runFor(31_000);
    await blockedPage.getByText('12 minutes late', { exact: true }).waitFor({ timeout: 10_000 });
    await capture(blockedPage, 'late-status-fallback-poll');

    // The teacher's day with expected times: running 12 minutes late.
    const me = (await (await teacher.request.get('/api/me')).json()) as { id: string };
    const day = (await (await teacher.request.get(`/api/teachers/${me.id}/day-status`)).json()) as { runningLateMinutes: number };
    expect(day.runningLateMinutes).toBe(12);

    expect([...phoneB.errors, ...phoneC.errors]).toEqual([]);
    await Promise.all([teacher.close(), phoneB.context.close(), phoneC.context.close(), blocked.close()]);
  }, 180_000);

  it('shows an interpreter their meetings of today from the secret link, live', async () => {
    const admin = await newContext(browser);
    await signInWithPassword(admin, demo.staff.find((s) => s.role === 'admin')!.email);
    const me = (await (await admin.request.get('/api/me')).json()) as { schools: Array<{ id: string }> };
    const list = (await (await admin.request.get(`/api/schools/${me.schools[0]!.id}/interpreters`)).json()) as { interpreters: Array<{ id: string; languages: string[] }> };
    const korean = list.interpreters.find((i) => i.languages.includes('ko'))!;
    const feed = (await (await admin.request.get(`/api/interpreters/${korean.id}/feed`)).json()) as { url: string };
    const token = /\/calendar\/([\w-]+)\.ics$/.exec(feed.url)![1]!;
    await admin.close();

    // No sign-in: the link is the key.
    const phone = await newContext(browser, { viewport: PHONE });
    const page = await phone.newPage();
    const errors = watchErrors(page);
    await page.goto(`/interpreter-status/${token}?lang=en`);
    await page.getByRole('heading', { level: 1, name: 'Today’s meetings' }).waitFor();
    await page.getByText('Live', { exact: true }).waitFor();
    const view = (await (await phone.request.get(`/api/interpreter-status/${token}`)).json()) as InterpreterStatusView;
    expect(view.meetings.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.late-list > li').count()).toBe(view.meetings.length);
    await page.getByText('Language: Korean').first().waitFor();
    await capture(page, 'late-interpreter-status');
    expect(errors).toEqual([]);
    await page.goto(`/interpreter-status/${token}?lang=pseudo`);
    await page.locator('.late-list > li').first().waitFor();
    expect(await hardCodedText(page)).toEqual([]);
    // A wrong secret: not found, said in words.
    await page.goto(`/interpreter-status/${'x'.repeat(43)}?lang=en`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).not.toBe('');
    await phone.close();
  });

  it('lets the admin choose, with the round’s booking settings, how late a meeting runs before families are told', async () => {
    const admin = await newContext(browser);
    const page = await signInWithPassword(admin, demo.staff.find((s) => s.role === 'admin')!.email);
    const me = (await (await admin.request.get('/api/me')).json()) as { schools: Array<{ id: string }> };
    const rounds = (await (await admin.request.get(`/api/schools/${me.schools[0]!.id}/rounds`)).json()) as { rounds: Array<{ id: string; name: string }> };
    const round = rounds.rounds.find((r) => r.name === demoToday.name)!;
    await page.goto(`/school/rounds/${round.id}/booking`);
    const field = page.getByLabel('Tell families when running late by (minutes)');
    await expect.poll(() => field.inputValue()).toBe('10');
    await field.fill('15');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('The booking settings are saved.').waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel('Tell families when running late by (minutes)').inputValue()).toBe('15');
    await page.getByLabel('Tell families when running late by (minutes)').scrollIntoViewIfNeeded();
    await capture(page, 'late-round-setting');
    // Back as it was, for the journeys after this one.
    await page.getByLabel('Tell families when running late by (minutes)').fill('10');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('The booking settings are saved.').waitFor();
    await admin.close();
  });
});

/**
 * Goals, as families and children use them: a guardian opens her child's goals on a phone, writes
 * her own commitment (the other boxes are read-only), opens the report-card goal page and prints
 * it — Chromium's `page.pdf()`, whose text (read with pdfjs-dist) has the goal and her words; the
 * Korean guardian's goal page prints in Korean; a Year 1 child checks in on her goal with a piece
 * of her work as evidence. Screenshots at desktop, phone and tablet (768 px) width, axe-core on each.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoGoals } from '../../src/domain/demo/demo-goals';
import { buildDemoSchool } from '../../src/domain/demo/demo-school';
import { demoSignIns } from '../../src/server/features/demo/seed-demo-school';
import { captureAll, hasBrowser, launch, newContext, pdfText, PHONE, screensDir, signInWithPassword, TABLET, watchErrors } from './browser';

const demo = buildDemoSchool();
const printed = demoSignIns(demo);
const guardian = printed.guardian!;
const korean = printed.korean!;
const ava = printed.child!;
const owls = printed.owls!;
const studentOf = (key: string) => demo.students.find((s) => s.key === key)!;
// The printed guardian's older child: her Spring goal waits for the family's commitment.
const lina = studentOf(guardian.children[1]!.studentKey);
const linasGoal = demoGoals.find((g) => g.who === 'sibling2')!;
const leo = studentOf(korean.children[0]!.studentKey);
const koGoals = (await import('../../locales/ko/goals.json', { with: { type: 'json' } })).default;


describe.skipIf(!hasBrowser)('goals in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a guardian writes her commitment on a phone and prints the goal page; the Korean family’s prints in Korean', async () => {
    const context = await newContext(browser, { viewport: PHONE });
    const phone = await signInWithPassword(context, guardian.email);
    const errors = watchErrors(phone);
    await phone.getByRole('link', { name: `${lina.givenName}’s goals` }).click();
    await phone.getByRole('heading', { level: 1, name: `${lina.givenName}’s goals` }).waitFor();
    const goal = phone.getByRole('article', { name: linasGoal.what });
    await goal.waitFor();
    // The child's and the teacher's words are there, read-only; only her own box has a field.
    await goal.getByText(linasGoal.commitments[0]!.text).waitFor();
    await goal.getByText(linasGoal.commitments[1]!.text).waitFor();
    expect(await goal.locator('textarea').count()).toBe(1);
    const mine = goal.getByLabel(`What will you do at home to help ${lina.givenName}?`);
    await mine.fill('I will read her letters and argue the other side at dinner.');
    await goal.getByRole('button', { name: 'Save my commitment' }).click();
    await goal.getByText('Your commitment is saved.').waitFor();
    await expect.poll(() => goal.getByRole('button', { name: 'Change my commitment' }).count()).toBe(1);
    // Nothing of the teacher's or child's controls for a family: no status buttons, no check-in.
    expect(await goal.getByRole('button', { name: /achieved|Check in/ }).count()).toBe(0);
    await captureAll(phone, 'goals-family');

    await phone.getByRole('link', { name: 'Goal page to print' }).click();
    const doc = phone.locator('article.goal-doc');
    await doc.getByRole('heading', { level: 1, name: `${lina.givenName}’s goals` }).waitFor();
    await doc.getByText('I will read her letters and argue the other side at dinner.').waitFor();
    await phone.getByRole('button', { name: 'Print' }).waitFor();
    await captureAll(phone, 'goals-page');
    await phone.emulateMedia({ media: 'print' });
    await phone.screenshot({ path: path.join(screensDir, 'goals-page-print.png'), fullPage: true });
    await phone.emulateMedia({ media: null });
    const text = await pdfText(await phone.pdf({ format: 'A4', printBackground: true }));
    expect(text).toContain(linasGoal.what);
    expect(text).toContain('I will read her letters and argue the other side at dinner.');
    expect(text).toContain('Our commitments');
    // Print leaves out the page around the document (the header, the Print button).
    expect(text).not.toContain('Print');
    expect(errors).toEqual([]);
    await context.close();

    // The Korean guardian reads and prints the page in Korean; her words as she wrote them.
    const koContext = await newContext(browser, { viewport: PHONE });
    const koPage = await signInWithPassword(koContext, korean.email);
    const koErrors = watchErrors(koPage);
    await koPage.goto(`/students/${await childId(koPage, leo.givenName)}/goals/page`);
    const koDoc = koPage.locator('article.goal-doc[lang="ko"]');
    await koDoc.getByRole('heading', { level: 1, name: koGoals.page.title.replace('{name}', leo.givenName) }).waitFor();
    const koText = await pdfText(await koPage.pdf({ format: 'A4' }));
    // (Chromium's PDF breaks Korean lines between any two syllables: compare without spaces.)
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    expect(squeeze(koText)).toContain(squeeze(koGoals.page.commitments));
    expect(squeeze(koText)).toContain(squeeze(demoGoals.find((g) => g.who === 'korean')!.commitments[1]!.text));
    await captureAll(koPage, 'goals-page-ko');
    expect(koErrors).toEqual([]);
    await koContext.close();
  });

  it('a Year 1 child opens “My goals” and checks in with a piece of her work as evidence', async () => {
    const context = await newContext(browser, { viewport: TABLET });
    const kid = await context.newPage();
    const errors = watchErrors(kid);
    await kid.goto('/sign-in/class');
    await kid.getByLabel('Class code').fill(owls.classCode);
    await kid.getByRole('button', { name: 'Next' }).click();
    await kid.getByRole('button', { name: new RegExp(`^${ava.givenName} `) }).first().click();
    await kid.getByRole('button', { name: ava.pictures[0], exact: true }).click();
    await kid.getByRole('button', { name: ava.pictures[1], exact: true }).click();
    await kid.getByRole('heading', { name: `Hello, ${ava.givenName}!` }).waitFor();
    await captureAll(kid, 'goals-pupil-home');
    await kid.getByRole('link', { name: 'My goals' }).click();
    await kid.getByRole('heading', { level: 1, name: 'My goals' }).waitFor();
    // Autumn is now: her achieved goal is there; Spring holds the one she works on.
    const achieved = demoGoals.find((g) => g.who === 'printed' && g.achievedDaysAgo !== undefined)!;
    await kid.getByRole('article', { name: achieved.what }).getByText('I did it!').waitFor();
    await captureAll(kid, 'goals-child');
    // A new goal is for the next period unless she chooses another (looked at, not saved here).
    await kid.getByRole('link', { name: 'Set a new goal' }).click();
    await kid.getByRole('heading', { level: 1, name: 'My new goal' }).waitFor();
    expect(await kid.getByLabel('Report period it is for').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe('Spring report (the next one)');
    await captureAll(kid, 'goals-child-new');
    await kid.goBack();
    await kid.getByRole('heading', { level: 1, name: 'My goals' }).waitFor();
    await kid.getByRole('link', { name: /^Spring report/ }).click();
    const working = demoGoals.find((g) => g.who === 'printed' && g.period === 'Spring report')!;
    const goal = kid.getByRole('article', { name: working.what });
    await goal.waitFor();
    await goal.getByRole('button', { name: 'Check in' }).click();
    await goal.getByLabel('How is it going?').fill('I wrote about my frog with a dot at the end.');
    await goal.getByRole('checkbox', { name: 'My frog' }).check();
    await goal.getByText('1 piece chosen').waitFor();
    await captureAll(kid, 'goals-child-checkin');
    await goal.getByRole('button', { name: 'Save the check-in' }).click();
    await goal.getByText('Check-in saved.').waitFor();
    const evidence = goal.getByRole('list', { name: 'Work that shows it' }).last();
    await evidence.getByText('My frog').waitFor();
    await expect.poll(() => evidence.locator('img').first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 10_000 }).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

async function childId(page: Page, givenName: string): Promise<string> {
  const res = await page.request.get('/api/me/children');
  const { children } = (await res.json()) as { children: Array<{ id: string; givenName: string }> };
  return children.find((c) => c.givenName === givenName)!.id;
}

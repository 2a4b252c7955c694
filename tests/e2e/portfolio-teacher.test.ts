/**
 * More of the portfolio in a real browser: a teacher on a phone posts a photo for two children at
 * once; sends a child's post back with a comment, which the child reads and improves; a family reads
 * the portfolio in Korean and in Arabic (right to left); the admin edits the subjects; the digest's
 * "stop" page with a bad link says so.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser} from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoSchool } from '../../src/domain/demo/demo-school';
import { demoSignIns } from '../../src/server/features/demo/seed-demo-school';
import { capture, hasBrowser, launch, newContext, signInWithPassword, watchErrors } from './browser';

const demo = buildDemoSchool();
const printed = demoSignIns(demo);
const teacher = printed.teacher!;
const owls = printed.owls!;
const ava = printed.child!;
const owlsKids = demo.students.filter((s) => s.classKey === 'owls');
const ko = (await import('../../locales/ko/portfolio.json', { with: { type: 'json' } })).default;
const ar = (await import('../../locales/ar/portfolio.json', { with: { type: 'json' } })).default;

describe.skipIf(!hasBrowser)('portfolio for teachers and families in Chromium', () => {
  let browser: Browser;
  let photo: string;
  beforeAll(async () => {
    browser = await launch();
    const dir = path.resolve('.tmp/e2e-files');
    mkdirSync(dir, { recursive: true });
    photo = path.join(dir, 'farm.png');
    await sharp({ create: { width: 900, height: 600, channels: 3, background: '#8ecae6' } })
      .composite([{ input: Buffer.from('<svg width="900" height="600"><rect y="380" width="900" height="220" fill="#52b788"/><rect x="320" y="220" width="260" height="180" fill="#bc4749"/></svg>') }])
      .png()
      .toFile(photo);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a teacher on a phone posts for two children at once, and sends a post back; the child improves it', async () => {
    const context = await newContext(browser);
    const page = await signInWithPassword(context, teacher.email);
    const errors = watchErrors(page);
    await page.getByRole('link', { name: /Owls/ }).first().click();
    await page.getByRole('link', { name: 'Post for several children' }).click();
    await page.getByRole('heading', { name: 'Post for children in Owls' }).waitFor();
    const [first, second] = [owlsKids[2]!, owlsKids[3]!];
    // No child chosen: the server says so next to the list, and what was added stays.
    await page.getByLabel('Choose a picture').setInputFiles(photo);
    await page.getByText('Added').waitFor();
    await page.getByLabel('Title').fill('Our trip to the farm');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.getByText('Some answers are missing or not quite right.').waitFor();
    await page.getByText('Choose at least one child.').waitFor();
    expect(await page.getByLabel('Title').inputValue()).toBe('Our trip to the farm');
    await page.getByRole('checkbox', { name: `${first.givenName} ${first.familyName}` }).check();
    await page.getByRole('checkbox', { name: `${second.givenName} ${second.familyName}` }).check();
    expect(await page.getByText('Choose at least one child.').count()).toBe(0);
    await capture(page, 'portfolio-group-post');
    await page.getByRole('button', { name: 'Post for 2 children' }).click();
    await page.getByText('Posted for 2 children.').waitFor();

    // It is in both children's portfolios at once (staff posts need no approval).
    const classId = new URL(page.url()).pathname.split('/')[2];
    const klass = await (await page.request.get(`/api/classes/${classId}`)).json();
    for (const kid of [first, second]) {
      const id = klass.students.find((s: { givenName: string; familyName: string }) => s.givenName === kid.givenName && s.familyName === kid.familyName).id;
      const timeline = await (await page.request.get(`/api/students/${id}/posts`)).json();
      expect(timeline.posts.map((p: { caption: string; status: string }) => `${p.caption}:${p.status}`)).toContain('Our trip to the farm:approved');
    }

    // Send Ava's waiting drawing back.
    await page.goto(`/classes/${classId}/approvals`);
    const house = page.getByRole('article', { name: 'Our house' });
    await house.getByRole('button', { name: 'Send back' }).click();
    await house.getByRole('button', { name: 'Send back with this comment' }).click();
    await house.getByLabel(`What should ${ava.givenName} change?`).fill('Lovely house! Can you write one sentence about who lives there?');
    await capture(page, 'portfolio-returning');
    await house.getByRole('button', { name: 'Send back with this comment' }).click();
    await expect.poll(() => house.count()).toBe(0);
    // Automatic approval, on and off again (the class's setting is kept for the next test run's sake).
    const auto = page.getByRole('switch', { name: 'Approve pupils’ posts automatically' });
    await auto.click();
    await page.getByText('Pupils’ posts are now approved automatically.').waitFor();
    await expect.poll(() => auto.getAttribute('aria-checked')).toBe('true');
    await auto.click();
    await page.getByText('Pupils’ posts now wait for your approval.').waitFor();
    await expect.poll(() => auto.getAttribute('aria-checked')).toBe('false');
    expect(errors).toEqual([]);
    await context.close();

    // Ava sees it came back, with the comment, improves it and sends it again.
    const child = await newContext(browser, { viewport: { width: 820, height: 1180 } });
    const kid = await child.newPage();
    await kid.goto(`/sign-in/class?code=${owls.classCode}`);
    await kid.getByRole('button', { name: new RegExp(`^${ava.givenName} `) }).first().click();
    await kid.getByRole('button', { name: ava.pictures[0], exact: true }).click();
    await kid.getByRole('button', { name: ava.pictures[1], exact: true }).click();
    await kid.getByRole('link', { name: 'My portfolio', exact: true }).click();
    const mine = kid.getByRole('article', { name: 'Our house' });
    // Other tests may have put newer pieces in her portfolio: she shows older posts until it is there.
    const older = kid.getByRole('button', { name: 'Show older posts' });
    await mine.or(older).first().waitFor();
    for (let page = 0; (await mine.count()) === 0; page++) {
      expect(page < 10 && (await older.count()) === 1, 'Our house is in her portfolio').toBe(true);
      await older.click();
      await kid.waitForLoadState('networkidle');
    }
    await mine.getByText('Sent back to improve').waitFor();
    await mine.getByText('Can you write one sentence about who lives there?').waitFor();
    await capture(kid, 'portfolio-child-returned');
    await mine.getByLabel('What did you do well? What will you do next?').fill('I drew my house and the sun. My mum and my cat live there.');
    await mine.getByRole('button', { name: 'Send to my teacher again' }).click();
    await mine.getByText('Waiting for your teacher').waitFor();
    await mine.getByText('My mum and my cat live there.').waitFor();
    await child.close();
  });

  it('a family reads the portfolio in Korean, and in Arabic from right to left', async () => {
    const context = await newContext(browser);
    const page = await signInWithPassword(context, printed.korean!.email);
    const childId = (await (await page.request.get('/api/me/children')).json()).children[0].id;
    await page.goto(`/students/${childId}/portfolio`);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('ko');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('combobox', { name: ko.timeline.filter }).waitFor();
    await capture(page, 'portfolio-family-ko');
    await context.close();

    const family = await newContext(browser);
    const phone = await signInWithPassword(family, printed.guardian!.email);
    const children = (await (await phone.request.get('/api/me/children')).json()).children as Array<{ id: string; givenName: string }>;
    await phone.goto(`/students/${children[0]!.id}/portfolio?lang=ar`);
    await expect.poll(() => phone.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await phone.getByRole('combobox', { name: ar.timeline.filter }).waitFor();
    await expect.poll(() => phone.locator('article').count()).toBeGreaterThan(0);
    await capture(phone, 'portfolio-family-ar');
    // Filtering by a subject the child has no posts in says so.
    const options = await phone.getByRole('combobox').locator('option').allTextContents();
    expect(options.length).toBeGreaterThan(3);
    await family.close();
  });

  it('the admin adds and renames a subject; the unsubscribe page refuses a bad link', async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await signInWithPassword(context, printed.admin!.email);
    await page.getByRole('link', { name: /Subjects and strands/ }).click();
    await page.getByRole('heading', { name: 'Subjects and strands' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Music');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText('Music was added.').waitFor();
    await page.getByLabel('Name', { exact: true }).fill('music');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText('There is already one with this name.').waitFor();
    await page.getByRole('button', { name: 'Rename Music' }).click();
    await page.locator('.tag-row, form.inline-form').getByRole('textbox').first().fill('Music and song');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Renamed to Music and song.').waitFor();
    await capture(page, 'portfolio-subjects');
    await context.close();

    const anyone = await newContext(browser);
    const stop = await anyone.newPage();
    await stop.goto('/unsubscribe#not-a-real-token-0123456789');
    await stop.getByRole('button', { name: 'Stop these emails' }).click();
    await stop.getByText('This sign-in link has expired or has already been used.', { exact: false }).waitFor();
    await capture(stop, 'portfolio-unsubscribe-bad');
    await anyone.close();
  });
});

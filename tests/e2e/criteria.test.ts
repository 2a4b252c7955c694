/**
 * Success criteria in a real browser: the Owls' teacher opens the class's anchor charts (the
 * demo's writers and representers), writes a new list through the page — a criterion with a
 * picture of the set and a recording of her voice, another with her own picture — and puts them
 * in order with the keyboard; a pupil posts her sums and ticks the two criteria (each with its
 * speaker button); the teacher tags a standard and approves; the family sees the ticks on the post. Screenshots at
 * desktop and phone width, axe-core on each.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator} from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoSchool, DEMO_PASSWORD } from '../../src/domain/demo/demo-school';
import { capture, hasBrowser, launch, newContext, signInWithLink, watchErrors } from './browser';

const demo = buildDemoSchool();
const teacher = demo.staff.find((s) => s.key === 'owls')!;
const owls = demo.classes.find((c) => c.key === 'owls')!;
// An Owls child whose guardian reads English and has an email, not the one the portfolio journey uses (the last).
const guardian = demo.guardians.filter((g) => !g.preferredLocale && g.email && g.children.length === 1 && demo.students.find((s) => s.key === g.children[0]!.studentKey)?.classKey === 'owls').at(-2)!;
const child = demo.students.find((s) => s.key === guardian.children[0]!.studentKey)!;
const LIST = 'What good mathematicians do';
const CHECK = 'I check my answer.';
const WORKING = 'I show my working.';

/** A criterion's speaker button (named "Listen", described by the criterion's words), after checking that description. */
async function listen(scope: Locator, wording: string): Promise<Locator> {
  const button = scope.getByRole('listitem').filter({ hasText: wording }).getByRole('button', { name: 'Listen', exact: true });
  const describedBy = await button.getAttribute('aria-describedby');
  expect(await scope.page().locator(`[id="${describedBy}"]`).textContent()).toBe(wording);
  return button;
}

describe.skipIf(!hasBrowser)('success criteria in Chromium', () => {
  let browser: Browser;
  let picture: string;
  beforeAll(async () => {
    browser = await launch({ fakeMedia: true });
    const dir = path.resolve('.tmp/e2e-files');
    mkdirSync(dir, { recursive: true });
    picture = path.join(dir, 'working-out.png');
    await sharp({ create: { width: 400, height: 400, channels: 3, background: '#fffdf5' } })
      .composite([{ input: Buffer.from('<svg width="400" height="400"><text x="40" y="160" font-size="90" font-family="sans-serif" fill="#1d4e89">3+4</text><text x="40" y="300" font-size="90" font-family="sans-serif" fill="#e63946">=7</text></svg>') }])
      .png()
      .toFile(picture);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the teacher writes a list with pictures and her voice; a pupil ticks two criteria; the family sees them', async () => {
    // The teacher, at a desk.
    const staff = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const desk = await staff.newPage();
    const deskErrors = watchErrors(desk);
    await desk.goto('/sign-in');
    await desk.getByLabel('Email (or pupil username)').fill(teacher.email);
    await desk.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await desk.getByRole('button', { name: 'Sign in', exact: true }).click();
    await desk.getByRole('link', { name: /Owls/ }).first().click();
    await desk.getByRole('link', { name: 'Success criteria' }).click();
    await desk.getByRole('heading', { name: 'Success criteria for Owls' }).waitFor();
    const writers = desk.getByRole('article', { name: 'What good writers do' });
    await writers.getByText('I put spaces between my words.').waitFor();
    await desk.getByRole('article', { name: 'What good representers do' }).getByText('Shared by all of Year 1').waitFor();
    // Without a recording, the speaker button reads the words aloud.
    expect(await (await listen(writers, 'I put spaces between my words.')).getAttribute('data-speaks')).toBe('synthesis');
    await capture(desk, 'criteria-owls');

    // A new list for the class.
    await desk.getByLabel('Title', { exact: true }).last().fill(LIST);
    await desk.getByRole('button', { name: 'Create the list' }).click();
    await desk.getByText(`Created “${LIST}”.`, { exact: false }).waitFor();
    const chart = desk.getByRole('article', { name: LIST });
    await chart.getByText('No criteria in this list yet.').waitFor();
    await chart.getByRole('button', { name: 'Change this list' }).click();

    // The first criterion: a picture of the set, and the teacher's voice.
    const add = chart.getByRole('form', { name: 'Add a criterion' });
    await add.getByLabel('In the children’s words').fill(CHECK);
    await add.getByText('Picture: No picture').click();
    await add.getByRole('radio', { name: 'magnifying glass', exact: true }).check();
    await add.getByRole('button', { name: 'Record it' }).click();
    await add.getByRole('button', { name: 'Start recording' }).click();
    await add.getByRole('timer').waitFor();
    await desk.waitForTimeout(1200);
    await add.getByRole('button', { name: 'Stop' }).click();
    await add.getByRole('button', { name: 'Use this recording' }).click();
    await expect.poll(() => add.getByRole('progressbar').count(), { timeout: 15_000 }).toBe(0);
    await add.getByRole('button', { name: 'Add it' }).click();
    await desk.getByText(`Added “${CHECK}”.`).waitFor();

    // The second: the teacher's own picture.
    await add.getByLabel('In the children’s words').fill(WORKING);
    await add.getByText('Picture: No picture').click();
    await add.getByLabel('Upload your own picture').setInputFiles(picture);
    await expect.poll(() => add.getByRole('progressbar').count(), { timeout: 15_000 }).toBe(0);
    await add.getByRole('button', { name: 'Add it' }).click();
    await desk.getByText(`Added “${WORKING}”.`).waitFor();
    const items = chart.locator('.criteria-chart-items .criteria-chart-wording');
    await expect.poll(() => items.allTextContents()).toEqual([CHECK, WORKING]);
    expect(await (await listen(chart, CHECK)).getAttribute('data-speaks')).toBe('recording');

    // "I show my working" goes first, with the keyboard; focus stays on its button.
    await chart.getByRole('button', { name: `Move up: ${WORKING}` }).focus();
    await desk.keyboard.press('Enter');
    await desk.getByText(`Moved “${WORKING}” to place 1.`).waitFor();
    await expect.poll(() => items.allTextContents()).toEqual([WORKING, CHECK]);
    await expect.poll(() => desk.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Move up: ${WORKING}`);
    // The uploaded picture is processed in the background, then shown on the chart.
    await expect
      .poll(
        async () => {
          await desk.reload();
          await desk.getByRole('article', { name: LIST }).getByText(CHECK).waitFor();
          return desk.getByRole('article', { name: LIST }).locator('img.criteria-image').count();
        },
        { timeout: 20_000 },
      )
      .toBe(1);
    await desk.getByRole('article', { name: LIST }).getByRole('button', { name: 'Change this list' }).click();
    await capture(desk, 'criteria-edit');
    expect(deskErrors).toEqual([]);

    // The pupil, on a tablet: posts her sums and ticks the two criteria.
    const pupil = await newContext(browser, { viewport: { width: 820, height: 1180 } });
    const kid = await pupil.newPage();
    const kidErrors = watchErrors(kid);
    await kid.goto(`/sign-in/class?code=${owls.classCode}`);
    await kid.getByRole('button', { name: new RegExp(`^${child.givenName} `) }).first().click();
    await kid.getByRole('button', { name: child.pictures[0], exact: true }).click();
    await kid.getByRole('button', { name: child.pictures[1], exact: true }).click();
    await kid.getByRole('heading', { name: `Hello, ${child.givenName}!` }).waitFor();
    await kid.getByRole('link', { name: 'Add to my portfolio' }).click();
    await kid.getByRole('button', { name: 'Write' }).click();
    await kid.getByRole('textbox', { name: 'Writing' }).fill('3 + 4 = 7. I counted on from 4.');
    await kid.getByLabel('Title').fill('My sums');
    const checklist = kid.getByRole('group', { name: 'Which of these does your work show?' });
    await checklist.getByText(LIST).waitFor();
    for (const wording of [WORKING, CHECK]) {
      await listen(checklist, wording);
      await checklist.getByRole('checkbox', { name: wording }).check();
    }
    expect(await checklist.getByRole('checkbox', { name: 'I put spaces between my words.' }).isChecked()).toBe(false);
    await capture(kid, 'criteria-compose');
    await kid.getByRole('button', { name: 'Send to my teacher' }).click();
    await kid.getByRole('heading', { name: 'My portfolio' }).waitFor();
    const mine = kid.getByRole('article', { name: 'My sums' });
    const shows = mine.getByRole('group', { name: 'What my work shows' });
    await expect.poll(() => shows.locator('.criteria-shown-item .criteria-wording').allTextContents()).toEqual([WORKING, CHECK]);
    expect(kidErrors).toEqual([]);

    // The teacher approves it, and sees the ticks in the queue.
    await desk.goto('/');
    await desk.getByRole('link', { name: /Owls/ }).first().click();
    await desk.getByRole('link', { name: 'Posts to approve' }).click();
    const queued = desk.getByRole('article', { name: 'My sums' });
    await queued.getByRole('group', { name: `What ${child.givenName}’s work shows` }).getByText(CHECK).waitFor();
    // She tags the standard the sums show, with the standards picker.
    await queued.getByRole('button', { name: 'Tag standards' }).click();
    await queued.getByLabel('Find a standard').fill('Y1.M.3');
    await queued.getByRole('checkbox', { name: /Add and take away one-digit numbers/ }).check();
    await queued.getByRole('button', { name: 'Save the standards' }).click();
    await queued.getByRole('list', { name: 'Standards' }).getByText('Y1.M.3').waitFor();
    await capture(desk, 'criteria-approvals');
    await queued.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => queued.count()).toBe(0);

    // The family, on a phone, sees the ticks on the post and can hear one.
    const family = await newContext(browser);
    const phone = await family.newPage();
    const familyErrors = watchErrors(phone);
    await signInWithLink(phone, guardian.email!);
    await phone.getByRole('heading', { name: 'Your children' }).waitFor();
    await phone.getByRole('link', { name: `${child.givenName}’s portfolio` }).click();
    const seen = phone.getByRole('article', { name: 'My sums' });
    const ticks = seen.getByRole('group', { name: `What ${child.givenName}’s work shows` });
    await expect.poll(() => ticks.locator('.criteria-shown-item .criteria-wording').allTextContents()).toEqual([WORKING, CHECK]);
    expect(await (await listen(ticks, CHECK)).getAttribute('data-speaks')).toBe('recording');
    await ticks.getByRole('list', { name: 'Standards' }).getByText('Y1.M.3').waitFor();
    // The teacher's recording is the family's to hear.
    const childId = ((await (await phone.request.get('/api/me/children')).json()) as { children: Array<{ id: string }> }).children[0]!.id;
    const timeline = (await (await phone.request.get(`/api/students/${childId}/posts`)).json()) as { posts: Array<{ caption: string; criteria: Array<{ wording: string; audio: { urls: Record<string, string> } | null }> }> };
    const audio = timeline.posts.find((p) => p.caption === 'My sums')!.criteria.find((c) => c.wording === CHECK)!.audio!;
    expect((await phone.request.get(audio.urls.original!)).status()).toBe(200);
    expect(await ticks.getByRole('button', { name: /^Change the ticks|^Tick what/ }).count()).toBe(0);
    await capture(phone, 'criteria-family-post');
    expect(familyErrors).toEqual([]);
    await Promise.all([staff.close(), pupil.close(), family.close()]);
  });
});

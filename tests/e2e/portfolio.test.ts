/**
 * The portfolio, as the people who use it: a Year 1 child signs in with pictures, records a voice
 * note and takes a "photo" (a file from the test, as a phone's camera would give), and sends the
 * post to her teacher; the teacher approves it; her guardian sees it on a phone, plays the
 * recording and comments; the child sees the comment. Screenshots at phone and desktop width,
 * axe-core on every page.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser} from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoSchool, DEMO_PASSWORD } from '../../src/domain/demo/demo-school';
import { capture, hasBrowser, launch, newContext, signInWithLink, signInWithPictures, watchErrors } from './browser';

const demo = buildDemoSchool();
const teacher = demo.staff.find((s) => s.key === 'owls')!;
const owls = demo.classes.find((c) => c.key === 'owls')!;
// A child of Owls whose guardian reads English (the page's words are checked in English), from the
// end of the class list: the demo portfolios belong to the first children.
const guardian = demo.guardians.filter((g) => !g.preferredLocale && g.email && g.children.length === 1 && demo.students.find((s) => s.key === g.children[0]!.studentKey)?.classKey === 'owls').at(-1)!;
const child = demo.students.find((s) => s.key === guardian.children[0]!.studentKey)!;

describe.skipIf(!hasBrowser)('portfolio in Chromium', () => {
  let browser: Browser;
  let photo: string;
  beforeAll(async () => {
    browser = await launch({ fakeMedia: true });
    // A phone photo: a JPEG with the camera's EXIF, including where it was taken.
    const dir = path.resolve('.tmp/e2e-files');
    mkdirSync(dir, { recursive: true });
    photo = path.join(dir, 'IMG_2041.jpg');
    await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#3a7d44' } })
      .composite([{ input: Buffer.from('<svg width="1200" height="900"><circle cx="600" cy="450" r="300" fill="#9bd35a"/><circle cx="500" cy="380" r="40" fill="#fff"/><circle cx="700" cy="380" r="40" fill="#fff"/></svg>') }])
      .jpeg()
      .withExif({ IFD0: { Make: 'PhoneCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 12/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 39/1' } })
      .toFile(photo);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a child posts a voice note and a photo, the teacher approves, the family plays it and comments', async () => {
    // The child, on a tablet-sized screen.
    const pupil = await newContext(browser, { viewport: { width: 820, height: 1180 } });
    const kid = await pupil.newPage();
    const kidErrors = watchErrors(kid);
    await signInWithPictures(kid, owls.classCode, child);
    await kid.getByRole('link', { name: 'Add to my portfolio' }).click();
    await kid.getByRole('heading', { name: 'Add to my portfolio' }).waitFor();
    await capture(kid, 'portfolio-compose-empty');

    // Nothing added yet: a clear message, nothing sent.
    await kid.getByRole('button', { name: 'Send to my teacher' }).click();
    await kid.getByText('Add at least one photo, recording, drawing, piece of writing or file.').waitFor();

    await kid.getByRole('button', { name: 'Record my voice' }).click();
    await kid.getByRole('button', { name: 'Start recording' }).click();
    await kid.getByRole('timer').waitFor();
    await kid.waitForTimeout(1500);
    await kid.getByRole('button', { name: 'Stop' }).click();
    await kid.getByRole('button', { name: 'Keep it' }).click();
    await kid.getByLabel('Take a photo').setInputFiles(photo);
    await expect.poll(() => kid.getByText('Added').count(), { timeout: 15_000 }).toBe(2);
    await kid.getByLabel('Title').fill('My frog painting');
    await kid.getByLabel('What did you do well? What will you do next?').fill('I used lots of green. Next time I will paint the pond.');
    await kid.getByRole('checkbox', { name: 'Art', exact: true }).check();
    await capture(kid, 'portfolio-compose');
    await kid.getByRole('button', { name: 'Send to my teacher' }).click();
    await kid.getByRole('heading', { name: 'My portfolio' }).waitFor();
    const post = kid.getByRole('article', { name: 'My frog painting' });
    await post.getByText('Waiting for your teacher').waitFor();
    // The photo is processed in the background; the page shows it once ready.
    await expect.poll(() => post.locator('img').count(), { timeout: 15_000 }).toBe(1);
    await capture(kid, 'portfolio-child-waiting');
    expect(kidErrors).toEqual([]);

    // The family cannot see it yet.
    const family = await newContext(browser);
    const phone = await family.newPage();
    const familyErrors = watchErrors(phone);
    await signInWithLink(phone, guardian.email!);
    await phone.getByRole('heading', { name: 'Your children' }).waitFor();
    await phone.getByRole('link', { name: `${child.givenName}’s portfolio` }).click();
    await phone.getByRole('heading', { name: `${child.givenName}’s portfolio` }).waitFor();
    await phone.getByText(`Nothing in ${child.givenName}’s portfolio yet.`).waitFor();

    // The teacher approves it.
    const staff = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const desk = await staff.newPage();
    const deskErrors = watchErrors(desk);
    await desk.goto('/sign-in');
    await desk.getByLabel('Email (or pupil username)').fill(teacher.email);
    await desk.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await desk.getByRole('button', { name: 'Sign in', exact: true }).click();
    await desk.getByRole('link', { name: /Owls/ }).first().click();
    await desk.getByRole('link', { name: 'Posts to approve' }).click();
    await desk.getByRole('heading', { name: /posts? waiting$/ }).waitFor();
    const waiting = Number((await desk.getByRole('heading', { name: /posts? waiting$/ }).textContent())!.split(' ')[0]);
    const queued = desk.getByRole('article', { name: 'My frog painting' });
    await queued.getByText('I used lots of green.').waitFor();
    await capture(desk, 'portfolio-approvals');
    await queued.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => queued.count()).toBe(0);
    await desk.getByRole('heading', { name: waiting - 1 === 1 ? '1 post waiting' : waiting - 1 === 0 ? 'Nothing waiting' : `${waiting - 1} posts waiting` }).waitFor();
    expect(deskErrors).toEqual([]);

    // The family sees it, the photo loads, the child's voice plays, and they comment.
    await phone.reload();
    const seen = phone.getByRole('article', { name: 'My frog painting' });
    await seen.waitFor();
    await expect.poll(() => seen.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 10_000 }).toBe(true);
    const played = await seen.locator('audio').first().evaluate(async (audio: HTMLAudioElement) => {
      await audio.play();
      await new Promise((r) => setTimeout(r, 700));
      return { time: audio.currentTime, error: audio.error?.code ?? null };
    });
    expect(played.error).toBeNull();
    expect(played.time).toBeGreaterThan(0);
    await seen.getByLabel(`Write to ${child.givenName}`).fill('What a beautiful frog! Can you paint one at home too?');
    await seen.getByRole('button', { name: 'Send comment' }).click();
    await seen.getByText('What a beautiful frog!', { exact: false }).waitFor();
    await capture(phone, 'portfolio-family');
    expect(familyErrors).toEqual([]);

    // The child sees the comment.
    await kid.reload();
    await kid.getByRole('article', { name: 'My frog painting' }).getByText('What a beautiful frog!', { exact: false }).waitFor();
    await capture(kid, 'portfolio-child-comment');
    await Promise.all([pupil.close(), family.close(), staff.close()]);
  });
});

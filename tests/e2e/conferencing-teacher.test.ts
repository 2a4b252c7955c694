/**
 * Pupil conferencing from the teacher's side, in Chromium against the demo school: the admin's
 * stages (an overlap is refused next to the right field, nothing typed is lost) and a teacher's
 * read-only view of them; the Owls' overview with its requests queue (a time in the past is refused
 * on its field) and the pupil's note waiting; the Reception teacher logs a picture-led conference
 * with Theo on a phone — a photo taken on the spot, his words, think pink, a next step — corrects a
 * follow-up the server refuses, and reads the record, ticks the step and makes it a goal; Theo
 * reads it in his own words; a pupil conferencer is paired with Theo and the pairing ended.
 * Screenshots at desktop and phone width with axe-core on each. Theo (Robins) is a child no other
 * test uses; the Owls' queue and the school's stages are left as they were.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRobins } from '../../src/domain/demo/demo-conferencing';
import { buildDemoSchool } from '../../src/domain/demo/demo-school';
import { capture, hasBrowser, launch, newContext, PHONE, signInWithPassword, signInWithPictures, watchErrors } from './browser';

const demo = buildDemoSchool();
const staff = (key: string) => demo.staff.find((s) => s.key === key)!;
const admin = staff('head');
const owlsTeacher = staff('owls');
const robinsTeacher = `${demoRobins.teacher.givenName}.${demoRobins.teacher.familyName}@riverside.example`.toLowerCase();
// Theo Walsh, the last of the Robins: no other browser test uses him.
const theo = demoRobins.children.find((c) => c.givenName === 'Theo')!;
// A Year 5 pupil no other browser test uses, to conference Theo for a moment.
const otter = demo.students.filter((s) => s.classKey === 'otters' && s.givenName !== 'Jun').at(-1)!;

async function idOf(page: Page, className: string, givenName?: string): Promise<string> {
  type Klass = { id: string; name: string };
  const classes = (await (await page.request.get('/api/me/classes')).json()) as { taught: Klass[]; school: Klass[] };
  const klass = [...classes.taught, ...classes.school].find((c) => c.name === className)!;
  if (!givenName) return klass.id;
  const detail = (await (await page.request.get(`/api/classes/${klass.id}`)).json()) as { students: Array<{ id: string; givenName: string }> };
  return detail.students.find((s) => s.givenName === givenName)!.id;
}

describe.skipIf(!hasBrowser)('pupil conferencing for teachers in Chromium', () => {
  let browser: Browser;
  let photo: string;
  beforeAll(async () => {
    browser = await launch();
    const dir = path.resolve('.tmp/e2e-files');
    mkdirSync(dir, { recursive: true });
    photo = path.join(dir, 'rocket-model.png');
    await sharp({ create: { width: 900, height: 700, channels: 3, background: '#e9f5db' } })
      .composite([{ input: Buffer.from('<svg width="900" height="700"><rect x="380" y="160" width="140" height="380" fill="#8d99ae"/><polygon points="380,160 450,40 520,160" fill="#ef233c"/><rect x="330" y="460" width="50" height="90" fill="#ffb703"/><rect x="520" y="460" width="50" height="90" fill="#ffb703"/><circle cx="450" cy="260" r="40" fill="#8ecae6"/></svg>') }])
      .png()
      .toFile(photo);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the admin edits the stages: an overlap is refused next to its field and nothing typed is lost; a teacher reads them', { timeout: 90_000 }, async () => {
    const context = await newContext(browser);
    const page = await signInWithPassword(context, admin.email);
    const errors = watchErrors(page);
    await page.getByRole('link', { name: /Pupil conferencing/ }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Pupil conferencing' }).waitFor();
    await page.getByText('The school uses the template: UK primary.').waitFor();
    expect(await page.getByRole('switch', { name: 'Families read pupil conferences' }).count()).toBe(1);
    await capture(page, 'conferencing-settings');

    // KS1 from Reception overlaps EYFS: refused on KS1's first year; the new name typed stays.
    const ks1 = page.getByRole('group', { name: 'KS1', exact: true });
    await ks1.getByLabel('Name', { exact: true }).fill('Key Stage 1');
    const ks1Group = page.getByRole('group', { name: 'Key Stage 1', exact: true });
    await ks1Group.getByLabel('First year').selectOption({ label: 'Reception' });
    await ks1Group.getByRole('checkbox', { name: 'Peer', exact: true }).check();
    await page.getByRole('button', { name: 'Save the stages' }).click();
    await ks1Group.getByText('These years are already in another stage.').waitFor();
    expect(await ks1Group.getByLabel('First year').getAttribute('aria-invalid')).toBe('true');
    expect(await ks1Group.getByLabel('Name', { exact: true }).inputValue()).toBe('Key Stage 1');
    expect(await ks1Group.getByRole('checkbox', { name: 'Peer', exact: true }).isChecked()).toBe(true);
    // Only KS1's field is marked.
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(1);
    await capture(page, 'conferencing-settings-error');
    // Nothing was saved: the school still uses the template.
    const schoolId = (await (await page.request.get('/api/session')).json()).me.schools[0].id as string;
    const saved = (await (await page.request.get(`/api/schools/${schoolId}/conferencing`)).json()) as { source: string; stages: Array<{ name: string }> };
    expect(saved.source).toBe('uk_primary');
    expect(saved.stages.map((s) => s.name)).toEqual(['EYFS', 'KS1', 'LKS2', 'UKS2']);
    expect(errors).toEqual([]);

    // A teacher reads the stages and cannot change them.
    const teacherContext = await newContext(browser, { viewport: PHONE });
    const teacher = await signInWithPassword(teacherContext, owlsTeacher.email);
    await teacher.goto('/school/conferencing');
    await teacher.getByText('Only the school’s admin changes these.').waitFor();
    await teacher.getByRole('heading', { level: 3, name: 'KS1' }).waitFor();
    await teacher.getByText('What do you want to talk about?').waitFor();
    expect(await teacher.getByRole('button', { name: 'Save the stages' }).count()).toBe(0);
    expect(await teacher.getByRole('switch').count()).toBe(0);
    await capture(teacher, 'conferencing-settings-teacher');
    await teacherContext.close();
    await context.close();
  });

  it('the Owls teacher reads the class overview: the queue, a time in the past refused, the note waiting', { timeout: 90_000 }, async () => {
    const context = await newContext(browser);
    const page = await signInWithPassword(context, owlsTeacher.email);
    const errors = watchErrors(page);
    // From home: the pupil conferencing section links to the class's page.
    await page.getByRole('heading', { level: 2, name: 'Pupil conferencing' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Follow-ups due' }).waitFor();
    await page.getByRole('link', { name: 'Conferencing in Owls' }).click();
    await page.getByRole('heading', { level: 1, name: 'Conferencing in Owls' }).waitFor();
    const queue = page.getByRole('region', { name: 'Children’s requests' });
    const request = queue.getByRole('article').filter({ hasText: 'I want to talk about my reading book' });
    await request.waitFor();
    await page.getByRole('region', { name: 'Pupils’ notes waiting for review' }).getByRole('link', { name: /His frog drawing/ }).waitFor();
    // Children never conferenced say so; one follow-up is late.
    expect(await page.getByRole('table').getByText('Not yet').count()).toBeGreaterThan(5);
    expect(await page.locator('.cf-row-overdue').count()).toBeGreaterThan(0);
    await capture(page, 'conferencing-class');

    // A time already gone is refused next to the time; the queue is unchanged.
    await request.getByRole('button', { name: 'Give a time' }).click();
    await request.getByLabel('Day and time').fill('2020-01-06T09:00');
    await request.getByLabel(/A message for/).fill('Let’s talk on Monday.');
    await request.getByRole('button', { name: 'Give this time' }).click();
    await request.getByText('This time has already gone.').waitFor();
    expect(await request.getByLabel(/A message for/).inputValue()).toBe('Let’s talk on Monday.');
    await capture(page, 'conferencing-class-triage');
    await request.getByRole('button', { name: 'Cancel' }).click();
    expect(await request.getByText('New', { exact: true }).count()).toBe(1);

    // "Log the conference" opens the form with the request chosen (not saved: the queue stays as it was).
    await request.getByRole('link', { name: 'Log the conference' }).click();
    await page.getByRole('heading', { level: 1, name: /^Log a conference with / }).waitFor();
    expect(await page.getByRole('radio', { name: 'I want to talk about my reading book. It is too easy.' }).isChecked()).toBe(true);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Conferencing in Owls' }).waitFor();

    // The note waiting opens on its record, with Approve and Send back (not pressed: the child's test reviews notes).
    await page.getByRole('link', { name: /His frog drawing/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Waiting for your review' }).waitFor();
    await page.getByRole('button', { name: '✓ Approve' }).waitFor();
    await capture(page, 'conferencing-note-review');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the Reception teacher logs a picture-led conference with Theo on a phone, and reads, ticks and edits the record', { timeout: 150_000 }, async () => {
    const context = await newContext(browser, { viewport: PHONE });
    const page = await signInWithPassword(context, robinsTeacher);
    const errors = watchErrors(page);
    const theoId = await idOf(page, 'Robins', 'Theo');
    await page.goto(`/students/${theoId}/conferences`);
    await page.getByRole('heading', { level: 1, name: 'Theo’s pupil conferences' }).waitFor();
    await page.getByText('No conferences with Theo yet.').waitFor();
    await page.getByRole('link', { name: 'Log a conference' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log a conference with Theo' }).waitFor();

    // Early years: the picture comes first, and the stage's type and prompts are there.
    const sections = await page.locator('form h2').allTextContents();
    expect(sections[0]).toBe('The picture');
    expect(await page.getByRole('radio', { name: 'Early years (picture-led)' }).isChecked()).toBe(true);
    await page.getByText('What were you doing in this picture?').waitFor();
    await capture(page, 'conferencing-log-empty');

    // A photo taken on the spot (the camera input), uploaded and processed.
    const camera = page.getByLabel('Take a photo');
    expect(await camera.getAttribute('capture')).toBe('environment');
    expect(await camera.getAttribute('accept')).toBe('image/*');
    await camera.setInputFiles(photo);
    await page.getByText('✓ Added', { exact: true }).waitFor({ timeout: 15_000 });
    await page.getByRole('img', { name: 'The picture Theo’s conference started from' }).waitFor();

    const words = 'I made a rocket with the big boxes. It goes to the moon and back!';
    await page.getByLabel('Subject').fill('Junk modelling');
    await page.getByLabel('Theo’s own words').fill(words);
    await page.getByLabel('Think pink: strengths').fill('Chose the boxes himself and explained why the big ones go at the bottom.');
    await page.getByLabel('Barriers', { exact: true }).fill('Gives up when the tape will not stick.');
    await page.getByRole('button', { name: 'Add a next step' }).click();
    await page.getByLabel('Next step 1').fill('Count the boxes on the rocket with a friend');
    await page.getByLabel('Whose step').selectOption({ label: 'The child' });
    const heldOn = await page.getByLabel('Date', { exact: true }).inputValue();
    // A follow-up before the conference is refused next to it, and everything typed stays.
    await page.getByLabel('Follow up on').fill('2020-01-01');
    await page.getByRole('button', { name: 'Save the conference' }).click();
    await page.getByText('The follow-up must be on or after the day of the conference.').waitFor();
    expect(await page.getByLabel('Follow up on').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Theo’s own words').inputValue()).toBe(words);
    expect(await page.getByLabel('Next step 1').inputValue()).toBe('Count the boxes on the rocket with a friend');
    await page.getByText('✓ Added', { exact: true }).waitFor();
    await capture(page, 'conferencing-log-error');
    await page.getByLabel('Follow up on').fill(heldOn);
    await page.getByRole('button', { name: 'Save the conference' }).click();

    // The record: the photo, his words, think pink, the next step, who conferenced.
    await page.getByRole('heading', { level: 1, name: 'Junk modelling' }).waitFor();
    await page.getByText('The conference is saved.').waitFor();
    expect(await page.locator('blockquote').first().textContent()).toBe(words);
    await page.getByRole('heading', { level: 2, name: 'Think pink: strengths' }).waitFor();
    await expect.poll(async () => page.getByRole('img', { name: 'The picture Theo’s conference started from' }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 20_000 }).toBe(true);
    await page.getByText(`${demoRobins.teacher.givenName} ${demoRobins.teacher.familyName}`).first().waitFor();
    await capture(page, 'conferencing-record');

    // Tick the step, then make it a goal (and the goal is linked).
    const step = page.getByRole('checkbox', { name: 'Count the boxes on the rocket with a friend' });
    await step.check();
    await page.getByText('The step is ticked as done.').waitFor();
    await page.getByRole('button', { name: /Make this a goal/ }).click();
    await page.getByRole('link', { name: /See the goal/ }).waitFor();
    const conferenceId = new URL(page.url()).pathname.split('/')[2]!;
    const view = (await (await page.request.get(`/api/pupil-conferences/${conferenceId}`)).json()) as { steps: Array<{ done: boolean; goalId: string | null }>; goals: Array<{ what: string }> };
    expect(view.steps[0]!.done).toBe(true);
    expect(view.steps[0]!.goalId).not.toBeNull();
    expect(view.goals.map((g) => g.what)).toContain('Count the boxes on the rocket with a friend');

    // Edit: the same form, filled in; the change shows on the record.
    await page.getByRole('link', { name: /Change this conference/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Change the conference with Theo' }).waitFor();
    expect(await page.getByLabel('Theo’s own words').inputValue()).toBe(words);
    await page.getByLabel('Barriers', { exact: true }).fill('Gives up when the tape will not stick; try a glue stick.');
    await page.getByRole('button', { name: 'Save the changes' }).click();
    await page.getByText('The changes are saved.').waitFor();
    await page.getByText('Gives up when the tape will not stick; try a glue stick.').waitFor();
    // The step kept its tick and its goal through the edit.
    expect(await page.getByRole('checkbox', { name: 'Count the boxes on the rocket with a friend' }).isChecked()).toBe(true);
    await page.getByRole('link', { name: /See the goal/ }).waitFor();

    // His list shows it with the photo.
    await page.goto(`/students/${theoId}/conferences`);
    await page.getByRole('link', { name: /Junk modelling/ }).waitFor();
    await capture(page, 'conferencing-child-list');
    expect(errors).toEqual([]);

    // Theo himself reads it in his own words.
    const kidContext = await newContext(browser, { viewport: PHONE });
    const kid = await kidContext.newPage();
    await signInWithPictures(kid, demoRobins.class.classCode, { givenName: theo.givenName, pictures: theo.pictures });
    await kid.goto(`/pupil-conferences/${conferenceId}`);
    await kid.getByRole('heading', { level: 2, name: 'What you said' }).waitFor();
    await kid.getByRole('heading', { level: 2, name: 'Think pink: what you do well' }).waitFor();
    expect(await kid.getByRole('link', { name: /Change this conference/ }).count()).toBe(0);
    await capture(kid, 'conferencing-record-child');
    await kidContext.close();
    await context.close();
  });

  it('the Reception teacher pairs a Year 5 pupil with Theo, sharing one piece, and ends the pairing', { timeout: 90_000 }, async () => {
    const context = await newContext(browser);
    const page = await signInWithPassword(context, robinsTeacher);
    const errors = watchErrors(page);
    const robins = await idOf(page, 'Robins');
    await page.goto(`/classes/${robins}/conferencing`);
    await page.getByRole('heading', { level: 1, name: 'Conferencing in Robins' }).waitFor();
    const form = page.locator('form.cf-pair-form');
    // Nothing chosen: both fields say so.
    await form.getByRole('button', { name: 'Pair them' }).click();
    expect(await form.getByText('Please fill this in.').count()).toBe(2);
    await form.getByLabel('The child they conference').selectOption({ label: 'Theo Walsh' });
    await form.getByLabel('Pupil conferencer').selectOption({ label: `${otter.givenName} ${otter.familyName}` });
    await form.getByRole('checkbox', { name: 'My painting' }).check();
    await capture(page, 'conferencing-pair-form');
    await form.getByRole('button', { name: 'Pair them' }).click();
    await page.getByText(`${otter.givenName} ${otter.familyName} now conferences Theo Walsh.`).waitFor();
    const pairing = page.getByRole('article').filter({ hasText: '1 piece shared' });
    await pairing.getByText('My painting').waitFor();
    await capture(page, 'conferencing-pairing');
    await pairing.getByRole('button', { name: 'End the pairing' }).click();
    await pairing.getByRole('button', { name: 'Yes, end it' }).click();
    await page.getByText(`${otter.givenName} ${otter.familyName} no longer conferences Theo Walsh.`).waitFor();
    await page.getByText('No pupil conferencers yet.').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

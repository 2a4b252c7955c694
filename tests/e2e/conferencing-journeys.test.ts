/**
 * The three journeys of pupil conferencing, each done in the browser by the people who do it, from
 * beginning to end:
 *
 * 1. Early years: the Reception teacher, on a phone, conferences Poppy from a photo of her work in
 *    her portfolio and records Poppy saying what she did (a fake microphone); the record plays it
 *    back; Poppy's carer, signed in by an emailed link, reads it in Poppy's learning journey.
 * 2. Cross-age: a Year 2 class (made here by the admin, as a school would) — its teacher pairs a
 *    Year 5 pupil with a Year 2 child, sharing one piece; the Year 5 pupil writes the guided note;
 *    the Year 2 child's guardian cannot read it (neither on the page nor through the API) until the
 *    teacher approves it on its record, and then can.
 * 3. A child's request: a Year 1 child asks to talk about her maths; her teacher gives a time from
 *    the class queue; the child sees it at home; the teacher logs the conference from the request
 *    and the request is done.
 *
 * Screenshots at desktop and phone width with axe-core (capture). Children no other browser test
 * uses; what is made here is closed or archived, so the demo is as it was for the tests after.
 */
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRobins } from '../../src/domain/demo/demo-conferencing';
import { buildDemoSchool } from '../../src/domain/demo/demo-school';
import { apiAs, capture, hasBrowser, launch, newContext, PHONE, signInWithLink, signInWithPassword, signInWithPictures, watchErrors } from './browser';

const demo = buildDemoSchool();
const staffOf = (key: string) => demo.staff.find((s) => s.key === key)!;
const classOf = (key: string) => demo.classes.find((c) => c.key === key)!;
const child = (classKey: string, givenName: string) => {
  const found = demo.students.find((s) => s.classKey === classKey && s.givenName === givenName);
  if (!found) throw new Error(`no demo child ${givenName} in ${classKey}`);
  return found;
};
const robinsTeacher = `${demoRobins.teacher.givenName}.${demoRobins.teacher.familyName}@riverside.example`.toLowerCase();
// Poppy Grant, the fifth Robin: her demo photo is "Building a tower"; her carer Sam has not joined.
const poppyIndex = demoRobins.children.findIndex((c) => c.givenName === 'Poppy');
const poppy = demoRobins.children[poppyIndex]!;
const poppyCarer = `${poppy.guardian[0]}.${poppy.familyName}.r${poppyIndex}@riverside.example`.toLowerCase();
// A Year 5 pupil (username and password) and a Year 1 child no other browser test uses.
const clara = child('kestrels', 'Clara');
const iris = child('owls', 'Iris');


async function classId(page: Page, name: string): Promise<string> {
  type Klass = { id: string; name: string };
  const classes = (await (await page.request.get('/api/me/classes')).json()) as { taught: Klass[]; school: Klass[] };
  return [...classes.taught, ...classes.school].find((c) => c.name === name)!.id;
}

async function studentIn(page: Page, className: string, givenName: string): Promise<string> {
  const detail = (await (await page.request.get(`/api/classes/${await classId(page, className)}`)).json()) as { students: Array<{ id: string; givenName: string }> };
  return detail.students.find((s) => s.givenName === givenName)!.id;
}

/**
 * The recording plays: its file is served as audio to this reader, and pressing play (the page
 * loads none until then) moves it along.
 */
async function playable(page: Page, name: string): Promise<void> {
  const audio = page.getByLabel(name, { exact: true });
  const src = await audio.evaluate((a: HTMLAudioElement) => a.src);
  const file = await page.request.get(src);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toMatch(/^audio\//);
  expect((await file.body()).length).toBeGreaterThan(1000);
  await audio.evaluate((a: HTMLAudioElement) => a.play());
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 20_000 }).toBeGreaterThan(0);
  await audio.evaluate((a: HTMLAudioElement) => a.pause());
}

describe.skipIf(!hasBrowser)('pupil conferencing journeys in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch({ fakeMedia: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('early years: a picture-led conference from a portfolio photo, with the child’s recorded words; the family reads it', { timeout: 150_000 }, async () => {
    const context = await newContext(browser, { viewport: PHONE });
    const page = await signInWithPassword(context, robinsTeacher);
    const errors = watchErrors(page);
    const poppyId = await studentIn(page, 'Robins', poppy.givenName);
    await page.goto(`/students/${poppyId}/conferences`);
    await page.getByRole('link', { name: 'Log a conference' }).click();
    await page.getByRole('heading', { level: 1, name: `Log a conference with ${poppy.givenName}` }).waitFor();
    expect(await page.getByRole('radio', { name: 'Early years (picture-led)' }).isChecked()).toBe(true);

    // The picture: one of her photos from her portfolio.
    await page.getByRole('radio', { name: 'Building a tower' }).check();
    // Her words, typed as she said them, and recorded.
    const words = 'I made a tower for my teddy. It fell down and I made it again!';
    await page.getByLabel('Subject').fill('Building');
    await page.getByLabel(`${poppy.givenName}’s own words`).fill(words);
    await page.getByRole('button', { name: `Record ${poppy.givenName} saying it` }).click();
    await page.getByRole('button', { name: 'Start recording' }).click();
    await page.getByRole('timer').waitFor();
    await page.waitForTimeout(1500);
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByRole('button', { name: 'Keep this recording' }).click();
    await page.getByText('The recording', { exact: true }).waitFor();
    await page.getByLabel('Think pink: strengths').fill('Kept going when the tower fell; counted the blocks.');
    await page.getByLabel('Barriers', { exact: true }).fill('Wants the same blocks as her friend.');
    await page.getByRole('button', { name: 'Add a next step' }).click();
    await page.getByLabel('Next step 1').fill('Take turns with the big blocks');
    await page.getByLabel('Whose step').selectOption({ label: 'The child' });
    await capture(page, 'journeys-early-years-form');
    await page.getByRole('button', { name: 'Save the conference' }).click({ timeout: 30_000 });

    // The record: the photo from her portfolio, her words, and her voice saying them.
    await page.getByRole('heading', { level: 1, name: 'Building' }).waitFor();
    await page.getByText('The conference is saved.').waitFor();
    const conferenceId = new URL(page.url()).pathname.split('/')[2]!;
    const view = (await (await page.request.get(`/api/pupil-conferences/${conferenceId}`)).json()) as {
      type: string;
      childWords: string;
      stimulusPostId: string | null;
      stimulus: { kind: string } | null;
      childWordsAudio: { kind: string; mimeType: string } | null;
    };
    const posts = (await (await page.request.get(`/api/students/${poppyId}/posts`)).json()) as { posts: Array<{ id: string; caption: string }> };
    expect(view.type).toBe('early_years');
    expect(view.stimulusPostId).toBe(posts.posts.find((p) => p.caption === 'Building a tower')!.id);
    expect(view.stimulus?.kind).toBe('image');
    expect(view.childWordsAudio?.kind).toBe('audio');
    expect(await page.locator('blockquote').first().textContent()).toBe(words);
    await expect.poll(() => page.getByRole('img', { name: `The picture ${poppy.givenName}’s conference started from` }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 20_000 }).toBe(true);
    await playable(page, `${poppy.givenName} saying it`);
    await capture(page, 'journeys-early-years-record');
    expect(errors).toEqual([]);
    await context.close();

    // Her carer, on a phone, signed in by the emailed link: it is in Poppy's learning journey, and
    // its record has the photo and her voice.
    const family = await newContext(browser, { viewport: PHONE });
    const carer = await family.newPage();
    const carerErrors = watchErrors(carer);
    await signInWithLink(carer, poppyCarer);
    await carer.goto(`/students/${poppyId}/journey`);
    await carer.getByRole('heading', { level: 1, name: `${poppy.givenName}’s learning journey` }).waitFor();
    const entry = carer.locator('.journey-entry').filter({ has: carer.getByRole('link', { name: 'Building', exact: true }) });
    await entry.getByText('Take turns with the big blocks').waitFor();
    await capture(carer, 'journeys-early-years-family-journey');
    await entry.getByRole('link', { name: 'Building', exact: true }).click();
    await carer.getByRole('heading', { level: 1, name: 'Building' }).waitFor();
    expect(await carer.locator('blockquote').first().textContent()).toBe(words);
    await playable(carer, `${poppy.givenName} saying it`);
    expect(await carer.getByRole('link', { name: /Change this conference/ }).count()).toBe(0);
    await capture(carer, 'journeys-early-years-family-record');
    expect(carerErrors).toEqual([]);
    await family.close();
  });

  it('cross-age: a Year 5 pupil conferences a Year 2 child; the guardian reads the note only once the teacher approves it', { timeout: 180_000 }, async () => {
    // The school's Year 2 class, its teacher (the Hedgehogs' teacher takes it too), a child and her father.
    const office = await newContext(browser);
    const admin = await apiAs(office, staffOf('head').email);
    const teacherUser = (await admin.send<{ staff: Array<{ userId: string; email: string | null }> }>('GET', `/api/schools/${admin.schoolId}/staff`)).staff.find((s) => s.email === staffOf('hedgehogs').email)!;
    const foxes = await admin.send<{ id: string }>('POST', `/api/schools/${admin.schoolId}/classes`, { name: 'Foxes', yearGroup: 'Year 2', teachers: [{ userId: teacherUser.userId, role: 'lead' }] });
    const rosie = await admin.send<{ id: string }>('POST', `/api/schools/${admin.schoolId}/students`, { givenName: 'Rosie', familyName: 'Achterberg', yearGroup: 'Year 2', gradeLevel: 2, keyStage: 'KS1', classIds: [foxes.id] });
    const fatherEmail = 'daan.achterberg@riverside.example';
    await admin.send('POST', `/api/students/${rosie.id}/guardians`, { givenName: 'Daan', familyName: 'Achterberg', email: fatherEmail, relationship: 'father' });
    await office.close();

    // Her teacher puts two pieces in her portfolio.
    const desk = await newContext(browser);
    const teacherApi = await apiAs(desk, staffOf('hedgehogs').email);
    const png = await sharp({ create: { width: 800, height: 560, channels: 3, background: '#fffdf5' } })
      .composite([{ input: Buffer.from('<svg width="800" height="560"><circle cx="400" cy="280" r="160" fill="#ffb703"/><rect x="200" y="420" width="400" height="60" fill="#588157"/></svg>') }])
      .png()
      .toBuffer();
    const upload = await desk.request.post(`/api/schools/${teacherApi.schoolId}/media`, { headers: { 'x-csrf-token': teacherApi.csrf }, multipart: { file: { name: 'sunflower.png', mimeType: 'image/png', buffer: png } } });
    expect(upload.status(), await upload.text()).toBe(201);
    const mediaId = ((await upload.json()) as { id: string }).id;
    await teacherApi.send('POST', `/api/students/${rosie.id}/posts`, { caption: 'My sunflower', reflection: 'I counted the petals: 12.', items: [{ kind: 'drawing', mediaId }] });
    await teacherApi.send('POST', `/api/students/${rosie.id}/posts`, { caption: 'My spelling test', items: [{ kind: 'text', text: '7 out of 10.' }] });

    // In the browser: the teacher pairs Clara (Year 5) with Rosie, sharing the sunflower only.
    const page = await desk.newPage();
    const errors = watchErrors(page);
    await page.goto(`/classes/${foxes.id}/conferencing`);
    await page.getByRole('heading', { level: 1, name: 'Conferencing in Foxes' }).waitFor();
    const form = page.locator('form.cf-pair-form');
    await form.getByLabel('The child they conference').selectOption({ label: 'Rosie Achterberg' });
    await form.getByLabel('Pupil conferencer').selectOption({ label: `${clara.givenName} ${clara.familyName}` });
    await form.getByRole('checkbox', { name: 'My sunflower' }).check();
    await form.getByRole('button', { name: 'Pair them' }).click();
    await page.getByText(`${clara.givenName} ${clara.familyName} now conferences Rosie Achterberg.`).waitFor();

    // Clara, on a tablet, signed in with her username: only the sunflower; she writes the guided note.
    const pupil = await newContext(browser, { viewport: { width: 768, height: 1024 } });
    const kid = await signInWithPassword(pupil, clara.username!);
    const kidErrors = watchErrors(kid);
    await kid.getByRole('region', { name: 'Children I conference' }).getByRole('link', { name: /^Conference Rosie/ }).click();
    await kid.getByRole('heading', { level: 1, name: 'You are conferencing Rosie' }).waitFor();
    const work = kid.getByRole('region', { name: 'Rosie’s work' });
    await work.getByRole('heading', { name: 'My sunflower' }).waitFor();
    expect(await kid.getByText('My spelling test').count()).toBe(0);
    const note = kid.getByRole('region', { name: 'Write your note' });
    const prompts = (await import('../../locales/en/conferencing.json', { with: { type: 'json' } })).default.prompt;
    await note.getByLabel(prompts.peer_show).fill('Her sunflower picture');
    await note.getByRole('checkbox', { name: 'My sunflower' }).check();
    await note.getByLabel('What did Rosie say about it?').fill('She counted 12 petals.');
    await note.getByLabel(prompts.peer_pink).fill('Bright yellow and she counted carefully.');
    await note.getByLabel(prompts.peer_green).fill('Draw the seeds in the middle.');
    await capture(kid, 'journeys-cross-age-note');
    await note.getByRole('button', { name: 'Send to the teacher' }).click();
    await kid.getByText('Sent! Your teacher reads it first.').waitFor();
    expect(kidErrors).toEqual([]);

    // Her father, signed in by the emailed link: the note is not there yet — not in her journey,
    // not in her conferences, not through the API.
    const home = await newContext(browser, { viewport: PHONE });
    const father = await home.newPage();
    const fatherErrors = watchErrors(father);
    await signInWithLink(father, fatherEmail);
    await father.goto(`/students/${rosie.id}/journey`);
    await father.getByRole('heading', { level: 1, name: 'Rosie’s learning journey' }).waitFor();
    await father.getByRole('link', { name: 'My sunflower' }).waitFor();
    expect(await father.getByText('Her sunflower picture').count()).toBe(0);
    const overview = await teacherApi.send<{ toReview: Array<{ id: string; subject: string }> }>('GET', `/api/classes/${foxes.id}/conferencing`);
    const waiting = overview.toReview.find((c) => c.subject === 'Her sunflower picture')!;
    expect(waiting, 'the note waits for the teacher').toBeDefined();
    expect((await father.request.get(`/api/pupil-conferences/${waiting.id}`)).status()).toBe(404);
    const before = (await (await father.request.get(`/api/students/${rosie.id}/journey`)).json()) as { entries: Array<{ kind: string }> };
    expect(before.entries.filter((e) => e.kind === 'conference')).toEqual([]);
    await father.goto(`/students/${rosie.id}/conferences`);
    await father.locator('h1').waitFor();
    expect(await father.getByText('Her sunflower picture').count()).toBe(0);

    // The teacher reviews it on its record, from the class page, and approves it.
    await page.goto(`/classes/${foxes.id}/conferencing`);
    await page.getByRole('region', { name: 'Pupils’ notes waiting for review' }).getByRole('link', { name: /Her sunflower picture/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Waiting for your review' }).waitFor();
    await page.getByText('Draw the seeds in the middle.').waitFor();
    await capture(page, 'journeys-cross-age-review');
    await page.getByRole('button', { name: '✓ Approve' }).click();
    await page.getByText('Approved: Rosie can read it now.').waitFor();
    expect(errors).toEqual([]);

    // Now her father reads it, in her journey and on its record.
    await father.goto(`/students/${rosie.id}/journey`);
    const entry = father.locator('.journey-entry').filter({ has: father.getByRole('link', { name: 'Her sunflower picture' }) });
    await entry.getByText('Conference with an older pupil').waitFor();
    await capture(father, 'journeys-cross-age-family-journey');
    await entry.getByRole('link', { name: 'Her sunflower picture' }).click();
    await father.getByText('Draw the seeds in the middle.').waitFor();
    await father.getByText('Bright yellow and she counted carefully.').waitFor();
    await capture(father, 'journeys-cross-age-family-record');
    expect(fatherErrors).toEqual([]);

    // Tidy: the pairing ended, the class archived (the tests after see the demo as it was).
    const pairings = await teacherApi.send<{ pairings: Array<{ id: string }> }>('GET', `/api/classes/${foxes.id}/conferencing`);
    for (const p of pairings.pairings) await teacherApi.send('DELETE', `/api/pupil-pairings/${p.id}`);
    const tidy = await newContext(browser);
    const adminAgain = await apiAs(tidy, staffOf('head').email);
    await adminAgain.send('PATCH', `/api/classes/${foxes.id}`, { archived: true });
    await Promise.all([tidy.close(), home.close(), pupil.close(), desk.close()]);
  });

  it('a child asks for a conference; the teacher gives a time from the queue; the child sees it; the conference is logged from the request', { timeout: 150_000 }, async () => {
    const tablet = await newContext(browser, { viewport: { width: 768, height: 1024 } });
    const kid = await tablet.newPage();
    const kidErrors = watchErrors(kid);
    await signInWithPictures(kid, classOf('owls').classCode, iris);
    await kid.getByRole('link', { name: 'I want to talk to my teacher', exact: true }).click();
    await kid.getByRole('heading', { level: 1, name: 'What do you want to talk about?' }).waitFor();
    await kid.getByRole('button', { name: 'Maths', exact: true }).click();
    const about = 'I want to talk about my maths. I can count in twos now!';
    await kid.getByLabel('Write it here').fill(about);
    await kid.getByRole('button', { name: 'Send to my teacher' }).click();
    await kid.getByRole('heading', { level: 1, name: 'Your teacher has your message!' }).waitFor();

    // Her teacher, at her desk: the request is in the Owls queue; she gives it a time.
    const desk = await newContext(browser);
    const page = await signInWithPassword(desk, staffOf('owls').email);
    const errors = watchErrors(page);
    await page.getByRole('link', { name: 'Conferencing in Owls' }).click();
    await page.getByRole('heading', { level: 1, name: 'Conferencing in Owls' }).waitFor();
    const request = page.getByRole('region', { name: 'Children’s requests' }).getByRole('article').filter({ hasText: about });
    await request.waitFor();
    await request.getByRole('button', { name: 'Give a time' }).click();
    // Two days from now at 10:30, as the date-time field takes it (local time of the browser).
    const at = new Date(Date.now() + 2 * 86_400_000);
    const local = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}T10:30`;
    await request.getByLabel('Day and time').fill(local);
    await request.getByLabel(/A message for/).fill('Bring your number line.');
    await capture(page, 'journeys-request-schedule');
    await request.getByRole('button', { name: 'Give this time' }).click();
    await page.getByText(`${iris.givenName} ${iris.familyName} has a time for the conference.`).or(page.getByText(`${iris.givenName} has a time for the conference.`)).first().waitFor();
    await request.getByText('Time given', { exact: true }).waitFor();
    // The demo's pairing on the same page shows its shared piece's picture once scrolled to.
    const sharedPiece = page.getByRole('article').filter({ hasText: 'piece shared' }).locator('img').first();
    await sharedPiece.scrollIntoViewIfNeeded();
    await expect.poll(() => sharedPiece.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 20_000 }).toBe(true);

    // Iris sees the time and the message at home.
    await kid.goto('/');
    const asked = kid.getByRole('region', { name: 'What I asked for' });
    const mine = asked.getByRole('listitem').filter({ hasText: 'I can count in twos now!' });
    await mine.getByText(/^Your teacher will see you on /).waitFor();
    await mine.getByText('Bring your number line.').waitFor();
    await capture(kid, 'journeys-request-child-home');
    expect(kidErrors).toEqual([]);

    // The conference is held and logged from the request: the request is then done.
    await request.getByRole('link', { name: 'Log the conference' }).click();
    await page.getByRole('heading', { level: 1, name: `Log a conference with ${iris.givenName}` }).waitFor();
    expect(await page.getByRole('radio', { name: about }).isChecked()).toBe(true);
    await page.getByLabel('Subject').fill('Maths: counting in twos');
    await page.getByLabel(`${iris.givenName}’s own words`).fill('2, 4, 6, 8! I use my fingers.');
    await page.getByRole('button', { name: 'Save the conference' }).click();
    await page.getByRole('heading', { level: 1, name: 'Maths: counting in twos' }).waitFor();
    await page.goto(`/classes/${await classId(page, 'Owls')}/conferencing`);
    await page.getByRole('heading', { level: 1, name: 'Conferencing in Owls' }).waitFor();
    expect(await page.getByRole('region', { name: 'Children’s requests' }).getByRole('article').filter({ hasText: about }).count()).toBe(0);
    expect(errors).toEqual([]);
    await kid.goto('/');
    await asked.getByRole('listitem').filter({ hasText: 'I can count in twos now!' }).getByText('Done', { exact: true }).waitFor();
    await Promise.all([tablet.close(), desk.close()]);
  });
});

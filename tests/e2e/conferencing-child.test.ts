/**
 * Pupil conferencing from the child's and the family's side, in Chromium against the demo school:
 * a Year 1 child asks for a conference on a tablet — a picture-word start, her own words and a
 * voice note from the (fake) microphone — is stopped kindly after three asks in a day, and sees
 * her teacher's answers at home; a Year 5 pupil conferences a Year 1 child (paired by the Owls
 * teacher through the API): he sees only the shared piece, writes the guided note, gets it back
 * with a comment, changes it, sees it approved, and is told kindly when the pairing ends; the Owls
 * teacher reads that child's learning journey; a grandmother reads her grandson's journey on a
 * phone in Arabic, right to left, and shows the earlier entries. Screenshots at desktop, phone and
 * tablet width with axe-core on each. Children no other test uses; what is created is closed or
 * ended afterwards, so the class queues are as they were. Each page is also opened in the
 * pseudo-locale: no words on it that are not in the message files.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoSchool } from '../../src/domain/demo/demo-school';
import { apiAs, captureAll, hardCodedText, hasBrowser, launch, newContext, PHONE, signInWithLink, signInWithPassword, signInWithPictures, TABLET, watchErrors, type Send } from './browser';

const demo = buildDemoSchool();
const classOf = (key: string) => demo.classes.find((c) => c.key === key)!;
const staffOf = (key: string) => demo.staff.find((s) => s.key === key)!;
const child = (classKey: string, givenName: string) => {
  const found = demo.students.find((s) => s.classKey === classKey && s.givenName === givenName);
  if (!found) throw new Error(`no demo child ${givenName} in ${classKey}`);
  return found;
};
// Children no other browser test uses.
const malik = child('hedgehogs', 'Malik');
const soren = child('owls', 'Soren');
const jun = child('otters', 'Jun');
const omar = child('kestrels', 'Omar');
const grandmother = demo.guardians.find((g) => g.children.some((c) => c.studentKey === omar.key))!;
const ar = (await import('../../locales/ar/journey.json', { with: { type: 'json' } })).default;
// The peer prompts of the note, as the teacher-side messages word them.
const prompts = (await import('../../locales/en/conferencing.json', { with: { type: 'json' } })).default.prompt;


/** A drawing as a PNG, uploaded by whoever `context` is signed in as; returns the media id. */
async function uploadDrawing(context: BrowserContext, api: { schoolId: string; csrf: string }, name: string, colour: string): Promise<string> {
  const png = await sharp({ create: { width: 800, height: 560, channels: 3, background: '#fffdf5' } })
    .composite([{ input: Buffer.from(`<svg width="800" height="560"><polygon points="400,60 470,220 470,400 330,400 330,220" fill="${colour}" stroke="#333" stroke-width="8"/><polygon points="350,400 400,520 450,400" fill="#ff9f1c"/></svg>`) }])
    .png()
    .toBuffer();
  const res = await context.request.post(`/api/schools/${api.schoolId}/media`, { headers: { 'x-csrf-token': api.csrf }, multipart: { file: { name, mimeType: 'image/png', buffer: png } } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function studentIdIn(send: Send, className: string, givenName: string): Promise<string> {
  type Klass = { id: string; name: string };
  const classes = await send<{ taught: Klass[]; school: Klass[] }>('GET', '/api/me/classes');
  const klass = [...classes.taught, ...classes.school].find((c) => c.name === className)!;
  const detail = await send<{ students: Array<{ id: string; givenName: string }> }>('GET', `/api/classes/${klass.id}`);
  return detail.students.find((s) => s.givenName === givenName)!.id;
}

/** The page's words that are not messages (see pseudo-locale.test.ts), opened with `?lang=pseudo`. */
async function notMessages(page: Page, url: string): Promise<string[]> {
  await page.goto(`${url}${url.includes('?') ? '&' : '?'}lang=pseudo`);
  await page.locator('h1').first().waitFor();
  return (await hardCodedText(page)).map((p) => `${url} ${p}`);
}

/** Waits until the images of a child's posts are processed (the pages show them once ready). */
async function imagesReady(send: Send, studentId: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const timeline = await send<{ posts: Array<{ items: Array<{ media: { kind: string; status: string } | null }> }> }>('GET', `/api/students/${studentId}/posts`);
        return timeline.posts.flatMap((p) => p.items).filter((i) => i.media?.kind === 'image' && i.media.status !== 'ready').length;
      },
      { timeout: 20_000 },
    )
    .toBe(0);
}

describe.skipIf(!hasBrowser)('pupil conferencing for children and families in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch({ fakeMedia: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a Year 1 child asks for a conference with a picture, her words and a voice note, and sees the answers at home', { timeout: 120_000 }, async () => {
    const tablet = await newContext(browser, { viewport: TABLET });
    const kid = await tablet.newPage();
    const errors = watchErrors(kid);
    await signInWithPictures(kid, classOf('hedgehogs').classCode, malik);
    await kid.getByRole('link', { name: 'I want to talk to my teacher', exact: true }).click();
    await kid.getByRole('heading', { level: 1, name: 'What do you want to talk about?' }).waitFor();
    await captureAll(kid, 'conferencing-ask');

    // Nothing written or said: a clear message, nothing sent.
    await kid.getByRole('button', { name: 'Send to my teacher' }).click();
    await kid.getByText('Write something or say it first.').waitFor();

    // A picture-word button starts the sentence; the child's own words follow it.
    const maths = kid.getByRole('button', { name: 'Maths', exact: true });
    await maths.click();
    const words = kid.getByLabel('Write it here');
    expect(await words.inputValue()).toBe('I want to talk about my maths.');
    expect(await maths.getAttribute('aria-pressed')).toBe('true');
    await words.fill('I want to talk about my maths. Take-away sums are tricky.');
    expect(await maths.getAttribute('aria-pressed')).toBe('false');

    // A voice note from the fake microphone, uploaded when kept.
    await kid.getByRole('button', { name: 'Start recording' }).click();
    await kid.getByRole('timer').waitFor();
    await kid.waitForTimeout(1500);
    await kid.getByRole('button', { name: 'Stop' }).click();
    await kid.getByRole('button', { name: 'Keep it' }).click();
    await kid.getByText('Your voice note is ready.').waitFor({ timeout: 15_000 });
    await captureAll(kid, 'conferencing-ask-filled');
    await kid.getByRole('button', { name: 'Send to my teacher' }).click();
    const sent = kid.getByRole('heading', { level: 1, name: 'Your teacher has your message!' });
    await sent.waitFor();
    expect(await sent.evaluate((h) => h === document.activeElement)).toBe(true);
    await captureAll(kid, 'conferencing-ask-sent');

    // A second one with only a picture-word; a third through the API; the fourth is one too many today.
    await kid.getByRole('button', { name: 'Ask about something else' }).click();
    await kid.getByRole('button', { name: 'Reading', exact: true }).click();
    await kid.getByRole('button', { name: 'Send to my teacher' }).click();
    await sent.waitFor();
    const me = (await (await kid.request.get('/api/session')).json()) as { csrfToken: string; me: { studentId: string } };
    const third = await kid.request.post(`/api/students/${me.me.studentId}/conference-requests`, { headers: { 'x-csrf-token': me.csrfToken }, data: { about: 'Can we talk about my friends?' } });
    expect(third.status(), await third.text()).toBe(201);
    await kid.getByRole('button', { name: 'Ask about something else' }).click();
    await kid.getByRole('button', { name: 'Friends', exact: true }).click();
    await kid.getByRole('button', { name: 'Send to my teacher' }).click();
    await kid.getByText('You have asked a lot today. Your teacher has your messages. You can ask again later.').waitFor();
    // What the child wrote is still there.
    expect(await kid.getByLabel('Write it here').inputValue()).toBe('I want to talk about my friends.');
    await captureAll(kid, 'conferencing-ask-too-many');

    // Her teacher answers two of them: a time, and a reply.
    const desk = await newContext(browser);
    const teacher = await apiAs(desk, staffOf('hedgehogs').email);
    const { requests } = await teacher.send<{ requests: Array<{ id: string; about: string; audio: unknown }> }>('GET', `/api/students/${me.me.studentId}/conference-requests`);
    expect(requests).toHaveLength(3);
    const withVoice = requests.find((r) => r.about.includes('Take-away'))!;
    expect(withVoice.audio).not.toBeNull();
    const reading = requests.find((r) => r.about === 'I want to talk about my reading.')!;
    const at = new Date(Date.now() + 2 * 86_400_000);
    at.setUTCHours(10, 30, 0, 0);
    await teacher.send('POST', `/api/conference-requests/${withVoice.id}/triage`, { action: 'schedule', at: at.toISOString(), reply: 'Bring your sums book.' });
    await teacher.send('POST', `/api/conference-requests/${reading.id}/triage`, { action: 'reply', reply: 'Lovely! Read me your favourite page at lunch.' });

    await kid.goto('/');
    const asked = kid.getByRole('region', { name: 'What I asked for' });
    await asked.waitFor();
    const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long' }).format(at);
    const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }).format(at);
    const scheduled = asked.getByRole('listitem').filter({ hasText: 'Take-away sums are tricky.' });
    await scheduled.getByText(new RegExp(`^Your teacher will see you on ${weekday}.*${time}`)).waitFor();
    await scheduled.getByText('Bring your sums book.').waitFor();
    expect(await scheduled.locator('audio').count()).toBe(1);
    const replied = asked.getByRole('listitem').filter({ hasText: 'I want to talk about my reading.' });
    await replied.getByText('Your teacher replied', { exact: true }).waitFor();
    await replied.getByText('Lovely! Read me your favourite page at lunch.').waitFor();
    await asked.getByRole('listitem').filter({ hasText: 'Can we talk about my friends?' }).getByText('Waiting for your teacher').waitFor();
    // The newest first.
    expect(await asked.getByRole('listitem').first().textContent()).toContain('Can we talk about my friends?');
    await captureAll(kid, 'conferencing-child-home');

    // Her own journey has nothing yet: it says so, and offers to add something.
    await kid.getByRole('link', { name: 'My learning journey', exact: true }).click();
    await kid.getByRole('heading', { level: 1, name: 'My learning journey' }).waitFor();
    await kid.getByText('Your journey starts here. Add something to your portfolio!').waitFor();
    await kid.getByRole('link', { name: 'Add to my portfolio' }).waitFor();
    await captureAll(kid, 'journey-child-empty');
    expect(errors).toEqual([]);

    // Leave the Hedgehogs' queue as it was: every request closed, and the child sees "Done".
    for (const r of requests) await teacher.send('POST', `/api/conference-requests/${r.id}/triage`, { action: 'close' });
    await kid.goto('/');
    await expect.poll(() => kid.getByRole('region', { name: 'What I asked for' }).getByText('Done', { exact: true }).count()).toBe(3);
    expect([...(await notMessages(kid, '/')), ...(await notMessages(kid, `/students/${me.me.studentId}/ask`)), ...(await notMessages(kid, `/students/${me.me.studentId}/journey`))]).toEqual([]);
    await Promise.all([tablet.close(), desk.close()]);
  });

  it('a Year 5 pupil conferences a Year 1 child: only the shared piece, the guided note, sent back, changed, approved; the pairing ends', { timeout: 150_000 }, async () => {
    // The Owls teacher adds two pieces to Soren's portfolio and shares one with Jun (Year 5).
    const desk = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const teacher = await apiAs(desk, staffOf('owls').email);
    const sorenId = await studentIdIn(teacher.send, 'Owls', soren.givenName);
    const drawing = await uploadDrawing(desk, teacher, 'rocket.png', '#d9d9d9');
    const shared = await teacher.send<{ id: string }>('POST', `/api/students/${sorenId}/posts`, { caption: 'My rocket drawing', reflection: 'I made the flames orange because fire is hot.', items: [{ kind: 'drawing', mediaId: drawing }] });
    await teacher.send('POST', `/api/students/${sorenId}/posts`, { caption: 'My secret diary', items: [{ kind: 'text', text: 'Today I was sad at lunch.' }] });
    await imagesReady(teacher.send, sorenId);

    const pupil = await newContext(browser, { viewport: TABLET });
    const page = await signInWithPassword(pupil, jun.username!);
    const errors = watchErrors(page);
    const junId = ((await (await page.request.get('/api/session')).json()) as { me: { studentId: string } }).me.studentId;
    const pairing = await teacher.send<{ id: string }>('POST', '/api/pupil-pairings', { conferencerId: junId, partnerId: sorenId, postIds: [shared.id] });

    await page.reload();
    const partners = page.getByRole('region', { name: 'Children I conference' });
    await partners.getByRole('link', { name: new RegExp(`^Conference ${soren.givenName}`) }).click();
    await page.getByRole('heading', { level: 1, name: `You are conferencing ${soren.givenName}` }).waitFor();
    // Only the shared piece: its picture, its words and the child's reflection; nothing else of his.
    const work = page.getByRole('region', { name: `${soren.givenName}’s work` });
    await work.getByRole('heading', { name: 'My rocket drawing' }).waitFor();
    await work.getByText('I made the flames orange because fire is hot.').waitFor();
    await expect.poll(() => work.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 10_000 }).toBe(true);
    expect(await page.getByText('My secret diary').count()).toBe(0);
    expect(await page.getByText('Today I was sad at lunch.').count()).toBe(0);
    await page.getByText('You have not written a note yet.').waitFor();
    await captureAll(page, 'conferencing-partner');

    // The four steps, in order; the first one is needed.
    const form = page.getByRole('region', { name: 'Write your note' });
    const labels = await form.locator('.note-step label:not(.goal-pick), .note-step legend').allTextContents();
    expect(labels).toEqual([prompts.peer_show, `Tick the work ${soren.givenName} showed you`, `What did ${soren.givenName} say about it?`, prompts.peer_pink, prompts.peer_green]);
    await form.getByRole('button', { name: 'Send to the teacher' }).click();
    await form.getByText(`Write what ${soren.givenName} showed you.`).waitFor();
    await form.getByLabel(prompts.peer_show).fill('His rocket drawing');
    await form.getByRole('checkbox', { name: 'My rocket drawing' }).check();
    await form.getByLabel(`What did ${soren.givenName} say about it?`).fill('He said the flames are hot.');
    await form.getByLabel(prompts.peer_pink).fill('Bright colours and a big rocket.');
    await form.getByLabel(prompts.peer_green).fill('Add a moon next to it.');
    await form.getByRole('button', { name: 'Send to the teacher' }).click();
    await page.getByText('Sent! Your teacher reads it first.').waitFor();
    const notes = page.getByRole('region', { name: `My notes about ${soren.givenName}` });
    const note = notes.getByRole('article', { name: 'His rocket drawing' });
    await note.getByText('Waiting: your teacher reads it first').waitFor();
    // The form is empty again for another note.
    expect(await form.getByLabel(prompts.peer_show).inputValue()).toBe('');

    // The teacher sends it back with a comment; Jun changes it and sends it again.
    const owlsClass = (await teacher.send<{ taught: Array<{ id: string; name: string }> }>('GET', '/api/me/classes')).taught.find((c) => c.name === 'Owls')!;
    const overview = await teacher.send<{ toReview: Array<{ id: string; subject: string }> }>('GET', `/api/classes/${owlsClass.id}/conferencing`);
    const waiting = overview.toReview.find((c) => c.subject === 'His rocket drawing')!;
    expect(waiting, 'the note waits in the Owls teacher’s review').toBeDefined();
    await teacher.send('POST', `/api/pupil-conferences/${waiting.id}/review`, { decision: 'return', comment: 'Lovely! Can you say what colour the flames are?' });
    await page.reload();
    await note.getByText('Your teacher sent it back').waitFor();
    await note.getByText('Lovely! Can you say what colour the flames are?').waitFor();
    // Said at the top of the page too, with a way to it.
    expect(await page.getByRole('link', { name: 'Your teacher sent a note back to you. Look at it below.' }).getAttribute('href')).toBe(`#note-${waiting.id}`);
    await captureAll(page, 'conferencing-partner-returned');
    await note.getByRole('button', { name: 'Change it and send it again' }).click();
    expect(await note.getByLabel(prompts.peer_show).inputValue()).toBe('His rocket drawing');
    expect(await note.getByRole('checkbox', { name: 'My rocket drawing' }).isChecked()).toBe(true);
    await captureAll(page, 'conferencing-partner-editing');
    await note.getByLabel(prompts.peer_pink).fill('Orange and yellow flames, and a big rocket.');
    await note.getByRole('button', { name: 'Send it again' }).click();
    await note.getByText('Waiting: your teacher reads it first').waitFor();
    await note.getByText('Orange and yellow flames, and a big rocket.').waitFor();

    // Approved: Jun sees it, and it is in Soren's learning journey for his teacher.
    await teacher.send('POST', `/api/pupil-conferences/${waiting.id}/review`, { decision: 'approve' });
    await page.reload();
    await note.getByText(`Your teacher said yes! ${soren.givenName} can read it.`).waitFor();
    expect(await note.getByRole('button').count()).toBe(0);
    expect(errors).toEqual([]);

    const deskPage = await desk.newPage();
    const deskErrors = watchErrors(deskPage);
    await deskPage.goto(`/students/${sorenId}/journey`);
    await deskPage.getByRole('heading', { level: 1, name: `${soren.givenName}’s learning journey` }).waitFor();
    const conference = deskPage.locator('.journey-entry').filter({ has: deskPage.getByRole('link', { name: 'His rocket drawing' }) });
    await conference.getByText('Conference with an older pupil').waitFor();
    await conference.getByText('Add a moon next to it.').waitFor();
    await conference.getByText('0 of 1 next step done').waitFor();
    expect(await conference.getByRole('link', { name: 'His rocket drawing' }).getAttribute('href')).toBe(`/pupil-conferences/${waiting.id}`);
    // The teacher sees both of the child's pieces.
    await deskPage.getByRole('link', { name: 'My rocket drawing' }).waitFor();
    await deskPage.getByRole('link', { name: 'My secret diary' }).waitFor();
    await captureAll(deskPage, 'journey-teacher');
    expect(deskErrors).toEqual([]);

    expect([...(await notMessages(page, '/')), ...(await notMessages(page, `/partners/${pairing.id}`)), ...(await notMessages(deskPage, `/students/${sorenId}/journey`))]).toEqual([]);

    // The pairing ends: Jun is told kindly, and Soren is no longer on his page.
    await teacher.send('DELETE', `/api/pupil-pairings/${pairing.id}`);
    await page.goto(`/partners/${pairing.id}?lang=en`);
    await page.getByRole('heading', { level: 1, name: /^This conferencing has finished/ }).waitFor();
    expect(await page.getByText('My rocket drawing').count()).toBe(0);
    await captureAll(page, 'conferencing-partner-ended');
    await page.getByRole('link', { name: 'Back to my page' }).click();
    await page.getByRole('heading', { level: 1, name: `Hello, ${jun.givenName}!` }).waitFor();
    expect(await page.getByRole('region', { name: 'Children I conference' }).count()).toBe(0);
    await Promise.all([pupil.close(), desk.close()]);
  });

  it('a grandmother reads her grandson’s learning journey on a phone in Arabic, right to left, and shows earlier entries', { timeout: 150_000 }, async () => {
    const desk = await newContext(browser);
    const teacher = await apiAs(desk, staffOf('kestrels').email);
    const omarId = await studentIdIn(teacher.send, 'Kestrels', omar.givenName);
    const phoneContext = await newContext(browser, { viewport: PHONE });
    const phone = await phoneContext.newPage();
    const errors = watchErrors(phone);
    await signInWithLink(phone, grandmother.email);
    // What his family already sees (the demo may give him some), all pages of it.
    let before = 0;
    for (let cursor: string | null = null, more = true; more; ) {
      const page = (await (await phone.request.get(`/api/students/${omarId}/journey${cursor ? `?before=${encodeURIComponent(cursor)}` : ''}`)).json()) as { entries: Array<{ at: string }>; more: boolean };
      before += page.entries.length;
      more = page.more;
      cursor = page.entries.at(-1)?.at ?? null;
    }

    // The Kestrels teacher gives Omar a journey longer than a page: a conference 40 days ago with
    // two next steps (one done), 28 pieces of work (the newest a drawing), and a goal set, checked
    // on and achieved — 32 entries, the 31 newest all from now.
    const heldOn = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    const logged = await teacher.send<{ ids: string[] }>('POST', '/api/pupil-conferences', {
      studentIds: [omarId],
      type: 'one_to_one',
      heldOn,
      subject: 'Fractions',
      childWords: 'Halves are easy, quarters are tricky.',
      barriers: 'Finding a quarter of odd numbers',
      steps: [
        { text: 'Practise quarters with counters', owner: 'child' },
        { text: 'Send home a fractions game', owner: 'teacher' },
      ],
    });
    const record = await teacher.send<{ steps: Array<{ id: string }> }>('GET', `/api/pupil-conferences/${logged.ids[0]}`);
    await teacher.send('PATCH', `/api/pupil-conferences/${logged.ids[0]}/steps/${record.steps[0]!.id}`, { done: true });
    for (let i = 1; i <= 27; i++) await teacher.send('POST', `/api/students/${omarId}/posts`, { caption: `Spelling practice ${i}`, items: [{ kind: 'text', text: `Week ${i}: because, beautiful, believe.` }] });
    const goal = await teacher.send<{ id: string }>('POST', `/api/students/${omarId}/goals`, { what: 'Learn my 7 times table', measure: 'Say it to my teacher without stopping.' });
    await teacher.send('POST', `/api/goals/${goal.id}/checkins`, { note: 'Up to 7 × 6 without help.' });
    await teacher.send('PUT', `/api/goals/${goal.id}/status`, { status: 'achieved' });
    const drawing = await uploadDrawing(desk, teacher, 'planets.png', '#4cc9f0');
    await teacher.send('POST', `/api/students/${omarId}/posts`, { caption: 'كوكب زحل', reflection: 'رسمت الحلقات بالأزرق.', items: [{ kind: 'drawing', mediaId: drawing }] });
    await imagesReady(teacher.send, omarId);
    // The second page: the last of the new ones, what was there before, and the conference.
    const second = Math.min(30, before + 2);

    await phone.goto('/');
    // Her language is Arabic: the page turns right to left.
    await expect.poll(() => phone.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const link = phone.getByRole('link', { name: ar.home.journeyChild.replace('{name}', omar.givenName), exact: true });
    await link.waitFor();
    await captureAll(phone, 'journey-guardian-home-ar');
    await link.click();
    await phone.getByRole('heading', { level: 1, name: ar.journey.title.replace('{name}', omar.givenName) }).waitFor();
    const entries = phone.locator('.journey-entry');
    await expect.poll(() => entries.count()).toBe(30);
    // The newest first: the drawing, with its picture.
    const newest = entries.first();
    await newest.getByRole('link', { name: 'كوكب زحل' }).waitFor();
    await newest.getByText(ar.journey.kind.post, { exact: true }).waitFor();
    await expect.poll(() => newest.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 10_000 }).toBe(true);
    await phone.getByText(ar.journey.kind.goal_achieved, { exact: true }).waitFor();
    await phone.getByText(ar.journey.kind.checkin, { exact: true }).waitFor();
    await phone.getByText('Up to 7 × 6 without help.').waitFor();
    // Right to left: each entry's picture sits on its right, the line down the right-hand side.
    const icon = (await newest.locator('.journey-icon').boundingBox())!;
    const body = (await newest.locator('.journey-body').boundingBox())!;
    expect(icon.x).toBeGreaterThan(body.x + body.width / 2);
    // The conference is older than the first page.
    expect(await phone.getByRole('link', { name: 'Fractions', exact: true }).count()).toBe(0);
    await captureAll(phone, 'journey-guardian-ar');

    await phone.getByRole('button', { name: ar.journey.earlier, exact: true }).click();
    const conference = phone.locator('.journey-entry').filter({ has: phone.getByRole('link', { name: 'Fractions', exact: true }) });
    await conference.waitFor();
    await expect.poll(() => entries.count()).toBe(30 + second);
    // Focus moves to the first of the earlier entries.
    expect(await phone.evaluate(() => document.activeElement?.id)).toMatch(/^entry-/);
    await conference.getByText(ar.type.one_to_one, { exact: true }).waitFor();
    await conference.getByText('Finding a quarter of odd numbers').waitFor();
    await conference.getByText(/أُنجز [1١] من خطوتين تاليتين/).waitFor();
    await conference.getByText('Practise quarters with counters').waitFor();
    // Two months: the conference's month has its own heading.
    const month = new Intl.DateTimeFormat('ar', { timeZone: 'Europe/London', month: 'long' }).format(new Date(`${heldOn}T12:00:00Z`));
    await phone.getByRole('heading', { level: 2, name: new RegExp(month) }).waitFor();
    if (before + 2 <= 30) {
      expect(await phone.getByRole('button', { name: ar.journey.earlier, exact: true }).count()).toBe(0);
      await phone.getByText(ar.journey.noMore, { exact: true }).waitFor();
    }
    await captureAll(phone, 'journey-guardian-ar-earlier');
    expect(errors).toEqual([]);
    expect(await notMessages(phone, `/students/${omarId}/journey`)).toEqual([]);
    await Promise.all([phoneContext.close(), desk.close()]);
  });
});

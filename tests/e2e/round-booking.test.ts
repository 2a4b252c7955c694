/**
 * The staff side of booking (issue 5), as the people who do it: the admin sets up a new round's
 * booking (a shorter meeting length, a day with a break — after being told its end is before its
 * start — a class, a teacher with a room), adds an interpreter with two languages and opens their
 * secret calendar link, and on the demo round's coverage board reminds one class's families (the
 * emails are in the outbox); the Owls teacher opens their day sheet, copies their calendar link and
 * makes a new one (the old one stops working), prints the sheet (A4 portrait, no menus) and the
 * door sign (A4 landscape, first names and initials only); back on the sheet, they move one meeting
 * to a free time and cancel another (the families are emailed). Screenshots at desktop and phone
 * width, axe-core on each page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DaySheet } from '../../src/contracts/booking';
import { localeTags } from '../../src/contracts/locales';
import { buildDemoSchool } from '../../src/domain/demo/demo-school';
import { demoSignIns } from '../../src/server/features/demo/seed-demo-school';
import { createTranslator } from '../../src/server/i18n';
import { doorName } from '../../src/web/features/rounds/format';
import { capture, DESKTOP, hasBrowser, launch, newContext, pdfText, signInWithPassword, watchErrors } from './browser';

const demo = buildDemoSchool();
const printed = demoSignIns(demo);
const ROUND = 'Summer parents’ evenings';

/** A local date `days` from today (YYYY-MM-DD). */
const fromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** An email's subject in every language Confer writes (each family reads theirs). */
const i18n = createTranslator();
const inEveryLanguage = (key: string, values: Record<string, string>) => new Set(localeTags.map((tag) => i18n.t(tag, `mail.booking.${key}`, values)));

/** The first page's size in PDF points, from its MediaBox: A4 portrait is 595 × 842. */
function pageSize(pdf: Buffer): { width: number; height: number } {
  const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  if (!box) throw new Error('no MediaBox in the PDF');
  return { width: Math.round(Number(box[3]) - Number(box[1])), height: Math.round(Number(box[4]) - Number(box[2])) };
}

async function mainText(page: Page): Promise<string> {
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
}

describe.skipIf(!hasBrowser)('the staff side of booking in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the admin sets up a round, adds an interpreter and reminds a class; the teacher prints their day sheet and door sign', async () => {
    const office = await newContext(browser, { viewport: DESKTOP });
    const admin = await signInWithPassword(office, printed.admin!.email);
    const adminErrors = watchErrors(admin);

    // A new round, from the rounds page; its booking set-up starts empty and not open.
    await admin.goto('/school/rounds');
    await admin.getByLabel('Name').fill(ROUND);
    await admin.getByLabel('First day').fill(fromToday(60));
    await admin.getByLabel('Last day').fill(fromToday(64));
    await admin.getByRole('button', { name: 'Add the round' }).click();
    await admin.getByText(`${ROUND} was added.`).waitFor();
    const card = admin.locator('li.card', { has: admin.getByRole('heading', { name: ROUND }) });
    await card.getByRole('link', { name: 'Booking set-up' }).click();
    await admin.getByRole('heading', { level: 1, name: `Booking: ${ROUND}` }).waitFor();
    await admin.getByText('Booking not open yet').waitFor();
    await admin.getByText('No days yet. Add the first one.').waitFor();
    const newRoundUrl = admin.url();

    // Meeting length: 45 is refused next to the field, 15 is saved.
    const length = admin.getByLabel('Meeting length (minutes)');
    await length.fill('45');
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await admin.getByText('Choose a whole number from 10 to 30.').waitFor();
    await expect.poll(() => length.getAttribute('aria-invalid')).toBe('true');
    // Focus went to the field that needs fixing.
    expect(await length.evaluate((el) => el === document.activeElement)).toBe(true);
    await length.fill('15');
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await admin.getByText('The booking settings are saved.').waitFor();
    expect(await length.inputValue()).toBe('15');

    // A day: first with its end before its start (refused, said next to "Ends"), then right, with a break.
    await admin.getByRole('button', { name: 'Add a day' }).click();
    const day = admin.locator('.rb-session').first();
    expect(await day.getByLabel('Starts', { exact: true }).inputValue()).toBe('15:30');
    await day.getByLabel('Ends', { exact: true }).fill('15:00');
    await admin.getByRole('button', { name: 'Save days and times' }).click();
    await day.getByText('The end must be after the start.').waitFor();
    expect(await day.getByLabel('Ends', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await day.getByLabel('Ends', { exact: true }).fill('19:00');
    await day.getByRole('button', { name: 'Add a break' }).click();
    await day.getByLabel('Break starts').fill('17:00');
    await day.getByLabel('Break ends').fill('17:15');
    await admin.getByRole('button', { name: 'Save days and times' }).click();
    await admin.getByText('The day is saved.').waitFor();
    expect(await day.getByLabel('Ends', { exact: true }).getAttribute('aria-invalid')).toBeNull();

    // Owls take part; their teacher is added with a room.
    const classes = admin.getByRole('group', { name: 'Families of these classes book' });
    await classes.getByRole('checkbox', { name: /Owls/ }).check();
    await admin.getByRole('button', { name: 'Save classes' }).click();
    await admin.getByText('Saved: 1 class takes part.').waitFor();
    const teacherName = `${printed.teacher!.givenName} ${printed.teacher!.familyName}`;
    await admin.getByLabel('Member of staff').selectOption({ label: teacherName });
    await admin.getByRole('button', { name: 'Add to this round' }).click();
    await admin.getByText(`${teacherName} now takes part.`).waitFor();
    const teacherCard = admin.getByRole('listitem', { name: teacherName });
    await teacherCard.getByLabel('Room').fill('Room 12 (library)');
    await teacherCard.getByRole('button', { name: 'Save this teacher' }).click();
    await teacherCard.getByText(`Saved for ${teacherName}.`).waitFor();
    // 15:30–17:00 and 17:15–19:00 in 15-minute meetings: 6 + 7 times.
    await teacherCard.getByText('13 times').waitFor();
    expect(await teacherCard.getByLabel('Room').inputValue()).toBe('Room 12 (library)');
    await capture(admin, 'round-booking-setup');

    // An interpreter, with a language from the list and one by its code; their calendar link.
    await admin.getByRole('link', { name: 'The school’s interpreters' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Interpreters' }).waitFor();
    const add = admin.getByRole('region', { name: 'Add an interpreter' });
    await add.getByLabel('Name').fill('Amina Yusuf');
    await add.getByLabel('Email (optional)').fill('amina.yusuf@interpreters.example');
    await add.getByLabel('Add a language').selectOption({ label: 'Somali' });
    await add.getByRole('button', { name: 'Add this language' }).click();
    await add.getByText('Another language, by its code').click();
    await add.getByLabel('Language code').fill('xx-!');
    await add.getByRole('button', { name: 'Add this code' }).click();
    await add.getByText('This is not a language code.', { exact: false }).waitFor();
    await add.getByLabel('Language code').fill('ti');
    await add.getByRole('button', { name: 'Add this code' }).click();
    await add.getByRole('button', { name: 'Remove Tigrinya' }).waitFor();
    await add.getByRole('button', { name: 'Add interpreter' }).click();
    await admin.getByText('Amina Yusuf is added.').waitFor();
    const interpreter = admin.getByRole('listitem', { name: 'Amina Yusuf' });
    await interpreter.getByText('Somali, Tigrinya').waitFor();
    await interpreter.getByRole('button', { name: 'Show their calendar link' }).click();
    const feed = interpreter.getByLabel('Their calendar link');
    await expect.poll(() => feed.inputValue()).toMatch(/\/calendar\/[\w-]{20,}\.ics$/);
    await capture(admin, 'round-booking-interpreters');

    // Back on the new round, she takes part.
    await admin.goto(newRoundUrl);
    const inRound = admin.getByRole('listitem', { name: 'Amina Yusuf' });
    await inRound.getByRole('switch', { name: 'Takes part in this round' }).click();
    await inRound.getByText('Amina Yusuf now takes part in this round.').waitFor();
    expect(await inRound.getByRole('switch').getAttribute('aria-checked')).toBe('true');

    // The demo round's coverage board: booked and not, by class and language; Owls are reminded.
    const rounds = (await (await office.request.get(`/api/schools/${(await (await office.request.get('/api/session')).json()).me.schools[0].id}/rounds`)).json()) as { rounds: Array<{ id: string; name: string }> };
    const demoRound = rounds.rounds.find((r) => r.name === 'Autumn student-led conferences')!;
    await admin.goto(`/school/rounds/${demoRound.id}/booking`);
    await admin.getByRole('link', { name: 'Who has booked (coverage board)' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Who has booked: Autumn student-led conferences' }).waitFor();
    const owls = admin.getByRole('listitem', { name: 'Owls' });
    const firstBooking = owls.getByRole('link', { name: /^Book (for this family|with )/ }).first();
    expect(await firstBooking.getAttribute('href')).toMatch(new RegExp(`^/rounds/${demoRound.id}/book\\?household=[0-9a-f-]{36}$`));
    await owls.getByRole('button', { name: 'Remind these families' }).click();
    await owls.getByText(/Email a reminder to the families of the \d+ children in Owls/).waitFor();
    await owls.getByRole('button', { name: 'Yes, send reminders' }).click();
    const reminded = owls.getByText(/^Reminded \d+ famil(y|ies)\.$/);
    await reminded.waitFor();
    const families = Number(/\d+/.exec(await reminded.innerText())![0]);
    expect(families).toBeGreaterThan(0);
    // The reminders are in the outbox (which lists the latest 50).
    const nudgeSubjects = inEveryLanguage('nudge_subject', { round: demoRound.name });
    const nudges = async () => ((await (await office.request.get('/api/dev/mail')).json()).messages as Array<{ subject: string }>).filter((m) => nudgeSubjects.has(m.subject)).length;
    await expect.poll(nudges).toBeGreaterThanOrEqual(Math.min(families, 50));
    await capture(admin, 'round-booking-coverage');
    expect(adminErrors).toEqual([]);
    await office.close();

    // The Owls teacher: their day sheet, calendar link, print-out and door sign.
    const classroom = await newContext(browser, { viewport: DESKTOP });
    await classroom.grantPermissions(['clipboard-read', 'clipboard-write']);
    const teacher = await signInWithPassword(classroom, printed.teacher!.email);
    const teacherErrors = watchErrors(teacher);
    const me = (await (await classroom.request.get('/api/session')).json()).me as { id: string };
    const sheet = (await (await classroom.request.get(`/api/rounds/${demoRound.id}/teachers/${me.id}/sheet`)).json()) as DaySheet;
    const meetings = sheet.days.flatMap((d) => d.slots.flatMap((s) => (s.meeting?.status === 'confirmed' ? [s.meeting] : [])));
    expect(meetings.length).toBeGreaterThan(0);
    await teacher.goto(`/rounds/${demoRound.id}/sheet/${me.id}`);
    await teacher.getByRole('heading', { level: 1, name: `Day sheet: ${teacherName}` }).waitFor();
    const onScreen = await mainText(teacher);
    for (const m of meetings) expect(onScreen).toContain(m.student.name);
    expect(onScreen).toContain('Free');
    const link = teacher.getByLabel('Your calendar link');
    const oldUrl = await link.inputValue();
    expect(oldUrl).toMatch(/\/calendar\/[\w-]{20,}\.ics$/);
    await teacher.getByRole('button', { name: 'Copy' }).click();
    await teacher.getByText('The link is copied.').waitFor();
    expect(await teacher.evaluate(() => navigator.clipboard.readText())).toBe(oldUrl);
    await teacher.getByRole('button', { name: 'Make a new link' }).click();
    await teacher.getByRole('button', { name: 'Yes, make a new link' }).click();
    await teacher.getByText('Here is your new link. The old one no longer works.').waitFor();
    const newUrl = await link.inputValue();
    expect(newUrl).not.toBe(oldUrl);
    expect((await classroom.request.get(new URL(oldUrl).pathname)).status()).toBe(404);
    const ics = await classroom.request.get(new URL(newUrl).pathname);
    expect(ics.status()).toBe(200);
    expect(await ics.text()).toContain('BEGIN:VCALENDAR');
    await capture(teacher, 'round-booking-day-sheet');

    // Printed: A4 portrait, the meetings without the menus or the calendar link.
    await teacher.emulateMedia({ media: 'print' });
    const sheetPdf = await teacher.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pageSize(sheetPdf)).toEqual({ width: 595, height: 842 });
    const sheetText = await pdfText(sheetPdf);
    expect(sheetText).toContain(`Day sheet: ${teacherName}`);
    for (const m of meetings) expect(sheetText).toContain(m.student.name);
    expect(sheetText).not.toContain('Sign out');
    expect(sheetText).not.toContain('Your calendar link');
    await teacher.emulateMedia({ media: 'screen' });

    // The door sign: first names and initials only, and where to wait; landscape.
    await teacher.getByRole('link', { name: 'Door sign' }).click();
    await teacher.getByText('Please wait here — I’ll come and get you.').first().waitFor();
    const door = await mainText(teacher);
    for (const m of meetings) {
      expect(door).toContain(doorName(m.student.givenName, m.student.familyName));
      expect(door).not.toContain(m.student.name);
    }
    await capture(teacher, 'round-booking-door-sign');
    await teacher.emulateMedia({ media: 'print' });
    const doorPdf = await teacher.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pageSize(doorPdf)).toEqual({ width: 842, height: 595 });
    const doorText = await pdfText(doorPdf);
    expect(doorText).toContain(teacherName);
    expect(doorText).toContain('Please wait here');
    expect(doorText).not.toContain('Print door sign');
    await teacher.emulateMedia({ media: 'screen' });

    // Back on the sheet: a meeting moves to another free time (its family is emailed), another is cancelled.
    await teacher.getByRole('link', { name: 'Back to the day sheet' }).click();
    await teacher.getByRole('heading', { level: 1, name: `Day sheet: ${teacherName}` }).waitFor();
    const slots = sheet.days.flatMap((d) => d.slots);
    const freeCount = slots.filter((s) => !s.meeting).length;
    await teacher.getByText(`${meetings.length} meetings, ${freeCount} free`).waitFor();
    // Meetings in the teacher's own language: no interpreter has to be found for the new time.
    const [moved, cancelled] = meetings.filter((m) => !m.interpreter);
    expect(cancelled).toBeDefined();
    const focused = () => teacher.evaluate(() => (document.activeElement?.getAttribute('type') ?? '') + '|' + (document.activeElement?.textContent ?? ''));
    // Each meeting's buttons are named for it (the same words on every row otherwise).
    await teacher.getByRole('button', { name: `Move ${moved!.student.name}` }).click();
    const chooser = teacher.getByRole('group', { name: `A new time for ${moved!.student.name}` });
    const radios = chooser.getByRole('radio');
    await radios.first().waitFor();
    // Every free time to come is offered, on both evenings; focus is in the chooser.
    expect(await radios.count()).toBe(freeCount);
    expect(await chooser.getByRole('group').count()).toBe(sheet.days.length);
    expect((await focused()).startsWith('radio|')).toBe(true);
    await teacher.getByRole('button', { name: 'Move and tell the family' }).click();
    await chooser.getByText('Choose a new time first.').waitFor();
    const target = radios.last();
    const newStart = (await target.getAttribute('value'))!;
    await target.check();
    await capture(teacher, 'round-booking-move-chooser');
    // On a small phone (360 px) nothing runs off the side.
    await teacher.setViewportSize({ width: 360, height: 740 });
    expect(await teacher.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await teacher.screenshot({ path: 'test-results/screens/round-booking-move-chooser-360.png', fullPage: true });
    await teacher.setViewportSize(DESKTOP);
    await teacher.getByRole('button', { name: 'Move and tell the family' }).click();
    const movedNotice = teacher.getByText(/^Moved to .+\. The family has been emailed\.$/);
    await movedNotice.waitFor();
    // Focus is with the meeting, at its new time.
    expect(await focused()).toMatch(/^\|Moved to /);
    const sheetNow = async () => ((await (await classroom.request.get(`/api/rounds/${demoRound.id}/teachers/${me.id}/sheet`)).json()) as DaySheet).days.flatMap((d) => d.slots);
    const afterMove = await sheetNow();
    expect(afterMove.find((s) => s.startsAt === newStart)?.meeting?.bookingId).toBe(moved!.bookingId);
    expect(afterMove.find((s) => s.startsAt === moved!.startsAt)?.meeting).toBeNull();
    await teacher.getByRole('button', { name: `Move ${moved!.student.name}` }).waitFor();
    const mailed = async (subjects: Set<string>) => ((await (await classroom.request.get('/api/dev/mail')).json()).messages as Array<{ subject: string }>).some((m) => subjects.has(m.subject));
    const movedSubjects = inEveryLanguage('moved_by_school_subject', { child: moved!.student.name, teacher: teacherName });
    expect(movedSubjects).toContain(`The school moved ${moved!.student.name}'s conference with ${teacherName}`);
    await expect.poll(() => mailed(movedSubjects), { timeout: 15_000 }).toBe(true);

    // Cancelling asks first; "Keep the meeting" gives focus back to the button.
    const cancelButton = teacher.getByRole('button', { name: `Cancel meeting ${cancelled!.student.name}` });
    await cancelButton.click();
    await teacher.getByText('Cancel this meeting? The family will be told.').waitFor();
    expect(await focused()).toBe('|Cancel this meeting? The family will be told.');
    await teacher.getByRole('button', { name: 'Keep the meeting' }).click();
    await expect.poll(() => cancelButton.evaluate((el) => el === document.activeElement)).toBe(true);
    await cancelButton.click();
    await teacher.getByRole('button', { name: 'Yes, cancel the meeting' }).click();
    await teacher.getByText(`${cancelled!.student.name}’s meeting is cancelled. The family has been emailed.`).waitFor();
    // Its time shows as free, and the counts follow.
    await teacher.getByText(`${meetings.length - 1} meetings, ${freeCount + 1} free`).waitFor();
    // The message is said under that time, now free, and focus is on it.
    await teacher.locator('tr.rb-free:has(+ tr.rb-change-row .rb-change-notice)').getByText('Free', { exact: true }).waitFor();
    expect(await focused()).toBe(`|${cancelled!.student.name}’s meeting is cancelled. The family has been emailed.`);
    expect((await sheetNow()).find((s) => s.startsAt === cancelled!.startsAt)?.meeting).toBeNull();
    // No meeting row names the child any more (only the message does).
    expect((await teacher.locator('tbody tr:not(.rb-change-row)').allInnerTexts()).join(' ')).not.toContain(cancelled!.student.name);
    await expect.poll(() => mailed(inEveryLanguage('cancelled_by_school_subject', { child: cancelled!.student.name, teacher: teacherName })), { timeout: 15_000 }).toBe(true);
    await capture(teacher, 'round-booking-day-sheet-changed');
    expect(teacherErrors).toEqual([]);
    await classroom.close();
  });
});

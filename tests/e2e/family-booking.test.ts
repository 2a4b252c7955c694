/**
 * Family booking on a phone: the demo mother of two takes a suggested sequence (both children's
 * meetings back to back), sees the hold's countdown tick, gets the two-minute warning (the page's
 * clock is moved on) and asks for more time, says her children's grandmother will come with a
 * note for the teacher, and sees the summary; then moves one meeting and cancels the other. The
 * page passes the pseudo-locale check on each step; an admin opens it to book for the family; the
 * family joins the waiting list and books, from the emailed link, a time the school freed.
 * Screenshots at desktop and phone width, axe-core on each.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DaySheet, FamilyOptions } from '../../src/contracts/booking';
import { demoRound } from '../../src/domain/demo/demo-preparation';
import { buildDemoSchool } from '../../src/domain/demo/demo-school';
import { demoSignIns } from '../../src/server/features/demo/seed-demo-school';
import { capture, hardCodedText, hasBrowser, launch, newContext, PHONE, signInWithPassword, watchErrors } from './browser';

const demo = buildDemoSchool();
const printed = demoSignIns(demo);
const guardian = printed.guardian!;
const admin = printed.admin!;
const children = guardian.children.map((k) => demo.students.find((s) => s.key === k.studentKey)!);
const fullName = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`;

const focusedTag = (page: Page) => page.evaluate(() => document.activeElement?.tagName ?? '');

async function familyOf(context: BrowserContext, roundId: string): Promise<FamilyOptions> {
  const res = await context.request.get(`/api/rounds/${roundId}/family`);
  expect(res.status()).toBe(200);
  return (await res.json()) as FamilyOptions;
}

describe.skipIf(!hasBrowser)('family booking in Chromium', () => {
  let browser: Browser;
  let roundId = '';
  let guardianUserId = '';
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a guardian books both children back to back on a phone, asks for more time, sends the grandmother, then moves one meeting and cancels the other', async () => {
    expect(children).toHaveLength(2);
    const context = await newContext(browser, { viewport: PHONE });
    const page = await signInWithPassword(context, guardian.email);
    const errors = watchErrors(page);
    const me = await (await context.request.get('/api/me')).json();
    guardianUserId = me.id;
    const rounds = (await (await context.request.get(`/api/schools/${me.schools[0].id}/rounds`)).json()) as { rounds: Array<{ id: string; name: string }> };
    roundId = rounds.rounds.find((r) => r.name === demoRound.name)!.id;
    const before = await familyOf(context, roundId);
    expect(before.round.state).toBe('open');
    expect(before.children.every((c) => c.booking === null && c.free.length > 0)).toBe(true);
    const sequence = before.sequences[0]!;
    expect(sequence.meetings).toHaveLength(2);

    // The page's clock can be moved on to the hold's last minutes (the server's is not).
    await page.clock.install();
    await page.goto(`/rounds/${roundId}/book`);
    await page.getByRole('heading', { level: 1, name: `Book conferences: ${demoRound.name}` }).waitFor();
    const cards = page.locator('.fb-sequences').getByRole('button');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(before.sequences.length);
    // A suggestion names both children with their teachers and rooms, in meeting order.
    const first = await cards.first().innerText();
    for (const m of sequence.meetings) {
      const child = before.children.find((c) => c.studentId === m.studentId)!;
      expect(first).toContain(`${child.name} with ${child.teacher!.name}, ${child.teacher!.room}`);
    }
    await page.getByRole('button', { name: 'Choose times myself' }).click();
    await page.getByRole('heading', { level: 2, name: 'Choose your own times' }).waitFor();
    expect(await page.locator('.fb-picker').count()).toBe(2);
    await capture(page, 'booking-family-choose');

    // One tap holds the suggestion; focus moves to the new step's heading.
    await cards.first().click();
    await page.getByRole('heading', { level: 1, name: 'Confirm your times' }).waitFor();
    await expect.poll(() => focusedTag(page)).toBe('H1');
    const timer = page.getByRole('timer');
    const shown = await timer.innerText();
    expect(shown).toMatch(/^(09:[0-5]\d|10:00)$/);
    await expect.poll(() => timer.innerText(), { timeout: 5000 }).not.toBe(shown);
    // The warnings alone are announced: the ticking clock is not a live region.
    expect(await timer.getAttribute('aria-live')).toBeNull();
    expect(await page.getByRole('alert').getByRole('button').count()).toBe(0);

    // Eight and a half minutes later: the alert, and more time.
    await page.clock.fastForward('08:30');
    const alert = page.getByRole('alert').filter({ hasText: 'Less than 2 minutes left' });
    await alert.waitFor();
    await capture(page, 'booking-family-hold-warning');
    const heldUntil = (await familyOf(context, roundId)).hold!.expiresAt;
    await alert.getByRole('button', { name: 'I need more time' }).click();
    await page.getByText('We’ll hold your times until').waitFor();
    const extended = (await familyOf(context, roundId)).hold!.expiresAt;
    expect(Date.parse(extended)).toBeGreaterThan(Date.parse(heldUntil));
    // Back to the real time: ten minutes again, and no warning.
    await page.clock.setSystemTime(Date.now());
    await expect.poll(() => timer.innerText(), { timeout: 5000 }).toMatch(/^(09:[0-5]\d|10:00)$/);
    expect(await page.getByRole('button', { name: 'I need more time' }).count()).toBe(0);

    // The grandmother comes instead, with a note; some private time afterwards.
    const note = 'Lina has been nervous about reading aloud; she would like to show her book.';
    await page.getByRole('checkbox', { name: fullName(guardian) }).uncheck();
    await page.getByRole('checkbox', { name: 'Someone else will come' }).check();
    await page.getByLabel('Their name').fill('Margaret Bramwell');
    await page.getByLabel('Who they are to the child').selectOption({ label: 'Grandparent' });
    await page.getByLabel('A note to the teacher (optional)').fill(note);
    await page.getByRole('checkbox', { name: 'I’d like some private time with the teacher afterwards' }).check();
    await capture(page, 'booking-family-confirm');
    await page.getByRole('button', { name: 'Book these 2 meetings' }).click();

    await page.getByRole('heading', { level: 1, name: 'Your meetings are booked' }).waitFor();
    await expect.poll(() => focusedTag(page)).toBe('H1');
    await page.getByText('We’ve emailed you the details with a calendar file.').waitFor();
    const summary = page.locator('main');
    for (const c of before.children) {
      await summary.getByRole('heading', { level: 2, name: c.name }).waitFor();
      await summary.getByText(c.teacher!.room!, { exact: true }).waitFor();
    }
    expect(await summary.getByText('Margaret Bramwell (Grandparent)').count()).toBe(2);
    await capture(page, 'booking-family-done');
    const booked = await familyOf(context, roundId);
    expect(booked.hold).toBeNull();
    for (const c of booked.children) {
      expect(c.booking?.status).toBe('confirmed');
      expect(c.booking?.attendees).toEqual([{ kind: 'substitute', name: 'Margaret Bramwell', relationship: 'grandparent' }]);
      expect(c.booking?.note).toBe(note);
      expect(c.booking?.privateTime).toBe(true);
      expect(c.booking?.startsAt).toBe(sequence.meetings.find((m) => m.studentId === c.studentId)!.startsAt);
    }

    // The booked meetings, each changeable until its cut-off.
    await page.getByRole('button', { name: 'See all bookings' }).click();
    await page.getByRole('heading', { level: 2, name: 'Booked (2)' }).waitFor();
    await expect.poll(() => page.getByText('You can change this until').count()).toBe(2);
    const [movedChild, cancelledChild] = booked.children as [FamilyOptions['children'][number], FamilyOptions['children'][number]];
    const cardOf = (name: string) => page.locator('li.fb-booked').filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(`^${name}`) }) });

    const moving = cardOf(movedChild.name);
    await moving.getByRole('button', { name: 'Change time' }).click();
    const radios = moving.getByRole('radio');
    await radios.first().waitFor();
    // Only other free times are offered, not the one the child has.
    expect(await radios.count()).toBe(movedChild.free.length - 1);
    const target = radios.last();
    const newStart = (await target.getAttribute('value'))!;
    expect(newStart).not.toBe(movedChild.booking!.startsAt);
    await target.check();
    await capture(page, 'booking-family-move');
    await moving.getByRole('button', { name: 'Move to this time' }).click();
    await page.getByText(`${movedChild.name}’s meeting is now on`).waitFor();
    await expect.poll(async () => (await familyOf(context, roundId)).children.find((c) => c.studentId === movedChild.studentId)?.booking?.startsAt).toBe(newStart);

    const cancelling = cardOf(cancelledChild.name);
    await cancelling.getByRole('button', { name: 'Cancel this meeting' }).click();
    await cancelling.getByText(`Cancel ${cancelledChild.name}’s meeting on`).waitFor();
    await cancelling.getByRole('button', { name: 'Yes, cancel it' }).click();
    await page.getByText(`${cancelledChild.name}’s meeting is cancelled.`).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Booked', exact: true }).waitFor();
    // The child needs a time again: the suggestions are back, for that child alone.
    await page.getByRole('heading', { level: 2, name: 'Suggested times' }).waitFor();
    const after = await familyOf(context, roundId);
    expect(after.children.find((c) => c.studentId === cancelledChild.studentId)?.booking).toBeNull();
    expect(after.children.find((c) => c.studentId === movedChild.studentId)?.booking?.status).toBe('confirmed');
    await capture(page, 'booking-family-after-changes');

    // Every step in the pseudo-locale: no text outside the message files.
    const problems: string[] = [];
    await page.goto(`/rounds/${roundId}/book?lang=pseudo`);
    await page.locator('.fb-sequence').first().waitFor();
    problems.push(...(await hardCodedText(page)).map((p) => `choose ${p}`));
    await page.locator('li.fb-booked .button').first().click();
    await page.locator('.fb-move').waitFor();
    await page.locator('.fb-picker').waitFor();
    problems.push(...(await hardCodedText(page)).map((p) => `move ${p}`));
    await page.locator('.fb-sequence').first().click();
    await page.locator('.fb-confirm').waitFor();
    await page.locator('.fb-confirm fieldset input[type=checkbox]').last().check();
    await page.locator('.fb-substitute').waitFor();
    problems.push(...(await hardCodedText(page)).map((p) => `confirm ${p}`));
    expect(problems).toEqual([]);
    // Let go of the held time ("Change times").
    await page.locator('.fb-step section .button').first().click();
    await page.locator('.fb-sequence').first().waitFor();
    expect((await familyOf(context, roundId)).hold).toBeNull();

    expect(errors).toEqual([]);
    await context.close();
  });

  it('an admin opens the page for the family, sees whose booking it is and changes their meeting language', async () => {
    expect(roundId).not.toBe('');
    const context = await newContext(browser, { viewport: PHONE });
    const page = await signInWithPassword(context, admin.email);
    const errors = watchErrors(page);
    await page.goto(`/rounds/${roundId}/book?household=${guardianUserId}`);
    await page.getByRole('heading', { level: 1, name: `Book conferences: ${demoRound.name}` }).waitFor();
    const banner = page.getByText('You are booking for');
    await banner.waitFor();
    expect(await banner.innerText()).toContain(fullName(guardian));
    // The family's booked meeting (one of the two children's, from the journey above).
    await page.getByRole('heading', { level: 2, name: 'Booked', exact: true }).waitFor();
    await capture(page, 'booking-admin-for-family');
    // The family asked for their meetings in Spanish: the teacher does not speak it, so an interpreter comes.
    const family = (await (await context.request.get(`/api/rounds/${roundId}/family?household=${guardianUserId}`)).json()) as FamilyOptions;
    const unbooked = family.children.find((c) => !c.booking)!;
    expect(unbooked.needsInterpreter).toBe(false);
    const language = async (tag: string, name: string) => {
      await page.getByRole('button', { name: 'Change the language' }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
      await page.getByLabel('Language for your meetings').selectOption(tag);
      await page.getByRole('button', { name: 'Save the language' }).click();
      await page.getByText(`Your meetings will now be in ${name}.`).waitFor();
    };
    await language('es', 'Spanish');
    await page.getByText(`An interpreter who speaks Spanish will be at ${unbooked.name}’s meeting.`).waitFor();
    const spanish = (await (await context.request.get(`/api/rounds/${roundId}/family?household=${guardianUserId}`)).json()) as FamilyOptions;
    expect(spanish.language).toBe('es');
    expect(spanish.children.find((c) => c.studentId === unbooked.studentId)?.needsInterpreter).toBe(true);
    await capture(page, 'booking-admin-language');
    await language('en', 'English');
    expect(await page.getByText('An interpreter who speaks').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a family joins the waiting list, and books the time the school freed from the emailed link', async () => {
    expect(roundId).not.toBe('');
    const context = await newContext(browser, { viewport: PHONE });
    const page = await signInWithPassword(context, guardian.email);
    const errors = watchErrors(page);
    const before = await familyOf(context, roundId);
    const waiting = before.children.find((c) => !c.booking)!;
    const other = before.children.find((c) => c.booking)!.booking!;
    await page.goto(`/rounds/${roundId}/book`);
    await page.getByRole('heading', { level: 2, name: 'Nothing fits?' }).waitFor();
    await page.getByLabel('When would suit you? (optional)').fill('Any evening after half past five.');
    await page.getByRole('button', { name: 'Join the waiting list' }).click();
    await page.getByText(`${waiting.name}: you’re on the waiting list — we’ll email you if a time frees up.`).waitFor();
    await page.getByRole('status').getByText('You’re on the waiting list — we’ll email you if a time frees up.').waitFor();
    expect((await familyOf(context, roundId)).children.find((c) => c.studentId === waiting.studentId)?.waitlisted).toBe(true);

    // The school cancels another family's meeting with the same teacher, well away from this family's other meeting.
    const adminContext = await newContext(browser);
    await signInWithPassword(adminContext, admin.email);
    const sheet = (await (await adminContext.request.get(`/api/rounds/${roundId}/teachers/${waiting.teacher!.id}/sheet`)).json()) as DaySheet;
    const freed = sheet.days
      .flatMap((d) => d.slots)
      .map((s) => s.meeting)
      .find((m) => m && m.status === 'confirmed' && m.student.id !== waiting.studentId && Math.abs(Date.parse(m.startsAt) - Date.parse(other.startsAt)) > 2 * 3_600_000)!;
    expect(freed).toBeDefined();
    const csrf = (await adminContext.cookies()).find((c) => c.name === 'confer_csrf')?.value ?? '';
    expect((await adminContext.request.post(`/api/bookings/${freed.bookingId}/cancel`, { headers: { 'x-csrf-token': csrf } })).status()).toBe(200);
    await adminContext.close();

    // The offer comes by email, with a link of its own.
    let claimPath: string | undefined;
    await expect
      .poll(
        async () => {
          const outbox = (await (await context.request.get('/api/dev/mail')).json()) as { messages: Array<{ to: string; text: string }> };
          const link = outbox.messages.filter((m) => m.to === guardian.email).map((m) => /https?:\/\/\S+\/claim\/[\w-]+/.exec(m.text)?.[0]).find(Boolean);
          claimPath = link ? new URL(link).pathname : undefined;
          return claimPath;
        },
        { timeout: 15_000 },
      )
      .toBeDefined();
    await page.goto(claimPath!);
    await page.getByRole('heading', { level: 1, name: 'A time has come free' }).waitFor();
    await page.getByText(`${waiting.name} with ${waiting.teacher!.name}, ${waiting.teacher!.room}`).waitFor();
    await page.getByText('We’re keeping this time for you until').waitFor();
    await capture(page, 'booking-claim-offer');
    await page.getByRole('button', { name: 'Book this time' }).click();
    await page.getByRole('heading', { level: 1, name: 'This time is booked for you' }).waitFor();
    await expect.poll(() => focusedTag(page)).toBe('H1');
    await capture(page, 'booking-claim-booked');
    const after = await familyOf(context, roundId);
    const booking = after.children.find((c) => c.studentId === waiting.studentId)?.booking;
    expect(booking?.status).toBe('confirmed');
    expect(booking?.startsAt).toBe(freed.startsAt);
    expect(after.hold).toBeNull();
    // Opened again, the link shows the time it booked.
    await page.goto(claimPath!);
    await page.getByRole('heading', { level: 1, name: 'This time is booked for you' }).waitFor();
    await page.getByRole('heading', { level: 2, name: waiting.name }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

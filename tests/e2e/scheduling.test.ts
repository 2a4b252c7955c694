/**
 * An availability round (issue 6), as the people who use it: on the demo's spring round a
 * guardian says on her phone when she can come (only part of one evening, not the other); the
 * admin sees who has answered, makes the schedule and watches its progress bar, reviews it (how
 * many meetings are placed, who waits, the interpreters' timetables), locks a meeting and runs it
 * again (the locked meeting stays put), then publishes it: her booking page shows
 * her times (the emails and .ics are checked in tests/medium/scheduling.test.ts). Screenshots at desktop and phone width, axe-core on each page.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AvailabilityView, RunView, ScheduleView } from '../../src/contracts/scheduling';
import { demoSpringRound } from '../../src/domain/demo/demo-booking';
import { buildDemoSchool } from '../../src/domain/demo/demo-school';
import { demoSignIns } from '../../src/server/features/demo/seed-demo-school';
import { capture, DESKTOP, hasBrowser, launch, newContext, PHONE, signInWithPassword, watchErrors } from './browser';

const demo = buildDemoSchool();
const printed = demoSignIns(demo);

describe.skipIf(!hasBrowser)('an availability round in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a family says when they can come; the admin makes, reviews, locks, re-runs and publishes the schedule; the family gets its times', async () => {
    const guardian = printed.guardian!;
    const home = await newContext(browser, { viewport: PHONE });
    const family = await signInWithPassword(home, guardian.email);
    const familyErrors = watchErrors(family);
    const me = await (await home.request.get('/api/me')).json();
    const rounds = (await (await home.request.get(`/api/schools/${me.schools[0].id}/rounds`)).json()) as { rounds: Array<{ id: string; name: string }> };
    const roundId = rounds.rounds.find((r) => r.name === demoSpringRound.name)!.id;

    // The guardian: the first evening only from the second slot on; not the second evening.
    await family.goto(`/rounds/${roundId}/book`);
    await family.getByRole('heading', { level: 2, name: 'When can you come?' }).waitFor();
    const view = (await (await home.request.get(`/api/rounds/${roundId}/availability`)).json()) as AvailabilityView;
    expect(view.response).toBeNull();
    const [first, second] = view.sessions;
    const evenings = family.locator('fieldset.av-session');
    await evenings.nth(0).getByLabel('Only between…').check();
    await evenings.nth(0).getByLabel('From').selectOption(first!.starts[1]!);
    await evenings.nth(1).getByLabel('I can’t come').check();
    await family.getByLabel('Anything the school should know (optional)').fill('We come by bus');
    await capture(family, 'availability-family-form');
    await family.getByRole('button', { name: 'Send my times' }).click();
    await family.getByText('Thank you. We have your times and will email you when they are given.').waitFor();
    const answered = (await (await home.request.get(`/api/rounds/${roundId}/availability`)).json()) as AvailabilityView;
    expect(answered.response?.windows).toEqual([{ sessionId: first!.id, start: first!.starts[1], end: first!.ends[first!.ends.length - 1] }]);
    expect(second).toBeDefined();
    await capture(family, 'availability-family-sent');

    // The admin: answers, then the scheduler with its progress bar.
    const office = await newContext(browser, { viewport: DESKTOP });
    const admin = await signInWithPassword(office, printed.admin!.email);
    const adminErrors = watchErrors(admin);
    await admin.goto(`/school/rounds/${roundId}/booking`);
    await admin.getByRole('link', { name: 'Schedule the meetings' }).click();
    await admin.getByRole('heading', { level: 1, name: `Schedule for ${demoSpringRound.name}` }).waitFor();
    const before = (await (await office.request.get(`/api/rounds/${roundId}/schedule`)).json()) as ScheduleView;
    expect(before.answers.answered).toBeGreaterThan(0);
    expect(before.run).toBeNull();
    await capture(admin, 'schedule-answers');
    await admin.getByRole('button', { name: 'Make the schedule' }).click();
    await admin.getByRole('progressbar').waitFor();
    await admin.getByRole('heading', { level: 2, name: 'The schedule', exact: true }).waitFor({ timeout: 90_000 });
    const made = ((await (await office.request.get(`/api/rounds/${roundId}/schedule`)).json()) as ScheduleView).run!;
    expect(made.status).toBe('done');
    expect(made.measures!.scheduled).toBeGreaterThan(0);
    await admin.getByText(`${made.measures!.scheduled} of ${made.measures!.requests} meetings placed`).waitFor();
    // Each of her children is placed (on the first evening, from the time she gave) or said why not.
    const hers = made.meetings.filter((m) => m.householdUserId === me.id);
    const herName = hers[0]?.family ?? made.unplaced.find((u) => u.family.startsWith(guardian.givenName))?.family;
    expect(hers.length + made.unplaced.filter((u) => u.family === herName).length).toBe(answered.children.filter((c) => c.teacher).length);
    expect(hers.length).toBeGreaterThan(0);
    for (const m of hers) expect(new Date(m.startsAt).getTime()).toBeLessThan(Date.parse(`${first!.date}T23:59:59Z`));
    await admin.getByRole('heading', { level: 2, name: 'Interpreters’ timetables' }).waitFor();
    await capture(admin, 'schedule-review');

    // Lock the first meeting of the first teacher, run again: it stays where it was.
    const teacherList = admin.locator('details.rs-teacher').first();
    await teacherList.locator('summary').click();
    await teacherList.getByRole('checkbox').first().check();
    const lockedRequest = made.meetings.find((m) => m.teacherId === [...made.meetings].sort((a, b) => a.teacherName.localeCompare(b.teacherName))[0]!.teacherId)!;
    await admin.getByRole('button', { name: 'Run again, keeping 1 locked meeting' }).click();
    await admin.getByRole('progressbar').waitFor();
    await admin.locator('.rs-measures').getByText(/from the previous schedule/).waitFor({ timeout: 90_000 });
    const again = ((await (await office.request.get(`/api/rounds/${roundId}/schedule`)).json()) as ScheduleView).run!;
    expect(again.id).not.toBe(made.id);
    expect(again.previousRunId).toBe(made.id);
    expect(again.meetings.find((m) => m.request === lockedRequest.request)).toMatchObject({ locked: true, moved: false, startsAt: lockedRequest.startsAt });
    expect(again.measures!.scheduled).toBeGreaterThanOrEqual(made.measures!.scheduled);

    // Publish: every meeting booked, the families emailed.
    await admin.getByRole('button', { name: 'Publish and email families' }).click();
    await admin.getByRole('button', { name: 'Yes, publish' }).click();
    await admin.getByText(`Published: ${again.measures!.scheduled} meetings booked`).waitFor();
    await admin.getByRole('heading', { level: 2, name: 'The published schedule' }).waitFor();
    const published = ((await (await office.request.get(`/api/rounds/${roundId}/schedule/runs/${again.id}`)).json()) as RunView);
    expect(published.status).toBe('published');
    await capture(admin, 'schedule-published');

    // The family's page shows the times.
    await family.reload();
    await family.getByText('Every child’s conference is booked.').waitFor();
    await capture(family, 'availability-family-booked');
    expect(familyErrors).toEqual([]);
    expect(adminErrors).toEqual([]);
  }, 300_000);
});

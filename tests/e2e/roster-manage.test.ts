/**
 * An admin changes the roster by hand in the browser — a class, a child with their pictures, a
 * family that attends separately, a move, archive and restore, a member of staff, a term — then a
 * class teacher sets a child's sign-in pictures again and the child signs in with them. axe-core
 * and screenshots (desktop and phone) on every new page, and the pages again in Arabic.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoSchool, DEMO_PASSWORD } from '../../src/domain/demo/demo-school';
import { capture, hasBrowser, launch, newContext, PHONE, watchErrors } from './browser';

const demo = buildDemoSchool();
const admin = demo.staff.find((s) => s.role === 'admin')!;
const owlsTeacher = demo.staff.find((s) => s.key === 'owls')!;
const kestrelsTeacher = demo.staff.find((s) => s.key === 'kestrels')!;
const owls = demo.classes.find((c) => c.key === 'owls')!;
const hedgehogs = demo.classes.find((c) => c.key === 'hedgehogs')!;
// Not the Owls child the sign-in journeys use (the first): this one's pictures change here.
const forgetful = demo.students.filter((s) => s.classKey === 'owls').at(-1)!;
const newPictures = (['dog', 'moon', 'boat', 'tree'] as const).filter((p) => !forgetful.pictures.includes(p)).slice(0, 2);

async function signIn(page: Page, identifier: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email (or pupil username)').fill(identifier);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** What has focus: tag, and text or name. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}: ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim()}` : 'none';
  });
}

/** Screenshots and axe-core at both widths; then, at phone width, nothing makes the page scroll sideways. */
async function shoot(page: Page, name: string) {
  await capture(page, name);
  await page.setViewportSize(PHONE);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} scrolls sideways on a phone`).toBeLessThanOrEqual(PHONE.width);
}

async function h1(page: Page, name: string) {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/** A native date field: Playwright fills it with the ISO date whatever the locale shows. */
async function fillDate(scope: Locator, label: string, iso: string) {
  await scope.getByLabel(label, { exact: true }).fill(iso);
  expect(await scope.getByLabel(label, { exact: true }).inputValue()).toBe(iso);
}

describe.skipIf(!hasBrowser)('the roster by hand in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('an admin adds a class and a child, links a family, moves, archives and restores the child, adds staff and a term; a teacher resets a child’s pictures and the child signs in', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, admin.email);
    await page.getByRole('link', { name: /Roster/ }).click();
    await h1(page, 'Roster');
    await page.getByRole('link', { name: /^Classes/ }).waitFor();
    await shoot(page, 'manage-roster');

    // Classes: every class with its code; add one with a class teacher.
    await page.getByRole('link', { name: /^Classes/ }).click();
    await h1(page, 'Classes');
    await expect.poll(() => focused(page)).toBe('h1: Classes');
    const owlsCard = page.getByRole('link', { name: new RegExp(`^Owls`) });
    await expect.poll(() => owlsCard.textContent()).toContain(owls.classCode);
    expect(await owlsCard.textContent()).toContain(`${owlsTeacher.givenName} ${owlsTeacher.familyName} (Class teacher)`);
    await shoot(page, 'manage-classes');

    const addClass = page.getByRole('region', { name: 'Add a class' });
    await addClass.getByLabel('Class name').fill('Kingfishers');
    await addClass.getByRole('button', { name: 'Add the class' }).click();
    // Missing year group: said at the field; the name typed stays.
    await addClass.getByText('This is too short.').waitFor();
    expect(await addClass.getByLabel('Class name').inputValue()).toBe('Kingfishers');
    await addClass.getByLabel('Year group').fill('Year 2');
    await addClass.getByLabel('Class teacher (optional)').selectOption({ label: `${kestrelsTeacher.givenName} ${kestrelsTeacher.familyName}` });
    await addClass.getByRole('button', { name: 'Add the class' }).click();
    await addClass.getByRole('status').getByText('Kingfishers has been added, with its own class code.').waitFor();
    expect(await addClass.getByLabel('Class name').inputValue()).toBe('');
    await page.getByRole('link', { name: /^Kingfishers/ }).first().waitFor();
    await addClass.getByRole('link', { name: 'Open Kingfishers' }).click();

    // The class: its teacher, no children yet; add a child with their own picture and two sign-in pictures.
    await h1(page, 'Kingfishers');
    const teachers = page.getByRole('region', { name: 'Teachers' });
    await teachers.getByText(`${kestrelsTeacher.givenName} ${kestrelsTeacher.familyName}`).waitFor();
    await page.getByText('There are no children in this class yet.').waitFor();
    await shoot(page, 'manage-class');

    // A co-teacher added from the staff list, their role changed, then removed (each saves the whole list).
    await teachers.getByRole('button', { name: 'Add to the class' }).click();
    await teachers.getByText('Please choose one of the options.').waitFor();
    await teachers.getByLabel('Member of staff').selectOption({ label: `${owlsTeacher.givenName} ${owlsTeacher.familyName}` });
    await teachers.getByLabel('Role', { exact: true }).last().selectOption({ label: 'Co-teacher' });
    await teachers.getByRole('button', { name: 'Add to the class' }).click();
    await teachers.getByRole('status').getByText(`${owlsTeacher.givenName} ${owlsTeacher.familyName} has been added as Co-teacher.`).waitFor();
    const owlsRow = teachers.getByRole('listitem').filter({ hasText: `${owlsTeacher.givenName} ${owlsTeacher.familyName}` });
    await owlsRow.getByRole('combobox').selectOption({ label: 'Teaching assistant' });
    await owlsRow.getByRole('button', { name: 'Save role' }).click();
    await teachers.getByRole('status').getByText(`Saved: ${owlsTeacher.givenName} ${owlsTeacher.familyName} is now Teaching assistant.`).waitFor();
    await owlsRow.getByRole('button', { name: 'Remove from the class' }).click();
    await teachers.getByRole('status').getByText(`${owlsTeacher.givenName} ${owlsTeacher.familyName} no longer teaches Kingfishers.`).waitFor();
    await expect.poll(() => focused(page)).toBe('h2: Teachers');
    await expect.poll(() => owlsRow.count()).toBe(0);

    const addChild = page.getByRole('region', { name: 'Add a child' });
    expect(await addChild.getByLabel('Year group').inputValue()).toBe('Year 2');
    await addChild.getByLabel('First name').fill('Ottoline');
    await addChild.getByRole('button', { name: 'Add the child' }).click();
    await addChild.getByText('Please fill this in.').waitFor(); // the grade number
    await addChild.getByText('This is too short.').waitFor(); // the last name
    expect(await addChild.getByLabel('First name').inputValue()).toBe('Ottoline');
    await shoot(page, 'manage-class-errors');
    await addChild.getByLabel('Last name').fill('Quist');
    await addChild.getByLabel('Grade number').fill('2');
    await addChild.getByText('Choose their pictures now (optional)').click();
    await addChild.getByRole('radio', { name: 'owl' }).check();
    await addChild.getByRole('button', { name: 'cat', exact: true }).click();
    await addChild.getByRole('button', { name: 'sun', exact: true }).click();
    expect(await addChild.getByRole('button', { name: 'cat', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await shoot(page, 'manage-class-add-child');
    await addChild.getByRole('button', { name: 'Add the child' }).click();
    await addChild.getByRole('status').getByText('Ottoline Quist has been added to Kingfishers. They sign in with cat, then sun.').waitFor();
    await page.locator('.roster').getByRole('link', { name: 'Ottoline Quist' }).waitFor();
    await addChild.getByRole('link', { name: 'Open Ottoline Quist’s page' }).click();

    // The child's page: the admin's "Manage" area.
    await h1(page, 'Ottoline Quist');
    const childUrl = page.url();
    const childId = new URL(childUrl).pathname.split('/').pop()!;
    await page.getByRole('heading', { level: 2, name: 'Manage Ottoline’s record' }).waitFor();
    await shoot(page, 'manage-child');

    // A family: the father attends separately; a second guardian is linked, then removed after "are you sure?".
    const addGuardian = page.getByRole('region', { name: 'Link a guardian' });
    await addGuardian.getByLabel('First name').fill('Marcus');
    await addGuardian.getByLabel('Last name').fill('Byron');
    await addGuardian.getByLabel('Relationship to the child').selectOption({ label: 'Father' });
    await addGuardian.getByLabel('Email (optional)').fill('not-an-email');
    await addGuardian.getByLabel('Phone (optional)').fill('07700 900123');
    await addGuardian.getByLabel('Language', { exact: true }).selectOption('pl');
    await addGuardian.getByLabel('Books and attends separately').check();
    await addGuardian.getByRole('button', { name: 'Link the guardian' }).click();
    await addGuardian.getByText('This does not look right.').waitFor();
    expect(await addGuardian.getByLabel('First name').inputValue()).toBe('Marcus');
    expect(await addGuardian.getByLabel('Books and attends separately').isChecked()).toBe(true);
    await addGuardian.getByLabel('Email (optional)').fill('marcus.byron@example.org');
    await addGuardian.getByRole('button', { name: 'Link the guardian' }).click();
    await addGuardian.getByRole('status').getByText('Marcus Byron is now linked to Ottoline.').waitFor();
    const family = page.getByRole('region', { name: 'Family' });
    const marcus = family.getByRole('listitem').filter({ hasText: 'Marcus Byron' });
    await marcus.getByText('Father').waitFor();
    await marcus.getByText('Language: Polski').waitFor();
    expect(await marcus.getByRole('switch', { name: 'Books and attends separately' }).getAttribute('aria-checked')).toBe('true');
    const detail = async () => (await (await page.request.get(`/api/students/${childId}`)).json()) as { guardians: Array<{ givenName: string; attendsSeparately: boolean; preferredLocale: string | null }>; classes: Array<{ name: string }> };
    expect((await detail()).guardians.find((g) => g.givenName === 'Marcus')).toMatchObject({ attendsSeparately: true, preferredLocale: 'pl' });

    await addGuardian.getByLabel('First name').fill('Annabella');
    await addGuardian.getByLabel('Relationship to the child').selectOption({ label: 'Mother' });
    await addGuardian.getByRole('button', { name: 'Link the guardian' }).click();
    await addGuardian.getByRole('status').getByText('Annabella Quist is now linked to Ottoline.').waitFor();
    const annabella = family.getByRole('listitem').filter({ hasText: 'Annabella Quist' });
    // The switch saves at once, both ways.
    const annSwitch = annabella.getByRole('switch', { name: 'Books and attends separately' });
    expect(await annSwitch.getAttribute('aria-checked')).toBe('false');
    await annSwitch.click();
    await annabella.getByRole('status').getByText('Saved: Annabella Quist books and attends separately.').waitFor();
    await expect.poll(() => annSwitch.getAttribute('aria-checked')).toBe('true');
    await annSwitch.click();
    await annabella.getByRole('status').getByText('Saved: Annabella Quist attends together with the rest of the family.').waitFor();
    await annabella.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => focused(page)).toMatch(/^p: Remove Annabella Quist from Ottoline’s family\?/);
    await shoot(page, 'manage-child-remove-guardian');
    await annabella.getByRole('button', { name: 'Yes, remove' }).click();
    await expect.poll(() => annabella.count()).toBe(0);
    await expect.poll(() => focused(page)).toBe('h2: Family');
    expect((await detail()).guardians.map((g) => g.givenName)).toEqual(['Marcus']);

    // Moved to another class: the classes ticked are the classes saved.
    const classesForm = page.getByRole('region', { name: 'Classes', exact: true });
    await classesForm.getByRole('checkbox', { name: /Kingfishers/ }).uncheck();
    await classesForm.getByRole('checkbox', { name: /^Hedgehogs/ }).check();
    await classesForm.getByRole('button', { name: 'Save classes' }).click();
    await classesForm.getByRole('status').getByText('Saved: Ottoline is now in Hedgehogs.').waitFor();
    await page.getByRole('region', { name: 'Classes and teachers' }).getByRole('link', { name: 'Hedgehogs' }).waitFor();
    expect((await detail()).classes.map((c) => c.name)).toEqual(['Hedgehogs']);

    // Archived after "are you sure?"; then restored, still in Hedgehogs.
    await page.getByRole('button', { name: 'Archive Ottoline' }).click();
    await expect.poll(() => focused(page)).toMatch(/^p: Archive Ottoline Quist\?/);
    await page.getByRole('button', { name: 'Yes, archive' }).click();
    await page.getByRole('button', { name: 'Restore Ottoline' }).waitFor();
    await expect.poll(() => focused(page)).toBe('h2: Manage Ottoline’s record');
    // The admin can still open an archived child (to restore them later); it says archived.
    expect(await (await page.request.get(`/api/students/${childId}`)).json()).toMatchObject({ archived: true });
    await shoot(page, 'manage-child-archived');
    await page.getByRole('button', { name: 'Restore Ottoline' }).click();
    await page.getByRole('button', { name: 'Archive Ottoline' }).waitFor();
    expect((await page.request.get(`/api/students/${childId}`)).status()).toBe(200);
    expect((await detail()).classes.map((c) => c.name)).toEqual(['Hedgehogs']);

    // Staff: add someone, change their role (Save, not on change), archive and restore them.
    await page.goto('/roster');
    await page.getByRole('link', { name: /^Staff/ }).click();
    await h1(page, 'Staff');
    const me = page.getByRole('listitem').filter({ hasText: `${admin.givenName} ${admin.familyName}` });
    await me.getByText('This is you. Another admin can change your role.').waitFor();
    expect(await me.getByRole('button').count()).toBe(0);
    await shoot(page, 'manage-staff');
    const addStaff = page.getByRole('region', { name: 'Add staff' });
    await addStaff.getByLabel('First name').fill('Priya');
    await addStaff.getByLabel('Last name').fill('Shah');
    await addStaff.getByLabel('Email').fill('priya.shah@riverside.example');
    await addStaff.getByLabel('Role').selectOption({ label: 'Teaching assistant' });
    await addStaff.getByRole('button', { name: 'Add', exact: true }).click();
    await addStaff.getByRole('status').getByText('Priya Shah has been added as Teaching assistant.').waitFor();
    const priya = page.getByRole('listitem').filter({ hasText: 'Priya Shah' });
    await priya.getByText('priya.shah@riverside.example').waitFor();
    await priya.getByLabel('Role').selectOption({ label: 'Teacher' });
    expect(await priya.getByRole('status').textContent()).toBe(''); // nothing saved on change alone
    await priya.getByRole('button', { name: 'Save role' }).click();
    await priya.getByRole('status').getByText('Saved: Priya Shah is now Teacher.').waitFor();
    await priya.getByRole('button', { name: 'Archive' }).click();
    await priya.getByRole('button', { name: 'Yes, archive' }).click();
    await priya.getByRole('status').getByText('Priya Shah is archived.').waitFor();
    await priya.getByText('Archived', { exact: true }).waitFor();
    await shoot(page, 'manage-staff-archived');
    await priya.getByRole('button', { name: 'Restore' }).click();
    await priya.getByRole('status').getByText('Priya Shah is restored and can sign in again.').waitFor();

    // Terms: a term with reversed dates is refused at the field, then added; a report period inside it.
    await page.goto('/roster');
    await page.getByRole('link', { name: /^Terms/ }).click();
    await h1(page, 'Terms');
    await page.getByRole('heading', { level: 3, name: 'Autumn 2026' }).waitFor();
    const addTerm = page.getByRole('region', { name: 'Add a term' });
    await addTerm.getByLabel('Name of the term').fill('Autumn 2027');
    await fillDate(addTerm, 'First day', '2027-12-17');
    await fillDate(addTerm, 'Last day', '2027-09-01');
    await addTerm.getByRole('button', { name: 'Add the term' }).click();
    await addTerm.getByText('The last day is before the first day.').waitFor();
    expect(await addTerm.getByLabel('Name of the term').inputValue()).toBe('Autumn 2027');
    await shoot(page, 'manage-terms-error');
    await fillDate(addTerm, 'First day', '2027-09-01');
    await fillDate(addTerm, 'Last day', '2027-12-17');
    await addTerm.getByRole('button', { name: 'Add the term' }).click();
    await addTerm.getByRole('status').getByText('Autumn 2027 has been added.').waitFor();
    const term = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Autumn 2027' }) });
    await term.getByText(/1 September – 17 December 2027/).waitFor();
    await term.getByText('Add a report period').click();
    await term.getByLabel('Name of the report period').fill('Autumn 2027 reports');
    await fillDate(term, 'First day', '2027-11-01');
    await fillDate(term, 'Last day', '2027-12-10');
    await term.getByRole('button', { name: 'Add the report period' }).click();
    await term.getByRole('status').getByText('Autumn 2027 reports has been added to Autumn 2027.').waitFor();
    await term.getByText(/Autumn 2027 reports: 1 November – 10 December 2027/).waitFor();
    await shoot(page, 'manage-terms');

    // The new pages right to left, in Arabic.
    const classId = (await (await page.request.get(`/api/schools/${(await (await page.request.get('/api/me')).json()).schools[0].id}/classes`)).json()).classes.find(
      (c: { name: string }) => c.name === 'Kingfishers',
    ).id;
    for (const [url, name] of [
      ['/roster/classes', 'manage-classes-ar'],
      [`/roster/classes/${classId}`, 'manage-class-ar'],
      [`/students/${childId}`, 'manage-child-ar'],
      ['/roster/staff', 'manage-staff-ar'],
      ['/roster/terms', 'manage-terms-ar'],
    ] as const) {
      await page.goto(`${url}?lang=ar`);
      await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      await shoot(page, name);
    }
    expect(errors).toEqual([]);
    await context.close();

    // The Owls teacher sets a child's sign-in pictures again (and has no "Manage" area).
    const teacherContext = await newContext(browser);
    const teacherPage = await teacherContext.newPage();
    const teacherErrors = watchErrors(teacherPage);
    await signIn(teacherPage, owlsTeacher.email);
    await teacherPage.getByRole('link', { name: /^Owls/ }).click();
    await h1(teacherPage, 'Owls');
    await teacherPage.getByRole('link', { name: `${forgetful.givenName} ${forgetful.familyName}` }).click();
    await h1(teacherPage, `${forgetful.givenName} ${forgetful.familyName}`);
    const reset = teacherPage.getByRole('region', { name: 'Sign-in pictures' });
    await reset.waitFor();
    expect(await teacherPage.getByRole('heading', { name: /^Manage / }).count()).toBe(0);
    await reset.getByRole('button', { name: 'Save the new pictures' }).click();
    await reset.getByText('Choose two pictures, or none.').waitFor();
    await reset.getByRole('button', { name: newPictures[0], exact: true }).click();
    await reset.getByRole('button', { name: newPictures[1], exact: true }).click();
    await shoot(teacherPage, 'teacher-reset-pictures');
    await reset.getByRole('button', { name: 'Save the new pictures' }).click();
    await reset
      .getByRole('status')
      .getByText(`Done: ${forgetful.givenName} now signs in with ${newPictures[0]}, then ${newPictures[1]}. Their old pictures no longer work.`)
      .waitFor();
    await shoot(teacherPage, 'teacher-reset-pictures-done');
    expect(teacherErrors).toEqual([]);
    await teacherContext.close();

    // The child signs in with the new pictures; the old ones no longer work.
    const childContext = await newContext(browser);
    const childPage = await childContext.newPage();
    await childPage.goto(`/sign-in/class?code=${encodeURIComponent(owls.classCode)}`);
    await childPage.getByRole('heading', { name: 'Tap your picture' }).waitFor();
    await childPage.getByRole('button', { name: new RegExp(`^${forgetful.givenName} ${forgetful.familyName[0]}`) }).first().click();
    await childPage.getByRole('button', { name: forgetful.pictures[0], exact: true }).click();
    await childPage.getByRole('button', { name: forgetful.pictures[1], exact: true }).click();
    await childPage.getByText('That did not match. Please check and try again.').waitFor();
    await childPage.getByRole('button', { name: newPictures[0], exact: true }).click();
    await childPage.getByRole('button', { name: newPictures[1], exact: true }).click();
    await childPage.getByRole('heading', { name: `Hello, ${forgetful.givenName}!` }).waitFor();
    await childContext.close();

    // Ottoline signs in with the pictures chosen when she was added, from her new class.
    const adaContext = await newContext(browser);
    const adaPage = await adaContext.newPage();
    await adaPage.goto(`/sign-in/class?code=${encodeURIComponent(hedgehogs.classCode)}`);
    await adaPage.getByRole('button', { name: /^Ottoline Q/ }).click();
    await adaPage.getByRole('button', { name: 'cat', exact: true }).click();
    await adaPage.getByRole('button', { name: 'sun', exact: true }).click();
    await adaPage.getByRole('heading', { name: 'Hello, Ottoline!' }).waitFor();
    await adaPage.getByText(/You are in Hedgehogs/).waitFor();
    await adaContext.close();
  });
});

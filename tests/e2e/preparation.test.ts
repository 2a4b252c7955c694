/**
 * Getting ready for a student-led conference, as the people who do it (issue 4's journey): the
 * admin adds a round; the Owls teacher writes success criteria and two selection prompts; Ava
 * (Year 1, on a tablet) picks her best writing and her best representing, answers the questions —
 * one of them by recording her voice — and marks "think pink" and "green for growth"; her teacher
 * sees her on the readiness board, sends one reflection back, and Ava improves it; Ava sets a goal
 * and writes her commitment; her mother (who reads Confer in Spanish) adds hers on her phone; the
 * teacher sees Ava ready; the goal page prints (`page.pdf()`, its text read back). Screenshots at
 * phone, tablet and desktop width; axe-core on each page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoSchool } from '../../src/domain/demo/demo-school';
import { demoSignIns } from '../../src/server/features/demo/seed-demo-school';
import { capture, captureAll, hasBrowser, launch, newContext, pdfText, PHONE, signInWithLink, signInWithPassword, signInWithPictures, TABLET, watchErrors } from './browser';

const demo = buildDemoSchool();
const printed = demoSignIns(demo);
const owls = printed.owls!;
const ava = printed.child!;
// Ava's mother reads Confer in Spanish.
const mother = demo.guardians.find((g) => g.children.some((c) => c.studentKey === ava.key) && g.email)!;
const es = (await import('../../locales/es/goals.json', { with: { type: 'json' } })).default;
const GOAL = 'Write at least three sentences in my story.';

describe.skipIf(!hasBrowser)('conference preparation in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch({ fakeMedia: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the teacher writes criteria and prompts; the child picks, reflects (one answer spoken), sets a goal and commits; her mother commits; the class board shows her ready; the goal page prints', async () => {
    // The admin adds the spring round.
    const office = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const admin = await signInWithPassword(office, printed.admin!.email);
    const adminErrors = watchErrors(admin);
    await admin.getByRole('link', { name: 'Conference rounds' }).click();
    await admin.getByRole('heading', { name: 'Conference rounds' }).waitFor();
    await admin.getByLabel('Name').fill('Spring student-led conferences');
    await admin.getByLabel('First day').fill('2027-03-15');
    await admin.getByLabel('Last day').fill('2027-03-12');
    await admin.getByRole('button', { name: 'Add the round' }).click();
    // The last day before the first: said next to the field, nothing added.
    await admin.getByText('The last day is before the first day.').waitFor();
    await admin.getByLabel('Last day').fill('2027-03-19');
    await admin.getByLabel('Report period it looks back on').selectOption({ label: 'Spring report' });
    await admin.getByRole('button', { name: 'Add the round' }).click();
    await admin.getByText('Spring student-led conferences was added.').waitFor();
    await capture(admin, 'preparation-rounds');
    expect(adminErrors).toEqual([]);

    // The Owls teacher writes two prompts for it.
    const classroom = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const teacher = await signInWithPassword(classroom, printed.teacher!.email);
    const teacherErrors = watchErrors(teacher);
    await teacher.getByRole('link', { name: /Owls/ }).first().click();
    const classPage = teacher.url();
    // Success criteria first: an anchor chart of the class's own, in the children's words.
    await teacher.getByRole('link', { name: 'Success criteria' }).click();
    await teacher.getByRole('heading', { name: 'Success criteria for Owls' }).waitFor();
    await teacher.getByLabel('Title', { exact: true }).last().fill('What good storytellers do');
    await teacher.getByRole('button', { name: 'Create the list' }).click();
    const chart = teacher.getByRole('article', { name: 'What good storytellers do' });
    await chart.getByRole('button', { name: 'Change this list' }).click();
    const addCriterion = chart.getByRole('form', { name: 'Add a criterion' });
    await addCriterion.getByLabel('In the children’s words').fill('I tell things in the order they happened.');
    await addCriterion.getByText('Picture: No picture').click();
    await addCriterion.getByRole('radio', { name: 'clock', exact: true }).check();
    await addCriterion.getByRole('button', { name: 'Add it' }).click();
    await teacher.getByText('Added “I tell things in the order they happened.”.').waitFor();
    await captureAll(teacher, 'preparation-journey-criteria');
    await teacher.goto(classPage);
    await teacher.getByRole('link', { name: 'Prompts and readiness' }).click();
    await teacher.getByRole('heading', { name: /Selection prompts: Autumn student-led conferences/ }).waitFor();
    await teacher.getByRole('link', { name: 'Spring student-led conferences' }).click();
    await teacher.getByRole('heading', { name: /Selection prompts: Spring student-led conferences/ }).waitFor();
    await teacher.getByText('No prompts yet').waitFor();

    await teacher.getByRole('button', { name: 'Add a prompt' }).click();
    await capture(teacher, 'preparation-prompt-editor');
    // Without the school's language the prompt cannot be saved: said at the field.
    await teacher.getByRole('button', { name: 'Add the prompt' }).click();
    await teacher.getByText('Please fill this in.').waitFor();
    const form = teacher.locator('form.prep-prompt-form');
    await form.getByLabel(/English/).first().fill('Your best writing');
    await form.getByLabel(/Español/).first().fill('Tu mejor escritura');
    await teacher.getByRole('button', { name: 'Add the prompt' }).click();
    await teacher.getByText('The prompt was added.').waitFor();

    await teacher.getByRole('button', { name: 'Add a prompt' }).click();
    await form.getByLabel(/English/).first().fill('Your best representing');
    await teacher.getByRole('checkbox', { name: 'What could make it better?' }).uncheck();
    await teacher.getByRole('button', { name: 'Add your own question' }).click();
    await form.locator('fieldset.prep-questions').getByLabel(/English/).fill('What does your picture show?');
    await teacher.getByRole('button', { name: 'Add the prompt' }).click();
    await teacher.getByText('2 prompts').waitFor();
    await capture(teacher, 'preparation-prompts');
    const springUrl = teacher.url();
    const roundId = /preparation\/([0-9a-f-]{36})/.exec(springUrl)![1]!;

    // Ava, on a tablet: her home's picture button takes her to the round.
    const tablet = await newContext(browser, { viewport: TABLET });
    const kid = await tablet.newPage();
    const kidErrors = watchErrors(kid);
    await signInWithPictures(kid, owls.classCode, ava);
    await kid.getByRole('link', { name: 'Get ready for my conference' }).click();
    await kid.getByRole('heading', { name: 'Getting ready for my conference' }).waitFor();
    await kid.getByRole('link', { name: 'Spring student-led conferences' }).click();
    await kid.getByRole('heading', { name: /Getting ready: Spring/ }).waitFor();
    await kid.getByText('Pick your pieces: 0 of 2').waitFor();
    await capture(kid, 'preparation-child-start');
    // The picker open (axe on it too).
    await kid.getByRole('region', { name: 'Your best writing' }).getByRole('button', { name: 'Choose' }).click();
    await kid.getByRole('button', { name: /My weekend/ }).waitFor();
    await capture(kid, 'preparation-child-picker');
    await kid.getByRole('button', { name: 'Cancel' }).click();

    const writing = kid.getByRole('region', { name: 'Your best writing' });
    await writing.getByRole('button', { name: 'Choose' }).click();
    await writing.getByRole('button', { name: /My weekend/ }).click();
    await expect.poll(() => writing.getByRole('button', { name: /My weekend/ }).getAttribute('aria-pressed')).toBe('true');
    await writing.getByRole('button', { name: 'Keep my choice' }).click();
    await writing.getByLabel('What did you do well?').fill('I put spaces between the words and I sounded them out.');
    await writing.getByRole('button', { name: 'Save my answer' }).first().click();
    await writing.getByText('Your answer is saved.').waitFor();
    // "What could make it better?" — said, not typed.
    const better = writing.locator('form.prep-answer').nth(1);
    await better.getByRole('button', { name: 'Say it instead' }).click();
    await better.getByRole('button', { name: 'Start recording' }).click();
    await better.getByRole('timer').waitFor();
    await kid.waitForTimeout(1200);
    await better.getByRole('button', { name: 'Stop' }).click();
    await better.getByRole('button', { name: 'Keep this recording' }).click();
    await expect.poll(() => writing.locator('audio').count(), { timeout: 15_000 }).toBe(1);
    // Think pink (done well) and green for growth (to work on), against the class's criteria.
    await writing.getByRole('button', { name: /^I put spaces between my words\.: not marked/ }).click();
    await writing.getByRole('button', { name: /^I put spaces between my words\.: think pink/ }).waitFor();
    const fullStop = writing.getByRole('button', { name: /^I put a full stop at the end\.: / });
    await fullStop.click();
    await fullStop.click();
    await writing.getByRole('button', { name: /^I put a full stop at the end\.: green for growth/ }).waitFor();
    await writing.getByRole('status').filter({ hasText: 'I put a full stop at the end.: green for growth' }).waitFor();
    // The list her teacher has just written is there too.
    await writing.getByRole('button', { name: /^I tell things in the order they happened\.: not marked/ }).click();
    await writing.getByRole('button', { name: /^I tell things in the order they happened\.: think pink/ }).waitFor();

    const representing = kid.getByRole('region', { name: 'Your best representing' });
    await representing.getByRole('button', { name: 'Choose' }).click();
    await representing.getByRole('button', { name: /My frog/ }).click();
    await representing.getByRole('button', { name: 'Keep my choice' }).click();
    await representing.getByLabel('What did you do well?').fill('I drew his big eyes.');
    await representing.getByRole('button', { name: 'Save my answer' }).first().click();
    await representing.getByText('Your answer is saved.').waitFor();
    await representing.getByLabel('What does your picture show?').fill('A frog in the pond.');
    await representing.getByRole('button', { name: 'Save my answer' }).nth(1).click();
    await kid.getByText('Answer the questions: 4 of 4').waitFor();
    await capture(kid, 'preparation-child-reflected');
    expect(kidErrors).toEqual([]);

    // The teacher's board: Ava has picked and reflected; no goal yet.
    await teacher.goto(`/classes/${await classIdOf(teacher)}/preparation/${roundId}/readiness`);
    const avaCard = teacher.getByRole('listitem').filter({ has: teacher.getByRole('link', { name: new RegExp(ava.givenName) }) });
    await avaCard.getByText('Getting there').first().waitFor();
    await avaCard.getByText('2 of 2').waitFor();
    await capture(teacher, 'preparation-board');

    // She opens Ava's preparation, hears the recording, and sends the writing reflection back.
    await avaCard.getByRole('link', { name: new RegExp(ava.givenName) }).click();
    await teacher.getByRole('heading', { name: new RegExp(`${ava.givenName} getting ready`) }).waitFor();
    await expect.poll(() => teacher.locator('audio').count()).toBe(1);
    // What Ava marked, read-only.
    await teacher.getByText('green for growth: I am working on this').waitFor();
    const teacherWriting = teacher.getByRole('region', { name: 'Your best writing' });
    await teacherWriting.getByRole('button', { name: 'Send back to improve' }).click();
    await teacherWriting.getByLabel('What could the child improve?').fill('Tell us about the capital letter at the start.');
    await teacherWriting.getByRole('button', { name: 'Send back', exact: true }).click();
    await teacher.getByLabel('Scaffolding note').fill('Look at your first word together.');
    await teacher.getByRole('button', { name: 'Save the note' }).click();
    await teacher.getByText('The note is saved.').waitFor();
    await capture(teacher, 'preparation-review');

    // Ava sees what to improve and does it.
    await kid.reload();
    await kid.getByText('Your teacher asks you to make this better:').waitFor();
    await kid.getByText('Tell us about the capital letter at the start.').waitFor();
    await kid.getByText('Look at your first word together.').waitFor();
    await writing.getByLabel('What did you do well?').fill('I put spaces between the words. I started with a capital letter.');
    await writing.getByRole('button', { name: 'Save my answer' }).first().click();
    await writing.getByText('Your answer is saved.').waitFor();
    await expect.poll(() => kid.getByText('Your teacher asks you to make this better:').count()).toBe(0);

    const boardUrl = `/classes/${await classIdOf(teacher)}/preparation/${roundId}/readiness`;
    await teacher.goto(boardUrl);
    await teacher.getByRole('listitem').filter({ has: teacher.getByRole('link', { name: new RegExp(ava.givenName) }) }).getByText('Getting there').first().waitFor();

    // Ava sets her goal for the round and writes her own commitment.
    await kid.getByRole('link', { name: 'Set a goal' }).click();
    await kid.getByRole('heading', { name: 'My new goal' }).waitFor();
    await kid.getByText('This goal is for the conference round.').waitFor();
    // The round looks back on the spring report: the goal is for the one after it.
    expect(await kid.getByLabel('Report period it is for').evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent)).toBe('Summer report (the next one)');
    await kid.getByLabel('What do I want to get better at?').fill(GOAL);
    await kid.getByLabel('How will I know I did it?').fill('Three full stops in my writing book.');
    await captureAll(kid, 'preparation-journey-goal-new');
    await kid.getByRole('button', { name: 'Save my goal' }).click();
    const kidGoal = kid.getByRole('article', { name: GOAL });
    await kidGoal.getByLabel('What will I do?').fill('I will write a sentence every day.');
    await kidGoal.getByRole('button', { name: 'Save my commitment' }).click();
    await kidGoal.getByText('Your commitment is saved.').waitFor();
    await captureAll(kid, 'preparation-journey-goal-child');
    await kid.goto(`/students/${await studentIdOf(kid)}/preparation/${roundId}`);
    await kid.getByText('You are ready for your conference!').waitFor();
    await captureAll(kid, 'preparation-journey-child-ready');
    expect(kidErrors).toEqual([]);

    // Her mother, on her phone, in Spanish: her own box only, then the goal page, printed.
    const home = await newContext(browser, { viewport: PHONE });
    const phone = await home.newPage();
    const phoneErrors = watchErrors(phone);
    await signInWithLink(phone, mother.email);
    await phone.getByRole('link', { name: es.home.childGoals.replace('{name}', ava.givenName) }).first().click();
    await phone.getByRole('link', { name: /Summer report/ }).click();
    const goal = phone.getByRole('article', { name: GOAL });
    await goal.getByText('I will write a sentence every day.').waitFor();
    await goal.getByLabel(es.commit.promptGuardian.replace('{name}', ava.givenName)).fill('Leeré un cuento con ella cada noche.');
    await goal.getByRole('button', { name: es.commit.save }).click();
    await goal.getByText(es.commit.saved).waitFor();
    await captureAll(phone, 'preparation-journey-goal-family');
    await phone.getByRole('link', { name: es.list.printPage }).click();
    const doc = phone.locator('article.goal-doc[lang="es"]');
    await doc.getByText(GOAL).waitFor();
    await captureAll(phone, 'preparation-journey-goal-page');
    const text = await pdfText(await phone.pdf({ format: 'A4', printBackground: true }));
    expect(text).toContain(GOAL);
    expect(text).toContain('I will write a sentence every day.');
    expect(text).toContain('Leeré un cuento con ella cada noche.');
    expect(text).toContain(es.page.commitments);
    expect(phoneErrors).toEqual([]);

    // The teacher's board: Ava is ready — picked, reflected, a goal with her commitment.
    await teacher.goto(boardUrl);
    const readyCard = teacher.getByRole('listitem').filter({ has: teacher.getByRole('link', { name: new RegExp(ava.givenName) }) });
    await readyCard.getByText('Ready').first().waitFor();
    await readyCard.getByText('Set, with their own commitment').waitFor();
    await teacher.getByText('Ready: 1').waitFor();
    await captureAll(teacher, 'preparation-journey-board');
    expect(teacherErrors).toEqual([]);
  });
});

async function studentIdOf(page: Page): Promise<string> {
  const me = (await (await page.request.get('/api/me')).json()) as { studentId: string };
  return me.studentId;
}

async function classIdOf(page: Page): Promise<string> {
  const mine = (await (await page.request.get('/api/me/classes')).json()) as { taught: Array<{ id: string; name: string }> };
  return mine.taught.find((c) => c.name === 'Owls')!.id;
}

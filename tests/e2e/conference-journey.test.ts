/**
 * Conference day with three devices at once, as the demo's Korean family lives it (their Hedgehogs
 * meeting is the one on now, with the Korean interpreter): Leo presents on a class tablet, signed
 * in with his pictures; Ms Marsh facilitates on her laptop; his mother follows on her phone in
 * Korean. From the first step to the finalised record: Leo steps through and his screen drives the
 * other two; each writes a commitment, which the tablet shows; the teacher ends the conference and
 * finishes the record, which the mother reads in Korean. Then she asks for a private follow-up
 * (Leo's devices show nothing of it; the teacher's queue does), and both she and Leo answer the
 * "Was it worthwhile?" survey, whose results the teacher reads. Screenshots of every view at its
 * device's width and at phone width, axe-core on each.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConferenceDay, ConferenceView } from '../../src/contracts/conference';
import { buildDemoSchool } from '../../src/domain/demo/demo-school';
import { axe, DESKTOP, hasBrowser, launch, newContext, PHONE, screensDir, signInWithPassword, signInWithPictures, TABLET, watchErrors } from './browser';

const demo = buildDemoSchool();
const teacher = demo.staff.find((s) => s.key === 'hedgehogs')!;
const hedgehogs = demo.classes.find((c) => c.key === 'hedgehogs')!;
const mother = demo.guardians.find((g) => g.email === 'jiwoo.park3@riverside.example')!;
const leo = demo.students.find((s) => s.classKey === 'hedgehogs' && mother.children.some((c) => c.studentKey === s.key))!;

type Json = Record<string, unknown>;
const messages = async (tag: string, ns: string) => (await import(`../../locales/${tag}/${ns}.json`, { with: { type: 'json' } })).default as Json;
/** A message by its dotted key, with {placeholders} filled. */
const say = (file: Json, key: string, values: Record<string, string | number> = {}) => {
  const found = key.split('.').reduce<unknown>((o, k) => (o as Json)[k], file);
  if (typeof found !== 'string') throw new Error(`no message ${key}`);
  return found.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));
};
const ko = {
  presenter: await messages('ko', 'presenter'),
  conference: await messages('ko', 'conference'),
  followup: await messages('ko', 'followup'),
  surveys: await messages('ko', 'surveys'),
};

/** Screenshots at the device's own width and at phone width, axe-core clean at each. */
async function shoot(page: Page, name: string, device: { width: number; height: number }, label: string): Promise<void> {
  for (const [size, which] of [[device, label], [PHONE, 'phone']] as const) {
    await page.setViewportSize(size);
    await page.waitForTimeout(60);
    await page.screenshot({ path: path.join(screensDir, `journey-${name}-${which}.png`), fullPage: true });
    expect(await axe(page), `axe violations on ${name} at ${which} width`).toEqual([]);
  }
  await page.setViewportSize(device);
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const stepOf = async (context: BrowserContext, id: string) => ((await (await context.request.get(`/api/conferences/${id}`)).json()) as ConferenceView).live.currentStepId;

describe.skipIf(!hasBrowser)('a conference on three devices in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('Leo presents, Ms Marsh facilitates, his mother follows in Korean: record, follow-up and survey', { timeout: 300_000 }, async () => {
    // The teacher, on her laptop: today's list, then the Korean family's conference.
    const laptopContext = await newContext(browser, { viewport: DESKTOP });
    const laptop = await signInWithPassword(laptopContext, teacher.email);
    const laptopErrors = watchErrors(laptop);
    const day = (await (await laptopContext.request.get('/api/conference-day')).json()) as ConferenceDay;
    const meeting = day.conferences.find((c) => c.student.name.startsWith(`${leo.givenName} `) && c.language === 'ko')!;
    expect(meeting, 'Leo meets in Korean today').toBeDefined();
    expect(meeting.status).toBe('scheduled');
    expect(meeting.interpreter?.name).toBeTruthy();
    await laptop.goto('/conference-day');
    await laptop.getByRole('link', { name: `Open — ${meeting.student.name}` }).click();
    await h1(laptop).filter({ hasText: `Conference: ${meeting.student.name}` }).waitFor();
    await laptop.getByText('Live', { exact: true }).waitFor();
    const view = (await (await laptopContext.request.get(`/api/conferences/${meeting.conferenceId}`)).json()) as ConferenceView;
    const pieces = view.agenda.filter((s) => s.kind === 'piece');
    expect(pieces.length).toBeGreaterThan(0);
    const goal = view.goals[0]!;
    expect(goal, 'Leo has a goal for the round').toBeDefined();

    // His mother, on her phone: her home page in Korean, then the conference's page.
    const phoneContext = await newContext(browser, { viewport: PHONE });
    const phone = await signInWithPassword(phoneContext, mother.email);
    const phoneErrors = watchErrors(phone);
    const leoCard = phone.locator('li.card').filter({ hasText: say(ko.conference, 'family.meeting', { name: leo.givenName, when: '' }).replace(/ · $/, '') });
    await shoot(phone, 'family-home', PHONE, 'phone-own');
    await leoCard.getByRole('link', { name: say(ko.conference, 'family.cards_link') }).click();
    await expect.poll(() => new URL(phone.url()).pathname).toBe(`/conferences/${meeting.conferenceId}/family`);
    await h1(phone).filter({ hasText: say(ko.presenter, 'family.title', { name: leo.givenName }) }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.lang)).toMatch(/^ko/);
    await phone.getByText(say(ko.presenter, 'family.live'), { exact: true }).waitFor();
    await shoot(phone, 'family-before', PHONE, 'phone-own');

    // Leo, on the class tablet: his pictures, his home page's big button, his presenter in his family's Korean.
    const tabletContext = await newContext(browser, { viewport: TABLET });
    const tablet = await tabletContext.newPage();
    const tabletErrors = watchErrors(tablet);
    await signInWithPictures(tablet, hedgehogs.classCode, leo);
    await shoot(tablet, 'child-home', TABLET, 'tablet');
    await tablet.getByRole('link', { name: 'Show my work' }).click();
    await h1(tablet).filter({ hasText: say(ko.presenter, 'steps.welcome') }).waitFor();
    expect(new URL(tablet.url()).pathname).toBe(`/conferences/${meeting.conferenceId}/present`);
    expect(await tablet.locator('a:visible').count()).toBe(0);
    await shoot(tablet, 'child-welcome', TABLET, 'tablet');

    // The teacher starts: the timer runs.
    await laptop.getByRole('button', { name: 'Start' }).click();
    await laptop.getByText(/of 20 minutes/).waitFor();

    // Leo taps Next: his first piece, full screen. The laptop and the phone follow without reloading.
    const mark = await phone.evaluate(() => ((window as unknown as { mark: number }).mark = Math.random()));
    await tablet.getByRole('button', { name: say(ko.presenter, 'nav.next'), exact: true }).click();
    const first = pieces[0]!.kind === 'piece' ? pieces[0]!.piece : null;
    const title = first!.caption || first!.prompt.text;
    await h1(tablet).filter({ hasText: say(ko.presenter, 'steps.piece', { title }) }).waitFor();
    await expect.poll(() => stepOf(laptopContext, meeting.conferenceId)).toBe(pieces[0]!.id);
    await laptop.getByText(`On the child’s screen: My work: ${title}`).waitFor();
    await phone.getByRole('status').filter({ hasText: say(ko.presenter, 'family.now_on', { name: leo.givenName, step: say(ko.presenter, 'family.steps.piece', { title }) }) }).waitFor();
    expect(await phone.evaluate(() => (window as unknown as { mark: number }).mark)).toBe(mark);
    await shoot(tablet, 'child-piece', TABLET, 'tablet');
    await shoot(laptop, 'teacher-running', DESKTOP, 'desktop');
    await shoot(phone, 'family-following', PHONE, 'phone-own');

    // A quick note only staff see.
    await laptop.getByLabel('Note', { exact: true }).fill('Leo explained his kite story in Korean and English');
    await laptop.getByRole('button', { name: 'Add note' }).click();
    await laptop.getByText('Leo explained his kite story in Korean and English').waitFor();

    // Leo's goals: he writes what he will do.
    const cues = tablet.getByRole('navigation', { name: say(ko.presenter, 'nav.strip') }).getByRole('button');
    await cues.nth(view.agenda.findIndex((s) => s.kind === 'goals')).click();
    await h1(tablet).filter({ hasText: say(ko.presenter, 'steps.goals') }).waitFor();
    const leoWords = 'I will read one page every night.';
    await tablet.getByLabel(say(ko.presenter, 'goals.write')).first().fill(leoWords);
    await tablet.getByRole('button', { name: say(ko.presenter, goal.commitments.some((c) => c.role === 'student') ? 'goals.change' : 'goals.save'), exact: true }).first().click();
    await tablet.getByText(say(ko.presenter, 'goals.saved')).waitFor();

    // His mother writes hers on her phone, in Korean (or changes the one she wrote when preparing).
    const article = phone.getByRole('article', { name: goal.what });
    const mumWords = '매일 저녁 레오와 함께 십 분씩 책을 읽겠습니다.';
    await article.getByLabel(say(ko.presenter, 'family.my_label', { name: leo.givenName })).fill(mumWords);
    await article.getByRole('button', { name: say(ko.presenter, goal.commitments.some((c) => c.role === 'guardian') ? 'family.change' : 'family.save') }).click();
    await article.getByText(say(ko.presenter, 'family.saved')).waitFor();
    await shoot(phone, 'family-commitment', PHONE, 'phone-own');

    // Our commitments, on the tablet: both, live. The laptop shows them with the goal.
    await cues.nth(view.agenda.findIndex((s) => s.kind === 'commitments')).click();
    await h1(tablet).filter({ hasText: say(ko.presenter, 'steps.commitments') }).waitFor();
    await tablet.locator('.cp-commitments').getByText(mumWords).waitFor();
    await tablet.locator('.cp-commitments').getByText(leoWords).waitFor();
    await shoot(tablet, 'child-commitments', TABLET, 'tablet');
    await laptop.getByText(mumWords).waitFor();

    // The teacher ends the conference, writes the summary and next steps, and finishes the record.
    await laptop.getByRole('button', { name: 'Conference ended' }).click();
    await laptop.getByText('Ended', { exact: true }).waitFor();
    await laptop.getByLabel('Your summary').fill('Leo led the whole conference and explained his kite story.');
    await laptop.getByLabel('Next steps').fill('Read together for ten minutes every evening.');
    await laptop.getByRole('button', { name: 'Save', exact: true }).click();
    await laptop.getByText('Saved.', { exact: true }).waitFor();
    await laptop.getByRole('button', { name: 'Finish the record' }).click();
    await laptop.getByText('Record finished: version 1.').waitFor();
    await shoot(laptop, 'teacher-finished', DESKTOP, 'desktop');
    // The phone says it is over, by itself.
    await phone.getByText(say(ko.presenter, 'family.ended')).waitFor();

    // His mother reads the record in Korean (its fixed words; the teacher's and the family's words as written).
    await phone.goto('/');
    await leoCard.getByRole('link', { name: say(ko.conference, 'family.record_link') }).click();
    await h1(phone).filter({ hasText: say(ko.conference, 'record.title', { name: meeting.student.name }) }).waitFor();
    for (const words of ['Leo led the whole conference and explained his kite story.', 'Read together for ten minutes every evening.', mumWords, leoWords]) await phone.getByText(words).first().waitFor();
    await phone.getByRole('heading', { name: say(ko.conference, 'record.summary') }).waitFor();
    await phone.getByRole('heading', { name: say(ko.conference, 'record.goals') }).waitFor();
    expect(await phone.getByText('Leo explained his kite story in Korean and English').count()).toBe(0);
    await shoot(phone, 'family-record', PHONE, 'phone-own');

    // She asks for a few minutes alone with the teacher, on the conference's page.
    await phone.goto(`/conferences/${meeting.conferenceId}/family`);
    await phone.getByRole('heading', { name: say(ko.followup, 'panel.title') }).waitFor();
    const ask = '레오가 집에서 책 읽기를 힘들어해요. 따로 이야기할 수 있을까요?';
    await phone.getByLabel(say(ko.followup, 'panel.ask_label')).fill(ask);
    await phone.getByRole('button', { name: say(ko.followup, 'panel.ask') }).click();
    await phone.getByText(say(ko.followup, 'status.open')).first().waitFor();
    await shoot(phone, 'family-followup', PHONE, 'phone-own');

    // The teacher's queue has it; Leo's devices show nothing of it.
    await laptop.goto('/followups');
    await h1(laptop).filter({ hasText: 'Follow-up requests' }).waitFor();
    await laptop.getByRole('article', { name: new RegExp(`about ${leo.givenName}`) }).getByText(ask).waitFor();
    await shoot(laptop, 'teacher-followups', DESKTOP, 'desktop');
    expect((await tabletContext.request.get(`/api/conferences/${meeting.conferenceId}/followups`)).status()).toBe(404);

    // Leo's home now offers what was agreed and "How was it?" — and he answers with a face.
    await tablet.goto('/');
    await tablet.getByRole('link', { name: 'What we agreed' }).waitFor();
    expect(await tablet.getByRole('link', { name: 'Show my work' }).count()).toBe(0);
    expect(await tablet.getByText(ask).count()).toBe(0);
    await tablet.getByRole('link', { name: 'How was it?' }).click();
    const childLang = (await tablet.evaluate(() => document.documentElement.lang)).slice(0, 2);
    const childSurveys = await messages(childLang === 'ko' ? 'ko' : 'en', 'surveys');
    await h1(tablet).filter({ hasText: say(childSurveys, 'page.title_student') }).waitFor();
    await tablet.getByRole('radio', { name: say(childSurveys, 'scale_student.5'), exact: true }).check({ force: true });
    await tablet.getByLabel(say(childSurveys, 'question.learned_student')).fill('That my mum can help me read.');
    await tablet.getByRole('button', { name: say(childSurveys, 'form.send') }).click();
    await tablet.getByText(say(childSurveys, 'form.saved_student', { name: leo.givenName })).waitFor();
    await shoot(tablet, 'child-survey', TABLET, 'tablet');

    // His mother answers hers in Korean.
    await phone.goto(`/conferences/${meeting.conferenceId}/survey`);
    await h1(phone).filter({ hasText: say(ko.surveys, 'page.title_guardian', { child: leo.givenName }) }).waitFor();
    await phone.getByRole('radio', { name: say(ko.surveys, 'scale_guardian.5'), exact: true }).check({ force: true });
    const learned = '레오가 자기 작품을 자랑스럽게 설명하는 모습을 봤어요.';
    await phone.getByLabel(say(ko.surveys, 'question.learned_guardian')).fill(learned);
    await phone.getByRole('button', { name: say(ko.surveys, 'form.send') }).click();
    await phone.getByText(say(ko.surveys, 'form.saved_guardian')).waitFor();
    await shoot(phone, 'family-survey', PHONE, 'phone-own');

    // The teacher reads the class's results: both answers counted, her comment among them.
    const classes = (await (await laptopContext.request.get('/api/me/classes')).json()) as { taught: Array<{ id: string; name: string }> };
    const hedgehogsId = classes.taught.find((c) => c.name === hedgehogs.name)!.id;
    await laptop.goto(`/classes/${hedgehogsId}/surveys`);
    await laptop.getByText(learned).waitFor();
    await laptop.getByText('That my mum can help me read.').waitFor();
    await shoot(laptop, 'teacher-survey-results', DESKTOP, 'desktop');

    // The record keeps what was agreed; the demo's commitments go back to what they were when the
    // demo began (the goals browser test prints them), and the record does not change with them.
    for (const [context, role] of [[phoneContext, 'guardian'], [tabletContext, 'student']] as const) {
      const before = goal.commitments.find((c) => c.role === role);
      const csrf = ((await (await context.request.get('/api/session')).json()) as { csrfToken: string }).csrfToken;
      const url = `/api/goals/${goal.id}/commitments/me`;
      const res = before ? await context.request.put(url, { headers: { 'x-csrf-token': csrf }, data: { text: before.text } }) : await context.request.delete(url, { headers: { 'x-csrf-token': csrf } });
      expect(res.status(), await res.text()).toBe(200);
    }
    await phone.goto(`/conferences/${meeting.conferenceId}/record`);
    await phone.getByText(mumWords).waitFor();

    expect([...laptopErrors, ...phoneErrors, ...tabletErrors]).toEqual([]);
    await Promise.all([laptopContext.close(), phoneContext.close(), tabletContext.close()]);
  });
});

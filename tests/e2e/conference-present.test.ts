/**
 * Conference day for the child and the family, with the demo's conferences of today (the Owls):
 * the teacher opens Ava's presenter on a class tablet — full screen, no way out, its words in the
 * family's Spanish with English under the titles — and steps through it with the keyboard and with
 * taps; Ava's mother follows on her phone in Spanish (the step changes without reloading), writes
 * her commitment (kept when the network drops, saved when it is back) and it appears on the
 * tablet; she prints the five cards (two to an A4 page). Ava opens her own presenter and changes
 * her commitment; the Korean family's page and cards are in Korean; an Arabic family's presenter
 * runs right to left. Screenshots of every step at tablet and phone width, axe-core on each.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConferenceDay, ConferenceView } from '../../src/contracts/conference';
import { buildDemoSchool } from '../../src/domain/demo/demo-school';
import { axe, DESKTOP, hardCodedText, hasBrowser, launch, newContext, PHONE, screensDir, signInWithLink, signInWithPassword, signInWithPictures, TABLET, watchErrors } from './browser';

const demo = buildDemoSchool();
const owlsTeacher = demo.staff.find((s) => s.key === 'owls')!;
const hedgehogsTeacher = demo.staff.find((s) => s.key === 'hedgehogs')!;
const owls = demo.classes.find((c) => c.key === 'owls')!;
const load = async (tag: string) => (await import(`../../locales/${tag}/presenter.json`, { with: { type: 'json' } })).default as Presenter;
type Presenter = typeof import('../../locales/en/presenter.json');
const [en, es, ko, ar] = await Promise.all(['en', 'es', 'ko', 'ar'].map(load)) as [Presenter, Presenter, Presenter, Presenter];
const esErrors = (await import('../../locales/es/errors.json', { with: { type: 'json' } })).default as { network: string };
const fill = (message: string, values: Record<string, string | number>) => message.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));
const cardKeys = ['about_assignment', 'skills_used', 'next_time', 'goals_set', 'how_help'] as const;

/** Screenshots at tablet and phone width (and a laptop's, when asked), axe-core clean at each. */
async function shoot(page: Page, name: string, laptop = false): Promise<void> {
  const original = page.viewportSize() ?? TABLET;
  const sizes = [['tablet', TABLET], ['phone', PHONE], ...(laptop ? [['laptop', DESKTOP] as const] : [])] as const;
  for (const [label, size] of sizes) {
    await page.setViewportSize(size);
    await page.waitForTimeout(80);
    await expect.poll(() => page.evaluate(() => [...document.images].every((i) => i.complete))).toBe(true);
    await page.screenshot({ path: path.join(screensDir, `${name}-${label}.png`), fullPage: true });
    expect(await axe(page), `axe violations on ${name} at ${label} width`).toEqual([]);
  }
  await page.setViewportSize(original);
}

/** The text of each page of a PDF (Chromium may break a line anywhere: single spaces). */
async function pdfPages(bytes: Buffer): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' '));
  }
  await doc.destroy();
  return pages;
}
const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Console errors, less those of a network the test took away on purpose. */
const unexpected = (errors: string[]) => errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|ERR_NETWORK_CHANGED/.test(e));

async function conferenceOf(page: Page, name: string): Promise<ConferenceView> {
  const day = (await (await page.request.get('/api/conference-day')).json()) as ConferenceDay;
  const c = day.conferences.find((x) => x.student.name === name);
  expect(c, `${name} has a conference today`).toBeDefined();
  return (await (await page.request.get(`/api/conferences/${c!.conferenceId}`)).json()) as ConferenceView;
}

async function currentStep(page: Page, id: string): Promise<string | null> {
  return ((await (await page.request.get(`/api/conferences/${id}`)).json()) as ConferenceView).live.currentStepId;
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

/** Three seconds of quiet as a WAV file (8 kHz, 16-bit mono). */
function quietWav(seconds = 3): Buffer {
  const data = Buffer.alloc(8000 * 2 * seconds);
  const head = Buffer.alloc(44);
  head.write('RIFF', 0);
  head.writeUInt32LE(36 + data.length, 4);
  head.write('WAVEfmt ', 8);
  head.writeUInt32LE(16, 16);
  head.writeUInt16LE(1, 20);
  head.writeUInt16LE(1, 22);
  head.writeUInt32LE(8000, 24);
  head.writeUInt32LE(16000, 28);
  head.writeUInt16LE(2, 32);
  head.writeUInt16LE(16, 34);
  head.write('data', 36);
  head.writeUInt32LE(data.length, 40);
  return Buffer.concat([head, data]);
}

/** The child answers "What could make it better?" about a piece with a recording; waits until the conference shows it. */
async function addRecording(kid: Page, view: ConferenceView, selectionId: string): Promise<void> {
  const session = (await (await kid.request.get('/api/session')).json()) as { csrfToken: string; me: { schools: Array<{ id: string }> } };
  const headers = { 'x-csrf-token': session.csrfToken };
  const upload = await kid.request.post(`/api/schools/${session.me.schools[0]!.id}/media?hint=audio`, { headers, multipart: { file: { name: 'said.wav', mimeType: 'audio/wav', buffer: quietWav() } } });
  expect(upload.status(), await upload.text()).toBe(201);
  const media = (await upload.json()) as { id: string };
  const prep = (await (await kid.request.get(`/api/students/${view.student.id}/rounds/${view.roundId}/preparation`)).json()) as { prompts: Array<{ questions: Array<{ id: string; key: string | null }>; selections: Array<{ id: string; answers: Array<{ questionId: string; text: string }> }> }> };
  const prompt = prep.prompts.find((p) => p.selections.some((x) => x.id === selectionId))!;
  const question = prompt.questions.find((q) => q.key === 'make_better')!;
  const typed = prompt.selections.find((x) => x.id === selectionId)!.answers.find((a) => a.questionId === question.id)?.text ?? '';
  const saved = await kid.request.put(`/api/selections/${selectionId}/answers/${question.id}`, { headers, data: { text: typed, audioMediaId: media.id } });
  expect(saved.status(), await saved.text()).toBe(200);
  await expect
    .poll(async () => {
      const v = (await (await kid.request.get(`/api/conferences/${view.id}`)).json()) as ConferenceView;
      return v.agenda.some((s) => s.kind === 'piece' && s.piece.reflections.some((r) => r.audio?.status === 'ready'));
    }, { timeout: 15_000 })
    .toBe(true);
}

describe.skipIf(!hasBrowser)('the child’s presenter and the family’s cards in Chromium', () => {
  let browser: Browser;
  let tabletContext: BrowserContext;
  let tablet: Page;
  let view: ConferenceView;
  let tabletErrors: string[];
  const ava = demo.students.find((s) => s.classKey === 'owls' && s.givenName === 'Ava')!;
  const mother = demo.guardians.find((g) => g.children.some((c) => c.studentKey === ava.key) && g.preferredLocale === 'es')!;

  beforeAll(async () => {
    browser = await launch();
    tabletContext = await newContext(browser, { viewport: TABLET });
    tablet = await signInWithPassword(tabletContext, owlsTeacher.email);
    tabletErrors = watchErrors(tablet);
    view = await conferenceOf(tablet, `${ava.givenName} ${ava.familyName}`);
    expect(view.language).toBe('es');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the teacher opens Ava’s presenter on a tablet and steps through it with keys and taps', { timeout: 180_000 }, async () => {
    const steps = view.agenda;
    const pieces = steps.filter((s) => s.kind === 'piece');
    expect(steps.map((s) => s.kind)).toEqual(['welcome', ...pieces.map(() => 'piece'), 'strengths', 'goals', 'questions', 'commitments']);
    await tablet.goto(`/conferences/${view.id}/present`);
    await h1(tablet).filter({ hasText: es.steps.welcome }).waitFor();
    // Full screen: no header, no menu, no link anywhere; the teacher's English small under the title.
    expect(await tablet.locator('header.top').isVisible()).toBe(false);
    expect(await tablet.locator('a:visible').count()).toBe(0);
    await tablet.locator('.cp-subtitle [lang="en"]').filter({ hasText: en.steps.welcome }).waitFor();
    await tablet.getByText(fill(es.welcome.hello, { name: ava.givenName })).waitFor();
    const cues = tablet.getByRole('navigation', { name: es.nav.strip }).getByRole('button');
    expect(await cues.count()).toBe(steps.length);
    expect(await cues.first().getAttribute('aria-current')).toBe('step');
    // Touch targets: Back and Next are big.
    const next = tablet.getByRole('button', { name: es.nav.next, exact: true });
    const box = await next.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(64);
    await shoot(tablet, 'presenter-welcome');

    // → (the arrow key): the first piece, full screen, with what Ava said about it.
    await tablet.keyboard.press('ArrowRight');
    const first = pieces[0]!.kind === 'piece' ? pieces[0]!.piece : null;
    const title = first!.caption || first!.prompt.text;
    await h1(tablet).filter({ hasText: fill(es.steps.piece, { title }) }).waitFor();
    await expect.poll(() => currentStep(tablet, view.id)).toBe(pieces[0]!.id);
    if (first!.media.some((m) => m.kind === 'image')) {
      const img = tablet.locator('.cp-work img.cp-image');
      await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
      // The picture fills the width of the tablet's screen.
      expect((await img.boundingBox())!.width).toBeGreaterThan(TABLET.width * 0.8);
    }
    await tablet.getByRole('heading', { level: 2, name: es.piece.my_words }).waitFor();
    for (const r of first!.reflections) if (r.text) await tablet.getByText(r.text).first().waitFor();
    await tablet.getByRole('term').filter({ hasText: '¿Qué hice bien?' }).first().waitFor();
    await shoot(tablet, 'presenter-piece-picture', true);

    // Space: the next piece (in this demo, a piece of writing in big type).
    for (const [i, p] of pieces.slice(1).entries()) {
      await tablet.keyboard.press(' ');
      const piece = p.kind === 'piece' ? p.piece : null;
      await h1(tablet).filter({ hasText: fill(es.steps.piece, { title: piece!.caption || piece!.prompt.text }) }).waitFor();
      if (piece!.firstText) await tablet.locator('.cp-text-piece').filter({ hasText: piece!.firstText.slice(0, 20) }).waitFor();
      await shoot(tablet, `presenter-piece-${2 + i}`);
    }

    // A tap on Next: what I do well / what I'm working on (her answers, as she marked no criteria).
    await next.click();
    await h1(tablet).filter({ hasText: es.steps.strengths }).waitFor();
    await tablet.getByRole('heading', { level: 2, name: es.strengths.well }).waitFor();
    const didWell = pieces.flatMap((p) => (p.kind === 'piece' ? p.piece.reflections.filter((r) => r.questionKey === 'did_well') : []));
    const strengths = view.strengths.length ? view.strengths : didWell.map((r) => r.text);
    await tablet.locator('.cp-well').getByText(strengths[0]!).waitFor();
    await shoot(tablet, 'presenter-strengths');

    // Enter (focus is on the step's heading): her goals, with her own commitment (read-only for the teacher).
    await expect.poll(() => tablet.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await tablet.keyboard.press('Enter');
    await h1(tablet).filter({ hasText: es.steps.goals }).waitFor();
    const goal = view.goals[0]!;
    await tablet.getByRole('heading', { level: 2, name: goal.what }).waitFor();
    const hers = goal.commitments.find((c) => c.role === 'student');
    await tablet.getByText(hers ? hers.text : es.goals.not_yet).first().waitFor();
    expect(await tablet.locator('textarea').count()).toBe(0);
    await shoot(tablet, 'presenter-goals');

    // ← goes back; a tap on a picture cue jumps to "Questions from my family".
    await tablet.keyboard.press('ArrowLeft');
    await h1(tablet).filter({ hasText: es.steps.strengths }).waitFor();
    const questionsAt = steps.findIndex((s) => s.kind === 'questions');
    await cues.nth(questionsAt).click();
    await h1(tablet).filter({ hasText: es.steps.questions }).waitFor();
    for (const k of cardKeys) await tablet.getByText(es.cards[k]).waitFor();
    await expect.poll(() => currentStep(tablet, view.id)).toBe('questions');
    await shoot(tablet, 'presenter-questions');

    // Our commitments: everyone's, with those still to write waiting.
    await next.click();
    await h1(tablet).filter({ hasText: es.steps.commitments }).waitFor();
    const mum = `${mother.givenName} ${mother.familyName}`;
    const mumRow = tablet.locator('.cp-commitments li').filter({ hasText: fill(es.commitments.family, { name: mum }) }).first();
    await mumRow.getByText(es.commitments.waiting).waitFor();
    await tablet.locator('.cp-commitments li').filter({ hasText: fill(es.commitments.teacher, { name: view.teacher.name }) }).first().waitFor();
    await shoot(tablet, 'presenter-commitments');

    // The last Next says "I'm finished", and shows the end; Back returns.
    await tablet.getByRole('button', { name: es.nav.finish, exact: true }).click();
    await h1(tablet).filter({ hasText: es.steps.finished }).waitFor();
    await tablet.getByText(es.finished.thanks).waitFor();
    await shoot(tablet, 'presenter-finished');
    await tablet.getByRole('button', { name: es.nav.back, exact: true }).click();
    await h1(tablet).filter({ hasText: es.steps.commitments }).waitFor();
    expect(await tablet.locator('a:visible').count()).toBe(0);
    expect(tabletErrors).toEqual([]);
  });

  it('her mother follows on her phone in Spanish, writes her commitment (kept through a dropped network) and prints the cards', { timeout: 180_000 }, async () => {
    const phoneContext = await newContext(browser, { viewport: PHONE });
    const phone = await phoneContext.newPage();
    await signInWithLink(phone, mother.email);
    const errors = watchErrors(phone);
    await phone.goto(`/conferences/${view.id}/family`);
    await h1(phone).filter({ hasText: fill(es.family.title, { name: ava.givenName }) }).waitFor();
    await phone.getByText(es.family.live, { exact: true }).waitFor();
    // The tablet is on "Our commitments": the goals come first here, and the cards for goals lead.
    const status = phone.getByRole('status').filter({ hasText: fill(es.family.now_on, { name: ava.givenName, step: es.family.steps.commitments }) });
    await status.waitFor();
    const cards = phone.locator('.cf-cards > li');
    await expect.poll(() => cards.first().textContent()).toContain(es.cards.goals_set);
    // The child is on the commitments: a button leads down to hers.
    await phone.getByRole('link', { name: es.family.write_now }).click();
    await expect.poll(() => new URL(phone.url()).hash).toBe('#cf-commitments');
    await shoot(phone, 'family-1-commitments');

    // The teacher moves the tablet to the first piece (Home, then →): the phone follows without reloading.
    const marker = await phone.evaluate(() => ((window as unknown as { marker: number }).marker = Math.random()));
    await tablet.keyboard.press('Home');
    await h1(tablet).filter({ hasText: es.steps.welcome }).waitFor();
    await phone.getByRole('status').filter({ hasText: fill(es.family.now_on, { name: ava.givenName, step: es.family.steps.welcome }) }).waitFor();
    await tablet.keyboard.press('ArrowRight');
    const piece = view.agenda[1]!.kind === 'piece' ? view.agenda[1]!.piece : null;
    const pieceStep = fill(es.family.steps.piece, { title: piece!.caption || piece!.prompt.text });
    await phone.getByRole('status').filter({ hasText: fill(es.family.now_on, { name: ava.givenName, step: pieceStep }) }).waitFor();
    expect(await phone.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(marker);
    // The three cards about a piece of work come first, marked.
    await expect.poll(() => cards.allTextContents()).toEqual([
      `❓${es.cards.about_assignment}${es.family.fits_now}`,
      `❓${es.cards.skills_used}${es.family.fits_now}`,
      `❓${es.cards.next_time}${es.family.fits_now}`,
      `❓${es.cards.goals_set}`,
      `❓${es.cards.how_help}`,
    ]);
    await shoot(phone, 'family-2-piece');

    // Her commitment: the network drops as she saves — the error is in Spanish and her words stay.
    const goal = view.goals[0]!;
    const article = phone.getByRole('article', { name: goal.what });
    const box = article.getByLabel(fill(es.family.my_label, { name: ava.givenName }));
    const words = 'Leeremos juntas diez minutos cada noche y buscaremos los puntos.';
    await box.fill(words);
    await phoneContext.setOffline(true);
    await article.getByRole('button', { name: es.family.save }).click();
    await article.getByRole('alert').filter({ hasText: esErrors.network }).waitFor();
    expect(await box.inputValue()).toBe(words);
    await phone.screenshot({ path: path.join(screensDir, 'family-3-offline-phone.png'), fullPage: true });
    await phoneContext.setOffline(false);
    await article.getByRole('button', { name: es.family.save }).click();
    await article.getByText(es.family.saved).waitFor();
    await article.getByRole('button', { name: es.family.change }).waitFor();
    expect(await box.inputValue()).toBe(words);
    await shoot(phone, 'family-3-saved');

    // It appears on the tablet's commitments step, live.
    await tablet.keyboard.press('End');
    await h1(tablet).filter({ hasText: es.steps.commitments }).waitFor();
    const mumRow = tablet.locator('.cp-commitments li').filter({ hasText: fill(es.commitments.family, { name: `${mother.givenName} ${mother.familyName}` }) }).first();
    await mumRow.getByText(words).waitFor();
    await shoot(tablet, 'presenter-commitments-arrived');
    await phone.getByRole('status').filter({ hasText: es.family.steps.commitments }).waitFor();

    // Print the cards: the five, large, two to a page, nothing else of the page.
    await phone.getByRole('button', { name: es.family.print }).waitFor();
    await phone.emulateMedia({ media: 'print' });
    await phone.screenshot({ path: path.join(screensDir, 'family-4-print.png'), fullPage: true });
    await phone.emulateMedia({ media: null });
    const pages = await pdfPages(await phone.pdf({ format: 'A4', printBackground: true }));
    expect(pages.length).toBe(3);
    const all = pages.join(' ');
    for (const k of cardKeys) expect(all).toContain(es.cards[k]);
    expect(pages.map((p) => cardKeys.filter((k) => p.includes(es.cards[k])).length)).toEqual([2, 2, 1]);
    for (const absent of [es.family.save, es.family.change, es.family.print, words, 'Confer']) expect(all).not.toContain(absent);

    // The cards page: the same five, on screen too.
    await phone.goto(`/conferences/${view.id}/cards`);
    await phone.getByRole('button', { name: es.print.print }).waitFor();
    await expect.poll(() => phone.locator('.cf-print-card').count()).toBe(5);
    await shoot(phone, 'family-5-cards-page');

    // The presenter is the child's: her mother is told so, and pointed to her own page.
    await phone.goto(`/conferences/${view.id}/present`);
    await h1(phone).filter({ hasText: fill(es.only_child.title, { name: ava.givenName }) }).waitFor();
    await phone.getByRole('link', { name: es.only_child.family_link }).waitFor();
    expect(unexpected(errors)).toEqual([]);
    await phoneContext.close();
  });

  it('Ava opens her own presenter and changes her commitment on the goals step', { timeout: 120_000 }, async () => {
    const context = await newContext(browser, { viewport: TABLET });
    const kid = await context.newPage();
    const errors = watchErrors(kid);
    await signInWithPictures(kid, owls.classCode, ava);
    await kid.goto(`/conferences/${view.id}/present`);
    // The tablet left it on the commitments step: her screen opens there, with nowhere else to go.
    await h1(kid).filter({ hasText: es.steps.commitments }).waitFor();
    expect(await kid.locator('a:visible').count()).toBe(0);
    await kid.getByRole('navigation', { name: es.nav.strip }).getByRole('button').nth(view.agenda.findIndex((s) => s.kind === 'goals')).click();
    await h1(kid).filter({ hasText: es.steps.goals }).waitFor();
    const box = kid.getByLabel(es.goals.write).first();
    await box.fill('Escribiré una frase cada día y pondré el punto.');
    // Typing a space in her box types a space: it does not move the step.
    await box.press('End');
    await box.press(' ');
    expect(await box.inputValue()).toBe('Escribiré una frase cada día y pondré el punto. ');
    await h1(kid).filter({ hasText: es.steps.goals }).waitFor();
    await kid.getByRole('button', { name: view.goals[0]!.commitments.some((c) => c.role === 'student') ? es.goals.change : es.goals.save }).first().click();
    await kid.getByText(es.goals.saved).waitFor();
    await shoot(kid, 'presenter-child-goals');
    // The teacher's tablet followed her to the goals step, and shows her new words there.
    await h1(tablet).filter({ hasText: es.steps.goals }).waitFor();
    await tablet.locator('.cp-mine').getByText('Escribiré una frase cada día y pondré el punto.').first().waitFor();

    // She had said one of her answers instead of typing it (a recording, sent as her preparation page sends it): it plays with one big button.
    const piece = view.agenda.find((s) => s.kind === 'piece')!;
    await addRecording(kid, view, piece.kind === 'piece' ? piece.piece.selectionId : '');
    await kid.reload();
    await h1(kid).filter({ hasText: es.steps.goals }).waitFor();
    await kid.getByRole('navigation', { name: es.nav.strip }).getByRole('button').nth(view.agenda.indexOf(piece)).click();
    const play = kid.getByRole('button', { name: es.piece.play });
    await play.waitFor();
    expect((await play.boundingBox())!.height).toBeGreaterThanOrEqual(64);
    await shoot(kid, 'presenter-child-recording');
    await play.click();
    await kid.getByRole('button', { name: es.piece.pause }).waitFor();
    await expect.poll(() => kid.locator('.cp-reflection audio').evaluate((a: HTMLAudioElement) => a.currentTime > 0)).toBe(true);
    await kid.getByRole('button', { name: es.piece.pause }).click();
    await play.waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the Korean family reads the page and prints the cards in Korean; the teacher sees the presenter in Korean', { timeout: 120_000 }, async () => {
    const ethan = demo.students.find((s) => s.classKey === 'owls' && s.givenName === 'Ethan')!;
    const mum = demo.guardians.find((g) => g.children.some((c) => c.studentKey === ethan.key) && g.preferredLocale === 'ko')!;
    const koView = await conferenceOf(tablet, `${ethan.givenName} ${ethan.familyName}`);
    expect(koView.language).toBe('ko');
    expect(koView.agenda[1]?.kind).toBe('piece');
    await tablet.goto(`/conferences/${koView.id}/present`);
    await h1(tablet).filter({ hasText: ko.steps.welcome }).waitFor();
    await tablet.locator('.cp-subtitle [lang="en"]').filter({ hasText: en.steps.welcome }).waitFor();
    await tablet.keyboard.press('ArrowRight');
    await h1(tablet).filter({ hasText: ko.steps.piece.split(':')[0]! }).waitFor();
    await shoot(tablet, 'presenter-ko-piece');

    const context = await newContext(browser, { viewport: PHONE });
    const phone = await context.newPage();
    await signInWithLink(phone, mum.email);
    const errors = watchErrors(phone);
    await phone.goto(`/conferences/${koView.id}/family`);
    await h1(phone).filter({ hasText: fill(ko.family.title, { name: ethan.givenName }) }).waitFor();
    for (const k of cardKeys) await phone.locator('.cf-cards').getByText(ko.cards[k]).waitFor();
    await phone.getByRole('status').filter({ hasText: ko.family.steps.piece.split(':')[0]! }).waitFor();
    await shoot(phone, 'family-ko');
    const pages = await pdfPages(await phone.pdf({ format: 'A4' }));
    // (Chromium's PDF breaks Korean lines between any two syllables: compare without spaces.)
    for (const k of cardKeys) expect(squeeze(pages.join(''))).toContain(squeeze(ko.cards[k]));
    expect(unexpected(errors)).toEqual([]);
    await context.close();

    // The teacher's own look at the cards: in the family's Korean, with a word in English about it.
    const teacherCards = await tabletContext.newPage();
    await teacherCards.goto(`/conferences/${koView.id}/cards`);
    await teacherCards.getByText(en.family.teacher_view).waitFor();
    await teacherCards.getByRole('button', { name: en.print.print }).waitFor();
    await teacherCards.locator('[lang="ko"] .cf-print').getByText(ko.cards.how_help).waitFor();
    await shoot(teacherCards, 'cards-teacher-ko');
    await teacherCards.close();
  });

  it('an Arabic family’s presenter runs right to left: ← goes on', { timeout: 90_000 }, async () => {
    const context = await newContext(browser, { viewport: TABLET });
    const page = await signInWithPassword(context, hedgehogsTeacher.email);
    const errors = watchErrors(page);
    const day = (await (await page.request.get('/api/conference-day')).json()) as ConferenceDay;
    const arabic = day.conferences.find((c) => c.language === 'ar');
    expect(arabic, 'a family of the Hedgehogs meets in Arabic today').toBeDefined();
    await page.goto(`/conferences/${arabic!.conferenceId}/present`);
    await h1(page).filter({ hasText: ar.steps.welcome }).waitFor();
    expect(await page.locator('.cp-root').getAttribute('dir')).toBe('rtl');
    await page.keyboard.press('ArrowLeft');
    await h1(page).filter({ hasText: ar.steps.piece.split(':')[0]! }).waitFor();
    await expect.poll(() => currentStep(page, arabic!.conferenceId)).toMatch(/^piece:/);
    // Next sits at the left end of the bar in Arabic.
    const next = (await page.getByRole('button', { name: ar.nav.next, exact: true }).boundingBox())!;
    const back = (await page.getByRole('button', { name: ar.nav.back, exact: true }).boundingBox())!;
    expect(next.x).toBeLessThan(back.x);
    await shoot(page, 'presenter-ar-piece');
    await page.keyboard.press('ArrowRight');
    await h1(page).filter({ hasText: ar.steps.welcome }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('has no hard-coded text on the presenter and the family pages (pseudo-locale)', { timeout: 120_000 }, async () => {
    const context = await newContext(browser, { viewport: TABLET });
    const page = await signInWithPassword(context, owlsTeacher.email);
    const problems: string[] = [];
    await page.goto(`/conferences/${view.id}/present?lang=pseudo`);
    await h1(page).waitFor();
    await page.keyboard.press('Home');
    for (let i = 0; i <= view.agenda.length; i++) {
      const before = await h1(page).textContent();
      problems.push(...(await hardCodedText(page)).map((p) => `step ${i + 1}: ${p}`));
      if (i === view.agenda.length) break;
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => h1(page).textContent()).not.toBe(before);
    }
    for (const url of [`/conferences/${view.id}/family?lang=pseudo`, `/conferences/${view.id}/cards?lang=pseudo`]) {
      await page.goto(url);
      await h1(page).waitFor();
      problems.push(...(await hardCodedText(page)).map((p) => `${url}: ${p}`));
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});

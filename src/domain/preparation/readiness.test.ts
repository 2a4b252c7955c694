import { describe, expect, it } from 'vitest';
import { checkPicks, localized, schoolLanguages } from './prompts';
import { isAnswered, readiness, tally, type PromptShape } from './readiness';

const writing: PromptShape = { id: 'writing', pickCount: 1, questionIds: ['q1', 'q2'] };
const representing: PromptShape = { id: 'representing', pickCount: 1, questionIds: ['q3'] };
const prompts = [writing, representing];

describe('readiness', () => {
  it('has not started with nothing picked, answered or set', () => {
    const r = readiness({ prompts, selections: [], goalSet: false, needsHelp: false });
    expect(r).toMatchObject({ picked: 0, toPick: 2, answered: 0, toAnswer: 3, status: 'not_started' });
  });

  it('is in progress part-way (the worked example)', () => {
    const r = readiness({ prompts, selections: [{ promptId: 'writing', answeredQuestionIds: ['q1', 'q2'], sentBack: false }], goalSet: true, needsHelp: false });
    expect(r).toMatchObject({ picked: 1, answered: 2, status: 'in_progress' });
  });

  it('is ready once every piece is picked, every question answered and a goal set', () => {
    const selections = [
      { promptId: 'writing', answeredQuestionIds: ['q1', 'q2'], sentBack: false },
      { promptId: 'representing', answeredQuestionIds: ['q3'], sentBack: false },
    ];
    expect(readiness({ prompts, selections, goalSet: true, needsHelp: false }).status).toBe('ready');
    expect(readiness({ prompts, selections, goalSet: false, needsHelp: false }).status).toBe('in_progress');
  });

  it('counts only answers to the prompt’s questions and no more picks than asked for', () => {
    const selections = [
      { promptId: 'writing', answeredQuestionIds: ['q1', 'q9'], sentBack: false },
      { promptId: 'writing', answeredQuestionIds: ['q1', 'q2'], sentBack: false },
    ];
    expect(readiness({ prompts: [writing], selections, goalSet: true, needsHelp: false })).toMatchObject({ picked: 1, answered: 1, status: 'in_progress' });
  });

  it('is sent back while a returned reflection is unchanged, and needs help above all', () => {
    const selections = [
      { promptId: 'writing', answeredQuestionIds: ['q1', 'q2'], sentBack: true },
      { promptId: 'representing', answeredQuestionIds: ['q3'], sentBack: false },
    ];
    expect(readiness({ prompts, selections, goalSet: true, needsHelp: false })).toMatchObject({ sentBack: 1, status: 'sent_back' });
    expect(readiness({ prompts, selections, goalSet: true, needsHelp: true }).status).toBe('needs_help');
  });

  it('ignores a sent-back piece beyond what the prompt asks for (it was changed to fewer)', () => {
    const selections = [
      { promptId: 'writing', answeredQuestionIds: ['q1', 'q2'], sentBack: false },
      { promptId: 'writing', answeredQuestionIds: [], sentBack: true },
    ];
    expect(readiness({ prompts: [writing], selections, goalSet: true, needsHelp: false })).toMatchObject({ sentBack: 0, status: 'ready' });
  });

  it('is never ready for a round without prompts', () => {
    expect(readiness({ prompts: [], selections: [], goalSet: true, needsHelp: false }).status).toBe('in_progress');
  });

  it('counts words or a recording as an answer, not spaces', () => {
    expect(isAnswered({ text: '  ', audioMediaId: null })).toBe(false);
    expect(isAnswered({ text: '', audioMediaId: 'm1' })).toBe(true);
    expect(isAnswered({ text: 'I used capitals', audioMediaId: null })).toBe(true);
  });

  it('tallies statuses for the board', () => {
    expect(tally(['ready', 'ready', 'needs_help'])).toEqual({ not_started: 0, in_progress: 0, sent_back: 0, needs_help: 1, ready: 2 });
  });
});

describe('prompts', () => {
  it('shows the reader’s language, else the school’s, else any', () => {
    expect(localized({ en: 'Your best writing', es: 'Tu mejor escritura' }, 'es', 'en')).toEqual({ text: 'Tu mejor escritura', lang: 'es' });
    expect(localized({ en: 'Your best writing' }, 'ko', 'en')).toEqual({ text: 'Your best writing', lang: 'en' });
    expect(localized({ es: 'Tu proyecto', en: '  ' }, 'ko', 'en')).toEqual({ text: 'Tu proyecto', lang: 'es' });
    expect(localized({}, 'ko', 'en')).toEqual({ text: '', lang: 'en' });
  });

  it('lists the school’s languages: its own first, then the shipped languages its people read', () => {
    expect(schoolLanguages('en', ['ko', null, 'es', 'ko', 'fr'])).toEqual(['en', 'es', 'ko']);
    expect(schoolLanguages('es', [])).toEqual(['es']);
  });

  it('refuses too many picks, the same piece twice, and pieces that are not the child’s approved work', () => {
    const eligible = new Set(['p1', 'p2', 'p3']);
    expect(checkPicks(2, ['p1', 'p2'], eligible)).toBeNull();
    expect(checkPicks(1, ['p1', 'p2'], eligible)).toEqual({ problem: 'too_many', postId: 'p2', index: 1 });
    expect(checkPicks(3, ['p1', 'p1'], eligible)).toEqual({ problem: 'duplicate', postId: 'p1', index: 1 });
    expect(checkPicks(3, ['p1', 'other'], eligible)).toEqual({ problem: 'not_eligible', postId: 'other', index: 1 });
  });
});

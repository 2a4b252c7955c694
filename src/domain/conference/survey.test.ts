import { describe, expect, it } from 'vitest';
import { checkAnswer, summarise, summariseByRole, SURVEY_TEXT_MAX } from './survey';

describe('checking a survey answer', () => {
  it('takes a whole rating 1–5 and trims the words', () => {
    expect(checkAnswer({ worthwhile: 4, learned: '  Her fractions\n\n', better: undefined })).toEqual({ answer: { worthwhile: 4, learned: 'Her fractions', better: '' } });
    expect(checkAnswer({ worthwhile: 1 })).toEqual({ answer: { worthwhile: 1, learned: '', better: '' } });
    expect(checkAnswer({ worthwhile: 5, better: 'More time' }).answer?.better).toBe('More time');
  });

  it('refuses a rating outside 1–5 or not whole, and a missing one', () => {
    expect(checkAnswer({ worthwhile: 0 }).problems).toEqual({ worthwhile: 'invalid_value' });
    expect(checkAnswer({ worthwhile: 6 }).problems).toEqual({ worthwhile: 'invalid_value' });
    expect(checkAnswer({ worthwhile: 3.5 }).problems).toEqual({ worthwhile: 'invalid_value' });
    expect(checkAnswer({ worthwhile: Number.NaN }).problems).toEqual({ worthwhile: 'required' });
    expect(checkAnswer({ worthwhile: undefined as unknown as number }).problems).toEqual({ worthwhile: 'required' });
  });

  it('counts characters (not UTF-16 units) against the limit, after trimming', () => {
    const korean = '가'.repeat(SURVEY_TEXT_MAX);
    expect(checkAnswer({ worthwhile: 3, learned: korean }).answer?.learned).toBe(korean);
    // An emoji is two UTF-16 units but one character: 2000 of them still fit.
    expect(checkAnswer({ worthwhile: 3, learned: '😀'.repeat(SURVEY_TEXT_MAX) }).problems).toBeUndefined();
    expect(checkAnswer({ worthwhile: 3, learned: `  ${'a'.repeat(SURVEY_TEXT_MAX)}  ` }).problems).toBeUndefined();
    expect(checkAnswer({ worthwhile: 3, learned: 'a'.repeat(SURVEY_TEXT_MAX + 1), better: 'b'.repeat(SURVEY_TEXT_MAX + 1) }).problems).toEqual({ learned: 'too_big', better: 'too_big' });
  });
});

describe('summarising answers', () => {
  it('adds up the worked example: Owls, 9 answers of 18 who could', () => {
    const s = summarise([5, 5, 4, 4, 4, 3, 2, 5, 1].map((worthwhile) => ({ worthwhile })), 18);
    expect(s.count).toBe(9);
    expect(s.invited).toBe(18);
    expect(s.mean).toBeCloseTo(33 / 9, 10);
    expect(s.distribution).toEqual([1, 1, 1, 3, 3]);
    expect(s.worthwhileShare).toBeCloseTo(6 / 9, 10);
    expect(s.responseRate).toBe(0.5);
  });

  it('says "no answers" as null, not 0', () => {
    expect(summarise([], 12)).toEqual({ count: 0, invited: 12, mean: null, distribution: [0, 0, 0, 0, 0], worthwhileShare: null, responseRate: 0 });
    expect(summarise([], 0)).toEqual({ count: 0, invited: 0, mean: null, distribution: [0, 0, 0, 0, 0], worthwhileShare: null, responseRate: null });
  });

  it('never reports a response rate above 1, and ignores ratings that cannot be', () => {
    const s = summarise([{ worthwhile: 3 }, { worthwhile: 4 }, { worthwhile: 9 }], 1);
    expect(s.count).toBe(2);
    expect(s.invited).toBe(2);
    expect(s.responseRate).toBe(1);
    expect(s.worthwhileShare).toBe(0.5);
    expect(s.mean).toBe(3.5);
  });

  it('keeps children and guardians apart, and together', () => {
    const answers = [
      { worthwhile: 5, role: 'student' as const },
      { worthwhile: 4, role: 'student' as const },
      { worthwhile: 2, role: 'guardian' as const },
    ];
    const s = summariseByRole(answers, { student: 4, guardian: 6 });
    expect(s.student).toMatchObject({ count: 2, invited: 4, mean: 4.5, worthwhileShare: 1, responseRate: 0.5 });
    expect(s.guardian).toMatchObject({ count: 1, invited: 6, mean: 2, worthwhileShare: 0, distribution: [0, 1, 0, 0, 0] });
    expect(s.all).toMatchObject({ count: 3, invited: 10, distribution: [0, 1, 0, 1, 1], responseRate: 0.3 });
    expect(s.all.mean).toBeCloseTo(11 / 3, 10);
  });
});

import { describe, expect, it } from 'vitest';
import { defaultTargetPeriod, inCalendarOrder, periodAfter, periodContaining, periodEndsAt, periodHasEnded, periodToShow, schoolToday, targetPeriodForRound } from './periods';

const autumn = { id: 'a', name: 'Autumn', startsOn: '2026-09-02', endsOn: '2026-12-18' };
const spring = { id: 's', name: 'Spring', startsOn: '2027-01-05', endsOn: '2027-03-26' };
const summer = { id: 'u', name: 'Summer', startsOn: '2027-04-12', endsOn: '2027-07-21' };
// Given out of order, as a school may have typed them.
const periods = [summer, autumn, spring];

describe('target period of a goal set for a round', () => {
  it('is the period after the one the round looks back on', () => {
    expect(targetPeriodForRound(periods, '2026-12-01', 's')?.id).toBe('u');
    expect(targetPeriodForRound(periods, '2026-12-01', 'a')?.id).toBe('s');
  });
  it('is the next period as for any goal when the round looks back on none, or on the last', () => {
    expect(targetPeriodForRound(periods, '2026-12-01', null)?.id).toBe('s');
    expect(targetPeriodForRound(periods, '2026-12-01', 'u')?.id).toBe('s');
    expect(targetPeriodForRound(periods, '2026-12-01', 'unknown')?.id).toBe('s');
  });
});

describe('default target period ("the next one")', () => {
  it('is the first period that starts after the one containing today', () => {
    expect(defaultTargetPeriod(periods, '2026-12-01')?.id).toBe('s');
    expect(defaultTargetPeriod(periods, '2026-09-02')?.id).toBe('s');
    expect(defaultTargetPeriod(periods, '2026-12-18')?.id).toBe('s');
    expect(defaultTargetPeriod(periods, '2027-01-05')?.id).toBe('u');
  });

  it('is the first to start after today when today is in no period (a holiday)', () => {
    expect(defaultTargetPeriod(periods, '2026-12-24')?.id).toBe('s');
    expect(defaultTargetPeriod(periods, '2026-08-01')?.id).toBe('a');
    expect(defaultTargetPeriod(periods, '2027-04-01')?.id).toBe('u');
  });

  it('is none in the last period, after the last, or without periods', () => {
    expect(defaultTargetPeriod(periods, '2027-06-01')).toBeNull();
    expect(defaultTargetPeriod(periods, '2027-09-01')).toBeNull();
    expect(defaultTargetPeriod([], '2026-12-01')).toBeNull();
  });

  it('looks past every period already under way when periods overlap', () => {
    const term = { id: 't', startsOn: '2026-09-01', endsOn: '2026-12-20' };
    const half = { id: 'h', startsOn: '2026-12-15', endsOn: '2027-03-30' };
    const later = { id: 'l', startsOn: '2027-04-01', endsOn: '2027-07-20' };
    // In the term only: the half-term period that starts later is next.
    expect(defaultTargetPeriod([term, half, later], '2026-12-01')?.id).toBe('h');
    // In both: the one that started last is "current", so the next is after it.
    expect(periodContaining([term, half, later], '2026-12-16')?.id).toBe('h');
    expect(defaultTargetPeriod([term, half, later], '2026-12-16')?.id).toBe('l');
  });
});

describe('periods in order', () => {
  it('sorts by first day, last day, then id', () => {
    const x = { id: 'x', startsOn: '2027-01-05', endsOn: '2027-02-01' };
    expect(inCalendarOrder([spring, x, autumn]).map((p) => p.id)).toEqual(['a', 'x', 's']);
  });

  it('finds the period after another', () => {
    expect(periodAfter(periods, autumn)?.id).toBe('s');
    expect(periodAfter(periods, spring)?.id).toBe('u');
    expect(periodAfter(periods, summer)).toBeNull();
  });
});

describe('when a period has ended, on the school’s calendar', () => {
  it('has ended only once its last day is over', () => {
    expect(periodHasEnded(autumn, '2026-12-18')).toBe(false);
    expect(periodHasEnded(autumn, '2026-12-19')).toBe(true);
  });

  it('takes today in the school’s time zone, not the server’s', () => {
    // 23:30 UTC on 18 December is 19 December in Seoul, still 18 December in London.
    const late = new Date('2026-12-18T23:30:00Z');
    expect(schoolToday(late, 'Europe/London')).toBe('2026-12-18');
    expect(schoolToday(late, 'Asia/Seoul')).toBe('2026-12-19');
    // 04:00 UTC on 19 December is still the 18th in Los Angeles.
    expect(schoolToday(new Date('2026-12-19T04:00:00Z'), 'America/Los_Angeles')).toBe('2026-12-18');
  });

  it('ends at midnight after the last day, local time (summer time included)', () => {
    expect(periodEndsAt(autumn, 'Europe/London').toISOString()).toBe('2026-12-19T00:00:00.000Z');
    expect(periodEndsAt(summer, 'Europe/London').toISOString()).toBe('2027-07-21T23:00:00.000Z');
    expect(periodEndsAt(autumn, 'Asia/Kolkata').toISOString()).toBe('2026-12-18T18:30:00.000Z');
  });
});

describe('periodToShow', () => {
  const counts = (c: Record<string, number>) => (id: string) => c[id] ?? 0;
  it('opens on the current period when the child has goals there', () => {
    expect(periodToShow(periods, '2026-12-01', counts({ a: 1, s: 2 }))?.id).toBe('a');
  });
  it('else on the first later period with goals', () => {
    expect(periodToShow(periods, '2026-12-01', counts({ u: 1 }))?.id).toBe('u');
    expect(periodToShow(periods, '2026-12-24', counts({ s: 1 }))?.id).toBe('s');
  });
  it('else on the current period, the next, or the last', () => {
    expect(periodToShow(periods, '2026-12-01', counts({}))?.id).toBe('a');
    expect(periodToShow(periods, '2026-12-24', counts({}))?.id).toBe('s');
    expect(periodToShow(periods, '2027-09-01', counts({ a: 3 }))?.id).toBe('u');
    expect(periodToShow([], '2026-12-01', counts({}))).toBeNull();
  });
});

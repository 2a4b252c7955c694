import { describe, expect, it } from 'vitest';
import { chainBefore, planCarryForward, type CarryCommitment } from './carry-forward';

const autumn = { id: 'autumn', endsOn: '2026-12-18' };
const spring = { id: 'spring' };
const g1 = { id: 'g1', status: 'working' as const, what: 'Write three sentences', measure: 'Three full stops in my writing' };
const g2 = { id: 'g2', status: 'achieved' as const, what: 'Count to 100', measure: '' };
const g3 = { id: 'g3', status: 'working' as const, what: 'Read every night', measure: 'My reading log' };
const commitments: CarryCommitment[] = [
  { goalId: 'g1', userId: 'ava', role: 'student', text: 'I will write every day.' },
  { goalId: 'g1', userId: 'emma', role: 'guardian', text: 'I will read her stories.' },
  { goalId: 'g1', userId: 'okafor', role: 'teacher', text: '   ' },
  { goalId: 'g2', userId: 'ava', role: 'student', text: 'I will count.' },
];

describe('planCarryForward', () => {
  it('does nothing before the period has ended (its last day included)', () => {
    expect(planCarryForward({ period: autumn, next: spring, today: '2026-12-18', goals: [g1], continued: new Set(), commitments })).toEqual({ kind: 'not_ended' });
  });

  it('carries each working goal into the next period with its what, measure and written commitments', () => {
    const plan = planCarryForward({ period: autumn, next: spring, today: '2026-12-19', goals: [g1, g2, g3], continued: new Set(), commitments });
    expect(plan.kind).toBe('carry');
    if (plan.kind !== 'carry') return;
    expect(plan.markCarried).toEqual(['g1', 'g3']);
    expect(plan.create.map(({ from: _f, ...c }) => c)).toEqual([
      {
        reportPeriodId: 'spring',
        previousGoalId: 'g1',
        what: 'Write three sentences',
        measure: 'Three full stops in my writing',
        commitments: [
          { userId: 'ava', role: 'student', text: 'I will write every day.' },
          { userId: 'emma', role: 'guardian', text: 'I will read her stories.' },
        ],
      },
      { reportPeriodId: 'spring', previousGoalId: 'g3', what: 'Read every night', measure: 'My reading log', commitments: [] },
    ]);
  });

  it('leaves achieved and already carried goals alone', () => {
    const done = planCarryForward({ period: autumn, next: spring, today: '2027-01-10', goals: [g2, { ...g1, status: 'carried_forward' as const }], continued: new Set(['g1']), commitments });
    expect(done).toEqual({ kind: 'carry', markCarried: [], create: [] });
  });

  it('does not carry a goal twice: one already continued is only marked', () => {
    const plan = planCarryForward({ period: autumn, next: spring, today: '2026-12-19', goals: [g1, g3], continued: new Set(['g1']), commitments });
    expect(plan).toMatchObject({ kind: 'carry', markCarried: ['g1', 'g3'] });
    if (plan.kind === 'carry') expect(plan.create.map((c) => c.previousGoalId)).toEqual(['g3']);
  });

  it('keeps open goals open when no period follows', () => {
    expect(planCarryForward({ period: autumn, next: null, today: '2026-12-19', goals: [g1], continued: new Set(), commitments })).toEqual({ kind: 'no_next_period' });
    expect(planCarryForward({ period: autumn, next: null, today: '2026-12-19', goals: [g2], continued: new Set(), commitments })).toEqual({ kind: 'carry', markCarried: [], create: [] });
  });
});

describe('chainBefore', () => {
  const a = { id: 'a', previousGoalId: null };
  const b = { id: 'b', previousGoalId: 'a' };
  const c = { id: 'c', previousGoalId: 'b' };
  const byId = new Map([a, b, c].map((g) => [g.id, g]));

  it('lists the goals a goal continues, oldest first', () => {
    expect(chainBefore(c, byId).map((g) => g.id)).toEqual(['a', 'b']);
    expect(chainBefore(a, byId)).toEqual([]);
  });

  it('stops at a goal it was not given, and at a loop', () => {
    expect(chainBefore({ id: 'd', previousGoalId: 'missing' }, byId)).toEqual([]);
    const x = { id: 'x', previousGoalId: 'y' };
    const y = { id: 'y', previousGoalId: 'x' };
    expect(chainBefore(x, new Map([x, y].map((g) => [g.id, g]))).map((g) => g.id)).toEqual(['y']);
  });
});

import loadHighs from 'highs';
import { describe, expect, it } from 'vitest';
import { solveExact } from './exact';
import { plantedSchool, smallSchool } from './generate';
import { solve } from './solve';
import { validate } from './validate';

const highs = await loadHighs();

describe('the exact reference (HiGHS)', () => {
  it('proves the planted optimum: everything placed, nobody waiting', { timeout: 120_000 }, () => {
    const inst = plantedSchool(21, { teachers: 4, slots: 6, evenings: 1 });
    const exact = solveExact(highs, inst, { timeLimitSeconds: 60 });
    expect(exact.status).toBe('Optimal');
    const v = validate(inst, exact.solution);
    expect(v.violations).toEqual([]);
    expect(v.measures.coverage).toBe(1);
    expect(exact.familyIdle).toBe(0);
    expect(v.measures.familyIdle.total).toBe(0);
  });

  it('agrees with the validator, and the heuristic reaches its coverage on a small school', { timeout: 120_000 }, () => {
    const inst = smallSchool(2, { families: 10, teachers: 3 });
    const exact = solveExact(highs, inst, { timeLimitSeconds: 60 });
    expect(exact.optimal).toBe(true);
    const v = validate(inst, exact.solution);
    expect(v.violations).toEqual([]);
    expect(v.measures.scheduledWeight).toBe(exact.weight);
    expect(v.measures.familyIdle.total).toBe(exact.familyIdle);
    const ours = validate(inst, solve(inst, { seed: 1, maxIterations: 300 }).solution);
    expect(ours.measures.scheduledWeight).toBe(exact.weight);
    // No schedule with that coverage has less family idle than the proved optimum.
    expect(ours.measures.familyIdle.total).toBeGreaterThanOrEqual(exact.familyIdle);
  });
});

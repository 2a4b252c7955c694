import { describe, expect, it } from 'vitest';
import { defaultsFor, stageOf, stageProblems, templates, type Stage } from './stages';

const uk = templates.uk_primary;

describe('stages', () => {
  it('finds a child’s stage by grade: Reception is EYFS, Year 2 KS1, Year 6 UKS2', () => {
    expect(stageOf(uk, 0)?.name).toBe('EYFS');
    expect(stageOf(uk, 2)?.name).toBe('KS1');
    expect(stageOf(uk, 6)?.name).toBe('UKS2');
    expect(stageOf(uk, 9)).toBeNull();
  });

  it('starts early years picture-led with no requests, and KS1 with requests', () => {
    expect(defaultsFor(uk, 0)).toMatchObject({ type: 'early_years', requests: false });
    expect(defaultsFor(uk, 1)).toMatchObject({ type: 'one_to_one', requests: true });
    expect(defaultsFor(uk, 1).types).toContain('cross_age');
    // A grade no stage covers: every type, no prompts.
    expect(defaultsFor(uk, 9)).toMatchObject({ stage: null, type: 'one_to_one', prompts: [] });
    expect(defaultsFor(uk, 9).types).toHaveLength(5);
  });

  it('has templates with no problems', () => {
    expect(stageProblems(templates.uk_primary)).toEqual([]);
    expect(stageProblems(templates.us_elementary)).toEqual([]);
  });

  it('names each problem’s field: overlap, reversed grades, a default the stage does not use, a repeated name', () => {
    const stages: Stage[] = [
      { name: 'KS1', minGrade: 1, maxGrade: 2, defaultType: 'one_to_one', types: ['one_to_one'], prompts: [], requests: true },
      { name: 'LKS2', minGrade: 2, maxGrade: 4, defaultType: 'group', types: ['one_to_one'], prompts: [], requests: true },
      { name: 'ks1', minGrade: 6, maxGrade: 5, defaultType: 'peer', types: ['peer'], prompts: [], requests: true },
    ];
    expect(stageProblems(stages)).toEqual([
      { path: [1, 'defaultType'], code: 'default_type_not_allowed' },
      { path: [1, 'minGrade'], code: 'stage_overlap' },
      { path: [2, 'name'], code: 'duplicate_name' },
      { path: [2, 'maxGrade'], code: 'grades_reversed' },
    ]);
  });
});

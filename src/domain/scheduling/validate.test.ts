import { describe, expect, it } from 'vitest';
import { readInstance, readSolution, SOLUTION_FORMAT, type Instance, type Solution } from './format';
import { validate } from './validate';

/**
 * One evening, 16:00–18:00 on a 10-minute grid, 5 minutes' walk between rooms. Ms Ahn (t1, room
 * r1, speaks Korean) and Mr Bell (t2, room r2, English only); Mrs Choi interprets Korean from
 * 16:00 to 17:00. The Kims (Korean) see both teachers; the Lees (no language given) see Mr Bell.
 */
function instance(): Instance {
  const read = readInstance({
    format: 'confer-schedule/1',
    slotMinutes: 10,
    walkMinutes: 5,
    evenings: [
      { id: 'e1', date: '2026-11-03', start: '16:00', end: '18:00' },
      { id: 'e2', date: '2026-11-04', start: '16:00', end: '18:00' },
    ],
    teachers: [
      { id: 't1', room: 'r1', languages: ['en', 'ko'], available: [{ evening: 'e1', start: '16:00', end: '18:00' }, { evening: 'e2', start: '16:00', end: '18:00' }] },
      { id: 't2', room: 'r2', languages: ['en'], available: [{ evening: 'e1', start: '16:00', end: '17:00' }, { evening: 'e1', start: '17:20', end: '18:00' }], maxMeetings: 2 },
    ],
    interpreters: [{ id: 'i1', languages: ['ko'], available: [{ evening: 'e1', start: '16:00', end: '17:00' }] }],
    families: [
      {
        id: 'kim',
        language: 'ko',
        oneEvening: true,
        available: [{ evening: 'e1', start: '16:00', end: '18:00' }, { evening: 'e2', start: '16:00', end: '18:00' }],
        requests: [
          { id: 'q1', teacher: 't1', student: 'ji-ho', minutes: 10 },
          { id: 'q2', teacher: 't2', student: 'ji-ho', minutes: 10, priority: 2 },
        ],
      },
      { id: 'lee', available: [{ evening: 'e1', start: '16:00', end: '18:00' }], requests: [{ id: 'q3', teacher: 't2', minutes: 20 }] },
    ],
  });
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.value;
}

/** A valid plan: the Kims see Ms Ahn 16:00 then, after the walk, Mr Bell 16:20 with Mrs Choi; the Lees see Mr Bell at 16:30. */
const good = (): Solution => ({
  format: SOLUTION_FORMAT,
  assignments: [
    { request: 'q1', evening: 'e1', start: '16:00', interpreter: null },
    { request: 'q2', evening: 'e1', start: '16:20', interpreter: 'i1' },
    { request: 'q3', evening: 'e1', start: '16:30', interpreter: null },
  ],
  unscheduled: [],
});

const broken = (change: (s: Solution) => void, inst = instance()) => {
  const s = good();
  change(s);
  return validate(inst, s).violations.map((v) => v.constraint);
};
const at = (s: Solution, request: string) => s.assignments.find((a) => a.request === request)!;

describe('the scheduling validator', () => {
  it('accepts a valid plan and measures it: coverage and idle minutes', () => {
    const v = validate(instance(), good());
    expect(v.violations).toEqual([]);
    expect(v.valid).toBe(true);
    expect(v.measures).toMatchObject({ requests: 3, scheduled: 3, coverage: 1, weightedCoverage: 1, scheduledWeight: 4 });
    // Kims: 16:00–16:30, 20 minutes in meetings → 10 idle. Lees: one meeting → 0. Mr Bell: 16:20–16:50, all busy → 0.
    expect(v.measures.familyIdleBy).toEqual({ kim: 10, lee: 0 });
    expect(v.measures.familyIdle).toEqual({ total: 10, mean: 5, max: 10 });
    expect(v.measures.teacherIdleBy).toEqual({ t1: 0, t2: 0 });
  });

  it('counts priority in the weighted coverage', () => {
    const s = good();
    s.assignments = s.assignments.filter((a) => a.request !== 'q2');
    s.unscheduled.push({ request: 'q2', reason: 'no_interpreter' });
    const v = validate(instance(), s);
    expect(v.valid).toBe(true);
    expect(v.measures.coverage).toBeCloseTo(2 / 3);
    expect(v.measures.weightedCoverage).toBeCloseTo(2 / 4);
  });

  it('finds each broken hard constraint', () => {
    // 0: a request left out; 1: twice, off the grid, an unknown evening.
    expect(broken((s) => s.assignments.pop())).toEqual([0]);
    expect(broken((s) => s.unscheduled.push({ request: 'q3', reason: 'conflict' }))).toEqual([1]);
    expect(broken((s) => (at(s, 'q3').start = '16:35'))).toContain(1);
    expect(broken((s) => (at(s, 'q3').evening = 'e9'))).toEqual([1]);
    // 2: Mr Bell's break is 17:00–17:20.
    expect(broken((s) => (at(s, 'q3').start = '16:50'))).toEqual([2]);
    // 3: two at once for Mr Bell; for the Kims.
    expect(broken((s) => (at(s, 'q3').start = '16:20'))).toEqual([3]);
    expect(broken((s) => (at(s, 'q1').start = '16:20'))).toEqual([3]);
    // 4: from room r1 straight into r2, no time to walk.
    expect(broken((s) => (at(s, 'q1').start = '16:10'))).toEqual([4]);
    // 5: no interpreter; one where none is needed; outside her hours.
    expect(broken((s) => (at(s, 'q2').interpreter = null))).toEqual([5]);
    expect(broken((s) => (at(s, 'q1').interpreter = 'i1'))).toEqual([5]);
    expect(
      broken((s) => {
        at(s, 'q2').start = '17:30';
        at(s, 'q3').start = '16:20';
      }),
    ).toEqual([5]);
    // 6: the Kims asked for one evening.
    expect(broken((s) => (at(s, 'q1').evening = 'e2'))).toEqual([6]);
    // 7: Mr Bell takes at most 2; a locked meeting moved.
    const capped = instance();
    capped.teachers[1]!.maxMeetings = 1;
    expect(broken(() => undefined, capped)).toEqual([7]);
    const locked = instance();
    locked.locked = [{ request: 'q3', evening: 'e1', start: '17:20' }];
    expect(broken(() => undefined, locked)).toEqual([7]);
    expect(broken((s) => (at(s, 'q3').start = '17:20'), locked)).toEqual([]);
  });
});

describe('reading the format', () => {
  it('names the bad field by its path', () => {
    const json = JSON.parse(JSON.stringify({ ...instance(), format: 'confer-schedule/1' })) as Record<string, unknown> & { families: Array<{ requests: Array<{ teacher: string; minutes: number }> }>; teachers: Array<{ available: Array<{ evening: string; start: string }> }> };
    json.families[1]!.requests[0]!.teacher = 't7';
    json.families[0]!.requests[1]!.minutes = 15;
    json.teachers[0]!.available[0]!.evening = 'e9';
    json.teachers[1]!.available[1]!.start = '17:25';
    const read = readInstance(json);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problems.map((p) => p.path).sort()).toEqual([
      'families[0].requests[1].minutes',
      'families[1].requests[0].teacher',
      'teachers[0].available[0].evening',
      'teachers[1].available[1].start',
    ]);
    expect(!read.ok && read.problems.find((p) => p.path === 'families[1].requests[0].teacher')!.message).toBe('no teacher "t7"');
  });

  it('refuses a wrong shape with the path, and never throws', () => {
    const read = readInstance({ format: 'confer-schedule/1', slotMinutes: 5, evenings: [{ id: 'e1', date: '2026-11-03', start: '25:00', end: '19:00' }], teachers: [], families: [{ id: 'f', available: [], requests: [{ id: 'q', teacher: 't', minutes: -5 }] }] });
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['evenings[0].start', 'families[0].requests[0].minutes']));
    for (const junk of [null, 42, 'text', [], { format: 'other/1' }]) expect(readInstance(junk).ok).toBe(false);
    expect(readSolution({ format: SOLUTION_FORMAT, assignments: [{ request: 'q1' }], unscheduled: [] }).ok).toBe(false);
    expect(readSolution(good()).ok).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { readInstance, type Instance } from './format';
import { plantedSchool, primarySchool, secondarySchool } from './generate';
import { seededRandom as random } from '../random';
import { createSolver, firstComeFirstServed, solve } from './solve';
import { validate } from './validate';

const day = (id: string, date: string) => ({ id, date, start: '16:00', end: '19:00' });

/** A small random school: 2 evenings, a few teachers and interpreters, families with 1–4 requests, some with siblings and a language. */
function smallSchool(seed: number): Instance {
  const rand = random(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const teachers = Array.from({ length: 6 }, (_, i) => ({
    id: `t${i}`,
    room: `r${i}`,
    languages: i === 0 ? ['en', 'es'] : ['en'],
    available: [{ evening: 'e1', start: '16:00', end: '19:00' }, ...(i % 2 ? [] : [{ evening: 'e2', start: '16:00', end: '18:00' }])],
    ...(i === 5 ? { maxMeetings: 4 } : {}),
  }));
  const families = Array.from({ length: 24 }, (_, f) => {
    const wanted = new Set(Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(teachers).id));
    const from = pick(['16:00', '16:30', '17:00']);
    return {
      id: `f${f}`,
      language: pick([null, null, null, 'es', 'ko']),
      oneEvening: rand() < 0.5,
      available: [{ evening: 'e1', start: from, end: '19:00' }, { evening: 'e2', start: '16:00', end: '18:00' }],
      requests: [...wanted].map((t, k) => ({ id: `f${f}q${k}`, teacher: t, minutes: pick([10, 10, 15]), priority: 1 + Math.floor(rand() * 2) })),
    };
  });
  const read = readInstance({
    format: 'confer-schedule/1',
    slotMinutes: 5,
    walkMinutes: 5,
    evenings: [day('e1', '2026-11-03'), day('e2', '2026-11-04')],
    teachers,
    interpreters: [
      { id: 'i-es', languages: ['es'], available: [{ evening: 'e1', start: '16:00', end: '19:00' }] },
      { id: 'i-ko', languages: ['ko'], available: [{ evening: 'e1', start: '16:30', end: '18:30' }, { evening: 'e2', start: '16:00', end: '18:00' }] },
    ],
    families,
    locked: [{ request: 'f3q0', evening: 'e1', start: '17:00' }],
  });
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.value;
}

describe('the scheduler', () => {
  it('places the worked example of its comment: the Kims back to back, the Lees next to Mr Bell', () => {
    const inst = readInstance({
      format: 'confer-schedule/1',
      slotMinutes: 10,
      walkMinutes: 5,
      evenings: [{ id: 'e1', date: '2026-11-03', start: '16:00', end: '18:00' }],
      teachers: [
        { id: 'ahn', room: 'r1', available: [{ evening: 'e1', start: '16:00', end: '18:00' }] },
        { id: 'bell', room: 'r2', available: [{ evening: 'e1', start: '16:00', end: '18:00' }] },
      ],
      families: [
        { id: 'lee', available: [{ evening: 'e1', start: '16:00', end: '18:00' }], requests: [{ id: 'lee-bell', teacher: 'bell', minutes: 10 }] },
        { id: 'kim', available: [{ evening: 'e1', start: '16:00', end: '18:00' }], requests: [{ id: 'kim-ahn', teacher: 'ahn', minutes: 10 }, { id: 'kim-bell', teacher: 'bell', minutes: 10 }] },
      ],
    });
    if (!inst.ok) throw new Error('bad instance');
    const { solution } = solve(inst.value, { seed: 1 });
    const v = validate(inst.value, solution);
    expect(v.violations).toEqual([]);
    expect(v.measures.coverage).toBe(1);
    expect(v.measures.familyIdleBy).toEqual({ kim: 10, lee: 0 });
    expect(v.measures.teacherIdle.total).toBe(0);
  });

  it('always gives a valid schedule, and improving never makes it worse', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const inst = smallSchool(seed);
      const quick = solve(inst, { seed });
      const longer = solve(inst, { seed, maxIterations: 300 });
      for (const r of [quick, longer]) {
        const v = validate(inst, r.solution);
        expect(v.violations, `seed ${seed}`).toEqual([]);
        // The solver's own score agrees with the independent validator's measures.
        expect(r.score).toEqual({ weight: v.measures.scheduledWeight, familyIdle: v.measures.familyIdle.total, moved: 0, teacherIdle: v.measures.teacherIdle.total });
      }
      const [a, b] = [quick.score, longer.score];
      expect(b.weight > a.weight || (b.weight === a.weight && (b.familyIdle < a.familyIdle || (b.familyIdle === a.familyIdle && b.teacherIdle <= a.teacherIdle))), `seed ${seed}`).toBe(true);
    }
  });

  it('is deterministic for a seed, and keeps locked meetings where they are', () => {
    const inst = smallSchool(7);
    const one = solve(inst, { seed: 42, maxIterations: 200 });
    const two = solve(inst, { seed: 42, maxIterations: 200 });
    expect(two.solution).toEqual(one.solution);
    expect(one.solution.assignments.find((a) => a.request === 'f3q0')).toMatchObject({ evening: 'e1', start: '17:00' });
  });

  it('says why a request could not be placed', () => {
    const inst = readInstance({
      format: 'confer-schedule/1',
      slotMinutes: 10,
      evenings: [{ id: 'e1', date: '2026-11-03', start: '16:00', end: '17:00' }],
      teachers: [{ id: 't1', available: [{ evening: 'e1', start: '16:00', end: '16:30' }], maxMeetings: 1 }, { id: 't2', available: [{ evening: 'e1', start: '16:00', end: '17:00' }] }],
      interpreters: [],
      families: [
        { id: 'a', available: [{ evening: 'e1', start: '16:00', end: '17:00' }], requests: [{ id: 'a1', teacher: 't1', minutes: 10, priority: 3 }] },
        { id: 'b', available: [{ evening: 'e1', start: '16:00', end: '17:00' }], requests: [{ id: 'b1', teacher: 't1', minutes: 10 }] },
        { id: 'c', available: [{ evening: 'e1', start: '16:40', end: '17:00' }], requests: [{ id: 'c1', teacher: 't1', minutes: 10 }] },
        { id: 'd', language: 'pl', available: [{ evening: 'e1', start: '16:00', end: '17:00' }], requests: [{ id: 'd1', teacher: 't2', minutes: 10 }] },
      ],
    });
    if (!inst.ok) throw new Error('bad instance');
    const { solution } = solve(inst.value, { seed: 3 });
    expect(validate(inst.value, solution).violations).toEqual([]);
    expect(solution.assignments.map((a) => a.request)).toEqual(['a1']);
    expect(Object.fromEntries(solution.unscheduled.map((u) => [u.request, u.reason]))).toEqual({ b1: 'teacher_full', c1: 'no_common_time', d1: 'no_interpreter' });
  });
});

describe('the generated schools and the self-booking baseline', () => {
  it('places everything of a planted school (its optimum is known), and beats first come first served', () => {
    const inst = plantedSchool(11, { teachers: 6, slots: 8, evenings: 1 });
    expect(readInstance(inst).ok).toBe(true);
    const ours = validate(inst, solve(inst, { seed: 1, maxIterations: 400 }).solution);
    const fcfs = validate(inst, firstComeFirstServed(inst, 1));
    expect(ours.violations).toEqual([]);
    expect(fcfs.violations).toEqual([]);
    expect(ours.measures.coverage).toBe(1);
    expect(ours.measures.familyIdle.mean).toBeLessThanOrEqual(fcfs.measures.familyIdle.mean);
  });

  it('gives valid schedules for small primary and secondary schools, never covering less than self-booking', () => {
    for (const inst of [primarySchool(5, { families: 60, teachers: 6 }), primarySchool(6, { families: 60, teachers: 6, oversubscribed: true }), secondarySchool(7, { families: 40, teachers: 12 })]) {
      expect(readInstance(inst).ok).toBe(true);
      const ours = validate(inst, solve(inst, { seed: 2, maxIterations: 200 }).solution);
      const fcfs = validate(inst, firstComeFirstServed(inst, 2));
      expect(ours.violations).toEqual([]);
      expect(fcfs.violations).toEqual([]);
      expect(ours.measures.scheduledWeight).toBeGreaterThanOrEqual(fcfs.measures.scheduledWeight);
    }
  });
});

describe('windows, steps and re-runs', () => {
  it('keeps a meeting inside ONE window: two windows that touch are not one (a teacher offering fixed times)', () => {
    // Ms Ahn offers 16:00 and 16:25 only (a 20-minute meeting and a 5-minute buffer): her windows
    // touch nothing, so no meeting may start at 16:05 or 16:10 even though the family is free.
    const inst = readInstance({
      format: 'confer-schedule/1',
      slotMinutes: 5,
      evenings: [{ id: 'e1', date: '2026-11-03', start: '16:00', end: '17:00' }],
      teachers: [{ id: 'ahn', available: [{ evening: 'e1', start: '16:00', end: '16:20' }, { evening: 'e1', start: '16:20', end: '16:25' }, { evening: 'e1', start: '16:25', end: '16:45' }] }],
      families: [
        { id: 'a', available: [{ evening: 'e1', start: '16:05', end: '17:00' }], requests: [{ id: 'a1', teacher: 'ahn', minutes: 20 }] },
        { id: 'b', available: [{ evening: 'e1', start: '16:00', end: '16:45' }], requests: [{ id: 'b1', teacher: 'ahn', minutes: 20 }] },
      ],
    });
    if (!inst.ok) throw new Error('bad instance');
    const { solution } = solve(inst.value, { seed: 1, maxIterations: 50 });
    expect(validate(inst.value, solution).violations).toEqual([]);
    expect(Object.fromEntries(solution.assignments.map((a) => [a.request, a.start]))).toEqual({ a1: '16:25', b1: '16:00' });
  });

  it('in steps gives exactly what one run of as many rounds gives', () => {
    const inst = smallSchool(4);
    const whole = solve(inst, { seed: 9, maxIterations: 120 });
    const stepped = createSolver(inst, { seed: 9 });
    for (let k = 0; k < 6; k++) stepped.improve(20);
    expect(stepped.iterations).toBe(whole.iterations);
    expect(stepped.result().solution).toEqual(whole.solution);
  });

  it('re-runs from a previous schedule: nothing moves when nothing changed; a lost hour moves only what it must', () => {
    const inst = smallSchool(8);
    const first = solve(inst, { seed: 5, maxIterations: 300 });
    const again = solve(inst, { seed: 77, maxIterations: 300, previous: first.solution });
    expect(again.score.moved).toBe(0);
    expect(again.solution.assignments).toEqual(first.solution.assignments);

    // Teacher t1 can no longer stay after 17:30 on the first evening; one of her meetings is locked.
    const kept = first.solution.assignments.find((a) => inst.families.some((f) => f.requests.some((q) => q.id === a.request && q.teacher === 't1')) && a.evening === 'e1' && a.start < '17:30')!;
    const changed: typeof inst = {
      ...inst,
      teachers: inst.teachers.map((t) => (t.id === 't1' ? { ...t, available: t.available.map((w) => (w.evening === 'e1' ? { ...w, end: '17:30' } : w)) } : t)),
      locked: [...inst.locked, { request: kept.request, evening: kept.evening, start: kept.start, interpreter: kept.interpreter }],
    };
    const late = first.solution.assignments.filter((a) => a.evening === 'e1' && a.start >= '17:30' && changed.families.some((f) => f.requests.some((q) => q.id === a.request && q.teacher === 't1')));
    const rerun = solve(changed, { seed: 5, maxIterations: 400, previous: first.solution });
    const fresh = solve(changed, { seed: 5, maxIterations: 400 });
    expect(validate(changed, rerun.solution).violations).toEqual([]);
    expect(rerun.solution.assignments.find((a) => a.request === kept.request)).toEqual(kept);
    const moved = (s: typeof first.solution) => first.solution.assignments.filter((a) => !s.assignments.some((b) => b.request === a.request && b.evening === a.evening && b.start === a.start && b.interpreter === a.interpreter)).length;
    expect(moved(rerun.solution)).toBe(rerun.score.moved);
    // At least the meetings after 17:30 had to move; a fresh run moves far more than the re-run.
    expect(rerun.score.moved).toBeGreaterThanOrEqual(late.length);
    expect(moved(rerun.solution)).toBeLessThan(moved(fresh.solution));
    // And it is no worse on what comes first: every meeting placed that a fresh run places.
    expect(rerun.score.weight).toBeGreaterThanOrEqual(fresh.score.weight);
  });
});

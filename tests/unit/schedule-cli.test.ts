/** `confer schedule` on files: a solution and its summary, --check's exit codes, and bad files named by path. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scheduleCommand } from '../../src/cli/schedule';

const instance = {
  format: 'confer-schedule/1',
  slotMinutes: 5,
  walkMinutes: 5,
  evenings: [{ id: 'e1', date: '2026-11-03', start: '15:30', end: '19:00' }],
  teachers: [{ id: 't1', room: 'r1', languages: ['en'], available: [{ evening: 'e1', start: '15:30', end: '19:00' }] }, { id: 't2', room: 'r2', available: [{ evening: 'e1', start: '15:30', end: '19:00' }] }],
  interpreters: [{ id: 'i1', languages: ['ko'], available: [{ evening: 'e1', start: '16:00', end: '19:00' }] }],
  families: [{ id: 'f1', language: 'ko', oneEvening: true, available: [{ evening: 'e1', start: '16:00', end: '18:30' }], requests: [{ id: 'q1', teacher: 't1', minutes: 10 }, { id: 'q2', teacher: 't2', minutes: 10 }] }],
};

describe('confer schedule', () => {
  let dir: string;
  let out: string[];
  let err: string[];
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'confer-schedule-'));
    out = [];
    err = [];
    vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
    vi.spyOn(console, 'error').mockImplementation((s: string) => void err.push(s));
  });
  afterEach(() => vi.restoreAllMocks());
  const file = async (name: string, json: unknown) => {
    const p = path.join(dir, name);
    await writeFile(p, typeof json === 'string' ? json : JSON.stringify(json));
    return p;
  };

  it('writes a solution and a one-line summary; --check says it is valid (exit 0) with the measures', async () => {
    const inst = await file('inst.json', instance);
    const sol = path.join(dir, 'sol.json');
    expect(await scheduleCommand([inst, '--out', sol, '--time-limit', '0.2', '--seed', '7'])).toBe(0);
    expect(err.at(-1)).toMatch(/^valid · 2\/2 requests \(100\.0 %\) · family idle mean 5\.0 min/);
    const solution = JSON.parse(await readFile(sol, 'utf8')) as { assignments: Array<{ request: string; interpreter: string | null }> };
    expect(solution.assignments.map((a) => a.interpreter)).toEqual(['i1', 'i1']);
    expect(await scheduleCommand(['--check', inst, sol])).toBe(0);
    expect(JSON.parse(out.at(-1)!)).toMatchObject({ valid: true, measures: { coverage: 1, familyIdle: { total: 5 } } });
  });

  it('--exact: the HiGHS reference proves the optimum of a small instance', { timeout: 60_000 }, async () => {
    const inst = await file('inst.json', instance);
    const sol = path.join(dir, 'exact.json');
    expect(await scheduleCommand(['--exact', inst, '--out', sol, '--time-limit', '60'])).toBe(0);
    expect(err.at(-1)).toMatch(/^HiGHS: Optimal in .* · valid · 2\/2 requests, weight 2 · family idle 5 min$/);
    expect(await scheduleCommand(['--check', inst, sol])).toBe(0);
  });

  it('--check: 1 for a solution that breaks a rule, 2 for a file it cannot read, with the path of the bad field', async () => {
    const inst = await file('inst.json', instance);
    const clash = await file('clash.json', { format: 'confer-schedule-solution/1', assignments: [{ request: 'q1', evening: 'e1', start: '16:00', interpreter: 'i1' }, { request: 'q2', evening: 'e1', start: '16:05', interpreter: 'i1' }], unscheduled: [] });
    expect(await scheduleCommand(['--check', inst, clash])).toBe(1);
    expect(JSON.parse(out.at(-1)!).violations.map((v: { constraint: number }) => v.constraint)).toEqual([3, 5]);
    expect(await scheduleCommand(['--check', inst, path.join(dir, 'missing.json')])).toBe(2);
    expect(err.at(-1)).toMatch(/missing\.json: cannot be read/);
    expect(await scheduleCommand(['--check', await file('broken.json', '{ not json'), clash])).toBe(2);
    const bad = await file('bad.json', { ...instance, families: [{ ...instance.families[0], requests: [{ id: 'q1', teacher: 't9', minutes: 10 }] }] });
    expect(await scheduleCommand([bad])).toBe(2);
    expect(err).toContain(`${bad}: families[0].requests[0].teacher: no teacher "t9"`);
  });
});

/**
 * The exact reference for small instances: the whole problem as a MIP, solved by HiGHS (the
 * `highs` package, HiGHS compiled to WebAssembly), proving the best priority-weighted coverage
 * and, among schedules with it, the least total family idle time. Tests and benchmarks measure
 * the heuristic solver against it. The caller loads HiGHS (`await loadHighs()`) and passes it in.
 *
 * The model, on the slot grid (evening e, slot s):
 *   x[r,e,s(,i)] ∈ {0,1}   request r starts at slot s of evening e (with interpreter i when it
 *                          needs one); only starts where teacher, family (and interpreter) are
 *                          free for the whole meeting are variables at all;
 *   Σ x[r,…] ≤ 1 (= 1 at its lock)      — each request once;
 *   Σ x covering (t,e,k) ≤ 1           — a teacher, a family, an interpreter: one thing at a time;
 *   x[r1,e,s1] + x[r2,e,s2] ≤ 1        — one family, two rooms, too little time to walk;
 *   Σ x[f on e] ≤ M·z[f,e], Σ_e z ≤ 1  — one evening, when asked;  Σ x[t] ≤ maxMeetings;
 *   u[f,e,k] ∈ {0,1} one interval (Σ_k max(0, u[k] − u[k−1]) ≤ 1) covering the family's meetings;
 *   idle[f,e] = Σ_k u[f,e,k] − Σ len·x    — from the first start to the last end, less the meetings;
 *   maximise  BIG·Σ priority·x − Σ idle, BIG larger than any idle there can be: coverage first.
 * Teachers' idle (the third objective) is not in it; it is measured on the schedule found.
 */
import { clockOf, minutesOf, SOLUTION_FORMAT, type Instance, type Solution } from './format';

/** What this module needs of the `highs` package's loaded solver. */
export interface HighsLike {
  solve(problem: string, options?: { output_flag?: boolean; time_limit?: number; mip_rel_gap?: number; mip_abs_gap?: number }): { Status: string; ObjectiveValue: number; Columns: Record<string, object> };
}

export interface ExactResult {
  /** 'Optimal' when proved; HiGHS's status otherwise (e.g. 'Time limit reached'). */
  status: string;
  optimal: boolean;
  solution: Solution;
  /** Proved best Σ priority of the scheduled requests, and the least family idle minutes with it. */
  weight: number;
  familyIdle: number;
  variables: number;
}

export function solveExact(highs: HighsLike, inst: Instance, options: { timeLimitSeconds?: number } = {}): ExactResult {
  const step = inst.slotMinutes;
  const evenings = inst.evenings.map((e) => ({ id: e.id, start: minutesOf(e.start), slots: (minutesOf(e.end) - minutesOf(e.start)) / step }));
  const free = (windows: Instance['teachers'][number]['available'], e: number, s: number, len: number) =>
    windows.some((w) => w.evening === evenings[e]!.id && (minutesOf(w.start) - evenings[e]!.start) / step <= s && s + len <= (minutesOf(w.end) - evenings[e]!.start) / step);
  const teachers = new Map(inst.teachers.map((t) => [t.id, t]));
  const locks = new Map(inst.locked.map((l) => [l.request, l]));
  const walk = Math.ceil(inst.walkMinutes / step);
  const S = Math.max(...evenings.map((e) => e.slots));

  interface Var {
    name: string;
    request: string;
    family: number;
    teacher: string;
    room: string;
    e: number;
    s: number;
    len: number;
    interpreter: number;
    priority: number;
  }
  const vars: Var[] = [];
  inst.families.forEach((f, fi) => {
    for (const q of f.requests) {
      const t = teachers.get(q.teacher)!;
      const language = f.language && !t.languages.includes(f.language) ? f.language : null;
      const len = q.minutes / step;
      const lock = locks.get(q.id);
      evenings.forEach((ev, e) => {
        for (let s = 0; s + len <= ev.slots; s++) {
          if (lock && (lock.evening !== ev.id || (minutesOf(lock.start) - ev.start) / step !== s)) continue;
          if (!lock && (!free(t.available, e, s, len) || !free(f.available, e, s, len))) continue;
          const base = { request: q.id, family: fi, teacher: t.id, room: t.room ?? `teacher:${t.id}`, e, s, len, priority: q.priority };
          if (!language) vars.push({ ...base, name: `x${vars.length}`, interpreter: -1 });
          else
            inst.interpreters.forEach((p, i) => {
              if (lock?.interpreter && lock.interpreter !== p.id) return;
              if (p.languages.includes(language) && free(p.available, e, s, len)) vars.push({ ...base, name: `x${vars.length}`, interpreter: i });
            });
        }
      });
    }
  });

  const rows: string[] = [];
  let rowId = 0;
  const row = (terms: string[], sense: string, rhs: number) => {
    if (terms.length) rows.push(` c${rowId++}: ${terms.join(' ')} ${sense} ${rhs}`);
  };
  const group = <K>(key: (v: Var) => K | null) => {
    const m = new Map<K, Var[]>();
    for (const v of vars) {
      const k = key(v);
      if (k !== null) m.set(k, [...(m.get(k) ?? []), v]);
    }
    return m;
  };
  // Each request once (exactly once where locked).
  for (const [request, list] of group((v) => v.request)) row(list.map((v) => `+ ${v.name}`), locks.has(request) ? '=' : '<=', 1);
  // One thing at a time: teachers, families, interpreters, slot by slot.
  const cover = (who: (v: Var) => string | null) => {
    const bySlot = new Map<string, string[]>();
    for (const v of vars) {
      const w = who(v);
      if (w === null) continue;
      for (let k = v.s; k < v.s + v.len; k++) {
        const key = `${w}|${v.e}|${k}`;
        bySlot.set(key, [...(bySlot.get(key) ?? []), `+ ${v.name}`]);
      }
    }
    for (const terms of bySlot.values()) if (terms.length > 1) row(terms, '<=', 1);
  };
  cover((v) => `t:${v.teacher}`);
  cover((v) => `f:${v.family}`);
  cover((v) => (v.interpreter >= 0 ? `i:${v.interpreter}` : null));
  // The walk between rooms.
  if (walk > 0) {
    for (const list of group((v) => `${v.family}|${v.e}`).values()) {
      for (let a = 0; a < list.length; a++)
        for (let b = a + 1; b < list.length; b++) {
          const [x, y] = [list[a]!, list[b]!];
          if (x.request === y.request || x.room === y.room) continue;
          const gap = x.s < y.s ? y.s - (x.s + x.len) : x.s - (y.s + y.len);
          if (gap >= 0 && gap < walk) row([`+ ${x.name}`, `+ ${y.name}`], '<=', 1);
        }
    }
  }
  // One evening; teachers' caps.
  const binaries = vars.map((v) => v.name);
  const continuous: string[] = [];
  inst.families.forEach((f, fi) => {
    if (!f.oneEvening) return;
    const nights: string[] = [];
    evenings.forEach((_, e) => {
      const on = vars.filter((v) => v.family === fi && v.e === e);
      if (!on.length) return;
      const z = `z${fi}_${e}`;
      binaries.push(z);
      nights.push(`+ ${z}`);
      row([...on.map((v) => `+ ${v.name}`), `- ${on.length} ${z}`], '<=', 0);
    });
    if (nights.length > 1) row(nights, '<=', 1);
  });
  for (const t of inst.teachers) if (t.maxMeetings !== undefined) row(vars.filter((v) => v.teacher === t.id).map((v) => `+ ${v.name}`), '<=', t.maxMeetings);
  // Family idle per evening: u[k] = 1 on the slots from the family's first start to its last end
  // (one interval: at most one k where it switches on), covering every slot it is in a meeting;
  // idle = Σ u − Σ meeting slots. (Tighter than "last end − first start" with big-M bounds.)
  const idle = new Map<string, number>();
  for (const [key, list] of group((v) => `${v.family}_${v.e}`)) {
    if (new Set(list.map((v) => v.request)).size < 2) continue; // one meeting: never idle
    const lo = Math.min(...list.map((v) => v.s));
    const hi = Math.max(...list.map((v) => v.s + v.len));
    const u = (k: number) => `u${key}_${k}`;
    const p = (k: number) => `p${key}_${k}`;
    const edges: string[] = [];
    for (let k = lo; k < hi; k++) {
      binaries.push(u(k));
      continuous.push(p(k));
      // In a meeting at k ⇒ inside the span at k.
      row([`+ ${u(k)}`, ...list.filter((v) => v.s <= k && k < v.s + v.len).map((v) => `- ${v.name}`)], '>=', 0);
      row([`+ ${p(k)}`, `- ${u(k)}`, ...(k > lo ? [`+ ${u(k - 1)}`] : [])], '>=', 0);
      edges.push(`+ ${p(k)}`);
    }
    row(edges, '<=', 1);
    for (let k = lo; k < hi; k++) idle.set(u(k), (idle.get(u(k)) ?? 0) - step);
    for (const v of list) idle.set(v.name, (idle.get(v.name) ?? 0) + step * v.len);
  }
  const BIG = 1 + inst.families.length * evenings.length * S * step;
  const coefficient = new Map(idle);
  for (const v of vars) coefficient.set(v.name, (coefficient.get(v.name) ?? 0) + BIG * v.priority);
  const objective = [...coefficient].filter(([, c]) => c !== 0).map(([name, c]) => `${c < 0 ? '-' : '+'} ${Math.abs(c)} ${name}`);
  const lp = [
    'Maximize',
    ` obj: ${objective.length ? objective.join(' ') : '0 dummy'}`,
    'Subject To',
    ...(rows.length ? rows : [' c0: dummy >= 0']),
    'Bounds',
    ...continuous.map((c) => ` 0 <= ${c} <= 1`),
    ...(objective.length ? [] : [' 0 <= dummy <= 0']),
    'Binary',
    ` ${binaries.join(' ')}`,
    'End',
  ].join('\n');

  // Gaps of zero: the objective is large (coverage × BIG), so HiGHS's default relative gap would
  // call a schedule with minutes of idle to spare "optimal".
  const result = highs.solve(lp, { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.5, ...(options.timeLimitSeconds ? { time_limit: options.timeLimitSeconds } : {}) });
  const on = (name: string) => ((result.Columns[name] as { Primal?: number } | undefined)?.Primal ?? 0) > 0.5;
  const solution: Solution = { format: SOLUTION_FORMAT, assignments: [], unscheduled: [] };
  const placed = new Set<string>();
  for (const v of vars) {
    if (!on(v.name) || placed.has(v.request)) continue;
    placed.add(v.request);
    solution.assignments.push({ request: v.request, evening: evenings[v.e]!.id, start: clockOf(evenings[v.e]!.start + v.s * step), interpreter: v.interpreter >= 0 ? inst.interpreters[v.interpreter]!.id : null });
  }
  for (const f of inst.families) for (const q of f.requests) if (!placed.has(q.id)) solution.unscheduled.push({ request: q.id, reason: 'not_placed' });
  const scheduledWeight = vars.filter((v) => on(v.name)).reduce((n, v) => n + v.priority, 0);
  return {
    status: result.Status,
    optimal: result.Status === 'Optimal',
    solution,
    weight: scheduledWeight,
    familyIdle: Math.max(0, Math.round(scheduledWeight * BIG - result.ObjectiveValue)),
    variables: vars.length,
  };
}

/**
 * The scheduler: every requested meeting of a round placed at once, each family's meetings back to
 * back, interpreters and teachers' evenings compact (FORMAT.md's lexicographic objective). Pure:
 * the seed, the time budget and the clock to measure it come in as arguments.
 *
 * How (docs/decisions/009-scheduler.md has the reasons):
 *  1. Construction. Locked meetings first. Then families hardest first (most minutes asked for,
 *     an interpreter needed, fewest minutes free), each placed as one BLOCK: for every evening it
 *     may come, every start, and a few orders of its requests, the meetings are laid end to end
 *     (plus the walk when the room changes, sliding one later when a teacher is busy) and the
 *     block with the least family idle time wins — ties going to the one that leaves the
 *     teachers' evenings most compact. A family whose whole block fits nowhere gets its requests
 *     one by one, highest priority first, each where it adds least idle time.
 *  2. Improvement, a large neighbourhood search until the budget is spent: take a family and up
 *     to a few families sharing a teacher with it, lift out all their (unlocked) meetings, put them
 *     back in a random order with the same block insertion (unscheduled requests get another
 *     try), and keep the result if the objective is no worse — else undo.
 *
 * Worked example: Ms Ahn and Mr Bell, 10-minute meetings from 16:00, the Kims want both and the
 * Lees want Mr Bell. Hardest first: the Kims (two meetings). Their block at 16:00 — Ahn 16:00,
 * walk, Bell 16:20 — has 10 idle minutes (the walk, a 5-minute walk rounded up to the grid);
 * Bell 16:00, Ahn 16:20 the same; the first found is kept. The Lees' one meeting goes next to Mr
 * Bell's, at 16:30 (0 idle, his evening stays in one piece), not at 16:00.
 */
import { seededRandom as random } from '../random';
import { clockOf, minutesOf, SOLUTION_FORMAT, type Instance, type Solution, type UnscheduledReason } from './format';

export interface SolveOptions {
  seed: number;
  /** Milliseconds of improvement after the construction (0: construction only). */
  timeLimitMs?: number;
  /** The clock the budget is measured by (the caller's; the module reads none). */
  clock?: () => number;
  /** A cap on improvement rounds, whatever the clock (for deterministic tests). */
  maxIterations?: number;
  onProgress?: (p: { fraction: number; iteration: number; score: Score }) => void;
  /**
   * The schedule to change as little as possible (a re-run after the admin locked some meetings or
   * something changed): construction starts from its meetings that still fit where they were, and
   * the objective gains `moved` — after the weight and the family idle, before the teacher idle.
   */
  previous?: Solution;
}

/**
 * The objective, lexicographic: more scheduled weight, then less family idle, then (re-running
 * from a previous schedule) fewer of its meetings moved, then less teacher idle. So a re-run moves
 * a meeting only to place one more or to spare a family waiting — never just to tidy a teacher's
 * evening once families have been given times.
 */
export interface Score {
  weight: number;
  familyIdle: number;
  /** Meetings of the previous schedule now elsewhere (another time or interpreter) or not placed; 0 without one. */
  moved: number;
  teacherIdle: number;
}
export const better = (a: Score, b: Score) =>
  a.weight !== b.weight ? a.weight > b.weight : a.familyIdle !== b.familyIdle ? a.familyIdle < b.familyIdle : a.moved !== b.moved ? a.moved < b.moved : a.teacherIdle < b.teacherIdle;
const same = (a: Score, b: Score) => a.weight === b.weight && a.familyIdle === b.familyIdle && a.moved === b.moved && a.teacherIdle === b.teacherIdle;


interface Req {
  id: string;
  family: number;
  teacher: number;
  len: number;
  priority: number;
  language: string | null;
  locked: { evening: number; start: number; interpreter: number } | null;
}
interface Placement {
  evening: number;
  start: number;
  interpreter: number;
}

/** Everything in slots: evening e runs slots 0..slots[e]-1; masks say who is free when. */
function compile(inst: Instance, previous?: Solution) {
  const step = inst.slotMinutes;
  const evenings = inst.evenings.map((e) => ({ id: e.id, start: minutesOf(e.start), slots: (minutesOf(e.end) - minutesOf(e.start)) / step }));
  const eveningIndex = new Map(evenings.map((e, i) => [e.id, i]));
  // Per person and evening, for each slot s: the furthest end (in slots) of one window that holds s
  // (0: none). A meeting [s, s+len) lies wholly inside ONE window, as FORMAT.md asks, exactly when
  // reach[s] >= s + len — two windows that touch ("16:00–16:20", "16:20–16:40") do not make one.
  const mask = (windows: Instance['teachers'][number]['available']) =>
    evenings.map((e, ei) => {
      const reach = new Int32Array(e.slots);
      for (const w of windows) {
        if (eveningIndex.get(w.evening) !== ei) continue;
        const end = (minutesOf(w.end) - e.start) / step;
        for (let s = (minutesOf(w.start) - e.start) / step; s < end; s++) if (reach[s]! < end) reach[s] = end;
      }
      return reach;
    });
  const teacherIndex = new Map(inst.teachers.map((t, i) => [t.id, i]));
  const interpreterIndex = new Map(inst.interpreters.map((p, i) => [p.id, i]));
  const teachers = inst.teachers.map((t) => ({ id: t.id, room: t.room ?? `teacher:${t.id}`, languages: new Set(t.languages), max: t.maxMeetings ?? Number.POSITIVE_INFINITY, avail: mask(t.available) }));
  const interpreters = inst.interpreters.map((p) => ({ id: p.id, languages: new Set(p.languages), avail: mask(p.available) }));
  const families = inst.families.map((f) => ({ id: f.id, oneEvening: f.oneEvening, avail: mask(f.available), requests: [] as number[] }));
  const locks = new Map(inst.locked.map((l) => [l.request, l]));
  const reqs: Req[] = [];
  inst.families.forEach((f, fi) =>
    f.requests.forEach((q) => {
      const teacher = teacherIndex.get(q.teacher)!;
      const language = f.language && !teachers[teacher]!.languages.has(f.language) ? f.language : null;
      const l = locks.get(q.id);
      const ei = l ? eveningIndex.get(l.evening)! : -1;
      families[fi]!.requests.push(reqs.length);
      reqs.push({
        id: q.id,
        family: fi,
        teacher,
        len: q.minutes / step,
        priority: q.priority,
        language,
        locked: l ? { evening: ei, start: (minutesOf(l.start) - evenings[ei]!.start) / step, interpreter: l.interpreter ? (interpreterIndex.get(l.interpreter) ?? -1) : -1 } : null,
      });
    }),
  );
  // Where the previous schedule had each request (evening, slot, interpreter), if it had it and it is still on this grid.
  const hint: Array<Placement | null> = reqs.map(() => null);
  if (previous) {
    const reqIndex = new Map(reqs.map((q, r) => [q.id, r]));
    for (const a of previous.assignments) {
      const r = reqIndex.get(a.request);
      const e = eveningIndex.get(a.evening);
      if (r === undefined || e === undefined) continue;
      const start = (minutesOf(a.start) - evenings[e]!.start) / step;
      if (!Number.isInteger(start)) continue;
      hint[r] = { evening: e, start, interpreter: a.interpreter ? (interpreterIndex.get(a.interpreter) ?? -1) : -1 };
    }
  }
  return { step, walk: Math.ceil(inst.walkMinutes / step), evenings, teachers, interpreters, families, reqs, hint };
}
type Model = ReturnType<typeof compile>;

/** Who is busy when (request index + 1 in each slot), and where each request is. */
class State {
  tBusy: Int32Array[][];
  fBusy: Int32Array[][];
  iBusy: Int32Array[][];
  at: Array<Placement | null>;
  tCount: Int32Array;
  constructor(readonly m: Model) {
    const grid = () => m.evenings.map((e) => new Int32Array(e.slots));
    this.tBusy = m.teachers.map(grid);
    this.fBusy = m.families.map(grid);
    this.iBusy = m.interpreters.map(grid);
    this.at = m.reqs.map(() => null);
    this.tCount = new Int32Array(m.teachers.length);
  }

  place(r: number, p: Placement): void {
    const q = this.m.reqs[r]!;
    for (let s = p.start; s < p.start + q.len; s++) {
      this.tBusy[q.teacher]![p.evening]![s] = r + 1;
      this.fBusy[q.family]![p.evening]![s] = r + 1;
      if (p.interpreter >= 0) this.iBusy[p.interpreter]![p.evening]![s] = r + 1;
    }
    this.at[r] = p;
    this.tCount[q.teacher]! += 1;
  }

  remove(r: number): Placement | null {
    const p = this.at[r];
    if (!p) return null;
    const q = this.m.reqs[r]!;
    for (let s = p.start; s < p.start + q.len; s++) {
      this.tBusy[q.teacher]![p.evening]![s] = 0;
      this.fBusy[q.family]![p.evening]![s] = 0;
      if (p.interpreter >= 0) this.iBusy[p.interpreter]![p.evening]![s] = 0;
    }
    this.at[r] = null;
    this.tCount[q.teacher]! -= 1;
    return p;
  }

  /** The evening a one-evening family is already coming (−1: none yet). */
  familyEvening(f: number): number {
    for (const r of this.m.families[f]!.requests) if (this.at[r]) return this.at[r]!.evening;
    return -1;
  }

  /**
   * Whether request r fits at (e, s) for the teacher and the family (availability, nobody busy,
   * the walk between rooms, the cap); returns the interpreter to use (−1: none needed), or null.
   */
  fits(r: number, e: number, s: number, interpreter = -2): number | null {
    const m = this.m;
    const q = m.reqs[r]!;
    const slots = m.evenings[e]!.slots;
    if (s < 0 || s + q.len > slots) return null;
    if (this.tCount[q.teacher]! >= m.teachers[q.teacher]!.max) return null;
    const t = m.teachers[q.teacher]!;
    const tA = t.avail[e]!;
    const fA = m.families[q.family]!.avail[e]!;
    const tB = this.tBusy[q.teacher]![e]!;
    const fB = this.fBusy[q.family]![e]!;
    if (tA[s]! < s + q.len || fA[s]! < s + q.len) return null;
    for (let k = s; k < s + q.len; k++) if (tB[k] || fB[k]) return null;
    if (m.walk > 0) {
      for (let k = Math.max(0, s - m.walk); k < Math.min(slots, s + q.len + m.walk); k++) {
        if (k >= s && k < s + q.len) continue;
        const other = fB[k]!;
        if (other && m.teachers[m.reqs[other - 1]!.teacher]!.room !== t.room) return null;
      }
    }
    if (m.families[q.family]!.oneEvening) {
      const on = this.familyEvening(q.family);
      if (on >= 0 && on !== e) return null;
    }
    if (!q.language) return -1;
    const free = (i: number) => {
      const p = m.interpreters[i]!;
      if (!p.languages.has(q.language!)) return false;
      if (p.avail[e]![s]! < s + q.len) return false;
      const b = this.iBusy[i]![e]!;
      for (let k = s; k < s + q.len; k++) if (b[k]) return false;
      return true;
    };
    if (interpreter >= -1) return interpreter >= 0 && free(interpreter) ? interpreter : null;
    // Prefer an interpreter whose evening this meeting continues (compact), then the busiest.
    let best = -1;
    let bestScore = -1;
    for (let i = 0; i < m.interpreters.length; i++) {
      if (!free(i)) continue;
      const b = this.iBusy[i]![e]!;
      const score = (s > 0 && b[s - 1] ? 1000 : 0) + (s + q.len < b.length && b[s + q.len] ? 1000 : 0) + b.reduce((n, x) => n + (x ? 1 : 0), 0);
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    }
    return best >= 0 ? best : null;
  }

  /** Idle slots of a busy row: from first to last busy slot, the ones not busy. */
  static idleOf(row: Int32Array): number {
    let first = -1;
    let last = -1;
    let busy = 0;
    for (let k = 0; k < row.length; k++) {
      if (row[k]) {
        if (first < 0) first = k;
        last = k;
        busy++;
      }
    }
    return first < 0 ? 0 : last - first + 1 - busy;
  }

  /** How much teacher t's evening e would lengthen beyond the meeting's own slots if it went at s. */
  teacherSpread(t: number, e: number, s: number, len: number): number {
    const row = this.tBusy[t]![e]!;
    let first = -1;
    let last = -1;
    for (let k = 0; k < row.length; k++) {
      if (!row[k]) continue;
      if (first < 0) first = k;
      last = k;
    }
    if (first < 0) return 0;
    const span = last - first + 1;
    return Math.max(last, s + len - 1) - Math.min(first, s) + 1 - span - len;
  }

  score(): Score {
    let weight = 0;
    for (let r = 0; r < this.at.length; r++) if (this.at[r]) weight += this.m.reqs[r]!.priority;
    let familyIdle = 0;
    for (const rows of this.fBusy) for (const row of rows) familyIdle += State.idleOf(row);
    let teacherIdle = 0;
    for (const rows of this.tBusy) for (const row of rows) teacherIdle += State.idleOf(row);
    let moved = 0;
    this.m.hint.forEach((h, r) => {
      const p = this.at[r];
      if (h && (!p || p.evening !== h.evening || p.start !== h.start || p.interpreter !== h.interpreter)) moved++;
    });
    return { weight, familyIdle: familyIdle * this.m.step, moved, teacherIdle: teacherIdle * this.m.step };
  }
}

const permutations = <T>(xs: T[]): T[][] => (xs.length <= 1 ? [xs] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p])));

/** Orders of a family's requests to try as a block: all of them up to 4, else a few (scarcest teacher first, and shuffles). */
function ordersOf(st: State, reqs: number[], rand: () => number): number[][] {
  if (reqs.length <= 4) return permutations(reqs);
  const load = (r: number) => -st.tCount[st.m.reqs[r]!.teacher]!;
  const orders = [[...reqs].sort((a, b) => load(a) - load(b)), [...reqs].sort((a, b) => load(b) - load(a))];
  for (let k = 0; k < 4; k++) orders.push([...reqs].sort(() => rand() - 0.5));
  return orders;
}

/**
 * The family's requests (none placed) as one block where it costs least; places it and returns
 * true, or places nothing and returns false.
 */
function insertBlock(st: State, f: number, reqs: number[], rand: () => number): boolean {
  const m = st.m;
  const fam = m.families[f]!;
  const fixed = fam.oneEvening ? st.familyEvening(f) : -1;
  let best: { cost: number; spread: number; plan: Array<[number, Placement]> } | null = null;
  const orders = ordersOf(st, reqs, rand);
  for (let e = 0; e < m.evenings.length; e++) {
    if (fixed >= 0 && e !== fixed) continue;
    const slots = m.evenings[e]!.slots;
    const fA = fam.avail[e]!;
    for (let s0 = 0; s0 < slots; s0++) {
      if (!fA[s0]) continue;
      for (const order of orders) {
        const plan: Array<[number, Placement]> = [];
        let pos = s0;
        let ok = true;
        let spread = 0;
        for (const r of order) {
          const len = m.reqs[r]!.len;
          let placedAt = -1;
          // Slide later (idle time) at most as far as the meeting's own length plus the walk.
          for (let s = pos; s <= pos + len + m.walk && s + len <= slots; s++) {
            const i = st.fits(r, e, s);
            if (i !== null) {
              placedAt = s;
              spread += st.teacherSpread(m.reqs[r]!.teacher, e, s, len);
              st.place(r, { evening: e, start: s, interpreter: i });
              plan.push([r, { evening: e, start: s, interpreter: i }]);
              break;
            }
          }
          if (placedAt < 0) {
            ok = false;
            break;
          }
          pos = placedAt + len;
        }
        for (const [r] of plan) st.remove(r);
        if (!ok) continue;
        const cost = State.idleOf(blockRow(plan, m, e));
        if (!best || cost < best.cost || (cost === best.cost && spread < best.spread)) best = { cost, spread, plan };
        if (best.cost === 0 && best.spread === 0) break;
      }
    }
  }
  if (!best) return false;
  // The family may already have locked meetings on that evening: re-check each one as it goes in.
  for (const [r, p] of best.plan) {
    const i = st.fits(r, p.evening, p.start, p.interpreter);
    if (i === null) {
      for (const [x] of best.plan) st.remove(x);
      return false;
    }
    st.place(r, { ...p, interpreter: i });
  }
  return true;
}

function blockRow(plan: Array<[number, Placement]>, m: Model, e: number): Int32Array {
  const row = new Int32Array(m.evenings[e]!.slots);
  for (const [r, p] of plan) for (let k = p.start; k < p.start + m.reqs[r]!.len; k++) row[k] = r + 1;
  return row;
}

/** One request where it adds least idle time to its family (then to its teacher); false if nowhere. */
function insertOne(st: State, r: number): boolean {
  const m = st.m;
  const q = m.reqs[r]!;
  let best: { cost: number; p: Placement } | null = null;
  for (let e = 0; e < m.evenings.length; e++) {
    const row = st.fBusy[q.family]![e]!;
    const before = State.idleOf(row);
    for (let s = 0; s + q.len <= m.evenings[e]!.slots; s++) {
      const i = st.fits(r, e, s);
      if (i === null) continue;
      st.place(r, { evening: e, start: s, interpreter: i });
      const cost = (State.idleOf(row) - before) * 1000 + st.teacherSpread(q.teacher, e, s, q.len);
      st.remove(r);
      if (!best || cost < best.cost) best = { cost, p: { evening: e, start: s, interpreter: i } };
    }
  }
  if (!best) return false;
  st.place(r, best.p);
  return true;
}

/** A family's unplaced requests: as a block if they fit so, else one by one (highest priority first). */
function insertFamily(st: State, f: number, rand: () => number): void {
  const open = st.m.families[f]!.requests.filter((r) => !st.at[r] && !st.m.reqs[r]!.locked);
  if (open.length === 0) return;
  if (insertBlock(st, f, open, rand)) return;
  for (const r of [...open].sort((a, b) => st.m.reqs[b]!.priority - st.m.reqs[a]!.priority)) insertOne(st, r);
}

/** Why a request is not placed, for the admin: no common time at all, the teacher full, no interpreter, or the others came first. */
function reasonOf(st: State, r: number): UnscheduledReason {
  const m = st.m;
  const q = m.reqs[r]!;
  let common = false;
  let interpreted = false;
  for (let e = 0; e < m.evenings.length; e++) {
    const tA = m.teachers[q.teacher]!.avail[e]!;
    const fA = m.families[q.family]!.avail[e]!;
    for (let s = 0; s + q.len <= tA.length; s++) {
      if (tA[s]! < s + q.len || fA[s]! < s + q.len) continue;
      common = true;
      if (!q.language || m.interpreters.some((p) => p.languages.has(q.language!) && p.avail[e]![s]! >= s + q.len)) interpreted = true;
    }
  }
  if (!common) return 'no_common_time';
  if (st.tCount[q.teacher]! >= m.teachers[q.teacher]!.max) return 'teacher_full';
  if (!interpreted) return 'no_interpreter';
  return 'conflict';
}

export interface SolveResult {
  solution: Solution;
  score: Score;
  iterations: number;
  constructed: Score;
}

/**
 * A solver that works in steps, for a caller that must stay responsive (the server runs it between
 * other requests and reports progress): construct at creation, then `improve(n)` runs up to n
 * rounds of the search and says whether anything is left to gain. `solve` below is the same run in
 * one go; for a seed, the same number of rounds gives the same schedule either way.
 */
export interface Solver {
  readonly constructed: Score;
  readonly iterations: number;
  score(): Score;
  /** Runs up to n improvement rounds; false once nothing can improve (everything placed, nobody waiting, nothing moved). */
  improve(n: number): boolean;
  result(): SolveResult;
}

export function createSolver(inst: Instance, options: Pick<SolveOptions, 'seed' | 'previous'>): Solver {
  const m = compile(inst, options.previous);
  const rand = random(options.seed);
  const st = new State(m);

  // Locked meetings, exactly as given (the validator reports any that cannot be as locked).
  placeLocked(st);
  // The previous schedule's meetings that still fit where they were (with the same interpreter if
  // they can, else another free one).
  m.hint.forEach((h, r) => {
    if (!h || m.reqs[r]!.locked || st.at[r]) return;
    const i = st.fits(r, h.evening, h.start, m.reqs[r]!.language ? h.interpreter : -1) ?? st.fits(r, h.evening, h.start);
    if (i !== null) st.place(r, { evening: h.evening, start: h.start, interpreter: i });
  });

  // Hardest families first.
  const freeSlots = (f: number) => m.families[f]!.avail.reduce((n, a) => n + a.reduce((x, y, s) => x + (y > s ? 1 : 0), 0), 0);
  const asked = (f: number) => m.families[f]!.requests.reduce((n, r) => n + m.reqs[r]!.len, 0);
  const interp = (f: number) => (m.families[f]!.requests.some((r) => m.reqs[r]!.language) ? 1 : 0);
  const order = m.families.map((_, f) => f).sort((a, b) => asked(b) - asked(a) || interp(b) - interp(a) || freeSlots(a) - freeSlots(b) || a - b);
  for (const f of order) insertFamily(st, f, rand);
  const constructed = st.score();

  // Large neighbourhood search.
  const familiesOfTeacher = m.teachers.map(() => [] as number[]);
  m.families.forEach((fam, f) => new Set(fam.requests.map((r) => m.reqs[r]!.teacher)).forEach((t) => familiesOfTeacher[t]!.push(f)));
  let score = constructed;
  const totalWeight = m.reqs.reduce((n, q) => n + q.priority, 0);
  let iterations = 0;
  const optimal = () => score.weight === totalWeight && score.familyIdle === 0 && score.moved === 0 && score.teacherIdle === 0;

  function round(): void {
    iterations++;
    const seedFamily = Math.floor(rand() * m.families.length);
    const chosen = new Set([seedFamily]);
    const size = 1 + Math.floor(rand() * 6);
    const teachersOf = [...new Set(m.families[seedFamily]!.requests.map((r) => m.reqs[r]!.teacher))];
    for (let k = 0; k < size * 2 && chosen.size < size && teachersOf.length; k++) {
      const pool = familiesOfTeacher[teachersOf[Math.floor(rand() * teachersOf.length)]!]!;
      chosen.add(pool[Math.floor(rand() * pool.length)]!);
    }
    const undo: Array<[number, Placement | null]> = [];
    for (const f of chosen) for (const r of m.families[f]!.requests) if (!m.reqs[r]!.locked) undo.push([r, st.remove(r)]);
    const families = [...chosen].sort(() => rand() - 0.5);
    for (const f of families) insertFamily(st, f, rand);
    const next = st.score();
    if (better(next, score) || same(next, score)) {
      score = next;
    } else {
      for (const f of chosen) for (const r of m.families[f]!.requests) if (!m.reqs[r]!.locked) st.remove(r);
      for (const [r, p] of undo) if (p) st.place(r, p);
    }
  }

  return {
    constructed,
    get iterations() {
      return iterations;
    },
    score: () => score,
    improve(n) {
      for (let k = 0; k < n; k++) {
        if (m.families.length === 0 || optimal()) return false;
        round();
      }
      return !(m.families.length === 0 || optimal());
    },
    result: () => ({ solution: solutionOf(st), score, iterations, constructed }),
  };
}

export function solve(inst: Instance, options: SolveOptions): SolveResult {
  const solver = createSolver(inst, options);
  const clock = options.clock;
  const budget = options.timeLimitMs ?? 0;
  const started = clock ? clock() : 0;
  const maxIterations = options.maxIterations ?? (clock ? Number.POSITIVE_INFINITY : 0);
  while (solver.iterations < maxIterations) {
    if (clock && clock() - started >= budget) break;
    if (!solver.improve(1)) break;
    const iteration = solver.iterations;
    if (options.onProgress && iteration % 50 === 0) options.onProgress({ fraction: clock && budget > 0 ? Math.min(1, (clock() - started) / budget) : iteration / maxIterations, iteration, score: solver.score() });
  }
  return solver.result();
}

function solutionOf(st: State): Solution {
  const m = st.m;
  const solution: Solution = { format: SOLUTION_FORMAT, assignments: [], unscheduled: [] };
  m.reqs.forEach((q, r) => {
    const p = st.at[r];
    if (p) solution.assignments.push({ request: q.id, evening: m.evenings[p.evening]!.id, start: clockOf(m.evenings[p.evening]!.start + p.start * m.step), interpreter: p.interpreter >= 0 ? m.interpreters[p.interpreter]!.id : null });
    else solution.unscheduled.push({ request: q.id, reason: reasonOf(st, r) });
  });
  return solution;
}

function placeLocked(st: State): void {
  st.m.reqs.forEach((q, r) => {
    if (!q.locked || q.locked.evening < 0) return;
    // A lock that names no interpreter for a meeting that needs one gets a free one, if any.
    const interpreter = !q.language ? -1 : q.locked.interpreter >= 0 ? q.locked.interpreter : (st.fits(r, q.locked.evening, q.locked.start) ?? -1);
    st.place(r, { evening: q.locked.evening, start: q.locked.start, interpreter });
  });
}

/**
 * The baseline the scheduler is measured against: self-booking, first come first served — the
 * families in a random order, each booking every one of its meetings at the earliest time still free.
 */
export function firstComeFirstServed(inst: Instance, seed: number): Solution {
  const m = compile(inst);
  const rand = random(seed);
  const st = new State(m);
  placeLocked(st);
  const order = m.families.map((_, f) => f);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (const f of order) {
    for (const r of m.families[f]!.requests) {
      if (st.at[r]) continue;
      search: for (let e = 0; e < m.evenings.length; e++) {
        for (let s = 0; s + m.reqs[r]!.len <= m.evenings[e]!.slots; s++) {
          const i = st.fits(r, e, s);
          if (i !== null) {
            st.place(r, { evening: e, start: s, interpreter: i });
            break search;
          }
        }
      }
    }
  }
  return solutionOf(st);
}

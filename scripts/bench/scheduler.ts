/**
 * npm run bench:scheduler — the round scheduler on generated schools (src/domain/scheduling/generate.ts):
 * for each instance, the solver's time, coverage, family idle (mean, max) and teacher idle, every
 * solution checked by the independent validator; the same figures for first-come-first-served
 * self-booking; for planted instances, the known optimum (everything placed, 0 idle); and for
 * small schools, the optimum HiGHS proves (src/domain/scheduling/exact.ts).
 * Figures, not pass/fail. `--quick` shrinks the budgets.
 */
import type { Instance } from '../../src/domain/scheduling/format';
import loadHighs from 'highs';
import { solveExact } from '../../src/domain/scheduling/exact';
import { plantedSchool, primarySchool, secondarySchool, smallSchool } from '../../src/domain/scheduling/generate';
import { firstComeFirstServed, solve } from '../../src/domain/scheduling/solve';
import { validate } from '../../src/domain/scheduling/validate';

const quick = process.argv.includes('--quick');
const cases: Array<{ name: string; make: () => Instance; budgetMs: number; optimum?: string }> = [
  { name: 'primary (450 families, 33 teachers, 2 evenings)', make: () => primarySchool(1), budgetMs: 2_500 },
  { name: 'primary, oversubscribed specialists', make: () => primarySchool(2, { oversubscribed: true }), budgetMs: 2_500 },
  { name: 'secondary (1,000 families, 100 teachers, 6–10 each)', make: () => secondarySchool(3), budgetMs: 9_000 },
  { name: 'planted (30 teachers × 18 slots × 2 evenings)', make: () => plantedSchool(4), budgetMs: 3_000, optimum: '100 %, idle 0' },
  { name: 'planted large (80 teachers × 20 slots × 3 evenings)', make: () => plantedSchool(5, { teachers: 80, slots: 20, evenings: 3 }), budgetMs: 6_000, optimum: '100 %, idle 0' },
];

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
const fixed = (x: number) => x.toFixed(1);

for (const c of cases) {
  const inst = c.make();
  const requests = inst.families.reduce((n, f) => n + f.requests.length, 0);
  const t0 = performance.now();
  const result = solve(inst, { seed: 1, timeLimitMs: quick ? c.budgetMs / 10 : c.budgetMs, clock: () => performance.now() });
  const seconds = (performance.now() - t0) / 1000;
  const v = validate(inst, result.solution);
  const b = validate(inst, firstComeFirstServed(inst, 1));
  console.log(`\n${c.name}: ${inst.families.length} families, ${requests} requests`);
  console.log(`  solver    ${v.valid ? 'valid' : 'INVALID ' + JSON.stringify(v.violations.slice(0, 3))} · ${seconds.toFixed(2)} s (${result.iterations} LNS rounds) · coverage ${pct(v.measures.coverage)} (weighted ${pct(v.measures.weightedCoverage)}) · family idle mean ${fixed(v.measures.familyIdle.mean)} min, max ${v.measures.familyIdle.max} · teacher idle ${v.measures.teacherIdle.total} min (mean ${fixed(v.measures.teacherIdle.mean)})`);
  console.log(`  built     family idle total ${result.constructed.familyIdle} → ${result.score.familyIdle} after the search`);
  console.log(`  baseline  ${b.valid ? 'valid' : 'INVALID'} · coverage ${pct(b.measures.coverage)} (weighted ${pct(b.measures.weightedCoverage)}) · family idle mean ${fixed(b.measures.familyIdle.mean)} min, max ${b.measures.familyIdle.max} · teacher idle ${b.measures.teacherIdle.total} min`);
  if (c.optimum) console.log(`  optimum   ${c.optimum} (planted)`);
}

// Small schools: how far the solver is from the proved optimum.
const highs = await loadHighs();
console.log('\nsmall schools against the HiGHS optimum (weight = Σ priority of placed requests; idle = total family idle minutes)');
for (const [seed, families, teachers] of [[1, 8, 3], [2, 10, 3], [3, 12, 4], [5, 10, 3], [6, 12, 3]] as const) {
  const inst = smallSchool(seed, { families, teachers });
  const t0 = performance.now();
  const exact = solveExact(highs, inst, { timeLimitSeconds: quick ? 10 : 60 });
  const exactSeconds = (performance.now() - t0) / 1000;
  const ours = validate(inst, solve(inst, { seed: 1, timeLimitMs: quick ? 100 : 500, clock: () => performance.now() }).solution);
  const ev = validate(inst, exact.solution);
  console.log(
    `  small #${seed} (${families} families, ${teachers} teachers): HiGHS ${exact.status} in ${exactSeconds.toFixed(1)} s — weight ${exact.weight}, idle ${ev.measures.familyIdle.total} · solver ${ours.valid ? 'valid' : 'INVALID'} — weight ${ours.measures.scheduledWeight}, idle ${ours.measures.familyIdle.total} (${ours.measures.familyIdle.total - ev.measures.familyIdle.total >= 0 ? '+' : ''}${ours.measures.familyIdle.total - ev.measures.familyIdle.total} min)`,
  );
}

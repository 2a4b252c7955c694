/**
 * `confer schedule` — the scheduler on files (FORMAT.md):
 *   confer schedule INSTANCE.json [--out SOLUTION.json] [--time-limit SECONDS] [--seed N]
 *       writes the solution (to stdout without --out) and a one-line summary to stderr
 *   confer schedule --check INSTANCE.json SOLUTION.json
 *       validates and prints the measures as JSON; exit 0 valid, 1 invalid, 2 unreadable
 *   confer schedule --exact INSTANCE.json [--out SOLUTION.json] [--time-limit SECONDS]
 *       the HiGHS reference (small instances): the proved optimum, or the best found in the time
 * The file reading and the clock are here; the solver and the validator are pure.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { readInstance, readSolution, type Problem, type Read } from '../domain/scheduling/format';
import { solveExact } from '../domain/scheduling/exact';
import { solve } from '../domain/scheduling/solve';
import { validate } from '../domain/scheduling/validate';

export const scheduleUsage = `Usage:
  confer schedule INSTANCE.json [--out SOLUTION.json] [--time-limit SECONDS] [--seed N]
  confer schedule --check INSTANCE.json SOLUTION.json
  confer schedule --exact INSTANCE.json [--out SOLUTION.json] [--time-limit SECONDS]
`;

/** A file's JSON read by `reader`; the problems (with paths) when it cannot be. */
async function load<T>(file: string, reader: (json: unknown) => Read<T>): Promise<{ value: T } | { problems: Problem[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    return { problems: [{ path: file, message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})` }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { problems: [{ path: file, message: `is not JSON: ${(err as Error).message}` }] };
  }
  const read = reader(json);
  return read.ok ? { value: read.value } : { problems: read.problems.map((p) => ({ path: `${file}: ${p.path}`, message: p.message })) };
}

const report = (problems: Problem[]) => {
  for (const p of problems.slice(0, 50)) console.error(`${p.path}: ${p.message}`);
  if (problems.length > 50) console.error(`… and ${problems.length - 50} more`);
};

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function scheduleCommand(args: string[]): Promise<number> {
  if (args.includes('--help') || args.length === 0) {
    console.log(scheduleUsage);
    return args.length === 0 ? 2 : 0;
  }
  if (args.includes('--check')) {
    const [instanceFile, solutionFile] = args.filter((a) => a !== '--check');
    if (!instanceFile || !solutionFile) {
      console.error(scheduleUsage);
      return 2;
    }
    const inst = await load(instanceFile, readInstance);
    const sol = await load(solutionFile, readSolution);
    if ('problems' in inst || 'problems' in sol) {
      report([...('problems' in inst ? inst.problems : []), ...('problems' in sol ? sol.problems : [])]);
      return 2;
    }
    const v = validate(inst.value, sol.value);
    console.log(JSON.stringify({ valid: v.valid, violations: v.violations, measures: v.measures }, null, 2));
    return v.valid ? 0 : 1;
  }
  if (args.includes('--exact')) {
    const instanceFile = args.find((a, i) => !a.startsWith('--') && !['--out', '--time-limit'].includes(args[i - 1] ?? ''));
    if (!instanceFile) {
      console.error(scheduleUsage);
      return 2;
    }
    const inst = await load(instanceFile, readInstance);
    if ('problems' in inst) {
      report(inst.problems);
      return 2;
    }
    const { default: loadHighs } = await import('highs');
    const started = performance.now();
    const exact = solveExact(await loadHighs(), inst.value, { timeLimitSeconds: Number(option(args, '--time-limit') ?? '300') });
    const v = validate(inst.value, exact.solution);
    const text = `${JSON.stringify(exact.solution, null, 2)}\n`;
    const out = option(args, '--out');
    if (out) await writeFile(out, text);
    else process.stdout.write(text);
    console.error(`HiGHS: ${exact.status} in ${((performance.now() - started) / 1000).toFixed(1)} s (${exact.variables} variables) · ${v.valid ? 'valid' : 'INVALID'} · ${v.measures.scheduled}/${v.measures.requests} requests, weight ${exact.weight} · family idle ${v.measures.familyIdle.total} min`);
    return v.valid ? 0 : 1;
  }
  const instanceFile = args.find((a, i) => !a.startsWith('--') && !['--out', '--time-limit', '--seed'].includes(args[i - 1] ?? ''));
  if (!instanceFile) {
    console.error(scheduleUsage);
    return 2;
  }
  const seconds = Number(option(args, '--time-limit') ?? '5');
  const seed = Number(option(args, '--seed') ?? '1');
  if (!Number.isFinite(seconds) || seconds < 0 || !Number.isInteger(seed)) {
    console.error('--time-limit takes seconds (a number ≥ 0) and --seed a whole number.');
    return 2;
  }
  const inst = await load(instanceFile, readInstance);
  if ('problems' in inst) {
    report(inst.problems);
    return 2;
  }
  const started = performance.now();
  const result = solve(inst.value, { seed, timeLimitMs: seconds * 1000, clock: () => performance.now() });
  const ms = performance.now() - started;
  const v = validate(inst.value, result.solution);
  const text = `${JSON.stringify(result.solution, null, 2)}\n`;
  const out = option(args, '--out');
  if (out) await writeFile(out, text);
  else process.stdout.write(text);
  const m = v.measures;
  console.error(
    `${v.valid ? 'valid' : 'INVALID'} · ${m.scheduled}/${m.requests} requests (${(m.coverage * 100).toFixed(1)} %) · family idle mean ${m.familyIdle.mean.toFixed(1)} min, max ${m.familyIdle.max} · teacher idle ${m.teacherIdle.total} min · ${result.iterations} rounds in ${(ms / 1000).toFixed(2)} s`,
  );
  return v.valid ? 0 : 1;
}

/**
 * The scheduler's file format, `confer-schedule/1` (../shared/scheduling/FORMAT.md): an instance
 * (evenings, teachers, interpreters, families with their requests, locked meetings) and a solution
 * (an assignment or a reason for every request). Reading checks the shape with zod and then what
 * zod cannot see — times on the slot grid, ids that exist and are unique, windows inside their
 * evening — and names the bad field by its path, so a person can find it in their file:
 *
 *   readInstance({ …, teachers: [{ id: 't1', available: [{ evening: 'e9', … }] }] })
 *     → { ok: false, problems: [{ path: 'teachers[0].available[0].evening', message: 'no evening "e9"' }] }
 *
 * Pure: no I/O. Extra fields are allowed and ignored (zod's default object strips them).
 */
import { z } from 'zod';

export const INSTANCE_FORMAT = 'confer-schedule/1';
export const SOLUTION_FORMAT = 'confer-schedule-solution/1';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM');
const ident = z.string().min(1, 'an id');
const window = z.object({ evening: ident, start: hhmm, end: hhmm });

export const instanceSchema = z.object({
  format: z.literal(INSTANCE_FORMAT),
  slotMinutes: z.number().int().positive(),
  walkMinutes: z.number().int().min(0).default(0),
  evenings: z.array(z.object({ id: ident, date: z.iso.date(), start: hhmm, end: hhmm })).min(1),
  teachers: z.array(z.object({ id: ident, room: z.string().nullable().optional(), languages: z.array(z.string()).default([]), available: z.array(window), maxMeetings: z.number().int().min(0).optional() })),
  interpreters: z.array(z.object({ id: ident, languages: z.array(z.string()).min(1), available: z.array(window) })).default([]),
  families: z.array(
    z.object({
      id: ident,
      language: z.string().nullable().optional(),
      oneEvening: z.boolean().default(false),
      available: z.array(window),
      requests: z.array(z.object({ id: ident, teacher: ident, student: z.string().optional(), minutes: z.number().int().positive(), priority: z.number().int().positive().default(1) })),
    }),
  ),
  locked: z.array(z.object({ request: ident, evening: ident, start: hhmm, interpreter: ident.nullable().optional() })).default([]),
});
export type Instance = z.infer<typeof instanceSchema>;

export const unscheduledReasons = ['no_common_time', 'teacher_full', 'no_interpreter', 'conflict', 'not_placed'] as const;
export type UnscheduledReason = (typeof unscheduledReasons)[number];

export const solutionSchema = z.object({
  format: z.literal(SOLUTION_FORMAT),
  assignments: z.array(z.object({ request: ident, evening: ident, start: hhmm, interpreter: ident.nullable() })),
  // A reader keeps a reason it does not know (another tool's), rather than refusing the file.
  unscheduled: z.array(z.object({ request: ident, reason: z.string() })),
});
export type Solution = z.infer<typeof solutionSchema>;

export interface Problem {
  /** Where in the file: `families[3].requests[0].teacher`. */
  path: string;
  message: string;
}
export type Read<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export const minutesOf = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
export const clockOf = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

function pathOf(segments: ReadonlyArray<PropertyKey>): string {
  return segments.reduce<string>((p, s) => (typeof s === 'number' ? `${p}[${s}]` : p ? `${p}.${String(s)}` : String(s)), '');
}

function zodProblems(error: z.ZodError): Problem[] {
  return error.issues.map((i) => ({ path: pathOf(i.path) || '(top)', message: i.message }));
}

/** An instance from parsed JSON: every problem found, each with its path; nothing throws. */
export function readInstance(json: unknown): Read<Instance> {
  const parsed = instanceSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const problems = instanceProblems(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, value: parsed.data };
}

/** A solution from parsed JSON (its shape only; `validate` checks it against an instance). */
export function readSolution(json: unknown): Read<Solution> {
  const parsed = solutionSchema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: zodProblems(parsed.error) };
}

/** What the schema cannot see: the slot grid, ids that exist and are unique, windows inside their evening. */
function instanceProblems(inst: Instance): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const step = inst.slotMinutes;
  const evenings = new Map<string, { start: number; end: number }>();
  inst.evenings.forEach((e, i) => {
    if (evenings.has(e.id)) add(`evenings[${i}].id`, `the id "${e.id}" is used twice`);
    const start = minutesOf(e.start);
    const end = minutesOf(e.end);
    if (end <= start) add(`evenings[${i}].end`, 'must be after the start');
    if ((end - start) % step) add(`evenings[${i}].end`, `must be a whole number of ${step}-minute slots after the start`);
    evenings.set(e.id, { start, end });
  });
  const checkWindows = (windows: Instance['teachers'][number]['available'], at: string) =>
    windows.forEach((w, j) => {
      const e = evenings.get(w.evening);
      if (!e) return add(`${at}[${j}].evening`, `no evening "${w.evening}"`);
      const start = minutesOf(w.start);
      const end = minutesOf(w.end);
      if (end <= start) add(`${at}[${j}].end`, 'must be after the start');
      if (start < e.start || end > e.end) add(`${at}[${j}]`, `lies outside evening "${w.evening}" (${clockOf(e.start)}–${clockOf(e.end)})`);
      if ((start - e.start) % step) add(`${at}[${j}].start`, `must be on the ${step}-minute grid from the evening's start`);
      if ((end - e.start) % step) add(`${at}[${j}].end`, `must be on the ${step}-minute grid from the evening's start`);
    });
  const teacherIds = new Set<string>();
  inst.teachers.forEach((t, i) => {
    if (teacherIds.has(t.id)) add(`teachers[${i}].id`, `the id "${t.id}" is used twice`);
    teacherIds.add(t.id);
    checkWindows(t.available, `teachers[${i}].available`);
  });
  const interpreterIds = new Set<string>();
  inst.interpreters.forEach((p, i) => {
    if (interpreterIds.has(p.id)) add(`interpreters[${i}].id`, `the id "${p.id}" is used twice`);
    interpreterIds.add(p.id);
    checkWindows(p.available, `interpreters[${i}].available`);
  });
  const familyIds = new Set<string>();
  const requestIds = new Set<string>();
  inst.families.forEach((f, i) => {
    if (familyIds.has(f.id)) add(`families[${i}].id`, `the id "${f.id}" is used twice`);
    familyIds.add(f.id);
    checkWindows(f.available, `families[${i}].available`);
    f.requests.forEach((q, j) => {
      const at = `families[${i}].requests[${j}]`;
      if (requestIds.has(q.id)) add(`${at}.id`, `the request id "${q.id}" is used twice`);
      requestIds.add(q.id);
      if (!teacherIds.has(q.teacher)) add(`${at}.teacher`, `no teacher "${q.teacher}"`);
      if (q.minutes % step) add(`${at}.minutes`, `must be a multiple of slotMinutes (${step})`);
    });
  });
  const lockedIds = new Set<string>();
  inst.locked.forEach((l, i) => {
    const at = `locked[${i}]`;
    if (!requestIds.has(l.request)) add(`${at}.request`, `no request "${l.request}"`);
    if (lockedIds.has(l.request)) add(`${at}.request`, `request "${l.request}" is locked twice`);
    lockedIds.add(l.request);
    const e = evenings.get(l.evening);
    if (!e) add(`${at}.evening`, `no evening "${l.evening}"`);
    else if ((minutesOf(l.start) - e.start) % step) add(`${at}.start`, `must be on the ${step}-minute grid from the evening's start`);
    if (l.interpreter && !interpreterIds.has(l.interpreter)) add(`${at}.interpreter`, `no interpreter "${l.interpreter}"`);
  });
  return problems;
}

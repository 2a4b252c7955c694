/**
 * The independent check of a solution against its instance (FORMAT.md): every hard constraint,
 * and every measure. It shares nothing with the solver but the format, so a solver's bug cannot
 * hide in it; the solver's tests always pass their output through here.
 *
 * Idle time, worked example: a family meets t1 16:00–16:10 and t2 16:30–16:40 on one evening —
 * from its first start to its last end is 40 minutes, 20 of them in meetings: 20 idle minutes.
 * A family's idle minutes are summed over the evenings it comes; the mean is over the families
 * (or teachers) with at least one meeting.
 *
 * Pure: no I/O, no clock.
 */
import { clockOf, minutesOf, type Instance, type Solution } from './format';

export interface Violation {
  /** The hard constraint of FORMAT.md broken (1–7), or 0 for a solution that does not account for every request once. */
  constraint: number;
  request?: string;
  message: string;
}

export interface IdleMeasure {
  total: number;
  mean: number;
  max: number;
}

export interface Measures {
  requests: number;
  scheduled: number;
  coverage: number;
  weightedCoverage: number;
  /** Sum of the priorities of the scheduled requests (the objective's first term). */
  scheduledWeight: number;
  familyIdle: IdleMeasure;
  teacherIdle: IdleMeasure;
  /** Per family id and per teacher id: idle minutes over all their evenings. */
  familyIdleBy: Record<string, number>;
  teacherIdleBy: Record<string, number>;
}

export interface Validation {
  valid: boolean;
  violations: Violation[];
  measures: Measures;
}

interface Placed {
  request: string;
  family: string;
  teacher: string;
  room: string;
  evening: string;
  start: number;
  end: number;
  interpreter: string | null;
}

const within = (windows: Instance['teachers'][number]['available'], evening: string, start: number, end: number) =>
  windows.some((w) => w.evening === evening && minutesOf(w.start) <= start && end <= minutesOf(w.end));
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Idle minutes per owner, from their meetings grouped by evening. */
function idle(meetings: Placed[], ownerOf: (p: Placed) => string): Record<string, number> {
  const byOwnerEvening = new Map<string, Placed[]>();
  for (const m of meetings) {
    const key = `${ownerOf(m)}\u0000${m.evening}`;
    byOwnerEvening.set(key, [...(byOwnerEvening.get(key) ?? []), m]);
  }
  const out: Record<string, number> = {};
  for (const [key, list] of byOwnerEvening) {
    const owner = key.split('\u0000')[0]!;
    const span = Math.max(...list.map((m) => m.end)) - Math.min(...list.map((m) => m.start));
    const busy = list.reduce((s, m) => s + (m.end - m.start), 0);
    out[owner] = (out[owner] ?? 0) + Math.max(0, span - busy);
  }
  return out;
}

const summary = (by: Record<string, number>): IdleMeasure => {
  const values = Object.values(by);
  const total = values.reduce((s, v) => s + v, 0);
  return { total, mean: values.length ? total / values.length : 0, max: values.length ? Math.max(...values) : 0 };
};

export function validate(instance: Instance, solution: Solution): Validation {
  const violations: Violation[] = [];
  const flag = (constraint: number, message: string, request?: string) => violations.push({ constraint, message, ...(request ? { request } : {}) });

  const evenings = new Map(instance.evenings.map((e) => [e.id, e]));
  const teachers = new Map(instance.teachers.map((t) => [t.id, t]));
  const interpreters = new Map(instance.interpreters.map((i) => [i.id, i]));
  const requests = new Map(instance.families.flatMap((f) => f.requests.map((q) => [q.id, { q, f }] as const)));
  const needs = (requestId: string): string | null => {
    const r = requests.get(requestId)!;
    const language = r.f.language ?? null;
    return language && !(teachers.get(r.q.teacher)?.languages ?? []).includes(language) ? language : null;
  };

  // 0 / 1: every request exactly once, in assignments or in unscheduled.
  const seen = new Map<string, number>();
  for (const id of [...solution.assignments.map((a) => a.request), ...solution.unscheduled.map((u) => u.request)]) {
    if (!requests.has(id)) flag(0, `no request "${id}" in the instance`, id);
    seen.set(id, (seen.get(id) ?? 0) + 1);
  }
  for (const id of requests.keys()) {
    const n = seen.get(id) ?? 0;
    if (n === 0) flag(0, `request "${id}" is neither assigned nor unscheduled`, id);
    if (n > 1) flag(1, `request "${id}" appears ${n} times`, id);
  }

  const placed: Placed[] = [];
  for (const a of solution.assignments) {
    const r = requests.get(a.request);
    const e = evenings.get(a.evening);
    if (!r) continue;
    if (!e) {
      flag(1, `request "${a.request}" is on an unknown evening "${a.evening}"`, a.request);
      continue;
    }
    const start = minutesOf(a.start);
    const end = start + r.q.minutes;
    if ((start - minutesOf(e.start)) % instance.slotMinutes) flag(1, `request "${a.request}" starts at ${a.start}, off the ${instance.slotMinutes}-minute grid`, a.request);
    const teacher = teachers.get(r.q.teacher)!;
    if (!within(teacher.available, a.evening, start, end)) flag(2, `request "${a.request}" (${a.start}–${clockOf(end)}) is outside teacher "${teacher.id}"'s availability`, a.request);
    if (!within(r.f.available, a.evening, start, end)) flag(2, `request "${a.request}" (${a.start}–${clockOf(end)}) is outside family "${r.f.id}"'s availability`, a.request);
    // 5: the interpreter.
    const language = needs(a.request);
    if (language === null && a.interpreter !== null) flag(5, `request "${a.request}" needs no interpreter but has "${a.interpreter}"`, a.request);
    if (language !== null) {
      const who = a.interpreter ? interpreters.get(a.interpreter) : undefined;
      if (!a.interpreter) flag(5, `request "${a.request}" needs a ${language} interpreter and has none`, a.request);
      else if (!who) flag(5, `request "${a.request}" has an unknown interpreter "${a.interpreter}"`, a.request);
      else {
        if (!who.languages.includes(language)) flag(5, `interpreter "${who.id}" does not speak ${language} (request "${a.request}")`, a.request);
        if (!within(who.available, a.evening, start, end)) flag(5, `interpreter "${who.id}" is not available for request "${a.request}" (${a.start}–${clockOf(end)})`, a.request);
      }
    }
    placed.push({ request: a.request, family: r.f.id, teacher: teacher.id, room: teacher.room ?? `teacher:${teacher.id}`, evening: a.evening, start, end, interpreter: a.interpreter });
  }

  // 3, 4, 5: pairs of meetings of one evening.
  const byEvening = new Map<string, Placed[]>();
  for (const p of placed) byEvening.set(p.evening, [...(byEvening.get(p.evening) ?? []), p]);
  for (const list of byEvening.values()) {
    list.sort((x, y) => x.start - y.start);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        if (a.teacher === b.teacher && overlaps(a, b)) flag(3, `teacher "${a.teacher}" has "${a.request}" and "${b.request}" at once`, b.request);
        if (a.family === b.family) {
          if (overlaps(a, b)) flag(3, `family "${a.family}" has "${a.request}" and "${b.request}" at once`, b.request);
          else if (a.room !== b.room && b.start - a.end < instance.walkMinutes) flag(4, `family "${a.family}" has ${b.start - a.end} minutes to walk from "${a.request}" to "${b.request}" (needs ${instance.walkMinutes})`, b.request);
        }
        if (a.interpreter && a.interpreter === b.interpreter && overlaps(a, b)) flag(5, `interpreter "${a.interpreter}" has "${a.request}" and "${b.request}" at once`, b.request);
      }
    }
  }

  // 6: one evening.
  for (const f of instance.families) {
    if (!f.oneEvening) continue;
    const nights = new Set(placed.filter((p) => p.family === f.id).map((p) => p.evening));
    if (nights.size > 1) flag(6, `family "${f.id}" asked for one evening and has meetings on ${nights.size}`);
  }
  // 7: caps and locks.
  for (const t of instance.teachers) {
    const n = placed.filter((p) => p.teacher === t.id).length;
    if (t.maxMeetings !== undefined && n > t.maxMeetings) flag(7, `teacher "${t.id}" has ${n} meetings, more than ${t.maxMeetings}`);
  }
  const assignment = new Map(solution.assignments.map((a) => [a.request, a]));
  for (const l of instance.locked) {
    const a = assignment.get(l.request);
    if (!a || a.evening !== l.evening || minutesOf(a.start) !== minutesOf(l.start) || (l.interpreter !== undefined && (a.interpreter ?? null) !== (l.interpreter ?? null))) {
      flag(7, `locked request "${l.request}" is not at ${l.evening} ${l.start}${l.interpreter ? ` with "${l.interpreter}"` : ''}`, l.request);
    }
  }

  const all = [...requests.values()];
  const weightAll = all.reduce((s, r) => s + r.q.priority, 0);
  const scheduledIds = new Set(placed.map((p) => p.request));
  const scheduledWeight = all.filter((r) => scheduledIds.has(r.q.id)).reduce((s, r) => s + r.q.priority, 0);
  const familyIdleBy = idle(placed, (p) => p.family);
  const teacherIdleBy = idle(placed, (p) => p.teacher);
  return {
    valid: violations.length === 0,
    violations,
    measures: {
      requests: all.length,
      scheduled: scheduledIds.size,
      coverage: all.length ? scheduledIds.size / all.length : 1,
      weightedCoverage: weightAll ? scheduledWeight / weightAll : 1,
      scheduledWeight,
      familyIdle: summary(familyIdleBy),
      teacherIdle: summary(teacherIdleBy),
      familyIdleBy,
      teacherIdleBy,
    },
  };
}

/**
 * Realistic instances for tests and benchmarks, seeded (same seed, same school):
 *   - primary: ~450 families, a quarter with siblings, ~30 teachers (a class teacher each, some
 *     specialists), 2 evenings, 4 interpreter languages;
 *   - secondary: ~1,000 families, ~100 subject teachers, 6–10 meetings per family, 3 evenings;
 *   - oversubscribed: a primary school whose popular teachers are asked for more than they have time;
 *   - planted: built backwards from a gap-free schedule (each family's meetings end to end, every
 *     teacher busy without gaps), then the schedule thrown away — the optimum is known at any size:
 *     everything placed, 0 family idle minutes.
 * Pure: no I/O, no clock.
 */
import { clockOf, INSTANCE_FORMAT, minutesOf, type Instance } from './format';
import { seededRandom as random } from '../random';

type Family = Instance['families'][number];
type Teacher = Instance['teachers'][number];

const LANGUAGES = ['es', 'ko', 'ar', 'pl'];
const dates = ['2026-11-03', '2026-11-04', '2026-11-05'];

function evenings(n: number, start = '15:30', end = '19:30'): Instance['evenings'] {
  return dates.slice(0, n).map((date, i) => ({ id: `e${i + 1}`, date, start, end }));
}

/** A family's free time: the whole evening, or from a later start, or to an earlier end; on some evenings only. */
function familyWindows(rand: () => number, evs: Instance['evenings'], step: number): Family['available'] {
  const out: Family['available'] = [];
  for (const e of evs) {
    if (evs.length > 1 && rand() < 0.3) continue;
    const s = minutesOf(e.start);
    const t = minutesOf(e.end);
    const from = rand() < 0.4 ? s + step * Math.floor((rand() * (t - s)) / 2 / step) : s;
    const to = rand() < 0.3 ? t - step * Math.floor((rand() * (t - from)) / 3 / step) : t;
    if (to - from >= 4 * step) out.push({ evening: e.id, start: clockOf(from), end: clockOf(to) });
  }
  return out.length ? out : [{ evening: evs[0]!.id, start: evs[0]!.start, end: evs[0]!.end }];
}

function interpreters(evs: Instance['evenings']): Instance['interpreters'] {
  return LANGUAGES.flatMap((l) => [0, 1].map((k) => ({ id: `i-${l}-${k}`, languages: [l], available: evs.map((e) => ({ evening: e.id, start: e.start, end: e.end })) })));
}

const teacher = (id: string, evs: Instance['evenings'], rand: () => number, extra: Partial<Teacher> = {}): Teacher => ({
  id,
  room: `room-${id}`,
  languages: rand() < 0.1 ? ['en', LANGUAGES[Math.floor(rand() * LANGUAGES.length)]!] : ['en'],
  // Most teachers every evening; one in five misses one.
  available: evs.filter((_, i) => !(evs.length > 1 && i === evs.length - 1 && rand() < 0.2)).map((e) => ({ evening: e.id, start: e.start, end: e.end })),
  ...extra,
});

const language = (rand: () => number) => (rand() < 0.15 ? LANGUAGES[Math.floor(rand() * LANGUAGES.length)]! : null);

/** ~450 families, 30 class teachers plus specialists; siblings see each child's teacher. */
export function primarySchool(seed: number, o: { families?: number; teachers?: number; oversubscribed?: boolean } = {}): Instance {
  const rand = random(seed);
  const step = 5;
  const evs = evenings(2);
  const classes = o.teachers ?? 30;
  const teachers = Array.from({ length: classes }, (_, i) => teacher(`t${i}`, evs, rand));
  const specialists = ['senco', 'music', 'pe'].map((s) => teacher(s, evs, rand, o.oversubscribed ? { maxMeetings: 25 } : {}));
  const families: Family[] = Array.from({ length: o.families ?? 450 }, (_, f) => {
    const children = rand() < 0.25 ? 2 + (rand() < 0.15 ? 1 : 0) : 1;
    const requests: Family['requests'] = [];
    const seen = new Set<string>();
    for (let c = 0; c < children; c++) {
      const t = `t${Math.floor(rand() * classes)}`;
      if (!seen.has(t)) requests.push({ id: `f${f}c${c}`, teacher: t, student: `f${f}s${c}`, minutes: 10, priority: 2 });
      seen.add(t);
    }
    if (rand() < (o.oversubscribed ? 0.3 : 0.08)) requests.push({ id: `f${f}x`, teacher: specialists[Math.floor(rand() * specialists.length)]!.id, student: `f${f}s0`, minutes: 10, priority: 1 });
    return { id: `f${f}`, language: language(rand), oneEvening: rand() < 0.6, available: familyWindows(rand, evs, step), requests };
  });
  return { format: INSTANCE_FORMAT, slotMinutes: step, walkMinutes: 5, evenings: evs, teachers: [...teachers, ...specialists], interpreters: interpreters(evs), families, locked: [] };
}

/** ~1,000 families, ~100 subject teachers, 6–10 five-minute meetings each, 3 evenings. */
export function secondarySchool(seed: number, o: { families?: number; teachers?: number } = {}): Instance {
  const rand = random(seed);
  const step = 5;
  const evs = evenings(3, '16:00', '19:30');
  const n = o.teachers ?? 100;
  const teachers = Array.from({ length: n }, (_, i) => teacher(`t${i}`, evs, rand));
  const families: Family[] = Array.from({ length: o.families ?? 1000 }, (_, f) => {
    const k = 6 + Math.floor(rand() * 5);
    const chosen = new Set<number>();
    while (chosen.size < k) chosen.add(Math.floor(rand() * n));
    return {
      id: `f${f}`,
      language: language(rand),
      oneEvening: rand() < 0.7,
      available: familyWindows(rand, evs, step),
      requests: [...chosen].map((t, j) => ({ id: `f${f}r${j}`, teacher: `t${t}`, student: `f${f}s`, minutes: 5, priority: j < 3 ? 2 : 1 })),
    };
  });
  return { format: INSTANCE_FORMAT, slotMinutes: step, walkMinutes: 0, evenings: evs, teachers, interpreters: [], families, locked: [] };
}

/**
 * Built from a known gap-free schedule: `teachers` teachers each busy every slot of `evenings`
 * evenings of `slots` 10-minute meetings, families made by walking the grid so that each family's
 * meetings are consecutive slots with different teachers. Returns the instance (families free over
 * the whole evening of their block, as real ones are) and its optimum: all placed, 0 idle.
 */
export function plantedSchool(seed: number, o: { teachers?: number; slots?: number; evenings?: number } = {}): Instance {
  const rand = random(seed);
  const T = o.teachers ?? 30;
  const S = o.slots ?? 18;
  const evs = evenings(o.evenings ?? 2, '16:00', clockOf(minutesOf('16:00') + S * 10));
  const teachers = Array.from({ length: T }, (_, i) => ({ id: `t${i}`, room: `r${i}`, languages: ['en'], available: evs.map((e) => ({ evening: e.id, start: e.start, end: e.end })) }));
  const families: Family[] = [];
  for (const e of evs) {
    // free[t][s]: teacher t's slot s still to hand out.
    const free = Array.from({ length: T }, () => new Array<boolean>(S).fill(true));
    for (let s = 0; s < S; s++) {
      for (let t = 0; t < T; t++) {
        if (!free[t]![s]) continue;
        // A family starting here with t, then up to 3 more meetings straight after with other free teachers.
        const want = 1 + Math.floor(rand() * 4);
        const block: Array<[number, number]> = [[t, s]];
        free[t]![s] = false;
        for (let k = 1; k < want && s + k < S; k++) {
          const candidates = Array.from({ length: T }, (_, x) => x).filter((x) => free[x]![s + k] && !block.some(([y]) => y === x));
          if (!candidates.length) break;
          const x = candidates[Math.floor(rand() * candidates.length)]!;
          free[x]![s + k] = false;
          block.push([x, s + k]);
        }
        const f = families.length;
        families.push({
          id: `f${f}`,
          language: null,
          oneEvening: true,
          available: [{ evening: e.id, start: e.start, end: e.end }],
          requests: block.map(([x], j) => ({ id: `f${f}r${j}`, teacher: `t${x}`, minutes: 10, priority: 1 })),
        });
      }
    }
  }
  // Shuffle the families so that the order gives nothing away.
  for (let i = families.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [families[i], families[j]] = [families[j]!, families[i]!];
  }
  return { format: INSTANCE_FORMAT, slotMinutes: 10, walkMinutes: 0, evenings: evs, teachers, interpreters: [], families, locked: [] };
}

/**
 * A small school the exact reference can prove optimal in seconds: one or two short evenings on a
 * 10-minute grid, a few teachers (one speaks Spanish), a Spanish and a Korean interpreter, families
 * with one to three children's teachers, some with a later start or a language.
 */
export function smallSchool(seed: number, o: { families?: number; teachers?: number; evenings?: number } = {}): Instance {
  const rand = random(seed);
  const evs = evenings(o.evenings ?? 1, '16:00', '18:00');
  const n = o.teachers ?? 3;
  const teachers: Teacher[] = Array.from({ length: n }, (_, i) => ({ id: `t${i}`, room: `r${i}`, languages: i === 0 ? ['en', 'es'] : ['en'], available: evs.map((e) => ({ evening: e.id, start: e.start, end: e.end })) }));
  const families: Family[] = Array.from({ length: o.families ?? 8 }, (_, f) => {
    const chosen = new Set<number>();
    const k = 1 + Math.floor(rand() * Math.min(3, n));
    while (chosen.size < k) chosen.add(Math.floor(rand() * n));
    const late = rand() < 0.3;
    return {
      id: `f${f}`,
      language: rand() < 0.25 ? (rand() < 0.5 ? 'es' : 'ko') : null,
      oneEvening: true,
      available: evs.map((e) => ({ evening: e.id, start: late ? '16:40' : e.start, end: e.end })),
      requests: [...chosen].map((t, j) => ({ id: `f${f}r${j}`, teacher: `t${t}`, minutes: 10, priority: 1 + (j === 0 ? 1 : 0) })),
    };
  });
  return {
    format: INSTANCE_FORMAT,
    slotMinutes: 10,
    walkMinutes: 5,
    evenings: evs,
    teachers,
    interpreters: [
      { id: 'i-es', languages: ['es'], available: evs.map((e) => ({ evening: e.id, start: e.start, end: e.end })) },
      { id: 'i-ko', languages: ['ko'], available: evs.map((e) => ({ evening: e.id, start: '16:30', end: e.end })) },
    ],
    families,
    locked: [],
  };
}

/**
 * A school ready for a booking rush, written straight into the database with Drizzle (bulk
 * inserts, so a 1,000-family school takes seconds): classes each led by a teacher who takes part
 * in the round, families of one to three children spread across the classes (siblings in
 * different classes), some with a second guardian account of their own (two households, one
 * child), some speaking a language the teachers do not (so an interpreter is needed), the
 * school's interpreters, and a round whose booking is open with its sessions set.
 *
 * Also here, for the tests and the bench that drive real server processes: sessions made
 * directly in the database (a cookie and CSRF token per guardian, as signing in would give),
 * a small fetch client that sends them, and a way to start `confer start` as a child process.
 *
 * Used by tests/medium/booking-rush.test.ts and scripts/bench/booking.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { sessionInstants, slotsOf, type Slot } from '../../src/domain/booking/slots';
import type { Db } from '../../src/server/db/client';
import {
  classTeachers,
  classes,
  conferenceRounds,
  enrollments,
  guardianStudents,
  guardians,
  interpreters,
  roundClasses,
  roundInterpreters,
  roundSessions,
  roundTeachers,
  schools,
  sessions,
  staffMemberships,
  students,
  users,
} from '../../src/server/db/schema/index';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../src/server/http/session-cookies';
import { hashSecret, randomToken, tokenDigest } from '../../src/server/lib/secrets';
import { seededRandom } from '../../src/domain/random';

export const WORLD_PASSWORD = 'correct horse battery staple';

export interface BookingWorldOptions {
  families: number;
  classes: number;
  /** Evenings, as days after today in the school's zone, with wall-clock times. */
  sessions: Array<{ daysAhead: number; startTime: string; endTime: string; breaks?: Array<{ start: string; end: string }> }>;
  slotMinutes?: number;
  bufferMinutes?: number;
  walkMinutes?: number;
  holdMinutes?: number;
  /** Share of families with 2 and with 3 children (the rest have one). */
  siblings?: { two: number; three: number };
  /** Share of families whose other parent has an account of their own (a second household for the same children). */
  secondGuardianShare?: number;
  /** Languages families speak other than the school's, each with its share of families and the number of interpreters. */
  languages?: Array<{ language: string; share: number; interpreters: number }>;
  /** Languages (besides the school's) that some teachers speak: teacher index → languages. */
  teacherLanguages?: Record<number, string[]>;
  timeZone?: string;
  /** Seed of the generator: the same seed gives the same school. */
  seed?: number;
}

export interface WorldChild {
  studentId: string;
  classId: string;
  teacherId: string;
}

export interface WorldFamily {
  guardianUserId: string;
  /** The other parent's own account (their own household for the same children), if any. */
  otherGuardianUserId: string | null;
  /** The language meetings are held in ('en' unless the family speaks another). */
  language: string;
  children: WorldChild[];
}

export interface BookingWorld {
  schoolId: string;
  roundId: string;
  timeZone: string;
  slotMinutes: number;
  /** The round's grid: every teacher and interpreter is there for all of it. */
  slots: Slot[];
  classes: Array<{ id: string; teacherId: string; teacherLanguages: string[] }>;
  families: WorldFamily[];
  interpreters: Array<{ id: string; languages: string[] }>;
  /** Every guardian account (both households of a family with two). */
  guardianUserIds: string[];
}

export { seededRandom };

const CHUNK = 500;
async function insertChunked<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

/** Builds the school and its round (see the top of the file). */
export async function buildBookingWorld(db: Db, options: BookingWorldOptions): Promise<BookingWorld> {
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const timeZone = options.timeZone ?? 'Europe/London';
  const slotMinutes = options.slotMinutes ?? 10;
  const bufferMinutes = options.bufferMinutes ?? 0;
  const tag = Math.random().toString(36).slice(2, 8);
  const passwordHash = await hashSecret(WORLD_PASSWORD);
  const now = new Date();
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');

  const [school] = await db.insert(schools).values({ name: `Rush Primary ${tag}`, slug: `rush-${tag}`, timeZone, locale: 'en' }).returning({ id: schools.id });
  const schoolId = school!.id;

  // Teachers and their classes.
  const teacherUsers = await db
    .insert(users)
    .values(Array.from({ length: options.classes }, (_, i) => ({ givenName: 'Teacher', familyName: `${i + 1} ${tag}`, email: `teacher-${i + 1}-${tag}@rush.example`, passwordHash, spokenLanguages: ['en', ...(options.teacherLanguages?.[i] ?? [])] })))
    .returning({ id: users.id });
  await db.insert(staffMemberships).values(teacherUsers.map((t) => ({ schoolId, userId: t.id, role: 'teacher' as const })));
  const classRows = await db
    .insert(classes)
    .values(teacherUsers.map((_, i) => ({ schoolId, name: `Class ${i + 1}`, yearGroup: `Year ${(i % 6) + 1}`, classCode: `R${tag}-${i + 1}`.toUpperCase() })))
    .returning({ id: classes.id });
  await db.insert(classTeachers).values(classRows.map((c, i) => ({ classId: c.id, userId: teacherUsers[i]!.id, role: 'lead' as const })));
  const worldClasses = classRows.map((c, i) => ({ id: c.id, teacherId: teacherUsers[i]!.id, teacherLanguages: ['en', ...(options.teacherLanguages?.[i] ?? [])] }));

  // Families: their shape first, then the rows in bulk.
  const siblings = options.siblings ?? { two: 0.35, three: 0.1 };
  const languages = options.languages ?? [];
  const plans = Array.from({ length: options.families }, (_, f) => {
    const r = random();
    const count = r < siblings.three ? 3 : r < siblings.three + siblings.two ? 2 : 1;
    const classIndexes = new Set<number>();
    while (classIndexes.size < Math.min(count, options.classes)) classIndexes.add(Math.floor(random() * options.classes));
    let language = 'en';
    let l = random();
    for (const spoken of languages) {
      if (l < spoken.share) {
        language = spoken.language;
        break;
      }
      l -= spoken.share;
    }
    return { f, classIndexes: [...classIndexes], language, second: random() < (options.secondGuardianShare ?? 0) };
  });

  const childPlans = plans.flatMap((p) => p.classIndexes.map((classIndex, k) => ({ family: p.f, classIndex, k })));
  const childUserIds: string[] = [];
  await insertChunked(childPlans, async (chunk) => {
    const rows = await db
      .insert(users)
      .values(chunk.map((c) => ({ givenName: pick(['Ana', 'Ben', 'Cleo', 'Dev', 'Ezra', 'Fatima', 'Goran', 'Hana', 'Ines', 'Jun']), familyName: `Family ${c.family + 1} ${tag}`, email: null })))
      .returning({ id: users.id });
    childUserIds.push(...rows.map((r) => r.id));
  });
  const studentIds: string[] = [];
  await insertChunked(
    childPlans.map((c, i) => ({ c, userId: childUserIds[i]! })),
    async (chunk) => {
      const rows = await db
        .insert(students)
        .values(chunk.map(({ c, userId }) => ({ schoolId, userId, yearGroup: `Year ${(c.classIndex % 6) + 1}`, gradeLevel: (c.classIndex % 6) + 1, keyStage: null, avatar: 'fox' as const })))
        .returning({ id: students.id });
      studentIds.push(...rows.map((r) => r.id));
    },
  );
  await insertChunked(
    childPlans.map((c, i) => ({ classId: worldClasses[c.classIndex]!.id, studentId: studentIds[i]! })),
    (chunk) => db.insert(enrollments).values(chunk),
  );

  // Guardians: one account per family, and a second one (a household of its own) for some.
  const guardianPlans = plans.flatMap((p) => [{ p, second: false }, ...(p.second ? [{ p, second: true }] : [])]);
  const guardianUserIds: string[] = [];
  await insertChunked(guardianPlans, async (chunk) => {
    const rows = await db
      .insert(users)
      .values(chunk.map(({ p, second }) => ({ givenName: second ? 'Second' : 'Parent', familyName: `Family ${p.f + 1} ${tag}`, email: `${second ? 'second' : 'parent'}-${p.f + 1}-${tag}@rush.example`, passwordHash })))
      .returning({ id: users.id });
    guardianUserIds.push(...rows.map((r) => r.id));
  });
  const guardianRowIds: string[] = [];
  await insertChunked(
    guardianPlans.map((g, i) => ({ g, userId: guardianUserIds[i]! })),
    async (chunk) => {
      const rows = await db
        .insert(guardians)
        .values(chunk.map(({ g, userId }) => ({ userId, phone: null, language: g.p.language === 'en' ? null : g.p.language })))
        .returning({ id: guardians.id });
      guardianRowIds.push(...rows.map((r) => r.id));
    },
  );
  const childIndexOfFamily = new Map<number, number[]>();
  childPlans.forEach((c, i) => childIndexOfFamily.set(c.family, [...(childIndexOfFamily.get(c.family) ?? []), i]));
  await insertChunked(
    guardianPlans.flatMap((g, i) => (childIndexOfFamily.get(g.p.f) ?? []).map((ci) => ({ guardianId: guardianRowIds[i]!, studentId: studentIds[ci]!, relationship: 'parent', attendsSeparately: false }))),
    (chunk) => db.insert(guardianStudents).values(chunk),
  );

  const families: WorldFamily[] = [];
  guardianPlans.forEach((g, i) => {
    if (g.second) {
      families[g.p.f]!.otherGuardianUserId = guardianUserIds[i]!;
      return;
    }
    families[g.p.f] = {
      guardianUserId: guardianUserIds[i]!,
      otherGuardianUserId: null,
      language: g.p.language,
      children: (childIndexOfFamily.get(g.p.f) ?? []).map((ci) => ({ studentId: studentIds[ci]!, classId: worldClasses[childPlans[ci]!.classIndex]!.id, teacherId: worldClasses[childPlans[ci]!.classIndex]!.teacherId })),
    };
  });

  // Interpreters.
  const interpreterPlans = languages.flatMap((l) => Array.from({ length: l.interpreters }, (_, i) => ({ name: `Interpreter ${l.language} ${i + 1}`, languages: [l.language] })));
  const interpreterRows = interpreterPlans.length
    ? await db
        .insert(interpreters)
        .values(interpreterPlans.map((i) => ({ schoolId, name: i.name, email: null, languages: i.languages })))
        .returning({ id: interpreters.id })
    : [];

  // The round: booking opened an hour ago, closes at the first meeting.
  const sessionSpecs = options.sessions.map((s) => ({ date: today.plus({ days: s.daysAhead }).toISODate()!, startTime: s.startTime, endTime: s.endTime, breaks: s.breaks ?? [] }));
  const dates = sessionSpecs.map((s) => s.date).sort();
  const [round] = await db
    .insert(conferenceRounds)
    .values({
      schoolId,
      name: `Rush round ${tag}`,
      startsOn: dates[0]!,
      endsOn: dates.at(-1)!,
      slotMinutes,
      bufferMinutes,
      walkMinutes: options.walkMinutes ?? 5,
      holdMinutes: options.holdMinutes ?? 10,
      bookingOpensAt: new Date(now.getTime() - 3_600_000),
      bookingClosesAt: null,
      changeCutoffHours: 24,
      separatedGuardians: 'separate',
      allowVideo: true,
    })
    .returning({ id: conferenceRounds.id });
  const roundId = round!.id;
  const sessionRows = await db
    .insert(roundSessions)
    .values(sessionSpecs.map((s) => ({ roundId, ...s, ...sessionInstants(s, timeZone) })))
    .returning({ id: roundSessions.id, date: roundSessions.date, startTime: roundSessions.startTime, endTime: roundSessions.endTime, breaks: roundSessions.breaks });
  await db.insert(roundClasses).values(worldClasses.map((c) => ({ roundId, classId: c.id })));
  await db.insert(roundTeachers).values(worldClasses.map((c, i) => ({ roundId, userId: c.teacherId, room: `Room ${i + 1}`, videoUrl: null, availability: null })));
  if (interpreterRows.length) await db.insert(roundInterpreters).values(interpreterRows.map((i) => ({ roundId, interpreterId: i.id, availability: null })));

  return {
    schoolId,
    roundId,
    timeZone,
    slotMinutes,
    slots: slotsOf({ sessions: sessionRows, timeZone, slotMinutes, bufferMinutes }),
    classes: worldClasses,
    families,
    interpreters: interpreterRows.map((r, i) => ({ id: r.id, languages: interpreterPlans[i]!.languages })),
    guardianUserIds,
  };
}

// ---- signing in

export interface SessionAuth {
  userId: string;
  /** The `cookie` header a browser would send. */
  cookie: string;
  csrfToken: string;
}

/** Sessions for these people, made directly (as a sign-in would make them): one row each, in bulk. */
export async function signInAll(db: Db, userIds: readonly string[], days = 1): Promise<Map<string, SessionAuth>> {
  const now = new Date();
  const made = userIds.map((userId) => ({ userId, token: randomToken(), csrfToken: randomToken() }));
  await insertChunked(made, (chunk) =>
    db.insert(sessions).values(chunk.map((m) => ({ id: tokenDigest(m.token), userId: m.userId, csrfToken: m.csrfToken, method: 'password', createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + days * 86_400_000) }))),
  );
  return new Map(made.map((m) => [m.userId, { userId: m.userId, cookie: `${SESSION_COOKIE}=${m.token}; ${CSRF_COOKIE}=${m.csrfToken}`, csrfToken: m.csrfToken }]));
}

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
  /** The error code of a refusal (`slot_taken`…), when there is one. */
  code: string | null;
  ms: number;
}

/** One request to a running server as a signed-in guardian: the session cookie, and the CSRF header on writes. */
export async function call<T = unknown>(baseUrl: string, auth: SessionAuth, method: 'GET' | 'POST', urlPath: string, body?: unknown): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { cookie: auth.cookie };
  if (method !== 'GET') headers['x-csrf-token'] = auth.csrfToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}${urlPath}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const ms = performance.now() - t0;
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: kept as text for the report
  }
  const code = (parsed as { error?: { code?: string } } | null)?.error?.code ?? null;
  return { status: res.status, body: parsed as T, code, ms };
}

// ---- a server process

export interface ConferProcess {
  url: string;
  child: ChildProcess;
  /** Everything it printed (stdout and stderr), for reports. */
  output(): string;
  /** Log lines of errors the server did not expect (`unhandled error`), parsed. */
  unhandledErrors(): string[];
  stop(): Promise<void>;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Starts `node bin/confer.mjs start` with these settings (PORT 0: a free port), waits until it says
 * where it runs and `/healthz` answers 200. Only PATH and HOME are passed on from this process's environment;
 * `nodeArgs` go to node itself (e.g. `--cpu-prof`).
 */
export async function startConfer(env: Record<string, string>, options: { timeoutMs?: number; nodeArgs?: string[] } = {}): Promise<ConferProcess> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), 'bin/confer.mjs', 'start'], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let gone = false;
  void exited.then(() => (gone = true));

  const deadline = Date.now() + (options.timeoutMs ?? 45_000);
  let url: string | null = null;
  while (Date.now() < deadline && !gone) {
    const m = /Confer is running at http:\/\/localhost:(\d+)/.exec(out);
    if (m) {
      url = `http://127.0.0.1:${m[1]}`;
      const ok = await fetch(`${url}/healthz`)
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ok) break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = async () => {
    if (gone) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  if (!url || gone) {
    await stop();
    throw new Error(`confer start did not come up:\n${out.slice(-3000)}`);
  }
  return {
    url,
    child,
    output: () => out,
    unhandledErrors: () =>
      out
        .split('\n')
        .filter((line) => line.includes('"unhandled error"'))
        .map((line) => {
          try {
            const j = JSON.parse(line) as { err?: { type?: string; message?: string; code?: string; stack?: string }; req?: { url?: string } };
            return `${j.err?.type ?? ''} ${j.err?.code ?? ''} ${j.err?.message ?? ''}\n${(j.err?.stack ?? '').split('\n').slice(0, 6).join('\n')}`;
          } catch {
            return line;
          }
        }),
    stop,
  };
}

/** Percentile of numbers (nearest rank), e.g. percentile(latencies, 95). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

// ---- checks straight on the database, independent of the constraints

/** Pairs of active booking_people rows of one person whose times overlap (must be none). */
export const OVERLAPPING_PEOPLE_SQL = `
  select a.person, a.booking_id as a_booking, b.booking_id as b_booking, a.starts_at as a_starts, b.starts_at as b_starts
  from booking_people a
  join booking_people b on a.person = b.person and a.booking_id < b.booking_id
   and a.starts_at < b.ends_at and b.starts_at < a.ends_at
  where a.active and b.active`;

/**
 * Pairs of live bookings (confirmed, or held and not run out) of a round that put one teacher, one
 * child, one household or one interpreter in two places at once — read from `bookings` alone.
 */
export const OVERLAPPING_BOOKINGS_SQL = `
  with live as (
    select * from bookings
    where round_id = $1 and (status = 'confirmed' or (status = 'held' and hold_expires_at > now()))
  )
  select a.id as a_id, b.id as b_id,
    case when a.teacher_id = b.teacher_id then 'teacher'
         when a.student_id = b.student_id then 'child'
         when a.household_user_id = b.household_user_id then 'household'
         else 'interpreter' end as who
  from live a join live b on a.id < b.id
   and a.starts_at < b.ends_at and b.starts_at < a.ends_at
   and (a.teacher_id = b.teacher_id or a.student_id = b.student_id or a.household_user_id = b.household_user_id
        or (a.interpreter_id is not null and a.interpreter_id = b.interpreter_id))`;

/** Children with two live bookings in one party of a round (must be none). */
export const DOUBLE_CHILD_SQL = `
  select student_id, party, count(*)::int as n from bookings
  where round_id = $1 and status in ('held', 'confirmed')
  group by student_id, party having count(*) > 1`;

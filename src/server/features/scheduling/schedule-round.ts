/**
 * The round scheduler in the product: the admin runs it on the families' answers, watches its
 * progress, reviews the schedule, locks meetings and runs it again (changing as little as it can),
 * and publishes — every meeting then becomes a confirmed booking and each family is emailed its
 * times with the .ics, exactly as when they book themselves.
 *
 * A run is a row (`schedule_runs`) holding the very instance it solved, so its review and its
 * publication never depend on what changed since; the work is a durable job that runs the solver in
 * short steps (src/domain/scheduling/solve.ts, `createSolver`), yielding between them so the server
 * keeps answering, and records its progress for the page's bar. Publishing inserts the bookings with
 * their people in one transaction: if anyone was booked meanwhile into a time the schedule uses,
 * the database refuses it, nothing is published, and the admin is asked to run it again.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToServer } from 'node:timers/promises';
import { z } from 'zod';
import type { published, runInput, RunView, ScheduleView } from '../../../contracts/scheduling';
import { bookingState, peopleOf } from '../../../domain/booking/rules';
import { instantOf, minutesOf, wallClockOf } from '../../../domain/booking/slots';
import { DomainError } from '../../../domain/errors';
import type { Actor } from '../../../domain/permissions/index';
import { readInstance, readSolution, unscheduledReasons, type Instance, type Solution, type UnscheduledReason } from '../../../domain/scheduling/format';
import { meetingsOf, requestId, roundInstance, type RoundForScheduling } from '../../../domain/scheduling/round-instance';
import { createSolver } from '../../../domain/scheduling/solve';
import { validate, type Measures } from '../../../domain/scheduling/validate';
import type { Deps } from '../../deps';
import { findJob } from '../../jobs/jobs.repo';
import { defineJob, enqueue } from '../../jobs/runner';
import { childrenOfRound, guardiansOfStudents, insertBooking, insertPeople, studentNames, userNames, type BookingRound, type BookingRow } from '../booking/booking.repo';
import { refusal } from '../booking/book';
import { assignTeachers, loadHousehold } from '../booking/household';
import { queueBookingMail, queueReminder } from '../booking/notify';
import { managedRound } from '../booking/round-setup';
import { addBusyOf, loadRoundTimes, sessionSpecs, type RoundTimes } from '../booking/round-times';
import { findRun, insertRun, latestRun, markPublished, responsesOfRound, runningRuns, updateRun, type RunRow } from './scheduling.repo';

/** The round as the scheduler sees it now: the answers of families whose children still need a meeting. */
async function currentInstance(deps: Deps, round: BookingRound, times: RoundTimes, now: Date): Promise<Instance> {
  const responses = await responsesOfRound(deps.db, round.id);
  const booked = new Set(times.live.map((b) => requestId(b.studentId, b.party)));
  const asked = new Set<string>();
  const families: RoundForScheduling['families'] = [];
  // Newest answer first: when both parents answered for a child, the later answer counts.
  for (const r of responses) {
    const loaded = await loadHousehold(deps.db, round, r.householdUserId, true);
    if (!loaded) continue;
    const household = await assignTeachers(deps, round, loaded, times);
    const requests = household.children.flatMap((c) => {
      const id = requestId(c.studentId, c.party);
      if (!c.teacherId || booked.has(id) || asked.has(id)) return [];
      asked.add(id);
      return [{ studentId: c.studentId, party: c.party, teacherId: c.teacherId }];
    });
    if (requests.length) families.push({ id: household.householdUserId, language: household.language, oneEvening: r.oneEvening, windows: r.windows, requests });
  }
  // Teachers' and interpreters' meetings already booked, in any round, leave their slots out.
  const people = [...[...times.teachers.keys()].map((id) => `teacher:${id}`), ...times.interpreters.map((i) => `interpreter:${i.interpreterId}`)];
  await addBusyOf(deps.db, times, people, now);
  const taken: RoundForScheduling['taken'] = [];
  for (const person of people) {
    for (const b of times.busy.get(person) ?? []) {
      const from = wallClockOf(b.startsAt, round.timeZone);
      const to = wallClockOf(b.endsAt, round.timeZone);
      for (const s of times.sessions) if (s.date === from.date) taken.push({ person, sessionId: s.id, start: minutesOf(from.time), end: to.date === from.date ? minutesOf(to.time) : 24 * 60 });
    }
  }
  return roundInstance({
    slotMinutes: round.slotMinutes,
    bufferMinutes: round.bufferMinutes,
    walkMinutes: round.walkMinutes,
    sessions: sessionSpecs(times.sessions),
    teachers: [...times.teachers.values()].map((t) => ({ id: t.userId, room: t.room, languages: t.languages, availability: t.availability })),
    interpreters: times.interpreters.map((i) => ({ id: i.interpreterId, languages: i.languages, availability: i.availability })),
    families,
    taken,
  });
}

async function schedulingRound(deps: Deps, actor: Actor, roundId: string): Promise<BookingRound> {
  const round = await managedRound(deps, actor, roundId);
  if (round.bookingMode !== 'availability') throw new DomainError('not_availability_round');
  return round;
}

export async function startRun(deps: Deps, actor: Actor, roundId: string, input: z.output<typeof runInput>): Promise<RunView> {
  const now = deps.now();
  const round = await schedulingRound(deps, actor, roundId);
  if ((await runningRuns(deps.db, round.id)).length) throw new DomainError('schedule_running');
  const previous = input.fromRunId ? await findRun(deps.db, input.fromRunId) : undefined;
  if (input.fromRunId && (!previous || previous.roundId !== round.id)) throw new DomainError('validation_failed', { fields: { fromRunId: 'unknown_run' } });
  const times = await loadRoundTimes(deps.db, round, now);
  const instance = await currentInstance(deps, round, times, now);
  if (!instance.families.some((f) => f.requests.length)) throw new DomainError('nothing_to_schedule');
  // Locks: the chosen meetings exactly as the previous run had them.
  const wanted = new Set(input.locked);
  const present = new Set(instance.families.flatMap((f) => f.requests.map((q) => q.id)));
  const previousSolution = previous?.solution ? (previous.solution as Solution) : null;
  instance.locked = (previousSolution?.assignments ?? []).filter((a) => wanted.has(a.request) && present.has(a.request)).map((a) => ({ request: a.request, evening: a.evening, start: a.start, interpreter: a.interpreter }));
  const checked = readInstance(instance);
  if (!checked.ok) throw new Error(`the round made an unreadable instance: ${checked.problems[0]?.path} ${checked.problems[0]?.message}`);
  const run = await deps.db.transaction(async (tx) => {
    const row = await insertRun(tx, {
      roundId: round.id,
      status: 'running',
      seed: (now.getTime() % 2_147_483_647) + 1,
      seconds: input.seconds,
      previousRunId: previous?.id ?? null,
      locked: instance.locked.map((l) => l.request),
      instance,
      createdBy: actor.kind === 'user' ? actor.userId : null,
      createdAt: now,
    });
    const jobId = await enqueue({ db: tx, now: deps.now }, scheduleRunJob, { runId: row.id }, { idempotencyKey: `schedule-run:${row.id}` });
    await updateRun(tx, row.id, { jobId });
    return { ...row, jobId };
  });
  return presentRun(deps, round, run);
}

export const scheduleRunJob = defineJob({
  kind: 'schedule-run',
  version: 1,
  payload: z.object({ runId: z.uuid() }),
  maxAttempts: 2,
  async run(deps, { runId }, ctx) {
    const run = await findRun(deps.db, runId);
    if (!run || run.status !== 'running') return { skipped: true };
    try {
      const read = readInstance(run.instance);
      if (!read.ok) throw new Error(`unreadable instance: ${read.problems[0]?.path}`);
      const instance = read.value;
      const previousRow = run.previousRunId ? await findRun(deps.db, run.previousRunId) : undefined;
      const previous = previousRow?.solution ? readSolution(previousRow.solution) : null;
      const solver = createSolver(instance, { seed: run.seed, ...(previous?.ok ? { previous: previous.value } : {}) });
      const budget = run.seconds * 1000;
      const started = performance.now();
      let reported = started;
      await ctx.progress({ fraction: 0 });
      // A few rounds at a time, then let the server answer other requests; the bar moves about 4 times a second.
      while (performance.now() - started < budget && solver.improve(8)) {
        if (performance.now() - reported > 250) {
          reported = performance.now();
          await ctx.progress({ fraction: Math.min(1, (reported - started) / budget), iteration: solver.iterations });
        } else await yieldToServer();
      }
      const result = solver.result();
      const checked = validate(instance, result.solution);
      if (!checked.valid) throw new Error(`the scheduler broke a rule: ${checked.violations[0]?.message}`);
      await updateRun(deps.db, run.id, { status: 'done', solution: result.solution, measures: checked.measures, moved: previous?.ok ? result.score.moved : null, finishedAt: deps.now() });
      return { scheduled: checked.measures.scheduled, requests: checked.measures.requests, iterations: result.iterations };
    } catch (err) {
      await updateRun(deps.db, run.id, { status: 'failed', error: (err instanceof Error ? err.message : String(err)).slice(0, 300), finishedAt: deps.now() });
      return { failed: true };
    }
  },
});

export async function readSchedule(deps: Deps, actor: Actor, roundId: string): Promise<ScheduleView> {
  const now = deps.now();
  const round = await managedRound(deps, actor, roundId);
  const times = await loadRoundTimes(deps.db, round, now);
  const [children, responses, run] = await Promise.all([childrenOfRound(deps.db, round.id), responsesOfRound(deps.db, round.id), latestRun(deps.db, round.id)]);
  const ids = [...new Set(children.map((c) => c.studentId))];
  const guardians = await guardiansOfStudents(deps.db, ids);
  const answeredBy = new Set(responses.map((r) => r.householdUserId));
  const bookedChildren = new Set(times.live.filter((b) => b.status === 'confirmed').map((b) => b.studentId));
  const seen = new Set<string>();
  const waiting = children.filter((c) => !bookedChildren.has(c.studentId) && !seen.has(c.studentId) && seen.add(c.studentId));
  const answered = (studentId: string) => guardians.some((g) => g.studentId === studentId && answeredBy.has(g.userId));
  const missing = waiting.filter((c) => !answered(c.studentId));
  return {
    round: {
      id: round.id,
      name: round.name,
      timeZone: round.timeZone,
      bookingMode: round.bookingMode,
      state: bookingState({ bookingOpensAt: round.bookingOpensAt, bookingClosesAt: round.bookingClosesAt, firstMeetingAt: times.firstMeetingAt }, now),
    },
    answers: {
      children: waiting.length,
      answered: waiting.length - missing.length,
      booked: bookedChildren.size,
      missing: missing.map((c) => ({
        studentId: c.studentId,
        name: `${c.givenName} ${c.familyName}`,
        className: c.className,
        guardians: guardians.filter((g) => g.studentId === c.studentId && !g.archived).map((g) => g.name).join(', '),
      })),
    },
    run: run ? await presentRun(deps, round, run) : null,
  };
}

export async function readRun(deps: Deps, actor: Actor, roundId: string, runId: string): Promise<RunView> {
  const round = await managedRound(deps, actor, roundId);
  const run = await findRun(deps.db, runId);
  if (!run || run.roundId !== round.id) throw new DomainError('not_found');
  return presentRun(deps, round, run);
}

/** The run as the review page shows it: measures, meetings with names, who is not placed and why, waiting per family, interpreters. */
async function presentRun(deps: Deps, round: BookingRound, run: RunRow): Promise<RunView> {
  const instance = run.instance as Instance;
  const solution = (run.solution as Solution | null) ?? null;
  const measures = (run.measures as Measures | null) ?? null;
  let progress: number | null = null;
  let status = run.status;
  let error = run.error;
  if (run.status === 'running' && run.jobId) {
    const job = await findJob(deps.db, run.jobId);
    progress = (job?.progress as { fraction?: number } | null)?.fraction ?? 0;
    // The job gave up without saying (a crash on its last attempt).
    if (job?.status === 'failed') [status, error] = ['failed', job.lastError];
  }
  const base = {
    id: run.id,
    status,
    progress,
    error,
    seconds: run.seconds,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    publishedAt: run.publishedAt?.toISOString() ?? null,
    previousRunId: run.previousRunId,
    moved: run.moved,
  };
  if (!solution || !measures) return { ...base, measures: null, meetings: [], unplaced: [], families: [], interpreters: [] };

  const requests = new Map(instance.families.flatMap((f) => f.requests.map((q) => [q.id, { family: f, q }] as const)));
  const studentIds = [...new Set([...requests.values()].map((r) => r.q.student!))];
  const [students, people, sessions, previous] = await Promise.all([
    studentNames(deps.db, studentIds),
    userNames(deps.db, [...new Set([...instance.families.map((f) => f.id), ...instance.teachers.map((t) => t.id)])]),
    loadRoundTimes(deps.db, round, deps.now(), { live: false }),
    run.previousRunId ? findRun(deps.db, run.previousRunId) : Promise.resolve(undefined),
  ]);
  const student = new Map(students.map((s) => [s.studentId, `${s.givenName} ${s.familyName}`]));
  const person = new Map(people.map((p) => [p.userId, p.name]));
  const interpreterRows = new Map(sessions.interpreters.map((i) => [i.interpreterId, i]));
  const dateOf = new Map(sessions.sessions.map((s) => [s.id, s.date]));
  const before = new Map(((previous?.solution as Solution | null)?.assignments ?? []).map((a) => [a.request, a]));
  const locked = new Set(run.locked);
  const at = (evening: string, time: string) => instantOf(dateOf.get(evening) ?? instance.evenings.find((e) => e.id === evening)!.date, time, round.timeZone).toISOString();

  const meetings = meetingsOf(instance, solution)
    .map((m) => {
      const was = before.get(m.request);
      const a = solution.assignments.find((x) => x.request === m.request)!;
      return {
        request: m.request,
        householdUserId: m.householdUserId,
        family: person.get(m.householdUserId) ?? '',
        studentName: student.get(m.studentId) ?? '',
        teacherId: m.teacherId,
        teacherName: person.get(m.teacherId) ?? '',
        startsAt: at(m.sessionId, m.start),
        endsAt: at(m.sessionId, m.end),
        interpreter: m.interpreterId ? { id: m.interpreterId, name: interpreterRows.get(m.interpreterId)?.name ?? '' } : null,
        language: requests.get(m.request)?.family.language ?? '',
        locked: locked.has(m.request),
        moved: Boolean(previous && (!was || was.evening !== a.evening || was.start !== a.start || was.interpreter !== a.interpreter)),
      };
    })
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.teacherName.localeCompare(b.teacherName));
  const unplaced = solution.unscheduled.map((u) => {
    const r = requests.get(u.request);
    return { request: u.request, family: person.get(r?.family.id ?? '') ?? '', studentName: student.get(r?.q.student ?? '') ?? '', teacherName: person.get(r?.q.teacher ?? '') ?? '', reason: (unscheduledReasons as readonly string[]).includes(u.reason) ? (u.reason as UnscheduledReason) : 'not_placed' };
  });
  const families = instance.families
    .filter((f) => f.requests.length)
    .map((f) => ({ householdUserId: f.id, name: person.get(f.id) ?? '', meetings: meetings.filter((m) => m.householdUserId === f.id).length, waitMinutes: measures.familyIdleBy[f.id] ?? 0 }))
    .sort((a, b) => b.waitMinutes - a.waitMinutes || a.name.localeCompare(b.name));
  const interpreters = instance.interpreters.map((i) => {
    const mine = solution.assignments.filter((a) => a.interpreter === i.id);
    // Idle: on each evening they interpret, from the first meeting's start to the last one's end, minus the meetings.
    let idle = 0;
    for (const e of new Set(mine.map((a) => a.evening))) {
      const spans = mine.filter((a) => a.evening === e).map((a) => [minutesOf(a.start), minutesOf(a.start) + (requests.get(a.request)?.q.minutes ?? 0)] as const);
      idle += Math.max(...spans.map((s) => s[1])) - Math.min(...spans.map((s) => s[0])) - spans.reduce((n, s) => n + s[1] - s[0], 0);
    }
    return { id: i.id, name: interpreterRows.get(i.id)?.name ?? '', languages: interpreterRows.get(i.id)?.languages ?? i.languages, meetings: mine.length, idleMinutes: idle };
  });
  return {
    ...base,
    measures: { requests: measures.requests, scheduled: measures.scheduled, coverage: measures.coverage, familyIdleMean: measures.familyIdle.mean, familyIdleMax: measures.familyIdle.max, teacherIdle: measures.teacherIdle.total },
    meetings,
    unplaced,
    families,
    interpreters,
  };
}

/** Every meeting of the run becomes a confirmed booking, and each family is emailed (with the .ics) — or nothing is published. */
export async function publishRun(deps: Deps, actor: Actor, roundId: string, runId: string): Promise<z.infer<typeof published>> {
  const now = deps.now();
  const round = await schedulingRound(deps, actor, roundId);
  const run = await findRun(deps.db, runId);
  if (!run || run.roundId !== round.id) throw new DomainError('not_found');
  if (run.status !== 'done' || !run.solution) throw new DomainError('run_not_ready');
  const instance = run.instance as Instance;
  const times = await loadRoundTimes(deps.db, round, now, { live: false });
  const dateOf = new Map(times.sessions.map((s) => [s.id, s.date]));
  const meetings = meetingsOf(instance, run.solution as Solution).sort((a, b) => a.studentId.localeCompare(b.studentId));
  const language = new Map(instance.families.map((f) => [f.id, f.language ?? round.schoolLocale]));
  const groups = new Map<string, string>();
  const by = actor.kind === 'user' ? actor.userId : null;
  const rows = await deps.db.transaction(async (tx) => {
    if (!by || !(await markPublished(tx, run.id, by, now))) throw new DomainError('run_not_ready');
    const inserted: BookingRow[] = [];
    for (const m of meetings) {
      const date = dateOf.get(m.sessionId);
      if (!date) throw new DomainError('schedule_out_of_date');
      if (!groups.has(m.householdUserId)) groups.set(m.householdUserId, randomUUID());
      inserted.push(
        await refusedAsOutOfDate(() =>
          insertBooking(tx, {
            schoolId: round.schoolId,
            roundId: round.id,
            teacherId: m.teacherId,
            studentId: m.studentId,
            party: m.party,
            householdUserId: m.householdUserId,
            groupId: groups.get(m.householdUserId)!,
            status: 'confirmed',
            startsAt: instantOf(date, m.start, round.timeZone),
            endsAt: instantOf(date, m.end, round.timeZone),
            language: language.get(m.householdUserId) ?? round.schoolLocale,
            interpreterId: m.interpreterId,
            attendees: [{ kind: 'guardian', userId: m.householdUserId }],
            bookedBy: by,
            confirmedAt: now,
            createdAt: now,
            updatedAt: now,
          }),
        ),
      );
    }
    // The people in time order, like a hold takes them (book.ts): racing writers wait, not deadlock.
    for (const b of [...inserted].sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime())) {
      await refusedAsOutOfDate(() => insertPeople(tx, b.id, peopleOf(b), b.startsAt, b.endsAt));
      await queueBookingMail({ db: tx, now: deps.now }, b, 'confirmed');
      await queueReminder({ db: tx, now: deps.now }, b);
    }
    return inserted;
  });
  return { booked: rows.length, families: groups.size };
}

/** The database refusing a meeting (someone booked there since the run, or the child has a meeting now). */
async function refusedAsOutOfDate<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (refusal(err)) throw new DomainError('schedule_out_of_date');
    throw err;
  }
}


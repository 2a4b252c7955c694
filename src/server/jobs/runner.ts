/**
 * Durable jobs (STYLE.md habit 7): a job is a versioned definition with a zod payload; queueing
 * writes a row; a runner in every server process claims and runs rows. A job survives a restart:
 * a queued one waits in the table, a running one whose process died is claimed again once its
 * lease (renewed while it works) runs out. Handlers must therefore be safe to run twice — e.g. the
 * mail job sends through a dedupe key, so a retry after a crash does not mail twice.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Deps } from '../deps';
import { claimJob, failJob, finishJob, insertJob, renewLease, type JobRow } from './jobs.repo';

export interface JobContext {
  job: JobRow;
  /** Records progress (shown by the page) and renews the lease. */
  progress(value: unknown): Promise<void>;
}

export interface JobDefinition<S extends z.ZodType> {
  kind: string;
  version: number;
  payload: S;
  maxAttempts?: number;
  /** How long a worker may go without renewing before another takes the job over (default LEASE_MS). */
  leaseMs?: number;
  run(deps: Deps, payload: z.output<S>, ctx: JobContext): Promise<unknown>;
}

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

/**
 * Runners started in this process. A job queued here for now wakes them at once instead of at their
 * next poll (a photo is processed as soon as it is uploaded); other processes still find it by polling.
 */
const wakeable = new Set<() => void>();

export async function enqueue<S extends z.ZodType>(
  deps: Pick<Deps, 'db' | 'now'>,
  definition: JobDefinition<S>,
  payload: z.input<S>,
  options: { idempotencyKey?: string; runAt?: Date } = {},
): Promise<string | null> {
  const parsed = definition.payload.parse(payload);
  const id = await insertJob(deps.db, {
    kind: definition.kind,
    version: definition.version,
    payload: parsed,
    maxAttempts: definition.maxAttempts ?? 5,
    runAt: options.runAt ?? deps.now(),
    idempotencyKey: options.idempotencyKey ?? null,
  });
  // (Queued inside a transaction not yet committed, the woken runner finds nothing; the poll will.)
  if (id && !options.runAt) for (const wake of wakeable) wake();
  return id;
}

export const LEASE_MS = 60_000;

export interface JobRunner {
  /** Runs jobs until none is runnable now; returns how many ran. */
  drain(): Promise<number>;
  start(pollMs?: number): void;
  stop(): Promise<void>;
}

export function createJobRunner(deps: Deps, definitions: ReadonlyArray<JobDefinition<z.ZodType>>, log: (msg: string, extra?: object) => void = () => undefined): JobRunner {
  const workerId = randomUUID();
  const byKind = new Map(definitions.map((d) => [d.kind, d]));
  const kinds = [...byKind.keys()];
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  /** Set between two drains: a wake-up may then start the next drain early. */
  let waiting: (() => void) | null = null;

  // Jobs with a longer lease are claimed as stale only after their own lease.
  const longest = Math.max(LEASE_MS, ...definitions.map((d) => d.leaseMs ?? LEASE_MS));
  async function runOne(): Promise<boolean> {
    let job = await claimJob(deps.db, workerId, deps.now(), LEASE_MS, kinds.filter((k) => (byKind.get(k)?.leaseMs ?? LEASE_MS) <= LEASE_MS));
    const longKinds = kinds.filter((k) => (byKind.get(k)?.leaseMs ?? LEASE_MS) > LEASE_MS);
    if (!job && longKinds.length) job = await claimJob(deps.db, workerId, deps.now(), longest, longKinds);
    if (!job) return false;
    const definition = byKind.get(job.kind);
    try {
      if (!definition || definition.version !== job.version) throw new Error(`no definition for ${job.kind} v${job.version}`);
      const payload = definition.payload.parse(job.payload);
      const result = await definition.run(deps, payload, { job, progress: (value) => renewLease(deps.db, job.id, workerId, deps.now(), value) });
      await finishJob(deps.db, job.id, deps.now(), result);
    } catch (err) {
      // Only the first line, and never a failed query's parameters (they hold people's details).
      const message = (err instanceof Error ? err.message : String(err)).split('\nparams:')[0]!.split('\n')[0]!.slice(0, 300);
      // Back off 10 s, 40 s, 90 s…; then give up and keep the error for an admin to see.
      const retryAt = job.attempts < job.maxAttempts ? new Date(deps.now().getTime() + 10_000 * job.attempts ** 2) : null;
      await failJob(deps.db, job, deps.now(), message, retryAt);
      log('job failed', { kind: job.kind, id: job.id, attempts: job.attempts, error: message });
    }
    return true;
  }

  function wake() {
    waiting?.();
  }

  async function drain(): Promise<number> {
    let n = 0;
    while (!stopped && (await runOne())) n++;
    return n;
  }

  return {
    drain,
    start(pollMs = 500) {
      const tick = () => {
        waiting = null;
        running = drain()
          .catch((err: unknown) => log('job runner error', { error: String(err) }))
          .finally(() => {
            if (stopped) return;
            timer = setTimeout(tick, pollMs);
            waiting = () => {
              if (timer) clearTimeout(timer);
              timer = setTimeout(tick, 0);
            };
          });
      };
      timer = setTimeout(tick, 0);
      wakeable.add(wake);
    },
    async stop() {
      stopped = true;
      wakeable.delete(wake);
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

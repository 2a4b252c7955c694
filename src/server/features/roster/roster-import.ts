/**
 * Importing a roster: upload → dry run (a job plans it and stores the preview) → the admin applies
 * it (a job writes it in one transaction: all or nothing). Both steps are durable jobs, so a
 * restart mid-way loses nothing; the page polls the import for its status and progress.
 */
import { z } from 'zod';
import { DomainError } from '../../../domain/errors';
import type { Actor } from '../../../domain/permissions/index';
import { planImport, summarise } from '../../../domain/roster/plan';
import { readRosterUpload } from '../../../domain/roster/read-upload';
import type { Deps } from '../../deps';
import { findJobByKey } from '../../jobs/jobs.repo';
import { defineJob, enqueue } from '../../jobs/runner';
import { authorize } from '../school/authorize';
import { simpleCsvAliases, simpleCsvTemplate } from './simple-csv-template';
import type { LocaleTag } from '../../../contracts/locales';
import type { ImportPlan } from '../../../domain/roster/plan';
import {
  applyPlan,
  findRosterImport,
  findRosterImportWithFiles,
  insertRosterImport,
  loadCurrentRoster,
  lockSchoolRoster,
  markApplying,
  updateRosterImport,
  type ApplyProgress,
  type ApplyResult,
} from './roster.repo';

/** JSON with keys sorted at every level: jsonb gives keys back in its own order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A class code no class has yet: three letters and four characters, easy to read aloud. */
export function newClassCode(taken: Set<string>, random: () => number = Math.random): string {
  for (;;) {
    let code = '';
    for (let i = 0; i < 3; i++) code += CODE_ALPHABET[Math.floor(random() * 24)];
    code += '-';
    for (let i = 0; i < 4; i++) code += CODE_ALPHABET[Math.floor(random() * CODE_ALPHABET.length)];
    if (!taken.has(code)) return code;
  }
}

async function plan(db: Deps['db'], deps: Deps, importId: string) {
  const record = await findRosterImportWithFiles(db, importId);
  if (!record) throw new Error(`roster import ${importId} is gone`);
  const pkg = readRosterUpload(record.files, { simpleAliases: simpleCsvAliases(deps.i18n) });
  const current = await loadCurrentRoster(db, record.schoolId);
  return { record, pkg, current, plan: planImport(pkg, current, { schoolSourcedId: record.schoolSourcedId }) };
}

export const planRosterImportJob = defineJob({
  kind: 'plan-roster-import',
  version: 1,
  payload: z.object({ importId: z.uuid() }),
  async run(deps, { importId }) {
    const { pkg, plan: p } = await plan(deps.db, deps, importId);
    // A blocked upload is never applied: its files (families' details) are not kept — unless all
    // it needs is the admin's choice of school, which plans the same files again.
    const waitsForSchool = p.problems.some((x) => x.code === 'school_ambiguous');
    await updateRosterImport(deps.db, importId, { status: 'planned', format: pkg.format, summary: summarise(p), problems: p.problems, ...(p.blocked && !waitsForSchool ? { files: {} } : {}) });
    return summarise(p);
  },
});

export const applyRosterImportJob = defineJob({
  kind: 'apply-roster-import',
  version: 1,
  payload: z.object({ importId: z.uuid() }),
  // One long transaction: give it time before another worker may think it died.
  leaseMs: 30 * 60_000,
  maxAttempts: 2,
  async run(deps, { importId }, ctx) {
    // Progress goes through the main connection so the page sees it during the transaction —
    // except on PGlite, which runs one transaction at a time (the page waits for it anyway).
    const onProgress = deps.engine === 'postgres' ? (progress: ApplyProgress) => ctx.progress(progress) : undefined;
    let outcome: { applied: ApplyResult; summary: ReturnType<typeof summarise>; problems: ImportPlan['problems'] } | { refused: 'blocked' | 'stale'; summary: ReturnType<typeof summarise> };
    try {
      outcome = await deps.db.transaction(async (tx) => {
        // Imports of one school take turns, and the plan is made again inside the lock, from
        // what the school has now.
        const record = await findRosterImport(tx, importId);
        if (!record) throw new Error(`roster import ${importId} is gone`);
        await lockSchoolRoster(tx, record.schoolId);
        const { plan: p, current } = await plan(tx, deps, importId);
        const summary = summarise(p);
        if (p.blocked) return { refused: 'blocked' as const, summary };
        // What is written must be what the admin saw in the preview; if the school changed since
        // (another import, edits by hand), they check again.
        if (canonical(summary) !== canonical(record.summary)) return { refused: 'stale' as const, summary };
        const applied = await applyPlan(tx, record.schoolId, p, current, { now: deps.now(), newClassCode: (taken) => newClassCode(taken), onProgress });
        return { applied, summary, problems: p.problems };
      });
    } catch (err) {
      // The last try failed: nothing was written (one transaction); the uploaded files go.
      if (ctx.job.attempts >= (ctx.job.maxAttempts ?? 1)) await updateRosterImport(deps.db, importId, { status: 'failed', error: 'write_failed', files: {} });
      throw err;
    }
    if ('refused' in outcome) {
      await updateRosterImport(deps.db, importId, { status: 'failed', error: outcome.refused, files: {} });
      return { applied: false, reason: outcome.refused };
    }
    await updateRosterImport(deps.db, importId, { status: 'applied', appliedAt: deps.now(), summary: { ...outcome.summary, applied: outcome.applied }, problems: outcome.problems, files: {} });
    return outcome.applied;
  },
});

export async function startRosterImport(deps: Deps, actor: Actor, input: { schoolId: string; files: Record<string, string>; schoolSourcedId?: string | null }): Promise<string> {
  authorize(actor, 'roster.manage', { type: 'school', schoolId: input.schoolId });
  const id = await insertRosterImport(deps.db, { schoolId: input.schoolId, createdBy: actor.userId, files: input.files, schoolSourcedId: input.schoolSourcedId ?? null });
  await enqueue(deps, planRosterImportJob, { importId: id }, { idempotencyKey: `plan-roster-import:${id}` });
  return id;
}

export async function getRosterImport(deps: Deps, actor: Actor, importId: string) {
  const record = await findRosterImport(deps.db, importId);
  if (!record) throw new DomainError('not_found');
  authorize(actor, 'roster.manage', { type: 'school', schoolId: record.schoolId });
  // While it is being applied, the progress is the apply job's; if that job gave up, say so.
  if (record.status === 'applying') {
    const job = await findJobByKey(deps.db, `apply-roster-import:${importId}`);
    if (job?.status === 'failed') return { ...record, status: 'failed' as const, error: job.lastError };
    return { ...record, progress: job?.progress ?? null };
  }
  return record;
}

export async function applyRosterImport(deps: Deps, actor: Actor, importId: string): Promise<void> {
  const record = await getRosterImport(deps, actor, importId);
  const blocked = ((record.problems as Array<{ severity: string }> | null) ?? []).some((p) => p.severity === 'error');
  if (record.status !== 'planned' || blocked || !(await markApplying(deps.db, importId))) throw new DomainError('conflict');
  await enqueue(deps, applyRosterImportJob, { importId }, { idempotencyKey: `apply-roster-import:${importId}` });
}

/** The upload holds several schools: the admin says which is theirs, and the dry run is done again. */
export async function chooseImportSchool(deps: Deps, actor: Actor, importId: string, schoolSourcedId: string): Promise<void> {
  const record = await getRosterImport(deps, actor, importId);
  if (record.status !== 'planned') throw new DomainError('conflict');
  await updateRosterImport(deps.db, importId, { schoolSourcedId, status: 'planning', summary: null, problems: null });
  await enqueue(deps, planRosterImportJob, { importId }, { idempotencyKey: `plan-roster-import:${importId}:${schoolSourcedId}` });
}

/** The simple CSV template in the admin's language. */
export function getSimpleCsvTemplate(deps: Deps, actor: Actor, schoolId: string, locale: LocaleTag): string {
  authorize(actor, 'roster.manage', { type: 'school', schoolId });
  return simpleCsvTemplate(deps.i18n, locale);
}

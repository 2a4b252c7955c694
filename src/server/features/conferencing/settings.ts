/**
 * The school's conferencing settings: its stages (a template, or its own), and whether families
 * read their child's pupil conferences. Staff read them (the log form starts from them); the admin
 * changes them. Stages are checked as a whole (domain/conferencing/stages.ts): an overlap or a
 * default type the stage does not use is refused on its field, and nothing is saved.
 */
import type { ConferencingSettings, ConferencingSettingsBody } from '../../../contracts/conferencing';
import { DomainError } from '../../../domain/errors';
import { stageProblems, templates, type Stage } from '../../../domain/conferencing/stages';
import type { Actor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { authorize } from '../school/authorize';
import { stagesOf } from './access';
import { findConferencingSettings, saveConferencingSettings } from './conferencing.repo';

function sourceOf(stored: Stage[] | null): ConferencingSettings['source'] {
  if (!stored || stored.length === 0) return 'uk_primary';
  for (const name of ['uk_primary', 'us_elementary'] as const) if (JSON.stringify(templates[name]) === JSON.stringify(stored)) return name;
  return 'own';
}

export async function getConferencingSettings(deps: Deps, actor: Actor, schoolId: string): Promise<ConferencingSettings> {
  authorize(actor, 'conferencing.stages.read', { type: 'school', schoolId });
  const row = await findConferencingSettings(deps.db, schoolId);
  if (!row) throw new DomainError('not_found');
  return { source: sourceOf(row.stages), stages: stagesOf(row.stages).stages, familiesRead: row.familiesRead };
}

export async function saveSettings(deps: Deps, actor: Actor, schoolId: string, body: ConferencingSettingsBody): Promise<void> {
  authorize(actor, 'conferencing.settings', { type: 'school', schoolId });
  const stages = 'template' in body ? templates[body.template] : (body.stages as Stage[]);
  const problems = stageProblems(stages);
  if (problems.length) throw new DomainError('validation_failed', { fields: Object.fromEntries(problems.map((p) => [['stages', ...p.path].join('.'), p.code])) });
  await saveConferencingSettings(deps.db, schoolId, { stages, familiesRead: body.familiesRead });
}

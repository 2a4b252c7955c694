/**
 * Conference rounds, minimal: a name, the dates and the report period the conferences look back
 * on. The admin creates them; everyone of the school sees them (a child prepares for one).
 */
import { randomUUID } from 'node:crypto';
import type { RoundView } from '../../../contracts/preparation';
import { builtInQuestions, localized, schoolLanguages, type LocalizedText } from '../../../domain/preparation/prompts';
import { DomainError } from '../../../domain/errors';
import type { Actor } from '../../../domain/permissions/index';
import type { PromptQuestion } from '../../db/schema/index';
import type { Deps } from '../../deps';
import { authorize } from '../school/authorize';
import { findSchool } from '../school/school.repo';
import { findRound, insertRound, listRounds, reportPeriodInSchool, schoolReaderLocales, updateRound, type RoundWithPeriod } from './preparation.repo';

export function presentRound(r: RoundWithPeriod): RoundView {
  return { id: r.id, name: r.name, startsOn: r.startsOn, endsOn: r.endsOn, reportPeriodId: r.reportPeriodId, reportPeriodName: r.reportPeriodName ?? null };
}

export async function listSchoolRounds(deps: Deps, actor: Actor, schoolId: string): Promise<{ rounds: RoundView[] }> {
  authorize(actor, 'round.read', { type: 'school', schoolId });
  return { rounds: (await listRounds(deps.db, schoolId)).map(presentRound) };
}

/** The round, if the person has a place in its school (else not_found, like an unknown id). */
export async function roundInSchool(deps: Deps, actor: Actor, roundId: string): Promise<RoundWithPeriod> {
  const round = await findRound(deps.db, roundId);
  if (!round) throw new DomainError('not_found');
  authorize(actor, 'round.read', { type: 'school', schoolId: round.schoolId });
  return round;
}

export async function createRound(
  deps: Deps,
  actor: Actor,
  schoolId: string,
  input: { name: string; startsOn: string; endsOn: string; reportPeriodId: string | null },
): Promise<{ id: string }> {
  authorize(actor, 'round.manage', { type: 'school', schoolId });
  if (input.reportPeriodId && !(await reportPeriodInSchool(deps.db, schoolId, input.reportPeriodId))) {
    throw new DomainError('validation_failed', { fields: { reportPeriodId: 'unknown_period' } });
  }
  return { id: await insertRound(deps.db, { schoolId, ...input, createdBy: actor.userId }) };
}

export async function changeRound(
  deps: Deps,
  actor: Actor,
  roundId: string,
  change: { name?: string; startsOn?: string; endsOn?: string; reportPeriodId?: string | null },
): Promise<RoundView> {
  const round = await roundInSchool(deps, actor, roundId);
  authorize(actor, 'round.manage', { type: 'school', schoolId: round.schoolId });
  const startsOn = change.startsOn ?? round.startsOn;
  const endsOn = change.endsOn ?? round.endsOn;
  if (endsOn < startsOn) throw new DomainError('validation_failed', { fields: { endsOn: 'dates_reversed' } });
  if (change.reportPeriodId && !(await reportPeriodInSchool(deps.db, round.schoolId, change.reportPeriodId))) {
    throw new DomainError('validation_failed', { fields: { reportPeriodId: 'unknown_period' } });
  }
  await updateRound(deps.db, roundId, change);
  return presentRound((await findRound(deps.db, roundId)) as RoundWithPeriod);
}

/** The school's language and the others its families and staff read: the languages to write prompts in. */
export async function languagesOfSchool(deps: Deps, schoolId: string) {
  const school = await findSchool(deps.db, schoolId);
  if (!school) throw new DomainError('not_found');
  return { schoolLocale: school.locale, languages: schoolLanguages(school.locale, await schoolReaderLocales(deps.db, schoolId)) };
}

/** Keeps only filled-in languages; the school's own must be there. `field` names the error's place. */
export function cleanText(text: LocalizedText, schoolLocale: string, field: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [lang, value] of Object.entries(text)) if (value?.trim()) out[lang] = value.trim();
  if (!localized(out, schoolLocale, schoolLocale).text || !out[schoolLocale]) {
    throw new DomainError('validation_failed', { fields: { [`${field}.${schoolLocale}`]: 'required' } });
  }
  return out;
}

/**
 * Questions as stored: Confer's by key, the teacher's own with their words. Ids are what keep a
 * question's answers, so an edit keeps every id the prompt already had: one the page sends back,
 * and, for Confer's questions, the id the key had before (a question switched off and on again
 * gets its answers back). Any other id — new, or made up — is replaced by a fresh one.
 */
export function cleanQuestions(questions: ReadonlyArray<{ id?: string; key?: string; text?: LocalizedText }>, schoolLocale: string, before: readonly PromptQuestion[] = []): PromptQuestion[] {
  const known = new Set(before.map((q) => q.id));
  const idOfKey = new Map(before.filter((q) => q.key).map((q) => [q.key as string, q.id]));
  const seen = new Set<string>();
  return questions.map((q, i) => {
    const key = builtInQuestions.find((k) => k === q.key);
    const wanted = q.id && known.has(q.id) ? q.id : key ? idOfKey.get(key) : undefined;
    const id = wanted && !seen.has(wanted) ? wanted : randomUUID();
    seen.add(id);
    if (key) return { id, key };
    return { id, text: cleanText(q.text ?? {}, schoolLocale, `questions.${i}.text`) };
  });
}

/**
 * A class's selection prompts for a round: "Your best writing — pick 1 — What did you do well?
 * What could make it better?". The class's teachers (and the admin) write them, in the school's
 * languages; a prompt someone has already picked for cannot be removed (their work would go).
 */
import type { PromptView } from '../../../contracts/preparation';
import { DomainError } from '../../../domain/errors';
import type { Actor } from '../../../domain/permissions/index';
import type { LocalizedText } from '../../../domain/preparation/prompts';
import type { PromptRow } from './preparation.repo';
import type { Deps } from '../../deps';
import { authorize } from '../school/authorize';
import { countPickers, deletePromptIfUnpicked, findClass, findPrompt, insertPrompt, listPrompts, movePrompt, updatePrompt } from './preparation.repo';
import { cleanQuestions, cleanText, languagesOfSchool, presentRound, roundInSchool } from './rounds';

type QuestionInput = { id?: string; key?: string; text?: LocalizedText };

async function managedClass(deps: Deps, actor: Actor, classId: string) {
  const cls = await findClass(deps.db, classId);
  if (!cls) throw new DomainError('not_found');
  authorize(actor, 'preparation.manage', { type: 'class', classId, schoolId: cls.schoolId });
  return cls;
}

async function classAndRound(deps: Deps, actor: Actor, classId: string, roundId: string) {
  const cls = await managedClass(deps, actor, classId);
  const round = await roundInSchool(deps, actor, roundId);
  if (round.schoolId !== cls.schoolId) throw new DomainError('not_found');
  return { cls, round };
}

export function presentPrompt(p: PromptRow, pickedBy: number): PromptView {
  return {
    id: p.id,
    position: p.position,
    title: p.title as Record<string, string>,
    pickCount: p.pickCount,
    questions: p.questions.map((q) => ({ id: q.id, key: q.key ?? null, text: (q.text ?? {}) as Record<string, string> })),
    pickedBy,
  };
}

export async function getClassPrompts(deps: Deps, actor: Actor, classId: string, roundId: string) {
  const { cls, round } = await classAndRound(deps, actor, classId, roundId);
  const rows = await listPrompts(deps.db, roundId, [classId]);
  const pickers = await countPickers(deps.db, rows.map((r) => r.id));
  return {
    round: presentRound(round),
    classId,
    className: cls.name,
    ...(await languagesOfSchool(deps, cls.schoolId)),
    prompts: rows.map((r) => presentPrompt(r, pickers.get(r.id) ?? 0)),
  };
}

export async function createPrompt(
  deps: Deps,
  actor: Actor,
  classId: string,
  roundId: string,
  input: { title: LocalizedText; pickCount: number; questions: QuestionInput[] },
): Promise<{ id: string }> {
  const { cls } = await classAndRound(deps, actor, classId, roundId);
  const { schoolLocale } = await languagesOfSchool(deps, cls.schoolId);
  const id = await insertPrompt(deps.db, {
    schoolId: cls.schoolId,
    roundId,
    classId,
    title: cleanText(input.title, schoolLocale, 'title'),
    pickCount: input.pickCount,
    questions: cleanQuestions(input.questions, schoolLocale),
    createdBy: actor.kind === 'user' ? actor.userId : null,
  });
  return { id };
}

async function managedPrompt(deps: Deps, actor: Actor, promptId: string) {
  const prompt = await findPrompt(deps.db, promptId);
  if (!prompt) throw new DomainError('not_found');
  await managedClass(deps, actor, prompt.classId);
  return prompt;
}

export async function changePrompt(
  deps: Deps,
  actor: Actor,
  promptId: string,
  change: { title?: LocalizedText; pickCount?: number; questions?: QuestionInput[]; position?: number },
): Promise<PromptView> {
  const prompt = await managedPrompt(deps, actor, promptId);
  const { schoolLocale } = await languagesOfSchool(deps, prompt.schoolId);
  await updatePrompt(
    deps.db,
    promptId,
    {
      ...(change.title ? { title: cleanText(change.title, schoolLocale, 'title') } : {}),
      ...(change.pickCount !== undefined ? { pickCount: change.pickCount } : {}),
      ...(change.questions ? { questions: cleanQuestions(change.questions, schoolLocale, prompt.questions) } : {}),
    },
    deps.now(),
  );
  if (change.position !== undefined) await movePrompt(deps.db, prompt, change.position);
  const updated = (await findPrompt(deps.db, promptId)) as PromptRow;
  return presentPrompt(updated, (await countPickers(deps.db, [promptId])).get(promptId) ?? 0);
}

export async function removePrompt(deps: Deps, actor: Actor, promptId: string): Promise<void> {
  await managedPrompt(deps, actor, promptId);
  if (!(await deletePromptIfUnpicked(deps.db, promptId))) throw new DomainError('prompt_in_use');
}

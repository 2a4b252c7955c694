/**
 * Pupil conferencing goes on all year, and looks different at each stage of a school. A school
 * names its stages (EYFS, KS1, LKS2, UKS2; or US grade bands), each a range of grade levels with
 * the conference type a teacher starts from, the types that stage uses, the prompts shown to the
 * conferencer, and whether its children may ask for a conference themselves.
 *
 * Worked example (the UK template): Toby is in Year 2 (grade 2), so his stage is KS1: a new
 * conference for him starts as 1-1 with an adult, may also be cross-age (Year 5s conference him),
 * shows the KS1 prompts ("What do you want to talk about?"), and Toby may ask for one from his
 * own home page. A Reception child (grade 0) is in EYFS: picture-led 1-1, and no request button.
 * A child whose grade no stage covers gets the first stage's defaults with every type allowed.
 */
export const conferenceTypes = ['one_to_one', 'peer', 'group', 'cross_age', 'early_years'] as const;
export type ConferenceType = (typeof conferenceTypes)[number];

/** Prompts of our own, translated by the locale files (`conferencing.prompt.<key>`). */
export const promptKeys = [
  'ey_doing',
  'ey_proud',
  'ey_next',
  'ks1_talk',
  'ks1_tricky',
  'ks1_help',
  'lks2_achieved',
  'lks2_barrier',
  'lks2_own_step',
  'uks2_evidence',
  'uks2_barrier',
  'uks2_plan',
  'peer_show',
  'peer_pink',
  'peer_green',
] as const;
export type PromptKey = (typeof promptKeys)[number];

/** One of our prompts, or the school's own words (one text per language; the school's language at least). */
export type StagePrompt = { key: PromptKey; text?: undefined } | { key?: undefined; text: Record<string, string> };

export interface Stage {
  name: string;
  minGrade: number;
  maxGrade: number;
  defaultType: ConferenceType;
  types: ConferenceType[];
  prompts: StagePrompt[];
  /** The stage's children may ask for a conference themselves. */
  requests: boolean;
}

export const STAGE_NAME_MAX = 40;
export const STAGES_MAX = 12;
export const PROMPTS_MAX = 8;
export const PROMPT_MAX = 200;

export type TemplateName = 'uk_primary' | 'us_elementary';

export const templates: Record<TemplateName, Stage[]> = {
  uk_primary: [
    { name: 'EYFS', minGrade: 0, maxGrade: 0, defaultType: 'early_years', types: ['early_years', 'one_to_one'], prompts: [{ key: 'ey_doing' }, { key: 'ey_proud' }, { key: 'ey_next' }], requests: false },
    { name: 'KS1', minGrade: 1, maxGrade: 2, defaultType: 'one_to_one', types: ['one_to_one', 'cross_age'], prompts: [{ key: 'ks1_talk' }, { key: 'ks1_tricky' }, { key: 'ks1_help' }], requests: true },
    { name: 'LKS2', minGrade: 3, maxGrade: 4, defaultType: 'one_to_one', types: ['one_to_one', 'peer', 'group'], prompts: [{ key: 'lks2_achieved' }, { key: 'lks2_barrier' }, { key: 'lks2_own_step' }], requests: true },
    { name: 'UKS2', minGrade: 5, maxGrade: 6, defaultType: 'one_to_one', types: ['one_to_one', 'group', 'peer', 'cross_age'], prompts: [{ key: 'uks2_evidence' }, { key: 'uks2_barrier' }, { key: 'uks2_plan' }], requests: true },
  ],
  us_elementary: [
    { name: 'K–2', minGrade: 0, maxGrade: 2, defaultType: 'one_to_one', types: ['early_years', 'one_to_one', 'cross_age'], prompts: [{ key: 'ey_doing' }, { key: 'ks1_tricky' }, { key: 'ks1_help' }], requests: true },
    { name: '3–5', minGrade: 3, maxGrade: 5, defaultType: 'one_to_one', types: ['one_to_one', 'peer', 'group', 'cross_age'], prompts: [{ key: 'lks2_achieved' }, { key: 'lks2_barrier' }, { key: 'lks2_own_step' }], requests: true },
    { name: '6–8', minGrade: 6, maxGrade: 8, defaultType: 'one_to_one', types: ['one_to_one', 'peer', 'group', 'cross_age'], prompts: [{ key: 'uks2_evidence' }, { key: 'uks2_barrier' }, { key: 'uks2_plan' }], requests: true },
  ],
};

/** The stage a child of this grade is in; stages are checked in order, the first that covers it wins. */
export function stageOf(stages: readonly Stage[], gradeLevel: number): Stage | null {
  return stages.find((s) => gradeLevel >= s.minGrade && gradeLevel <= s.maxGrade) ?? null;
}

/** What a conference for this child starts from: their stage, or (none covers them) every type and no prompts. */
export function defaultsFor(stages: readonly Stage[], gradeLevel: number): { stage: Stage | null; type: ConferenceType; types: ConferenceType[]; prompts: StagePrompt[]; requests: boolean } {
  const stage = stageOf(stages, gradeLevel);
  if (!stage) return { stage: null, type: gradeLevel <= 0 ? 'early_years' : 'one_to_one', types: [...conferenceTypes], prompts: [], requests: gradeLevel >= 1 };
  return { stage, type: stage.defaultType, types: stage.types, prompts: stage.prompts, requests: stage.requests };
}

export type StageProblem = { path: (string | number)[]; code: 'stage_overlap' | 'grades_reversed' | 'default_type_not_allowed' | 'duplicate_name' };

/**
 * Checks a school's stages as a whole (zod checks each field): names unique, each range the right
 * way round and overlapping no other, the default type among the stage's types.
 * E.g. KS1 1–2 and LKS2 2–4 overlap at grade 2: the problem names stages.1.minGrade.
 */
export function stageProblems(stages: readonly Stage[]): StageProblem[] {
  const problems: StageProblem[] = [];
  const names = new Set<string>();
  stages.forEach((s, i) => {
    const name = s.name.trim().toLowerCase();
    if (names.has(name)) problems.push({ path: [i, 'name'], code: 'duplicate_name' });
    names.add(name);
    if (s.minGrade > s.maxGrade) problems.push({ path: [i, 'maxGrade'], code: 'grades_reversed' });
    if (!s.types.includes(s.defaultType)) problems.push({ path: [i, 'defaultType'], code: 'default_type_not_allowed' });
    for (let j = 0; j < i; j++) {
      const o = stages[j]!;
      if (s.minGrade <= o.maxGrade && o.minGrade <= s.maxGrade) {
        problems.push({ path: [i, 'minGrade'], code: 'stage_overlap' });
        break;
      }
    }
  });
  return problems;
}

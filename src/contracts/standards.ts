/** API shapes: CASE standards frameworks — import, browse, search, the school's own; summaries for criteria and posts to show. */
import { z } from 'zod';
import { UUID_SHAPE } from '../domain/standards/case-package';
import { caseProblemCodes } from '../domain/standards/problems';

/** A CASE identifier: a UUID of any version (imported ones are kept as given, e.g. `d0000000-0000-0000-0000-000000000000`). */
export const caseIdentifier = z.string().regex(UUID_SHAPE);

export const OWN_TITLE_MAX = 200;
export const OWN_STATEMENT_MAX = 2_000;
export const OWN_CODE_MAX = 50;

/**
 * A standard as other features show it (a criterion's or a post's standards): its CASE identifier,
 * its framework, its coding ("Y1.W.1") and statement. Return it in your views; pick with
 * `StandardPicker` (src/web/features/standards/standard-picker.tsx).
 */
export const standardSummary = z.object({
  identifier: z.string(),
  frameworkIdentifier: z.string(),
  humanCodingScheme: z.string().nullable(),
  fullStatement: z.string(),
  frameworkTitle: z.string(),
});
export type StandardSummary = z.infer<typeof standardSummary>;

export const schoolFrameworkParams = z.object({ id: z.uuid(), identifier: caseIdentifier });
export const schoolItemParams = schoolFrameworkParams;

export const frameworkSummary = z.object({
  identifier: z.string(),
  title: z.string(),
  creator: z.string().nullable(),
  /** `case`: imported from a CASE package (read-only here); `school`: written by the school. */
  source: z.enum(['case', 'school']),
  caseVersion: z.string().nullable(),
  /** CFDocument.adoptionStatus as given ("Draft", "Adopted"…). */
  adoptionStatus: z.string().nullable(),
  /** Current items (not those a newer version removed). */
  itemCount: z.number().int(),
  /** CFDocument.lastChangeDateTime as given. */
  lastChangeDateTime: z.string().nullable(),
  /** When Confer last changed it (an import that changed something, or an edit). */
  updatedAt: z.string(),
});
export type FrameworkSummary = z.infer<typeof frameworkSummary>;

export const frameworkList = z.object({ frameworks: z.array(frameworkSummary), can: z.object({ manage: z.boolean() }) });
export type FrameworkList = z.infer<typeof frameworkList>;

export const standardItemView = z.object({
  identifier: z.string(),
  /** Null: at the top level, directly under the framework. */
  parentIdentifier: z.string().nullable(),
  depth: z.number().int(),
  humanCodingScheme: z.string().nullable(),
  /** As given: may hold markdown, math or line breaks; show it as plain text. */
  fullStatement: z.string(),
  abbreviatedStatement: z.string().nullable(),
  listEnumeration: z.string().nullable(),
  itemType: z.string().nullable(),
  educationLevel: z.array(z.string()),
});
export type StandardItemView = z.infer<typeof standardItemView>;

export const frameworkView = frameworkSummary.extend({
  uri: z.string().nullable(),
  subject: z.array(z.string()),
  description: z.string().nullable(),
  version: z.string().nullable(),
  /** Items an earlier version had and the latest import does not (kept for what links to them). */
  removedCount: z.number().int(),
  /** Current items in tree order (depth-first). */
  items: z.array(standardItemView),
  can: z.object({ edit: z.boolean() }),
});
export type FrameworkView = z.infer<typeof frameworkView>;

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const newFramework = z.object({
  title: z.string().trim().min(1).max(OWN_TITLE_MAX),
  /** Who wrote it; the school's name when left out. */
  creator: optionalText(OWN_TITLE_MAX),
  subject: optionalText(100),
});
export const frameworkChange = z
  .object({ title: z.string().trim().min(1).max(OWN_TITLE_MAX).optional(), creator: optionalText(OWN_TITLE_MAX), subject: optionalText(100) })
  .refine((v) => Object.keys(v).length > 0, { message: 'empty' });

export const newStandardItem = z.object({
  fullStatement: z.string().trim().min(1).max(OWN_STATEMENT_MAX),
  /** "Y2.W.3"; optional. */
  humanCodingScheme: z.string().trim().max(OWN_CODE_MAX).nullable().default(null),
  /** Under this item; null for the top level. */
  parentIdentifier: caseIdentifier.nullable().default(null),
  /** Place among its siblings (0 = first); the end when left out. */
  index: z.number().int().min(0).max(100_000).optional(),
});
export type NewStandardItem = z.input<typeof newStandardItem>;

/** Edit the words, or move it (under another item, or to another place among its siblings), or both. */
export const standardItemChange = z
  .object({
    fullStatement: z.string().trim().min(1).max(OWN_STATEMENT_MAX).optional(),
    humanCodingScheme: z.string().trim().max(OWN_CODE_MAX).nullable().optional(),
    parentIdentifier: caseIdentifier.nullable().optional(),
    index: z.number().int().min(0).max(100_000).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'empty' });
export type StandardItemChange = z.infer<typeof standardItemChange>;

export const caseProblem = z.object({
  /** JSON path in the package: `CFItems[3].identifier`; `$` for the whole file. */
  path: z.string(),
  /** `standards.problems.<code>` in the locale files. */
  code: z.enum(caseProblemCodes),
});
export type CaseProblemView = z.infer<typeof caseProblem>;

/**
 * What an import did. A package with any problem imports nothing and answers 400
 * `validation_failed` whose `fields` are JSON path → problem code (`standards.problems.<code>`;
 * at most 100, then `$: more_problems`).
 */
export const importResult = z.object({
  identifier: z.string(),
  title: z.string(),
  caseVersion: z.enum(['1.0', '1.1']),
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  removed: z.number().int(),
  restored: z.number().int(),
  /** What was odd but did not stop the import. */
  warnings: z.array(caseProblem),
});
export type ImportResult = z.infer<typeof importResult>;

export const searchQuery = z.object({
  /** Words (each must appear) or a coding such as "Y1.W.1"; case does not matter. */
  q: z.string().max(200),
  /** Only in this framework. */
  framework: caseIdentifier.optional(),
});

export const searchResult = standardSummary.extend({
  /** From the top of the framework down to the item's parent. */
  path: z.array(z.object({ identifier: z.string(), humanCodingScheme: z.string().nullable(), fullStatement: z.string() })),
});
export type SearchResult = z.infer<typeof searchResult>;
export const searchResults = z.object({ results: z.array(searchResult) });

/** `ids=a,b,c`: up to 100 item identifiers, comma-separated. */
export const summariesQuery = z.object({ ids: z.string().regex(/^([0-9a-fA-F-]{36})(,[0-9a-fA-F-]{36}){0,99}$/) });
export const MAX_SUMMARIES = 100;
export const standardSummaries = z.object({ items: z.array(standardSummary.extend({ /** A newer version of its framework no longer has it. */ removed: z.boolean() })) });
export type StandardSummaryWithState = z.infer<typeof standardSummaries>['items'][number];

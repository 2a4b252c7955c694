/**
 * What is wrong with a CASE package, said precisely enough to fix it: the JSON path of the value
 * (`CFItems[3].identifier`, `$` for the whole file) and a stable code the page shows in the
 * reader's language as `standards.problems.<code>`.
 */
export const caseProblemCodes = [
  /** The file is not UTF-8 text. */
  'not_utf8',
  /** The file is not JSON at all. */
  'not_json',
  /** The JSON is not a CFPackage: not an object, or an array of things. */
  'not_a_package',
  /** A value CASE (and Confer) needs is missing. */
  'required',
  'not_object',
  'not_array',
  'not_string',
  'not_integer',
  /** A text that must say something is empty. */
  'empty',
  /** An identifier is not a UUID (8-4-4-4-12 hexadecimal digits). */
  'not_uuid',
  /** A text is longer than Confer keeps (see the limits in case-package.ts). */
  'too_long',
  /** A text holds a NUL character or half of a UTF-16 surrogate pair, which no database text can hold. */
  'invalid_characters',
  /** CFDocument.caseVersion is there but is not "1.1" (the only value CASE 1.1 allows). */
  'unsupported_version',
  /** Two things in the package have the same identifier. */
  'duplicate_identifier',
  /** An isChildOf association's origin is not an item of the package. */
  'unknown_item',
  /** An isChildOf association's destination is neither an item of the package nor its document. */
  'unknown_parent',
  /** isChildOf associations go round in a circle (an item is, in the end, its own parent). */
  'cycle',
  /** The identifier belongs to another framework of this school already. */
  'identifier_in_other_framework',
  /** The document is the school's own framework (written in Confer): edit it here instead. */
  'framework_is_own',
  /** More problems than are shown; fix these and import again. */
  'more_problems',
  // Warnings: the import goes ahead; the page says what was odd.
  /** The official CASE 1.1 schema requires this value; Confer does not need it, and fills it in on export. */
  'recommended_missing',
  /** The item is the child of more than one parent: Confer shows it under the first one only. */
  'several_parents',
  /** The item has no isChildOf association: Confer shows it at the top level. */
  'no_parent',
  /** The item's statement is empty. */
  'empty_statement',
] as const;

export type CaseProblemCode = (typeof caseProblemCodes)[number];

export interface CaseProblem {
  /** JSON path: `CFItems[3].identifier`, `CFAssociations[0].destinationNodeURI.identifier`, or `$` for the whole file. */
  path: string;
  code: CaseProblemCode;
}

/** At most this many problems are reported at once (a broken export can have thousands, all alike). */
export const MAX_PROBLEMS = 100;

/**
 * The problems as an error's `fields` (path → code), the first `MAX_PROBLEMS` of them; when there
 * are more, `$` says so. One problem per path: the first found.
 */
export function problemFields(problems: readonly CaseProblem[]): Record<string, string> {
  const fields: Record<string, string> = {};
  let shown = 0;
  for (const p of problems) {
    if (p.path in fields) continue;
    if (shown === MAX_PROBLEMS) {
      fields.$ = 'more_problems';
      break;
    }
    fields[p.path] = p.code;
    shown++;
  }
  return fields;
}

/**
 * What is wrong with an imported file, said precisely enough to fix it: which file, which line
 * (1-based, counting the header as line 1), which column, and a stable code the page shows in the
 * admin's language as `roster.problems.<code>` with `values`.
 */
export const problemCodes = [
  /** The CSV cannot be read (unclosed quote, binary content). */
  'csv_unreadable',
  /** A required file of the format is missing from the upload. */
  'file_missing',
  /** The file has no header row or is empty. */
  'file_empty',
  /** A required column is missing from the header. */
  'column_missing',
  /** A row has more or fewer cells than the header. */
  'row_length',
  /** A required cell is empty. */
  'value_missing',
  /** A cell is not one of the allowed values (`values.allowed`). */
  'value_not_allowed',
  /** A date is not YYYY-MM-DD (or, for SDS, M/D/YYYY). */
  'date_invalid',
  /** An email address does not look like one. */
  'email_invalid',
  /** The same sourcedId appears twice in one file. */
  'duplicate_id',
  /** A reference to a row that is in neither the upload nor the school (e.g. an enrollment's class). */
  'reference_unknown',
  /** manifest.csv is missing or names an unsupported version. */
  'manifest_invalid',
  /** A term ends before it starts. */
  'dates_reversed',
  /** An ignored row (another school's, or a role Confer does not use): informational. */
  'row_ignored',
  /** The upload holds more than one school and none is chosen. */
  'school_ambiguous',
  /** The files are neither OneRoster (manifest.csv), SDS v2.1, nor Confer's simple CSV. */
  'format_unknown',
  /** Two people in the upload share an email address: the later one is imported without it. */
  'email_duplicate',
] as const;

export type ProblemCode = (typeof problemCodes)[number];

export interface Problem {
  file: string;
  /** 1-based line of the row (the header is line 1); 0 for a problem with the whole file. */
  line: number;
  column?: string;
  code: ProblemCode;
  values?: Record<string, string | number>;
  /** Warnings do not stop an import; errors do. */
  severity: 'error' | 'warning';
}

export function problem(file: string, line: number, code: ProblemCode, extra: Partial<Omit<Problem, 'file' | 'line' | 'code'>> = {}): Problem {
  return { file, line, code, severity: extra.severity ?? (code === 'row_ignored' || code === 'email_duplicate' ? 'warning' : 'error'), ...extra };
}

/**
 * Reads one CSV file with csv-parse: quoted fields, embedded commas and newlines, UTF-8 with or
 * without BOM, CRLF or LF. Keeps each row's starting line so problems can point at it.
 */
import { parse } from 'csv-parse/sync';
import { problem, type Problem } from './problems';

export interface CsvRow {
  /** 1-based line the row starts on (header = 1). */
  line: number;
  cells: Record<string, string>;
}

export interface CsvTable {
  file: string;
  headers: string[];
  rows: CsvRow[];
  problems: Problem[];
}

interface ParsedRecord {
  record: string[];
  info: { lines: number; empty_lines: number };
}

export function readCsv(file: string, text: string): CsvTable {
  let records: ParsedRecord[];
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true, trim: false }) as unknown as ParsedRecord[];
  } catch (err) {
    const line = typeof (err as { lines?: number }).lines === 'number' ? (err as { lines: number }).lines : 0;
    return { file, headers: [], rows: [], problems: [problem(file, line, 'csv_unreadable')] };
  }
  const first = records[0];
  if (!first || first.record.every((h) => h.trim() === '')) {
    return { file, headers: [], rows: [], problems: [problem(file, 0, 'file_empty')] };
  }
  const headers = first.record.map((h) => h.trim());
  const rows: CsvRow[] = [];
  const problems: Problem[] = [];
  let prev = first.info;
  // A record's start line: one past where the previous one ended, plus any blank lines skipped.
  for (const { record, info } of records.slice(1)) {
    const line = prev.lines + 1 + (info.empty_lines - prev.empty_lines);
    prev = info;
    if (record.length === 1 && record[0]?.trim() === '') continue;
    if (record.length !== headers.length) {
      problems.push(problem(file, line, 'row_length', { values: { expected: headers.length, found: record.length } }));
      continue;
    }
    const cells: Record<string, string> = {};
    headers.forEach((h, i) => (cells[h] = unescapeFormula((record[i] ?? '').trim())));
    rows.push({ line, cells });
  }
  return { file, headers, rows, problems };
}

/** Problems for required columns that the header lacks. */
export function requireColumns(table: CsvTable, required: readonly string[]): Problem[] {
  if (table.headers.length === 0) return [];
  return required.filter((c) => !table.headers.includes(c)).map((column) => problem(table.file, 1, 'column_missing', { column }));
}

/** Undoes spreadsheet formula escaping ('=…, '+44…), so an exported file reads back as it was. */
export function unescapeFormula(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

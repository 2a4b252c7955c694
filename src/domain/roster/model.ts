/**
 * A roster as Confer understands it, whatever file format it came in (OneRoster 1.1/1.2 CSV,
 * Microsoft SDS v2.1 CSV, or the simple one-file CSV). Readers produce a RosterPackage; the
 * planner compares it with what the school has and says what an import would change.
 * Identifiers are the source system's `sourcedId`s, kept as they are.
 */
import type { Problem } from './problems';

export type RowStatus = 'active' | 'tobedeleted';
/** bulk: the file is the whole truth (rows not in it are archived); delta: only the rows in it change. */
export type FileMode = 'bulk' | 'delta' | 'absent';

interface Row {
  sourcedId: string;
  status: RowStatus;
  /** ISO 8601 from the source; an update older than what Confer has is skipped. */
  dateLastModified: string | null;
  /** Where the row is, for problems: file and 1-based line. */
  file: string;
  line: number;
}

export interface RosterOrg extends Row {
  name: string;
  type: string;
}

export interface RosterTerm extends Row {
  title: string;
  /** term or semester → a Confer term; gradingPeriod → a report period inside its parent term. */
  kind: 'term' | 'gradingPeriod';
  startDate: string;
  endDate: string;
  parentSourcedId: string | null;
}

export interface RosterClass extends Row {
  title: string;
  schoolSourcedId: string;
  grades: string[];
  classCode: string | null;
  /** As the school names it ("Year 1"), where the format says; else derived from grades. */
  yearGroup?: string | null;
}

export type PersonRole = 'student' | 'teacher' | 'aide' | 'administrator' | 'guardian';

export interface RosterPerson extends Row {
  role: PersonRole;
  givenName: string;
  familyName: string;
  email: string | null;
  username: string | null;
  phone: string | null;
  grades: string[];
  schoolSourcedIds: string[];
  /** For a student: their guardians; for a guardian: their children (OneRoster `agentSourcedIds`). */
  agentSourcedIds: string[];
  /** For a guardian: parent, guardian, relative… as the source says. */
  relationship: string | null;
  /** BCP 47 language the person prefers, where the format carries one (the simple CSV does). */
  preferredLanguage: string | null;
  enabled: boolean;
  /** As the school names them, where the format says (the simple CSV); else derived from grades. */
  yearGroup?: string | null;
  keyStage?: string | null;
}

export interface RosterEnrollment {
  /** OneRoster has one; SDS does not (then class + user is the key). */
  sourcedId: string | null;
  classSourcedId: string;
  userSourcedId: string;
  role: 'student' | 'teacher' | 'aide';
  primary: boolean;
  status: RowStatus;
  dateLastModified: string | null;
  file: string;
  line: number;
}

export interface RosterPackage {
  format: 'oneroster-1.1' | 'oneroster-1.2' | 'sds-2.1' | 'simple-csv';
  modes: { orgs: FileMode; terms: FileMode; classes: FileMode; users: FileMode; enrollments: FileMode };
  orgs: RosterOrg[];
  terms: RosterTerm[];
  classes: RosterClass[];
  people: RosterPerson[];
  enrollments: RosterEnrollment[];
  problems: Problem[];
  /**
   * Whom a bulk file speaks for. The simple CSV lists children and families only, so it must not
   * archive the staff (or their classes) that came from elsewhere. Unset: everyone.
   */
  scope?: { roles: PersonRole[] };
}

/**
 * CEDS grade codes (OneRoster `grades`) → Confer's grade level and a year-group label.
 * Example: 'KG' → 0 'Kindergarten'; '03' → 3 'Grade 3'; 'PK' → -1 'Pre-kindergarten'.
 */
export function gradeOf(codes: readonly string[]): { gradeLevel: number; yearGroup: string } | null {
  const code = codes[0]?.trim().toUpperCase();
  if (!code) return null;
  const named: Record<string, [number, string]> = { IT: [-3, 'Infant/toddler'], PR: [-2, 'Preschool'], PK: [-1, 'Pre-kindergarten'], TK: [-1, 'Transitional kindergarten'], KG: [0, 'Kindergarten'] };
  const hit = named[code];
  if (hit) return { gradeLevel: hit[0], yearGroup: hit[1] };
  const n = Number(code);
  if (Number.isInteger(n) && n >= 1 && n <= 13) return { gradeLevel: n, yearGroup: `Grade ${n}` };
  return null;
}

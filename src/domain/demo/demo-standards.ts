/**
 * The demo school's own standards framework: a few plain Year 1 and Year 2 writing and maths
 * statements, written for Confer's demo (not quoted from any published curriculum). Every
 * identifier is fixed, so the demo is the same on every machine and other demo data (criteria,
 * tagged posts) can point at a statement by its code: `demoStandardId('Y1.W.1')`.
 */
import { authoredDocument, authoredItem, childOfAssociation, type AuthoredNode } from '../standards/authoring';
import type { JsonObject } from '../standards/case-package';

export interface DemoStandard {
  code: string;
  statement: string;
  children?: DemoStandard[];
}

export const DEMO_FRAMEWORK_ID = '5a1d0c1e-0000-4000-8000-000000000000';
export const DEMO_FRAMEWORK_TITLE = 'Riverside Key Stage 1: writing and maths';

export const demoStandards: DemoStandard[] = [
  {
    code: 'Y1',
    statement: 'Year 1',
    children: [
      {
        code: 'Y1.W',
        statement: 'Writing',
        children: [
          { code: 'Y1.W.1', statement: 'Leave spaces between words' },
          { code: 'Y1.W.2', statement: 'Begin a sentence with a capital letter' },
          { code: 'Y1.W.3', statement: 'End a sentence with a full stop' },
          { code: 'Y1.W.4', statement: 'Sound out words to spell them' },
          { code: 'Y1.W.5', statement: 'Use a capital letter for names and for the word “I”' },
        ],
      },
      {
        code: 'Y1.M',
        statement: 'Maths',
        children: [
          { code: 'Y1.M.1', statement: 'Count to 100, forwards and backwards, from any number' },
          { code: 'Y1.M.2', statement: 'Read and write numbers to 20 in numerals' },
          { code: 'Y1.M.3', statement: 'Add and take away one-digit numbers to 20' },
          { code: 'Y1.M.4', statement: 'Tell the time to the hour and to half past the hour' },
        ],
      },
    ],
  },
  {
    code: 'Y2',
    statement: 'Year 2',
    children: [
      {
        code: 'Y2.W',
        statement: 'Writing',
        children: [
          { code: 'Y2.W.1', statement: 'Join ideas in a sentence with “and”, “but”, “or” and “because”' },
          { code: 'Y2.W.2', statement: 'Use question marks and exclamation marks' },
          { code: 'Y2.W.3', statement: 'Write about events in the order they happened' },
          { code: 'Y2.W.4', statement: 'Read my writing back to check that it makes sense' },
        ],
      },
      {
        code: 'Y2.M',
        statement: 'Maths',
        children: [
          { code: 'Y2.M.1', statement: 'Count in steps of 2, 3, 5 and 10' },
          { code: 'Y2.M.2', statement: 'Know the 2, 5 and 10 times tables' },
          { code: 'Y2.M.3', statement: 'Find a half and a quarter of a shape or a group of objects' },
          { code: 'Y2.M.4', statement: 'Measure lengths in centimetres and metres' },
        ],
      },
    ],
  },
];

/** Each statement in tree order with its fixed identifiers: the item `…-0001-…-0000000000NN` and its isChildOf `…-0002-…-0000000000NN`. */
function numbered(): Array<{ s: DemoStandard; parent: string | null; n: number; index: number }> {
  const out: Array<{ s: DemoStandard; parent: string | null; n: number; index: number }> = [];
  const walk = (list: DemoStandard[], parent: string | null) =>
    list.forEach((s, index) => {
      out.push({ s, parent, n: out.length + 1, index });
      walk(s.children ?? [], s.code);
    });
  walk(demoStandards, null);
  return out;
}

const fixed = (kind: '0001' | '0002', n: number) => `5a1d0c1e-${kind}-4000-8000-${String(n).padStart(12, '0')}`;

const ids = new Map(numbered().map(({ s, n }) => [s.code, fixed('0001', n)]));

/** The CASE identifier of a demo statement, by its code ("Y1.W.1"). */
export function demoStandardId(code: string): string {
  const id = ids.get(code);
  if (!id) throw new Error(`No demo standard ${code}`);
  return id;
}

/** The framework as a CASE 1.1 package (what the seed imports as the school's own). `now` is an ISO date-time. */
export function demoStandardsPackage(schoolName: string, now: string): JsonObject {
  const list = numbered();
  const node = (code: string | null): AuthoredNode =>
    code === null ? { identifier: DEMO_FRAMEWORK_ID, fullStatement: DEMO_FRAMEWORK_TITLE, humanCodingScheme: null } : { identifier: demoStandardId(code), fullStatement: list.find((x) => x.s.code === code)!.s.statement, humanCodingScheme: code };
  return {
    CFDocument: authoredDocument({ identifier: DEMO_FRAMEWORK_ID, title: DEMO_FRAMEWORK_TITLE, creator: schoolName, subject: null, now }),
    CFItems: list.map(({ s }) => authoredItem({ identifier: demoStandardId(s.code), fullStatement: s.statement, humanCodingScheme: s.code, now })),
    CFAssociations: list.map(({ s, parent, n, index }) => childOfAssociation({ identifier: fixed('0002', n), child: node(s.code), parent: node(parent), sequenceNumber: index + 1, now })),
  };
}

/**
 * The demo school's goals, so a newcomer sees them at work: the printed pupil has one goal already
 * achieved in the Autumn report period and one she works on for Spring; the printed family's two
 * children each have a Spring goal (the younger one's mother has written her commitment, the older
 * one's not yet — the empty box a family fills in); the Korean family's child has one with his
 * mother's commitment in Korean. Check-ins link the children's approved demo posts as evidence.
 * Pure data; dates are days before the seed's "now". (Autumn 2026 ends on 18 December; the demo is
 * seeded before then, so nothing has been carried forward yet: that happens at the period's end.)
 */
export type DemoGoalChild = 'printed' | 'sibling1' | 'sibling2' | 'korean';

export interface DemoGoal {
  who: DemoGoalChild;
  /** The report period's name, from the demo school's terms. */
  period: 'Autumn report' | 'Spring report';
  what: string;
  measure: string;
  daysAgo: number;
  achievedDaysAgo?: number;
  /** Set by the child (else by their class teacher). */
  byChild?: boolean;
  /** Written by the child, their class teacher, or (for the printed family and the Korean one) the printed guardian. */
  commitments: Array<{ by: 'child' | 'teacher' | 'guardian'; text: string }>;
  checkins: Array<{ daysAgo: number; by: 'child' | 'teacher'; note: string; evidence: string[] }>;
}

export const demoGoals: DemoGoal[] = [
  {
    who: 'printed',
    period: 'Autumn report',
    what: 'Add numbers up to 10',
    measure: 'I can do five sums to 10 by myself.',
    daysAgo: 40,
    achievedDaysAgo: 4,
    commitments: [
      { by: 'child', text: 'I will count things at home, like spoons and socks.' },
      { by: 'teacher', text: 'I will give Ava number games to take home every week.' },
    ],
    checkins: [{ daysAgo: 5, by: 'teacher', note: 'Ava added to 10 on her fingers, all by herself.', evidence: ['Adding up'] }],
  },
  {
    who: 'printed',
    period: 'Spring report',
    what: 'Write three sentences with a full stop at the end',
    measure: 'Three sentences in my writing book, each one ending with a dot.',
    daysAgo: 3,
    byChild: true,
    commitments: [
      { by: 'child', text: 'I will write one sentence every day.' },
      { by: 'teacher', text: 'I will look at Ava’s writing book with her every Friday.' },
    ],
    checkins: [{ daysAgo: 2, by: 'child', note: 'I wrote two sentences about the park.', evidence: ['My weekend'] }],
  },
  {
    who: 'sibling1',
    period: 'Spring report',
    what: 'Build a rocket from boxes',
    measure: 'A photo of the rocket in my portfolio, and I can say how I made it.',
    daysAgo: 6,
    byChild: true,
    commitments: [
      { by: 'child', text: 'I will draw a plan first.' },
      { by: 'guardian', text: 'I will keep boxes and tubes for the rocket.' },
    ],
    checkins: [{ daysAgo: 6, by: 'teacher', note: 'A great plan for the rocket: three windows and fins.', evidence: ['A rocket for space'] }],
  },
  {
    who: 'sibling2',
    period: 'Spring report',
    what: 'Add a counter-argument to my persuasive writing',
    measure: 'My next persuasive letter has a paragraph that answers the other side.',
    daysAgo: 4,
    commitments: [
      { by: 'child', text: 'I will read two persuasive letters and find how they answer the other side.' },
      { by: 'teacher', text: 'I will show the class examples of counter-arguments.' },
    ],
    checkins: [{ daysAgo: 3, by: 'teacher', note: 'Three good reasons and connectives; next, the other side.', evidence: ['Persuasive letter'] }],
  },
  {
    who: 'korean',
    period: 'Spring report',
    what: 'Read a book aloud to my family every week',
    measure: 'My reading log has a book for every week.',
    daysAgo: 5,
    commitments: [
      { by: 'child', text: 'I will choose a new book every Monday.' },
      { by: 'guardian', text: '매주 금요일 저녁에 아이가 읽어 주는 책을 함께 들을게요.' },
    ],
    checkins: [],
  },
];

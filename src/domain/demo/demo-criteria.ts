/**
 * The demo school's success criteria: the Owls' own "What good writers do" and Year 1's shared
 * "What good representers do" (the seeds' grade-one teacher's two anchor charts), written as a
 * five-year-old would say them, with pictures of the set; the writers' criteria stand for the demo
 * framework's Year 1 writing statements. The printed pupil's posts have some criteria ticked (her
 * weekend writing shows spaces and sounding out, as her reflection says). Pure data.
 */
import type { CriteriaPictureKey } from '../criteria/pictures';

export interface DemoCriterion {
  wording: string;
  picture: CriteriaPictureKey;
  /** A code of the demo standards framework (demo-standards.ts) it stands for. */
  standard?: string;
}

export interface DemoCriteriaList {
  key: 'writers' | 'representers';
  title: string;
  /** The class's own (by class key), or shared by the year group of that class. */
  scope: { classKey: string } | { yearGroupOf: string };
  /** A subject of the default list (src/domain/portfolio/default-tags.ts). */
  subject: string;
  criteria: DemoCriterion[];
}

export const demoCriteriaLists: DemoCriteriaList[] = [
  {
    key: 'writers',
    title: 'What good writers do',
    scope: { classKey: 'owls' },
    subject: 'Language arts',
    criteria: [
      { wording: 'I put spaces between my words.', picture: 'spaces', standard: 'Y1.W.1' },
      { wording: 'I start with a capital letter.', picture: 'capital', standard: 'Y1.W.2' },
      { wording: 'I put a full stop at the end.', picture: 'full_stop', standard: 'Y1.W.3' },
      { wording: 'I sound out words to spell them.', picture: 'ear', standard: 'Y1.W.4' },
    ],
  },
  {
    key: 'representers',
    title: 'What good representers do',
    scope: { yearGroupOf: 'owls' },
    subject: 'Language arts',
    criteria: [
      { wording: 'I look carefully at what I draw.', picture: 'eye' },
      { wording: 'I add details.', picture: 'magnifier' },
      { wording: 'I use colours that match.', picture: 'palette' },
      { wording: 'I can tell you what my picture shows.', picture: 'speech' },
    ],
  },
];

/** Criteria ticked on demo posts (by the post's caption, for the printed pupil): [list key, criterion index]. */
export const demoTicks: Array<{ caption: string; criteria: Array<[DemoCriteriaList['key'], number]>; standards?: string[] }> = [
  { caption: 'My weekend', criteria: [['writers', 0], ['writers', 3]], standards: ['Y1.W.1'] },
  { caption: 'My frog', criteria: [['representers', 0], ['representers', 1]] },
];

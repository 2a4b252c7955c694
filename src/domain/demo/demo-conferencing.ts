/**
 * The demo school's pupil conferencing, as data: a Reception class (the Robins, EYFS) with its
 * teacher, whose children conference picture-led; conferences logged through the autumn for Owls
 * (Year 1) and Kestrels (Year 5) children, with barriers, next steps and follow-ups (one due this
 * week, one late); a Year 5 pupil conferencing a Year 1 child, with a note waiting for the teacher;
 * and children's requests in the queue. Days are counted back from the day the demo is seeded.
 */
import type { ConferenceType } from '../conferencing/stages';
import type { StepOwner } from '../conferencing/log';
import type { AvatarKey, PasswordPictureKey } from '../pictures';

export const demoRobins = {
  teacher: { key: 'robins', givenName: 'Aisha', familyName: 'Rahman' },
  class: { name: 'Robins', yearGroup: 'Reception', gradeLevel: 0, keyStage: 'EYFS', classCode: 'ROB-7KQ2' },
  children: [
    { givenName: 'Maisie', familyName: 'Thornton', avatar: 'owl', pictures: ['cat', 'sun'], guardian: ['Laura', 'mother'] },
    { givenName: 'Reuben', familyName: 'Akande', avatar: 'lion', pictures: ['star', 'fish'], guardian: ['Tunde', 'father'] },
    { givenName: 'Isla', familyName: 'McKay', avatar: 'rabbit', pictures: ['moon', 'tree'], guardian: ['Fiona', 'mother'] },
    { givenName: 'Yusuf', familyName: 'Demir', avatar: 'bear', pictures: ['apple', 'car'], guardian: ['Elif', 'mother'] },
    { givenName: 'Poppy', familyName: 'Grant', avatar: 'fox', pictures: ['ball', 'cat'], guardian: ['Sam', 'carer'] },
    { givenName: 'Theo', familyName: 'Walsh', avatar: 'frog', pictures: ['sun', 'boat'], guardian: ['Chris', 'father'] },
  ] as Array<{ givenName: string; familyName: string; avatar: AvatarKey; pictures: [PasswordPictureKey, PasswordPictureKey]; guardian: [string, string] }>,
};

/** Who a demo conference is for: a Robin by index, or a child picked from the main demo school. */
export type DemoConferenceWho = { robin: number } | 'printed' | 'owl2' | 'owl3' | 'older' | 'partner';

export interface DemoConference {
  who: DemoConferenceWho;
  /** A group conference: others conferenced with the first. */
  with?: DemoConferenceWho[];
  daysAgo: number;
  type: ConferenceType;
  subject: string;
  focus?: string;
  childWords: string;
  strengths: string;
  barriers: string;
  steps: Array<{ text: string; owner: StepOwner; inDays?: number; done?: boolean }>;
  /** Days from the conference to its follow-up. */
  followUpInDays?: number;
  /** The child's photo of their work (a drawing of the demo) as the picture stimulus. */
  stimulus?: 'blocks' | 'painting';
  /** A teaching assistant conferenced instead of (or with) the teacher. */
  byAssistant?: boolean;
}

export const demoConferences: DemoConference[] = [
  {
    who: { robin: 0 },
    daysAgo: 9,
    type: 'early_years',
    subject: 'Building',
    childWords: 'I builded a tower for my teddy. It is taller than me nearly. The red ones go at the bottom because they are big.',
    strengths: 'Explains why the big blocks go at the bottom. Kept going when it fell.',
    barriers: 'Gets cross when the tower falls and wants to stop.',
    steps: [
      { text: 'Build a tower with a friend and count the blocks', owner: 'child', inDays: 7 },
      { text: 'Say "let\'s try again" together when it falls', owner: 'teacher' },
    ],
    followUpInDays: 14,
    stimulus: 'blocks',
  },
  {
    who: { robin: 1 },
    daysAgo: 6,
    type: 'early_years',
    subject: 'Painting',
    childWords: 'That is my mum and that is the sun. I did the yellow all by myself.',
    strengths: 'Chose his own colours; talked about who is in the picture.',
    barriers: 'Holds the brush in his fist.',
    steps: [{ text: 'Practise holding the brush like a pencil', owner: 'child' }],
    stimulus: 'painting',
    byAssistant: true,
  },
  {
    who: 'printed',
    daysAgo: 18,
    type: 'one_to_one',
    subject: 'Writing',
    focus: 'Full stops and finger spaces',
    childWords: 'I can do finger spaces now. I forget the dots at the end because I want to write the next bit.',
    strengths: 'Finger spaces in every sentence; sounds out new words.',
    barriers: 'Rushes to the next idea and leaves out full stops.',
    steps: [
      { text: 'Read my sentence back and put the dot in', owner: 'child', inDays: 14, done: true },
      { text: 'Ask her to read one sentence aloud at bedtime', owner: 'family' },
    ],
    followUpInDays: 20,
  },
  {
    who: 'owl2',
    with: ['owl3'],
    daysAgo: 11,
    type: 'group',
    subject: 'Our story map',
    childWords: 'We did the wolf part together. I did the pictures and she did the words.',
    strengths: 'Took turns and listened to each other.',
    barriers: 'Not sure how the story ends, so the map stops.',
    steps: [{ text: 'Draw the ending of the story', owner: 'child', inDays: 5 }],
    followUpInDays: 8,
  },
  {
    who: 'older',
    daysAgo: 15,
    type: 'one_to_one',
    subject: 'Maths: fractions',
    childWords: 'I thought I wasn\'t getting anywhere with fractions, but I can do halves and quarters of amounts. It is the ones like three fifths that I get stuck on.',
    strengths: 'Finds unit fractions of amounts quickly and checks them.',
    barriers: 'Non-unit fractions: loses track of the two steps.',
    steps: [
      { text: 'Use the bar model for every non-unit fraction question', owner: 'child', inDays: 21 },
      { text: 'Practise fractions of amounts with real things at home (recipes, money)', owner: 'family' },
      { text: 'Give a short bar-model check each Monday', owner: 'teacher' },
    ],
    followUpInDays: 21,
  },
];

/** The Year 5 pupil's waiting note about the Year 1 child they conference (the teacher reviews it). */
export const demoPeerNote = {
  subject: 'His frog drawing',
  childWords: 'He said the frog is jumping into the pond and next time he wants to do the legs.',
  strengths: 'Think pink: the eyes are really big and the colours are bright.',
  nextStep: 'Draw the frog\'s back legs bent, ready to jump.',
};

export const demoRequests = [
  { who: 'owl2' as const, about: 'I want to talk about my reading book. It is too easy.', daysAgo: 1 },
  { who: 'partner' as const, about: 'Can I show you my number line?', daysAgo: 3, scheduledInDays: 1, reply: 'Yes! Bring it after lunch on Thursday.' },
];

/** SVG drawings standing in for photos of the children at work. */
export const demoWorkPictures = {
  blocks:
    '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="560"><rect width="800" height="560" fill="#f6efe2"/><rect x="300" y="400" width="200" height="90" fill="#d62828"/><rect x="320" y="310" width="160" height="90" fill="#f77f00"/><rect x="340" y="230" width="120" height="80" fill="#fcbf49"/><rect x="355" y="160" width="90" height="70" fill="#2a9d8f"/><rect x="370" y="100" width="60" height="60" fill="#457b9d"/><rect x="0" y="490" width="800" height="70" fill="#a98467"/><circle cx="620" cy="440" r="45" fill="#b08968"/><circle cx="620" cy="375" r="30" fill="#b08968"/></svg>',
  painting:
    '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="560"><rect width="800" height="560" fill="#fff"/><circle cx="650" cy="110" r="70" fill="#ffd60a"/><circle cx="300" cy="220" r="60" fill="#f4a261"/><rect x="250" y="280" width="100" height="160" rx="30" fill="#e63946"/><rect x="0" y="460" width="800" height="100" fill="#80b918"/></svg>',
};

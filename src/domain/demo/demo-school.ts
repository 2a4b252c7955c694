/**
 * The demo school, as plain data: fictional people (names are invented combinations, never taken
 * from the seeds), generated deterministically from a fixed seed so every `confer seed --reset`
 * gives the same school, the same class codes and the same sign-ins.
 *
 * Shape: Year 1 (Owls, Hedgehogs) and Year 5 (Kestrels, Otters), 20 children each; 70 families —
 * 10 with one child in Year 1 and one in Year 5 (siblings in different classes), 60 with one child;
 * 50 families with two guardians and 20 with one (120 guardians); 16 guardians prefer Spanish,
 * Korean, Arabic or Polish; one separated family whose parents attend separately.
 */
import { avatarKeys, passwordPictureKeys, type AvatarKey, type PasswordPictureKey } from '../pictures';
import { seededRandom } from '../random';

export const DEMO_PASSWORD = 'confer-demo';
export const DEMO_SLUG = 'riverside';
export const DEMO_EMAIL_DOMAIN = 'riverside.example';

export interface DemoStaff {
  key: string;
  givenName: string;
  familyName: string;
  email: string;
  role: 'admin' | 'teacher' | 'assistant';
  preferredLocale: string | null;
}
export interface DemoClass {
  key: string;
  name: string;
  yearGroup: string;
  gradeLevel: number;
  keyStage: string;
  classCode: string;
  teachers: Array<{ staffKey: string; role: 'lead' | 'co_teacher' | 'assistant' }>;
}
export interface DemoStudent {
  key: string;
  givenName: string;
  familyName: string;
  classKey: string;
  avatar: AvatarKey;
  pictures: [PasswordPictureKey, PasswordPictureKey];
  /** Older students also have a username (password = DEMO_PASSWORD). */
  username: string | null;
}
export interface DemoGuardian {
  key: string;
  givenName: string;
  familyName: string;
  email: string;
  phone: string;
  preferredLocale: string | null;
  children: Array<{ studentKey: string; relationship: string; attendsSeparately: boolean }>;
}
export interface DemoSchool {
  school: { name: string; slug: string; timeZone: string; locale: string };
  staff: DemoStaff[];
  classes: DemoClass[];
  students: DemoStudent[];
  guardians: DemoGuardian[];
  terms: Array<{ name: string; startsOn: string; endsOn: string; reportPeriod: { name: string; startsOn: string; endsOn: string } }>;
}

export { seededRandom };

const childNames = [
  'Ava', 'Noah', 'Maya', 'Leo', 'Zara', 'Ethan', 'Isla', 'Omar', 'Freya', 'Theo', 'Amara', 'Jasper', 'Lina', 'Mateo',
  'Sofia', 'Kai', 'Nia', 'Felix', 'Aisha', 'Hugo', 'Ruby', 'Yusuf', 'Elsie', 'Arlo', 'Mila', 'Tomasz', 'Priya', 'Ezra',
  'Hana', 'Rowan', 'Layla', 'Finn', 'Iris', 'Dara', 'Clara', 'Idris', 'Poppy', 'Soren', 'Alba', 'Reuben', 'Jun', 'Esme',
  'Malik', 'Wren', 'Seo-yeon', 'Callum', 'Ines', 'Ravi', 'Nadia', 'Otis', 'Eliza', 'Bilal', 'Mabel', 'Lucas', 'Ji-ho',
  'Tilly', 'Sami', 'Olive', 'Marek', 'Chloe', 'Zain', 'Evie', 'Anton', 'Rosa', 'Imran', 'Greta', 'Dev', 'Lottie', 'Kofi',
  'Maren', 'Ilyas', 'Daisy', 'Pablo', 'Nell', 'Tariq', 'Ada', 'Min-jun', 'Hattie', 'Zofia', 'Elio',
];

const families: Array<{ name: string; locale: string | null; adults: Array<[string, string]> }> = [
  // Families whose guardians prefer a language other than English come first (16 guardians).
  { name: 'Herrera', locale: 'es', adults: [['Lucía', 'mother'], ['Andrés', 'father']] },
  { name: 'Castillo', locale: 'es', adults: [['Marisol', 'mother'], ['Javier', 'father']] },
  { name: 'Ortega', locale: 'es', adults: [['Paloma', 'mother'], ['Diego', 'father']] },
  { name: 'Park', locale: 'ko', adults: [['Ji-woo', 'mother'], ['Dong-hyun', 'father']] },
  { name: 'Choi', locale: 'ko', adults: [['Soo-ah', 'mother'], ['Hyun-woo', 'father']] },
  { name: 'Haddad', locale: 'ar', adults: [['Rania', 'mother'], ['Karim', 'father']] },
  { name: 'Nasser', locale: 'ar', adults: [['Layal', 'grandmother']] },
  { name: 'Kowalczyk', locale: 'pl', adults: [['Agnieszka', 'mother'], ['Piotr', 'father']] },
  { name: 'Wiśniewska', locale: 'pl', adults: [['Magda', 'mother']] },
];
const surnames = [
  'Ashby', 'Bramwell', 'Carver', 'Dunmore', 'Ellery', 'Fairley', 'Garside', 'Holloway', 'Ingram', 'Jessop', 'Kettle',
  'Lowther', 'Marlowe', 'Northcott', 'Okonjo', 'Pennock', 'Quarry', 'Rendell', 'Sallis', 'Thackery', 'Umber', 'Varley',
  'Wetherby', 'Yardley', 'Adeyemi', 'Bhatt', 'Chaudry', 'Delacroix', 'Eastwood', 'Fenwick', 'Gallagher', 'Hargreave',
  'Iqbal', 'Jarvis', 'Kaur', 'Lindqvist', 'Mensah', 'Nakamura', 'Oduya', 'Pryce', 'Quint', 'Rahman', 'Stroud',
  'Tennant', 'Upton', 'Vance', 'Whitlock', 'Yeo', 'Ziegler', 'Abara', 'Barlow', 'Cobb', 'Darby', 'Egan', 'Fox', 'Gill',
  'Hale', 'Irwin', 'Joshi', 'Keane', 'Lamb',
];
const adultFirst = [
  'Sarah', 'James', 'Emma', 'Daniel', 'Helen', 'Michael', 'Rachel', 'Tom', 'Laura', 'Chris', 'Nadia', 'Sam', 'Fiona',
  'Ade', 'Joanne', 'Ravi', 'Claire', 'Mark', 'Priya', 'Owen', 'Kate', 'Simon', 'Amina', 'Paul', 'Beth', 'Gareth', 'Leah',
  'Matt', 'Zoe', 'Neil', 'Ruth', 'Adam', 'Jess', 'Imran', 'Anna', 'Craig', 'Lola', 'Rob', 'Mei', 'Dan',
];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function code(rand: () => number, prefix: string): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: easy to read aloud and type
  let out = '';
  for (let i = 0; i < 4; i++) out += alphabet[Math.floor(rand() * alphabet.length)];
  return `${prefix}-${out}`;
}

const slugify = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .toLowerCase()
    .replace(/[^a-z]+/g, '');

export function buildDemoSchool(seed = 20261126): DemoSchool {
  const rand = seededRandom(seed);
  const staff: DemoStaff[] = [
    { key: 'head', givenName: 'Grace', familyName: 'Whitfield', role: 'admin', preferredLocale: null, email: '' },
    { key: 'owls', givenName: 'Daniel', familyName: 'Okafor', role: 'teacher', preferredLocale: null, email: '' },
    { key: 'hedgehogs', givenName: 'Eleanor', familyName: 'Marsh', role: 'teacher', preferredLocale: null, email: '' },
    { key: 'kestrels', givenName: 'Samira', familyName: 'Bennett', role: 'teacher', preferredLocale: null, email: '' },
    { key: 'otters', givenName: 'Tom', familyName: 'Ridley', role: 'teacher', preferredLocale: null, email: '' },
    { key: 'cotea', givenName: 'Min-seo', familyName: 'Kang', role: 'teacher', preferredLocale: 'ko', email: '' },
    { key: 'ta1', givenName: 'Bronwen', familyName: 'Hughes', role: 'assistant', preferredLocale: null, email: '' },
    { key: 'ta2', givenName: 'Farid', familyName: 'Aziz', role: 'assistant', preferredLocale: null, email: '' },
  ].map((s) => ({ ...s, email: `${slugify(s.givenName)}.${slugify(s.familyName)}@${DEMO_EMAIL_DOMAIN}` })) as DemoStaff[];

  const classes: DemoClass[] = [
    { key: 'owls', name: 'Owls', yearGroup: 'Year 1', gradeLevel: 1, keyStage: 'KS1', classCode: code(rand, 'OWL'), teachers: [{ staffKey: 'owls', role: 'lead' }, { staffKey: 'cotea', role: 'co_teacher' }, { staffKey: 'ta1', role: 'assistant' }] },
    { key: 'hedgehogs', name: 'Hedgehogs', yearGroup: 'Year 1', gradeLevel: 1, keyStage: 'KS1', classCode: code(rand, 'HOG'), teachers: [{ staffKey: 'hedgehogs', role: 'lead' }, { staffKey: 'ta1', role: 'assistant' }] },
    { key: 'kestrels', name: 'Kestrels', yearGroup: 'Year 5', gradeLevel: 5, keyStage: 'KS2', classCode: code(rand, 'KES'), teachers: [{ staffKey: 'kestrels', role: 'lead' }, { staffKey: 'ta2', role: 'assistant' }] },
    { key: 'otters', name: 'Otters', yearGroup: 'Year 5', gradeLevel: 5, keyStage: 'KS2', classCode: code(rand, 'OTT'), teachers: [{ staffKey: 'otters', role: 'lead' }, { staffKey: 'ta2', role: 'assistant' }] },
  ];

  // 70 families: the first 9 are the non-English ones above; the rest get invented surnames.
  const familyPlans = [...families];
  for (let i = 0; familyPlans.length < 70; i++) {
    const name = surnames[i % surnames.length] as string;
    // 43 more two-guardian families make 50 in all (with the 7 above).
    const twoAdults = familyPlans.length < 52;
    const first = adultFirst[(i * 2) % adultFirst.length] as string;
    const second = adultFirst[(i * 2 + 1) % adultFirst.length] as string;
    familyPlans.push({ name, locale: null, adults: twoAdults ? [[first, 'mother'], [second, 'father']] : [[first, pick(rand, ['mother', 'father', 'grandmother', 'carer'])]] });
  }
  // Family index 9 is the separated family: two parents, different surnames, attending separately.
  familyPlans[9] = { name: 'Lowther', locale: null, adults: [['Hannah', 'mother'], ['Marcus', 'father']] };

  const students: DemoStudent[] = [];
  const guardians: DemoGuardian[] = [];
  const perClass = new Map<string, number>(classes.map((c) => [c.key, 0]));
  const usedAvatars = new Map<string, Set<AvatarKey>>(classes.map((c) => [c.key, new Set()]));
  let nameIndex = 0;

  function addChild(family: number, familyName: string, classKey: string): string {
    const key = `s${students.length + 1}`;
    const givenName = childNames[nameIndex++ % childNames.length] as string;
    const used = usedAvatars.get(classKey) as Set<AvatarKey>;
    const free = avatarKeys.filter((a) => !used.has(a));
    const avatar = pick(rand, free.length ? free : avatarKeys);
    used.add(avatar);
    const first = pick(rand, passwordPictureKeys);
    const second = pick(rand, passwordPictureKeys.filter((p) => p !== first));
    const klass = classes.find((c) => c.key === classKey) as DemoClass;
    students.push({
      key,
      givenName,
      familyName,
      classKey,
      avatar,
      pictures: [first, second],
      username: klass.gradeLevel >= 5 ? `${slugify(givenName)}.${slugify(familyName)}${family}` : null,
    });
    perClass.set(classKey, (perClass.get(classKey) ?? 0) + 1);
    return key;
  }

  // Classes fill in turn; sibling families (every 7th) put one child in Year 1 and one in Year 5.
  const y1 = ['owls', 'hedgehogs'];
  const y5 = ['kestrels', 'otters'];
  familyPlans.forEach((plan, f) => {
    const siblings = f % 7 === 3; // 10 of 70 families
    const childKeys: string[] = [];
    if (siblings) {
      childKeys.push(addChild(f, plan.name, y1[f % 2] as string));
      childKeys.push(addChild(f, plan.name, y5[(f + 1) % 2] as string));
    } else {
      const open = classes.map((c) => c.key).filter((k) => (perClass.get(k) ?? 0) < 20);
      childKeys.push(addChild(f, plan.name, open[f % open.length] as string));
    }
    const separated = f === 9;
    plan.adults.forEach(([givenName, relationship], a) => {
      const familyName = separated && a === 1 ? 'Dawson' : plan.name;
      guardians.push({
        key: `g${guardians.length + 1}`,
        givenName,
        familyName,
        email: `${slugify(givenName)}.${slugify(familyName)}${f}@${DEMO_EMAIL_DOMAIN}`,
        phone: `+44 7700 9${String(guardians.length).padStart(5, '0')}`,
        preferredLocale: plan.locale,
        children: childKeys.map((studentKey) => ({ studentKey, relationship, attendsSeparately: separated })),
      });
    });
  });

  return {
    school: { name: 'Riverside Community Primary', slug: DEMO_SLUG, timeZone: 'Europe/London', locale: 'en' },
    staff,
    classes,
    students,
    guardians,
    terms: [
      { name: 'Autumn 2026', startsOn: '2026-09-02', endsOn: '2026-12-18', reportPeriod: { name: 'Autumn report', startsOn: '2026-09-02', endsOn: '2026-12-18' } },
      { name: 'Spring 2027', startsOn: '2027-01-05', endsOn: '2027-03-26', reportPeriod: { name: 'Spring report', startsOn: '2027-01-05', endsOn: '2027-03-26' } },
      { name: 'Summer 2027', startsOn: '2027-04-12', endsOn: '2027-07-21', reportPeriod: { name: 'Summer report', startsOn: '2027-04-12', endsOn: '2027-07-21' } },
    ],
  };
}

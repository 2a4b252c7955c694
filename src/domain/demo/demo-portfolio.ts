/**
 * The demo school's portfolios, so a newcomer has something to click through: a few posts for the
 * printed pupil and for the printed family's two children — writing typed by the child, drawings
 * (made here as SVG; the seed turns them into PNG uploads that go through the real image pipeline),
 * reflections in the children's words, tags — plus one post waiting in the Owls approval queue and
 * a family comment. Pure data; dates are days before the seed's "now".
 */
export interface DemoPost {
  /** Which child: 'printed' (the pupil on the sign-in list), 'sibling1'/'sibling2' (the printed guardian's children), 'queue' (another Owls child). */
  who: 'printed' | 'sibling1' | 'sibling2' | 'queue';
  daysAgo: number;
  caption: string;
  reflection: string;
  /** Subject or strand names (from the default list). */
  tags: string[];
  text?: string;
  drawing?: string;
  status: 'approved' | 'pending';
  byTeacher?: boolean;
  comment?: string;
}

const frame = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="560" viewBox="0 0 800 560"><rect width="800" height="560" fill="#fffdf5"/>${body}</svg>`;

export const demoDrawings = {
  frog: frame(
    '<ellipse cx="400" cy="360" rx="230" ry="150" fill="#5cb85c" stroke="#2d6a2d" stroke-width="8"/><circle cx="300" cy="220" r="60" fill="#5cb85c" stroke="#2d6a2d" stroke-width="8"/><circle cx="500" cy="220" r="60" fill="#5cb85c" stroke="#2d6a2d" stroke-width="8"/><circle cx="300" cy="215" r="25" fill="#fff"/><circle cx="500" cy="215" r="25" fill="#fff"/><circle cx="305" cy="220" r="12"/><circle cx="495" cy="220" r="12"/><path d="M300 400 Q400 470 500 400" stroke="#2d6a2d" stroke-width="10" fill="none" stroke-linecap="round"/><rect x="0" y="480" width="800" height="80" fill="#7fb3e0"/>',
  ),
  house: frame(
    '<rect x="250" y="250" width="300" height="220" fill="#f4a261" stroke="#8a4b1f" stroke-width="8"/><polygon points="230,260 400,120 570,260" fill="#e76f51" stroke="#8a4b1f" stroke-width="8"/><rect x="370" y="360" width="60" height="110" fill="#6d4c41"/><rect x="285" y="290" width="60" height="60" fill="#bde0fe"/><rect x="455" y="290" width="60" height="60" fill="#bde0fe"/><circle cx="680" cy="100" r="50" fill="#ffd166"/><rect x="0" y="470" width="800" height="90" fill="#90be6d"/>',
  ),
  sums: frame(
    '<g font-family="sans-serif" font-size="64" fill="#1d4e89"><text x="120" y="150">3 + 4 = 7</text><text x="120" y="270">5 + 5 = 10</text><text x="120" y="390">8 − 2 = 6</text></g><g fill="#e63946"><circle cx="620" cy="130" r="22"/><circle cx="680" cy="130" r="22"/><circle cx="740" cy="130" r="22"/></g>',
  ),
  rocket: frame(
    '<polygon points="400,60 470,220 470,400 330,400 330,220" fill="#d9d9d9" stroke="#333" stroke-width="8"/><circle cx="400" cy="220" r="40" fill="#4cc9f0" stroke="#333" stroke-width="6"/><polygon points="330,330 250,430 330,400" fill="#e63946"/><polygon points="470,330 550,430 470,400" fill="#e63946"/><polygon points="350,400 400,520 450,400" fill="#ff9f1c"/><g fill="#ffd166"><circle cx="120" cy="90" r="8"/><circle cx="660" cy="150" r="8"/><circle cx="200" cy="400" r="8"/><circle cx="700" cy="420" r="8"/></g>',
  ),
} as const;
export type DemoDrawing = keyof typeof demoDrawings;

export const demoPosts: DemoPost[] = [
  { who: 'printed', daysAgo: 20, caption: 'My frog', reflection: 'I drew his big eyes. Next time I will draw his legs.', tags: ['Representing', 'Science'], drawing: 'frog', status: 'approved', comment: 'We love your frog! Shall we look for frogs in the park?' },
  { who: 'printed', daysAgo: 12, caption: 'My weekend', text: 'On satday I went to the park with my nan. We fed the ducks.', reflection: 'I put spaces between the words and I sounded them out. I could put a dot at the end.', tags: ['Writing'], status: 'approved' },
  { who: 'printed', daysAgo: 5, caption: 'Adding up', reflection: 'I can add to 10. I used my fingers.', tags: ['Numeracy'], drawing: 'sums', status: 'approved', byTeacher: true },
  { who: 'printed', daysAgo: 1, caption: 'Our house', reflection: 'I drew my house and the sun.', tags: ['Art'], drawing: 'house', status: 'pending' },
  { who: 'sibling1', daysAgo: 9, caption: 'A rocket for space', reflection: 'It has three windows. I want to make a real one from boxes.', tags: ['Project'], drawing: 'rocket', status: 'approved' },
  { who: 'sibling2', daysAgo: 6, caption: 'Persuasive letter', text: 'Dear Headteacher, we should have a longer lunch break because we would have more time to play and eat healthily. Exercise helps us learn…', reflection: 'I used three reasons and connectives. Next I will add a counter-argument.', tags: ['Writing'], status: 'approved' },
  { who: 'queue', daysAgo: 0, caption: 'I can read', text: 'The cat sat on the mat.', reflection: 'I read it all by myself!', tags: ['Reading'], status: 'pending' },
];

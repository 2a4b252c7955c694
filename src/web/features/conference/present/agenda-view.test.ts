import { describe, expect, it } from 'vitest';
import type { AgendaStepView, ConferenceView, PieceView } from '../../../../contracts/conference';
import type { MediaView } from '../../../../contracts/portfolio';
import { commitmentRows, keyAction, mediaToShow, orderedCards, stepIcon, stepIndex, strengthLists, thumbnailOf } from './agenda-view';

const media = (id: string, kind: MediaView['kind'], status: MediaView['status'] = 'ready'): MediaView => ({
  id,
  kind,
  mimeType: kind === 'image' ? 'image/png' : 'audio/webm',
  status,
  byteSize: 10,
  width: null,
  height: null,
  originalName: null,
  urls: kind === 'image' ? { 'sm.webp': `/m/${id}/sm.webp`, 'sm.jpg': `/m/${id}/sm.jpg` } : { original: `/m/${id}` },
});

const piece = (over: Partial<PieceView> = {}): PieceView => ({
  selectionId: '00000000-0000-4000-8000-000000000001',
  postId: '00000000-0000-4000-8000-000000000002',
  prompt: { text: 'My best writing', lang: 'en' },
  caption: 'The lost kite',
  firstText: 'One windy day…',
  firstKind: 'text',
  media: [],
  reflections: [],
  ...over,
});

describe('keyAction', () => {
  it('follows the reading direction with the arrows', () => {
    expect(keyAction({ key: 'ArrowRight' }, null, 'ltr')).toBe('next');
    expect(keyAction({ key: 'ArrowLeft' }, null, 'ltr')).toBe('back');
    expect(keyAction({ key: 'ArrowLeft' }, null, 'rtl')).toBe('next');
    expect(keyAction({ key: 'ArrowRight' }, null, 'rtl')).toBe('back');
  });

  it('goes on with Space and Enter, back with Shift+Space, except where the key already means something', () => {
    expect(keyAction({ key: ' ' }, { tagName: 'H1' }, 'ltr')).toBe('next');
    expect(keyAction({ key: 'Enter' }, { tagName: 'BODY' }, 'ltr')).toBe('next');
    expect(keyAction({ key: ' ', shiftKey: true }, { tagName: 'BODY' }, 'ltr')).toBe('back');
    // A button presses itself; a text box types; a video seeks.
    expect(keyAction({ key: ' ' }, { tagName: 'BUTTON' }, 'ltr')).toBeNull();
    expect(keyAction({ key: 'Enter' }, { tagName: 'button' }, 'ltr')).toBeNull();
    expect(keyAction({ key: ' ' }, { tagName: 'TEXTAREA' }, 'ltr')).toBeNull();
    expect(keyAction({ key: 'ArrowRight' }, { tagName: 'TEXTAREA' }, 'ltr')).toBeNull();
    expect(keyAction({ key: 'ArrowRight' }, { tagName: 'VIDEO' }, 'ltr')).toBeNull();
    expect(keyAction({ key: 'ArrowRight' }, { tagName: 'DIV', isContentEditable: true }, 'ltr')).toBeNull();
    // Arrows still move from a button (a cue of the strip).
    expect(keyAction({ key: 'ArrowRight' }, { tagName: 'BUTTON' }, 'ltr')).toBe('next');
    // The browser's own shortcuts are left alone.
    expect(keyAction({ key: 'ArrowLeft', altKey: true }, null, 'ltr')).toBeNull();
    expect(keyAction({ key: 'a' }, null, 'ltr')).toBeNull();
    expect(keyAction({ key: 'Home' }, null, 'ltr')).toBe('first');
    expect(keyAction({ key: 'End' }, null, 'ltr')).toBe('last');
  });
});

describe('orderedCards', () => {
  it('puts the cards that fit a piece first and marks them', () => {
    expect(orderedCards('piece')).toEqual([
      { card: 'about_assignment', fits: true },
      { card: 'skills_used', fits: true },
      { card: 'next_time', fits: true },
      { card: 'goals_set', fits: false },
      { card: 'how_help', fits: false },
    ]);
    expect(orderedCards('commitments').map((c) => c.card)).toEqual(['goals_set', 'how_help', 'about_assignment', 'skills_used', 'next_time']);
  });

  it('marks none between steps (all fit)', () => {
    expect(orderedCards(undefined).every((c) => !c.fits)).toBe(true);
    expect(orderedCards('welcome').map((c) => c.card)).toEqual(['about_assignment', 'skills_used', 'next_time', 'goals_set', 'how_help']);
  });
});

describe('pieces', () => {
  it('uses the first ready picture as the cue, else an emoji of the kind', () => {
    expect(thumbnailOf(piece({ media: [media('a', 'audio'), media('b', 'image', 'processing'), media('c', 'image')] }))).toBe('/m/c/sm.webp');
    expect(thumbnailOf(piece())).toBeNull();
    expect(stepIcon({ kind: 'piece', id: 'p', piece: piece({ firstKind: 'drawing' }) })).toBe('🎨');
    expect(stepIcon({ kind: 'commitments', id: 'commitments' })).toBe('🤝');
  });

  it('shows pictures before sounds before files, and nothing still processing', () => {
    const shown = mediaToShow(piece({ media: [media('f', 'file'), media('s', 'audio'), media('i', 'image'), media('x', 'image', 'failed')] }));
    expect(shown.map((m) => m.id)).toEqual(['i', 's', 'f']);
  });
});

describe('strengthLists', () => {
  const agenda: AgendaStepView[] = [
    { kind: 'welcome', id: 'welcome' },
    {
      kind: 'piece',
      id: 'piece:1',
      piece: piece({
        reflections: [
          { questionKey: 'did_well', question: null, text: 'I used describing words.', audio: null },
          { questionKey: 'make_better', question: null, text: '', audio: media('r', 'audio') },
          { questionKey: 'learned', question: null, text: 'Plants need light.', audio: null },
          { questionKey: 'did_well', question: null, text: '  ', audio: null },
        ],
      }),
    },
  ];

  it('uses the criteria the child marked when there are some', () => {
    expect(strengthLists({ strengths: ['I can use full stops'], workingOn: ['Neat handwriting'], agenda })).toEqual({
      well: [{ text: 'I can use full stops', audio: null }],
      working: [{ text: 'Neat handwriting', audio: null }],
    });
  });

  it('falls back to what they said about their pieces (a recording counts, an empty answer does not)', () => {
    const lists = strengthLists({ strengths: [], workingOn: [], agenda });
    expect(lists.well).toEqual([{ text: 'I used describing words.', audio: null }]);
    expect(lists.working.map((i) => [i.text, i.audio?.id])).toEqual([['', 'r']]);
  });
});

describe('stepIndex', () => {
  const agenda: AgendaStepView[] = [
    { kind: 'welcome', id: 'welcome' },
    { kind: 'goals', id: 'goals' },
  ];
  it('finds the step, or the first when the id is gone', () => {
    expect(stepIndex(agenda, 'goals')).toBe(1);
    expect(stepIndex(agenda, 'custom:gone')).toBe(0);
    expect(stepIndex(agenda, null)).toBe(0);
  });
});

describe('commitmentRows', () => {
  const ids = { luis: '00000000-0000-4000-8000-00000000000a', okafor: '00000000-0000-4000-8000-00000000000b', ana: '00000000-0000-4000-8000-00000000000c', gran: '00000000-0000-4000-8000-00000000000d' };
  const base: Pick<ConferenceView, 'attendees' | 'teacher' | 'student' | 'me'> = {
    attendees: [
      { kind: 'guardian', userId: ids.luis, name: 'Luis Díaz' },
      { kind: 'substitute', name: 'Rosa', relationship: 'grandparent' },
    ],
    teacher: { id: ids.okafor, name: 'Daniel Okafor', room: null, videoUrl: null },
    student: { id: '00000000-0000-4000-8000-0000000000ff', givenName: 'Ana', familyName: 'Díaz', className: 'Owls' },
    me: { userId: ids.luis, commitmentRole: 'guardian' },
  };
  const goal = (commitments: ConferenceView['goals'][number]['commitments']) => ({ id: '00000000-0000-4000-8000-000000000100', what: 'Full stops', measure: '', status: 'working', commitments });

  it('lists the child, each guardian who came and the teacher, waiting for those still to write', () => {
    const rows = commitmentRows(base, goal([{ userId: ids.ana, role: 'student', name: 'Ana Díaz', text: 'I will check every sentence.' }]));
    expect(rows.map((r) => [r.role, r.name, r.text, r.mine])).toEqual([
      ['student', 'Ana Díaz', 'I will check every sentence.', false],
      ['guardian', 'Luis Díaz', null, true],
      ['teacher', 'Daniel Okafor', null, false],
    ]);
  });

  it('adds anyone else who wrote one, and the child reading is "mine" before writing', () => {
    const rows = commitmentRows({ ...base, me: { userId: ids.ana, commitmentRole: 'student' } }, goal([{ userId: ids.gran, role: 'guardian', name: 'Marta Díaz', text: 'Reading at bedtime.' }]));
    expect(rows.map((r) => [r.role, r.name, r.mine])).toEqual([
      ['student', 'Ana', true],
      ['guardian', 'Luis Díaz', false],
      ['teacher', 'Daniel Okafor', false],
      ['guardian', 'Marta Díaz', false],
    ]);
  });

  it('gives the reader a row of their own when they commit but did not come on the booking', () => {
    const rows = commitmentRows({ ...base, me: { userId: ids.gran, commitmentRole: 'guardian' } }, goal([]));
    expect(rows.at(-1)).toEqual({ role: 'guardian', userId: ids.gran, name: '', text: null, mine: true });
  });
});

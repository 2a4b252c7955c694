/**
 * Pictures for success criteria: a child who cannot yet read "I put a full stop at the end" still
 * knows the dot, the pencil, the ear. Keys are stable data (stored in `criteria.picture`); the
 * names people hear and read come from `criteria.pictures.<key>` in the locale files, the glyphs
 * from here. A teacher may instead upload a picture of their own (an image media item).
 */
export const criteriaPictureKeys = [
  'pencil', 'capital', 'full_stop', 'spaces', 'ear', 'book', 'eye', 'magnifier', 'numbers', 'ruler',
  'palette', 'lightbulb', 'speech', 'star', 'puzzle', 'clock', 'people', 'heart', 'check', 'hand',
  'question', 'scissors', 'music', 'globe',
] as const;
export type CriteriaPictureKey = (typeof criteriaPictureKeys)[number];

export const criteriaPictureGlyphs: Record<CriteriaPictureKey, string> = {
  pencil: '✏️',
  capital: '🔠',
  full_stop: '⚫',
  spaces: '↔️',
  ear: '👂',
  book: '📖',
  eye: '👀',
  magnifier: '🔍',
  numbers: '🔢',
  ruler: '📏',
  palette: '🎨',
  lightbulb: '💡',
  speech: '💬',
  star: '⭐',
  puzzle: '🧩',
  clock: '⏰',
  people: '👫',
  heart: '❤️',
  check: '✅',
  hand: '✋',
  question: '❓',
  scissors: '✂️',
  music: '🎵',
  globe: '🌍',
};

export function isCriteriaPicture(value: string): value is CriteriaPictureKey {
  return (criteriaPictureKeys as readonly string[]).includes(value);
}

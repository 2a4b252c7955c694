/**
 * Pictures young children recognise: their own picture (avatar) at sign-in, and the grid they
 * choose their two-picture "password" from (WCAG 2.2 SC 3.3.8: recognition, not recall).
 * Keys are stable data; names shown to people come from `pictures.<key>` in the locale files.
 */
export const avatarKeys = [
  'fox', 'bear', 'panda', 'koala', 'tiger', 'lion', 'frog', 'monkey',
  'rabbit', 'owl', 'turtle', 'butterfly', 'octopus', 'giraffe', 'elephant', 'penguin',
  'whale', 'unicorn', 'hedgehog', 'dinosaur',
] as const;
export type AvatarKey = (typeof avatarKeys)[number];

export const passwordPictureKeys = [
  'cat', 'dog', 'fish', 'bird', 'apple', 'banana', 'sun', 'moon',
  'star', 'tree', 'flower', 'car', 'ball', 'house', 'boat', 'heart',
] as const;
export type PasswordPictureKey = (typeof passwordPictureKeys)[number];

export const pictureGlyphs: Record<AvatarKey | PasswordPictureKey, string> = {
  fox: '🦊', bear: '🐻', panda: '🐼', koala: '🐨', tiger: '🐯', lion: '🦁', frog: '🐸', monkey: '🐵',
  rabbit: '🐰', owl: '🦉', turtle: '🐢', butterfly: '🦋', octopus: '🐙', giraffe: '🦒', elephant: '🐘',
  penguin: '🐧', whale: '🐳', unicorn: '🦄', hedgehog: '🦔', dinosaur: '🦕',
  cat: '🐱', dog: '🐶', fish: '🐟', bird: '🐦', apple: '🍎', banana: '🍌', sun: '☀️', moon: '🌙',
  star: '⭐', tree: '🌳', flower: '🌸', car: '🚗', ball: '⚽', house: '🏠', boat: '⛵', heart: '❤️',
};

/** A picture password is two different pictures in order: 16 × 15 = 240 choices, so sign-in attempts are rate-limited per child. */
export const PICTURE_PASSWORD_LENGTH = 2;

export function isPicturePassword(value: readonly string[]): value is readonly PasswordPictureKey[] {
  return (
    value.length === PICTURE_PASSWORD_LENGTH &&
    new Set(value).size === value.length &&
    value.every((k) => (passwordPictureKeys as readonly string[]).includes(k))
  );
}

/** The canonical string that is hashed: order matters (cat then sun ≠ sun then cat). */
export function picturePasswordSecret(value: readonly PasswordPictureKey[]): string {
  return `pictures:${value.join('>')}`;
}

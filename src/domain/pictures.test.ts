import { describe, expect, it } from 'vitest';
import { isPicturePassword, picturePasswordSecret } from './pictures';

describe('picture passwords', () => {
  it('are two different known pictures', () => {
    expect(isPicturePassword(['cat', 'sun'])).toBe(true);
    expect(isPicturePassword(['cat', 'cat'])).toBe(false);
    expect(isPicturePassword(['cat'])).toBe(false);
    expect(isPicturePassword(['cat', 'sun', 'moon'])).toBe(false);
    expect(isPicturePassword(['cat', 'dragon'])).toBe(false);
  });

  it('depend on the order the pictures were tapped', () => {
    expect(picturePasswordSecret(['cat', 'sun'])).not.toBe(picturePasswordSecret(['sun', 'cat']));
  });
});

import { describe, expect, it } from 'vitest';
import { returnPath, returnState } from './return-to';

describe('returnPath', () => {
  it('goes back to a path on this site, with its query', () => {
    expect(returnPath({ from: '/classes/abc' })).toBe('/classes/abc');
    expect(returnPath({ from: '/classes/abc?tab=2' })).toBe('/classes/abc?tab=2');
    expect(returnPath(returnState({ pathname: '/students/x', search: '?a=1&b=2' }))).toBe('/students/x?a=1&b=2');
  });

  it('goes home for anything else', () => {
    for (const from of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', 'classes/abc', '', '/\t/evil.example', ' /x', '/a b']) {
      expect(returnPath({ from }), from).toBe('/');
    }
    for (const state of [null, undefined, 'x', 42, {}, { from: 7 }, { from: ['/x'] }]) expect(returnPath(state)).toBe('/');
  });
});

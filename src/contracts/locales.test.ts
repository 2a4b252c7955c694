import { describe, expect, it } from 'vitest';
import { localeDir, matchLocale, parseAcceptLanguage } from './locales';

describe('choosing a locale', () => {
  it('reads Accept-Language by quality', () => {
    expect(parseAcceptLanguage('ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7')).toEqual(['ko-KR', 'ko', 'en-US', 'en']);
    expect(parseAcceptLanguage('en;q=0.1, ar')).toEqual(['ar', 'en']);
    expect(parseAcceptLanguage(undefined)).toEqual([]);
  });

  it('matches regional tags to shipped languages and skips the rest', () => {
    expect(matchLocale(['pl', 'es-MX', 'en'])).toBe('es');
    expect(matchLocale([null, 'ko_KR'])).toBe('ko');
    expect(matchLocale(['pl', 'fr'])).toBeNull();
  });

  it('lays Arabic out right to left', () => {
    expect(localeDir('ar')).toBe('rtl');
    expect(localeDir('ko')).toBe('ltr');
  });
});

import { describe, expect, it } from 'vitest';
import { canAddShare, deviceOf, isLive, MAX_ACTIVE_SHARES, shareExpiresAt, shareState, sharingAllowed } from './sharing';

/** The module's worked example: Luis shares Ana's record on Mon 2 Nov 2026 at 18:05Z for 7 days. */
const made = new Date('2026-11-02T18:05:00Z');
const link = { expiresAt: shareExpiresAt(made, 7), revokedAt: null };

describe('sharing a record by link', () => {
  it('runs out whole days after it was made', () => {
    expect(shareExpiresAt(made, 1).toISOString()).toBe('2026-11-03T18:05:00.000Z');
    expect(link.expiresAt.toISOString()).toBe('2026-11-09T18:05:00.000Z');
    expect(shareExpiresAt(made, 30).toISOString()).toBe('2026-12-02T18:05:00.000Z');
  });

  it('is active until it runs out, paused while sharing is off, and revoked for good (the worked example)', () => {
    expect(shareState(link, new Date('2026-11-04T09:00:00Z'), false)).toBe('paused');
    expect(shareState(link, new Date('2026-11-05T09:00:00Z'), true)).toBe('active');
    expect(shareState(link, new Date('2026-11-09T18:04:59Z'), true)).toBe('active');
    expect(shareState(link, new Date('2026-11-09T18:05:00Z'), true)).toBe('expired');
    // Run out while paused: expired, not paused (it will not come back).
    expect(shareState(link, new Date('2026-11-10T00:00:00Z'), false)).toBe('expired');
    const withdrawn = { ...link, revokedAt: new Date('2026-11-03T08:00:00Z') };
    expect(shareState(withdrawn, new Date('2026-11-03T07:59:00Z'), true)).toBe('active');
    expect(shareState(withdrawn, new Date('2026-11-03T08:00:00Z'), true)).toBe('revoked');
    expect(shareState(withdrawn, new Date('2026-11-20T00:00:00Z'), true)).toBe('revoked');
  });

  it('allows sharing only when the school and every class of the child allow it', () => {
    expect(sharingAllowed(true, [true, true])).toBe(true);
    expect(sharingAllowed(true, [true, false])).toBe(false);
    expect(sharingAllowed(false, [true])).toBe(false);
    // A child in no class follows the school alone.
    expect(sharingAllowed(true, [])).toBe(true);
  });

  it('counts only links still working towards the limit', () => {
    const now = new Date('2026-11-04T00:00:00Z');
    const live = Array.from({ length: MAX_ACTIVE_SHARES - 1 }, () => link);
    const gone = [{ ...link, revokedAt: new Date('2026-11-03T00:00:00Z') }, { expiresAt: shareExpiresAt(made, 1), revokedAt: null }];
    expect(gone.map((s) => isLive(s, now))).toEqual([false, false]);
    expect(canAddShare([...live, ...gone], now)).toBe(true);
    expect(canAddShare([...live, link], now)).toBe(false);
  });

  it('names the kind of device from its User-Agent, nothing finer', () => {
    const cases: Array<[string, string]> = [
      ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 'ios safari'],
      ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1', 'ios chrome'],
      ['Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36', 'android samsung'],
      ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36', 'android chrome'],
      ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0', 'windows edge'],
      ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', 'mac safari'],
      ['Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0', 'linux firefox'],
      ['Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36', 'chromeos chrome'],
      ['curl/8.5.0', 'other other'],
      ['', 'other other'],
    ];
    expect(cases.map(([ua]) => Object.values(deviceOf(ua)).join(' '))).toEqual(cases.map(([, want]) => want));
  });
});

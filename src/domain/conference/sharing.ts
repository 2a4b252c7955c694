/**
 * Sharing a conference record by link: a guardian makes a read-only link for another adult (the
 * child's aunt who teaches maths), chooses how long it works, and may withdraw it at any time.
 * Pure: the links, the switches and `now` come in; what a link may do goes out.
 *
 * The rules:
 *   - A link works for 1, 7 or 30 days from when it was made (whole days of 24 hours, so a link
 *     made at 18:05 for one day runs out at 18:05 the next day, whatever the clocks do).
 *   - At most MAX_ACTIVE_SHARES links of one record work at once (revoked and run-out ones do not
 *     count): a guardian who needs a sixth withdraws one first.
 *   - Sharing is allowed when the school allows it AND every class the child is in now allows it
 *     (a teacher can turn it off for their class; the school's switch wins when off). A child in
 *     no class follows the school alone.
 *   - A link's state, first match wins: revoked → expired → paused (sharing is turned off now) →
 *     active. A paused link works again if sharing is turned back on before it runs out: turning
 *     sharing off is a switch, not a purge, and the guardian's links and their views stay listed.
 *
 * Worked example: Luis shares Ana's record with "Aunt Sofia" on Mon 2 Nov 2026 at 18:05Z for 7
 * days: it runs out on Mon 9 Nov at 18:05Z. On Wednesday Ms Okafor turns sharing off for Owls:
 * Sofia's link is `paused` (her page says sharing is paused). On Thursday she turns it on again:
 * `active` until Monday 18:05Z, then `expired`. Had Luis withdrawn it on Tuesday, it would be
 * `revoked` from then on, whatever the switches say.
 */

/** How long a link may work, in days (the guardian picks one). */
export const SHARE_DAYS = [1, 7, 30] as const;
export type ShareDays = (typeof SHARE_DAYS)[number];
export const DEFAULT_SHARE_DAYS: ShareDays = 7;
/** Links of one record that may work at the same time. */
export const MAX_ACTIVE_SHARES = 5;
/** Who the link is for, as the guardian writes it ("Aunt Sofia"). */
export const RECIPIENT_MAX = 80;

const DAY_MS = 24 * 60 * 60 * 1000;

export type ShareState = 'active' | 'paused' | 'expired' | 'revoked';

export interface ShareTimes {
  expiresAt: Date;
  revokedAt: Date | null;
}

/** When a link made `now` for `days` runs out. */
export function shareExpiresAt(now: Date, days: ShareDays): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

/** Whether the school and every class the child is in now allow sharing by link. */
export function sharingAllowed(school: boolean, classes: readonly boolean[]): boolean {
  return school && classes.every(Boolean);
}

/** How a link stands now (see the module's rules): only `active` opens the record. */
export function shareState(share: ShareTimes, now: Date, allowed: boolean): ShareState {
  if (share.revokedAt && share.revokedAt <= now) return 'revoked';
  if (share.expiresAt <= now) return 'expired';
  return allowed ? 'active' : 'paused';
}

/** A link that has neither been withdrawn nor run out (it counts towards the limit, paused or not). */
export function isLive(share: ShareTimes, now: Date): boolean {
  return shareState(share, now, true) === 'active';
}

/** Whether one more link may be made for a record that has these links. */
export function canAddShare(shares: readonly ShareTimes[], now: Date): boolean {
  return shares.filter((s) => isLive(s, now)).length < MAX_ACTIVE_SHARES;
}

export const deviceSystems = ['ios', 'android', 'windows', 'mac', 'chromeos', 'linux', 'other'] as const;
export const deviceBrowsers = ['safari', 'chrome', 'firefox', 'edge', 'samsung', 'opera', 'other'] as const;
export type DeviceSystem = (typeof deviceSystems)[number];
export type DeviceBrowser = (typeof deviceBrowsers)[number];

/**
 * What kind of device opened a link, from its User-Agent — enough for a guardian to recognise
 * "an iPhone" or "a Windows computer", no more (no versions, nothing that fingerprints).
 * Order matters: Edge and Samsung Internet also say "Chrome", Chrome also says "Safari", and
 * Chrome on iPhone says "CriOS".
 *   "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) … Version/17.5 Mobile/15E148 Safari/604.1" → ios, safari
 *   "Mozilla/5.0 (Linux; Android 14; SM-S918B) … SamsungBrowser/25.0 Chrome/121.0 Mobile Safari/537.36" → android, samsung
 *   "Mozilla/5.0 (Windows NT 10.0; Win64; x64) … Chrome/126.0 Safari/537.36 Edg/126.0" → windows, edge
 */
export function deviceOf(userAgent: string): { system: DeviceSystem; browser: DeviceBrowser } {
  const ua = userAgent;
  const system: DeviceSystem = /iPhone|iPad|iPod/.test(ua)
    ? 'ios'
    : /Android/.test(ua)
      ? 'android'
      : /CrOS/.test(ua)
        ? 'chromeos'
        : /Windows/.test(ua)
          ? 'windows'
          : /Macintosh|Mac OS X/.test(ua)
            ? 'mac'
            : /Linux|X11/.test(ua)
              ? 'linux'
              : 'other';
  const browser: DeviceBrowser = /SamsungBrowser\//.test(ua)
    ? 'samsung'
    : /Edg(e|A|iOS)?\//.test(ua)
      ? 'edge'
      : /OPR\/|Opera/.test(ua)
        ? 'opera'
        : /Firefox\/|FxiOS\//.test(ua)
          ? 'firefox'
          : /CriOS\/|Chrome\//.test(ua)
            ? 'chrome'
            : /Safari\//.test(ua) && /Version\//.test(ua)
              ? 'safari'
              : 'other';
  return { system, browser };
}

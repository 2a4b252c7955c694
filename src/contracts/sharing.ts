/**
 * API shapes of sharing a conference record by link: the family's links (with who opened them and
 * when), the public page the link opens, and the school's and class's switches.
 */
import { z } from 'zod';
import { deviceBrowsers, deviceSystems, RECIPIENT_MAX, SHARE_DAYS } from '../domain/conference/sharing';
import { recordView } from './conference';

const id = z.uuid();
const instant = z.iso.datetime({ offset: true });

export const shareStates = ['active', 'paused', 'expired', 'revoked'] as const;

/** A new link: who it is for (as the guardian writes it) and for how many days it works. */
export const newShare = z.object({
  recipient: z.string().trim().min(1).max(RECIPIENT_MAX),
  days: z.literal(SHARE_DAYS),
});
export type NewShare = z.infer<typeof newShare>;

export const shareView = z.object({
  id,
  recipient: z.string(),
  /** The guardian who made it (either guardian of the family may see and withdraw it). */
  createdBy: z.object({ id: id.nullable(), name: z.string() }),
  createdAt: instant,
  expiresAt: instant,
  revokedAt: instant.nullable(),
  /** active: it opens the record; paused: sharing is turned off now (it works again if turned back on in time). */
  state: z.enum(shareStates),
  views: z.number().int(),
  lastViewedAt: instant.nullable(),
});
export type ShareView = z.infer<typeof shareView>;

/** The link as made: its address is shown this once (only its digest is kept). */
export const createdShare = shareView.extend({ url: z.string() });
export type CreatedShare = z.infer<typeof createdShare>;

export const shareList = z.object({
  /** Whether the school and the child's classes allow sharing now (when not, no new link, and links are paused). */
  sharingAllowed: z.boolean(),
  /** Links that may work at once, and the choices of days. */
  maxActive: z.number().int(),
  days: z.array(z.number().int()),
  shares: z.array(shareView),
});
export type ShareList = z.infer<typeof shareList>;

export const shareOpenings = z.object({
  views: z.array(z.object({ viewedAt: instant, device: z.object({ system: z.enum(deviceSystems), browser: z.enum(deviceBrowsers) }) })),
});
export type ShareOpenings = z.infer<typeof shareOpenings>;

/** What the link opens, with no sign-in: the record (its latest version) and who shared it until when. */
export const sharedRecord = z.object({
  record: recordView,
  sharedBy: z.string(),
  recipient: z.string(),
  expiresAt: instant,
});
export type SharedRecord = z.infer<typeof sharedRecord>;

/** The link's secret, as `randomToken()` makes it (43 base64url characters). */
export const shareTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
export const sharedMediaParams = shareTokenParams.extend({ mediaId: id, variant: z.enum(['sm.webp', 'sm.jpg', 'lg.webp', 'lg.jpg', 'original']) });

export const sharingSwitch = z.object({ enabled: z.boolean() });
export const schoolSharing = z.object({ enabled: z.boolean() });
/** A class's switch, and the school's (when the school's is off, the class's does not matter). */
export const classSharing = z.object({ enabled: z.boolean(), schoolEnabled: z.boolean() });
export type ClassSharing = z.infer<typeof classSharing>;

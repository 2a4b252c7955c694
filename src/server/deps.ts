/** What every use case may be given: the world, injected (STYLE.md: pure domain, injected world). */
import type { Config } from './env';
import type { Db } from './db/client';
import type { Mailer } from './features/mail/mailer';
import type { MediaStore } from './features/media/media-store';
import type { Translator } from './i18n';
import type { LiveHub } from './live/hub';

export interface Deps {
  db: Db;
  /** PGlite runs one transaction at a time (others wait); PostgreSQL runs them side by side. */
  engine: 'pglite' | 'postgres';
  config: Config;
  mailer: Mailer;
  i18n: Translator;
  /** Where uploaded photos, recordings and files are kept. */
  media: MediaStore;
  now: () => Date;
  /** Nudges live pages (conference day) to re-read what changed. */
  live: LiveHub;
}

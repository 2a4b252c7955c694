/**
 * Configuration, parsed once at boot. Nothing else reads `process.env`.
 * A wrong value stops the server with a list of what is wrong.
 */
import path from 'node:path';
import { z } from 'zod';
import { defaultMediaLimitsMb, type MediaLimits } from '../domain/portfolio/media-types';
import { smsProviders, type SmsProvider } from './features/conference/sms';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Where the embedded database (and later media) live. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** A PostgreSQL URL: when set, Confer uses that server instead of the embedded database. */
  DATABASE_URL: z.string().url().optional(),
  /** The address people reach Confer at, used in emailed links. */
  PUBLIC_URL: z.string().url().optional(),
  /** smtp://user:pass@host:port — when set, mail is sent; otherwise it stays in the outbox. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default('Confer <no-reply@confer.localhost>'),
  /** Text messages on conference day (running late): off, or `log` (development: written to the log, not sent). */
  SMS_PROVIDER: z.enum(smsProviders).default('off'),
  /** Seed the demo school on first start (default: on with the embedded database outside production). */
  SEED_DEMO: bool.optional(),
  COOKIE_SECURE: bool.optional(),
  /**
   * Behind a reverse proxy: how many proxy hops to trust for the client address (a number), or
   * the proxies' addresses (comma-separated IPs/CIDRs). Off by default: X-Forwarded-For is ignored,
   * so nobody can dodge the per-address limits by writing that header.
   */
  TRUST_PROXY: z.string().regex(/^(\d+|[0-9a-fA-F:.,/\s]+)$/, 'a hop count or a list of proxy addresses').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  /** Where uploaded photos, recordings and files are kept (default: DATA_DIR/media). */
  MEDIA_DIR: z.string().min(1).optional(),
  /** Largest upload of each kind, in megabytes. */
  MEDIA_MAX_IMAGE_MB: z.coerce.number().positive().max(1024).default(defaultMediaLimitsMb.image),
  MEDIA_MAX_VIDEO_MB: z.coerce.number().positive().max(4096).default(defaultMediaLimitsMb.video),
  MEDIA_MAX_AUDIO_MB: z.coerce.number().positive().max(1024).default(defaultMediaLimitsMb.audio),
  MEDIA_MAX_FILE_MB: z.coerce.number().positive().max(1024).default(defaultMediaLimitsMb.file),
});

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** SMS_PROVIDER: how text messages go out (off: they do not). */
  smsProvider: SmsProvider;
  seedDemo: boolean;
  cookieSecure: boolean;
  logLevel: string;
  sessionDays: number;
  /** The dev mail viewer at /dev/mail: only outside production, only without SMTP, only to this machine. */
  devMail: boolean;
  /** Fastify's trustProxy: false, a hop count, or proxy addresses. */
  trustProxy: false | number | string[];
  /** Built browser app, served by the same process. */
  webDir: string;
  mediaDir: string;
  /** Largest upload of each kind, in bytes. */
  mediaLimits: MediaLimits;
}

const mb = (n: number) => Math.round(n * 1024 * 1024);

export function parseConfig(env: Record<string, string | undefined>, cwd: string): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Confer cannot start; these settings are wrong:\n${lines.join('\n')}`);
  }
  const e = result.data;
  const production = e.NODE_ENV === 'production';
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    smsProvider: e.SMS_PROVIDER,
    seedDemo: e.SEED_DEMO ?? (!e.DATABASE_URL && !production),
    cookieSecure: e.COOKIE_SECURE ?? production,
    logLevel: e.LOG_LEVEL,
    sessionDays: e.SESSION_DAYS,
    devMail: !production && !e.SMTP_URL,
    trustProxy: !e.TRUST_PROXY ? false : /^\d+$/.test(e.TRUST_PROXY) ? Number(e.TRUST_PROXY) : e.TRUST_PROXY.split(',').map((x) => x.trim()).filter(Boolean),
    webDir: path.resolve(cwd, 'dist/web'),
    mediaDir: e.MEDIA_DIR ? path.resolve(cwd, e.MEDIA_DIR) : path.resolve(cwd, e.DATA_DIR, 'media'),
    mediaLimits: { image: mb(e.MEDIA_MAX_IMAGE_MB), video: mb(e.MEDIA_MAX_VIDEO_MB), audio: mb(e.MEDIA_MAX_AUDIO_MB), file: mb(e.MEDIA_MAX_FILE_MB) },
  };
}

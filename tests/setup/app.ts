/** The real HTTP app over a test database, and a small client that keeps cookies and the CSRF token like a browser. */
import { createLiveHub } from '../../src/server/live/hub';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Database } from '../../src/server/db/client';
import type { Deps } from '../../src/server/deps';
import { parseConfig } from '../../src/server/env';
import { startSession } from '../../src/server/features/identity/start-session';
import { createMailer } from '../../src/server/features/mail/mailer';
import { createLocalMediaStore } from '../../src/server/features/media/media-store';
import { buildApp, type App } from '../../src/server/http/app';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../src/server/http/session-cookies';
import { createTranslator } from '../../src/server/i18n';
import { jobDefinitions } from '../../src/server/jobs/definitions';
import { createJobRunner } from '../../src/server/jobs/runner';

export interface TestApp {
  app: App;
  deps: Deps;
  /** A client with its own cookie jar, like one browser. */
  client(): TestClient;
  /** A client already signed in as this user (the session is made directly, not through a form). */
  clientAs(userId: string): Promise<TestClient>;
  /** Moves the clock the app sees. */
  setNow(date: Date): void;
  /** Runs the queued background jobs (emails…) now, as the server's runner would; returns how many ran. */
  runJobs(): Promise<number>;
}

const translator = createTranslator();

export async function buildTestApp(database: Database, env: Record<string, string> = {}): Promise<TestApp> {
  let now: Date | null = null;
  // Each test app keeps its media in its own folder.
  const mediaDir = mkdtempSync(path.join(tmpdir(), 'confer-media-'));
  const config = parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: '.tmp/unused', MEDIA_DIR: mediaDir, ...env }, process.cwd());
  const deps: Deps = {
    db: database.db,
    engine: database.engine,
    config,
    i18n: translator,
    mailer: createMailer({ db: database.db, from: config.mailFrom, smtpUrl: config.smtpUrl }),
    media: createLocalMediaStore(config.mediaDir),
    now: () => now ?? new Date(),
    live: createLiveHub(),
  };
  const app = await buildApp({ ...deps, database, logger: false });
  const runner = createJobRunner(deps, jobDefinitions);
  return {
    app,
    deps,
    client: () => new TestClient(app),
    async clientAs(userId) {
      const client = new TestClient(app);
      const session = await startSession(deps, userId, 'password');
      client.cookies.set(SESSION_COOKIE, session.token);
      client.cookies.set(CSRF_COOKIE, session.csrfToken);
      return client;
    },
    setNow(date) {
      now = date;
    },
    runJobs: () => runner.drain(),
  };
}

export class TestClient {
  readonly cookies = new Map<string, string>();
  constructor(private readonly app: App) {}

  async request(options: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse> {
    const method = (options.method ?? 'GET').toUpperCase();
    if (!['GET', 'HEAD'].includes(method) && options.csrf !== false && !this.cookies.has(CSRF_COOKIE)) {
      await this.request({ method: 'GET', url: '/api/session' });
    }
    const headers: Record<string, string> = { ...(options.headers as Record<string, string>) };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (!['GET', 'HEAD'].includes(method) && options.csrf !== false) headers['x-csrf-token'] = this.cookies.get(CSRF_COOKIE) ?? '';
    const res = await this.app.inject({ ...options, headers });
    for (const c of res.cookies as Array<{ name: string; value: string; expires?: Date }>) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  get(url: string, headers: Record<string, string> = {}) {
    return this.request({ method: 'GET', url, headers });
  }
  post(url: string, payload?: unknown, headers: Record<string, string> = {}) {
    return this.request({ method: 'POST', url, payload: payload as InjectOptions['payload'], headers });
  }
  patch(url: string, payload?: unknown, headers: Record<string, string> = {}) {
    return this.request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'], headers });
  }
  put(url: string, payload?: unknown, headers: Record<string, string> = {}) {
    return this.request({ method: 'PUT', url, payload: payload as InjectOptions['payload'], headers });
  }
  delete(url: string, headers: Record<string, string> = {}) {
    return this.request({ method: 'DELETE', url, headers });
  }
}

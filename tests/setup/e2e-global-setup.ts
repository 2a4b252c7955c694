/**
 * Browser tests run against a real Confer: the web app is built, then the server starts on a free
 * port over a fresh embedded database with the demo school, exactly as `npm start` does.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from '../../src/server/main';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromium: string | null;
  }
}

export const CHROMIUM = '/usr/bin/chromium';

export default async function setup(project: TestProject) {
  const chromium = existsSync(CHROMIUM) ? CHROMIUM : null;
  if (!chromium) {
    if (process.env.CI) throw new Error(`Browser tests need Chromium at ${CHROMIUM} (apt-get install -y chromium); CI must run them.`);
    console.warn(`\n!!! ${CHROMIUM} not found: BROWSER TESTS ARE SKIPPED. Install it with: apt-get install -y chromium\n`);
  }
  // Built as `npm start` builds it: a production bundle (Vitest sets NODE_ENV=test, which would give React's development build).
  execFileSync(process.execPath, [path.resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const dataDir = path.resolve(`.tmp/e2e-data/${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  const port = await freePort();
  const running = await startServer(
    { NODE_ENV: 'test', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', SEED_DEMO: 'true' },
    process.cwd(),
    () => undefined,
  );
  project.provide('baseUrl', running.url);
  project.provide('chromium', chromium);
  return async () => {
    await running.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

/** A TCP port free on this machine right now (the benchmarks use it too). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

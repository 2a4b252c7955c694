/**
 * Composition root: env → database → migrations → (demo seed) → services → HTTP.
 * The only place that reads the environment and the real clock.
 */
import { createLiveHub } from './live/hub';
import path from 'node:path';
import type { DemoSchool } from '../domain/demo/demo-school';
import { buildApp, type App } from './http/app';
import { openDatabase, type Database } from './db/client';
import { parseConfig, type Config } from './env';
import { demoSignIns, seedDemoSchool } from './features/demo/seed-demo-school';
import { createMailer } from './features/mail/mailer';
import { createLocalMediaStore } from './features/media/media-store';
import { createTranslator } from './i18n';
import { jobDefinitions } from './jobs/definitions';
import { createJobRunner } from './jobs/runner';

export async function openConfiguredDatabase(config: Config): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ databaseUrl: config.databaseUrl })
    : openDatabase({ dataDir: path.join(config.dataDir, 'pglite') });
}

export interface Running {
  app: App;
  database: Database;
  url: string;
  config: Config;
  stop(): Promise<void>;
}

export async function startServer(env: Record<string, string | undefined>, cwd: string, print: (line: string) => void = console.log): Promise<Running> {
  const config = parseConfig(env, cwd);
  const database = await openConfiguredDatabase(config);
  await database.migrate();
  let demo: DemoSchool | null = null;
  if (config.seedDemo) {
    const seeded = await seedDemoSchool(database.db, { reset: false, media: createLocalMediaStore(config.mediaDir) });
    demo = seeded.demo;
    if (seeded.seeded) print('Seeded the demo school (Riverside Community Primary).');
  }
  const i18n = createTranslator();
  const mailer = createMailer({ db: database.db, from: config.mailFrom, smtpUrl: config.smtpUrl });
  const media = createLocalMediaStore(config.mediaDir);
  const deps = { db: database.db, engine: database.engine, config, i18n, mailer, media, now: () => new Date(), live: createLiveHub() };
  const app = await buildApp({ ...deps, database });
  await app.listen({ port: config.port, host: config.host });
  // Background jobs (emails, imports) run in every server process, sharing one queue table.
  const runner = createJobRunner(deps, jobDefinitions, (msg, extra) => app.log.warn(extra, msg));
  runner.start(500);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  print('');
  print(`Confer is running at ${url}  (${database.engine === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`);
  if (demo) printDemoSignIns(demo, url, config, print);
  return {
    app,
    database,
    url,
    config,
    async stop() {
      await runner.stop();
      await app.close();
      await database.close();
    },
  };
}

export function printDemoSignIns(demo: DemoSchool, url: string, config: Config, print: (line: string) => void): void {
  const s = demoSignIns(demo);
  print('');
  print(`Demo sign-ins (password for every adult: ${s.password})`);
  print(`  School admin   ${s.admin?.email}`);
  print(`  Teacher        ${s.teacher?.email}   (Owls, Year 1)`);
  print(`  Guardian       ${s.guardian?.email}   (two children, two classes)`);
  print(`  Guardian (ko)  ${s.korean?.email}   (reads Confer in Korean)`);
  print(`  Child (Year 1) ${url}/sign-in/class → class code ${s.owls?.classCode} → ${s.child?.givenName} → pictures: ${s.child?.pictures.join(' then ')}`);
  print(`  Child (Year 5) username ${s.older?.username}, password ${s.password}`);
  if (config.devMail) print(`  Sign-in links are emailed to the outbox: ${url}/dev/mail`);
  print('');
}

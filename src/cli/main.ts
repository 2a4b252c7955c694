/**
 * `confer` — the command line: start the server, seed the demo school, apply migrations.
 *   confer start            migrate, seed the demo school on first start, serve
 *   confer seed [--reset]   seed the demo school (--reset empties the database first)
 *   confer migrate          apply migrations and exit
 *   confer schedule …       the round scheduler on files (see schedule.ts)
 */
import { parseConfig } from '../server/env';
import { demoSignIns, seedDemoSchool } from '../server/features/demo/seed-demo-school';
import { createLocalMediaStore } from '../server/features/media/media-store';
import { openConfiguredDatabase, startServer } from '../server/main';
import { scheduleCommand } from './schedule';

const usage = `Usage: confer <command>

Commands:
  start             Start Confer (applies migrations; seeds the demo school on first start)
  seed [--reset]    Seed the demo school; --reset empties the database first
  migrate           Apply database migrations and exit
  schedule …        Schedule a round from a confer-schedule/1 file (confer schedule --help)
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start': {
      const running = await startServer(process.env, process.cwd());
      const stop = async () => {
        await running.stop();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return -1; // keep running
    }
    case 'seed': {
      const config = parseConfig(process.env, process.cwd());
      const database = await openConfiguredDatabase(config);
      await database.migrate();
      const result = await seedDemoSchool(database.db, { reset: rest.includes('--reset'), media: createLocalMediaStore(config.mediaDir) });
      await database.close();
      const s = demoSignIns(result.demo);
      console.log(result.seeded ? `Seeded the demo school. Teacher: ${s.teacher?.email}, password ${s.password}` : 'The demo school is already there (use --reset to start again).');
      return 0;
    }
    case 'migrate': {
      const config = parseConfig(process.env, process.cwd());
      const database = await openConfiguredDatabase(config);
      await database.migrate();
      await database.close();
      console.log('Migrations applied.');
      return 0;
    }
    case 'schedule':
      return scheduleCommand(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(usage);
      return command === undefined ? 2 : 0;
    default:
      console.error(`Unknown command: ${command}\n\n${usage}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);

import { health } from '../../../contracts/api';
import type { Database } from '../../db/client';
import type { TypedApp } from '../app';

export function registerHealthRoutes(app: TypedApp, database: Database): void {
  app.get(
    '/healthz',
    { config: { access: 'public' }, schema: { tags: ['system'], summary: 'Liveness and database reachability', response: { 200: health, 503: health } } },
    async (_req, reply) => {
      const ok = await database.ping(2000);
      const body = { status: ok ? 'ok' : 'degraded', database: ok ? 'ok' : 'unreachable', engine: database.engine } as const;
      return reply.code(ok ? 200 : 503).send(body);
    },
  );
}

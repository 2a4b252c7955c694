/**
 * The HTTP edge: plugins, the session and CSRF hooks, deny-by-default access, error mapping, and
 * the browser app. Routes live in ./routes and stay thin: parse → use case (which calls can()) → shape.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../../domain/permissions/index';
import { DomainError } from '../../domain/errors';
import type { Database } from '../db/client';
import type { Deps } from '../deps';
import type { SessionRow, UserRow } from '../features/identity/identity.repo';
import { resolveSession } from '../features/identity/resolve-session';
import { errorHandler, sendError } from './errors';
import { registerAuthRoutes } from './routes/auth';
import { registerDevMailRoutes } from './routes/dev-mail';
import { registerHealthRoutes } from './routes/health';
import { registerMeRoutes } from './routes/me';
import { registerInvitationRoutes } from './routes/invitations';
import { registerManageRoutes } from './routes/manage';
import { registerCriteriaRoutes } from './routes/criteria';
import { registerGoalsRoutes } from './routes/goals';
import { registerBookingRoutes } from './routes/booking';
import { registerSchedulingRoutes } from './routes/scheduling';
import { registerConferenceRoutes } from './routes/conference';
import { registerConferencingRoutes } from './routes/conferencing';
import { registerLateRoutes } from './routes/late';
import { registerSurveyRoutes } from './routes/surveys';
import { registerRecordSharingRoutes } from './routes/records';
import { registerFollowupRoutes } from './routes/followup';
import { registerPortfolioRoutes } from './routes/portfolio';
import { registerPreparationRoutes } from './routes/preparation';
import { registerStandardsRoutes } from './routes/standards';
import { registerRosterRoutes } from './routes/roster';
import { registerSchoolRoutes } from './routes/school';
import { CSRF_COOKIE, SESSION_COOKIE, setSessionCookies } from './session-cookies';

/** Who may call a route at all; finer checks (whose child, which class) are `can()` in the use case. */
export type Access = 'public' | 'signed-in';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    /** Every route with its declared access: the authorization matrix test walks this list. */
    routeTable: RouteInfo[];
  }
  interface FastifyRequest {
    actor: Actor;
    session: SessionRow | null;
    user: UserRow | null;
  }
}

export interface RouteInfo {
  method: string;
  url: string;
  access: Access;
}

export type App = FastifyInstance;
export type TypedApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes a plugin registers for us (the API docs page and its assets; the built app's files) are public. */
const PLUGIN_PUBLIC_PREFIXES = ['/api/docs'];

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function hops(n: number) {
  return (_address: string, hop: number) => hop < n;
}

export interface AppOptions extends Deps {
  database: Database;
  /** Log to stdout (the server); tests pass false. */
  logger?: boolean;
}

export async function buildApp(options: AppOptions): Promise<App> {
  const { database, logger = true, ...deps } = options;
  const app = Fastify({
    logger: logger ? { level: deps.config.logLevel } : false,
    genReqId: () => randomUUID(),
    bodyLimit: 256 * 1024,
    // A hop count becomes "trust the nearest n hops" (proxy-addr's trust function takes the hop index).
    trustProxy: typeof deps.config.trustProxy === 'number' ? hops(deps.config.trustProxy) : deps.config.trustProxy,
    // A URL the router cannot decode, or an over-long parameter, is otherwise answered by Fastify in
    // its own shape (echoing the path); answer it like every other error.
    frameworkErrors: (err, req, reply) => errorHandler(deps.i18n)(err, req, reply),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler(deps.i18n));
  // Open live streams would hold the server open: end them first (pages reconnect).
  app.addHook('preClose', (done) => {
    deps.live.closeAll();
    done();
  });

  // Deny by default: every route must say who may call it, or the server refuses to start.
  const routeTable: RouteInfo[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    const record = (access: Access) => {
      for (const method of [route.method].flat()) routeTable.push({ method: String(method), url, access });
    };
    if (route.config?.access) {
      record(route.config.access);
      return;
    }
    const isBuiltFile = url !== '/' && !url.includes('*') && existsSync(path.join(deps.config.webDir, url));
    if (PLUGIN_PUBLIC_PREFIXES.some((p) => url.startsWith(p)) || isBuiltFile) {
      route.config = { ...route.config, access: 'public' };
      record('public');
      return;
    }
    throw new Error(`Route ${String(route.method)} ${url} declares no access (config.access)`);
  });

  // Brotli or gzip for every answer over 1 KiB: the app's JavaScript is ~5× smaller on a parent's phone.
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: 50 * 1024 * 1024, files: 30, fields: 10 } });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: deps.config.cookieSecure ? [] : null,
      },
    },
    // HSTS only where Confer is served over HTTPS.
    strictTransportSecurity: deps.config.cookieSecure,
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => new DomainError('rate_limited', { retryAfterSeconds: Math.ceil(ctx.ttl / 1000) }),
  });

  app.decorateRequest('actor', null as never);
  app.decorateRequest('session', null);
  app.decorateRequest('user', null);

  app.addHook('onRequest', async (req, reply) => {
    req.actor = { kind: 'anonymous' };
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const resolved = await resolveSession(deps, token);
      if (resolved) {
        req.actor = resolved.actor;
        req.session = resolved.session;
        req.user = resolved.user;
        // Sliding expiry: when the session was extended, the browser's cookie is too.
        if (resolved.renewedUntil) setSessionCookies(reply, deps.config, { token, csrfToken: resolved.session.csrfToken, expiresAt: resolved.renewedUntil });
      }
    }
    const access = req.routeOptions.config?.access;
    if (access === 'signed-in' && req.actor.kind === 'anonymous') {
      return sendError(reply, req, deps.i18n, 'unauthenticated');
    }
    // CSRF: a state-changing request must echo the token from our own cookie in a header. Another
    // site can make the browser send our cookies, but it can neither read them nor set this header.
    if (!SAFE_METHODS.has(req.method)) {
      const header = req.headers['x-csrf-token'];
      const sent = typeof header === 'string' ? header : undefined;
      const expected = req.session ? req.session.csrfToken : req.cookies[CSRF_COOKIE];
      if (!sameToken(sent, expected)) return sendError(reply, req, deps.i18n, 'csrf_failed');
    }
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Confer API', version: '0.1.0', description: 'Student-led conferences and pupil conferencing.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const typed = app.withTypeProvider<ZodTypeProvider>();
  registerHealthRoutes(typed, database);
  registerAuthRoutes(typed, deps);
  registerMeRoutes(typed, deps);
  registerSchoolRoutes(typed, deps);
  registerRosterRoutes(typed, deps);
  registerManageRoutes(typed, deps);
  registerInvitationRoutes(typed, deps);
  registerPortfolioRoutes(typed, deps);
  registerCriteriaRoutes(typed, deps);
  registerStandardsRoutes(typed, deps);
  registerPreparationRoutes(typed, deps);
  registerGoalsRoutes(typed, deps);
  registerBookingRoutes(typed, deps);
  registerSchedulingRoutes(typed, deps);
  registerConferencingRoutes(typed, deps);
  registerConferenceRoutes(typed, deps);
  registerLateRoutes(typed, deps);
  registerSurveyRoutes(typed, deps);
  registerRecordSharingRoutes(typed, deps);
  registerFollowupRoutes(typed, deps);
  if (deps.config.devMail) registerDevMailRoutes(typed, deps);
  typed.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());

  // The browser app: built files, and index.html for every other page address (client-side routes).
  const indexHtml = path.join(deps.config.webDir, 'index.html');
  const hasWeb = existsSync(indexHtml);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: deps.config.webDir,
      prefix: '/',
      wildcard: false,
      index: false,
      setHeaders: (reply, filePath) =>
        reply.header('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.url.startsWith('/dev/') || req.method !== 'GET' || !hasWeb) {
      return sendError(reply, req, deps.i18n, 'not_found');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', deps.config.webDir);
  });
  return app;
}

/** The embedded outbox, for trying sign-in links without a mail server. Not registered in production. */
import { z } from 'zod';
import { DomainError } from '../../../domain/errors';
import type { Deps } from '../../deps';
import { listOutbox } from '../../features/mail/mail.repo';
import type { TypedApp } from '../app';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const linkify = (s: string) => escape(s).replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>');

/** The outbox holds sign-in links: it is shown only to a browser on this very machine. */
function fromThisMachine(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

export function registerDevMailRoutes(app: TypedApp, deps: Deps): void {
  app.addHook('onRequest', async (req) => {
    if ((req.url.startsWith('/dev/mail') || req.url.startsWith('/api/dev/mail')) && !fromThisMachine(req.socket.remoteAddress)) {
      throw new DomainError('not_found');
    }
  });

  app.get(
    '/api/dev/mail',
    {
      config: { access: 'public' },
      schema: {
        tags: ['dev'],
        summary: 'The local outbox (embedded mode only)',
        response: { 200: z.object({ messages: z.array(z.object({ id: z.string(), to: z.string(), subject: z.string(), text: z.string(), createdAt: z.string() })) }) },
      },
    },
    async () => ({
      messages: (await listOutbox(deps.db, 50)).map((m) => ({ id: m.id, to: m.to, subject: m.subject, text: m.text, createdAt: m.createdAt.toISOString() })),
    }),
  );

  app.get('/dev/mail', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) => {
    const rows = await listOutbox(deps.db, 50);
    const items = rows
      .map(
        (m) =>
          `<article><h2>${escape(m.subject)}</h2><p class="meta">To ${escape(m.to)} · <time>${m.createdAt.toISOString()}</time></p><pre>${linkify(m.text)}</pre></article>`,
      )
      .join('\n');
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Confer outbox</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem;color:#1b1b1f}article{border:1px solid #ccc;border-radius:8px;padding:0 1rem;margin:1rem 0}pre{white-space:pre-wrap;word-break:break-word}.meta{color:#4a4a55}a{color:#0b57d0}</style></head>
<body><main><h1>Outbox</h1><p>Mail Confer has sent while running without SMTP_URL. Newest first.</p>${items || '<p>No mail yet.</p>'}</main></body></html>`;
    return reply.type('text/html; charset=utf-8').send(html);
  });
}

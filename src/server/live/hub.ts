/**
 * Live pages (conference day): a page subscribes to a topic ("conference:<id>", "teacher-day:<id>:
 * <date>") and is sent a fresh snapshot whenever something on that topic changes.
 *
 * The server is stateless and may run as several processes, so the database stays the truth: a
 * stream re-reads its snapshot on every nudge from this process (`publish`, immediately) and on a
 * slow poll (a change made by another process reaches it within `pollMs`). A snapshot equal to the
 * last one sent is not sent again, so polling costs a query, not traffic.
 *
 * Worked example: the teacher presses "Start" on Jasper's conference. The use case saves it and calls
 * `live.publish('conference:c1')`; the child's tablet and the family's phone, each streaming that
 * topic, re-read the conference and receive `{ status: 'in_progress', … }` at once.
 */
import { EventEmitter } from 'node:events';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface LiveHub {
  /** Something on these topics changed: every stream of them re-reads its snapshot now. */
  publish(...topics: string[]): void;
  subscribe(topic: string, listener: () => void): () => void;
  /** Ends every open stream (the server is shutting down; pages reconnect to another process). */
  closeAll(): void;
  /** Called by `closeAll`; returns the way to stop being called. */
  onCloseAll(end: () => void): () => void;
}

export function createLiveHub(): LiveHub {
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const enders = new Set<() => void>();
  return {
    closeAll: () => {
      for (const end of [...enders]) end();
    },
    onCloseAll: (end) => {
      enders.add(end);
      return () => void enders.delete(end);
    },
    publish: (...topics) => {
      for (const topic of new Set(topics)) events.emit(topic);
    },
    subscribe: (topic, listener) => {
      events.on(topic, listener);
      return () => events.off(topic, listener);
    },
  };
}

export interface StreamOptions<T> {
  topics: readonly string[];
  /** Reads the current snapshot (with the caller's access already checked). */
  load: () => Promise<T>;
  /** How often to re-read without a nudge (another server process may have changed it). */
  pollMs?: number;
  /** Send the current snapshot and close (for a page that polls instead of streaming). */
  once?: boolean;
}

/**
 * Answers the request as a stream of server-sent events (`event: snapshot`, JSON data) until the
 * page goes away. The first snapshot is sent at once. A comment line every 25 s keeps proxies from
 * closing an idle connection.
 */
export async function streamSnapshots<T>(live: LiveHub, request: FastifyRequest, reply: FastifyReply, options: StreamOptions<T>): Promise<void> {
  const first = JSON.stringify(await options.load());
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  let last = first;
  let closed = false;
  let reading: Promise<void> | null = null;
  let again = false;
  res.write(`retry: 3000\nevent: snapshot\ndata: ${first}\n\n`);
  if (options.once) {
    res.end();
    return;
  }

  const refresh = () => {
    if (closed) return;
    if (reading) {
      again = true;
      return;
    }
    reading = (async () => {
      try {
        const next = JSON.stringify(await options.load());
        if (!closed && next !== last) {
          last = next;
          res.write(`event: snapshot\ndata: ${next}\n\n`);
        }
      } catch (err) {
        request.log.warn({ err }, 'live snapshot failed');
      } finally {
        reading = null;
        if (again) {
          again = false;
          refresh();
        }
      }
    })();
  };
  const unsubscribe = options.topics.map((topic) => live.subscribe(topic, refresh));
  const poll = setInterval(refresh, options.pollMs ?? 5000);
  const keepAlive = setInterval(() => !closed && res.write(': keep-alive\n\n'), 25_000);
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(poll);
    clearInterval(keepAlive);
    for (const off of unsubscribe) off();
  };
  request.raw.on('close', close);
  res.on('close', close);
  unsubscribe.push(
    live.onCloseAll(() => {
      close();
      res.end();
    }),
  );
}

/**
 * A signed-in person talking to a running Confer over real HTTP (Node's fetch), as the web app
 * does: the session and CSRF cookies kept between requests, and `x-csrf-token` echoed on every
 * request that changes something.
 */
import type { Me, SessionState } from '../../src/contracts/api';
import { DEMO_PASSWORD } from '../../src/domain/demo/demo-school';

export class HttpClient {
  private readonly cookies = new Map<string, string>();
  private csrfToken = '';

  constructor(readonly baseUrl: string) {}

  async request(method: 'GET' | 'POST', path: string, body?: FormData | object): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    let payload: FormData | string | undefined;
    if (body instanceof FormData) payload = body;
    else if (body) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(new URL(path, this.baseUrl), { method, headers, body: payload });
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1] ?? '').getTime() < Date.now());
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async json<T>(method: 'GET' | 'POST', path: string, body?: FormData | object): Promise<T> {
    const res = await this.request(method, path, body);
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${(await res.text()).slice(0, 300)}`);
    return (await res.json()) as T;
  }

  /** GET /api/session (a CSRF token and its cookie), then POST /api/auth/password. */
  async signIn(identifier: string, password = DEMO_PASSWORD): Promise<Me> {
    this.csrfToken = (await this.json<SessionState>('GET', '/api/session')).csrfToken;
    const state = await this.json<SessionState>('POST', '/api/auth/password', { identifier, password });
    this.csrfToken = state.csrfToken;
    if (!state.me) throw new Error(`signing in as ${identifier} gave no session`);
    return state.me;
  }
}

/**
 * The browser's way to call the API: JSON in and out, the CSRF token echoed on every change, and
 * errors turned into ApiError with the stable code (the page shows `errors.<code>` in the reader's
 * language, never server text).
 */
import type { ErrorCode } from '../../domain/errors';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    readonly fields: Record<string, string> = {},
    readonly retryAfterSeconds?: number,
    /** For media_too_large: the limit of this kind of file, in MB. */
    readonly limitMb?: number,
  ) {
    super(code);
  }
}

/** Fired on window when the server no longer knows the session. */
export const SESSION_ENDED = 'confer:session-ended';

let csrfToken = '';
let pageLocale = 'en';

export function setCsrfToken(token: string): void {
  csrfToken = token;
}
/** The page's language, sent so the server writes emails (e.g. a sign-in link) in it. */
export function setPageLocale(tag: string): void {
  pageLocale = tag;
}

/** Sends files (multipart/form-data) the way a form would, with the CSRF header. */
export async function upload<T>(url: string, form: FormData): Promise<T> {
  return request<T>('POST', url, form);
}

/**
 * Sends one file with upload progress (fetch cannot report it; a photo from a phone on a slow
 * connection takes a while). `onProgress` gets 0…1.
 */
export function uploadFile<T>(url: string, file: Blob, filename: string, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-confer-locale', pageLocale);
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network'));
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      const err = (data as { error?: { code?: ErrorCode; fields?: Record<string, string>; limitMb?: number } } | null)?.error;
      if (xhr.status === 401 && err?.code === 'unauthenticated') window.dispatchEvent(new Event(SESSION_ENDED));
      reject(new ApiError(xhr.status, err?.code ?? 'internal', err?.fields ?? {}, undefined, err?.limitMb));
    };
    const form = new FormData();
    form.append('file', file, filename);
    xhr.send(form);
  });
}

export async function api<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<T> {
  return request<T>(method, url, body);
}

async function request<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'x-confer-locale': pageLocale };
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body: body === undefined ? undefined : isForm ? body : JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network');
  }
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: ErrorCode; fields?: Record<string, string>; retryAfterSeconds?: number; limitMb?: number } } | null)?.error;
    // The session ended (expired, or signed out on another device): let the app send the person to sign in.
    if (res.status === 401 && err?.code === 'unauthenticated') window.dispatchEvent(new Event(SESSION_ENDED));
    throw new ApiError(res.status, err?.code ?? 'internal', err?.fields ?? {}, err?.retryAfterSeconds, err?.limitMb);
  }
  return data as T;
}

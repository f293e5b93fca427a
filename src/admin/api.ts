// The one place the admin app talks to the server. Every error becomes an ApiError carrying the
// server's Chinese message, so screens can show it as is (never a bare HTTP status).
// Unsafe methods carry the CSRF token handed out by login and by GET /api/v1/auth/me.

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    /** The server's `error.details`, e.g. `{ fields: { phone: '…' } }` for a form's per-field messages. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;
let onPasswordChangeRequired: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request other than login answers 401: the session has ended. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

/** Called when the server holds a request until the password is changed (auth.password_change_required). */
export function setPasswordChangeRequiredHandler(handler: (() => void) | null): void {
  onPasswordChangeRequired = handler;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  /** Do not treat a 401 as "session ended" (login and the initial session probe). */
  expectUnauthorized?: boolean;
}

export async function request<T>(method: Method, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError('network.unreachable', '无法连接服务器，请检查网络后重试。', 0);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (res.ok) return data as T;
  if (res.status === 401 && !opts.expectUnauthorized) onUnauthorized?.();
  const error = toApiError(res.status, data);
  if (error.code === 'auth.password_change_required') onPasswordChangeRequired?.();
  throw error;
}

function toApiError(status: number, data: unknown): ApiError {
  const err = (data as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (err && typeof err.message === 'string') {
    return new ApiError(typeof err.code === 'string' ? err.code : 'unknown', err.message, status, err.details);
  }
  if (status === 401) return new ApiError('auth.unauthenticated', '登录已失效，请重新登录。', status);
  if (status === 403) return new ApiError('auth.forbidden', '您没有执行此操作的权限。', status);
  if (status === 404) return new ApiError('not_found', '请求的内容不存在或接口尚未提供。', status);
  return new ApiError('server.unexpected', '服务器暂时无法处理请求，请稍后重试。', status);
}

/** The Chinese message to show for any thrown value. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return '操作失败，请稍后重试。';
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, body ?? {}, opts),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** Builds a query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

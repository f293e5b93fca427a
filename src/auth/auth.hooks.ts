/**
 * Request authentication for the JSON API: the session cookie names a session row; unsafe
 * methods must carry that session's CSRF token in `x-csrf-token` (the cookie is SameSite=Strict
 * too: two independent defences). Routes call `requireActor(request)` to get the acting user.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../shared/app-error.ts';
import type { AppDeps } from '../shared/deps.ts';
import { sessionUser } from './auth.usecases.ts';
import type { User } from './users.repository.ts';
import type { Actor } from './access.rules.ts';
import type { Role } from './roles.ts';

export const SESSION_COOKIE = 'gk_session';

export interface RequestAuth {
  user: User;
  token: string;
  csrfToken: string;
  mustChangePassword: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes that may be called without a session (and so without a CSRF token). */
const OPEN_WRITES = new Set(['/api/v1/auth/login']);

export function installAuthHooks(app: FastifyInstance, deps: AppDeps) {
  app.decorateRequest('auth', null);
  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const found = await sessionUser({ token, deps });
      if (found) request.auth = { ...found, token };
    }
    const path = request.url.split('?')[0];
    if (UNSAFE.has(request.method) && request.auth && !OPEN_WRITES.has(path)) {
      if (request.headers['x-csrf-token'] !== request.auth.csrfToken) {
        throw new AppError('auth.csrf', '请求缺少有效的安全令牌（CSRF），请刷新页面后重试', 403);
      }
    }
  });
}

export function requireAuth(request: FastifyRequest): RequestAuth {
  if (!request.auth) throw new AppError('auth.required', '请先登录', 401);
  return request.auth;
}

export function requireActor(request: FastifyRequest, ...anyOf: Role[]): Actor & { user: User } {
  const { user } = requireAuth(request);
  if (anyOf.length && !anyOf.some((r) => user.roles.includes(r))) {
    throw new AppError('auth.forbidden', '您的角色无权进行此操作', 403);
  }
  return { id: user.id, username: user.username, organizationId: user.organizationId, roles: user.roles, user };
}

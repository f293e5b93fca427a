/**
 * Request authentication for the JSON API: the session cookie names a session row; unsafe
 * methods must carry that session's CSRF token in `x-csrf-token` (the cookie is SameSite=Strict
 * too: two independent defences). Routes call `requireActor(request)` to get the acting user.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../shared/app-error.ts';
import type { AppDeps } from '../shared/deps.ts';
import { purgeEnded, sessionUser } from './auth.usecases.ts';
import { usePasswordCost } from './password.hash.ts';
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
/** What a session that must change its password may still call: who am I, change it, leave. */
const BEFORE_PASSWORD_CHANGE = new Set(['GET /api/v1/auth/me', 'POST /api/v1/auth/password', 'POST /api/v1/auth/logout', 'POST /api/v1/auth/login']);
/** How often ended sessions and stale login counters are deleted. */
export const SESSION_PURGE_MS = 10 * 60_000;

export function installAuthHooks(app: FastifyInstance, deps: AppDeps) {
  usePasswordCost(deps.config.passwordScrypt);
  app.decorateRequest('auth', null);
  const purge = () => purgeEnded(deps).catch((e: unknown) => app.log.error({ err: e }, '过期会话清理失败'));
  const timer = setInterval(purge, SESSION_PURGE_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
  app.addHook('onRequest', async (request) => {
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
    // A new account or an administrator's reset: the server, not only the admin app, holds
    // every other API call until the user has chosen a password of their own.
    if (request.auth?.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(`${request.method} ${path}`)) {
      throw new AppError('auth.password_change_required', '请先修改初始密码或被重置的密码，再继续操作', 403);
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

/** onRequest hook of the API documentation: only signed-in staff read it (the route table is a map). */
export function requireStaffSession(deps: AppDeps) {
  return async (request: FastifyRequest) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token || !(await sessionUser({ token, deps }))) throw new AppError('auth.required', '接口文档仅供已登录的工作人员查阅，请先登录管理后台', 401);
  };
}

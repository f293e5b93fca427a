import type { FastifyInstance } from 'fastify';
import { AppError } from '../shared/app-error.ts';
import type { AppDeps } from '../shared/deps.ts';
import { changePassword, login, logout } from './auth.usecases.ts';
import { requireAuth, SESSION_COOKIE } from './auth.hooks.ts';
import { SESSION_HOURS } from './sessions.repository.ts';
import { errorResponses, userSchema } from './auth.schemas.ts';
import { loginShape, passwordChangeShape, type LoginInput, type PasswordChangeInput } from './login.schema.ts';
import { zodRoute } from '../shared/schema/route-schema.ts';

export function registerAuthRoutes(app: FastifyInstance, deps: AppDeps) {
  const loginRoute = zodRoute({ body: loginShape });
  app.post(
    '/api/v1/auth/login',
    {
      validatorCompiler: loginRoute.validatorCompiler,
      schema: {
        tags: ['认证'],
        summary: '登录',
        ...loginRoute.schema,
        response: { 200: { type: 'object', properties: { user: userSchema, csrfToken: { type: 'string' } } }, ...errorResponses },
      },
    },
    async (request, reply) => {
      // Login CSRF: a cross-site HTML form can post form-encoded or text/plain bodies but not JSON
      // (that needs a CORS preflight this server never grants), so only JSON is accepted here.
      if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
        throw new AppError('auth.json_required', '登录请求必须以 JSON 格式提交', 415);
      }
      const { username, password } = request.body as LoginInput;
      const result = await login({ username, password, ip: request.ip, deps });
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: request.servedOverHttps,
        maxAge: SESSION_HOURS * 3600,
      });
      return { user: { ...result.user, mustChangePassword: result.mustChangePassword }, csrfToken: result.csrfToken };
    },
  );

  app.get('/api/v1/auth/me', { schema: { tags: ['认证'], summary: '当前用户', response: { 200: { type: 'object', properties: { user: userSchema, csrfToken: { type: 'string' } } }, ...errorResponses } } }, async (request) => {
    const auth = requireAuth(request);
    return { user: { ...auth.user, mustChangePassword: auth.mustChangePassword }, csrfToken: auth.csrfToken };
  });

  app.post('/api/v1/auth/logout', { schema: { tags: ['认证'], summary: '退出登录', response: { 204: { type: 'null' }, ...errorResponses } } }, async (request, reply) => {
    const auth = requireAuth(request);
    await logout({ token: auth.token, user: auth.user, ip: request.ip, deps });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  const passwordRoute = zodRoute({ body: passwordChangeShape });
  app.post(
    '/api/v1/auth/password',
    {
      validatorCompiler: passwordRoute.validatorCompiler,
      schema: { tags: ['认证'], summary: '修改密码', ...passwordRoute.schema, response: { 204: { type: 'null' }, ...errorResponses } },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const body = request.body as PasswordChangeInput;
      await changePassword({ user: auth.user, token: auth.token, ...body, ip: request.ip, deps });
      return reply.status(204).send();
    },
  );
}

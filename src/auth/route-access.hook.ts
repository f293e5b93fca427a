/**
 * Enforces the authorization matrix (route-access.ts) on every `/api/v1/` route: before the body is
 * parsed or validated, a caller whose roles the route's declaration does not name is refused, and
 * a route without a declaration is refused to everyone (fail closed). Must be installed after the
 * session hook and before any route is registered (it lists the routes as they are added).
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../shared/app-error.ts';
import { ROUTE_ACCESS, mayCall, routeKey } from './route-access.ts';

const API = '/api/v1/';

export interface ApiRoute {
  method: string;
  url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every `/api/v1/` route as registered (method, URL pattern): the matrix test walks them. */
    apiRoutes: ApiRoute[];
  }
}

export function installRouteAccess(app: FastifyInstance) {
  const routes: ApiRoute[] = [];
  app.decorate('apiRoutes', routes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(API)) return;
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
  app.addHook('onRequest', async (request) => {
    const url = request.routeOptions.url;
    if (!url?.startsWith(API)) return;
    const access = ROUTE_ACCESS[routeKey(request.method === 'HEAD' ? 'GET' : request.method, url)];
    if (!access) throw new AppError('auth.undeclared_route', '该接口未声明访问权限，已拒绝访问', 403);
    if (mayCall(access, request.auth?.user.roles ?? null)) return;
    if (!request.auth) throw new AppError('auth.required', '请先登录', 401);
    throw new AppError('auth.forbidden', '您的角色无权进行此操作', 403);
  });
}

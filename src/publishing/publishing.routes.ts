/** Everything publishing adds to the server: the JSON API and the portal pages. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../shared/deps.ts';
import { registerColumnsRoutes } from './columns.routes.ts';
import { registerItemsRoutes } from './items.routes.ts';

export function registerPublishingRoutes(app: FastifyInstance, deps: AppDeps) {
  registerColumnsRoutes(app, deps);
  registerItemsRoutes(app, deps);
}

/** Everything publishing adds to the server: the JSON API and the portal pages. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../shared/deps.ts';
import { registerColumnsRoutes } from './columns.routes.ts';
import { registerItemsRoutes } from './items.routes.ts';
import { registerPublishingPortal } from './publishing.portal.ts';
import { registerSearchPortal } from './search.portal.ts';
import { registerMailboxPortal } from './mailbox.portal.ts';
import { registerAdminExtrasRoutes } from './admin-extras.routes.ts';
import { registerMailboxRoutes } from './mailbox.routes.ts';
import { registerGuideRoutes } from './guide.routes.ts';
import { registerPublishingSettingsRoutes } from './publishing-settings.routes.ts';
import { registerLinkedItemsRoutes } from './linked-items.routes.ts';
import { registerDocxImportRoutes } from './docx-import.routes.ts';
import { registerBulkActionsRoutes } from './bulk-actions.routes.ts';

export function registerPublishingRoutes(app: FastifyInstance, deps: AppDeps) {
  registerColumnsRoutes(app, deps);
  registerItemsRoutes(app, deps);
  registerDocxImportRoutes(app, deps);
  registerAdminExtrasRoutes(app, deps);
  registerMailboxRoutes(app, deps);
  registerGuideRoutes(app, deps);
  registerPublishingSettingsRoutes(app, deps);
  registerLinkedItemsRoutes(app, deps);
  registerBulkActionsRoutes(app, deps);
  registerPublishingPortal(app, deps);
  registerSearchPortal(app, deps);
  registerMailboxPortal(app, deps);
}

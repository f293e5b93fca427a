/**
 * The authorization matrix: who may call each JSON API route (pure; the admin app may import it).
 *
 * Every `/api/` route is declared here. `installRouteAccess` refuses a caller whose roles the
 * declaration does not name before the body is parsed or validated, and refuses every call to a
 * route that is not declared (fail closed: a route added without a declaration cannot be called).
 * The handlers still check the organization a resource belongs to (`reach`), since that needs the
 * resource; `route-access.matrix.test.ts` calls every route as every role, inside and outside the
 * resource's organization and signed out, and compares the answers with this table.
 */
import type { Role } from './roles.ts';

/** `anyone`: no session needed. `staff`: any signed-in account. Otherwise the roles that may call. */
export type Callers = 'anyone' | 'staff' | readonly Role[];

/**
 * How far a caller reaches: `none` — the route names no organization's data; `list` — the answer is
 * filtered to what the caller may see; `resource` — the route names one organization's resource and
 * a caller outside that organization's scope is refused (403 or 404, never the data).
 */
export type Reach = 'none' | 'list' | 'resource';

export interface RouteAccess {
  callers: Callers;
  reach: Reach;
}

/** Approvers (reviewer, leader) read a case only while a request awaits them (case-access.ts). */
const CASE_READERS: readonly Role[] = ['case_handler', 'reviewer', 'leader', 'auditor'];
/** Business data (publishing drafts, reports, oversight): not the 三员 (system, security, audit). */
const BUSINESS: readonly Role[] = ['publisher', 'reviewer', 'case_handler', 'report_editor', 'leader', 'auditor'];
const ACCOUNT_ADMINS: readonly Role[] = ['admin', 'security_admin'];
/** A body's letter settings (文号, seal, contact): its administrator or its 公开办 case handler. */
const LETTER_SETTERS: readonly Role[] = ['admin', 'case_handler'];
const TEMPLATE_READERS: readonly Role[] = ['admin', 'case_handler', 'auditor'];

export const ROUTE_ACCESS: Readonly<Record<string, RouteAccess>> = {
  // Sign-in and the session itself.
  'POST /api/v1/auth/login': { callers: 'anyone', reach: 'none' },
  'GET /api/v1/auth/me': { callers: 'staff', reach: 'none' },
  'POST /api/v1/auth/logout': { callers: 'staff', reach: 'none' },
  'POST /api/v1/auth/password': { callers: 'staff', reach: 'none' },

  // Accounts, organizations, audit (三员分立).
  'GET /api/v1/users': { callers: [...ACCOUNT_ADMINS, 'auditor'], reach: 'list' },
  'POST /api/v1/users': { callers: ACCOUNT_ADMINS, reach: 'resource' },
  'PATCH /api/v1/users/:id': { callers: ACCOUNT_ADMINS, reach: 'resource' },
  'POST /api/v1/users/:id/sessions/revoke': { callers: ['security_admin'], reach: 'resource' },
  'GET /api/v1/organizations': { callers: 'staff', reach: 'list' },
  'POST /api/v1/organizations': { callers: ['admin'], reach: 'resource' },
  'PATCH /api/v1/organizations/:id': { callers: ['admin'], reach: 'resource' },
  'GET /api/v1/audit': { callers: ['audit_admin'], reach: 'list' },

  // Applications (依申请公开): personal data, need-to-know.
  'GET /api/v1/applications': { callers: CASE_READERS, reach: 'list' },
  'GET /api/v1/applications/export': { callers: CASE_READERS, reach: 'list' },
  'GET /api/v1/applications/intake-bodies': { callers: ['case_handler'], reach: 'list' },
  'GET /api/v1/applications/workbench': { callers: BUSINESS, reach: 'list' },
  'POST /api/v1/applications': { callers: ['case_handler'], reach: 'resource' },
  'GET /api/v1/applications/:id': { callers: CASE_READERS, reach: 'resource' },
  'POST /api/v1/applications/:id/actions/:action': { callers: ['case_handler', 'reviewer', 'leader'], reach: 'resource' },
  // The holiday calendar: the whole platform's, kept by the administrator of a root organization.
  'GET /api/v1/calendar/years': { callers: ['admin'], reach: 'none' },
  'PUT /api/v1/calendar/years/:year': { callers: ['admin'], reach: 'none' },
  // Separation of duties (approval.rules.ts): set by the body's administrator.
  'GET /api/v1/organizations/:id/approval-settings': { callers: ['admin', 'case_handler', 'reviewer', 'leader', 'auditor'], reach: 'resource' },
  'PUT /api/v1/organizations/:id/approval-settings': { callers: ['admin'], reach: 'resource' },
  'GET /api/v1/applications/:id/letters/:key': { callers: CASE_READERS, reach: 'resource' },
  'POST /api/v1/applications/:id/letters/:key/issue': { callers: ['case_handler'], reach: 'resource' },
  'GET /api/v1/applications/:id/issued-letters': { callers: CASE_READERS, reach: 'resource' },
  'GET /api/v1/applications/:id/issued-letters/:letterId/:format': { callers: CASE_READERS, reach: 'resource' },
  'GET /api/v1/applications/:id/files': { callers: CASE_READERS, reach: 'resource' },
  'GET /api/v1/applications/:id/files/:fileId': { callers: CASE_READERS, reach: 'resource' },
  'POST /api/v1/applications/:id/files': { callers: ['case_handler'], reach: 'resource' },

  // Letters: templates and each body's letter settings (文号, seal, contact).
  // Templates are the wording of letters every applicant receives: readable by whoever writes or
  // checks letters, for any body; saved and restored only by the body's administrator.
  'GET /api/v1/letter-template-bodies': { callers: TEMPLATE_READERS, reach: 'list' },
  'GET /api/v1/organizations/:id/letter-templates': { callers: TEMPLATE_READERS, reach: 'none' },
  'GET /api/v1/organizations/:id/letter-templates/:key/versions': { callers: TEMPLATE_READERS, reach: 'none' },
  'POST /api/v1/organizations/:id/letter-templates/:key/versions': { callers: ['admin'], reach: 'resource' },
  'POST /api/v1/organizations/:id/letter-templates/:key/versions/:version/restore': { callers: ['admin'], reach: 'resource' },
  'GET /api/v1/organizations/:id/letter-settings': { callers: [...LETTER_SETTERS, 'auditor'], reach: 'resource' },
  'PUT /api/v1/organizations/:id/letter-settings': { callers: LETTER_SETTERS, reach: 'resource' },
  'PUT /api/v1/organizations/:id/letter-seal': { callers: LETTER_SETTERS, reach: 'resource' },
  'DELETE /api/v1/organizations/:id/letter-seal': { callers: LETTER_SETTERS, reach: 'resource' },
  // The body's 政府信息公开指南: kept by the same office as its letters.
  'GET /api/v1/organizations/:id/portal-guide': { callers: [...LETTER_SETTERS, 'auditor'], reach: 'resource' },
  'PUT /api/v1/organizations/:id/portal-guide': { callers: LETTER_SETTERS, reach: 'resource' },
  // Whether approval must carry a 保密审查: set by the body's administrator, read by its publishing staff.
  'GET /api/v1/organizations/:id/publishing-settings': { callers: ['admin', 'publisher', 'reviewer', 'auditor'], reach: 'resource' },
  'PUT /api/v1/organizations/:id/publishing-settings': { callers: ['admin'], reach: 'resource' },

  // Publishing (主动公开).
  'GET /api/v1/publishing/columns': { callers: [...BUSINESS, 'admin'], reach: 'resource' },
  'POST /api/v1/publishing/columns': { callers: ['admin'], reach: 'resource' },
  'POST /api/v1/publishing/columns/defaults': { callers: ['admin'], reach: 'resource' },
  'PATCH /api/v1/publishing/columns/:id': { callers: ['admin'], reach: 'resource' },
  'GET /api/v1/publishing/items': { callers: BUSINESS, reach: 'list' },
  'POST /api/v1/publishing/items': { callers: ['publisher'], reach: 'resource' },
  'GET /api/v1/publishing/items/:id': { callers: BUSINESS, reach: 'resource' },
  'PATCH /api/v1/publishing/items/:id': { callers: ['publisher'], reach: 'resource' },
  'POST /api/v1/publishing/items/:id/transitions': { callers: ['publisher', 'reviewer'], reach: 'resource' },
  'POST /api/v1/publishing/items/:id/validity': { callers: ['reviewer'], reach: 'resource' },
  'GET /api/v1/publishing/items/:id/versions': { callers: BUSINESS, reach: 'resource' },
  'GET /api/v1/publishing/link-candidates': { callers: ['publisher', 'reviewer'], reach: 'list' },
  'POST /api/v1/publishing/items/:id/related': { callers: ['publisher'], reach: 'resource' },
  'DELETE /api/v1/publishing/items/:id/related/:relatedId': { callers: ['publisher'], reach: 'resource' },
  // Each selected item is checked as on its own (outside the caller's reach: 信息不存在).
  'POST /api/v1/publishing/items/bulk': { callers: ['publisher', 'reviewer'], reach: 'list' },
  'POST /api/v1/publishing/items/:id/attachments': { callers: ['publisher'], reach: 'resource' },
  // A draft's pictures in the editor (and any attachment) for those who read the item; never public.
  'GET /api/v1/publishing/attachments/:id/file': { callers: BUSINESS, reach: 'resource' },
  'POST /api/v1/publishing/docx-to-html': { callers: ['publisher'], reach: 'none' },
  // Column upkeep is the administrator's concern (it keeps the columns); so is the mailbox, which
  // the administrator answers for the body alongside its publishers (writers' contacts: need-to-know).
  // Statistics: counts of the caller's scope only, no personal data.
  'GET /api/v1/statistics': { callers: BUSINESS, reach: 'list' },
  'GET /api/v1/statistics/export': { callers: BUSINESS, reach: 'list' },
  'GET /api/v1/publishing/monitoring': { callers: [...BUSINESS, 'admin'], reach: 'list' },
  'GET /api/v1/publishing/letters': { callers: [...BUSINESS, 'admin'], reach: 'list' },
  'POST /api/v1/publishing/letters/:id/reply': { callers: ['admin', 'publisher'], reach: 'resource' },
  'POST /api/v1/publishing/letters/:id/publication': { callers: ['admin', 'publisher'], reach: 'resource' },
  'GET /api/v1/publishing/letters/:id/transfer-targets': { callers: ['admin', 'publisher'], reach: 'resource' },
  'POST /api/v1/publishing/letters/:id/transfer': { callers: ['admin', 'publisher'], reach: 'resource' },
  // A reply published in the body's name is reviewed by its reviewer or leader (not the one who asked).
  'POST /api/v1/publishing/letters/:id/publication/approve': { callers: ['reviewer', 'leader'], reach: 'resource' },
  'POST /api/v1/publishing/letters/:id/publication/return': { callers: ['reviewer', 'leader'], reach: 'resource' },
  'GET /api/v1/publishing/new-media': { callers: [...BUSINESS, 'admin'], reach: 'list' },
  'POST /api/v1/publishing/new-media': { callers: ['admin', 'publisher'], reach: 'resource' },

  // Administrative review and litigation (复议诉讼).
  'GET /api/v1/oversight': { callers: BUSINESS, reach: 'list' },
  'POST /api/v1/oversight': { callers: ['case_handler'], reach: 'resource' },
  'POST /api/v1/oversight/:id/result': { callers: ['case_handler'], reach: 'resource' },

  // Annual report (年度报告).
  'GET /api/v1/reports/bodies': { callers: BUSINESS, reach: 'list' },
  'GET /api/v1/reports/:bodyId/:year': { callers: BUSINESS, reach: 'resource' },
  'GET /api/v1/reports/:bodyId/:year/cells/:cell': { callers: BUSINESS, reach: 'resource' },
  'GET /api/v1/reports/:bodyId/:year/document': { callers: BUSINESS, reach: 'resource' },
  // Published reports only, which the portal shows to everyone.
  'GET /api/v1/reports/:bodyId/history': { callers: BUSINESS, reach: 'none' },
  'POST /api/v1/reports/:bodyId/:year/versions': { callers: ['report_editor'], reach: 'resource' },
  'PUT /api/v1/reports/:bodyId/:year/figures': { callers: ['report_editor'], reach: 'resource' },
  'PUT /api/v1/reports/versions/:id/narrative': { callers: ['report_editor'], reach: 'resource' },
  'POST /api/v1/reports/versions/:id/:action': { callers: ['report_editor', 'leader'], reach: 'resource' },

  // A staff member's own notifications and digest setting (only the caller's own rows).
  'GET /api/v1/notifications': { callers: 'staff', reach: 'none' },
  'POST /api/v1/notifications/:id/read': { callers: 'staff', reach: 'none' },
  'POST /api/v1/notifications/read-all': { callers: 'staff', reach: 'none' },
  'GET /api/v1/notifications/settings': { callers: 'staff', reach: 'none' },
  'PUT /api/v1/notifications/settings': { callers: 'staff', reach: 'none' },

  // Checking other bodies' published reports (年报核查): public documents, any business role.
  'POST /api/v1/report-checks': { callers: BUSINESS, reach: 'none' },
  'POST /api/v1/report-checks/export': { callers: BUSINESS, reach: 'none' },
  'POST /api/v1/report-checks/text': { callers: BUSINESS, reach: 'none' },
  'POST /api/v1/report-checks/text/export': { callers: BUSINESS, reach: 'none' },
};

export function routeKey(method: string, url: string): string {
  return `${method} ${url}`;
}

/** The roles a route names, for the admin app's navigation; undefined when any signed-in account may call. */
export function rolesFor(key: string): readonly Role[] | undefined {
  const callers = ROUTE_ACCESS[key]?.callers;
  return callers === undefined ? [] : typeof callers === 'string' ? undefined : callers;
}

export function mayCall(access: RouteAccess, roles: readonly Role[] | null): boolean {
  if (access.callers === 'anyone') return true;
  if (!roles) return false;
  if (access.callers === 'staff') return true;
  return access.callers.some((r) => roles.includes(r));
}

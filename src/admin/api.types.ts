// Shapes of the JSON API as the admin app sees them (see the server's routes for the source of truth).
// Request bodies that have a zod shape on the server are inferred from it, never copied.
export type { OrganizationCreateInput, OrganizationPatchInput, UserCreateInput, UserPatchInput } from '../auth/users.schema.ts';

export interface SessionUser {
  id: number | string;
  username: string;
  displayName: string;
  organizationId: number | string;
  organizationName: string;
  roles: string[];
  mustChangePassword: boolean;
}

export interface SessionResponse {
  user: SessionUser;
  csrfToken: string;
}

export type OrganizationKind = 'government' | 'office' | 'department' | 'unit';

export interface Organization {
  id: number | string;
  code: string;
  name: string;
  parentId: number | string | null;
  kind: OrganizationKind;
  isBody: boolean;
  disabled: boolean;
}

export interface UserRow {
  id: number | string;
  username: string;
  displayName: string;
  organizationId: number | string;
  organizationName: string;
  roles: string[];
  disabled: boolean;
  lockedUntil: string | null;
  version: number;
}

export interface AuditRow {
  id: number | string;
  at: string;
  username: string | null;
  action: string;
  targetType: string | null;
  targetId: string | number | null;
  ip: string | null;
  detail: unknown;
}

export interface ListResponse<T> {
  items: T[];
}

/** Administration API: users, organizations, and the audit log (read-only). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../shared/deps.ts';
import { requireActor } from './auth.hooks.ts';
import { createUser, endUserSessions, listUsers, updateUser } from './users.usecases.ts';
import { createOrganization, listOrganizations, updateOrganization } from './organizations.usecases.ts';
import { createAuditRepository } from './audit.repository.ts';
import { errorResponses, idParams, organizationSchema, userSchema } from './auth.schemas.ts';
import { ROLE_NAMES } from './roles.ts';
import { createOrganizationsRepository, ORGANIZATION_KINDS } from './organizations.repository.ts';
import { isRootOrg, subtreeIds } from './access.rules.ts';

const roleList = { type: 'array', items: { type: 'string', enum: ROLE_NAMES }, minItems: 1 } as const;
const kindEnum = { type: 'string', enum: Object.keys(ORGANIZATION_KINDS) } as const;

export function registerUsersRoutes(app: FastifyInstance, deps: AppDeps) {
  const tags = ['系统管理'];

  app.get('/api/v1/users', {
    schema: {
      tags, summary: '用户列表',
      querystring: { type: 'object', properties: { organizationId: { type: 'integer' }, q: { type: 'string', maxLength: 64 } } },
      response: { 200: { type: 'object', properties: { items: { type: 'array', items: userSchema } } }, ...errorResponses },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const q = request.query as { organizationId?: number; q?: string };
    return { items: await listUsers({ actor, organizationId: q.organizationId, q: q.q, deps }) };
  });

  app.post('/api/v1/users', {
    schema: {
      tags, summary: '新建用户',
      body: {
        type: 'object', additionalProperties: false,
        required: ['username', 'displayName', 'organizationId', 'roles', 'password'],
        properties: {
          username: { type: 'string', pattern: '^[A-Za-z0-9_.-]{3,32}$' },
          displayName: { type: 'string', minLength: 1, maxLength: 64 },
          organizationId: { type: 'integer', minimum: 1 },
          roles: roleList,
          password: { type: 'string', maxLength: 256 },
        },
      },
      response: { 201: { type: 'object', properties: { user: userSchema } }, ...errorResponses },
    },
  }, async (request, reply) => {
    const actor = requireActor(request, 'admin', 'security_admin');
    const user = await createUser({ actor, input: request.body as Parameters<typeof createUser>[0]['input'], ip: request.ip, deps });
    return reply.status(201).send({ user });
  });

  app.patch('/api/v1/users/:id', {
    schema: {
      tags, summary: '修改、停用用户或重置密码',
      params: idParams,
      body: {
        type: 'object', additionalProperties: false, minProperties: 1,
        properties: {
          displayName: { type: 'string', minLength: 1, maxLength: 64 },
          organizationId: { type: 'integer', minimum: 1 },
          roles: roleList,
          disabled: { type: 'boolean' },
          password: { type: 'string', maxLength: 256 },
          version: { type: 'integer', minimum: 1, description: '所修改的版本（用户列表中的 version）；用户已被他人修改则返回 409' },
        },
      },
      response: { 200: { type: 'object', properties: { user: userSchema } }, ...errorResponses },
    },
  }, async (request) => {
    const actor = requireActor(request, 'admin', 'security_admin');
    const { id } = request.params as { id: number };
    return { user: await updateUser({ actor, userId: id, patch: request.body as object, ip: request.ip, deps }) };
  });

  app.post('/api/v1/users/:id/sessions/revoke', {
    schema: {
      tags, summary: '结束用户的全部会话（安全管理员）',
      params: idParams,
      response: { 200: { type: 'object', properties: { ended: { type: 'integer' } } }, ...errorResponses },
    },
  }, async (request) => {
    const actor = requireActor(request, 'security_admin');
    const { id } = request.params as { id: number };
    return { ended: await endUserSessions({ actor, userId: id, ip: request.ip, deps }) };
  });

  app.get('/api/v1/organizations', {
    schema: { tags, summary: '组织机构列表', response: { 200: { type: 'object', properties: { items: { type: 'array', items: organizationSchema } } }, ...errorResponses } },
  }, async (request) => ({ items: await listOrganizations({ actor: requireActor(request), deps }) }));

  app.post('/api/v1/organizations', {
    schema: {
      tags, summary: '新建单位',
      body: {
        type: 'object', additionalProperties: false, required: ['code', 'name', 'parentId', 'kind'],
        properties: { code: { type: 'string', maxLength: 40 }, name: { type: 'string', minLength: 2, maxLength: 80 }, parentId: { type: 'integer', minimum: 1 }, kind: kindEnum },
      },
      response: { 201: { type: 'object', properties: { organization: organizationSchema } }, ...errorResponses },
    },
  }, async (request, reply) => {
    const actor = requireActor(request, 'admin');
    const organization = await createOrganization({ actor, input: request.body as Parameters<typeof createOrganization>[0]['input'], ip: request.ip, deps });
    return reply.status(201).send({ organization });
  });

  app.patch('/api/v1/organizations/:id', {
    schema: {
      tags, summary: '修改或停用单位',
      params: idParams,
      body: {
        type: 'object', additionalProperties: false, minProperties: 1,
        properties: { name: { type: 'string', minLength: 2, maxLength: 80 }, parentId: { type: 'integer', minimum: 1 }, kind: kindEnum, disabled: { type: 'boolean' } },
      },
      response: { 200: { type: 'object', properties: { organization: organizationSchema } }, ...errorResponses },
    },
  }, async (request) => {
    const actor = requireActor(request, 'admin');
    const { id } = request.params as { id: number };
    return { organization: await updateOrganization({ actor, organizationId: id, patch: request.body as object, ip: request.ip, deps }) };
  });

  app.get('/api/v1/audit', {
    schema: {
      tags, summary: '审计日志（倒序）',
      querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 }, before: { type: 'integer', minimum: 1 } } },
    },
  }, async (request) => {
    // 审计管理员 only (三员分立); one below the root sees the rows of its own subtree's users.
    const actor = requireActor(request, 'audit_admin');
    const q = request.query as { limit: number; before?: number };
    const orgs = await createOrganizationsRepository(deps).list();
    const scope = isRootOrg(orgs, actor.organizationId) ? undefined : [...subtreeIds(orgs, actor.organizationId)];
    const rows = await createAuditRepository(deps).list(q.limit, q.before, scope);
    return {
      items: rows.map((r) => ({
        id: r.id, at: r.at, username: r.username, action: r.action, targetType: r.target_type, targetId: r.target_id, ip: r.ip, detail: JSON.parse(r.detail) as unknown,
      })),
    };
  });
}

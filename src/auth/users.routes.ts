/** Administration API: users, organizations, and the audit log (read-only). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../shared/deps.ts';
import { requireActor } from './auth.hooks.ts';
import { createUser, endUserSessions, listUsers, updateUser } from './users.usecases.ts';
import { createOrganization, organizationsListBody, updateOrganization } from './organizations.usecases.ts';
import { createAuditRepository } from './audit.repository.ts';
import { errorResponses, organizationSchema, userSchema } from './auth.schemas.ts';
import { createOrganizationsRepository } from './organizations.repository.ts';
import { isRootOrg, subtreeIds } from './access.rules.ts';
import { idParamsShape, zodRoute } from '../shared/schema/route-schema.ts';
import {
  auditQueryShape, organizationCreateShape, organizationPatchShape, userCreateShape, userListQueryShape, userPatchShape,
  type OrganizationCreateInput, type OrganizationPatchInput, type UserCreateInput, type UserPatchInput,
} from './users.schema.ts';

export function registerUsersRoutes(app: FastifyInstance, deps: AppDeps) {
  const tags = ['系统管理'];

  const list = zodRoute({ querystring: userListQueryShape });
  app.get('/api/v1/users', {
    validatorCompiler: list.validatorCompiler,
    schema: {
      tags, summary: '用户列表', ...list.schema,
      response: { 200: { type: 'object', properties: { items: { type: 'array', items: userSchema } } }, ...errorResponses },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const q = request.query as { organizationId?: number; q?: string };
    return { items: await listUsers({ actor, organizationId: q.organizationId, q: q.q, deps }) };
  });

  const create = zodRoute({ body: userCreateShape });
  app.post('/api/v1/users', {
    validatorCompiler: create.validatorCompiler,
    schema: {
      tags, summary: '新建用户', ...create.schema,
      response: { 201: { type: 'object', properties: { user: userSchema } }, ...errorResponses },
    },
  }, async (request, reply) => {
    const actor = requireActor(request, 'admin', 'security_admin');
    const user = await createUser({ actor, input: request.body as UserCreateInput, ip: request.ip, deps });
    return reply.status(201).send({ user });
  });

  const patch = zodRoute({ params: idParamsShape, body: userPatchShape });
  app.patch('/api/v1/users/:id', {
    validatorCompiler: patch.validatorCompiler,
    schema: {
      tags, summary: '修改、停用用户或重置密码', ...patch.schema,
      response: { 200: { type: 'object', properties: { user: userSchema } }, ...errorResponses },
    },
  }, async (request) => {
    const actor = requireActor(request, 'admin', 'security_admin');
    const { id } = request.params as { id: number };
    return { user: await updateUser({ actor, userId: id, patch: request.body as UserPatchInput, ip: request.ip, deps }) };
  });

  const revoke = zodRoute({ params: idParamsShape });
  app.post('/api/v1/users/:id/sessions/revoke', {
    validatorCompiler: revoke.validatorCompiler,
    schema: {
      tags, summary: '结束用户的全部会话（安全管理员）', ...revoke.schema,
      response: { 200: { type: 'object', properties: { ended: { type: 'integer' } } }, ...errorResponses },
    },
  }, async (request) => {
    const actor = requireActor(request, 'security_admin');
    const { id } = request.params as { id: number };
    return { ended: await endUserSessions({ actor, userId: id, ip: request.ip, deps }) };
  });

  app.get('/api/v1/organizations', {
    schema: { tags, summary: '组织机构列表', response: { 200: { type: 'object', properties: { items: { type: 'array', items: organizationSchema } } }, ...errorResponses } },
  }, async (request, reply) => {
    // Already JSON in the schema's shape (Organization has exactly its fields): sent as it is,
    // gzipped when the whole tree goes to a client that takes gzip (every browser does).
    const body = await organizationsListBody({ actor: requireActor(request), deps });
    reply.type('application/json; charset=utf-8');
    if (body.gzip && acceptsGzip(request.headers['accept-encoding'])) {
      return reply.header('content-encoding', 'gzip').header('vary', 'accept-encoding').send(body.gzip);
    }
    return reply.send(body.json);
  });

  const orgCreate = zodRoute({ body: organizationCreateShape });
  app.post('/api/v1/organizations', {
    validatorCompiler: orgCreate.validatorCompiler,
    schema: {
      tags, summary: '新建单位', ...orgCreate.schema,
      response: { 201: { type: 'object', properties: { organization: organizationSchema } }, ...errorResponses },
    },
  }, async (request, reply) => {
    const actor = requireActor(request, 'admin');
    const organization = await createOrganization({ actor, input: request.body as OrganizationCreateInput, ip: request.ip, deps });
    return reply.status(201).send({ organization });
  });

  const orgPatch = zodRoute({ params: idParamsShape, body: organizationPatchShape });
  app.patch('/api/v1/organizations/:id', {
    validatorCompiler: orgPatch.validatorCompiler,
    schema: {
      tags, summary: '修改或停用单位', ...orgPatch.schema,
      response: { 200: { type: 'object', properties: { organization: organizationSchema } }, ...errorResponses },
    },
  }, async (request) => {
    const actor = requireActor(request, 'admin');
    const { id } = request.params as { id: number };
    return { organization: await updateOrganization({ actor, organizationId: id, patch: request.body as OrganizationPatchInput, ip: request.ip, deps }) };
  });

  const audit = zodRoute({ querystring: auditQueryShape });
  app.get('/api/v1/audit', {
    validatorCompiler: audit.validatorCompiler,
    schema: { tags, summary: '审计日志（倒序）', ...audit.schema },
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

/** Whether an Accept-Encoding header admits gzip (named or `*`, and not with q=0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  return String(header ?? '').split(',').some((part) => {
    const [name, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    return (name === 'gzip' || name === '*') && !params.some((p) => /^q=0(\.0*)?$/.test(p));
  });
}

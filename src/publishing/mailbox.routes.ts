/**
 * The mailbox back office:
 *   GET  /api/v1/publishing/letters                                 letters with the actions the user may take
 *   POST /api/v1/publishing/letters/:id/reply                       answer ({ publish } asks for publication)
 *   GET  /api/v1/publishing/letters/:id/transfer-targets            units the letter may be transferred to
 *   POST /api/v1/publishing/letters/:id/transfer                    转办 with its own time limit
 *   POST /api/v1/publishing/letters/:id/publication                 ask for publication (again) with the text
 *   POST /api/v1/publishing/letters/:id/publication/approve         reviewer: publish on 互动交流
 *   POST /api/v1/publishing/letters/:id/publication/return          reviewer: return with a reason
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../shared/deps.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { canWriteIn, hasRole, readableOrgIds, type Actor, type OrgNode } from '../auth/access.rules.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { errorResponses, idParams } from '../auth/auth.schemas.ts';
import { jsonSchemaOf } from '../shared/schema/json-schema.ts';
import { mailboxReplyShape, publicationRequestShape, publicationReturnShape, transferShape } from './mailbox.schema.ts';
import { replyToLetter, type MailboxReplyInput } from './mailbox.usecases.ts';
import { approvePublication, requestPublication, returnPublication } from './mailbox.review.usecases.ts';
import { handlingUnit, letterActions, mayReply, maySeeLetter, transferTargets } from './mailbox.rules.ts';
import { dueDateOf, mailboxCalendar, transferLetter } from './mailbox.handling.usecases.ts';
import { AppError } from '../shared/app-error.ts';
import { shanghaiDate } from '../shared/clock.ts';
import { createMailboxRepository } from './mailbox.repository.ts';

const tags = ['主动公开'];
const anyObject = { type: 'object', additionalProperties: true } as const;
const publication = { 200: { type: 'object', properties: { publishStatus: { type: 'string' } } }, ...errorResponses };

/** Need-to-know for a letter writer's details: auditors, case handlers and publishers of its body or handling unit. */
function mayReadWriterDetails(actor: Actor, orgIds: number[], orgs: readonly OrgNode[]): boolean {
  return hasRole(actor, 'auditor') || orgIds.some((id) => canWriteIn(actor, 'case_handler', id, orgs) || canWriteIn(actor, 'publisher', id, orgs));
}

export function registerMailboxRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/api/v1/publishing/letters', {
    schema: { tags, summary: '信箱来信列表（actions：当前用户可进行的操作）', response: { 200: { type: 'object', properties: { items: { type: 'array', items: anyObject } } }, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    const orgs = await createOrganizationsRepository(deps).list();
    const readable = readableOrgIds(actor, orgs);
    // Letters of the bodies one reads, and of bodies whose default handling unit (a government's
    // office) one reads; transferred letters by their handling unit. Then each letter by its own rule.
    const readableSet = new Set(readable);
    const bodies = orgs.filter((o) => o.isBody && (readableSet.has(o.id) || readableSet.has(handlingUnit({ organization_id: o.id, status: '', publish_status: null, publish_requested_by_id: null }, orgs))));
    const rows = (await createMailboxRepository(deps).list(bodies.map((o) => o.id), readable)).filter((r) => maySeeLetter(actor, r, orgs));
    // The writer's name and contact are personal data: shown to the letter's handlers only, and audited.
    const shown = new Set(rows.filter((r) => mayReadWriterDetails(actor, [r.organization_id, handlingUnit(r, orgs)], orgs)).map((r) => r.id));
    if (shown.size) {
      await createAuditRepository(deps).append({ userId: actor.id, username: actor.username, action: 'mailbox.contacts_read', targetType: 'mailbox_letter', ip: request.ip, detail: { letterIds: [...shown] } }, deps.clock.now());
    }
    const hidden = '（仅承办人员可见）';
    const calendar = await mailboxCalendar(deps);
    const today = shanghaiDate(deps.clock.now());
    const name = (id: number | null) => (id ? orgs.find((o) => o.id === id)?.name ?? null : null);
    return {
      items: rows.map((r) => {
        const dueDate = dueDateOf(r, calendar);
        return {
          id: r.id, organizationId: r.organization_id, writerName: shown.has(r.id) ? r.writer_name : hidden, contact: shown.has(r.id) ? r.contact : hidden,
          subject: r.subject, body: r.body, status: r.status, replyText: r.reply_text, repliedAt: r.replied_at, repliedBy: r.replied_by_name, replyItemId: r.reply_item_id, createdAt: r.created_at,
          unitId: handlingUnit(r, orgs), unitName: name(handlingUnit(r, orgs)), dueDate, overdue: r.status === 'received' && dueDate < today,
          transferredFrom: name(r.transferred_from_unit_id), transferNote: r.transfer_note, transferredAt: r.transferred_at,
          publishStatus: r.publish_status, publishText: r.publish_text, publishRequestedBy: r.publish_requested_by_name, returnReason: r.publish_return_reason,
          reviewedBy: r.publish_reviewed_by_name, reviewedAt: r.publish_reviewed_at,
          actions: letterActions(actor, r, orgs),
        };
      }),
    };
  });

  app.get('/api/v1/publishing/letters/:id/transfer-targets', {
    schema: { tags, summary: '来信可转办的单位', params: idParams, response: { 200: { type: 'object', properties: { items: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } } } } } }, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    const letter = await createMailboxRepository(deps).letter((request.params as { id: number }).id);
    const orgs = await createOrganizationsRepository(deps).list();
    if (!letter || !maySeeLetter(actor, letter, orgs)) throw new AppError('mailbox.not_found', '来信不存在', 404);
    if (!mayReply(actor, letter, orgs)) throw new AppError('mailbox.forbidden', '只有承办该来信的单位可以转办', 403);
    const from = handlingUnit(letter, orgs);
    return { items: transferTargets(letter.organization_id, orgs).filter((o) => o.id !== from).map((o) => ({ id: o.id, name: o.name })) };
  });

  app.post('/api/v1/publishing/letters/:id/transfer', {
    schema: {
      tags, summary: '转办来信（给本机关下属单位或部门，并规定其办理时限）', params: idParams, body: jsonSchemaOf(transferShape),
      response: { 200: { type: 'object', properties: { unitId: { type: 'integer' }, unitName: { type: 'string' }, dueDate: { type: 'string' } } }, ...errorResponses },
    },
  }, async (request) => transferLetter({ actor: requireActor(request), id: (request.params as { id: number }).id, input: request.body, ip: request.ip, deps }));

  app.post('/api/v1/publishing/letters/:id/reply', {
    schema: {
      tags, summary: '答复来信（publish：同时申请在门户网站公开，经本机关审核人或分管领导审核后公开）', params: idParams,
      body: jsonSchemaOf(mailboxReplyShape),
      response: { 200: { type: 'object', properties: { itemId: { type: ['integer', 'null'] }, status: { type: 'string' }, publishStatus: { type: ['string', 'null'] } } }, ...errorResponses },
    },
  }, async (request) => {
    const actor = requireActor(request);
    return replyToLetter({ actor, id: (request.params as { id: number }).id, input: request.body as MailboxReplyInput, ip: request.ip, deps });
  });

  app.post('/api/v1/publishing/letters/:id/publication', {
    schema: { tags, summary: '申请公开答复（未申请过或被退回后），text 为拟公开的答复', params: idParams, body: jsonSchemaOf(publicationRequestShape), response: publication },
  }, async (request) => requestPublication({ actor: requireActor(request), id: (request.params as { id: number }).id, input: request.body, ip: request.ip, deps }));

  app.post('/api/v1/publishing/letters/:id/publication/approve', {
    schema: {
      tags, summary: '审核通过并在互动交流公开（本机关审核人或分管领导，不能审核自己提交的答复）', params: idParams,
      response: { 200: { type: 'object', properties: { itemId: { type: 'integer' } } }, ...errorResponses },
    },
  }, async (request) => approvePublication({ actor: requireActor(request), id: (request.params as { id: number }).id, ip: request.ip, deps }));

  app.post('/api/v1/publishing/letters/:id/publication/return', {
    schema: { tags, summary: '退回拟公开的答复（须填写理由）', params: idParams, body: jsonSchemaOf(publicationReturnShape), response: publication },
  }, async (request) => returnPublication({ actor: requireActor(request), id: (request.params as { id: number }).id, input: request.body, ip: request.ip, deps }));
}

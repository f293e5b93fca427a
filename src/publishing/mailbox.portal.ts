/**
 * Public pages of the mailbox (/hdjl/: published replies, /hdjl/xx/: write a letter, protected
 * by a form CSRF token and a per-address rate limit) and of the 政务新媒体 list (/xmt/).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../shared/deps.ts';
import { html } from '../render/html/html.ts';
import { AppError } from '../shared/app-error.ts';
import { sendPage } from '../portal/portal.routes.ts';
import { checkFormCsrf, formCsrfField, CSRF_FIELD } from '../portal/form-csrf.ts';
import { createRateLimiter } from '../http/rate-limit.ts';
import { portalOrgs, publishedItems } from './portal.queries.ts';
import { itemList, pageHref, pager, pastLastPage } from './portal/item-list.view.ts';
import { STYLESHEET } from './portal/portal.links.ts';
import { checkLetter, submitLetter, type LetterInput } from './mailbox.usecases.ts';
import { LETTER_LIMITS } from './mailbox.schema.ts';
import { LIST_QUERY, listFilters } from './publishing.portal.ts';

const styles = [STYLESHEET];
const CRUMB = { href: '/hdjl/', label: '互动交流' };

export function registerMailboxPortal(app: FastifyInstance, deps: AppDeps) {
  // Per address and hour: 5 accepted letters, 30 posts at all; an invalid letter uses no budget.
  const attempts = createRateLimiter(deps, { name: 'mailbox.attempts', limit: 30, windowMs: 3600_000 });
  const budget = createRateLimiter(deps, { name: 'mailbox.accepted', limit: 5, windowMs: 3600_000 });
  const siteOrgId = async () => {
    const org = (await portalOrgs(deps.db)).find((o) => o.code === deps.config.site.bodyCode);
    if (!org) throw new AppError('portal.not_found', '页面不存在', 404);
    return org.id;
  };

  app.get('/hdjl/', { schema: { hide: true }, config: { pageQuery: LIST_QUERY } }, async (req, reply) => {
    const orgId = await siteOrgId();
    const f = listFilters(req.query as Record<string, unknown>);
    const cols = await deps.db.selectFrom('publishing_columns').select('id').where('organization_id', '=', orgId).where('kind', '=', 'mailbox').execute();
    const { total, rows } = await publishedItems(deps.db, cols.map((c) => c.id), {}, f.page, 20);
    const last = pastLastPage(f.page, total, 20);
    if (last) return reply.redirect(pageHref('/hdjl/', {}, last), 302);
    return sendPage(deps, req, reply, {
      title: '互动交流', styles, breadcrumbs: [CRUMB],
      body: html`<h1>区长信箱</h1>
        <p><a class="button" href="/hdjl/xx/">我要写信</a></p>
        <h2>答复公开</h2>${itemList(rows, '暂无公开的答复。')}${pager('/hdjl/', {}, f.page, total, 20)}`,
    });
  });

  const form = (req: FastifyRequest, reply: FastifyReply, values: Partial<LetterInput>, errors: Record<string, string>, status = 200) => {
    const field = (name: keyof LetterInput, label: string, input: 'input' | 'textarea', autocomplete?: string) => {
      const id = `l-${name}`;
      const err = errors[name];
      return html`<label for="${id}">${label}（必填）</label>
        ${input === 'input'
          ? html`<input id="${id}" name="${name}" value="${values[name] ?? ''}" maxlength="${LETTER_LIMITS[name as keyof typeof LETTER_LIMITS]}" required${autocomplete ? html` autocomplete="${autocomplete}"` : ''}${err ? html` aria-invalid="true" aria-describedby="${id}-err"` : ''}>`
          : html`<textarea id="${id}" name="${name}" rows="8" maxlength="${LETTER_LIMITS.body}" required${err ? html` aria-invalid="true" aria-describedby="${id}-err"` : ''}>${values[name] ?? ''}</textarea>`}
        ${err ? html`<p class="field-error" id="${id}-err">${err}</p>` : ''}`;
    };
    return sendPage(deps, req, reply, {
      title: '写信', styles, status, breadcrumbs: [CRUMB, { href: '/hdjl/xx/', label: '写信' }],
      body: html`<h1>给区长写信</h1>
        <p class="notice">您的姓名和联系方式只用于答复，不会公开。涉及依申请公开政府信息的，请通过<a href="/ysqgk/">依申请公开</a>渠道提出。</p>
        <form class="stacked" method="post" action="/hdjl/xx/">
          ${formCsrfField(deps.config.sessionSecret, req, reply)}
          ${field('writerName', '姓名', 'input', 'name')}
          ${field('contact', '联系电话或电子邮箱', 'input', 'tel')}
          ${field('subject', '标题', 'input')}
          ${field('body', '来信内容', 'textarea')}
          <button type="submit">提交</button>
        </form>`,
    });
  };

  app.get('/hdjl/xx/', { schema: { hide: true } }, (req, reply) => form(req, reply, {}, {}));

  app.post('/hdjl/xx/', { schema: { hide: true } }, async (req, reply) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    checkFormCsrf(deps.config.sessionSecret, req, b[CSRF_FIELD]);
    await attempts.hit(req.ip);
    const s = (k: string) => (typeof b[k] === 'string' ? (b[k] as string) : '');
    const letter: LetterInput = { organizationId: await siteOrgId(), writerName: s('writerName'), contact: s('contact'), subject: s('subject'), body: s('body') };
    const errors = checkLetter(letter);
    if (Object.keys(errors).length) return form(req, reply, letter, errors, 400);
    const slot = await budget.take(req.ip);
    const id = await submitLetter({ letter, ip: req.ip, deps }).catch(async (e: unknown) => {
      await slot.giveBack();
      throw e;
    });
    return sendPage(deps, req, reply, {
      title: '来信已收到', styles, breadcrumbs: [CRUMB],
      body: html`<h1>来信已收到</h1><p role="status">您的来信编号为 ${id}。我们将按规定办理并答复；答复公开后可在<a href="/hdjl/">互动交流</a>查看。</p>`,
    });
  });

  app.get('/xmt/', { schema: { hide: true } }, async (req, reply) => {
    const orgs = await portalOrgs(deps.db);
    const accounts = await deps.db.selectFrom('publishing_new_media').selectAll().where('closed_date', 'is', null).orderBy('organization_id').orderBy('id').execute();
    return sendPage(deps, req, reply, {
      title: '政务新媒体', styles, breadcrumbs: [{ href: '/xmt/', label: '政务新媒体' }],
      body: html`<h1>政务新媒体</h1>${accounts.length
        ? html`<table class="data"><caption>本区政务新媒体名录</caption><thead><tr><th scope="col">名称</th><th scope="col">平台</th><th scope="col">账号</th><th scope="col">主办单位</th></tr></thead>
          <tbody>${accounts.map((a) => html`<tr><td>${/^https?:\/\//.test(a.url) ? html`<a href="${a.url}">${a.name}</a>` : a.name}</td><td>${a.platform}</td><td>${a.account || '—'}</td><td>${orgs.find((o) => o.id === a.organization_id)?.name ?? ''}</td></tr>`)}</tbody></table>`
        : html`<p class="empty">暂无政务新媒体账号。</p>`}`,
    });
  });
}

/**
 * The publishing scenario in Chromium against the real server (SQLite, demo data): 发改委's
 * publisher drafts an item with an attachment, its reviewer approves, the portal and search show
 * it at once, it is withdrawn and disappears; 教育局's publisher is refused. The policy document
 * and its interpretation link to each other. Every portal page of publishing passes axe-core
 * (no serious or critical violation) in normal and larger-text mode, and works without JavaScript.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Document, Packer, Paragraph } from 'docx';
import type { APIRequestContext } from 'playwright-core';
import { chromiumSkipReason } from '../shared/chromium.ts';
import { useBrowserApp } from '../shared/browser-app.testing.ts';
import { seriousAxeViolations } from '../shared/axe.testing.ts';
import { COMPLETE_REVIEW } from './confidentiality.testing.ts';

describe('publishing in Chromium', { skip: chromiumSkipReason() }, () => {

  const env = useBrowserApp();

  /** A signed-in browser context: the session cookie lives in the browser, the token in a header. */
  async function signedIn(username: string): Promise<{ req: APIRequestContext; headers: Record<string, string> }> {
    const context = await env.browser.newContext({ baseURL: env.base });
    const res = await context.request.post('/api/v1/auth/login', { data: { username, password: env.a.password(username) } });
    assert.equal(res.status(), 200);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { req: context.request, headers: { 'x-csrf-token': csrfToken } };
  }

  it('drafts, approves, shows, finds, withdraws; refuses another unit', async () => {
    const editor = await signedIn('fgw-editor');
    const fgw = await env.a.deps.db.selectFrom('organizations').select('id').where('code', '=', 'shilong-fgw').executeTakeFirstOrThrow();
    const cols = (await (await editor.req.get(`/api/v1/publishing/columns?organizationId=${fgw.id}`)).json()) as { items: { id: number; code: string }[] };
    const draft = await editor.req.post('/api/v1/publishing/items', {
      headers: editor.headers,
      data: { columnId: cols.items.find((c) => c.code === 'gsgg')!.id, kind: 'announcement', title: '石龙区2026年春季植树造林工程招标公告', writtenDate: '2026-03-02', topic: '农业、林业、水利', bodyHtml: '<p>现就春季植树造林工程公开招标。</p>' },
    });
    assert.equal(draft.status(), 200, await draft.text());
    const { id } = (await draft.json()) as { id: number };
    const docx = Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('投标人须具备园林绿化施工资质')] }] })));
    const up = await editor.req.post(`/api/v1/publishing/items/${id}/attachments`, { headers: editor.headers, multipart: { file: { name: '招标文件.docx', mimeType: 'application/octet-stream', buffer: docx } } });
    assert.equal(up.status(), 200, await up.text());
    assert.equal((await editor.req.post(`/api/v1/publishing/items/${id}/transitions`, { headers: editor.headers, data: { action: 'submit' } })).status(), 200);

    const other = await signedIn('jyj-editor');
    const refused = await other.req.patch(`/api/v1/publishing/items/${id}`, { headers: other.headers, data: { title: '越权修改' } });
    assert.equal(refused.status(), 403);
    assert.match(((await refused.json()) as { error: { message: string } }).error.message, /谁发布、谁负责/);

    const reviewer = await signedIn('fgw-reviewer');
    assert.equal((await reviewer.req.post(`/api/v1/publishing/items/${id}/transitions`, { headers: reviewer.headers, data: { action: 'approve', confidentialityReview: COMPLETE_REVIEW } })).status(), 200);

    const visitor = await env.browser.newContext({ baseURL: env.base, bypassCSP: true });
    const page = await visitor.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: '石龙区2026年春季植树造林工程招标公告' }).first().click();
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: '石龙区2026年春季植树造林工程招标公告' }).waitFor());
    assert.match(await page.locator('table.meta').innerText(), /索引号\s+11410404\d{9}X\/2026-\d{5}/);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '招标文件.docx' }).click();
    assert.equal((await download).suggestedFilename(), '招标文件.docx');

    await page.goto('/');
    await page.getByLabel('搜索政府信息（标题、正文、文号、附件）').fill('园林绿化施工资质');
    await page.getByLabel('搜索政府信息（标题、正文、文号、附件）').press('Enter');
    await page.getByRole('status').filter({ hasText: '找到 1 条' }).waitFor();
    assert.equal(await page.locator('ol.hits > li').count(), 1);

    assert.equal((await reviewer.req.post(`/api/v1/publishing/items/${id}/transitions`, { headers: reviewer.headers, data: { action: 'withdraw', comment: '招标暂停' } })).status(), 200);
    assert.equal((await page.goto(`/xxgk/xx/${id}/`))!.status(), 404);
    await page.goto(`/search?q=${encodeURIComponent('园林绿化施工资质')}`);
    await page.getByRole('status').filter({ hasText: '找到 0 条' }).waitFor();
    await page.goto('/');
    assert.equal(await page.getByRole('link', { name: '石龙区2026年春季植树造林工程招标公告' }).count(), 0);
  });

  it('links the policy document and its interpretation both ways', async () => {
    const page = await (await env.browser.newContext({ baseURL: env.base })).newPage();
    await page.goto('/xxgk/lm/shilong-fgw/zcwj/');
    await page.getByRole('link', { name: /关于进一步规范政府定价经营服务性收费的通知$/ }).click();
    await page.getByRole('link', { name: /政策解读/ }).click();
    await page.getByRole('heading', { level: 1, name: /政策解读/ }).waitFor();
    await page.getByRole('link', { name: /关于进一步规范政府定价经营服务性收费的通知$/ }).click();
    await page.getByRole('heading', { level: 1, name: /收费的通知$/ }).waitFor();
    await page.context().close();
  });

  it('passes axe-core on every publishing page, in larger-text mode too, without JavaScript', async () => {
    const item = await env.a.deps.db.selectFrom('publishing_items').select('id').where('status', '=', 'published').where('kind', '=', 'normative_document').executeTakeFirstOrThrow();
    const pages = ['/', '/xxgk/fdzdgknr/', '/xxgk/zd/', '/xxgk/lm/shilong/ffjz/', `/xxgk/xx/${item.id}/`, '/search?q=%E6%94%B6%E8%B4%B9', '/hdjl/', '/hdjl/xx/', '/xmt/', '/ztzl/', '/xxgk/bm/'];
    const context = await env.browser.newContext({ baseURL: env.base, bypassCSP: true });
    const page = await context.newPage();
    for (const large of [false, true]) {
      await page.goto(`/a11y?large=${large ? 1 : 0}&back=/`);
      for (const path of pages) {
        const res = await page.goto(path);
        assert.equal(res!.status(), 200, path);
        assert.deepEqual(await seriousAxeViolations(page), [], `${path}${large ? '（大字版）' : ''}`);
      }
      if (large) assert.equal(await page.locator('body.large-text').count(), 1);
    }
    await context.close();
    const noJs = await env.browser.newContext({ baseURL: env.base, javaScriptEnabled: false });
    const p = await noJs.newPage();
    await p.goto('/xxgk/fdzdgknr/');
    await p.getByLabel('文件类型').selectOption('interpretation');
    await p.getByRole('button', { name: '筛选' }).click();
    await p.waitForURL(/kind=interpretation/);
    const interpretations = await env.a.deps.db.selectFrom('publishing_items').select('id').where('kind', '=', 'interpretation').where('status', '=', 'published').execute();
    assert.equal(await p.locator('ul.item-list li').count(), Math.min(20, interpretations.length));
    assert.equal(await p.getByRole('link', { name: /关于进一步规范政府定价经营服务性收费的通知$/ }).count(), 0);
    await noJs.close();
  });
});

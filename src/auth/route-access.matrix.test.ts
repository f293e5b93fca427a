/**
 * Issue "security to 等保2.0 level 3", item 14: the authorization matrix, generated from the route
 * table. Every API route the server registers must be declared in ROUTE_ACCESS; each is called as
 * nobody, and as a holder of each single role inside the resource's organization (石龙区人民政府, where
 * the demo's cases, items, report and oversight cases are) and outside it (教育局). A role the
 * declaration does not name gets 403 (nobody 401) and nothing changes; a named role passes the
 * gate (its answer is not 401/403 inside); outside, a `resource` route never answers with the data.
 * No call gets a 5xx. The matrix is printed (✓ passes, · refused; inside/outside for resources).
 */
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { hashPassword } from './password.hash.ts';
import { ROLE_NAMES } from './roles.ts';
import { ROUTE_ACCESS, mayCall, routeKey } from './route-access.ts';
import { submitLetter } from '../publishing/mailbox.usecases.ts';
import { sampleForm } from '../applications/test-fixtures.ts';
import { freshDemoDraft } from '../demo/report-draft.testing.ts';

const PASSWORD = 'Matrix-Check-7q!Zr';
/** The demo publishes its 2022 report: the report routes are called on a draft of the next year. */
const DRAFT_YEAR = 2023;

interface Fixture {
  govId: number;
  caseId: number;
  itemId: number;
  /** Another published item of 石龙区人民政府 (a 相关信息 of itemId). */
  otherItemId: number;
  /** A picture attached to itemId. */
  attachmentId: number;
  columnId: number;
  reportVersionId: number;
  oversightId: number;
  userId: number;
  letterId: number;
  issuedLetterId: number;
}

/** A concrete call for each route: the resource ids of 石龙区人民政府, and a body that passes validation where it matters. */
function callFor(route: string, f: Fixture): Pick<InjectOptions, 'url' | 'payload'> {
  const [, path] = route.split(' ') as [string, string];
  const url = path
    .replace('/applications/:id/issued-letters/:letterId/:format', `/applications/${f.caseId}/issued-letters/${f.issuedLetterId}/docx`)
    .replace('/applications/:id/files/:fileId', `/applications/${f.caseId}/files/1`)
    .replace('/applications/:id/actions/:action', `/applications/${f.caseId}/actions/assigned`)
    .replace('/applications/:id', `/applications/${f.caseId}`)
    .replace('/letters/:key', '/letters/receipt')
    .replace('/letter-templates/:key/versions/:version/restore', '/letter-templates/receipt/versions/1/restore')
    .replace('/letter-templates/:key', '/letter-templates/receipt')
    .replace('/organizations/:id', `/organizations/${f.govId}`)
    .replace('/users/:id', `/users/${f.userId}`)
    .replace('/notifications/:id', '/notifications/1')
    .replace('/columns/:id', `/columns/${f.columnId}`)
    .replace('/related/:relatedId', `/related/${f.otherItemId}`)
    .replace('/attachments/:id/file', `/attachments/${f.attachmentId}/file`)
    .replace('/items/:id', `/items/${f.itemId}`)
    .replace('/publishing/letters/:id', `/publishing/letters/${f.letterId}`)
    .replace('/oversight/:id', `/oversight/${f.oversightId}`)
    .replace('/reports/versions/:id/:action', `/reports/versions/${f.reportVersionId}/submit`)
    .replace('/reports/versions/:id', `/reports/versions/${f.reportVersionId}`)
    .replace('/reports/:bodyId/:year/cells/:cell', `/reports/${f.govId}/${DRAFT_YEAR}/cells/2.1`)
    .replace('/reports/:bodyId/:year', `/reports/${f.govId}/${DRAFT_YEAR}`)
    .replace('/reports/:bodyId', `/reports/${f.govId}`)
    .replace('/calendar/years/:year', '/calendar/years/2031');
  const query: Record<string, string> = {
    'GET /api/v1/publishing/columns': `?organizationId=${f.govId}`,
    'GET /api/v1/statistics': '?year=2022',
    'GET /api/v1/publishing/link-candidates': `?organizationId=${f.govId}&q=文件`,
    'GET /api/v1/statistics/export': '?year=2022',
  };
  const payloads: Record<string, unknown> = {
    'PATCH /api/v1/users/:id': { displayName: '分管副区长 李强' },
    'PATCH /api/v1/organizations/:id': { name: '石龙区人民政府' },
    'PATCH /api/v1/publishing/items/:id': { title: '矩阵检查改名' },
    'POST /api/v1/publishing/items/:id/transitions': { action: 'withdraw' },
    'POST /api/v1/publishing/items/bulk': { action: 'withdraw', ids: [f.itemId] },
    'POST /api/v1/publishing/items/:id/validity': { validity: 'valid' },
    'POST /api/v1/publishing/items/:id/related': { relatedId: f.otherItemId },
    'POST /api/v1/publishing/columns/defaults': { organizationId: f.govId },
    'POST /api/v1/oversight/:id/result': { result: 'upheld', decidedDate: '2026-03-02' },
    'PUT /api/v1/reports/versions/:id/narrative': { parts: {} },
    'PUT /api/v1/notifications/settings': { email: 'matrix@example.cn', dailyDigest: true },
    'POST /api/v1/publishing/letters/:id/reply': { reply: '矩阵检查答复', publish: false },
    'POST /api/v1/publishing/letters/:id/publication': { text: '矩阵检查公开答复' },
    'POST /api/v1/publishing/letters/:id/transfer': { unitId: f.govId, workingDays: 5 },
    'POST /api/v1/publishing/letters/:id/publication/return': { reason: '矩阵检查退回' },
    // Creations inside 石龙区人民政府: refused outside by the organization's scope, not only by shape.
    'POST /api/v1/users': { username: 'm-created', displayName: '矩阵 新账户', organizationId: f.govId, roles: ['publisher'], password: PASSWORD },
    'POST /api/v1/organizations': { code: 'm-created', name: '矩阵检查科', parentId: f.govId, kind: 'unit' },
    'POST /api/v1/publishing/columns': { organizationId: f.govId, code: 'm-created', name: '矩阵检查栏目', kind: 'list' },
    'POST /api/v1/publishing/items': { columnId: f.columnId, kind: 'general', title: '矩阵检查稿件' },
    'POST /api/v1/publishing/new-media': { organizationId: f.govId, platform: '微信公众号', name: '矩阵检查号', openedDate: '2026-03-01' },
    'POST /api/v1/applications': sampleForm(f.govId),
    'POST /api/v1/oversight': { kind: 'review', filedDate: '2026-03-02', body: '石龙区人民政府', organizationId: f.govId },
    'PUT /api/v1/organizations/:id/letter-settings': { patterns: {}, contactBlock: '联系电话：0000-0000000' },
    'PUT /api/v1/organizations/:id/portal-guide': { version: 0, content: { officeName: '石龙区人民政府办公室', address: '石龙区人民路1号', postcode: '', hours: '工作日', phone: '0375-0000000', fax: '', email: '', channels: '', extra: '' } },
    'PUT /api/v1/organizations/:id/approval-settings': { extension: 'other_person', decision: 'none' },
    'PUT /api/v1/organizations/:id/publishing-settings': { confidentialityReview: 'required' },
    'PUT /api/v1/calendar/years/:year': { source: '矩阵检查', holidays: [{ name: '元旦', start: '2031-01-01', end: '2031-01-01' }], workDays: [] },
    'POST /api/v1/organizations/:id/letter-templates/:key/versions': { title: '受理回执', body: '矩阵检查正文' },
    'PUT /api/v1/reports/:bodyId/:year/figures': { rules: null, normativeDocuments: null, licensing: null, punishment: null, enforcement: null, feesAmountWanYuan: null },
  };
  return { url: url + (query[route] ?? ''), payload: payloads[route] ?? (route.startsWith('GET') || route.startsWith('DELETE') ? undefined : {}) };
}

describeOnBothDatabases('authorization matrix: every API route as every role', (t) => {
  let a: TestApp;
  let f: Fixture;
  const sessions = new Map<string, Record<string, string>>();
  const registered: string[] = [];

  before(async () => {
    a = await createTestApp(t());
    for (const r of a.app.apiRoutes) registered.push(routeKey(r.method, r.url));
    const db = a.deps.db;
    const orgId = async (code: string) => (await db.selectFrom('organizations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    const govId = await orgId('shilong');
    const jyjId = await orgId('shilong-jyj');
    const hash = await hashPassword(PASSWORD);
    const now = a.deps.clock.now().toISOString();
    for (const role of ROLE_NAMES) {
      for (const [where, org] of [['in', govId], ['out', jyjId]] as const) {
        const username = `m-${where}-${role}`;
        await db.insertInto('users').values({
          username, display_name: `矩阵 ${where} ${role}`, organization_id: org, password_hash: hash, roles: JSON.stringify([role]),
          disabled: 0, failed_logins: 0, locked_until: null, password_changed_at: now, created_at: now,
        }).execute();
      }
    }
    const first = async <T>(q: Promise<T | undefined>) => { const v = await q; assert.ok(v); return v; };
    const caseId = (await first(db.selectFrom('applications').select('id').where('organization_id', '=', govId).orderBy('id').executeTakeFirst())).id;
    const itemId = (await first(db.selectFrom('publishing_items').select('id').where('organization_id', '=', govId).where('status', '=', 'published').orderBy('id').executeTakeFirst())).id;
    const otherItemId = (await first(db.selectFrom('publishing_items').select('id').where('organization_id', '=', govId).where('status', '=', 'published').where('id', '!=', itemId).orderBy('id').executeTakeFirst())).id;
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
    await mkdir(join(a.deps.config.dataDir, 'attachments', String(itemId)), { recursive: true });
    await writeFile(join(a.deps.config.dataDir, 'attachments', String(itemId), 'matrix.png'), png);
    const attachmentId = Number((await db.insertInto('publishing_attachments').values({
      item_id: itemId, file_name: '矩阵检查.png', mime: 'image/png', size: png.length, sha256: '', storage_path: join(String(itemId), 'matrix.png'), text_content: '', download_count: 0, created_at: now,
    }).returning('id').executeTakeFirstOrThrow()).id);
    const columnId = (await first(db.selectFrom('publishing_columns').select('id').where('organization_id', '=', govId).orderBy('id').executeTakeFirst())).id;
    const reportVersionId = await freshDemoDraft({ deps: a.deps, year: DRAFT_YEAR });
    const oversightId = (await first(db.selectFrom('oversight_cases').select('id').where('organization_id', '=', govId).orderBy('id').executeTakeFirst())).id;
    const userId = (await first(db.selectFrom('users').select('id').where('username', '=', 'leader').executeTakeFirst())).id;
    const letterId = await submitLetter({ letter: { organizationId: govId, writerName: '周九', contact: '13700000000', subject: '矩阵检查来信', body: '人民路东段路灯已损坏多日。' }, ip: '10.0.0.9', deps: a.deps });
    const issued = await db.selectFrom('issued_letters').select('id').where('application_id', '=', caseId).executeTakeFirst();
    f = { govId, caseId, itemId, otherItemId, attachmentId, columnId, reportVersionId, oversightId, userId, letterId, issuedLetterId: issued?.id ?? 1 };
  });
  after(async () => {
    await a.app.close();
  });

  const headersOf = async (username: string | null): Promise<Record<string, string>> => {
    if (!username) return {};
    const known = sessions.get(username);
    if (known) return known;
    const res = await a.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
    assert.equal(res.statusCode, 200, `login ${username}: ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'gk_session')!;
    const headers = { cookie: `gk_session=${cookie.value}`, 'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken };
    sessions.set(username, headers);
    return headers;
  };

  it('declares every registered API route, and declares no route the server lacks', () => {
    const undeclared = registered.filter((r) => !ROUTE_ACCESS[r]);
    assert.deepEqual(undeclared, [], 'routes without a declaration in ROUTE_ACCESS');
    const stale = Object.keys(ROUTE_ACCESS).filter((r) => !registered.includes(r));
    assert.deepEqual(stale, [], 'declarations of routes the server does not have');
  });

  it('answers every route, as every role inside and outside and as nobody, as declared', async () => {
    const rows: string[] = [];
    const problems: string[] = [];
    // Sign-outs last: they end the session the other calls use.
    const order = [...registered].sort((x, y) => Number(x.endsWith('/logout')) - Number(y.endsWith('/logout')));
    for (const route of order) {
      const access = ROUTE_ACCESS[route]!;
      const [method] = route.split(' ') as [InjectOptions['method']];
      const call = callFor(route, f);
      const ask = async (username: string | null) => {
        if (route.endsWith('/logout')) sessions.delete(username ?? '');
        const res = await a.app.inject({ method, ...call, headers: await headersOf(username) });
        if (route.endsWith('/logout')) sessions.delete(username ?? '');
        return res;
      };
      if (access.callers !== 'anyone') {
        const res = await ask(null);
        if (res.statusCode !== 401) problems.push(`${route} as nobody: ${res.statusCode} (expected 401)`);
      }
      const cells: string[] = [];
      for (const role of ROLE_NAMES) {
        const allowed = mayCall(access, [role]);
        const inside = await ask(`m-in-${role}`);
        const outside = access.reach === 'resource' ? await ask(`m-out-${role}`) : null;
        for (const [where, res] of [['inside', inside], ['outside', outside]] as const) {
          if (!res) continue;
          if (res.statusCode >= 500) problems.push(`${route} as ${role} ${where}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          else if (!allowed && res.statusCode !== 403) problems.push(`${route} as ${role} ${where}: ${res.statusCode} (expected 403)`);
        }
        // A declared role may still be refused by the resource's own rule (a leader cannot submit the
        // report it approves: report.forbidden), but never by a role check (auth.*).
        const refusedByRole = (inside.statusCode === 401 || inside.statusCode === 403) && /"code":"auth\./.test(inside.body);
        if (allowed && refusedByRole) {
          problems.push(`${route} as ${role} inside: ${inside.statusCode} (declared allowed) ${inside.body.slice(0, 160)}`);
        }
        if (allowed && outside && role !== 'auditor' && outside.statusCode >= 200 && outside.statusCode < 300 && method === 'GET') {
          problems.push(`${route} as ${role} outside: ${outside.statusCode} (another organization's resource must not be answered)`);
        }
        // Inside: ✓ passed the gate, · refused. Outside: ✓ answered, · refused (403/404), else the status.
        const gate = (s: number) => (s === 401 || s === 403 ? '·' : '✓');
        const reach = (s: number) => (s >= 200 && s < 300 ? '✓' : s === 403 || s === 404 ? '·' : String(s));
        cells.push(outside ? `${gate(inside.statusCode)}/${reach(outside.statusCode)}` : gate(inside.statusCode));
      }
      rows.push(`| ${route} | ${access.reach} | ${cells.join(' | ')} |`);
    }
    console.log(['', `| route | reach | ${ROLE_NAMES.join(' | ')} |`, `|---|---|${ROLE_NAMES.map(() => '---').join('|')}|`, ...rows].join('\n'));
    assert.deepEqual(problems, []);
  });
});

/**
 * Bounded fuzz test of every public endpoint and every form field, on both databases: portal
 * pages with their query parameters, search, the application form, the status lookup, the
 * mailbox, the login API, and (signed in) the clerk intake API and report-check's text fields.
 * Hostile values: control characters and NUL, 1 MB and 10 MB values, wrong JSON types, arrays for
 * strings, broken percent-encodings and UTF-8, FTS and SQL syntax, very long query strings,
 * unicode edge cases.
 *
 * Asserts: no answer is a 5xx; a request carrying a forbidden control character is refused with
 * 400; a refused request (4xx) writes no row (row counts of the written tables compared after
 * every request). The seed is fixed (FUZZ_SEED overrides it), so every run sends the same requests
 * while within its time budget (FUZZ_BUDGET_S per database); the log line gives the request count
 * and the count of server errors.
 */
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { InjectOptions } from 'fastify';
import { describeOnBothDatabases, type TestDatabase } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from './test-app.ts';
import {
  CONTROL_VALUES, HUGE_10MB, HUGE_1MB, ODD_VALUES, RAW_ENCODINGS, WRONG_TYPES,
  carriesControl, formBody, multipartBody, percent, seededRandom, type Random,
} from './fuzz.testing.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20260301);
/**
 * Time budget per database. CI must stay within a minute for both databases on a busy shared
 * machine: once the budget is spent, every remaining field and endpoint still gets its first
 * hostile value (so each is still covered), only the sampling of further values stops.
 */
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_S ?? 12) * 1000;
const HOSTILE = [...CONTROL_VALUES, ...ODD_VALUES];

/** Portal pages and the query parameters each reads (plus some it does not know). */
const PAGES: [string, string[]][] = [
  ['/', ['page']], ['/xxgk/', []], ['/xxgk/zn/', []], ['/a11y', ['large', 'contrast', 'back']],
  ['/xxgk/fdzdgknr/', ['year', 'unit', 'kind', 'validity', 'page']], ['/xxgk/zd/', ['year', 'kind', 'page']],
  ['/xxgk/lm/shilong/fdzdgknr/', ['year', 'unit', 'kind', 'validity', 'page']], ['/xxgk/lm/shilong/fdzdgknr/rss.xml', ['page']],
  ['/xxgk/bm/', []], ['/ztzl/', []], ['/xxgk/xx/1/', ['page']], ['/xxgk/fj/1', []], ['/xxgk/tp/1', []], ['/search', ['q', 'year', 'kind', 'page', 'unit']],
  ['/sitemap.xml', ['c']], ['/xxgk/nb/', ['page']], ['/xxgk/nb/shilong/2025/', ['version']], ['/xxgk/nb/shilong/2025/report.html', ['version']],
  ['/hdjl/', ['page']], ['/hdjl/xx/', []], ['/xmt/', []], ['/ysqgk/', []], ['/ysqgk/cx/', []], ['/healthz', []],
];
/** Path parameters of the portal, each fuzzed in place of a real code or id. */
const PATH_TEMPLATES = ['/xxgk/xx/{}/', '/xxgk/fj/{}', '/xxgk/tp/{}', '/xxgk/lm/{}/fdzdgknr/', '/xxgk/lm/shilong/{}/', '/xxgk/lm/shilong/{}/rss.xml', '/xxgk/nb/{}/2025/', '/xxgk/nb/shilong/{}/', '/xxgk/nb/shilong/2025/report.{}'];

const INTAKE_FIELDS = ['organizationId', 'applicantType', 'applicantName', 'idKind', 'idNumber', 'contactPerson', 'phone', 'email', 'address', 'postcode', 'description', 'documentNo', 'purpose', 'formWanted', 'deliveryWanted', 'itemCount'];
const LETTER_FIELDS = ['writerName', 'contact', 'subject', 'body'];

interface Counts { [table: string]: number }

async function rowCounts(db: TestDatabase['db']): Promise<Counts> {
  const r = await sql<Counts>`select
    (select count(*) from applications) as applications,
    (select count(*) from application_events) as application_events,
    (select count(*) from publishing_mailbox_letters) as mailbox_letters,
    (select count(*) from audit_log) as audit_log,
    (select count(*) from sessions) as sessions,
    (select count(*) from users) as users`.execute(db);
  return Object.fromEntries(Object.entries(r.rows[0]!).map(([k, v]) => [k, Number(v)]));
}

interface Probe extends InjectOptions {
  label: string;
  /** The request carries a forbidden control character where the server parses it. */
  control?: boolean;
  /** Tables a refusal may still write by design (a failed login is audited). */
  mayWrite?: string[];
}

function sampled(rnd: Random, list: readonly string[], n: number): string[] {
  const out = new Set<string>();
  while (out.size < Math.min(n, list.length)) out.add(rnd.pick(list));
  return [...out];
}

describeOnBothDatabases('fuzz: hostile input on every public endpoint', (t) => {
  let a: TestApp;
  before(async () => {
    a = await createTestApp(t());
  });
  after(async () => {
    await a.app.close();
  });

  it(`answers every hostile request without a 5xx, refuses control characters with 400 and writes nothing when it refuses (seed ${SEED})`, async () => {
    const started = Date.now();
    const rnd = seededRandom(SEED);
    const failures: string[] = [];
    let sent = 0;
    let ip = 0;
    let last = await rowCounts(t().db);
    const statuses = new Map<number, number>();
    const timings: [number, string][] = [];
    let trimmedAt = 0;
    /** All of `values` while within the budget, then only the first. */
    const take = <T,>(values: T[]): T[] => {
      if (Date.now() - started <= BUDGET_MS) return values;
      trimmedAt ||= sent;
      return values.slice(0, 1);
    };

    async function checkWrites(label: string, status: number, mayWrite: string[] = []) {
      const now = await rowCounts(t().db);
      if (status >= 400) {
        const wrote = Object.keys(now).filter((k) => now[k] !== last[k] && !mayWrite.includes(k));
        if (wrote.length) failures.push(`${label}: refused with ${status} but wrote ${wrote.join(', ')}`);
      }
      last = now;
    }

    async function send(p: Probe) {
      const { label, control, mayWrite = [], ...req } = p;
      ip++;
      const t0 = performance.now();
      const res = await a.app.inject({ ...req, remoteAddress: `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}` });
      sent++;
      timings.push([performance.now() - t0, label]);
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode >= 500) failures.push(`${label}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      if (control && res.statusCode !== 400) failures.push(`${label}: control character answered ${res.statusCode}, not 400`);
      // Only POSTs write; the GET phase as a whole is checked to write nothing at its end.
      if (req.method === 'POST') await checkWrites(label, res.statusCode, mayWrite);
      return res;
    }

    // The portal forms' CSRF cookie and field, the same for every form of this visitor.
    const formPage = await a.app.inject({ method: 'GET', url: '/ysqgk/' });
    const cookie = `gk_form=${formPage.cookies.find((c) => c.name === 'gk_form')!.value}`;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(formPage.body)![1]!;
    const orgId = /<option value="(\d+)"/.exec(formPage.body)![1]!;
    const clerk = await a.login('gkb');
    const auditor = await a.login('auditor');
    last = await rowCounts(t().db);

    // 1. Portal pages: every known parameter with sampled hostile values, unknown and repeated
    //    parameters, broken encodings, very long query strings.
    for (const [path, params] of PAGES) {
      await send({ method: 'GET', url: path, label: `GET ${path}` });
      for (const param of [...params, 'zz']) {
        const values = param === 'q' ? HOSTILE : [rnd.pick(CONTROL_VALUES), ...sampled(rnd, ODD_VALUES, 4)];
        for (const v of take(values)) await send({ method: 'GET', url: `${path}?${param}=${percent(v)}`, label: `GET ${path} ${param}=${JSON.stringify(v.slice(0, 20))}`, control: carriesControl(v) });
        await send({ method: 'GET', url: `${path}?${param}=1&${param}=2&${param}[]=3`, label: `GET ${path} ${param} repeated` });
        await send({ method: 'GET', url: `${path}?${param}=${rnd.pick(RAW_ENCODINGS)}`, label: `GET ${path} ${param} raw encoding` });
      }
      await send({ method: 'GET', url: `${path}?${Array.from({ length: 2000 }, (_, i) => `p${i}=${'x'.repeat(40)}`).join('&')}`, label: `GET ${path} 2000 parameters` });
      await send({ method: 'GET', url: `${path}?q=${'%E4%B8%AD'.repeat(30_000)}`, label: `GET ${path} 270 KB query` });
    }
    for (const template of PATH_TEMPLATES) {
      for (const v of take(['%00', ...sampled(rnd, HOSTILE, 8), '%E4%B8', '%', '..', '%2e%2e', 'x'.repeat(500)])) {
        const raw = v.startsWith('%') || v === '..';
        await send({ method: 'GET', url: template.replace('{}', raw ? v : percent(v)), label: `GET ${template} ${JSON.stringify(v.slice(0, 20))}`, control: !raw && carriesControl(v) });
      }
    }
    await send({ method: 'GET', url: `/search?q=${percent(HUGE_1MB)}`, label: 'GET /search 1 MB q' });
    await checkWrites('every GET', 400);

    // 2. The application form: a valid form with one field (or a few) made hostile.
    const validForm = (): Record<string, string> => ({
      _csrf: csrf, _token: `fuzz${String(rnd.int(1e12)).padStart(16, '0')}`, organizationId: orgId, applicantType: '自然人', applicantName: '张三',
      idKind: '居民身份证', idNumber: '41010219900101123X', phone: '13800000000', email: 'a@example.cn', address: '石龙区人民路1号',
      description: '请公开2025年石龙区道路维修项目的预算和决算', formWanted: '电子数据', deliveryWanted: '电子邮件', itemCount: '1',
    });
    const postForm = (url: string, fields: Record<string, string | string[] | { raw: string }>, label: string, control = false) =>
      send({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody(fields), label, control });

    const FORMS: [string, string[], () => Record<string, string>][] = [
      ['/ysqgk/', [...INTAKE_FIELDS, 'channel', '_token', 'queryCode'], validForm],
      ['/ysqgk/cx/', ['trackingNumber', 'queryCode'], () => ({ _csrf: csrf, trackingNumber: '202600100001', queryCode: 'ABCDEFGH' })],
      ['/hdjl/xx/', LETTER_FIELDS, () => ({ _csrf: csrf, writerName: '李四', contact: '13900000000', subject: '道路维修', body: '人民路的路灯坏了很久，请尽快维修。' })],
    ];
    for (const [url, fields, valid] of FORMS) {
      await postForm(url, valid(), `POST ${url} valid`);
      for (const field of [...fields, '_csrf', 'extra']) {
        const values = [...sampled(rnd, CONTROL_VALUES, 3), ...sampled(rnd, ODD_VALUES, url === '/ysqgk/' ? 6 : 12)];
        for (const v of take(values)) await postForm(url, { ...valid(), [field]: v }, `POST ${url} ${field}=${JSON.stringify(v.slice(0, 20))}`, carriesControl(v));
        await postForm(url, { ...valid(), [field]: ['a', 'b'] }, `POST ${url} ${field} as array`);
        await postForm(url, { ...valid(), [field]: { raw: rnd.pick(RAW_ENCODINGS) } }, `POST ${url} ${field} raw encoding`);
        await postForm(url, { ...valid(), [`${field}[a]`]: 'x' }, `POST ${url} ${field}[a]`);
      }
      await postForm(url, { ...valid(), description: HUGE_1MB }, `POST ${url} 1 MB field`);
      await postForm(url, { ...valid(), body: HUGE_10MB }, `POST ${url} 10 MB field`);
      for (const raw of RAW_ENCODINGS) await send({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `${formBody(valid())}&${raw}`, label: `POST ${url} raw ${raw}` });
      await send({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: Buffer.concat([Buffer.from(`${formBody(valid())}&subject=`), Buffer.from([0xff, 0xfe, 0xc0, 0xaf, 0xed, 0xa0, 0x80])]), label: `POST ${url} invalid UTF-8 bytes` });
      for (const [type, payload] of [['text/plain', 'a=b'], ['application/json', JSON.stringify(valid())], ['application/json', '{"a":'], ['multipart/form-data; boundary=x', '--x\r\nbroken'], ['application/xml', '<a/>']] as const) {
        await send({ method: 'POST', url, headers: { cookie, 'content-type': type }, payload, label: `POST ${url} as ${type}` });
      }
      for (const i of take([...Array(15).keys()])) {
        const form: Record<string, string> = valid();
        for (const f of sampled(rnd, fields, 3)) form[f] = rnd.pick(HOSTILE);
        await postForm(url, form, `POST ${url} combo ${i}`, carriesControl(form));
      }
    }

    // 3. JSON APIs: login (public), clerk intake, report-check pasted text.
    const postJson = (url: string, body: unknown, label: string, headers: Record<string, string> = {}, extra: Partial<Probe> = {}) =>
      send({ method: 'POST', url, headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify(body), label, control: carriesControl(body), ...extra });
    const mayWriteLogin = { mayWrite: ['audit_log'] };
    for (const field of ['username', 'password', 'extra']) {
      // Few accepted values: each costs a password hash (by design, also for unknown names).
      for (const v of take([...sampled(rnd, CONTROL_VALUES, 4), HUGE_1MB, null, 0, [], ['a', 'b'], {}, { $ne: null }, ...sampled(rnd, ODD_VALUES, 3)])) {
        await postJson('/api/v1/auth/login', { username: 'nobody', password: 'wrong-password', [field]: v }, `login ${field}=${JSON.stringify(v)?.slice(0, 20)}`, {}, mayWriteLogin);
      }
    }
    for (const raw of ['{', '[]', 'null', '"x"', '{"username":"a","password":"b"}x', '{"__proto__":{"admin":true},"username":"a","password":"b"}', `{"username":"${'\\u0000'}","password":"b"}`]) {
      await send({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: raw, label: `login raw ${raw.slice(0, 30)}`, control: raw.includes('\\u0000'), ...mayWriteLogin });
    }
    await postJson('/api/v1/auth/login', { username: HUGE_10MB, password: 'x' }, 'login 10 MB', {}, mayWriteLogin);

    const intake = () => ({ organizationId: Number(orgId), channel: 'in_person', applicantType: '自然人', applicantName: '王五', idKind: '居民身份证', idNumber: '41010219900101123X', phone: '13700000000', description: '请公开本机关2025年的政府采购合同', formWanted: '纸质', deliveryWanted: '自行领取' });
    for (const field of [...INTAKE_FIELDS, 'channel', 'submittedDate', 'receivedDate', 'extra']) {
      for (const v of take([...sampled(rnd, CONTROL_VALUES, 2), ...sampled(rnd, ODD_VALUES, 5), ...sampled(rnd, WRONG_TYPES as string[], 3)])) {
        await postJson('/api/v1/applications', { ...intake(), [field]: v }, `intake ${field}=${JSON.stringify(v)?.slice(0, 20)}`, clerk.headers);
      }
    }
    for (const v of [...sampled(rnd, CONTROL_VALUES, 3), '"*" OR NEAR(', '']) await postJson('/api/v1/report-checks/text', { text: `2025年政府信息公开工作年度报告${v}`, name: 'x' }, `report-check text ${JSON.stringify(v)}`, auditor.headers);
    for (const [field, v] of [['text', '年度报告\u0000'], ['name', 'a\u0007.txt'], ['text', '正常文本']] as const) {
      const { payload, contentType } = multipartBody({ [field]: v });
      await send({ method: 'POST', url: '/api/v1/report-checks', headers: { ...auditor.headers, 'content-type': contentType }, payload, label: `report-check multipart ${field}`, control: carriesControl(v) });
    }

    const seconds = (Date.now() - started) / 1000;
    const serverErrors = [...statuses].filter(([status]) => status >= 500).reduce((n, [, count]) => n + count, 0);
    console.log(
      `fuzz [${t().kind}] seed ${SEED}: ${sent} requests, ${serverErrors} server errors (5xx) in ${seconds.toFixed(1)} s` +
        `${trimmedAt ? ` (budget ${BUDGET_MS / 1000} s reached after ${trimmedAt} requests: one value per remaining field)` : ''}; ` +
        `statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((x, y) => x[0] - y[0])))}; ${failures.length} failures`,
    );
    if (process.env.FUZZ_PROFILE) {
      const groups = new Map<string, number>();
      for (const [ms, label] of timings) {
        const key = /^(GET|POST) /.test(label) ? label.split(' ').slice(0, 2).join(' ') : label.split(' ')[0]!;
        groups.set(key, (groups.get(key) ?? 0) + ms);
      }
      console.log(timings.reduce((x, y) => x + y[0], 0), [...groups].sort((x, y) => y[1] - x[1]).slice(0, 12), timings.sort((x, y) => y[0] - x[0]).slice(0, 8));
    }
    assert.deepEqual(failures, []);
  });
});

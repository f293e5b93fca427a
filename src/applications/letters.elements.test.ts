/**
 * Every kind of letter, issued and opened again (the stored Word file through mammoth and the
 * stored PDF through pdftotext), carries the elements a 公文 to an applicant, third party or
 * agency needs: its title, the 文号 from the body's pattern for that kind, the salutation, its
 * kind's own content (dates, items, articles, amounts, remedies), the body's name as 落款 with the
 * issue date, the seal area — the electronic seal image once the body uploaded one — and the
 * office's contact block. One case is taken through every step that a letter states, then each
 * kind is issued.
 */
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { chromiumSkipReason } from '../shared/chromium.ts';
import { sampleForm } from './test-fixtures.ts';
import { LETTER_KEYS } from './letters.templates.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const CONTACT = ['联系人：王敏', '联系电话：0375-1234567', '地址：石龙区人民路1号'];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'gk-letter-'));
  try {
    writeFileSync(join(dir, 'l.pdf'), bytes);
    return execFileSync('pdftotext', [join(dir, 'l.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Kind {
  kind: string;
  title: string;
  pattern: string;
  /** Addressed to the applicant, or to the third party / agency consulted. */
  salutation: string;
  /** The kind's own content, in order of the text. */
  content: (c: { tn: string; due: string }) => RegExp[];
}

const KINDS: Kind[] = [
  {
    kind: 'receipt', title: '政府信息公开申请受理回执', pattern: '石政受〔{年}〕{号}号', salutation: '孙十一：',
    content: ({ tn, due }) => [new RegExp(`于2026-03-02收到您提交的政府信息公开申请（受理编号：${tn}），申请内容为：区政府2025年重大行政决策目录`), new RegExp(`于${due}前予以答复`)],
  },
  {
    kind: 'correction', title: '政府信息公开申请补正告知书', pattern: '石政补〔{年}〕{号}号', salutation: '孙十一：',
    content: () => [/第三十条/, /请写明所需目录的具体年份/, /请于2026-03-13前补正/, /视为放弃申请/],
  },
  {
    kind: 'extension', title: '延期答复告知书', pattern: '石政延〔{年}〕{号}号', salutation: '孙十一：',
    content: ({ due }) => [/因需要调取历年档案/, /第三十三条第二款/, /经分管副区长 李强同意/, /延长15个工作日/, new RegExp(`于${due}前予以答复`)],
  },
  {
    kind: 'consultation-third-party', title: '政府信息公开征求意见书（第三方）', pattern: '石政征〔{年}〕{号}号', salutation: '石龙区某建筑有限公司：',
    content: ({ tn }) => [new RegExp(`受理编号：${tn}`), /可能涉及贵方合法权益/, /第三十二条/, /15个工作日内提出意见/],
  },
  {
    kind: 'consultation-agency', title: '政府信息公开征求意见书（有关机关）', pattern: '石政商〔{年}〕{号}号', salutation: '石龙区发展和改革委员会：',
    content: ({ tn }) => [new RegExp(`受理编号：${tn}`), /共同制作/, /第三十四条/, /逾期未提出意见的，视为同意公开/],
  },
  {
    kind: 'fee', title: '信息处理费收费通知书', pattern: '石政收〔{年}〕{号}号', salutation: '孙十一：',
    content: () => [/国办函〔2020〕109号/, /应缴纳信息处理费100元（按量计收）/, /20个工作日内缴纳/],
  },
  {
    kind: 'reply', title: '政府信息公开申请答复书', pattern: '石政公开〔{年}〕第{号}号', salutation: '孙十一：',
    content: () => [
      /现答复如下：您申请的政府信息部分公开/,
      /其中不予公开的部分为：目录中尚在论证的事项。/,
      /第十六条/,
      /本答复依据：《中华人民共和国政府信息公开条例》第三十七条/,
      /60日内向石龙区人民政府的上一级人民政府申请行政复议/,
      /6个月内依法向人民法院提起行政诉讼/,
    ],
  },
];

describeOnBothDatabases('every letter kind with its required elements', (t) => {
  let a: TestApp;
  let gkb: Record<string, string>;
  let caseId = 0;
  let tn = '';
  let govId = 0;
  before(async () => {
    a = await createTestApp(t(), '2026-03-02T02:00:00Z');
    gkb = (await a.login('gkb')).headers;
    govId = (await a.deps.db.selectFrom('organizations').select('id').where('code', '=', 'shilong').executeTakeFirstOrThrow()).id;
  });
  after(() => a?.app.close());

  const call = async (method: 'POST' | 'PUT' | 'GET', url: string, payload?: object, headers = gkb) => {
    const res = await a.app.inject({ method, url, headers, payload: payload as Record<string, unknown> | undefined });
    assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
    return res;
  };
  const act = (action: string, payload: object, headers = gkb) => call('POST', `/api/v1/applications/${caseId}/actions/${action}`, payload, headers);
  const issue = async (kind: string) => (await call('POST', `/api/v1/applications/${caseId}/letters/${kind}/issue`, {})).json() as { id: number; docNumber: string; issueDate: string };
  const file = async (letterId: number, format: 'docx' | 'pdf') => (await call('GET', `/api/v1/applications/${caseId}/issued-letters/${letterId}/${format}`)).rawPayload;

  it('covers every kind the code can issue', () => {
    assert.deepEqual([...LETTER_KEYS].sort(), KINDS.map((k) => k.kind).sort());
  });

  it('prints the seal area (盖章) while the body has no electronic seal', { skip: chromiumSkipReason() }, async () => {
    const created = await call('POST', '/api/v1/applications', sampleForm(govId, { channel: 'in_person', applicantName: '孙十一', description: '区政府2025年重大行政决策目录', itemCount: 1 }));
    ({ id: caseId, trackingNumber: tn } = created.json() as { id: number; trackingNumber: string });
    const l = await issue('receipt');
    assert.equal(l.docNumber, '依申请公开受理〔2026〕第1号', 'without a pattern of its own, the kind’s default');
    const docx = await file(l.id, 'docx');
    const text = (await mammoth.extractRawText({ buffer: docx })).value;
    assert.match(text, /（盖章）\s+石龙区人民政府\s+2026年3月2日/);
    assert.match(text, /联系机关：石龙区人民政府/, 'without a contact block, the body is named');
    assert.ok(!docx.includes(Buffer.from('word/media/')), 'no image without an uploaded seal');
    assert.match(pdfText(await file(l.id, 'pdf')).replace(/\s+/g, ''), /（盖章）石龙区人民政府2026年3月2日/);
  });

  it('issues each kind with 文号, salutation, its own content, 落款 and date, the electronic seal and the contact block', { skip: chromiumSkipReason() }, async () => {
    await call('PUT', `/api/v1/organizations/${govId}/letter-settings`, { patterns: Object.fromEntries(KINDS.map((k) => [k.kind, k.pattern])), contactBlock: CONTACT.join('\n') });
    const boundary = '----gkseal';
    const seal = await a.app.inject({
      method: 'PUT', url: `/api/v1/organizations/${govId}/letter-seal`, headers: { ...gkb, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="seal.png"\r\nContent-Type: image/png\r\n\r\n`), PNG, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    });
    assert.equal(seal.statusCode, 204, seal.body);

    // The case goes through every step a letter states; the issue date is the clock's day.
    await act('correction_requested', { items: '请写明所需目录的具体年份', replyBy: '2026-03-13' });
    await act('correction_received', {});
    await act('consultation_sent', { kind: 'third-party', party: '石龙区某建筑有限公司' });
    await act('consultation_sent', { kind: 'agency', party: '石龙区发展和改革委员会' });
    await act('extension_requested', { days: 15, reason: '需要调取历年档案' });
    await act('extension_approved', {}, (await a.login('leader')).headers);
    await act('fee_notice_sent', { method: 'per-page', pages: 40 });
    await act('fee_paid', {});
    const due = ((await call('GET', `/api/v1/applications/${caseId}`)).json() as { deadline: { dueDate: string } }).deadline.dueDate;
    a.deps.clock.set('2026-03-05T02:00:00Z');
    gkb = (await a.login('gkb')).headers;
    await act('decided', { outcome: 'partiallyDisclosed', ground: 'art16-process', withheldPart: '目录中尚在论证的事项', replyText: '可以公开的部分见附件。' });

    for (const k of KINDS) {
      const l = await issue(k.kind);
      const docNumber = k.pattern.replace('{年}', '2026').replace('{号}', k.kind === 'receipt' ? '2' : '1');
      assert.equal(l.docNumber, docNumber, `${k.kind}: 文号 from the body's pattern for this kind`);
      assert.equal(l.issueDate, '2026-03-05');
      const docx = await file(l.id, 'docx');
      const text = (await mammoth.extractRawText({ buffer: docx })).value;
      assert.match(text, new RegExp(`^${escape(k.title)}\\s+${escape(docNumber)}\\s+${escape(k.salutation)}`), `${k.kind}: title, 文号, salutation`);
      let from = 0;
      for (const re of k.content({ tn, due })) {
        const m = re.exec(text.slice(from));
        assert.ok(m, `${k.kind}: ${re} (after position ${from}) in\n${text}`);
        from += m.index + m[0].length;
      }
      assert.match(text, new RegExp(`石龙区人民政府\\s+2026年3月5日\\s+${CONTACT.map(escape).join('\\s+')}\\s*$`), `${k.kind}: 落款, date, contact block at the foot`);
      assert.doesNotMatch(text, /（盖章）|\{\{|（待定）|（待批准）/, `${k.kind}: the seal image replaces the seal area; every placeholder is filled`);
      assert.ok(docx.includes(Buffer.from('word/media/')), `${k.kind}: the electronic seal is embedded`);
      const pdf = pdfText(await file(l.id, 'pdf')).replace(/\s+/g, '');
      for (const part of [k.title, docNumber, '石龙区人民政府2026年3月5日', ...CONTACT]) assert.ok(pdf.includes(part), `${k.kind}: the PDF shows ${part}`);
    }
  });
});

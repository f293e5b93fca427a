/**
 * Hostile uploads against a listening server: a 100 MB zip bomb disguised as a 300 KB .docx
 * and 10 MB HTML pages are refused or answered while /healthz keeps answering in time, both as
 * a report to check and (the bomb) as an item attachment.
 */
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Worker } from 'node:worker_threads';
import os from 'node:os';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { docxBomb } from '../shared/zip.testing.ts';
import type { TestApp } from '../http/test-app.ts';

// A short parse time limit keeps the test quick; the server reads it when the pool starts.
process.env.GONGKAI_PARSE_TIME_LIMIT_MS = '6000';
const { createTestApp, listenTestApp } = await import('../http/test-app.ts');

/**
 * /healthz must answer within 500 ms while the uploads are handled. Parsing one of these files on
 * the server's own thread takes a second or more, so the bound still catches any parse that leaves
 * the workers; it leaves room for the parse workers of two files competing with the server's thread
 * for a 2-core machine that also runs another suite (a 239 ms answer was seen so). On a shared host
 * whose run queue is far longer than its cores, even an idle server's thread waits for the CPU; the
 * slowest answer of an idle period just before is measured and added, so that the bound speaks about
 * this server, not the host (on an idle host it is a few milliseconds).
 */
const HEALTH_BUDGET_MS = 500;
let idleSlowest = 0;

/** Polls /healthz every 50 ms until stopped; returns every round-trip time. */
function pollHealth(base: string) {
  const times: number[] = [];
  let stop = false;
  const done = (async () => {
    while (!stop) {
      const started = performance.now();
      const res = await fetch(`${base}/healthz`);
      await res.text();
      assert.equal(res.status, 200);
      times.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    async stop() {
      stop = true;
      await done;
      return times;
    },
  };
}

// The uploading client runs in its own thread: the test's thread, which is also the server's,
// then only serves and polls /healthz, and what is measured is the server.
// The file is handed over as a path and read there: cloning 10 MB into a new thread's data is a
// copy on this thread, which would be measured as the server's stall.
const UPLOADER = `
const { workerData, parentPort } = require('node:worker_threads');
const data = new FormData();
data.append('files', new Blob([require('node:fs').readFileSync(workerData.path)]), workerData.name);
fetch(workerData.url, { method: 'POST', headers: workerData.headers, body: data })
  .then(async (res) => parentPort.postMessage({ status: res.status, body: await res.json() }));
`;

const spool = mkdtempSync(join(tmpdir(), 'gongkai-hostile-'));
let spooled = 0;
/** Writes an upload's bytes to a file before any measuring starts; returns its path. */
function spoolFile(bytes: Buffer): string {
  const path = join(spool, `${spooled++}.bin`);
  writeFileSync(path, bytes);
  return path;
}

function upload(url: string, headers: Record<string, string>, name: string, path: string): Promise<{ status: number; body: { error?: { code: string; message: string }; reports?: { year: number }[] } }> {
  const worker = new Worker(UPLOADER, { eval: true, workerData: { url, headers, name, path } });
  return new Promise((resolve, reject) => {
    worker.once('message', (m) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

function form(name: string, bytes: Buffer, field = 'files'): FormData {
  const data = new FormData();
  data.append(field, new Blob([new Uint8Array(bytes)]), name);
  return data;
}

const sample = readFileSync(new URL('./fixtures/sample-county-bureau-2023.html', import.meta.url), 'utf8');
/** A saved page padded to 10 MB with prose: large but ordinary. */
const bigPage = Buffer.from(sample.replace('</body>', `${`<p>${'依法公开政府信息，'.repeat(20)}</p>\n`.repeat(17_500)}</body>`));
/** 10 MB of one table of 250,000 rows: more than the parse time limit allows, it is refused. */
const bigTable = Buffer.from(sample.replace('</body>', `<table>${'<tr><td>1</td><td>2</td><td>3</td></tr>\n'.repeat(250_000)}</table></body>`));

/** The bomb of the issue: 305 KB on disk, its word/document.xml 100 MB inflated. */
const bomb = await docxBomb(100);
const files = { bomb: spoolFile(bomb), bigPage: spoolFile(bigPage), bigTable: spoolFile(bigTable) };

describeOnBothDatabases('hostile uploads keep the server answering', (t) => {
  let a: TestApp;
  let base = '';
  let auditor: Record<string, string>;

  before(async () => {
    a = await createTestApp(t());
    base = await listenTestApp(a);
    auditor = (await a.login('auditor')).headers;
    // First requests compile the handlers; what is measured is a warm server.
    for (let i = 0; i < 5; i++) await (await fetch(`${base}/healthz`)).text();
    // Both parse workers started (as after a server's first uploads): startup is not measured.
    await Promise.all([1, 2].map(() => upload(`${base}/api/v1/report-checks`, auditor, 'warm.html', spoolFile(Buffer.from(sample)))));
    const idle = pollHealth(base);
    await new Promise((r) => setTimeout(r, 3000));
    idleSlowest = Math.max(...(await idle.stop()));
    console.log(`idle server: slowest /healthz ${Math.round(idleSlowest)} ms (load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`);
  });
  after(() => a.app.close());

  it('refuses a .docx that inflates to 100 MB at once, with a stable code', async () => {
    assert.ok(bomb.length < 400 * 1024);
    const health = pollHealth(base);
    const res = await upload(`${base}/api/v1/report-checks`, auditor, '年报.docx', files.bomb);
    const times = await health.stop();
    assert.equal(res.status, 413);
    assert.equal(res.body.error?.code, 'reportcheck.archive_refused');
    assert.match(res.body.error?.message ?? '', /年报\.docx.*word\/document\.xml.*压缩炸弹/);
    assert.ok(Math.max(...times) < HEALTH_BUDGET_MS + idleSlowest, `healthz took up to ${Math.round(Math.max(...times))} ms`);
    console.log(`bomb upload: slowest /healthz ${Math.round(Math.max(...times))} ms of ${times.length}`);
  });

  it('refuses the same bomb as an item attachment and stores nothing, while /healthz answers in time', async () => {
    const editor = (await a.login('fgw-editor')).headers;
    const fgw = await a.deps.db.selectFrom('organizations').select('id').where('code', '=', 'shilong-fgw').executeTakeFirstOrThrow();
    const cols = await (await fetch(`${base}/api/v1/publishing/columns?organizationId=${fgw.id}`, { headers: editor })).json() as { items: { id: number; code: string }[] };
    const created = await fetch(`${base}/api/v1/publishing/items`, {
      method: 'POST',
      headers: { ...editor, 'content-type': 'application/json' },
      body: JSON.stringify({ columnId: cols.items.find((c) => c.code === 'qtwj')!.id, kind: 'policy_document', title: '申报指南', docNumber: '石发改〔2026〕10号', writtenDate: '2026-02-27', bodyHtml: '<p>见附件。</p>' }),
    });
    assert.equal(created.status, 200, await created.clone().text());
    const itemId = ((await created.json()) as { id: number }).id;
    const before = await a.deps.db.selectFrom('publishing_attachments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const health = pollHealth(base);
    const res = await fetch(`${base}/api/v1/publishing/items/${itemId}/attachments`, { method: 'POST', headers: editor, body: form('指南.docx', bomb, 'file') });
    const body = (await res.json()) as { error: { code: string; message: string } };
    const times = await health.stop();
    assert.ok(Math.max(...times) < HEALTH_BUDGET_MS + idleSlowest, `healthz took up to ${Math.round(Math.max(...times))} ms`);
    console.log(`bomb attachment: slowest /healthz ${Math.round(Math.max(...times))} ms of ${times.length}`);
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.equal(body.error.code, 'publishing.attachment_archive_refused');
    assert.match(body.error.message, /压缩炸弹/);
    const afterCount = await a.deps.db.selectFrom('publishing_attachments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(afterCount.n), Number(before.n));
  });

  it('answers or refuses 10 MB pages (a table past the time limit) while /healthz answers in time', async () => {
    const health = pollHealth(base);
    const [page, table] = await Promise.all([
      upload(`${base}/api/v1/report-checks`, auditor, '大页面.html', files.bigPage),
      upload(`${base}/api/v1/report-checks`, auditor, '大表格.html', files.bigTable),
    ]);
    const times = await health.stop();
    // Read in about a second on an idle machine; on a loaded one it may reach the time limit.
    if (page.status === 200) assert.equal(page.body.reports?.[0].year, 2023);
    else assert.deepEqual([page.status, page.body.error?.code], [422, 'reportcheck.parse_timeout']);
    assert.equal(table.status, 422, JSON.stringify(table.body));
    assert.equal(table.body.error?.code, 'reportcheck.parse_timeout');
    assert.match(table.body.error?.message ?? '', /大表格\.html.*解析超过 6 秒/);
    assert.ok(times.length > 10, `${times.length} health checks`);
    const slowest = Math.max(...times);
    console.log(`10 MB uploads: slowest /healthz ${Math.round(slowest)} ms of ${times.length}`);
    // Receipt is spooled to a file and parsing runs in workers, so the server's thread stays free
    // (before: a 10 MB join of the received chunks stalled it for up to 180 ms per file).
    assert.ok(slowest < HEALTH_BUDGET_MS + idleSlowest, `healthz took up to ${Math.round(slowest)} ms`);
  });

  it('takes at most 20 files in one request', async () => {
    const data = new FormData();
    for (let i = 0; i < 21; i++) data.append('files', new Blob([sample]), `r${i}.html`);
    const res = await fetch(`${base}/api/v1/report-checks`, { method: 'POST', headers: auditor, body: data });
    const body = (await res.json()) as { error: { code: string; message: string } };
    assert.equal(res.status, 413);
    assert.equal(body.error.code, 'reportcheck.too_many_files');
    assert.match(body.error.message, /最多上传 20 个文件/);
  });
});

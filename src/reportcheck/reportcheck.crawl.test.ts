/**
 * `check-report --crawl` and `--from-urls` against a real HTTP server on loopback that serves a
 * small portal: a 年报 column over two list pages, report pages (one that only links its PDF),
 * a robots.txt, and the pages a crawler must survive (huge, slow, redirected elsewhere).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect as netConnect } from 'node:net';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { brotliCompressSync, deflateRawSync, gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { main } from '../cli/main.ts';
import { recordingIo } from '../cli/test-io.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

interface Logged {
  path: string;
  userAgent: string;
  at: number;
  /** Asked of the server as a proxy (the request line holds the whole URL). */
  proxied: boolean;
  acceptEncoding: string;
}

/** The byte limit of the runs below that cut pages. */
const MAX_BYTES = 1_000_000;

/**
 * 4 MB of UTF-8 page that gzip makes 5 KB: the title first, then filler of three-byte characters
 * placed so that the byte limit falls inside one (the text before the cut must read whole).
 */
function gzipBomb(): Buffer {
  let head = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>某镇人民政府2021年政府信息公开工作年度报告</title></head><body><p>';
  while ((MAX_BYTES - Buffer.byteLength(head)) % 3 !== 1) head += ' ';
  return gzipSync(Buffer.from(head + '填充'.repeat(700_000)));
}

/** The bureau's page with one byte that is no UTF-8 (as CMS output sometimes has), declared UTF-8. */
function strayByte(): Buffer {
  const page = fixture('sample-county-bureau-2023.html');
  const at = page.indexOf('<div class="info">');
  return Buffer.concat([page.subarray(0, at), Buffer.from([0xff]), page.subarray(at)]);
}

const page = (title: string, body: string, meta = '') =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title>${meta}</head><body><nav><a href="/">首页</a> <a href="mailto:gkb@example.gov.cn">联系我们</a></nav>${body}</body></html>`;

const COLUMN = page(
  '政府信息公开年报',
  `<ul>
  <li><a href="/nj/2024/t2024.html" title="淮安市洪泽区人民政府2024年政府信息公开工作年度报告">洪泽区2024年政府信息公开工作年度报告</a></li>
  <li><a href="2023/bureau.html">某县交通运输局2023年政府信息公开工作年度报告</a></li>
  <li><a href="/private/t2022.html">某县统计局2022年政府信息公开工作年度报告</a></li>
  <li><a href="/about.html">关于本站</a></li>
  <li><a href="javascript:void(0)">2022年年报（脚本）</a></li>
  </ul><div class="page"><a href="index.html">首页</a> <a href="index_1.html">下一页</a></div>`,
);

const SECOND = page(
  '政府信息公开年报',
  `<ul>
  <li><a href="/nj/huge.html">某镇人民政府2021年度报告</a></li>
  <li><a href="/nj/moved.html">某乡人民政府2020年政府信息公开工作年度报告</a></li>
  <li><a href="/nj/slow.html">某区管委会2019年年报</a></li>
  </ul><div class="page"><a href="index.html">上一页</a></div>`,
);

const T2024 = page(
  '淮安市洪泽区人民政府2024年政府信息公开工作年度报告',
  `<h1>淮安市洪泽区人民政府2024年政府信息公开工作年度报告</h1><p>发布时间：2025-01-20</p>
  <p>附件：<a href="files/hongze-2024.pdf">淮安市洪泽区人民政府2024年政府信息公开工作年度报告.pdf</a></p>`,
  '<meta name="ArticleTitle" content="淮安市洪泽区人民政府2024年政府信息公开工作年度报告"><meta name="PubDate" content="2025-01-20 09:00">',
);

/** Clears the proxy variables a test sets (lower-case names win over upper-case) and returns their restorer. */
function proxyVariablesSaved(...names: string[]): () => void {
  const saved = names.map((name) => [name, process.env[name]] as const);
  for (const name of names) delete process.env[name];
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

describe('check-report on whole sites', () => {
  let server: Server;
  let base: string;
  let log: Logged[] = [];
  let hugeFinished = false;

  before(async () => {
    server = createServer((req: IncomingMessage, res) => {
      const proxied = /^https?:\/\//.test(req.url ?? '');
      const path = proxied ? new URL(req.url!).pathname : (req.url ?? '/');
      log.push({ path, userAgent: String(req.headers['user-agent'] ?? ''), at: Date.now(), proxied, acceptEncoding: String(req.headers['accept-encoding'] ?? '') });
      const html = (text: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(text);
      const encoded = (encoding: string, body: Buffer) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': encoding }).end(body);
      switch (path) {
        case '/enc/gzip.html':
          return encoded('gzip', gzipSync(fixture('sample-county-bureau-2023.html')));
        case '/enc/br.html':
          return encoded('br', brotliCompressSync(fixture('sample-county-bureau-2023.html')));
        case '/enc/deflate.html':
          return encoded('deflate', deflateRawSync(fixture('sample-county-bureau-2023.html')));
        case '/enc/bomb.html':
          return encoded('gzip', gzipBomb());
        case '/enc/broken.html':
          return encoded('gzip', Buffer.from('no gzip at all'));
        case '/cs/gbk-header.html':
          return res.writeHead(200, { 'content-type': 'text/html; charset=GBK' }).end(fixture('sample-county-bureau-2023.gb2312.html'));
        case '/cs/gb2312-meta.html':
          return res.writeHead(200, { 'content-type': 'text/html' }).end(fixture('sample-county-bureau-2023.gb2312.html'));
        case '/cs/stray-byte.html':
          return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(strayByte());
        case '/robots.txt':
          return res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n\nUser-agent: OtherBot\nDisallow: /\n');
        case '/nj/index.html':
          return html(COLUMN);
        case '/nj/index_1.html':
          return html(SECOND);
        case '/nj/2024/t2024.html':
          return html(T2024);
        case '/nj/2024/files/hongze-2024.pdf':
          return res.writeHead(200, { 'content-type': 'application/pdf' }).end(fixture('hongze-2024.pdf'));
        case '/nj/2023/bureau.html':
          return html(fixture('sample-county-bureau-2023.html').toString('utf8'));
        case '/nj/huge.html': {
          // 50 MB of page, produced as it is read: the crawler must stop long before the end.
          let sent = 0;
          const body = new Readable({
            read() {
              sent += 1;
              this.push(sent === 1 ? '<html><body><p>某镇人民政府2021年度报告</p>' : sent > 800 ? null : `<p>${'填充'.repeat(32_000)}</p>`);
            },
          });
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.on('finish', () => (hugeFinished = true));
          body.pipe(res);
          return;
        }
        case '/nj/moved.html':
          return res.writeHead(302, { location: `http://localhost:${(server.address() as AddressInfo).port}/elsewhere.html` }).end();
        case '/nj/slow.html': {
          const timer = setTimeout(() => html(page('慢', '<p>慢</p>')), 5_000);
          res.on('close', () => clearTimeout(timer));
          return;
        }
        default:
          return res.writeHead(404).end('not found');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('follows the column’s list pages, reads each report and its PDF, obeys robots.txt and the limits', async () => {
    log = [];
    const { io, out, err, cwd } = recordingIo();
    const code = await main(
      ['check-report', '--json', '--crawl', `${base}/nj/index.html`, '--allow-private', '--delay-ms', '0', '--timeout-ms', '1500', '--max-bytes', '1000000', '--summary', 'sum.csv'],
      io,
    );
    const reports = JSON.parse(out.join('')) as { source: string; body: { name: string }; year: number; page?: string; level: { name: string }; applications: { rows: Record<string, number[]> }; findings: { code: string; severity: string; message: string }[] }[];
    const bySource = new Map(reports.map((r) => [r.source.replace(base, ''), r]));
    assert.equal(code, 1, err.join('\n'));

    // The page that only links its PDF is read through the PDF, with the page's metadata.
    assert.ok(!bySource.has('/nj/2024/t2024.html'));
    const pdf = bySource.get('/nj/2024/files/hongze-2024.pdf')!;
    assert.deepEqual([pdf.body.name, pdf.year, pdf.page], ['淮安市洪泽区人民政府', 2024, `${base}/nj/2024/t2024.html`]);
    assert.deepEqual(pdf.applications.rows.unable1, [31, 0, 0, 0, 0, 0, 31]);
    const bureau = bySource.get('/nj/2023/bureau.html')!;
    assert.deepEqual([bureau.body.name, bureau.year, bureau.level.name], ['某县交通运输局', 2023, '政府部门']);

    // robots.txt: the disallowed report is listed as not read, and never requested.
    const paths = log.map((l) => l.path);
    assert.ok(!paths.some((p) => p.startsWith('/private/')), paths.join(' '));
    assert.equal(bySource.get('/private/t2022.html')!.findings[0].code, 'reportcheck.fetch_refused');
    assert.equal(paths.filter((p) => p === '/robots.txt').length, 1);
    // Not a report, not a list page, not the web: never requested.
    assert.ok(!paths.includes('/about.html') && !paths.includes('/'));

    // Cut at the byte limit: a warning, and the server never got to send the whole page.
    assert.ok(bySource.get('/nj/huge.html')!.findings.some((f) => f.code === 'reportcheck.fetch_truncated'));
    assert.equal(hugeFinished, false);
    // A redirect to another host is not followed.
    const moved = bySource.get('/nj/moved.html')!;
    assert.equal(moved.findings[0].code, 'reportcheck.fetch_refused');
    assert.match(moved.findings[0].message, /重定向到其他网站 localhost:\d+，未跟随/);
    assert.ok(!paths.includes('/elsewhere.html'));
    // The slow page costs its time limit and is reported as not read.
    const slow = bySource.get('/nj/slow.html')!;
    assert.deepEqual([slow.findings[0].code, slow.findings[0].severity], ['reportcheck.fetch_failed', 'error']);
    assert.match(slow.findings[0].message, /超过 1500 毫秒/);

    // Every request names the tool.
    assert.ok(log.every((l) => l.userAgent.startsWith('Gongkai-check-report/')));
    // Progress is printed as reports are read.
    assert.ok(err.some((line) => /^\[1\/6\] http/.test(line)), err.join('\n'));

    // One summary row per report, with level, URL and cells read.
    const rows = readFileSync(`${cwd}/sum.csv`, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(rows.length, 1 + reports.length);
    assert.match(rows[0], /^文件或网址,所在页面,机关,层级,年度,发布日期,三四部分读出单元格,三四部分单元格,错误,警告,提示/);
    assert.ok(rows.some((r) => r.startsWith(`${base}/nj/2024/files/hongze-2024.pdf,${base}/nj/2024/t2024.html,淮安市洪泽区人民政府,人民政府,2024,2025-01-20,`)), rows.join('\n'));
  });

  it('reads a list of URLs one after another, pausing between requests to one host', async () => {
    log = [];
    const { io, out, cwd } = recordingIo();
    writeFileSync(`${cwd}/urls.txt`, `# 年报\n${base}/nj/2023/bureau.html\n\n${base}/nj/2024/files/hongze-2024.pdf\n`);
    const code = await main(['check-report', '--json', '--from-urls', 'urls.txt', '--allow-private', '--delay-ms', '200'], io);
    assert.equal(code, 0);
    const reports = JSON.parse(out.join('')) as { source: string; year: number }[];
    assert.deepEqual(reports.map((r) => [r.source.replace(base, ''), r.year]), [
      ['/nj/2023/bureau.html', 2023],
      ['/nj/2024/files/hongze-2024.pdf', 2024],
    ]);
    assert.deepEqual(log.map((l) => l.path), ['/robots.txt', '/nj/2023/bureau.html', '/nj/2024/files/hongze-2024.pdf']);
    for (let i = 1; i < log.length; i++) assert.ok(log[i].at - log[i - 1].at >= 190, `pause ${log[i].at - log[i - 1].at} ms`);
  });

  it('refuses loopback and private addresses unless --allow-private, and bad options', async () => {
    log = [];
    const { io, out } = recordingIo();
    assert.equal(await main(['check-report', '--json', '--crawl', `${base}/nj/index.html`, '--delay-ms', '0'], io), 0);
    const [refused] = JSON.parse(out.join('')) as { findings: { code: string; message: string }[] }[];
    assert.equal(refused.findings[0].code, 'reportcheck.fetch_refused');
    assert.match(refused.findings[0].message, /内网或本机地址/);
    const named = recordingIo();
    await main(['check-report', '--json', '--crawl', `http://localhost:${(server.address() as AddressInfo).port}/nj/index.html`, '--delay-ms', '0'], named.io);
    assert.match(JSON.parse(named.out.join(''))[0].findings[0].message, /localhost 解析为内网或本机地址/);
    assert.deepEqual(log, []);

    const usage = recordingIo();
    assert.equal(await main(['check-report', '--crawl', 'ftp://example.gov.cn/nj/'], usage.io), 2);
    assert.equal(await main(['check-report', '--max-pages', '3', 'x.txt'], usage.io), 2);
    assert.equal(await main(['check-report', '--crawl', `${base}/nj/`, '--timeout-ms', '0'], usage.io), 2);
    writeFileSync(`${usage.cwd}/bad.txt`, 'file:///etc/passwd\n');
    assert.equal(await main(['check-report', '--from-urls', 'bad.txt'], usage.io), 2);
  });

  type Read = { source: string; body: { name: string }; year: number; applications: { rows: Record<string, (number | null)[]> }; findings: { code: string; message: string }[] };

  it('decodes gzip, br and deflate answers, and cuts a gzip bomb at the byte limit of its decoded size', async () => {
    log = [];
    const { io, out, cwd } = recordingIo();
    const paths = ['/enc/gzip.html', '/enc/br.html', '/enc/deflate.html', '/enc/bomb.html', '/enc/broken.html'];
    writeFileSync(`${cwd}/urls.txt`, paths.map((p) => `${base}${p}`).join('\n'));
    await main(['check-report', '--json', '--from-urls', 'urls.txt', '--allow-private', '--delay-ms', '0', '--max-bytes', String(MAX_BYTES)], io);
    const reports = new Map((JSON.parse(out.join('')) as Read[]).map((r) => [r.source.replace(base, ''), r]));
    for (const p of ['/enc/gzip.html', '/enc/br.html', '/enc/deflate.html']) {
      const r = reports.get(p)!;
      assert.deepEqual([r.body.name, r.year], ['某县交通运输局', 2023], p);
      assert.notEqual(r.applications.rows.total[6], null, p);
    }
    const bomb = reports.get('/enc/bomb.html')!;
    assert.ok(bomb.findings.some((f) => f.code === 'reportcheck.fetch_truncated' && f.message.includes(`只读取了前 ${MAX_BYTES} 字节`)), JSON.stringify(bomb.findings));
    // Cut inside a character, the page still reads: its title gives body and year.
    assert.deepEqual([bomb.body.name, bomb.year], ['某镇人民政府', 2021]);
    const broken = reports.get('/enc/broken.html')!;
    assert.equal(broken.findings[0].code, 'reportcheck.fetch_failed');
    assert.match(broken.findings[0].message, /内容解压失败/);
    assert.ok(log.filter((l) => l.path !== '/robots.txt').every((l) => l.acceptEncoding === 'gzip, deflate, br'));
  });

  it('reads pages in GBK or GB2312 (charset in the header or only in the page) and a UTF-8 page with a stray byte', async () => {
    const { io, out, cwd } = recordingIo();
    const paths = ['/cs/gbk-header.html', '/cs/gb2312-meta.html', '/cs/stray-byte.html'];
    writeFileSync(`${cwd}/urls.txt`, paths.map((p) => `${base}${p}`).join('\n'));
    await main(['check-report', '--json', '--from-urls', 'urls.txt', '--allow-private', '--delay-ms', '0'], io);
    const reports = new Map((JSON.parse(out.join('')) as Read[]).map((r) => [r.source.replace(base, ''), r]));
    const page = JSON.parse(JSON.stringify(reports.get('/cs/gbk-header.html')!.applications.rows)) as Record<string, (number | null)[]>;
    assert.notEqual(page.total[6], null);
    for (const p of paths) {
      const r = reports.get(p)!;
      assert.deepEqual([r.body.name, r.year, r.findings.map((f) => f.code)], ['某县交通运输局', 2023, ['report.published_late']], p);
      assert.deepEqual(r.applications.rows, page, p);
    }
  });

  it('goes through HTTP_PROXY unless NO_PROXY names the host', async () => {
    const restore = proxyVariablesSaved('HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy');
    try {
      process.env.HTTP_PROXY = base;
      process.env.NO_PROXY = 'localhost,.intranet.example';
      log = [];
      // A name only the proxy knows: read through it, robots.txt included, though the proxy is on loopback.
      const viaProxy = recordingIo();
      writeFileSync(`${viaProxy.cwd}/urls.txt`, 'http://reports.example.test/nj/2023/bureau.html\n');
      assert.equal(await main(['check-report', '--json', '--from-urls', 'urls.txt', '--delay-ms', '0'], viaProxy.io), 0, viaProxy.err.join('\n'));
      const [r] = JSON.parse(viaProxy.out.join('')) as Read[];
      assert.deepEqual([r.body.name, r.year], ['某县交通运输局', 2023]);
      assert.deepEqual(log.map((l) => [l.path, l.proxied]), [['/robots.txt', true], ['/nj/2023/bureau.html', true]]);

      log = [];
      process.env.NO_PROXY = 'example.test';
      const direct = recordingIo();
      writeFileSync(`${direct.cwd}/urls.txt`, 'http://reports.example.test/nj/2023/bureau.html\n');
      await main(['check-report', '--json', '--from-urls', 'urls.txt', '--delay-ms', '0', '--timeout-ms', '5000'], direct.io);
      const [d] = JSON.parse(direct.out.join('')) as Read[];
      // Direct, the name does not resolve: its robots.txt cannot be read, so nothing of the site is.
      assert.equal(d.findings[0].code, 'reportcheck.fetch_refused');
      assert.match(d.findings[0].message, /robots\.txt 不允许/);
      assert.deepEqual(log, []);

      process.env.NO_PROXY = '';
      process.env.HTTP_PROXY = 'socks5://127.0.0.1:1080';
      const socks = recordingIo();
      writeFileSync(`${socks.cwd}/urls.txt`, 'http://reports.example.test/nj/2023/bureau.html\n');
      await main(['check-report', '--json', '--from-urls', 'urls.txt', '--delay-ms', '0'], socks.io);
      assert.match((JSON.parse(socks.out.join('')) as Read[])[0].findings[0].message, /只支持 http:\/\/ 代理/);
    } finally {
      restore();
    }
  });

  it('tunnels https through HTTPS_PROXY with CONNECT, the site’s certificate checked through the tunnel', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=reports.example.test', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    const siteRequests: string[] = [];
    const site = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => {
      siteRequests.push(req.url ?? '');
      res.end('User-agent: *\nAllow: /\n');
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const connects: string[] = [];
    const onConnect = (req: IncomingMessage, socket: import('node:net').Socket, head: Buffer) => {
      connects.push(req.url ?? '');
      if (req.url?.startsWith('denied.')) return void socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      const upstream = netConnect((site.address() as AddressInfo).port, '127.0.0.1', () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    };
    server.on('connect', onConnect);
    const restore = proxyVariablesSaved('HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy');
    try {
      process.env.HTTPS_PROXY = base;
      process.env.NO_PROXY = '';
      const { io, out, cwd } = recordingIo();
      writeFileSync(`${cwd}/urls.txt`, 'https://reports.example.test/nj/a.html\nhttps://denied.example.test/nj/b.html\n');
      await main(['check-report', '--json', '--from-urls', 'urls.txt', '--delay-ms', '0', '--timeout-ms', '5000'], io);
      const reports = JSON.parse(out.join('')) as Read[];
      assert.deepEqual(connects, ['reports.example.test:443', 'denied.example.test:443']);
      // The self-signed certificate is refused at the far end of the tunnel: the site never gets a request.
      assert.deepEqual(siteRequests, []);
      assert.deepEqual(reports.map((r) => r.findings[0].code), ['reportcheck.fetch_refused', 'reportcheck.fetch_refused']);
    } finally {
      server.off('connect', onConnect);
      restore();
      site.closeAllConnections();
      await new Promise((resolve) => site.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

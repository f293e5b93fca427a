/**
 * The shipped nginx site (deploy/nginx/gongkai.conf) run by real nginx, with TLS, in front of two
 * app servers on one database configured as deploy/ says (SITE_URL https, TRUST_PROXY=127.0.0.1):
 * requests and sessions go through either server, the address logged and rate-limited is the
 * one nginx saw, and no Host header changes an absolute URL.
 */
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { request as httpRequest } from 'node:http';
import { createServer as createNetServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from './test-app.ts';
import { createServer } from './server.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';

const NGINX = '/usr/sbin/nginx';
const SITE = 'gk.example.gov.cn';
// Under CI a missing nginx fails the suite rather than skipping it.
const skip = existsSync(NGINX) || process.env.CI === 'true' || process.env.CI === '1' ? false : 'nginx 未安装（apt-get install nginx）：已跳过';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

async function freePort(): Promise<number> {
  const s = createNetServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as { port: number };
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

async function waitForPort(port: number, nginx: ChildProcess, log: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited: ${existsSync(log) ? readFileSync(log, 'utf8') : ''}`);
    const up = await new Promise<boolean>((resolve) => {
      const c = connect(port, '127.0.0.1', () => {
        c.destroy();
        resolve(true);
      });
      c.on('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('nginx did not listen');
}

/** The shipped site, with its ports, certificate and cache folder moved into `dir`. */
function siteConfig(dir: string, ports: { http: number; https: number; app1: number; app2: number }): string {
  let conf = readFileSync(new URL('../../deploy/nginx/gongkai.conf', import.meta.url), 'utf8');
  const swap = (from: string | RegExp, to: string) => {
    const next = conf.replace(from, to);
    assert.notEqual(next, conf, `deploy/nginx/gongkai.conf no longer holds ${String(from)}`);
    conf = next;
  };
  swap('server 127.0.0.1:3001 ', `server 127.0.0.1:${ports.app1} `);
  swap('server 127.0.0.1:3002 ', `server 127.0.0.1:${ports.app2} `);
  swap(/listen 80\b/g, `listen 127.0.0.1:${ports.http}`);
  swap(/listen 443\b/g, `listen 127.0.0.1:${ports.https}`);
  swap('/etc/ssl/gongkai/fullchain.pem', join(dir, 'cert.pem'));
  swap('/etc/ssl/gongkai/privkey.pem', join(dir, 'key.pem'));
  swap('/var/cache/nginx/gongkai', join(dir, 'cache'));
  return conf;
}

describeOnBothDatabases('nginx (deploy/) in front of two app servers', (t, kind) => {
  let a: TestApp;
  let second: FastifyInstance;
  let nginx: ChildProcess;
  let dir: string;
  let ports: { http: number; https: number; app1: number; app2: number };
  const served = [0, 0];

  const send = (path: string, o: { method?: string; headers?: Record<string, string>; body?: string; from?: string; servername?: string } = {}) =>
    new Promise<Answer>((resolve, reject) => {
      const req = httpsRequest(
        {
          host: '127.0.0.1', port: ports.https, path, method: o.method ?? 'GET', localAddress: o.from ?? '127.0.0.1',
          servername: o.servername ?? SITE, rejectUnauthorized: false, agent: false,
          headers: { host: SITE, ...o.headers, ...(o.body ? { 'content-length': String(Buffer.byteLength(o.body)) } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      req.on('error', reject);
      req.end(o.body);
    });
  const cookieOf = (r: Answer, name: string) => ([] as string[]).concat(r.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${name}=`)) ?? '';

  before(async () => {
    if (skip) return;
    dir = mkdtempSync(join(tmpdir(), 'gongkai-nginx-'));
    a = await createTestApp(t(), undefined, { env: { SITE_URL: `https://${SITE}`, TRUST_PROXY: '127.0.0.1' } });
    second = await createServer(a.deps, { logger: false });
    await second.pageCacheSharing?.ready;
    [a.app, second].forEach((app, i) => app.addHook('onResponse', async () => void served[i]!++));
    await a.app.listen({ port: 0, host: '127.0.0.1' });
    await second.listen({ port: 0, host: '127.0.0.1' });
    ports = {
      http: await freePort(), https: await freePort(),
      app1: (a.app.server.address() as { port: number }).port, app2: (second.server.address() as { port: number }).port,
    };
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${SITE}`, '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    for (const d of ['cache', 'temp']) mkdirSync(join(dir, d));
    writeFileSync(join(dir, 'site.conf'), siteConfig(dir, ports));
    const log = join(dir, 'error.log');
    writeFileSync(join(dir, 'nginx.conf'), `${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1; daemon off; pid ${join(dir, 'nginx.pid')}; error_log ${log} warn;
events { worker_connections 256; }
http {
  access_log ${join(dir, 'access.log')};
  client_body_temp_path ${join(dir, 'temp')}; proxy_temp_path ${join(dir, 'temp')}; fastcgi_temp_path ${join(dir, 'temp')};
  uwsgi_temp_path ${join(dir, 'temp')}; scgi_temp_path ${join(dir, 'temp')};
  include ${join(dir, 'site.conf')};
}
`);
    nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
    await waitForPort(ports.https, nginx, log);
  });
  after(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((r) => nginx.once('exit', r));
      nginx.kill('SIGTERM');
      await exited;
    }
    if (second?.server.listening) await second.close();
    await a?.app.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('passes requests to both servers, and a session opened through one works through the other', { skip }, async () => {
    const login = await send('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'gkb', password: a.password('gkb') }) });
    assert.equal(login.status, 200, login.body);
    const session = cookieOf(login, 'gk_session');
    assert.match(session, /;\s*Secure/i);
    const before = [...served];
    for (let i = 0; i < 6; i++) {
      const me = await send('/api/v1/auth/me', { headers: { cookie: session.split(';')[0]! } });
      assert.equal(me.status, 200, me.body);
    }
    assert.ok(served[0]! > before[0]! && served[1]! > before[1]!, `both servers answered: ${before} → ${served}`);
    const plain = await new Promise<number>((resolve, reject) =>
      httpRequest({ host: '127.0.0.1', port: ports.http, path: '/', headers: { host: SITE } }, (res) => resolve(res.statusCode ?? 0)).on('error', reject).end(),
    );
    assert.equal(plain, 301);
  });

  // Page caches are shared through PostgreSQL LISTEN/NOTIFY; SQLite serves one process.
  if (kind === 'postgres') it('a write through one server empties the page cache of the other (PostgreSQL)', { skip }, async () => {
    const twice = async () => {
      const before = [...served];
      const r = [await send('/xxgk/'), await send('/xxgk/')];
      assert.ok(served[0]! > before[0]! && served[1]! > before[1]!, 'one request went to each server');
      return r.map((x) => x.headers['x-page-cache'] === 'hit');
    };
    await twice();
    assert.deepEqual(await twice(), [true, true], 'both servers hold the page');
    const write = await send('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'gkb', password: a.password('gkb') }) });
    assert.equal(write.status, 200);
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(await twice(), [false, false], 'neither server answers from its old cache');
  });

  it('logs the client address nginx saw, never one the client claims', { skip }, async () => {
    const login = await send('/api/v1/auth/login', {
      method: 'POST', from: '127.0.0.3', headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
      body: JSON.stringify({ username: 'admin', password: a.password('admin') }),
    });
    assert.equal(login.status, 200, login.body);
    // The login's audit row is chained just after the answer, in the background: chain it now.
    await createAuditRepository(a.deps).sealPending();
    const row = await a.deps.db.selectFrom('audit_log').select('ip').where('action', '=', 'auth.login').orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(row.ip, '127.0.0.3');
  });

  it('rate-limits each client, counted across both servers', { skip }, async () => {
    const page = await send('/hdjl/xx/', { from: '127.0.0.4' });
    const cookie = cookieOf(page, 'gk_form').split(';')[0]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const letter = (from: string) =>
      send('/hdjl/xx/', {
        method: 'POST', from, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `198.51.100.${from.slice(-1)}` },
        body: new URLSearchParams({ _csrf: csrf, writerName: '王先生', contact: '13800000000', subject: '关于小区道路维修', body: '人民路小区道路破损严重，希望尽快维修。' }).toString(),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await letter('127.0.0.4')).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429]);
    assert.equal((await letter('127.0.0.5')).status, 200);
  });

  it('a Host header attack changes no absolute URL', { skip }, async () => {
    const refused = await send('/sitemap.xml', { headers: { host: 'evil.example' } }).then(
      (r) => r,
      () => null, // nginx closes the connection without an answer (444)
    );
    assert.ok(refused === null || !/evil\.example/.test(refused.body));
    await assert.rejects(send('/sitemap.xml', { servername: 'evil.example', headers: { host: 'evil.example' } }), 'the TLS handshake for another name is refused');
    const forwarded = await send('/sitemap.xml', { headers: { 'x-forwarded-host': 'evil.example' } });
    assert.equal(forwarded.status, 200);
    for (const r of [forwarded, await send('/sitemap.xml'), await send('/')]) {
      assert.doesNotMatch(r.body, /evil\.example/);
      assert.match(r.body, /https:\/\/gk\.example\.gov\.cn\//);
    }
  });

  it('keeps stylesheets in its cache and never shows /metrics', { skip }, async () => {
    await send('/static/portal.css');
    const again = await send('/static/portal.css');
    assert.equal(again.status, 200);
    assert.equal(again.headers['x-cache-status'], 'HIT');
    assert.equal((await send('/metrics')).status, 404);
  });

  it('answers an overlong address or header in Chinese, from the application or from nginx itself', { skip }, async () => {
    const chinese = (r: Answer, status: number) => {
      assert.equal(r.status, status);
      assert.match(String(r.headers['content-type']), /^text\/html; charset=utf-8/);
      assert.match(r.body, /请求地址或请求头过长/);
      assert.doesNotMatch(r.body, /nginx|Too Large|Exceeded/);
    };
    assert.equal((await send(`/search?q=${'a'.repeat(12_000)}`)).status, 200, 'a 12 KB search is answered');
    // Each line within nginx's 16 KB, together over the application's: refused by the application.
    const app = await send(`/search?q=${'a'.repeat(8_000)}`, { headers: { 'x-long': 'b'.repeat(10_000) } });
    chinese(app, 431);
    assert.match(app.body, /错误代码：431/, 'the application\'s own error page');
    // One line over nginx's 16 KB: refused by nginx, with its Chinese page.
    chinese(await send(`/search?q=${'a'.repeat(17_000)}`), 414);
    chinese(await send('/', { headers: { 'x-long': 'b'.repeat(40_000) } }), 431);
    assert.equal((await send('/healthz')).status, 200);
  });

  it('a stopped server is passed over: the other answers every request (rolling restart)', { skip }, async () => {
    await second.close();
    for (let i = 0; i < 6; i++) assert.equal((await send('/healthz')).status, 200, `request ${i + 1}`);
  });
});

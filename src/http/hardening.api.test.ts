/**
 * Issue "security to 等保2.0 level 3", item 13: security headers on every kind of answer, the API
 * documentation for signed-in staff only, owner-only data folder and database file, ended
 * sessions purged, and demo passwords kept out of the service's output.
 */
import { it, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { openDatabase } from '../db/dialect.ts';
import { loadConfig } from '../config/config.ts';
import { purgeEnded } from '../auth/auth.usecases.ts';
import { createTestApp, TEST_SCRYPT, type TestApp } from './test-app.ts';

describeOnBothDatabases('security headers and the API documentation', (t) => {
  let a: TestApp;
  before(async () => {
    a = await createTestApp(t());
  });
  after(async () => {
    await a.app.close();
  });

  it('sends nosniff, no framing, a permissions policy and a CSP on portal, admin, error and letter-preview pages', async () => {
    const gkb = (await a.login('gkb')).headers;
    const cases = (await a.app.inject({ method: 'GET', url: '/api/v1/applications', headers: gkb })).json().items as { id: number }[];
    assert.ok(cases.length > 0);
    const pages = [
      { what: 'portal page', res: await a.app.inject({ method: 'GET', url: '/' }) },
      { what: 'admin page', res: await a.app.inject({ method: 'GET', url: '/admin/' }) },
      { what: '404 page', res: await a.app.inject({ method: 'GET', url: '/no-such-page/' }) },
      { what: '403 page', res: await a.app.inject({ method: 'POST', url: '/ysqgk/', payload: { name: 'x' } }) },
      { what: 'letter preview', res: await a.app.inject({ method: 'GET', url: `/api/v1/applications/${cases[0]!.id}/letters/receipt`, headers: gkb }) },
    ];
    assert.equal(pages[2]!.res.statusCode, 404);
    assert.equal(pages[3]!.res.statusCode, 403);
    assert.equal(pages[4]!.res.statusCode, 200, pages[4]!.res.body);
    for (const { what, res } of pages) {
      assert.match(String(res.headers['content-type']), /^text\/html/, what);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', what);
      assert.equal(res.headers['x-frame-options'], 'DENY', what);
      assert.match(String(res.headers['permissions-policy']), /camera=\(\)/, what);
      const csp = String(res.headers['content-security-policy'] ?? '');
      assert.match(csp, /default-src '(self|none)'/, what);
      assert.match(csp, /frame-ancestors 'none'/, what);
      assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/, what);
    }
    assert.match(String(pages[4]!.res.headers['content-security-policy']), /sandbox/, 'the letter preview is inert on its own');
  });

  it('marks every API answer no-store, errors included', async () => {
    const { headers } = await a.login('gkb');
    for (const res of [
      await a.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers }),
      await a.app.inject({ method: 'GET', url: '/api/v1/applications', headers }),
      await a.app.inject({ method: 'GET', url: '/api/v1/auth/me' }),
    ]) {
      assert.equal(res.headers['cache-control'], 'no-store', res.body);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
    }
  });

  it('shows the API documentation to signed-in staff only', async () => {
    for (const url of ['/api/docs', '/api/docs/', '/api/docs/json', '/api/docs/static/index.html']) {
      const res = await a.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 401, url);
      assert.equal(res.json().error.code, 'auth.required', url);
    }
    const { cookie } = await a.login('fgw-editor');
    const spec = await a.app.inject({ method: 'GET', url: '/api/docs/json', headers: { cookie } });
    assert.equal(spec.statusCode, 200);
    assert.ok(spec.json().paths['/api/v1/auth/login']);
    const ui = await a.app.inject({ method: 'GET', url: '/api/docs/', headers: { cookie } });
    assert.equal(ui.statusCode, 200);
    assert.match(String(ui.headers['content-security-policy']), /frame-ancestors 'none'/);
  });

  it('purges ended sessions (past 12 hours or idle) at login and on the timer’s run, keeping live ones', async () => {
    const userId = (await a.deps.db.selectFrom('users').select('id').where('username', '=', 'leader').executeTakeFirstOrThrow()).id;
    const now = a.deps.clock.now().getTime();
    const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
    const row = (id: string, created: number, expires: number, seen: number | null) =>
      ({ id, user_id: userId, csrf_token: 'x', ip: '127.0.0.1', created_at: at(created), expires_at: at(expires), last_seen_at: seen === null ? null : at(seen) });
    const ids = ['purge-expired', 'purge-idle', 'purge-live'];
    const insert = () => a.deps.db.insertInto('sessions').values([row(ids[0]!, -800, -80, -81), row(ids[1]!, -60, 600, -45), row(ids[2]!, -60, 600, -5)]).execute();
    const left = async () => (await a.deps.db.selectFrom('sessions').select('id').where('id', 'in', ids).execute()).map((r) => r.id).sort();
    await insert();
    assert.ok((await purgeEnded(a.deps)) >= 2);
    assert.deepEqual(await left(), ['purge-live']);
    await a.deps.db.deleteFrom('sessions').where('id', 'in', ids).execute();
    await insert();
    await a.login('gkb');
    assert.deepEqual(await left(), ['purge-live'], 'a login purges too');
  });
});

describe('data folder and database file modes', () => {
  it('creates the data folder 0700 and the SQLite file (and its WAL) 0600, whatever the umask', async () => {
    const previous = process.umask(0o022);
    const root = mkdtempSync(join(tmpdir(), 'gongkai-modes-'));
    try {
      const config = loadConfig({ GONGKAI_DATA_DIR: join(root, 'data') }, root);
      const db = openDatabase(config.databaseUrl);
      await sql`create table t (x integer)`.execute(db);
      await sql`insert into t values (1)`.execute(db);
      const mode = (p: string) => statSync(p).mode & 0o777;
      assert.equal(mode(config.dataDir), 0o700);
      const file = config.databaseUrl.slice('sqlite:'.length);
      assert.equal(mode(file), 0o600);
      assert.ok(existsSync(`${file}-wal`));
      assert.equal(mode(`${file}-wal`), 0o600);
      await db.destroy();
      const other = openDatabase(`sqlite:${join(root, 'elsewhere', 'x.db')}`);
      await sql`select 1`.execute(other);
      assert.equal(mode(join(root, 'elsewhere')), 0o700);
      await other.destroy();
    } finally {
      process.umask(previous);
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('demo passwords and the service output', { timeout: 180_000 }, () => {
  it('serve --demo writes the generated passwords to an owner-only file, never to its output', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gongkai-demo-out-'));
    let output = '';
    try {
      const child = spawn(process.execPath, ['bin/gongkai.js', 'serve', '--demo', '--no-supervisor'], {
        cwd: new URL('../..', import.meta.url).pathname,
        env: { ...process.env, GONGKAI_DATA_DIR: join(root, 'data'), DATABASE_URL: `sqlite:${join(root, 'data', 'gk.db')}`, PORT: '0', LOG_LEVEL: 'info', PASSWORD_SCRYPT: TEST_SCRYPT },
      });
      await new Promise<void>((resolve, reject) => {
        const onData = (d: Buffer) => {
          output += d.toString();
          if (output.includes('已启动')) resolve();
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${output}`)));
      });
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      const file = join(root, 'data', 'demo-accounts.txt');
      assert.equal(statSync(file).mode & 0o777, 0o600);
      const passwords = [...readFileSync(file, 'utf8').matchAll(/^\s+\S+\s+(Gk-\S+)/gm)].map((m) => m[1]!);
      assert.equal(passwords.length, 10, readFileSync(file, 'utf8'));
      for (const p of passwords) assert.ok(!output.includes(p), 'a demo password is in the service output');
      assert.match(output, /demo-accounts\.txt/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

/**
 * A production installation, as an operator makes one: a clean copy of the repository (its
 * tracked files), `npm run build`, then `npm ci --omit=dev`. Without TypeScript, tsx, Vite or the
 * admin app's libraries it must serve the portal and the admin app, run the CLI commands and
 * print a PDF. The native SQLite addon is taken from the development install (same Node, same
 * platform) instead of being compiled again, which would take minutes.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromiumAvailable } from '../shared/chromium.ts';

const repo = new URL('../..', import.meta.url).pathname;
const SQLITE_ADDON = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe('production install (npm run build, then npm ci --omit=dev)', { timeout: 15 * 60_000 }, () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const gongkai = (args: string[], input?: string) =>
    spawnSync(process.execPath, ['bin/gongkai.js', ...args], { cwd: dir, env, input, encoding: 'utf8', timeout: 120_000 });

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-prod-'));
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: repo, encoding: 'utf8' }).split('\0').filter(Boolean);
    for (const f of files) {
      if (!existsSync(join(repo, f))) continue; // deleted in the working tree, not yet committed
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      copyFileSync(join(repo, f), join(dir, f));
    }
    // The build runs with the development dependencies, borrowed for the build only.
    symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
    execFileSync(process.execPath, ['scripts/build.js'], { cwd: dir, stdio: 'pipe' });
    unlinkSync(join(dir, 'node_modules'));
    execFileSync('npm', ['ci', '--omit=dev', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'pipe' });
    mkdirSync(dirname(join(dir, SQLITE_ADDON)), { recursive: true });
    copyFileSync(join(repo, SQLITE_ADDON), join(dir, SQLITE_ADDON));
    env = { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', LOG_LEVEL: 'warn', GONGKAI_DATA_DIR: join(dir, 'data') };
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('holds no build or admin-app tooling', () => {
    for (const name of ['tsx', 'typescript', 'vite', 'antd', 'react', 'esbuild']) assert.equal(existsSync(join(dir, 'node_modules', name)), false, name);
    assert.ok(existsSync(join(dir, 'dist/server/cli/main.js')));
    assert.ok(existsSync(join(dir, 'dist/admin/index.html')));
  });

  it('runs the CLI commands on plain Node', () => {
    const help = gongkai(['--help']); // loads every command module
    assert.equal(help.status, 0, help.stderr);
    const fee = gongkai(['fee', '--per-page', '--pages', '120']);
    assert.equal(fee.status, 0, fee.stderr);
    assert.equal(JSON.parse(fee.stdout).amountYuan, 1100);
    const deadline = gongkai(['deadline'], '{"received":"2024-09-27"}');
    assert.equal(deadline.status, 0, deadline.stderr);
    assert.match(deadline.stdout, /2024-10-30/);
    for (const args of [['migrate'], ['seed-demo'], ['audit', 'verify'], ['search', 'reindex']]) {
      const r = gongkai(args);
      assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
    }
    const user = gongkai(['user', 'add', '--username', 'ops1', '--name', '运维', '--org', 'shilong', '--role', 'admin']);
    assert.equal(user.status, 0, user.stderr);
    const check = gongkai(['check-report', '--json', 'src/reportcheck/fixtures/shilong-2022.txt']);
    assert.ok(check.status === 0 || check.status === 1, check.stderr);
    assert.ok(JSON.parse(check.stdout));
    const docx = gongkai(['report', '--org', 'shilong', '--year', '2022', '--format', 'docx', '--out', join(dir, 'r.docx')]);
    assert.equal(docx.status, 0, docx.stderr);
  });

  it('prints the annual report as PDF', { skip: !chromiumAvailable() && !process.env.CI && 'no Chromium here' }, () => {
    const out = join(dir, 'r.pdf');
    const r = gongkai(['report', '--org', 'shilong', '--year', '2022', '--format', 'pdf', '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(out).subarray(0, 5).toString(), '%PDF-');
  });

  it('serves the portal and the admin app with npm start', async () => {
    const port = await freePort();
    const server: ChildProcess = spawn(process.execPath, ['scripts/start.js'], { cwd: dir, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    try {
      const base = `http://127.0.0.1:${port}`;
      for (let i = 0; ; i++) {
        const ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
        if (ok) break;
        assert.ok(i < 1800 && server.exitCode === null, `server did not become healthy:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const portal = await fetch(`${base}/`);
      assert.equal(portal.status, 200);
      assert.match(await portal.text(), /石龙区人民政府/);
      const admin = await fetch(`${base}/admin/`);
      assert.equal(admin.status, 200);
      assert.match(await admin.text(), /<script type="module"/);
    } finally {
      // Wait for it to stop: it seals the audit log on the way out, and the folder is removed next.
      const exited = server.exitCode === null ? new Promise((resolve) => server.once('exit', resolve)) : Promise.resolve();
      server.kill('SIGTERM');
      await exited;
    }
  });
});

/**
 * `gongkai serve` as an operator runs it (the compiled CLI, a real port): a worker that crashes
 * is replaced and the portal answers again; SIGTERM lets a request in flight finish.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = new URL('../..', import.meta.url).pathname;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe('gongkai serve under its supervisor', { timeout: 5 * 60_000 }, () => {
  let dir: string;
  let port: number;
  let server: ChildProcess;
  let output = '';
  const readyWorkers = () => [...output.matchAll(/工作进程 (\d+) 已就绪/g)].map((m) => Number(m[1]));
  const waitFor = async (test: () => boolean | Promise<boolean>, what: string, ms = 120_000) => {
    const until = Date.now() + ms;
    while (!(await test())) {
      assert.ok(Date.now() < until, `timed out waiting for ${what}\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const portalAnswers = () => fetch(`http://127.0.0.1:${port}/xxgk/zn/`).then((r) => r.status === 200, () => false);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-serve-'));
    port = await freePort();
    server = spawn(process.execPath, ['bin/gongkai.js', 'serve'], {
      cwd: repo,
      env: { PATH: process.env.PATH, TZ: 'UTC', LOG_LEVEL: 'warn', GONGKAI_DATA_DIR: dir, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    await waitFor(() => readyWorkers().length === 1, 'the first worker');
    await waitFor(portalAnswers, 'the portal');
  });
  after(() => {
    if (server.exitCode === null) server.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('replaces a worker that crashed, and the portal answers again', async () => {
    const [first] = readyWorkers();
    process.kill(first, 'SIGKILL');
    await waitFor(() => readyWorkers().length === 2, 'a new worker');
    assert.notEqual(readyWorkers()[1], first);
    assert.match(output, /意外退出（SIGKILL），正在重启/);
    await waitFor(portalAnswers, 'the portal after the restart');
  });

  it('on SIGTERM finishes the request in flight, then exits 0', async () => {
    const body = JSON.stringify({ username: 'nobody', password: 'wrong-password' });
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => (answer += d.toString()));
    const closed = new Promise((r) => socket.on('close', r));
    await new Promise((r) => socket.once('connect', r));
    // Headers and half the body: the request has arrived and is being read when the stop comes.
    socket.write(`POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`);
    socket.write(body.slice(0, 10));
    await new Promise((r) => setTimeout(r, 500));
    const exited = new Promise<number | null>((r) => server.once('exit', (code) => r(code)));
    server.kill('SIGTERM');
    await waitFor(() => output.includes('收到 SIGTERM'), 'the stop to begin', 10_000);
    await new Promise((r) => setTimeout(r, 500));
    socket.write(body.slice(10)); // not end(): a client that half-closes gets no answer from Node
    await closed;
    assert.match(answer, /^HTTP\/1\.1 401 /, answer);
    assert.equal(await exited, 0);
    assert.equal(await portalAnswers(), false, 'no longer listening');
  });
});

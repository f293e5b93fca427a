/**
 * `gongkai restore` and `gongkai import` refuse a database a running server uses (its heartbeat
 * row), change nothing, and go ahead with --force, after the server stopped, or once a killed
 * server's heartbeat is stale. On both databases.
 */
import { after, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeOnBothDatabases, openTestDatabase, type TestDatabase } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { main } from '../cli/main.ts';
import { recordingIo } from '../cli/test-io.ts';
import { liveServers, startServerPresence, STALE_AFTER_MS } from './server-presence.ts';
import { listTables } from './site-tables.repository.ts';
import { openDatabase } from '../db/dialect.ts';

describeOnBothDatabases('restore and import while a server runs', (t) => {
  let app: TestApp;
  let target: TestDatabase;
  const work = mkdtempSync(join(tmpdir(), 'gk-presence-'));
  after(async () => {
    await app?.app.close();
    await target?.close();
    rmSync(work, { recursive: true, force: true });
  });
  const run = async (argv: string[], env: Record<string, string>) => {
    const c = recordingIo('', env, work);
    const code = await main(argv, c.io);
    return { code, out: c.out.join('\n'), err: c.err.join('\n') };
  };
  const users = async () => Number((await target.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('refuses while a heartbeat is fresh, and restores once the server stopped or with --force', async () => {
    app = await createTestApp(t(), '2026-12-15T02:00:00Z');
    const sourceEnv = { DATABASE_URL: t().url, GONGKAI_DATA_DIR: app.deps.config.dataDir };
    // A server on the source does not stop a backup or an export of it.
    const source = await startServerPresence(app.deps.db);
    assert.equal((await run(['backup', join(work, 'b')], sourceEnv)).code, 0);
    assert.equal((await run(['export', join(work, 'site.gkx')], sourceEnv)).code, 0);
    await source.stop();

    target = await openTestDatabase(t().kind);
    const dataDir = join(work, 'target');
    mkdirSync(dataDir);
    const targetEnv = { DATABASE_URL: target.url, GONGKAI_DATA_DIR: dataDir };
    const server = await startServerPresence(target.db);
    assert.equal((await liveServers(target.db)).length, 1);

    const restore = await run(['restore', join(work, 'b')], targetEnv);
    assert.equal(restore.code, 1);
    assert.match(restore.err, /有 1 个服务进程正在使用这个数据库：.*上的进程 \d+（最近心跳 .*）。请先停止服务再恢复，未做任何改动；.*加 --force/);
    const imported = await run(['import', join(work, 'site.gkx')], targetEnv);
    assert.equal(imported.code, 1);
    assert.match(imported.err, /正在使用这个数据库.*请先停止服务再导入/);
    assert.equal(await users(), 0, 'a refusal changes nothing');

    assert.equal((await run(['import', join(work, 'site.gkx'), '--force'], targetEnv)).code, 0);
    assert.ok((await users()) > 0);
    assert.equal((await liveServers(target.db)).length, 1, 'the heartbeat is process state: an import neither carries nor removes it');

    await server.stop();
    assert.deepEqual(await liveServers(target.db), []);
    const afterStop = await run(['restore', join(work, 'b'), '--force'], targetEnv);
    assert.equal(afterStop.code, 0, afterStop.err);
    // The backup was taken while the source's server ran: its heartbeat is not restored with it.
    const restored = openDatabase(target.url);
    try {
      assert.deepEqual(await liveServers(restored), []);
    } finally {
      await restored.destroy();
    }
  });

  it('does not let a killed server block a restore once its heartbeat is stale', async () => {
    const db = await openTestDatabase(t().kind);
    try {
      const stale = new Date(Date.now() - STALE_AFTER_MS - 1_000).toISOString();
      await db.db.insertInto('server_presence').values({ instance: 'killed', host: 'app1', pid: 4242, started_at: stale, beat_at: stale }).execute();
      assert.deepEqual(await liveServers(db.db), []);
      assert.equal((await run(['restore', join(work, 'b')], { DATABASE_URL: db.url, GONGKAI_DATA_DIR: join(work, 'stale') })).code, 0);
    } finally {
      await db.close();
    }
  });

  it('leaves the heartbeat table out of backups and exports', async () => {
    assert.ok(!(await listTables(app.deps.db)).some((x) => x.name === 'server_presence'));
  });
});

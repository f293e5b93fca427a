/**
 * `gongkai export` / `gongkai import` move the demo site SQLite → PostgreSQL → SQLite with the
 * same rows (per-table counts and checksums, see site-archive.rules.ts), `audit verify` intact
 * after each hop, PostgreSQL's id sequences past the imported ids; a non-empty target is refused
 * without --force, and an import that fails leaves the target unchanged.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestDatabase, postgresSkipReason, type TestDatabase } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { main } from '../cli/main.ts';
import { recordingIo } from '../cli/test-io.ts';
import { openDatabase } from '../db/dialect.ts';
import type { SiteManifest } from './site-export.usecases.ts';

const manifestOf = (file: string) => JSON.parse(gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n').at(-1)!).manifest as SiteManifest;

describe('export and import between SQLite and PostgreSQL', { skip: postgresSkipReason() }, () => {
  const work = mkdtempSync(join(tmpdir(), 'gk-export-'));
  const dbs: TestDatabase[] = [];
  let app: TestApp;
  before(async () => {
    const source = await openTestDatabase('sqlite');
    dbs.push(source);
    app = await createTestApp(source, '2026-12-15T02:00:00Z');
    mkdirSync(join(app.deps.config.dataDir, 'attachments', 'x'), { recursive: true });
    writeFileSync(join(app.deps.config.dataDir, 'attachments', 'x', 'a.pdf'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]));
  });
  after(async () => {
    await app.app.close();
    for (const d of dbs) await d.close();
    rmSync(work, { recursive: true, force: true });
  });
  const run = async (argv: string[], env: Record<string, string>) => {
    const c = recordingIo('', env, work);
    const code = await main(argv, c.io);
    return { code, out: c.out.join('\n'), err: c.err.join('\n') };
  };
  const site = async (kind: 'sqlite' | 'postgres', name: string) => {
    const d = await openTestDatabase(kind);
    dbs.push(d);
    const dataDir = join(work, name);
    mkdirSync(dataDir);
    return { DATABASE_URL: d.url, GONGKAI_DATA_DIR: dataDir };
  };

  it('moves the demo site SQLite → PostgreSQL → SQLite with identical tables and an intact audit chain', async () => {
    const sourceEnv = { DATABASE_URL: dbs[0]!.url, GONGKAI_DATA_DIR: app.deps.config.dataDir };
    assert.equal((await run(['audit', 'anchor'], sourceEnv)).code, 0);
    const first = join(work, 'site-1.jsonl.gz');
    const exported = await run(['export', first], sourceEnv);
    assert.equal(exported.code, 0, exported.err);
    const m1 = manifestOf(first);
    assert.ok(m1.tables.applications!.rows > 0 && m1.tables.audit_log!.rows > 0 && m1.files['attachments/x/a.pdf']);

    const pg = await site('postgres', 'pg');
    const imported = await run(['import', first], pg);
    assert.equal(imported.code, 0, imported.err);
    const verify = await run(['audit', 'verify'], pg);
    assert.equal(verify.code, 0, verify.out);
    assert.match(verify.out, /与 .* 的锚点/);
    const second = join(work, 'site-2.jsonl.gz');
    assert.equal((await run(['export', second], pg)).code, 0);
    assert.deepEqual(manifestOf(second).tables, m1.tables);

    const back = await site('sqlite', 'back');
    assert.equal((await run(['import', second], back)).code, 0);
    assert.equal((await run(['audit', 'verify'], back)).code, 0);
    const third = join(work, 'site-3.jsonl.gz');
    assert.equal((await run(['export', third], back)).code, 0);
    assert.deepEqual(manifestOf(third).tables, m1.tables);
    assert.deepEqual(readFileSync(join(back.GONGKAI_DATA_DIR, 'attachments', 'x', 'a.pdf')), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]));

    // A row added after the import gets a fresh id on PostgreSQL: the sequence moved past the imported ids.
    const db = openDatabase(pg.DATABASE_URL);
    try {
      const max = await db.selectFrom('organizations').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow();
      const added = await db.insertInto('organizations').values({ code: 'new-after-import', name: '导入后新建', parent_id: null, kind: 'government', created_at: '2026-12-15T02:00:00Z' } as never).returning('id').executeTakeFirstOrThrow();
      assert.ok(added.id > Number(max.m));
    } finally {
      await db.destroy();
    }
  });

  it('refuses a non-empty target without --force, and a damaged archive changes nothing', async () => {
    const pg = { DATABASE_URL: dbs[1]!.url, GONGKAI_DATA_DIR: join(work, 'pg') };
    const first = join(work, 'site-1.jsonl.gz');
    const refused = await run(['import', first], pg);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /目标数据库已有数据.*--force/);

    // One row of audit_log changed: the manifest no longer agrees, nothing is replaced.
    const lines = gunzipSync(readFileSync(first)).toString('utf8').split('\n');
    const i = lines.findIndex((l) => l.includes('"table":"audit_log"')) + 1;
    lines[i] = lines[i]!.replace(/\d/, (d) => String((Number(d) + 1) % 10));
    const damaged = join(work, 'damaged.jsonl.gz');
    writeFileSync(damaged, gzipSync(lines.join('\n')));
    const r = await run(['import', damaged, '--force'], pg);
    assert.equal(r.code, 1);
    assert.match(r.err, /导出文件损坏或不完整，未做任何改动/);
    const truncated = join(work, 'truncated.jsonl.gz');
    writeFileSync(truncated, gzipSync(gunzipSync(readFileSync(first)).toString('utf8').split('\n').slice(0, 50).join('\n')));
    assert.match((await run(['import', truncated, '--force'], pg)).err, /缺少末尾的清单/);
    assert.equal((await run(['audit', 'verify'], pg)).code, 0, 'the target still holds the imported site');
    const again = await run(['import', first, '--force'], pg);
    assert.equal(again.code, 0, again.err);
  });
});

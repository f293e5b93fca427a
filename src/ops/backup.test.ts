/**
 * `gongkai backup` under write load and `gongkai restore`, on both databases: every application
 * acknowledged before the backup started is in it, the restored copy passes `audit verify` with
 * the manifest's row counts; a flipped byte, a missing attachment or a non-empty target is refused
 * with nothing changed.
 */
import { after, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeOnBothDatabases, openTestDatabase, type TestDatabase } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { main } from '../cli/main.ts';
import { recordingIo } from '../cli/test-io.ts';
import { openDatabase } from '../db/dialect.ts';
import { listTables, rowCounts } from './site-tables.repository.ts';
import type { BackupManifest } from './backup.usecases.ts';

describeOnBothDatabases('backup and restore', (t) => {
  let app: TestApp;
  const work = mkdtempSync(join(tmpdir(), 'gk-backup-'));
  const targets: TestDatabase[] = [];
  after(async () => {
    await app?.app.close();
    for (const d of targets) await d.close();
    rmSync(work, { recursive: true, force: true });
  });
  const sourceEnv = () => ({ DATABASE_URL: t().url, GONGKAI_DATA_DIR: app.deps.config.dataDir });
  /** An empty installation to restore into: its own data folder and an empty database. */
  const freshTarget = async (name: string) => {
    const dataDir = join(work, name);
    mkdirSync(dataDir);
    if (t().kind === 'sqlite') return { DATABASE_URL: `sqlite:${join(dataDir, 'gongkai.db')}`, GONGKAI_DATA_DIR: dataDir };
    const d = await openTestDatabase('postgres');
    targets.push(d);
    return { DATABASE_URL: d.url, GONGKAI_DATA_DIR: dataDir };
  };
  const run = async (argv: string[], env: Record<string, string>) => {
    const c = recordingIo('', env, work);
    const code = await main(argv, c.io);
    return { code, out: c.out.join('\n'), err: c.err.join('\n') };
  };
  const trackingNumbers = async (url: string) => {
    const db = openDatabase(url);
    try {
      return new Set((await db.selectFrom('applications').select('tracking_number').execute()).map((r) => r.tracking_number));
    } finally {
      await db.destroy();
    }
  };

  it('takes a backup while applications are submitted, and every acknowledged one is in it', async () => {
    app = await createTestApp(t(), '2026-12-15T02:00:00Z');
    const attachments = join(app.deps.config.dataDir, 'attachments', '2026');
    mkdirSync(attachments, { recursive: true });
    writeFileSync(join(attachments, 'notice.pdf'), '%PDF-1.4 test attachment');
    assert.equal((await run(['audit', 'anchor'], sourceEnv())).code, 0);
    const gkb = (await app.login('gkb')).headers;
    const gov = (await createOrganizationsRepository(app.deps).list()).find((o) => o.code === 'shilong')!;
    const acknowledged: Array<{ tracking: string; at: number }> = [];
    let stop = false;
    let failure: unknown = null;
    const waitFor = async (enough: () => boolean) => {
      while (!enough()) {
        if (failure) throw failure as Error;
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const load = (async () => {
      for (let i = 0; !stop; i++) {
        const r = await app.app.inject({
          method: 'POST', url: '/api/v1/applications', headers: gkb,
          payload: { organizationId: gov.id, channel: 'in_person', applicantType: '自然人', applicantName: `申请人${i}`, idKind: '居民身份证', idNumber: '410402198001018888', phone: '13900000000', description: `备份期间提交的申请 ${i}`, formWanted: '纸质', deliveryWanted: '自行领取' },
        });
        assert.equal(r.statusCode, 201, r.body);
        acknowledged.push({ tracking: (r.json() as { trackingNumber: string }).trackingNumber, at: performance.now() });
      }
    })().catch((e: unknown) => { failure = e; });
    await waitFor(() => acknowledged.length >= 5);
    const started = performance.now();
    const backup = await run(['backup', join(work, 'b1')], sourceEnv());
    const writtenDuring = acknowledged.length;
    await waitFor(() => acknowledged.length >= writtenDuring + 3);
    stop = true;
    await load;
    assert.equal(backup.code, 0, backup.err);
    assert.match(backup.out, /已备份到 .*：\d+ 个文件/);

    const dir = join(work, 'b1');
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
    assert.equal(manifest.database.method, t().kind === 'sqlite' ? 'sqlite-vacuum-into' : 'pg_dump');
    for (const f of ['files/attachments/2026/notice.pdf', 'files/audit-key', 'files/session-secret', 'files/audit-anchors.log', manifest.database.file]) {
      assert.ok(manifest.files.some((m) => m.path === f), f);
      assert.equal(statSync(join(dir, f)).mode & 0o777, 0o600, f);
    }
    assert.ok(manifest.audit.count > 0 && manifest.audit.hash);

    const target = await freshTarget('r1');
    const restored = await run(['restore', dir], target);
    assert.equal(restored.code, 0, restored.err);
    const inBackup = await trackingNumbers(target.DATABASE_URL);
    const before = acknowledged.filter((a) => a.at < started);
    assert.ok(before.length >= 5);
    for (const a of before) assert.ok(inBackup.has(a.tracking), `${a.tracking} acknowledged before the backup is missing`);
    assert.ok(inBackup.size < (await trackingNumbers(t().url)).size, 'applications submitted after the backup are not in it');

    const db = openDatabase(target.DATABASE_URL);
    try {
      const tables = (await listTables(db)).map((x) => x.name).filter((n) => n in manifest.rowCounts);
      assert.deepEqual(await rowCounts(db, tables), manifest.rowCounts);
    } finally {
      await db.destroy();
    }
    assert.equal(readFileSync(join(target.GONGKAI_DATA_DIR, 'attachments', '2026', 'notice.pdf'), 'utf8'), '%PDF-1.4 test attachment');
    const verify = await run(['audit', 'verify'], target);
    assert.equal(verify.code, 0, verify.out);
    assert.match(verify.out, /审计日志完好.*与 .* 的锚点/);

    const again = await run(['restore', dir], target);
    assert.equal(again.code, 1);
    assert.match(again.err, /目标数据库已有数据.*--force/);
    assert.equal((await run(['restore', dir, '--force'], target)).code, 0);
    assert.equal((await run(['backup', dir], sourceEnv())).code, 1, 'a used folder is refused');
  });

  it('refuses a backup with a flipped byte or a missing attachment, changing nothing', async () => {
    const dir = join(work, 'b1');
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
    const dbFile = join(dir, manifest.database.file);
    const bytes = readFileSync(dbFile);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    writeFileSync(dbFile, bytes);
    const target = await freshTarget('r2');
    const flipped = await run(['restore', dir], target);
    assert.equal(flipped.code, 1);
    assert.match(flipped.err, new RegExp(`备份不完整或已损坏，未做任何改动：文件 ${manifest.database.file} 的大小或 SHA-256 与清单不符`));
    assert.equal(existsSync(join(target.GONGKAI_DATA_DIR, 'attachments')), false);
    assert.equal((await trackingNumbers(target.DATABASE_URL).catch(() => new Set())).size, 0);

    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    writeFileSync(dbFile, bytes);
    rmSync(join(dir, 'files', 'attachments', '2026', 'notice.pdf'));
    const partial = await run(['restore', dir], target);
    assert.equal(partial.code, 1);
    assert.match(partial.err, /缺少文件 files\/attachments\/2026\/notice\.pdf/);
    // The command created the target's own key when it read its configuration; the backup's was not written.
    assert.notEqual(readFileSync(join(target.GONGKAI_DATA_DIR, 'audit-key'), 'utf8').trim(), app.deps.config.auditKey);
  });

  it('falls back to a logical export without pg_dump, and restores it', async () => {
    const dir = join(work, 'b2');
    const backup = await run(['backup', dir], { ...sourceEnv(), PG_BIN_DIR: '' });
    assert.equal(backup.code, 0, backup.err);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
    assert.equal(manifest.database.method, t().kind === 'sqlite' ? 'sqlite-vacuum-into' : 'logical-export');
    const target = await freshTarget('r3');
    assert.equal((await run(['restore', dir], target)).code, 0);
    assert.equal((await trackingNumbers(target.DATABASE_URL)).size, manifest.rowCounts.applications);
    assert.equal((await run(['audit', 'verify'], target)).code, 0);
  });
});

/**
 * `gongkai restore DIR [--force]`: first checks the whole backup against its manifest (every
 * file present, every size and SHA-256), then refuses a target that already holds a site unless
 * forced; only then replaces the database and writes the files back. A refusal changes nothing.
 * The server must be stopped during a restore: a running one (its heartbeat, server-presence.ts)
 * is refused unless forced.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { openDatabase } from '../db/dialect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { reindexAll } from '../publishing/search.reindex.ts';
import { sqlitePath } from '../config/config.ts';
import { AppError } from '../shared/app-error.ts';
import { fileDigest, sitePath } from './site-files.ts';
import { holdsSite, importSite } from './site-import.usecases.ts';
import { findPgTool, runPgTool } from './pg-tools.ts';
import { forgetServers, refuseWhileServing } from './server-presence.ts';
import { BACKUP_FORMAT, withSqliteFile, type BackupConfig, type BackupManifest } from './backup.usecases.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const refused = (why: string) => new AppError('restore.corrupt', `备份不完整或已损坏，未做任何改动：${why}`);

export async function checkBackup(dir: string): Promise<BackupManifest> {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
  } catch {
    throw refused(`${dir} 中没有可读的 manifest.json`);
  }
  if (manifest.format !== BACKUP_FORMAT || !Array.isArray(manifest.files)) throw refused(`manifest.json 不是本系统的备份清单（应为 ${BACKUP_FORMAT}）`);
  if (!manifest.files.some((f) => f.path === manifest.database?.file)) throw refused('清单中没有数据库文件');
  for (const f of manifest.files) {
    const path = join(dir, ...f.path.split('/'));
    if (f.path.split('/').includes('..')) throw refused(`清单中的文件名不合法：${f.path}`);
    if (!existsSync(path)) throw refused(`缺少文件 ${f.path}`);
    const got = await fileDigest(path);
    if (got.size !== f.size || got.sha256 !== f.sha256) throw refused(`文件 ${f.path} 的大小或 SHA-256 与清单不符`);
  }
  return manifest;
}

/** Runs `f` on the configured database when it exists (a missing SQLite file gives `missing`). */
async function onTarget<T>(config: BackupConfig, f: (db: AnyDb) => Promise<T>, missing: T): Promise<T> {
  const file = sqlitePath(config.databaseUrl);
  if (file) return existsSync(file) ? withSqliteFile(file, f, false) : missing;
  const db = openDatabase(config.databaseUrl);
  try {
    return await f(db);
  } finally {
    await db.destroy();
  }
}

/** Whether the configured database already holds a site (a missing file or schema does not). */
async function targetHoldsSite(config: BackupConfig): Promise<boolean> {
  return onTarget(config, async (db) => {
    const t = sqlitePath(config.databaseUrl)
      ? await sql<{ n: number }>`select count(*) as n from sqlite_master where name in ('users', 'audit_log')`.execute(db)
      : await sql<{ n: number }>`select count(*)::int as n from pg_tables where schemaname = current_schema() and tablename in ('users', 'audit_log')`.execute(db);
    return t.rows[0]!.n === 2 && holdsSite(db);
  }, false);
}

export async function restoreBackup(config: BackupConfig, dir: string, { force = false, env = {} as Record<string, string | undefined> } = {}): Promise<BackupManifest> {
  const manifest = await checkBackup(dir);
  const target = sqlitePath(config.databaseUrl) ? 'sqlite' : 'postgres';
  const { method, dialect } = manifest.database;
  if (method !== 'logical-export' && dialect !== target) {
    throw new AppError('restore.dialect', `这是 ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} 的备份，当前配置的是 ${target === 'sqlite' ? 'SQLite' : 'PostgreSQL'}：在两种数据库之间迁移请用 gongkai export / import`);
  }
  const pgRestore = method === 'pg_dump' ? findPgTool('pg_restore', env) : null;
  if (method === 'pg_dump' && !pgRestore) throw new AppError('restore.no_pg_restore', '找不到 pg_restore（PostgreSQL 客户端工具）：请安装 postgresql-client，或用 PG_BIN_DIR 指明其目录');
  if (!force) await onTarget(config, (db) => refuseWhileServing(db, '恢复'), undefined);
  if (!force && (await targetHoldsSite(config))) throw new AppError('restore.not_empty', '目标数据库已有数据（用户或审计日志不为空）：确认要用备份覆盖时加 --force（请先停止服务）');
  const source = join(dir, ...manifest.database.file.split('/'));
  if (method === 'sqlite-vacuum-into') {
    const file = sqlitePath(config.databaseUrl)!;
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    copyFileSync(source, `${file}.restoring`);
    // The old WAL must not be replayed onto the restored file.
    for (const suffix of ['-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    renameSync(`${file}.restoring`, file);
  } else if (method === 'pg_dump') {
    await runPgTool(pgRestore!, ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', `--dbname=${config.databaseUrl}`, source]);
  } else {
    const db = openDatabase(config.databaseUrl);
    try {
      await migrateToLatest(db);
      await importSite(db, config, source, { force: true });
      await reindexAll(db); // the logical form leaves the derived search index out
    } finally {
      await db.destroy();
    }
  }
  // Heartbeats copied with the database are the backed-up site's processes, not this one's.
  await onTarget(config, (db) => forgetServers(db), undefined);
  for (const f of manifest.files) {
    if (!f.path.startsWith('files/')) continue;
    const to = sitePath(config, f.path.slice('files/'.length));
    mkdirSync(dirname(to), { recursive: true, mode: 0o700 });
    writeFileSync(to, readFileSync(join(dir, ...f.path.split('/'))), { mode: 0o600 });
  }
  return manifest;
}

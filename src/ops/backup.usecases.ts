/**
 * `gongkai backup DIR`: a consistent copy of a running site. The database is read from one
 * snapshot — SQLite's `VACUUM INTO` (one read transaction, WAL included, never restarted by
 * concurrent writes as the page-by-page backup API is), PostgreSQL's `pg_dump -Fc` on a snapshot
 * exported from a repeatable-read transaction in which the row counts are taken too, or, without
 * pg_dump, the logical export. The audit anchors are copied before the snapshot (an anchor newer
 * than the copied chain would make the restored chain look truncated) and attachments after it
 * (every attachment a copied row names was written before its row). manifest.json lists every
 * file with size and SHA-256, the migrations, row counts and the audit head.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { dialectOf, type DialectName } from '../db/dialect.ts';
import { sqlitePath } from '../config/config.ts';
import { AppError } from '../shared/app-error.ts';
import { anchorFile, attachmentFiles, fileDigest, secretFiles, type SiteFile, type SiteFileConfig } from './site-files.ts';
import { appliedMigrations, auditHead, listTables, rowCounts } from './site-tables.repository.ts';
import { exportSite } from './site-export.usecases.ts';
import { findPgTool, runPgTool } from './pg-tools.ts';
import { TOOL_VERSION } from './tool-version.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const BACKUP_FORMAT = 'gongkai-backup/1';
export type BackupMethod = 'sqlite-vacuum-into' | 'pg_dump' | 'logical-export';
export const DATABASE_FILE: Record<BackupMethod, string> = {
  'sqlite-vacuum-into': 'database/gongkai.db',
  pg_dump: 'database/gongkai.pgdump',
  'logical-export': 'database/site.jsonl.gz',
};

export interface BackupManifest {
  format: string;
  tool: { name: string; version: string };
  createdAt: string;
  seconds: number;
  database: { dialect: DialectName; method: BackupMethod; file: string };
  migrations: { count: number; last: string | null };
  rowCounts: Record<string, number>;
  audit: { count: number; lastId: number; hash: string | null };
  files: Array<{ path: string; size: number; sha256: string }>;
}

export interface BackupConfig extends SiteFileConfig {
  databaseUrl: string;
}

type Snapshot = Pick<BackupManifest, 'rowCounts' | 'audit'> & { migrations: string[] };

async function describe(db: AnyDb): Promise<Snapshot> {
  const tables = (await listTables(db)).map((t) => t.name);
  return { rowCounts: await rowCounts(db, tables), audit: await auditHead(db), migrations: await appliedMigrations(db) };
}

/** Opens a SQLite file without changing it (openDatabase would switch it to WAL). */
export async function withSqliteFile<T>(file: string, f: (db: AnyDb) => Promise<T>, readonly = true): Promise<T> {
  const db = new Kysely({ dialect: new SqliteDialect({ database: new BetterSqlite3(file, { readonly, fileMustExist: true }) }) });
  try {
    return await f(db);
  } finally {
    await db.destroy();
  }
}

async function sqliteSnapshot(config: BackupConfig, dest: string): Promise<Snapshot> {
  const source = new BetterSqlite3(sqlitePath(config.databaseUrl)!, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 10000');
    source.prepare('vacuum into ?').run(dest);
  } finally {
    source.close();
  }
  return withSqliteFile(dest, describe);
}

async function pgDumpSnapshot(db: AnyDb, config: BackupConfig, pgDump: string, dest: string): Promise<Snapshot> {
  return db.connection().execute(async (c) => {
    await sql`begin isolation level repeatable read read only`.execute(c);
    try {
      const id = (await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(c)).rows[0]!.id;
      const snapshot = await describe(c);
      await runPgTool(pgDump, ['--format=custom', '--no-owner', '--exclude-table-data=server_presence', `--snapshot=${id}`, `--file=${dest}`, `--dbname=${config.databaseUrl}`]);
      return snapshot;
    } finally {
      await sql`commit`.execute(c);
    }
  });
}

function copyInto(dir: string, files: SiteFile[]) {
  for (const f of files) {
    const to = join(dir, 'files', ...f.name.split('/'));
    mkdirSync(dirname(to), { recursive: true, mode: 0o700 });
    copyFileSync(f.path, to);
    chmodSync(to, 0o600);
  }
}

function listFiles(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name), root) : [relative(root, join(dir, e.name)).split(sep).join('/')]).sort();
}

export async function takeBackup(db: AnyDb, config: BackupConfig, dir: string, { env = {} as Record<string, string | undefined>, logical = false } = {}): Promise<BackupManifest> {
  if (existsSync(dir) && readdirSync(dir).length) throw new AppError('backup.dir_not_empty', `备份目录 ${dir} 不是空目录：请给一个新目录（如带日期的目录），以免新旧备份混在一起`);
  const started = Date.now();
  mkdirSync(join(dir, 'database'), { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  copyInto(dir, anchorFile(config));
  const dialect = dialectOf(db);
  const pgDump = dialect === 'postgres' && !logical ? findPgTool('pg_dump', env) : null;
  const method: BackupMethod = dialect === 'sqlite' ? 'sqlite-vacuum-into' : pgDump ? 'pg_dump' : 'logical-export';
  const dest = join(dir, ...DATABASE_FILE[method].split('/'));
  let snapshot: Snapshot;
  if (method === 'sqlite-vacuum-into') snapshot = await sqliteSnapshot(config, dest);
  else if (method === 'pg_dump') snapshot = await pgDumpSnapshot(db, config, pgDump!, dest);
  else {
    const m = await exportSite(db, config, dest, { files: false });
    snapshot = { rowCounts: Object.fromEntries(Object.entries(m.tables).map(([t, v]) => [t, v.rows])), audit: m.audit, migrations: m.migrations };
  }
  chmodSync(dest, 0o600);
  copyInto(dir, [...secretFiles(config), ...attachmentFiles(config)]);
  const files = [];
  for (const path of listFiles(dir)) files.push({ path, ...(await fileDigest(join(dir, ...path.split('/')))) });
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    tool: { name: 'gongkai', version: TOOL_VERSION },
    createdAt: new Date(started).toISOString(),
    seconds: (Date.now() - started) / 1000,
    database: { dialect, method, file: DATABASE_FILE[method] },
    migrations: { count: snapshot.migrations.length, last: snapshot.migrations.at(-1) ?? null },
    rowCounts: snapshot.rowCounts,
    audit: snapshot.audit,
    files,
  };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return manifest;
}

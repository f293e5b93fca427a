/**
 * `gongkai import FILE`: checks the whole archive (site-export.usecases.ts), refuses a target that
 * already holds a site or that a running server uses (server-presence.ts) unless forced, then in one transaction empties every table and inserts the
 * archive's rows in dependency order (a tree's parents first), and on PostgreSQL moves each id
 * sequence past the imported ids. Files are written after the commit; the search index is rebuilt.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../db/dialect.ts';
import { AppError } from '../shared/app-error.ts';
import { sitePath, type SiteFileConfig } from './site-files.ts';
import { appliedMigrations, listTables } from './site-tables.repository.ts';
import { databaseValue, dependencyOrder, parentsFirst, type PortableValue } from './site-archive.rules.ts';
import { refuseWhileServing } from './server-presence.ts';
import { archiveLines, checkArchive, type SiteManifest } from './site-export.usecases.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** A target holds a site when anyone has an account or anything was audited. */
export async function holdsSite(db: AnyDb): Promise<boolean> {
  const r = await sql<{ n: number | string }>`select (select count(*) from users) + (select count(*) from audit_log) as n`.execute(db);
  return Number(r.rows[0]!.n) > 0;
}

async function insertRows(trx: AnyDb, table: string, columns: string[], rows: PortableValue[][]) {
  const batch = Math.max(1, Math.floor(8000 / columns.length));
  for (let i = 0; i < rows.length; i += batch) {
    const values = rows.slice(i, i + batch).map((r) => sql`(${sql.join(r.map((v) => sql`${databaseValue(v)}`))})`);
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${sql.join(values)}`.execute(trx);
  }
}

/** Sequences of the tables' numbered columns start after the highest imported value. */
async function advanceSequences(trx: AnyDb) {
  const serials = (await sql<{ table: string; column: string }>`select table_name as table, column_name as column from information_schema.columns
    where table_schema = current_schema() and column_default like 'nextval(%'`.execute(trx)).rows;
  for (const s of serials) {
    await sql`select setval(pg_get_serial_sequence(${s.table}, ${s.column}), coalesce((select max(${sql.ref(s.column)}) from ${sql.table(s.table)}), 0) + 1, false)`.execute(trx);
  }
}

export async function importSite(db: AnyDb, config: SiteFileConfig, file: string, { force = false } = {}): Promise<SiteManifest> {
  const { header, manifest } = await checkArchive(file);
  const known = new Set(await appliedMigrations(db));
  const newer = header.migrations.filter((m) => !known.has(m));
  if (newer.length) throw new AppError('import.newer', `导出文件来自更新的版本（含本程序没有的迁移 ${newer.join('、')}）：请先升级本程序再导入`);
  if (!force) await refuseWhileServing(db, '导入');
  if (!force && (await holdsSite(db))) throw new AppError('import.not_empty', '目标数据库已有数据（用户或审计日志不为空）：确认要整体替换时加 --force');
  const target = await listTables(db);
  const byName = new Map(target.map((t) => [t.name, t]));
  for (const name of Object.keys(manifest.tables)) if (!byName.has(name)) throw new AppError('import.schema', `目标数据库没有表 ${name}：版本不一致，未做任何改动`);
  await db.transaction().execute(async (trx) => {
    if (dialectOf(trx) === 'sqlite') await sql`pragma defer_foreign_keys = on`.execute(trx);
    for (const t of dependencyOrder(target).reverse()) await sql`delete from ${sql.table(t.name)}`.execute(trx);
    if (dialectOf(trx) === 'sqlite') await sql`insert into publishing_search_fts (publishing_search_fts) values ('delete-all')`.execute(trx);
    let table: string | null = null;
    let columns: string[] = [];
    let rows: PortableValue[][] = [];
    const flush = async () => {
      if (!table) return;
      const t = byName.get(table)!;
      const missing = columns.filter((c) => !t.columns.includes(c));
      if (missing.length) throw new AppError('import.schema', `目标表 ${table} 没有列 ${missing.join('、')}：版本不一致，未做任何改动`);
      const key = t.primaryKey[0] ?? columns[0]!;
      const objects = rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]])));
      const ordered = parentsFirst(objects, key, t.selfReferences).map((o) => columns.map((c) => o[c] as PortableValue));
      await insertRows(trx, table, columns, ordered);
      table = null;
    };
    let first = true;
    for await (const l of archiveLines(file)) {
      if (first) { first = false; continue; }
      const v = JSON.parse(l) as PortableValue[] | { table?: string; columns?: string[]; manifest?: unknown };
      if (Array.isArray(v)) { rows.push(v); continue; }
      await flush();
      if (v.table) { table = v.table; columns = v.columns ?? []; rows = []; }
    }
    await flush();
    if (dialectOf(trx) === 'postgres') await advanceSequences(trx);
  });
  for await (const l of archiveLines(file)) {
    if (!l.startsWith('{"file"')) continue;
    const f = JSON.parse(l) as { file: string; data: string };
    const path = sitePath(config, f.file);
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(path, Buffer.from(f.data, 'base64'), { mode: 0o600 });
  }
  return manifest;
}

/**
 * `gongkai export FILE` / `gongkai import FILE`: a whole site as one gzip'd file of JSON lines,
 * the same whichever database wrote or reads it (values normalised by site-archive.rules.ts):
 *   {"format":"gongkai-site/1",…}                          header: tool, time, migrations
 *   {"table":"organizations","columns":[…]} then one JSON array per row, for each table in
 *                                                          dependency order
 *   {"file":"attachments/…","size":…,"sha256":…,"data":base64}   for each file
 *   {"manifest":{…}}                                       row counts and checksums per table,
 *                                                          files, SHA-256 of every line above
 * Export reads one snapshot (a repeatable-read transaction); import checks the whole file first,
 * then replaces every table in one transaction, so that a failure leaves the target unchanged.
 */
import { createReadStream, createWriteStream, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../db/dialect.ts';
import { AppError } from '../shared/app-error.ts';
import { anchorFile, attachmentFiles, secretFiles, type SiteFileConfig } from './site-files.ts';
import { appliedMigrations, auditHead, listTables, type TableInfo } from './site-tables.repository.ts';
import { NOT_EXPORTED, dependencyOrder, rowLine, tableChecksum, type PortableValue } from './site-archive.rules.ts';
import { TOOL_VERSION } from './tool-version.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const SITE_FORMAT = 'gongkai-site/1';

export interface SiteManifest {
  tables: Record<string, { rows: number; sha256: string }>;
  files: Record<string, { size: number; sha256: string }>;
  audit: { count: number; lastId: number; hash: string | null };
  linesSha256: string;
}

const PAGE = 2000;

async function readTable(trx: AnyDb, t: TableInfo, each: (line: string) => Promise<void>): Promise<{ rows: number; sha256: string }> {
  const lines: string[] = [];
  const order = t.primaryKey.length ? t.primaryKey : t.columns;
  for (let offset = 0; ; offset += PAGE) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(t.name)} order by ${sql.join(order.map((c) => sql.ref(c)))} limit ${PAGE} offset ${offset}`.execute(trx)).rows;
    for (const r of rows) {
      const line = rowLine(r, t.columns);
      lines.push(line);
      await each(line);
    }
    if (rows.length < PAGE) break;
  }
  return { rows: lines.length, sha256: tableChecksum(lines) };
}

/** Writes the archive; the anchors are read before the snapshot, attachments after it. */
export async function exportSite(db: AnyDb, config: SiteFileConfig, file: string, { files: withFiles = true } = {}): Promise<SiteManifest & { migrations: string[] }> {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const gz = createGzip();
  const out = gz.pipe(createWriteStream(partial, { mode: 0o600 }));
  const lines = createHash('sha256');
  const write = async (obj: unknown) => {
    const l = `${typeof obj === 'string' ? obj : JSON.stringify(obj)}\n`;
    lines.update(l);
    if (!gz.write(l)) await once(gz, 'drain');
  };
  const anchors = (withFiles ? anchorFile(config) : []).map((f) => ({ ...f, data: readFileSync(f.path) }));
  const tx = dialectOf(db) === 'postgres' ? db.transaction().setIsolationLevel('repeatable read') : db.transaction();
  const snapshot = await tx.execute(async (trx) => {
    const migrations = await appliedMigrations(trx);
    await write({ format: SITE_FORMAT, tool: { name: 'gongkai', version: TOOL_VERSION }, createdAt: new Date().toISOString(), from: dialectOf(db), migrations });
    const tables: SiteManifest['tables'] = {};
    for (const t of dependencyOrder((await listTables(trx)).filter((x) => !NOT_EXPORTED.has(x.name)))) {
      await write({ table: t.name, columns: t.columns });
      tables[t.name] = await readTable(trx, t, write);
    }
    return { migrations, tables, audit: await auditHead(trx) };
  });
  const files: SiteManifest['files'] = {};
  const all = !withFiles ? [] : [...anchors, ...[...secretFiles(config).filter((f) => f.name === 'audit-key'), ...attachmentFiles(config)].map((f) => ({ ...f, data: readFileSync(f.path) }))];
  for (const f of all) {
    const sha256 = createHash('sha256').update(f.data).digest('hex');
    files[f.name] = { size: f.data.length, sha256 };
    await write({ file: f.name, size: f.data.length, sha256, data: f.data.toString('base64') });
  }
  const manifest: SiteManifest = { tables: snapshot.tables, files, audit: snapshot.audit, linesSha256: lines.digest('hex') };
  gz.end(`${JSON.stringify({ manifest })}\n`);
  await finished(out);
  renameSync(partial, file);
  return { ...manifest, migrations: snapshot.migrations };
}

type Line = { format?: string; migrations?: string[]; table?: string; columns?: string[]; file?: string; size?: number; sha256?: string; data?: string; manifest?: SiteManifest };

export async function* archiveLines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file).on('error', () => undefined).pipe(createGunzip());
  try {
    for await (const l of createInterface({ input, crlfDelay: Infinity })) yield l;
  } catch (e) {
    throw corrupt(`无法解压（${(e as Error).message}）`);
  }
}

const corrupt = (why: string) => new AppError('import.corrupt', `导出文件损坏或不完整，未做任何改动：${why}`);

export interface CheckedArchive {
  header: { format: string; migrations: string[]; from: string; createdAt: string };
  manifest: SiteManifest;
}

/** Reads the whole archive and checks every line, row count and checksum against its manifest. */
export async function checkArchive(file: string): Promise<CheckedArchive> {
  let header: CheckedArchive['header'] | null = null;
  let manifest: SiteManifest | null = null;
  const lines = createHash('sha256');
  const tables: Record<string, string[]> = {};
  const files: SiteManifest['files'] = {};
  let current: string[] | null = null;
  for await (const l of archiveLines(file)) {
    if (manifest) throw corrupt('清单之后还有内容');
    let v: Line | PortableValue[];
    try {
      v = JSON.parse(l) as Line | PortableValue[];
    } catch {
      throw corrupt('某一行不是合法的 JSON');
    }
    if (!Array.isArray(v) && v.manifest) { manifest = v.manifest; continue; }
    lines.update(`${l}\n`);
    if (!header) {
      if (Array.isArray(v) || v.format !== SITE_FORMAT) throw corrupt(`不是本系统的导出文件（应为 ${SITE_FORMAT} 格式）`);
      header = v as CheckedArchive['header'];
    } else if (Array.isArray(v)) {
      if (!current) throw corrupt('数据行不属于任何表');
      current.push(l);
    } else if (v.table) {
      current = tables[v.table] = [];
    } else if (v.file) {
      current = null;
      const data = Buffer.from(v.data ?? '', 'base64');
      files[v.file] = { size: data.length, sha256: createHash('sha256').update(data).digest('hex') };
    }
  }
  if (!header) throw corrupt('文件为空');
  if (!manifest) throw corrupt('缺少末尾的清单（文件被截断）');
  if (lines.digest('hex') !== manifest.linesSha256) throw corrupt('内容校验和与清单不符');
  for (const [name, m] of Object.entries(manifest.tables)) {
    const got = tables[name];
    if (!got || got.length !== m.rows || tableChecksum(got) !== m.sha256) throw corrupt(`表 ${name} 的行数或校验和与清单不符`);
  }
  for (const [name, m] of Object.entries(manifest.files)) {
    if (files[name]?.sha256 !== m.sha256) throw corrupt(`文件 ${name} 缺失或校验和不符`);
  }
  return { header, manifest };
}

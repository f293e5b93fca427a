/**
 * The portable form of a site's rows, the same whichever database wrote them. Both databases
 * store only integers, text and bytes here (booleans are 0/1 integers, timestamps ISO text, JSON
 * documents text), so a value is normalised to: a JSON number for an integer (int8 included),
 * a string for text, `{"$base64": …}` for bytes, null; should a driver hand back a boolean, a
 * Date or a parsed JSON value, it becomes 1/0, ISO text, or its JSON text — what SQLite stores.
 * A row is the JSON array of its values in the table's columns sorted by name; a table's
 * checksum is the SHA-256 of its rows' lines sorted by code unit, so that neither the
 * database's row order nor its text collation changes it.
 */
import { createHash } from 'node:crypto';
import type { TableInfo } from './site-tables.repository.ts';

export type PortableValue = number | string | null | { $base64: string };

export function portableValue(v: unknown): PortableValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return { $base64: Buffer.from(v).toString('base64') };
  return JSON.stringify(v);
}

/** The value to insert into either database. */
export function databaseValue(v: PortableValue): unknown {
  return v !== null && typeof v === 'object' ? Buffer.from(v.$base64, 'base64') : v;
}

export function rowLine(row: Record<string, unknown>, columns: string[]): string {
  return JSON.stringify(columns.map((c) => portableValue(row[c])));
}

export function tableChecksum(lines: string[]): string {
  const h = createHash('sha256');
  for (const l of [...lines].sort()) h.update(l).update('\n');
  return h.digest('hex');
}

/**
 * Tables in an order where each comes after those it references (ties by name), so that rows can
 * be inserted in it and deleted in its reverse.
 */
export function dependencyOrder<T extends Pick<TableInfo, 'name' | 'references'>>(tables: T[]): T[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const out: T[] = [];
  const visit = (t: T, path: Set<string>) => {
    if (done.has(t.name) || path.has(t.name)) return;
    path.add(t.name);
    for (const r of t.references) {
      const dep = byName.get(r);
      if (dep) visit(dep, path);
    }
    done.add(t.name);
    out.push(t);
  };
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(t, new Set());
  return out;
}

/**
 * Rows of a table that references itself (a tree), parents first: a row comes after the row
 * each of its `selfColumns` names by `key`. Rows whose parent is absent keep their place.
 */
export function parentsFirst<R extends Record<string, unknown>>(rows: R[], key: string, selfColumns: string[]): R[] {
  if (!selfColumns.length) return rows;
  const byKey = new Map(rows.map((r) => [String(r[key]), r]));
  const placed = new Set<string>();
  const out: R[] = [];
  const place = (r: R, depth: number) => {
    const k = String(r[key]);
    if (placed.has(k) || depth > rows.length) return;
    for (const c of selfColumns) {
      const parent = r[c] === null || r[c] === undefined ? undefined : byKey.get(String(r[c]));
      if (parent && parent !== r) place(parent, depth + 1);
    }
    placed.add(k);
    out.push(r);
  };
  for (const r of rows) place(r, 0);
  return out;
}

/**
 * Tables left out of an export: sessions, login throttles and rate-limit counters are
 * short-lived state of one running installation, and the search index is derived from the
 * published items and rebuilt after an import (its form differs between the databases), its
 * version made again by that rebuild's writes;
 * intake_numbering and publishing_search_changing (PostgreSQL only) are empty outside the
 * transactions that fill them; the organization
 * tree's version is made again by the import's writes to the tree.
 */
export const NOT_EXPORTED = new Set(['sessions', 'login_throttle', 'login_source_locks', 'rate_limits', 'publishing_search_docs', 'publishing_search_version', 'publishing_search_changing', 'intake_numbering', 'organization_tree_version']);

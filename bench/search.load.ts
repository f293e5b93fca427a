/**
 * The search benchmark's PostgreSQL loader: the corpus's rows made in worker threads, one per
 * core (search.load.worker.ts), and written with COPY, items and search rows on two connections
 * at once (a chunk's search rows after its items, which they reference). The rows are those the
 * application's bulk insert writes (items.bulk.ts); the secondary indexes are built after the
 * load (src/db/bulk-load.ts). Into a database without items: the ids start after the largest.
 */
import { availableParallelism } from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/database.ts';
import { createDefaultColumns } from '../src/publishing/columns.repository.ts';
import { organizationIndexCode } from '../src/publishing/index-numbers.ts';
import { publishedItemRow } from '../src/publishing/items.bulk.ts';
import { generate } from '../src/publishing/search.corpus.ts';
import { shippedCalendar } from '../src/calendar/shipped-holidays.ts';

export interface LoadContext {
  orgIds: number[];
  orgs: Record<number, { indexCode: string; name: string; columns: Record<string, number> }>;
  /** The items' columns after `id`, in COPY order. */
  itemColumns: string[];
  firstId: number;
  chunk: number;
  now: string;
}

export interface ChunkTask {
  start: number;
  count: number;
}

interface ChunkRows {
  start: number;
  items?: ArrayBuffer;
  docs?: ArrayBuffer;
  error?: string;
}

export const DOC_COLUMNS = ['item_id', 'title_tokens', 'body_tokens', 'long_doc', 'meta_tokens', 'tsv', 'title_tsv', 'gram_tsv', 'meta_tsv'] as const;

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One row in COPY's text format: tab-separated, \N for null, backslash escapes. */
export function copyLine(values: unknown[]): string {
  return `${values.map((v) => (v === null || v === undefined ? '\\N' : String(v).replace(/[\\\n\r\t]/g, (c) => ESCAPES[c]))).join('\t')}\n`;
}

async function copyInto(client: pg.Client, statement: string, data: ArrayBuffer): Promise<void> {
  await pipeline(Readable.from([Buffer.from(data)]), client.query(copyFrom(statement)));
}

/**
 * Writes `size` items of the corpus (search.corpus.ts, in chunks of `chunk` as the benchmark's
 * other loaders: the same corpus) for the organizations `orgIds`. `onProgress` after each chunk.
 */
export async function loadCorpusPostgres(
  db: Kysely<Database>,
  url: string,
  size: number,
  orgIds: number[],
  chunk: number,
  onProgress: (done: number) => void,
): Promise<void> {
  const now = new Date();
  const orgs: LoadContext['orgs'] = {};
  for (const id of orgIds) {
    await createDefaultColumns(db, id, now);
    const org = await db.selectFrom('organizations').select('name').where('id', '=', id).executeTakeFirstOrThrow();
    const columns = await db.selectFrom('publishing_columns').select(['code', 'id']).where('organization_id', '=', id).execute();
    orgs[id] = { indexCode: await organizationIndexCode(db, id), name: org.name, columns: Object.fromEntries(columns.map((c) => [c.code, c.id])) };
  }
  const last = await db.selectFrom('publishing_items').select((e) => e.fn.max('id').as('m')).executeTakeFirst();
  const sample = publishedItemRow(generate(1, orgIds)[0], { columnId: 1, indexCode: 'X', orgName: 'X', serial: 1, calendar: shippedCalendar(), now, userId: null });
  const ctx: LoadContext = { orgIds, orgs, itemColumns: Object.keys(sample), firstId: Number(last?.m ?? 0) + 1, chunk, now: now.toISOString() };
  const itemsSql = `copy publishing_items (id, ${ctx.itemColumns.join(', ')}) from stdin`;
  const docsSql = `copy publishing_search_docs (${DOC_COLUMNS.join(', ')}) from stdin`;

  const threads = Math.max(1, availableParallelism());
  // A worker thread does not inherit the TypeScript loader (tsx): it registers it first.
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => tsx.register()).then(() => import(${JSON.stringify(new URL('./search.load.worker.ts', import.meta.url).href)}))`;
  const workers = Array.from({ length: threads }, () => new Worker(boot, { eval: true, workerData: ctx }));
  const waiting = new Map<number, { resolve: (r: ChunkRows) => void; reject: (e: Error) => void }>();
  for (const w of workers) {
    w.on('message', (r: ChunkRows) => {
      const wait = waiting.get(r.start)!;
      waiting.delete(r.start);
      if (r.error) wait.reject(new Error(r.error));
      else wait.resolve(r);
    });
    w.on('error', (err) => { for (const wait of waiting.values()) wait.reject(err); });
  }
  const clients = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
  try {
    await Promise.all(clients.map((c) => c.connect()));
    const chunks = Math.ceil(size / chunk);
    const rows: Promise<ChunkRows>[] = [];
    const ask = (k: number) => {
      rows[k] = new Promise((resolve, reject) => waiting.set(k * chunk, { resolve, reject }));
      rows[k].catch(() => {});
      workers[k % threads].postMessage({ start: k * chunk, count: Math.min(chunk, size - k * chunk) } satisfies ChunkTask);
    };
    // Each worker a chunk ahead of the one being written, so that neither side waits.
    const AHEAD = 2 * threads;
    for (let k = 0; k < Math.min(AHEAD, chunks); k++) ask(k);
    let itemsWritten: Promise<void> = Promise.resolve();
    const docsWritten: Promise<void>[] = [];
    let done = 0;
    for (let k = 0; k < chunks; k++) {
      const r = await rows[k];
      if (k + AHEAD < chunks) ask(k + AHEAD);
      const items = itemsWritten.then(() => copyInto(clients[0], itemsSql, r.items!));
      docsWritten[k] = Promise.all([items, docsWritten[k - 1]]).then(() => copyInto(clients[1], docsSql, r.docs!)).then(() => onProgress((done += Math.min(chunk, size - k * chunk))));
      docsWritten[k].catch(() => {});
      itemsWritten = items;
      // At most two chunks in the server's hands at once.
      if (k >= 1) await docsWritten[k - 1];
    }
    await docsWritten[chunks - 1];
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    await Promise.all(clients.map((c) => c.end().catch(() => {})));
  }
  await sql`select setval(pg_get_serial_sequence('publishing_items', 'id'), (select max(id) from publishing_items))`.execute(db);
}

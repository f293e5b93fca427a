/**
 * The search benchmark's PostgreSQL loader: the corpus's rows made in worker threads, one per
 * core (search.load.worker.ts), and written with COPY in the binary format (search.load.binary.ts),
 * items and search rows on two connections at once (a chunk's search rows after its items, which
 * they reference). The rows are those the
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
import { newItemSearchDoc, publishedItemRow } from '../src/publishing/items.bulk.ts';
import { pgSearchVectorValues } from '../src/publishing/search.index.ts';
import { binaryTypeOf, type BinaryStream, type BinaryType } from './search.load.binary.ts';
import { generate } from '../src/publishing/search.corpus.ts';
import { shippedCalendar } from '../src/calendar/shipped-holidays.ts';

export interface LoadContext {
  orgIds: number[];
  orgs: Record<number, { indexCode: string; name: string; columns: Record<string, number> }>;
  /** The items' columns, `id` first, and the search rows', in COPY order, with their types. */
  items: Column[];
  docs: Column[];
  firstId: number;
  chunk: number;
  now: string;
}

export interface Column {
  name: string;
  type: BinaryType;
}

export interface ChunkTask {
  start: number;
  count: number;
}

/** Memory of written streams, handed back to the worker that made them. */
export interface RecycleTask {
  recycle: ArrayBuffer[];
}

interface ChunkRows {
  start: number;
  items?: BinaryStream;
  docs?: BinaryStream;
  error?: string;
}

/** The columns of `table` named in `names`, in that order, with their types. */
async function columnsOf(db: Kysely<Database>, table: string, names: string[]): Promise<Column[]> {
  const rows = await sql<{ name: string; type: string }>`select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute
    where attrelid = ${table}::regclass and attnum > 0 and not attisdropped`.execute(db);
  const types = new Map(rows.rows.map((r) => [r.name, r.type]));
  return names.map((name) => {
    const type = types.get(name);
    if (!type) throw new Error(`${table} has no column ${name}`);
    return { name, type: binaryTypeOf(name, type) };
  });
}

/**
 * Runs `load` with autovacuum paused on `tables` (on their partitions, for a partitioned one) and
 * their TOAST tables (unless the schema sets it itself). While a table fills, autovacuum vacuums
 * it again at every fifth added to it, each time reading all of it and its TOAST table: at
 * 100,000 items a fifth of the server's work on the load (0.16 of 0.67 ms per item). VACUUM
 * ANALYZE after the load (search.reindex.ts) does it once.
 */
async function withAutovacuumPaused<T>(db: Kysely<Database>, tables: string[], load: () => Promise<T>): Promise<T> {
  const paused: string[] = [];
  // A partitioned table (the search table's halves, migration 0248) holds no rows: its partitions do.
  const leaves = await sql<{ name: string }>`select c.relname as name from pg_class c where c.relname in (${sql.join(tables)}) and c.relkind = 'r'
      and c.relnamespace = current_schema()::regnamespace
    union all select p.relname from pg_inherits h join pg_class p on p.oid = h.inhrelid join pg_class c on c.oid = h.inhparent
      where c.relname in (${sql.join(tables)}) and c.relnamespace = current_schema()::regnamespace`.execute(db);
  for (const { name: table } of leaves.rows) {
    const r = await sql<{ options: string[] }>`select coalesce(c.reloptions, '{}') || coalesce(t.reloptions, '{}') as options
      from pg_class c left join pg_class t on t.oid = c.reltoastrelid where c.oid = ${table}::regclass`.execute(db);
    if (r.rows[0].options.some((o) => o.startsWith('autovacuum_enabled='))) continue;
    await sql`alter table ${sql.table(table)} set (autovacuum_enabled = false, toast.autovacuum_enabled = false)`.execute(db);
    paused.push(table);
  }
  try {
    return await load();
  } finally {
    for (const table of paused) await sql`alter table ${sql.table(table)} reset (autovacuum_enabled, toast.autovacuum_enabled)`.execute(db);
  }
}

async function copyInto(client: pg.Client, statement: string, stream: BinaryStream): Promise<void> {
  await pipeline(Readable.from([Buffer.from(stream.data, 0, stream.length)]), client.query(copyFrom(statement)));
}

type Waiting = Map<number, { resolve: (r: ChunkRows) => void; reject: (e: Error) => void }>;

/** `threads` workers making chunks; each answer settles the chunk waiting for it. */
function startWorkers(boot: string, threads: number, ctx: LoadContext, waiting: Waiting): Worker[] {
  const fail = (err: Error) => { for (const wait of waiting.values()) wait.reject(err); waiting.clear(); };
  return Array.from({ length: threads }, () => {
    const w = new Worker(boot, { eval: true, workerData: ctx });
    w.on('message', (r: ChunkRows) => {
      const wait = waiting.get(r.start);
      // A chunk finished after the load failed (another worker's error) is no longer awaited.
      if (!wait) return;
      waiting.delete(r.start);
      if (r.error) wait.reject(new Error(r.error));
      else wait.resolve(r);
    });
    w.on('error', fail);
    // A worker that ends by itself (out of memory) would leave its chunk waiting for ever.
    w.on('exit', (code) => fail(new Error(`a loader worker stopped (exit code ${code})`)));
    return w;
  });
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
  // The columns are those of the application's rows (a column it adds is written too).
  const sample = publishedItemRow(generate(1, orgIds)[0], { columnId: 1, indexCode: 'X', orgName: 'X', serial: 1, calendar: shippedCalendar(), now, userId: null });
  const sampleDoc = newItemSearchDoc(1, sample);
  const ctx: LoadContext = {
    orgIds,
    orgs,
    items: await columnsOf(db, 'publishing_items', ['id', ...Object.keys(sample)]),
    docs: await columnsOf(db, 'publishing_search_docs', Object.keys({ ...sampleDoc, ...pgSearchVectorValues(sampleDoc) })),
    firstId: Number(last?.m ?? 0) + 1,
    chunk,
    now: now.toISOString(),
  };
  const copySql = (table: string, columns: Column[]) => `copy ${table} (${columns.map((c) => c.name).join(', ')}) from stdin with (format binary)`;
  const itemsSql = copySql('publishing_items', ctx.items);
  const docsSql = copySql('publishing_search_docs', ctx.docs);

  const threads = Math.max(1, availableParallelism());
  // A worker thread does not inherit the TypeScript loader (tsx): it registers it first.
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => tsx.register()).then(() => import(${JSON.stringify(new URL('./search.load.worker.ts', import.meta.url).href)}))`;
  const waiting: Waiting = new Map();
  const clients = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
  await withAutovacuumPaused(db, ['publishing_items', 'publishing_search_docs'], async () => {
    // The workers start inside the try: a worker left running keeps the process alive, so a load
    // that failed before its first chunk (autovacuum not paused: not the tables' owner) hung.
    const workers: Worker[] = [];
    try {
      workers.push(...startWorkers(boot, threads, ctx, waiting));
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
        docsWritten[k] = Promise.all([items, docsWritten[k - 1]]).then(() => copyInto(clients[1], docsSql, r.docs!)).then(() => {
          const recycle = [r.items!.data, r.docs!.data];
          workers[k % threads].postMessage({ recycle } satisfies RecycleTask, recycle);
          onProgress((done += Math.min(chunk, size - k * chunk)));
        });
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
  });
  await sql`select setval(pg_get_serial_sequence('publishing_items', 'id'), (select max(id) from publishing_items))`.execute(db);
}

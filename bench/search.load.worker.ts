/**
 * A worker thread of the benchmark's PostgreSQL loader (search.load.ts): makes the rows of one
 * chunk of the corpus, items and search rows, as COPY streams in the binary format
 * (search.load.binary.ts). The rows are those a bulk insert writes (items.bulk.ts
 * `publishedItemRow`, `newItemSearchable`, search.index.ts `tokenizedSearchDoc`,
 * `pgSearchVectorsOf`); only the ids and 索引号 serials, which a bulk insert reads from the
 * database, are worked out here (see `serialOf`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { shippedCalendar } from '../src/calendar/shipped-holidays.ts';
import { HOME_COLUMN_OF_KIND } from '../src/publishing/columns.rules.ts';
import { checkPublishedItemInput, newItemSearchable, publishedItemRow } from '../src/publishing/items.bulk.ts';
import { generate } from '../src/publishing/search.corpus.ts';
import { pgSearchVectorsOf, tokenizedSearchDoc } from '../src/publishing/search.index.ts';
import { BinaryCopy, type BinaryStream } from './search.load.binary.ts';
import type { LoadContext, ChunkTask, RecycleTask } from './search.load.ts';

const ctx = workerData as LoadContext;
const calendar = shippedCalendar();
const now = new Date(ctx.now);
// The items' columns start with `id`.
const itemNames = ctx.items.slice(1).map((c) => c.name);
const itemTypes = ctx.items.map((c) => c.type);
const docNames = ctx.docs.map((c) => c.name);
const docTypes = ctx.docs.map((c) => c.type);

/**
 * Items of one organization and year in one chunk: the corpus gives item i of a chunk the
 * organization i mod orgs and the year 2015 + i mod 12, the same in every chunk, so every full
 * chunk before this one holds the same number of each pair. Serials run on in input order, as a
 * bulk insert of the chunks one after the other gives them.
 */
const perChunk = new Map<string, number>();
for (let i = 0; i < ctx.chunk; i++) {
  const key = `${ctx.orgIds[i % ctx.orgIds.length]}:${2015 + (i % 12)}`;
  perChunk.set(key, (perChunk.get(key) ?? 0) + 1);
}

/** Streams' memory the loader has written and handed back (`RecycleTask`). */
const spare: ArrayBuffer[] = [];
const itemsCopy = new BinaryCopy(spare);
const docsCopy = new BinaryCopy(spare);

function rowsOf({ start, count }: ChunkTask): { items: BinaryStream; docs: BinaryStream } {
  if (start % ctx.chunk !== 0) throw new Error('chunks start at multiples of the chunk size');
  const inputs = generate(count, ctx.orgIds, start + 1);
  const seen = new Map<string, number>();
  const items = itemsCopy.start();
  const docs = docsCopy.start();
  for (const [i, it] of inputs.entries()) {
    checkPublishedItemInput(it, start + i);
    const key = `${it.organizationId}:${it.publishDate.slice(0, 4)}`;
    const inChunk = (seen.get(key) ?? 0) + 1;
    seen.set(key, inChunk);
    const serial = (start / ctx.chunk) * (perChunk.get(key) ?? 0) + inChunk;
    const org = ctx.orgs[it.organizationId];
    const columnId = it.columnId ?? org.columns[it.columnCode ?? HOME_COLUMN_OF_KIND[it.kind]];
    if (columnId === undefined) throw new Error(`no column for ${it.kind}`);
    const id = ctx.firstId + start + i;
    const row = publishedItemRow(it, { columnId, indexCode: org.indexCode, orgName: org.name, serial, calendar, now, userId: null });
    items.row(itemTypes, [id, ...itemNames.map((c) => row[c as keyof typeof row])]);
    const tokenized = tokenizedSearchDoc(newItemSearchable(id, row));
    const full: Record<string, unknown> = { ...tokenized.doc, ...pgSearchVectorsOf(tokenized) };
    docs.row(docTypes, docNames.map((c) => full[c]));
  }
  return { items: items.finish(), docs: docs.finish() };
}

parentPort!.on('message', (task: ChunkTask | RecycleTask) => {
  if ('recycle' in task) {
    spare.push(...task.recycle);
    return;
  }
  try {
    const out = rowsOf(task);
    parentPort!.postMessage({ start: task.start, ...out }, [out.items.data, out.docs.data]);
  } catch (err) {
    parentPort!.postMessage({ start: task.start, error: (err as Error).stack ?? String(err) });
  }
});

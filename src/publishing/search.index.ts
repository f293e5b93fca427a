/**
 * Keeps the search index in step with publishing: an item is indexed when it goes public and
 * removed when it is withdrawn, in the same transaction as the status change.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { dialectOf } from '../db/dialect.ts';
import { exceedsPhraseLimits, longGrams, tokenList } from './search.tokenize.ts';
import { filterTokens, type FilterFacts } from './search.filters.ts';
import { lexemeList, tsvectorPositions, vectorText, type Vector } from './search.vectors.ts';

export interface SearchableText {
  itemId: number;
  title: string;
  docNumber: string;
  bodyText: string;
  attachmentTexts: string[];
  /** What the search filters look at (search.filters.ts). */
  facts: FilterFacts;
}

export interface SearchDoc {
  item_id: number;
  title_tokens: string;
  body_tokens: string;
  long_doc: number;
  meta_tokens: string;
}

/** The text that search verifies against; index and verification must see the same fields. */
export function verificationText(t: Omit<SearchableText, 'itemId' | 'facts'>): string {
  return [t.title, t.docNumber, t.bodyText, ...t.attachmentTexts].join('\n');
}

export function searchDoc(t: SearchableText): SearchDoc {
  return tokenizedSearchDoc(t).doc;
}

/** A document with the token lists its token texts join, from which its vectors are made (`pgSearchVectorsOf`). */
export interface TokenizedDoc {
  doc: SearchDoc;
  title: string[];
  body: string[];
}

export function tokenizedSearchDoc(t: SearchableText): TokenizedDoc {
  const title = tokenList(t.title);
  const body = tokenList([t.docNumber, t.bodyText, ...t.attachmentTexts].join('\n'));
  const doc = {
    item_id: t.itemId,
    title_tokens: title.join(' '),
    body_tokens: body.join(' '),
    long_doc: exceedsPhraseLimits(title) || exceedsPhraseLimits(body) ? 1 : 0,
    meta_tokens: filterTokens(t.facts),
  };
  return { doc, title, body };
}

const CHUNK = 200;

const splitTokens = (text: string) => (text ? text.split(' ') : []);

export async function removeFromIndex(db: Kysely<Database>, itemIds: number[]): Promise<void> {
  for (let i = 0; i < itemIds.length; i += CHUNK) {
    const ids = itemIds.slice(i, i + CHUNK);
    await db.deleteFrom('publishing_search_docs').where('item_id', 'in', ids).execute();
    if (dialectOf(db) === 'sqlite') {
      await sql`delete from publishing_search_fts where rowid in (${sql.join(ids)})`.execute(db);
    }
  }
}

/** PostgreSQL's vector columns of a search row, as tsvector text. */
export interface PgSearchVectors {
  tsv: string;
  title_tsv: string;
  gram_tsv: string;
  meta_tsv: string;
}

export type PgSearchRow = SearchDoc & PgSearchVectors;

/** PostgreSQL's vector columns of a search row before they are written (search.vectors.ts `Vector`). */
export type PgSearchVectorValues = Record<keyof PgSearchVectors, Vector>;

/**
 * The vectors of a document (pure). The vectors (migrations 0201–0208) are PostgreSQL's own
 * columns, made here; the application writes them as text the server only reads
 * (`pgSearchVectors`, migration 0245), a loader writing rows by COPY (bench/search.load.ts) sends
 * the same vectors in COPY's binary format.
 */
export function pgSearchVectorValues(d: SearchDoc): PgSearchVectorValues {
  return pgSearchVectorsOf({ doc: d, title: splitTokens(d.title_tokens), body: splitTokens(d.body_tokens) });
}

/** The vectors of a document from its token lists: a loader, which has them, splits no token text again. */
export function pgSearchVectorsOf({ doc, title, body }: TokenizedDoc): PgSearchVectorValues {
  return {
    tsv: tsvectorPositions([{ tokens: title, weight: 'A' }, { tokens: body, weight: '' }]),
    title_tsv: tsvectorPositions([{ tokens: title, weight: '' }]),
    gram_tsv: lexemeList(longGrams(title, body)),
    meta_tsv: lexemeList(splitTokens(doc.meta_tokens)),
  };
}

/** The vectors of a document as tsvector text. */
export function pgSearchVectors(d: SearchDoc): PgSearchVectors {
  const v = pgSearchVectorValues(d);
  return { tsv: vectorText(v.tsv), title_tsv: vectorText(v.title_tsv), gram_tsv: vectorText(v.gram_tsv), meta_tsv: vectorText(v.meta_tsv) };
}

/** Inserts (or replaces) the documents; call inside the transaction that publishes. */
export async function writeToIndex(db: Kysely<Database>, docs: SearchDoc[]): Promise<void> {
  await removeFromIndex(db, docs.map((d) => d.item_id));
  for (let i = 0; i < docs.length; i += CHUNK) {
    const chunk = docs.slice(i, i + CHUNK);
    if (dialectOf(db) === 'postgres') {
      // The rows go as one array per column.
      const rows = chunk.map((d) => ({ ...d, ...pgSearchVectors(d) }));
      const column = <K extends keyof PgSearchRow>(k: K) => rows.map((d) => d[k]);
      await sql`insert into publishing_search_docs (item_id, title_tokens, body_tokens, long_doc, meta_tokens, tsv, title_tsv, gram_tsv, meta_tsv)
        select id, tt, bt, ld, mt, tv::tsvector, ttv::tsvector, g::tsvector, m::tsvector
        from unnest(${column('item_id')}::int[], ${column('title_tokens')}::text[], ${column('body_tokens')}::text[], ${column('long_doc')}::int[],
          ${column('meta_tokens')}::text[], ${column('tsv')}::text[], ${column('title_tsv')}::text[], ${column('gram_tsv')}::text[], ${column('meta_tsv')}::text[])
          as v(id, tt, bt, ld, mt, tv, ttv, g, m)`.execute(db);
    } else {
      await db.insertInto('publishing_search_docs').values(chunk).execute();
      await sql`insert into publishing_search_fts (rowid, title, body, meta) values ${sql.join(
        chunk.map((d) => sql`(${d.item_id}, ${d.title_tokens}, ${d.body_tokens}, ${d.meta_tokens})`),
      )}`.execute(db);
    }
  }
}

/** Loads an item's current text (with its attachments) and indexes it. */
export async function indexItems(db: Kysely<Database>, itemIds: number[]): Promise<void> {
  const docs: SearchDoc[] = [];
  for (let i = 0; i < itemIds.length; i += CHUNK) {
    const ids = itemIds.slice(i, i + CHUNK);
    const items = await db
      .selectFrom('publishing_items')
      .select(['id', 'title', 'doc_number', 'body_text', 'organization_id', 'publish_date', 'kind', 'validity'])
      .where('id', 'in', ids)
      .execute();
    const atts = await db
      .selectFrom('publishing_attachments')
      .select(['item_id', 'text_content'])
      .where('item_id', 'in', ids)
      .orderBy('id')
      .execute();
    for (const it of items) {
      docs.push(
        searchDoc({
          itemId: it.id,
          title: it.title,
          docNumber: it.doc_number,
          bodyText: it.body_text,
          attachmentTexts: atts.filter((a) => a.item_id === it.id).map((a) => a.text_content),
          facts: { organizationId: it.organization_id, publishDate: it.publish_date, kind: it.kind, validity: it.validity },
        }),
      );
    }
  }
  await writeToIndex(db, docs);
}

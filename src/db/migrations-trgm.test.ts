/**
 * PostgreSQL without pg_trgm and btree_gin for the migrating role (no CREATE on the database): the
 * migrations still complete, in one transaction, with a warning naming each extension, and without
 * the title index (the title search then stays exact but reads every row) or the item ids in the
 * search index (search.newest-first.ts then sorts a large set whole).
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { postgresSkipReason } from './test-databases.ts';
import { openDatabase } from './dialect.ts';
import { migrateToLatest, pendingMigrations } from './migrate.ts';

it('migrates without pg_trgm and btree_gin when the role may not create them, and says so', { skip: postgresSkipReason() }, async () => {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const suffix = randomBytes(5).toString('hex');
  const [name, role] = [`gk_test_trgm_${suffix}`, `gk_trgm_${suffix}`];
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD 'x'`);
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const inDb = new pg.Client({ connectionString: u.toString() });
  await inDb.connect();
  await inDb.query(`GRANT ALL ON SCHEMA public TO ${role}`);
  await inDb.end();
  u.username = role;
  u.password = 'x';
  const db = openDatabase(u.toString(), { poolSize: 1 });
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  try {
    await migrateToLatest(db);
    assert.deepEqual(await pendingMigrations(db), []);
    assert.ok(warnings.some((w) => w.includes('pg_trgm')), warnings.join('\n'));
    const indexes = await sql<{ indexname: string }>`select indexname from pg_indexes where tablename = 'publishing_items'`.execute(db);
    assert.ok(indexes.rows.length > 1 && !indexes.rows.some((r) => r.indexname === 'publishing_items_title_trgm'));
    // Nor btree_gin (migration 0249): the search index stays without the item ids.
    assert.ok(warnings.some((w) => w.includes('btree_gin')), warnings.join('\n'));
    const match = await sql<{ def: string }>`select pg_get_indexdef('publishing_search_docs_match'::regclass) as def`.execute(db);
    assert.match(match.rows[0].def, /\(tsv, gram_tsv, title_tsv, meta_tsv\)$/);
  } finally {
    console.warn = warn;
    await db.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.end();
  }
});

import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeOnBothDatabases } from './test-databases.ts';
import { migrateToLatest } from './migrate.ts';

describeOnBothDatabases('migrations', (t) => {
  it('creates the platform tables and is idempotent (forward-only, nothing re-applied)', async () => {
    const { db } = t();
    const again = await migrateToLatest(db);
    assert.deepEqual(again.applied, []);
    const rows = await db.selectFrom('organizations').select('id').execute();
    assert.deepEqual(rows, []);
    const names = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
    assert.equal(names.rows[0]?.name, '0001_platform');
  });
});

/**
 * Issue "security to 等保2.0 level 3", item 5: deleting the newest rows, all rows, or re-chaining
 * after an edit no longer passes `gongkai audit verify` (keyed chain, anchors outside the database).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { statSync } from 'node:fs';
import { sql } from 'kysely';
import { main } from './main.ts';
import { recordingIo } from './test-io.ts';
import { openDatabase } from '../db/dialect.ts';
import { auditHash, GENESIS_HASH } from '../auth/audit.chain.ts';

async function withDb(cwd: string, f: (db: ReturnType<typeof openDatabase>) => Promise<void>) {
  const db = openDatabase(`sqlite:${join(cwd, 'data', 'gongkai.db')}`);
  try {
    await f(db);
  } finally {
    await db.destroy();
  }
}

describe('audit log tampering', () => {
  const fresh = async () => {
    const c = recordingIo('', {});
    assert.equal(await main(['seed-demo'], c.io), 0);
    assert.equal(await main(['audit', 'anchor'], c.io), 0);
    assert.equal(await main(['audit', 'verify'], c.io), 0, c.out.join('\n'));
    return c;
  };

  it('detects the last row deleted, and all rows deleted, against the anchor', async () => {
    const c = await fresh();
    await withDb(c.cwd, async (db) => {
      await sql`delete from audit_log where id = (select max(id) from audit_log)`.execute(db);
    });
    assert.equal(await main(['audit', 'verify'], c.io), 1);
    assert.match(c.out.at(-1)!, /锚点/);
    await withDb(c.cwd, async (db) => {
      await sql`delete from audit_log`.execute(db);
    });
    assert.equal(await main(['audit', 'verify'], c.io), 1);
    assert.equal(statSync(join(c.cwd, 'data', 'audit-anchors.log')).mode & 0o777, 0o600);
    assert.equal(statSync(join(c.cwd, 'data', 'audit-key')).mode & 0o777, 0o600);
  });

  it('detects an edit re-chained without the key', async () => {
    const c = await fresh();
    await withDb(c.cwd, async (db) => {
      await sql`update audit_log set username = 'someone-else' where id = 2`.execute(db);
      const rows = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
      let prev = GENESIS_HASH;
      for (const r of rows) {
        const hash = auditHash(prev, r, null); // the attacker has the database, not the key
        await db.updateTable('audit_log').set({ prev_hash: prev, hash }).where('id', '=', r.id).execute();
        prev = hash;
      }
    });
    assert.equal(await main(['audit', 'verify'], c.io), 1);
  });
});

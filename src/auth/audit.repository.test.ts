import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createAuditRepository } from './audit.repository.ts';

describeOnBothDatabases('audit log hash chain', (t) => {
  const now = new Date('2026-01-05T01:00:00Z');

  it('verifies an untouched chain', async () => {
    const audit = createAuditRepository(t());
    for (let i = 1; i <= 5; i++) await audit.append({ username: 'gkb', action: 'test.write', targetId: i, detail: { i } }, now);
    assert.deepEqual(await audit.verify(), { rows: 5, problem: null });
  });

  it('reports the first altered row', async () => {
    const { db } = t();
    await sql`update audit_log set detail = '{"i":99}' where id = 3`.execute(db);
    const { problem, rows } = await createAuditRepository(t()).verify();
    assert.equal(problem?.id, 3);
    assert.match(problem!.reason, /被修改/);
    assert.equal(rows, 2);
  });

  it('reports the row after a removed one', async () => {
    const { db } = t();
    await sql`delete from audit_log where id = 3`.execute(db);
    const { problem } = await createAuditRepository(t()).verify();
    assert.equal(problem?.id, 4);
    assert.match(problem!.reason, /删除或修改/);
  });
});

/**
 * PostgreSQL: an idle pooled connection that the server ends (a restart, an administrator's
 * terminate) must not end the process; the next query opens a new connection.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { sql } from 'kysely';
import { describeOnPostgres } from './test-databases.ts';

describeOnPostgres('PostgreSQL pool after a dropped connection', (t) => {
  it('survives the server ending an idle connection and answers the next query', async () => {
    const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(t().db)).rows[0].pid;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query('select pg_terminate_backend($1)', [pid]);
    await admin.end();
    await new Promise((r) => setTimeout(r, 200)); // the pool hears of it while the connection is idle
    const next = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(t().db)).rows[0].pid;
    assert.notEqual(next, pid, 'a new connection');
  });

  it('survives the server ending a connection held in a transaction between two statements', async () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      const failed = t().db.transaction().execute(async (trx) => {
        const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)).rows[0].pid;
        const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
        await admin.connect();
        await admin.query('select pg_terminate_backend($1)', [pid]);
        await admin.end();
        await new Promise((r) => setTimeout(r, 200)); // the connection hears of it while no statement runs
        await sql`select 1`.execute(trx);
      });
      await assert.rejects(failed);
      assert.ok(warnings.some((w) => w.includes('连接在使用中断开')), warnings.join('\n'));
      assert.equal((await sql<{ one: number }>`select 1 as one`.execute(t().db)).rows[0].one, 1, 'the next query is answered');
    } finally {
      console.warn = warn;
    }
  });
});

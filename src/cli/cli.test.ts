/** The CLI through `main`, as a shell user runs it: exit codes and Chinese messages. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { sql } from 'kysely';
import { main } from './main.ts';
import { commands } from './commands/index.ts';
import { recordingIo } from './test-io.ts';
import { openDatabase } from '../db/dialect.ts';

const io = (env: Record<string, string> = {}) => recordingIo('', env);

describe('gongkai CLI', () => {
  it('prints help listing the foundation commands (exit 0)', async () => {
    const c = io();
    assert.equal(await main(['--help'], c.io), 0);
    for (const name of ['serve', 'migrate', 'seed-demo', 'user add', 'audit verify']) assert.match(c.out.join('\n'), new RegExp(name));
  });

  it('finds each command under the name its file gives it', async () => {
    for (const entry of commands) assert.equal((await entry.load()).name, entry.name);
  });

  it('answers an unknown command and a bad option with exit 2', async () => {
    const c = io();
    assert.equal(await main(['frobnicate'], c.io), 2);
    assert.match(c.err.join('\n'), /未知命令/);
    assert.equal(await main(['migrate', '--nope'], c.io), 2);
    assert.match(c.err.join('\n'), /用法错误/);
  });

  it('migrates, seeds the demo once, adds a user, and verifies the audit chain; tampering gives exit 1', async () => {
    const c = io();
    assert.equal(await main(['migrate'], c.io), 0);
    assert.equal(await main(['seed-demo'], c.io), 0);
    assert.match(c.out.join('\n'), /admin\s+Gk-/);
    assert.equal(await main(['seed-demo'], c.io), 1, 'second seeding refuses: data exists');
    assert.equal(await main(['user', 'add', '--username', 'clerk2', '--org', 'shilong-office', '--role', 'case_handler'], c.io), 0);
    assert.equal(await main(['user', 'add', '--username', 'clerk3', '--org', 'shilong-office', '--role', 'boss'], c.io), 2);
    assert.equal(await main(['user', 'add', '--username', 'clerk4', '--org', 'nowhere', '--role', 'publisher'], c.io), 1);
    assert.equal(await main(['audit', 'verify'], c.io), 0);
    assert.match(c.out.join('\n'), /审计日志完好/);
    const db = openDatabase(`sqlite:${join(c.cwd, 'data', 'gongkai.db')}`);
    await sql`update audit_log set action = 'forged' where id = 1`.execute(db);
    await db.destroy();
    assert.equal(await main(['audit', 'verify'], c.io), 1);
    assert.match(c.out.join('\n'), /第 1 条记录/);
  });

  it('refuses an invalid configuration with every problem listed (exit 1)', async () => {
    const c = io({ DATABASE_URL: 'mysql://nope', PORT: 'x' });
    assert.equal(await main(['migrate'], c.io), 1);
    assert.match(c.err.join('\n'), /DATABASE_URL/);
    assert.match(c.err.join('\n'), /port/);
  });
});

import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PoolError, TaskError, WorkerPool } from './worker-pool.ts';

const entry = new URL('./worker-pool.testing.worker.ts', import.meta.url);

describe('worker pool', () => {
  const pool = new WorkerPool({ entry, size: 2, maxQueue: 2, timeoutMs: 1500, maxOldGenerationSizeMb: 64 });
  after(() => pool.close());

  const reason = (r: PoolError['reason']) => (e: unknown) => e instanceof PoolError && e.reason === r;

  it('runs tasks and passes a task error with its code and status', async () => {
    assert.equal(await pool.run({ op: 'echo', value: '公开' }), '公开');
    await assert.rejects(pool.run({ op: 'fail' }), (e: unknown) => e instanceof TaskError && e.code === 'test.refused' && e.status === 422);
  });

  it('terminates a task past its time limit, then serves again', async () => {
    await assert.rejects(pool.run({ op: 'spin' }, 600), reason('timeout'));
    assert.equal(await pool.run({ op: 'echo', value: 'again' }), 'again');
  });

  it('ends a worker that exceeds its heap cap, not the process', async () => {
    await assert.rejects(pool.run({ op: 'eat' }, 120_000), reason('memory'));
    assert.equal(await pool.run({ op: 'echo', value: 'alive' }), 'alive');
  });

  it('answers busy at once when every worker and queue place is taken', async () => {
    const running = [pool.run({ op: 'spin' }, 800), pool.run({ op: 'spin' }, 800), pool.run({ op: 'spin' }, 800), pool.run({ op: 'spin' }, 800)];
    await assert.rejects(pool.run({ op: 'echo', value: 'x' }), reason('busy'));
    assert.deepEqual(pool.load, { running: 2, waiting: 2 });
    const outcomes = await Promise.allSettled(running);
    assert.ok(outcomes.every((o) => o.status === 'rejected' && reason('timeout')(o.reason)));
    assert.equal(await pool.run({ op: 'echo', value: 'free' }), 'free');
  });
});

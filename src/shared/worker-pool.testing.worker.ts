/** Worker for worker-pool.test.ts: echoes, spins, eats memory or fails, as told. */
import { serveTasks } from './worker-pool.ts';
import { AppError } from './app-error.ts';

serveTasks(async (task: { op: 'echo' | 'spin' | 'eat' | 'fail'; value?: string }) => {
  if (task.op === 'echo') return task.value;
  if (task.op === 'spin') for (;;);
  if (task.op === 'eat') {
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array<number>(4_000_000).fill(hoard.length + 0.5));
  }
  throw new AppError('test.refused', '测试拒绝', 422);
});

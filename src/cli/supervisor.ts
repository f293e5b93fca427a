/**
 * `gongkai serve` runs the application in worker processes (node:cluster) under a small primary
 * process that does nothing but watch them: a worker that crashes (an out-of-memory document, a
 * bug) is replaced at once, so one crash is a blip rather than an outage. The workers share the
 * listening port. SIGTERM or SIGINT to the primary is passed to the workers, which stop accepting
 * connections and finish the requests in flight before exiting; the primary exits after them.
 * A worker that keeps dying right after its start (port taken, database unreachable) is not
 * restarted forever: after a few such failures the primary gives up with exit 1.
 */
import cluster, { type Worker } from 'node:cluster';

export interface SupervisorOptions {
  workers: number;
  log(line: string): void;
  /** A worker that dies sooner than this after starting counts as a failed start. */
  quickDeathMs?: number;
  maxQuickDeaths?: number;
}

export function runSupervisor({ workers, log, quickDeathMs = 5_000, maxQuickDeaths = 5 }: SupervisorOptions): Promise<number> {
  return new Promise((resolve) => {
    let stopping = false;
    let quickDeaths = 0;
    const startedAt = new Map<number, number>();

    const fork = () => {
      const w = cluster.fork();
      startedAt.set(w.id, Date.now());
      w.on('listening', () => log(`工作进程 ${w.process.pid} 已就绪`));
    };

    cluster.on('exit', (w: Worker, code, signal) => {
      const lived = Date.now() - (startedAt.get(w.id) ?? 0);
      startedAt.delete(w.id);
      if (stopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) resolve(0);
        return;
      }
      quickDeaths = lived < quickDeathMs ? quickDeaths + 1 : 0;
      if (quickDeaths >= maxQuickDeaths) {
        log(`工作进程连续 ${quickDeaths} 次启动后即退出，停止重启；请查看上面的错误信息`);
        stopping = true;
        for (const other of Object.values(cluster.workers ?? {})) other?.kill('SIGTERM');
        resolve(1);
        return;
      }
      log(`工作进程 ${w.process.pid} 意外退出（${signal ?? `退出码 ${code}`}），正在重启`);
      fork();
    });

    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      log(`收到 ${signal}，等待处理中的请求完成后退出`);
      const alive = Object.values(cluster.workers ?? {});
      if (alive.length === 0) resolve(0);
      for (const w of alive) w?.process.kill('SIGTERM');
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));

    for (let i = 0; i < workers; i++) fork();
  });
}

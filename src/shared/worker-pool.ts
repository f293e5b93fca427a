/**
 * A small pool of worker threads for parsing uploaded documents, so that a hostile or merely
 * huge file costs one worker, never the server: each worker has its own heap limit (running
 * out ends the worker, not the process), each task a time limit (the worker is terminated),
 * and at most `size` tasks run at once with at most `maxQueue` waiting; beyond that the pool
 * answers "busy" at once instead of piling up work.
 *
 * Workers are TypeScript modules loaded through tsx, as the rest of the sources. Idle workers
 * do not keep the process alive.
 */
import { Worker, parentPort } from 'node:worker_threads';

export interface PoolOptions {
  /** The worker module (it calls `serveTasks`). */
  entry: URL;
  size: number;
  maxQueue: number;
  timeoutMs: number;
  maxOldGenerationSizeMb: number;
}

export type PoolFailure = 'busy' | 'timeout' | 'memory' | 'crashed';

/** The pool could not run the task; `reason` says why, for the caller's own message. */
export class PoolError extends Error {
  constructor(readonly reason: PoolFailure, message: string) {
    super(message);
    this.name = 'PoolError';
  }
}

/** An error thrown by the task itself, with the fields of an AppError when it was one. */
export class TaskError extends Error {
  constructor(message: string, readonly code?: string, readonly status?: number) {
    super(message);
    this.name = 'TaskError';
  }
}

interface Job {
  task: unknown;
  /** Buffers handed over to the worker instead of copied (the caller no longer uses them). */
  transfer: ArrayBuffer[];
  timeoutMs: number;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  /** The worker has loaded its module; until then a task's clock does not run. */
  ready: boolean;
  /** Starts the running task's clock (called at once, or when the worker becomes ready). */
  startClock: (() => void) | null;
}

/** A worker that has not loaded its module by then is broken, not slow. */
const STARTUP_LIMIT_MS = 60_000;

// Compiled modules (dist/server, .js) load directly; TypeScript sources (tests, a checkout run
// through tsx) need tsx registered inside the worker, which the main thread's hooks do not reach.
// On Linux a nice value is per thread: the worker yields the CPU to the thread that answers
// requests, so a busy parse does not slow the portal.
const BOOTSTRAP = `
try { require('node:os').setPriority(10); } catch {}
const { workerData, parentPort } = require('node:worker_threads');
(workerData.tsx ? import(workerData.tsx).then((m) => m.register()) : Promise.resolve())
  .then(() => import(workerData.entry))
  .then(() => parentPort.postMessage({ ready: true }));
`;

export class WorkerPool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private closed = false;

  constructor(private readonly options: PoolOptions) {}

  /** Runs one task; rejects with PoolError (busy, timeout, memory, crashed) or TaskError. */
  run<T>(task: unknown, timeoutMs = this.options.timeoutMs, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.closed) return Promise.reject(new PoolError('crashed', 'pool closed'));
    return new Promise<T>((resolve, reject) => {
      const job: Job = { task, transfer, timeoutMs, resolve: resolve as (v: unknown) => void, reject };
      const idle = this.slots.find((s) => !s.job);
      if (idle) return this.start(idle, job);
      if (this.slots.length < this.options.size) return this.start(this.spawn(), job);
      if (this.queue.length >= this.options.maxQueue) return reject(new PoolError('busy', 'too many tasks waiting'));
      this.queue.push(job);
    });
  }

  /** Tasks running and waiting, for tests and health output. */
  get load(): { running: number; waiting: number } {
    return { running: this.slots.filter((s) => s.job).length, waiting: this.queue.length };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new PoolError('crashed', 'pool closed'));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: { entry: this.options.entry.href, tsx: this.options.entry.pathname.endsWith('.ts') ? import.meta.resolve('tsx/esm/api') : null },
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, job: null, ready: false, startClock: null };
    this.slots.push(slot);
    const startup = setTimeout(() => this.fail(slot, new PoolError('crashed', 'worker did not start')), STARTUP_LIMIT_MS);
    worker.on('message', (m: { ready?: boolean; ok: boolean; value?: unknown; error?: { message: string; code?: string; status?: number } }) => {
      if (m.ready) {
        clearTimeout(startup);
        slot.ready = true;
        slot.startClock?.();
        return;
      }
      const job = slot.job;
      if (!job) return;
      this.finish(slot);
      if (m.ok) job.resolve(m.value);
      else job.reject(new TaskError(m.error?.message ?? 'task failed', m.error?.code, m.error?.status));
    });
    worker.on('error', (e: Error & { code?: string }) => {
      const memory = e.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.fail(slot, new PoolError(memory ? 'memory' : 'crashed', e.message));
    });
    worker.on('exit', () => {
      clearTimeout(startup);
      this.fail(slot, new PoolError('crashed', 'worker exited'));
    });
    return slot;
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    let timer: NodeJS.Timeout | undefined;
    slot.startClock = () => {
      slot.startClock = null;
      timer = setTimeout(() => {
        if (slot.job !== job) return;
        this.fail(slot, new PoolError('timeout', `task exceeded ${job.timeoutMs} ms`));
      }, job.timeoutMs);
    };
    if (slot.ready) slot.startClock();
    const settle = job.resolve;
    const fail = job.reject;
    job.resolve = (v) => {
      clearTimeout(timer);
      settle(v);
    };
    job.reject = (e) => {
      clearTimeout(timer);
      fail(e);
    };
    slot.worker.postMessage(job.task, job.transfer);
  }

  /** The worker answered: it is free for the next task. */
  private finish(slot: Slot): void {
    slot.job = null;
    const next = this.queue.shift();
    if (next) this.start(slot, next);
    else slot.worker.unref();
  }

  /** The worker is gone or must go: its task fails, a fresh worker takes the queue. */
  private fail(slot: Slot, error: PoolError): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    const job = slot.job;
    slot.job = null;
    void slot.worker.terminate();
    job?.reject(error);
    const next = this.queue.shift();
    if (next && !this.closed) this.start(this.spawn(), next);
  }
}

/** Inside a worker: answers each task with the handler's result, or its error's fields. */
export function serveTasks<T>(handler: (task: T) => Promise<unknown>): void {
  if (!parentPort) throw new Error('serveTasks runs in a worker thread only');
  const port = parentPort;
  port.on('message', (task: T) => {
    handler(task).then(
      (value) => port.postMessage({ ok: true, value }),
      (e: Error & { code?: string; status?: number }) =>
        port.postMessage({ ok: false, error: { message: e.message, code: typeof e.code === 'string' ? e.code : undefined, status: e.status } }),
    );
  });
}

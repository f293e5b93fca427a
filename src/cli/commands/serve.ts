/**
 * `gongkai serve`: the primary process supervises worker processes (supervisor.ts) that each run
 * the whole application on the shared port. `--no-supervisor` runs the application in this one
 * process (for a process manager that restarts it itself).
 */
import cluster from 'node:cluster';
import { parseCommandArgs } from '../args.ts';
import { openDeps } from '../open-deps.ts';
import { startServerPresence } from '../../ops/server-presence.ts';
import { UsageError, type CliIo, type Command } from '../command.ts';

export const serveCommand: Command = {
  name: 'serve',
  summary: '启动服务（门户 /、管理后台 /admin/、接口 /api/v1/）',
  usage: 'gongkai serve [--demo] [--workers N] [--no-supervisor]\n  --demo：数据库为空时载入演示数据；--workers：工作进程数（默认 1）；--no-supervisor：不启动守护进程，直接在本进程内服务',
  async run(args, io) {
    const { values } = parseCommandArgs(args, { demo: { type: 'boolean' }, workers: { type: 'string' }, 'no-supervisor': { type: 'boolean' } });
    const workers = Number(values.workers ?? '1');
    if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new UsageError(`--workers 必须是 1 到 64 的整数：${values.workers}`);
    if (cluster.isWorker) return serveHere(io, false);
    if (values['no-supervisor']) return serveHere(io, values.demo ?? false);
    // Migrations and the demo dataset once, here, before any worker starts.
    const deps = await openDeps(io);
    const base = `http://${deps.config.host}:${deps.config.port}`;
    if (values.demo) await seedAndPrint(deps, io, base);
    await deps.close();
    const { runSupervisor } = await import('../supervisor.ts');
    const started = runSupervisor({ workers, log: (line) => io.stdout(line) });
    io.stdout(`公开 Gongkai 已启动：门户 ${base}/   管理后台 ${base}/admin/   接口文档 ${base}/api/docs`);
    return started;
  },
};

async function seedAndPrint(deps: Awaited<ReturnType<typeof openDeps>>, io: CliIo, base: string) {
  const { seedDemo } = await import('../../demo/demo.seed.ts');
  const { demoCredentialsNotice, writeDemoCredentials } = await import('../../demo/demo-credentials.ts');
  const credentials = await seedDemo({ deps });
  if (credentials) io.stdout(demoCredentialsNotice(writeDemoCredentials(credentials, `${base}/admin/`, deps.config.dataDir), `${base}/admin/`));
}

/** Runs the application in this process until SIGTERM/SIGINT, then drains in-flight requests. */
async function serveHere(io: CliIo, demo: boolean): Promise<number> {
  const { createServer } = await import('../../http/server.ts');
  // A worker's primary has applied the migrations before forking it.
  const deps = await openDeps(io, { migrate: !cluster.isWorker });
  const base = `http://${deps.config.host}:${deps.config.port}`;
  if (demo) await seedAndPrint(deps, io, base);
  const app = await createServer(deps);
  let stopped: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => (stopped = resolve));
  // Announced from before listening until after the last request: restore/import refuse meanwhile.
  const presence = await startServerPresence(deps.db);
  const close = async () => {
    // Fastify stops accepting, answers what is in flight, then closes; the database last.
    await app.close();
    await presence.stop();
    await deps.close();
    // A worker's channel to the primary would keep it alive; anything else left open (a stuck
    // socket) must not hold the stop up for long.
    if (cluster.isWorker) process.disconnect();
    setTimeout(() => process.exit(0), 5_000).unref();
    stopped(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: deps.config.port, host: deps.config.host }).catch(async (e: unknown) => {
    await presence.stop();
    throw e;
  });
  if (!cluster.isWorker) io.stdout(`公开 Gongkai 已启动：门户 ${base}/   管理后台 ${base}/admin/   接口文档 ${base}/api/docs`);
  return done;
}

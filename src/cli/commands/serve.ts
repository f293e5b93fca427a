import { createServer } from '../../http/server.ts';
import { seedDemo } from '../../demo/demo.seed.ts';
import { formatDemoCredentials } from '../../demo/demo-credentials.ts';
import { parseCommandArgs } from '../args.ts';
import { openDeps } from '../open-deps.ts';
import type { Command } from '../command.ts';

export const serveCommand: Command = {
  name: 'serve',
  summary: '启动服务（门户 /、管理后台 /admin/、接口 /api/v1/）',
  usage: 'gongkai serve [--demo]   （--demo：数据库为空时载入演示数据）',
  async run(args, io) {
    const { values } = parseCommandArgs(args, { demo: { type: 'boolean' } });
    const deps = await openDeps(io);
    const base = `http://${deps.config.host}:${deps.config.port}`;
    if (values.demo) {
      const credentials = await seedDemo({ deps });
      if (credentials) io.stdout(formatDemoCredentials(credentials, `${base}/admin/`));
    }
    const app = await createServer(deps);
    const close = async () => {
      await app.close();
      await deps.close();
      process.exit(0);
    };
    process.once('SIGINT', close);
    process.once('SIGTERM', close);
    await app.listen({ port: deps.config.port, host: deps.config.host });
    io.stdout(`公开 Gongkai 已启动：门户 ${base}/   管理后台 ${base}/admin/   接口文档 ${base}/api/docs`);
    await new Promise(() => {}); // serve until a signal arrives
    return 0;
  },
};

import { seedDemo } from '../../demo/demo.seed.ts';
import { formatDemoCredentials } from '../../demo/demo-credentials.ts';
import { openDeps } from '../open-deps.ts';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';

export const seedDemoCommand: Command = {
  name: 'seed-demo',
  summary: '向空数据库载入演示数据（石龙区人民政府及各角色演示账户）',
  usage: 'gongkai seed-demo',
  async run(args, io) {
    parseCommandArgs(args, {});
    const deps = await openDeps(io);
    try {
      const credentials = await seedDemo({ deps });
      if (!credentials) {
        io.stderr('数据库中已有数据，未载入演示数据');
        return 1;
      }
      io.stdout(formatDemoCredentials(credentials, `http://${deps.config.host}:${deps.config.port}/admin/`));
      return 0;
    } finally {
      await deps.close();
    }
  },
};

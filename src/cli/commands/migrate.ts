import { migrateToLatest } from '../../db/migrate.ts';
import { openDeps } from '../open-deps.ts';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: '将数据库迁移到最新结构（只向前）',
  usage: 'gongkai migrate',
  async run(args, io) {
    parseCommandArgs(args, {});
    const deps = await openDeps(io, { migrate: false });
    try {
      const { applied } = await migrateToLatest(deps.db);
      io.stdout(applied.length ? `已执行迁移：\n${applied.map((m) => `  ${m}`).join('\n')}` : '数据库已是最新结构');
      return 0;
    } finally {
      await deps.close();
    }
  },
};

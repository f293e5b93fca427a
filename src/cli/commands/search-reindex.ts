/**
 * `gongkai search reindex`: rebuilds the full-text index of published items (after an upgrade
 * of the tokenizer or a restore), with a progress bar on stderr.
 */
import { parseCommandArgs } from '../args.ts';
import { UsageError, type Command } from '../command.ts';
import { loadConfig } from '../../config/config.ts';
import { openDatabase } from '../../db/dialect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { optimizeSearchIndex, progressBar, reindexAll } from '../../publishing/search.reindex.ts';
import { announcePageChange } from '../../http/page-cache.shared.ts';

export const searchReindexCommand: Command = {
  name: 'search reindex',
  summary: '重建站内搜索索引（全部已发布信息）',
  usage: 'gongkai search reindex',
  async run(args, io) {
    const { positionals } = parseCommandArgs(args, {});
    if (positionals.length) throw new UsageError('search reindex 不接受参数');
    const config = loadConfig(io.env, io.cwd);
    const db = openDatabase(config.databaseUrl);
    try {
      await migrateToLatest(db);
      const started = Date.now();
      const n = await reindexAll(db, (done, total) => io.stderr(progressBar(done, total)));
      io.stderr('\n');
      await optimizeSearchIndex(db);
      await announcePageChange(db);
      io.stdout(`已重建索引：${n} 条已发布信息，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
      return 0;
    } finally {
      await db.destroy();
    }
  },
};

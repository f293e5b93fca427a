/**
 * `gongkai publishing import FILE [--attachments DIR]`: imports an existing site's items from a
 * CSV or XLSX file (headers: 标题, 发布单位代码, 栏目代码, 类别, 文号, 成文日期, 发布日期,
 * 主题分类, 发布机构, 有效性, 废止日期, 废止原因, 正文, 附件). All or nothing; exit 1 with a
 * per-row report when any row is wrong.
 */
import { resolve } from 'node:path';
import { onePath, parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { loadConfig } from '../../config/config.ts';
import { openDatabase } from '../../db/dialect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { systemClock } from '../../shared/clock.ts';
import { importItems, readTable } from '../../publishing/import.usecases.ts';
import { progressBar } from '../../publishing/search.reindex.ts';
import { announcePageChange } from '../../http/page-cache.shared.ts';

export const publishingImportCommand: Command = {
  name: 'publishing import',
  summary: '从 CSV/XLSX 及附件目录导入原网站的主动公开信息（全部成功或全部不导入）',
  usage: 'gongkai publishing import FILE.csv|FILE.xlsx [--attachments DIR]',
  async run(args, io) {
    const { positionals, values } = parseCommandArgs(args, { attachments: { type: 'string' } });
    const file = onePath(positionals, io.cwd, '请给出一个 CSV 或 XLSX 文件');
    const config = loadConfig(io.env, io.cwd);
    const db = openDatabase(config.databaseUrl);
    try {
      await migrateToLatest(db);
      const table = await readTable(file);
      const report = await importItems({
        table,
        attachmentsDir: typeof values.attachments === 'string' ? resolve(io.cwd, values.attachments) : null,
        deps: { db, clock: systemClock, config },
        onProgress: (done, total) => io.stderr(progressBar(done, total)),
      });
      if (report.errors.length) {
        for (const e of report.errors) io.stdout(`第 ${e.line} 行：${e.message}`);
        io.stdout(`共 ${report.errors.length} 处问题，未导入任何信息。`);
        return 1;
      }
      io.stderr('\n');
      await announcePageChange(db);
      io.stdout(`已导入 ${report.imported} 条信息。`);
      return 0;
    } finally {
      await db.destroy();
    }
  },
};

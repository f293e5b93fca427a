/**
 * `gongkai export FILE` and `gongkai import FILE [--force]`: move a whole site between
 * installations and between SQLite and PostgreSQL (src/ops/site-export.usecases.ts).
 */
import { onePath, parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { openDeps } from '../open-deps.ts';
import { exportSite } from '../../ops/site-export.usecases.ts';
import { importSite } from '../../ops/site-import.usecases.ts';
import { optimizeSearchIndex, reindexAll } from '../../publishing/search.reindex.ts';
import { announcePageChange } from '../../http/page-cache.shared.ts';

export const exportCommand: Command = {
  name: 'export',
  summary: '把整个站点（全部数据表、附件、审计密钥与锚点）导出为一个与数据库无关的文件，可导入 SQLite 或 PostgreSQL',
  usage: 'gongkai export FILE',
  async run(args, io) {
    const file = onePath(parseCommandArgs(args, {}).positionals, io.cwd, '请给出导出文件路径（一个）');
    const deps = await openDeps(io);
    try {
      const started = Date.now();
      const m = await exportSite(deps.db, deps.config, file);
      const rows = Object.values(m.tables).reduce((s, t) => s + t.rows, 0);
      io.stdout(`已导出到 ${file}：${Object.keys(m.tables).length} 张表共 ${rows} 行，${Object.keys(m.files).length} 个文件，审计日志 ${m.audit.count} 条；用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
      io.stdout('注意：导出文件含审计密钥，请按机密文件保管');
      return 0;
    } finally {
      await deps.close();
    }
  },
};

export const importCommand: Command = {
  name: 'import',
  summary: '导入 gongkai export 生成的文件：先完整校验，再在一个事务中整体替换（目标已有数据时须加 --force）',
  usage: 'gongkai import FILE [--force]',
  async run(args, io) {
    const { positionals, values } = parseCommandArgs(args, { force: { type: 'boolean' } });
    const file = onePath(positionals, io.cwd, '请给出导入文件路径（一个）');
    const deps = await openDeps(io);
    try {
      const started = Date.now();
      const m = await importSite(deps.db, deps.config, file, { force: values.force === true });
      const rows = Object.values(m.tables).reduce((s, t) => s + t.rows, 0);
      io.stdout(`已导入 ${Object.keys(m.tables).length} 张表共 ${rows} 行，${Object.keys(m.files).length} 个文件，审计日志 ${m.audit.count} 条`);
      const n = await reindexAll(deps.db);
      await optimizeSearchIndex(deps.db);
      await announcePageChange(deps.db);
      io.stdout(`已重建搜索索引：${n} 条已发布信息；用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。请运行 gongkai audit verify 核对审计日志`);
      return 0;
    } finally {
      await deps.close();
    }
  },
};

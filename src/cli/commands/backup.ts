/**
 * `gongkai backup DIR` and `gongkai restore DIR [--force]` (src/ops/backup.usecases.ts,
 * restore.usecases.ts).
 */
import { onePath, parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { openDeps } from '../open-deps.ts';
import { loadConfig } from '../../config/config.ts';
import { takeBackup } from '../../ops/backup.usecases.ts';
import { restoreBackup } from '../../ops/restore.usecases.ts';

const NO_DIR = '请给出备份目录（一个）';

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} KB`);

export const backupCommand: Command = {
  name: 'backup',
  summary: '在服务运行时备份：数据库的一致快照、附件、审计密钥与锚点、会话密钥，以及带 SHA-256 校验和的清单 manifest.json',
  usage: 'gongkai backup DIR [--logical]（--logical：PostgreSQL 也用逻辑导出而不用 pg_dump）',
  async run(args, io) {
    const { positionals, values } = parseCommandArgs(args, { logical: { type: 'boolean' } });
    const dir = onePath(positionals, io.cwd, NO_DIR);
    const deps = await openDeps(io);
    try {
      const m = await takeBackup(deps.db, deps.config, dir, { env: io.env, logical: values.logical === true });
      const rows = Object.values(m.rowCounts).reduce((s, n) => s + n, 0);
      io.stdout(`已备份到 ${dir}（${m.database.method}）：${m.files.length} 个文件共 ${size(m.files.reduce((s, f) => s + f.size, 0))}，${rows} 行，审计日志 ${m.audit.count} 条，用时 ${m.seconds.toFixed(1)} 秒`);
      return 0;
    } finally {
      await deps.close();
    }
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: '从 gongkai backup 的目录恢复（先逐一核对清单中的校验和；目标已有数据时须加 --force；请先停止服务）',
  usage: 'gongkai restore DIR [--force]',
  async run(args, io) {
    const { positionals, values } = parseCommandArgs(args, { force: { type: 'boolean' } });
    const dir = onePath(positionals, io.cwd, NO_DIR);
    const config = loadConfig(io.env, io.cwd);
    const m = await restoreBackup(config, dir, { force: values.force === true, env: io.env });
    io.stdout(`已从 ${dir} 恢复 ${m.createdAt} 的备份：${Object.keys(m.rowCounts).length} 张表，审计日志 ${m.audit.count} 条。请运行 gongkai audit verify 核对，然后启动服务`);
    return 0;
  },
};

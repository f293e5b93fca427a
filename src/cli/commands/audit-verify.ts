import { createAuditRepository } from '../../auth/audit.repository.ts';
import { useAuditKey } from '../../auth/audit.chain.ts';
import { anchorHead, lastAnchor } from '../../auth/audit.anchors.ts';
import { openDeps } from '../open-deps.ts';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  summary: '校验审计日志哈希链（带密钥），并与数据库外的最后一个锚点比对，报告第一条被修改或删除的记录',
  usage: 'gongkai audit verify',
  async run(args, io) {
    parseCommandArgs(args, {});
    const deps = await openDeps(io);
    try {
      useAuditKey(deps.config.auditKey);
      let anchor;
      try {
        anchor = lastAnchor(deps.config.auditAnchorFile, deps.config.auditKey);
      } catch (e) {
        io.stdout(`审计日志校验失败：${(e as Error).message}`);
        return 1;
      }
      const { rows, problem } = await createAuditRepository(deps).verify(anchor);
      if (problem) {
        io.stdout(`审计日志校验失败：第 ${problem.id} 条记录——${problem.reason}（此前 ${rows} 条完好）`);
        return 1;
      }
      io.stdout(`审计日志完好：共 ${rows} 条记录，哈希链连续${anchor ? `，与 ${anchor.at} 的锚点（${anchor.count} 条）相符` : '（尚无锚点）'}`);
      return 0;
    } finally {
      await deps.close();
    }
  },
};

export const auditAnchorCommand: Command = {
  name: 'audit anchor',
  summary: '把审计日志的当前链头（条数与哈希）追加到数据库外的锚点文件（可由 cron 定时运行）',
  usage: 'gongkai audit anchor',
  async run(args, io) {
    parseCommandArgs(args, {});
    const deps = await openDeps(io);
    try {
      useAuditKey(deps.config.auditKey);
      const wrote = await anchorHead(createAuditRepository(deps), deps.config, new Date());
      io.stdout(wrote ? `已写入锚点：${deps.config.auditAnchorFile}` : '链头未变化，无需新锚点');
      return 0;
    } finally {
      await deps.close();
    }
  },
};

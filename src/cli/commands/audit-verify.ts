import { createAuditRepository } from '../../auth/audit.repository.ts';
import { openDeps } from '../open-deps.ts';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  summary: '校验审计日志哈希链，报告第一条被修改或删除的记录',
  usage: 'gongkai audit verify',
  async run(args, io) {
    parseCommandArgs(args, {});
    const deps = await openDeps(io);
    try {
      const { rows, problem } = await createAuditRepository(deps).verify();
      if (problem) {
        io.stdout(`审计日志校验失败：第 ${problem.id} 条记录——${problem.reason}（此前 ${rows} 条完好）`);
        return 1;
      }
      io.stdout(`审计日志完好：共 ${rows} 条记录，哈希链连续`);
      return 0;
    } finally {
      await deps.close();
    }
  },
};

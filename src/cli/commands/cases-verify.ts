/**
 * `gongkai cases verify [--fix]`: compares every case's stored summary (status, due date, … that
 * lists and 工作台 read) with what its event log gives under the current calendar, and lists each
 * difference. Exit 1 when any is found; `--fix` rewrites those summaries from the log.
 */
import { parseCommandArgs } from '../args.ts';
import { UsageError, type Command } from '../command.ts';
import { openDeps } from '../open-deps.ts';
import { FIELD_LABELS, reprojectCases, verifyCases, type FieldDifference } from '../../applications/case-reprojection.usecases.ts';

const shown = (v: FieldDifference['stored']) => (v === null ? '（空）' : String(v));

export const casesVerifyCommand: Command = {
  name: 'cases verify',
  summary: '核对每件申请存储的案件摘要（状态、答复期限等）与其事件日志是否一致，列出差异',
  usage: 'gongkai cases verify [--fix]   （--fix：按事件日志改正有差异的案件摘要）',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { fix: { type: 'boolean' } });
    if (positionals.length) throw new UsageError(`多余的参数：${positionals.join(' ')}`);
    const deps = await openDeps(io);
    try {
      const { checked, cases } = await verifyCases(deps);
      for (const c of cases) {
        const parts = c.differences.map((d) => `${FIELD_LABELS[d.field]}：存储为 ${shown(d.stored)}，按事件日志应为 ${shown(d.fromLog)}`);
        io.stdout(`${c.trackingNumber}（id ${c.id}）${parts.join('；')}`);
      }
      if (!cases.length) {
        io.stdout(`已核对 ${checked} 件申请：存储的案件摘要与事件日志一致`);
        return 0;
      }
      io.stdout(`已核对 ${checked} 件申请：${cases.length} 件与事件日志不一致`);
      if (!values.fix) return 1;
      const fixed = await reprojectCases({ db: deps.db, config: deps.config, now: deps.clock.now() });
      io.stdout(`已按事件日志改正 ${fixed.length} 件`);
      return (await verifyCases(deps)).cases.length ? 1 : 0;
    } finally {
      await deps.close();
    }
  },
};

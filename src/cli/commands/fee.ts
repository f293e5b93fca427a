/** `gongkai fee`: the information processing fee (国办函〔2020〕109号) of one application. */
import { parseCommandArgs } from '../args.ts';
import { UsageError, type Command } from '../command.ts';
import { perItemFee, perPageFee } from '../../applications/fees.rules.ts';

const ONE_METHOD = '一件申请只能选择一种计收方式：--per-item（按件）或 --per-page（按量）';

function wholeNumber(value: string | undefined, option: string, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError(`缺少 ${option}`);
    return fallback;
  }
  if (!/^\d+$/.test(value)) throw new UsageError(`${option} 必须是非负整数：${value}`);
  return Number(value);
}

export const feeCommand: Command = {
  name: 'fee',
  summary: '计算信息处理费（按件或按量，超额累进）',
  usage: 'gongkai fee --per-item --prior N --items K   （N：本月此前已申请件数，默认 0）\n       gongkai fee --per-page --pages P',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      'per-item': { type: 'boolean' },
      'per-page': { type: 'boolean' },
      prior: { type: 'string' },
      items: { type: 'string' },
      pages: { type: 'string' },
    });
    if (positionals.length) throw new UsageError(`多余的参数：${positionals.join(' ')}`);
    if (Boolean(values['per-item']) === Boolean(values['per-page'])) throw new UsageError(ONE_METHOD);
    let result;
    if (values['per-item']) {
      if (values.pages !== undefined) throw new UsageError(`--pages 只用于按量计收；${ONE_METHOD}`);
      result = perItemFee(wholeNumber(values.prior, '--prior', 0), wholeNumber(values.items, '--items'));
    } else {
      if (values.prior !== undefined || values.items !== undefined) throw new UsageError(`--prior 和 --items 只用于按件计收；${ONE_METHOD}`);
      result = perPageFee(wholeNumber(values.pages, '--pages'));
    }
    io.stdout(JSON.stringify(result, null, 2));
    return 0;
  },
};

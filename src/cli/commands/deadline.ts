/**
 * `gongkai deadline`: reads an application's timeline as JSON on standard input and prints its
 * due dates with the explanation, computed with the holiday data shipped with the project.
 */
import { parseCommandArgs } from '../args.ts';
import { UsageError, type Command } from '../command.ts';
import { computeDeadline, type DeadlineTimeline } from '../../applications/deadline.rules.ts';
import { shippedCalendar } from '../../calendar/shipped-holidays.ts';
import { DEFAULT_FEE_WAIT_PAUSES_CLOCK } from '../../applications/applications.config.ts';

const FIELDS = ['received', 'correctionRequested', 'correctionReceived', 'consultations', 'extensionDays', 'laterDueDate', 'feeNotice'];

function feeWaitPausesClock(env: Record<string, string | undefined>): boolean {
  const v = env.FEE_WAIT_PAUSES_CLOCK?.toLowerCase();
  if (v === undefined || v === '') return DEFAULT_FEE_WAIT_PAUSES_CLOCK;
  if (['0', 'false', 'no'].includes(v)) return false;
  if (['1', 'true', 'yes'].includes(v)) return true;
  throw new UsageError(`FEE_WAIT_PAUSES_CLOCK 只能是 true 或 false：${v}`);
}

export function parseTimeline(text: string): DeadlineTimeline {
  if (!text.trim()) throw new UsageError('请在标准输入提供时间线 JSON，例如 {"received":"2024-09-27"}');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`标准输入不是有效的 JSON：${(e as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError('时间线 JSON 必须是对象，至少包含 received（收到申请日期）');
  const unknown = Object.keys(value).filter((k) => !FIELDS.includes(k));
  if (unknown.length) throw new UsageError(`时间线中有无法识别的字段：${unknown.join('、')}（可用字段：${FIELDS.join('、')}）`);
  return value as DeadlineTimeline;
}

export const deadlineCommand: Command = {
  name: 'deadline',
  summary: '计算依申请公开的答复期限（从标准输入读取时间线 JSON）',
  usage: [
    'echo \'{"received":"2024-09-27"}\' | gongkai deadline',
    '  时间线字段（除 received 外均可省略）：received, correctionRequested, correctionReceived,',
    '  consultations: [{"sent":"…","replied":"…"|null,"kind":"third-party"|"agency"}], extensionDays (≤20),',
    '  laterDueDate: {"date":"…","reason":"…"}（第三十五条）, feeNotice: {"received":"…","paid":"…"|null}',
    '  环境变量 FEE_WAIT_PAUSES_CLOCK=false：等待缴费期间照常计入答复期限（默认不计入）',
  ].join('\n'),
  async run(args, io) {
    parseCommandArgs(args, {});
    const timeline = parseTimeline(await io.readStdin());
    const r = computeDeadline(shippedCalendar(), timeline, { feeWaitPausesClock: feeWaitPausesClock(io.env) });
    const out = {
      dueDate: r.dueDate,
      correctionNoticeDue: r.correctionNoticeDue,
      consultationReplyDue: r.consultationReplyDue,
      ...(timeline.feeNotice ? { feePaymentDue: r.feePaymentDue } : {}),
      ...(timeline.laterDueDate ? { statutoryDueDate: r.statutoryDueDate } : {}),
      warnings: r.warnings,
      explanation: r.explanation,
    };
    io.stdout(JSON.stringify(out, null, 2));
    return 0;
  },
};

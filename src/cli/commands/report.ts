import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDeps } from '../open-deps.ts';
import { parseCommandArgs } from '../args.ts';
import { UsageError, type Command } from '../command.ts';
import { renderReport } from '../../render/render.registry.ts';
import { reportForOutput } from '../../report/report.output.ts';
import { ALL_FORMATS, parseFormats, reportAll } from './report-all.ts';

const FORMATS = ['json', 'html', 'docx', 'pdf', 'charts'];
const TEXT_FORMATS = ['json', 'html', 'charts'];

export const reportCommand: Command = {
  name: 'report',
  summary: '输出某机关（或 --all 全部机关）某年度的政府信息公开工作年度报告（已发布版本，或按当前记录计算）',
  usage:
    'gongkai report --org <机关代码或名称> --year <年度> --format json|html|docx|pdf|charts [--out 文件] [--computed] [--check]\n' +
    'gongkai report --all --year <年度> --out 目录 [--format json,docx,pdf] [--computed]\n' +
    '  --all：逐个输出全部机关的年度报告（目录中的 <机关代码>-<年度>.<扩展名>，默认 Word、PDF 与 JSON），每个机关一行进度，\n' +
    '  最后给出汇总与用时；某个机关失败时继续其余机关，并以退出码 1 结束；\n' +
    '  没有 --out 时，json/html 输出到标准输出；--computed 忽略已发布版本，按当前记录重新计算；\n' +
    '  --check 在存在错误（如缺少数字、勾稽不符）时以退出码 1 结束。校验发现写到标准错误。',
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      org: { type: 'string' },
      year: { type: 'string' },
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
      computed: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      all: { type: 'boolean', default: false },
    });
    if (values.all) {
      if (values.org) throw new UsageError('--all 与 --org 不能同时使用');
      if (!values.year || !/^\d{4}$/.test(values.year)) throw new UsageError('--year 须为四位年度，例如 2022');
      if (!values.out) throw new UsageError('--all 须用 --out 指定输出目录');
      const formats = args.some((a) => a === '--format' || a.startsWith('--format=')) ? parseFormats(values.format!) : ALL_FORMATS;
      return reportAll(io, { year: Number(values.year), out: values.out, formats, computed: values.computed ?? false });
    }
    if (!values.org) throw new UsageError('缺少 --org（机关代码或名称）');
    if (!values.year || !/^\d{4}$/.test(values.year)) throw new UsageError('--year 须为四位年度，例如 2022');
    const format = values.format!;
    if (!FORMATS.includes(format)) throw new UsageError(`--format 须为 ${FORMATS.join('|')}`);
    if (!values.out && !TEXT_FORMATS.includes(format)) throw new UsageError(`${format} 为二进制文件，请用 --out 指定输出文件`);
    const deps = await openDeps(io);
    try {
      const out = await reportForOutput(deps, values.org, Number(values.year), { computed: values.computed });
      const rendered = await renderReport(out.report, format, { history: out.history });
      if (values.out) {
        const file = resolve(io.cwd, values.out);
        writeFileSync(file, rendered.body);
        io.stderr(`已写入 ${file}（${out.origin === 'published' ? '已发布版本' : '按当前记录计算，未发布'}）`);
      } else {
        io.stdout(String(rendered.body));
      }
      const errors = out.findings.filter((f) => f.severity === 'error');
      const warnings = out.findings.filter((f) => f.severity === 'warning');
      if (errors.length || warnings.length) {
        io.stderr(`校验：${errors.length} 个错误，${warnings.length} 个警告`);
        for (const f of [...errors, ...warnings]) io.stderr(`  [${f.severity === 'error' ? '错误' : '警告'}] ${f.message}`);
      }
      return values.check && errors.length ? 1 : 0;
    } finally {
      await deps.close();
    }
  },
};

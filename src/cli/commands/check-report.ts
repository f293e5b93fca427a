/**
 * `gongkai check-report [--json] [--level L] [--summary FILE] [--from-urls FILE] [--crawl URL] FILE|DIR…`:
 * reads published annual reports (text, HTML, Word including .doc/.wps through LibreOffice, PDF with or without a text layer, images
 * through OCR; files, listed URLs or a portal's 年报 column), checks them, and prints the
 * findings. Exit 0 when no finding is an error, 1 when some are.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { parseCommandArgs } from '../args.ts';
import { EXIT_FAILURE, EXIT_OK, UsageError, type Command } from '../command.ts';
import { checkReports, parseLevel, renderSummary, type CheckedReport, type ReportFile, type SummaryFormat } from '../../reportcheck/reportcheck.usecases.ts';
import { AppError } from '../../shared/app-error.ts';
import { siteOptions, readSites, SITE_OPTIONS } from './check-report.sites.ts';

const REPORT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.html', '.htm', '.shtml', '.docx', '.doc', '.wps', '.csv', '.tsv', '.pdf', '.png', '.jpg', '.jpeg']);
const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as const;

/** Files named on the command line; a directory stands for the report files directly in it. */
function collectFiles(paths: string[], cwd: string): string[] {
  const files: string[] = [];
  for (const path of paths) {
    const full = resolve(cwd, path);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      throw new UsageError(`找不到文件：${path}`);
    }
    if (stat.isDirectory()) {
      const inside = readdirSync(full)
        .filter((name) => REPORT_EXTENSIONS.has(extname(name).toLowerCase()))
        .sort()
        .map((name) => join(full, name));
      if (inside.length === 0) throw new UsageError(`目录中没有年度报告文件：${path}`);
      files.push(...inside);
    } else files.push(full);
  }
  return files;
}

export function humanSummary(reports: CheckedReport[]): string {
  const out: string[] = [];
  for (const r of reports) {
    const count = (s: string) => r.findings.filter((f) => f.severity === s).length;
    const level = r.level ? `，${r.level.name}${r.level.inferred ? '（按名称判断）' : ''}` : '';
    out.push(
      `${r.body.name || '（未识别机关）'} ${r.year ? `${r.year}年度` : '（未识别年度）'}（${r.source}${level}）：错误 ${count('error')} 项，警告 ${count('warning')} 项，提示 ${count('info')} 项`,
    );
    for (const f of r.findings) {
      const line = f.location?.line ? `（第 ${f.location.line} 行）` : '';
      out.push(`  [${SEVERITY[f.severity]}] ${f.message}${line}`);
    }
    out.push('');
  }
  return out.join('\n');
}

export const checkReportCommand: Command = {
  name: 'check-report',
  summary: '核查已发布的政府信息公开工作年度报告（文本、HTML、Word、PDF、扫描件和图片）',
  usage:
    'gongkai check-report [--json] [--level 人民政府|管委会|部门|乡镇] [--summary 汇总.csv|汇总.html|汇总.xlsx] [--from-urls 网址清单.txt] [--crawl 年报栏目网址] ' +
    '[--max-pages N] [--max-reports N] [--max-bytes N] [--timeout-ms N] [--delay-ms N] [--allow-host 主机]… [--allow-private] [文件或目录…]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      summary: { type: 'string' },
      level: { type: 'string' },
      ...SITE_OPTIONS,
    });
    let bodyKind;
    try {
      bodyKind = parseLevel(values.level);
    } catch (e) {
      if (e instanceof AppError) throw new UsageError(e.message);
      throw e;
    }
    const sites = siteOptions(values, (message) => io.stderr(message));
    if (positionals.length === 0 && !sites) throw new UsageError('请指定至少一个报告文件或目录，或用 --from-urls、--crawl 指定网站');
    let format: SummaryFormat | null = null;
    if (values.summary !== undefined) {
      const ext = extname(values.summary).toLowerCase().slice(1);
      if (ext !== 'csv' && ext !== 'html' && ext !== 'xlsx') throw new UsageError('--summary 文件须以 .csv、.html 或 .xlsx 结尾');
      format = ext;
    }
    const files: ReportFile[] = collectFiles(positionals, io.cwd).map((path) => ({
      name: basename(path),
      bytes: readFileSync(path),
      bodyKind,
    }));
    const fetched = sites ? await readSites(sites, io.cwd, bodyKind) : { files: [], failed: [], notices: new Map() };
    files.push(...fetched.files);
    const checked = files.length ? await checkReports({ files }) : { reports: [], errorCount: 0, warningCount: 0 };
    for (const r of checked.reports) r.findings.unshift(...(fetched.notices.get(r.source) ?? []));
    const reports = [...checked.reports, ...fetched.failed];
    const result = { reports, errorCount: reports.filter((r) => r.findings.some((f) => f.severity === 'error')).length };
    if (values.json) io.stdout(JSON.stringify(result.reports, null, 2));
    else io.stdout(humanSummary(result.reports));
    if (format && values.summary) {
      writeFileSync(resolve(io.cwd, values.summary), await renderSummary(result.reports, format));
      if (!values.json) io.stdout(`汇总已写入 ${values.summary}`);
    }
    return result.errorCount > 0 ? EXIT_FAILURE : EXIT_OK;
  },
};

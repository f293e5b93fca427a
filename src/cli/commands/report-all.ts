/**
 * `gongkai report --all --year Y --out DIR`: every body's report, in each format asked for,
 * written as DIR/<机关代码>-<Y>.<ext> exactly as the single-body command writes it (the published
 * version when there is one, otherwise computed from today's records). One progress line per
 * body; a body that fails is named and the batch goes on; the exit code is 1 when any failed.
 * PDFs share one Chromium for the whole batch.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { openDeps } from '../open-deps.ts';
import { UsageError, type CliIo } from '../command.ts';
import { renderReport, renderers, type RenderFormat } from '../../render/render.registry.ts';
import { reportForOutput } from '../../report/report.output.ts';
import { createOrganizationsRepository } from '../../auth/organizations.repository.ts';

export const ALL_FORMATS: RenderFormat[] = ['json', 'docx', 'pdf'];

export function parseFormats(list: string): RenderFormat[] {
  const formats = [...new Set(list.split(',').map((f) => f.trim()).filter(Boolean))];
  const unknown = formats.filter((f) => !(f in renderers));
  if (unknown.length || formats.length === 0) throw new UsageError(`--format 须为 ${Object.keys(renderers).join('|')} 中的一个或几个（以逗号分隔）：${list}`);
  return formats as RenderFormat[];
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} 秒`;

export async function reportAll(io: CliIo, options: { year: number; out: string; formats: RenderFormat[]; computed: boolean }): Promise<number> {
  const dir = resolve(io.cwd, options.out);
  mkdirSync(dir, { recursive: true });
  const deps = await openDeps(io);
  let browser: Browser | undefined;
  try {
    const bodies = (await createOrganizationsRepository(deps).list()).filter((o) => o.isBody && !o.disabled);
    if (options.formats.includes('pdf')) browser = await (await import('../../shared/chromium.ts')).launchChromium();
    const started = Date.now();
    const failed: string[] = [];
    let files = 0;
    let errors = 0;
    for (const [i, body] of bodies.entries()) {
      const at = Date.now();
      const head = `[${i + 1}/${bodies.length} ${Math.floor(((i + 1) / bodies.length) * 100)}%] ${body.code} ${body.name}`;
      try {
        const out = await reportForOutput(deps, body, options.year, { computed: options.computed });
        for (const format of options.formats) {
          const rendered = await renderReport(out.report, format, { history: out.history, browser });
          writeFileSync(join(dir, `${body.code}-${options.year}.${renderers[format].extension}`), rendered.body);
          files++;
        }
        const bodyErrors = out.findings.filter((f) => f.severity === 'error').length;
        errors += bodyErrors;
        io.stdout(`${head}：${out.origin === 'published' ? '已发布版本' : '按当前记录计算'}${bodyErrors ? `，校验 ${bodyErrors} 个错误` : ''}，${seconds(Date.now() - at)}`);
      } catch (e) {
        failed.push(body.code);
        io.stderr(`${head}：失败 — ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    io.stdout(
      `完成：${bodies.length} 个机关，成功 ${bodies.length - failed.length}，失败 ${failed.length}${failed.length ? `（${failed.join('、')}）` : ''}；` +
        `写入 ${files} 个文件到 ${dir}；校验错误共 ${errors} 个；用时 ${seconds(Date.now() - started)}`,
    );
    return failed.length ? 1 : 0;
  } finally {
    await browser?.close();
    await deps.close();
  }
}

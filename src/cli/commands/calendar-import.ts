/**
 * `gongkai calendar import FILE`: adds or replaces holiday years from a JSON file in the shape
 * of the shipped data ({"source": "…", "years": {"2027": {"offDays": [...], "workDays": [...]}}}).
 * The whole file is validated first; on any problem nothing is written. In the same transaction
 * the cases whose due date the new days may move are re-projected, so that lists and 工作台 show
 * the due date the case page computes.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { onePath, parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { openDeps } from '../open-deps.ts';
import { importHolidaysAndReproject } from '../../applications/case-reprojection.usecases.ts';
import { AppError } from '../../shared/app-error.ts';

function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new AppError('calendar.file_unreadable', `无法读取文件 ${path}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AppError('calendar.invalid_holiday_data', `文件 ${path} 不是有效的 JSON，未作任何修改：${(e as Error).message}`);
  }
}

export const calendarImportCommand: Command = {
  name: 'calendar import',
  summary: '导入（或更正）某年的节假日与调休安排（JSON 文件）',
  usage: 'gongkai calendar import FILE   （格式同随项目发布的 cn-holidays.json，可含一个或多个年份）',
  async run(args, io) {
    const { positionals } = parseCommandArgs(args, {});
    const path = onePath(positionals, io.cwd, '请给出一个节假日 JSON 文件');
    const input = readJsonFile(path);
    const deps = await openDeps(io);
    try {
      const { imported, reprojected } = await importHolidaysAndReproject(deps, input, `导入自 ${basename(path)}`);
      for (const y of imported) {
        io.stdout(`${y.replaced ? '已替换' : '已导入'} ${y.year} 年：放假 ${y.offDays} 天，调休上班 ${y.workDays} 天`);
      }
      io.stdout(reprojected.length ? `已按新日历重新计算 ${reprojected.length} 件申请的答复期限` : '没有申请的答复期限因此改变');
      return 0;
    } finally {
      await deps.close();
    }
  },
};

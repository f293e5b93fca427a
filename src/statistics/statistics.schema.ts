/** The statistics query: a year, and optionally one organization of the caller's scope. */
import { z } from 'zod';

/** 2008: the first year of the 2007 Regulations' annual reports. */
export const STATISTICS_YEARS = { min: 2008, max: 2100 } as const;

const year = z.coerce.number({ error: '年度应为四位数字' }).int({ error: '年度应为四位数字' })
  .min(STATISTICS_YEARS.min, { error: `年度不能早于${STATISTICS_YEARS.min}年` }).max(STATISTICS_YEARS.max, { error: `年度不能晚于${STATISTICS_YEARS.max}年` });

export const statisticsQueryShape = z.object({
  year,
  organizationId: z.coerce.number({ error: '单位编号应为正整数' }).int().min(1, { error: '单位编号应为正整数' }).optional(),
}).strict();

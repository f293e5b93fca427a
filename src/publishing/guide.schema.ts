/**
 * The one shape of a body's 政府信息公开指南 (《条例》第十二条): the office that does the work, where
 * and when to reach it, how to apply, and anything the body adds. The admin form, the API body and
 * the portal page all read this shape.
 */
import { EMAIL_MESSAGE, EMAIL_PATTERN } from '../shared/email.rules.ts';
import { z } from 'zod';
import { text } from '../shared/schema/text.ts';

const line = (label: string, max: number, min = 0) => text({ min, max, tooShort: `请填写${label}`, tooLong: `${label}不能超过${max}个字` });
const para = (label: string, max: number) => text({ max, multiline: true, tooLong: `${label}不能超过${max}个字` });

export const guideContentShape = z.object({
  officeName: line('工作机构名称', 60, 1).describe('政府信息公开工作机构'),
  address: line('办公地址', 120, 1),
  postcode: z.string().trim().regex(/^(\d{6})?$/, { error: '邮政编码应为6位数字' }),
  hours: line('办公时间', 120, 1),
  phone: line('联系电话', 60, 1),
  fax: line('传真', 60),
  email: z.string().trim().max(100).refine((v) => v === '' || EMAIL_PATTERN.test(v), { error: EMAIL_MESSAGE }),
  channels: para('申请渠道', 2000).describe('申请渠道：在线、当面、信函等，一行一条'),
  extra: para('其他说明', 5000).describe('其他说明，一行一段'),
}).strict();

export const guideSaveShape = z.object({
  content: guideContentShape,
  /** The version the form was loaded at (0: never saved); a newer one saved meanwhile → 409. */
  version: z.number().int().min(0),
}).strict();

export type GuideContent = z.output<typeof guideContentShape>;
export type GuideSaveInput = z.input<typeof guideSaveShape>;

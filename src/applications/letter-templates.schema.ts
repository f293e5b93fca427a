/** The one shape of a saved letter template (the editor's form and the API body). */
import { z } from 'zod';
import { text } from '../shared/schema/text.ts';

export const TEMPLATE_LIMITS = { title: 100, body: 20000 } as const;

export const templateVersionShape = z.object({
  title: text({ min: 1, max: TEMPLATE_LIMITS.title, tooShort: '请填写标题', tooLong: `标题不能超过${TEMPLATE_LIMITS.title}个字` }),
  body: text({ min: 1, max: TEMPLATE_LIMITS.body, multiline: true, tooShort: '请填写正文', tooLong: `正文不能超过${TEMPLATE_LIMITS.body}个字` }),
  /** The version the editor started from (0: the shipped default); a newer one saved meanwhile → 409. */
  baseVersion: z.number().int().min(0).optional().describe('编辑所依据的版本号（0 为平台默认模板）；期间已有新版本时返回409'),
}).strict();

export type TemplateVersionInput = z.input<typeof templateVersionShape>;

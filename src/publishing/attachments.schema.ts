/**
 * The input shape of an attachment upload's text: the file part's name, and any text field sent
 * with it (the admin app sends none). Checked before the file is received, so a refused upload
 * stores nothing. Pure and free of Node modules: the admin app may import it.
 */
import { z } from 'zod';
import { text } from '../shared/schema/text.ts';

/** What safeFileName keeps of a name; a longer one is refused rather than cut. */
export const MAX_ATTACHMENT_NAME_LENGTH = 120;

export const attachmentUploadShape = z.strictObject({
  fileName: text({ min: 1, max: MAX_ATTACHMENT_NAME_LENGTH, tooShort: '文件名不能为空', tooLong: `文件名不能超过${MAX_ATTACHMENT_NAME_LENGTH}个字` }),
});
export type AttachmentUploadFields = z.input<typeof attachmentUploadShape>;

/**
 * The one rule for text that people send us, shared by every input shape (zod schemas of the
 * portal forms and the JSON API, the admin app's types inferred from them) and by the server's
 * safety net that scans every parsed request before a handler runs.
 *
 * Control characters have no place in a name, an address or a letter: NUL cannot be stored in
 * PostgreSQL text (500) and is stored as is by SQLite, and the others corrupt exports, letters
 * and logs. Allowed everywhere: tab, and in multi-line text also line feed and carriage return.
 * Pure and free of Node modules, so the admin app can import it.
 */
import { z } from 'zod';

/** C0 controls except tab, LF and CR; DEL; C1 controls. Lone surrogates are left to UTF-8 encoding. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_ANYWHERE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
/** A single-line field also refuses line breaks (an input box cannot produce them). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_SINGLE_LINE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/u;

export const CONTROL_CHARACTER_CODE = 'request.control_character';

export function hasControlCharacter(value: string, multiline = true): boolean {
  return (multiline ? FORBIDDEN_ANYWHERE : FORBIDDEN_SINGLE_LINE).test(value);
}

export const controlCharacterMessage = (field?: string) =>
  field ? `字段“${field}”含有不允许的控制字符，请删除后重新提交` : '提交的内容含有不允许的控制字符，请删除后重新提交';

/**
 * The dotted path of the first string (or object key) holding a forbidden control character in a
 * parsed body, query or params object; null when clean. Line breaks are allowed here: only the
 * field's own schema knows whether it is single-line.
 */
export function findControlCharacter(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return hasControlCharacter(value) ? path || '(body)' : null;
  if (value === null || typeof value !== 'object' || depth > 32) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findControlCharacter(value[i], path ? `${path}.${i}` : String(i), depth + 1);
      if (hit !== null) return hit;
    }
    return null;
  }
  // Buffers and other binary bodies are not text.
  if (ArrayBuffer.isView(value)) return null;
  for (const [key, v] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (hasControlCharacter(key)) return at;
    const hit = findControlCharacter(v, at, depth + 1);
    if (hit !== null) return hit;
  }
  return null;
}

export interface TextOptions {
  /** Longest accepted value after trimming, in characters. */
  max: number;
  /** Shortest accepted value after trimming; 1 makes the field required-non-empty. Default 0. */
  min?: number;
  /** Line breaks allowed (textarea). Default false. */
  multiline?: boolean;
  /** Chinese message for a value that is too short (empty when min is 1). */
  tooShort?: string;
  /** Chinese message for a value that is too long. */
  tooLong?: string;
}

/**
 * A trimmed text field: `text({ max: 200 })`. The JSON Schema made from it (z.toJSONSchema) has
 * `type: string` and `maxLength`, so the API page shows the same limit the portal form applies.
 */
export function text(options: TextOptions) {
  const { max, min = 0, multiline = false } = options;
  let s = z
    .string({ error: '应为文本' })
    .refine((v) => !hasControlCharacter(v, multiline), { error: controlCharacterMessage(), params: { code: CONTROL_CHARACTER_CODE }, abort: true })
    .trim()
    .max(max, { error: options.tooLong ?? `不能超过${max}个字` });
  if (min > 0) s = s.min(min, { error: options.tooShort ?? (min === 1 ? '此项必填' : `至少${min}个字`) });
  return s;
}

/**
 * Reads a public form posted as `application/x-www-form-urlencoded` or, when it carries files,
 * `multipart/form-data` (no JavaScript: the browser sends the form as it is). The CSRF field is
 * checked before the first file is received, so a forged post spools nothing; every part is
 * read to the end even after a refused file, so the other fields come back to re-show the form.
 * Register the route inside a scope that has @fastify/multipart with `portalMultipartOptions`.
 */
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { receiveFile } from '../http/upload-spool.ts';
import { AppError } from '../shared/app-error.ts';
import { MAX_CASE_FILE_BYTES, MAX_CASE_FILES } from '../applications/case-files.rules.ts';

export interface PostedForm {
  fields: Record<string, unknown>;
  files: { fileName: string; bytes: Buffer }[];
  /** A file that could not be taken whole (too large, too many): the reason in Chinese. */
  fileError: string | null;
}

/**
 * Options for @fastify/multipart in the form's scope. One file more than allowed is still parsed,
 * so that "too many" gets its own message; a file over the size stops at one byte past the limit
 * and is reported as truncated, not thrown, so the form can be shown again.
 */
export const portalMultipartOptions = {
  limits: { fileSize: MAX_CASE_FILE_BYTES + 1, files: MAX_CASE_FILES + 1, fields: 60, fieldSize: 64 * 1024, parts: 80 },
  throwFileSizeLimit: false,
};

const drain = (stream: NodeJS.ReadableStream) => pipeline(stream, new Writable({ write: (_c, _e, cb) => cb() }));

/**
 * `beforeFirstFile` gets the fields read so far, and whether files follow: false when the form
 * carries none (it is then called once every field is read).
 */
export async function readPortalForm(request: FastifyRequest, beforeFirstFile: (fields: Record<string, unknown>, filesFollow: boolean) => Promise<void>): Promise<PostedForm> {
  if (!request.isMultipart()) {
    const fields = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>;
    await beforeFirstFile(fields, false);
    return { fields, files: [], fileError: null };
  }
  const fields: Record<string, unknown> = {};
  const files: PostedForm['files'] = [];
  let fileError: string | null = null;
  let checked = false;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      // An empty file input still sends a part without a name.
      if (!part.filename) {
        await drain(part.file);
        continue;
      }
      if (!checked) {
        checked = true;
        await beforeFirstFile(fields, true);
      }
      if (fileError || files.length >= MAX_CASE_FILES) {
        fileError ??= `附件最多 ${MAX_CASE_FILES} 个`;
        await drain(part.file);
        continue;
      }
      const { bytes, truncated } = await receiveFile(part.file);
      if (truncated) fileError = `附件“${part.filename}”超过 ${MAX_CASE_FILE_BYTES / 1024 / 1024} MB`;
      else files.push({ fileName: part.filename, bytes });
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') fileError = `附件最多 ${MAX_CASE_FILES} 个`;
    else if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('portal.form_too_large', '提交的内容过多，请检查后重新提交', 413);
    else if (e instanceof AppError) throw e;
    // A body that is not a well-formed form (cut off, bad boundary): the sender's fault.
    else throw new AppError('portal.form_unreadable', '提交的表单不完整，请返回上一页重新提交', 400);
  }
  if (!checked) await beforeFirstFile(fields, false);
  return { fields, files: fileError ? [] : files, fileError };
}

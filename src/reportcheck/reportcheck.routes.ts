/**
 * JSON API of 年报核查: published annual reports in (uploaded files or pasted text), the report
 * model read from each with its findings out, and the batch summary as CSV, XLSX or HTML.
 *
 * Nothing is stored: any logged-in user may check reports (auditors included), and since the
 * requests only read what the caller sends, they are not written to the audit log.
 *
 *   POST /api/v1/report-checks               multipart: files (.txt .html .htm .docx .doc .wps .pdf .png .jpg), optional
 *                                            `text` fields (pasted text) each with a `name` field
 *   POST /api/v1/report-checks/text          JSON { text, name }
 *   POST /api/v1/report-checks/export        multipart as above, ?format=csv|xlsx|html
 *   POST /api/v1/report-checks/text/export   JSON as above, ?format=csv|xlsx|html
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import type { AppDeps } from '../shared/deps.ts';
import { AppError } from '../shared/app-error.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { assertNoControlCharacter } from '../http/control-characters.hook.ts';
import { errorResponses, errorSchema } from '../auth/auth.schemas.ts';
import { checkReports, parseLevel, renderSummary, type CheckReportsResult, type ReportFile, type SummaryFormat } from './reportcheck.usecases.ts';
import { readReportFileInWorker } from '../shared/documents.pool.ts';
import { inspectZip, ZipRefused } from '../shared/zip-guard.ts';
import { receiveFile } from '../http/upload-spool.ts';
import { isImage, isPdf } from './reportcheck.input.ts';
import { isOle } from './reportcheck.doc.ts';

const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** One request is one office's batch; a province's reports go in several requests or the CLI. */
const MAX_FILES = 20;
/** All files of one request together: 20 real reports are far below this; memory is not. */
const MAX_UPLOAD_BYTES = 40 * 1024 * 1024;
const MAX_TEXT_CHARS = 2 * 1024 * 1024;

const SUMMARY_FILES: Record<SummaryFormat, { contentType: string; fileName: string; asciiFileName: string }> = {
  csv: { contentType: 'text/csv; charset=utf-8', fileName: '年报核查汇总.csv', asciiFileName: 'report-check-summary.csv' },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName: '年报核查汇总.xlsx',
    asciiFileName: 'report-check-summary.xlsx',
  },
  html: { contentType: 'text/html; charset=utf-8', fileName: '年报核查汇总.html', asciiFileName: 'report-check-summary.html' },
};

/** The last segment of an uploaded name (browsers may send C:\fakepath\…), without control characters. */
function uploadName(raw: string): string {
  const last = raw.split(/[\\/]/).pop() ?? '';
  return [...last].filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f).join('').trim().slice(0, 200);
}

const TEXT = ['txt', 'html', 'htm'];
const ACCEPTED = [...TEXT, 'docx', 'doc', 'wps', 'pdf', 'png', 'jpg', 'jpeg'];
const ACCEPTED_NAMES = '.txt、.html、.htm、.docx、.doc、.wps、.pdf 或图片（.png、.jpg）';

/**
 * Only the formats the reader understands, and content that matches the name: a renamed PDF or
 * spreadsheet would otherwise be read as garbled text and reported as a report full of errors.
 */
function acceptedFile(name: string, bytes: Uint8Array): void {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const unsupported = (why: string) =>
    new AppError('reportcheck.unsupported_type', `文件“${name || '（未命名）'}”${why}；请上传 ${ACCEPTED_NAMES} 格式的年度报告`, 415);
  if (!ACCEPTED.includes(ext)) {
    throw unsupported('的类型不受支持');
  }
  if (bytes.byteLength === 0) throw new AppError('reportcheck.file_empty', `文件“${name}”是空文件`, 400);
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (ext === 'docx' && !zip) throw unsupported('不是有效的 Word（.docx）文件');
  if (ext === 'pdf' && !isPdf(bytes)) throw unsupported('不是有效的 PDF 文件');
  // Only a compound file goes to LibreOffice, which would otherwise guess a format and open anything.
  if ((ext === 'doc' || ext === 'wps') && !isOle(bytes)) throw unsupported('不是有效的 Word 97–2003（.doc）或 WPS 文字（.wps）文件');
  if (['png', 'jpg', 'jpeg'].includes(ext) && !isImage(bytes)) throw unsupported('不是有效的 PNG 或 JPEG 图片');
  if (ext === 'docx') {
    // The archive's directory, read without inflating: a bomb is refused before any parsing.
    try {
      inspectZip(bytes);
    } catch (e) {
      if (e instanceof ZipRefused) throw new AppError('reportcheck.archive_refused', `文件“${name}”${e.message}，已拒绝`, 413);
      throw e;
    }
  }
  if (TEXT.includes(ext)) {
    const head = bytes.subarray(0, 8192);
    // UTF-16 text has NUL bytes too, but the reader decodes UTF-8 and GB18030 only.
    if (zip || isPdf(head) || head.includes(0)) throw unsupported('的内容不是文本，与扩展名不符');
  }
}

const tags = ['年报核查'];
const LEVEL_FIELD = {
  type: 'string',
  maxLength: 20,
  description: '机关层级（决定第四十九条的公布期限）：人民政府、管委会、部门、乡镇（或 government、zone、department、township）；空或 auto 为按机关名称判断',
} as const;
const anyObject = { type: 'object', additionalProperties: true } as const;
const counts = {
  type: 'object',
  properties: { error: { type: 'integer' }, warning: { type: 'integer' }, info: { type: 'integer' } },
} as const;
const resultSchema = {
  type: 'object',
  properties: {
    reports: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: true,
        description: '年度报告数据模型（report.model.ts）加 source、inputKind、headings、sources（各格的原文行号）、findings、counts',
        properties: {
          source: { type: 'string' },
          inputKind: { type: 'string', enum: ['text', 'html', 'docx', 'doc', 'pdf', 'scanned-pdf', 'image'] },
          body: anyObject,
          year: { type: 'integer' },
          findings: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                code: { type: 'string' },
                severity: { type: 'string', enum: ['error', 'warning', 'info'] },
                message: { type: 'string' },
                location: anyObject,
                details: anyObject,
              },
            },
          },
          counts,
          sourceLines: { type: 'object', additionalProperties: { type: 'string' }, description: '所引原文行：行号 → 该行文字' },
        },
      },
    },
    errorCount: { type: 'integer' },
    warningCount: { type: 'integer' },
  },
} as const;
const errors = { ...errorResponses, 413: errorSchema, 415: errorSchema } as const;
const textBody = {
  type: 'object',
  required: ['text'],
  additionalProperties: false,
  properties: {
    text: { type: 'string', minLength: 1, maxLength: MAX_TEXT_CHARS, description: '年度报告全文（纯文本或 HTML）' },
    name: { type: 'string', maxLength: 200, description: '显示用的名称，默认“粘贴文本”' },
    level: LEVEL_FIELD,
  },
} as const;
const formatQuery = {
  type: 'object',
  properties: { format: { type: 'string', enum: ['csv', 'xlsx', 'html'], default: 'csv' } },
} as const;
const fileDownload = { 200: { type: 'string', format: 'binary', description: '汇总文件' }, ...errors } as const;

/** The result as the API sends it: each report with its counts by severity. */
function present(result: CheckReportsResult) {
  return {
    reports: result.reports.map((r) => {
      const count = (s: string) => r.findings.filter((f) => f.severity === s).length;
      return { ...r, counts: { error: count('error'), warning: count('warning'), info: count('info') } };
    }),
    errorCount: result.errorCount,
    warningCount: result.warningCount,
  };
}

/** Files are parsed in worker threads (time and memory capped), never on the server's thread. */
async function checkAndPresent(files: ReportFile[]) {
  return present(await checkReports({ files, read: readReportFileInWorker }));
}

interface TextBody {
  text: string;
  name?: string;
  level?: string;
}

function pastedText(body: TextBody): ReportFile {
  if (!body.text.trim()) throw new AppError('reportcheck.text_empty', '粘贴的文本为空，请粘贴年度报告全文', 400);
  return { name: uploadName(body.name ?? '') || '粘贴文本', bytes: new TextEncoder().encode(body.text), bodyKind: parseLevel(body.level) };
}

/** Reads every part of a multipart request into report files, enforcing type and size limits. */
async function uploadedFiles(request: FastifyRequest): Promise<ReportFile[]> {
  if (!request.isMultipart()) {
    throw new AppError('reportcheck.not_multipart', '请以 multipart/form-data 上传文件；粘贴文本请使用 /api/v1/report-checks/text', 415);
  }
  const files: ReportFile[] = [];
  const texts: string[] = [];
  const names: string[] = [];
  let level: string | undefined;
  let total = 0;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') assertNoControlCharacter(part.value, part.fieldname);
        if (part.fieldname === 'text' && typeof part.value === 'string') texts.push(part.value);
        if (part.fieldname === 'name' && typeof part.value === 'string') names.push(part.value);
        if (part.fieldname === 'level' && typeof part.value === 'string') level = part.value;
        continue;
      }
      const name = uploadName(part.filename);
      const { bytes, truncated } = await receiveFile(part.file);
      if (truncated) throw new AppError('reportcheck.file_too_large', `文件“${name}”超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，请确认是否为年度报告`, 413);
      // An empty file input still sends a part with no name and no bytes: it is no file at all.
      if (!name && bytes.byteLength === 0) continue;
      acceptedFile(name, bytes);
      total += bytes.byteLength;
      if (total > MAX_UPLOAD_BYTES) {
        throw new AppError('reportcheck.upload_too_large', `一次上传的文件合计超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，请分批核查`, 413);
      }
      files.push({ name, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') throw new AppError('reportcheck.too_many_files', `一次最多上传 ${MAX_FILES} 个文件，请分批核查`, 413);
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('reportcheck.file_too_large', `文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，请确认是否为年度报告`, 413);
    throw e;
  }
  texts.forEach((text, i) => {
    if (text.trim()) files.push(pastedText({ text, name: names[i] }));
  });
  // One level for the batch: an office checks one kind of body at a time.
  const bodyKind = parseLevel(level);
  return files.map((f) => ({ ...f, bodyKind }));
}

async function sendSummary(reply: FastifyReply, files: ReportFile[], format: SummaryFormat) {
  const { reports } = await checkReports({ files, read: readReportFileInWorker });
  const out = SUMMARY_FILES[format];
  return reply
    .type(out.contentType)
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="${out.asciiFileName}"; filename*=UTF-8''${encodeURIComponent(out.fileName)}`)
    .send(Buffer.from(await renderSummary(reports, format)));
}

export function registerReportCheckRoutes(app: FastifyInstance, _deps: AppDeps) {
  // Pasted text may be a whole report with its HTML markup: allow more than the global 1 MB.
  const textBodyLimit = MAX_TEXT_CHARS * 4 + 1024;

  app.post('/api/v1/report-checks/text', {
    bodyLimit: textBodyLimit,
    schema: { tags, summary: '核查粘贴的年度报告文本', body: textBody, response: { 200: resultSchema, ...errors } },
  }, async (request) => {
    requireActor(request);
    return checkAndPresent([pastedText(request.body as TextBody)]);
  });

  app.post('/api/v1/report-checks/text/export', {
    bodyLimit: textBodyLimit,
    schema: { tags, summary: '下载粘贴文本的核查汇总（csv、xlsx、html）', body: textBody, querystring: formatQuery, response: fileDownload },
  }, async (request, reply) => {
    requireActor(request);
    const { format } = request.query as { format: SummaryFormat };
    return sendSummary(reply, [pastedText(request.body as TextBody)], format);
  });

  // Multipart parsing in its own scope, so that it applies to these routes only.
  void app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES, fieldSize: MAX_TEXT_CHARS * 4, fields: 2 * MAX_FILES },
    });

    scope.post('/api/v1/report-checks', {
      schema: {
        tags,
        summary: '上传并核查年度报告（.txt、.html、.htm、.docx、.doc、.wps、.pdf、.png、.jpg，可多个；扫描件经文字识别，.doc/.wps 经 LibreOffice 转换）',
        description: `multipart/form-data：每个文件一个文件字段（每个不超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，最多 ${MAX_FILES} 个）；可另附 text 字段（粘贴的文本）及其 name 字段，以及 level 字段（机关层级：人民政府、管委会、部门、乡镇；不填则按机关名称判断）。`,
        consumes: ['multipart/form-data'],
        response: { 200: resultSchema, ...errors },
      },
    }, async (request) => {
      requireActor(request);
      return checkAndPresent(await uploadedFiles(request));
    });

    scope.post('/api/v1/report-checks/export', {
      schema: {
        tags,
        summary: '上传年度报告并下载核查汇总（csv、xlsx、html）',
        consumes: ['multipart/form-data'],
        querystring: formatQuery,
        response: fileDownload,
      },
    }, async (request, reply) => {
      requireActor(request);
      const { format } = request.query as { format: SummaryFormat };
      return sendSummary(reply, await uploadedFiles(request), format);
    });
  });
}

/**
 * Uploaded documents are parsed off the server's thread: report-check files and Word
 * attachments go to a small process-wide pool of worker threads (two at a time, a few waiting,
 * a heap cap and a time limit each). A task the pool cannot finish becomes a clear refusal
 * with a stable code instead of a stalled or dead server.
 *
 * Limits can be tuned by environment for operators with larger files or slower machines:
 * GONGKAI_PARSE_WORKERS, GONGKAI_PARSE_QUEUE, GONGKAI_PARSE_TIME_LIMIT_MS, GONGKAI_PARSE_MEMORY_MB.
 *
 * PDFs, images, .doc and .wps are read by external programs (pdftotext, tesseract, LibreOffice) that the worker starts:
 * they run one file at a time, with their own longer limit (GONGKAI_OCR_TIME_LIMIT_MS, OCR of a
 * scan takes seconds a page), so that a batch of scans cannot occupy both cores.
 */
import { AppError } from './app-error.ts';
import { PoolError, TaskError, WorkerPool } from './worker-pool.ts';
import type { CheckedReport, ReportFile } from '../reportcheck/reportcheck.file.ts';
import { isImage, isPdf } from '../reportcheck/reportcheck.input.ts';
import { isOle } from '../reportcheck/reportcheck.doc.ts';
import { READ_TIME_LIMIT_MS } from '../reportcheck/reportcheck.tools.ts';

export type DocumentTask = { kind: 'report'; file: ReportFile } | { kind: 'docx-text' | 'docx-html'; bytes: Uint8Array };

const envNumber = (name: string, fallback: number) => {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

export const PARSE_LIMITS = {
  workers: envNumber('GONGKAI_PARSE_WORKERS', 2),
  queue: envNumber('GONGKAI_PARSE_QUEUE', 8),
  timeLimitMs: envNumber('GONGKAI_PARSE_TIME_LIMIT_MS', 20_000),
  memoryMb: envNumber('GONGKAI_PARSE_MEMORY_MB', 512),
};

let pool: WorkerPool | null = null;

function documentsPool(): WorkerPool {
  pool ??= new WorkerPool({
    // The worker beside this module: .ts in the sources, .js in the compiled server.
    entry: new URL(`./documents.worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url),
    size: PARSE_LIMITS.workers,
    maxQueue: PARSE_LIMITS.queue,
    timeoutMs: PARSE_LIMITS.timeLimitMs,
    maxOldGenerationSizeMb: PARSE_LIMITS.memoryMb,
  });
  return pool;
}

/** The pool's refusal as the API answers it; `what` names the file in the message. */
function refusal(e: unknown, prefix: string, what: string, timeoutMs = PARSE_LIMITS.timeLimitMs): Error {
  if (e instanceof PoolError) {
    if (e.reason === 'busy') return new AppError(`${prefix}.busy`, '正在解析的文件较多，请稍后再试', 429);
    if (e.reason === 'timeout') {
      return new AppError(`${prefix}.parse_timeout`, `${what}解析超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成，已停止；请确认文件内容，或拆分后再试`, 422);
    }
    if (e.reason === 'memory') return new AppError(`${prefix}.parse_too_complex`, `${what}内容过于庞大，解析所需内存超过上限，已停止`, 422);
    return new AppError(`${prefix}.parse_failed`, `${what}解析时出错，已停止`, 422);
  }
  if (e instanceof TaskError && e.code && e.status) return new AppError(e.code, e.message, e.status);
  return e instanceof Error ? e : new Error(String(e));
}

/** The PDF or image being read now; the next one waits for it. */
let externalReads: Promise<unknown> = Promise.resolve();

/** Runs `work` after every PDF/image read started before it (one at a time, in order). */
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = externalReads.then(work, work);
  externalReads = run.catch(() => undefined);
  return run;
}

/** Reads and checks one report file in a worker; its bytes are moved there (the caller is done with them). */
export async function readReportFileInWorker(file: ReportFile): Promise<CheckedReport> {
  if (isPdf(file.bytes) || isImage(file.bytes) || isOle(file.bytes)) {
    // The programs stop themselves at READ_TIME_LIMIT_MS; the worker gets a little more to report it.
    return oneAtATime(() => readInWorker(file, READ_TIME_LIMIT_MS + 5_000));
  }
  return readInWorker(file, PARSE_LIMITS.timeLimitMs);
}

async function readInWorker(file: ReportFile, timeoutMs: number): Promise<CheckedReport> {
  try {
    // The bytes are moved to the worker, not cloned: a buffer of its own (an upload's) is handed
    // over as it is; one that shares its memory (Node's small-buffer pool) is copied first.
    const { buffer } = file.bytes;
    const own = buffer instanceof ArrayBuffer && file.bytes.byteOffset === 0 && file.bytes.byteLength === buffer.byteLength;
    const bytes = own ? file.bytes : file.bytes.slice();
    return await documentsPool().run<CheckedReport>({ kind: 'report', file: { ...file, bytes } } satisfies DocumentTask, timeoutMs, [bytes.buffer as ArrayBuffer]);
  } catch (e) {
    throw refusal(e, 'reportcheck', `文件“${file.name}”`, timeoutMs);
  }
}

/** The plain text of a Word file, read in a worker (for search). */
export async function docxTextInWorker(bytes: Uint8Array): Promise<string> {
  try {
    return await documentsPool().run<string>({ kind: 'docx-text', bytes } satisfies DocumentTask);
  } catch (e) {
    throw refusal(e, 'publishing', 'Word 文件');
  }
}

/** A Word file converted to HTML by mammoth in a worker (the body of an item), with the number of pictures left out. */
export async function docxHtmlInWorker(bytes: Uint8Array): Promise<{ html: string; droppedImages: number }> {
  try {
    return await documentsPool().run<{ html: string; droppedImages: number }>({ kind: 'docx-html', bytes } satisfies DocumentTask);
  } catch (e) {
    throw refusal(e, 'publishing', 'Word 文件');
  }
}

/**
 * The external programs that read PDFs and images (poppler's pdftotext/pdftoppm, tesseract; LibreOffice for .doc, see reportcheck.doc.ts),
 * run with a deadline: a program still running when the file's time is up is killed, so that a
 * hostile or huge file costs its time limit and no more, even when the caller is a worker thread
 * that is itself about to be stopped.
 */
import { execFile } from 'node:child_process';

/** Time one PDF or image may take in all (OCR of a long scanned report included). */
export const READ_TIME_LIMIT_MS = (() => {
  const n = Number(process.env.GONGKAI_OCR_TIME_LIMIT_MS);
  return Number.isFinite(n) && n > 0 ? n : 180_000;
})();

/** Debian packages that provide each program, named in the error when it is missing. */
export const TOOL_PACKAGES = {
  pdftotext: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  tesseract: 'tesseract-ocr 和 tesseract-ocr-chi-sim',
  // .doc and .wps are converted by LibreOffice's Writer, without its desktop parts.
  soffice: 'libreoffice-writer-nogui',
} as const;

export type ToolName = keyof typeof TOOL_PACKAGES;

/**
 * A program could not read the file; the message is the user's explanation. With a status, the
 * API refuses the upload with it (the file itself is at fault) instead of reporting a finding.
 */
export class ToolError extends Error {
  constructor(readonly code: string, message: string, readonly status?: number) {
    super(message);
    this.name = 'ToolError';
  }
}

export interface ToolOptions {
  /** The moment (Date.now() scale) by which all reading must be done. */
  deadline: number;
  /** Program paths by name (tests use a missing one); default: found on PATH. */
  commands?: Partial<Record<ToolName, string>>;
}

export function deadlineIn(ms = READ_TIME_LIMIT_MS): number {
  return Date.now() + ms;
}

export function missingTool(tool: ToolName, purpose: string): ToolError {
  return new ToolError(
    'reportcheck.tool_missing',
    `本机未安装 ${tool}，无法${purpose}；请安装 Debian 软件包 ${TOOL_PACKAGES[tool]}（apt-get install ${TOOL_PACKAGES[tool].replace(' 和 ', ' ')}）`,
  );
}

/** Runs one program; its standard output, or a ToolError saying why not. */
export function runTool(tool: ToolName, args: string[], options: ToolOptions, purpose: string): Promise<Buffer> {
  const remaining = options.deadline - Date.now();
  if (remaining <= 0) return Promise.reject(timeUp());
  return new Promise((resolve, reject) => {
    execFile(
      options.commands?.[tool] ?? tool,
      args,
      {
        encoding: 'buffer',
        timeout: remaining,
        killSignal: 'SIGKILL',
        maxBuffer: 64 * 1024 * 1024,
        // One thread: OCR runs one page at a time and leaves the other core to the server.
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const e = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string | null };
        if (e.code === 'ENOENT') return reject(missingTool(tool, purpose));
        if (e.killed || e.signal === 'SIGKILL') return reject(timeUp());
        const said = stderr.toString('utf8');
        if (tool === 'tesseract' && /chi_sim/.test(said)) {
          return reject(new ToolError('reportcheck.tool_missing', `本机的 tesseract 没有简体中文识别数据，无法${purpose}；请安装 Debian 软件包 tesseract-ocr-chi-sim`));
        }
        reject(new ToolError('reportcheck.tool_failed', `${tool} 无法${purpose}：${said.trim().split('\n').slice(-2).join(' ').slice(0, 200) || '文件已损坏或格式不受支持'}`));
      },
    );
  });
}

function timeUp(): ToolError {
  return new ToolError('reportcheck.read_timeout', `读取超过 ${Math.round(READ_TIME_LIMIT_MS / 1000)} 秒仍未完成，已停止（页数过多或文件过大）`);
}

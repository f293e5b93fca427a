/**
 * Word 97–2003 (.doc) and WPS Writer (.wps) files → source lines, through LibreOffice when it is
 * installed (Debian `libreoffice-writer-nogui`): the file is converted headless to .docx, which
 * is then read like an uploaded .docx (zip guard, mammoth, tables with merged cells).
 *
 * Hostile input is contained the way PDFs are: the file is copied under a fixed name into a
 * private temporary directory that also holds LibreOffice's profile (no state shared between
 * files or with a desktop session, macros off, links to untrusted places blocked); the converter
 * runs in its own process group, killed whole at the deadline; one conversion at a time per
 * thread (the API's pool runs them one at a time in all); the converted file is capped in size
 * and goes through the zip guard before it is inflated.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SourceLine } from './reportcheck.text.ts';
import { docxToLines } from './reportcheck.docx.ts';
import { deadlineIn, missingTool, READ_TIME_LIMIT_MS, ToolError, type ToolOptions } from './reportcheck.tools.ts';
import { ZipRefused } from '../shared/zip-guard.ts';

/** The compound-file signature of Word 97–2003 and WPS Writer files (and other old Office files). */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOle(bytes: Uint8Array): boolean {
  return OLE_MAGIC.every((b, i) => bytes[i] === b);
}

/** Largest converted .docx read: a report's text and tables are far smaller, pictures aside. */
export const MAX_CONVERTED_BYTES = 20 * 1024 * 1024;

/** What LibreOffice may say on standard error, kept for the message (the rest is dropped). */
const STDERR_BYTES = 16 * 1024;

/**
 * The profile's settings: unsigned macros never run, and links to places outside the trusted
 * ones (a picture on a remote server) are not followed while converting.
 */
const SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
</oor:items>
`;

const PURPOSE = '读取 Word 97–2003（.doc）或 WPS（.wps）文件';

/** The conversion running in this thread; the next one waits for it (LibreOffice takes a core and seconds). */
let running: Promise<unknown> = Promise.resolve();

export function docToLines(bytes: Uint8Array, options: ToolOptions = { deadline: deadlineIn() }): Promise<SourceLine[]> {
  const run = running.then(
    () => convertAndRead(bytes, options),
    () => convertAndRead(bytes, options),
  );
  running = run.catch(() => undefined);
  return run;
}

async function convertAndRead(bytes: Uint8Array, options: ToolOptions): Promise<SourceLine[]> {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-doc-'));
  try {
    const docx = await convertToDocx(dir, bytes, options);
    try {
      return await docxToLines(docx);
    } catch (e) {
      if (e instanceof ZipRefused) throw new ToolError('reportcheck.archive_refused', `转换后的文件${e.message}，已拒绝`, 413);
      throw e;
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function convertToDocx(dir: string, bytes: Uint8Array, options: ToolOptions): Promise<Uint8Array> {
  const profile = join(dir, 'profile');
  const out = join(dir, 'out');
  await mkdir(join(profile, 'user'), { recursive: true });
  await mkdir(out);
  await writeFile(join(profile, 'user', 'registrymodifications.xcu'), SETTINGS);
  // A fixed name: the uploaded one never reaches the command line.
  const input = join(dir, 'report.doc');
  await writeFile(input, bytes);
  const args = [
    '--headless', '--invisible', '--norestore', '--nolockcheck', '--nodefault', '--nologo',
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    // The Word reader whatever the content says: a WPS Writer file is read as the Word file it is
    // inside, and an old spreadsheet or presentation is not handed to other importers.
    '--infilter=MS Word 97',
    '--convert-to', 'docx:MS Word 2007 XML',
    '--outdir', out, input,
  ];
  const said = await runConverter(options.commands?.soffice ?? 'soffice', args, { ...process.env, HOME: dir, SAL_USE_VCLPLUGIN: 'svp' }, options.deadline);
  const converted = join(out, 'report.docx');
  const size = await stat(converted).then((s) => s.size, () => null);
  if (size === null) {
    const why = said.trim().split('\n').filter((l) => !/javaldx/.test(l)).slice(-2).join(' ').slice(0, 200);
    throw new ToolError('reportcheck.doc_unreadable', `LibreOffice 无法读取该文件（已损坏或不是 Word 97–2003/WPS 文字文件）${why ? `：${why}` : ''}`, 422);
  }
  if (size > MAX_CONVERTED_BYTES) {
    throw new ToolError('reportcheck.doc_too_large', `转换后的文件超过 ${MAX_CONVERTED_BYTES / 1024 / 1024} MB，不是年度报告`, 413);
  }
  return new Uint8Array(await readFile(converted));
}

/** Runs LibreOffice in a process group of its own and kills the group at the deadline; resolves with what it said. */
function runConverter(command: string, args: string[], env: NodeJS.ProcessEnv, deadline: number): Promise<string> {
  const remaining = deadline - Date.now();
  if (remaining <= 0) return Promise.reject(timeUp());
  return new Promise((resolve, reject) => {
    // soffice is a script that starts the real program as its child: only the group reaches both.
    const child = spawn(command, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'], env });
    let stderr = '';
    let timedOut = false;
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, remaining);
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < STDERR_BYTES) stderr += chunk.toString('utf8');
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(e.code === 'ENOENT' ? missingTool('soffice', PURPOSE) : new ToolError('reportcheck.tool_failed', `soffice 无法启动：${e.message}`));
    });
    child.on('close', () => {
      clearTimeout(timer);
      killGroup(); // a helper process left behind would hold the profile and a core
      if (timedOut) reject(timeUp());
      else resolve(stderr);
    });
  });
}

function timeUp(): ToolError {
  return new ToolError('reportcheck.read_timeout', `转换超过 ${Math.round(READ_TIME_LIMIT_MS / 1000)} 秒仍未完成，已停止（文件过大或已损坏）`, 422);
}

/**
 * One uploaded file → its checked report and the text of the source lines it cites. This is the
 * unit of work that runs in a worker thread for the API (reportcheck.worker.ts) and in process
 * for the CLI; its input and output are plain data so that they cross the thread boundary.
 */
import { BODY_KIND_NAMES, bodyKindOf, type BodyKind } from '../report/report.validate.ts';
import { toLines, type InputKind } from './reportcheck.input.ts';
import { readLines } from './reportcheck.read.ts';
import { checkReport } from './reportcheck.checks.ts';
import type { SourceLine } from './reportcheck.text.ts';
import type { ReadReport } from './reportcheck.types.ts';
import { ToolError } from './reportcheck.tools.ts';

export interface ReportFile {
  name: string;
  bytes: Uint8Array;
  /** Publication date known from outside the file (YYYY-MM-DD). */
  publishedOn?: string | null;
  /** Overrides the kind of body guessed from its name (for the Art. 49 deadline). */
  bodyKind?: BodyKind;
  /** Titles known from outside the file: the link's text on a list page, the page of an attachment. */
  titles?: string[];
  /** For a document attached to a web page: that page's URL. */
  page?: string;
}

export interface BodyLevel {
  kind: BodyKind;
  /** In Chinese, as shown. */
  name: string;
  /** False when the reader set it (--level, the screen's field); true when read from the name. */
  inferred: boolean;
}

export interface CheckedReport extends ReadReport {
  inputKind: InputKind;
  /** The body's level, which sets the Art. 49 publication deadline. */
  level: BodyLevel;
  /** Cited source lines: line number → that line's text (cells, headings, findings). */
  sourceLines: Record<string, string>;
  /** For a document attached to a web page: that page's URL. */
  page?: string;
}

/** Longest quotation of one source line; table rows of real reports are far shorter. */
const QUOTE_CHARS = 300;
/**
 * Longest narrative section handed back. A published report's section runs to a few thousand
 * characters; a 10 MB page of prose would otherwise be cloned to the server's thread and sent as
 * a 9 MB answer, stalling the server for a second. Figures are read from the whole text first.
 */
export const NARRATIVE_CHARS = 50_000;

function boundedNarrative(report: ReadReport): ReadReport['narrative'] {
  return report.narrative.map((s) => (s.text.length > NARRATIVE_CHARS ? { ...s, text: `${s.text.slice(0, NARRATIVE_CHARS)}……（以下从略）` } : s));
}

/**
 * The text of every source line the report cites, so a reader can compare a figure with what was
 * printed without opening the file.
 */
export function citedLines(report: ReadReport, lines: SourceLine[]): Record<string, string> {
  const wanted = new Set<number>();
  const add = (n: number | null | undefined) => {
    if (typeof n === 'number') wanted.add(n);
  };
  const { applications, reviewLitigation, proactive, title, publishedOn } = report.sources;
  for (const table of [applications, reviewLitigation, proactive]) for (const cells of Object.values(table)) cells.forEach(add);
  [title, publishedOn, ...report.headings.map((h) => h.line), ...report.findings.map((f) => f.location?.line)].forEach(add);
  return Object.fromEntries(lines.filter((l) => wanted.has(l.no)).map((l) => [String(l.no), l.raw.trim().slice(0, QUOTE_CHARS)]));
}

/**
 * Reads and checks one file; content that cannot be read becomes a finding, not a failure, except
 * with `refuse` (the API): a file a program refused with a status (a corrupt .doc) is thrown, so
 * that the upload is answered with that status.
 */
export async function readReportFile(file: ReportFile, { refuse = false }: { refuse?: boolean } = {}): Promise<CheckedReport> {
  try {
    const input = await toLines(file.name, file.bytes);
    const options = {
      source: file.name,
      publishedOn: file.publishedOn ?? input.page?.publishedOn ?? null,
      titles: [...(input.page?.titles ?? []), ...(file.titles ?? [])],
      sourceBody: input.page?.source ?? null,
    };
    const read = readLines(input.lines, options);
    const level = levelOf(read.body.name, file.bodyKind);
    const report = checkReport(read, { bodyKind: level.kind });
    if (input.kind === 'scanned-pdf' || input.kind === 'image') report.findings.unshift(ocrNotice(input.kind));
    const page = file.page ? { page: file.page } : {};
    return { ...report, narrative: boundedNarrative(report), inputKind: input.kind, level, sourceLines: citedLines(report, input.lines), ...page };
  } catch (e) {
    if (refuse && e instanceof ToolError && e.status) throw e;
    return { ...unreadable(file.name, (e as Error).message), ...(file.page ? { page: file.page } : {}) };
  }
}

export function levelOf(name: string, override: BodyKind | undefined): BodyLevel {
  const kind = override ?? bodyKindOf(name);
  return { kind, name: BODY_KIND_NAMES[kind], inferred: override === undefined };
}

/** Figures read by OCR can be misread (1 for 7, a rule for 1): the reader is told to compare. */
function ocrNotice(kind: InputKind): ReadReport['findings'][number] {
  return {
    code: 'reportcheck.read_by_ocr',
    severity: 'info',
    message: `${kind === 'image' ? '图片' : 'PDF 没有文字层（扫描件），'}内容经文字识别（OCR）读取，个别数字可能识别有误，请对照原件核对所列问题`,
    location: {},
  };
}

/** The report of a file that could not be read: no figures, one error saying why. */
export function unreadable(name: string, why: string): CheckedReport {
  const report = readLines([], { source: name });
  report.findings = [{ code: 'reportcheck.file_unreadable', severity: 'error', message: `文件“${name}”无法读取：${why}`, location: { file: name } }];
  return { ...report, inputKind: 'text', level: levelOf('', undefined), sourceLines: {} };
}

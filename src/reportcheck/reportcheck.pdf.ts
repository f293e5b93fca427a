/**
 * PDF and image files → source lines.
 *
 * A PDF with a text layer is read with poppler's `pdftotext -bbox-layout` (every word with its
 * box), and the words are laid out in rows by their positions (reportcheck.layout.ts). A PDF
 * without one (a scan) is rendered page by page with `pdftoppm`, its table rules are whitened,
 * and each page goes through tesseract's Simplified Chinese OCR, whose words come with boxes
 * too: both end in the same rows of tokens that `pdftotext -layout` text gives, so the same
 * table readers and checks apply. Programs run one at a time with a deadline (reportcheck.tools.ts).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SourceLine } from './reportcheck.text.ts';
import { wordsToLines, type PositionedWord } from './reportcheck.layout.ts';
import { deskew, parsePgm, removeRules, writePgm, type Greyscale } from './reportcheck.rules-lines.ts';
import { decodePicture } from './reportcheck.image.ts';
import { byBand, findCells } from './reportcheck.grid.ts';
import { figureRows, section2Candidates, valueRows, withSection2Labels, withStatutoryLabels, type CellContent, type FigureRow, type ValueRow } from './reportcheck.ocrrows.ts';
import { cellFigure, cellImage, figureCells, inkBox, repairRow, rowAddsUp, summedCells, voteFigure, withCellFigures, type FigureCell } from './reportcheck.cellocr.ts';
import type { Cell } from './reportcheck.grid.ts';
import { repairByColumns, type ReadCell } from './reportcheck.colsums.ts';
import { runTool, ToolError, deadlineIn, type ToolOptions } from './reportcheck.tools.ts';

/** Pages OCR reads at most: a report has 4–10; a 300-page scan is not one report. */
export const MAX_OCR_PAGES = 30;
/** Resolution of rendered pages: figures of 10.5 pt come out about 30 pixels tall. */
const DPI = 200;
/** A page with fewer characters in its text layer is taken as scanned. */
const TEXT_LAYER_CHARS = 30;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e.startsWith('#x') || e.startsWith('#X') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e.toLowerCase()],
  );
}

/** The words of `pdftotext -bbox-layout` output, with their pages. */
export function parseBboxLayout(xhtml: string): { words: PositionedWord[]; pages: number } {
  const words: PositionedWord[] = [];
  let page = 0;
  const tag = /<page\b[^>]*>|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (let m = tag.exec(xhtml); m; m = tag.exec(xhtml)) {
    if (m[0].startsWith('<page')) {
      page++;
      continue;
    }
    words.push({ page, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: unescapeXml(m[5]) });
  }
  return { words, pages: page };
}

/** Strokes OCR reads for the figure 1 (and a rule's remains beside a figure). */
const ONE_LIKE = /^[Il|工丨]$/;

/**
 * One OCR word → the figures it holds. Tesseract joins the figures of neighbouring cells into
 * one word (“0 0 0” → “000”) when the rules between them are gone: a word of figures much wider
 * than its digits are is split evenly, one figure per digit. A stroke or a dot glued to a figure
 * is a rule's remains or a speck (“21l”, “Il10”, “.0”), and is dropped.
 */
export function ocrFigures(word: PositionedWord): PositionedWord[] {
  // A dot before or after a figure (“.0”, “.00000000050”) is a speck or a rule's end, not a decimal point.
  const text = word.text.replace(/^[Il|.·]+(?=\d)|(?<=\d)[Il|.·]+$/g, '');
  if (!/^\d{2,}$/.test(text)) return [{ ...word, text }];
  const height = word.y1 - word.y0;
  const step = (word.x1 - word.x0) / text.length;
  // A printed digit is about half as wide as it is tall; three times that is a gap between cells.
  if (step < height * 1.2) return [{ ...word, text }];
  // Each figure as wide as a digit, in its own slot, so that the row layout keeps them apart.
  return [...text].map((digit, i) => ({ ...word, x0: word.x0 + i * step, x1: word.x0 + i * step + height * 0.6, text: digit }));
}

/** The words of tesseract's TSV output (level 5 rows), on page `page`. */
export function parseTesseractTsv(tsv: string, page: number): PositionedWord[] {
  const words: PositionedWord[] = [];
  for (const row of tsv.split('\n')) {
    const f = row.split('\t');
    if (f[0] !== '5' || f.length < 12) continue;
    const text = f.slice(11).join(' ').trim();
    if (!text || Number(f[10]) < 0) continue;
    const [left, top, width, height] = f.slice(6, 10).map(Number);
    words.push(...ocrFigures({ page, x0: left, y0: top, x1: left + width, y1: top + height, text }));
  }
  return words;
}

/**
 * A lone 1-like stroke among a row's figures is the figure 1 (“工 0 0 0 0 0 1”), once the words
 * are in rows; elsewhere (prose, labels) it stays as read.
 */
export function ocrOnes(lines: SourceLine[]): SourceLine[] {
  return lines.map((line) => {
    const figure = (c: string | undefined) => c !== undefined && /^\d+$/.test(c);
    const cells = line.cells
      .map((c, i) => (ONE_LIKE.test(c) && (figure(line.cells[i + 1]) || figure(line.cells[i - 1])) ? (c === '|' ? '' : '1') : c))
      .filter((c) => c !== '');
    // “2” then “其他法律…”: an item number whose dot OCR lost, at the start of a row's label.
    const first = cells.findIndex((c) => /^\d{1,2}$/.test(c));
    if (first >= 0 && first <= 1 && /^\.?\p{Script=Han}/u.test(cells[first + 1] ?? '')) {
      cells.splice(first, 2, `${cells[first]}.${cells[first + 1].replace(/^\./, '')}`);
    }
    return { ...line, cells };
  });
}

async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-read-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * OCR of one greyscale page: rules whitened (rules at least this long), then tesseract's words with
 * boxes. On a page of known resolution (`dpi`: a rendered PDF page), the figures of the ruled
 * tables are read again cell by cell (reportcheck.cellocr.ts), which the page-wide reading gets
 * wrong on a poor scan.
 */
async function ocrPage(
  dir: string,
  image: Greyscale,
  page: number,
  rule: { horizontal: number; vertical: number; halo: number },
  options: ToolOptions,
  purpose: string,
  dpi?: number,
): Promise<PageRead> {
  // A page scanned askew is laid straight first: only then are its rules straight runs to whiten.
  const straight = deskew(image);
  const cells = dpi ? findCells(straight, dpi) : [];
  removeRules(straight, rule.horizontal, rule.vertical, rule.halo);
  const file = join(dir, `clean-${page}.pgm`);
  await writeFile(file, writePgm(straight));
  // --psm 6: one block of text, which keeps a table's row together instead of reading it column by column.
  const tsv = await runTool('tesseract', [file, 'stdout', '-l', 'chi_sim', '--psm', '6', 'tsv'], options, purpose);
  await rm(file, { force: true });
  const words = parseTesseractTsv(tsv.toString('utf8'), page);
  if (!dpi) return { words, rows: [], values: [], sums: [] };
  const rows = figureRows(cells, dpi * FIGURE_COLUMN_INCHES, page);
  const found = figureCells(straight, cells, dpi);
  if (found.length === 0) return { words, rows, values: [], sums: [] };
  const inset = Math.max(3, Math.round(dpi / 40));
  const content = (figure: (i: number) => boolean) => (cell: Cell): CellContent => {
    const i = found.findIndex((f) => f.cell === cell);
    if (i >= 0) return figure(i) ? 'figure' : 'other';
    return inkBox(straight, cell, inset) ? 'other' : 'blank';
  };
  // Section 二's cells have no sum to check them: they are read three ways and voted.
  const unsummed = section2Candidates(valueRows(cells, content(() => true), page), rows).flatMap((r) =>
    r.cells.map((c) => found.findIndex((f) => f.cell === c)).filter((i) => i >= 0),
  );
  const { figures, readings, summed } = await readCells(dir, straight, found, page, dpi, options, purpose, unsummed);
  const values = valueRows(cells, content((i) => figures[i] !== null), page);
  const sums = summed
    .filter((row) => row.length === 7)
    .map((row) => row.map((i) => ({ page, box: found[i].box, figure: figures[i], options: readings.get(i) ?? (figures[i] === null ? [] : [figures[i]!]) })));
  return { words: withCellFigures(words, found, figures, page), rows, values, sums };
}

interface PageRead {
  words: PositionedWord[];
  /** Bands ending in figure columns (section 三 and 四), and bands of a label and figures or blanks (section 二). */
  rows: FigureRow[];
  values: ValueRow[];
  /** The cells of the rows of seven figures (section 三's), with every figure read in each. */
  sums: ReadCell[][];
}

/** Widest figure column of a ruled table: section 三's are about 0.4 inch, 四's narrower. */
const FIGURE_COLUMN_INCHES = 0.7;

/**
 * The figure in each cell, by one tesseract run over all of them (a list of images): English
 * digits only, each image a raw line (--psm 13: no layout analysis, which drops a lone 1 as a
 * rule and a lone 9 as a speck). A row of section 三 or 四 whose figures do not add up is read
 * again with the Chinese model as a line (it reads “21” where the English one cut it to “2”),
 * and once more with the English one enlarged further in black and white (small bitonal print),
 * and the readings are combined by the row's sums (repairRow). The `unsummed` cells (section
 * 二's, which no sum checks) are read with both line readings too, and the three readings voted.
 */
async function readCells(
  dir: string,
  image: Greyscale,
  found: FigureCell[],
  page: number,
  dpi: number,
  options: ToolOptions,
  purpose: string,
  unsummed: number[],
): Promise<{ figures: (string | null)[]; readings: Map<number, string[]>; summed: number[][] }> {
  const files = found.map((_, i) => join(dir, `cell-${page}-${i}.pgm`));
  await Promise.all(found.map((f, i) => writeFile(files[i], writePgm(cellImage(image, f.box)))));
  const large = found.map((_, i) => join(dir, `cell-${page}-${i}-large.pgm`));
  const read = async (indexes: number[], language: string, psm: string, images = files) => {
    const list = join(dir, `cells-${page}.txt`);
    await writeFile(list, `${indexes.map((i) => images[i]).join('\n')}\n`);
    const tsv = await runTool('tesseract', [list, 'stdout', '-l', language, '--psm', psm, '-c', 'tessedit_char_whitelist=0123456789.', 'tsv'], options, purpose);
    return listTexts(tsv.toString('utf8'), indexes.length).map(cellFigure);
  };
  try {
    const figures = await read(found.map((_, i) => i), 'eng', '13');
    const rows = rowsOfCells(found, dpi * FIGURE_COLUMN_INCHES)
      .map(summedCells)
      .filter((row) => row.length > 0);
    const doubtful = rows.filter((row) => row.some((i) => figures[i] === null) || !rowAddsUp(row.map((i) => Number(figures[i]))));
    const readings = new Map<number, string[]>();
    if (doubtful.length === 0 && unsummed.length === 0) return { figures, readings, summed: rows };
    const again = [...new Set([...doubtful.flat(), ...unsummed])];
    const second = await read(again, 'chi_sim', '7');
    const byCell = new Map(again.map((cell, k) => [cell, second[k]]));
    if (unsummed.length) {
      const third = await read(unsummed, 'eng', '7');
      unsummed.forEach((cell, k) => (figures[cell] = voteFigure([figures[cell], byCell.get(cell) ?? null, third[k]])));
    }
    const cells = doubtful.flat();
    /** The doubtful cells read once more, enlarged to `height` (then made black and white at `threshold`). */
    const readAgain = async (height: number, threshold: number | undefined, psm: string) => {
      if (!cells.length) return new Map<number, string | null>();
      await Promise.all(cells.map((i) => writeFile(large[i], writePgm(cellImage(image, found[i].box, height, threshold)))));
      const texts = await read(cells, 'eng', psm, large);
      return new Map(cells.map((cell, k) => [cell, texts[k]]));
    };
    const [large56, line48, large72] = [await readAgain(56, 150, '13'), await readAgain(48, undefined, '7'), await readAgain(72, 128, '13')];
    const at = (readings: Map<number, string | null>, row: number[]) => row.map((i) => readings.get(i) ?? null);
    for (const row of doubtful) {
      const repaired = repairRow([row.map((i) => figures[i]), at(byCell, row), at(large56, row)], [at(line48, row), at(large72, row)]);
      for (const i of row) {
        readings.set(i, [...new Set([figures[i], ...[byCell, large56, line48, large72].map((m) => m.get(i) ?? null)].filter((v): v is string => v !== null))]);
      }
      row.forEach((cell, k) => (figures[cell] = repaired[k]));
    }
    return { figures, readings, summed: rows };
  } finally {
    await Promise.all([join(dir, `cells-${page}.txt`), ...files, ...large].map((f) => rm(f, { force: true })));
  }
}

/** The found figure-column cells by table row (same band), left to right, as indexes into `found`. */
function rowsOfCells(found: FigureCell[], maxWidth: number): number[][] {
  const figureColumns = found.map((_, i) => i).filter((i) => found[i].cell.x1 - found[i].cell.x0 <= maxWidth); // not a label's cell
  return byBand(figureColumns, (i) => found[i].cell);
}

/** The text tesseract read in each image of a list, from its TSV (the second field numbers the image from 1). */
function listTexts(tsv: string, images: number): string[] {
  const texts = new Array<string>(images).fill('');
  for (const row of tsv.split('\n')) {
    const f = row.split('\t');
    if (f[0] === '5' && f.length >= 12 && Number(f[1]) >= 1 && Number(f[1]) <= images) texts[Number(f[1]) - 1] += f.slice(11).join('');
  }
  return texts;
}

/**
 * Rules on a page rendered at DPI: half an inch across, 0.6 inch down. A body character is a
 * sixth of an inch; a title's (22 pt, 小标宋) is a third, and its vertical strokes must stay: a
 * table's vertical rules run through several rows, so they are longer.
 */
const pageRule = (dpi: number) => ({ horizontal: Math.round(dpi / 2), vertical: Math.round(dpi * 0.6), halo: 1 });
const PAGE_RULE = pageRule(DPI);
/** Rules on a screenshot (text about 16 pixels tall). */
const SCREEN_RULE = { horizontal: 80, vertical: 45, halo: 2 };

export interface PdfLines {
  lines: SourceLine[];
  /** True when the text came from OCR (no text layer). */
  ocr: boolean;
}

export async function pdfToLines(bytes: Uint8Array, options: ToolOptions = { deadline: deadlineIn() }): Promise<PdfLines> {
  return withTempDir(async (dir) => {
    const file = join(dir, 'report.pdf');
    await writeFile(file, bytes);
    const xhtml = await runTool('pdftotext', ['-q', '-bbox-layout', file, '-'], options, '读取 PDF 文件');
    const { words, pages } = parseBboxLayout(xhtml.toString('utf8'));
    const chars = words.reduce((n, w) => n + w.text.length, 0);
    if (pages > 0 && chars >= TEXT_LAYER_CHARS * pages) return { lines: wordsToLines(words), ocr: false };
    if (pages > MAX_OCR_PAGES) {
      throw new ToolError('reportcheck.too_many_pages', `PDF 没有文字层，需逐页识别，但有 ${pages} 页，超过 ${MAX_OCR_PAGES} 页的上限`);
    }
    const ocrWords: PositionedWord[] = [];
    const rows: FigureRow[] = [];
    const values: ValueRow[] = [];
    const sums: ReadCell[][] = [];
    for (let page = 1; page <= Math.max(pages, 1); page++) {
      // One page rendered at a time: a whole scan at once would hold every page in memory and on disk.
      const prefix = join(dir, `page-${page}`);
      await runTool('pdftoppm', ['-r', String(DPI), '-gray', '-f', String(page), '-l', String(page), '-singlefile', file, prefix], options, '把扫描版 PDF 转为图像');
      const read = await ocrPage(dir, parsePgm(await readFile(`${prefix}.pgm`)), page, PAGE_RULE, options, '识别扫描件中的文字', DPI);
      ocrWords.push(...read.words);
      rows.push(...read.rows);
      values.push(...read.values);
      sums.push(...read.sums);
      await rm(`${prefix}.pgm`, { force: true });
    }
    return { lines: pageLines(ocrWords, rows, values, sums), ocr: true };
  });
}

/** OCR words of scanned pages → rows, section 三's and 二's labels taken from the grid where it has their rows. */
function pageLines(words: PositionedWord[], rows: FigureRow[], values: ValueRow[], sums: ReadCell[][]): SourceLine[] {
  // Section 三's cells whose row and column sums agree on another reading (reportcheck.colsums.ts).
  const fixes = [...repairByColumns(sums)];
  const fixed = words.map((w) => {
    const fix = fixes.find(([c]) => c.page === w.page && c.box.x0 === w.x0 && c.box.y0 === w.y0 && c.figure === w.text);
    return fix ? { ...w, text: fix[1] } : w;
  });
  return ocrOnes(wordsToLines(withSection2Labels(withStatutoryLabels(fixed, rows), values, rows)));
}

/**
 * A PNG or JPEG scan, photo or screenshot of a report → source lines through OCR, rules removed.
 * A picture of a page (its resolution recorded, or told by its A4 shape) is read as a scanned
 * PDF's page is: its tables cell by cell; a screenshot of part of a page as it is.
 */
export async function imageToLines(bytes: Uint8Array, options: ToolOptions = { deadline: deadlineIn() }): Promise<SourceLine[]> {
  return withTempDir(async (dir) => {
    const picture = decodePicture(bytes);
    if (picture?.dpi) {
      const read = await ocrPage(dir, picture.image, 1, pageRule(picture.dpi), options, '识别图片中的文字', picture.dpi);
      return pageLines(read.words, read.rows, read.values, read.sums);
    }
    if (picture) return ocrOnes(wordsToLines((await ocrPage(dir, picture.image, 1, SCREEN_RULE, options, '识别图片中的文字')).words));
    const file = join(dir, 'report.img');
    await writeFile(file, bytes);
    const tsv = await runTool('tesseract', [file, 'stdout', '-l', 'chi_sim', '--psm', '6', 'tsv'], options, '识别图片中的文字');
    return ocrOnes(wordsToLines(parseTesseractTsv(tsv.toString('utf8'), 1)));
  });
}

/**
 * Figures read cell by cell: each table cell found by its rules (reportcheck.grid.ts) that holds
 * a figure is cut out to its ink and enlarged to the height tesseract reads best; all the cells of
 * a page go to one tesseract run (a list of images, read as raw lines of digits), and each figure
 * replaces what the page-wide OCR read in that cell. One run instead of one per cell: starting
 * tesseract costs more than reading a cell.
 *
 * Pure; reportcheck.pdf.ts runs tesseract.
 */
import type { Greyscale } from './reportcheck.rules-lines.ts';
import { byBand, type Cell } from './reportcheck.grid.ts';
import type { PositionedWord } from './reportcheck.layout.ts';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const INK = 135;

/**
 * The box of the ink inside a cell, its rules left out (`inset` pixels from each side), or null
 * for a blank cell. A row or column needs two dark pixels to count: a speck of scanner noise is
 * not ink.
 */
export function inkBox(image: Greyscale, cell: Cell, inset: number): Box | null {
  const { width, pixels } = image;
  const x0 = Math.round(cell.x0 + inset);
  const x1 = Math.round(cell.x1 - inset);
  const y0 = Math.round(cell.y0 + inset);
  const y1 = Math.round(cell.y1 - inset);
  if (x1 <= x0 || y1 <= y0) return null;
  const rows = new Uint32Array(y1 - y0);
  const cols = new Uint32Array(x1 - x0);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if (pixels[y * width + x] < INK) {
        rows[y - y0]++;
        cols[x - x0]++;
      }
    }
  }
  const first = (counts: Uint32Array) => counts.findIndex((n) => n >= 2);
  const last = (counts: Uint32Array) => counts.length - 1 - [...counts].reverse().findIndex((n) => n >= 2);
  const top = first(rows);
  const left = first(cols);
  if (top < 0 || left < 0) return null;
  const box = { x0: x0 + left, y0: y0 + top, x1: x0 + last(cols) + 1, y1: y0 + last(rows) + 1 };
  // A few dark pixels in all are noise, not a figure (a printed 1 at 150 dpi has about 30).
  const dark = rows.reduce((s, n) => s + n, 0);
  return dark >= 12 && box.y1 - box.y0 >= 5 ? box : null;
}

/** Height the figures are enlarged to: tesseract reads digits 30–40 pixels tall best. */
const TARGET_HEIGHT = 36;
const MARGIN = 20;

/**
 * The ink of one cell enlarged (bilinear) to `target` (TARGET_HEIGHT), on white with a margin
 * around; with a `threshold`, made black and white at it (small bitonal print enlarged is grey
 * at its edges, and a stroke may merge with the next or fade).
 */
export function cellImage(image: Greyscale, b: Box, target = TARGET_HEIGHT, threshold?: number): Greyscale {
  const scale = Math.min(target / 12, Math.max(1, target / (b.y1 - b.y0)));
  const w = Math.round((b.x1 - b.x0) * scale);
  const h = Math.round((b.y1 - b.y0) * scale);
  const width = w + 2 * MARGIN;
  const height = h + 2 * MARGIN;
  const pixels = new Uint8Array(width * height).fill(255);
  const at = (px: number, py: number) => image.pixels[(b.y0 + py) * image.width + b.x0 + px];
  for (let y = 0; y < h; y++) {
    const sy = Math.min(b.y1 - b.y0 - 1, Math.max(0, (y + 0.5) / scale - 0.5));
    const y0 = Math.floor(sy);
    const fy = sy - y0;
    const y1 = Math.min(y0 + 1, b.y1 - b.y0 - 1);
    for (let x = 0; x < w; x++) {
      const sx = Math.min(b.x1 - b.x0 - 1, Math.max(0, (x + 0.5) / scale - 0.5));
      const x0 = Math.floor(sx);
      const fx = sx - x0;
      const x1 = Math.min(x0 + 1, b.x1 - b.x0 - 1);
      const v = (at(x0, y0) * (1 - fx) + at(x1, y0) * fx) * (1 - fy) + (at(x0, y1) * (1 - fx) + at(x1, y1) * fx) * fy;
      pixels[(MARGIN + y) * width + MARGIN + x] = threshold === undefined ? v : v < threshold ? 0 : 255;
    }
  }
  return { width, height, pixels };
}

function inside(word: PositionedWord, cell: Cell): boolean {
  const cx = (word.x0 + word.x1) / 2;
  const cy = (word.y0 + word.y1) / 2;
  return cx > cell.x0 && cx < cell.x1 && cy > cell.y0 && cy < cell.y1;
}

export interface FigureCell {
  cell: Cell;
  box: Box;
}

/**
 * The cells that may hold one figure: ink on a single line no taller than a printed figure (a
 * fifth of an inch) and at most five times as wide as tall. A short heading (其他, 总计) passes
 * too: read with digits only it gives nothing, and its words stay as the page-wide OCR read them.
 * The page-wide OCR's own words cannot tell: on a noisy scan it reads figures as characters.
 */
export function figureCells(image: Greyscale, cells: Cell[], dpi: number): FigureCell[] {
  const inset = Math.max(3, Math.round(dpi / 40));
  const found: FigureCell[] = [];
  for (const cell of cells) {
    const box = inkBox(image, cell, inset);
    if (!box) continue;
    const h = box.y1 - box.y0;
    if (h > dpi / 5 || box.x1 - box.x0 > 5 * h) continue;
    found.push({ cell, box });
  }
  return found;
}

/**
 * What tesseract read in one cell → the figure, or null when it is not one: an integer, or an
 * amount with one decimal point; a dot at either end is a speck.
 */
export function cellFigure(read: string): string | null {
  const text = read.replace(/\s+/g, '').replace(/^\.+|\.+$/g, '');
  return /^\d+(?:\.\d+)?$/.test(text) ? text : null;
}

/**
 * Whether a table row's figures add up as the statutory tables print them: section 三's seven
 * (six kinds of applicant, then their total), section 四's fifteen (three groups of four results
 * and their total). Other rows have no sum to check.
 */
export function rowAddsUp(figures: number[]): boolean {
  const group = figures.length === 7 ? 7 : figures.length === 15 ? 5 : 0;
  if (!group) return true;
  for (let g = 0; g < figures.length; g += group) {
    const cells = figures.slice(g, g + group);
    if (cells.slice(0, -1).reduce((sum, v) => sum + v, 0) !== cells[cells.length - 1]) return false;
  }
  return true;
}

/**
 * The cells of a table row that its sums check: the last fifteen (section 四) or seven (section
 * 三) of its narrow cells, or none. A short label in a narrow cell before them (“（四）无法提供”
 * merged over three rows, beside the first one's figures) is not one of the figures.
 */
export function summedCells<T>(row: T[]): T[] {
  const n = row.length >= 15 ? 15 : row.length >= 7 ? 7 : 0;
  return n ? row.slice(row.length - n) : [];
}

/** Most combinations of a row's readings tried together (2^n: n cells read two ways). */
const MAX_DISAGREEMENTS = 8;

/**
 * A row read several ways (`readings[0]`: tesseract's English digits; then its Chinese model, and
 * the English digits of the cells enlarged further, in black and white) whose first reading does
 * not add up: the one combination of the readings, cell by cell, that adds up, when there is
 * exactly one. A cell no reading could read is then the figure the sum leaves for it (one such
 * cell at most). Otherwise the first reading with its gaps filled from the others: a printed row
 * that does not add up (a true error of the report) stays as read. `alternatives` (readings at
 * sizes that read a small 1 or a 4 the others miss, and misread other figures) are tried in the
 * combinations, but never fill a gap: a figure they alone read is too often a wrong one.
 */
export function repairRow([first, ...others]: (string | null)[][], alternatives: (string | null)[][] = []): (string | null)[] {
  const filled = first.map((f, i) => others.reduce<string | null>((v, o) => v ?? o[i], f));
  // Each cell's other readings: a cell the readings disagree on is tried with each of them.
  const options = filled.map((f, i) => [...new Set([f, ...others.map((o) => o[i]), ...alternatives.map((o) => o[i])].filter((v): v is string => v !== null))]);
  const differ = filled.map((_, i) => i).filter((i) => options[i].length > 1);
  const unknown = filled.map((_, i) => i).filter((i) => filled[i] === null);
  const combinations = differ.reduce((n, i) => n * options[i].length, 1);
  if (combinations > 1 << MAX_DISAGREEMENTS || unknown.length > 1 || (differ.length === 0 && unknown.length === 0)) return filled;
  const fits = new Set<string>();
  for (let k = 0; k < combinations; k++) {
    const row = [...filled];
    let rest = k;
    for (const i of differ) {
      row[i] = options[i][rest % options[i].length];
      rest = Math.floor(rest / options[i].length);
    }
    if (unknown.length === 1) {
      const missing = missingFigure(row, unknown[0]);
      if (missing === null) continue;
      row[unknown[0]] = String(missing);
    }
    if (rowAddsUp(row.map(Number))) fits.add(JSON.stringify(row));
  }
  return fits.size === 1 ? (JSON.parse([...fits][0]) as string[]) : filled;
}

/**
 * A figure with no sum to check it (a cell of section 二) read three ways: what at least two of
 * the readings agree on, else the first reading (or the first that read anything). Tesseract's
 * raw-line English reading alone doubles a stroke now and then (2776 → 27716); the line readings
 * do not, and they rarely err alike.
 */
export function voteFigure(readings: (string | null)[]): string | null {
  for (const r of readings) if (r !== null && readings.filter((o) => o === r).length >= 2) return r;
  return readings.find((r) => r !== null) ?? null;
}

/** The figure the row's sum leaves for its cell `at` (a total, or one of the summed cells), or null. */
export function missingFigure(row: (string | null)[], at: number): number | null {
  const group = row.length === 7 ? 7 : row.length === 15 ? 5 : 0;
  if (!group) return null;
  const start = at - (at % group);
  const cells = row.slice(start, start + group).map(Number);
  const k = at - start;
  const parts = cells.slice(0, -1).reduce((sum, v, i) => (i === k ? sum : sum + v), 0);
  const value = k === group - 1 ? parts : cells[group - 1] - parts;
  return Number.isInteger(value) && value >= 0 ? value : null;
}

/** A Chinese character other than the strokes OCR makes of a 1 or of a rule's remains. */
const HAN = /(?![丨工])\p{Script=Han}/u;

/** Share of a word's box that lies in the given cells. */
function overlap(word: PositionedWord, cells: Cell[]): number {
  const area = Math.max(1, (word.x1 - word.x0) * (word.y1 - word.y0));
  let covered = 0;
  for (const c of cells) {
    covered += Math.max(0, Math.min(word.x1, c.x1) - Math.max(word.x0, c.x0)) * Math.max(0, Math.min(word.y1, c.y1) - Math.max(word.y0, c.y0));
  }
  return covered / area;
}

/**
 * The page's words with each figure cell's words replaced by the figure read in it (`figures[i]`
 * for `found[i]`, null where nothing readable was found: the page-wide reading stays). A word
 * without Chinese that lies mostly in read cells goes too, even when its centre is outside them:
 * page-wide OCR makes one tall word of the figures of several cells and the rules between them.
 */
export function withCellFigures(words: PositionedWord[], found: FigureCell[], figures: (string | null)[], page: number): PositionedWord[] {
  const read = found.map((f, i) => ({ ...f, figure: figures[i] })).filter((f) => f.figure !== null);
  const cells = read.map((f) => f.cell);
  // Each stretch of read cells side by side: a character read on the rule between two figures
  // (“0 | 加 | 0”) is a rule's remains, not a label.
  const spans: Cell[] = [];
  for (const band of byBand(cells, (c) => c)) {
    band.forEach((c, i) => {
      const last = spans[spans.length - 1];
      if (i > 0 && Math.abs(c.x0 - band[i - 1].x1) <= 6) last.x1 = c.x1;
      else spans.push({ ...c });
    });
  }
  const kept = words.filter((w) => ![...cells, ...spans].some((c) => inside(w, c)) && (HAN.test(w.text) || overlap(w, cells) < 0.3));
  return [...kept, ...read.map(({ box, figure }) => ({ page, ...box, text: figure! }))];
}

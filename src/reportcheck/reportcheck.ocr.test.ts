/**
 * Scans and images through OCR (tesseract-ocr + tesseract-ocr-chi-sim): pages 3–4 of the
 * published 洪泽区 2023 PDF as a bitonal 150 dpi scan (fixtures/hongze-2023-scan-p3-4.pdf, no text
 * layer), and its section 三 table as a 110 dpi screenshot (fixtures/hongze-2023-table.png).
 * OCR misses some cells; what it reads must be what was printed (the hand-checked text).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readReportFile } from './reportcheck.file.ts';
import { imageToLines, ocrFigures } from './reportcheck.pdf.ts';
import { deadlineIn } from './reportcheck.tools.ts';
import { removeRules, rotate, skewAngle } from './reportcheck.rules-lines.ts';
import { findHeadings } from './reportcheck.sections.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const read = (name: string) => readReportFile({ name, bytes: fixture(name) });

/** Cells read, and cells read that differ from the hand-checked text. */
async function compare(name: string) {
  const [ocr, text] = await Promise.all([read(name), read('hongze-2023.txt')]);
  const rows = ocr.applications.rows as Record<string, (number | null)[]>;
  const truth = text.applications.rows as Record<string, (number | null)[]>;
  let readCells = 0;
  const wrong: string[] = [];
  for (const [key, cells] of Object.entries(rows)) {
    cells.forEach((v, i) => {
      if (v === null) return;
      readCells++;
      if (v !== truth[key]?.[i]) wrong.push(`${key}[${i}] ${v}≠${truth[key]?.[i]}`);
    });
  }
  return { ocr, readCells, wrong };
}

describe('OCR of a scanned report and of a screenshot', () => {
  it('reads a scanned PDF: most section 三 cells, every one as printed', { timeout: 240_000 }, async () => {
    const { ocr, readCells, wrong } = await compare('hongze-2023-scan-p3-4.pdf');
    assert.equal(ocr.inputKind, 'scanned-pdf');
    assert.equal(ocr.findings[0].code, 'reportcheck.read_by_ocr');
    assert.deepEqual(wrong, []);
    assert.ok(readCells >= 140, `${readCells} cells read`); // 147 of the 161 printed cells when measured
    assert.deepEqual(ocr.applications.rows.newReceived, [21, 0, 0, 0, 0, 0, 21]);
    assert.deepEqual(ocr.applications.rows.total, [21, 0, 0, 0, 0, 0, 21]);
  });

  it('reads a screenshot of the table: the cells it reads are the printed ones', { timeout: 120_000 }, async () => {
    const { ocr, readCells, wrong } = await compare('hongze-2023-table.png');
    assert.equal(ocr.inputKind, 'image');
    assert.deepEqual(wrong, []);
    assert.ok(readCells >= 56, `${readCells} cells read`); // 63 of the 98 in the picture when measured
    assert.deepEqual(ocr.applications.rows.newReceived, [21, 0, 0, 0, 0, 0, 21]);
  });

  it('names both Debian packages when tesseract is missing', async () => {
    await assert.rejects(
      imageToLines(fixture('hongze-2023-table.png'), { deadline: deadlineIn(), commands: { tesseract: '/nonexistent/tesseract' } }),
      (e: Error & { code?: string }) => e.code === 'reportcheck.tool_missing' && /tesseract-ocr 和 tesseract-ocr-chi-sim/.test(e.message),
    );
  });

  it('stops OCR at the deadline', async () => {
    await assert.rejects(imageToLines(fixture('hongze-2023-table.png'), { deadline: Date.now() + 50 }), (e: Error & { code?: string }) => e.code === 'reportcheck.read_timeout');
  });
});

describe('OCR clean-up', () => {
  it('splits figures of neighbouring cells that OCR read as one word, and drops a rule glued to a figure', () => {
    const word = { page: 1, x0: 0, y0: 0, x1: 300, y1: 20, text: '0000' };
    assert.deepEqual(ocrFigures(word).map((w) => w.text), ['0', '0', '0', '0']);
    assert.deepEqual(ocrFigures({ ...word, x1: 24, text: '21' }).map((w) => w.text), ['21']); // a printed 21
    assert.deepEqual(ocrFigures({ ...word, x1: 30, text: 'Il10' }).map((w) => w.text), ['10']);
    // A speck read as a dot before a row of zeros (section 四 of a grey scan).
    assert.deepEqual(ocrFigures({ ...word, x1: 12, text: '.0' }).map((w) => w.text), ['0']);
    assert.deepEqual(ocrFigures({ ...word, x1: 330, text: '.00000000050' }).map((w) => w.text), [...'00000000050']);
    assert.deepEqual(ocrFigures({ ...word, x1: 60, text: '7730.28' }).map((w) => w.text), ['7730.28']); // an amount keeps its point
  });

  it('whitens table rules but not the strokes of characters', () => {
    const width = 200;
    const pixels = new Uint8Array(width * 100).fill(255);
    for (let x = 0; x < width; x++) pixels[50 * width + x] = 0; // a rule across
    for (let y = 0; y < 100; y++) pixels[y * width + 100] = 0; // a rule down
    for (let y = 10; y < 30; y++) pixels[y * width + 20] = 0; // a character's stroke, 20 pixels
    removeRules({ width, height: 100, pixels }, 100, 50);
    assert.equal(pixels[50 * width + 10], 255);
    assert.equal(pixels[70 * width + 100], 255);
    assert.equal(pixels[20 * width + 20], 0);
  });

  it('measures the skew of a page laid askew, so that it can be turned straight', () => {
    const width = 800;
    const height = 1000;
    const pixels = new Uint8Array(width * height).fill(255);
    // Rows of text-like dashes every 40 pixels.
    for (let y = 100; y < 900; y += 40) for (let x = 100; x < 700; x++) if (x % 7 !== 0) pixels[y * width + x] = 0;
    const page = { width, height, pixels };
    assert.equal(skewAngle(page), 0);
    for (const degrees of [0.7, -0.5, 1.5]) {
      const askew = rotate(page, degrees);
      assert.ok(Math.abs(skewAngle(askew) - degrees) < 0.05, `${degrees}°: measured ${skewAngle(askew)}`);
      assert.equal(skewAngle(rotate(askew, -skewAngle(askew))), 0);
    }
  });
});

describe('section headings OCR garbled', () => {
  it('finds a heading whose 、 OCR dropped when its title is close, and only then', () => {
    const line = (no: number, cells: string[]) => ({ no, raw: cells.join(' '), cells, delimited: false });
    const headings = findHeadings([
      line(1, ['四、结转下年度继续办理', '103']),
      line(2, ['四', '政', '府', '信息主', '公', '开行', '政', '复议', '、', '政', '讼', '情况']),
      line(3, ['五', '本年', '办理、结果']),
    ]);
    assert.deepEqual(
      headings.map((h) => [h.number, h.line]),
      [['四', 2]],
    );
  });
});

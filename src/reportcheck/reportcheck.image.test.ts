/**
 * Pictures of a report's page (PNG, JPEG) read as a scanned PDF's page is: the table cell by cell.
 * The page is page 3 of the published 洪泽区 2023 report as scanned in fixtures/hongze-2023-scan-p3-4.pdf,
 * rendered to a PNG here (pdftoppm records its resolution) and encoded again as a JPEG without one.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { readReportFile } from './reportcheck.file.ts';
import { decodePng } from './reportcheck.png.ts';
import { pictureDpi, recordedDpi } from './reportcheck.image.ts';

/** Page 1 of the scan fixture as a PNG at `dpi`. */
function renderedPage(dpi: number): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-image-test-'));
  try {
    const fixture = new URL('./fixtures/hongze-2023-scan-p3-4.pdf', import.meta.url).pathname;
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', '-f', '1', '-l', '1', '-singlefile', fixture, join(dir, 'page')]);
    return new Uint8Array(readFileSync(join(dir, 'page.png')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same page as a JPEG (quality 85), with no resolution recorded. */
function asJpeg(png: Uint8Array): Uint8Array {
  const grey = decodePng(png)!;
  const data = new Uint8Array(grey.pixels.length * 4);
  grey.pixels.forEach((v, i) => data.set([v, v, v, 255], i * 4));
  return new Uint8Array(jpeg.encode({ data, width: grey.width, height: grey.height }, 85).data);
}

/** Section 三's rows printed on that page, as published (hand-checked: fixtures/hongze-2023.txt). */
const PRINTED: Record<string, number[]> = {
  newReceived: [21, 0, 0, 0, 0, 0, 21],
  carriedOver: [0, 0, 0, 0, 0, 0, 0],
  disclosed: [0, 0, 0, 0, 0, 0, 0],
  partiallyDisclosed: [4, 0, 0, 0, 0, 0, 4],
  withheld1: [1, 0, 0, 0, 0, 0, 1],
  withheld2: [0, 0, 0, 0, 0, 0, 0],
  withheld3: [0, 0, 0, 0, 0, 0, 0],
  withheld4: [0, 0, 0, 0, 0, 0, 0],
  withheld5: [0, 0, 0, 0, 0, 0, 0],
  withheld6: [1, 0, 0, 0, 0, 0, 1],
  withheld7: [1, 0, 0, 0, 0, 0, 1],
  withheld8: [0, 0, 0, 0, 0, 0, 0],
  unable1: [10, 0, 0, 0, 0, 0, 10],
  unable2: [3, 0, 0, 0, 0, 0, 3],
};

describe('a picture of a scanned page', () => {
  it('knows the resolution a page was made at, and not a screenshot’s', () => {
    const png = renderedPage(100);
    assert.equal(Math.round(recordedDpi(png)!), 100);
    // JFIF density 300 per inch; a page-shaped picture without one: its width over A4's.
    const jfif = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 1, 1, 44, 1, 44, 0, 0]);
    assert.equal(recordedDpi(jfif), 300);
    assert.equal(pictureDpi({ width: 1654, height: 2339, pixels: new Uint8Array(0) }, null), 200);
    assert.equal(pictureDpi({ width: 700, height: 670, pixels: new Uint8Array(0) }, 72), null);
  });

  for (const kind of ['PNG', 'JPEG'] as const) {
    it(`reads a ${kind} of the page cell by cell, as the scanned PDF's page`, { timeout: 240_000 }, async () => {
      const png = renderedPage(200);
      const bytes = kind === 'PNG' ? png : asJpeg(png);
      const report = await readReportFile({ name: `第3页.${kind === 'PNG' ? 'png' : 'jpg'}`, bytes });
      assert.equal(report.inputKind, 'image');
      const rows = report.applications.rows as Record<string, (number | null)[]>;
      if (kind === 'PNG') {
        assert.deepEqual(Object.fromEntries(Object.keys(PRINTED).map((key) => [key, rows[key]])), PRINTED);
        return;
      }
      // The JPEG's noise costs the page-wide reading two labels (a part of a page has too few rows
      // for the statutory sequence); every row it places is read as printed.
      const placed = Object.keys(PRINTED).filter((key) => rows[key].some((v) => v !== null));
      for (const key of placed) assert.deepEqual(rows[key], PRINTED[key], key);
      assert.ok(placed.length >= 12, `${placed.length} of 14 rows read`); // 12 when measured; none before pictures were read cell by cell
    });
  }
});

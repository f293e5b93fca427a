/**
 * Reading a scanned table cell by cell: the grid from its rules, the figure cells, the two
 * readings combined by the row's sums, and the statutory labels of section 三's rows. Synthetic
 * pages drawn here; the real scans (corpus/, corpus/scans/) prove the accuracy.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findCells, gridCells, horizontalRules } from './reportcheck.grid.ts';
import { cellFigure, figureCells, inkBox, repairRow, rowAddsUp, summedCells, voteFigure, withCellFigures } from './reportcheck.cellocr.ts';
import { figureRows, valueRows, withSection2Labels, withStatutoryLabels, type CellContent } from './reportcheck.ocrrows.ts';
import type { Cell } from './reportcheck.grid.ts';
import { repairByColumns, type ReadCell } from './reportcheck.colsums.ts';
import type { Greyscale } from './reportcheck.rules-lines.ts';

/** A white page with a ruled table: rows at `ys`, columns at `xs`, rules 2 pixels thick and grey. */
function table(xs: number[], ys: number[], grey = 120): Greyscale {
  const width = 1000;
  const height = 800;
  const pixels = new Uint8Array(width * height).fill(255);
  for (const y of ys) for (let x = xs[0]; x <= xs[xs.length - 1]; x++) pixels[y * width + x] = pixels[(y + 1) * width + x] = grey;
  for (const x of xs) for (let y = ys[0]; y <= ys[ys.length - 1]; y++) pixels[y * width + x] = pixels[y * width + x + 1] = grey;
  return { width, height, pixels };
}

/** A filled block standing for a printed figure. */
function ink(page: Greyscale, x0: number, y0: number, w: number, h: number) {
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) page.pixels[y * page.width + x] = 0;
}

describe('the grid of a scanned table', () => {
  const xs = [100, 400, 480, 560, 640];
  const ys = [100, 150, 200, 250];

  it('finds every cell between the rules, grey and broken rules too', () => {
    const page = table(xs, ys, 170);
    // A rule broken by a scanner: two light pixels in it.
    page.pixels[150 * page.width + 450] = page.pixels[150 * page.width + 451] = 255;
    page.pixels[151 * page.width + 450] = page.pixels[151 * page.width + 451] = 255;
    const cells = findCells(page, 200);
    assert.equal(cells.length, 12);
    assert.deepEqual(cells[1], { x0: 401, y0: 101, x1: 481, y1: 151 }); // the middle of a rule 2 pixels thick
  });

  it('does not take a bold stroke of a label for a rule, nor a merged label for cells', () => {
    const page = table(xs, ys);
    // A stroke 70 pixels long inside the label cell of the middle row: shorter than half an inch.
    for (let x = 150; x < 220; x++) page.pixels[175 * page.width + x] = 0;
    assert.ok(!horizontalRules(page, 100).some((r) => r.pos === 175));
    // A label cell merged over two rows has no rule between them on its side.
    const merged = gridCells(
      [
        { pos: 100, from: 100, to: 640 },
        { pos: 150, from: 400, to: 640 },
        { pos: 200, from: 100, to: 640 },
      ],
      xs.map((x) => ({ pos: x, from: 100, to: 200 })),
    );
    assert.equal(merged.filter((c) => c.x0 === 100).length, 0);
    assert.equal(merged.length, 6);
  });

  it('joins the pieces of a rule laid slightly askew into one rule', () => {
    const page = table([0], [0]);
    const dark = (y: number, from: number, to: number) => {
      for (let x = from; x <= to; x++) page.pixels[y * page.width + x] = 0;
    };
    // Two pieces on one line, bridged by a third on the next: one rule, not two that overlap.
    dark(300, 100, 140);
    dark(300, 200, 250);
    dark(301, 130, 210);
    assert.deepEqual(
      horizontalRules(page, 30).filter((r) => r.pos >= 300),
      [{ pos: 300, from: 100, to: 250 }],
    );
  });

  it('takes single-line ink as a figure cell, not a blank cell or a tall one', () => {
    const page = table(xs, ys);
    ink(page, 430, 115, 10, 20); // a figure
    ink(page, 500, 205, 8, 40); // taller than a figure
    const cells = findCells(page, 200);
    assert.equal(inkBox(page, cells[1], 5)?.x0, 430);
    assert.equal(inkBox(page, cells[2], 5), null); // blank
    const found = figureCells(page, cells, 200);
    assert.deepEqual(
      found.map((f) => f.box),
      [{ x0: 430, y0: 115, x1: 440, y1: 135 }],
    );
  });
});

describe('figures read cell by cell', () => {
  it('keeps integers and amounts, drops specks and what is not a figure', () => {
    assert.equal(cellFigure('95'), '95');
    assert.equal(cellFigure('7545.'), '7545');
    assert.equal(cellFigure('7730.28'), '7730.28');
    assert.equal(cellFigure(''), null);
    assert.equal(cellFigure('1.2.3'), null);
  });

  it('checks the sums of a section 三 row and of section 四', () => {
    assert.ok(rowAddsUp([95, 0, 0, 0, 0, 0, 95]));
    assert.ok(!rowAddsUp([2, 0, 0, 0, 0, 0, 21]));
    assert.ok(rowAddsUp([1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3]));
    assert.ok(!rowAddsUp([1, 1, 0, 0, 0, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3]));
  });

  it('repairs a row by its sum only when one combination of the two readings adds up', () => {
    // The English reading cut “21” to “2”; the Chinese one has it.
    assert.deepEqual(repairRow([['2', '0', '0', '0', '0', '0', '21'], ['21', '0', '0', '0', '0', '0', '21']]), ['21', '0', '0', '0', '0', '0', '21']);
    // Two combinations add up ([2 … 2] and [21 … 21]): no repair.
    assert.deepEqual(repairRow([['2', '0', '0', '0', '0', '0', '21'], ['21', '0', '0', '0', '0', '0', '2']]), ['2', '0', '0', '0', '0', '0', '21']);
    // A cell neither reading could read is what the sum leaves for it.
    assert.deepEqual(repairRow([['34', null, '0', '0', '0', '0', '34'], [null, null, '0', '0', '0', '0', '34']]), ['34', '0', '0', '0', '0', '0', '34']);
    // Two unread cells: no guess.
    assert.deepEqual(repairRow([['34', null, null, '0', '0', '0', '34'], [null, null, null, '0', '0', '0', '34']]), ['34', null, null, '0', '0', '0', '34']);
    // A third reading (the cells enlarged further, black and white) joins the combinations.
    assert.deepEqual(
      repairRow([['12838', '2', '0', '0', '50', '3', '1362'], ['12838', '2', '0', '0', '50', '3', '1362'], ['1288', '21', '0', '0', '50', '3', '1362']]),
      ['1288', '21', '0', '0', '50', '3', '1362'],
    );
    // An alternative reading is tried, but fills no gap: 746 and 1 read at other sizes make the row add up.
    assert.deepEqual(
      repairRow([['76', '12', '0', '0', '10', '7', '769'], ['7', '12', null, null, '10', null, '769']], [['746', '12', null, null, '1', null, '769'], ['76', '12', '0', null, '10', '1', '769']]),
      ['746', '12', '0', '0', '10', '1', '769'],
    );
    // The 6 an alternative alone read does not fill the unread cell: the sum does, once 11 is tried as the total.
    assert.deepEqual(repairRow([['11', '0', null, '0', '0', '0', '1']], [['11', '0', '6', '0', '0', '0', '11']]), ['11', '0', '0', '0', '0', '0', '11']);
    // Two combinations of three readings add up: none is taken.
    assert.deepEqual(repairRow([['7', '7', '0', '0', '0', '0', '8'], ['1', '7', '0', '0', '0', '0', '8'], ['7', '1', '0', '0', '0', '0', '8']]), ['7', '7', '0', '0', '0', '0', '8']);
    // A printed row that does not add up stays as read (a true error of the report).
    assert.deepEqual(repairRow([['5', '1', '0', '0', '0', '0', '9'], ['5', '1', '0', '0', '0', '0', '9']]), ['5', '1', '0', '0', '0', '0', '9']);
  });

  it('replaces the page-wide words in a read cell, keeping labels', () => {
    const cell = { x0: 400, y0: 100, x1: 480, y1: 150 };
    const words = [
      { page: 1, x0: 410, y0: 110, x1: 470, y1: 140, text: '是' }, // a figure read as a character
      { page: 1, x0: 395, y0: 95, x1: 485, y1: 170, text: '0|010' }, // a tall word of figures and rules, centre outside the cell
      { page: 1, x0: 110, y0: 110, x1: 300, y1: 140, text: '一、本年新收' },
    ];
    const out = withCellFigures(words, [{ cell, box: { x0: 430, y0: 115, x1: 450, y1: 135 } }], ['95'], 1);
    assert.deepEqual(
      out.map((w) => w.text),
      ['一、本年新收', '95'],
    );
  });

  it('drops a character read on the rule between two read figures, not a label beside them', () => {
    const cells = [
      { x0: 100, y0: 100, x1: 400, y1: 150 },
      { x0: 400, y0: 100, x1: 480, y1: 150 },
      { x0: 480, y0: 100, x1: 560, y1: 150 },
    ];
    const words = [
      { page: 1, x0: 470, y0: 110, x1: 490, y1: 140, text: '加' },
      { page: 1, x0: 110, y0: 110, x1: 300, y1: 140, text: '8.属于行政查询事项' },
    ];
    const found = cells.slice(1).map((cell) => ({ cell, box: { x0: cell.x0 + 30, y0: 115, x1: cell.x0 + 50, y1: 135 } }));
    assert.deepEqual(
      withCellFigures(words, found, ['0', '0'], 1).map((w) => w.text),
      ['8.属于行政查询事项', '0', '0'],
    );
  });

  it('checks the figures of a row by its sums, not a short label in a narrow cell before them', () => {
    assert.deepEqual(summedCells(['（四）', '76', '12', '0', '0', '10', '7', '769']), ['76', '12', '0', '0', '10', '7', '769']);
    assert.equal(summedCells(Array.from({ length: 15 }, String)).length, 15);
    assert.deepEqual(summedCells(['1', '2', '3']), []);
  });

  it('takes the figure two of three readings agree on where no sum can check it', () => {
    assert.equal(voteFigure(['27716', '2776', '2776']), '2776');
    assert.equal(voteFigure(['7545', '7345', '7545']), '7545');
    assert.equal(voteFigure(['12', '13', '14']), '12');
    assert.equal(voteFigure([null, '84', null]), '84');
    assert.equal(voteFigure([null, null, null]), null);
  });
});

describe('section 二 rows labelled by the statutory sequence', () => {
  /** A band at `y`: a label cell, then `values` value cells (wide, as section 二's are). */
  const band = (y: number, values: number): Cell[] => [
    { x0: 100, y0: y, x1: 300, y1: y + 40 },
    ...Array.from({ length: values }, (_, i) => ({ x0: 300 + i * (600 / values), y0: y, x1: 300 + (i + 1) * (600 / values), y1: y + 40 })),
  ];
  const title = (y: number): Cell[] => [{ x0: 100, y0: y, x1: 900, y1: y + 40 }];
  /** Section 二 as printed: title and heading bands, then 规章, 行政规范性文件 (3 figures) and four rows of one. */
  const layout = [title(100), band(140, 3), band(180, 3), band(220, 3), title(260), band(300, 1), band(340, 1), title(380), band(420, 1), band(460, 1), band(500, 1)];
  const cells = layout.flat();
  // The heading bands (信息内容 | 本年制发件数 …) hold words; titles are one cell; the rest hold figures.
  const headings = new Set([140, 300, 420]);
  const content = (c: Cell): CellContent => (c.x1 - c.x0 >= 800 || headings.has(c.y0) ? 'other' : c.x0 === 100 ? 'other' : 'figure');

  it('replaces the labels OCR lost or garbled when the rows are section 二\'s, and only then', () => {
    const rows = valueRows(cells, content, 2);
    assert.deepEqual(
      rows.map((r) => [r.y0, r.cells.length]),
      [
        [180, 3],
        [220, 3],
        [340, 1],
        [460, 1],
        [500, 1],
      ],
    );
    // 行政处罚's row (y 420) is a heading here: five rows, not section 二; the words stay.
    const words = [{ page: 2, x0: 110, y0: 190, x1: 150, y1: 210, text: '2' }];
    assert.deepEqual(withSection2Labels(words, rows, []), words);
    // With it a row of one figure: the six statutory labels, the garbled word gone.
    const six = valueRows(cells, (c) => (c.y0 === 420 && c.x0 === 100 ? 'other' : c.y0 === 420 ? 'figure' : content(c)), 2);
    const labelled = withSection2Labels(words, six, []);
    assert.deepEqual(
      labelled.map((w) => w.text),
      ['规章', '行政规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费'],
    );
    assert.ok(labelled[0].y0 > 180 && labelled[0].y1 < 220 && labelled[0].x1 < 300);
  });

  it('leaves a blank cell a value, but not a cell of words', () => {
    const blank = valueRows(band(100, 3), (c) => (c.x0 === 100 ? 'other' : 'blank'), 1);
    assert.equal(blank[0].cells.length, 3);
    assert.deepEqual(valueRows(band(100, 3), (c) => (c.x0 === 100 ? 'other' : c.x0 === 300 ? 'other' : 'figure'), 1), []);
  });
});

describe('section 三 rows labelled by the statutory sequence', () => {
  /** A band of a label cell and seven figure cells. */
  const band = (y: number) => [
    { x0: 100, y0: y, x1: 600, y1: y + 40 },
    ...Array.from({ length: 7 }, (_, i) => ({ x0: 600 + i * 80, y0: y, x1: 680 + i * 80, y1: y + 40 })),
  ];

  it('finds the rows that end in seven figure cells', () => {
    const rows = figureRows([...band(100), ...band(140)], 140, 3);
    assert.deepEqual(
      rows.map((r) => [r.page, r.y0, r.figures, r.figuresLeft]),
      [
        [3, 100, 7, 600],
        [3, 140, 7, 600],
      ],
    );
  });

  it('replaces garbled labels when the rows are exactly the statutory ones, and only then', () => {
    const cells = Array.from({ length: 25 }, (_, i) => band(100 + i * 40)).flat();
    const rows = figureRows(cells, 140, 1);
    const words = [
      { page: 1, x0: 110, y0: 190, x1: 300, y1: 210, text: '一)子以人开' },
      { page: 1, x0: 610, y0: 190, x1: 630, y1: 210, text: '50' },
    ];
    const labelled = withStatutoryLabels(words, rows);
    const third = labelled.filter((w) => w.y0 >= 180 && w.y1 <= 220).map((w) => w.text);
    assert.deepEqual(third.sort(), ['50', '（一）予以公开']);
    assert.ok(labelled.some((w) => w.text === '（三）不予公开'));
    assert.ok(labelled.some((w) => w.text === '四、结转下年度继续办理'));
    // 24 rows: not the statutory table; the words stay as read.
    assert.deepEqual(withStatutoryLabels(words, rows.slice(1)), words);
  });
});

describe('section 三 of a scan checked by its columns', () => {
  /** 25 rows of seven cells, every figure read once, as printed: the outcomes add up to （七）总计. */
  const printed = () => {
    const rows: number[][] = Array.from({ length: 25 }, () => [0, 0, 0, 0, 0, 0, 0]);
    rows[0] = [21, 0, 0, 0, 0, 0, 21]; // 一、本年新收
    rows[13] = [11, 0, 0, 0, 0, 0, 11]; // an outcome row
    rows[5] = [10, 0, 0, 0, 0, 0, 10];
    rows[23] = [21, 0, 0, 0, 0, 0, 21]; // （七）总计
    return rows.map((row, r) => row.map((v, j): ReadCell => ({ page: 1, box: { x0: j, y0: r, x1: j + 1, y1: r + 1 }, figure: String(v), options: [String(v)] })));
  };

  it('takes another reading of a cell when it makes its row and its column add up, and only then', () => {
    const rows = printed();
    // 11 read as 1 in the row's total, 11 among the cell's readings; its neighbour left unread.
    rows[13][6] = { ...rows[13][6], figure: '1', options: ['1', '11'] };
    rows[13][2] = { ...rows[13][2], figure: null, options: [] };
    const fixes = repairByColumns(rows);
    assert.deepEqual([...fixes].map(([c, v]) => [c.box.y0, c.box.x0, v]), [[13, 6, '11']]);
    // No reading gives 11: the row stays as read (the error shows).
    rows[13][6] = { ...rows[13][6], options: ['1', '7'] };
    assert.equal(repairByColumns(rows).size, 0);
    // Not section 三's 25 (or 23) rows: nothing is changed.
    assert.equal(repairByColumns(rows.slice(1)).size, 0);
  });
});

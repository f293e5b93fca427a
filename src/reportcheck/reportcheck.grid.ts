/**
 * The ruled grid of a scanned page's tables: cells found from the ruling lines, so that each
 * figure can be cropped and read on its own (reportcheck.cellocr.ts). Page-wide OCR reads a
 * table's figures poorly: it runs neighbouring cells together, reads grey rules as “1” and drops
 * whole rows on a noisy scan; a cell cut out between its rules holds one figure and nothing else.
 *
 * Works on a straight (deskewed) 8-bit greyscale page, one byte a pixel, 0 black. Pure.
 */
import type { Greyscale } from './reportcheck.rules-lines.ts';

/** A straight rule: `pos` is its y (horizontal) or x (vertical), it runs from `from` to `to`. */
export interface Rule {
  pos: number;
  from: number;
  to: number;
}

export interface Cell {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Darker than this is ink; a grey rule of a noisy scan is still darker. */
const RULE_DARK = 185;
/** Light pixels a rule may miss in a row (a broken or speckled rule) and still be one rule. */
const RULE_GAP = 3;
/** Pixels between two runs that are one rule drawn thick (or a rule slightly askew). */
const SAME_RULE = 3;

/** Dark runs along one direction (gaps of up to RULE_GAP bridged) at least `min` long. */
function runs(image: Greyscale, horizontal: boolean, min: number): Rule[] {
  const { width, height, pixels } = image;
  const lines = horizontal ? height : width;
  const length = horizontal ? width : height;
  const found: Rule[] = [];
  for (let p = 0; p < lines; p++) {
    let start = -1;
    let lastDark = -RULE_GAP - 2;
    for (let q = 0; q <= length; q++) {
      const dark = q < length && pixels[horizontal ? p * width + q : q * width + p] < RULE_DARK;
      if (dark) {
        if (start < 0 || q - lastDark > RULE_GAP + 1) {
          if (start >= 0 && lastDark - start + 1 >= min) found.push({ pos: p, from: start, to: lastDark });
          start = q;
        }
        lastDark = q;
      }
    }
    if (start >= 0 && lastDark - start + 1 >= min) found.push({ pos: p, from: start, to: lastDark });
  }
  return found;
}

/** Runs on neighbouring lines that overlap are one rule, at their mean position. */
function merge(found: Rule[]): Rule[] {
  const rules: (Rule & { sum: number; n: number; last: number })[] = [];
  for (const r of found) {
    const same = rules.find((m) => r.pos - m.last <= SAME_RULE && r.from <= m.to && r.to >= m.from);
    if (same) {
      same.from = Math.min(same.from, r.from);
      same.to = Math.max(same.to, r.to);
      same.sum += r.pos;
      same.n++;
      same.last = r.pos;
    } else rules.push({ ...r, sum: r.pos, n: 1, last: r.pos });
  }
  // A rule laid slightly askew comes in pieces on neighbouring lines that the single pass above can
  // leave apart (each piece joined to a different earlier run): pieces that overlap are one rule.
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const [a, b] = [rules[i], rules[j]];
      if (Math.abs(a.sum / a.n - b.sum / b.n) > SAME_RULE || b.from > a.to + RULE_GAP || b.to < a.from - RULE_GAP) continue;
      Object.assign(a, { from: Math.min(a.from, b.from), to: Math.max(a.to, b.to), sum: a.sum + b.sum, n: a.n + b.n });
      rules.splice(j, 1);
      j = i;
    }
  }
  return rules.map((m) => ({ pos: Math.round(m.sum / m.n), from: m.from, to: m.to })).sort((a, b) => a.pos - b.pos || a.from - b.from);
}

/** Horizontal rules at least `min` pixels long. */
export function horizontalRules(image: Greyscale, min: number): Rule[] {
  return merge(runs(image, true, min));
}

/**
 * Vertical rules at least `min` pixels long that meet a horizontal rule: a tall character's
 * stroke does not reach a table's rules, a column's rule does.
 */
export function verticalRules(image: Greyscale, min: number, horizontals: Rule[]): Rule[] {
  const near = SAME_RULE + 2;
  return merge(runs(image, false, min)).filter((v) =>
    horizontals.some((h) => v.pos >= h.from - near && v.pos <= h.to + near && h.pos >= v.from - near && h.pos <= v.to + near),
  );
}

/** Whether some rule at `pos` covers the stretch from `a` to `b` (most of it: rules are broken). */
function covered(rules: Rule[], pos: number, a: number, b: number): boolean {
  const tolerance = SAME_RULE + 2;
  const span = b - a;
  let length = 0;
  for (const r of rules) {
    if (Math.abs(r.pos - pos) > tolerance) continue;
    length += Math.max(0, Math.min(r.to, b) - Math.max(r.from, a));
  }
  return length >= span * 0.8;
}

/**
 * The cells of the page's ruled tables: between two neighbouring levels of horizontal rules, the
 * stretches between vertical rules that cross the whole band and are closed by a rule above and
 * below. A cell merged over several rows (a label spanning them) has no rule at the levels in
 * between, so its pieces are not cells; nor is the margin beside a table.
 */
export function gridCells(horizontals: Rule[], verticals: Rule[]): Cell[] {
  const levels: number[] = [];
  for (const h of horizontals) if (!levels.some((y) => Math.abs(y - h.pos) <= SAME_RULE + 2)) levels.push(h.pos);
  levels.sort((a, b) => a - b);
  const cells: Cell[] = [];
  for (let i = 0; i + 1 < levels.length; i++) {
    const [top, bottom] = [levels[i], levels[i + 1]];
    const inset = Math.min(4, (bottom - top) / 4);
    const xs = verticals
      .filter((v) => v.from <= top + inset + SAME_RULE && v.to >= bottom - inset - SAME_RULE)
      .map((v) => v.pos)
      .sort((a, b) => a - b);
    for (let j = 0; j + 1 < xs.length; j++) {
      const [left, right] = [xs[j], xs[j + 1]];
      if (right - left <= 2 * SAME_RULE) continue;
      if (covered(horizontals, top, left, right) && covered(horizontals, bottom, left, right)) cells.push({ x0: left, y0: top, x1: right, y1: bottom });
    }
  }
  return cells;
}

/** The cells of a straight page, rules measured for its resolution (`dpi`). */
export function findCells(image: Greyscale, dpi: number): Cell[] {
  const horizontals = horizontalRules(image, Math.round(dpi * 0.5));
  const verticals = verticalRules(image, Math.round(dpi * 0.12), horizontals);
  return gridCells(horizontals, verticals);
}

/** Items grouped by the band (same top and bottom rule) of their cell, each band left to right. */
export function byBand<T>(items: T[], cellOf: (item: T) => Cell): T[][] {
  const bands = new Map<string, T[]>();
  for (const item of items) {
    const c = cellOf(item);
    const key = `${c.y0}:${c.y1}`;
    bands.set(key, [...(bands.get(key) ?? []), item]);
  }
  return [...bands.values()].map((band) => band.sort((a, b) => cellOf(a).x0 - cellOf(b).x0));
}

/**
 * Table rules removed from a scanned page before OCR. Tesseract reads the vertical rules between
 * figures as “1” or “|” (“0 | 0 | 0” comes out as “01010”), which turns every row of a ruled
 * table into run-together digits; with the rules whitened, the figures stand apart as printed.
 *
 * Works on an 8-bit greyscale raster (one byte a pixel, 0 black); pure, in place.
 */

export interface Greyscale {
  width: number;
  height: number;
  /** width × height bytes, row by row. */
  pixels: Uint8Array;
}

const DARK = 140;
/** Pixels around a rule that anti-aliasing left grey are cleared too. */
const HALO = 170;

/**
 * Whitens every straight dark run longer than the given lengths: horizontal runs of at least
 * `minHorizontal` pixels and vertical runs of at least `minVertical`. A character's strokes are
 * shorter than a rule: at 200 dpi a 10.5 pt character is about 30 pixels tall.
 */
export function removeRules(image: Greyscale, minHorizontal: number, minVertical: number, halo = 1): void {
  const { width, height, pixels } = image;
  const clear: number[] = [];
  const mark = (i: number) => clear.push(i);
  for (let y = 0; y < height; y++) {
    let start = -1;
    for (let x = 0; x <= width; x++) {
      const dark = x < width && pixels[y * width + x] < DARK;
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        if (x - start >= minHorizontal) for (let k = start; k < x; k++) mark(y * width + k);
        start = -1;
      }
    }
  }
  for (let x = 0; x < width; x++) {
    let start = -1;
    for (let y = 0; y <= height; y++) {
      const dark = y < height && pixels[y * width + x] < DARK;
      if (dark && start < 0) start = y;
      if (!dark && start >= 0) {
        if (y - start >= minVertical) for (let k = start; k < y; k++) mark(k * width + x);
        start = -1;
      }
    }
  }
  for (const i of clear) pixels[i] = 255;
  // The grey edge of a rule (`halo` pixels: two on an anti-aliased screenshot) would otherwise
  // read as dots between figures.
  const offsets = halo > 1 ? [-2, -1, 1, 2] : [-1, 1];
  const grey = halo > 1 ? 200 : HALO;
  for (const i of clear) {
    const x = i % width;
    for (const d of offsets) {
      for (const j of [i + d, i + d * width]) {
        if (j < 0 || j >= pixels.length || Math.abs((j % width) - x) > 2) continue;
        if (pixels[j] < grey) pixels[j] = 255;
      }
    }
  }
}

/** A binary PGM (P5, maxval 255) as pdftoppm -gray writes it. */
export function parsePgm(bytes: Uint8Array): Greyscale {
  const header = new TextDecoder('latin1').decode(bytes.subarray(0, 100));
  const m = /^P5\s+(?:#[^\n]*\n\s*)*(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!m || m[3] !== '255') throw new Error('不是 8 位灰度 PGM 图像');
  const width = Number(m[1]);
  const height = Number(m[2]);
  const offset = m[0].length;
  return { width, height, pixels: bytes.subarray(offset, offset + width * height) };
}

export function writePgm(image: Greyscale): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.pixels.length);
  out.set(header);
  out.set(image.pixels, header.length);
  return out;
}

/** Skew a scanner leaves (a page laid slightly askew): up to this many degrees either way. */
const MAX_SKEW = 3;
const SKEW_STEP = 0.1;

/**
 * The angle (degrees, counter-clockwise positive as the page appears) by which the text rows and
 * rules of a scanned page are tilted: the angle whose projection piles the dark pixels into the
 * fewest, fullest rows. Measured on every fourth column; pure.
 */
export function skewAngle(image: Greyscale): number {
  const { width, height, pixels } = image;
  const points: number[] = [];
  // Every row, every fourth column: sampling rows too would favour the unturned angle.
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x += 4) if (pixels[y * width + x] < 128) points.push(x, y);
  if (points.length < 200) return 0;
  let best = 0;
  let bestScore = -1;
  // Rows a point can project to: its own, moved by up to tan(MAX_SKEW) of the page's width.
  const margin = Math.ceil(width * Math.tan((MAX_SKEW * Math.PI) / 180)) + 1;
  const bins = new Float64Array(height + 2 * margin);
  for (let step = -MAX_SKEW / SKEW_STEP; step <= MAX_SKEW / SKEW_STEP; step++) {
    const angle = step * SKEW_STEP;
    const slope = Math.tan((angle * Math.PI) / 180);
    bins.fill(0);
    for (let i = 0; i < points.length; i += 2) {
      const row = Math.round(points[i + 1] - (points[i] - width / 2) * slope) + margin;
      if (row >= 0 && row < bins.length) bins[row]++;
    }
    let score = 0;
    for (const b of bins) score += b * b;
    if (score > bestScore) {
      bestScore = score;
      best = angle;
    }
  }
  return best;
}

/** The page turned by `degrees` about its centre (nearest pixel; what falls outside is white). */
export function rotate(image: Greyscale, degrees: number): Greyscale {
  const { width, height, pixels } = image;
  const out = new Uint8Array(width * height).fill(255);
  const cos = Math.cos((degrees * Math.PI) / 180);
  const sin = Math.sin((degrees * Math.PI) / 180);
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // The source pixel that lands on (x, y).
      const sx = Math.round(cos * (x - cx) + sin * (y - cy) + cx);
      const sy = Math.round(-sin * (x - cx) + cos * (y - cy) + cy);
      if (sx >= 0 && sx < width && sy >= 0 && sy < height) out[y * width + x] = pixels[sy * width + sx];
    }
  }
  return { width, height, pixels: out };
}

/** A scanned page laid straight: turned back by its skew when that is a tenth of a degree or more. */
export function deskew(image: Greyscale): Greyscale {
  const angle = skewAngle(image);
  return Math.abs(angle) < SKEW_STEP / 2 ? image : rotate(image, -angle);
}

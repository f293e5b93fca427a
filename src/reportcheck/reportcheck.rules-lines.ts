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

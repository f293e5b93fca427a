/**
 * A picture of a report (PNG or JPEG: a scanned page, a photo, a screenshot) → greyscale pixels
 * and the resolution it was made at, so that it goes through the same cell-by-cell reading as a
 * scanned PDF's page (reportcheck.pdf.ts): finding a table's grid and reading each figure cell
 * need to know how large an inch is on the picture.
 *
 * Pure.
 */
import jpeg from 'jpeg-js';
import { decodePng } from './reportcheck.png.ts';
import type { Greyscale } from './reportcheck.rules-lines.ts';

export interface Picture {
  image: Greyscale;
  /** Pixels per inch, when the file records one that a page could be scanned at or can be told from its shape. */
  dpi: number | null;
}

/** Resolutions a page is scanned or rendered at; a screenshot records 72 or 96, which says nothing. */
const MIN_DPI = 100;
const MAX_DPI = 600;
/** Larger pictures are not decoded (tesseract still reads them as they are). */
const MAX_PIXELS = 40_000_000;
/** An A4 page's width in inches, and its height over its width. */
const A4_WIDTH = 8.27;
const A4_RATIO = 297 / 210;

/** PNG's pHYs (pixels per metre), or JFIF's density (per inch or per cm), as pixels per inch. */
export function recordedDpi(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] === 0x89) {
    for (let offset = 8; offset + 8 <= bytes.length; ) {
      const length = view.getUint32(offset);
      const type = new TextDecoder('latin1').decode(bytes.subarray(offset + 4, offset + 8));
      if (type === 'pHYs' && length >= 9) return bytes[offset + 16] === 1 ? view.getUint32(offset + 8) * 0.0254 : null;
      if (type === 'IDAT' || type === 'IEND') return null;
      offset += 12 + length;
    }
    return null;
  }
  // JFIF: the APP0 segment right after the start of image.
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff && bytes[3] === 0xe0 && bytes.length > 18) {
    const id = new TextDecoder('latin1').decode(bytes.subarray(6, 10));
    const units = bytes[13];
    const density = view.getUint16(14);
    if (id === 'JFIF' && units === 1) return density;
    if (id === 'JFIF' && units === 2) return density * 2.54;
  }
  return null;
}

/**
 * The resolution a picture was made at: the one it records when a scan could be made at it,
 * else, for a picture shaped like an A4 page (upright, at least 1000 pixels wide), its width over
 * the page's; else null (a screenshot of part of a page: read as it is).
 */
export function pictureDpi(image: Greyscale, recorded: number | null): number | null {
  if (recorded !== null && recorded >= MIN_DPI && recorded <= MAX_DPI) return Math.round(recorded);
  const ratio = image.height / image.width;
  if (image.width >= 1000 && Math.abs(ratio - A4_RATIO) < 0.08) return Math.round(image.width / A4_WIDTH);
  return null;
}

/** A PNG or JPEG picture decoded, or null when it is neither or cannot be decoded here. */
export function decodePicture(bytes: Uint8Array): Picture | null {
  let image: Greyscale | null = null;
  if (bytes[0] === 0x89) image = decodePng(bytes);
  else if (bytes[0] === 0xff && bytes[1] === 0xd8) image = decodeJpeg(bytes);
  return image && { image, dpi: pictureDpi(image, recordedDpi(bytes)) };
}

function decodeJpeg(bytes: Uint8Array): Greyscale | null {
  try {
    const { width, height, data } = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_PIXELS / 1e6, maxMemoryUsageInMB: 1024 });
    const pixels = new Uint8Array(width * height);
    for (let i = 0; i < pixels.length; i++) pixels[i] = (data[4 * i] * 299 + data[4 * i + 1] * 587 + data[4 * i + 2] * 114) / 1000;
    return { width, height, pixels };
  } catch {
    return null; // a JPEG this decoder does not read (arithmetic coding, CMYK): tesseract reads the file as it is
  }
}

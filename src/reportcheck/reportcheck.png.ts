/**
 * A PNG screenshot or scan → an 8-bit greyscale raster, so that its table rules can be removed
 * before OCR as for a scanned PDF (reportcheck.rules-lines.ts). Non-interlaced PNGs of 8-bit
 * grey, grey+alpha, RGB, RGBA or palette colour, and 1-bit grey (bitonal scans); anything else
 * returns null and is read as it is.
 */
import { inflateSync } from 'node:zlib';
import type { Greyscale } from './reportcheck.rules-lines.ts';

/** Larger images are not decoded here (tesseract still reads them as they are). */
const MAX_PIXELS = 40_000_000;

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function decodePng(bytes: Uint8Array): Greyscale | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  let width = 0;
  let height = 0;
  let depth = 0;
  let colour = 0;
  let interlace = 0;
  let palette: Uint8Array | null = null;
  const data: Uint8Array[] = [];
  while (offset + 8 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = new TextDecoder('latin1').decode(bytes.subarray(offset + 4, offset + 8));
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(offset + 8);
      height = view.getUint32(offset + 12);
      depth = body[8];
      colour = body[9];
      interlace = body[12];
    } else if (type === 'PLTE') palette = body;
    else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[colour];
  const supported = channels !== undefined && interlace === 0 && (depth === 8 || (depth === 1 && colour === 0));
  if (!supported || width * height === 0 || width * height > MAX_PIXELS || (colour === 3 && !palette)) return null;
  const raw = inflateSync(Buffer.concat(data));
  const stride = depth === 1 ? Math.ceil(width / 8) : width * channels;
  const bpp = depth === 1 ? 1 : channels;
  if (raw.length < (stride + 1) * height) return null;
  const pixels = new Uint8Array(width * height);
  let previous = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = new Uint8Array(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? line[i - bpp] : 0;
      const b = previous[i];
      const c = i >= bpp ? previous[i - bpp] : 0;
      const add = filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : filter === 4 ? paeth(a, b, c) : 0;
      line[i] = (line[i] + add) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      let grey: number;
      if (depth === 1) grey = (line[x >> 3] >> (7 - (x & 7))) & 1 ? 255 : 0;
      else if (colour === 3) {
        const p = line[x] * 3;
        grey = (palette![p] * 299 + palette![p + 1] * 587 + palette![p + 2] * 114) / 1000;
      } else if (channels >= 3) {
        const p = x * channels;
        grey = (line[p] * 299 + line[p + 1] * 587 + line[p + 2] * 114) / 1000;
      } else grey = line[x * channels];
      pixels[y * width + x] = grey;
    }
    previous = line;
  }
  return { width, height, pixels };
}

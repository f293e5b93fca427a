/**
 * Zip archives (.docx, .xlsx) checked before anything inflates them: a 300 KB upload may declare
 * a 100 MB `word/document.xml`, and the libraries that read Office files inflate every part in
 * memory. The central directory is read here, without inflating, and the archive is refused
 * when an entry or the whole would inflate beyond the limits or at a ratio no Office file has.
 * `verifyInflation` then inflates each entry with its output capped, because the sizes in the
 * directory are only the archive's own claim.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  /** Largest inflated size of one entry. */
  maxEntryBytes: number;
  /** Largest inflated size of all entries together. */
  maxTotalBytes: number;
  /** Largest inflated/compressed ratio, for entries above `ratioFloorBytes`. */
  maxRatio: number;
  /** Small entries may compress very well (an empty part); the ratio applies above this size. */
  ratioFloorBytes: number;
  maxEntries: number;
}

/** Office files of published reports and attachments: far below these, a bomb far above. */
export const OFFICE_ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 40 * 1024 * 1024,
  maxTotalBytes: 120 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 5000,
};

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** Why an archive is refused, in Chinese, for the caller to wrap in its own AppError. */
export class ZipRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipRefused';
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MB = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

function findEndOfDirectory(buf: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const stop = Math.max(0, buf.length - 22 - 65535);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/** The entries as the central directory declares them; refuses what would inflate too far. */
export function inspectZip(bytes: Uint8Array, limits: ZipLimits = OFFICE_ZIP_LIMITS): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = buf.length >= 22 ? findEndOfDirectory(buf) : -1;
  if (eocd < 0) throw new ZipRefused('不是完整的压缩文件（找不到目录），文件可能已损坏');
  const count = buf.readUInt16LE(eocd + 10);
  const dirOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipRefused('使用了 ZIP64 大文件格式，Office 文档不需要，已拒绝');
  if (count > limits.maxEntries) throw new ZipRefused(`压缩文件含 ${count} 个条目，超过上限 ${limits.maxEntries}`);
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw new ZipRefused('压缩文件目录已损坏');
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localHeaderOffset = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    if (size === 0xffffffff || compressedSize === 0xffffffff) throw new ZipRefused('使用了 ZIP64 大文件格式，Office 文档不需要，已拒绝');
    if (size > limits.maxEntryBytes) throw new ZipRefused(`其中“${name}”解压后 ${MB(size)}，超过上限 ${MB(limits.maxEntryBytes)}，疑似压缩炸弹`);
    if (size > limits.ratioFloorBytes && size > limits.maxRatio * Math.max(compressedSize, 1)) {
      throw new ZipRefused(`其中“${name}”压缩比达 ${Math.round(size / Math.max(compressedSize, 1))}:1（解压后 ${MB(size)}），疑似压缩炸弹`);
    }
    total += size;
    if (total > limits.maxTotalBytes) throw new ZipRefused(`解压后合计超过 ${MB(limits.maxTotalBytes)}，疑似压缩炸弹`);
    entries.push({ name, method, compressedSize, size, localHeaderOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Inflates every entry with its output capped at the declared size, so that an archive whose
 * directory understates its sizes is refused here instead of by the memory limit.
 */
export function verifyInflation(bytes: Uint8Array, entries: ZipEntry[]): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of entries) {
    const p = e.localHeaderOffset;
    if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) throw new ZipRefused(`压缩文件中“${e.name}”的位置已损坏`);
    const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    const data = buf.subarray(start, start + e.compressedSize);
    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw new ZipRefused(`压缩文件中“${e.name}”的大小与目录不符`);
      continue;
    }
    if (e.method !== 8) throw new ZipRefused(`压缩文件中“${e.name}”使用了不支持的压缩方式`);
    try {
      // One byte over the declared size is enough to know the declaration is false.
      const out = inflateRawSync(data, { maxOutputLength: Math.max(e.size, 1) + 1 });
      if (out.length > e.size) throw new RangeError('larger than declared');
    } catch (err) {
      if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new ZipRefused(`压缩文件中“${e.name}”解压后大于其声明的 ${MB(e.size)}，疑似压缩炸弹`);
      }
      throw new ZipRefused(`压缩文件中“${e.name}”无法解压，文件可能已损坏`);
    }
  }
}

/**
 * Rows in COPY's binary format, for the search benchmark's loader (search.load.ts). The search
 * rows' vectors are most of a row and, sent as tsvector text, most of the server's work on it
 * (reading the text, then sorting its lexemes); in the binary format the server copies the
 * lexemes and positions as they come. They are sent sorted, as tsvector text input stores them,
 * so that the stored value is byte for byte the one the application's text gives (a vector
 * received unsorted is sorted by its entries only, its lexemes left in the order sent).
 */
import type { Vector } from '../src/publishing/search.vectors.ts';

/** The column types the binary rows can carry (PostgreSQL's `format_type` names). */
export type BinaryType = 'integer' | 'bigint' | 'smallint' | 'text' | 'tsvector';

export function binaryTypeOf(column: string, type: string): BinaryType {
  if (type === 'integer' || type === 'bigint' || type === 'smallint' || type === 'text' || type === 'tsvector') return type;
  throw new Error(`the loader has no binary form for column ${column} of type ${type}`);
}

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const WEIGHT_A = 3 << 14;

/** True when UTF-16 order may differ from UTF-8 byte order (a surrogate pair against U+E000–U+FFFF). */
function hasSurrogate(list: string[]): boolean {
  for (const s of list) {
    for (let i = 0; i < s.length; i++) if ((s.charCodeAt(i) & 0xf800) === 0xd800) return true;
  }
  return false;
}

const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
const byUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const MAX_KEYED = 1024;
const scratch = new Float64Array(MAX_KEYED);

/**
 * Lexemes in PostgreSQL's order (bytes, a prefix first), each once. Sorting took most of the time
 * of writing a vector, with a comparison in script for each pair: the lexemes are sorted natively
 * as numbers by their first two UTF-16 units (each lexeme's index in the low bits), and only those
 * that share them are then compared as strings. Without surrogates UTF-16 order is byte order.
 */
export function sortedLexemes(list: string[]): string[] {
  const n = list.length;
  let sorted: string[];
  if (hasSurrogate(list)) sorted = list.sort(byBytes);
  else if (n > MAX_KEYED) sorted = list.sort(byUnits);
  else {
    const keys = scratch.subarray(0, n);
    for (let i = 0; i < n; i++) {
      const s = list[i];
      // A lone character (second unit 0) before every longer lexeme it begins.
      keys[i] = (s.charCodeAt(0) * 65537 + (s.length > 1 ? s.charCodeAt(1) + 1 : 0)) * MAX_KEYED + i;
    }
    keys.sort();
    sorted = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const s = list[keys[i] % MAX_KEYED];
      // Those sharing the first two units: an insertion sort into the run so far.
      let j = i;
      const prefix = Math.floor(keys[i] / MAX_KEYED);
      while (j > 0 && Math.floor(keys[j - 1] / MAX_KEYED) === prefix && sorted[j - 1] > s) {
        sorted[j] = sorted[j - 1];
        j--;
      }
      sorted[j] = s;
    }
  }
  let kept = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[kept - 1]) sorted[kept++] = sorted[i];
  sorted.length = kept;
  return sorted;
}

/** A finished stream: its bytes are the first `length` of `data`. */
export interface BinaryStream {
  data: ArrayBuffer;
  length: number;
}

/**
 * One COPY stream in the binary format at a time: the header (`start`), rows, and the trailer
 * (`finish`). A stream's memory is taken from `spare`, to which the loader returns it once the
 * stream is written: fresh memory for every chunk of rows (tens of megabytes), zeroed and first
 * touched, cost more than writing the rows into it.
 */
export class BinaryCopy {
  private buf = Buffer.alloc(0);
  private at = 0;

  constructor(private readonly spare: ArrayBuffer[]) {}

  start(): this {
    this.buf = Buffer.from(this.spare.pop() ?? new ArrayBuffer(1 << 20));
    this.at = SIGNATURE.copy(this.buf, 0);
    this.at = this.buf.writeInt32BE(0, this.at);
    this.at = this.buf.writeInt32BE(0, this.at);
    return this;
  }

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const bigger = Buffer.from(new ArrayBuffer(Math.max(this.buf.length * 2, this.at + n)));
    this.buf.copy(bigger, 0, 0, this.at);
    this.buf = bigger;
  }

  row(types: readonly BinaryType[], values: readonly unknown[]): void {
    this.room(2);
    this.at = this.buf.writeInt16BE(types.length, this.at);
    for (let i = 0; i < types.length; i++) this.value(types[i], values[i]);
  }

  private value(type: BinaryType, v: unknown): void {
    this.room(12);
    if (v === null || v === undefined) {
      this.at = this.buf.writeInt32BE(-1, this.at);
      return;
    }
    switch (type) {
      case 'integer':
        this.at = this.buf.writeInt32BE(4, this.at);
        this.at = this.buf.writeInt32BE(v as number, this.at);
        return;
      case 'smallint':
        this.at = this.buf.writeInt32BE(2, this.at);
        this.at = this.buf.writeInt16BE(v as number, this.at);
        return;
      case 'bigint':
        this.at = this.buf.writeInt32BE(8, this.at);
        this.at = this.buf.writeBigInt64BE(BigInt(v as number), this.at);
        return;
      case 'text':
        return this.text(String(v));
      case 'tsvector':
        return this.vector(v as Vector);
    }
  }

  private text(s: string): void {
    this.room(4 + 3 * s.length);
    const n = this.buf.write(s, this.at + 4, 'utf8');
    this.buf.writeInt32BE(n, this.at);
    this.at += 4 + n;
  }

  /** tsvector's binary input: the count, then each lexeme NUL-terminated with its positions. */
  private vector(v: Vector): void {
    const positioned = !Array.isArray(v);
    const lexemes = sortedLexemes(positioned ? [...v.keys()] : [...v]);
    const start = this.at;
    this.room(8);
    this.at += 4;
    this.at = this.buf.writeInt32BE(lexemes.length, this.at);
    for (const lexeme of lexemes) {
      const positions = positioned ? v.get(lexeme)! : [];
      this.room(3 * lexeme.length + 3 + 2 * positions.length);
      this.at = lexeme.length > 8 ? this.at + this.buf.write(lexeme, this.at, 'utf8') : this.utf8(lexeme);
      this.buf[this.at++] = 0;
      this.at = this.buf.writeUInt16BE(positions.length, this.at);
      // Two bytes each, written directly: a call of writeUInt16BE for each position cost more.
      const b = this.buf;
      for (const p of positions) {
        const word = p < 0 ? -p | WEIGHT_A : p;
        b[this.at++] = word >> 8;
        b[this.at++] = word & 255;
      }
    }
    this.buf.writeInt32BE(this.at - start - 4, start);
  }

  /** A short string's UTF-8 bytes, without the cost of a call into the runtime for each. */
  private utf8(s: string): number {
    const b = this.buf;
    let at = this.at;
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) b[at++] = c;
      else if (c < 0x800) {
        b[at++] = 0xc0 | (c >> 6);
        b[at++] = 0x80 | (c & 63);
      } else if ((c & 0xfc00) === 0xd800 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
        b[at++] = 0xf0 | (c >> 18);
        b[at++] = 0x80 | ((c >> 12) & 63);
        b[at++] = 0x80 | ((c >> 6) & 63);
        b[at++] = 0x80 | (c & 63);
      } else {
        // A lone surrogate is written as Buffer.write writes it: U+FFFD.
        if ((c & 0xf800) === 0xd800) c = 0xfffd;
        b[at++] = 0xe0 | (c >> 12);
        b[at++] = 0x80 | ((c >> 6) & 63);
        b[at++] = 0x80 | (c & 63);
      }
    }
    return at;
  }

  /** The stream with its trailer (its memory, transferable to another thread, is the stream's now). */
  finish(): BinaryStream {
    this.room(2);
    this.at = this.buf.writeInt16BE(-1, this.at);
    const out = { data: this.buf.buffer as ArrayBuffer, length: this.at };
    this.buf = Buffer.alloc(0);
    return out;
  }
}

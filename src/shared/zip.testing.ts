/**
 * Test helper: zip archives written byte by byte, so that tests can build what no honest zip
 * library writes: a part that inflates to 100 MB, or a directory that understates its sizes.
 */
import { createDeflateRaw, deflateRawSync, crc32 } from 'node:zlib';

export interface ZipPart {
  name: string;
  data: Buffer;
  /** Already deflated data (then `data` is unused and `declaredSize` and `crc` are given). */
  deflated?: Buffer;
  crc?: number;
  /** Store instead of deflate. */
  stored?: boolean;
  /** Inflated size written into the headers (a lie when it differs from data.length). */
  declaredSize?: number;
}

export function buildZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const body = part.deflated ?? (part.stored ? part.data : deflateRawSync(part.data));
    const size = part.declaredSize ?? part.data.length;
    const crc = part.crc ?? crc32(part.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(part.stored ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/**
 * Deflates `head`, `chunk` × `times`, `tail` as one stream, without ever holding the inflated
 * whole: the test process stays small, so it does not disturb the timings it measures.
 */
async function deflateRepeated(head: Buffer, chunk: Buffer, times: number, tail: Buffer): Promise<{ deflated: Buffer; size: number; crc: number }> {
  const deflate = createDeflateRaw();
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const ended = new Promise((r) => deflate.on('end', r));
  let crc = crc32(head);
  const write = (b: Buffer) => new Promise<void>((r) => (deflate.write(b) ? r() : deflate.once('drain', r)));
  await write(head);
  for (let i = 0; i < times; i++) {
    crc = crc32(chunk, crc);
    await write(chunk);
  }
  crc = crc32(tail, crc);
  deflate.end(tail);
  await ended;
  return { deflated: Buffer.concat(out), size: head.length + chunk.length * times + tail.length, crc };
}

/** A .docx whose word/document.xml inflates to `megabytes` MB of paragraphs (≈ 305 KB for 100 MB). */
export async function docxBomb(megabytes = 100, options: { declaredSize?: number } = {}): Promise<Buffer> {
  const paragraph = Buffer.from('<w:p><w:r><w:t>政府信息公开</w:t></w:r></w:p>');
  const mb = Buffer.alloc(1024 * 1024 - ((1024 * 1024) % paragraph.length), paragraph);
  const head = Buffer.from('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>');
  const { deflated, size, crc } = await deflateRepeated(head, mb, megabytes, Buffer.from('</w:body></w:document>'));
  return buildZip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(RELS) },
    { name: 'word/document.xml', data: Buffer.alloc(0), deflated, crc, declaredSize: options.declaredSize ?? size },
  ]);
}

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Document, Packer, Paragraph } from 'docx';
import { inspectZip, verifyInflation, ZipRefused } from './zip-guard.ts';
import { buildZip, docxBomb } from './zip.testing.ts';

describe('zip guard', () => {
  it('refuses a 100 MB document.xml hidden in a few hundred KB, before inflating it', async () => {
    const bomb = await docxBomb(100);
    assert.ok(bomb.length < 400 * 1024, `bomb is ${bomb.length} bytes`);
    const started = process.hrtime.bigint();
    assert.throws(() => inspectZip(bomb), (e: unknown) => e instanceof ZipRefused && /word\/document\.xml/.test(e.message) && /压缩炸弹/.test(e.message));
    // Reading the directory only: far below the time inflating 100 MB takes.
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 50);
  });

  it('refuses a directory that understates the size once inflation passes the declared size', async () => {
    const liar = await docxBomb(30, { declaredSize: 2000 });
    const entries = inspectZip(liar); // the declared sizes look harmless
    assert.throws(() => verifyInflation(liar, entries), (e: unknown) => e instanceof ZipRefused && /大于其声明/.test(e.message));
  });

  it('accepts a real Word file and an ordinary image part', async () => {
    const docx = Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('一、总体情况')] }] })));
    const entries = inspectZip(docx);
    assert.ok(entries.some((e) => e.name === 'word/document.xml'));
    verifyInflation(docx, entries);
    const withImage = buildZip([{ name: 'word/media/image1.png', data: Buffer.alloc(3 * 1024 * 1024, 7), stored: true }]);
    verifyInflation(withImage, inspectZip(withImage));
  });

  it('refuses what is not a zip and too many parts', () => {
    assert.throws(() => inspectZip(Buffer.from('PK not really')), ZipRefused);
    const many = buildZip(Array.from({ length: 30 }, (_, i) => ({ name: `p${i}.xml`, data: Buffer.from('x') })));
    assert.throws(() => inspectZip(many, { maxEntryBytes: 1e6, maxTotalBytes: 1e6, maxRatio: 100, ratioFloorBytes: 1e6, maxEntries: 20 }), /30 个条目/);
  });
});

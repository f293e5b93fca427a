import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { htmlParagraphs, htmlToText } from './html-text.ts';

describe('plain text of rich text', () => {
  it('breaks at block ends, drops tags and decodes entities once', () => {
    assert.equal(htmlToText('<p>甲&amp;乙</p><p>第<strong>二</strong>段&lt;x&gt;</p>'), '甲&乙\n第二段<x>');
    assert.equal(htmlToText('&amp;lt;'), '&lt;', 'decoded once, not twice');
  });
  it('lists paragraphs without empty ones', () => {
    assert.deepEqual(htmlParagraphs('<p> 一 </p><p></p><li>二</li><br>三'), ['一', '二', '三']);
  });
});

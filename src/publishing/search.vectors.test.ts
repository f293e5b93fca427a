import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lexemesText, tsvectorText } from './search.vectors.ts';

describe('search vectors written as text', () => {
  it('numbers positions through the title, then on through the body, with the title weighted A', () => {
    const text = tsvectorText([{ tokens: ['信息', '息公', '公开', '开'], weight: 'A' }, { tokens: ['信息', 'x'], weight: '' }]);
    assert.equal(text, "'信息':1A,5 '息公':2A '公开':3A '开':4A 'x':6");
  });

  it('keeps at most 255 positions of a lexeme and none beyond 16,383', () => {
    const text = tsvectorText([{ tokens: Array.from({ length: 20_000 }, () => '公开'), weight: '' }]);
    const positions = text.split(':')[1].split(',');
    assert.equal(positions.length, 255);
    const last = tsvectorText([{ tokens: [...Array.from({ length: 16_390 }, (_, i) => `w${i}`), '末'], weight: '' }]);
    assert.match(last, /'末':16383$/);
  });

  it('quotes a lexeme and leaves out one longer than PostgreSQL indexes', () => {
    assert.equal(lexemesText(["it's", 'a\\b', 'x'.repeat(3000)]), "'it''s' 'a\\\\b'");
  });
});

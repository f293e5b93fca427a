import { it } from 'node:test';
import assert from 'node:assert/strict';
import { ftsMatch, parseQuery, pgMatch } from './search.query.ts';

const fts = (q: string) => ftsMatch(parseQuery(q)!);

it('matches a term of one segment whole: a bigram phrase, a prefix for a word or one character', () => {
  assert.equal(fts('信息公开'), '"信息 息公 公开"');
  assert.equal(fts('GDP'), '"gdp"*');
  assert.equal(fts('年'), '"年"*');
  assert.equal(fts('公开 gdp'), '"公开" AND "gdp"*');
});

it('in a term of several segments, leaves short parts to the verification and prefixes only the last word', () => {
  // "〔2020〕1": 2020 ends where 〕 follows; the last word 1 would OR together every token starting with 1.
  assert.equal(fts('〔2020〕1'), '"2020"');
  assert.equal(fts('石发展〔2020〕15号'), '"石发 发展" AND "2020"');
  assert.equal(fts('2022年'), '"2022"');
  assert.equal(fts('〔2020〕153'), '"2020" AND "153"*');
  // Nothing long enough: every part is matched, as before.
  assert.equal(fts('1号'), '"1" AND "号"*');
  assert.deepEqual(pgMatch(parseQuery('石发展〔2020〕1')!), { tsv: "'2020'", grams: "'石发展':*", sequences: [] });
});
